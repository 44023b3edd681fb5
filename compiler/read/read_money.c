/* SPDX-License-Identifier: MIT */
/*
 * read_money.c: contract values and terms (see read_money.h).  The text
 * is cut into numbers, '/' and words; the words are looked up as a
 * currency, a period, 'per', 'over' or a scale (k, M); anything else
 * means the value is not one handoff can read, and the reason says so.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/read_money.h"
#include "read/read_words.h"

#define RM_LIST		"schemas/read/money.txt"
#define RD_LIST		"schemas/read/dates.txt"
#define RM_MAXTOK	12
#define RM_TOKLEN	32

struct rm_tok {
	int	 num;		/* 1: a number (val), 0: a word (w) */
	int	 glued;		/* a word between digits: '120’00' */
	double	 val;
	char	 w[RM_TOKLEN];
};

struct rm_toks {
	struct rm_tok	 t[RM_MAXTOK];
	size_t		 n;
};

/* The bytes of a thousands separator written as one character beyond
 * ASCII at p: the Swiss '’' (U+2019), a no-break space (U+00A0) or a
 * narrow one (U+202F, French); 0 when there is none. */
static size_t
rm_group_sep(const char *p)
{
	static const char *const seps[] = { "\xe2\x80\x99", "\xc2\xa0",
	    "\xe2\x80\xaf", NULL };
	size_t	 i, n;

	for (i = 0; seps[i] != NULL; i++) {
		n = strlen(seps[i]);
		if (strncmp(p, seps[i], n) == 0 &&
		    strspn(p + n, "0123456789") >= 3)
			return n;
	}
	return 0;
}

/* Read the number at *pp: '240,000', '240.000', '1.2', '1.234,56',
 * '240 000', '120’000'.  The separator before the last group is a
 * decimal point unless three digits follow it. */
static double
rm_number(const char **pp)
{
	const char	*p = *pp;
	char		 raw[48], clean[48];
	size_t		 n = 0, o = 0, i, last = (size_t)-1, after, k;

	while (n + 1 < sizeof(raw)) {
		if (isdigit((unsigned char)*p) || ((*p == '.' || *p == ',' ||
		    *p == '\'' || *p == '_') && isdigit((unsigned char)p[1])) ||
		    (*p == ' ' && strspn(p + 1, "0123456789") == 3 && n > 0 &&
		    strspn(raw, "0123456789") == n && n <= 3)) {
			raw[n++] = *p == ' ' ? '\'' : *p;
			p++;
		} else if (n > 0 && (k = rm_group_sep(p)) > 0) {
			raw[n++] = '\'';
			p += k;
		} else
			break;
	}
	raw[n] = '\0';
	*pp = p;
	for (i = 0; i < n; i++)
		if (raw[i] == '.' || raw[i] == ',')
			last = i;
	after = last == (size_t)-1 ? 0 : n - last - 1;
	/* '1.2.3': a decimal point twice is no number. */
	for (i = 0; after != 3 && last != (size_t)-1 && i < last; i++)
		if (raw[i] == raw[last])
			return -1;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)raw[i]))
			clean[o++] = raw[i];
		else if (i == last && after != 3)
			clean[o++] = '.';
	}
	clean[o] = '\0';
	return strtod(clean, NULL);
}

static int
rm_tokenize(const char *s, struct rm_toks *tk)
{
	size_t	 len;

	tk->n = 0;
	while (*s != '\0') {
		while (*s == ' ' || *s == '\t' || *s == '(' || *s == ')' ||
		    *s == ',' || *s == '~')
			s++;
		if (*s == '\0')
			break;
		if (tk->n == RM_MAXTOK)
			return -1;
		memset(&tk->t[tk->n], 0, sizeof(tk->t[0]));
		if (isdigit((unsigned char)*s)) {
			tk->t[tk->n].num = 1;
			tk->t[tk->n++].val = rm_number(&s);
			continue;
		}
		if (*s == '/')
			len = 1;
		else
			len = strcspn(s, " \t/(),~0123456789");
		if (len >= RM_TOKLEN)
			return -1;
		memcpy(tk->t[tk->n].w, s, len);
		tk->t[tk->n].w[len] = '\0';
		tk->t[tk->n].glued = tk->n > 0 && tk->t[tk->n - 1].num &&
		    isdigit((unsigned char)s[-1]) &&
		    isdigit((unsigned char)s[len]);
		tk->n++;
		s += len;
	}
	return 0;
}

static int
rm_is(const char *list, const char *kind, const char *w, char *val,
    size_t vlen)
{
	char	 tmp[RM_TOKLEN];

	if (val == NULL) {
		val = tmp;
		vlen = sizeof(tmp);
	}
	return read_word(list, kind, w, strlen(w), val, vlen);
}

/* A currency word: listed, or three ASCII letters (an ISO code). */
static int
rm_currency(const char *w, char cur[4])
{
	char	 v[8];
	size_t	 i;

	if (rm_is(RM_LIST, "currency", w, v, sizeof(v)) && strlen(v) == 3) {
		memcpy(cur, v, 4);
		return 1;
	}
	if (strlen(w) != 3)
		return 0;
	for (i = 0; i < 3; i++) {
		if (!isalpha((unsigned char)w[i]))
			return 0;
		cur[i] = (char)toupper((unsigned char)w[i]);
	}
	cur[3] = '\0';
	return 1;
}

/* Format v as a canonical decimal: no exponent, no trailing zeros. */
static void
rm_format(double v, char *out, size_t len)
{
	size_t	 n;

	snprintf(out, len, "%.2f", v);
	n = strlen(out);
	if (n > 3 && strcmp(out + n - 3, ".00") == 0)
		out[n - 3] = '\0';
}

