/* SPDX-License-Identifier: MIT */
/*
 * parse_md.c: the Markdown front end (SPEC.md, "Markdown form reference").
 * YAML front matter goes to parse_front.c; the body is parsed by
 * cmark-gfm with the table, tasklist and autolink extensions, after a
 * pre-scan that bounds tables and nesting (Debian's cmark-gfm predates
 * the CVE-2023 fixes: a table bomb would take gigabytes).  The walk maps
 * H1 sections to pillars, H2 headings to fields, tables to records and
 * task lists to commitments; everything it does not know is kept as an
 * <extra>.  Every element remembers the line it came from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "parse.h"

/* H1 sections. */
enum sec {
	SEC_NONE,		/* before the first H1 */
	SEC_CONTEXT, SEC_RELATIONSHIPS, SEC_GOALS, SEC_RISKS, SEC_DNA,
	SEC_PROCESS,
	SEC_EXTRA,		/* an H1 handoff does not know */
	SEC__MAX
};

/* What content under the current heading turns into. */
enum shape {
	SH_NONE,		/* directly under a known H1 */
	SH_BLOCK,		/* prose: p / li / table */
	SH_OBJECTIONS, SH_COMMITMENTS, SH_STAKEHOLDERS, SH_METRICS,
	SH_RISKS,		/* record tables and the task list */
	SH_LINES,		/* Process: 'key: value' lines */
	SH_INTRO,		/* Process: one date */
	SH_EXTRA		/* an unknown heading: kept as block */
};

/* The H1 names, after md_key(), and their pillar elements. */
static const struct {
	const char	*key;
	enum sec	 sec;
} h1_names[] = {
	{ "context", SEC_CONTEXT }, { "deal context", SEC_CONTEXT },
	{ "sales context", SEC_CONTEXT },
	{ "relationships", SEC_RELATIONSHIPS },
	{ "stakeholders", SEC_RELATIONSHIPS },
	{ "stakeholder map", SEC_RELATIONSHIPS },
	{ "goals", SEC_GOALS }, { "success metrics", SEC_GOALS },
	{ "success plan", SEC_GOALS }, { "success criteria", SEC_GOALS },
	{ "risks", SEC_RISKS }, { "risk", SEC_RISKS },
	{ "client dna", SEC_DNA }, { "dna", SEC_DNA },
	{ "customer dna", SEC_DNA }, { "client profile", SEC_DNA },
	{ "process", SEC_PROCESS }, { "handoff process", SEC_PROCESS },
};

static const char *const sec_elem[SEC__MAX] = {
	NULL, "context", "relationships", "goals", "risks", "client-dna",
	"process", "extra"
};

/* The H2 fields of each pillar: heading key -> element and shape. */
struct h2 {
	enum sec	 sec;
	const char	*key;
	const char	*elem;	/* NULL: records go straight into the pillar */
	enum shape	 shape;
};

static const struct h2 h2_names[] = {
	{ SEC_CONTEXT, "pain points", "pain-points", SH_BLOCK },
	{ SEC_CONTEXT, "pains", "pain-points", SH_BLOCK },
	{ SEC_CONTEXT, "problems", "pain-points", SH_BLOCK },
	{ SEC_CONTEXT, "why us", "why-us", SH_BLOCK },
	{ SEC_CONTEXT, "why they chose us", "why-us", SH_BLOCK },
	{ SEC_CONTEXT, "why they bought", "why-us", SH_BLOCK },
	{ SEC_CONTEXT, "why we won", "why-us", SH_BLOCK },
	{ SEC_CONTEXT, "buying process", "buying-process", SH_BLOCK },
	{ SEC_CONTEXT, "decision process", "buying-process", SH_BLOCK },
	{ SEC_CONTEXT, "decision criteria", "buying-process", SH_BLOCK },
	{ SEC_CONTEXT, "buying process and decision criteria",
	    "buying-process", SH_BLOCK },
	{ SEC_CONTEXT, "competitors", "competitors", SH_BLOCK },
	{ SEC_CONTEXT, "competition", "competitors", SH_BLOCK },
	{ SEC_CONTEXT, "competitors considered", "competitors", SH_BLOCK },
	{ SEC_CONTEXT, "alternatives considered", "competitors", SH_BLOCK },
	{ SEC_CONTEXT, "objections", "objections", SH_OBJECTIONS },
	{ SEC_CONTEXT, "objection handling", "objections", SH_OBJECTIONS },
	{ SEC_CONTEXT, "objection handling history", "objections",
	    SH_OBJECTIONS },
	{ SEC_CONTEXT, "emotional drivers", "emotional-drivers", SH_BLOCK },
	{ SEC_CONTEXT, "personal drivers", "emotional-drivers", SH_BLOCK },
	{ SEC_CONTEXT, "commitments", "commitments", SH_COMMITMENTS },
	{ SEC_CONTEXT, "custom requests", "commitments", SH_COMMITMENTS },
	{ SEC_CONTEXT, "promises", "commitments", SH_COMMITMENTS },
	{ SEC_CONTEXT, "commitments and custom requests", "commitments",
	    SH_COMMITMENTS },
	{ SEC_RELATIONSHIPS, "stakeholders", NULL, SH_STAKEHOLDERS },
	{ SEC_RELATIONSHIPS, "stakeholder map", NULL, SH_STAKEHOLDERS },
	{ SEC_GOALS, "success metrics", NULL, SH_METRICS },
	{ SEC_GOALS, "metrics", NULL, SH_METRICS },
	{ SEC_GOALS, "first milestone", "first-milestone", SH_BLOCK },
	{ SEC_GOALS, "early win", "first-milestone", SH_BLOCK },
	{ SEC_GOALS, "first milestone early win", "first-milestone",
	    SH_BLOCK },
	{ SEC_RISKS, "risks", NULL, SH_RISKS },
	{ SEC_RISKS, "risk register", NULL, SH_RISKS },
	{ SEC_RISKS, "red flags", "red-flags", SH_BLOCK },
	{ SEC_RISKS, "internal politics", "internal-politics", SH_BLOCK },
	{ SEC_RISKS, "politics", "internal-politics", SH_BLOCK },
	{ SEC_DNA, "goals", "goals", SH_BLOCK },
	{ SEC_DNA, "challenges", "challenges", SH_BLOCK },
	{ SEC_DNA, "wins", "wins", SH_BLOCK },
	{ SEC_DNA, "personality notes", "personality", SH_BLOCK },
	{ SEC_DNA, "personality", "personality", SH_BLOCK },
	{ SEC_PROCESS, "handoff call", "handoff-call", SH_LINES },
	{ SEC_PROCESS, "joint handoff call", "handoff-call", SH_LINES },
	{ SEC_PROCESS, "cs review", "review", SH_LINES },
	{ SEC_PROCESS, "review", "review", SH_LINES },
	{ SEC_PROCESS, "cs acknowledgement", "review", SH_LINES },
	{ SEC_PROCESS, "cs acknowledgment", "review", SH_LINES },
	{ SEC_PROCESS, "intro sent", "intro-sent", SH_INTRO },
	{ SEC_PROCESS, "intro", "intro-sent", SH_INTRO },
	{ SEC_PROCESS, "warm intro", "intro-sent", SH_INTRO },
	{ SEC_PROCESS, "30 day feedback", "feedback", SH_LINES },
	{ SEC_PROCESS, "feedback", "feedback", SH_LINES },
	{ SEC_PROCESS, "retro", "retro", SH_BLOCK },
	{ SEC_PROCESS, "retrospective", "retro", SH_BLOCK },
	{ SEC_PROCESS, "outcome", "outcome", SH_LINES },
};

