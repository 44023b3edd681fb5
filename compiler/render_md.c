/* SPDX-License-Identifier: MIT */
/*
 * render_md.c: the Markdown form of a model, the inverse of parse_md.c.
 * Front matter for <deal>, H1 per pillar, H2 per field, GitHub tables for
 * records and task lists for commitments, in the spelling of SPEC.md's
 * "Markdown form reference".  Extras (unknown keys, columns, sections)
 * are written back where parse_md.c reads them, and every text goes
 * through mdform.c's escaping, so md -> xml -> md -> xml is a fixed point.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "read/read_date.h"
#include "render.h"

/* The output and its sticky error flag. */
struct rmd {
	struct buf	*b;
	int		 err;
};

static void
rmd_puts(struct rmd *r, const char *s)
{
	if (buf_puts(r->b, s) == -1)
		r->err = 1;
}

static void
rmd_text(struct rmd *r, const char *s, int in_cell)
{
	if (md_put_text(r->b, s, in_cell) == -1)
		r->err = 1;
}

static void
rmd_cap(struct rmd *r, const char *s)
{
	if (md_put_cap(r->b, s, 1) == -1)
		r->err = 1;
}

/* End the current block with a blank line. */
static void
rmd_blank(struct rmd *r)
{
	rmd_puts(r, "\n");
}

static void
rmd_heading(struct rmd *r, int level, const char *title)
{
	static const char hashes[] = "######";

	if (level > 6)
		level = 6;
	if (buf_put(r->b, hashes, (size_t)level) == -1)
		r->err = 1;
	rmd_puts(r, " ");
	rmd_text(r, title, 0);
	rmd_puts(r, "\n");
}

/* ---- front matter ------------------------------------------------- */

static void
rmd_yaml_key(struct rmd *r, const char *key, const char *val)
{
	if (md_put_yaml(r->b, key) == -1)
		r->err = 1;
	rmd_puts(r, ":");
	if (val != NULL && *val != '\0') {
		rmd_puts(r, " ");
		if (md_put_yaml(r->b, val) == -1)
			r->err = 1;
	}
	rmd_puts(r, "\n");
}

/* ae / csm: 'Name <email>'. */
static void
rmd_person(struct rmd *r, const char *key, const xmlNode *n)
{
	const char	*name = model_text(model_child(n, "name"));
	const char	*email = model_text(model_child(n, "email"));
	struct buf	 v;

	buf_init(&v);
	if (buf_puts(&v, name) == -1 || (*email != '\0' &&
	    buf_printf(&v, "%s<%s>", *name ? " " : "", email) == -1))
		r->err = 1;
	rmd_yaml_key(r, key, v.data ? v.data : "");
	buf_dispose(&v);
}

/* value: '240000 EUR/year'. */
static void
rmd_value(struct rmd *r, const xmlNode *n)
{
	const char	*cur = model_attr(n, "currency");
	const char	*per = model_attr(n, "per");
	struct buf	 v;

	buf_init(&v);
	if (buf_puts(&v, model_text(n)) == -1 ||
	    (cur != NULL && buf_printf(&v, " %s", cur) == -1) ||
	    (per != NULL && buf_printf(&v, "/%s", per) == -1))
		r->err = 1;
	rmd_yaml_key(r, "value", v.data ? v.data : "");
	buf_dispose(&v);
}

/*
 * What to write for a value: the AE's own words when the date was
 * counted from the deal (written="by go-live"), else the text.
 */
static const char *
rmd_val(const xmlNode *n)
{
	const char	*w = model_attr(n, "written");

	return w != NULL && *w != '\0' ? w : model_text(n);
}

/* True for a value handoff derived (renewal = signed + term): not the
 * AE's, so not written back. */
static int
rmd_derived(const xmlNode *n)
{
	const char	*d = model_attr(n, "derived");

	return d != NULL && (strcmp(d, "true") == 0 || strcmp(d, "1") == 0);
}

