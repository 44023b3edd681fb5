/* SPDX-License-Identifier: MIT */
/*
 * parse_md.c: the Markdown front end (SPEC.md, "Markdown form reference").
 * YAML front matter goes to parse_front.c; the body is parsed by
 * cmark-gfm with the table, tasklist and autolink extensions, after a
 * pre-scan that bounds tables and nesting (parse_md_scan.c).  The walk
 * here maps H1 sections to pillars and H2 headings to fields, and hands
 * their content on: prose to parse_md_block.c, record tables and task
 * lists to parse_md_table.c, Process lines to parse_md_lines.c.
 * Everything it does not know is kept as an <extra>.  Every element
 * remembers the line it came from.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "config.h"
#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "parse.h"
#include "parse_md_int.h"

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

/* Each pillar's own H1 key, as schemas/headings.txt names it. */
static const char *const sec_key[SEC__MAX] = {
	NULL, "context", "relationships", "goals", "risks", "client dna",
	"process", NULL
};

static const char *const sec_elem[SEC__MAX] = {
	NULL, "context", "relationships", "goals", "risks", "client-dna",
	"process", "extra"
};

/* The H2 fields of each pillar: heading key -> element and shape. */
static const struct h2 h2_names[] = {
	{ SEC_CONTEXT, "for the client", "client-summary", SH_BLOCK },
	{ SEC_CONTEXT, "client summary", "client-summary", SH_BLOCK },
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

_Static_assert(N(h2_names) <= MDP_H2_MAX, "MDP_H2_MAX is too small");

/* ---- sections and fields ----------------------------------------- */

/* The pillar element of the current H1, made on first use. */
xmlNodePtr
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
xmlNodePtr
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
xmlNodePtr
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

/* What a user calls the block n (a quote, not cmark's block_quote). */
static const char *
mdp_kind_words(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:	return "paragraph";
	case CMARK_NODE_LIST:		return "list";
	case CMARK_NODE_BLOCK_QUOTE:	return "quote";
	case CMARK_NODE_CODE_BLOCK:	return "code block";
	case CMARK_NODE_HTML_BLOCK:	return "HTML";
	case CMARK_NODE_THEMATIC_BREAK:	return "horizontal rule";
	case CMARK_NODE_HEADING:	return "heading";
	default:
		return mdp_is(n, "table") ? "table" : "text";
	}
}

/* Content where it does not belong (prose where a table is expected):
 * kept as notes, and warned about. */
void
mdp_stray(struct mdp *p, cmark_node *n, const char *expect)
{
	/* before the first heading there is no title the user wrote */
	if (p->field_title == NULL && p->sec_title == NULL)
		diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, n),
		    mdp_col(n)), RULE_STRAY_CONTENT,
		    "%s before the first section, where %s is expected",
		    mdp_kind_words(n), expect);
	else
		diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, n),
		    mdp_col(n)), RULE_STRAY_CONTENT,
		    "%s under '%s' where %s is expected", mdp_kind_words(n),
		    mdp_title(p), expect);
	mdp_block(p, mdp_stray_node(p, n), n, 0);
}

/* ---- the walk ---------------------------------------------------- */

/* No field any more: what follows is directly under the pillar; stray
 * content goes to stray (NULL: a notes section made when needed). */
static void
mdp_field_leave(struct mdp *p, xmlNodePtr stray)
{
	p->field = NULL;
	p->fieldn = NULL;
	free(p->field_title);
	p->field_title = NULL;
	p->shape = SH_NONE;
	p->stray = stray;
	p->ext_level = 0;
}

static void	mdp_h2(struct mdp *, const char *, unsigned, unsigned);
static const struct h2 *mdp_h2_find(const struct mdp *, enum sec,
		    const char *);

/*
 * A paragraph under a pillar whose every line is 'Label: text' where the
 * label names one of the pillar's prose fields ('**Pain:** techs lose
 * track…', 'Why us: native sync'): each line fills its field, as if it
 * had been written under that '## Heading'.  1 when read so.
 */