/* Record tables: element, fields in XSD order, header aliases. */
struct col {
	const char	*key;	/* after md_key() */
	int		 slot;
};

struct rec {
	const char		*elem;
	const char		*what;	/* for messages */
	const char *const	*slots;	/* element names, XSD order */
	size_t			 nslots;
	const struct col	*cols;
	size_t			 ncols;
};

static const char *const stk_slots[] = { "name", "title", "role",
    "influence", "stance", "email", "channel", "notes" };
static const struct col stk_cols[] = {
	{ "name", 0 }, { "stakeholder", 0 }, { "contact", 0 },
	{ "title", 1 }, { "job title", 1 }, { "position", 1 },
	{ "role", 2 }, { "roles", 2 },
	{ "influence", 3 }, { "power", 3 },
	{ "stance", 4 }, { "attitude", 4 }, { "sentiment", 4 },
	{ "email", 5 }, { "e mail", 5 }, { "mail", 5 },
	{ "email address", 5 },
	{ "prefers", 6 }, { "preferred channel", 6 }, { "channel", 6 },
	{ "preferred", 6 },
	{ "notes", 7 }, { "note", 7 }, { "comments", 7 },
};
static const char *const met_slots[] = { "name", "baseline", "target",
    "due", "measured-by" };
static const struct col met_cols[] = {
	{ "metric", 0 }, { "kpi", 0 }, { "success metric", 0 },
	{ "baseline", 1 }, { "today", 1 }, { "current", 1 },
	{ "target", 2 },
	{ "by", 3 }, { "due", 3 }, { "target date", 3 }, { "date", 3 },
	{ "deadline", 3 }, { "due date", 3 },
	{ "measured by", 4 }, { "source", 4 }, { "how measured", 4 },
	{ "measurement", 4 },
};
static const char *const risk_slots[] = { "text", "severity", "likelihood",
    "mitigation", "owner" };
static const struct col risk_cols[] = {
	{ "risk", 0 }, { "description", 0 },
	{ "severity", 1 }, { "impact", 1 },
	{ "likelihood", 2 }, { "probability", 2 },
	{ "mitigation", 3 }, { "mitigation plan", 3 }, { "plan", 3 },
	{ "owner", 4 }, { "who", 4 },
};
static const char *const obj_slots[] = { "text", "answer" };
static const struct col obj_cols[] = {
	{ "objection", 0 }, { "concern", 0 },
	{ "how we answered", 1 }, { "answer", 1 }, { "response", 1 },
	{ "how answered", 1 }, { "how we answered it", 1 },
};

#define N(a)	(sizeof(a) / sizeof((a)[0]))

static const struct rec rec_stk = { "stakeholder", "stakeholder",
    stk_slots, N(stk_slots), stk_cols, N(stk_cols) };
static const struct rec rec_met = { "metric", "success metric",
    met_slots, N(met_slots), met_cols, N(met_cols) };
static const struct rec rec_risk = { "risk", "risk",
    risk_slots, N(risk_slots), risk_cols, N(risk_cols) };
static const struct rec rec_obj = { "objection", "objection",
    obj_slots, N(obj_slots), obj_cols, N(obj_cols) };

#define MAX_LEVEL	6

/* The walk's state: where in the document we are. */
struct mdp {
	struct model		*m;
	struct diag_list	*dl;
	const struct limits	*lim;
	unsigned		 line0;	/* file line of body line 1, minus 1 */
	int			 oom;

	enum sec		 sec;
	xmlNodePtr		 secn;	/* pillar element, made lazily */
	char			*sec_title;
	unsigned		 sec_line, sec_col;
	unsigned		 seen_sec;	/* bit per enum sec */

	const struct h2		*field;	/* NULL: none or unknown */
	enum shape		 shape;
	xmlNodePtr		 fieldn;	/* made lazily */
	char			*field_title;
	unsigned		 field_line, field_col;
	unsigned char		 seen_h2[N(h2_names)];
	xmlNodePtr		 stray;	/* this heading's stray notes */
	xmlNodePtr		 ext[MAX_LEVEL + 1];	/* extras by level */
	int			 ext_level;	/* deepest one in use */
	int			 lines_key;	/* SH_LINES: last key's slot */
};

static unsigned
mdp_line(const struct mdp *p, cmark_node *n)
{
	int	 l = cmark_node_get_start_line(n);

	while (l <= 0 && (n = cmark_node_parent(n)) != NULL)
		l = cmark_node_get_start_line(n);
	return l > 0 ? p->line0 + (unsigned)l : 0;
}

static unsigned
mdp_col(cmark_node *n)
{
	int	 c = cmark_node_get_start_column(n);

	return c > 0 ? (unsigned)c - 1 : 0;
}

static const char *
node_kind(cmark_node *n)
{
	return cmark_node_get_type_string(n);
}

static int
node_is(cmark_node *n, const char *kind)
{
	return strcmp(cmark_node_get_type_string(n), kind) == 0;
}

/* An element with position; sets p->oom on failure. */
static xmlNodePtr
mdp_add(struct mdp *p, xmlNodePtr parent, const char *name,
    const char *text, unsigned line, unsigned col, int col_known)
{
	xmlNodePtr	 n;

	if (parent == NULL || p->oom)
		return NULL;
	if ((n = model_add(p->m, parent, name, text, line, col,
	    col_known)) == NULL)
		p->oom = 1;
	return n;
}

static void
mdp_attr(struct mdp *p, xmlNodePtr n, const char *name, const char *value)
{
	if (n != NULL && model_set_attr(n, name, value) == -1)
		p->oom = 1;
}

/* ---- inline text ------------------------------------------------- */

/* Runs of spaces as one: what a dropped comment or a break leaves. */
static void
md_squeeze(char *s)
{
	const char	*i;
	char		*o = s;

	for (i = s; *i != '\0'; i++)
		if (!(*i == ' ' && o > s && o[-1] == ' '))
			*o++ = *i;
	*o = '\0';
}

/*
 * The text of an inline subtree, markup flattened: soft and hard breaks
 * as brk, code spans keep their text, a link whose text differs from its
 * URL as 'text <url>', HTML (comments) dropped.  Iterative: cmark_iter.
 */
