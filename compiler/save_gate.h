/* SPDX-License-Identifier: MIT */
/*
 * save_gate.h: what saving a handoff (commit, the pre-commit and the
 * pre-receive hook) refuses.  Saving progress is never blocked: a file
 * that is WRONG (unreadable, an invalid value, a placeholder, a header
 * injection, a leak) is refused; a file that is merely NOT FINISHED
 * (below the completeness threshold, a required field still empty, past
 * its deadline) is saved with warnings.  A signed deal that LOSES a
 * required field it had in the last saved version is wrong.  Completeness
 * gates belong to 'check' (the CI job), 'status' and 'build'; a team sets
 * 'commit: { require_complete: true }' in handoff.yml to gate saves too.
 */
#ifndef HANDOFF_SAVE_GATE_H
#define HANDOFF_SAVE_GATE_H

#include "diag.h"
#include "validate.h"

/* True when rule only says the handoff is not finished yet. */
int	save_gate_unfinished(enum rule_id rule);

/*
 * Turn the not-finished errors of dl into warnings.  before (NULL: no
 * earlier version) holds the diagnostics of the last saved version and
 * before_signed whether it was a signed deal: a field error of a signed
 * deal that the earlier version did not have stays an error (the field
 * was lost).  With strict nothing changes but the one rule saving adds:
 * a placeholder is an error at every stage.
 */
void	save_gate_apply(struct diag_list *dl, const struct diag_list *before,
	    int before_signed, const struct verdict *now, int strict);

/* Add the 'STAGE, N% complete (…); handoff due by end of DAY' note. */
void	save_gate_summary(struct diag_list *dl, const char *file,
	    struct verdict *v);

#endif
