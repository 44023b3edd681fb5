/* SPDX-License-Identifier: MIT */
/*
 * read_resolve.h: the pass after either front end that turns every date
 * the AE wrote in a human form into YYYY-MM-DD in the canonical tree.  A
 * date counted from the deal keeps the words in written="…"; one whose
 * anchor is not known yet is left empty (the validator warns).  It runs
 * on the Markdown and the XML front end alike, so that both give the same
 * tree.  Unreadable dates are left as written: the validator explains.
 */
#ifndef HANDOFF_READ_RESOLVE_H
#define HANDOFF_READ_RESOLVE_H

struct config;
struct model;

/* Resolve m's dates for the team's config (date order, holidays) and
 * today.  0, or -1 out of memory. */
int	read_resolve(struct model *m, const struct config *c, int today);

#endif
