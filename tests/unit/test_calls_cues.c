/* SPDX-License-Identifier: MIT */
/*
 * test_calls_cues.c: the cue classes of 'calls add' on sentences that
 * must match and sentences that must not (negations, questions, near
 * misses), English and German, with the shipped schemas/call-cues.txt;
 * the owner and date of a commitment; the extracted summary (at most
 * five sentences, in time order, the same every run).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "calls/calls_commit.h"
#include "calls/calls_cues.h"
#include "calls/calls_deal.h"
#include "calls/calls_summary.h"
#include "diag.h"
#include "fsutil.h"
#include "timeline.h"

static struct cues *
load(void)
{
	const struct embedded	*e, *s;
	struct diag_list	 dl;
	struct cues		*c;

	diag_list_init(&dl);
	e = fs_embedded("schemas/call-cues.txt");
	s = fs_embedded("schemas/call-stopwords.txt");
	assert_non_null(e);
	assert_non_null(s);
	c = cues_load("schemas/call-cues.txt", (const char *)e->data, &dl);
	assert_non_null(c);
	assert_int_equal(cues_load_stopwords(c, "schemas/call-stopwords.txt",
	    (const char *)s->data, &dl), 0);
	assert_int_equal(dl.n, 0);
	diag_list_dispose(&dl);
	return c;
}

static void
expect(const struct cues *c, enum cue_class k, const char *const *yes,
    const char *const *no)
{
	for (; *yes != NULL; yes++)
		if (!(cues_classify(c, *yes) & (1u << k)))
			fail_msg("%s: should match: %s", cues_class_name(k), *yes);
	for (; *no != NULL; no++)
		if (cues_classify(c, *no) & (1u << k))
			fail_msg("%s: should not match: %s", cues_class_name(k),
			    *no);
}

static void
test_commitment(void **state)
{
	static const char *const yes[] = {
		"We'll import your price list before go-live.",
		"I will send you the onboarding plan by Friday.",
		"I can commit to a weekly check-in during the first month.",
		"We\xe2\x80\x99re going to set up single sign-on for you.",
		"You have my word on the data migration.",
		"Wir werden die Preisliste bis Freitag importieren.",
		"Ich kümmere mich um den CSV-Export.",
		"Das sage ich Ihnen zu.",
		NULL
	};
	static const char *const no[] = {
		"We won't be able to do a custom invoice layout this year.",
		"I will not commit to that today.",
		"We can't promise a date yet.",
		"We'll see how the pilot goes.",
		"I'll think about it and get back to you.",
		"Will you send us the list?",
		"Can we commit to a go-live date?",
		"Our team uses spreadsheets for everything.",
		"Das werden wir nicht schaffen.",
		"Wir werden das prüfen?",
		NULL
	};
	struct cues *c = load();

	(void)state;
	expect(c, CUE_COMMITMENT, yes, no);
	cues_free(c);
}

static void
test_objection(void **state)
{
	static const char *const yes[] = {
		"I'm a bit worried about the price though.",
		"My main concern is the migration of five years of data.",
		"Anything without SSO is a non-starter for us.",
		"Honestly, at our size it is too expensive.",
		"The team is skeptical about another tool.",
		"Wir haben Bedenken wegen dem Datenschutz.",
		"Das ist uns ehrlich gesagt zu teuer.",
		NULL
	};
	static const char *const no[] = {
		"We're not worried about security at all.",
		"No concerns from my side.",
		"I'm not concerned about the timeline.",
		"The pilot went really well.",
		"Keine Bedenken von unserer Seite.",
		NULL
	};
	struct cues *c = load();

	(void)state;
	expect(c, CUE_OBJECTION, yes, no);
	cues_free(c);
}

static void
test_competitor(void **state)
{
	static const char *const yes[] = {
		"We also looked at Coursewise last spring.",
		"We're also evaluating two other tools.",
		"Compared to FieldPro your app is much faster offline.",
		"We are switching from an in-house spreadsheet system.",
		"They were cheaper than you, to be fair.",
		"Wir vergleichen noch mit einem anderen Anbieter.",
		NULL
	};
	static const char *const no[] = {
		"Compared to last year, enrolments are up 20 percent.",
		"We looked at the numbers with finance.",
		"Our coordinators love the scheduling view.",
		"Das Projekt startet im Januar.",
		NULL
	};
	struct cues *c = load();

	(void)state;
	expect(c, CUE_COMPETITOR, yes, no);
	cues_free(c);
}

static void
test_goal(void **state)
{
	static const char *const yes[] = {
		"Our goal is to double corporate contracts by 2028.",
		"We want to cut cohort setup from two days to two hours.",
		"We need to reduce no-shows by 20 percent.",
		"Invoices take me three hours a week and I want to cut that to 30 minutes.",
		"Unser Ziel ist, die Ausfälle um 30 Prozent zu senken.",
		NULL
	};
	static const char *const no[] = {
		"We want to reduce costs, obviously.",
		"What is your target for next year?",
		"I have been here for 12 years.",
		"Wie viele Stunden dauert das heute?",
		NULL
	};
	struct cues *c = load();

	(void)state;
	expect(c, CUE_GOAL, yes, no);
	cues_free(c);
}

static void
test_risk(void **state)
{
	static const char *const yes[] = {
		"Legal review usually takes six weeks here.",
		"Our CFO has to sign off on anything over fifty thousand.",
		"There is a hiring freeze until March.",
		"Our IT director is on leave in January.",
		"Procurement could slow things down in December.",
		"Der Betriebsrat muss zustimmen.",
		"Die Freigabe durch den Datenschutz kann dauern.",
		NULL
	};
	static const char *const no[] = {
		"There are no blockers on our side.",
		"Who else needs to approve this?",
		"The pilot group is ready to start.",
		"Der Datenschutz ist kein Problem.",
		NULL
	};
	struct cues *c = load();

	(void)state;
	expect(c, CUE_RISK, yes, no);
	cues_free(c);
}

static void
test_decision(void **state)
{
	static const char *const yes[] = {
		"The budget is about ninety thousand for this year.",
		"Tomás has the final say on anything over that.",
		"The steering committee votes on the twelfth.",
		"The spend was approved last week.",
		"Das Budget liegt bei 80.000 Euro.",
		"Die Entscheidung fällt im Lenkungsausschuss.",
		NULL
	};
	static const char *const no[] = {
		"What's your budget for this?",
		"Who makes the decision on your side?",
		"The coordinators like the calendar view.",
		"Wie hoch ist das Budget?",
		NULL
	};
	struct cues *c = load();

	(void)state;
	expect(c, CUE_DECISION, yes, no);
	cues_free(c);
}

/* The '(Owner, by DATE)' of a sentence said by speaker on 2026-11-10
 * (a Tuesday). */
