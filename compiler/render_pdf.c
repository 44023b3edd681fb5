/* SPDX-License-Identifier: MIT */
/*
 * render_pdf.c: the handoff package PDF, the document the CSM reads.
 * Reads the canonical tree (and the verdict, config and today of the
 * render context) and lays it out with pdf_draw.c: cover, at a glance,
 * the four pillars (every field, unknown sections too), the drawn power
 * map, the timeline with business-day dates and status, links and the
 * sign-off block.  Returns the PDF bytes in a struct buf, or -1 with a
 * diagnostic.  The package is internal: internal fields belong in it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "pdf_draw.h"
#include "pdf_font.h"
#include "render.h"
#include "timeline.h"
#include "validate.h"

#define BODY	9.5f
#define SMALL	8.5f

/* What the sections share while one package is laid out. */
struct rp {
	struct pdf		 p;
	const struct render_ctx	*rc;
	const struct model	*m;
	xmlNodePtr		 deal;
	int			 signed_day;	/* -1: not signed */
	const struct timeline	*tl;
	int			 due[STEP__MAX];	/* -1: unknown */
	const char		*status[STEP__MAX];
	struct buf		 tmp;		/* scratch for composed text */
};

static const struct pdf_rgb sev_fill[4] = {
	{ 0.96f, 0.80f, 0.79f },	/* critical */
	{ 0.98f, 0.87f, 0.81f },	/* high */
	{ 0.99f, 0.93f, 0.78f },	/* medium */
	{ 0.87f, 0.94f, 0.86f },	/* low */
};
static const struct pdf_rgb sev_ink[4] = {
	{ 0.55f, 0.10f, 0.10f },
	{ 0.62f, 0.22f, 0.10f },
	{ 0.50f, 0.36f, 0.02f },
	{ 0.18f, 0.40f, 0.20f },
};
static const char *const sev_name[4] = { "critical", "high", "medium", "low" };

static const char *const stance_name[5] = {
	"champion", "supporter", "neutral", "skeptic", "detractor"
};
static const struct pdf_rgb stance_rgb[5] = {
	{ 0.16f, 0.49f, 0.31f },
	{ 0.42f, 0.64f, 0.41f },
	{ 0.56f, 0.59f, 0.63f },
	{ 0.83f, 0.60f, 0.20f },
	{ 0.75f, 0.31f, 0.30f },
};
static const char *const level_name[3] = { "high", "medium", "low" };

static const struct pdf_rgb st_done = { 0.18f, 0.45f, 0.25f };
static const struct pdf_rgb st_over = { 0.70f, 0.15f, 0.13f };

/* ------------------------------------------------------------ helpers */

static const char *
txt(const xmlNode *n, const char *path)
{
	return model_text(model_find_from(n, path));
}

static int
index_of(const char *const *names, int n, const char *s)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* "economic-buyer" -> "Economic buyer" into out (64 bytes). */
static const char *
pretty(char out[64], const char *s)
{
	size_t	 i;

	if (strcmp(s, "legal-procurement") == 0)
		return "Legal / procurement";
	for (i = 0; s[i] != '\0' && i < 63; i++)
		out[i] = i == 0 && s[i] >= 'a' && s[i] <= 'z' ?
		    (char)(s[i] - 'a' + 'A') : s[i] == '-' ? ' ' : s[i];
	if (s[i] != '\0') {	/* cut: never leave half a UTF-8 sequence */
		while (i > 0 && ((unsigned char)out[i - 1] & 0xc0) == 0x80)
			i--;
		if (i > 0 && (unsigned char)out[i - 1] >= 0xc0)
			i--;
	}
	out[i] = '\0';
	return out;
}

/* "240000" EUR year -> "EUR 240,000 / year". */
static void
money(struct buf *b, const xmlNode *v)
{
	const char	*s = model_text(v), *dot, *cur, *per;
	size_t		 n, i;

	if (*s == '\0')
		return;
	cur = model_attr(v, "currency");
	per = model_attr(v, "per");
	dot = strchr(s, '.');
	n = dot != NULL ? (size_t)(dot - s) : strlen(s);
	if (cur != NULL)
		buf_printf(b, "%s ", cur);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, s[i]);
	}
	if (dot != NULL)
		buf_puts(b, dot);
	if (per != NULL && strcmp(per, "once") != 0)
		buf_printf(b, " / %s", per);
}

/* Append the author's extra fields of a record as "name: value" lines. */
static void
extras_lines(struct buf *b, const xmlNode *rec)
{
	xmlNodePtr	 e;
	const char	*name;

	for (e = model_child(rec, "extra"); e != NULL; e = model_next(e, "extra")) {
		name = model_attr(e, "name");
		buf_printf(b, "%s%s: %s", b->len > 0 ? "\n" : "",
		    name != NULL ? name : "extra", model_text(e));
	}
}

/* Dates with a weekday: "2026-11-20 Fri". */
static void
day_label(char out[16], int day)
{
	static const char *const wd[7] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};
	char	 iso[11];

	date_format(day, iso);
	snprintf(out, 16, "%s %s", iso, wd[date_weekday(day)]);
}

/* ------------------------------------------------------------ timeline */

