/* SPDX-License-Identifier: MIT */
/*
 * templates_data.h: the names a handoff template can use, as a tree built
 * from the schema (element paths split at '/', the attributes handoff
 * knows, and the computed values), and the two value interfaces over it:
 * the type level (templates_data.c, for the compile-time check) and the
 * deal itself (templates_view.c: a canonical tree plus the computed values
 * of a render_ctx, indexed once per deal).  Every distinct name of the
 * tree has an integer key, so that a template's names, interned once
 * (tdata_intern), are found by indexing, not by comparing strings.
 * Internal to templates*.c (and the unit tests).
 */
#ifndef HANDOFF_TEMPLATES_DATA_H
#define HANDOFF_TEMPLATES_DATA_H

#include <stddef.h>

#include "mustache.h"
#include "timeline.h"

struct buf;
struct field;
struct render_ctx;
struct schema;

enum fn_kind {
	FN_ROOT,
	FN_ELEM,	/* an element of the canonical tree */
	FN_ATTR,	/* an attribute of its parent element */
	FN_FIRST_NAME,	/* computed: first word of the parent's <name> */
	FN_COMPUTED,	/* computed string at the root: company, today, … */
	FN_TIMELINE,	/* timeline */
	FN_STEP,	/* timeline.call */
	FN_STEP_FIELD,	/* timeline.call.date */
	FN_PRIMARY,	/* primary_contacts: stakeholders marked primary */
	FN_TOP_RISKS	/* top_risks: the three most severe risks */
};

/* Computed strings at the root (FN_COMPUTED) and per step. */
enum fn_comp {
	COMP_COMPANY,
	COMP_VERSION,
	COMP_TODAY,
	COMP_DEADLINE,
	COMP_VALUE,
	COMP_COMPLETENESS,
	COMP_PRIMARY_NAMES,	/* "Katarzyna and Henrik" */
	COMP_ACKNOWLEDGED,	/* "yes" once the CSM accepted the package */
	COMP_ACK_OVERDUE,	/* "yes" past the deadline, not acknowledged */
	COMP_RENEWAL_DERIVED,	/* "true" when handoff worked the renewal out */
	COMP_RENEWAL_BASIS,	/* then "signed + 36 months", else "" */
	COMP__MAX
};

enum fn_step_field {
	SF_DATE,	/* due: the last business day of the step */
	SF_WHEN,	/* the same, "Friday, 20 November 2026" */
	SF_FROM,	/* the first business day */
	SF_TITLE,
	SF_OWNER,
	SF_DONE,
	SF_UPCOMING,	/* "yes" when the due day is today or later and the step
			   is not done (process record), else "" */
	SF_COMPLETED,	/* "yes" when the process record says it is done */
	SF_PAST,	/* "yes" when its due day has passed and it is not
			   done: "was due", never a date as if still ahead */
	SF__MAX
};

struct fnode {
	char		*name;
	enum fn_kind	 kind;
	int		 id;		/* fn_comp, step_id or fn_step_field */
	const struct field *f;		/* the schema field, or NULL */
	const char	*label;		/* for messages */
	int		 internal;	/* never in a client-facing template */
	int		 repeated;	/* a list */
	int		 block;		/* prose: <p>/<li> children */
	struct fnode	*parent;
	struct fnode	*alias;		/* children come from there */
	struct fnode	**kids;
	size_t		 nkids;
	/* set once the tree is complete */
	size_t		 idx;		/* index in parent->kids */
	int		 key;		/* the key of name */
	int		 name_idx;	/* FIRST_NAME: index of 'name', or -1 */
	const struct fnode **bykey;	/* key -> child (or alias's child) */
	size_t		 nbykey;
	char		**keys;		/* root only: every name, sorted */
	size_t		 nkeys;
};

/* Build the name tree for a schema; NULL when out of memory. */
struct fnode	*tdata_tree_new(const struct schema *s);
void		 tdata_tree_free(struct fnode *root);
/* The child of n named name (len bytes), following aliases, or NULL. */
const struct fnode *tdata_child(const struct fnode *n, const char *name,
		    size_t len);
/* The same for a name segment, by its key when it has one. */
const struct fnode *tdata_child_seg(const struct fnode *n,
		    const struct mustache_seg *seg);
/*
 * The key of a name for tree root (void * for mustache_set_intern): a
 * key of the tree, or one that no node has when the tree has no such
 * name.
 */
int		 tdata_intern(void *root, const char *name, size_t len);
/* The dotted name of n from the root ("relationships.stakeholder.name"). */
int		 tdata_path(struct buf *out, const struct fnode *n);

/* The type level: values are fnodes; for mustache's check mode. */
extern const struct mustache_data tdata_types;
struct mustache_val tdata_type_val(const struct fnode *n);

/*
 * The deal level (templates_view.c): a view of one deal, built lazily
 * (each element's children are indexed by name the first time a template
 * looks into it; computed values are formatted once) and kept for every
 * render of that deal.  Values are nodes of the view with their fnode.
 */
struct templates_view;

/* What the p of a deal-level value is (the low byte of its kind). */
enum tview_kind {
	TV_NODE = 1,	/* an element of the view, or NULL */
	TV_LIST,	/* a list of them, or NULL */
	TV_STR,		/* a NUL-terminated string, or NULL */
	TV_FIRST	/* the element of a <name>: its first word */
};

/* A view of the deal of rc for the name tree root; NULL when out of
 * memory.  rc and what it points to must outlive the view. */
struct templates_view	*tview_new(const struct render_ctx *rc,
		    const struct fnode *root);
void		 tview_free(struct templates_view *v);
/* True once the view ran out of memory (a render then fails). */
int		 tview_failed(const struct templates_view *v);

/* The ud of a deal-level render: the view, and whether the template is
 * client-facing (then internal names are found but empty). */
struct tview_render {
	struct templates_view	*view;
	int		 client;
};
extern const struct mustache_data tview_data;
/* The root value of v. */
struct mustache_val tview_root(struct templates_view *v);
/*
 * The data a template sees, as JSON (templates_json.c; for mustache.js in
 * bench/ and for template authors): every name of the tree with its
 * value.  0 or -1.
 */
int		 tjson_write(struct buf *out, struct templates_view *v);

#endif
