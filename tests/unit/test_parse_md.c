/* SPDX-License-Identifier: MIT */
/*
 * test_parse_md.c: the small grammars of the Markdown form (mdform.c),
 * the byte checks every front end shares (parse.c), and the positions
 * parse_md.c records on the canonical tree.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "parse.h"
#include "render.h"

static struct limits
lim_default(void)
{
	struct limits	 l;

	memset(&l, 0, sizeof(l));
	l.max_file_size = 1024 * 1024;
	l.max_depth = 32;
	l.max_table_rows = 1000;
	l.max_table_cols = 32;
	l.max_template_depth = 32;
	return l;
}

static void
test_parse_md__person(void **state)
{
	char	*name, *email;

	(void)state;
	assert_int_equal(md_person_parse("Zoë Müller <zoe@vendor.example>",
	    &name, &email), 0);
	assert_string_equal(name, "Zoë Müller");
	assert_string_equal(email, "zoe@vendor.example");
	free(name);
	free(email);
	/* Spaces around the parts are trimmed. */
	assert_int_equal(md_person_parse("  Sam  Okafor   < sam@x.example >  ",
	    &name, &email), 0);
	assert_string_equal(name, "Sam  Okafor");
	assert_string_equal(email, "sam@x.example");
	free(name);
	free(email);
	/* A bare name or a bare address is kept but malformed. */
	assert_int_equal(md_person_parse("Dana Reyes", &name, &email), 1);
	assert_string_equal(name, "Dana Reyes");
	assert_null(email);
	free(name);
	assert_int_equal(md_person_parse("dana@x.example", &name, &email), 1);
	assert_null(name);
	assert_string_equal(email, "dana@x.example");
	free(email);
	assert_int_equal(md_person_parse("<dana@x.example>", &name, &email), 1);
	assert_null(name);
	free(email);
	assert_int_equal(md_person_parse("Dana <not an address>", &name,
	    &email), 1);
	free(name);
	free(email);
	/* A name and an address side by side are read: the word with the
	 * '@' is the address, whatever stands around it. */
	{
		static const char *const side[] = {
			"Dana <dana@x.example", "Dana Reyes, dana@x.example",
			"Dana Reyes (dana@x.example)", "dana@x.example | Dana Reyes",
			"dana@x.example \xe2\x80\x94 Dana Reyes",
			"Dana Reyes - dana@x.example;",
		};
		size_t	 i;

		for (i = 0; i < sizeof(side) / sizeof(side[0]); i++) {
			assert_int_equal(md_person_parse(side[i], &name,
			    &email), 0);
			assert_string_equal(name, i == 0 ? "Dana" :
			    "Dana Reyes");
			assert_string_equal(email, "dana@x.example");
			free(name);
			free(email);
		}
	}
	/* Two addresses, or an '@' alone, are not a person. */
	assert_int_equal(md_person_parse("a@x.example b@x.example", &name,
	    &email), 1);
	free(name);
	free(email);
	assert_int_equal(md_person_parse("Dana @", &name, &email), 1);
	free(name);
	free(email);
}

static void
test_parse_md__money(void **state)
{
	static const struct {
		const char	*in, *amount, *cur, *per;
	} ok[] = {
		{ "240000 EUR/year", "240000", "EUR", "year" },
		{ "240,000 EUR / year", "240000", "EUR", "year" },
		{ "EUR 240000 per year", "240000", "EUR", "year" },
		{ "9600 usd/yr", "9600", "USD", "year" },
		{ "1250.50 GBP/month", "1250.50", "GBP", "month" },
		{ "$1,250.50 / month", "1250.50", "USD", "month" },
		{ "\xe2\x82\xac" "5000 once", "5000", "EUR", "once" },
		{ "30000 CHF/quarter", "30000", "CHF", "quarter" },
		{ "30000 CHF a year", "30000", "CHF", "year" },
		{ "12000 SEK one-time", "12000", "SEK", "once" },
		{ "180000 USD annual", "180000", "USD", "year" },
		{ "180000 USD", "180000", "USD", NULL },
	};
	static const char *const bad[] = { "about 120k a year", "240000",
	    "240000 EUR per fortnight", "EUR", "", "240000 EURO/year",
	    "1.2.3 EUR", "-5 EUR" };
	char		*amount, cur[4];
	const char	*per;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(md_money_parse(ok[i].in, &amount, cur, &per), 0);
		assert_string_equal(amount, ok[i].amount);
		assert_string_equal(cur, ok[i].cur);
		if (ok[i].per == NULL)
			assert_null(per);
		else
			assert_string_equal(per, ok[i].per);
		free(amount);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(md_money_parse(bad[i], &amount, cur, &per), 1);
		assert_null(amount);
	}
}

