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
#include "calls/calls_deal.h"
#include "calls/calls_heading.h"
#include "calls/calls_notes.h"
#include "calls/calls_sent.h"
#include "calls/calls_summary.h"
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

/* '[MM:SS]', linked to the recording at that second by the pattern. */
static void
put_stamp(struct buf *b, const struct call_cue *q, const struct call_meta *m)
{
	long		 s = q->start_ms / 1000;
	const char	*p;

	buf_printf(b, "[%02ld:%02ld]", s / 60, s % 60);
	if (m->recording == NULL)
		return;
	buf_putc(b, '(');
	for (p = m->link ? m->link : CALLS_LINK_DEFAULT; *p != '\0'; p++) {
		if (strncmp(p, "{url}", 5) == 0) {
			buf_puts(b, m->recording);
			p += 4;
		} else if (strncmp(p, "{seconds}", 9) == 0) {
			buf_printf(b, "%ld", s);
			p += 8;
		} else
			buf_putc(b, *p);
	}
	buf_putc(b, ')');
}

/* One sentence after bullet; a suggestion ('- [?] ') with the owner
 * and date of a commitment. */
static void
put_point(struct buf *b, const struct call *c, const struct call_sent *s,
    const struct call_meta *m, const char *bullet)
{
	const struct call_cue	*q = &c->cues[s->cue];

	buf_puts(b, bullet);
	put_stamp(b, q, m);
	buf_printf(b, " %s: %s%s\n", q->speaker[0] ?
	    calls_people_name(m->people, c, q->speaker) : "(unknown)",
	    s->text, s->owner_due && bullet[2] == '[' ? s->owner_due : "");
}

/* The extracted summary: the top sentences by TextRank, in time order. */
static int
put_summary(struct buf *b, const struct call *c, const struct call_sents *ss,
    const struct call_meta *m)
{
	const char	***w;
	size_t		*nw, i, ncand = 0, got, pick[SUMMARY_MAX];
	int		 rc = 0;

	w = malloc((ss->n + 1) * sizeof(*w));
	nw = malloc((ss->n + 1) * sizeof(*nw));
	if (w == NULL || nw == NULL) {
		free(w);
		free(nw);
		return -1;
	}
	for (i = 0; i < ss->n; i++) {
		w[i] = ss->v[i].cw;
		nw[i] = ss->v[i].ncw;
		ncand += nw[i] >= SUMMARY_MIN_WORDS;
	}
	got = calls_summary_pick((const char *const *const *)w, nw, ss->n,
	    calls_summary_size(ncand), pick);
	if (got == (size_t)-1)
		rc = -1;
	else if (got > 0) {
		buf_puts(b, "\n### Extracted summary (sentences from the call, "
		    "not generated)\n");
		for (i = 0; i < got; i++)
			put_point(b, c, &ss->v[pick[i]], m, "- ");
	}
	free(w);
	free(nw);
	return rc;
}

size_t
calls_notes_suggest(struct buf *b, const struct call *c,
    const struct cues *cues, const struct call_meta *m)
{
	struct call_sents	 ss;
	struct sents_ctx	 x;
	enum call_side		*side;
	const char		*vendor[2];
	size_t			 i, count = 0;
	int			 k, head;

	if ((side = calloc(c->ncues + 1, sizeof(*side))) == NULL)
		return 0;
	for (i = 0; i < c->ncues; i++)
		side[i] = side_of(c, m, c->cues[i].speaker);
	memset(&x, 0, sizeof(x));
	x.cues = cues;
	x.side = side;
	if (m->deal != NULL) {
		x.competitor = (const char *const *)m->deal->competitor;
		x.ncompetitors = m->deal->ncompetitors;
		vendor[0] = m->deal->ae;
		vendor[1] = m->deal->csm;
		x.commit.vendor = vendor;
		x.commit.nvendor = 2;
	}
	x.commit.call_day = m->day;
	x.commit.date_order = m->date_order;
	if (calls_sents_read(&ss, c, &x) != 0) {
		free(side);
		calls_sents_dispose(&ss);
		return 0;
	}
	for (k = 0; k < CUE__MAX; k++) {
		head = 0;
		for (i = 0; i < ss.n; i++) {
			if (!(ss.v[i].mask & (1u << k)))
				continue;
			if (!head)
				buf_printf(b, "\n### %s\n",
				    cues_class_heading((enum cue_class)k));
			head = 1;
			put_point(b, c, &ss.v[i], m, "- [?] ");
			count++;
		}
	}
	put_summary(b, c, &ss, m);
	calls_sents_dispose(&ss);
	free(side);
	return count;
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

	proc = calls_heading_find(d, 0, len, 1, "process");
	cn = calls_heading_find(d, 0, len, 1, "call notes");
	if (proc == len) {
		/* no Process: put it before Call notes or at the end */
		rc |= buf_put(out, d, cn);
		rc |= put_nl(out);
		rc |= buf_printf(out, "\n# Process\n\n## Calls\n%s\n", line);
		if (cn < len)
			rc |= buf_putc(out, '\n');
		d += cn;
		len -= cn;
		cn = calls_heading_find(d, 0, len, 1, "call notes");
	} else {
		pend = calls_section_next(d, proc, 1);
		calls = calls_heading_find(d, proc, pend, 2, "calls");
		if (calls == pend) {
			rc |= buf_put(out, d, pend);
			rc |= put_nl(out);
			rc |= buf_printf(out, "\n## Calls\n%s\n", line);
			if (pend < len)
				rc |= buf_putc(out, '\n');
		} else {
			cend = calls_section_next(d, calls, 2);
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
		cn = calls_heading_find(d, 0, len, 1, "call notes");
	}
	if (cn == len) {
		rc |= buf_put(out, d, len);
		rc |= put_nl(out);
		rc |= buf_printf(out, "\n# Call notes\n%s", notes);
	} else {
		cnend = calls_section_next(d, cn, 1);
		rc |= buf_put(out, d, cnend);
		rc |= put_nl(out);
		rc |= buf_printf(out, "%s", notes);
		if (cnend < len)
			rc |= buf_putc(out, '\n');
		rc |= buf_put(out, d + cnend, len - cnend);
	}
	return rc;
}
