/* SPDX-License-Identifier: MIT */
/*
 * read_date.c: dates as people write them (see read_date.h).  The text is
 * cut into lowercase tokens; cue words ('by', 'due') are dropped; what is
 * left is a numeric date, a month-name date, a quarter, or a count of
 * units from an anchor.  Every refusal says what was read and how to
 * write it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/read_date.h"
#include "read/read_words.h"
#include "timeline.h"

#define RD_LIST		"schemas/read/dates.txt"
#define RD_MAXTOK	12
#define RD_TOKLEN	32

struct rd_toks {
	char	 t[RD_MAXTOK][RD_TOKLEN];
	size_t	 n;
};

static int
rd_days_in_month(int y, int m)
{
	int	 d;

	for (d = 31; d > 28; d--)
		if (date_from_ymd(y, m, d) != -1)
			return d;
	return 28;
}

static void
rd_month_name(int m, char *out, size_t len)
{
	char	 v[4];

	snprintf(v, sizeof(v), "%d", m);
	if (!read_word_at(RD_LIST, "month", v, 1, out, len))
		snprintf(out, len, "month %d", m);
	else
		out[0] = (char)toupper((unsigned char)out[0]);
}

int
read_date_is_iso(const char *s)
{
	int	 d;

	return date_parse(s, &d) == 0;
}

int
read_date_add_months(int day, int n)
{
	int	 y, m, d, t, dim;

	date_to_ymd(day, &y, &m, &d);
	t = y * 12 + (m - 1) + n;
	y = t / 12;
	m = t % 12 + 1;
	dim = rd_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

/* True when word is in the list as kind; its value into val. */
static int
rd_is(const char *kind, const char *w, char *val, size_t vlen)
{
	char	 tmp[RD_TOKLEN];

	if (val == NULL) {
		val = tmp;
		vlen = sizeof(tmp);
	}
	return read_word(RD_LIST, kind, w, strlen(w), val, vlen);
}

/* '2026-11-16T10:00:00Z' (ISO 8601 date and time): the date part. */
static void
rd_cut_time(char *w)
{
	size_t	 n;

	if (strlen(w) <= 11 || strspn(w, "0123456789-") != 10 || w[4] != '-' ||
	    w[7] != '-' || w[10] != 't')
		return;
	/* the time: 'hh:mm', seconds and fraction, then a zone */
	n = strspn(w + 11, "0123456789:.");
	if (n < 4 || memchr(w + 11, ':', n) == NULL ||
	    strspn(w + 11 + n, "0123456789:+-z") != strlen(w + 11 + n))
		return;
	w[10] = '\0';
}

/* '16-Nov-2026': token i split at its dashes when its middle is a month
 * name (left whole when there is no room). */
static void
rd_split_dashed(struct rd_toks *tk, size_t i)
{
	char	*a = tk->t[i], *b, *c;

	if ((b = strchr(a, '-')) == NULL || (c = strchr(b + 1, '-')) == NULL ||
	    strchr(c + 1, '-') != NULL)
		return;
	*b = *c = '\0';
	if (!rd_is("month", b + 1, NULL, 0) || tk->n + 2 > RD_MAXTOK) {
		*b = *c = '-';
		return;
	}
	memmove(tk->t[i + 3], tk->t[i + 1], (tk->n - i - 1) * RD_TOKLEN);
	memmove(tk->t[i + 2], c + 1, strlen(c + 1) + 1);
	memmove(tk->t[i + 1], b + 1, strlen(b + 1) + 1);
	tk->n += 2;
}

/* Cut s into tokens (lowercase, commas and brackets dropped, 'go live'
 * joined into 'go-live').  0, or -1 when s is too long for a date. */
