/* SPDX-License-Identifier: MIT */
/*
 * render_pdf_sections.c: the body of the handoff package, one function
 * per part, in the order render_pdf.c lays them out: context (with
 * objections and commitments), relationships (the drawn power map and
 * the stakeholder table), goals, risks, the timeline table, client DNA,
 * process, links and the sign-off block.
 */
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
#include "render_pdf_int.h"
#include "timeline.h"
#include "validate.h"

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
		buf_puts(&b, rw_txt(o, "answer"));
		rp_extras_lines(&b, o);
		c[0].text = rw_txt(o, "text");
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
	if (rw_is_true(model_attr(cs, "none")) ||
	    model_child(cs, "commitment") == NULL) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_INK, 0,
		    rw_is_true(model_attr(cs, "none")) ?
		    "None: no commitments or custom requests were made "
		    "during the sale." : "No commitments recorded.");
		return;
	}
	pdf_table_head(&r->p, &t);
	for (o = model_child(cs, "commitment"); o != NULL;
	    o = model_next(o, "commitment")) {
		done = rw_is_true(model_attr(o, "done"));
		memset(c, 0, sizeof(c));
		c[0].text = done ? "\xe2\x98\x91 done" : "\xe2\x98\x90 open";
		c[0].color = done ? &rp_st_done : &PDF_ACCENT;
		c[0].face = PDF_BOLD;
		c[1].text = rw_txt(o, "text");
		c[2].text = rw_txt(o, "who");
		c[3].text = rw_txt(o, "due");
		pdf_table_row(&r->p, &t, c);
	}
	pdf_table_end(&r->p, &t);
}

void
rp_context(struct rp *r)
{
	xmlNodePtr	 ctx = model_find(r->m, "context");

	pdf_heading(&r->p, 0, "Context");
	if (ctx == NULL) {
		pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0,
		    "No context recorded yet.");
		return;
	}
	rp_section_block(r, ctx, "client-summary",
	    "For the client (shared in the client intro)");
	rp_section_block(r, ctx, "pain-points", "Pain points");
	rp_section_block(r, ctx, "why-us", "Why they chose us");
	rp_section_block(r, ctx, "buying-process", "Buying process and decision "
	    "criteria");
	rp_section_block(r, ctx, "competitors", "Competitors considered");
	objections(r, ctx);
	rp_section_block(r, ctx, "emotional-drivers", "Emotional drivers");
	commitments(r, ctx);
	rp_extra_sections(r, ctx, 1);
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
	const char	*name = rw_txt(st, "name"), *last;
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
	int		 prim = rw_is_primary(st);

	if (rw_has_role(st, "economic-buyer"))
		pdf_diamond(p, x, y, 6.6f, &rp_stance_rgb[stance], NULL);
	else
		pdf_circle(p, x, y, 5.4f, &rp_stance_rgb[stance], NULL);
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
	*row = rw_index_of(rw_level_name, 3, rw_txt(st, "influence"));
	*col = rw_index_of(rw_stance_name, 5, rw_txt(st, "stance"));
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
		pdf_rect(p, x + 6, y + 6, 6, 6, &rp_stance_rgb[i]);
		rw_pretty(lab, rw_stance_name[i]);
		pdf_text(p, PDF_BOLD, 7.5f, &PDF_INK, x + 16, y + 6, lab,
		    strlen(lab));
	}
	for (i = 0; i < 3; i++) {
		rw_pretty(lab, rw_level_name[i]);
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
	pdf_circle(p, x, y, 4, &rp_stance_rgb[2], NULL);
	pdf_text(p, PDF_REGULAR, 7, &PDF_MUTED, x + 9, y - 2.5f, a, strlen(a));
	x += 24 + pdf_text_width(p, PDF_REGULAR, 7, a, strlen(a));
	pdf_diamond(p, x, y, 5, &rp_stance_rgb[2], NULL);
	pdf_text(p, PDF_REGULAR, 7, &PDF_MUTED, x + 9, y - 2.5f, b, strlen(b));
	x += 24 + pdf_text_width(p, PDF_REGULAR, 7, b, strlen(b));
	pdf_circle(p, x, y, 4, &rp_stance_rgb[2], NULL);
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
	static const float frac[7] = { 0.045f, 0.16f, 0.15f, 0.115f, 0.13f,
	    0.21f, 0.19f };
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
		buf_puts(&name, rw_txt(st, "name"));
		if (*rw_txt(st, "title") != '\0')
			buf_printf(&name, "\n%s", rw_txt(st, "title"));
		for (ro = model_child(st, "role"); ro != NULL;
		    ro = model_next(ro, "role"))
			buf_printf(&role, "%s%s", role.len ? "\n" : "",
			    rw_pretty(lab, model_text(ro)));
		if (rw_is_primary(st))
			buf_printf(&role, "%sPrimary contact", role.len ? "\n" :
			    "");
		buf_puts(&contact, rw_txt(st, "email"));
		if (*rw_txt(st, "channel") != '\0')
			buf_printf(&contact, "%sprefers %s", contact.len ? "\n" :
			    "", rw_txt(st, "channel"));
		buf_puts(&notes, rw_txt(st, "notes"));
		rp_extras_lines(&notes, st);
		snprintf(num, sizeof(num), "%d", n);
		uri = *rw_txt(st, "email") != '\0' ? rp_mailto(rw_txt(st, "email")) :
		    NULL;
		memset(c, 0, sizeof(c));
		c[0].text = num;
		c[0].color = &PDF_MUTED;
		c[1].text = name.data;
		c[1].face = rw_is_primary(st) ? PDF_BOLD : PDF_REGULAR;
		c[2].text = role.data;
		c[3].text = rw_pretty(inf, rw_txt(st, "influence"));
		c[4].text = rw_pretty(sta, rw_txt(st, "stance"));
		if ((k = rw_index_of(rw_stance_name, 5, rw_txt(st, "stance"))) >= 0) {
			c[4].color = &rp_stance_rgb[k];
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

void
rp_relationships(struct rp *r)
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
		rp_extra_sections(r, rel, 1);
}

/* ------------------------------------------------------------ goals, risks */

void
rp_goals(struct rp *r)
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
		buf_puts(&b, rw_txt(k, "measured-by"));
		rp_extras_lines(&b, k);
		memset(c, 0, sizeof(c));
		c[0].text = rw_txt(k, "name");
		c[0].face = PDF_BOLD;
		c[1].text = rw_txt(k, "baseline");
		c[2].text = rw_txt(k, "target");
		c[3].text = rw_txt(k, "due");
		c[4].text = b.data;
		pdf_table_row(&r->p, &t, c);
	}
	if (model_child(g, "metric") != NULL)
		pdf_table_end(&r->p, &t);
	buf_dispose(&b);
	rp_section_block(r, g, "first-milestone", "First milestone");
	rp_extra_sections(r, g, 1);
}

