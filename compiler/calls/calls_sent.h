/* SPDX-License-Identifier: MIT */
/*
 * calls_sent.h: a call cut into sentences, each read, classified and
 * (when it is a commitment) given its owner and date once (phase:
 * calls).  The suggestions and the summary are written from this list.
 */
#ifndef HANDOFF_CALLS_SENT_H
#define HANDOFF_CALLS_SENT_H

#include <stddef.h>

#include "calls/calls.h"
#include "calls/calls_commit.h"

struct cues;

struct call_sent {
	size_t		 cue;		/* index into the call's cues */
	char		*text;		/* the sentence as said */
	unsigned	 mask;		/* 1 << enum cue_class */
	char		*owner_due;	/* ' (Owner, by DATE)' or NULL */
	char		*cbuf;		/* the content stems, NUL-separated */
	const char	**cw;		/* into cbuf */
	size_t		 ncw;
};

struct call_sents {
	struct call_sent	*v;
	size_t			 n, cap;
};

struct sents_ctx {
	const struct cues	*cues;
	const enum call_side	*side;		/* of each cue */
	const char *const	*competitor;	/* names the deal knows */
	size_t			 ncompetitors;
	struct commit_ctx	 commit;	/* its speaker is set per cue */
};

/* Next sentence of s from *pos: start and length; 0 at the end. */
int	calls_next_sentence(const char *s, size_t *pos, const char **out,
	    size_t *n);
/* Read every sentence of c into out; 0, or -1 out of memory. */
int	calls_sents_read(struct call_sents *out, const struct call *c,
	    const struct sents_ctx *x);
void	calls_sents_dispose(struct call_sents *s);

#endif