static char *
md_flatten(cmark_node *root, int brk)
{
	struct buf	 b;
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*n;
	size_t		 mark[64], nmark = 0;
	const char	*url, *lit;
	char		*out;

	buf_init(&b);
	if ((it = cmark_iter_new(root)) == NULL)
		return NULL;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if ((lit = cmark_node_get_literal(n)) != NULL)
				buf_puts(&b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(&b, brk);
			break;
		case CMARK_NODE_HTML_INLINE:
			/* Comments are prompts; other tags are the author's. */
			lit = cmark_node_get_literal(n);
			if (lit != NULL && strncmp(lit, "<!--", 4) != 0)
				buf_puts(&b, lit);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			if (ev == CMARK_EVENT_ENTER) {
				if (nmark < N(mark))
					mark[nmark] = b.len;
				nmark++;
				break;
			}
			if (nmark-- > N(mark))
				break;
			url = cmark_node_get_url(n);
			if (url != NULL && *url != '\0') {
				const char *t = b.data ? b.data + mark[nmark] : "";

				if (strcmp(t, url) != 0 &&
				    !(strncmp(url, "mailto:", 7) == 0 &&
				    strcmp(t, url + 7) == 0) &&
				    !(strncmp(url, "http://", 7) == 0 &&
				    strcmp(t, url + 7) == 0))
					buf_printf(&b, "%s<%s>",
					    b.len > mark[nmark] ? " " : "", url);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	out = md_trim_dup(b.data ? b.data : "", b.len);
	buf_dispose(&b);
	if (out != NULL && brk == ' ')
		md_squeeze(out);
	return out;
}

/* ---- block content ----------------------------------------------- */

static void	mdp_block(struct mdp *, xmlNodePtr, cmark_node *, unsigned);

/* A table as <table><tr><td>: for prose fields and unknown sections. */
static void
mdp_block_table(struct mdp *p, xmlNodePtr parent, cmark_node *t)
{
	xmlNodePtr	 tab, tr;
	cmark_node	*row, *cell;
	char		*s;

	tab = mdp_add(p, parent, "table", NULL, mdp_line(p, t), mdp_col(t), 1);
	for (row = cmark_node_first_child(t); row != NULL && !p->oom;
	    row = cmark_node_next(row)) {
		tr = mdp_add(p, tab, "tr", NULL, mdp_line(p, row),
		    mdp_col(row), 1);
		for (cell = cmark_node_first_child(row); cell != NULL;
		    cell = cmark_node_next(cell)) {
			if ((s = md_flatten(cell, ' ')) == NULL) {
				p->oom = 1;
				return;
			}
			mdp_add(p, tr, "td", s, mdp_line(p, row),
			    mdp_col(cell), 1);
			free(s);
		}
	}
}

/* Paragraph-like text as one element (p or li). */
static void
mdp_text(struct mdp *p, xmlNodePtr parent, const char *elem, cmark_node *n,
    cmark_node *at)
{
	char	*s;

	if ((s = md_flatten(n, ' ')) == NULL) {
		p->oom = 1;
		return;
	}
	if (*s != '\0')
		mdp_add(p, parent, elem, s, mdp_line(p, at), mdp_col(at), 1);
	free(s);
}

/* A list item: its paragraphs as one <li>, nested blocks after it. */
static void
mdp_item(struct mdp *p, xmlNodePtr parent, cmark_node *item, unsigned depth)
{
	struct buf	 b;
	cmark_node	*c;
	char		*s;

	buf_init(&b);
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
			if ((s = md_flatten(c, ' ')) == NULL) {
				p->oom = 1;
				break;
			}
			if (*s != '\0' && b.len > 0)
				buf_putc(&b, ' ');
			buf_puts(&b, s);
			free(s);
		}
	if (b.len > 0)
		mdp_add(p, parent, "li", b.data, mdp_line(p, item),
		    mdp_col(item), 1);
	buf_dispose(&b);
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH)
			mdp_block(p, parent, c, depth + 1);
}

/* Any block as prose under parent: p, li, table.  Depth-bounded. */
static void
mdp_block(struct mdp *p, xmlNodePtr parent, cmark_node *n, unsigned depth)
{
	cmark_node	*c;
	const char	*lit;
	char		*s;

	if (depth > p->lim->max_depth || p->oom)
		return;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		mdp_text(p, parent, "p", n, n);
		return;
	case CMARK_NODE_LIST:
		for (c = cmark_node_first_child(n); c != NULL;
		    c = cmark_node_next(c))
			mdp_item(p, parent, c, depth);
		return;
	case CMARK_NODE_ITEM:
		mdp_item(p, parent, n, depth);
		return;
	case CMARK_NODE_BLOCK_QUOTE:
		for (c = cmark_node_first_child(n); c != NULL;
		    c = cmark_node_next(c))
			mdp_block(p, parent, c, depth + 1);
		return;
	case CMARK_NODE_CODE_BLOCK:
		if ((lit = cmark_node_get_literal(n)) == NULL)
			return;
		if ((s = md_trim_dup(lit, strlen(lit))) == NULL) {
			p->oom = 1;
			return;
		}
		/* One line of text, as every other prose field. */
		for (c = NULL, lit = s; *lit != '\0'; lit++)
			if (*lit == '\n' || *lit == '\t' || *lit == '\r')
				s[lit - s] = ' ';
		md_squeeze(s);
		if (*s != '\0')
			mdp_add(p, parent, "p", s, mdp_line(p, n), mdp_col(n), 1);
		free(s);
		return;
	default:
		if (node_is(n, "table"))
			mdp_block_table(p, parent, n);
		return;	/* HTML, thematic breaks: ignored */
	}
}

/* ---- sections and fields ----------------------------------------- */

/* The pillar element of the current H1, made on first use. */
static xmlNodePtr
mdp_secn(struct mdp *p)
{
	xmlNodePtr	 root = model_root(p->m);

	if (p->secn == NULL && p->sec != SEC_NONE && p->sec != SEC_EXTRA) {
		p->secn = model_child(root, sec_elem[p->sec]);
		if (p->secn == NULL)
			p->secn = mdp_add(p, root, sec_elem[p->sec], NULL,
			    p->sec_line, p->sec_col, 1);
	}
	return p->secn;
}

/* The element of the current H2 field, made on first use. */
static xmlNodePtr
mdp_fieldn(struct mdp *p)
{
	xmlNodePtr	 sec;

	if (p->fieldn != NULL || p->field == NULL)
		return p->fieldn;
	if ((sec = mdp_secn(p)) == NULL)
		return NULL;
	if (p->field->elem == NULL)
		return p->fieldn = sec;
	if ((p->fieldn = model_child(sec, p->field->elem)) == NULL)
		p->fieldn = mdp_add(p, sec, p->field->elem, NULL,
		    p->field_line, p->field_col, 1);
	return p->fieldn;
}

/* The title content under the current heading is reported under. */
static const char *
mdp_title(const struct mdp *p)
{
	return p->field_title ? p->field_title :
	    p->sec_title ? p->sec_title : "Notes";
}

/*
 * The '<extra heading="Title (notes)">' beside the current field that
 * keeps content found where it does not belong; made on first use.
 */
