/* SPDX-License-Identifier: MIT */
/*
 * fmt_words.c: the words 'handoff fmt' must keep.  fmt rewrites a file
 * only when every word of the old text is in the new one, but for the
 * words of the form: headings, front-matter keys and table header rows
 * (what they name is in the canonical tree, compared before and after),
 * and the words the readers lift out of a value and write back in the
 * canonical spelling: 'Nov' of 'Nov 16, 2026', 'ARR' of '$84k ARR',
 * 'promised by' of a commitment, 'text' of a stakeholder's channel.
 * Those are every word of the readers' lists (the .txt files of schemas/read/) but
 * their field and column names, so the list is data, as the readers'.
 * Words are compared case-folded and NFC-composed (utf8proc); only
 * letters, marks and digits make words, so a dash or a check mark is
 * punctuation, and a bare number ('86,500' written back as 86500) or a
 * number with a scale or unit ('84k', '36m') is compared as a value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "fmt_words.h"
#include "fsutil.h"

/* A sorted list of words, each a malloc'd NUL-terminated string. */
struct fw_set {
	char	**v;
	size_t	  n;
	size_t	  cap;
	int	  oom;
};

static void
fw_set_dispose(struct fw_set *s)
{
	while (s->n > 0)
		free(s->v[--s->n]);
	free(s->v);
}

static void
fw_set_add(struct fw_set *s, const char *w, size_t len)
{
	char	**v;

	if (s->oom)
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		if ((v = realloc(s->v, s->cap * sizeof(*v))) == NULL) {
			s->oom = 1;
			return;
		}
		s->v = v;
	}
	if ((s->v[s->n] = strndup(w, len)) == NULL) {
		s->oom = 1;
		return;
	}
	s->n++;
}

static int
fw_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
fw_set_sort(struct fw_set *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), fw_cmp);
}

static int
fw_set_has(const struct fw_set *s, const char *w, size_t len)
{
	size_t	 lo = 0, hi = s->n, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strncmp(s->v[mid], w, len)) == 0)
			c = s->v[mid][len] == '\0' ? 0 : 1;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* s case-folded and composed (free()), or NULL (bad UTF-8, memory). */
static char *
fw_fold(const char *s, size_t len, size_t *olen)
{
	utf8proc_uint8_t	*r = NULL;
	utf8proc_ssize_t	 n;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &r, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0)
		return NULL;
	*olen = (size_t)n;
	return (char *)r;
}

/* True when code point c is part of a word: a letter, mark or digit. */
static int
fw_wordcp(utf8proc_int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/*
 * The next word of s[*at..len): its start into *w and length into *wlen,
 * *at past it; 0 at the end.  Bytes that are not UTF-8 end a word.
 */
static int
fw_next(const char *s, size_t len, size_t *at, size_t *w, size_t *wlen)
{
	utf8proc_int32_t	 c;
	utf8proc_ssize_t	 k;
	size_t			 i = *at, start = len;

	while (i < len) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(len - i), &c);
		if (k <= 0)
			k = 1, c = -1;
		if (c >= 0 && fw_wordcp(c)) {
			if (start == len)
				start = i;
		} else if (start != len)
			break;
		i += (size_t)k;
	}
	*at = i;
	if (start == len)
		return 0;
	*w = start;
	*wlen = i - start;
	return 1;
}

/* Every word of text into set. */
static void
fw_add_words(struct fw_set *set, const char *text, size_t len)
{
	size_t	 at = 0, w, wl;

	while (fw_next(text, len, &at, &w, &wl))
		fw_set_add(set, text + w, wl);
}

/* The words of one list line 'KIND VALUE WORD...', but for a kind that
 * names fields or columns ('field', 'column', 'column-risk': those are
 * the form's names, masked already). */
static void
fw_add_line(struct fw_set *set, const char *s, size_t len)
{
	size_t	 k = strcspn(s, " \t");
	size_t	 v;

	if (k >= len || s[0] == '#' || (k == 5 && strncmp(s, "field", 5) == 0) ||
	    (k >= 6 && strncmp(s, "column", 6) == 0))
		return;
	s += k;
	len -= k;
	s += (k = strspn(s, " \t"));
	len -= k;
	v = strcspn(s, " \t\n");
	if (v >= len)
		return;
	fw_add_words(set, s + v, len - v);
}

