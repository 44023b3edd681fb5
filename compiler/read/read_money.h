/* SPDX-License-Identifier: MIT */
/*
 * read_money.h: contract values and terms as people write them:
 * '$84k ARR', '€240.000 / Jahr', '240,000 EUR per year', 'USD 12,500/month',
 * '1.2M USD over 3 years'; terms '36 months', '3 years', '2 yrs'.  Pure:
 * the words come from schemas/read/money.txt.
 */
#ifndef HANDOFF_READ_MONEY_H
#define HANDOFF_READ_MONEY_H

#include <stddef.h>

struct read_money {
	char	 amount[32];	/* canonical decimal: "84000", "12500.5" */
	char	 currency[4];	/* ISO 4217 code */
	char	 per[8];	/* year, month, quarter, once, or "" */
	int	 over_months;	/* 'over 3 years': 36 (amount is per year) */
};

/*
 * Read s into *out: 0; 1 when it is not a value, with why saying what
 * was read and how to write it.
 */
int	read_money(const char *s, struct read_money *out, char *why,
	    size_t whylen);

/* A term ('36 months', '3 years', '2 yrs', 'two-year') in months into
 * *months: 0; 1 when s is not a term. */
int	read_term(const char *s, int *months);

#endif