/* Is step s done, from what the process record says? */
static int
step_done(struct rp *r, int s, int today)
{
	xmlNodePtr	 root = model_root(r->m), st, ro;
	int		 eb = 0, prim = 0;

	switch (s) {
	case STEP_PACKAGE:
		return strcmp(model_get(r->m, "process/review/decision"),
		    "accepted") == 0;
	case STEP_CALL:
		return *model_get(r->m, "process/handoff-call/date") != '\0';
	case STEP_MAPPING:
		for (st = model_find_from(root, "relationships/stakeholder");
		    st != NULL; st = model_next(st, "stakeholder")) {
			for (ro = model_child(st, "role"); ro != NULL;
			    ro = model_next(ro, "role"))
				if (strcmp(model_text(ro), "economic-buyer") == 0)
					eb = 1;
			if (model_attr(st, "primary") != NULL &&
			    strcmp(model_attr(st, "primary"), "true") == 0 &&
			    *txt(st, "email") != '\0')
				prim = 1;
		}
		return eb && prim;
	case STEP_INTRO:
		return *model_get(r->m, "process/intro-sent") != '\0';
	case STEP_FEEDBACK:
		return *model_get(r->m, "process/feedback/score") != '\0';
	case STEP_ESCALATION:
		return r->due[s] >= 0 && today > r->due[s];
	default:
		return 0;
	}
}

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
		if (step_done(r, s, r->rc->today))
			r->status[s] = "done";
		else if (r->due[s] < 0)
			r->status[s] = "pending";
		else if (r->rc->today > r->due[s])
			r->status[s] = "overdue";
		else
			r->status[s] = "due";
	}
}

/* ------------------------------------------------------------ blocks */

static int
is_true(const char *v)
{
	return v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

static int
is_primary(const xmlNode *st)
{
	return is_true(model_attr(st, "primary"));
}

static int
has_role(const xmlNode *st, const char *role)
{
	xmlNodePtr	 ro;

	for (ro = model_child(st, "role"); ro != NULL; ro = model_next(ro, "role"))
		if (strcmp(model_text(ro), role) == 0)
			return 1;
	return 0;
}

/* A simple table of the author's (first row is the header). */
static void
block_table(struct rp *r, const xmlNode *tbl)
{
	struct pdf_table t;
	struct pdf_cell	 c[32];
	const char	*head[32];
	float		 frac[32];
	xmlNodePtr	 tr, td;
	size_t		 n = 0, i;

	for (tr = model_child(tbl, "tr"); tr != NULL; tr = model_next(tr, "tr")) {
		for (i = 0, td = model_child(tr, "td"); td != NULL;
		    td = model_next(td, "td"))
			i++;
		if (i > n)
			n = i;
	}
	if (n == 0)
		return;
	if (n > 32)
		n = 32;
	memset(&t, 0, sizeof(t));
	t.ncols = n;
	t.frac = frac;
	t.size = SMALL;
	t.zebra = 1;
	for (i = 0; i < n; i++)
		frac[i] = 1.0f / (float)n;
	for (tr = model_child(tbl, "tr"); tr != NULL; tr = model_next(tr, "tr")) {
		memset(c, 0, sizeof(c));
		for (i = 0, td = model_child(tr, "td"); td != NULL && i < n;
		    td = model_next(td, "td"), i++)
			c[i].text = model_text(td);
		if (t.head == NULL) {
			for (i = 0; i < n; i++)
				head[i] = c[i].text != NULL ? c[i].text : "";
			t.head = head;
			pdf_table_head(&r->p, &t);
		} else
			pdf_table_row(&r->p, &t, c);
	}
	pdf_table_end(&r->p, &t);
}

/* Paragraphs, list items and tables, in the author's order. */
static void
block(struct rp *r, const xmlNode *b)
{
	xmlNodePtr	 n;
	const char	*name;

	for (n = model_first(b); n != NULL; n = model_next_elem(n)) {
		name = model_name(n);
		if (strcmp(name, "p") == 0)
			pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_INK, 0,
			    model_text(n));
		else if (strcmp(name, "li") == 0)
			pdf_bullet(&r->p, "\xe2\x80\xa2", &PDF_ACCENT,
			    model_text(n));
		else if (strcmp(name, "table") == 0)
			block_table(r, n);
	}
	pdf_skip(&r->p, 4);
}

/* A titled block when the field is there. */
static void
section_block(struct rp *r, const xmlNode *parent, const char *name,
    const char *title)
{
	xmlNodePtr	 b = model_child(parent, name);

	if (b == NULL || !model_has_text(b))
		return;
	pdf_heading(&r->p, 1, title);
	block(r, b);
}

/* A section the author added (extra heading="..."), with subsections. */
static void
extra_section(struct rp *r, const xmlNode *x, int depth)
{
	const char	*h = model_attr(x, "heading");
	xmlNodePtr	 n;

	pdf_heading(&r->p, depth > 2 ? 2 : depth, h != NULL ? h : "Notes");
	block(r, x);
	for (n = model_child(x, "extra"); n != NULL; n = model_next(n, "extra"))
		extra_section(r, n, depth + 1);
}

static void
extra_sections(struct rp *r, const xmlNode *parent, int depth)
{
	xmlNodePtr	 n;

	for (n = model_child(parent, "extra"); n != NULL;
	    n = model_next(n, "extra"))
		if (model_attr(n, "heading") != NULL)
			extra_section(r, n, depth);
}

/* A label / value row, skipped when the value is empty. */
static void
field(struct rp *r, const char *label, const char *value, const char *uri)
{
	if (value == NULL || *value == '\0')
		return;
	pdf_field(&r->p, 130.0f, label, value, uri);
}