static int
mdp_label_lines(struct mdp *p, cmark_node *n)
{
	char		*t, *line, *colon, *save = NULL, key[128];
	const struct h2	*f;
	xmlNodePtr	 stray = p->stray;
	unsigned	 ln = mdp_line(p, n);
	int		 ok = 1;

	if (!mdp_is(n, "paragraph") || (t = mdp_flatten(n, '\n')) == NULL)
		return 0;
	for (line = t; ok && line != NULL && *line != '\0';
	    line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		colon = strchr(line, ':');
		if (colon == NULL || colon - line > 40 ||
		    (strchr(line, '\n') && colon > strchr(line, '\n'))) {
			ok = 0;
			break;
		}
		*colon = '\0';
		md_key(line, key, sizeof(key));
		*colon = ':';
		f = mdp_h2_find(p, p->sec, key);
		ok = f != NULL && f->shape == SH_BLOCK && f->elem != NULL;
	}
	if (!ok) {
		free(t);
		return 0;
	}
	for (line = strtok_r(t, "\n", &save); line != NULL && !p->oom;
	    line = strtok_r(NULL, "\n", &save), ln++) {
		char	*v;

		colon = strchr(line, ':');
		*colon = '\0';
		mdp_h2(p, line, ln, mdp_col(n));
		v = md_trim_dup(colon + 1, strlen(colon + 1));
		if (v == NULL)
			p->oom = 1;
		else if (*v != '\0')
			mdp_add(p, mdp_fieldn(p), "p", v, ln, mdp_col(n), 1);
		free(v);
	}
	free(t);
	/* What follows is under the pillar again, not under the last
	 * label: as it was before the paragraph. */
	mdp_field_leave(p, stray);
	return 1;
}

