/* SPDX-License-Identifier: MIT */
/*
 * near.h: "did you mean": the names closest to a mistyped one (edit
 * distance), for commands and deal ids.  Pure: prints nothing.
 */
#ifndef HANDOFF_NEAR_H
#define HANDOFF_NEAR_H

#include <stddef.h>

/* Levenshtein distance of a and b; (size_t)-1 when either is longer
 * than 64 bytes. */
size_t	near_distance(const char *a, const char *b);

/*
 * The up to max names of v[0..n) closest to word, best first (ties in
 * the order of v), into out; only names close enough to be a typo (at
 * most a third of the longer name, at least 2, or word is a prefix).
 * Returns how many were put in out.
 */
size_t	near_best(const char *word, const char *const *v, size_t n,
	    const char **out, size_t max);

#endif
