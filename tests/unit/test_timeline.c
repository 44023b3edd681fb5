/* SPDX-License-Identifier: MIT */
/* test_timeline.c: dates as day numbers, business days, default timelines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "timeline.h"

static int
day(const char *s)
{
	int	 d = 0;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void
test_timeline__parse_known_days(void **state)
{
	int	 d = 12345;

	(void)state;
	assert_int_equal(day("1970-01-01"), 0);
	assert_int_equal(day("1970-01-02"), 1);
	/* -1 is a real day: date_parse must not take it for an error. */
	assert_int_equal(date_parse("1969-12-31", &d), 0);
	assert_int_equal(d, -1);
	assert_int_equal(day("2000-03-01") - day("2000-02-28"), 2);
	assert_int_equal(day("1900-03-01") - day("1900-02-28"), 1);
	assert_int_equal(day("2026-11-18"), 20775);
}

static void
test_timeline__parse_refuses_bad_dates(void **state)
{
	static const char *const bad[] = { "2026-02-30", "2026-02-29",
	    "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
	    "2026-1-01", "2026-01-1", "2026-01-01x", " 2026-01-01",
	    "2026/01/01", "0000-01-01", "", "20260101", "2026-0a-01",
	    "+026-01-01", NULL };
	size_t	 i;
	int	 d = 777;

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		assert_int_equal(date_parse(bad[i], &d), -1);
		assert_int_equal(d, 777);	/* untouched */
	}
	assert_int_equal(date_parse(NULL, &d), -1);
	assert_int_equal(day("2024-02-29"), day("2024-02-28") + 1);
	assert_int_equal(day("2000-02-29"), day("2000-02-28") + 1);
	assert_int_equal(date_from_ymd(2026, 2, 30), -1);
}

static void
test_timeline__format_round_trips(void **state)
{
	char	 s[11];
	int	 d, back, y, m, dd, prev_y = 0;

	(void)state;
	/* Every day from 1600 to 2400, both ways. */
	for (d = day("1600-01-01"); d <= day("2400-12-31"); d++) {
		date_format(d, s);
		assert_int_equal(date_parse(s, &back), 0);
		assert_int_equal(back, d);
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd), d == -1 ? -1 : d);
		assert_true(y >= prev_y);
		prev_y = y;
	}
	date_format(day("2026-11-18"), s);
	assert_string_equal(s, "2026-11-18");
}

static void
test_timeline__weekdays(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(0), 3);			/* Thursday */
	assert_int_equal(date_weekday(day("2026-11-18")), 2);	/* Wednesday */
	assert_int_equal(date_weekday(day("2026-11-21")), 5);	/* Saturday */
	assert_int_equal(date_weekday(day("2026-11-22")), 6);	/* Sunday */
	assert_int_equal(date_weekday(day("1969-12-29")), 0);	/* Monday */
	assert_int_equal(date_weekday(day("2000-01-01")), 5);
}

static void
test_timeline__business_days_skip_weekends(void **state)
{
	int	 wed = day("2026-11-18"), fri = day("2026-11-20");

	(void)state;
	assert_int_equal(timeline_add_business_days(wed, 0, NULL, 0), wed);
	assert_int_equal(timeline_add_business_days(wed, 2, NULL, 0), fri);
	assert_int_equal(timeline_add_business_days(fri, 1, NULL, 0),
	    day("2026-11-23"));
	/* day 0 on a Saturday moves to Monday; one more is Tuesday */
	assert_int_equal(timeline_add_business_days(day("2026-11-21"), 0,
	    NULL, 0), day("2026-11-23"));
	assert_int_equal(timeline_add_business_days(day("2026-11-21"), 1,
	    NULL, 0), day("2026-11-24"));
	/* 30 business days is 6 weeks */
	assert_int_equal(timeline_add_business_days(wed, 30, NULL, 0),
	    wed + 42);
	assert_true(timeline_is_business_day(wed, NULL, 0));
	assert_false(timeline_is_business_day(day("2026-11-22"), NULL, 0));
}

