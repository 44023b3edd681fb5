/* SPDX-License-Identifier: MIT */
/*
 * calls_notes.c: write a call into the deal file (phase: calls).  The
 * call line goes under '# Process' / '## Calls'; the key points go into
 * the internal '# Call notes' section as '- [?]' suggestions grouped by
 * class, each with its speaker and '[MM:SS]' (linked to the recording at
 * that second when a recording URL is known).  The call line is
 * calls_line.c's; who is on which side is calls_people.c's.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "calls/calls.h"
#include "calls/calls_cues.h"
#include "calls/calls_notes.h"
#include "calls/calls_people.h"

unsigned long long
calls_hash(const char *data, size_t len)
{
	unsigned long long	 h = 1469598103934665603ULL;
	size_t			 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static enum call_side
side_of(const struct call *c, const struct call_meta *m, const char *spk)
{
	return calls_people_side(m->people, c, spk);
}

/* Next sentence of s from *pos: start and length; 0 at the end. */
static int
next_sentence(const char *s, size_t *pos, const char **out, size_t *n)
{
	size_t	 i = *pos;

	while (s[i] == ' ')
		i++;
	if (s[i] == '\0')
		return 0;
	*out = s + i;
	for (; s[i] != '\0'; i++)
		if ((s[i] == '.' || s[i] == '?' || s[i] == '!') &&
		    (s[i + 1] == ' ' || s[i + 1] == '\0') &&
		    !(i > 0 && isdigit((unsigned char)s[i - 1]) &&
		    isdigit((unsigned char)s[i + 1]))) {
			i++;
			break;
		}
	*n = (size_t)(s + i - *out);
	*pos = i;
	return 1;
}

static void
put_stamp(struct buf *b, const struct call_cue *q, const struct call_meta *m)
{
	long	 s = q->start_ms / 1000;

	if (m->recording != NULL)
		buf_printf(b, "[%02ld:%02ld](%s#t=%ld)", s / 60, s % 60,
		    m->recording, s);
	else
		buf_printf(b, "[%02ld:%02ld]", s / 60, s % 60);
}

size_t
calls_notes_suggest(struct buf *b, const struct call *c,
    const struct cues *cues, const struct call_meta *m)
{
	size_t		 i, pos, n, count = 0;
	const char	*s;
	char		 sent[2048];
	int		 k, head;
	enum call_side	 side;

	for (k = 0; k < CUE__MAX; k++) {
		head = 0;
		for (i = 0; i < c->ncues; i++) {
			side = side_of(c, m, c->cues[i].speaker);
			if (k == CUE_COMMITMENT && side == SIDE_CLIENT)
				continue;
			if (k == CUE_OBJECTION && side == SIDE_VENDOR)
				continue;
			for (pos = 0; next_sentence(c->cues[i].text, &pos,
			    &s, &n);) {
				if (n >= sizeof(sent))
					n = sizeof(sent) - 1;
				memcpy(sent, s, n);
				sent[n] = '\0';
				if (!(cues_classify(cues, sent) & (1u << k)))
					continue;
				if (!head)
					buf_printf(b, "\n### %s\n",
					    cues_class_heading((enum cue_class)k));
				head = 1;
				buf_puts(b, "- [?] ");
				put_stamp(b, &c->cues[i], m);
				buf_printf(b, " %s: %s\n", c->cues[i].speaker[0] ?
				    calls_people_name(m->people, c,
				    c->cues[i].speaker) : "(unknown)", sent);
				count++;
			}
		}
	}
	return count;
}

/* Offset of the line "# title" (case-insensitive) or of the end. */
static size_t
find_h(const char *d, size_t from, const char *hashes, const char *title,
    size_t stop)
{
	size_t	 i = from, hl = strlen(hashes), tl = strlen(title);

	while (i < stop) {
		if (strncmp(d + i, hashes, hl) == 0 && d[i + hl] == ' ' &&
		    strncasecmp(d + i + hl + 1, title, tl) == 0 &&
		    (d[i + hl + 1 + tl] == '\n' || d[i + hl + 1 + tl] == '\r'))
			return i;
		while (i < stop && d[i] != '\n')
			i++;
		if (i < stop)
			i++;
	}
	return stop;
}

/* End of the section starting at from: the next heading of level <= h. */
static size_t
section_end(const char *d, size_t from, int level, size_t len)
{
	size_t	 i = from, n;

	while (i < len && d[i] != '\n')
		i++;
	while (i < len) {
		i++;
		for (n = 0; i + n < len && d[i + n] == '#'; n++)
			;
		if (n >= 1 && (int)n <= level && d[i + n] == ' ')
			return i;
		while (i < len && d[i] != '\n')
			i++;
	}
	return len;
}

static int
put_nl(struct buf *b)
{
	if (b->len > 0 && b->data[b->len - 1] != '\n')
		return buf_putc(b, '\n');
	return 0;
}

int
calls_notes_merge(struct buf *out, const char *d, const char *line,
    const char *notes)
{
	size_t	 len = strlen(d), proc, pend, calls, cend, cn, cnend;
	int	 rc = 0;

	proc = find_h(d, 0, "#", "process", len);
	cn = find_h(d, 0, "#", "call notes", len);
	if (proc == len) {
		/* no Process: put it before Call notes or at the end */
		rc |= buf_put(out, d, cn);
		rc |= put_nl(out);
		rc |= buf_printf(out, "\n# Process\n\n## Calls\n%s\n", line);
		if (cn < len)
			rc |= buf_putc(out, '\n');
		d += cn;
		len -= cn;
		cn = find_h(d, 0, "#", "call notes", len);
	} else {
		pend = section_end(d, proc, 1, len);
		calls = find_h(d, proc, "##", "calls", pend);
		if (calls == pend) {
			rc |= buf_put(out, d, pend);
			rc |= put_nl(out);
			rc |= buf_printf(out, "\n## Calls\n%s\n", line);
			if (pend < len)
				rc |= buf_putc(out, '\n');
		} else {
			cend = section_end(d, calls, 2, len);
			while (cend > calls && (d[cend - 1] == '\n' ||
			    d[cend - 1] == '\r') && cend - 1 > calls &&
			    d[cend - 2] == '\n')
				cend--;
			rc |= buf_put(out, d, cend);
			rc |= put_nl(out);
			rc |= buf_printf(out, "%s\n", line);
			pend = cend;
		}
		d += pend;
		len -= pend;
		cn = find_h(d, 0, "#", "call notes", len);
	}
	if (cn == len) {
		rc |= buf_put(out, d, len);
		rc |= put_nl(out);
		rc |= buf_printf(out, "\n# Call notes\n%s", notes);
	} else {
		cnend = section_end(d, cn, 1, len);
		rc |= buf_put(out, d, cnend);
		rc |= put_nl(out);
		rc |= buf_printf(out, "%s", notes);
		if (cnend < len)
			rc |= buf_putc(out, '\n');
		rc |= buf_put(out, d + cnend, len - cnend);
	}
	return rc;
}