static xmlNodePtr
mdp_stray_node(struct mdp *p, cmark_node *n)
{
	const char	*title = mdp_title(p);
	char		*heading;
	size_t		 hlen = strlen(title) + 9;

	if (p->stray != NULL)
		return p->stray;
	if (p->sec == SEC_NONE) {
		p->stray = mdp_add(p, model_root(p->m), "extra", NULL,
		    mdp_line(p, n), mdp_col(n), 1);
		mdp_attr(p, p->stray, "heading", "Notes");
		return p->stray;
	}
	if ((heading = malloc(hlen)) == NULL) {
		p->oom = 1;
		return NULL;
	}
	snprintf(heading, hlen, "%s (notes)", title);
	p->stray = mdp_add(p, mdp_secn(p), "extra", NULL,
	    p->field ? p->field_line : p->sec_line,
	    p->field ? p->field_col : p->sec_col, 1);
	mdp_attr(p, p->stray, "heading", heading);
	free(heading);
	return p->stray;
}

/* Content where it does not belong (prose where a table is expected):
 * kept as notes, and warned about. */
static void
mdp_stray(struct mdp *p, cmark_node *n, const char *expect)
{
	diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, n), mdp_col(n)),
	    RULE_STRAY_CONTENT, "%s under '%s' where %s is expected",
	    node_kind(n), mdp_title(p), expect);
	mdp_block(p, mdp_stray_node(p, n), n, 0);
}

/* A table's header: column -> slot (-1: extra), warnings once each. */
static int
mdp_header(struct mdp *p, const struct rec *r, cmark_node *hdr, int *slot,
    char **name, size_t maxcols, size_t *ncols)
{
	cmark_node	*cell;
	char		 key[64];
	size_t		 i, k;
	int		 have_key = 0, twice;

	*ncols = 0;
	for (cell = cmark_node_first_child(hdr); cell != NULL &&
	    *ncols < maxcols; cell = cmark_node_next(cell)) {
		if ((name[*ncols] = md_flatten(cell, ' ')) == NULL)
			return -1;
		md_key(name[*ncols], key, sizeof(key));
		slot[*ncols] = -1;
		for (i = 0; i < r->ncols; i++)
			if (strcmp(key, r->cols[i].key) == 0)
				slot[*ncols] = r->cols[i].slot;
		twice = 0;
		for (k = 0; k < *ncols && slot[*ncols] >= 0; k++)
			if (slot[k] == slot[*ncols])
				twice = 1;
		if (twice)
			slot[*ncols] = -1;	/* kept as an extra */
		if (slot[*ncols] == 0)
			have_key = 1;
		if (slot[*ncols] == -1)
			diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, hdr),
			    mdp_col(cell)), RULE_UNKNOWN_COLUMN, twice ?
			    "column '%s' appears twice in the %s table" :
			    "unknown column '%s' in the %s table",
			    name[*ncols], r->what);
		(*ncols)++;
	}
	if (!have_key)
		diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, hdr),
		    mdp_col(hdr)), RULE_TABLE_COLUMNS,
		    "the %s table has no '%s' column", r->what,
		    r->cols[0].key);
	return 0;
}

/* The Role cell: several <role>s and primary="true". */
static void
mdp_roles(struct mdp *p, xmlNodePtr rec, const char *cell, unsigned line,
    unsigned col)
{
	char	*roles[MD_MAX_ROLES];
	size_t	 n, i;
	int	 primary;

	if (md_roles_parse(cell, roles, MD_MAX_ROLES, &n, &primary) == -1) {
		p->oom = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		mdp_add(p, rec, "role", roles[i], line, col, 1);
		free(roles[i]);
	}
	if (primary)
		mdp_attr(p, rec, "primary", "true");
}

/* One value of a record, normalised where the schema has an enum. */
static void
mdp_cell(struct mdp *p, const struct rec *r, xmlNodePtr rec, int slot,
    const char *text, unsigned line, unsigned col)
{
	const char	*el = r->slots[slot];
	char		*norm;

	if (r == &rec_stk && slot == 2) {
		mdp_roles(p, rec, text, line, col);
		return;
	}
	if (strcmp(el, "influence") == 0 || strcmp(el, "stance") == 0 ||
	    strcmp(el, "severity") == 0 || strcmp(el, "likelihood") == 0) {
		if ((norm = md_enum(text)) == NULL) {
			p->oom = 1;
			return;
		}
		mdp_add(p, rec, el, norm, line, col, 1);
		free(norm);
		return;
	}
	mdp_add(p, rec, el, text, line, col, 1);
}

/* Where records go: the pillar or the field element, made on demand. */
typedef xmlNodePtr (*mdp_get)(struct mdp *);

/* One body row: a record with its fields in XSD order, extras last. */
static void
mdp_row(struct mdp *p, const struct rec *r, mdp_get parent,
    cmark_node *row, const int *slot, char *const *name, size_t ncols)
{
	char		*val[64];
	unsigned	 col[64];
	cmark_node	*cell;
	xmlNodePtr	 rec;
	size_t		 i, nv = 0, s;
	unsigned	 line = mdp_line(p, row);
	int		 any = 0;

	for (cell = cmark_node_first_child(row); cell != NULL && nv < ncols;
	    cell = cmark_node_next(cell), nv++) {
		if ((val[nv] = md_flatten(cell, ' ')) == NULL) {
			p->oom = 1;
			goto out;
		}
		col[nv] = mdp_col(cell);
		any |= *val[nv] != '\0';
	}
	if (!any)
		goto out;
	rec = mdp_add(p, parent(p), r->elem, NULL, line, mdp_col(row), 1);
	for (s = 0; s < r->nslots; s++)
		for (i = 0; i < nv; i++)
			if (slot[i] == (int)s && *val[i] != '\0')
				mdp_cell(p, r, rec, (int)s, val[i], line, col[i]);
	for (i = 0; i < nv; i++)
		if (slot[i] == -1 && *val[i] != '\0')
			mdp_attr(p, mdp_add(p, rec, "extra", val[i], line,
			    col[i], 1), "name", name[i]);
out:
	for (i = 0; i < nv; i++)
		free(val[i]);
}

/* A record table (stakeholders, metrics, risks, objections). */
static void
mdp_records(struct mdp *p, const struct rec *r, mdp_get parent,
    cmark_node *t)
{
	cmark_node	*row;
	char		*name[64];
	int		 slot[64];
	size_t		 ncols = 0, i;

	if ((row = cmark_node_first_child(t)) == NULL)
		return;
	if (mdp_header(p, r, row, slot, name, N(name), &ncols) == -1)
		p->oom = 1;
	else
		for (row = cmark_node_next(row); row != NULL && !p->oom;
		    row = cmark_node_next(row))
			mdp_row(p, r, parent, row, slot, name, ncols);
	for (i = 0; i < ncols; i++)
		free(name[i]);
}

