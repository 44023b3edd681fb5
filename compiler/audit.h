/* SPDX-License-Identifier: MIT */
/*
 * audit.h: score the last N signed handoffs from git history, as the
 * seed's "audit your last 10 closed deals" asks: when each handoff first
 * became complete against its 48 h deadline, the handoff call, the time
 * to CS acknowledgement, the intro, the 30-day score, whether the CS
 * review accepted it the first time, and the patterns across deals.
 * Computes only; cmd_audit.c prints.
 */
#ifndef HANDOFF_AUDIT_H
#define HANDOFF_AUDIT_H

#include <stddef.h>

struct audit_seen;
struct session;
struct vcs;

#define AUDIT_SCORE_TARGET	8	/* 30-day feedback, out of 10 */
#define AUDIT_FIRST_TARGET	90	/* % accepted at the first review */

/* A count by name: a missing field, a rejection reason, a group. */
struct tally {
	char	*name;
	int	 n;		/* deals */
	int	 late;		/* of those: filled only after the deadline */
};

struct tallies {
	struct tally	*v;
	size_t		 n;
	size_t		 cap;
};

/* One audited deal. */
struct audit_deal {
	char		*id;
	char		*path;		/* repo path at HEAD */
	char		*ae;		/* AE name ("" unknown) */
	char		*segment;
	int		 signed_day;
	int		 deadline;	/* end of the 2nd business day */
	int		 complete_day;	/* first complete version; -1 never */
	int		 late_bd;	/* business days past the deadline */
	int		 versions;
	int		 call;		/* 0 none, 1 held, 2 recorded */
	int		 ack_day;	/* first accepted review; -1 none */
	int		 ack_bd;	/* business days after signature */
	int		 intro_day;	/* -1 not sent */
	int		 intro_due;	/* the timeline's due day */
	int		 score;		/* 30-day score; -1 none */
	int		 feedback_due;
	int		 reviews;	/* review decisions seen in history */
	int		 first_accepted;	/* -1 never reviewed, 0, 1 */
	char		 outcome[16];	/* renewed, expanded, churned, "" */
	int		 hscore;	/* handoff score 0-100 */
	int		 sig_percent;	/* completeness of the version in force
					 * at signature (else the first after);
					 * -1 unknown */
	int		 checks_met, checks_total;
	struct tallies	 gaps;		/* missing at the deadline */
	struct tallies	 reasons;	/* rejection reason codes */
	struct tallies	 head_gaps;	/* what the HEAD version still lacks,
					 * from the check that chose the deal
					 * (not checked a second time) */
	int		 head_gaps_ok;	/* head_gaps is known */
	struct audit_seen *head;	/* the rest of what that check saw
					 * (audit.c's own; NULL: not kept) */
};

/* The deals of one AE or one segment. */
struct audit_group {
	char		*name;
	int		 deals;
	int		 on_time;	/* complete by the deadline */
	int		 scored, score_sum;	/* 30-day scores */
	int		 reviewed, first_time;	/* CS reviews */
	int		 hscore_sum;
	struct tallies	 gaps;
};

struct audit_groups {
	struct audit_group	*v;
	size_t			 n;
	size_t			 cap;
};

struct audit {
	int		 today;
	struct audit_deal *deal;	/* newest signature first */
	size_t		 n;
	struct tallies	 gaps;		/* over all deals */
	struct tallies	 reasons;
	struct audit_groups by_ae;
	struct audit_groups by_segment;
};

/*
 * Audit the last n signed deals of deals/ at HEAD (n 0: all).  Every
 * version is checked as of its commit day.  0, or -1 on a git failure
 * (vcs_strerror()) or when out of memory.  Dispose with audit_dispose().
 */
int	audit_run(struct audit *a, const struct session *s, struct vcs *v,
	    size_t n);
void	audit_dispose(struct audit *a);

/* The band of a handoff score: "high" (>= 80), "mid" (>= 50), "low". */
const char *audit_band(int hscore);

#endif
