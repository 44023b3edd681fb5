/* SPDX-License-Identifier: MIT */
/*
 * parse_md_int.h: what the files of the Markdown front end share (not
 * for use outside parse_md*.c and fmt_wrap.c).  parse_md.c walks the document: H1
 * sections, H2 fields, unknown headings, the canonical order, the entry
 * point; parse_md_block.c turns cmark nodes into text and prose
 * elements; parse_md_table.c reads record tables and the commitments
 * task list; parse_md_lines.c the 'key: value' lines of Process;
 * parse_md_scan.c bounds tables and nesting before cmark-gfm runs.
 * struct mdp is the state of one walk, passed to every function.
 * fmt_wrap.c also reads the body with mdp_parse_body and mdp_flatten.
 */
#ifndef HANDOFF_PARSE_MD_INT_H
#define HANDOFF_PARSE_MD_INT_H

#include <stddef.h>

#include <cmark-gfm.h>
#include <libxml/tree.h>

struct diag_list;
struct limits;
struct model;

#define N(a)	(sizeof(a) / sizeof((a)[0]))

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

struct h2 {
	enum sec	 sec;
	const char	*key;
	const char	*elem;	/* NULL: records go straight into the pillar */
	enum shape	 shape;
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
#define MAX_LEVEL	6
#define MDP_H2_MAX	96	/* room for every entry of h2_names */

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
	unsigned char		 seen_h2[MDP_H2_MAX];
	xmlNodePtr		 stray;	/* this heading's stray notes */
	xmlNodePtr		 ext[MAX_LEVEL + 1];	/* extras by level */
	int			 ext_level;	/* deepest one in use */
	char			*headings;	/* parse_md_heading.c's list */
	xmlNodePtr		 front_summary;	/* client_summary: of the
						   front matter, or NULL */
	unsigned		 note_line;	/* heading a comment follows */
	int			 note_after;	/* content since that heading */
};

/* parse_md.c: the body's cmark tree (with the GFM extensions handoff
 * reads), or NULL; and the offset of the body after the front matter
 * (0 when there is none or it is never closed).  fmt_wrap.c uses both. */
cmark_node	*mdp_parse_body(const char *body, size_t blen);
size_t		 mdp_body_offset(const char *data, size_t len);

/* parse_md_heading.c: heading synonyms (schemas/headings.txt). */
/* The repo's schemas/headings.txt, if any, then the built-in one, as one
 * text (free()); NULL when out of memory. */
char		*mdp_headings_load(void);
/* 1 and the heading key list reads key as, into out; 0 when none.  level
 * 1 reads an H1 (pillar ignored), 2 an H2 under pillar (an H1 key). */
int		 mdp_headings_find(const char *list, int level,
		    const char *pillar, const char *key, char *out,
		    size_t outsz);

/*
 * The known heading nearest a misspelt one ('Pain pionts'): offered
 * spellings are kept when within max edits of key; two equally near
 * that name different things (sec) are a tie: no guess.
 */
struct mdp_near {
	const char	*key;
	size_t		 max;
	size_t		 best;
	char		 spelling[128];	/* the known spelling nearest key */
	char		 target[128];	/* what it names, after synonyms */
	int		 sec;		/* what it names: equal is no tie */
	int		 found;
	int		 tie;
};
void		 mdp_near_init(struct mdp_near *nb, const char *key,
		    size_t max);
/* How many edits a heading key may be from the one it is a typo of. */
size_t		 mdp_near_heading_max(const char *key);
void		 mdp_near_offer(struct mdp_near *nb, const char *spelling,
		    const char *target, int sec);
/* The list's next line of this level (and pillar, for level 2) from *at
 * (start it at the list): 1 with the keys of its spelling and target. */
int		 mdp_headings_next(const char **at, int level,
		    const char *pillar, char *spell, char *target, size_t sz);

/* Where records go: the pillar or the field element, made on demand. */
typedef xmlNodePtr (*mdp_get)(struct mdp *);

/* parse_md_block.c: positions, elements, text and prose. */
/* The file line of n (or of its nearest ancestor that has one); 0. */
unsigned	 mdp_line(const struct mdp *p, cmark_node *n);
/* n's column, from 0. */
unsigned	 mdp_col(cmark_node *n);
/* cmark's name of n's type ("paragraph", "table"). */
const char	*mdp_kind(cmark_node *n);
/* True when n's type is called kind. */
int		 mdp_is(cmark_node *n, const char *kind);
/* A new element under parent, with position; NULL (and p->oom set)
 * when out of memory, or when parent is NULL. */