/* Roles of a cell, joined with '+', and the primary flag. */
static void
roles_are(const char *cell, const char *want, int want_primary)
{
	char		*r[MD_MAX_ROLES];
	size_t		 n, i;
	int		 primary;
	struct buf	 b;

	buf_init(&b);
	assert_int_equal(md_roles_parse(cell, r, MD_MAX_ROLES, &n, &primary), 0);
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s%s", i ? "+" : "", r[i]);
		free(r[i]);
	}
	assert_string_equal(b.data ? b.data : "", want);
	assert_int_equal(primary, want_primary);
	buf_dispose(&b);
}

static void
test_parse_md__roles(void **state)
{
	(void)state;
	roles_are("Economic buyer", "economic-buyer", 0);
	roles_are("Champion, primary", "champion", 1);
	roles_are("Technical, decision maker", "technical+decision-maker", 0);
	roles_are("Legal/procurement", "legal-procurement", 0);
	roles_are("legal and procurement", "legal-procurement", 0);
	roles_are("Legal / Procurement", "legal-procurement", 0);
	roles_are("legal, procurement", "legal-procurement", 0);
	roles_are("Economic buyer and decision maker",
	    "economic-buyer+decision-maker", 0);
	roles_are("tech + end user", "technical+user", 0);
	roles_are("EB; DM & influencer", "economic-buyer+decision-maker+influencer",
	    0);
	roles_are("Primary contact", "", 1);
	roles_are("Executive Sponsor, blocker", "economic-buyer+blocker", 0);
	roles_are("", "", 0);
	/* 'brand' contains 'and' but is one word. */
	roles_are("Brand owner", "brand-owner", 0);
	assert_string_equal(md_role_label("economic-buyer"), "Economic buyer");
	assert_string_equal(md_role_label("legal-procurement"),
	    "Legal/procurement");
	assert_string_equal(md_role_label("sponsor"), "sponsor");
}

/* One commitment: rc, text, who, due (NULL: absent). */
static void
commit_is(const char *in, int rc, const char *text, const char *who,
    const char *due)
{
	char	*t, *w, *d;

	assert_int_equal(md_commitment_parse(in, &t, &w, &d), rc);
	assert_string_equal(t, text);
	if (who == NULL)
		assert_null(w);
	else
		assert_string_equal(w, who);
	if (due == NULL)
		assert_null(d);
	else
		assert_string_equal(d, due);
	free(t);
	free(w);
	free(d);
}

static void
test_parse_md__commitment(void **state)
{
	(void)state;
	commit_is("EU-only data residency in the DPA (Zoë Müller, by 2026-11-18)",
	    0, "EU-only data residency in the DPA", "Zoë Müller", "2026-11-18");
	commit_is("Rule pack (Nora Berg, due 2027-01-15)", 0, "Rule pack",
	    "Nora Berg", "2027-01-15");
	commit_is("Rule pack (Nora Berg, due: 2027-01-15)", 0, "Rule pack",
	    "Nora Berg", "2027-01-15");
	commit_is("Rule pack (Nora Berg, 2027-01-15)", 0, "Rule pack",
	    "Nora Berg", "2027-01-15");
	commit_is("Crew app in Norwegian (Sam Okafor)", 0,
	    "Crew app in Norwegian", "Sam Okafor", NULL);
	commit_is("Training (both depots) (Nora Berg, by 2027-02-01)", 0,
	    "Training (both depots)", "Nora Berg", "2027-02-01");
	commit_is("Okafor, Sam (Okafor, Sam, by 2027-02-01)", 0,
	    "Okafor, Sam", "Okafor, Sam", "2027-02-01");
	commit_is("Discount on year two (by 2027-01-01)", 1,
	    "Discount on year two", NULL, "2027-01-01");
	commit_is("Nothing to say who", 1, "Nothing to say who", NULL, NULL);
	commit_is("(Sam, by 2027-01-01)", 1, "(Sam, by 2027-01-01)", NULL,
	    NULL);
	commit_is("Unbalanced (Sam, by 2027", 1, "Unbalanced (Sam, by 2027",
	    NULL, NULL);
	/* The dash form, taken only when it ends in a date. */
	commit_is("Weekly report \xe2\x80\x94 Dana Reyes, by 2026-12-15", 0,
	    "Weekly report", "Dana Reyes", "2026-12-15");
	commit_is("Weekly report -- Dana Reyes, 2026-12-15", 0,
	    "Weekly report", "Dana Reyes", "2026-12-15");
	commit_is("SAP connector \xe2\x80\x93 phase 1", 1,
	    "SAP connector \xe2\x80\x93 phase 1", NULL, NULL);
}

