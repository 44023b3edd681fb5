/* SPDX-License-Identifier: MIT */
/*
 * deal_name.h: one way to name a deal, for every command that takes one.
 * A DEAL argument is a deal id ("nordlicht-energie": deals/ID.md, .xml
 * or .markdown of the team repo) or a path; an unknown id gets "did you
 * mean" with the closest ids.  The team repo is found from the working
 * directory up to the git root.  A deal in a deals/ folder is named by
 * its file: an id that differs is an error.  Prints nothing.
 */
#ifndef HANDOFF_DEAL_NAME_H
#define HANDOFF_DEAL_NAME_H

#include <stddef.h>

struct buf;
struct diag_list;
struct model;

/*
 * The team repo root, as a path from the working directory: "." when
 * the working directory holds deals/ or handoff.yml, else the nearest
 * folder above that does ("..", "../.."), not past the folder holding
 * .git; "." when there is none.  Into buf (bufsz bytes).  1 when
 * found, 0 when not.
 */
int		 deal_name_root(char *buf, size_t bufsz);

/* True when arg names a file rather than an id: it has a '/', a deal
 * extension (.md, .xml, .markdown) or is an existing file. */
int		 deal_name_is_path(const char *arg);

/*
 * Resolve a DEAL argument against the team repo at root: a path is kept
 * as given; an id gives the first of root/deals/ID.md, .xml, .markdown
 * that exists.  0 with *out set (free()); 1 when no deal has that id:
 * an error (rule deal-id, placed at root/deals) naming the closest ids
 * has been added to dl; -1 out of memory.
 */
int		 deal_name_resolve(char **out, const char *root,
		    const char *arg, struct diag_list *dl);

/*
 * Append "; did you mean 'a', 'b'?" to b with the deal ids of
 * root/deals closest to id; nothing when none is close.  0 or -1.
 */
int		 deal_name_suggest(struct buf *b, const char *root,
		    const char *id);

/*
 * A deal in a folder named deals/ is named by its file: add an error at
 * the id's line when the id differs from the file name.  The same rule
 * for check, build, status and commit.
 */
void		 deal_name_check(struct diag_list *dl, const struct model *m,
		    const char *file);

/*
 * Make root the working directory (for the commands that work in the
 * team repo: build); *prefix (free()) is the old working directory as
 * a path from root with a trailing '/' ("deals/"; "" when the same).
 * 0 or -1 (errno).
 */
int		 deal_name_enter(const char *root, char **prefix);
/* A path given from the old working directory, as a path from the new
 * one: prefix + path, or path itself when absolute (free()). */
char		*deal_name_rebase(const char *prefix, const char *path);

#endif