/* True when the paragraph (or one-item list) says key, e.g. "None". */
static int
mdp_says(cmark_node *n, const char *const *keys)
{
	char	*s, key[64];
	size_t	 i;

	if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
		n = cmark_node_first_child(n);
		if (n == NULL || cmark_node_next(n) != NULL)
			return 0;
	}
	if ((s = md_flatten(n, ' ')) == NULL)
		return 0;
	md_key(s, key, sizeof(key));
	free(s);
	for (i = 0; keys[i] != NULL; i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

static const char *const none_commit[] = { "none", "no commitments",
    "no commitments made", "none made", "nothing promised", NULL };
static const char *const none_risk[] = { "none identified", "none",
    "no risks", "no risks identified", "no known risks",
    "none identified yet", NULL };

/* One commitment item: '- [ ] WHAT (WHO, by YYYY-MM-DD)'. */
static void
mdp_commit_item(struct mdp *p, xmlNodePtr parent, cmark_node *item,
    unsigned depth)
{
	cmark_node	*c;
	xmlNodePtr	 n;
	char		*all = NULL, *text = NULL, *who = NULL, *due = NULL;
	int		 task = node_is(item, "tasklist"), rc;
	unsigned	 line = mdp_line(p, item), col = mdp_col(item);

	/* Nested lists are commitments of their own: read this item's
	 * first paragraph only. */
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
			all = md_flatten(c, ' ');
			break;
		}
	if (all != NULL && *all != '\0') {
		if ((rc = md_commitment_parse(all, &text, &who, &due)) == -1)
			p->oom = 1;
		else if (!task)
			diag_add(p->dl, diag_pos(p->m->file, line, col),
			    RULE_COMMITMENT_FORMAT, "commitment '%s' is not a "
			    "task item ('- [ ] ...')", text);
		else if (rc == 1)
			diag_add(p->dl, diag_pos(p->m->file, line, col),
			    RULE_COMMITMENT_FORMAT, "commitment '%s' does not "
			    "say who promised it", text);
		if (rc != -1) {
			n = mdp_add(p, parent, "commitment", NULL, line, col, 1);
			mdp_attr(p, n, "done", task &&
			    cmark_gfm_extensions_get_tasklist_item_checked(item) ?
			    "true" : "false");
			mdp_add(p, n, "text", text, line, col, 1);
			if (who != NULL)
				mdp_add(p, n, "who", who, line, col, 1);
			if (due != NULL)
				mdp_add(p, n, "due", due, line, col, 1);
		}
	}
	free(all);
	free(text);
	free(who);
	free(due);
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_LIST &&
		    depth < p->lim->max_depth) {
			cmark_node *i;

			for (i = cmark_node_first_child(c); i != NULL;
			    i = cmark_node_next(i))
				mdp_commit_item(p, parent, i, depth + 1);
		}
}

static void
mdp_commitments(struct mdp *p, cmark_node *n)
{
	xmlNodePtr	 parent;
	cmark_node	*item;

	if (mdp_says(n, none_commit)) {
		mdp_attr(p, mdp_fieldn(p), "none", "true");
		return;
	}
	if (cmark_node_get_type(n) != CMARK_NODE_LIST) {
		mdp_stray(p, n, "a task list or 'None'");
		return;
	}
	parent = mdp_fieldn(p);
	for (item = cmark_node_first_child(n); item != NULL && !p->oom;
	    item = cmark_node_next(item))
		mdp_commit_item(p, parent, item, 0);
}

/* ---- Process: 'key: value' lines --------------------------------- */

struct lkey {
	const char	*field;	/* handoff-call, review, feedback, outcome */
	const char	*key;	/* after md_key() */
	const char	*elem;
};

static const struct lkey lkeys[] = {
	{ "handoff-call", "date", "date" },
	{ "handoff-call", "on", "date" },
	{ "handoff-call", "recording", "recording" },
	{ "handoff-call", "recording url", "recording" },
	{ "handoff-call", "recorded", "recording" },
	{ "handoff-call", "link", "recording" },
	{ "review", "decision", "decision" },
	{ "review", "status", "decision" },
	{ "review", "by", "by" }, { "review", "reviewer", "by" },
	{ "review", "reviewed by", "by" }, { "review", "who", "by" },
	{ "review", "date", "date" }, { "review", "on", "date" },
	{ "review", "reason", "reason" },
	{ "review", "reason code", "reason" },
	{ "review", "comment", "comment" }, { "review", "comments", "comment" },
	{ "review", "note", "comment" },
	{ "feedback", "score", "score" }, { "feedback", "nps", "score" },
	{ "feedback", "comment", "comment" },
	{ "feedback", "comments", "comment" },
	{ "outcome", "result", "result" }, { "outcome", "outcome", "result" },
	{ "outcome", "date", "date" },
	{ "intro-sent", "date", NULL }, { "intro-sent", "sent", NULL },
	{ "intro-sent", "on", NULL },
};

/* The element a 'key:' names in this field, or NULL.  *hit: known key. */
static const char *
mdp_lkey(const char *field, const char *key, int *hit)
{
	char	 k[64];
	size_t	 i;

	md_key(key, k, sizeof(k));
	*hit = 0;
	for (i = 0; i < N(lkeys); i++)
		if (strcmp(lkeys[i].field, field) == 0 &&
		    strcmp(lkeys[i].key, k) == 0) {
			*hit = 1;
			return lkeys[i].elem;
		}
	return NULL;
}

/* A value of one line, normalised for the enumerations. */
static void
mdp_lvalue(struct mdp *p, xmlNodePtr parent, const char *elem,
    const char *val, unsigned line)
{
	char	*norm = NULL;
	size_t	 n;

	if (*val == '\0')
		return;
	if (strcmp(elem, "decision") == 0 || strcmp(elem, "reason") == 0 ||
	    strcmp(elem, "result") == 0) {
		if ((norm = md_enum(val)) == NULL) {
			p->oom = 1;
			return;
		}
		val = norm;
	} else if (strcmp(elem, "score") == 0 &&
	    (n = strcspn(val, "/")) < strlen(val)) {
		/* '8/10' -> '8' */
		if ((norm = md_trim_dup(val, n)) == NULL) {
			p->oom = 1;
			return;
		}
		val = norm;
	}
	mdp_add(p, parent, elem, val, line, 0, 0);
	free(norm);
}

/* Append to the last <comment> (a continuation line). */
static int
mdp_lappend(struct mdp *p, xmlNodePtr parent, const char *text)
{
	xmlNodePtr	 c, last = NULL;

	for (c = model_first(parent); c != NULL; c = model_next_elem(c))
		if (strcmp(model_name(c), "comment") == 0)
			last = c;
	if (last == NULL)
		return -1;
	xmlNodeAddContent(last, BAD_CAST " ");
	xmlNodeAddContent(last, BAD_CAST text);
	return 0;
}