static void
rmd_front(struct rmd *r, const xmlNode *deal)
{
	static const char *const keys[][2] = {
		{ "client", "client" }, { "id", "deal" },
		{ "segment", "segment" }, { "industry", "industry" },
		{ "stage", "stage" }, { "signed", "signed" },
		{ "term", "term" }, { "start", "start" },
		{ "go-live", "go_live" }, { "renewal", "renewal" },
		{ "crm", "crm" }, { "proposal", "proposal" },
	};
	const xmlNode	*c;
	const char	*name;
	size_t		 i;
	int		 recs = 0;

	rmd_puts(r, "---\n");
	for (c = model_first(deal); c != NULL; c = model_next_elem(c)) {
		name = model_name(c);
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strcmp(name, keys[i][0]) == 0)
				break;
		if (i < sizeof(keys) / sizeof(keys[0])) {
			if (!rmd_derived(c))
				rmd_yaml_key(r, keys[i][1], rmd_val(c));
		}
		else if (strcmp(name, "ae") == 0 || strcmp(name, "csm") == 0)
			rmd_person(r, name, c);
		else if (strcmp(name, "value") == 0)
			rmd_value(r, c);
		else if (strcmp(name, "recording") == 0) {
			if (recs++ == 0)
				rmd_puts(r, "recordings:\n");
			rmd_puts(r, "  - ");
			if (md_put_yaml(r->b, model_text(c)) == -1)
				r->err = 1;
			rmd_puts(r, "\n");
		} else if (strcmp(name, "extra") == 0)
			rmd_yaml_key(r, model_attr(c, "name") ?
			    model_attr(c, "name") : "extra", model_text(c));
	}
	rmd_puts(r, "---\n");
}

/* ---- tables ------------------------------------------------------ */

/* One cell of a GitHub table row: '| text ', escaped for a cell. */
static void
rmd_td(struct rmd *r, const char *text)
{
	rmd_puts(r, "| ");
	rmd_text(r, text, 1);
	rmd_puts(r, " ");
}

/* The delimiter row under a header of n cells. */
static void
rmd_delim(struct rmd *r, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		rmd_puts(r, "|---");
	rmd_puts(r, "|\n");
}

/* ---- prose ------------------------------------------------------- */

/* A <table> of tr/td: the first row is the header. */
static void
rmd_table(struct rmd *r, const xmlNode *t)
{
	const xmlNode	*tr, *td;
	size_t		 cols = 0, n, i;

	for (tr = model_child(t, "tr"); tr != NULL; tr = model_next(tr, "tr")) {
		for (n = 0, td = model_child(tr, "td"); td != NULL;
		    td = model_next(td, "td"))
			n++;
		if (n > cols)
			cols = n;
	}
	if (cols == 0)
		return;
	for (tr = model_child(t, "tr"), i = 0; tr != NULL;
	    tr = model_next(tr, "tr"), i++) {
		td = model_child(tr, "td");
		for (n = 0; n < cols; n++) {
			rmd_td(r, td != NULL ? model_text(td) : "");
			if (td != NULL)
				td = model_next(td, "td");
		}
		rmd_puts(r, "|\n");
		if (i == 0)
			rmd_delim(r, cols);
	}
	rmd_blank(r);
}

/* Block content (p, li, table) and nested extras, at heading level. */
static void
rmd_block(struct rmd *r, const xmlNode *n, int level)
{
	const xmlNode	*c;
	int		 in_list = 0;

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		if (strcmp(model_name(c), "li") == 0) {
			rmd_puts(r, "- ");
			rmd_text(r, model_text(c), 0);
			rmd_puts(r, "\n");
			in_list = 1;
			continue;
		}
		if (in_list)
			rmd_blank(r);
		in_list = 0;
		if (strcmp(model_name(c), "p") == 0) {
			rmd_text(r, model_text(c), 0);
			rmd_puts(r, "\n");
			rmd_blank(r);
		} else if (strcmp(model_name(c), "table") == 0)
			rmd_table(r, c);
	}
	if (in_list)
		rmd_blank(r);
	for (c = model_child(n, "extra"); c != NULL; c = model_next(c, "extra")) {
		rmd_heading(r, level, model_attr(c, "heading") ?
		    model_attr(c, "heading") : "");
		rmd_block(r, c, level + 1);
	}
}

