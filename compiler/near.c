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

/* How far word is from name, or (size_t)-1 when too far for a typo.  A
 * word that starts name ("nordlicht" for "nordlicht-energie") is near. */
static size_t
near_score(const char *word, const char *name)
{
	size_t	 d = near_distance(word, strlen(word), name), lw = strlen(word);
	size_t	 ln = strlen(name), lim = (lw > ln ? lw : ln) / 3;

	if (lim < 2)
		lim = 2;
	if (d != (size_t)-1 && d <= lim)
		return d;
	if (lw >= 3 && strncmp(word, name, lw) == 0)
		return lim + 1;
	return (size_t)-1;
}

size_t
near_best(const char *word, const char *const *v, size_t n,
    const char **out, size_t max)
{
	size_t	 score[8], got = 0, i, k, d;

	if (max > 8)
		max = 8;
	for (i = 0; i < n; i++) {
		if ((d = near_score(word, v[i])) == (size_t)-1 ||
		    strcmp(word, v[i]) == 0)
			continue;
		/* insert sorted by score, after equals (stable) */
		for (k = got; k > 0 && score[k - 1] > d; k--)
			if (k < max) {
				score[k] = score[k - 1];
				out[k] = out[k - 1];
			}
		if (k >= max)
			continue;
		score[k] = d;
		out[k] = v[i];
		if (got < max)
			got++;
	}
	return got;
}
