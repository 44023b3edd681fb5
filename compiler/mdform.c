/* SPDX-License-Identifier: MIT */
/*
 * mdform.c: the small grammars of the Markdown form (see mdform.h).
 * Each parser reads one value the way an AE writes it by hand and says
 * whether it was well formed; the callers turn that into a diagnostic.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "mdform.h"
#include "read/read_words.h"

/* memrchr() and strcasestr() are GNU extensions; these are ours. */
static const char *
md_rchr(const char *s, int c, size_t len)
{
	while (len-- > 0)
		if (s[len] == c)
			return s + len;
	return NULL;
}

static char *
md_casestr(char *hay, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

static int
md_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

char *
md_trim_dup(const char *s, size_t len)
{
	char	*p;

	while (len > 0 && md_space((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && md_space((unsigned char)s[len - 1]))
		len--;
	if ((p = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/*
 * The length of the UTF-8 sequence at s when it is a symbol, a mark or an
 * invisible character rather than a letter: emoji ("\xf0\x9f\x93\x8b
 * Context"), arrows and dingbats, general punctuation (dashes, quotes,
 * zero-width and direction marks), Latin-1 signs, variation selectors.
 * md_key() reads them as punctuation.  0 for anything else.
 */
static size_t
md_symbol_len(const unsigned char *s)
{
	unsigned	 cp;
	size_t		 n;

	if (s[0] < 0xc2)
		return 0;
	if (s[0] < 0xe0 && (s[1] & 0xc0) == 0x80) {
		cp = (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
		n = 2;
	} else if (s[0] < 0xf0 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80) {
		cp = (unsigned)(s[0] & 0x0f) << 12 |
		    (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
		n = 3;
	} else if (s[0] < 0xf5 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80) {
		cp = (unsigned)(s[0] & 0x07) << 18 |
		    (unsigned)(s[1] & 0x3f) << 12 |
		    (unsigned)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
		n = 4;
	} else
		return 0;
	if ((cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	    (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0xfeff ||
	    (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0xe0000 && cp <= 0xe007f))
		return n;
	return 0;
}

/* A leading list number, as in "1. Context" or "2) Pain points", after
 * white space and symbols ("\xf0\x9f\x93\x8b 1. Context"). */
static const char *
md_skip_number(const char *s)
{
	const char	*p = s;
	size_t		 k;

	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if ((k = md_symbol_len((const unsigned char *)p)) > 0)
			p += k;
		else
			break;
	}
	s = p;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p == s || p - s > 3 || (*p != '.' && *p != ')') ||
	    (p[1] != ' ' && p[1] != '\t'))
		return s;
	return p + 1;
}

void
md_key(const char *s, char *out, size_t outsz)
{
	size_t	 o = 0, k;
	int	 sp = 0;

	if (outsz == 0)
		return;
	for (s = md_skip_number(s); *s != '\0' && o + 4 < outsz; s++) {
		unsigned char c = (unsigned char)*s;

		if ((k = md_symbol_len((const unsigned char *)s)) > 0) {
			s += k - 1;
			sp = 1;
		} else if (c == '&') {
			if (o > 0)
				out[o++] = ' ';
			memcpy(out + o, "and", 3);
			o += 3;
			sp = 1;
		} else if (c >= 0x80 || isalnum(c)) {
			if (sp && o > 0)
				out[o++] = ' ';
			out[o++] = (char)tolower(c);
			sp = 0;
		} else
			sp = 1;
	}
	out[o] = '\0';
}

char *
md_enum(const char *s)
{
	char	*out, *t, canon[32];
	size_t	 i, o = 0;
	int	 dash = 0;

	if ((t = md_trim_dup(s, strlen(s))) == NULL)
		return NULL;
	if ((out = malloc(strlen(t) + 1)) == NULL) {
		free(t);
		return NULL;
	}
	for (i = 0; t[i] != '\0'; i++) {
		unsigned char c = (unsigned char)t[i];

		if (md_space(c) || c == '_' || c == '-') {
			dash = 1;
			continue;
		}
		if (dash && o > 0)
			out[o++] = '-';
		dash = 0;
		out[o++] = (char)(c < 0x80 ? tolower(c) : c);
	}
	out[o] = '\0';
	free(t);
	if (read_word("schemas/read/records.txt", "value", out, o, canon,
	    sizeof(canon))) {
		free(out);
		return strdup(canon);
	}
	return out;
}

size_t
md_dash_len(const char *s, size_t len)
{
	return len >= 3 && (strncmp(s, "\xe2\x80\x93", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x94", 3) == 0) ? 3 : 0;
}

char *
md_trim_seps(const char *s, size_t len, const char *seps)
{
	size_t	 d;

	for (;;) {
		if (len > 0 && strchr(seps, *s) != NULL && *s != '\0')
			d = 1;
		else if ((d = md_dash_len(s, len)) == 0)
			break;
		s += d;
		len -= d;
	}
	for (;;) {
		if (len > 0 && strchr(seps, s[len - 1]) != NULL &&
		    s[len - 1] != '\0')
			d = 1;
		else if (len < 3 || (d = md_dash_len(s + len - 3, 3)) == 0)
			break;
		len -= d;
	}
	return md_trim_dup(s, len);
}

/* What may stand around a name or an address written beside it. */
#define MD_PERSON_SEPS	" \t\n\r\f\v,;|()[]<>-"

/*
 * No <...>: a name and an address written side by side ('Nora Berg,
 * nora@x.example', 'Nora Berg (nora@x.example)', 'nora@x.example — Nora
 * Berg'): the one word with an '@' is the address, the rest the name.
 * 0 read both, 1 only one (or two addresses), -1 out of memory.
 */
static int
md_person_loose(const char *s, size_t len, char **name, char **email)
{
	const char	*at = memchr(s, '@', len), *b, *e;
	struct buf	 rest;

	if (at == NULL || memchr(at + 1, '@', len - (size_t)(at + 1 - s))) {
		*name = md_trim_dup(s, len);
		return *name == NULL ? -1 : 1;
	}
	for (b = at; b > s && !md_space((unsigned char)b[-1]); b--)
		;
	for (e = at; e < s + len && !md_space((unsigned char)*e); e++)
		;
	if ((*email = md_trim_seps(b, (size_t)(e - b), MD_PERSON_SEPS)) == NULL)
		return -1;
	buf_init(&rest);
	if (buf_put(&rest, s, (size_t)(b - s)) == -1 ||
	    buf_putc(&rest, ' ') == -1 ||
	    buf_put(&rest, e, (size_t)(s + len - e)) == -1 ||
	    (*name = md_trim_seps(rest.data, rest.len, MD_PERSON_SEPS)) == NULL) {
		buf_dispose(&rest);
		free(*email);
		*email = NULL;
		return -1;
	}
	buf_dispose(&rest);
	if (**name == '\0') {
		free(*name);
		*name = NULL;
		return 1;
	}
	return strchr(*email, '@') == *email ||
	    strchr(*email, '@')[1] == '\0' ? 1 : 0;
}

/* 'Full Name <name@company.com>': the last <...> is the address. */
int
md_person_parse(const char *s, char **name, char **email)
{
	const char	*lt, *gt;
	size_t		 len = strlen(s);
	int		 bad = 0;

	*name = *email = NULL;
	while (len > 0 && md_space((unsigned char)s[len - 1]))
		len--;
	lt = md_rchr(s, '<', len);
	gt = len > 0 && s[len - 1] == '>' ? s + len - 1 : NULL;
	if (lt == NULL || gt == NULL || gt < lt)
		return md_person_loose(s, len, name, email);
	if ((*name = md_trim_dup(s, (size_t)(lt - s))) == NULL ||
	    (*email = md_trim_dup(lt + 1, (size_t)(gt - lt - 1))) == NULL) {
		free(*name);
		free(*email);
		*name = *email = NULL;
		return -1;
	}
	if (**name == '\0' || **email == '\0' ||
	    strpbrk(*email, " \t<>") != NULL || strchr(*email, '@') == NULL)
		bad = 1;
	if (**name == '\0') {
		free(*name);
		*name = NULL;
	}
	if (**email == '\0') {
		free(*email);
		*email = NULL;
	}
	return bad;
}

/* A currency at *pp: three ASCII letters or €, $, £.  0 or -1. */
static int
md_currency(const char **pp, char cur[4])
{
	const char	*p = *pp;

	if (strncmp(p, "\xe2\x82\xac", 3) == 0) {
		memcpy(cur, "EUR", 4);
		*pp = p + 3;
		return 0;
	}
	if (strncmp(p, "\xc2\xa3", 2) == 0) {
		memcpy(cur, "GBP", 4);
		*pp = p + 2;
		return 0;
	}
	if (*p == '$') {
		memcpy(cur, "USD", 4);
		*pp = p + 1;
		return 0;
	}
	if (isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1]) &&
	    isalpha((unsigned char)p[2]) && !isalpha((unsigned char)p[3])) {
		cur[0] = (char)toupper((unsigned char)p[0]);
		cur[1] = (char)toupper((unsigned char)p[1]);
		cur[2] = (char)toupper((unsigned char)p[2]);
		cur[3] = '\0';
		*pp = p + 3;
		return 0;
	}
	return -1;
}

/* The amount at *pp, thousands separators dropped: "240,000.50". */
static int
md_amount(const char **pp, char *out, size_t outsz)
{
	const char	*p = *pp;
	size_t		 o = 0;
	int		 dot = 0;

	for (; o + 1 < outsz; p++) {
		if (isdigit((unsigned char)*p))
			out[o++] = *p;
		else if ((*p == ',' || *p == '_' || *p == '\'') && o > 0 &&
		    !dot && isdigit((unsigned char)p[1]))
			continue;
		else if (*p == '.' && o > 0 && !dot &&
		    isdigit((unsigned char)p[1])) {
			out[o++] = '.';
			dot = 1;
		} else
			break;
	}
	out[o] = '\0';
	*pp = p;
	return o > 0 ? 0 : -1;
}

/* The period word: 'year', 'yr', 'annual', 'month', 'once', ... */
static const char *
md_period(const char *w)
{
	static const char *const words[][2] = {
		{ "year", "year" }, { "yr", "year" }, { "y", "year" },
		{ "annual", "year" }, { "annually", "year" },
		{ "yearly", "year" }, { "pa", "year" }, { "annum", "year" },
		{ "month", "month" }, { "mo", "month" }, { "mth", "month" },
		{ "monthly", "month" },
		{ "quarter", "quarter" }, { "qtr", "quarter" },
		{ "q", "quarter" }, { "quarterly", "quarter" },
		{ "once", "once" }, { "one time", "once" },
		{ "onetime", "once" }, { "one off", "once" },
	};
	char	 key[32];
	size_t	 i;

	md_key(w, key, sizeof(key));
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(key, words[i][0]) == 0)
			return words[i][1];
	return NULL;
}

int
md_money_parse(const char *s, char **amount, char cur[4], const char **per)
{
	const char	*p = s;
	char		 num[64];
	int		 have_cur = 0;

	*amount = NULL;
	*per = NULL;
	cur[0] = '\0';
	while (md_space((unsigned char)*p))
		p++;
	if (!isdigit((unsigned char)*p)) {
		if (md_currency(&p, cur) == -1)
			return 1;
		have_cur = 1;
		while (md_space((unsigned char)*p))
			p++;
	}
	if (md_amount(&p, num, sizeof(num)) == -1)
		return 1;
	while (md_space((unsigned char)*p))
		p++;
	if (!have_cur && md_currency(&p, cur) == -1)
		return 1;
	while (md_space((unsigned char)*p))
		p++;
	if (*p == '/')
		p++;
	else if (strncasecmp(p, "per ", 4) == 0)
		p += 4;
	else if (strncasecmp(p, "a ", 2) == 0)
		p += 2;
	while (md_space((unsigned char)*p))
		p++;
	if (*p != '\0' && (*per = md_period(p)) == NULL)
		return 1;
	if ((*amount = strdup(num)) == NULL)
		return -1;
	return 0;
}

/* A word of schemas/read/records.txt of this kind ('role': 'EB',
 * 'executive sponsor'; 'primary'), given as its md_key(): 1 and the
 * value into out, or 0. */
static int
md_role_listed(const char *key, const char *kind, char *out, size_t outlen)
{
	char	 dashed[64], role[32];
	size_t	 i;

	for (i = 0; key[i] != '\0' && i + 1 < sizeof(dashed); i++)
		dashed[i] = key[i] == ' ' ? '-' : key[i];
	dashed[i] = '\0';
	if (!read_word("schemas/read/records.txt", kind, dashed, i, role,
	    sizeof(role)))
		return 0;
	if (out != NULL && outlen > 0)
		snprintf(out, outlen, "%s", role);
	return 1;
}

/* How each canonical role is written back in a table. */
static const char *const md_role_labels[][2] = {
	{ "economic-buyer", "Economic buyer" }, { "champion", "Champion" },
	{ "decision-maker", "Decision maker" }, { "influencer", "Influencer" },
	{ "user", "User" }, { "technical", "Technical" },
	{ "legal-procurement", "Legal/procurement" }, { "blocker", "Blocker" },
};

const char *
md_role_label(const char *role)
{
	size_t	 i;

	for (i = 0; i < sizeof(md_role_labels) / sizeof(md_role_labels[0]); i++)
		if (strcmp(role, md_role_labels[i][0]) == 0)
			return md_role_labels[i][1];
	return role;
}

int
md_role_known(const char *word)
{
	char	 key[64];

	md_key(word, key, sizeof(key));
	if (md_role_listed(key, "primary", NULL, 0))
		return 1;
	return md_role_listed(key, "role", NULL, 0);
}

/* Add one role word to out (canonical, no duplicates).  0 or -1. */
static int
md_role_add(const char *word, char **out, size_t max, size_t *n,
    int *primary)
{
	char		 key[64];
	const char	*canon = NULL;
	char		*v, listed[32];
	size_t		 i;

	md_key(word, key, sizeof(key));
	if (key[0] == '\0')
		return 0;
	if (md_role_listed(key, "primary", NULL, 0)) {
		*primary = 1;
		return 0;
	}
	if (md_role_listed(key, "role", listed, sizeof(listed)))
		canon = listed;
	if ((v = canon ? strdup(canon) : md_enum(word)) == NULL)
		return -1;
	for (i = 0; i < *n; i++)
		if (strcmp(out[i], v) == 0)
			break;
	if (i < *n || *n >= max) {
		free(v);
		return 0;
	}
	out[(*n)++] = v;
	return 0;
}

int
md_roles_parse(const char *cell, char **out, size_t max, size_t *n,
    int *primary)
{
	char	*s, *p, *tok, *save = NULL, join[32] = " ";
	size_t	 i, k;

	*n = 0;
	*primary = 0;
	if ((s = strdup(cell)) == NULL)
		return -1;
	/* 'legal/procurement' and 'legal and procurement' are one role. */
	for (p = s; (p = md_casestr(p, "legal")) != NULL; p += 5) {
		char *q = p + 5;

		while (*q == ' ')
			q++;
		if (*q == '/' || *q == '&' || *q == '+')
			*q = ' ';
		else if (strncasecmp(q, "and ", 4) == 0)
			memset(q, ' ', 3);
	}
	/* ' and ' separates like a comma ('join' words of records.txt). */
	for (i = 0; read_word_at("schemas/read/records.txt", "join", "-", i,
	    join + 1, sizeof(join) - 2); i++) {
		k = strlen(join);
		join[k] = ' ';
		join[k + 1] = '\0';
		for (p = s; (p = md_casestr(p, join)) != NULL; p += k + 1) {
			p[1] = ',';
			memset(p + 2, ' ', k - 2);
		}
	}
	for (tok = strtok_r(s, ",/;&+", &save); tok != NULL;
	    tok = strtok_r(NULL, ",/;&+", &save))
		if (md_role_add(tok, out, max, n, primary) == -1) {
			for (i = 0; i < *n; i++)
				free(out[i]);
			*n = 0;
			free(s);
			return -1;
		}
	free(s);
	return 0;
}

/* True when s[0..len) starts with word, case-insensitively, then a space. */
static int
md_word(const char *s, size_t len, const char *word)
{
	size_t	 w = strlen(word);

	return len > w && strncasecmp(s, word, w) == 0 &&
	    (s[w] == ' ' || s[w] == ':');
}

/* True when s[0..len) starts with a due word of commitments.txt ('by',
 * 'due', 'bis', 'avant'), then a space. */
static int
md_due_word(const char *s, size_t len)
{
	char	 v[8];
	size_t	 w = strcspn(s, " :");

	return w < len && read_word("schemas/read/commitments.txt", "due", s,
	    w, v, sizeof(v));
}

/*
 * Where '(Who, by DATE)' splits: at the last ', by ', ', due ' or other
 * due word ('bis', 'avant': the date may have its own comma: 'by Feb 1,
 * 2027'), else the last comma.
 */
static const char *
md_trailer_comma(const char *in, size_t len)
{
	const char	*best = NULL, *p;
	size_t		 i;

	for (i = 0; i + 1 < len; i++) {
		p = in + i;
		if (*p != ',')
			continue;
		p++;
		while ((size_t)(p - in) < len && *p == ' ')
			p++;
		if (md_due_word(p, len - (size_t)(p - in)))
			best = in + i;
	}
	return best != NULL ? best : md_rchr(in, ',', len);
}

/* The '(Who, by DATE)' trailer: split before the date. */
static int
md_trailer(const char *in, size_t len, char **who, char **due)
{
	const char	*comma = md_trailer_comma(in, len), *d;
	size_t		 dlen;

	if (comma == NULL) {
		/* '(by 2027-01-31)' or '(Dana Reyes)' */
		if (md_word(in, len, "by") || md_word(in, len, "due")) {
			d = in + (tolower((unsigned char)*in) == 'b' ? 2 : 3);
			while (*d == ':' || *d == ' ')
				d++;
			*due = md_trim_dup(d, len - (size_t)(d - in));
			return *due == NULL ? -1 : 0;
		}
		*who = md_trim_dup(in, len);
		return *who == NULL ? -1 : 0;
	}
	d = comma + 1;
	dlen = len - (size_t)(d - in);
	while (dlen > 0 && *d == ' ')
		d++, dlen--;
	if (md_word(d, dlen, "by"))
		d += 2, dlen -= 2;
	else if (md_word(d, dlen, "due"))
		d += 3, dlen -= 3;
	while (dlen > 0 && (*d == ':' || *d == ' '))
		d++, dlen--;
	if ((*who = md_trim_dup(in, (size_t)(comma - in))) == NULL ||
	    (*due = md_trim_dup(d, dlen)) == NULL)
		return -1;
	return 0;
}

/* A YYYY-MM-DD shape (the validator checks the calendar). */
static int
md_datelike(const char *s)
{
	return s != NULL && strlen(s) == 10 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[3]) && s[4] == '-' && s[7] == '-' &&
	    isdigit((unsigned char)s[9]);
}

/*
 * The dash form 'WHAT — Who, by 2027-01-31' (em dash, en dash or ' -- ').
 * Only taken when the part after the dash ends in a date, so that a dash
 * inside the text ('SAP connector — phase 1') is left alone.  Returns 0
 * when it matched (text, who, due set), 1 when not, -1 out of memory.
 */
static int
md_dash_form(const char *s, size_t len, char **text, char **who, char **due)
{
	static const char *const dashes[] = { " \xe2\x80\x94 ",
	    " \xe2\x80\x93 ", " -- " };
	const char	*best = NULL, *p;
	size_t		 i, blen = 0, n;

	for (i = 0; i < sizeof(dashes) / sizeof(dashes[0]); i++) {
		n = strlen(dashes[i]);
		for (p = s; (p = strstr(p, dashes[i])) != NULL &&
		    (size_t)(p - s) + n <= len; p++)
			if (best == NULL || p > best) {
				best = p;
				blen = n;
			}
	}
	if (best == NULL || best == s)
		return 1;
	p = best + blen;
	if (md_trailer(p, len - (size_t)(p - s), who, due) == -1)
		return -1;
	if (*who == NULL || !md_datelike(*due)) {
		free(*who);
		free(*due);
		*who = *due = NULL;
		return 1;
	}
	if ((*text = md_trim_dup(s, (size_t)(best - s))) == NULL)
		return -1;
	return 0;
}

/* Where the done words at the end of s[0..len) start ('… (Ann, by
 * 2026-12-01) ✅ done'): len when there are none. */
static size_t
md_done_tail(const char *s, size_t len)
{
	char	 v[8];
	size_t	 e = len, b;

	for (;;) {
		while (e > 0 && md_space((unsigned char)s[e - 1]))
			e--;
		for (b = e; b > 0 && !md_space((unsigned char)s[b - 1]); b--)
			;
		if (b == e || !read_word("schemas/read/commitments.txt",
		    "done", s + b, e - b, v, sizeof(v)))
			return e;
		e = b;
	}
}

/* md_commitment_parse with the done words at its end put back after
 * the text, so that the '(Who, by DATE)' before them is still read. */
static int
md_commitment_tail(const char *s, size_t len, size_t tail, char **text,
    char **who, char **due)
{
	char	*head, *t;
	int	 rc;

	if ((head = md_trim_dup(s, tail)) == NULL)
		return -1;
	rc = md_commitment_parse(head, text, who, due);
	free(head);
	if (rc == -1)
		return -1;
	if ((t = malloc(strlen(*text) + len - tail + 2)) == NULL)
		return -1;
	sprintf(t, "%s %.*s", *text, (int)(len - tail), s + tail);
	free(*text);
	*text = t;
	return rc;
}

int
md_commitment_parse(const char *s, char **text, char **who, char **due)
{
	size_t		 len = strlen(s), tail;
	const char	*open;
	int		 depth = 0;

	*text = *who = *due = NULL;
	while (len > 0 && md_space((unsigned char)s[len - 1]))
		len--;
	if ((tail = md_done_tail(s, len)) < len && tail > 0 &&
	    s[tail - 1] == ')')
		return md_commitment_tail(s, len, tail, text, who, due);
	/* Find the '(' that matches the final ')'. */
	open = NULL;
	if (len > 0 && s[len - 1] == ')')
		for (open = s + len - 1; open >= s; open--) {
			if (*open == ')')
				depth++;
			else if (*open == '(' && --depth == 0)
				break;
		}
	if (open == NULL || open < s) {
		if ((depth = md_dash_form(s, len, text, who, due)) != 1)
			return depth;
		*text = md_trim_dup(s, len);
		return *text == NULL ? -1 : 1;
	}
	if ((*text = md_trim_dup(s, (size_t)(open - s))) == NULL ||
	    md_trailer(open + 1, (size_t)(s + len - 1 - open - 1), who,
	    due) == -1) {
		free(*text);
		free(*who);
		free(*due);
		*text = *who = *due = NULL;
		return -1;
	}
	if (*who != NULL && **who == '\0') {
		free(*who);
		*who = NULL;
	}
	if (*due != NULL && **due == '\0') {
		free(*due);
		*due = NULL;
	}
	if (**text == '\0') {
		/* Nothing but a trailer: it is the text. */
		free(*text);
		free(*who);
		free(*due);
		*who = *due = NULL;
		if ((*text = md_trim_dup(s, len)) == NULL)
			return -1;
		return 1;
	}
	return *who == NULL ? 1 : 0;
}

/*
 * The length of a character at s that YAML reads as a line break or may
 * not hold raw (U+0080..U+009F, U+2028, U+2029), with its escape in esc;
 * 0 for any other.
 */
static size_t
md_yaml_special(const unsigned char *s, char esc[8])
{
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f) {
		if (s[1] == 0x85)
			snprintf(esc, 8, "\\N");
		else
			snprintf(esc, 8, "\\u%04x", s[1]);
		return 2;
	}
	if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9)) {
		snprintf(esc, 8, "%s", s[2] == 0xa8 ? "\\L" : "\\P");
		return 3;
	}
	return 0;
}

/* YAML 1.1 plain scalars: what may not start or appear in one. */
static int
md_yaml_plain_ok(const char *s)
{
	size_t	 len = strlen(s), i;
	char	 esc[8];

	if (len == 0 || strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) != NULL ||
	    s[len - 1] == ' ' || s[len - 1] == ':')
		return 0;
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f ||
		    md_yaml_special((const unsigned char *)s + i, esc) > 0)
			return 0;
		if (s[i] == ':' && s[i + 1] == ' ')
			return 0;
		if (s[i] == ' ' && s[i + 1] == '#')
			return 0;
	}
	return 1;
}