/* "mailto:" + address in a new string (free()). */
static char *
mailto(const char *addr)
{
	char	*s;
	size_t	 n = strlen(addr);

	if ((s = malloc(n + 8)) == NULL)
		return NULL;
	memcpy(s, "mailto:", 7);
	memcpy(s + 7, addr, n + 1);
	return s;
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
		    pct >= 100 ? &st_done : &PDF_ACCENT);
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
	struct buf	 val, ae, csm;
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
	money(&val, model_child(d, "value"));
	if (r->signed_day >= 0)
		day_label(sig, r->signed_day);
	if (v != NULL && v->deadline >= 0)
		day_label(dl, v->deadline);
	else if (r->due[STEP_PACKAGE] >= 0)
		day_label(dl, r->due[STEP_PACKAGE]);
	buf_printf(&ae, "%s\n%s", txt(d, "ae/name"), txt(d, "ae/email"));
	buf_printf(&csm, "%s\n%s", txt(d, "csm/name"), txt(d, "csm/email"));
	if (*txt(d, "ae/email") != '\0')
		aem = mailto(txt(d, "ae/email"));
	if (*txt(d, "csm/email") != '\0')
		csmm = mailto(txt(d, "csm/email"));
	rows[0][1] = pretty(seg, txt(d, "segment"));
	rows[0][3] = pretty(stage, txt(d, "stage"));
	rows[1][1] = val.data;
	rows[1][3] = txt(d, "term");
	rows[2][1] = sig;
	rows[2][3] = dl;
	rows[3][1] = txt(d, "start");
	rows[3][3] = txt(d, "go-live");
	rows[4][1] = txt(d, "renewal");
	rows[4][3] = txt(d, "industry");
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
		field(r, model_attr(e, "name") ? model_attr(e, "name") : "extra",
		    model_text(e), NULL);
	free(aem);
	free(csmm);
	buf_dispose(&val);
	buf_dispose(&ae);
	buf_dispose(&csm);
}

static void
cover(struct rp *r)
{
	struct pdf	*p = &r->p;
	const char	*client = txt(r->deal, "client");
	char		 line[256];
	const char	*kind = "Internal \xe2\x80\x94 do not forward";

	pdf_new_page(p);
	pdf_bookmark(p, 0, "Cover");
	p->y -= 40;
	pdf_text(p, PDF_BOLD, SMALL, &PDF_ACCENT, p->left, p->y,
	    "HANDOFF PACKAGE", 15);
	p->y -= 14;
	pdf_para(p, PDF_BOLD, 26.0f, &PDF_INK, 0,
	    *client != '\0' ? client : "Unnamed client");
	snprintf(line, sizeof(line), "Sales \xe2\x86\x92 Customer Success handoff"
	    " \xc2\xb7 deal %s", txt(r->deal, "id"));
	pdf_para(p, PDF_REGULAR, 11.0f, &PDF_MUTED, 0, line);
	p->y -= 6;
	pdf_text(p, PDF_BOLD, SMALL, &st_over, p->left, p->y - SMALL, kind,
	    strlen(kind));
	p->y -= 34;
	cover_facts(r);
	p->y -= 10;
	cover_bar(r, r->rc->v != NULL ? r->rc->v->percent : 0);
	snprintf(line, sizeof(line), "Version %s", r->rc->version != NULL ?
	    r->rc->version : "not in git");
	pdf_para(p, PDF_REGULAR, SMALL, &PDF_MUTED, 0, line);
}

/* ------------------------------------------------------------ at a glance */

static int
sev_rank(const char *s)
{
	int	 i = index_of(sev_name, 4, s);

	return i < 0 ? 4 : i;
}

static void
glance_contact(struct rp *r)
{
	xmlNodePtr	 st;
	struct buf	 b;
	char		*uri = NULL;

	for (st = model_find(r->m, "relationships/stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"))
		if (is_primary(st))
			break;
	pdf_heading(&r->p, 1, "Primary contact");
	if (st == NULL) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "No primary contact named yet.");
		return;
	}
	buf_init(&b);
	buf_puts(&b, txt(st, "name"));
	if (*txt(st, "title") != '\0')
		buf_printf(&b, ", %s", txt(st, "title"));
	field(r, "Name", b.data, NULL);
	if (*txt(st, "email") != '\0')
		uri = mailto(txt(st, "email"));
	field(r, "E-mail", txt(st, "email"), uri);
	field(r, "Prefers", txt(st, "channel"), NULL);
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
		c[0].text = txt(g, "name");
		c[1].text = txt(g, "target");
		c[2].text = txt(g, "due");
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
			if ((sr = sev_rank(txt(k, "severity"))) != rank)
				continue;
			if (n++ == 0)
				pdf_table_head(&r->p, &t);
			memset(c, 0, sizeof(c));
			c[0].text = txt(k, "text");
			c[1].text = txt(k, "severity");
			if (sr < 4) {
				c[1].fill = &sev_fill[sr];
				c[1].color = &sev_ink[sr];
				c[1].face = PDF_BOLD;
			}
			c[2].text = txt(k, "owner");
			pdf_table_row(&r->p, &t, c);
		}
	if (n == 0)
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    is_true(model_attr(model_find(r->m, "risks"), "none")) ?
		    "None identified." : "No risks recorded.");
	else
		pdf_table_end(&r->p, &t);
}

/* "text (who, by date)" for a commitment, into b. */
static void
commitment_text(struct buf *b, const xmlNode *c)
{
	buf_clear(b);
	buf_puts(b, txt(c, "text"));
	if (*txt(c, "who") != '\0' || *txt(c, "due") != '\0') {
		buf_puts(b, " (");
		buf_puts(b, txt(c, "who"));
		if (*txt(c, "due") != '\0')
			buf_printf(b, "%sby %s", *txt(c, "who") ? ", " : "",
			    txt(c, "due"));
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
		if (is_true(model_attr(c, "done")))
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
			day_label(due, r->due[s]);
		c[0].text = r->tl->step[s].title;
		c[1].text = due;
		c[2].text = r->tl->step[s].owner;
		c[3].text = r->status[s];
		c[3].face = PDF_BOLD;
		c[3].color = strcmp(r->status[s], "overdue") == 0 ? &st_over :
		    &PDF_INK;
		pdf_table_row(&r->p, &t, c);
	}
	if (n == 0)
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "Every step of the timeline is done.");
	else
		pdf_table_end(&r->p, &t);
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
}

/* ------------------------------------------------------------ context */

