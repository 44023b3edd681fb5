/* SPDX-License-Identifier: MIT */
/*
 * save_gate.c: saving refuses what is wrong, never what is unfinished
 * (see save_gate.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "save_gate.h"
#include "timeline.h"

int
save_gate_unfinished(enum rule_id rule)
{
	switch (rule) {
	case RULE_REQUIRED_FIELD:
	case RULE_PLAYBOOK_FIELD:
	case RULE_STAKEHOLDER_EMAIL:
	case RULE_ECONOMIC_BUYER:
	case RULE_PRIMARY_CONTACT:
	case RULE_CHAMPION:
	case RULE_METRIC_TARGET:
	case RULE_COMPLETENESS:
	case RULE_OVERDUE:
		return 1;
	default:
		return 0;
	}
}

/* True when the rule is about one field being there at all. */
static int
gate_field_rule(enum rule_id rule)
{
	return rule != RULE_COMPLETENESS && rule != RULE_OVERDUE;
}

/* True when l holds a diagnostic of rule with message msg. */
static int
gate_has(const struct diag_list *l, enum rule_id rule, const char *msg)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].rule == rule && strcmp(l->v[i].msg, msg) == 0)
			return 1;
	return 0;
}

/* Say in the message why an unfinished field still refuses the save. */
static void
gate_mark_lost(struct diag *d)
{
	static const char why[] = " (the last committed version had it: "
	    "a signed deal may not lose a required field)";
	size_t	 n;
	char	*msg;

	n = strlen(d->msg) + sizeof(why);
	if ((msg = malloc(n)) == NULL)
		return;		/* the plain message still refuses */
	snprintf(msg, n, "%s%s", d->msg, why);
	free(d->msg);
	d->msg = msg;
}

void
save_gate_apply(struct diag_list *dl, const struct diag_list *before,
    int before_signed, const struct verdict *now, int strict)
{
	struct diag	*d;
	size_t		 i;

	/* 'csm: TBD' is wrong at any stage: a draft may leave a field
	 * empty, never fill it with a placeholder. */
	for (i = 0; i < dl->n; i++)
		if (dl->v[i].rule == RULE_PLACEHOLDER)
			dl->v[i].sev = SEV_ERROR;
	if (strict)
		return;
	for (i = 0; i < dl->n; i++) {
		d = &dl->v[i];
		if (d->sev != SEV_ERROR || !save_gate_unfinished(d->rule))
			continue;
		/* A signed deal that had this field in its last version. */
		if (before != NULL && before_signed &&
		    now->stage == STAGE_SIGNED && gate_field_rule(d->rule) &&
		    !gate_has(before, d->rule, d->msg)) {
			gate_mark_lost(d);
			continue;
		}
		d->sev = SEV_WARNING;
	}
}

void
save_gate_summary(struct diag_list *dl, const char *file, struct verdict *v)
{
	char	 when[11];

	/* Count what the front end found too, not only the validator. */
	v->errors = diag_list_count(dl, SEV_ERROR);
	v->warnings = diag_list_count(dl, SEV_WARNING);
	if (v->stage == STAGE_SIGNED && v->deadline >= 0) {
		date_format(v->deadline, when);
		diag_add(dl, diag_pos_line(file, 0), RULE_DEADLINE,
		    "%s, %d%% complete (%zu error%s, %zu warning%s); "
		    "handoff due by end of %s%s", validate_stage_name(v->stage),
		    v->percent, v->errors, v->errors == 1 ? "" : "s",
		    v->warnings, v->warnings == 1 ? "" : "s", when,
		    v->overdue ? " (overdue)" : "");
	} else
		diag_add(dl, diag_pos_line(file, 0), RULE_DEADLINE,
		    "%s, %d%% complete (%zu error%s, %zu warning%s)",
		    validate_stage_name(v->stage), v->percent, v->errors,
		    v->errors == 1 ? "" : "s", v->warnings,
		    v->warnings == 1 ? "" : "s");
}
