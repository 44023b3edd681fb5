/* SPDX-License-Identifier: MIT */
/*
 * mustache.h: a Mustache engine (the official spec: interpolation,
 * sections, inverted sections, comments, partials, set delimiters, plus
 * the optional inheritance and dynamic-names modules; no lambdas).
 *
 * A template is compiled once (mustache_compile.c) into a flat array of
 * operations that point into its source (no tree, no per-token
 * allocation), its names split at the dots into segments, then rendered
 * any number of times (mustache_render.c) against data seen only through
 * a small value interface (struct mustache_data): the handoff model
 * (templates_view.c) and plain YAML (mustache_yaml.c) are two
 * implementations of it.  A data implementation may intern the name
 * segments once (mustache_set_intern) and then look names up by an
 * integer key instead of comparing strings.  The same walk, in check
 * mode, visits every branch once without output and reports each name it
 * resolves, which is how templates.c type-checks a template against the
 * schema.
 */
#ifndef HANDOFF_MUSTACHE_H
#define HANDOFF_MUSTACHE_H

#include <stddef.h>

struct buf;
struct diag_list;

struct mustache;	/* a compiled template */
struct mustache_set;	/* named templates: the partials namespace */

/*
 * A value as the engine sees it: three words whose meaning belongs to
 * the implementation of struct mustache_data.  Copied by value.
 */
struct mustache_val {
	const void	*p;
	const void	*q;
	int		 kind;
};

/*
 * One segment of a name as the template wrote it ("deal.csm.name" has
 * three), with the key the data gave it (mustache_set_intern), or -1.
 * s points into the template's source and is not NUL-terminated.
 */
struct mustache_seg {
	const char	*s;
	size_t		 len;
	int		 key;
};

/* What check mode reports (see struct mustache_data.note). */
enum mustache_note_kind {
	MUSTACHE_NOTE_NAME,		/* a name was resolved (v) or not (NULL) */
	MUSTACHE_NOTE_PARTIAL,		/* a partial or parent does not exist */
	MUSTACHE_NOTE_DYNAMIC,		/* {{>*name}}: which one is not known */
	MUSTACHE_NOTE_DEPTH		/* expansion deeper than the limit */
};

struct mustache_note {
	enum mustache_note_kind	 kind;
	const struct mustache	*t;	/* the template the tag is in */
	unsigned		 line;	/* from 1 */
	unsigned		 col;	/* from 0 */
	const char		*name;	/* as written, without '*'; not NUL-terminated */
	size_t			 len;
	int			 section; /* the name opens a section */
	const struct mustache_val *v;	/* NAME: the value found, or NULL */
	const struct mustache_val *stack; /* the context stack, bottom first */
	size_t			 depth;
};

/*
 * The value interface.  ud is the caller's pointer, passed back.
 */
struct mustache_data {
	/*
	 * Look a name of n segments up in v: seg[0] in v itself, each next
	 * one in what the one before found.  1 with *out set when all are
	 * found; 0 when the first is found but a later one is not (the name
	 * is missing, and the context stack is not searched further: spec
	 * "Dotted Names - Context Precedence"); -1 when the first is not
	 * in v.
	 */
	int	 (*lookup)(void *ud, const struct mustache_val *v,
		    const struct mustache_seg *seg, size_t n,
		    struct mustache_val *out);
	/* True when a section over v renders (for a value that is no list). */
	int	 (*truthy)(void *ud, const struct mustache_val *v);
	/* -1 when v is not a list; 0 when it is empty; 1 with the first
	 * item in *item. */
	int	 (*first)(void *ud, const struct mustache_val *v,
		    struct mustache_val *item);
	/* Advance *item to the next item of list v: 1, or 0 at the end. */
	int	 (*next)(void *ud, const struct mustache_val *v,
		    struct mustache_val *item);
	/* The text of v; may point into tmp (cleared by the caller) or be
	 * borrowed from the data.  NULL when out of memory. */
	const char *(*string)(void *ud, const struct mustache_val *v,
		    size_t *len, struct buf *tmp);
	/* Check mode only: what the walk found. */
	void	 (*note)(void *ud, const struct mustache_note *n);
};

#define MUSTACHE_HTML	0x01	/* escape & < > " ' in {{name}} */
#define MUSTACHE_CHECK	0x02	/* walk every branch once, no output */