static void
objections(struct rp *r, const xmlNode *ctx)
{
	static const char *const head[2] = { "Objection", "How we answered" };
	static const float frac[2] = { 0.42f, 0.58f };
	struct pdf_table t = { 2, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[2];
	xmlNodePtr	 o;
	struct buf	 b;

	if ((o = model_find_from(ctx, "objections/objection")) == NULL)
		return;
	pdf_heading(&r->p, 1, "Objections");
	pdf_table_head(&r->p, &t);
	buf_init(&b);
	for (; o != NULL; o = model_next(o, "objection")) {
		memset(c, 0, sizeof(c));
		buf_clear(&b);
		buf_puts(&b, txt(o, "answer"));
		extras_lines(&b, o);
		c[0].text = txt(o, "text");
		c[1].text = b.data;
		pdf_table_row(&r->p, &t, c);
	}
	pdf_table_end(&r->p, &t);
	buf_dispose(&b);
}

static void
commitments(struct rp *r, const xmlNode *ctx)
{
	static const char *const head[4] = { "", "Commitment", "Promised by",
	    "Due" };
	static const float frac[4] = { 0.1f, 0.5f, 0.22f, 0.18f };
	struct pdf_table t = { 4, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[4];
	xmlNodePtr	 cs = model_child(ctx, "commitments"), o;
	int		 done;

	if (cs == NULL)
		return;
	pdf_heading(&r->p, 1, "Commitments");
	if (is_true(model_attr(cs, "none")) ||
	    model_child(cs, "commitment") == NULL) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_INK, 0,
		    is_true(model_attr(cs, "none")) ?
		    "None: no commitments or custom requests were made "
		    "during the sale." : "No commitments recorded.");
		return;
	}
	pdf_table_head(&r->p, &t);
	for (o = model_child(cs, "commitment"); o != NULL;
	    o = model_next(o, "commitment")) {
		done = is_true(model_attr(o, "done"));
		memset(c, 0, sizeof(c));
		c[0].text = done ? "\xe2\x98\x91 done" : "\xe2\x98\x90 open";
		c[0].color = done ? &st_done : &PDF_ACCENT;
		c[0].face = PDF_BOLD;
		c[1].text = txt(o, "text");
		c[2].text = txt(o, "who");
		c[3].text = txt(o, "due");
		pdf_table_row(&r->p, &t, c);
	}
	pdf_table_end(&r->p, &t);
}

static void
context(struct rp *r)
{
	xmlNodePtr	 ctx = model_find(r->m, "context");

	pdf_heading(&r->p, 0, "Context");
	if (ctx == NULL) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "No context recorded yet.");
		return;
	}
	section_block(r, ctx, "pain-points", "Pain points");
	section_block(r, ctx, "why-us", "Why they chose us");
	section_block(r, ctx, "buying-process", "Buying process and decision "
	    "criteria");
	section_block(r, ctx, "competitors", "Competitors considered");
	objections(r, ctx);
	section_block(r, ctx, "emotional-drivers", "Emotional drivers");
	commitments(r, ctx);
	extra_sections(r, ctx, 1);
}

/* ------------------------------------------------------------ relationships */

#define MAP_LABEL	58.0f	/* the influence column */
#define MAP_HEAD	18.0f	/* the stance row */
#define MAP_STEP	15.0f	/* one stakeholder in a cell */

/* The name on the map: in full when it fits, else "K. Wiśniewska",
 * else cut with an ellipsis. */
static void
map_label(struct rp *r, const xmlNode *st, enum pdf_face f, float x, float y,
    float w)
{
	const char	*name = txt(st, "name"), *last;
	struct buf	 b;

	last = strrchr(name, ' ');
	if (pdf_text_width(&r->p, f, 7.0f, name, strlen(name)) <= w ||
	    last == NULL || last == name || (unsigned char)name[0] >= 0x80) {
		pdf_text_fit(&r->p, f, 7.0f, &PDF_INK, x, y, name, w);
		return;
	}
	buf_init(&b);
	buf_printf(&b, "%c.%s", name[0], last);
	pdf_text_fit(&r->p, f, 7.0f, &PDF_INK, x, y, b.data, w);
	buf_dispose(&b);
}

/* One marker with its label: circle (diamond for the economic buyer),
 * the table row number inside, a ring and bold name for the primary. */
static void
map_marker(struct rp *r, const xmlNode *st, int num, int stance, float x,
    float y, float w)
{
	struct pdf	*p = &r->p;
	char		 n[16];
	float		 nw;
	int		 prim = is_primary(st);

	if (has_role(st, "economic-buyer"))
		pdf_diamond(p, x, y, 6.6f, &stance_rgb[stance], NULL);
	else
		pdf_circle(p, x, y, 5.4f, &stance_rgb[stance], NULL);
	if (prim)
		pdf_circle(p, x, y, 7.6f, NULL, &PDF_ACCENT);
	snprintf(n, sizeof(n), "%d", num);
	nw = pdf_text_width(p, PDF_BOLD, 5.5f, n, strlen(n));
	pdf_text(p, PDF_BOLD, 5.5f, &PDF_WHITE, x - nw / 2, y - 2.0f, n,
	    strlen(n));
	map_label(r, st, prim ? PDF_BOLD : PDF_REGULAR, x + 11, y - 2.5f,
	    w - 28);
}

/* Where a stakeholder goes: *row (influence) and *col (stance); 0 when
 * either is missing. */
static int
map_place(const xmlNode *st, int *row, int *col)
{
	*row = index_of(level_name, 3, txt(st, "influence"));
	*col = index_of(stance_name, 5, txt(st, "stance"));
	return *row >= 0 && *col >= 0;
}