static void
lift(const struct cues *c, const char *sentence, const char *speaker,
    const char *want)
{
	static const char *const vendor[] = { "Marcus Bell", "Priya Raman" };
	struct cues_sent	 s;
	struct commit_ctx	 x;
	char			 out[200];

	memset(&x, 0, sizeof(x));
	x.speaker = speaker;
	x.vendor = vendor;
	x.nvendor = 2;
	assert_int_equal(date_parse("2026-11-10", &x.call_day), 0);
	assert_int_equal(cues_sent_read(c, sentence, &s), 0);
	calls_commit_lift(&s, &x, out, sizeof(out));
	cues_sent_dispose(&s);
	assert_string_equal(out, want);
}

static void
test_commit_owner_date(void **state)
{
	struct cues *c = load();

	(void)state;
	lift(c, "I will send you the plan by Friday.", "Marcus Bell",
	    " (Marcus Bell, by 2026-11-13)");
	lift(c, "We'll import the price list before go-live.", "Marcus",
	    " (Marcus Bell, by go-live)");
	lift(c, "We'll have the report template within two weeks.",
	    "Marcus Bell", " (Marcus Bell, by 2026-11-24)");
	lift(c, "Priya will set up single sign-on by Nov 16.", "Marcus Bell",
	    " (Priya Raman, by 2026-11-16)");
	lift(c, "We will do it 2 weeks after kickoff.", "Marcus Bell",
	    " (Marcus Bell, by 2 weeks after kickoff)");
	lift(c, "I'll send the DPA by the end of the month.", "Priya Raman",
	    " (Priya Raman, by 2026-11-30)");
	lift(c, "I'll send it by next week.", "Priya Raman",
	    " (Priya Raman, by 2026-11-20)");
	lift(c, "Ich werde das bis Freitag klären.", "Priya Raman",
	    " (Priya Raman, by 2026-11-13)");
	lift(c, "Wir werden das bis zum 16. Dezember liefern.", "Priya Raman",
	    " (Priya Raman, by 2026-12-16)");
	lift(c, "We'll take care of it.", "Marcus Bell", " (Marcus Bell)");
	lift(c, "We'll take care of it.", "", "");
	lift(c, "We'll take care of it tomorrow.", "", " (by 2026-11-11)");
	lift(c, "By Friday, I will have it done.", "Marcus", " (Marcus Bell, by 2026-11-13)");
	cues_free(c);
}