/* Content directly under a known H1. */
static void
mdp_under_h1(struct mdp *p, cmark_node *n)
{
	int	 table = mdp_is(n, "table");

	if (p->sec == SEC_RELATIONSHIPS && table)
		mdp_records(p, &rec_stk, mdp_secn, n);
	else if (p->sec == SEC_GOALS && table)
		mdp_records(p, &rec_met, mdp_secn, n);
	else if (p->sec == SEC_RISKS && table)
		mdp_records(p, &rec_risk, mdp_secn, n);
	else if (p->sec == SEC_RISKS && mdp_says(n, none_risk))
		mdp_attr(p, mdp_secn(p), "none", "true");
	else if (p->sec == SEC_RELATIONSHIPS && mdp_is(n, "list"))
		mdp_list_records(p, &rec_stk, mdp_secn, n);
	else if (p->sec == SEC_RISKS && mdp_is(n, "list"))
		mdp_list_records(p, &rec_risk, mdp_secn, n);
	else if (p->sec == SEC_GOALS && mdp_is(n, "list"))
		mdp_goal_list(p, mdp_secn, n);
	else if (mdp_label_lines(p, n))
		;
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
	int	 table = mdp_is(n, "table");

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
		/* '## Risks' under '# Risks' may say "None identified" too. */
		if (!table && p->shape == SH_RISKS && mdp_says(n, none_risk)) {
			mdp_attr(p, mdp_secn(p), "none", "true");
			break;
		}
		if (!table && mdp_is(n, "list") && (p->shape ==
		    SH_STAKEHOLDERS || p->shape == SH_RISKS)) {
			mdp_list_records(p, p->shape == SH_RISKS ? &rec_risk :
			    &rec_stk, mdp_fieldn, n);
			break;
		}
		if (!table && mdp_is(n, "list") && p->shape == SH_METRICS) {
			mdp_goal_list(p, mdp_fieldn, n);
			break;
		}
		if (!table && mdp_is(n, "list") && p->shape == SH_OBJECTIONS) {
			mdp_objection_list(p, mdp_fieldn, n);
			break;
		}
		if (!table) {
			mdp_stray(p, n, p->shape == SH_RISKS ?
			    "a table or 'None identified'" : "a table");
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

/* Comments from here on are kept under the heading on line. */
static void
mdp_note_at(struct mdp *p, unsigned line)
{
	p->note_line = line;
	p->note_after = 0;
}

/* An HTML block (a comment): kept in the model for fmt, never read. */
static void
mdp_note(struct mdp *p, cmark_node *n)
{
	const char	*lit = cmark_node_get_literal(n);
	char		*t;
	size_t		 len;

	if (lit == NULL)
		return;
	len = strlen(lit);
	while (len > 0 && (lit[len - 1] == '\n' || lit[len - 1] == '\r'))
		len--;
	if (len == 0)
		return;
	if ((t = strndup(lit, len)) == NULL ||
	    model_add_note(p->m, t, p->note_line, 0, p->note_after) == -1)
		p->oom = 1;
	free(t);
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
	mdp_note_at(p, line);
}

static void mdp_h2(struct mdp *, const char *, unsigned, unsigned);

/* The pillar of an H1 key (after the synonyms); SEC_EXTRA when none. */
static enum sec
mdp_h1_sec(const struct mdp *p, const char *key)
{
	char	 syn[128];
	size_t	 i;

	if (mdp_headings_find(p->headings, 1, NULL, key, syn, sizeof(syn)))
		key = syn;
	for (i = 0; i < N(h1_names); i++)
		if (strcmp(key, h1_names[i].key) == 0)
			return h1_names[i].sec;
	return SEC_EXTRA;
}

/* The H2 entry for key under sec (after the synonyms), or NULL. */
static const struct h2 *
mdp_h2_find(const struct mdp *p, enum sec sec, const char *key)
{
	char	 syn[128];
	size_t	 i;

	if (sec_key[sec] != NULL && mdp_headings_find(p->headings, 2,
	    sec_key[sec], key, syn, sizeof(syn)))
		key = syn;
	for (i = 0; i < N(h2_names); i++)
		if (h2_names[i].sec == sec && strcmp(key, h2_names[i].key) == 0)
			return &h2_names[i];
	return NULL;
}

/*
 * An H1 that is no pillar but some pillar's H2 (# Red Flags, # Why Us):
 * that pillar, entered without a heading of its own; SEC_EXTRA if none.
 */
static enum sec
mdp_h1_as_h2(const struct mdp *p, const char *key)
{
	int	 s;

	for (s = SEC_CONTEXT; s < SEC_EXTRA; s++)
		if (mdp_h2_find(p, (enum sec)s, key) != NULL)
			return (enum sec)s;
	return SEC_EXTRA;
}

/* The pillar an H1 key names, with its own spelling, when it is a
 * typo of one ('# Goal', '# Relationsips'); SEC_EXTRA when none. */
static enum sec
mdp_h1_near(const struct mdp *p, const char *key, struct mdp_near *nb)
{
	const char	*at = p->headings;
	char		 spell[128], target[128];
	enum sec	 sec;
	size_t		 i;

	mdp_near_init(nb, key, mdp_near_heading_max(key));
	for (i = 0; i < N(h1_names); i++)
		mdp_near_offer(nb, h1_names[i].key,
		    sec_key[h1_names[i].sec], h1_names[i].sec);
	while (mdp_headings_next(&at, 1, NULL, spell, target, sizeof(spell)))
		if ((sec = mdp_h1_sec(p, target)) != SEC_EXTRA)
			mdp_near_offer(nb, spell, sec_key[sec], sec);
	return nb->found && !nb->tie ? (enum sec)nb->sec : SEC_EXTRA;
}

static int	mdp_same(const char *, const char *);

/* The first spelling of f's field: aliases of one field share it. */
static size_t
mdp_h2_first(const struct h2 *f)
{
	size_t	 i;

	for (i = 0; i < N(h2_names); i++)
		if (h2_names[i].sec == f->sec && h2_names[i].shape ==
		    f->shape && mdp_same(h2_names[i].elem, f->elem))
			break;
	return i;
}

/* The H2 entry under sec a key is a typo of ('## Pain pionts'), or NULL. */
static const struct h2 *
mdp_h2_near(const struct mdp *p, enum sec sec, const char *key,
    struct mdp_near *nb)
{
	const struct h2	*f;
	const char	*at = p->headings;
	char		 spell[128], target[128];
	size_t		 i;

	mdp_near_init(nb, key, mdp_near_heading_max(key));
	for (i = 0; i < N(h2_names); i++)
		if (h2_names[i].sec == sec)
			mdp_near_offer(nb, h2_names[i].key, h2_names[i].key,
			    (int)mdp_h2_first(&h2_names[i]));
	while (sec_key[sec] != NULL && mdp_headings_next(&at, 2, sec_key[sec],
	    spell, target, sizeof(spell)))
		if ((f = mdp_h2_find(p, sec, target)) != NULL)
			mdp_near_offer(nb, spell, f->key,
			    (int)mdp_h2_first(f));
	if (!nb->found || nb->tie)
		return NULL;
	return mdp_h2_find(p, sec, nb->target);
}

/* One warning for a misspelt heading read as the one it is a typo of. */
static void
mdp_near_warn(struct mdp *p, const char *title, const struct mdp_near *nb,
    unsigned line, unsigned col)
{
	char	 to[128];

	snprintf(to, sizeof(to), "%c%s", toupper((unsigned char)nb->spelling[0]),
	    nb->spelling + 1);
	diag_add(p->dl, diag_pos(p->m->file, line, col), RULE_SECTION_SPELLING,
	    "section '%s' read as '%s'", title, to);
	diag_set_fix(p->dl, title, to);
}

static void
mdp_h1(struct mdp *p, const char *title, unsigned line, unsigned col)
{
	struct mdp_near	 nb;
	char		 key[128];
	enum sec	 as_h2 = SEC_EXTRA;

	md_key(title, key, sizeof(key));
	p->sec = mdp_h1_sec(p, key);
	if (p->sec == SEC_EXTRA && (as_h2 = mdp_h1_as_h2(p, key)) !=
	    SEC_EXTRA)
		p->sec = as_h2;
	if (p->sec == SEC_EXTRA &&
	    (p->sec = mdp_h1_near(p, key, &nb)) != SEC_EXTRA)
		mdp_near_warn(p, title, &nb, line, col);
	p->secn = NULL;
	p->sec_line = line;
	p->sec_col = col;
	mdp_note_at(p, line);
	mdp_set_title(p, &p->sec_title, title);
	mdp_field_leave(p, NULL);
	if (p->sec == SEC_EXTRA) {
		mdp_extra(p, model_root(p->m), 1, title, line, col);
		return;
	}
	if (as_h2 != SEC_EXTRA) {
		/* Its pillar may come before or after: no duplicate. */
		if (model_set_anchor(p->m, sec_elem[p->sec], line, col) == -1)
			p->oom = 1;
		mdp_h2(p, title, line, col);
		return;
	}
	if (p->seen_sec & (1u << p->sec))
		diag_add(p->dl, diag_pos(p->m->file, line, col),
		    RULE_DUPLICATE_SECTION, "section '%s' appears twice",
		    title);
	p->seen_sec |= 1u << p->sec;
	/* An empty section is reported missing at its heading. */
	if (model_set_anchor(p->m, sec_elem[p->sec], line, col) == -1)
		p->oom = 1;
}

static int
mdp_same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/*
 * '## For the client' in a file whose front matter has client_summary:
 * one error, and the section's text is the one kept (the front matter's
 * paragraphs are dropped), so what the intro would say is what the
 * section says.
 */
static void
mdp_summary_twice(struct mdp *p, const char *title, unsigned line,
    unsigned col)
{
	xmlNodePtr	 c;

	if (p->front_summary == NULL)
		return;
	diag_add_hint(p->dl, diag_pos(p->m->file, line, col),
	    RULE_DUPLICATE_SECTION, "keep one of the two: 'handoff fmt' "
	    "writes client_summary: as this section", "section '%s' and "
	    "'client_summary:' on line %u both say what the client intro "
	    "tells the client; the section is used", title,
	    model_pos(p->m, p->front_summary).line);
	while ((c = p->front_summary->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	p->front_summary = NULL;
}

static void
mdp_h2(struct mdp *p, const char *title, unsigned line, unsigned col)
{
	struct mdp_near		 nb;
	char			 key[128];
	size_t			 i;
	const struct h2		*f;

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
	if ((f = mdp_h2_find(p, p->sec, key)) == NULL &&
	    (f = mdp_h2_near(p, p->sec, key, &nb)) != NULL)
		mdp_near_warn(p, title, &nb, line, col);
	if (f == NULL) {
		mdp_extra(p, mdp_secn(p), 2, title, line, col);
		return;
	}
	p->field = f;
	p->shape = f->shape;
	/* '## Stakeholders' is not written back: its comments go to the H1. */
	mdp_note_at(p, f->elem != NULL ? line : p->sec_line);
	if (f->elem != NULL) {
		char	 path[128];

		snprintf(path, sizeof(path), "%s/%s", sec_elem[p->sec],
		    f->elem);
		if (model_set_anchor(p->m, path, line, col) == -1)
			p->oom = 1;
	}
	if (f->elem != NULL && strcmp(f->elem, "client-summary") == 0)
		mdp_summary_twice(p, title, line, col);
	/* Aliases of one field share the flag of its first spelling. */
	i = mdp_h2_first(p->field);
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

	if ((title = mdp_flatten(n, ' ')) == NULL) {
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

static const char *const order[][10] = {
	{ "handoff", "deal", "context", "relationships", "goals", "risks",
	    "client-dna", "process", NULL },
	{ "context", "client-summary", "pain-points", "why-us", "buying-process", "competitors",
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
			p->m->front_end = line;
			return 0;
		}
		if (nl == NULL)
			break;
	}
	diag_add(p->dl, diag_pos(p->m->file, 1, 0), RULE_FRONT_MATTER,
	    "front matter opened on line 1 is never closed with '---'");
	return -1;
}

size_t
mdp_body_offset(const char *data, size_t len)
{
	const char	*s = data, *nl, *e = data + len;

	nl = memchr(s, '\n', len);
	if (nl == NULL || !fm_marker(s, (size_t)(nl - s), 0))
		return 0;
	for (s = nl + 1; s < e; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(e - s));
		if (fm_marker(s, nl ? (size_t)(nl - s) : (size_t)(e - s), 1))
			return nl ? (size_t)(nl + 1 - data) : len;
		if (nl == NULL)
			break;
	}
	return 0;
}

cmark_node *
mdp_parse_body(const char *body, size_t blen)
{
	static const char *const exts[] = { "table", "tasklist", "autolink",
	    "strikethrough" };
	cmark_parser		*cp;
	cmark_syntax_extension	*ext;
	cmark_node		*doc;
	size_t			 i;

	cmark_gfm_core_extensions_ensure_registered();
	if ((cp = cmark_parser_new(CMARK_OPT_DEFAULT)) == NULL)
		return NULL;
	for (i = 0; i < N(exts); i++)
		if ((ext = cmark_find_syntax_extension(exts[i])) != NULL)
			cmark_parser_attach_syntax_extension(cp, ext);
	cmark_parser_feed(cp, body, blen);
	doc = cmark_parser_finish(cp);
	cmark_parser_free(cp);
	return doc;
}

static int
mdp_body(struct mdp *p, const char *body, size_t blen)
{
	cmark_node	*doc, *n;

	if ((doc = mdp_parse_body(body, blen)) == NULL)
		return -1;
	for (n = cmark_node_first_child(doc); n != NULL && !p->oom;
	    n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			mdp_heading(p, n);
		else if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK)
			mdp_note(p, n);
		else if (cmark_node_get_type(n) != CMARK_NODE_THEMATIC_BREAK) {
			mdp_content(p, n);
			p->note_after = 1;
		}
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
	if ((p.headings = mdp_headings_load()) == NULL)
		goto oom;
	if ((p.m = model_new(file, MODEL_SRC_MD)) == NULL)
		goto oom;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (mdp_front(&p, data, len, &body, &blen, &p.line0) == -1)
		goto fail;
	p.front_summary = model_find(p.m, "context/client-summary");
	if (mdp_prescan(&p, body, blen) == -1)
		goto fail;
	if (mdp_body(&p, body, blen) == -1)
		goto oom;
	mdp_order(p.m);
	free(p.sec_title);
	free(p.field_title);
	free(p.headings);
	return p.m;
oom:
	diag_add(dl, diag_pos_line(file, 0), RULE_IO,
	    "out of memory reading the file");
fail:
	free(p.sec_title);
	free(p.field_title);
	free(p.headings);
	model_free(p.m);
	return NULL;
}