int
md_put_yaml(struct buf *b, const char *s)
{
	int	 rc = 0;
	size_t	 k;
	char	 esc[8];

	if (md_yaml_plain_ok(s))
		return buf_puts(b, s);
	rc |= buf_putc(b, '"');
	for (; *s != '\0' && rc == 0; s++) {
		unsigned char c = (unsigned char)*s;

		if ((k = md_yaml_special((const unsigned char *)s, esc)) > 0) {
			rc |= buf_puts(b, esc);
			s += k - 1;
		} else if (c == '"' || c == '\\')
			rc |= buf_printf(b, "\\%c", c);
		else if (c == '\n')
			rc |= buf_puts(b, "\\n");
		else if (c == '\t')
			rc |= buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			rc |= buf_printf(b, "\\x%02x", c);
		else
			rc |= buf_putc(b, c);
	}
	rc |= buf_putc(b, '"');
	return rc ? -1 : 0;
}

/* True when s starts an entity reference: '&name;' or '&#123;'. */
static int
md_entity(const char *s)
{
	s++;
	if (*s == '#')
		s++;
	if (!isalnum((unsigned char)*s))
		return 0;
	while (isalnum((unsigned char)*s))
		s++;
	return *s == ';';
}

/* At the start of a line: would s open a block (list, heading, quote)? */
static int
md_block_start(const char *s)
{
	const char	*p = s;

	if (strchr("#>+-=", *s) != NULL)
		return 1;
	while (isdigit((unsigned char)*p))
		p++;
	return p > s && p - s < 10 && (*p == '.' || *p == ')');
}