/* A line without a key: a bare decision, score or result word. */
static int
mdp_bare(struct mdp *p, xmlNodePtr parent, const char *field,
    const char *line, unsigned at)
{
	static const char *const words[][2] = {
		{ "review", "accepted" }, { "review", "rejected" },
		{ "outcome", "renewed" }, { "outcome", "expanded" },
		{ "outcome", "churned" },
	};
	size_t		 i, w;
	const char	*rest;

	for (i = 0; i < N(words); i++) {
		w = strlen(words[i][1]);
		if (strcmp(words[i][0], field) != 0 ||
		    strncasecmp(line, words[i][1], w) != 0 ||
		    (line[w] >= 'a' && line[w] <= 'z'))
			continue;
		mdp_add(p, parent, i < 2 ? "decision" : "result", words[i][1],
		    at, 0, 0);
		for (rest = line + w; *rest != '\0' &&
		    strchr(" \t:,.;-", *rest) != NULL; rest++)
			;
		/* 'Renewed on 2028-02-20' */
		if (i >= 2 && strncasecmp(rest, "on ", 3) == 0)
			rest += 3;
		if (*rest != '\0')
			mdp_add(p, parent, i < 2 ? "comment" : "date", rest,
			    at, 0, 0);
		return 0;
	}
	if (strcmp(field, "feedback") == 0 && line[0] >= '0' &&
	    line[0] <= '9' && strlen(line) <= 6) {
		mdp_lvalue(p, parent, "score", line, at);
		return 0;
	}
	return mdp_lappend(p, parent, line);
}

/* One 'key: value' line of a Process field. */
static void
mdp_line1(struct mdp *p, cmark_node *src, const char *line, unsigned at)
{
	const char	*field = p->field->elem, *colon, *elem, *v;
	char		*key;
	int		 hit = 0;
	xmlNodePtr	 parent;

	if (*line == '\0')
		return;
	elem = NULL;
	if ((colon = strchr(line, ':')) != NULL && colon - line < 32) {
		if ((key = md_trim_dup(line, (size_t)(colon - line))) == NULL) {
			p->oom = 1;
			return;
		}
		elem = mdp_lkey(field, key, &hit);
		free(key);
	}
	v = hit ? colon + 1 : line;
	while (*v == ' ' || *v == '\t')
		v++;
	if (p->shape == SH_INTRO) {
		if (hit || colon == NULL)
			mdp_add(p, mdp_secn(p), "intro-sent", v, at, 0, 0);
		else
			mdp_stray(p, src, "a date");
		return;
	}
	parent = mdp_fieldn(p);
	if (hit)
		mdp_lvalue(p, parent, elem, v, at);
	else if (mdp_bare(p, parent, field, line, at) == -1) {
		diag_add(p->dl, diag_pos_line(p->m->file, at),
		    RULE_STRAY_CONTENT, "line '%s' under '%s' is not "
		    "'key: value'", line, p->field_title);
		mdp_add(p, mdp_stray_node(p, src), "p", line, at, 0, 0);
	}
}

/* The lines of a paragraph (soft breaks) or of a list's items. */
static void
mdp_lines(struct mdp *p, cmark_node *n)
{
	cmark_node	*c;
	char		*s, *line, *save = NULL;
	unsigned	 at = mdp_line(p, n);

	if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
		for (c = cmark_node_first_child(n); c != NULL && !p->oom;
		    c = cmark_node_next(c)) {
			if ((s = md_flatten(c, ' ')) == NULL) {
				p->oom = 1;
				return;
			}
			mdp_line1(p, c, s, mdp_line(p, c));
			free(s);
		}
		return;
	}
	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) {
		mdp_stray(p, n, "'key: value' lines");
		return;
	}
	if ((s = md_flatten(n, '\n')) == NULL) {
		p->oom = 1;
		return;
	}
	for (line = strtok_r(s, "\n", &save); line != NULL && !p->oom;
	    line = strtok_r(NULL, "\n", &save), at++) {
		char *t = md_trim_dup(line, strlen(line));

		if (t == NULL) {
			p->oom = 1;
			break;
		}
		mdp_line1(p, n, t, at);
		free(t);
	}
	free(s);
}

/* ---- the walk ---------------------------------------------------- */

/* Content directly under a known H1. */
static void
mdp_under_h1(struct mdp *p, cmark_node *n)
{
	int	 table = node_is(n, "table");

	if (p->sec == SEC_RELATIONSHIPS && table)
		mdp_records(p, &rec_stk, mdp_secn, n);
	else if (p->sec == SEC_GOALS && table)
		mdp_records(p, &rec_met, mdp_secn, n);
	else if (p->sec == SEC_RISKS && table)
		mdp_records(p, &rec_risk, mdp_secn, n);
	else if (p->sec == SEC_RISKS && mdp_says(n, none_risk))
		mdp_attr(p, mdp_secn(p), "none", "true");
	else
		mdp_stray(p, n, p->sec == SEC_RISKS ?
		    "a table or 'None identified'" :
		    p->sec == SEC_RELATIONSHIPS || p->sec == SEC_GOALS ?
		    "a table" : "an H2 heading");
}

/* Content under the current heading. */
static void
mdp_content(struct mdp *p, cmark_node *n)
{
	int	 table = node_is(n, "table");

	if (p->ext_level > 0) {
		mdp_block(p, p->ext[p->ext_level], n, 0);
		return;
	}
	if (p->sec == SEC_NONE) {
		mdp_stray(p, n, "an H1 section");
		return;
	}
	switch (p->shape) {
	case SH_NONE:
		mdp_under_h1(p, n);
		break;
	case SH_BLOCK:
		mdp_block(p, mdp_fieldn(p), n, 0);
		break;
	case SH_OBJECTIONS:
	case SH_STAKEHOLDERS:
	case SH_METRICS:
	case SH_RISKS:
		if (!table) {
			mdp_stray(p, n, "a table");
			break;
		}
		mdp_records(p, p->shape == SH_OBJECTIONS ? &rec_obj :
		    p->shape == SH_STAKEHOLDERS ? &rec_stk :
		    p->shape == SH_METRICS ? &rec_met : &rec_risk,
		    mdp_fieldn, n);
		break;
	case SH_COMMITMENTS:
		mdp_commitments(p, n);
		break;
	case SH_LINES:
	case SH_INTRO:
		mdp_lines(p, n);
		break;
	case SH_EXTRA:
		break;
	}
}

static void
mdp_set_title(struct mdp *p, char **dst, const char *title)
{
	free(*dst);
	if ((*dst = strdup(title)) == NULL)
		p->oom = 1;
}

/* An unknown heading at level: a nested <extra heading=...>. */
static void
mdp_extra(struct mdp *p, xmlNodePtr parent, int level, const char *title,
    unsigned line, unsigned col)
{
	xmlNodePtr	 n;
	int		 i;

	n = mdp_add(p, parent, "extra", NULL, line, col, 1);
	mdp_attr(p, n, "heading", title);
	if (level > MAX_LEVEL)
		level = MAX_LEVEL;
	for (i = level; i <= MAX_LEVEL; i++)
		p->ext[i] = NULL;
	p->ext[level] = n;
	p->ext_level = level;
}