static void
map_grid(struct rp *r, float y0, const float *rowh, float cw)
{
	struct pdf	*p = &r->p;
	char		 lab[64];
	float		 y = y0 - MAP_HEAD, x;
	int		 i;

	pdf_rect(p, p->left, y, p->right - p->left, MAP_HEAD, &PDF_SHADE);
	for (i = 0; i < 5; i++) {
		x = p->left + MAP_LABEL + i * cw;
		pdf_rect(p, x + 6, y + 6, 6, 6, &stance_rgb[i]);
		pretty(lab, stance_name[i]);
		pdf_text(p, PDF_BOLD, 7.5f, &PDF_INK, x + 16, y + 6, lab,
		    strlen(lab));
	}
	for (i = 0; i < 3; i++) {
		pretty(lab, level_name[i]);
		pdf_text(p, PDF_BOLD, 7.5f, &PDF_INK, p->left + 6, y - 13, lab,
		    strlen(lab));
		pdf_text(p, PDF_REGULAR, 6.5f, &PDF_MUTED, p->left + 6, y - 22,
		    "influence", 9);
		y -= rowh[i];
		pdf_hline(p, p->left, p->right, y, 0.5f, &PDF_RULE);
	}
	for (i = 0; i <= 5; i++)
		pdf_vline(p, p->left + MAP_LABEL + i * cw, y, y0, 0.5f,
		    &PDF_RULE);
	pdf_hline(p, p->left, p->right, y0, 0.5f, &PDF_RULE);
}

static void
map_legend(struct rp *r)
{
	struct pdf	*p = &r->p;
	const char	*a = "stakeholder (number = row in the table)";
	const char	*b = "economic buyer";
	const char	*c = "primary contact";
	float		 x = p->left + 6, y = p->y - 10;

	pdf_need(p, 20);
	y = p->y - 10;
	pdf_circle(p, x, y, 4, &stance_rgb[2], NULL);
	pdf_text(p, PDF_REGULAR, 7, &PDF_MUTED, x + 9, y - 2.5f, a, strlen(a));
	x += 24 + pdf_text_width(p, PDF_REGULAR, 7, a, strlen(a));
	pdf_diamond(p, x, y, 5, &stance_rgb[2], NULL);
	pdf_text(p, PDF_REGULAR, 7, &PDF_MUTED, x + 9, y - 2.5f, b, strlen(b));
	x += 24 + pdf_text_width(p, PDF_REGULAR, 7, b, strlen(b));
	pdf_circle(p, x, y, 4, &stance_rgb[2], NULL);
	pdf_circle(p, x, y, 6, NULL, &PDF_ACCENT);
	pdf_text(p, PDF_BOLD, 7, &PDF_MUTED, x + 10, y - 2.5f, c, strlen(c));
	p->y -= 24;
}

/*
 * The power map: influence (rows, high on top) against stance (columns,
 * champion to detractor).  Rows grow with their fullest cell; when the
 * map would not fit on a page, each cell shows what fits and "+N more".
 */
static void
power_map(struct rp *r, const xmlNode *rel)
{
	struct pdf	*p = &r->p;
	int		 count[3][5], shown[3][5], cap = 1000, row, col, i;
	int		 most, num, unplaced = 0;
	float		 rowh[3], cw, total, y0, y, full;
	xmlNodePtr	 st;
	char		 more[32];

	memset(count, 0, sizeof(count));
	memset(shown, 0, sizeof(shown));
	for (st = model_child(rel, "stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"))
		if (map_place(st, &row, &col))
			count[row][col]++;
		else
			unplaced++;
	pdf_heading(p, 1, "Power map");
	cw = (p->right - p->left - MAP_LABEL) / 5;
	full = p->top - p->bottom - 80;
	for (;;) {
		for (total = MAP_HEAD, row = 0; row < 3; row++) {
			for (most = 2, col = 0; col < 5; col++) {
				i = count[row][col] > cap ? cap + 1 :
				    count[row][col];
				if (i > most)
					most = i;
			}
			rowh[row] = most * MAP_STEP + 12;
			total += rowh[row];
		}
		if (total <= full || cap <= 1)
			break;
		cap = (int)((full - MAP_HEAD - 36) / 3 / MAP_STEP) - 1;
	}
	pdf_need(p, total + 30);
	y0 = p->y;
	map_grid(r, y0, rowh, cw);
	for (num = 1, st = model_child(rel, "stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"), num++) {
		if (!map_place(st, &row, &col) || shown[row][col] >= cap)
			continue;
		for (y = y0 - MAP_HEAD - 6 - MAP_STEP / 2, i = 0; i < row; i++)
			y -= rowh[i];
		y -= shown[row][col]++ * MAP_STEP;
		map_marker(r, st, num, col, p->left + MAP_LABEL + col * cw + 12,
		    y, cw);
	}
	for (row = 0; row < 3; row++)
		for (col = 0; col < 5; col++) {
			if (count[row][col] <= cap)
				continue;
			for (y = y0 - MAP_HEAD - 6 - MAP_STEP / 2, i = 0;
			    i < row; i++)
				y -= rowh[i];
			y -= cap * MAP_STEP;
			snprintf(more, sizeof(more), "+%d more",
			    count[row][col] - cap);
			pdf_text(p, PDF_REGULAR, 7, &PDF_MUTED,
			    p->left + MAP_LABEL + col * cw + 6, y - 2.5f, more,
			    strlen(more));
		}
	p->y = y0 - total - 8;
	map_legend(r);
	if (unplaced > 0)
		pdf_para(p, PDF_REGULAR, SMALL, &PDF_MUTED, 0, unplaced == 1 ?
		    "One stakeholder has no influence or stance yet and is "
		    "not on the map." : "Some stakeholders have no influence "
		    "or stance yet and are not on the map.");
}