static void
test_parse_md__key_enum(void **state)
{
	char	 k[64], *e;

	(void)state;
	md_key("  Client   DNA ", k, sizeof(k));
	assert_string_equal(k, "client dna");
	md_key("E-mail", k, sizeof(k));
	assert_string_equal(k, "e mail");
	md_key("30-day feedback:", k, sizeof(k));
	assert_string_equal(k, "30 day feedback");
	md_key("Legal & Procurement", k, sizeof(k));
	assert_string_equal(k, "legal and procurement");
	md_key("First milestone / early win", k, sizeof(k));
	assert_string_equal(k, "first milestone early win");
	md_key("a very long heading that does not fit", k, 12);
	assert_true(strlen(k) < 12);
	e = md_enum("  Mid Market ");
	assert_string_equal(e, "mid-market");
	free(e);
	e = md_enum("Preclose");
	assert_string_equal(e, "pre-close");
	free(e);
	e = md_enum("pre_close");
	assert_string_equal(e, "pre-close");
	free(e);
	e = md_enum("HIGH");
	assert_string_equal(e, "high");
	free(e);
	e = md_enum("Med");
	assert_string_equal(e, "medium");
	free(e);
}

/* md_put_text() output read back by parse_md() is the same text. */
static void
text_roundtrips(const char *text)
{
	struct limits	 lim = lim_default();
	struct diag_list dl;
	struct model	*m;
	struct buf	 b;

	buf_init(&b);
	diag_list_init(&dl);
	buf_puts(&b, "---\nclient: ");
	md_put_yaml(&b, text);
	buf_puts(&b, "\n---\n# Context\n## Pain points\n- ");
	md_put_text(&b, text, 0);
	buf_puts(&b, "\n\n## Why they chose us\n");
	md_put_text(&b, text, 0);
	buf_puts(&b, "\n\n# Relationships\n| Name | Notes |\n|---|---|\n| x | ");
	md_put_text(&b, text, 1);
	buf_puts(&b, " |\n");
	m = parse_md("t.md", b.data, b.len, &lim, &dl);
	assert_non_null(m);
	assert_string_equal(model_get(m, "deal/client"), text);
	assert_string_equal(model_get(m, "context/pain-points/li"), text);
	assert_string_equal(model_get(m, "context/why-us/p"), text);
	assert_string_equal(model_get(m, "relationships/stakeholder/notes"),
	    text);
	model_free(m);
	diag_list_dispose(&dl);
	buf_dispose(&b);
}

