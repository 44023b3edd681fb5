/* SPDX-License-Identifier: MIT */
/*
 * read_person.h: which person of the deal a name as written means: the
 * full name, a first name, a last name or initials ('Marisol', 'Vega',
 * 'MV', 'M.V.') against the AE, the CSM and the stakeholders.  Pure.
 */
#ifndef HANDOFF_READ_PERSON_H
#define HANDOFF_READ_PERSON_H

#include <stddef.h>

/* True when who can mean the person called full. */
int	read_person_matches(const char *who, const char *full);

/*
 * The people among names[0..n) that who can mean: their indexes into
 * idx (room for max), the count returned.  An exact full name (any case)
 * is the one match even when it is also someone's first name.
 */
size_t	read_person_candidates(const char *who, const char *const *names,
	    size_t n, size_t *idx, size_t max);

#endif
