/* SPDX-License-Identifier: MIT */
/*
 * build_history.h: a deal's earlier committed versions, parsed, for the
 * outputs that depend on how the deal changed (timeline.ics's SEQUENCE
 * and LAST-MODIFIED).
 */
#ifndef HANDOFF_BUILD_HISTORY_H
#define HANDOFF_BUILD_HISTORY_H

#include <stddef.h>

struct model;
struct session;

struct build_history {
	struct model	**m;	/* oldest first */
	long long	 *t;	/* each one's commit time, UTC seconds */
	size_t		  n;
};

/*
 * Load the committed versions of the deal at path (from rev, NULL: HEAD;
 * at most the newest 100) that parse.  Best effort: outside git, or on a
 * git failure, the history is empty.  Never fails.  cache is the folder
 * of the history cache (OUTDIR/.cache/history), or NULL for none; it is
 * used only with rev NULL.
 */
void	build_history_load(struct build_history *h, const struct session *s,
	    const char *path, const char *rev, const char *cache);
void	build_history_dispose(struct build_history *h);

#endif
