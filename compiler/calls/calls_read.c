/* SPDX-License-Identifier: MIT */
/*
 * calls_read.c: the transcript in memory (phase: calls).  Cue list
 * helpers, timestamps, lines, format recognition by content, and
 * calls_read(), which checks the bytes, picks the reader and checks that
 * the cues are in time order.
 */
#include <stdlib.h>
#include <string.h>

#include "calls/calls.h"
#include "config.h"
#include "diag.h"
#include "parse.h"

void
call_init(struct call *c)
{
	memset(c, 0, sizeof(*c));
}

void
call_dispose(struct call *c)
{
	size_t	 i;

	for (i = 0; i < c->ncues; i++) {
		free(c->cues[i].speaker);
		free(c->cues[i].text);
	}
	for (i = 0; i < c->nparties; i++) {
		free(c->parties[i].name);
		free(c->parties[i].email);
	}
	free(c->parties);
	free(c->cues);
	free(c->title);
	free(c->date);
	call_init(c);
}

static char *
dup_trim(const char *s, size_t n)
{
	char	*r;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		n--;
	if ((r = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

int
call_add_cue(struct call *c, long start_ms, long end_ms, const char *speaker,
    size_t slen, const char *text, size_t tlen, unsigned line)
{
	struct call_cue	*cue, *nc;
	size_t		 ncap;

	if (c->ncues >= CALLS_MAX_CUES)
		return -1;
	if (c->ncues == c->cap) {
		ncap = c->cap ? c->cap * 2 : 64;
		if ((nc = realloc(c->cues, ncap * sizeof(*nc))) == NULL)
			return -1;
		c->cues = nc;
		c->cap = ncap;
	}
	cue = &c->cues[c->ncues];
	cue->start_ms = start_ms;
	cue->end_ms = end_ms;
	cue->line = line;
	cue->speaker = dup_trim(speaker ? speaker : "", speaker ? slen : 0);
	cue->text = dup_trim(text, tlen);
	if (cue->speaker == NULL || cue->text == NULL) {
		free(cue->speaker);
		free(cue->text);
		return -1;
	}
	c->ncues++;
	return 0;
}

int
call_add_party(struct call *c, const char *name, const char *email,
    enum call_side side)
{
	struct call_party	*np;

	if (c->nparties >= 1000)
		return -1;
	np = realloc(c->parties, (c->nparties + 1) * sizeof(*np));
	if (np == NULL)
		return -1;
	c->parties = np;
	np = &c->parties[c->nparties];
	np->name = strdup(name);
	np->email = strdup(email);
	np->side = side;
	if (np->name == NULL || np->email == NULL) {
		free(np->name);
		free(np->email);
		return -1;
	}
	c->nparties++;
	return 0;
}

const struct call_party *
call_party_of(const struct call *c, const char *speaker)
{
	size_t	 i;

	for (i = 0; i < c->nparties; i++)
		if (strcmp(c->parties[i].name, speaker) == 0)
			return &c->parties[i];
	return NULL;
}

const char *
call_format_name(enum call_format f)
{
	switch (f) {
	case CALL_FMT_VTT:
		return "WebVTT";
	case CALL_FMT_SRT:
		return "SRT";
	case CALL_FMT_OTTER:
		return "Otter.ai text";
	case CALL_FMT_MEET:
		return "Google Meet text";
	case CALL_FMT_GONG:
		return "Gong JSON";
	default:
		return "unknown";
	}
}

static size_t
digits(const char *s, size_t len, long *v)
{
	size_t	 i = 0;

	*v = 0;
	while (i < len && i < 6 && s[i] >= '0' && s[i] <= '9')
		*v = *v * 10 + (s[i++] - '0');
	return i;
}

size_t
calls_parse_time(const char *s, size_t len, long *ms)
{
	long	 f[3], frac = 0;
	size_t	 n, i = 0, nf = 0, fd;

	while (nf < 3) {
		if ((n = digits(s + i, len - i, &f[nf])) == 0)
			return 0;
		i += n;
		nf++;
		if (i < len && s[i] == ':' && nf < 3)
			i++;
		else
			break;
	}
	if (nf < 2)
		return 0;
	if (i < len && (s[i] == '.' || s[i] == ',')) {
		i++;
		if ((fd = digits(s + i, len - i, &frac)) == 0 || fd > 3)
			return 0;
		i += fd;
		while (fd++ < 3)
			frac *= 10;
	}
	if (f[nf - 1] > 59 || (nf == 3 && f[1] > 59))
		return 0;
	*ms = nf == 3 ? ((f[0] * 60 + f[1]) * 60 + f[2]) * 1000 + frac :
	    (f[0] * 60 + f[1]) * 1000 + frac;
	return i;
}

int
calls_next_line(const char *data, size_t len, size_t *pos,
    const char **line, size_t *llen)
{
	const char	*nl;
	size_t		 n;

	if (*pos >= len)
		return 0;
	*line = data + *pos;
	nl = memchr(*line, '\n', len - *pos);
	n = nl ? (size_t)(nl - *line) : len - *pos;
	*pos += nl ? n + 1 : n;
	if (n > 0 && (*line)[n - 1] == '\r')
		n--;
	*llen = n;
	return 1;
}

int
calls_has_arrow(const char *l, size_t n)
{
	size_t	 i;

	for (i = 0; i + 3 <= n; i++)
		if (l[i] == '-' && l[i + 1] == '-' && l[i + 2] == '>')
			return 1;
	return 0;
}

enum call_format
calls_detect_format(const char *data, size_t len)
{
	size_t		 pos = 0, llen, i;
	const char	*l;
	long		 ms;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	if (len - pos >= 6 && memcmp(data + pos, "WEBVTT", 6) == 0)
		return CALL_FMT_VTT;
	for (i = pos; i < len && (data[i] == ' ' || data[i] == '\t' ||
	    data[i] == '\r' || data[i] == '\n'); i++)
		;
	if (i < len && (data[i] == '{' || data[i] == '['))
		return CALL_FMT_GONG;	/* JSON: the Gong reader says if not */
	if (calls_is_meet(data, len))
		return CALL_FMT_MEET;
	if (calls_is_otter(data, len))
		return CALL_FMT_OTTER;
	/* SRT: a number line, then 'HH:MM:SS,mmm --> ...'. */
	while (calls_next_line(data, len, &pos, &l, &llen) && llen == 0)
		;
	for (i = 0; i < llen && l[i] >= '0' && l[i] <= '9'; i++)
		;
	if (i > 0 && i == llen && calls_next_line(data, len, &pos, &l, &llen)
	    && calls_parse_time(l, llen, &ms) > 0 && llen > 16 &&
	    calls_has_arrow(l, llen))
		return CALL_FMT_SRT;
	return CALL_FMT_UNKNOWN;
}

static int
check_order(const struct call *c, const char *file, struct diag_list *dl)
{
	size_t	 i;

	for (i = 1; i < c->ncues; i++)
		if (c->cues[i].start_ms < c->cues[i - 1].start_ms) {
			diag_add(dl, diag_pos_line(file, c->cues[i].line),
			    RULE_TRANSCRIPT, "cue out of order: it starts "
			    "before the cue on line %u",
			    c->cues[i - 1].line);
			return -1;
		}
	if (c->ncues == 0) {
		diag_add(dl, diag_pos_line(file, 1), RULE_TRANSCRIPT,
		    "no cues: the transcript has no spoken text");
		return -1;
	}
	return 0;
}

int
calls_read(struct call *out, const char *file, const char *data, size_t len,
    struct diag_list *dl)
{
	struct limits	 lim;
	int		 rc;
	size_t		 i;

	for (i = 0; i < len && (data[i] == ' ' || data[i] == '\t' ||
	    data[i] == '\r' || data[i] == '\n'); i++)
		;
	if (i == len) {
		diag_add(dl, diag_pos_line(file, 1), RULE_TRANSCRIPT,
		    "empty transcript: the file has no text");
		return -1;
	}
	memset(&lim, 0, sizeof(lim));
	lim.max_file_size = CALLS_MAX_BYTES;
	lim.max_depth = 32;
	lim.max_table_rows = 1000;
	lim.max_table_cols = 32;
	lim.max_template_depth = 32;
	if (parse_check_bytes(file, data, len, &lim, dl) != 0)
		return -1;
	out->format = calls_detect_format(data, len);
	switch (out->format) {
	case CALL_FMT_VTT:
		rc = calls_read_vtt(out, file, data, len, dl);
		break;
	case CALL_FMT_SRT:
		rc = calls_read_srt(out, file, data, len, dl);
		break;
	case CALL_FMT_OTTER:
		rc = calls_read_otter(out, file, data, len, dl);
		break;
	case CALL_FMT_MEET:
		rc = calls_read_meet(out, file, data, len, dl);
		break;
	case CALL_FMT_GONG:
		rc = calls_read_gong(out, file, data, len, dl);
		break;
	default:
		diag_add(dl, diag_pos_line(file, 1), RULE_TRANSCRIPT,
		    "not a transcript format handoff reads");
		return -1;
	}
	if (rc != 0)
		return -1;
	return check_order(out, file, dl);
}
