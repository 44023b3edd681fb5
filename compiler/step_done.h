/* SPDX-License-Identifier: MIT */
/*
 * step_done.h: whether a timeline step is done (see step_done.c).
 */
#ifndef HANDOFF_STEP_DONE_H
#define HANDOFF_STEP_DONE_H

struct model;

/* True when step s (enum step) of the deal in m is done as of today;
 * due is the step's due day (-1: unknown). */
int	step_done(const struct model *m, int s, int due, int today);

#endif