void
rp_risks(struct rp *r)
{
	static const char *const head[5] = { "Risk", "Severity", "Likelihood",
	    "Mitigation", "Owner" };
	static const float frac[5] = { 0.29f, 0.12f, 0.14f, 0.33f, 0.12f };
	struct pdf_table t = { 5, head, frac, SMALL, 1, 0 };
	struct pdf_cell	 c[5];
	xmlNodePtr	 rs = model_find(r->m, "risks"), k;
	struct buf	 b;
	char		 sev[64], lik[64];
	int		 sr;

	pdf_heading(&r->p, 0, "Risks");
	if (rs == NULL || (model_child(rs, "risk") == NULL &&
	    rw_is_true(model_attr(rs, "none")))) {
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
		buf_puts(&b, rw_txt(k, "mitigation"));
		rp_extras_lines(&b, k);
		memset(c, 0, sizeof(c));
		c[0].text = rw_txt(k, "text");
		c[1].text = rw_pretty(sev, rw_txt(k, "severity"));
		if ((sr = rw_sev_rank(rw_txt(k, "severity"))) < 4) {
			c[1].fill = &rp_sev_fill[sr];
			c[1].color = &rp_sev_ink[sr];
			c[1].face = PDF_BOLD;
		}
		c[2].text = rw_pretty(lik, rw_txt(k, "likelihood"));
		c[3].text = b.data;
		c[4].text = rw_txt(k, "owner");
		pdf_table_row(&r->p, &t, c);
	}
	if (model_child(rs, "risk") != NULL)
		pdf_table_end(&r->p, &t);
	buf_dispose(&b);
	rp_section_block(r, rs, "red-flags", "Red flags");
	rp_section_block(r, rs, "internal-politics", "Internal politics");
	rp_extra_sections(r, rs, 1);
}

/* ------------------------------------------------------------ timeline */

void
rp_timeline(struct rp *r)
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
			rw_day_label(due, r->due[s]);
		memset(c, 0, sizeof(c));
		c[0].text = st->title;
		c[0].face = PDF_BOLD;
		c[1].text = win;
		c[2].text = due;
		c[3].text = st->owner;
		c[4].text = st->done;
		c[5].text = r->status[s];
		c[5].face = PDF_BOLD;
		c[5].color = strcmp(r->status[s], "done") == 0 ? &rp_st_done :
		    strcmp(r->status[s], "overdue") == 0 ? &rp_st_over : &PDF_INK;
		pdf_table_row(&r->p, &t, c);
	}
	pdf_table_end(&r->p, &t);
}

