/* SPDX-License-Identifier: MIT */
/*
 * parse_md_heading.c: heading synonyms for the Markdown front end.  The
 * built-in list is schemas/headings.txt (compiled in); a repo's own
 * schemas/headings.txt is read on top of it at parse time, its lines
 * keyed once on loading.  A lookup scans the lines (the lists are
 * small), so nothing is built or freed but the text itself.  A heading that is none of them may be a typo of
 * one: mdp_near_*() find the one it is nearest.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "mdform.h"
#include "near.h"
#include "parse_md_int.h"

#define HEADINGS_FILE	"schemas/headings.txt"
#define HEADINGS_MAX	(256 * 1024)

/* Copy [s, e) trimmed of spaces into out. */
static void
mdp_headings_copy(const char *s, const char *e, char *out, size_t outsz)
{
	size_t	 n;

	while (s < e && *s == ' ')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
		e--;
	n = (size_t)(e - s);
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

static void	mdp_headings_key(const char *, const char *, char *, size_t);

/*
 * The list with every 'h1 …' / 'h2 …' line in key form ('h2 context:
 * customer pain points=pain points'), other lines dropped, so that a
 * lookup compares without keying each line again.  Into out (room for
 * four times in: a key may be longer than its text).
 */
static void
mdp_headings_keyed(const char *in, char *out)
{
	const char	*s, *e, *eq, *colon;
	char		 k[256];
	size_t		 o = 0, n;

	for (s = in; *s != '\0'; s = *e == '\0' ? e : e + 1) {
		if ((e = strchr(s, '\n')) == NULL)
			e = s + strlen(s);
		if (e - s < 3 || s[0] != 'h' || (s[1] != '1' && s[1] != '2') ||
		    s[2] != ' ' || (eq = memchr(s, '=', (size_t)(e - s))) == NULL)
			continue;
		memcpy(out + o, s, 3);
		o += 3;
		colon = s[1] == '2' ? memchr(s, ':', (size_t)(eq - s)) : NULL;
		if (colon != NULL) {
			mdp_headings_key(s + 3, colon, k, sizeof(k));
			n = strlen(k);
			memcpy(out + o, k, n);
			o += n;
			out[o++] = ':';
		}
		mdp_headings_key(colon != NULL ? colon + 1 : s + 3, eq, k,
		    sizeof(k));
		n = strlen(k);
		memcpy(out + o, k, n);
		o += n;
		out[o++] = '=';
		mdp_headings_key(eq + 1, e, k, sizeof(k));
		n = strlen(k);
		memcpy(out + o, k, n);
		o += n;
		out[o++] = '\n';
	}
	out[o] = '\0';
}

char *
mdp_headings_load(void)
{
	const struct embedded	*e = fs_embedded(HEADINGS_FILE);
	char			*local = NULL, *all, *keyed;
	size_t			 llen = 0, elen = e != NULL ? e->len : 0;

	if (fs_exists(HEADINGS_FILE) &&
	    fs_read(HEADINGS_FILE, HEADINGS_MAX, &local, &llen) != 0) {
		local = NULL;
		llen = 0;
	}
	if ((all = malloc(elen + llen + 2)) == NULL) {
		free(local);
		return NULL;
	}
	/* The repo's own lines first: they win over the built-in ones. */
	if (llen > 0)
		memcpy(all, local, llen);
	all[llen] = '\n';
	if (elen > 0)
		memcpy(all + llen + 1, e->data, elen);
	all[llen + 1 + elen] = '\0';
	free(local);
	/* a key may be longer than its text ('&' is ' and'): room for that */
	if ((keyed = malloc(4 * (elen + llen + 2))) != NULL)
		mdp_headings_keyed(all, keyed);
	free(all);
	return keyed;
}

/* Copy [s, e) trimmed into out and key it like a heading. */
static void
mdp_headings_key(const char *s, const char *e, char *out, size_t outsz)
{
	char	 tmp[256];
	size_t	 n = (size_t)(e - s);

	if (n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	md_key(tmp, out, outsz);
}

/*
 * One line "h1 SPELLING = PILLAR" or "h2 PILLAR: SPELLING = HEADING" of
 * this level (and pillar): 1 with the keys of its two sides in spell
 * and target; 0 for any other line.
 */
static int
mdp_headings_split(const char *s, const char *end, int level,
    const char *pillar, char *spell, char *target, size_t sz)
{
	const char	*eq, *colon, *sp;
	char		 k[128];

	if (end - s < 3 || s[0] != 'h' || s[1] != (level == 1 ? '1' : '2') ||
	    s[2] != ' ')
		return 0;
	s += 3;
	if ((eq = memchr(s, '=', (size_t)(end - s))) == NULL)
		return 0;
	sp = s;
	if (level == 2) {
		if ((colon = memchr(s, ':', (size_t)(eq - s))) == NULL)
			return 0;
		mdp_headings_copy(s, colon, k, sizeof(k));
		if (strcmp(k, pillar) != 0)
			return 0;
		sp = colon + 1;
	}
	/* mdp_headings_load keyed the lines already */
	mdp_headings_copy(sp, eq, spell, sz);
	mdp_headings_copy(eq + 1, end, target, sz);
	return spell[0] != '\0' && target[0] != '\0';
}

int
mdp_headings_find(const char *list, int level, const char *pillar,
    const char *key, char *out, size_t outsz)
{
	const char	*at = list;
	char		 spell[128], target[128];

	if (list == NULL || outsz == 0)
		return 0;
	while (mdp_headings_next(&at, level, pillar, spell, target,
	    sizeof(spell)))
		if (strcmp(spell, key) == 0) {
			snprintf(out, outsz, "%s", target);
			return 1;
		}
	return 0;
}

/* ===== near misses ======================================================= */

void
mdp_near_init(struct mdp_near *nb, const char *key, size_t max)
{
	memset(nb, 0, sizeof(*nb));
	nb->key = key;
	nb->max = max;
	nb->best = max + 1;
}

size_t
mdp_near_heading_max(const char *key)
{
	size_t	 len = strlen(key);

	/* Short words allow fewer edits: 'risk' is one from 'risks'. */
	return len >= 8 ? 2 : len >= 4 ? 1 : 0;
}

void
mdp_near_offer(struct mdp_near *nb, const char *spelling, const char *target,
    int sec)
{
	size_t	 d = near_distance(nb->key, strlen(nb->key), spelling);

	if (d == 0 || d > nb->max || d > nb->best)
		return;
	if (d == nb->best && nb->found) {
		nb->tie |= nb->sec != sec;
		return;
	}
	nb->best = d;
	nb->found = 1;
	nb->tie = 0;
	nb->sec = sec;
	snprintf(nb->spelling, sizeof(nb->spelling), "%s", spelling);
	snprintf(nb->target, sizeof(nb->target), "%s", target);
}

int
mdp_headings_next(const char **at, int level, const char *pillar,
    char *spell, char *target, size_t sz)
{
	const char	*s, *e;

	for (s = *at; s != NULL && *s != '\0'; s = *e == '\0' ? e : e + 1) {
		if ((e = strchr(s, '\n')) == NULL)
			e = s + strlen(s);
		if (mdp_headings_split(s, e, level, pillar != NULL ? pillar :
		    "", spell, target, sz)) {
			*at = *e == '\0' ? e : e + 1;
			return 1;
		}
	}
	*at = s;
	return 0;
}