int
read_term(const char *s, int *months)
{
	char	 buf[64], u[4], c[8], *p;
	int	 n;
	size_t	 len;

	if (s == NULL)
		return 1;
	snprintf(buf, sizeof(buf), "%s", s);
	for (p = buf; *p != '\0'; p++)
		if (*p == '-')
			*p = ' ';
	p = buf;
	while (*p == ' ')
		p++;
	len = strcspn(p, " \t");
	/* 'annual': a term said in one word. */
	if (p[len + strspn(p + len, " \t")] == '\0' &&
	    read_word(RM_LIST, "term", p, len, c, sizeof(c))) {
		*months = atoi(c);
		return 0;
	}
	if (strspn(p, "0123456789") == len && len > 0 && len < 4)
		n = atoi(p);
	else if (read_word(RD_LIST, "count", p, len, c, sizeof(c)))
		n = atoi(c);
	else
		return 1;
	p += len;
	while (*p == ' ')
		p++;
	len = strcspn(p, " \t,;(");
	if (!read_word(RD_LIST, "unit", p, len, u, sizeof(u)) ||
	    (u[0] != 'm' && u[0] != 'y') || n <= 0 || n > 600)
		return 1;
	*months = u[0] == 'y' ? 12 * n : n;
	return 0;
}

/* 'over 3 years' from token i on: the months, or -1. */
static int
rm_over(const struct rm_toks *tk, size_t i)
{
	char	 term[64];
	int	 months;

	if (i + 1 >= tk->n || !tk->t[i].num || tk->t[i + 1].num)
		return -1;
	snprintf(term, sizeof(term), "%.0f %s", tk->t[i].val,
	    tk->t[i + 1].w);
	return read_term(term, &months) == 0 ? months : -1;
}

int
read_money(const char *s, struct read_money *out, char *why, size_t whylen)
{
	struct rm_toks	 tk;
	char		 v[16], ex[32];
	double		 amount = -1, scale = 1;
	size_t		 i;
	int		 m;

	memset(out, 0, sizeof(*out));
	if (s == NULL || rm_tokenize(s, &tk) == -1) {
		snprintf(why, whylen, "'%.60s' is not amount, currency and "
		    "period: write it as e.g. '84000 USD/year'", s ? s : "");
		return 1;
	}
	for (i = 0; i < tk.n; i++) {
		const char *w = tk.t[i].w;

		if (tk.t[i].num && tk.t[i].val < 0)
			goto unknown;
		if (tk.t[i].num && amount < 0)
			amount = tk.t[i].val;
		else if (tk.t[i].num)
			goto unknown;
		else if (rm_is(RM_LIST, "scale", w, v, sizeof(v)) &&
		    amount >= 0 && scale == 1 && out->per[0] == '\0')
			scale = atof(v);
		else if (rm_is(RM_LIST, "period", w, v, sizeof(v)) &&
		    out->per[0] == '\0')
			snprintf(out->per, sizeof(out->per), "%.7s", v);
		else if (rm_is(RM_LIST, "per", w, NULL, 0))
			continue;
		else if (rm_is(RM_LIST, "over", w, NULL, 0) &&
		    (m = rm_over(&tk, i + 1)) > 0 && amount >= 0) {
			out->over_months = m;
			i += 2;
		} else if (out->currency[0] == '\0' &&
		    rm_currency(w, out->currency))
			continue;
		else
			goto unknown;
	}
	if (amount < 0) {
		snprintf(why, whylen, "'%.60s' has no amount: write it as "
		    "amount, currency and period, e.g. '84000 USD/year'", s);
		return 1;
	}
	amount *= scale;
	if (out->over_months > 0) {
		if (out->per[0] != '\0' && strcmp(out->per, "once") != 0)
			goto unknown;
		amount = amount * 12 / out->over_months;
		snprintf(out->per, sizeof(out->per), "year");
	}
	rm_format(amount, out->amount, sizeof(out->amount));
	if (out->currency[0] == '\0') {
		snprintf(why, whylen, "'%.60s' has no currency: write it as "
		    "'%s USD/%s' (or EUR, GBP …)", s, out->amount,
		    out->per[0] ? out->per : "year");
		return 1;
	}
	return 0;
unknown:
	/* '120’00': the digits around a separator we do not read make no
	 * amount worth suggesting (120 would be 1000 times too small). */
	if (i < tk.n && tk.t[i].glued) {
		snprintf(why, whylen, "'%.60s' is not amount, currency and "
		    "period ('%s' between digits is not a separator I read): "
		    "write the amount in digits only, e.g. '84000 %s/%s'", s,
		    tk.t[i].w, out->currency[0] ? out->currency : "USD",
		    out->per[0] ? out->per : "year");
		return 1;
	}
	/* The example uses the AE's own amount, even after a stray word. */
	for (m = (int)i + 1; amount < 0 && (size_t)m < tk.n; m++)
		if (tk.t[m].num && tk.t[m].val >= 0) {
			amount = tk.t[m].val;
			if ((size_t)m + 1 < tk.n && rm_is(RM_LIST, "scale",
			    tk.t[m + 1].w, v, sizeof(v)))
				scale = atof(v);
		}
	rm_format(amount < 0 ? 0 : amount * scale, ex, sizeof(ex));
	snprintf(why, whylen, "'%.60s' is not amount, currency and period "
	    "(read '%s' as neither): write it as e.g. '%s %s/%s'", s,
	    i < tk.n ? (tk.t[i].num ? "a second number" : tk.t[i].w) : "?",
	    amount < 0 ? "84000" : ex, out->currency[0] ? out->currency : "USD",
	    out->per[0] ? out->per : "year");
	return 1;
}