static void
test_parse_md__escaping(void **state)
{
	static const char *const texts[] = {
		"plain words",
		"*stars* and _under_ and a_b and `code` and ~tilde~",
		"# not a heading", "- not a list", "+ not a list",
		"1. not a list", "2026) not a list", "> not a quote",
		"[ ] not a task", "[link](http://x.example) not a link",
		"a <tag> and <!-- not a comment --> and <http://x.example>",
		"back\\slash and trailing backslash\\",
		"pipes | in | text", "&amp; and &#38; stay literal",
		"see www.example.com and x@example.com",
		"--- not a rule", "=== not a heading",
		/* YAML reads these as line breaks: escaped in front matter */
		"line\xe2\x80\xa8" "separator, next\xc2\x85" "line, para\xe2\x80\xa9" "end",
		"quote \"double\" and 'single': colon # hash",
		"Zoë Müller, Łódź, Ærø",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		text_roundtrips(texts[i]);
}

static void
test_parse_md__check_bytes(void **state)
{
	struct limits	 lim = lim_default();
	struct diag_list dl;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(parse_check_bytes("f.md", "  \n\t\n", 5, &lim, &dl), -1);
	assert_int_equal(dl.v[dl.n - 1].rule, RULE_EMPTY_FILE);
	assert_int_equal(parse_check_bytes("f.md", "\xef\xbb\xbf\n", 4, &lim,
	    &dl), -1);
	assert_int_equal(dl.v[dl.n - 1].rule, RULE_EMPTY_FILE);
	assert_int_equal(parse_check_bytes("f.md", "a\0b", 3, &lim, &dl), -1);
	assert_int_equal(dl.v[dl.n - 1].rule, RULE_BINARY);
	assert_int_equal(parse_check_bytes("f.md", "ok\nab\xc3(", 7, &lim,
	    &dl), -1);
	assert_int_equal(dl.v[dl.n - 1].rule, RULE_ENCODING);
	assert_int_equal(dl.v[dl.n - 1].line, 2);
	assert_int_equal(dl.v[dl.n - 1].col, 2);
	/* Overlong, surrogate, above U+10FFFF, truncated. */
	assert_int_equal(parse_check_bytes("f.md", "\xc0\xaf", 2, &lim, &dl), -1);
	assert_int_equal(parse_check_bytes("f.md", "\xed\xa0\x80", 3, &lim,
	    &dl), -1);
	assert_int_equal(parse_check_bytes("f.md", "\xf4\x90\x80\x80", 4, &lim,
	    &dl), -1);
	assert_int_equal(parse_check_bytes("f.md", "x\xe2\x82", 3, &lim, &dl),
	    -1);
	assert_int_equal(dl.v[dl.n - 1].rule, RULE_ENCODING);
	/* Column counts characters: 'Zoë' is three. */
	assert_int_equal(parse_check_bytes("f.md", "Zo\xc3\xab\xff", 5, &lim,
	    &dl), -1);
	assert_int_equal(dl.v[dl.n - 1].col, 3);
	assert_int_equal(parse_check_bytes("f.md", "\xef\xbb\xbfZo\xc3\xab\n",
	    8, &lim, &dl), 0);
	lim.max_file_size = 4;
	assert_int_equal(parse_check_bytes("f.md", "hello", 5, &lim, &dl), -1);
	assert_int_equal(dl.v[dl.n - 1].rule, RULE_FILE_TOO_LARGE);
	diag_list_dispose(&dl);
}

/* The line an element was read from. */
static unsigned
line_of(const struct model *m, const char *path)
{
	xmlNodePtr	 n = model_find(m, path);

	assert_non_null(n);
	return model_pos(m, n).line;
}

static void
test_parse_md__positions(void **state)
{
	static const char doc[] =
	    "---\n"				/* 1 */
	    "client: Acme\n"			/* 2 */
	    "stage: signed\n"			/* 3 */
	    "deal: acme\n"			/* 4 */
	    "ae: Dana <dana@x.example>\n"	/* 5 */
	    "---\n"				/* 6 */
	    "# Context\n"			/* 7 */
	    "\n"				/* 8 */
	    "## Pain points\n"			/* 9 */
	    "- one, with a link <https://x.example> and\n"	/* 10 */
	    "  a soft break\n"			/* 11 */
	    "- two\n"				/* 12 */
	    "\n"				/* 13 */
	    "# Relationships\n"		/* 14 */
	    "| Name | Email |\n"		/* 15 */
	    "|---|---|\n"			/* 16 */
	    "| Ann | ann@x.example |\n"	/* 17 */
	    "| Bob | bob@x.example |\n"	/* 18 */
	    "# Process\n"			/* 19 */
	    "## CS review\n"			/* 20 */
	    "by: Sam\n"			/* 21 */
	    "accepted\n";			/* 22 */
	struct limits	 lim = lim_default();
	struct diag_list dl;
	struct model	*m;
	xmlNodePtr	 n;
	struct srcpos	 p;

	(void)state;
	diag_list_init(&dl);
	m = parse_md("t.md", doc, sizeof(doc) - 1, &lim, &dl);
	assert_non_null(m);
	assert_int_equal(dl.n, 0);
	assert_int_equal(line_of(m, "deal/client"), 2);
	assert_int_equal(line_of(m, "deal/id"), 4);
	assert_int_equal(line_of(m, "deal/ae/email"), 5);
	/* The children of <deal> come in the XSD's order. */
	assert_string_equal(model_name(model_first(model_find(m, "deal"))),
	    "client");
	assert_string_equal(model_name(model_next_elem(model_first(
	    model_find(m, "deal")))), "id");
	assert_int_equal(line_of(m, "context"), 7);
	assert_int_equal(line_of(m, "context/pain-points"), 9);
	assert_int_equal(line_of(m, "context/pain-points/li"), 10);
	assert_string_equal(model_get(m, "context/pain-points/li"),
	    "one, with a link https://x.example and a soft break");
	n = model_find(m, "relationships/stakeholder");
	assert_int_equal(model_pos(m, n).line, 17);
	n = model_next(n, "stakeholder");
	assert_int_equal(model_pos(m, n).line, 18);
	p = model_pos(m, model_child(n, "email"));
	assert_int_equal(p.line, 18);
	assert_true(p.col_known);
	assert_int_equal(p.col, 7);
	assert_string_equal(model_get(m, "process/review/decision"), "accepted");
	assert_int_equal(line_of(m, "process/review/decision"), 22);
	assert_int_equal(line_of(m, "process/review/by"), 21);
	/* decision before by, whatever the order in the file */
	assert_string_equal(model_name(model_first(model_find(m,
	    "process/review"))), "decision");
	model_free(m);
	diag_list_dispose(&dl);
}

/* render_md() then parse_md() gives the same canonical XML. */
static void
test_parse_md__render_inverse(void **state)
{
	static const char doc[] =
	    "---\nclient: Acme\ndeal: acme\nvalue: 100 EUR/month\n"
	    "recordings: https://r.example/1\nnickname: ACME\n---\n"
	    "# Context\n## Commitments\n- [x] A (Ann, by 2027-01-01)\n"
	    "- [ ] B (Bob)\n## Odd one\n| a | b |\n|---|---|\n| 1 | |\n"
	    "# Stakeholders\n| Name | Role | Shoe size |\n|---|---|---|\n"
	    "| Ann | Champion, primary | 38 |\n"
	    "# Risks\nNone identified\n"
	    "# Appendix\ntext\n## Sub\n- item\n### Deeper\nmore\n";
	struct limits	 lim = lim_default();
	struct diag_list dl;
	struct model	*m1, *m2;
	struct buf	 b;
	char		*x1, *x2;

	(void)state;
	diag_list_init(&dl);
	buf_init(&b);
	m1 = parse_md("t.md", doc, sizeof(doc) - 1, &lim, &dl);
	assert_non_null(m1);
	assert_int_equal(render_md(&b, m1, &dl), 0);
	m2 = parse_md("u.md", b.data, b.len, &lim, &dl);
	assert_non_null(m2);
	x1 = model_to_xml(m1, NULL);
	x2 = model_to_xml(m2, NULL);
	assert_string_equal(x1, x2);
	assert_non_null(strstr(x1, "<extra name=\"Shoe size\">38</extra>"));
	assert_non_null(strstr(x1, "<extra name=\"nickname\">ACME</extra>"));
	assert_non_null(strstr(x1, "<extra heading=\"Deeper\">"));
	assert_non_null(strstr(x1, "<risks none=\"true\"/>"));
	free(x1);
	free(x2);
	model_free(m1);
	model_free(m2);
	buf_dispose(&b);
	diag_list_dispose(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_md__person),
		cmocka_unit_test(test_parse_md__money),
		cmocka_unit_test(test_parse_md__roles),
		cmocka_unit_test(test_parse_md__commitment),
		cmocka_unit_test(test_parse_md__key_enum),
		cmocka_unit_test(test_parse_md__escaping),
		cmocka_unit_test(test_parse_md__check_bytes),
		cmocka_unit_test(test_parse_md__positions),
		cmocka_unit_test(test_parse_md__render_inverse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
