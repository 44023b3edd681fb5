/* SPDX-License-Identifier: MIT */
/* test_read_date.c: dates as people write them, relative dates, and every
 * ambiguous or invalid form the reader must refuse with a reason. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "read/read_date.h"
#include "timeline.h"

static int
iso(const char *s)
{
	int	 d = -1;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* Read s (no anchors but signed 2026-11-16) and return the day. */
static int
rd_at(const char *s, enum read_date_order o, const struct read_anchors *a)
{
	struct read_date	 rd;
	char			 why[400];
	const char		*missing;
	int			 day = -1;

	if (read_date(s, o, &rd, why, sizeof(why)) != 0)
		fail_msg("'%s' refused: %s", s, why);
	assert_int_equal(read_date_resolve(&rd, a, &day, &missing), 0);
	return day;
}

static struct read_anchors
anchors(void)
{
	struct read_anchors	 a;

	memset(&a, 0, sizeof(a));
	a.signed_day = iso("2026-11-16");
	a.start = iso("2026-12-01");
	a.go_live = iso("2027-01-11");
	a.today = iso("2026-12-02");
	return a;
}

/* The refusal text for s, asserting that it is refused. */
static const char *
refused(const char *s, enum read_date_order o)
{
	static char		 why[400];
	struct read_date	 rd;

	assert_int_equal(read_date(s, o, &rd, why, sizeof(why)), 1);
	assert_true(strlen(why) > 0);
	return why;
}

static void
test_read_date__absolute_forms(void **state)
{
	static const char *const same[] = { "2026-11-16", "Nov 16, 2026",
	    "16 Nov 2026", "November 16, 2026", "16.11.2026", "2026/11/16",
	    "nov 16 2026", "16. November 2026", "Nov. 16th, 2026",
	    "11/16/2026", "16/11/2026", "16-11-2026", "by Nov 16, 2026",
	    "due 2026-11-16", "16 novembre 2026", "16. Nov. 2026", NULL };
	struct read_anchors	 a = anchors();
	size_t			 i;

	(void)state;
	for (i = 0; same[i] != NULL; i++)
		assert_int_equal(rd_at(same[i], READ_ORDER_NONE, &a),
		    iso("2026-11-16"));
	assert_int_equal(rd_at("3 März 2027", READ_ORDER_NONE, &a),
	    iso("2027-03-03"));
	assert_int_equal(rd_at("2024-02-29", READ_ORDER_NONE, &a),
	    iso("2024-02-29"));
}

/* The forms European and CRM-exporting AEs write: weekdays, ordinals,
 * '16-Nov-2026', an ISO datetime, French and German month names. */
static void
test_read_date__eu_and_crm_forms(void **state)
{
	static const char *const same[] = { "16-Nov-2026",
	    "Mon, Nov 16, 2026", "Monday 16 November 2026",
	    "2026-11-16T10:00:00Z", "2026-11-16T10:00+01:00",
	    "2026-11-16 (Monday)", "November 16th, 2026", "16th Nov 2026",
	    "lundi 16 novembre 2026", "Montag, 16. November 2026", NULL };
	struct read_anchors	 a = anchors();
	size_t			 i;

	(void)state;
	for (i = 0; same[i] != NULL; i++)
		assert_int_equal(rd_at(same[i], READ_ORDER_NONE, &a),
		    iso("2026-11-16"));
	assert_int_equal(rd_at("March 1st, 2027", READ_ORDER_NONE, &a),
	    iso("2027-03-01"));
	assert_int_equal(rd_at("1er mars 2027", READ_ORDER_NONE, &a),
	    iso("2027-03-01"));
	assert_int_equal(rd_at("15 janvier 2027", READ_ORDER_NONE, &a),
	    iso("2027-01-15"));
	assert_int_equal(rd_at("4. Dezember 2026", READ_ORDER_NONE, &a),
	    iso("2026-12-04"));
	/* Still refused: a weekday that is not the day's, a weekday alone,
	 * a time that is not one, a middle that is not a month. */
	assert_non_null(strstr(refused("Tue, Nov 16, 2026", READ_ORDER_NONE),
	    "says Tuesday, but that day is a Monday"));
	refused("Monday", READ_ORDER_NONE);
	refused("2026-11-16T99", READ_ORDER_NONE);
	refused("16-Foo-2026", READ_ORDER_NONE);
	refused("16-Nov-2026-01", READ_ORDER_NONE);
	refused("Mon, Feb 30, 2026", READ_ORDER_NONE);
	refused("2026th Nov", READ_ORDER_NONE);
	refused("Monday 03/04/2027", READ_ORDER_NONE);
}