static int
rd_tokenize(const char *s, struct rd_toks *tk)
{
	char	 join[RD_TOKLEN * 2 + 1];
	size_t	 i, len;

	tk->n = 0;
	while (*s != '\0') {
		while (*s != '\0' && strchr(" \t,;()[]", *s) != NULL)
			s++;
		if (*s == '\0')
			break;
		len = strcspn(s, " \t,;()[]");
		if (tk->n == RD_MAXTOK || len >= RD_TOKLEN)
			return -1;
		for (i = 0; i < len; i++)
			tk->t[tk->n][i] = (char)tolower((unsigned char)s[i]);
		tk->t[tk->n][len] = '\0';
		rd_cut_time(tk->t[tk->n]);
		/* 'Nov.' and '16.' (but not '16.11.2026'). */
		if (len > 1 && s[len - 1] == '.' &&
		    strchr(tk->t[tk->n], '.') == tk->t[tk->n] + len - 1)
			tk->t[tk->n][len - 1] = '\0';
		tk->n++;
		s += len;
		rd_split_dashed(tk, tk->n - 1);
	}
	for (i = 0; i + 1 < tk->n; i++) {
		snprintf(join, sizeof(join), "%s-%s", tk->t[i], tk->t[i + 1]);
		if (strlen(join) < RD_TOKLEN && (rd_is("anchor", join, NULL, 0) ||
		    rd_is("unit", join, NULL, 0))) {
			memcpy(tk->t[i], join, strlen(join) + 1);
			memmove(tk->t[i + 1], tk->t[i + 2],
			    (tk->n - i - 2) * RD_TOKLEN);
			tk->n--;
		}
	}
	return 0;
}

static void
rd_drop(struct rd_toks *tk, size_t k)
{
	memmove(tk->t[0], tk->t[k], (tk->n - k) * RD_TOKLEN);
	tk->n -= k;
}

/* A number token (an ordinal suffix of the list allowed: 16th, 1st,
 * 1er); -1 when not. */
static int
rd_number(const char *w, size_t *ndigits)
{
	size_t	 n = strspn(w, "0123456789");

	if (n == 0 || n > 4 || (w[n] != '\0' && (n > 2 ||
	    !rd_is("ordinal", w + n, NULL, 0))))
		return -1;
	if (ndigits != NULL)
		*ndigits = n;
	return atoi(w);
}

/* A count: '10' or 'two'; -1 when not. */
static int
rd_count(const char *w)
{
	char	 v[8];
	size_t	 nd;

	if (rd_number(w, &nd) >= 0 && nd == strlen(w))
		return atoi(w);
	return rd_is("count", w, v, sizeof(v)) ? atoi(v) : -1;
}

static int
rd_day(struct read_date *out, int y, int m, int d, const char *s, char *why,
    size_t whylen)
{
	char	 mn[24];

	if (m < 1 || m > 12) {
		snprintf(why, whylen, "'%.60s' has no month %d: write it as "
		    "YYYY-MM-DD", s, m);
		return 1;
	}
	if ((out->day = date_from_ymd(y, m, d)) == -1 && !(y == 1969 &&
	    m == 12 && d == 31)) {
		rd_month_name(m, mn, sizeof(mn));
		snprintf(why, whylen, "'%.60s' is not a day: %s %d has %d days",
		    s, mn, y, rd_days_in_month(y, m));
		return 1;
	}
	out->kind = READ_DATE_DAY;
	return 0;
}

static int
rd_noyear(struct read_date *out, int m, int d, const char *s, char *why,
    size_t whylen)
{
	char	 mn[24];

	if (m < 1 || m > 12 || d < 1 || d > rd_days_in_month(2000, m)) {
		rd_month_name(m < 1 || m > 12 ? 1 : m, mn, sizeof(mn));
		snprintf(why, whylen, "'%.60s' is not a day of the year", s);
		return 1;
	}
	out->kind = READ_DATE_NOYEAR;
	out->month = m;
	out->mday = d;
	return 0;
}

