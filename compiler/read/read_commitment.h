/* SPDX-License-Identifier: MIT */
/*
 * read_commitment.h: lift who promised a commitment, by when, and whether
 * it is done out of the words of the item, wherever they are:
 * '(Who, by DATE)', '— promised by Who', 'Who to deliver …', 'owner: Who',
 * 'by DATE' / 'due DATE' / a relative date, '(done)' / '✓'.  What was
 * lifted out leaves the text; every other word stays.  Pure: the cue
 * words come from schemas/read/commitments.txt, the people from the
 * caller.
 */
#ifndef HANDOFF_READ_COMMITMENT_H
#define HANDOFF_READ_COMMITMENT_H

#include <stddef.h>

#include "read/read_date.h"

struct read_commitment {
	char	*text;		/* malloc'd: the AE's words, minus the lifted */
	char	*who;		/* malloc'd or NULL: as written ('Kwame') */
	char	*due;		/* malloc'd or NULL: as written ('by go-live') */
	int	 done;
};

/*
 * Read one item whose parts a front end may already have split (who and
 * due may be NULL).  people[0..n) are the deal's names, so that 'Marisol
 * to deliver …' is only read as a person when Marisol is one.  0, or -1
 * out of memory.  Free with read_commitment_free().
 */
int	read_commitment(const char *text, const char *who, const char *due,
	    const char *const *people, size_t npeople,
	    enum read_date_order order, struct read_commitment *out);
void	read_commitment_free(struct read_commitment *rc);

#endif
