/* SPDX-License-Identifier: MIT */
/*
 * near.h: "did you mean": the edit distance between two short names,
 * one copy for every diagnostic that suggests a key, a field, a column,
 * a section or a command.
 */
#ifndef HANDOFF_NEAR_H
#define HANDOFF_NEAR_H

#include <stddef.h>

#define NEAR_FAR	((size_t)-1)	/* a name too long to compare */

/*
 * The edit distance between a[0..alen) and the string b (insert, delete,
 * replace, swap two neighbours), folding ASCII case and counting '_' and
 * '-' as the same letter.  NEAR_FAR when
 * either is longer than 64 bytes.
 */
size_t	near_distance(const char *a, size_t alen, const char *b);

#endif
