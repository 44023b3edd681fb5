/* SPDX-License-Identifier: MIT */
/*
 * render_pdf.c: the handoff package PDF, the document the CSM reads.
 * Reads the canonical tree (and the verdict, config and today of the
 * render context) and lays it out with pdf_draw.c: cover, at a glance,
 * the four pillars (every field, unknown sections too), the drawn power
 * map, the timeline with business-day dates and status, links and the
 * sign-off block.  Returns the PDF bytes in a struct buf, or -1 with a
 * diagnostic.  The package is internal: internal fields belong in it.
 * This file holds the document itself, its cover, the at-a-glance page
 * and the timeline's dates; the pillars are in render_pdf_sections.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "calls/calls_model.h"
#include "client_fields.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "pdf_draw.h"
#include "pdf_font.h"
#include "render.h"
#include "render_pdf_int.h"
#include "step_done.h"
#include "timeline.h"
#include "validate.h"

/* ------------------------------------------------------------ timeline */

/* Compute every step's due date and status. */
static void
timeline_compute(struct rp *r)
{
	const struct config	*c = r->rc->c;
	int			 s;

	for (s = 0; s < STEP__MAX; s++) {
		r->due[s] = -1;
		if (r->signed_day >= 0)
			r->due[s] = timeline_add_business_days(r->signed_day,
			    r->tl->step[s].to, c->holidays, c->nholidays);
		if (step_done(r->m, s, r->due[s], r->rc->today))
			r->status[s] = "done";
		else if (r->due[s] < 0)
			r->status[s] = "pending";
		else if (r->rc->today > r->due[s])
			r->status[s] = "overdue";
		else
			r->status[s] = "due";
	}
}

/* ------------------------------------------------------------ cover */

/* The completeness bar: a track, the filled part, the figure. */
static void
cover_bar(struct rp *r, int pct)
{
	struct pdf	*p = &r->p;
	char		 s[32];
	float		 w = 200.0f, y;

	if (pct < 0)
		pct = 0;
	if (pct > 100)
		pct = 100;
	pdf_need(p, 30);
	y = p->y - 14;
	pdf_text(p, PDF_REGULAR, SMALL, &PDF_MUTED, p->left, y + 2,
	    "Completeness", 12);
	pdf_rect(p, p->left + 80, y, w, 7, &PDF_SHADE);
	if (pct > 0)
		pdf_rect(p, p->left + 80, y, w * (float)pct / 100.0f, 7,
		    pct >= 100 ? &rp_st_done : &PDF_ACCENT);
	snprintf(s, sizeof(s), "%d %%", pct);
	pdf_text(p, PDF_BOLD, SMALL, &PDF_INK, p->left + 88 + w, y + 0.5f, s,
	    strlen(s));
	p->y -= 30;
}