static void
stakeholders(struct rp *r, const xmlNode *rel)
{
	static const char *const head[7] = { "#", "Name", "Role", "Influence",
	    "Stance", "Contact", "Notes" };
	static const float frac[7] = { 0.055f, 0.165f, 0.13f, 0.12f, 0.13f,
	    0.22f, 0.18f };
	struct pdf_table t = { 7, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[7];
	xmlNodePtr	 st, ro;
	struct buf	 name, role, contact, notes;
	char		 num[16], inf[64], sta[64], lab[64];
	char		*uri;
	int		 n = 1, k;

	pdf_heading(&r->p, 1, "Stakeholders");
	pdf_table_head(&r->p, &t);
	buf_init(&name);
	buf_init(&role);
	buf_init(&contact);
	buf_init(&notes);
	for (st = model_child(rel, "stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"), n++) {
		buf_clear(&name);
		buf_clear(&role);
		buf_clear(&contact);
		buf_clear(&notes);
		buf_puts(&name, txt(st, "name"));
		if (*txt(st, "title") != '\0')
			buf_printf(&name, "\n%s", txt(st, "title"));
		for (ro = model_child(st, "role"); ro != NULL;
		    ro = model_next(ro, "role"))
			buf_printf(&role, "%s%s", role.len ? "\n" : "",
			    pretty(lab, model_text(ro)));
		if (is_primary(st))
			buf_printf(&role, "%sPrimary contact", role.len ? "\n" :
			    "");
		buf_puts(&contact, txt(st, "email"));
		if (*txt(st, "channel") != '\0')
			buf_printf(&contact, "%sprefers %s", contact.len ? "\n" :
			    "", txt(st, "channel"));
		buf_puts(&notes, txt(st, "notes"));
		extras_lines(&notes, st);
		snprintf(num, sizeof(num), "%d", n);
		uri = *txt(st, "email") != '\0' ? mailto(txt(st, "email")) :
		    NULL;
		memset(c, 0, sizeof(c));
		c[0].text = num;
		c[0].color = &PDF_MUTED;
		c[1].text = name.data;
		c[1].face = is_primary(st) ? PDF_BOLD : PDF_REGULAR;
		c[2].text = role.data;
		c[3].text = pretty(inf, txt(st, "influence"));
		c[4].text = pretty(sta, txt(st, "stance"));
		if ((k = index_of(stance_name, 5, txt(st, "stance"))) >= 0) {
			c[4].color = &stance_rgb[k];
			c[4].face = PDF_BOLD;
		}
		c[5].text = contact.data;
		c[5].uri = uri;
		c[6].text = notes.data;
		pdf_table_row(&r->p, &t, c);
		free(uri);
	}
	pdf_table_end(&r->p, &t);
	buf_dispose(&name);
	buf_dispose(&role);
	buf_dispose(&contact);
	buf_dispose(&notes);
}

static void
relationships(struct rp *r)
{
	xmlNodePtr	 rel = model_find(r->m, "relationships");

	pdf_heading(&r->p, 0, "Relationships");
	if (rel == NULL || model_child(rel, "stakeholder") == NULL) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "No stakeholders mapped yet.");
	} else {
		power_map(r, rel);
		stakeholders(r, rel);
	}
	if (rel != NULL)
		extra_sections(r, rel, 1);
}

/* ------------------------------------------------------------ goals, risks */

static void
goals(struct rp *r)
{
	static const char *const head[5] = { "Metric", "Baseline", "Target",
	    "By", "Measured by" };
	static const float frac[5] = { 0.26f, 0.16f, 0.18f, 0.14f, 0.26f };
	struct pdf_table t = { 5, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[5];
	xmlNodePtr	 g = model_find(r->m, "goals"), k;
	struct buf	 b;

	pdf_heading(&r->p, 0, "Goals");
	if (g == NULL) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "No success metrics yet.");
		return;
	}
	buf_init(&b);
	if ((k = model_child(g, "metric")) != NULL) {
		pdf_heading(&r->p, 1, "Success plan");
		pdf_table_head(&r->p, &t);
	}
	for (; k != NULL; k = model_next(k, "metric")) {
		buf_clear(&b);
		buf_puts(&b, txt(k, "measured-by"));
		extras_lines(&b, k);
		memset(c, 0, sizeof(c));
		c[0].text = txt(k, "name");
		c[0].face = PDF_BOLD;
		c[1].text = txt(k, "baseline");
		c[2].text = txt(k, "target");
		c[3].text = txt(k, "due");
		c[4].text = b.data;
		pdf_table_row(&r->p, &t, c);
	}
	if (model_child(g, "metric") != NULL)
		pdf_table_end(&r->p, &t);
	buf_dispose(&b);
	section_block(r, g, "first-milestone", "First milestone");
	extra_sections(r, g, 1);
}

static void
risks(struct rp *r)
{
	static const char *const head[5] = { "Risk", "Severity", "Likelihood",
	    "Mitigation", "Owner" };
	static const float frac[5] = { 0.3f, 0.12f, 0.12f, 0.34f, 0.12f };
	struct pdf_table t = { 5, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[5];
	xmlNodePtr	 rs = model_find(r->m, "risks"), k;
	struct buf	 b;
	char		 sev[64], lik[64];
	int		 sr;

	pdf_heading(&r->p, 0, "Risks");
	if (rs == NULL || (model_child(rs, "risk") == NULL &&
	    is_true(model_attr(rs, "none")))) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_INK, 0, rs == NULL ?
		    "No risks recorded yet." : "None identified.");
		if (rs == NULL)
			return;
	}
	buf_init(&b);
	if ((k = model_child(rs, "risk")) != NULL)
		pdf_table_head(&r->p, &t);
	for (; k != NULL; k = model_next(k, "risk")) {
		buf_clear(&b);
		buf_puts(&b, txt(k, "mitigation"));
		extras_lines(&b, k);
		memset(c, 0, sizeof(c));
		c[0].text = txt(k, "text");
		c[1].text = pretty(sev, txt(k, "severity"));
		if ((sr = sev_rank(txt(k, "severity"))) < 4) {
			c[1].fill = &sev_fill[sr];
			c[1].color = &sev_ink[sr];
			c[1].face = PDF_BOLD;
		}
		c[2].text = pretty(lik, txt(k, "likelihood"));
		c[3].text = b.data;
		c[4].text = txt(k, "owner");
		pdf_table_row(&r->p, &t, c);
	}
	if (model_child(rs, "risk") != NULL)
		pdf_table_end(&r->p, &t);
	buf_dispose(&b);
	section_block(r, rs, "red-flags", "Red flags");
	section_block(r, rs, "internal-politics", "Internal politics");
	extra_sections(r, rs, 1);
}

