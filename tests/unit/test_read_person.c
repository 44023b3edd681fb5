/* SPDX-License-Identifier: MIT */
/* test_read_person.c: a name as written against the deal's people, and
 * lifting who, due and done out of a commitment's words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "read/read_commitment.h"
#include "read/read_person.h"

static const char *const people[] = { "Dana Reyes", "Sam Okafor",
    "Dr. Anika Rao", "Marisol Vega", "Jörg Weber", "Sam Lee", "" };
#define NPEOPLE (sizeof(people) / sizeof(people[0]))

static size_t
cands(const char *who, size_t *first)
{
	size_t	 idx[4], k;

	k = read_person_candidates(who, people, NPEOPLE, idx, 4);
	if (k > 0 && first != NULL)
		*first = idx[0];
	return k;
}

static void
test_read_person__one_match(void **state)
{
	size_t	 i = 99;

	(void)state;
	assert_int_equal(cands("Marisol", &i), 1);
	assert_int_equal(i, 3);
	assert_int_equal(cands("Vega", &i), 1);
	assert_int_equal(cands("marisol vega", &i), 1);
	assert_int_equal(cands("MV", &i), 1);
	assert_int_equal(i, 3);
	assert_int_equal(cands("M.V.", &i), 1);
	assert_int_equal(cands("Anika", &i), 1);
	assert_int_equal(i, 2);
	assert_int_equal(cands("Anika Rao", &i), 1);
	assert_int_equal(cands("Rao", &i), 1);
	assert_int_equal(cands("Jörg", &i), 1);
	assert_int_equal(i, 4);
	assert_int_equal(cands("Dana", &i), 1);
	assert_int_equal(i, 0);
	assert_int_equal(cands("DR", &i), 1);
	/* The exact full name wins over a first-name match. */
	assert_int_equal(cands("Sam Lee", &i), 1);
	assert_int_equal(i, 5);
}

static void
test_read_person__two_or_none(void **state)
{
	(void)state;
	assert_int_equal(cands("Sam", NULL), 2);
	assert_int_equal(cands("SO", NULL), 1);
	assert_int_equal(cands("Kwame", NULL), 0);
	assert_int_equal(cands("Legal team", NULL), 0);
	assert_int_equal(cands("", NULL), 0);
	assert_int_equal(cands("M", NULL), 0);
	assert_int_equal(cands("Vega Marisol", NULL), 0);
	assert_int_equal(cands("Mar", NULL), 0);
	assert_false(read_person_matches(NULL, "Dana Reyes"));
	assert_false(read_person_matches("Dana", NULL));
}

/* Read an item and compare the parts (NULL: none). */
static void
item_is(const char *in, const char *who0, const char *due0,
    const char *text, const char *who, const char *due, int done)
{
	struct read_commitment	 rc;

	assert_int_equal(read_commitment(in, who0, due0, people, NPEOPLE,
	    READ_ORDER_NONE, &rc), 0);
	assert_string_equal(rc.text, text);
	if (who == NULL)
		assert_null(rc.who);
	else {
		assert_non_null(rc.who);
		assert_string_equal(rc.who, who);
	}
	if (due == NULL)
		assert_null(rc.due);
	else {
		assert_non_null(rc.due);
		assert_string_equal(rc.due, due);
	}
	assert_int_equal(rc.done, done);
	read_commitment_free(&rc);
}

static void
test_read_commitment__issue_examples(void **state)
{
	(void)state;
	/* '(Marisol)' is split off by the Markdown front end. */
	item_is("Dentrix sync for all 14 clinics by go-live", "Marisol", NULL,
	    "Dentrix sync for all 14 clinics", "Marisol", "go-live", 0);
	item_is("Spanish templates within 2 weeks of go-live \xe2\x80\x94 "
	    "promised by Kwame on the pilot review call", NULL, NULL,
	    "Spanish templates \xe2\x80\x94 on the pilot review call", "Kwame",
	    "within 2 weeks of go-live", 0);
	item_is("10% off year one, already in the order form", "done", NULL,
	    "10% off year one, already in the order form", NULL, NULL, 1);
	item_is("SAP connector by 2027-03-15", "promised by J\xc3\xb6rg on the "
	    "Nov 5 call", NULL, "SAP connector (on the Nov 5 call)",
	    "J\xc3\xb6rg", "2027-03-15", 0);
	item_is("Priya to deliver", "promised by Priya", "go-live",
	    "Priya to deliver", "Priya", "go-live", 0);
}

static void
test_read_commitment__forms(void **state)
{
	(void)state;
	item_is("Marisol to deliver the onboarding plan due Dec 15", NULL,
	    NULL, "deliver the onboarding plan", "Marisol", "Dec 15", 0);
	/* 'SAP to deliver': SAP is nobody in the deal. */
	item_is("SAP to deliver the connector", NULL, NULL,
	    "SAP to deliver the connector", NULL, NULL, 0);
	item_is("Weekly status report, owner: Dana Reyes \xe2\x9c\x93", NULL,
	    NULL, "Weekly status report", "Dana Reyes", NULL, 1);
	item_is("Custom export (done)", NULL, NULL, "Custom export", NULL,
	    NULL, 1);
	item_is("Custom export", "Dana", "done", "Custom export", "Dana",
	    NULL, 1);
	item_is("Import before go-live", NULL, NULL, "Import", NULL,
	    "before go-live", 0);
	item_is("Report by end of Q1 2027, owned by Sam Okafor", NULL, NULL,
	    "Report", "Sam Okafor", "end of Q1 2027", 0);
	item_is("Export due Feb 1, 2027", NULL, NULL, "Export", NULL,
	    "Feb 1, 2027", 0);
	/* Words that are no date or owner stay. */
	item_is("Available at all clinics by the time we are ready", NULL,
	    NULL, "Available at all clinics by the time we are ready", NULL,
	    NULL, 0);
	item_is("Due diligence pack for procurement", NULL, NULL,
	    "Due diligence pack for procurement", NULL, NULL, 0);
	item_is("promised by Dana", NULL, NULL, "promised by Dana", "Dana",
	    NULL, 0);
	item_is("", NULL, NULL, "", NULL, NULL, 0);
	/* No owner anywhere: who stays empty (the validator's error). */
	item_is("Free onboarding for the second depot by go-live", NULL, NULL,
	    "Free onboarding for the second depot", NULL, "go-live", 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_person__one_match),
		cmocka_unit_test(test_read_person__two_or_none),
		cmocka_unit_test(test_read_commitment__issue_examples),
		cmocka_unit_test(test_read_commitment__forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