static void
cover_facts(struct rp *r)
{
	static const float frac[4] = { 0.16f, 0.34f, 0.16f, 0.34f };
	struct pdf_table t;
	struct pdf_cell	 c[4];
	struct buf	 val, ae, csm, ren;
	char		 sig[16] = "", dl[16] = "", seg[64], stage[64];
	const struct verdict *v = r->rc->v;
	xmlNodePtr	 e, d = r->deal;
	char		*aem = NULL, *csmm = NULL;
	const char	*rows[][4] = {
		{ "Segment", NULL, "Stage", NULL },
		{ "Contract value", NULL, "Term", NULL },
		{ "Signed", NULL, "Handoff due", NULL },
		{ "Start", NULL, "Go-live", NULL },
		{ "Renewal", NULL, "Industry", NULL },
		{ "AE", NULL, "CSM", NULL },
	};
	size_t		 i;

	buf_init(&val);
	buf_init(&ae);
	buf_init(&csm);
	buf_init(&ren);
	rw_money(&val, model_child(d, "value"));
	if (r->signed_day >= 0)
		rw_day_label(sig, r->signed_day);
	if (v != NULL && v->deadline >= 0)
		rw_day_label(dl, v->deadline);
	else if (r->due[STEP_PACKAGE] >= 0)
		rw_day_label(dl, r->due[STEP_PACKAGE]);
	buf_printf(&ae, "%s\n%s", rw_txt(d, "ae/name"), rw_txt(d, "ae/email"));
	buf_printf(&csm, "%s\n%s", rw_txt(d, "csm/name"), rw_txt(d, "csm/email"));
	if (*rw_txt(d, "ae/email") != '\0')
		aem = rp_mailto(rw_txt(d, "ae/email"));
	if (*rw_txt(d, "csm/email") != '\0')
		csmm = rp_mailto(rw_txt(d, "csm/email"));
	rows[0][1] = rw_pretty(seg, rw_txt(d, "segment"));
	rows[0][3] = rw_pretty(stage, rw_txt(d, "stage"));
	rows[1][1] = val.data;
	rows[1][3] = rw_txt(d, "term");
	rows[2][1] = sig;
	rows[2][3] = dl;
	rows[3][1] = rw_txt(d, "start");
	rows[3][3] = rw_txt(d, "go-live");
	/* a renewal handoff worked out says so, and from what */
	buf_puts(&ren, rw_txt(d, "renewal"));
	buf_puts(&ren, "\n(derived: ");
	rows[4][1] = rw_renewal_basis(&ren, d) && buf_putc(&ren, ')') == 0 ?
	    ren.data : rw_txt(d, "renewal");
	rows[4][3] = rw_txt(d, "industry");
	rows[5][1] = ae.data;
	rows[5][3] = csm.data;
	memset(&t, 0, sizeof(t));
	t.ncols = 4;
	t.frac = frac;
	t.size = BODY;
	t.zebra = 0;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		memset(c, 0, sizeof(c));
		c[0].text = rows[i][0];
		c[0].color = &PDF_MUTED;
		c[1].text = rows[i][1] != NULL && *rows[i][1] != '\0' ?
		    rows[i][1] : "\xe2\x80\x94";
		c[2].text = rows[i][2];
		c[2].color = &PDF_MUTED;
		c[3].text = rows[i][3] != NULL && *rows[i][3] != '\0' ?
		    rows[i][3] : "\xe2\x80\x94";
		if (i == 5) {
			c[1].uri = aem;
			c[3].uri = csmm;
		}
		pdf_table_row(&r->p, &t, c);
	}
	/* the author's own deal fields */
	for (e = model_child(d, "extra"); e != NULL; e = model_next(e, "extra"))
		rp_field(r, model_attr(e, "name") ? model_attr(e, "name") : "extra",
		    model_text(e), NULL);
	free(aem);
	free(csmm);
	buf_dispose(&val);
	buf_dispose(&ae);
	buf_dispose(&csm);
	buf_dispose(&ren);
}

/* A deal that is not signed yet gets a draft package. */
static int
rp_is_draft(const struct rp *r)
{
	return r->rc->v != NULL && r->rc->v->stage != STAGE_SIGNED;
}

static void
cover(struct rp *r)
{
	struct pdf	*p = &r->p;
	const char	*client = rw_txt(r->deal, "client");
	char		 line[256];
	const char	*kind = "Internal \xe2\x80\x94 do not forward";

	pdf_new_page(p);
	pdf_bookmark(p, 0, "Cover");
	p->y -= 40;
	if (rp_is_draft(r))
		pdf_text(p, PDF_BOLD, SMALL, &rp_st_over, p->left, p->y,
		    "DRAFT HANDOFF PACKAGE \xe2\x80\x94 PRE-CLOSE, NOT SIGNED",
		    strlen("DRAFT HANDOFF PACKAGE \xe2\x80\x94 PRE-CLOSE, NOT "
		    "SIGNED"));
	else
		pdf_text(p, PDF_BOLD, SMALL, &PDF_ACCENT, p->left, p->y,
		    "HANDOFF PACKAGE", 15);
	p->y -= 14;
	pdf_para(p, PDF_BOLD, 26.0f, &PDF_INK, 0,
	    *client != '\0' ? client : "Unnamed client");
	snprintf(line, sizeof(line), "Sales \xe2\x86\x92 Customer Success handoff"
	    " \xc2\xb7 deal %s", rw_txt(r->deal, "id"));
	pdf_para(p, PDF_REGULAR, 11.0f, &PDF_MUTED, 0, line);
	p->y -= 6;
	pdf_text(p, PDF_BOLD, SMALL, &rp_st_over, p->left, p->y - SMALL, kind,
	    strlen(kind));
	p->y -= 34;
	cover_facts(r);
	p->y -= 10;
	cover_bar(r, r->rc->v != NULL ? r->rc->v->percent : 0);
	snprintf(line, sizeof(line), "Version %s", r->rc->version != NULL ?
	    r->rc->version : "not in git");
	pdf_para(p, PDF_REGULAR, SMALL, &PDF_MUTED, 0, line);
}

/* Red flags are risks: each paragraph or item of '## Red flags' is a row
 * of the glance table (n rows are there already).  Returns rows added. */