/* '## Title' and the block under it, when the field is there. */
static void
rmd_field(struct rmd *r, const xmlNode *parent, const char *elem,
    const char *title)
{
	const xmlNode	*n;

	if ((n = model_child(parent, elem)) == NULL)
		return;
	rmd_heading(r, 2, title);
	rmd_block(r, n, 3);
}

/* ---- record tables ----------------------------------------------- */

struct rcol {
	const char	*elem;
	const char	*title;
};

/* The distinct <extra name=...> columns of the records, in order. */
static size_t
rmd_extra_cols(const xmlNode *parent, const char *rec, const char **names,
    size_t max)
{
	const xmlNode	*x, *e;
	const char	*name;
	size_t		 n = 0, i;

	for (x = model_child(parent, rec); x != NULL; x = model_next(x, rec))
		for (e = model_child(x, "extra"); e != NULL;
		    e = model_next(e, "extra")) {
			name = model_attr(e, "name") ? model_attr(e, "name") : "";
			for (i = 0; i < n && strcmp(names[i], name) != 0; i++)
				;
			if (i == n && n < max)
				names[n++] = name;
		}
	return n;
}

/* The text of the extra column name of record x. */
static const char *
rmd_extra_of(const xmlNode *x, const char *name)
{
	const xmlNode	*e;
	const char	*a;

	for (e = model_child(x, "extra"); e != NULL; e = model_next(e, "extra"))
		if ((a = model_attr(e, "name")) != NULL && strcmp(a, name) == 0)
			return model_text(e);
	return "";
}

/* Text with its first letter in lower case (ASCII). */
static void
rmd_lower1(struct rmd *r, const char *s)
{
	char	*t;

	if ((t = strdup(s)) == NULL) {
		r->err = 1;
		return;
	}
	if (t[0] >= 'A' && t[0] <= 'Z')
		t[0] = (char)(t[0] - 'A' + 'a');
	rmd_text(r, t, 1);
	free(t);
}

/* The Role cell: 'Champion, primary'. */
static void
rmd_roles(struct rmd *r, const xmlNode *x)
{
	const xmlNode	*c;
	const char	*p = model_attr(x, "primary");
	int		 n = 0;

	for (c = model_child(x, "role"); c != NULL; c = model_next(c, "role"))
		if (*model_text(c) != '\0') {
			if (n++ > 0) {
				/* 'Technical, decision maker' */
				rmd_puts(r, ", ");
				rmd_lower1(r, md_role_label(model_text(c)));
			} else
				rmd_text(r, md_role_label(model_text(c)), 1);
		}
	if (p != NULL && (strcmp(p, "true") == 0 || strcmp(p, "1") == 0))
		rmd_puts(r, n > 0 ? ", primary" : "Primary");
}

/* One cell of record x. */
static void
rmd_cell(struct rmd *r, const xmlNode *x, const char *elem)
{
	const char	*t = rmd_val(model_child(x, elem));

	if (strcmp(elem, "role") == 0)
		rmd_roles(r, x);
	else if (strcmp(elem, "influence") == 0 ||
	    strcmp(elem, "stance") == 0 || strcmp(elem, "severity") == 0 ||
	    strcmp(elem, "likelihood") == 0)
		rmd_cap(r, t);
	else
		rmd_text(r, t, 1);
}

/* True when some record has this column. */
static int
rmd_col_used(const xmlNode *parent, const char *rec, const char *elem,
    int key)
{
	const xmlNode	*x;

	if (key)
		return 1;
	for (x = model_child(parent, rec); x != NULL; x = model_next(x, rec))
		if (model_child(x, elem) != NULL ||
		    (strcmp(elem, "role") == 0 && model_attr(x, "primary")))
			return 1;
	return 0;
}

