/* SPDX-License-Identifier: MIT */
/*
 * calls_commit.c: owner and due date of a commitment said on a call
 * (phase: calls).  The spoken date words ('by Friday', 'within two
 * weeks', 'bis Freitag') come from schemas/call-commitments.txt; every other
 * date goes to the deal readers' read_date(), so that a date means the
 * same in a call suggestion as in the deal file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calls/calls_commit.h"
#include "calls/calls_cues.h"
#include "read/read_date.h"
#include "read/read_words.h"
#include "timeline.h"

#define CD_LIST		"schemas/call-commitments.txt"
#define SPAN_MAX	5

static int
cd_is(const char *kind, const char *w, char *val, size_t vlen)
{
	char	 tmp[16];

	if (val == NULL) {
		val = tmp;
		vlen = sizeof(tmp);
	}
	return read_word(CD_LIST, kind, w, strlen(w), val, vlen);
}

static int
cd_count(const char *w)
{
	char	 v[8];
	size_t	 n = strspn(w, "0123456789");

	if (n > 0 && n < 4 && w[n] == '\0')
		return atoi(w);
	return cd_is("count", w, v, sizeof(v)) ? atoi(v) : -1;
}

/* The next day after from that is weekday wd (1 Monday .. 7 Sunday). */
static int
next_weekday(int from, int wd)
{
	int	 d = from + 1;

	while (date_weekday(d) + 1 != wd)
		d++;
	return d;
}

static int
add_units(int day, int n, char unit)
{
	switch (unit) {
	case 'b':
		return timeline_add_business_days(day, n, NULL, 0);
	case 'w':
		return day + 7 * n;
	case 'm':
		return read_date_add_months(day, n);
	default:
		return day + n;
	}
}

/*
 * The spoken forms, counted from the call: 'Friday', 'tomorrow', 'next
 * week', 'two weeks', 'the end of the month'.  The day, or -1.
 */
static int
spoken_day(const char *const *w, size_t n, int call)
{
	char	 v[16];
	int	 k, y, m, d;

	if (n == 2 && cd_is("next", w[0], NULL, 0)) {
		if (cd_is("week", w[1], NULL, 0))
			return next_weekday(next_weekday(call, 7), 5);
		w++;
		n--;
	}
	if (n == 1 && cd_is("weekday", w[0], v, sizeof(v)))
		return next_weekday(call, atoi(v));
	if (n == 1 && cd_is("day", w[0], v, sizeof(v)))
		return call + atoi(v);
	if (n == 2 && (k = cd_count(w[0])) > 0 && cd_is("unit", w[1], v,
	    sizeof(v)))
		return add_units(call, k, v[0]);
	if (n >= 2 && strcmp(w[0], "end") == 0) {
		if (cd_is("week", w[n - 1], NULL, 0))
			return next_weekday(call - 1, 5);
		if (strcmp(w[n - 1], "month") == 0) {
			date_to_ymd(call, &y, &m, &d);
			return read_date_add_months(date_from_ymd(y, m, 1), 1) - 1;
		}
	}
	return -1;
}

static const char *
anchor_word(const char *a)
{
	if (strcmp(a, "signed") == 0)
		return "signature";
	if (strcmp(a, "start") == 0)
		return "kickoff";
	return a;
}

/* A date the deal readers read, as they will read it back, into out. */
static int
reader_date(const char *const *w, size_t n, const struct commit_ctx *x,
    char *out, size_t outlen)
{
	char			 span[160], why[300], d[11];
	struct read_date	 rd;
	struct read_anchors	 a;
	const char		*missing, *unit;
	size_t			 i, at = 0;
	int			 day;

	for (i = 0; i < n; i++)
		at += (size_t)snprintf(span + at, sizeof(span) - at, "%s%s",
		    i ? " " : "", w[i]);
	if (at >= sizeof(span) || read_date(span, (enum read_date_order)
	    x->date_order, &rd, why, sizeof(why)) != 0)
		return -1;
	if (rd.kind == READ_DATE_RELATIVE) {
		if (rd.n == 0) {
			snprintf(out, outlen, "%s", anchor_word(rd.anchor));
			return 0;
		}
		unit = rd.unit == 'w' ? "week" : rd.unit == 'm' ? "month" :
		    rd.unit == 'y' ? "year" : rd.unit == 'b' ? "business day" :
		    "day";
		snprintf(out, outlen, "%d %s%s %s %s", abs(rd.n), unit,
		    abs(rd.n) == 1 ? "" : "s", rd.n < 0 ? "before" : "after",
		    anchor_word(rd.anchor));
		return 0;
	}
	memset(&a, 0, sizeof(a));
	a.signed_day = a.start = a.go_live = -1;
	a.today = x->call_day;
	if (read_date_resolve(&rd, &a, &day, &missing) != 0)
		return -1;
	date_format(day, d);
	snprintf(out, outlen, "%s", d);
	return 0;
}