static int
glance_red_flags(struct rp *r, struct pdf_table *t, int n)
{
	struct pdf_cell	 c[3];
	xmlNodePtr	 k;
	int		 added = 0;

	for (k = model_first(model_find(r->m, "risks/red-flags")); k != NULL &&
	    added < 5; k = model_next_elem(k)) {
		if (strcmp(model_name(k), "p") != 0 &&
		    strcmp(model_name(k), "li") != 0)
			continue;
		if (n + added++ == 0)
			pdf_table_head(&r->p, t);
		memset(c, 0, sizeof(c));
		c[0].text = model_text(k);
		c[1].text = "Red flag";
		c[1].fill = &rp_sev_fill[1];	/* as a high risk */
		c[1].color = &rp_sev_ink[1];
		c[1].face = PDF_BOLD;
		c[2].text = "";
		pdf_table_row(&r->p, t, c);
	}
	return added;
}

/* ------------------------------------------------------------ at a glance */

static void
glance_contact(struct rp *r)
{
	xmlNodePtr	 st;
	struct buf	 b;
	char		*uri = NULL;

	for (st = model_find(r->m, "relationships/stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"))
		if (rw_is_primary(st))
			break;
	pdf_heading(&r->p, 1, "Primary contact");
	if (st == NULL) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "No primary contact named yet.");
		return;
	}
	buf_init(&b);
	buf_puts(&b, rw_txt(st, "name"));
	if (*rw_txt(st, "title") != '\0')
		buf_printf(&b, ", %s", rw_txt(st, "title"));
	rp_field(r, "Name", b.data, NULL);
	if (*rw_txt(st, "email") != '\0')
		uri = rp_mailto(rw_txt(st, "email"));
	rp_field(r, "E-mail", rw_txt(st, "email"), uri);
	rp_field(r, "Prefers", rw_txt(st, "channel"), NULL);
	free(uri);
	buf_dispose(&b);
}

static void
glance_goals(struct rp *r)
{
	static const char *const head[3] = { "Metric", "Target", "By" };
	static const float frac[3] = { 0.5f, 0.32f, 0.18f };
	struct pdf_table t = { 3, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[3];
	xmlNodePtr	 g;
	int		 n = 0;

	pdf_heading(&r->p, 1, "Top goals");
	for (g = model_find(r->m, "goals/metric"); g != NULL && n < 3;
	    g = model_next(g, "metric"), n++) {
		if (n == 0)
			pdf_table_head(&r->p, &t);
		memset(c, 0, sizeof(c));
		c[0].text = rw_txt(g, "name");
		c[1].text = rw_txt(g, "target");
		c[2].text = rw_txt(g, "due");
		pdf_table_row(&r->p, &t, c);
	}
	if (n == 0)
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "No success metrics yet.");
	else
		pdf_table_end(&r->p, &t);
}

static void
glance_risks(struct rp *r)
{
	static const char *const head[3] = { "Risk", "Severity", "Owner" };
	static const float frac[3] = { 0.62f, 0.18f, 0.20f };
	struct pdf_table t = { 3, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[3];
	xmlNodePtr	 k;
	int		 n = 0, rank, sr;

	pdf_heading(&r->p, 1, "Top risks");
	for (rank = 0; rank <= 4 && n < 3; rank++)
		for (k = model_find(r->m, "risks/risk"); k != NULL && n < 3;
		    k = model_next(k, "risk")) {
			if ((sr = rw_sev_rank(rw_txt(k, "severity"))) != rank)
				continue;
			if (n++ == 0)
				pdf_table_head(&r->p, &t);
			memset(c, 0, sizeof(c));
			c[0].text = rw_txt(k, "text");
			c[1].text = rw_txt(k, "severity");
			if (sr < 4) {
				c[1].fill = &rp_sev_fill[sr];
				c[1].color = &rp_sev_ink[sr];
				c[1].face = PDF_BOLD;
			}
			c[2].text = rw_txt(k, "owner");
			pdf_table_row(&r->p, &t, c);
		}
	n += glance_red_flags(r, &t, n);
	if (n == 0)
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    rw_is_true(model_attr(model_find(r->m, "risks"), "none")) ?
		    "None identified." : "No risks recorded.");
	else
		pdf_table_end(&r->p, &t);
}