/* A GitHub table of the rec children of parent, used columns only. */
static void
rmd_records(struct rmd *r, const xmlNode *parent, const char *rec,
    const struct rcol *cols, size_t ncols)
{
	const char	*extra[64];
	const xmlNode	*x;
	int		 used[16];
	size_t		 nextra, nused = 0, i;

	if (model_child(parent, rec) == NULL)
		return;
	nextra = rmd_extra_cols(parent, rec, extra, 64);
	for (i = 0; i < ncols; i++)
		used[i] = rmd_col_used(parent, rec, cols[i].elem, i == 0);
	for (i = 0; i < ncols; i++)
		if (used[i]) {
			rmd_td(r, cols[i].title);	/* plain words */
			nused++;
		}
	for (i = 0; i < nextra; i++)
		rmd_td(r, extra[i]);
	rmd_puts(r, "|\n");
	rmd_delim(r, nused + nextra);
	for (x = model_child(parent, rec); x != NULL; x = model_next(x, rec)) {
		for (i = 0; i < ncols; i++)
			if (used[i]) {
				rmd_puts(r, "| ");
				rmd_cell(r, x, cols[i].elem);
				rmd_puts(r, " ");
			}
		for (i = 0; i < nextra; i++)
			rmd_td(r, rmd_extra_of(x, extra[i]));
		rmd_puts(r, "|\n");
	}
	rmd_blank(r);
}

static const struct rcol stk_cols[] = {
	{ "name", "Name" }, { "title", "Title" }, { "role", "Role" },
	{ "influence", "Influence" }, { "stance", "Stance" },
	{ "email", "Email" }, { "channel", "Prefers" }, { "notes", "Notes" },
};
static const struct rcol met_cols[] = {
	{ "name", "Metric" }, { "baseline", "Baseline" },
	{ "target", "Target" }, { "due", "By" },
	{ "measured-by", "Measured by" },
};
static const struct rcol risk_cols[] = {
	{ "text", "Risk" }, { "severity", "Severity" },
	{ "likelihood", "Likelihood" }, { "mitigation", "Mitigation" },
	{ "owner", "Owner" },
};
static const struct rcol obj_cols[] = {
	{ "text", "Objection" }, { "answer", "How we answered" },
};

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- pillars ----------------------------------------------------- */

static int
rmd_true(const xmlNode *n, const char *attr)
{
	const char	*v = model_attr(n, attr);

	return v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* '- [x] WHAT (WHO, by DUE)' */
static void
rmd_commitments(struct rmd *r, const xmlNode *n)
{
	const xmlNode	*c;
	const char	*who, *due;

	rmd_heading(r, 2, "Commitments");
	if (rmd_true(n, "none")) {
		rmd_puts(r, "None\n");
		rmd_blank(r);
	}
	if ((c = model_child(n, "commitment")) == NULL)
		return;
	for (; c != NULL; c = model_next(c, "commitment")) {
		who = model_text(model_child(c, "who"));
		due = rmd_val(model_child(c, "due"));
		rmd_puts(r, rmd_true(c, "done") ? "- [x] " : "- [ ] ");
		rmd_text(r, model_text(model_child(c, "text")), 0);
		if (*who != '\0' || *due != '\0') {
			rmd_puts(r, " (");
			rmd_text(r, who, 0);
			if (*due != '\0') {
				rmd_puts(r, *who ? ", " : "");
				if (!read_date_has_cue(due))
					rmd_puts(r, "by ");
				rmd_text(r, due, 0);
			}
			rmd_puts(r, ")");
		}
		rmd_puts(r, "\n");
	}
	rmd_blank(r);
}

static void
rmd_context(struct rmd *r, const xmlNode *n)
{
	const xmlNode	*o;

	rmd_heading(r, 1, "Context");
	rmd_blank(r);
	rmd_field(r, n, "client-summary", "For the client");
	rmd_field(r, n, "pain-points", "Pain points");
	rmd_field(r, n, "why-us", "Why they chose us");
	rmd_field(r, n, "buying-process", "Buying process");
	rmd_field(r, n, "competitors", "Competitors");
	if ((o = model_child(n, "objections")) != NULL) {
		rmd_heading(r, 2, "Objections");
		rmd_records(r, o, "objection", obj_cols, N(obj_cols));
	}
	rmd_field(r, n, "emotional-drivers", "Emotional drivers");
	if ((o = model_child(n, "commitments")) != NULL)
		rmd_commitments(r, o);
	rmd_block(r, n, 2);
}

static void
rmd_relationships(struct rmd *r, const xmlNode *n)
{
	rmd_heading(r, 1, "Relationships");
	rmd_records(r, n, "stakeholder", stk_cols, N(stk_cols));
	rmd_block(r, n, 2);
}

static void
rmd_goals(struct rmd *r, const xmlNode *n)
{
	rmd_heading(r, 1, "Goals");
	rmd_records(r, n, "metric", met_cols, N(met_cols));
	rmd_field(r, n, "first-milestone", "First milestone");
	rmd_block(r, n, 2);
}

static void
rmd_risks(struct rmd *r, const xmlNode *n)
{
	rmd_heading(r, 1, "Risks");
	if (rmd_true(n, "none")) {
		rmd_puts(r, "None identified\n");
		rmd_blank(r);
	}
	rmd_records(r, n, "risk", risk_cols, N(risk_cols));
	rmd_field(r, n, "red-flags", "Red flags");
	rmd_field(r, n, "internal-politics", "Internal politics");
	rmd_block(r, n, 2);
}

static void
rmd_dna(struct rmd *r, const xmlNode *n)
{
	rmd_heading(r, 1, "Client DNA");
	rmd_blank(r);
	rmd_field(r, n, "goals", "Goals");
	rmd_field(r, n, "challenges", "Challenges");
	rmd_field(r, n, "wins", "Wins");
	rmd_field(r, n, "personality", "Personality notes");
	rmd_block(r, n, 2);
}

/* 'key: value' lines of a Process field, in the XSD's order. */
static void
rmd_lines(struct rmd *r, const xmlNode *parent, const char *elem,
    const char *title)
{
	const xmlNode	*n, *c;

	if ((n = model_child(parent, elem)) == NULL)
		return;
	rmd_heading(r, 2, title);
	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		rmd_puts(r, strcmp(model_name(c), "decision") == 0 ?
		    "decision" : model_name(c));
		rmd_puts(r, ": ");
		rmd_text(r, rmd_val(c), 0);
		rmd_puts(r, "\n");
	}
	rmd_blank(r);
}