static void
mdp_h1(struct mdp *p, const char *title, unsigned line, unsigned col)
{
	char	 key[128];
	size_t	 i;

	md_key(title, key, sizeof(key));
	p->sec = SEC_EXTRA;
	for (i = 0; i < N(h1_names); i++)
		if (strcmp(key, h1_names[i].key) == 0)
			p->sec = h1_names[i].sec;
	p->secn = NULL;
	p->sec_line = line;
	p->sec_col = col;
	mdp_set_title(p, &p->sec_title, title);
	p->field = NULL;
	p->fieldn = NULL;
	free(p->field_title);
	p->field_title = NULL;
	p->shape = SH_NONE;
	p->stray = NULL;
	p->ext_level = 0;
	if (p->sec == SEC_EXTRA) {
		mdp_extra(p, model_root(p->m), 1, title, line, col);
		return;
	}
	if (p->seen_sec & (1u << p->sec))
		diag_add(p->dl, diag_pos(p->m->file, line, col),
		    RULE_DUPLICATE_SECTION, "section '%s' appears twice",
		    title);
	p->seen_sec |= 1u << p->sec;
}

static int
mdp_same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
mdp_h2(struct mdp *p, const char *title, unsigned line, unsigned col)
{
	char	 key[128];
	size_t	 i;

	md_key(title, key, sizeof(key));
	p->field = NULL;
	p->fieldn = NULL;
	p->stray = NULL;
	p->ext_level = 0;
	p->shape = SH_EXTRA;
	p->field_line = line;
	p->field_col = col;
	mdp_set_title(p, &p->field_title, title);
	if (p->sec == SEC_EXTRA) {
		mdp_extra(p, p->ext[1], 2, title, line, col);
		return;
	}
	for (i = 0; i < N(h2_names); i++)
		if (h2_names[i].sec == p->sec &&
		    strcmp(key, h2_names[i].key) == 0)
			break;
	if (i == N(h2_names)) {
		mdp_extra(p, mdp_secn(p), 2, title, line, col);
		return;
	}
	p->field = &h2_names[i];
	p->shape = h2_names[i].shape;
	/* Aliases of one field share the flag of its first spelling. */
	for (i = 0; i < N(h2_names); i++)
		if (h2_names[i].sec == p->field->sec &&
		    h2_names[i].shape == p->field->shape &&
		    mdp_same(h2_names[i].elem, p->field->elem))
			break;
	if (p->seen_h2[i]++ > 0)
		diag_add(p->dl, diag_pos(p->m->file, line, col),
		    RULE_DUPLICATE_SECTION, "section '%s' appears twice "
		    "under '%s'", title, p->sec_title);
}

static void
mdp_heading(struct mdp *p, cmark_node *n)
{
	int		 level = cmark_node_get_heading_level(n), k;
	unsigned	 line = mdp_line(p, n), col = mdp_col(n);
	char		*title;

	if ((title = md_flatten(n, ' ')) == NULL) {
		p->oom = 1;
		return;
	}
	if (level == 1 || (level == 2 && p->sec == SEC_NONE))
		mdp_h1(p, title, line, col);
	else if (level == 2)
		mdp_h2(p, title, line, col);
	else if (p->ext_level > 0) {
		/* Deeper headings in an unknown section nest in it. */
		for (k = level - 1; k > 0 && p->ext[k] == NULL; k--)
			;
		mdp_extra(p, p->ext[k > 0 ? k : p->ext_level], level, title,
		    line, col);
	} else
		mdp_content(p, n);
	free(title);
}

/* ---- canonical order ----------------------------------------------- */

static const char *const order[][9] = {
	{ "handoff", "deal", "context", "relationships", "goals", "risks",
	    "client-dna", "process", NULL },
	{ "context", "pain-points", "why-us", "buying-process", "competitors",
	    "objections", "emotional-drivers", "commitments", NULL },
	{ "relationships", "stakeholder", NULL },
	{ "goals", "metric", "first-milestone", NULL },
	{ "risks", "risk", "red-flags", "internal-politics", NULL },
	{ "client-dna", "goals", "challenges", "wins", "personality", NULL },
	{ "process", "handoff-call", "review", "intro-sent", "feedback",
	    "retro", "outcome", NULL },
	{ "handoff-call", "date", "recording", NULL },
	{ "review", "decision", "by", "date", "reason", "comment", NULL },
	{ "feedback", "score", "comment", NULL },
	{ "outcome", "result", "date", NULL },
};

static int
mdp_rank(const char *const *ord, const char *name)
{
	int	 i;

	for (i = 1; ord[i] != NULL; i++)
		if (strcmp(ord[i], name) == 0)
			return i;
	return 100;	/* extra and the unknown: last, as written */
}

/* Stable-sort the children of parent into the XSD's sequence. */
static void
mdp_sort(xmlNodePtr parent, const char *const *ord)
{
	xmlNodePtr	 c, next, *v = NULL;
	size_t		 n = 0, i;

	for (c = model_first(parent); c != NULL; c = model_next_elem(c))
		n++;
	if (n < 2 || (v = calloc(n, sizeof(*v))) == NULL)
		return;
	for (n = 0, c = model_first(parent); c != NULL; c = next) {
		next = model_next_elem(c);
		for (i = n; i > 0 && mdp_rank(ord, model_name(v[i - 1])) >
		    mdp_rank(ord, model_name(c)); i--)
			v[i] = v[i - 1];
		v[i] = c;
		n++;
	}
	for (i = 0; i < n; i++)
		xmlUnlinkNode(v[i]);
	for (i = 0; i < n; i++)
		xmlAddChild(parent, v[i]);
	free(v);
}

/* The order entry for an element, or NULL. */
static const char *const *
mdp_order_of(const char *name)
{
	size_t	 i;

	for (i = 0; i < N(order); i++)
		if (strcmp(order[i][0], name) == 0)
			return order[i];
	return NULL;
}

/* Root, pillars, and the records of Process, into the XSD's order.
 * (Records of tables are built in order already.) */
static void
mdp_order(struct model *m)
{
	xmlNodePtr	 root = model_root(m), sec, c;
	const char *const *ord;

	mdp_sort(root, order[0]);
	for (sec = model_first(root); sec != NULL; sec = model_next_elem(sec)) {
		if (strcmp(model_name(sec), "extra") == 0 ||
		    strcmp(model_name(sec), "deal") == 0 ||
		    (ord = mdp_order_of(model_name(sec))) == NULL)
			continue;
		mdp_sort(sec, ord);
		if (strcmp(model_name(sec), "process") != 0)
			continue;
		for (c = model_first(sec); c != NULL; c = model_next_elem(c))
			if ((ord = mdp_order_of(model_name(c))) != NULL)
				mdp_sort(c, ord);
	}
}

/* ---- the pre-scan: bound the input before cmark-gfm sees it ------ */

/* Cells in a table-looking line: unescaped pipes, edges discounted. */
static unsigned
scan_cells(const char *s, size_t len)
{
	size_t		 i, a = 0, b = len;
	unsigned	 pipes = 0;

	while (a < len && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
	    s[b - 1] == '\r'))
		b--;
	for (i = a; i < b; i++)
		if (s[i] == '|' && (i == 0 || s[i - 1] != '\\'))
			pipes++;
	if (pipes == 0)
		return 0;
	if (s[a] == '|')
		pipes--;
	if (b > a + 1 && s[b - 1] == '|')
		pipes--;
	return pipes + 1;
}

