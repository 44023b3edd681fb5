/* SPDX-License-Identifier: MIT */
/*
 * build_history_cache.h: the texts of a deal's committed versions, kept
 * under OUTDIR/.cache/history/ so that a build whose stamps and history
 * are both cached never sets up libgit2 (see build_history_cache.c).
 */
#ifndef HANDOFF_BUILD_HISTORY_CACHE_H
#define HANDOFF_BUILD_HISTORY_CACHE_H

#include <stddef.h>

struct buf;

/* One committed version of a deal: its text and its commit time. */
struct history_text {
	char		*data;
	size_t		 len;
	long long	 t;
};

/* The versions, oldest first. */
struct history_texts {
	struct history_text	*v;
	size_t			 n, cap;
};

void	history_texts_init(struct history_texts *);
/* Append a copy of data; 0 or -1 (out of memory). */
int	history_texts_add(struct history_texts *, const char *data,
	    size_t len, long long t);
void	history_texts_dispose(struct history_texts *);

/* The cache key of the history of the deal at path (an empty buffer
 * first); -1 when it has none (not in git, an odd layout). */
int	history_cache_key(struct buf *key, const char *path);
/* The versions of the deal at path cached under dir for key; 0, or -1
 * when missing, stale or corrupt (then *out is empty). */
int	history_cache_read(struct history_texts *out, const char *dir,
	    const char *key, const char *path);
/* Remember the versions under dir for key, atomically; 0 or -1. */
int	history_cache_write(const char *dir, const char *key,
	    const char *path, const struct history_texts *);

#endif
