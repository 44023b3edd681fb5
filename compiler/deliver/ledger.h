/* SPDX-License-Identifier: MIT */
/*
 * ledger.h: what 'handoff send' has sent, kept in git: the file "sent"
 * in a commit of its own under refs/handoff/sent, one line per message.
 * Every change is a new commit and a compare-and-swap of the ref
 * (vcs_note_write), so two senders on one repository never both claim a
 * message, and the ledger's history is the send log.  A message is
 * claimed (pending) before it goes out and confirmed (sent) after.
 */
#ifndef HANDOFF_LEDGER_H
#define HANDOFF_LEDGER_H

#include <stddef.h>

#include "vcs.h"

#define LEDGER_REF	"refs/handoff/sent"
#define LEDGER_LEASE	900	/* seconds a live sender's claim holds */

enum ledger_state { LEDGER_PENDING, LEDGER_SENT, LEDGER_FAILED };

struct ledger_entry {
	char		*key;		/* deal/event/version/channel */
	enum ledger_state state;
	int		 attempts;
	long long	 time;		/* of the last change */
	long long	 next;		/* failed: not before this time */
	char		*owner;		/* pending: host:pid of the sender */
	char		*error;		/* failed: the reason, one line */
};

/* What ledger_claim found. */
enum ledger_claim {
	LEDGER_CLAIMED,		/* ours now: send it */
	LEDGER_TAKEN_OVER,	/* a crashed sender's claim: maybe sent once */
	LEDGER_DONE,		/* already sent */
	LEDGER_BUSY,		/* another live sender holds it */
	LEDGER_WAIT		/* failed before; backing off until *next */
};

/*
 * Claim key for this process (owner "host:pid") at time now.  The entry
 * found is described in *attempts (earlier attempts) and *next (for
 * LEDGER_WAIT); err (errsz bytes) gets the last error for WAIT.  Returns
 * an enum ledger_claim, or -1 (vcs_strerror(), or out of memory).
 */
int	ledger_claim(struct vcs *v, const char *key, long long now,
	    int *attempts, long long *next, char *err, size_t errsz);
/* Mark key sent.  0 or -1. */
int	ledger_confirm(struct vcs *v, const char *key, long long now);
/*
 * Mark key failed with a one-line reason; the next attempt is due after
 * a backoff that doubles with each attempt (5 minutes, 10, 20, ... at
 * most 6 hours), returned in *next.  0 or -1.
 */
int	ledger_fail(struct vcs *v, const char *key, long long now,
	    const char *error, long long *next);
/*
 * The keys the ledger marks sent, read once: what a run need not even
 * render.  Sent is final, so a key sent in this snapshot stays sent; a
 * key not in it still goes through ledger_claim.  Returns 0 with *out
 * (free with ledger_sent_free; empty when there is no ledger yet), or -1.
 */
struct ledger_sent;
int	ledger_sent_load(struct ledger_sent **out, struct vcs *v);
/* True when key is in the snapshot (s may be NULL: nothing is). */
int	ledger_sent_has(const struct ledger_sent *s, const char *key);
void	ledger_sent_free(struct ledger_sent *s);
/* The backoff after the n-th failed attempt, in seconds. */
long long ledger_backoff(int attempts);

#endif