/* Nesting a line opens: indentation, '>' quotes and list markers. */
static unsigned
scan_depth(const char *s, size_t len)
{
	size_t		 i = 0, j;
	unsigned	 indent = 0, marks = 0;

	for (; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		indent += s[i] == '\t' ? 4 : 1;
	while (i < len) {
		if (s[i] == '>')
			i++;
		else if ((s[i] == '-' || s[i] == '*' || s[i] == '+') &&
		    (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t'))
			i++;
		else {
			for (j = i; j < len && j - i < 10 && s[j] >= '0' &&
			    s[j] <= '9'; j++)
				;
			if (j == i || j == len || (s[j] != '.' && s[j] != ')'))
				break;
			i = j + 1;
		}
		marks++;
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
	}
	return marks == 0 ? 0 : indent / 2 + marks;
}

static int
scan_delim_row(const char *s, size_t len)
{
	size_t	 i;
	int	 dash = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (strchr("|: \t\r", s[i]) == NULL)
			return 0;
	}
	return dash && memchr(s, '|', len) != NULL;
}

static int
mdp_prescan(struct mdp *p, const char *s, size_t len)
{
	const struct limits *lim = p->lim;
	const char	*e = s + len, *next, *nl;
	unsigned	 line = p->line0, cells, run = 0, tstart = 0, hcols = 0;
	size_t		 l, total = 0, budget;

	budget = (size_t)lim->max_table_rows * lim->max_table_cols;
	for (; s < e; s = next) {
		nl = memchr(s, '\n', (size_t)(e - s));
		l = nl ? (size_t)(nl - s) : (size_t)(e - s);
		next = nl ? nl + 1 : e;
		line++;
		if ((cells = scan_cells(s, l)) > lim->max_table_cols) {
			diag_add(p->dl, diag_pos_line(p->m->file, line),
			    RULE_TABLE_TOO_LARGE, "table row has %u cells, "
			    "more than the limit of %u", cells,
			    lim->max_table_cols);
			return -1;
		}
		if (scan_depth(s, l) > lim->max_depth) {
			diag_add(p->dl, diag_pos_line(p->m->file, line),
			    RULE_NESTING, "lists or quotes nest deeper than "
			    "%u levels", lim->max_depth);
			return -1;
		}
		if (strspn(s, " \t\r") >= l)
			run = 0;
		else if (run > 0) {
			total += hcols;
			if (++run > lim->max_table_rows + 2 || total > budget) {
				if (run > lim->max_table_rows + 2)
					diag_add(p->dl, diag_pos_line(p->m->file,
					    tstart), RULE_TABLE_TOO_LARGE,
					    "table has more than %u rows",
					    lim->max_table_rows);
				else
					diag_add(p->dl, diag_pos_line(p->m->file,
					    tstart), RULE_TABLE_TOO_LARGE,
					    "tables hold more than %zu cells in "
					    "all", budget);
				return -1;
			}
		} else if (cells > 0 && next < e) {
			nl = memchr(next, '\n', (size_t)(e - next));
			if (scan_delim_row(next, nl ? (size_t)(nl - next) :
			    (size_t)(e - next))) {
				run = 1;
				tstart = line;
				hcols = cells;
				total += hcols;
			}
		}
	}
	return 0;
}

/* ---- front matter and entry point -------------------------------- */

/* True when the line s[0..len) is the marker ('---' or '...'). */
static int
fm_marker(const char *s, size_t len, int closing)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	return len == 3 && (strncmp(s, "---", 3) == 0 ||
	    (closing && strncmp(s, "...", 3) == 0));
}

/*
 * Split off the front matter.  On 0, *body and *blen hold what follows it and
 * *bline the file line before the body's first line.  -1: unclosed.
 */
static int
mdp_front(struct mdp *p, const char *data, size_t len, const char **body,
    size_t *blen, unsigned *bline)
{
	const char	*s = data, *nl, *e = data + len, *yaml;
	unsigned	 line = 1;

	nl = memchr(s, '\n', len);
	if (!fm_marker(s, nl ? (size_t)(nl - s) : len, 0)) {
		diag_add(p->dl, diag_pos(p->m->file, 1, 0), RULE_FRONT_MATTER,
		    "no front matter: the file must start with a '---' line");
		*body = data;
		*blen = len;
		*bline = 0;
		return 0;
	}
	yaml = s = nl ? nl + 1 : e;
	for (; s < e; s = nl + 1) {
		line++;
		nl = memchr(s, '\n', (size_t)(e - s));
		if (fm_marker(s, nl ? (size_t)(nl - s) : (size_t)(e - s), 1)) {
			if (parse_front(p->m, yaml, (size_t)(s - yaml), 2,
			    p->lim, p->dl) == -1)
				return -1;
			*body = nl ? nl + 1 : e;
			*blen = (size_t)(e - *body);
			*bline = line;
			return 0;
		}
		if (nl == NULL)
			break;
	}
	diag_add(p->dl, diag_pos(p->m->file, 1, 0), RULE_FRONT_MATTER,
	    "front matter opened on line 1 is never closed with '---'");
	return -1;
}

static int
mdp_body(struct mdp *p, const char *body, size_t blen)
{
	static const char *const exts[] = { "table", "tasklist", "autolink",
	    "strikethrough" };
	cmark_parser		*cp;
	cmark_syntax_extension	*ext;
	cmark_node		*doc, *n;
	size_t			 i;

	cmark_gfm_core_extensions_ensure_registered();
	if ((cp = cmark_parser_new(CMARK_OPT_DEFAULT)) == NULL)
		return -1;
	for (i = 0; i < N(exts); i++)
		if ((ext = cmark_find_syntax_extension(exts[i])) != NULL)
			cmark_parser_attach_syntax_extension(cp, ext);
	cmark_parser_feed(cp, body, blen);
	doc = cmark_parser_finish(cp);
	cmark_parser_free(cp);
	if (doc == NULL)
		return -1;
	for (n = cmark_node_first_child(doc); n != NULL && !p->oom;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			mdp_heading(p, n);
		else if (cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK &&
		    cmark_node_get_type(n) != CMARK_NODE_THEMATIC_BREAK)
			mdp_content(p, n);
	}
	cmark_node_free(doc);
	return p->oom ? -1 : 0;
}

struct model *
parse_md(const char *file, const char *data, size_t len,
    const struct limits *lim, struct diag_list *dl)
{
	struct mdp	 p;
	const char	*body;
	size_t		 blen;

	memset(&p, 0, sizeof(p));
	p.dl = dl;
	p.lim = lim;
	if ((p.m = model_new(file, MODEL_SRC_MD)) == NULL)
		goto oom;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (mdp_front(&p, data, len, &body, &blen, &p.line0) == -1)
		goto fail;
	if (mdp_prescan(&p, body, blen) == -1)
		goto fail;
	if (mdp_body(&p, body, blen) == -1)
		goto oom;
	mdp_order(p.m);
	free(p.sec_title);
	free(p.field_title);
	return p.m;
oom:
	diag_add(dl, diag_pos_line(file, 0), RULE_IO,
	    "out of memory reading the file");
fail:
	free(p.sec_title);
	free(p.field_title);
	model_free(p.m);
	return NULL;
}