/* ------------------------------------------------------------ timeline */

static void
timeline(struct rp *r)
{
	static const char *const head[6] = { "Step", "Window", "Due",
	    "Owner", "Done when", "Status" };
	static const float frac[6] = { 0.2f, 0.11f, 0.18f, 0.11f, 0.28f,
	    0.12f };
	struct pdf_table t = { 6, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[6];
	const struct timeline_step *st;
	char		 win[48], due[16];
	int		 s;

	pdf_heading(&r->p, 0, "Timeline");
	pdf_para(&r->p, PDF_REGULAR, SMALL, &PDF_MUTED, 0, r->signed_day >= 0 ?
	    "Business days after the signature (day 0); weekends and the "
	    "team's holidays are skipped.  Status as of today." :
	    "Dates follow from the signature date once the deal is signed.");
	pdf_skip(&r->p, 4);
	pdf_table_head(&r->p, &t);
	for (s = 0; s < STEP__MAX; s++) {
		st = &r->tl->step[s];
		if (st->from == st->to)
			snprintf(win, sizeof(win), "day %d", st->to);
		else
			snprintf(win, sizeof(win), "day %d\xe2\x80\x93%d",
			    st->from, st->to);
		strcpy(due, "\xe2\x80\x94");
		if (r->due[s] >= 0)
			day_label(due, r->due[s]);
		memset(c, 0, sizeof(c));
		c[0].text = st->title;
		c[0].face = PDF_BOLD;
		c[1].text = win;
		c[2].text = due;
		c[3].text = st->owner;
		c[4].text = st->done;
		c[5].text = r->status[s];
		c[5].face = PDF_BOLD;
		c[5].color = strcmp(r->status[s], "done") == 0 ? &st_done :
		    strcmp(r->status[s], "overdue") == 0 ? &st_over : &PDF_INK;
		pdf_table_row(&r->p, &t, c);
	}
	pdf_table_end(&r->p, &t);
}

/* ------------------------------------------------------------ DNA, process */

static void
client_dna(struct rp *r)
{
	xmlNodePtr	 d = model_find(r->m, "client-dna");

	if (d == NULL || !model_has_text(d))
		return;
	pdf_heading(&r->p, 0, "Client DNA");
	section_block(r, d, "goals", "Goals");
	section_block(r, d, "challenges", "Challenges");
	section_block(r, d, "wins", "Wins");
	section_block(r, d, "personality", "Personality notes");
	extra_sections(r, d, 1);
}

static void
process(struct rp *r)
{
	xmlNodePtr	 pr = model_find(r->m, "process"), n;
	struct buf	 b;
	char		 lab[64];

	pdf_heading(&r->p, 0, "Process record");
	if (pr == NULL || !model_has_text(pr)) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "Nothing recorded yet: the handoff call, the CS review, "
		    "the intro and the 30-day feedback go here.");
		return;
	}
	buf_init(&b);
	if ((n = model_child(pr, "handoff-call")) != NULL) {
		pdf_heading(&r->p, 1, "Handoff call");
		field(r, "Date", txt(n, "date"), NULL);
		field(r, "Recording", txt(n, "recording"), txt(n, "recording"));
	}
	if ((n = model_child(pr, "review")) != NULL) {
		pdf_heading(&r->p, 1, "CS review");
		field(r, "Decision", pretty(lab, txt(n, "decision")), NULL);
		field(r, "By", txt(n, "by"), NULL);
		field(r, "Date", txt(n, "date"), NULL);
		field(r, "Reason", txt(n, "reason"), NULL);
		field(r, "Comment", txt(n, "comment"), NULL);
	}
	if (*txt(pr, "intro-sent") != '\0') {
		pdf_heading(&r->p, 1, "Intro sent");
		field(r, "Date", txt(pr, "intro-sent"), NULL);
	}
	if ((n = model_child(pr, "feedback")) != NULL) {
		pdf_heading(&r->p, 1, "30-day feedback");
		if (*txt(n, "score") != '\0')
			buf_printf(&b, "%s / 10", txt(n, "score"));
		field(r, "Score", b.data, NULL);
		field(r, "Comment", txt(n, "comment"), NULL);
	}
	section_block(r, pr, "retro", "Retro");
	if ((n = model_child(pr, "outcome")) != NULL) {
		pdf_heading(&r->p, 1, "Outcome");
		field(r, "Result", pretty(lab, txt(n, "result")), NULL);
		field(r, "Date", txt(n, "date"), NULL);
	}
	extra_sections(r, pr, 1);
	buf_dispose(&b);
}

/* ------------------------------------------------------------ links, sign-off */

/* A link row: label, then the address as a clickable link. */
static void
link_row(struct rp *r, const char *label, const char *uri, int mail)
{
	char	*m = NULL;

	if (*uri == '\0')
		return;
	if (mail)
		m = mailto(uri);
	field(r, label, uri, mail ? m : uri);
	free(m);
}

