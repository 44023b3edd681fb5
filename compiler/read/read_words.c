/* SPDX-License-Identifier: MIT */
/* read_words.c: word lookups in the embedded lists under schemas/read/. */
#include <string.h>
#include <strings.h>

#include "fsutil.h"
#include "read/read_words.h"

/* The length of the field at p (up to a space, tab or line end). */
static size_t
rw_field(const char *p)
{
	return strcspn(p, " \t\r\n");
}

static const char *
rw_skip(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Look the word up on one line; the line starts at p. */
static int
rw_line(const char *p, const char *kind, const char *word, size_t len,
    char *out, size_t outlen)
{
	const char	*val;
	size_t		 klen, vlen, n;

	klen = rw_field(p);
	if (klen != strlen(kind) || strncmp(p, kind, klen) != 0)
		return 0;
	val = rw_skip(p + klen);
	vlen = rw_field(val);
	for (p = rw_skip(val + vlen); *p != '\0' && *p != '\n' && *p != '\r';
	    p = rw_skip(p + n)) {
		n = rw_field(p);
		if (n == len && strncasecmp(p, word, len) == 0) {
			if (vlen >= outlen)
				return 0;
			memcpy(out, val, vlen);
			out[vlen] = '\0';
			return 1;
		}
	}
	return 0;
}

int
read_word(const char *list, const char *kind, const char *word, size_t len,
    char *out, size_t outlen)
{
	const struct embedded	*e = fs_embedded(list);
	const char		*p;

	if (e == NULL || len == 0)
		return 0;
	for (p = (const char *)e->data; p != NULL && *p != '\0';
	    p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (*p == '#')
			continue;
		if (rw_line(p, kind, word, len, out, outlen))
			return 1;
	}
	return 0;
}

/* The idx-th word of one line when it is kind/value; 1 or 0. */
static int
rw_line_at(const char *p, const char *kind, const char *value, size_t idx,
    char *out, size_t outlen)
{
	size_t	 n, i;

	n = rw_field(p);
	if (n != strlen(kind) || strncmp(p, kind, n) != 0)
		return 0;
	p = rw_skip(p + n);
	n = rw_field(p);
	if (n != strlen(value) || strncmp(p, value, n) != 0)
		return 0;
	for (i = 0, p = rw_skip(p + n); *p != '\0' && *p != '\n' &&
	    *p != '\r'; i++, p = rw_skip(p + n)) {
		n = rw_field(p);
		if (i == idx) {
			if (n >= outlen)
				return 0;
			memcpy(out, p, n);
			out[n] = '\0';
			return 1;
		}
	}
	return 0;
}

int
read_word_at(const char *list, const char *kind, const char *value,
    size_t idx, char *out, size_t outlen)
{
	const struct embedded	*e = fs_embedded(list);
	const char		*p;

	if (e == NULL)
		return 0;
	for (p = (const char *)e->data; p != NULL && *p != '\0';
	    p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (*p != '#' && rw_line_at(p, kind, value, idx, out, outlen))
			return 1;
	return 0;
}
