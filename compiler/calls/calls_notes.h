/* SPDX-License-Identifier: MIT */
/*
 * calls_notes.h: a call's suggestions and its process line as Markdown,
 * and their place in the deal file (phase: calls).
 */
#ifndef HANDOFF_CALLS_NOTES_H
#define HANDOFF_CALLS_NOTES_H

#include <stddef.h>

struct buf;
struct call;
struct cues;
struct call_people;

struct call_deal;

/* How a timestamp links into the recording when handoff.yml says
 * nothing ('calls: { recording_link: ... }'). */
#define CALLS_LINK_DEFAULT	"{url}#t={seconds}"

struct call_meta {
	const char	*file;		/* transcript name as given */
	const char	*date;		/* YYYY-MM-DD */
	int		 day;		/* the same as a day number */
	const char	*recording;	/* URL or NULL */
	const char	*link;		/* '{url}', '{seconds}' pattern or NULL */
	const char	*deal_text;	/* the deal file (front matter: ae, csm) */
	const struct call_deal *deal;	/* read from it once, or NULL */
	const struct call_people *people;	/* the deal's AE, CSM, stakeholders */
	int		 date_order;	/* enum read_date_order of handoff.yml */
	unsigned long long hash;	/* content hash of the transcript */
};

/* FNV-1a 64 of the bytes: the call's identity in the deal file. */
unsigned long long calls_hash(const char *data, size_t len);
/*
 * The '## Calls' line of the call (no newline) into b (calls_line.c):
 * date, duration, who spoke (the deal's spelling, AE/CSM marked, the
 * unmatched listed), talk-time share per side, who else attended, the
 * recording, the format, the file and the content hash.  0 or -1.
 */
int	calls_notes_line(struct buf *b, const struct call *c,
	    const struct call_meta *m);
/* The speakers of c not matched to the deal's people, ", "-separated,
 * into b; how many. */
size_t	calls_line_unmatched(struct buf *b, const struct call *c,
	    const struct call_meta *m);
/* The suggestions grouped by class into b; the number written. */
size_t	calls_notes_suggest(struct buf *b, const struct call *c,
	    const struct cues *cues, const struct call_meta *m);
/*
 * The deal text with the call line under '# Process' / '## Calls' and
 * the notes at the end of '# Call notes' (both made when missing), into
 * out.  Every line of deal stays, in order.  0 or -1.
 */
int	calls_notes_merge(struct buf *out, const char *deal,
	    const char *line, const char *notes);

#endif