/* ------------------------------------------------------------ DNA, process */

void
rp_client_dna(struct rp *r)
{
	xmlNodePtr	 d = model_find(r->m, "client-dna");

	if (d == NULL || !model_has_text(d))
		return;
	pdf_heading(&r->p, 0, "Client DNA");
	rp_section_block(r, d, "goals", "Goals");
	rp_section_block(r, d, "challenges", "Challenges");
	rp_section_block(r, d, "wins", "Wins");
	rp_section_block(r, d, "personality", "Personality notes");
	rp_extra_sections(r, d, 1);
}

void
rp_process(struct rp *r)
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
		rp_field(r, "Date", rw_txt(n, "date"), NULL);
		rp_field(r, "Recording", rw_txt(n, "recording"), rw_txt(n, "recording"));
	}
	if ((n = model_child(pr, "review")) != NULL) {
		pdf_heading(&r->p, 1, "CS review");
		rp_field(r, "Decision", rw_pretty(lab, rw_txt(n, "decision")), NULL);
		rp_field(r, "By", rw_txt(n, "by"), NULL);
		rp_field(r, "Date", rw_txt(n, "date"), NULL);
		rp_field(r, "Reason", rw_txt(n, "reason"), NULL);
		rp_field(r, "Comment", rw_txt(n, "comment"), NULL);
	}
	if (*rw_txt(pr, "intro-sent") != '\0') {
		pdf_heading(&r->p, 1, "Intro sent");
		rp_field(r, "Date", rw_txt(pr, "intro-sent"), NULL);
	}
	if ((n = model_child(pr, "feedback")) != NULL) {
		pdf_heading(&r->p, 1, "30-day feedback");
		if (*rw_txt(n, "score") != '\0')
			buf_printf(&b, "%s / 10", rw_txt(n, "score"));
		rp_field(r, "Score", b.data, NULL);
		rp_field(r, "Comment", rw_txt(n, "comment"), NULL);
	}
	rp_section_block(r, pr, "retro", "Retro");
	if ((n = model_child(pr, "outcome")) != NULL) {
		pdf_heading(&r->p, 1, "Outcome");
		rp_field(r, "Result", rw_pretty(lab, rw_txt(n, "result")), NULL);
		rp_field(r, "Date", rw_txt(n, "date"), NULL);
	}
	rp_extra_sections(r, pr, 1);
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
		m = rp_mailto(uri);
	rp_field(r, label, uri, mail ? m : uri);
	free(m);
}

void
rp_links(struct rp *r)
{
	xmlNodePtr	 n;
	struct buf	 b;
	int		 i = 1;

	pdf_heading(&r->p, 1, "Links");
	link_row(r, "CRM record", rw_txt(r->deal, "crm"), 0);
	link_row(r, "Proposal", rw_txt(r->deal, "proposal"), 0);
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
	buf_printf(&b, "AE: %s", rw_txt(r->deal, "ae/name"));
	link_row(r, b.data, rw_txt(r->deal, "ae/email"), 1);
	buf_clear(&b);
	buf_printf(&b, "CSM: %s", rw_txt(r->deal, "csm/name"));
	link_row(r, b.data, rw_txt(r->deal, "csm/email"), 1);
	for (n = model_find(r->m, "relationships/stakeholder"); n != NULL;
	    n = model_next(n, "stakeholder"))
		link_row(r, rw_txt(n, "name"), rw_txt(n, "email"), 1);
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

void
rp_signoff(struct rp *r)
{
	struct pdf	*p = &r->p;
	xmlNodePtr	 rv = model_find(r->m, "process/review");
	struct buf	 b;
	float		 w = (p->right - p->left - 40) / 3, y;

	pdf_heading(p, 1, "Sign-off");
	buf_init(&b);
	buf_printf(&b, "Prepared by %s (AE) for %s (CSM).",
	    rw_txt(r->deal, "ae/name"), rw_txt(r->deal, "csm/name"));
	pdf_para(p, PDF_REGULAR, BODY, &PDF_INK, 0, b.data);
	buf_clear(&b);
	if (rv != NULL && *rw_txt(rv, "decision") != '\0') {
		buf_printf(&b, "CS acknowledgement: %s by %s on %s.",
		    rw_txt(rv, "decision"), *rw_txt(rv, "by") ? rw_txt(rv, "by") :
		    "(not named)", *rw_txt(rv, "date") ? rw_txt(rv, "date") :
		    "(no date)");
		if (*rw_txt(rv, "reason") != '\0')
			buf_printf(&b, " Reason: %s.", rw_txt(rv, "reason"));
		if (*rw_txt(rv, "comment") != '\0')
			buf_printf(&b, " %s", rw_txt(rv, "comment"));
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

