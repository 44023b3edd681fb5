/* SPDX-License-Identifier: MIT */
/*
 * render_md.c: the Markdown form of a model, the inverse of parse_md.c.
 * Front matter for <deal>, H1 per pillar, H2 per field, GitHub tables for
 * records and task lists for commitments, in the spelling of SPEC.md's
 * "Markdown form reference".  Extras (unknown keys, columns, sections)
 * are written back where parse_md.c reads them, and every text goes
 * through mdform.c's escaping, so md -> xml -> md -> xml is a fixed point.
 * What a Markdown model also remembers is written back too, for fmt: the
 * AE's comments (front-matter '#' lines before the key they preceded,
 * HTML comments under the heading they followed) and the headings and
 * keys left empty (the skeleton 'handoff new' writes).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "read/read_date.h"
#include "render.h"

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* The output and its sticky error flag; the model, and which of its
 * comments are written already. */
struct rmd {
	struct buf		*b;
	int			 err;
	const struct model	*m;
	unsigned char		*done;	/* one per m->note */
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

/* End the current block with a blank line, unless it has one. */
static void
rmd_end_block(struct rmd *r)
{
	const struct buf	*b = r->b;

	if (b->len > 0 && !(b->len > 1 && b->data[b->len - 1] == '\n' &&
	    b->data[b->len - 2] == '\n'))
		rmd_puts(r, b->data[b->len - 1] == '\n' ? "\n" : "\n\n");
}

/* ---- comments and empty headings ---------------------------------- */

static void
rmd_note_put(struct rmd *r, size_t i)
{
	r->done[i] = 1;
	rmd_puts(r, r->m->note[i].text);
	rmd_puts(r, r->m->note[i].front ? "\n" : "\n\n");
}

/* The body comments kept under the heading of source line line: those
 * before its content, or (after) those after it. */
static void
rmd_notes(struct rmd *r, unsigned line, int after)
{
	size_t	 i;

	if (line == 0 && after)
		return;
	for (i = 0; i < r->m->nnote; i++)
		if (!r->done[i] && !r->m->note[i].front &&
		    r->m->note[i].line == line &&
		    (r->m->note[i].after != 0) == (after != 0)) {
			if (after)
				rmd_end_block(r);
			rmd_note_put(r, i);
		}
}

/* The body line of the heading path named (an empty one too), or 0. */
static unsigned
rmd_anchor(const struct rmd *r, const char *path)
{
	unsigned	 line = model_anchor_pos(r->m, path, 0).line;

	return line > r->m->front_end ? line : 0;
}

/* The source line of a heading: n's, or its path's anchor. */
static unsigned
rmd_line(const struct rmd *r, const xmlNode *n, const char *path)
{
	unsigned	 line = path != NULL ? rmd_anchor(r, path) : 0;

	if (line == 0 && n != NULL && r->m->src == MODEL_SRC_MD)
		line = model_pos(r->m, n).line;
	return line > r->m->front_end ? line : 0;
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

/* The front-matter keys, in the order they are written. */
static const char *const front_keys[][2] = {
	{ "client", "client" }, { "id", "deal" }, { "segment", "segment" },
	{ "industry", "industry" }, { "stage", "stage" },
	{ "signed", "signed" }, { "ae", "ae" }, { "csm", "csm" },
	{ "value", "value" }, { "term", "term" }, { "start", "start" },
	{ "go-live", "go_live" }, { "renewal", "renewal" }, { "crm", "crm" },
	{ "proposal", "proposal" }, { "recording", "recordings" },
	{ "extra", NULL },
};

/* The source line of a front-matter key, or 0 (not from one). */
static unsigned
rmd_front_line(const struct rmd *r, unsigned line)
{
	return r->m->src == MODEL_SRC_MD && line > 0 &&
	    line < r->m->front_end ? line : 0;
}

/*
 * Before the key from source line line: the front-matter comments whose
 * next key in the file it is (the keys' lines in lines[0..n)).
 */
static void
rmd_front_notes(struct rmd *r, unsigned line, const unsigned *lines,
    size_t n)
{
	const struct model_note	*v;
	unsigned		 next;
	size_t			 i, k;

	for (i = 0; i < r->m->nnote; i++) {
		v = &r->m->note[i];
		if (r->done[i] || !v->front)
			continue;
		for (next = 0, k = 0; k < n; k++)
			if (lines[k] > v->line && (next == 0 || lines[k] < next))
				next = lines[k];
		if (next == line)	/* line 0: those before no key */
			rmd_note_put(r, i);
	}
}

/* After the 'key: value' line just written for source line line: the
 * comment that stood after that value ('region: west  # per CRM'). */
static void
rmd_front_inline(struct rmd *r, unsigned line)
{
	size_t	 i;

	if (line == 0 || r->b->len == 0 || r->b->data[r->b->len - 1] != '\n')
		return;
	for (i = 0; i < r->m->nnote; i++)
		if (!r->done[i] && r->m->note[i].front == 2 &&
		    r->m->note[i].line == line) {
			r->done[i] = 1;
			r->b->data[--r->b->len] = '\0';
			rmd_puts(r, "  ");
			rmd_puts(r, r->m->note[i].text);
			rmd_puts(r, "\n");
			return;
		}
}

/* One element of <deal> as its 'key: value' line(s). */
static void
rmd_front_elem(struct rmd *r, const xmlNode *c, const char *key, int *recs)
{
	const char	*name = model_name(c);

	if (strcmp(name, "ae") == 0 || strcmp(name, "csm") == 0)
		rmd_person(r, name, c);
	else if (strcmp(name, "value") == 0)
		rmd_value(r, c);
	else if (strcmp(name, "recording") == 0) {
		if ((*recs)++ == 0)
			rmd_puts(r, "recordings:\n");
		rmd_puts(r, "  - ");
		if (md_put_yaml(r->b, model_text(c)) == -1)
			r->err = 1;
		rmd_puts(r, "\n");
	} else if (strcmp(name, "extra") == 0)
		rmd_yaml_key(r, model_attr(c, "name") ?
		    model_attr(c, "name") : "extra", model_text(c));
	else
		rmd_yaml_key(r, key, rmd_val(c));
}

/* True for an element of <deal> written back as a key of group i. */
static int
rmd_front_of(const xmlNode *c, size_t i)
{
	return strcmp(model_name(c), front_keys[i][0]) == 0 && !rmd_derived(c);
}

/* The source line of group i's empty key ('industry:'), or 0. */
static unsigned
rmd_front_empty(const struct rmd *r, size_t i)
{
	char	 path[32];

	snprintf(path, sizeof(path), "deal/%s", front_keys[i][0]);
	return rmd_front_line(r, model_anchor_pos(r->m, path, 0).line);
}

/* The source lines of group i's keys into lines[*n..max). */
static void
rmd_front_lines(const struct rmd *r, const xmlNode *deal, size_t i,
    unsigned *lines, size_t *n, size_t max)
{
	const xmlNode	*c;
	unsigned	 line;
	int		 any = 0;

	for (c = model_first(deal); c != NULL; c = model_next_elem(c))
		if (rmd_front_of(c, i)) {
			any = 1;
			line = rmd_front_line(r, model_pos(r->m, c).line);
			if (line > 0 && *n < max)
				lines[(*n)++] = line;
		}
	if (!any && (line = rmd_front_empty(r, i)) > 0 && *n < max)
		lines[(*n)++] = line;
}

/* The line in lines[0..n) nearest before line, or 0. */
static unsigned
rmd_front_prev(const unsigned *lines, size_t n, unsigned line)
{
	unsigned	 prev = 0;
	size_t		 k;

	for (k = 0; k < n; k++)
		if (lines[k] < line && lines[k] > prev)
			prev = lines[k];
	return prev;
}

/* The keys the front matter read as it is, for placing what it keeps:
 * the known keys' lines (extras follow the key before them) and every
 * key's line (a comment goes before the key after it). */
struct rmd_keys {
	unsigned	*known, *all;
	size_t		 nknown, nall;
};

/*
 * The unknown keys ('crm_id:') whose key before them in the file is one
 * of group's lines (group NULL: those with none, and those not from the
 * file), each after its comments.
 */
static void
rmd_front_extras(struct rmd *r, const xmlNode *deal,
    const struct rmd_keys *k, const unsigned *group, size_t ngroup)
{
	const xmlNode	*c;
	unsigned	 line, prev;
	size_t		 g;
	int		 recs = 0, mine;

	for (c = model_first(deal); c != NULL; c = model_next_elem(c)) {
		if (strcmp(model_name(c), "extra") != 0)
			continue;
		line = rmd_front_line(r, model_pos(r->m, c).line);
		prev = line > 0 ? rmd_front_prev(k->known, k->nknown, line) : 0;
		mine = group == NULL && prev == 0;
		for (g = 0; g < ngroup && !mine; g++)
			mine = prev > 0 && group[g] == prev;
		if (!mine)
			continue;
		if (line > 0)
			rmd_front_notes(r, line, k->all, k->nall);
		rmd_front_elem(r, c, NULL, &recs);
		rmd_front_inline(r, line);
	}
}

/* The known keys in order: each element (derived values are not the
 * AE's: not written), a key left empty as 'key:', each after its
 * comments, each followed by the unknown keys that followed it. */
static void
rmd_front_write(struct rmd *r, const xmlNode *deal, const struct rmd_keys *k)
{
	const xmlNode	*c;
	unsigned	 line, group[64];
	size_t		 i, ng;
	int		 recs = 0, any;

	for (i = 0; i + 1 < N(front_keys); i++) {
		any = 0;
		for (c = model_first(deal); c != NULL; c = model_next_elem(c)) {
			if (!rmd_front_of(c, i))
				continue;
			any = 1;
			line = rmd_front_line(r, model_pos(r->m, c).line);
			if (line > 0)
				rmd_front_notes(r, line, k->all, k->nall);
			rmd_front_elem(r, c, front_keys[i][1], &recs);
			rmd_front_inline(r, line);
		}
		if (!any && (line = rmd_front_empty(r, i)) > 0) {
			rmd_front_notes(r, line, k->all, k->nall);
			rmd_yaml_key(r, front_keys[i][1], NULL);
			rmd_front_inline(r, line);
		}
		ng = 0;
		rmd_front_lines(r, deal, i, group, &ng, N(group));
		if (ng > 0)
			rmd_front_extras(r, deal, k, group, ng);
	}
	rmd_front_extras(r, deal, k, NULL, 0);
}

static void
rmd_front(struct rmd *r, const xmlNode *deal)
{
	struct rmd_keys	 k;
	const xmlNode	*c;
	size_t		 max = N(front_keys), i;
	unsigned	 line;

	memset(&k, 0, sizeof(k));
	for (c = model_first(deal); c != NULL; c = model_next_elem(c))
		max++;
	if ((k.known = calloc(max, sizeof(*k.known))) == NULL ||
	    (k.all = calloc(max, sizeof(*k.all))) == NULL)
		r->err = 1;
	for (i = 0; k.all != NULL && i + 1 < N(front_keys); i++)
		rmd_front_lines(r, deal, i, k.known, &k.nknown, max);
	if (k.all != NULL)
		memcpy(k.all, k.known, k.nknown * sizeof(*k.all));
	k.nall = k.nknown;
	for (c = model_first(deal); k.all != NULL && c != NULL;
	    c = model_next_elem(c))
		if (strcmp(model_name(c), "extra") == 0 && k.nall < max &&
		    (line = rmd_front_line(r, model_pos(r->m, c).line)) > 0)
			k.all[k.nall++] = line;
	rmd_puts(r, "---\n");
	rmd_front_write(r, deal, &k);
	rmd_front_notes(r, 0, k.all, k.nall);
	rmd_puts(r, "---\n");
	free(k.known);
	free(k.all);
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
/* The bullet of a prose item: '- ', or with its task box '- [x] '. */
static const char *
rmd_task_mark(const xmlNode *li)
{
	const char	*t = model_attr(li, "task");

	if (t == NULL)
		return "- ";
	return strcmp(t, "done") == 0 ? "- [x] " : "- [ ] ";
}

static void
rmd_block(struct rmd *r, const xmlNode *n, int level)
{
	const xmlNode	*c;
	int		 in_list = 0;

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		if (strcmp(model_name(c), "li") == 0) {
			rmd_puts(r, rmd_task_mark(c));
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
		rmd_notes(r, rmd_line(r, c, NULL), 0);
		rmd_block(r, c, level + 1);
		rmd_notes(r, rmd_line(r, c, NULL), 1);
	}
}

/*
 * The heading of field elem of pillar (node parent, may be NULL) when the
 * field is there or its heading was written empty, with its comments:
 * its node, or NULL; *line its source line.  0: no heading.
 */
static int
rmd_field_head(struct rmd *r, const xmlNode *parent, const char *pillar,
    const char *elem, const char *title, const xmlNode **np,
    unsigned *line)
{
	char	 path[64];

	snprintf(path, sizeof(path), "%s/%s", pillar, elem);
	*np = model_child(parent, elem);
	*line = rmd_line(r, *np, path);
	if (*np == NULL && rmd_anchor(r, path) == 0)
		return 0;
	rmd_heading(r, 2, title);
	rmd_notes(r, *line, 0);
	return 1;
}

/* '## Title' and the block under it, when the field is there. */
static void
rmd_field(struct rmd *r, const xmlNode *parent, const char *pillar,
    const char *elem, const char *title)
{
	const xmlNode	*n;
	unsigned	 line;

	if (!rmd_field_head(r, parent, pillar, elem, title, &n, &line))
		return;
	if (n != NULL)
		rmd_block(r, n, 3);
	rmd_notes(r, line, 1);
	rmd_end_block(r);
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

/* True when the file's table header names this column ('col/risk/owner'). */
static int
rmd_col_written(const struct rmd *r, const char *rec, const char *elem)
{
	char	 path[96];

	if (r->m->src != MODEL_SRC_MD)
		return 0;
	snprintf(path, sizeof(path), "col/%s/%s", rec, elem);
	return model_anchor_pos(r->m, path, 0).line > 0;
}

/* True when some record has this column, or the file's header has it. */
static int
rmd_col_used(const struct rmd *r, const xmlNode *parent, const char *rec,
    const char *elem, int key)
{
	const xmlNode	*x;

	if (key || rmd_col_written(r, rec, elem))
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
		used[i] = rmd_col_used(r, parent, rec, cols[i].elem,
		    i == 0);
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

/* ---- pillars ----------------------------------------------------- */

static int
rmd_true(const xmlNode *n, const char *attr)
{
	const char	*v = model_attr(n, attr);

	return v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* A record table's header with the columns the file's header had, and
 * no rows: the empty table of a heading left to fill in. */
static void
rmd_records_empty(struct rmd *r, const char *rec, const struct rcol *cols,
    size_t ncols)
{
	size_t	 i, n = 0;

	for (i = 0; i < ncols; i++)
		if (i == 0 || rmd_col_written(r, rec, cols[i].elem)) {
			rmd_td(r, cols[i].title);
			n++;
		}
	rmd_puts(r, "|\n");
	rmd_delim(r, n);
	rmd_blank(r);
}

/* The records of parent (may be NULL), or the empty table when the file
 * has one (a header with no rows) and no records. */
static void
rmd_records_or_empty(struct rmd *r, const xmlNode *parent, const char *rec,
    const struct rcol *cols, size_t ncols)
{
	char	 path[64];

	snprintf(path, sizeof(path), "table/%s", rec);
	if (parent != NULL && model_child(parent, rec) != NULL)
		rmd_records(r, parent, rec, cols, ncols);
	else if (rmd_anchor(r, path) > 0)
		rmd_records_empty(r, rec, cols, ncols);
}

/* '# Title' of a pillar (node n, may be NULL), with its comments. */
static unsigned
rmd_pillar_head(struct rmd *r, const xmlNode *n, const char *elem,
    const char *title, int blank)
{
	unsigned	 line = rmd_line(r, n, elem);

	rmd_heading(r, 1, title);
	rmd_notes(r, line, 0);
	if (blank)
		rmd_end_block(r);
	return line;
}

/* The end of a pillar: its other sections, the comments after it. */
static void
rmd_pillar_end(struct rmd *r, const xmlNode *n, unsigned line)
{
	if (n != NULL)
		rmd_block(r, n, 2);
	rmd_notes(r, line, 1);
	rmd_end_block(r);
}

/* '- [x] WHAT (WHO, by DUE)' */
static void
rmd_commitment(struct rmd *r, const xmlNode *c)
{
	const char	*who = model_text(model_child(c, "who"));
	const char	*due = rmd_val(model_child(c, "due"));

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

static void
rmd_commitments(struct rmd *r, const xmlNode *parent)
{
	const xmlNode	*n, *c;
	unsigned	 line;

	if (!rmd_field_head(r, parent, "context", "commitments",
	    "Commitments", &n, &line))
		return;
	if (n != NULL && rmd_true(n, "none")) {
		rmd_puts(r, "None\n");
		rmd_blank(r);
	}
	if (n != NULL && (c = model_child(n, "commitment")) != NULL) {
		for (; c != NULL; c = model_next(c, "commitment"))
			rmd_commitment(r, c);
		rmd_blank(r);
	}
	rmd_notes(r, line, 1);
	rmd_end_block(r);
}

static void
rmd_objections(struct rmd *r, const xmlNode *parent)
{
	const xmlNode	*n;
	unsigned	 line;

	if (!rmd_field_head(r, parent, "context", "objections", "Objections",
	    &n, &line))
		return;
	rmd_records_or_empty(r, n, "objection", obj_cols, N(obj_cols));
	rmd_notes(r, line, 1);
	rmd_end_block(r);
}

static void
rmd_context(struct rmd *r, const xmlNode *n)
{
	unsigned	 line;

	line = rmd_pillar_head(r, n, "context", "Context", 1);
	rmd_field(r, n, "context", "client-summary", "For the client");
	rmd_field(r, n, "context", "pain-points", "Pain points");
	rmd_field(r, n, "context", "why-us", "Why they chose us");
	rmd_field(r, n, "context", "buying-process", "Buying process");
	rmd_field(r, n, "context", "competitors", "Competitors");
	rmd_objections(r, n);
	rmd_field(r, n, "context", "emotional-drivers", "Emotional drivers");
	rmd_commitments(r, n);
	rmd_pillar_end(r, n, line);
}

static void
rmd_relationships(struct rmd *r, const xmlNode *n)
{
	unsigned	 line;

	line = rmd_pillar_head(r, n, "relationships", "Relationships", 0);
	rmd_records_or_empty(r, n, "stakeholder", stk_cols, N(stk_cols));
	rmd_pillar_end(r, n, line);
}

static void
rmd_goals(struct rmd *r, const xmlNode *n)
{
	unsigned	 line;

	line = rmd_pillar_head(r, n, "goals", "Goals", 0);
	rmd_records_or_empty(r, n, "metric", met_cols, N(met_cols));
	rmd_field(r, n, "goals", "first-milestone", "First milestone");
	rmd_pillar_end(r, n, line);
}

static void
rmd_risks(struct rmd *r, const xmlNode *n)
{
	unsigned	 line;

	line = rmd_pillar_head(r, n, "risks", "Risks", 0);
	if (n != NULL && rmd_true(n, "none")) {
		rmd_puts(r, "None identified\n");
		rmd_blank(r);
	}
	rmd_records_or_empty(r, n, "risk", risk_cols, N(risk_cols));
	rmd_field(r, n, "risks", "red-flags", "Red flags");
	rmd_field(r, n, "risks", "internal-politics", "Internal politics");
	rmd_pillar_end(r, n, line);
}

static void
rmd_dna(struct rmd *r, const xmlNode *n)
{
	unsigned	 line;

	line = rmd_pillar_head(r, n, "client-dna", "Client DNA", 1);
	rmd_field(r, n, "client-dna", "goals", "Goals");
	rmd_field(r, n, "client-dna", "challenges", "Challenges");
	rmd_field(r, n, "client-dna", "wins", "Wins");
	rmd_field(r, n, "client-dna", "personality", "Personality notes");
	rmd_pillar_end(r, n, line);
}

/* 'key: value' lines of a Process field, in the XSD's order. */
static void
rmd_lines(struct rmd *r, const xmlNode *parent, const char *elem,
    const char *title)
{
	const xmlNode	*n, *c;
	unsigned	 line;

	if (!rmd_field_head(r, parent, "process", elem, title, &n, &line))
		return;
	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		rmd_puts(r, strcmp(model_name(c), "decision") == 0 ?
		    "decision" : model_name(c));
		rmd_puts(r, ": ");
		rmd_text(r, rmd_val(c), 0);
		rmd_puts(r, "\n");
	}
	rmd_notes(r, line, 1);
	rmd_end_block(r);
}

/* '## Intro sent' and its date. */
static void
rmd_intro(struct rmd *r, const xmlNode *parent)
{
	const xmlNode	*n;
	unsigned	 line;

	if (!rmd_field_head(r, parent, "process", "intro-sent", "Intro sent",
	    &n, &line))
		return;
	if (n != NULL) {
		rmd_text(r, rmd_val(n), 0);
		rmd_puts(r, "\n");
	}
	rmd_notes(r, line, 1);
	rmd_end_block(r);
}

static void
rmd_process(struct rmd *r, const xmlNode *n)
{
	unsigned	 line;

	line = rmd_pillar_head(r, n, "process", "Process", 1);
	rmd_lines(r, n, "handoff-call", "Handoff call");
	rmd_lines(r, n, "review", "CS review");
	rmd_intro(r, n);
	rmd_lines(r, n, "feedback", "30-day feedback");
	rmd_field(r, n, "process", "retro", "Retro");
	rmd_lines(r, n, "outcome", "Outcome");
	rmd_pillar_end(r, n, line);
}

/* A top-level unknown section: '# Heading', its H2s nested. */
static void
rmd_extra(struct rmd *r, const xmlNode *n)
{
	unsigned	 line = rmd_line(r, n, NULL);

	rmd_heading(r, 1, model_attr(n, "heading") ?
	    model_attr(n, "heading") : "");
	rmd_blank(r);
	rmd_notes(r, line, 0);
	rmd_pillar_end(r, n, line);
}

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
};

/* The body: each pillar that is there or whose heading was written,
 * in order, then the unknown sections as written, then any comment
 * whose heading is gone. */
static void
rmd_body(struct rmd *r, const xmlNode *root)
{
	const xmlNode	*c;
	size_t		 i;

	rmd_notes(r, 0, 0);
	for (i = 0; i < N(pillars); i++)
		if ((c = model_child(root, pillars[i].elem)) != NULL ||
		    rmd_anchor(r, pillars[i].elem) > 0)
			pillars[i].fn(r, c);
	for (c = model_child(root, "extra"); c != NULL;
	    c = model_next(c, "extra"))
		rmd_extra(r, c);
	for (i = 0; i < r->m->nnote; i++)
		if (!r->done[i]) {
			rmd_end_block(r);
			rmd_note_put(r, i);
		}
}

int
render_md(struct buf *out, const struct model *m, struct diag_list *dl)
{
	struct rmd	 r;
	const xmlNode	*root = model_root(m), *c;

	(void)dl;
	r.b = out;
	r.err = 0;
	r.m = m;
	if ((r.done = calloc(m->nnote + 1, 1)) == NULL)
		return -1;
	if ((c = model_child(root, "deal")) != NULL)
		rmd_front(&r, c);
	else {
		rmd_puts(&r, "---\n");
		rmd_front_notes(&r, 0, NULL, 0);
		rmd_puts(&r, "---\n");
	}
	rmd_body(&r, root);
	free(r.done);
	/* One newline at the end, not a blank line. */
	while (out->len > 1 && out->data[out->len - 1] == '\n' &&
	    out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
	return r.err ? -1 : 0;
}