/* The first due date of the sentence from word from on into out; 0, or
 * -1 when none. */
static int
find_due(const struct cues_sent *s, size_t from, const struct commit_ctx *x,
    char *out, size_t outlen)
{
	size_t	 i, j, len;
	int	 day;

	for (i = from; i < s->n; i++) {
		if (!cd_is("due", s->word[i], NULL, 0))
			continue;
		for (j = i + 1; j < s->n && cd_is("skip", s->word[j], NULL,
		    0); j++)
			;
		for (len = SPAN_MAX; len > 0; len--) {
			if (j + len > s->n)
				continue;
			if ((day = spoken_day(&s->word[j], len,
			    x->call_day)) >= 0) {
				char d[11];

				date_format(day, d);
				snprintf(out, outlen, "%s", d);
				return 0;
			}
			if (reader_date(&s->word[j], len, x, out,
			    outlen) == 0)
				return 0;
		}
	}
	/* 'tomorrow', 'Friday', 'two weeks after kickoff' need no 'by' */
	for (i = from; i < s->n; i++) {
		if ((day = spoken_day(&s->word[i], 1, x->call_day)) >= 0) {
			char d[11];

			date_format(day, d);
			snprintf(out, outlen, "%s", d);
			return 0;
		}
		if (i + 4 <= s->n && cd_count(s->word[i]) > 0 &&
		    reader_date(&s->word[i], 4, x, out, outlen) == 0)
			return 0;
	}
	return -1;
}

/* The first name of full (up to a space) is word w. */
static int
first_name_is(const char *full, const char *w)
{
	size_t	 fl = strcspn(full, " ");

	return fl > 0 && strlen(w) == fl && strncasecmp(full, w, fl) == 0;
}

/* The deal's spelling of the speaker's name when it is one of ours. */
static const char *
speaker_name(const struct commit_ctx *x)
{
	size_t	 v;

	for (v = 0; v < x->nvendor; v++)
		if (x->vendor[v][0] != '\0' && x->speaker[0] != '\0' &&
		    (strcasecmp(x->vendor[v], x->speaker) == 0 ||
		    first_name_is(x->vendor[v], x->speaker)))
			return x->vendor[v];
	return x->speaker[0] != '\0' ? x->speaker : NULL;
}

/*
 * Who promised first in the sentence: the speaker ('I will', 'we'll')
 * or a colleague named before 'will' ('Priya will set it up'); the
 * speaker when neither is said.  *at gets the word it starts at.
 */
static const char *
find_owner(const struct cues_sent *s, const struct commit_ctx *x,
    size_t *at)
{
	size_t	 i, v;

	for (i = 0; i < s->n; i++) {
		*at = i;
		if (cd_is("self", s->word[i], NULL, 0))
			return speaker_name(x);
		for (v = 0; i + 1 < s->n && v < x->nvendor; v++)
			if (first_name_is(x->vendor[v], s->word[i]) &&
			    cd_is("will", s->word[i + 1], NULL, 0))
				return x->vendor[v];
	}
	*at = 0;
	return speaker_name(x);
}

int
calls_commit_by_colleague(const struct cues_sent *s, const struct commit_ctx *x)
{
	size_t	 i, v;
	int	 named = 0;

	/* the names first: most sentences name none of us */
	for (i = 0; !named && i + 1 < s->n; i++)
		for (v = 0; !named && v < x->nvendor; v++)
			named = first_name_is(x->vendor[v], s->word[i]) &&
			    cd_is("will", s->word[i + 1], NULL, 0);
	for (i = 0; named && i < s->n; i++)
		if (cd_is("negation", s->word[i], NULL, 0))
			return 0;
	return named;
}

void
calls_commit_lift(const struct cues_sent *s, const struct commit_ctx *x,
    char *out, size_t outlen)
{
	char		 due[64];
	size_t		 at;
	const char	*who = find_owner(s, x, &at);
	int		 has_due;

	has_due = find_due(s, at, x, due, sizeof(due)) == 0 ||
	    (at > 0 && find_due(s, 0, x, due, sizeof(due)) == 0);

	if (who != NULL && has_due)
		snprintf(out, outlen, " (%s, by %s)", who, due);
	else if (who != NULL)
		snprintf(out, outlen, " (%s)", who);
	else if (has_due)
		snprintf(out, outlen, " (by %s)", due);
	else if (outlen > 0)
		out[0] = '\0';
}
