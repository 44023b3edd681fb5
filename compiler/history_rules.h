/* SPDX-License-Identifier: MIT */
/*
 * history_rules.h: the rules a commit was made under.  A team changes
 * its schema, playbooks and handoff.yml over time; a version of a deal
 * is judged by the ones in force in its own commit, not by today's
 * (making 'renewal' required in March must not re-score a handoff that
 * was on time in January).  The rule sets seen are kept open, keyed by
 * a hash of their files, so a history of a thousand commits that share
 * three rule sets loads three schemas.
 */
#ifndef HANDOFF_HISTORY_RULES_H
#define HANDOFF_HISTORY_RULES_H

#include <stdint.h>

#include "session.h"

struct vcs;

#define RULES_KEEP	16	/* rule sets kept open at once */

struct rules_set {
	uint64_t	 key;		/* XXH3 of the rule files' names+bytes */
	struct session	 s;
};

struct rules_cache {
	const struct session	*now;	/* the work tree's rules (fallback) */
	struct vcs		*v;
	char			 prefix[4096];	/* the team repo in v: "cs/" */
	int			 prefix_bad;	/* it could not be found */
	uint64_t		 now_key;
	int			 now_known;	/* now_key computed */
	struct rules_set	 set[RULES_KEEP];
	size_t			 n;
	size_t			 next;	/* slot reused when full */
	unsigned		 fallbacks;	/* commits judged by today's rules */
};

/* Start a cache over repository v with the session of the work tree
 * (whose root, the team repo, may be a folder of v's work tree). */
void	history_rules_init(struct rules_cache *rc, const struct session *now,
	    struct vcs *v);
void	history_rules_dispose(struct rules_cache *rc);

/*
 * The session holding the rules of commit (a full id; "" or NULL: the
 * work tree's), valid until the next call.  A commit whose rules cannot
 * be read or loaded (a broken handoff.yml in an old commit) is judged by
 * today's rules and counted in rc->fallbacks.  Never NULL.
 */
const struct session	*history_rules_at(struct rules_cache *rc,
			    const char *commit);

#endif