/* The readers' words, case-folded, into set. */
static void
fw_add_lists(struct fw_set *set)
{
	const struct embedded	*e;
	const char		*p, *nl;
	char			*f;
	size_t			 i, flen;

	for (i = 0; (e = fs_embedded_at(i)) != NULL; i++) {
		if (strncmp(e->path, "schemas/read/", 13) != 0)
			continue;
		if ((f = fw_fold((const char *)e->data, e->len, &flen)) == NULL) {
			set->oom = 1;
			return;
		}
		for (p = f; p < f + flen; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(f + flen - p))) == NULL)
				nl = f + flen;
			fw_add_line(set, p, (size_t)(nl - p));
		}
		free(f);
	}
}

/* True when w is a value: digits, then nothing or a word of the lists
 * ('84k', '36m', '2yrs'), or the joints of an ISO 8601 date and time
 * ('16T10' and '00Z' of '2026-11-16T10:00:00Z', read as its date). */
static int
fw_is_value(const struct fw_set *form, const char *w, size_t len)
{
	size_t	 i, j;

	for (i = 0; i < len && w[i] >= '0' && w[i] <= '9'; i++)
		;
	if (i > 0 && i + 1 == len && w[i] == 'z')
		return 1;
	if (i > 0 && i + 1 < len && w[i] == 't') {
		for (j = i + 1; j < len && w[j] >= '0' && w[j] <= '9'; j++)
			;
		if (j == len)
			return 1;
	}
	return i > 0 && (i == len || fw_set_has(form, w + i, len - i));
}

/* True when [s, e) is a table's delimiter row ('|---|:--|'). */
static int
fw_delim_row(const char *s, const char *e)
{
	int	 dash = 0;

	for (; s < e; s++) {
		if (*s == '-')
			dash = 1;
		else if (*s != '|' && *s != ':' && *s != ' ' && *s != '\t' &&
		    *s != '\r')
			return 0;
	}
	return dash;
}

/*
 * Blank out, in place, what fmt writes in handoff's own spelling: heading
 * lines, front-matter keys and table header rows.  These are read, not
 * kept: '# Key Contacts' is the Relationships pillar and 'golive:' the
 * go-live date.  What they name is in the canonical tree, compared before
 * and after; an unknown heading, key or column is kept there by name, so
 * nothing the user wrote escapes both checks.
 */
void
fmt_words_mask_form(char *t, size_t len)
{
	char	*s, *e, *next, *next_end, *c, *colon, *end = t + len;
	int	 front = len >= 3 && strncmp(t, "---", 3) == 0;

	for (s = t; s < end; s = next) {
		if ((e = memchr(s, '\n', (size_t)(end - s))) == NULL)
			e = end;
		next = e < end ? e + 1 : end;
		if ((next_end = memchr(next, '\n', (size_t)(end - next))) == NULL)
			next_end = end;
		if (front) {
			if (s > t && e - s >= 3 && (strncmp(s, "---", 3) == 0 ||
			    strncmp(s, "...", 3) == 0))
				front = 0;	/* YAML ends with either */
			else if (s > t && *s != ' ' && *s != '-' && *s != '#' &&
			    (colon = memchr(s, ':', (size_t)(e - s))) != NULL)
				memset(s, ' ', (size_t)(colon - s));
			continue;
		}
		for (c = s; c < e && c - s < 3 && *c == ' '; c++)
			;
		if (c < e && (*c == '#' ||
		    (*c == '|' && fw_delim_row(next, next_end))))
			memset(s, ' ', (size_t)(e - s));
	}
}

/* The value of n hex digits at s, or -1. */
static long
fw_hex(const char *s, size_t n)
{
	long	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v = v * 16 + ((c | 0x20) - 'a' + 10);
		else
			return -1;
	}
	return v;
}

/*
 * One escape of a YAML double-quoted scalar at s (after the backslash,
 * left bytes): the character it means onto b; the bytes it took, or 0
 * when it is not one (then the backslash is kept as it is).
 */
static size_t
fw_escape(struct buf *b, const char *s, size_t left)
{
	static const char	 one[] = "0abtnvfre \"/\\N_LP";
	static const long	 cp[] = { ' ', 7, 8, 9, 10, 11, 12, 13, 27, ' ',
	    '"', '/', '\\', 0x85, 0xa0, 0x2028, 0x2029 };
	const char		*at;
	utf8proc_uint8_t	 u[4];
	size_t			 n = 0;
	long			 v = -1;

	if (left == 0)
		return 0;
	if ((at = strchr(one, s[0])) != NULL && s[0] != '\0') {
		v = cp[at - one];
		n = 1;
	} else if (s[0] == 'x' || s[0] == 'u' || s[0] == 'U') {
		n = s[0] == 'x' ? 2 : s[0] == 'u' ? 4 : 8;
		v = n < left ? fw_hex(s + 1, n) : -1;
		n++;
	}
	if (v < 0 || v > 0x10ffff || !utf8proc_codepoint_valid((int)v))
		return 0;
	if (buf_put(b, u, (size_t)utf8proc_encode_char((int)v, u)) == -1)
		return 0;
	return n;
}

