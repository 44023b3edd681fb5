/* SPDX-License-Identifier: MIT */
/*
 * calls_deal.h: what reading a call needs from the deal file, read once
 * per command (phase: calls): our people (AE and CSM of the front
 * matter) and the competitors the AE already named.
 */
#ifndef HANDOFF_CALLS_DEAL_H
#define HANDOFF_CALLS_DEAL_H

#include <stddef.h>

#define CALLS_MAX_COMPETITORS	32

struct call_deal {
	char	 ae[128];
	char	 csm[128];
	char	*competitor[CALLS_MAX_COMPETITORS];	/* names, malloc'd */
	size_t	 ncompetitors;
};

/*
 * Read the front-matter names and the names of the '## Competitors'
 * list ('Coursewise (cheaper, no LMS integration)' names Coursewise; an
 * item of more than three words before any '(' or ',' is a description,
 * not a name, and is skipped).  0, or -1 out of memory.
 */
int	calls_deal_read(struct call_deal *d, const char *deal_text);
void	calls_deal_dispose(struct call_deal *d);

#endif