static void
test_read_date__no_year_is_next_after_signature(void **state)
{
	struct read_anchors	 a = anchors();

	(void)state;
	assert_int_equal(rd_at("Jan 11", READ_ORDER_NONE, &a),
	    iso("2027-01-11"));
	assert_int_equal(rd_at("Dec 1", READ_ORDER_NONE, &a),
	    iso("2026-12-01"));
	assert_int_equal(rd_at("Nov 16", READ_ORDER_NONE, &a),
	    iso("2026-11-16"));
	assert_int_equal(rd_at("Nov 15", READ_ORDER_NONE, &a),
	    iso("2027-11-15"));
	assert_int_equal(rd_at("16.11.", READ_ORDER_NONE, &a),
	    iso("2026-11-16"));
	/* Before signature: the next such day after today. */
	a.signed_day = -1;
	assert_int_equal(rd_at("Nov 16", READ_ORDER_NONE, &a),
	    iso("2027-11-16"));
	assert_int_equal(rd_at("Dec 24", READ_ORDER_NONE, &a),
	    iso("2026-12-24"));
	/* Feb 29 with no year: in 2028, the next year that has one. */
	a.signed_day = iso("2027-03-01");
	assert_int_equal(rd_at("Feb 29", READ_ORDER_NONE, &a),
	    iso("2028-02-29"));
}

static void
test_read_date__ambiguous_needs_order(void **state)
{
	struct read_anchors	 a = anchors();
	const char		*why;

	(void)state;
	why = refused("03/04/2027", READ_ORDER_NONE);
	assert_non_null(strstr(why, "'03/04/2027' could be 3 April or March 4"));
	assert_non_null(strstr(why, "2027-04-03"));
	assert_non_null(strstr(why, "2027-03-04"));
	assert_non_null(strstr(why, "date_order"));
	refused("03-04-2027", READ_ORDER_NONE);
	refused("03/04", READ_ORDER_NONE);
	assert_int_equal(rd_at("03/04/2027", READ_ORDER_DMY, &a),
	    iso("2027-04-03"));
	assert_int_equal(rd_at("03/04/2027", READ_ORDER_MDY, &a),
	    iso("2027-03-04"));
	/* Not ambiguous: a part above 12, or both the same. */
	assert_int_equal(rd_at("13/04/2027", READ_ORDER_NONE, &a),
	    iso("2027-04-13"));
	assert_int_equal(rd_at("04/13/2027", READ_ORDER_NONE, &a),
	    iso("2027-04-13"));
	assert_int_equal(rd_at("05/05/2027", READ_ORDER_NONE, &a),
	    iso("2027-05-05"));
	/* Dots are day.month everywhere they are used. */
	assert_int_equal(rd_at("03.04.2027", READ_ORDER_MDY, &a),
	    iso("2027-04-03"));
}

static void
test_read_date__invalid_days(void **state)
{
	const char	*why;

	(void)state;
	why = refused("2026-02-30", READ_ORDER_NONE);
	assert_non_null(strstr(why, "February 2026 has 28 days"));
	assert_non_null(strstr(refused("Feb 30, 2026", READ_ORDER_NONE),
	    "February 2026 has 28 days"));
	assert_non_null(strstr(refused("31.04.2027", READ_ORDER_NONE),
	    "April 2027 has 30 days"));
	refused("2026-13-01", READ_ORDER_NONE);
	refused("2026-00-10", READ_ORDER_NONE);
	refused("13/13/2027", READ_ORDER_NONE);
	refused("Feb 30", READ_ORDER_NONE);
	refused("32 Jan 2027", READ_ORDER_NONE);
	assert_non_null(strstr(refused("16.11.26", READ_ORDER_NONE),
	    "four digits"));
	refused("", READ_ORDER_NONE);
	refused("soon", READ_ORDER_NONE);
	refused("TBD", READ_ORDER_NONE);
	refused("2027", READ_ORDER_NONE);
	refused("Nov Dec 2026", READ_ORDER_NONE);
	refused("by the time we are ready", READ_ORDER_NONE);
	refused("2026-11-16-01", READ_ORDER_NONE);
	refused("2026/11-16", READ_ORDER_NONE);
	refused("3 weeks after lunch", READ_ORDER_NONE);
	refused("q5 2027", READ_ORDER_NONE);
	refused("end of", READ_ORDER_NONE);
	refused("a b c d e f g h i j k l m n o p", READ_ORDER_NONE);
	assert_int_equal(read_date(NULL, READ_ORDER_NONE,
	    &(struct read_date){ 0 }, (char[64]){ 0 }, 64), 1);
}