/* '03/04/2027': which is day and which month.  0, or 1 with why. */
static int
rd_order(int a, int b, int y, enum read_date_order order, const char *s,
    int *m, int *d, char *why, size_t whylen)
{
	char	 ma[24], mb[24];

	if (a > 12 || (b <= 12 && a == b) || (a <= 12 && b <= 12 &&
	    order == READ_ORDER_DMY)) {
		*d = a, *m = b;
		return 0;
	}
	if (b > 12 || order == READ_ORDER_MDY) {
		*m = a, *d = b;
		return 0;
	}
	rd_month_name(b, mb, sizeof(mb));
	rd_month_name(a, ma, sizeof(ma));
	if (y > 0)
		snprintf(why, whylen, "'%.40s' could be %d %s or %s %d: write "
		    "%04d-%02d-%02d (%d %s) or %04d-%02d-%02d (%s %d), or set "
		    "'date_order: dmy' or 'date_order: mdy' in handoff.yml", s,
		    a, mb, ma, b, y, b, a, a, mb, y, a, b, ma, b);
	else
		snprintf(why, whylen, "'%.40s' could be %d %s or %s %d: write "
		    "the month as a word ('%d %.3s' or '%.3s %d'), or set "
		    "'date_order: dmy' or 'date_order: mdy' in handoff.yml", s,
		    a, mb, ma, b, a, mb, ma, b);
	return 1;
}

/* 2026-11-16, 2026/11/16, 16.11.2026, 11/16/2026, 16.11.  -1: not this. */
static int
rd_numeric(const char *w, const char *s, enum read_date_order order,
    struct read_date *out, char *why, size_t whylen)
{
	int	 v[3], m, d;
	size_t	 len[3], np = 0, n;
	char	 sep = 0;
	const char *p = w;

	for (;;) {
		n = strspn(p, "0123456789");
		if (n == 0 || n > 4 || np == 3)
			return -1;
		v[np] = atoi(p);
		len[np++] = n;
		p += n;
		if (*p == '\0')
			break;
		if (strchr("-/.", *p) == NULL || (sep != 0 && *p != sep))
			return -1;
		sep = *p++;
		if (*p == '\0' && sep == '.')	/* '16.11.' */
			break;
	}
	if (np < 2 || sep == 0)
		return -1;
	if (np == 3 && len[0] == 4)
		return rd_day(out, v[0], v[1], v[2], s, why, whylen);
	if (len[0] > 2 || len[1] > 2 || (np == 3 && len[2] != 4)) {
		snprintf(why, whylen, "'%.60s' is not a date I can read: write "
		    "the year with four digits, as YYYY-MM-DD", s);
		return 1;
	}
	if (sep == '.') {
		d = v[0], m = v[1];
	} else if (rd_order(v[0], v[1], np == 3 ? v[2] : 0, order, s, &m, &d,
	    why, whylen) != 0)
		return 1;
	if (np == 2)
		return rd_noyear(out, m, d, s, why, whylen);
	return rd_day(out, v[2], m, d, s, why, whylen);
}

/* Nov 16 2026, 16 Nov 2026, Nov 2026, Nov 16; -1: not this form. */
static int
rd_named(const struct rd_toks *tk, int end, const char *s,
    struct read_date *out, char *why, size_t whylen)
{
	char	 v[8];
	int	 month = 0, d = 0, y = 0, x;
	size_t	 i, nd;

	for (i = 0; i < tk->n; i++) {
		if (rd_is("month", tk->t[i], v, sizeof(v)) && month == 0)
			month = atoi(v);
		else if ((x = rd_number(tk->t[i], &nd)) >= 0 && nd == 4 &&
		    y == 0)
			y = x;
		else if (x >= 0 && nd <= 2 && d == 0 && x > 0)
			d = x;
		else
			return -1;
	}
	if (month == 0) {
		if (end && y > 0 && d == 0 && tk->n == 1)
			return rd_day(out, y, 12, 31, s, why, whylen);
		return -1;
	}
	out->period = d == 0;
	if (d == 0 && y > 0)
		return rd_day(out, y, month, rd_days_in_month(y, month), s, why,
		    whylen);
	if (d == 0)
		return rd_noyear(out, month, rd_days_in_month(2001, month), s,
		    why, whylen);
	if (y == 0)
		return rd_noyear(out, month, d, s, why, whylen);
	return rd_day(out, y, month, d, s, why, whylen);
}

