/* SPDX-License-Identifier: MIT */
/*
 * events.h: what happened to the deals and what is due, derived from git
 * history and today's date only (no database of its own): a deal became
 * signed (Day 0), was accepted or rejected by the CS review, its handoff
 * is due tomorrow or overdue, the intro or the 30-day feedback is due, a
 * commitment is due this week.  Computes only; cmd_events.c prints and
 * deliver/ sends.
 */
#ifndef HANDOFF_EVENTS_H
#define HANDOFF_EVENTS_H

#include <stddef.h>

struct session;
struct vcs;

enum event_kind {
	EV_SIGNED,		/* Day 0: the deal became signed */
	EV_ACCEPTED,		/* the CS review accepted the handoff */
	EV_REJECTED,		/* the CS review rejected it (detail: reason) */
	EV_DUE_TOMORROW,	/* incomplete, deadline the next business day */
	EV_OVERDUE,		/* incomplete past the deadline */
	EV_INTRO_DUE,		/* the intro window opened, not sent yet */
	EV_FEEDBACK_DUE,	/* the 30-day feedback is due, no score yet */
	EV_COMMITMENT_DUE,	/* an open commitment is due within 7 days */
	EV_INTRO_APPROVED,	/* '## Intro sent' was recorded: approved */
	EV__MAX
};

struct event {
	enum event_kind	 kind;
	char		*deal;		/* deal id ("nordlicht-energie") */
	char		*path;		/* repo path of the deal file */
	char		*version;	/* short commit id, or the due date */
	char		*detail;	/* reason, commitment text, or "" */
	char		*commit;	/* full id of the commit it comes from */
	int		 day;		/* when it happened or is due */
};

struct events {
	struct event	*v;
	size_t		 n;
	size_t		 cap;
};

/*
 * Collect the events of every deal in deals/ at HEAD, in deal order and
 * then by day.  History events (signed, accepted, rejected) come from
 * commits not reachable from since (NULL: all history); date events are
 * as of s->today.  0, VCS_ENOTFOUND for an unknown since, or -1 (git
 * failure: vcs_strerror(), or out of memory).  Dispose with
 * events_dispose().
 */
int		 events_collect(struct events *out, const struct session *s,
		    struct vcs *v, const char *since);
void		 events_dispose(struct events *l);
/* "signed", "accepted", "rejected", "due-tomorrow", "overdue",
 * "intro-due", "feedback-due", "commitment-due", "intro-approved". */
const char	*events_kind_name(enum event_kind k);

#endif