static void
test_timeline__business_days_skip_holidays(void **state)
{
	int	 hol[3];
	int	 thu = day("2026-12-24");

	(void)state;
	hol[0] = day("2026-12-24");
	hol[1] = day("2026-12-25");
	hol[2] = day("2026-12-28");
	assert_false(timeline_is_business_day(hol[0], hol, 3));
	assert_true(timeline_is_business_day(day("2026-12-29"), hol, 3));
	/* from Wed 23rd: 24 hol, 25 hol, 26/27 weekend, 28 hol -> 29, 30 */
	assert_int_equal(timeline_add_business_days(day("2026-12-23"), 1, hol,
	    3), day("2026-12-29"));
	assert_int_equal(timeline_add_business_days(day("2026-12-23"), 2, hol,
	    3), day("2026-12-30"));
	/* day 0 on a holiday moves forward too */
	assert_int_equal(timeline_add_business_days(thu, 0, hol, 3),
	    day("2026-12-29"));
	assert_int_equal(timeline_business_days_between(day("2026-12-23"),
	    day("2026-12-30"), hol, 3), 2);
	assert_int_equal(timeline_business_days_between(day("2026-12-23"),
	    day("2026-12-30"), NULL, 0), 5);
	assert_int_equal(timeline_business_days_between(day("2026-12-30"),
	    day("2026-12-23"), hol, 3), 0);
}

static void
test_timeline__many_holidays_terminate(void **state)
{
	int	*hol;
	int	 i, start = day("2027-01-01"), d;

	(void)state;
	/* A year of holidays: the search still ends, after them. */
	hol = calloc(400, sizeof(*hol));
	assert_non_null(hol);
	for (i = 0; i < 400; i++)
		hol[i] = start + i;
	d = timeline_add_business_days(start, 1, hol, 400);
	assert_true(d > start + 399);
	assert_true(timeline_is_business_day(d, hol, 400));
	free(hol);
}

static void
test_timeline__defaults_per_segment(void **state)
{
	struct timeline	 t;
	int		 s, i, j;

	(void)state;
	for (s = 0; s < SEGMENT__MAX; s++) {
		timeline_default(&t, (enum segment)s);
		for (i = 0; i < STEP__MAX; i++) {
			assert_non_null(t.step[i].key);
			assert_non_null(t.step[i].title);
			assert_non_null(t.step[i].owner);
			assert_non_null(t.step[i].done);
			assert_true(t.step[i].from <= t.step[i].to);
			for (j = 0; j < i; j++)
				assert_string_not_equal(t.step[i].key,
				    t.step[j].key);
		}
		assert_int_equal(t.step[STEP_ESCALATION].to,
		    s == SEGMENT_ENTERPRISE ? 60 : 30);
		assert_int_equal(t.step[STEP_CALL].to, 2);
		assert_int_equal(t.step[STEP_MAPPING].to, 3);
		assert_int_equal(t.step[STEP_METRICS].to, 5);
		assert_int_equal(t.step[STEP_FEEDBACK].to, 30);
		assert_int_equal(t.step[STEP_PACKAGE].to, 2);
	}
	assert_int_equal(segment_from_name("smb"), SEGMENT_SMB);
	assert_int_equal(segment_from_name("mid-market"), SEGMENT_MID_MARKET);
	assert_int_equal(segment_from_name("enterprise"), SEGMENT_ENTERPRISE);
	assert_int_equal(segment_from_name("Enterprise"), -1);
	assert_int_equal(segment_from_name(NULL), -1);
	assert_string_equal(segment_name(SEGMENT_ENTERPRISE), "enterprise");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeline__parse_known_days),
		cmocka_unit_test(test_timeline__parse_refuses_bad_dates),
		cmocka_unit_test(test_timeline__format_round_trips),
		cmocka_unit_test(test_timeline__weekdays),
		cmocka_unit_test(test_timeline__business_days_skip_weekends),
		cmocka_unit_test(test_timeline__business_days_skip_holidays),
		cmocka_unit_test(test_timeline__many_holidays_terminate),
		cmocka_unit_test(test_timeline__defaults_per_segment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