/* Q1 2027, end of Q3; -1: not this form. */
static int
rd_quarter(const struct rd_toks *tk, const char *s, struct read_date *out,
    char *why, size_t whylen)
{
	int	 q, y = 0, m;
	size_t	 nd;

	if (tk->n < 1 || tk->n > 2 || tk->t[0][0] != 'q' ||
	    tk->t[0][1] < '1' || tk->t[0][1] > '4' || tk->t[0][2] != '\0')
		return -1;
	q = tk->t[0][1] - '0';
	if (tk->n == 2 && ((y = rd_number(tk->t[1], &nd)) < 0 || nd != 4))
		return -1;
	m = q * 3;
	if (y == 0)
		return rd_noyear(out, m, rd_days_in_month(2001, m), s, why,
		    whylen);
	return rd_day(out, y, m, rd_days_in_month(y, m), s, why, whylen);
}

/* go-live; day 30; month 3; 2 weeks after go-live; -1: not this form. */
static int
rd_relative(const struct rd_toks *tk, struct read_date *out)
{
	char	 a[16], u[4], dir[4];
	int	 n;

	memset(out, 0, sizeof(*out));
	out->kind = READ_DATE_RELATIVE;
	out->unit = 'd';
	if (tk->n == 1 && rd_is("anchor", tk->t[0], a, sizeof(a))) {
		snprintf(out->anchor, sizeof(out->anchor), "%s", a);
		return 0;
	}
	if (tk->n == 2 && rd_is("unit", tk->t[0], u, sizeof(u)) &&
	    u[0] != 'b' && (n = rd_count(tk->t[1])) >= 0) {
		snprintf(out->anchor, sizeof(out->anchor), "signed");
		out->n = n;
		out->unit = u[0];
		return 0;
	}
	if (tk->n == 4 && (n = rd_count(tk->t[0])) >= 0 &&
	    rd_is("unit", tk->t[1], u, sizeof(u)) &&
	    rd_is("after", tk->t[2], dir, sizeof(dir)) &&
	    rd_is("anchor", tk->t[3], a, sizeof(a))) {
		snprintf(out->anchor, sizeof(out->anchor), "%s", a);
		out->n = dir[0] == '-' ? -n : n;
		out->unit = u[0];
		return 0;
	}
	return -1;
}

/* Drop the weekday words ('Mon, Nov 16, 2026', '2026-11-16 (Monday)');
 * the last one's number (1 Monday ... 7 Sunday), or 0 when none. */
static int
rd_drop_weekday(struct rd_toks *tk)
{
	char	 v[4];
	size_t	 i;
	int	 wd = 0;

	for (i = 0; i < tk->n && tk->n > 1;) {
		if (!rd_is("weekday", tk->t[i], v, sizeof(v))) {
			i++;
			continue;
		}
		wd = atoi(v);
		memmove(tk->t[i], tk->t[i + 1], (tk->n - i - 1) * RD_TOKLEN);
		tk->n--;
	}
	return wd;
}

/* A weekday said with a day must be that day's: 0, or 1 with why. */
static int
rd_check_weekday(const struct read_date *out, int wd, const char *s,
    char *why, size_t whylen)
{
	char	 v[16], said[24], is[24];

	if (wd == 0 || out->kind != READ_DATE_DAY || out->period ||
	    date_weekday(out->day) + 1 == wd)
		return 0;
	snprintf(v, sizeof(v), "%d", wd);
	if (!read_word_at(RD_LIST, "weekday", v, 1, said, sizeof(said)))
		snprintf(said, sizeof(said), "day %d", wd);
	snprintf(v, sizeof(v), "%d", date_weekday(out->day) + 1);
	if (!read_word_at(RD_LIST, "weekday", v, 1, is, sizeof(is)))
		snprintf(is, sizeof(is), "day %s", v);
	is[0] = (char)toupper((unsigned char)is[0]);
	said[0] = (char)toupper((unsigned char)said[0]);
	snprintf(why, whylen, "'%.60s' says %s, but that day is a %s: "
	    "check the date and write it as YYYY-MM-DD", s, said, is);
	return 1;
}

