/* SPDX-License-Identifier: MIT */
/*
 * calls_otter.c: Otter.ai text exports (phase: calls).  Each turn is a
 * speaker line, the name then two spaces and the time ("Speaker 1  0:03",
 * "Rosa Delgado  1:02:03"), followed by the text lines of the turn up to
 * a blank line or the next speaker line.  Otter gives no end times: a
 * turn ends after its words are said (about 15 bytes a second), at the
 * latest where the next turn begins.
 */
#include <string.h>

#include "calls/calls.h"
#include "diag.h"

size_t
calls_otter_head(const char *l, size_t n, long *ms)
{
	size_t	 t, nl;

	while (n > 0 && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	/* the time is the last word: find its start */
	for (t = n; t > 0 && l[t - 1] != ' ' && l[t - 1] != '\t'; t--)
		;
	if (t == 0 || t == n || calls_parse_time(l + t, n - t, ms) != n - t)
		return 0;
	for (nl = t; nl > 0 && (l[nl - 1] == ' ' || l[nl - 1] == '\t'); nl--)
		;
	/* Otter puts two spaces (or a tab) before the time */
	if (nl == 0 || nl > 80 || memchr(l, ':', nl) != NULL ||
	    (t - nl < 2 && l[nl] != '\t'))
		return 0;
	return nl;
}

long
calls_speak_ms(size_t n)
{
	return (long)(n * 1000 / 15) + 500;
}

int
calls_is_otter(const char *data, size_t len)
{
	size_t		 pos = 0, n;
	const char	*l;
	long		 ms;
	int		 seen = 0;

	while (seen < 3 && calls_next_line(data, len, &pos, &l, &n)) {
		if (n == 0)
			continue;
		if (calls_has_arrow(l, n))
			return 0;
		if (calls_otter_head(l, n, &ms) > 0)
			return calls_next_line(data, len, &pos, &l, &n) && n > 0
			    && calls_otter_head(l, n, &ms) == 0;
		seen++;	/* a title line or two may come first */
	}
	return 0;
}

/* Add the turn collected so far (text in t, tn bytes). */
static int
otter_flush(struct call *out, const char *file, long s, const char *spk,
    size_t sn, const char *t, size_t tn, unsigned line, struct diag_list *dl)
{
	if (tn == 0)
		return 0;
	if (call_add_cue(out, s, -1, spk, sn, t, tn, line) != 0) {
		diag_add(dl, diag_pos_line(file, line), RULE_TRANSCRIPT,
		    "too many cues");
		return -1;
	}
	return 0;
}

/*
 * End times: a turn lasts as long as its words take to say, but never
 * past the next turn, so a silence is nobody's talk time.
 */
static void
otter_ends(struct call *out)
{
	size_t	 i;
	long	 e;

	for (i = 0; i < out->ncues; i++) {
		e = out->cues[i].start_ms + calls_speak_ms(strlen(
		    out->cues[i].text));
		if (i + 1 < out->ncues && e > out->cues[i + 1].start_ms)
			e = out->cues[i + 1].start_ms;
		out->cues[i].end_ms = e;
	}
}

int
calls_read_otter(struct call *out, const char *file, const char *data,
    size_t len, struct diag_list *dl)
{
	size_t		 pos = 0, n, sn = 0, tn = 0, hn;
	const char	*l, *spk = NULL;
	char		 text[16384];
	unsigned	 line = 0, tline = 0;
	long		 s = 0, ms;

	while (calls_next_line(data, len, &pos, &l, &n)) {
		line++;
		if ((hn = calls_otter_head(l, n, &ms)) > 0) {
			if (otter_flush(out, file, s, spk, sn, text, tn, tline,
			    dl) != 0)
				return -1;
			spk = l;
			sn = hn;
			s = ms;
			tn = 0;
			tline = line + 1;
			continue;
		}
		if (spk == NULL || n == 0)
			continue;	/* title lines; blank lines */
		if (tn > 0 && tn + 1 < sizeof(text))
			text[tn++] = ' ';
		if (n > sizeof(text) - 1 - tn)
			n = sizeof(text) - 1 - tn;
		memcpy(text + tn, l, n);
		tn += n;
	}
	if (otter_flush(out, file, s, spk, sn, text, tn, tline, dl) != 0)
		return -1;
	otter_ends(out);
	return 0;
}
