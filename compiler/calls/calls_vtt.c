/* SPDX-License-Identifier: MIT */
/*
 * calls_vtt.c: WebVTT transcripts (phase: calls).  Zoom writes the
 * speaker inside the cue text ("Name: text"); Teams writes voice spans
 * ("<v Name>text</v>"), GUID cue ids and unpadded times ("0:0:5.320").
 * Both come out as cues with speaker and text; other tags are dropped.
 */
#include <string.h>

#include "calls/calls.h"
#include "diag.h"

/* Speaker and text of a cue payload line, tags removed. */
static int
vtt_payload(struct call *out, long s, long e, const char *l, size_t n,
    unsigned line)
{
	const char	*sp = NULL, *gt, *colon;
	size_t		 slen = 0;
	char		 text[8192];
	size_t		 i, t = 0;

	if (n >= 3 && strncmp(l, "<v", 2) == 0 && (l[2] == ' ' || l[2] == '.')
	    && (gt = memchr(l, '>', n)) != NULL) {
		sp = memchr(l, ' ', (size_t)(gt - l));
		sp = sp ? sp + 1 : gt;
		slen = (size_t)(gt - sp);
		n -= (size_t)(gt + 1 - l);
		l = gt + 1;
	} else if ((colon = memchr(l, ':', n < 60 ? n : 60)) != NULL &&
	    colon > l && colon + 1 < l + n && colon[1] == ' ') {
		sp = l;
		slen = (size_t)(colon - l);
		n -= (size_t)(colon + 2 - l);
		l = colon + 2;
	}
	for (i = 0; i < n && t + 1 < sizeof(text); i++) {
		if (l[i] == '<') {
			const char *g = memchr(l + i, '>', n - i);
			if (g != NULL) {
				i = (size_t)(g - l);
				continue;
			}
		}
		text[t++] = l[i];
	}
	if (t == 0)
		return 0;
	return call_add_cue(out, s, e, sp, slen, text, t, line);
}

/* "START --> END [settings]"; 0 or -1 after a diagnostic. */
static int
vtt_timing(const char *file, unsigned line, const char *l, size_t n,
    long *s, long *e, struct diag_list *dl)
{
	size_t	 a, b, i;

	if ((a = calls_parse_time(l, n, s)) == 0 || (a < n && l[a] != ' '))
		goto bad;
	for (i = a; i < n && l[i] == ' '; i++)
		;
	if (n - i < 3 || strncmp(l + i, "-->", 3) != 0)
		goto bad;
	for (i += 3; i < n && l[i] == ' '; i++)
		;
	if ((b = calls_parse_time(l + i, n - i, e)) == 0 ||
	    (i + b < n && l[i + b] != ' ' && l[i + b] != '\t'))
		goto bad;
	if (*e < *s) {
		diag_add(dl, diag_pos_line(file, line), RULE_TRANSCRIPT,
		    "cue ends before it starts");
		return -1;
	}
	return 0;
bad:
	diag_add(dl, diag_pos_line(file, line), RULE_TRANSCRIPT,
	    "broken cue timing '%.*s': expected 'HH:MM:SS.mmm --> "
	    "HH:MM:SS.mmm'", (int)(n > 60 ? 60 : n), l);
	return -1;
}

int
calls_read_vtt(struct call *out, const char *file, const char *data,
    size_t len, struct diag_list *dl)
{
	size_t		 pos = 0, n;
	const char	*l;
	unsigned	 line = 0;
	long		 s = 0, e = 0;
	int		 in_cue = 0;

	while (calls_next_line(data, len, &pos, &l, &n)) {
		line++;
		if (n == 0) {
			in_cue = 0;
			continue;
		}
		if (in_cue) {
			if (vtt_payload(out, s, e, l, n, line) != 0) {
				diag_add(dl, diag_pos_line(file, line),
				    RULE_TRANSCRIPT, "too many cues");
				return -1;
			}
			continue;
		}
		if (calls_has_arrow(l, n)) {
			if (vtt_timing(file, line, l, n, &s, &e, dl) != 0)
				return -1;
			in_cue = 1;
		}
		/* else: WEBVTT header, NOTE, cue id (number or GUID) */
	}
	return 0;
}
