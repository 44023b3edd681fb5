/* SPDX-License-Identifier: MIT */
/*
 * ytree.h: a small YAML document tree for handoff.yml, read with libyaml's
 * event parser.  Every node keeps its line and column.  Anchors, aliases
 * and duplicate keys are refused with a diagnostic, and nesting and size
 * are bounded, so hostile YAML costs nothing.
 */
#ifndef HANDOFF_YTREE_H
#define HANDOFF_YTREE_H

#include <stddef.h>

struct diag_list;

enum ykind {
	Y_SCALAR,
	Y_SEQ,
	Y_MAP
};

/* A node of the tree; a mapping keeps key, value, key, value… */
struct ynode {
	enum ykind	 kind;
	char		*value;		/* scalar text, NUL-terminated */
	int		 plain;		/* an unquoted scalar */
	unsigned	 line;		/* from 1 */
	unsigned	 col;		/* from 0 */
	struct ynode	**kid;
	size_t		 nkid;
	size_t		 capkid;
};

/*
 * Parse data (len bytes; file is the name in diagnostics) into *out: the
 * root node of its single document, or NULL for an empty stream.  Nesting
 * deeper than max_depth or more than max_nodes nodes is refused.  Returns
 * 0, or -1 after a diagnostic (or when out of memory).  Free the tree
 * with ytree_free().
 */
int	ytree_parse(struct ynode **out, const char *file, const char *data,
	    size_t len, unsigned max_depth, size_t max_nodes,
	    struct diag_list *dl);
void	ytree_free(struct ynode *n);

#endif