/* Sentences as content-word lists, for the summary. */
static size_t
pick(const char *const *sent, size_t n, size_t max, size_t *out)
{
	const char	**w[64];
	size_t		 nw[64], i, got;
	char		*buf[64], *p;

	assert_true(n <= 64);
	for (i = 0; i < n; i++) {
		buf[i] = strdup(sent[i]);
		w[i] = calloc(32, sizeof(char *));
		nw[i] = 0;
		for (p = strtok(buf[i], " "); p != NULL && nw[i] < 32;
		    p = strtok(NULL, " "))
			w[i][nw[i]++] = p;
	}
	got = calls_summary_pick((const char *const *const *)w, nw, n, max,
	    out);
	for (i = 0; i < n; i++) {
		free(buf[i]);
		free(w[i]);
	}
	return got;
}

static void
test_summary(void **state)
{
	static const char *const sent[] = {
		"weather awful week",				/* 0: alone */
		"cohort schedul spreadsheet coordin",		/* 1 */
		"cohort schedul take two day",			/* 2 */
		"lms book system talk",				/* 3 */
		"room chang instructor student lms",		/* 4 */
		"coordin schedul cohort spreadsheet lms",	/* 5: central */
		"report corpor client quarter manual",		/* 6 */
		"report corpor client lms cohort",		/* 7 */
		"lunch",					/* 8: too short */
		"price two year lock cohort",			/* 9 */
		"schedul view coordin train cohort",		/* 10 */
		"sso googl workspac",				/* 11 */
	};
	size_t	 out[SUMMARY_MAX], again[SUMMARY_MAX], got, i;

	(void)state;
	got = pick(sent, 12, SUMMARY_MAX, out);
	assert_int_equal(got, SUMMARY_MAX);
	for (i = 1; i < got; i++)
		assert_true(out[i - 1] < out[i]);	/* time order */
	for (i = 0; i < got; i++)
		assert_true(out[i] != 0 && out[i] != 8 && out[i] != 11);
	/* the sentence sharing the most words is in */
	for (i = 0; i < got && out[i] != 5; i++)
		;
	assert_true(i < got);
	/* deterministic */
	assert_int_equal(pick(sent, 12, SUMMARY_MAX, again), got);
	assert_memory_equal(out, again, got * sizeof(size_t));
	/* fewer asked, fewer given; nothing to rank, nothing given */
	assert_int_equal(pick(sent, 12, 2, out), 2);
	assert_int_equal(pick(sent, 1, 5, out), 0);
	assert_int_equal(pick(sent, 0, 5, out), 0);
	assert_int_equal(calls_summary_size(3), 1);
	assert_int_equal(calls_summary_size(12), 3);
	assert_int_equal(calls_summary_size(400), SUMMARY_MAX);
}

/* Our people and the competitor names out of a deal file. */
static void
test_deal_read(void **state)
{
	static const char deal[] =
	    "---\nae: Zoë Müller <zoe@vendor.example>\ncsm: Sam Okafor\n---\n"
	    "# Context\n## Competitors\n"
	    "- FieldPro (incumbent for the Łódź hub)\n"
	    "- An in-house build proposed by group IT\n"
	    "* Coursewise, cheaper\n"
	    "- [ ] Big Vendor Inc \u2014 the old one\r\n"
	    "## Commitments\n- Not a competitor\n";
	struct call_deal	 d;

	(void)state;
	assert_int_equal(calls_deal_read(&d, deal), 0);
	assert_string_equal(d.ae, "Zoë Müller");
	assert_string_equal(d.csm, "Sam Okafor");
	assert_int_equal(d.ncompetitors, 3);
	assert_string_equal(d.competitor[0], "FieldPro");
	assert_string_equal(d.competitor[1], "Coursewise");
	assert_string_equal(d.competitor[2], "Big Vendor Inc");
	calls_deal_dispose(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commitment),
		cmocka_unit_test(test_objection),
		cmocka_unit_test(test_competitor),
		cmocka_unit_test(test_goal),
		cmocka_unit_test(test_risk),
		cmocka_unit_test(test_decision),
		cmocka_unit_test(test_commit_owner_date),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_deal_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
