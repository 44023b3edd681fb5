/* SPDX-License-Identifier: MIT */
/*
 * calls_meet.c: Google Meet transcripts as text (phase: calls).  A title
 * line (with the date: "Discovery (2026-11-10 14:04 GMT+1) - Transcript"),
 * an "Attendees" line and the attendee list ("X's Presentation" is the
 * screen share, not a person), then "Name: text" paragraphs with a bare
 * "00:05:00" time marker every few minutes and "Meeting ended after
 * 00:21:40" at the end.  Meet gives no time per paragraph: the paragraphs
 * between two markers share that span by their length.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calls/calls.h"
#include "diag.h"

static const char ended[] = "Meeting ended after ";

/* A bare time marker line. */
static int
meet_marker(const char *l, size_t n, long *ms)
{
	while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	while (n > 0 && (*l == ' ' || *l == '\t')) {
		l++;
		n--;
	}
	return n >= 4 && calls_parse_time(l, n, ms) == n;
}

static int
meet_is_word(const char *l, size_t n, const char *w)
{
	size_t	 wl = strlen(w);

	while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == ':'))
		n--;
	return n == wl && strncasecmp(l, w, wl) == 0;
}

int
calls_is_meet(const char *data, size_t len)
{
	size_t		 pos = 0, n;
	const char	*l;
	unsigned	 line = 0;
	long		 ms;
	int		 att = 0;

	while (calls_next_line(data, len, &pos, &l, &n) && line++ < 400) {
		if (line <= 12 && meet_is_word(l, n, "Attendees"))
			att = 1;
		else if (att && meet_marker(l, n, &ms))
			return 1;
	}
	return 0;
}

/* One attendee list line: each name but "X's Presentation". */
static int
meet_attendees(struct call *out, const char *l, size_t n)
{
	const char	*e, *end = l + n;
	char		 name[128];
	size_t		 k;

	for (; l < end; l = e + 1) {
		e = memchr(l, ',', (size_t)(end - l));
		e = e ? e : end;
		while (l < e && (*l == ' ' || *l == '\t'))
			l++;
		k = (size_t)(e - l);
		while (k > 0 && (l[k - 1] == ' ' || l[k - 1] == '\t'))
			k--;
		if (k == 0 || k >= sizeof(name))
			continue;
		memcpy(name, l, k);
		name[k] = '\0';
		if (k > 15 && strcasecmp(name + k - 15, "'s Presentation") == 0)
			continue;
		if (k > 17 &&
		    strcasecmp(name + k - 17, "\xe2\x80\x99s Presentation") == 0)
			continue;
		if (call_add_party(out, name, "", SIDE_UNKNOWN) != 0)
			return -1;
	}
	return 0;
}

/* "Name: text": the name length, or 0. */
static size_t
meet_speaker(const char *l, size_t n)
{
	const char	*colon = memchr(l, ':', n < 80 ? n : 80);

	if (colon == NULL || colon == l || colon + 1 >= l + n ||
	    colon[1] != ' ' || isdigit((unsigned char)colon[-1]))
		return 0;
	return (size_t)(colon - l);
}

/* The first YYYY-MM-DD of the title line. */
static void
meet_title(struct call *out, const char *l, size_t n)
{
	size_t	 i;

	if ((out->title = strndup(l, n)) == NULL)
		return;
	for (i = 0; i + 10 <= n; i++)
		if (isdigit((unsigned char)l[i]) && l[i + 4] == '-' &&
		    l[i + 7] == '-' && isdigit((unsigned char)l[i + 9]) &&
		    (i == 0 || !isdigit((unsigned char)l[i - 1]))) {
			out->date = strndup(l + i, 10);
			return;
		}
}

/*
 * Spread the cues from first on over [t0, t1) by their length; t1 < 0:
 * the span is how long the words take to say.
 */
static void
meet_spread(struct call *out, size_t first, long t0, long t1)
{
	size_t	 i, tot = 0, acc = 0;
	long	 span;

	for (i = first; i < out->ncues; i++)
		tot += strlen(out->cues[i].text) + 1;
	if (tot == 0)
		return;
	span = t1 > t0 ? t1 - t0 : calls_speak_ms(tot);
	for (i = first; i < out->ncues; i++) {
		out->cues[i].start_ms = t0 + (long)((double)span * acc / tot);
		acc += strlen(out->cues[i].text) + 1;
		out->cues[i].end_ms = t0 + (long)((double)span * acc / tot);
	}
}

int
calls_read_meet(struct call *out, const char *file, const char *data,
    size_t len, struct diag_list *dl)
{
	size_t		 pos = 0, n, sn, first = 0, el = sizeof(ended) - 1;
	const char	*l, *spk = NULL;
	unsigned	 line = 0;
	long		 t0 = 0, ms, prev_sn = 0;
	int		 body = 0, att = 0;

	while (calls_next_line(data, len, &pos, &l, &n)) {
		line++;
		if (n == 0)
			continue;
		if (out->title == NULL && line <= 3) {
			meet_title(out, l, n);
			continue;
		}
		if (!body && n >= 9 && strncasecmp(l, "Attendees", 9) == 0) {
			att = 1;
			l += 9;
			n -= 9;
			while (n > 0 && (*l == ':' || *l == ' ')) {
				l++;
				n--;
			}
		}
		if (!body && meet_is_word(l, n, "Transcript"))
			att = 0;
		else if (att && !body && !meet_marker(l, n, &ms)) {
			if (meet_attendees(out, l, n) != 0)
				return -1;
			continue;
		}
		if (meet_marker(l, n, &ms)) {
			if (ms < t0) {
				diag_add(dl, diag_pos_line(file, line),
				    RULE_TRANSCRIPT, "time marker out of order: "
				    "it is before the one above");
				return -1;
			}
			meet_spread(out, first, t0, ms);
			first = out->ncues;
			t0 = ms;
			body = 1;
			continue;
		}
		if (n > el && strncmp(l, ended, el) == 0 &&
		    calls_parse_time(l + el, n - el, &ms) > 0) {
			meet_spread(out, first, t0, ms);
			first = out->ncues;
			t0 = ms;
			continue;
		}
		if ((sn = meet_speaker(l, n)) > 0) {
			spk = l;
			prev_sn = (long)sn;
			l += sn + 2;
			n -= sn + 2;
			body = 1;
		} else if (!body || spk == NULL)
			continue;	/* title, attendees, Meet's notice */
		if (call_add_cue(out, 0, 0, spk, (size_t)prev_sn, l, n,
		    line) != 0) {
			diag_add(dl, diag_pos_line(file, line),
			    RULE_TRANSCRIPT, "too many cues");
			return -1;
		}
	}
	meet_spread(out, first, t0, -1);
	return 0;
}
