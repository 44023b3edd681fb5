/* SPDX-License-Identifier: MIT */
/*
 * templates_data.h: the names a handoff template can use, as a tree built
 * from the schema (element paths split at '/', the attributes handoff
 * knows, and the computed values), and the two value interfaces over it:
 * the type level (for the compile-time check) and the deal itself (a
 * canonical tree plus the computed values of a render_ctx).  Internal to
 * templates.c and cmd_templates.c.
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
	COMP__MAX
};

enum fn_step_field {
	SF_DATE,	/* due: the last business day of the step */
	SF_WHEN,	/* the same, "Friday, 20 November 2026" */
	SF_FROM,	/* the first business day */
	SF_TITLE,
	SF_OWNER,
	SF_DONE,
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
};

/* Build the name tree for a schema; NULL when out of memory. */
struct fnode	*tdata_tree_new(const struct schema *s);
void		 tdata_tree_free(struct fnode *root);
/* The child of n named name (len bytes), following aliases, or NULL. */
const struct fnode *tdata_child(const struct fnode *n, const char *name,
		    size_t len);
/* The dotted name of n from the root ("relationships.stakeholder.name"). */
int		 tdata_path(struct buf *out, const struct fnode *n);

/* The type level: values are fnodes; for mustache's check mode. */
extern const struct mustache_data tdata_types;
struct mustache_val tdata_type_val(const struct fnode *n);

/* What the deal values need for one render. */
struct tdata_deal {
	const struct render_ctx	*rc;
	const struct fnode	*root;
	int			 client;	/* refuse internal names */
	char			 comp[COMP__MAX][256];
	char			 step_date[STEP__MAX][11];
	char			 step_when[STEP__MAX][40];
	char			 step_from[STEP__MAX][11];
	unsigned		 comp_ready;	/* bit per fn_comp */
	unsigned		 step_ready;	/* bit per step */
	int			 signed_day;	/* -1: not signed */
	const struct timeline	*tl;
	const void		*top[3];	/* xmlNode: top risks */
	size_t			 ntop;
	struct timeline		 fallback;	/* when there is no config */
	struct {			/* name -> child node, by address */
		const void	*parent;
		const char	*name;
		const struct fnode *child;
	}			 cache[64];
};

/* The deal level: values are elements of rc->m with their fnode. */
extern const struct mustache_data tdata_deal;
/* Fill *d for rc (computed values) and give the root value. */
void		 tdata_deal_init(struct tdata_deal *d,
		    const struct render_ctx *rc, const struct fnode *root,
		    int client, struct mustache_val *rootval);
/*
 * The data a template sees, as JSON (for mustache.js in bench/ and for
 * template authors): every name of the tree with its value for rc.
 */
int		 tdata_json(struct buf *out, const struct render_ctx *rc,
		    const struct fnode *root);

#endif
