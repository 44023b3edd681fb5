/* SPDX-License-Identifier: MIT */
/*
 * web_info.c: what a deal's page and its index row both need: the
 * timeline's due dates and statuses (the same rules as the PDF's), the
 * deal's state for the index (overdue, due soon, accepted, rejected, in
 * progress) and small helpers for text and the completeness bar.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "model.h"
#include "render.h"
#include "timeline.h"
#include "validate.h"
#include "render_words.h"
#include "web/html_out.h"
#include "web/web.h"

void
web_bar(struct buf *b, int pct)
{
	if (pct < 0)
		pct = 0;
	if (pct > 100)
		pct = 100;
	buf_printf(b, "<svg class=\"bar\" width=\"80\" height=\"10\" "
	    "viewBox=\"0 0 80 10\" role=\"img\" aria-label=\"%d %% complete\">"
	    "<rect class=\"track\" width=\"80\" height=\"10\" rx=\"3\"/>"
	    "<rect class=\"%s\" width=\"%d\" height=\"10\" rx=\"3\"/></svg>"
	    "<span class=\"pct\">%d %%</span>", pct, pct >= 100 ? "full" : "fill",
	    pct * 80 / 100, pct);
}

static int
has_eb_and_primary(const xmlNode *root)
{
	xmlNodePtr	 st, ro;
	int		 eb = 0, prim = 0;
	const char	*p;

	for (st = model_find_from(root, "relationships/stakeholder");
	    st != NULL; st = model_next(st, "stakeholder")) {
		for (ro = model_child(st, "role"); ro != NULL;
		    ro = model_next(ro, "role"))
			if (strcmp(model_text(ro), "economic-buyer") == 0)
				eb = 1;
		p = model_attr(st, "primary");
		if (p != NULL && strcmp(p, "true") == 0 &&
		    *rw_txt(st, "email") != '\0')
			prim = 1;
	}
	return eb && prim;
}

/* Is step s done, from the process record?  As render_pdf.c decides. */
static int
step_done(const struct web_info *wi, int s)
{
	const struct model	*m = wi->rc->m;

	switch (s) {
	case STEP_PACKAGE:
		return strcmp(model_get(m, "process/review/decision"),
		    "accepted") == 0;
	case STEP_CALL:
		return *model_get(m, "process/handoff-call/date") != '\0';
	case STEP_MAPPING:
		return has_eb_and_primary(model_root(m));
	case STEP_INTRO:
		return *model_get(m, "process/intro-sent") != '\0';
	case STEP_FEEDBACK:
		return *model_get(m, "process/feedback/score") != '\0';
	case STEP_ESCALATION:
		return wi->due[s] >= 0 && wi->rc->today > wi->due[s];
	default:
		return 0;
	}
}

static void
deal_state(struct web_info *wi)
{
	const struct verdict	*v = wi->rc->v;
	const char		*dec;

	dec = model_get(wi->rc->m, "process/review/decision");
	wi->state = "progress";
	wi->state_label = v != NULL && v->stage == STAGE_SIGNED ?
	    "In progress" : "Pre-close";
	if (strcmp(dec, "accepted") == 0) {
		wi->state = "accepted";
		wi->state_label = "Accepted";
	} else if (strcmp(dec, "rejected") == 0) {
		wi->state = "rejected";
		wi->state_label = "Rejected";
	} else if (v != NULL && v->overdue) {
		wi->state = "overdue";
		wi->state_label = "Overdue";
	} else if (v != NULL && v->deadline >= 0 && !validate_is_complete(v) &&
	    v->deadline - wi->rc->today <= 1) {
		wi->state = "soon";
		wi->state_label = "Due soon";
	} else if (v != NULL && validate_is_complete(v) && v->stage == STAGE_SIGNED) {
		wi->state_label = "Complete, awaiting CS review";
	}
}

void
web_info_init(struct web_info *wi, const struct render_ctx *rc)
{
	const struct config	*c = rc->c;
	int			 s, d;

	memset(wi, 0, sizeof(*wi));
	wi->rc = rc;
	wi->deal = model_find(rc->m, "deal");
	wi->signed_day = -1;
	if (rc->v != NULL && rc->v->signed_day >= 0)
		wi->signed_day = rc->v->signed_day;
	else if (date_parse(rw_txt(wi->deal, "signed"), &d) == 0)
		wi->signed_day = d;
	wi->tl = config_timeline(c, rw_txt(wi->deal, "segment"));
	wi->next = -1;
	for (s = 0; s < STEP__MAX; s++) {
		wi->due[s] = -1;
		if (wi->signed_day >= 0)
			wi->due[s] = timeline_add_business_days(wi->signed_day,
			    wi->tl->step[s].to, c->holidays, c->nholidays);
		if (step_done(wi, s))
			wi->status[s] = "done";
		else if (wi->due[s] < 0)
			wi->status[s] = "pending";
		else if (rc->today > wi->due[s])
			wi->status[s] = "overdue";
		else
			wi->status[s] = "due";
		if (wi->next < 0 && strcmp(wi->status[s], "done") != 0)
			wi->next = s;
	}
	deal_state(wi);
}
