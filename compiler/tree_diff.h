/* SPDX-License-Identifier: MIT */
/*
 * tree_diff.h: field-level differences between two canonical trees, in
 * words a CSM reads ("stakeholder added: Henrik Ærø (CFO, economic
 * buyer)", "risk 'SAP PM connector' severity medium → high").  Records
 * are matched by their key, never by position, so reordering rows or
 * reformatting a table changes nothing.  No git here: the command fetches
 * the two versions.
 */
#ifndef HANDOFF_TREE_DIFF_H
#define HANDOFF_TREE_DIFF_H

#include <stddef.h>

struct model;
struct schema;

/* The changes, one line each (UTF-8, no newline), in document order. */
struct tree_diff {
	char	**line;
	size_t	  n;
	size_t	  cap;
};

void	tree_diff_init(struct tree_diff *d);
void	tree_diff_dispose(struct tree_diff *d);

/*
 * Append to d the changes that turn a into b.  Either may be NULL (an
 * empty document).  Field names come from the schema's labels when s is
 * not NULL.  Returns 0, or -1 when out of memory.
 */
int	tree_diff_models(struct tree_diff *d, const struct model *a,
	    const struct model *b, const struct schema *s);

/* Append one line, printf-style (for the command's own lines, such as
 * completeness).  0 or -1. */
int	tree_diff_add(struct tree_diff *d, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * The key of a record element (its child that identifies it: a
 * stakeholder's name, a risk's text, ...) normalised for matching:
 * whitespace collapsed, case folded for ASCII.  A new string (free()),
 * or NULL when n is not a keyed record or out of memory.
 */
char	*tree_diff_key(const void *xml_node);

#endif