xmlNodePtr	 mdp_add(struct mdp *p, xmlNodePtr parent, const char *name,
		    const char *text, unsigned line, unsigned col,
		    int col_known);
/* Set an attribute of n (NULL: nothing); sets p->oom on failure. */
void		 mdp_attr(struct mdp *p, xmlNodePtr n, const char *name,
		    const char *value);
/* The text of an inline subtree, breaks as brk (' ' or '\n'); malloc'd,
 * NULL when out of memory. */
char		*mdp_flatten(cmark_node *root, int brk);
/* Any block as prose under parent: p, li, table; depth-bounded. */
void		 mdp_block(struct mdp *p, xmlNodePtr parent, cmark_node *n,
		    unsigned depth);

/* parse_md.c: the current section and field. */
/* The pillar element of the current H1, made on first use. */
xmlNodePtr	 mdp_secn(struct mdp *p);
/* The element of the current H2 field, made on first use. */
xmlNodePtr	 mdp_fieldn(struct mdp *p);
/* The extra element keeping stray content of the current heading. */
xmlNodePtr	 mdp_stray_node(struct mdp *p, cmark_node *n);
/* Content where it does not belong: kept as notes, and warned about. */
void		 mdp_stray(struct mdp *p, cmark_node *n, const char *expect);

/* parse_md_table.c: record tables and commitments. */
extern const struct rec	 rec_stk, rec_met, rec_risk, rec_obj;
/* "None identified" and its spellings, for the Risks section. */
extern const char *const none_risk[];
/* A record table (stakeholders, metrics, risks, objections). */
void	 mdp_records(struct mdp *p, const struct rec *r, mdp_get parent,
	    cmark_node *t);
/* One value of record r into rec (slot: r->slots index), normalised the
 * way a table cell is (roles, enums). */
void	 mdp_cell(struct mdp *p, const struct rec *r, xmlNodePtr rec,
	    int slot, const char *text, unsigned line, unsigned col);

/* parse_md_list.c: stakeholders and risks written as bullet lists. */
/* One record per item of list n (r: rec_stk or rec_risk). */
void	 mdp_list_records(struct mdp *p, const struct rec *r,
	    mdp_get parent, cmark_node *n);

/* A malloc'd copy of s[0..len) trimmed of spaces, '.,;:|-' and dashes;
 * NULL when out of memory. */
char	*mdp_trim_sep(const char *s, size_t len);
/* The first 'key:' label of r's columns in s at a word start, from *at
 * (set to it; its length in *len): the column's slot, or -1. */
int	 mdp_label_find(const struct rec *r, const char *s, size_t *at,
	    size_t *len);

/* parse_md_items.c: success metrics, objections and commitments written
 * as bullets or (commitments) a table. */
/* One metric per item of list n: 'Metric: 30% -> 15% by DATE',
 * 'Cut X from A to B by DATE', 'Measured by:' anywhere. */
void	 mdp_goal_list(struct mdp *p, mdp_get parent, cmark_node *n);
/* One objection per item: 'objection -> answer', '… — answered: …'. */
void	 mdp_objection_list(struct mdp *p, mdp_get parent, cmark_node *n);
/* A commitments table: What, Owner, Due, Status columns. */
void	 mdp_commit_table(struct mdp *p, xmlNodePtr parent, cmark_node *t);

/* True when the paragraph (or one-item list) says one of keys. */
int	 mdp_says(cmark_node *n, const char *const *keys);
/* The commitments task list, or 'None'. */
void	 mdp_commitments(struct mdp *p, cmark_node *n);

/* parse_md_lines.c: Process fields. */
/* The 'key: value' lines of a paragraph or of a list's items. */
void	 mdp_lines(struct mdp *p, cmark_node *n);

/* parse_md_scan.c: the pre-scan. */
/* Refuse (with a diagnostic) a body whose tables or nesting exceed the
 * limits, before cmark-gfm sees it; 0 or -1. */
int	 mdp_prescan(struct mdp *p, const char *s, size_t len);

#endif