static void
rmd_process(struct rmd *r, const xmlNode *n)
{
	const xmlNode	*c;

	rmd_heading(r, 1, "Process");
	rmd_blank(r);
	rmd_lines(r, n, "handoff-call", "Handoff call");
	rmd_lines(r, n, "review", "CS review");
	if ((c = model_child(n, "intro-sent")) != NULL) {
		rmd_heading(r, 2, "Intro sent");
		rmd_text(r, rmd_val(c), 0);
		rmd_puts(r, "\n");
		rmd_blank(r);
	}
	rmd_lines(r, n, "feedback", "30-day feedback");
	rmd_field(r, n, "retro", "Retro");
	rmd_lines(r, n, "outcome", "Outcome");
	rmd_block(r, n, 2);
}

/* A top-level unknown section: '# Heading', its H2s nested. */
static void
rmd_extra(struct rmd *r, const xmlNode *n)
{
	rmd_heading(r, 1, model_attr(n, "heading") ?
	    model_attr(n, "heading") : "");
	rmd_blank(r);
	rmd_block(r, n, 2);
}

int
render_md(struct buf *out, const struct model *m, struct diag_list *dl)
{
	static const struct {
		const char	*elem;
		void		(*fn)(struct rmd *, const xmlNode *);
	} pillars[] = {
		{ "context", rmd_context },
		{ "relationships", rmd_relationships },
		{ "goals", rmd_goals },
		{ "risks", rmd_risks },
		{ "client-dna", rmd_dna },
		{ "process", rmd_process },
		{ "extra", rmd_extra },
	};
	struct rmd	 r;
	const xmlNode	*root = model_root(m), *c;
	size_t		 i;

	(void)dl;
	r.b = out;
	r.err = 0;
	if ((c = model_child(root, "deal")) != NULL)
		rmd_front(&r, c);
	else
		rmd_puts(&r, "---\n---\n");
	for (c = model_first(root); c != NULL; c = model_next_elem(c))
		for (i = 0; i < N(pillars); i++)
			if (strcmp(model_name(c), pillars[i].elem) == 0)
				pillars[i].fn(&r, c);
	/* One newline at the end, not a blank line. */
	while (out->len > 1 && out->data[out->len - 1] == '\n' &&
	    out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
	return r.err ? -1 : 0;
}
