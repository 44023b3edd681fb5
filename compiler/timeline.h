/* SPDX-License-Identifier: MIT */
/*
 * timeline.h: calendar dates and business days.  A date is an int: days
 * since 1970-01-01 (proleptic Gregorian).  Business days skip Saturdays,
 * Sundays and the team's holidays.  The handoff timeline of the spec is a
 * table of steps with business-day offsets from the signature (day 0).
 */
#ifndef HANDOFF_TIMELINE_H
#define HANDOFF_TIMELINE_H

#include <stddef.h>

enum segment {
	SEGMENT_SMB,
	SEGMENT_MID_MARKET,
	SEGMENT_ENTERPRISE,
	SEGMENT__MAX
};

enum step_id {
	STEP_PACKAGE,		/* handoff package complete, CS acknowledges */
	STEP_CALL,		/* joint handoff call */
	STEP_MAPPING,		/* stakeholder mapping */
	STEP_METRICS,		/* success metrics reviewed with the client */
	STEP_INTRO,		/* warm client intro */
	STEP_FEEDBACK,		/* 30-day feedback */
	STEP_ESCALATION,	/* end of the AE escalation window */
	STEP__MAX
};

struct timeline_step {
	const char	*key;	/* stable: "package", "call", … (ICS UIDs) */
	const char	*title;	/* "Joint handoff call" */
	const char	*owner;	/* "AE + CSM" */
	const char	*done;	/* what "done" means */
	int		 from;	/* first business day after signature */
	int		 to;	/* due: last business day after signature */
};

struct timeline {
	struct timeline_step	 step[STEP__MAX];
};

/* Parse strict YYYY-MM-DD (a real calendar date) into *out; 0 or -1. */
int	date_parse(const char *s, int *out);
/* Format as YYYY-MM-DD into out (11 bytes). */
void	date_format(int day, char out[11]);
/* Day of week, 0 = Monday … 6 = Sunday. */
int	date_weekday(int day);
/* The date for year/month/day, or -1 when there is no such date. */
int	date_from_ymd(int y, int m, int d);
void	date_to_ymd(int day, int *y, int *m, int *d);

/* The segment for a name; -1 when unknown. */
int	segment_from_name(const char *name);
const char *segment_name(enum segment s);

/* Fill *t with the spec's default timeline for segment s. */
void	timeline_default(struct timeline *t, enum segment s);
/* True when day is a business day (holidays sorted, n of them). */
int	timeline_is_business_day(int day, const int *holidays, size_t n);
/* The n-th business day after day (n >= 0; n == 0 gives day itself
 * moved forward to a business day). */
int	timeline_add_business_days(int day, int n, const int *holidays,
	    size_t nholidays);
/* Business days from a to b (0 when b <= a). */
int	timeline_business_days_between(int a, int b, const int *holidays,
	    size_t nholidays);

#endif
