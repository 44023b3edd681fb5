/* SPDX-License-Identifier: MIT */
/*
 * calls_people.h: who spoke on a call, matched to the deal's people (the
 * AE, the CSM, the stakeholders) by e-mail, full name or first name,
 * case- and accent-insensitively (phase: calls).
 */
#ifndef HANDOFF_CALLS_PEOPLE_H
#define HANDOFF_CALLS_PEOPLE_H

#include <stddef.h>

#include "calls/calls.h"

struct call_person {
	char		*name;		/* as the deal spells it */
	char		*key;		/* the name folded (case, accents) */
	char		*email;		/* lower case; "" when none */
	const char	*role;		/* "AE", "CSM" or "stakeholder" */
	enum call_side	 side;
};

struct call_people {
	struct call_person	*v;
	size_t			 n;
	char			*domain;	/* our e-mail domain (AE, CSM), or "" */
};

/*
 * The people of the deal file (file names it; text is its content).  A
 * deal that cannot be read gives no people.  0, or -1 out of memory.
 */
int	calls_people_load(struct call_people *p, const char *file,
	    const char *text, size_t len);
void	calls_people_dispose(struct call_people *p);
/*
 * The person a speaker of call c is (by the e-mail of its Gong party, its
 * full name, or its first name when only one person has it), or NULL.
 */
const struct call_person *calls_people_match(const struct call_people *p,
	    const struct call *c, const char *speaker);
/* The side of a speaker: the person's, else by e-mail domain or Gong's
 * affiliation, else SIDE_UNKNOWN. */
enum call_side calls_people_side(const struct call_people *p,
	    const struct call *c, const char *speaker);
/* The name to show for a speaker: the deal's spelling when matched. */
const char *calls_people_name(const struct call_people *p,
	    const struct call *c, const char *speaker);

#endif
