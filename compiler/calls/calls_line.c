/* SPDX-License-Identifier: MIT */
/*
 * calls_line.c: the call's line under '# Process' / '## Calls' (phase:
 * calls).  Date, duration, who spoke (named as the deal names them, the
 * AE and CSM marked, a speaker not matched to the deal's people marked
 * by the side we could tell or '?'), talk-time share per side (ours: the
 * AE, the CSM and our e-mail domain; the client's: the stakeholders and
 * other domains; the rest unmatched), who else attended (Meet attendees,
 * Gong parties), the recording, the format, the file and the hash.
 * Shares are rounded so they add up to 100.
 */
#include <string.h>

#include "buf.h"
#include "calls/calls.h"
#include "calls/calls_notes.h"
#include "calls/calls_people.h"

/* How long cue i lasts: to its end, else to the next cue. */
static long
cue_len(const struct call *c, size_t i)
{
	if (c->cues[i].end_ms >= 0)
		return c->cues[i].end_ms - c->cues[i].start_ms;
	if (i + 1 < c->ncues)
		return c->cues[i + 1].start_ms - c->cues[i].start_ms;
	return 0;
}

/* True when an earlier cue's speaker shows as the same name. */
static int
seen_before(const struct call *c, const struct call_meta *m, size_t i)
{
	const char	*name = calls_people_name(m->people, c,
			    c->cues[i].speaker);
	size_t		 j;

	for (j = 0; j < i; j++)
		if (strcmp(calls_people_name(m->people, c, c->cues[j].speaker),
		    name) == 0)
			return 1;
	return 0;
}

static const char *
side_tag(enum call_side s)
{
	return s == SIDE_VENDOR ? "us" : s == SIDE_CLIENT ? "client" : "?";
}

size_t
calls_line_unmatched(struct buf *b, const struct call *c,
    const struct call_meta *m)
{
	size_t	 i, n = 0;

	for (i = 0; i < c->ncues; i++) {
		if (c->cues[i].speaker[0] == '\0' || seen_before(c, m, i) ||
		    calls_people_match(m->people, c, c->cues[i].speaker))
			continue;
		buf_printf(b, "%s%s", n ? ", " : "", c->cues[i].speaker);
		n++;
	}
	return n;
}

/* "spoke: A (AE), B, C (?)". */
static int
line_speakers(struct buf *b, const struct call *c, const struct call_meta *m)
{
	const struct call_person	*hit;
	size_t				 i;
	int				 rc = 0, first = 1;

	rc |= buf_puts(b, "spoke: ");
	for (i = 0; i < c->ncues; i++) {
		if (c->cues[i].speaker[0] == '\0' || seen_before(c, m, i))
			continue;
		hit = calls_people_match(m->people, c, c->cues[i].speaker);
		rc |= buf_printf(b, "%s%s", first ? "" : ", ",
		    hit ? hit->name : c->cues[i].speaker);
		if (hit != NULL && hit->side == SIDE_VENDOR)
			rc |= buf_printf(b, " (%s)", hit->role);
		else if (hit == NULL)
			rc |= buf_printf(b, " (%s)", side_tag(calls_people_side(
			    m->people, c, c->cues[i].speaker)));
		first = 0;
	}
	if (first)
		rc |= buf_puts(b, "(no speaker names)");
	return rc;
}

/* Shares of t[0..2] of tot in percent, rounded to add up to 100. */
static void
shares(const long t[3], long tot, long pct[3])
{
	long	 rem[3], sum = 0;
	int	 k, best;

	for (k = 0; k < 3; k++) {
		pct[k] = t[k] * 100 / tot;
		rem[k] = t[k] * 100 % tot;
		sum += pct[k];
	}
	while (sum < 100) {
		for (best = 0, k = 1; k < 3; k++)
			if (rem[k] > rem[best])
				best = k;
		pct[best]++;
		rem[best] = -1;
		sum++;
	}
}

static int
line_talk(struct buf *b, const struct call *c, const struct call_meta *m)
{
	long	 side[3] = { 0, 0, 0 }, pct[3], tot;
	size_t	 i;
	int	 rc;

	for (i = 0; i < c->ncues; i++)
		side[calls_people_side(m->people, c, c->cues[i].speaker)] +=
		    cue_len(c, i);
	tot = side[0] + side[1] + side[2];
	if (tot <= 0)
		return 0;
	shares(side, tot, pct);
	rc = buf_printf(b, " · talk time: vendor %ld%% / client %ld%%",
	    pct[SIDE_VENDOR], pct[SIDE_CLIENT]);
	if (side[SIDE_UNKNOWN] > 0)
		rc |= buf_printf(b, " / unmatched %ld%%", pct[SIDE_UNKNOWN]);
	return rc;
}

/* Parties (attendees) who said nothing: " · also there: E, F". */
static int
line_attended(struct buf *b, const struct call *c, const struct call_meta *m)
{
	size_t	 i, j, n = 0;
	int	 rc = 0;
	const char *name;

	for (i = 0; i < c->nparties; i++) {
		name = calls_people_name(m->people, c, c->parties[i].name);
		for (j = 0; j < c->ncues; j++)
			if (strcmp(calls_people_name(m->people, c,
			    c->cues[j].speaker), name) == 0)
				break;
		if (j < c->ncues)
			continue;
		for (j = 0; j < i; j++)
			if (strcmp(calls_people_name(m->people, c,
			    c->parties[j].name), name) == 0)
				break;
		if (j < i)
			continue;
		rc |= buf_printf(b, "%s%s", n++ ? ", " : " · also there: ",
		    name);
	}
	return rc;
}

int
calls_notes_line(struct buf *b, const struct call *c, const struct call_meta *m)
{
	struct buf	 un;
	long		 dur = 0;
	size_t		 i;
	int		 rc;

	for (i = 0; i < c->ncues; i++) {
		if (c->cues[i].end_ms > dur)
			dur = c->cues[i].end_ms;
		if (c->cues[i].start_ms > dur)
			dur = c->cues[i].start_ms;
	}
	if (dur >= 3600000)
		rc = buf_printf(b, "- %s · %ld:%02ld:%02ld · ", m->date,
		    dur / 3600000, dur / 60000 % 60, dur / 1000 % 60);
	else
		rc = buf_printf(b, "- %s · %ld:%02ld · ", m->date,
		    dur / 60000, dur / 1000 % 60);
	rc |= line_speakers(b, c, m);
	rc |= line_talk(b, c, m);
	buf_init(&un);
	if (calls_line_unmatched(&un, c, m) > 0)
		rc |= buf_printf(b, " · not matched: %s", un.data);
	buf_dispose(&un);
	rc |= line_attended(b, c, m);
	if (m->recording != NULL)
		rc |= buf_printf(b, " · recording: %s", m->recording);
	rc |= buf_printf(b, " · %s %s · hash:%016llx",
	    call_format_name(c->format), m->file, m->hash);
	return rc;
}
