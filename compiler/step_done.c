/* SPDX-License-Identifier: MIT */
/*
 * step_done.c: whether a timeline step is done, from what the deal's
 * process record says (the review, the handoff call, intro sent, the
 * 30-day feedback).  One answer for the PDF, the calendar and the
 * e-mails, so no output calls a step open that another calls done.
 */
#include <string.h>

#include <libxml/tree.h>

#include "model.h"
#include "step_done.h"
#include "timeline.h"

/* Is step s done, from what the process record says? */
int
step_done(const struct model *m, int s, int due, int today)
{
	xmlNodePtr	 root = model_root(m), st, ro;
	int		 eb = 0, prim = 0;

	switch (s) {
	case STEP_PACKAGE:
		return strcmp(model_get(m, "process/review/decision"),
		    "accepted") == 0;
	case STEP_CALL:
		return *model_get(m, "process/handoff-call/date") != '\0';
	case STEP_MAPPING:
		for (st = model_find_from(root, "relationships/stakeholder");
		    st != NULL; st = model_next(st, "stakeholder")) {
			for (ro = model_child(st, "role"); ro != NULL;
			    ro = model_next(ro, "role"))
				if (strcmp(model_text(ro), "economic-buyer") == 0)
					eb = 1;
			if (model_attr(st, "primary") != NULL &&
			    strcmp(model_attr(st, "primary"), "true") == 0 &&
			    *model_text(model_find_from(st, "email")) != '\0')
				prim = 1;
		}
		return eb && prim;
	case STEP_INTRO:
		return *model_get(m, "process/intro-sent") != '\0';
	case STEP_FEEDBACK:
		return *model_get(m, "process/feedback/score") != '\0';
	case STEP_ESCALATION:
		return due >= 0 && today > due;
	default:
		return 0;
	}
}