/* "text (who, by date)" for a commitment, into b. */
static void
commitment_text(struct buf *b, const xmlNode *c)
{
	buf_clear(b);
	buf_puts(b, rw_txt(c, "text"));
	if (*rw_txt(c, "who") != '\0' || *rw_txt(c, "due") != '\0') {
		buf_puts(b, " (");
		buf_puts(b, rw_txt(c, "who"));
		if (*rw_txt(c, "due") != '\0')
			buf_printf(b, "%sby %s", *rw_txt(c, "who") ? ", " : "",
			    rw_txt(c, "due"));
		buf_putc(b, ')');
	}
}

static void
glance_commitments(struct rp *r)
{
	xmlNodePtr	 c;
	struct buf	 b;
	int		 n = 0;

	pdf_heading(&r->p, 1, "Open commitments");
	buf_init(&b);
	for (c = model_find(r->m, "context/commitments/commitment"); c != NULL;
	    c = model_next(c, "commitment")) {
		if (rw_is_true(model_attr(c, "done")))
			continue;
		commitment_text(&b, c);
		pdf_bullet(&r->p, "\xe2\x98\x90", &PDF_ACCENT, b.data);
		n++;
	}
	if (n == 0)
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "No open commitments.");
	buf_dispose(&b);
}

static void
glance_next(struct rp *r)
{
	static const char *const head[4] = { "Next step", "Due", "Owner",
	    "Status" };
	static const float frac[4] = { 0.46f, 0.22f, 0.16f, 0.16f };
	struct pdf_table t = { 4, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[4];
	char		 due[16];
	int		 s, n = 0;

	pdf_heading(&r->p, 1, "Next steps");
	for (s = 0; s < STEP__MAX && n < 3; s++) {
		if (strcmp(r->status[s], "done") == 0)
			continue;
		if (n++ == 0)
			pdf_table_head(&r->p, &t);
		memset(c, 0, sizeof(c));
		strcpy(due, "after signature");
		if (r->due[s] >= 0)
			rw_day_label(due, r->due[s]);
		c[0].text = r->tl->step[s].title;
		c[1].text = due;
		c[2].text = r->tl->step[s].owner;
		c[3].text = r->status[s];
		c[3].face = PDF_BOLD;
		c[3].color = strcmp(r->status[s], "overdue") == 0 ? &rp_st_over :
		    &PDF_INK;
		pdf_table_row(&r->p, &t, c);
	}
	if (n == 0)
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "Every step of the timeline is done.");
	else
		pdf_table_end(&r->p, &t);
}

/* Which fields may reach the client: the shareable ones it fills. */
static void
glance_client(struct rp *r)
{
	struct buf	 b;

	if (r->rc->s == NULL)
		return;
	buf_init(&b);
	pdf_heading(&r->p, 1, "Reaches the client");
	if (buf_puts(&b, "The client intro and the calendar may use only "
	    "these fields (shareable in the schema): ") == 0 &&
	    client_fields_list(&b, r->rc->s, r->m) >= 0 &&
	    buf_puts(&b, ". Everything else in this package stays "
	    "internal.") == 0)
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0, b.data);
	buf_dispose(&b);
}

static void
glance(struct rp *r)
{
	pdf_heading(&r->p, 0, "At a glance");
	glance_contact(r);
	glance_goals(r);
	glance_risks(r);
	glance_commitments(r);
	glance_next(r);
	glance_client(r);
}

/* ------------------------------------------------------------ the document */

static void
metadata(struct rp *r)
{
	struct buf	 title, subj, kw;

	buf_init(&title);
	buf_init(&subj);
	buf_init(&kw);
	buf_printf(&title, "Handoff package: %s", rw_txt(r->deal, "client"));
	buf_printf(&subj, "Sales to Customer Success handoff for %s (%s, %s)",
	    rw_txt(r->deal, "client"), rw_txt(r->deal, "segment"),
	    rw_txt(r->deal, "stage"));
	buf_printf(&kw, "handoff, %s", rw_txt(r->deal, "id"));
	if (*rw_txt(r->deal, "segment") != '\0')
		buf_printf(&kw, ", %s", rw_txt(r->deal, "segment"));
	if (*rw_txt(r->deal, "industry") != '\0')
		buf_printf(&kw, ", %s", rw_txt(r->deal, "industry"));
	pdf_set_info(&r->p, title.data, rw_txt(r->deal, "ae/name"), subj.data,
	    kw.data, "handoff " HANDOFF_VERSION, r->rc->now);
	buf_dispose(&title);
	buf_dispose(&subj);
	buf_dispose(&kw);
}

