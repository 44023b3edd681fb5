/* SPDX-License-Identifier: MIT */
/*
 * parse_md_heading.c: heading synonyms for the Markdown front end.  The
 * built-in list is schemas/headings.txt (compiled in); a repo's own
 * schemas/headings.txt is read on top of it at parse time.  A lookup
 * scans the lines (the lists are small), so nothing is built or freed
 * but the text itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "mdform.h"
#include "parse_md_int.h"

#define HEADINGS_FILE	"schemas/headings.txt"
#define HEADINGS_MAX	(256 * 1024)

char *
mdp_headings_load(void)
{
	const struct embedded	*e = fs_embedded(HEADINGS_FILE);
	char			*local = NULL, *all;
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
	return all;
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
 * One line "h1 SPELLING = PILLAR" or "h2 PILLAR: SPELLING = HEADING":
 * 1 and the right-hand key in out when it is of this level (and pillar)
 * and names key.
 */
static int
mdp_headings_line(const char *s, const char *end, int level,
    const char *pillar, const char *key, char *out, size_t outsz)
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
		mdp_headings_key(s, colon, k, sizeof(k));
		if (strcmp(k, pillar) != 0)
			return 0;
		sp = colon + 1;
	}
	mdp_headings_key(sp, eq, k, sizeof(k));
	if (strcmp(k, key) != 0)
		return 0;
	mdp_headings_key(eq + 1, end, out, outsz);
	return out[0] != '\0';
}

int
mdp_headings_find(const char *list, int level, const char *pillar,
    const char *key, char *out, size_t outsz)
{
	const char	*s, *e;

	if (list == NULL || outsz == 0)
		return 0;
	for (s = list; *s != '\0'; s = *e == '\0' ? e : e + 1) {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		if (mdp_headings_line(s, e, level, pillar != NULL ? pillar :
		    "", key, out, outsz))
			return 1;
	}
	return 0;
}
