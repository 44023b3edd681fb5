/* SPDX-License-Identifier: MIT */
/*
 * near.h: "did you mean": the edit distance between two short names and
 * the closest names of a list, one copy for every diagnostic that
 * suggests a key, a field, a column, a section, a command or a deal id.
 * Pure: prints nothing.
 */
#ifndef HANDOFF_NEAR_H
#define HANDOFF_NEAR_H

#include <stddef.h>

#define NEAR_FAR	((size_t)-1)	/* a name too long to compare */

/*
 * The edit distance between a[0..alen) and the string b (insert, delete,
 * replace, swap two neighbours), folding ASCII case and counting '_' and
 * '-' as the same letter.  NEAR_FAR when either is longer than 64 bytes.
 */
size_t	near_distance(const char *a, size_t alen, const char *b);

/*
 * The up to max names of v[0..n) closest to word, best first (ties in
 * the order of v), into out; only names close enough to be a typo (at
 * most a third of the longer name, at least 2, or word is a prefix).
 * Returns how many were put in out.
 */
size_t	near_best(const char *word, const char *const *v, size_t n,
	    const char **out, size_t max);

#endif