int
md_put_text(struct buf *b, const char *s, int in_cell)
{
	const char	*start = s, *p;
	int		 rc = 0, prev_alnum = 0;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	start = s;
	for (; *s != '\0' && rc == 0; s++) {
		unsigned char c = (unsigned char)*s;

		if (s == start && md_block_start(s)) {
			for (p = s; isdigit((unsigned char)*p); p++)
				rc |= buf_putc(b, *p);
			rc |= buf_putc(b, '\\');
			s = p;
			rc |= buf_putc(b, *s);
			prev_alnum = 0;
			continue;
		}
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (strchr("\\`*[]<~", c) != NULL ||
		    (c == '|' && in_cell) ||
		    (c == '&' && md_entity(s)) ||
		    (c == '_' && (!prev_alnum ||
		    !isalnum((unsigned char)s[1]))))
			rc |= buf_putc(b, '\\');
		rc |= buf_putc(b, c);
		prev_alnum = isalnum(c) != 0;
	}
	return rc ? -1 : 0;
}

int
md_put_cap(struct buf *b, const char *s, int in_cell)
{
	char	*t;
	int	 rc;

	if ((t = strdup(s)) == NULL)
		return -1;
	if (t[0] >= 'a' && t[0] <= 'z')
		t[0] = (char)(t[0] - 'a' + 'A');
	rc = md_put_text(b, t, in_cell);
	free(t);
	return rc;
}
