/* SPDX-License-Identifier: MIT */
/*
 * vcs_cache.h: the key and the file of the stamp cache (vcs_cache.c),
 * which lets 'build' stamp its outputs without opening libgit2 when HEAD
 * has not moved.  The stamper in vcs.c fills and reads it.
 */
#ifndef HANDOFF_VCS_CACHE_H
#define HANDOFF_VCS_CACHE_H

#include <stddef.h>

struct buf;

#define VCS_CACHE_SUM	41	/* a SHA-1 in hex and the NUL */

/* Write the hex checksum of data/len into out; 0 or -1. */
typedef int (*vcs_cache_sum_fn)(char out[VCS_CACHE_SUM], const void *data,
    size_t len);

/* The SHA-1 of data in hex (git's blob id of it): the checksum the
 * caches use. */
int	vcs_cache_sha1(char out[VCS_CACHE_SUM], const void *data, size_t len);

/*
 * Append to out the key of the repository around dir: its work tree and
 * the stat of every file HEAD's commit depends on.  -1 when the layout is
 * not one the key covers (the caller then opens the repository).
 */
int	vcs_cache_key(struct buf *out, const char *dir);
/*
 * Append to out the key of the committed history of the file at path, as
 * libgit2 reads it back: vcs_cache_key() of ".", the file's real path,
 * and what git's content filters depend on (every .gitattributes from the
 * work tree down to the file, the repository's config and info/attributes,
 * the user's and the system's git config and attributes, and the variables
 * that move them).  -1 when there is no key (no cache then).
 */
int	vcs_cache_key_file(struct buf *out, const char *path);
/*
 * Read file; when it holds key and its checksum is right, *out is the
 * body written with it (free() it) and 0 is returned; else -1.
 */
int	vcs_cache_read(char **out, const char *file, const char *key,
	    vcs_cache_sum_fn sum);
/* Write key and body to file atomically, making its folder; 0 or -1. */
int	vcs_cache_write(const char *file, const char *key, const char *body,
	    vcs_cache_sum_fn sum);

#endif
