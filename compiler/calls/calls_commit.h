/* SPDX-License-Identifier: MIT */
/*
 * calls_commit.h: the owner and the due date of a commitment said on a
 * call (phase: calls), written as '(Owner, by DATE)' so that the
 * suggestion, once accepted, is a commitment the deal readers read.
 */
#ifndef HANDOFF_CALLS_COMMIT_H
#define HANDOFF_CALLS_COMMIT_H

#include <stddef.h>

struct cues_sent;

struct commit_ctx {
	const char	*speaker;	/* who said it, as the transcript has it */
	const char *const *vendor;	/* our people's full names (AE, CSM) */
	size_t		 nvendor;
	int		 call_day;	/* the day of the call (days since 1970) */
	int		 date_order;	/* enum read_date_order */
};

/*
 * The owner of the first promise in the sentence (the speaker for 'I
 * will' / 'we'll', a colleague named before 'will', by the deal's
 * spelling of the name; else the speaker) and the first due date from
 * there on (else anywhere in the sentence): a weekday, 'tomorrow', 'within two weeks' or 'next week'
 * counted from the call; a date the deal readers know ('by go-live',
 * 'Nov 16', '2 weeks after kickoff').  A date counted from a deal anchor
 * keeps its words (the readers resolve it against the deal); any other
 * becomes YYYY-MM-DD.  Writes ' (Owner, by DATE)', ' (Owner)', ' (by
 * DATE)' or "" into out.
 */
/* True when the sentence says a colleague of ours will do something
 * ('Priya will run a weekly check-in'), with no negation. */
int	calls_commit_by_colleague(const struct cues_sent *s,
	    const struct commit_ctx *x);
void	calls_commit_lift(const struct cues_sent *s, const struct commit_ctx *x,
	    char *out, size_t outlen);

#endif
