/* SPDX-License-Identifier: MIT */
/*
 * near.c: "did you mean" (see near.h): edit distance, and the closest
 * names of a list.
 */
#include <string.h>

#include "near.h"

size_t
near_distance(const char *a, const char *b)
{
	size_t	 row[65], i, j, prev, cur, n = strlen(a), m = strlen(b);

	if (n > 64 || m > 64)
		return (size_t)-1;
	for (j = 0; j <= m; j++)
		row[j] = j;
	for (i = 1; i <= n; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= m; j++) {
			cur = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j] > row[j - 1] + 1)
				row[j] = row[j - 1] + 1;
			if (row[j] > cur + 1)
				row[j] = cur + 1;
			prev = cur;
		}
	}
	return row[m];
}

/* How far word is from name, or (size_t)-1 when too far for a typo.  A
 * word that starts name ("nordlicht" for "nordlicht-energie") is near. */
static size_t
near_score(const char *word, const char *name)
{
	size_t	 d = near_distance(word, name), lw = strlen(word);
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
