/* SPDX-License-Identifier: MIT */
/*
 * read_date.h: read a date the way people write it.  Absolute forms
 * (2026-11-16, Nov 16 2026, 16 Nov 2026, November 16, 2026, 16.11.2026,
 * 2026/11/16, 11/16/2026), a day with no year (Nov 16), the end of a
 * quarter, month or year, and dates relative to the deal's anchors
 * (by go-live, 10 business days after signature, day 30, by month 3).
 * Pure: the words come from schemas/read/dates.txt, the anchors from the
 * caller.
 */
#ifndef HANDOFF_READ_DATE_H
#define HANDOFF_READ_DATE_H

#include <stddef.h>

enum read_date_order {
	READ_ORDER_NONE,	/* 03/04/2027 is ambiguous */
	READ_ORDER_DMY,
	READ_ORDER_MDY
};

enum read_date_kind {
	READ_DATE_DAY,		/* a day: day */
	READ_DATE_NOYEAR,	/* month, mday: the next one after a base */
	READ_DATE_RELATIVE	/* anchor + n units */
};

struct read_date {
	enum read_date_kind	 kind;
	int			 day;		/* READ_DATE_DAY */
	int			 month, mday;	/* READ_DATE_NOYEAR */
	char			 anchor[16];	/* "signed", "start", "go-live" */
	int			 n;		/* signed count of units */
	char			 unit;		/* d, b, w, m or y */
	int			 period;	/* 'end of Q1 2027', 'March 2027':
						 * a day, but worth keeping as
						 * written */
};

/* The deal's anchors (day numbers, -1 when not known yet). */
struct read_anchors {
	int		 signed_day;
	int		 start;
	int		 go_live;
	int		 today;
	const int	*holidays;	/* sorted */
	size_t		 nholidays;
};

/*
 * Read s into *out.  0 when it is a date; 1 when not, with why (whylen
 * bytes) saying what was read and how to write it ("'03/04/2027' could
 * be 3 April or March 4 …").
 */
int	read_date(const char *s, enum read_date_order order,
	    struct read_date *out, char *why, size_t whylen);

/*
 * The day rd means for these anchors into *day: 0; 1 when it counts
 * from an anchor that is not known (its field name in *missing).
 * A day with no year is the next such day on or after the signature,
 * or after today when there is no signature yet.
 */
int	read_date_resolve(const struct read_date *rd,
	    const struct read_anchors *a, int *day, const char **missing);

/* True when s starts with a cue word ('by', 'due', 'within', 'at'), so
 * that a writer does not put another 'by' in front. */
int	read_date_has_cue(const char *s);

/* True when s is strict YYYY-MM-DD (what the canonical tree holds). */
int	read_date_is_iso(const char *s);

/* day + n months, the day of the month clamped (Jan 31 + 1 = Feb 28). */
int	read_date_add_months(int day, int n);

#endif
