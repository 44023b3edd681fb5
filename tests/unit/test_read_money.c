/* SPDX-License-Identifier: MIT */
/* test_read_money.c: contract values and terms as AEs write them, and
 * every form the reader must refuse with a reason. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "read/read_money.h"

static void
money_is(const char *in, const char *amount, const char *cur,
    const char *per)
{
	struct read_money	 rm;
	char			 why[300];

	if (read_money(in, &rm, why, sizeof(why)) != 0)
		fail_msg("'%s' refused: %s", in, why);
	assert_string_equal(rm.amount, amount);
	assert_string_equal(rm.currency, cur);
	assert_string_equal(rm.per, per);
}

static const char *
money_refused(const char *in)
{
	static char		 why[300];
	struct read_money	 rm;

	assert_int_equal(read_money(in, &rm, why, sizeof(why)), 1);
	assert_true(strlen(why) > 0);
	return why;
}

static void
test_read_money__forms_aes_write(void **state)
{
	(void)state;
	money_is("$84k ARR", "84000", "USD", "year");
	money_is("\xe2\x82\xac" "240.000 / Jahr", "240000", "EUR", "year");
	money_is("240,000 EUR per year", "240000", "EUR", "year");
	money_is("USD 12,500/month", "12500", "USD", "month");
	money_is("1.2M USD over 3 years", "400000", "USD", "year");
	money_is("1.2M USD total over 36 months", "400000", "USD", "year");
	money_is("86,500 USD / year", "86500", "USD", "year");
	money_is("240000 EUR/year", "240000", "EUR", "year");
	money_is("EUR 240000 per year", "240000", "EUR", "year");
	money_is("9600 usd/yr", "9600", "USD", "year");
	money_is("1250.50 GBP/month", "1250.50", "GBP", "month");
	money_is("$1,250.50 / month", "1250.50", "USD", "month");
	money_is("1.234,56 EUR monatlich", "1234.56", "EUR", "month");
	money_is("\xe2\x82\xac" "5000 once", "5000", "EUR", "once");
	money_is("30000 CHF/quarter", "30000", "CHF", "quarter");
	money_is("30000 CHF a year", "30000", "CHF", "year");
	money_is("12000 SEK one-time", "12000", "SEK", "once");
	money_is("180000 USD annual", "180000", "USD", "year");
	money_is("180000 USD", "180000", "USD", "");
	money_is("$2.5M ACV", "2500000", "USD", "year");
	money_is("240 000 EUR p.a.", "240000", "EUR", "year");
	money_is("84K USD MRR", "84000", "USD", "month");
	money_is("3 Mio. EUR", "3000000", "EUR", "");
}

/* European separators and period words (red-team findings). */
static void
test_read_money__european_forms(void **state)
{
	(void)state;
	money_is("450.000 NOK/\xc3\xa5r", "450000", "NOK", "year");
	money_is("1.234,50 EUR", "1234.50", "EUR", "");
	money_is("CHF 120\xe2\x80\x99" "000 p.a.", "120000", "CHF", "year");
	money_is("CHF 1\xe2\x80\x99" "200\xe2\x80\x99" "000 p.a.", "1200000",
	    "CHF", "year");
	money_is("240\xc2\xa0" "000 \xe2\x82\xac par an", "240000", "EUR",
	    "year");
	money_is("240\xe2\x80\xaf" "000 EUR/an", "240000", "EUR", "year");
	money_is("5.000 \xe2\x82\xac/mois", "5000", "EUR", "month");
	money_is("10.000 EUR/Monat", "10000", "EUR", "month");
	money_is("1.234.500 EUR", "1234500", "EUR", "");
	/* A separator that is not one: no amount 1000 times too small. */
	assert_null(strstr(money_refused("CHF 120\xe2\x80\x98" "000 p.a."),
	    "'120 "));
	assert_non_null(strstr(money_refused("CHF 120\xe2\x80\x98" "000 p.a."),
	    "digits only"));
	money_refused("CHF 120\xe2\x80\x99" "00 p.a.");
	money_refused("450.000 NOK/fortnight");
}

static void
test_read_money__refusals_say_why(void **state)
{
	(void)state;
	assert_non_null(strstr(money_refused("240000"), "no currency"));
	assert_non_null(strstr(money_refused("240000"), "'240000 USD/year'"));
	assert_non_null(strstr(money_refused("$"), "no amount"));
	assert_non_null(strstr(money_refused("about 120k a year"), "about"));
	money_refused("");
	money_refused("EUR");
	money_refused("TBD");
	money_refused("240000 EUR per fortnight");
	money_refused("1.2.3 EUR");
	money_refused("-5 EUR");
	money_refused("100 USD 200 USD");
	money_refused("100 USD EUR");
	money_refused("100 USD/month over 3 years");
	money_refused("a b c d e f g h i j k l m n");
	{
		struct read_money	 rm;
		char			 why[64];

		assert_int_equal(read_money(NULL, &rm, why, sizeof(why)), 1);
	}
}

static void
test_read_money__terms(void **state)
{
	int	 m = 0;

	(void)state;
	assert_int_equal(read_term("36 months", &m), 0);
	assert_int_equal(m, 36);
	assert_int_equal(read_term("3 years", &m), 0);
	assert_int_equal(m, 36);
	assert_int_equal(read_term("2 yrs", &m), 0);
	assert_int_equal(m, 24);
	assert_int_equal(read_term("1 year", &m), 0);
	assert_int_equal(m, 12);
	assert_int_equal(read_term("two-year", &m), 0);
	assert_int_equal(m, 24);
	assert_int_equal(read_term("24-month", &m), 0);
	assert_int_equal(m, 24);
	assert_int_equal(read_term("18 mo", &m), 0);
	assert_int_equal(m, 18);
	assert_int_equal(read_term("3 years, auto-renewing", &m), 0);
	assert_int_equal(m, 36);
	assert_int_equal(read_term("3 Jahre", &m), 0);
	assert_int_equal(m, 36);
	assert_int_equal(read_term("12 Monate", &m), 0);
	assert_int_equal(m, 12);
	assert_int_equal(read_term("36 mois", &m), 0);
	assert_int_equal(m, 36);
	assert_int_equal(read_term("2 ans", &m), 0);
	assert_int_equal(m, 24);
	assert_int_equal(read_term("annual", &m), 0);
	assert_int_equal(m, 12);
	assert_int_equal(read_term("Annually", &m), 0);
	assert_int_equal(m, 12);
	assert_int_equal(read_term("yearly", &m), 0);
	assert_int_equal(m, 12);
	m = 7;
	assert_int_equal(read_term("annual fee", &m), 1);
	assert_int_equal(read_term("3 Wochen", &m), 1);
	assert_int_equal(read_term("", &m), 1);
	assert_int_equal(read_term("multi-year", &m), 1);
	assert_int_equal(read_term("3 weeks", &m), 1);
	assert_int_equal(read_term("0 months", &m), 1);
	assert_int_equal(read_term("9999 years", &m), 1);
	assert_int_equal(read_term("years", &m), 1);
	assert_int_equal(read_term("TBD", &m), 1);
	assert_int_equal(read_term(NULL, &m), 1);
	assert_int_equal(m, 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_money__forms_aes_write),
		cmocka_unit_test(test_read_money__european_forms),
		cmocka_unit_test(test_read_money__refusals_say_why),
		cmocka_unit_test(test_read_money__terms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