/* read_date without the weekday check; the weekday said into *wd. */
static int
rd_read(const char *s, enum read_date_order order, struct read_date *out,
    char *why, size_t whylen, int *wd)
{
	struct rd_toks	 tk;
	int		 end = 0, rc;

	memset(out, 0, sizeof(*out));
	if (why != NULL && whylen > 0)
		why[0] = '\0';
	*wd = 0;
	if (s == NULL || rd_tokenize(s, &tk) == -1)
		goto unread;
	*wd = rd_drop_weekday(&tk);
	while (tk.n > 1 && (rd_is("cue", tk.t[0], NULL, 0) ||
	    strcmp(tk.t[0], "within") == 0))
		rd_drop(&tk, 1);
	if (tk.n > 2 && rd_is("end", tk.t[0], NULL, 0) &&
	    strcmp(tk.t[1], "of") == 0) {
		rd_drop(&tk, 2);
		end = 1;
	}
	if (tk.n == 1 && (rc = rd_numeric(tk.t[0], s, order, out, why,
	    whylen)) >= 0)
		return rc;
	if ((rc = rd_quarter(&tk, s, out, why, whylen)) >= 0) {
		out->period = 1;
		return rc;
	}
	if ((rc = rd_named(&tk, end, s, out, why, whylen)) >= 0) {
		out->period = out->period || end;
		return rc;
	}
	if (!end && rd_relative(&tk, out) == 0)
		return 0;
unread:
	memset(out, 0, sizeof(*out));
	snprintf(why, whylen, "'%.60s' is not a date I can read: write "
	    "YYYY-MM-DD, a date such as 'Nov 16, 2026', or one counted from "
	    "the deal such as 'by go-live' or '2 weeks after signature'",
	    s != NULL ? s : "");
	return 1;
}

int
read_date(const char *s, enum read_date_order order, struct read_date *out,
    char *why, size_t whylen)
{
	int	 wd, rc;

	if ((rc = rd_read(s, order, out, why, whylen, &wd)) != 0)
		return rc;
	return rd_check_weekday(out, wd, s, why, whylen);
}

static int
rd_anchor_day(const struct read_anchors *a, const char *name)
{
	if (strcmp(name, "signed") == 0)
		return a->signed_day;
	if (strcmp(name, "start") == 0)
		return a->start;
	if (strcmp(name, "go-live") == 0)
		return a->go_live;
	return -1;
}

static int
rd_business_back(int day, int n, const struct read_anchors *a)
{
	while (n > 0) {
		day--;
		if (timeline_is_business_day(day, a->holidays, a->nholidays))
			n--;
	}
	return day;
}

int
read_date_resolve(const struct read_date *rd, const struct read_anchors *a,
    int *day, const char **missing)
{
	int	 base, y, m, d, x;

	*missing = NULL;
	switch (rd->kind) {
	case READ_DATE_DAY:
		*day = rd->day;
		return 0;
	case READ_DATE_NOYEAR:
		base = a->signed_day >= 0 ? a->signed_day : a->today;
		date_to_ymd(base, &y, &m, &d);
		for (x = y; x <= y + 1; x++) {
			d = rd->mday > rd_days_in_month(x, rd->month) ?
			    rd_days_in_month(x, rd->month) : rd->mday;
			if ((*day = date_from_ymd(x, rd->month, d)) >= base)
				return 0;
		}
		return 0;
	case READ_DATE_RELATIVE:
		break;
	}
	if ((base = rd_anchor_day(a, rd->anchor)) < 0) {
		*missing = rd->anchor;
		return 1;
	}
	switch (rd->unit) {
	case 'b':
		*day = rd->n >= 0 ? timeline_add_business_days(base, rd->n,
		    a->holidays, a->nholidays) : rd_business_back(base, -rd->n, a);
		break;
	case 'w':
		*day = base + 7 * rd->n;
		break;
	case 'm':
		*day = read_date_add_months(base, rd->n);
		break;
	case 'y':
		*day = read_date_add_months(base, 12 * rd->n);
		break;
	default:
		*day = base + rd->n;
		break;
	}
	return 0;
}

int
read_date_has_cue(const char *s)
{
	size_t	 n;

	if (s == NULL)
		return 0;
	n = strcspn(s, " \t");
	return read_word(RD_LIST, "cue", s, n, (char[4]){ 0 }, 4) ||
	    (n == 6 && strncasecmp(s, "within", 6) == 0);
}