/*
 * The text with the escapes of the front matter's double-quoted values
 * decoded ('"2\tyears"' is 2 and years, '"Zo\u00eb"' is Zoë), so that
 * words compare as YAML reads them; into b.  0 or -1.
 */
static int
fw_unescape_front(struct buf *b, const char *t, size_t len)
{
	size_t	 i = 0, k;
	int	 front = len >= 3 && strncmp(t, "---", 3) == 0, line = 0;
	int	 quoted = 0, value = 0;

	for (; i < len; i++) {
		char c = t[i];

		if (c == '\n') {
			line++;
			quoted = value = 0;
			if (front && line > 0 && i + 3 < len &&
			    (strncmp(t + i + 1, "---", 3) == 0 ||
			    strncmp(t + i + 1, "...", 3) == 0))
				front = 0;
		} else if (front && quoted && c == '\\' &&
		    (k = fw_escape(b, t + i + 1, len - i - 1)) > 0) {
			i += k;
			continue;
		} else if (front && quoted && c == '"')
			quoted = 0;
		else if (front && !quoted && c == '"' && value)
			quoted = 1;
		else if (front && (c == ':' || c == '-'))
			value = 1;
		else if (front && c != ' ' && c != '\t')
			value = 0;
		if (buf_putc(b, c) == -1)
			return -1;
	}
	return 0;
}

int
fmt_words_lost(const char *old, size_t olen, const char *new, size_t nlen,
    char *miss, size_t misssz)
{
	struct fw_set	 have, form;
	struct buf	 ob, nb;
	char		*o = NULL, *masked = NULL, *n = NULL;
	size_t		 ol = 0, nl = 0, at = 0, w, wl;
	int		 lost = 0;

	memset(&have, 0, sizeof(have));
	memset(&form, 0, sizeof(form));
	buf_init(&ob);
	buf_init(&nb);
	if (fw_unescape_front(&ob, old, olen) == 0 &&
	    fw_unescape_front(&nb, new, nlen) == 0 &&
	    (masked = malloc(ob.len + 1)) != NULL) {
		memcpy(masked, ob.data ? ob.data : "", ob.len);
		masked[ob.len] = '\0';
		fmt_words_mask_form(masked, ob.len);
		o = fw_fold(masked, ob.len, &ol);
		n = fw_fold(nb.data ? nb.data : "", nb.len, &nl);
	}
	if (o == NULL || n == NULL) {
		snprintf(miss, misssz, "(text that is not UTF-8)");
		lost = 1;
		goto out;
	}
	fw_add_words(&have, n, nl);
	fw_add_lists(&form);
	if (have.oom || form.oom) {
		snprintf(miss, misssz, "(out of memory)");
		lost = 1;
		goto out;
	}
	fw_set_sort(&have);
	fw_set_sort(&form);
	while (!lost && fw_next(o, ol, &at, &w, &wl)) {
		/* An entity ('&amp;', '&#xffff;') is a character, not a
		 * word. */
		if (w + wl < ol && o[w + wl] == ';' && ((w > 0 &&
		    o[w - 1] == '&') || (w > 1 && o[w - 1] == '#' &&
		    o[w - 2] == '&')))
			continue;
		/* A link's 'mailto:' is the form of an address. */
		if (wl == 6 && strncmp(o + w, "mailto", 6) == 0 &&
		    w + wl < ol && o[w + wl] == ':')
			continue;
		if (fw_set_has(&have, o + w, wl) || fw_is_value(&form, o + w, wl) ||
		    fw_set_has(&form, o + w, wl))
			continue;
		snprintf(miss, misssz, "%.*s", (int)(wl > 60 ? 60 : wl), o + w);
		lost = 1;
	}
out:
	fw_set_dispose(&have);
	fw_set_dispose(&form);
	buf_dispose(&ob);
	buf_dispose(&nb);
	free(masked);
	free(o);
	free(n);
	return lost;
}