static void
test_read_date__relative_to_anchors(void **state)
{
	struct read_anchors	 a = anchors();

	(void)state;
	assert_int_equal(rd_at("by go-live", READ_ORDER_NONE, &a),
	    iso("2027-01-11"));
	assert_int_equal(rd_at("at go live", READ_ORDER_NONE, &a),
	    iso("2027-01-11"));
	assert_int_equal(rd_at("at kickoff", READ_ORDER_NONE, &a),
	    iso("2026-12-01"));
	assert_int_equal(rd_at("start", READ_ORDER_NONE, &a),
	    iso("2026-12-01"));
	assert_int_equal(rd_at("at signature", READ_ORDER_NONE, &a),
	    iso("2026-11-16"));
	assert_int_equal(rd_at("within 2 weeks of go-live", READ_ORDER_NONE,
	    &a), iso("2027-01-25"));
	assert_int_equal(rd_at("two weeks after go-live", READ_ORDER_NONE,
	    &a), iso("2027-01-25"));
	assert_int_equal(rd_at("1 week before go-live", READ_ORDER_NONE, &a),
	    iso("2027-01-04"));
	/* 2026-11-16 is a Monday: 10 business days is Monday 11-30. */
	assert_int_equal(rd_at("10 business days after signature",
	    READ_ORDER_NONE, &a), iso("2026-11-30"));
	assert_int_equal(rd_at("2 business days before go-live",
	    READ_ORDER_NONE, &a), iso("2027-01-07"));
	assert_int_equal(rd_at("day 30", READ_ORDER_NONE, &a),
	    iso("2026-12-16"));
	assert_int_equal(rd_at("by month 3", READ_ORDER_NONE, &a),
	    iso("2027-02-16"));
	assert_int_equal(rd_at("3 months after go-live", READ_ORDER_NONE, &a),
	    iso("2027-04-11"));
	assert_int_equal(rd_at("1 year after signature", READ_ORDER_NONE, &a),
	    iso("2027-11-16"));
	assert_int_equal(rd_at("end of Q1 2027", READ_ORDER_NONE, &a),
	    iso("2027-03-31"));
	assert_int_equal(rd_at("Q2 2027", READ_ORDER_NONE, &a),
	    iso("2027-06-30"));
	assert_int_equal(rd_at("end of Q4", READ_ORDER_NONE, &a),
	    iso("2026-12-31"));
	assert_int_equal(rd_at("end of March 2027", READ_ORDER_NONE, &a),
	    iso("2027-03-31"));
	assert_int_equal(rd_at("Feb 2028", READ_ORDER_NONE, &a),
	    iso("2028-02-29"));
	assert_int_equal(rd_at("end of 2027", READ_ORDER_NONE, &a),
	    iso("2027-12-31"));
}

static void
test_read_date__missing_anchor_is_named(void **state)
{
	struct read_anchors	 a = anchors();
	struct read_date	 rd;
	const char		*missing = NULL;
	char			 why[200];
	int			 day = 5;

	(void)state;
	a.go_live = -1;
	assert_int_equal(read_date("by go-live", READ_ORDER_NONE, &rd, why,
	    sizeof(why)), 0);
	assert_int_equal(read_date_resolve(&rd, &a, &day, &missing), 1);
	assert_string_equal(missing, "go-live");
	a.signed_day = -1;
	assert_int_equal(read_date("day 30", READ_ORDER_NONE, &rd, why,
	    sizeof(why)), 0);
	assert_int_equal(read_date_resolve(&rd, &a, &day, &missing), 1);
	assert_string_equal(missing, "signed");
	a.start = -1;
	assert_int_equal(read_date("at kickoff", READ_ORDER_NONE, &rd, why,
	    sizeof(why)), 0);
	assert_int_equal(read_date_resolve(&rd, &a, &day, &missing), 1);
	assert_string_equal(missing, "start");
}

static void
test_read_date__months_clamp_and_cues(void **state)
{
	(void)state;
	assert_int_equal(read_date_add_months(iso("2027-01-31"), 1),
	    iso("2027-02-28"));
	assert_int_equal(read_date_add_months(iso("2026-11-16"), 36),
	    iso("2029-11-16"));
	assert_int_equal(read_date_add_months(iso("2027-03-31"), -1),
	    iso("2027-02-28"));
	assert_true(read_date_has_cue("by go-live"));
	assert_true(read_date_has_cue("within 2 weeks of go-live"));
	assert_false(read_date_has_cue("go-live"));
	assert_false(read_date_has_cue("2027-01-11"));
	assert_true(read_date_is_iso("2027-01-11"));
	assert_false(read_date_is_iso("Jan 11, 2027"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_date__absolute_forms),
		cmocka_unit_test(test_read_date__eu_and_crm_forms),
		cmocka_unit_test(test_read_date__no_year_is_next_after_signature),
		cmocka_unit_test(test_read_date__ambiguous_needs_order),
		cmocka_unit_test(test_read_date__invalid_days),
		cmocka_unit_test(test_read_date__relative_to_anchors),
		cmocka_unit_test(test_read_date__missing_anchor_is_named),
		cmocka_unit_test(test_read_date__months_clamp_and_cues),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
