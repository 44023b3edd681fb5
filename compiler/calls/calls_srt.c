/* SPDX-License-Identifier: MIT */
/*
 * calls_srt.c: SubRip transcripts (phase: calls).  Blocks of a sequence
 * number, 'HH:MM:SS,mmm --> HH:MM:SS,mmm' and text lines; a speaker is
 * read from a leading "Name: " on the text, as recorders write it.
 */
#include <string.h>

#include "calls/calls.h"
#include "diag.h"

static int
srt_text(struct call *out, long s, long e, const char *l, size_t n,
    unsigned line)
{
	const char	*colon = memchr(l, ':', n < 60 ? n : 60);

	if (colon != NULL && colon > l && colon + 1 < l + n &&
	    colon[1] == ' ')
		return call_add_cue(out, s, e, l, (size_t)(colon - l),
		    colon + 2, n - (size_t)(colon + 2 - l), line);
	return call_add_cue(out, s, e, NULL, 0, l, n, line);
}

int
calls_read_srt(struct call *out, const char *file, const char *data,
    size_t len, struct diag_list *dl)
{
	size_t		 pos = 0, n, a, i;
	const char	*l;
	unsigned	 line = 0;
	long		 s = 0, e = 0;
	int		 state = 0;	/* 0 number, 1 timing, 2 text */

	while (calls_next_line(data, len, &pos, &l, &n)) {
		line++;
		if (n == 0) {
			state = 0;
			continue;
		}
		if (state == 0) {
			state = 1;
			continue;
		}
		if (state == 1) {
			if ((a = calls_parse_time(l, n, &s)) == 0 ||
			    (i = a + 5) > n || strncmp(l + a, " --> ", 5) != 0 ||
			    calls_parse_time(l + i, n - i, &e) == 0 || e < s) {
				diag_add(dl, diag_pos_line(file, line),
				    RULE_TRANSCRIPT, "broken SRT timing "
				    "'%.*s'", (int)(n > 60 ? 60 : n), l);
				return -1;
			}
			state = 2;
			continue;
		}
		if (srt_text(out, s, e, l, n, line) != 0) {
			diag_add(dl, diag_pos_line(file, line),
			    RULE_TRANSCRIPT, "too many cues");
			return -1;
		}
	}
	return 0;
}