/* The signature date: the verdict's, else the deal's own field. */
static int
signed_day(const struct render_ctx *rc, const xmlNode *deal)
{
	int	 d;

	if (rc->v != NULL && rc->v->signed_day >= 0)
		return rc->v->signed_day;
	if (date_parse(rw_txt(deal, "signed"), &d) == 0)
		return d;
	return -1;
}

/*
 * Lay the whole package out on r->p and finish it into out (nothing,
 * in a dry run).  0 or -1.
 */
static int
layout(struct rp *r, struct buf *out)
{
	const struct render_ctx	*rc = r->rc;
	struct buf		 hl, fl;
	char			 today[11];
	int			 rv;

	buf_init(&hl);
	buf_init(&fl);
	metadata(r);
	cover(r);
	glance(r);
	rp_context(r);
	rp_relationships(r);
	rp_goals(r);
	rp_risks(r);
	/* The pillars open their own pages; the shorter chapters after
	 * them share pages. */
	r->p.flow = 1;
	rp_timeline(r);
	rp_client_dna(r);
	rp_process(r);
	rp_calls(r);
	if (calls_model_has_extras(model_root(rc->m))) {
		pdf_heading(&r->p, 0, "Additional sections");
		rp_extra_sections(r, model_root(rc->m), 1);
	}
	pdf_heading(&r->p, 0, "Links and sign-off");
	rp_links(r);
	rp_signoff(r);
	date_format(rc->today, today);
	buf_printf(&hl, "%s \xc2\xb7 Handoff package%s", rw_txt(r->deal,
	    "client"), rp_is_draft(r) ? " \xc2\xb7 DRAFT" : "");
	buf_printf(&fl, "%s \xc2\xb7 version %s \xc2\xb7 as of %s",
	    rw_txt(r->deal, "id"), rc->version ? rc->version : "not in git", today);
	rv = pdf_finish(&r->p, out, hl.data, "Internal \xe2\x80\x94 do not "
	    "forward", fl.data);
	buf_dispose(&hl);
	buf_dispose(&fl);
	return rv;
}

/*
 * Two passes over the same layout (pdf_draw.h): a dry run collects the
 * code points each face draws, then the real one embeds faces cut to
 * them.  The faces come from the build (rc->fonts) or are read here.
 */
int
render_pdf(struct buf *out, const struct render_ctx *rc, struct diag_list *dl)
{
	struct rp		*r;
	struct pdf_fonts	*own = NULL, *fonts = rc->fonts;
	struct pdf_cpset	*used = NULL;
	int			 rv = -1;

	if ((r = calloc(1, sizeof(*r))) == NULL ||
	    (used = malloc(PDF_FACES * sizeof(*used))) == NULL) {
		free(r);
		diag_add(dl, diag_pos_line(rc->m->file, 0), RULE_OUTPUT,
		    "cannot typeset the handoff package: out of memory");
		return -1;
	}
	buf_init(&r->tmp);
	r->rc = rc;
	r->m = rc->m;
	r->deal = model_find(rc->m, "deal");
	r->signed_day = signed_day(rc, r->deal);
	r->tl = config_timeline(rc->c, rw_txt(r->deal, "segment"));
	timeline_compute(r);
	if (fonts == NULL && pdf_fonts_new(&own, HANDOFF_FONTDIR) == -1) {
		diag_add_hint(dl, diag_pos_line(rc->m->file, 0), RULE_OUTPUT,
		    "install fonts-dejavu-core", "cannot read the fonts in "
		    "%s: %s", HANDOFF_FONTDIR, strerror(errno));
		goto out;
	}
	if (own != NULL)
		fonts = own;
	if (pdf_init(&r->p, fonts, NULL) == -1 || layout(r, NULL) == -1)
		goto fail;
	memcpy(used, r->p.used, PDF_FACES * sizeof(*used));
	pdf_dispose(&r->p);
	buf_clear(&r->tmp);
	if (pdf_init(&r->p, fonts, used) == 0 && layout(r, out) == 0)
		rv = 0;
fail:
	if (rv == -1)
		diag_add_hint(dl, diag_pos_line(rc->m->file, 0), RULE_OUTPUT,
		    "check that fonts-dejavu-core is installed; otherwise "
		    "this is a bug in handoff, please report it",
		    "cannot typeset the handoff package: %s (libharu error "
		    "0x%04lx, detail %lu)", r->p.oom ? "out of memory" :
		    "libharu failed", r->p.error, r->p.detail);
out:
	pdf_dispose(&r->p);
	pdf_fonts_free(own);
	buf_dispose(&r->tmp);
	free(used);
	free(r);
	return rv;
}

