/* SPDX-License-Identifier: MIT */
/* read_person.c: a name as written against the deal's people. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "read/read_person.h"
#include "read/read_words.h"

#define RP_MAXW	8

/* Split s into words (letters, digits, '-', apostrophes, UTF-8). */
static size_t
rp_words(const char *s, const char **w, size_t *len)
{
	size_t	 n = 0, l;

	while (*s != '\0' && n < RP_MAXW) {
		while (*s == ' ' || *s == '\t' || *s == '.' || *s == ',')
			s++;
		if (*s == '\0')
			break;
		l = strcspn(s, " \t.,");
		w[n] = s;
		len[n++] = l;
		s += l;
	}
	return n;
}

/* 'MV', 'M.V.', 'M. V.': the initials of full's words, in order. */
static int
rp_initials(const char *who, const char *const *fw, size_t nf)
{
	char	 ini[RP_MAXW + 1];
	size_t	 i, o = 0;

	for (i = 0; who[i] != '\0' && o < RP_MAXW; i++)
		if (isalpha((unsigned char)who[i]))
			ini[o++] = (char)toupper((unsigned char)who[i]);
		else if (who[i] != '.' && who[i] != ' ')
			return 0;
	ini[o] = '\0';
	if (o < 2 || o != nf)
		return 0;
	for (i = 0; i < nf; i++)
		if (toupper((unsigned char)fw[i][0]) != ini[i])
			return 0;
	return 1;
}

int
read_person_matches(const char *who, const char *full)
{
	const char	*ww[RP_MAXW], *fw[RP_MAXW];
	size_t		 wl[RP_MAXW], fl[RP_MAXW], nw, nf, i, j;
	char		 tv[4];

	if (who == NULL || full == NULL || *who == '\0' || *full == '\0')
		return 0;
	if (strcasecmp(who, full) == 0)
		return 1;
	nw = rp_words(who, ww, wl);
	nf = rp_words(full, fw, fl);
	/* 'Dr.' is no part of the name */
	while (nf > 1 && read_word("schemas/read/commitments.txt", "title",
	    fw[0], fl[0], tv, sizeof(tv))) {
		memmove(fw, fw + 1, (nf - 1) * sizeof(fw[0]));
		memmove(fl, fl + 1, (nf - 1) * sizeof(fl[0]));
		nf--;
	}
	if (nw == 0 || nf == 0)
		return 0;
	if (strlen(who) <= 8 && rp_initials(who, fw, nf))
		return 1;
	/* Every word written is a word of the name, in order ('Jörg',
	 * 'Rao', 'Anika Rao' for 'Dr. Anika Rao'). */
	for (i = 0, j = 0; i < nw && j < nf; j++)
		if (wl[i] == fl[j] && strncasecmp(ww[i], fw[j], wl[i]) == 0)
			i++;
	return i == nw && wl[0] > 1;
}

size_t
read_person_candidates(const char *who, const char *const *names, size_t n,
    size_t *idx, size_t max)
{
	size_t	 i, k = 0;

	if (who == NULL || *who == '\0')
		return 0;
	for (i = 0; i < n; i++)
		if (names[i] != NULL && strcasecmp(who, names[i]) == 0) {
			if (max > 0)
				idx[0] = i;
			return 1;
		}
	for (i = 0; i < n; i++) {
		if (!read_person_matches(who, names[i]))
			continue;
		if (k < max)
			idx[k] = i;
		k++;
	}
	return k;
}
