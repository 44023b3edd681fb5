/* SPDX-License-Identifier: MIT */
/*
 * calls_deal.c: our people and the known competitors, out of the deal
 * text (phase: calls).  Read once per 'calls add', whatever the number
 * of transcripts and cues.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calls/calls_deal.h"

/* The name of front-matter key ("ae: Name <mail>") into out. */
static void
front_name(const char *deal, const char *key, char *out, size_t max)
{
	size_t		 kl = strlen(key), n;
	const char	*p = deal, *e;

	out[0] = '\0';
	for (; p != NULL && *p != '\0'; p = strchr(p, '\n'), p = p ? p + 1 : p) {
		if (strncmp(p, key, kl) != 0 || p[kl] != ':')
			continue;
		p += kl + 1;
		while (*p == ' ')
			p++;
		for (e = p; *e != '\0' && *e != '\n' && *e != '<'; e++)
			;
		while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
			e--;
		n = (size_t)(e - p) < max - 1 ? (size_t)(e - p) : max - 1;
		memcpy(out, p, n);
		out[n] = '\0';
		return;
	}
}

/* The name at the start of a list item (n bytes), or NULL. */
static char *
item_name(const char *s, size_t n)
{
	size_t	 len, i, words = 1;

	if (n >= 4 && (strncmp(s, "[ ] ", 4) == 0 || strncasecmp(s, "[x] ",
	    4) == 0)) {
		s += 4;
		n -= 4;
	}
	for (len = 0; len < n && strchr("(,:;", s[len]) == NULL &&
	    !(s[len] == ' ' && len + 2 < n && (s[len + 1] == '-' ||
	    (unsigned char)s[len + 1] == 0xe2)); len++)
		;
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	for (i = 0; i < len; i++)
		words += s[i] == ' ';
	if (len < 2 || words > 3)
		return NULL;
	return strndup(s, len);
}

static int
read_competitors(struct call_deal *d, const char *deal)
{
	const char	*p, *e;
	int		 in = 0;

	for (p = deal; p != NULL && *p != '\0'; p = e ? e + 1 : NULL) {
		e = strchr(p, '\n');
		if (p[0] == '#') {
			in = strncasecmp(p, "## competitors", 14) == 0 &&
			    (p[14] == '\n' || p[14] == '\r' || p[14] == '\0');
			continue;
		}
		if (!in || !(p[0] == '-' || p[0] == '*') || p[1] != ' ' ||
		    d->ncompetitors == CALLS_MAX_COMPETITORS)
			continue;
		if ((d->competitor[d->ncompetitors] = item_name(p + 2, (e ?
		    (size_t)(e - p) : strlen(p)) - 2)) != NULL)
			d->ncompetitors++;
	}
	return 0;
}

int
calls_deal_read(struct call_deal *d, const char *deal_text)
{
	memset(d, 0, sizeof(*d));
	front_name(deal_text, "ae", d->ae, sizeof(d->ae));
	front_name(deal_text, "csm", d->csm, sizeof(d->csm));
	return read_competitors(d, deal_text);
}

void
calls_deal_dispose(struct call_deal *d)
{
	size_t	 i;

	for (i = 0; i < d->ncompetitors; i++)
		free(d->competitor[i]);
	memset(d, 0, sizeof(*d));
}
