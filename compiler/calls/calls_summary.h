/* SPDX-License-Identifier: MIT */
/*
 * calls_summary.h: the extracted summary of a call (phase: calls): the
 * sentences a TextRank graph ranking puts first, in time order.  Pure:
 * the caller hands in each sentence's content words (stemmed, without
 * stopwords).
 */
#ifndef HANDOFF_CALLS_SUMMARY_H
#define HANDOFF_CALLS_SUMMARY_H

#include <stddef.h>

/* Most sentences in a summary. */
#define SUMMARY_MAX		5
/* Fewest distinct content words of a sentence worth ranking. */
#define SUMMARY_MIN_WORDS	3
/* Sentences ranked (a longer call is ranked over its first ones). */
#define SUMMARY_MAX_SENTS	20000u

/*
 * Rank the n sentences (sentence i has the content words
 * words[i][0..nw[i])) by TextRank and put the indices of the best max of
 * them, in ascending (time) order, into out.  A sentence that shares no
 * word with another is never picked.  Deterministic: equal scores go to
 * the earlier sentence.  The number put, or (size_t)-1 out of memory.
 */
size_t	calls_summary_pick(const char *const *const *words, const size_t *nw,
	    size_t n, size_t max, size_t *out);

/* How many sentences a summary of n rankable sentences has (at most
 * SUMMARY_MAX: one for every four sentences, at least one). */
size_t	calls_summary_size(size_t n);

#endif