/* Everything a render needs besides the template and the root value. */
struct mustache_render {
	const struct mustache_data	*data;
	void				*ud;
	const struct mustache_set	*partials;	/* may be NULL */
	unsigned			 max_depth;	/* sections + partials */
	int				 flags;
};

/*
 * Compile src (len bytes; need not be NUL-terminated) into a template.
 * name is the partial name ("intro.txt"), file the path shown in
 * diagnostics.  Syntax errors go to dl as file:line:col [template-syntax];
 * returns NULL then, or when out of memory.  Free with mustache_free().
 */
struct mustache	*mustache_compile(const char *name, const char *file,
		    const char *src, size_t len, struct diag_list *dl);
void		 mustache_free(struct mustache *t);
/* The name and file given to mustache_compile(), borrowed. */
const char	*mustache_name(const struct mustache *t);
const char	*mustache_file(const struct mustache *t);
/* The i-th comment of t ({{! text }}, trimmed), or NULL past the end. */
const char	*mustache_comment(const struct mustache *t, size_t i,
		    size_t *len, unsigned *line);
/* The names of the partials and parents t uses statically, for listing:
 * the i-th one, or NULL past the end.  Not NUL-terminated. */
const char	*mustache_partial_name(const struct mustache *t, size_t i,
		    size_t *len, unsigned *line, unsigned *col);

/*
 * Render t against root, appending to out.  Returns 0, or -1 when out of
 * memory or when the expansion went deeper than r->max_depth (a
 * diagnostic [template-depth] is added to dl then).
 */
int		 mustache_render(struct buf *out, const struct mustache *t,
		    const struct mustache_val *root,
		    const struct mustache_render *r, struct diag_list *dl);

/* A set of named templates; the set owns them.  Free with _set_free(). */
struct mustache_set	*mustache_set_new(void);
void			 mustache_set_free(struct mustache_set *s);
/* Add t under its name, taking ownership (a template of the same name
 * is replaced).  0, or -1 when out of memory (t is freed then). */
int			 mustache_set_add(struct mustache_set *s,
			    struct mustache *t);
/*
 * Give every name segment of every template of s a key: intern(ud, name,
 * len) returns an integer >= 0 that the data's lookup() will understand
 * (struct mustache_seg.key).  Call it once, before rendering; lookups of
 * names that were never interned see key -1.
 */
void			 mustache_set_intern(struct mustache_set *s,
			    int (*intern)(void *ud, const char *name,
			    size_t len), void *ud);
/* The template named name (len bytes), or NULL. */
const struct mustache	*mustache_set_get(const struct mustache_set *s,
			    const char *name, size_t len);
/* The i-th template of the set, or NULL past the end. */
const struct mustache	*mustache_set_at(const struct mustache_set *s,
			    size_t i);

/*
 * Plain data for templates: a YAML document (mustache_yaml.c), used by
 * 'handoff template render --data' and by the spec suite.
 */
enum myaml_kind {
	MYAML_NULL,
	MYAML_BOOL,
	MYAML_NUM,
	MYAML_STR,
	MYAML_SEQ,
	MYAML_MAP
};

struct myaml {
	enum myaml_kind	 kind;
	char		*s;	/* scalars: the text (numbers normalised) */
	size_t		 len;
	int		 b;	/* BOOL: the value */
	struct myaml	*v;	/* SEQ, MAP: the items or values */
	char		**keys;	/* MAP: the keys */
	size_t		 n;
	unsigned	 line;	/* from 1 */
};

/*
 * Parse a YAML document (the first of the stream) into a tree.  Aliases
 * are refused; nesting is bounded by max_depth.  Problems go to dl as
 * file:line:col [yaml-syntax]; NULL then.  Free with mustache_yaml_free().
 */
struct myaml	*mustache_yaml_load(const char *file, const char *data,
		    size_t len, unsigned max_depth, struct diag_list *dl);
void		 mustache_yaml_free(struct myaml *y);
/* The value of key in map y, or NULL. */
const struct myaml *mustache_yaml_get(const struct myaml *y, const char *key);
/* Render data for a YAML tree. */
extern const struct mustache_data mustache_yaml_data;
/* The value for node y, to pass as the root of a render. */
struct mustache_val mustache_yaml_val(const struct myaml *y);

#endif
