/* SPDX-License-Identifier: MIT */
/*
 * outbox.h: the messages the events call for (deliver/events.h), made
 * but not sent: each e-mail rendered from the deal as of the event's
 * commit, each chat note as JSON, each with its deterministic key
 * DEAL/EVENT/VERSION/CHANNEL for the ledger.  cmd_send.c sends them.
 */
#ifndef HANDOFF_OUTBOX_H
#define HANDOFF_OUTBOX_H

#include <stddef.h>

#include "buf.h"

struct diag_list;
struct events;
struct ledger_sent;
struct session;
struct templates;
struct vcs;

#define OUTBOX_MAX_AGE	14	/* days: older history events are not sent */
#define OUTBOX_RCPT	16

enum outbox_channel { OUT_MAIL, OUT_SLACK, OUT_TEAMS };

struct outbox_msg {
	char			*key;		/* deal/event/version/channel */
	enum outbox_channel	 channel;
	const char		*what;		/* "notice", "reminder", ... */
	char			*from;		/* envelope sender (mail) */
	char			*rcpt[OUTBOX_RCPT];	/* envelope recipients */
	size_t			 nrcpt;
	char			*to;		/* for people: "a@b, c@d" */
	struct buf		 body;		/* the .eml or the JSON */
};

struct outbox {
	struct outbox_msg	*v;
	size_t			 n;
	size_t			 cap;
	size_t			 too_old;	/* events left out by age */
	size_t			 failed;	/* messages that did not render */
	size_t			 done;		/* sent before: not rendered */
};

/* Which channels are set up, and whether the intro may go. */
struct outbox_opts {
	int	 mail;
	int	 slack, slack_shared;
	int	 teams, teams_shared;
	int	 intro;		/* --intro */
	const struct ledger_sent *sent;	/* skip these keys (may be NULL) */
};

/*
 * Make the messages for the events l that o->sent does not hold: an
 * event whose messages were all sent before is not even read from git,
 * so a rerun costs the events, not a render of every message (those
 * count in ob->done).  A message that does not render
 * (a header injection, no CSM) adds its diagnostics to dl and counts in
 * ob->failed; the rest go on.  0, or -1 (git failure or out of memory).
 */
int	outbox_build(struct outbox *ob, const struct session *s, struct vcs *v,
	    const struct templates *t, const struct events *l,
	    const struct outbox_opts *o, struct diag_list *dl);
void	outbox_dispose(struct outbox *ob);

#endif
