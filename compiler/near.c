/* SPDX-License-Identifier: MIT */
/*
 * near.c: "did you mean" (see near.h).  Levenshtein with adjacent
 * transpositions (optimal string alignment) over at most 64 bytes: names
 * are short, and a long one is never a typo of a short one.
 */
#include <ctype.h>
#include <string.h>

#include "near.h"

static int
near_fold(int c)
{
	c = tolower((unsigned char)c);
	return c == '_' ? '-' : c;
}

size_t
near_distance(const char *a, size_t alen, const char *b)
{
	unsigned short	 d[65][65];
	size_t		 blen = strlen(b), i, j, best;

	if (alen > 64 || blen > 64)
		return NEAR_FAR;
	for (i = 0; i <= alen; i++)
		d[i][0] = (unsigned short)i;
	for (j = 0; j <= blen; j++)
		d[0][j] = (unsigned short)j;
	for (i = 1; i <= alen; i++)
		for (j = 1; j <= blen; j++) {
			best = d[i - 1][j - 1] + (near_fold(a[i - 1]) !=
			    near_fold(b[j - 1]));
			if (d[i - 1][j] + 1u < best)
				best = d[i - 1][j] + 1u;
			if (d[i][j - 1] + 1u < best)
				best = d[i][j - 1] + 1u;
			/* 'emial': two letters swapped are one typo */
			if (i > 1 && j > 1 && near_fold(a[i - 1]) ==
			    near_fold(b[j - 2]) && near_fold(a[i - 2]) ==
			    near_fold(b[j - 1]) && d[i - 2][j - 2] + 1u < best)
				best = d[i - 2][j - 2] + 1u;
			d[i][j] = (unsigned short)best;
		}
	return d[alen][blen];
}
