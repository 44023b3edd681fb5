/* SPDX-License-Identifier: MIT */
/*
 * import_slug.c: a deal id from a client name, stable across imports:
 * transliterated with utf8proc (NFKD, marks stripped, case folded; ß and
 * a few letters without a decomposition spelled out), words of letters
 * and digits joined by '-', legal forms at the end (schemas/import.yml
 * 'legal:') dropped.  'Brandt Maschinenbau GmbH' -> 'brandt-maschinenbau'.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "import.h"

/* Letters NFKD leaves alone, spelled in ASCII. */
static const char *
slug_special(utf8proc_int32_t c)
{
	switch (c) {
	case 0xdf: return "ss";		/* ß */
	case 0xe6: return "ae";		/* æ */
	case 0xf8: return "o";		/* ø */
	case 0x153: return "oe";	/* œ */
	case 0x142: return "l";		/* ł */
	case 0x111: return "d";		/* đ */
	case 0xf0: return "d";		/* ð */
	case 0xfe: return "th";		/* þ */
	case 0x131: return "i";		/* ı */
	default: return NULL;
	}
}

/* The words of s as lower-case ASCII separated by single spaces. */
static int
slug_words(struct buf *b, const char *s)
{
	utf8proc_uint8_t	*norm = NULL;
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 n, i;
	const char		*sp;
	int			 rc = 0, space = 0;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &norm,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
	    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) < 0)
		return -1;
	for (i = 0; norm[i] != '\0' && rc == 0; i += n) {
		if ((n = utf8proc_iterate(norm + i, -1, &c)) <= 0)
			break;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (space && b->len > 0)
				rc = buf_putc(b, ' ');
			rc |= buf_putc(b, (int)c);
			space = 0;
		} else if ((sp = slug_special(c)) != NULL) {
			if (space && b->len > 0)
				rc = buf_putc(b, ' ');
			rc |= buf_puts(b, sp);
			space = 0;
		} else if (c == '&' || c == '.' || c == '/' || c == '\'')
			continue;	/* 'S.A.' -> 'sa', "O'Neil" -> 'oneil' */
		else
			space = 1;
	}
	free(norm);
	return rc;
}

char *
import_slug(const char *client, const struct imp_map *m)
{
	struct buf	 b;
	char		*sp, *out;

	buf_init(&b);
	if (slug_words(&b, client) == -1 || b.len == 0) {
		buf_dispose(&b);
		return NULL;
	}
	/* Drop legal forms from the end, keeping at least one word. */
	while ((sp = strrchr(b.data, ' ')) != NULL &&
	    import_map_legal(m, sp + 1)) {
		*sp = '\0';
		b.len = (size_t)(sp - b.data);
	}
	if (b.len > 60) {
		b.data[60] = '\0';
		b.len = 60;
		if ((sp = strrchr(b.data, ' ')) != NULL && sp > b.data + 20)
			*sp = '\0';
	}
	out = buf_detach(&b);
	for (sp = out; *sp != '\0'; sp++)
		if (*sp == ' ')
			*sp = '-';
	while ((sp = strrchr(out, '-')) != NULL && sp[1] == '\0')
		*sp = '\0';
	return out;
}