static void
links(struct rp *r)
{
	xmlNodePtr	 n;
	struct buf	 b;
	int		 i = 1;

	pdf_heading(&r->p, 1, "Links");
	link_row(r, "CRM record", txt(r->deal, "crm"), 0);
	link_row(r, "Proposal", txt(r->deal, "proposal"), 0);
	buf_init(&b);
	for (n = model_child(r->deal, "recording"); n != NULL;
	    n = model_next(n, "recording"), i++) {
		buf_clear(&b);
		buf_printf(&b, "Call recording %d", i);
		link_row(r, b.data, model_text(n), 0);
	}
	link_row(r, "Handoff call recording",
	    model_get(r->m, "process/handoff-call/recording"), 0);
	pdf_heading(&r->p, 1, "Contacts");
	buf_clear(&b);
	buf_printf(&b, "AE: %s", txt(r->deal, "ae/name"));
	link_row(r, b.data, txt(r->deal, "ae/email"), 1);
	buf_clear(&b);
	buf_printf(&b, "CSM: %s", txt(r->deal, "csm/name"));
	link_row(r, b.data, txt(r->deal, "csm/email"), 1);
	for (n = model_find(r->m, "relationships/stakeholder"); n != NULL;
	    n = model_next(n, "stakeholder"))
		link_row(r, txt(n, "name"), txt(n, "email"), 1);
	buf_dispose(&b);
}

/* An empty line to sign on, with its caption under it. */
static void
sign_line(struct rp *r, float x, float w, float y, const char *caption)
{
	pdf_hline(&r->p, x, x + w, y, 0.7f, &PDF_INK);
	pdf_text(&r->p, PDF_REGULAR, 7.5f, &PDF_MUTED, x, y - 10, caption,
	    strlen(caption));
}

static void
signoff(struct rp *r)
{
	struct pdf	*p = &r->p;
	xmlNodePtr	 rv = model_find(r->m, "process/review");
	struct buf	 b;
	float		 w = (p->right - p->left - 40) / 3, y;

	pdf_heading(p, 1, "Sign-off");
	buf_init(&b);
	buf_printf(&b, "Prepared by %s (AE) for %s (CSM).",
	    txt(r->deal, "ae/name"), txt(r->deal, "csm/name"));
	pdf_para(p, PDF_REGULAR, BODY, &PDF_INK, 0, b.data);
	buf_clear(&b);
	if (rv != NULL && *txt(rv, "decision") != '\0') {
		buf_printf(&b, "CS acknowledgement: %s by %s on %s.",
		    txt(rv, "decision"), *txt(rv, "by") ? txt(rv, "by") :
		    "(not named)", *txt(rv, "date") ? txt(rv, "date") :
		    "(no date)");
		if (*txt(rv, "reason") != '\0')
			buf_printf(&b, " Reason: %s.", txt(rv, "reason"));
		if (*txt(rv, "comment") != '\0')
			buf_printf(&b, " %s", txt(rv, "comment"));
		pdf_para(p, PDF_BOLD, BODY, &PDF_INK, 0, b.data);
		buf_dispose(&b);
		return;
	}
	pdf_para(p, PDF_REGULAR, BODY, &PDF_INK, 0, "CS acknowledgement: "
	    "the CSM confirms receipt of this package and that it is "
	    "complete enough to run the handoff call.");
	pdf_need(p, 60);
	y = p->y - 40;
	sign_line(r, p->left, w, y, "CSM name");
	sign_line(r, p->left + w + 20, w, y, "Date");
	sign_line(r, p->left + 2 * (w + 20), w, y, "Signature");
	p->y = y - 24;
	buf_dispose(&b);
}

/* ------------------------------------------------------------ the document */

static void
metadata(struct rp *r)
{
	struct buf	 title, subj, kw;

	buf_init(&title);
	buf_init(&subj);
	buf_init(&kw);
	buf_printf(&title, "Handoff package: %s", txt(r->deal, "client"));
	buf_printf(&subj, "Sales to Customer Success handoff for %s (%s, %s)",
	    txt(r->deal, "client"), txt(r->deal, "segment"),
	    txt(r->deal, "stage"));
	buf_printf(&kw, "handoff, %s", txt(r->deal, "id"));
	if (*txt(r->deal, "segment") != '\0')
		buf_printf(&kw, ", %s", txt(r->deal, "segment"));
	if (*txt(r->deal, "industry") != '\0')
		buf_printf(&kw, ", %s", txt(r->deal, "industry"));
	pdf_set_info(&r->p, title.data, txt(r->deal, "ae/name"), subj.data,
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
	if (date_parse(txt(deal, "signed"), &d) == 0)
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
	context(r);
	relationships(r);
	goals(r);
	risks(r);
	timeline(r);
	client_dna(r);
	process(r);
	if (model_child(model_root(rc->m), "extra") != NULL) {
		pdf_heading(&r->p, 0, "Additional sections");
		extra_sections(r, model_root(rc->m), 1);
	}
	pdf_heading(&r->p, 0, "Links and sign-off");
	links(r);
	signoff(r);
	date_format(rc->today, today);
	buf_printf(&hl, "%s \xc2\xb7 Handoff package", txt(r->deal, "client"));
	buf_printf(&fl, "%s \xc2\xb7 version %s \xc2\xb7 as of %s",
	    txt(r->deal, "id"), rc->version ? rc->version : "not in git", today);
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
	r->tl = config_timeline(rc->c, txt(r->deal, "segment"));
	timeline_compute(r);
	if (fonts == NULL && pdf_fonts_new(&own, HANDOFF_FONTDIR) == -1) {
		if (errno == ENOSYS)
			diag_add_hint(dl, diag_pos_line(rc->m->file, 0),
			    RULE_OUTPUT, "install libharfbuzz-subset0",
			    "cannot typeset the handoff package: HarfBuzz's "
			    "font subsetter is not installed");
		else
			diag_add_hint(dl, diag_pos_line(rc->m->file, 0),
			    RULE_OUTPUT, "install fonts-dejavu-core",
			    "cannot read the fonts in %s: %s",
			    HANDOFF_FONTDIR, strerror(errno));
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
