/* SPDX-License-Identifier: MIT */
/*
 * test_validate.c: the schema's annotations and the validator, on trees
 * built in memory (no front end involved).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "config.h"
#include "diag.h"
#include "model.h"
#include "schema.h"
#include "timeline.h"
#include "validate.h"

struct fx {
	struct schema	*s;
	struct config	 c;
};

static int
setup(void **state)
{
	struct fx		*fx = calloc(1, sizeof(*fx));
	struct diag_list	 dl;

	diag_list_init(&dl);
	fx->s = schema_load(NULL, &dl);	/* the built-in schema */
	config_init(&fx->c);
	diag_list_dispose(&dl);
	*state = fx;
	return fx->s == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	schema_free(fx->s);
	config_dispose(&fx->c);
	free(fx);
	return 0;
}

static void
test_validate__placeholders(void **state)
{
	static const char *const yes[] = { "N/A", "tbd", "TODO", "?", "-",
	    "see CRM", "Lorem ipsum dolor sit amet", "  TBD.  ", "**TBD**",
	    "(tbd)", "n.a.", "...", "[TODO]" };
	static const char *const no[] = { "Dana Reyes", "3 years", "None",
	    "No champion", "2027-01-31", "To be decided by the board in Q3",
	    "TBD by Friday: the pilot site" };
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_true(validate_is_placeholder(yes[i]));
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_false(validate_is_placeholder(no[i]));
}

static void
test_validate__schema_annotations(void **state)
{
	struct fx		*fx = *state;
	const struct field	*f;

	f = schema_field(fx->s, "deal/client");
	assert_non_null(f);
	assert_int_equal(f->level, LEVEL_REQUIRED);
	assert_int_equal(f->audience, AUDIENCE_SHAREABLE);
	f = schema_field(fx->s, "relationships/stakeholder/notes");
	assert_non_null(f);
	assert_int_equal(f->audience, AUDIENCE_INTERNAL);
	assert_true(f->record);
	/* Everything under an internal field is internal. */
	f = schema_field(fx->s, "risks/risk/mitigation");
	assert_non_null(f);
	assert_int_equal(f->audience, AUDIENCE_INTERNAL);
	f = schema_field(fx->s, "context/pain-points");
	assert_non_null(f);
	assert_string_equal(f->label, "pain points");
	assert_non_null(f->hint);
	assert_null(schema_field(fx->s, "deal/nope"));
	assert_int_equal(fx->s->nplaybooks, 2);
}

/* A tree with just enough to be a signed deal. */
static struct model *
signed_deal(void)
{
	struct model	*m = model_new("t.md", MODEL_SRC_MD);
	xmlNodePtr	 r = model_root(m), d, p, sh, g, k;

	d = model_add(m, r, "deal", NULL, 1, 0, 0);
	model_add(m, d, "client", "Acme", 2, 0, 0);
	model_add(m, d, "id", "acme", 3, 0, 0);
	model_add(m, d, "segment", "smb", 4, 0, 0);
	model_add(m, d, "stage", "signed", 5, 0, 0);
	model_add(m, d, "signed", "2026-11-20", 6, 0, 0);
	p = model_add(m, d, "ae", NULL, 7, 0, 0);
	model_add(m, p, "name", "Dana", 7, 0, 0);
	model_add(m, p, "email", "dana@v.example", 7, 0, 0);
	p = model_add(m, d, "csm", NULL, 8, 0, 0);
	model_add(m, p, "name", "Sam", 8, 0, 0);
	model_add(m, p, "email", "sam@v.example", 8, 0, 0);
	p = model_add(m, r, "context", NULL, 10, 0, 0);
	k = model_add(m, p, "pain-points", NULL, 11, 0, 0);
	model_add(m, k, "li", "Re-keying orders", 12, 0, 0);
	k = model_add(m, p, "why-us", NULL, 13, 0, 0);
	model_add(m, k, "p", "Price", 14, 0, 0);
	k = model_add(m, p, "commitments", NULL, 15, 0, 0);
	model_set_attr(k, "none", "true");
	p = model_add(m, r, "relationships", NULL, 20, 0, 0);
	sh = model_add(m, p, "stakeholder", NULL, 22, 0, 0);
	model_set_attr(sh, "primary", "true");
	model_add(m, sh, "name", "Priya Nair", 22, 0, 0);
	model_add(m, sh, "role", "economic-buyer", 22, 0, 0);
	model_add(m, sh, "role", "champion", 22, 0, 0);
	model_add(m, sh, "email", "priya@acme.example", 22, 0, 0);
	p = model_add(m, r, "goals", NULL, 30, 0, 0);
	g = model_add(m, p, "metric", NULL, 32, 0, 0);
	model_add(m, g, "name", "Time", 32, 0, 0);
	model_add(m, g, "target", "1h", 32, 0, 0);
	model_add(m, g, "due", "2027-03-31", 32, 0, 0);
	p = model_add(m, r, "risks", NULL, 40, 0, 0);
	model_set_attr(p, "none", "true");
	return m;
}

static int
has_rule(const struct diag_list *dl, const char *id, unsigned line)
{
	size_t	 i;

	for (i = 0; i < dl->n; i++)
		if (strcmp(rule_get(dl->v[i].rule)->id, id) == 0 &&
		    (line == 0 || dl->v[i].line == line))
			return 1;
	return 0;
}

static void
test_validate__signed_minimal_is_clean(void **state)
{
	struct fx	*fx = *state;
	struct model	*m = signed_deal();
	struct diag_list dl;
	struct verdict	 v;
	int		 today;

	diag_list_init(&dl);
	date_parse("2026-11-21", &today);
	assert_int_equal(validate_model(&v, m, fx->s, &fx->c, today, &dl), 0);
	assert_int_equal(v.errors, 0);
	assert_true(v.complete);
	assert_int_equal(v.stage, STAGE_SIGNED);
	assert_true(v.percent > 40 && v.percent < 100);
	/* Signed on a Friday: due by the end of the following Tuesday. */
	{
		char due[11];

		date_format(v.deadline, due);
		assert_string_equal(due, "2026-11-24");
	}
	model_free(m);
	diag_list_dispose(&dl);
}

static void
test_validate__missing_email_and_gates(void **state)
{
	struct fx	*fx = *state;
	struct model	*m = signed_deal();
	struct diag_list dl;
	struct verdict	 v;
	xmlNodePtr	 sh = model_find(m, "relationships/stakeholder");
	xmlNodePtr	 e = model_child(sh, "email");
	int		 today;

	xmlUnlinkNode(e);
	xmlFreeNode(e);
	diag_list_init(&dl);
	date_parse("2026-11-30", &today);
	validate_model(&v, m, fx->s, &fx->c, today, &dl);
	/* The primary contact's e-mail: the stage rule, once, on the row. */
	assert_true(has_rule(&dl, "primary-contact", 22));
	assert_false(has_rule(&dl, "stakeholder-email", 0));
	/* Incomplete past the deadline. */
	assert_true(v.overdue);
	assert_true(has_rule(&dl, "overdue", 6));
	model_free(m);
	diag_list_dispose(&dl);
}

static void
test_validate__placeholder_never_fills(void **state)
{
	struct fx	*fx = *state;
	struct model	*m = signed_deal();
	struct diag_list dl;
	struct verdict	 v, before;
	xmlNodePtr	 p = model_find(m, "context/why-us/p");
	int		 today;

	date_parse("2026-11-21", &today);
	diag_list_init(&dl);
	validate_model(&before, m, fx->s, &fx->c, today, &dl);
	diag_list_dispose(&dl);
	xmlNodeSetContent(p, BAD_CAST "TBD");
	validate_model(&v, m, fx->s, &fx->c, today, &dl);
	assert_true(has_rule(&dl, "placeholder", 14));
	assert_false(v.complete);
	assert_true(v.percent < before.percent);
	model_free(m);
	diag_list_dispose(&dl);
}

static void
test_validate__types_via_xsd(void **state)
{
	struct fx	*fx = *state;
	struct model	*m = signed_deal();
	struct diag_list dl;
	struct verdict	 v;

	xmlNodeSetContent(model_find(m, "deal/signed"), BAD_CAST "2026-02-30");
	xmlNodeSetContent(model_find(m, "deal/segment"), BAD_CAST "huge");
	xmlNodeSetContent(model_find(m, "deal/ae/email"), BAD_CAST "dana at v");
	diag_list_init(&dl);
	validate_model(&v, m, fx->s, &fx->c, 0, &dl);
	assert_true(has_rule(&dl, "invalid-date", 6));
	assert_true(has_rule(&dl, "invalid-value", 4));
	assert_true(has_rule(&dl, "invalid-email", 7));
	model_free(m);
	diag_list_dispose(&dl);
}

static void
test_validate__pre_close_threshold(void **state)
{
	struct fx	*fx = *state;
	struct model	*m = signed_deal();
	struct diag_list dl;
	struct verdict	 v;

	xmlNodeSetContent(model_find(m, "deal/stage"), BAD_CAST "pre-close");
	diag_list_init(&dl);
	fx->c.pre_close_threshold = 99;
	validate_model(&v, m, fx->s, &fx->c, 0, &dl);
	assert_true(has_rule(&dl, "completeness", 5));
	diag_list_dispose(&dl);
	fx->c.pre_close_threshold = 10;
	validate_model(&v, m, fx->s, &fx->c, 0, &dl);
	assert_false(has_rule(&dl, "completeness", 0));
	assert_int_equal(v.errors, 0);
	fx->c.pre_close_threshold = 70;
	model_free(m);
	diag_list_dispose(&dl);
}

static void
test_validate__playbook_selected_by_industry(void **state)
{
	struct fx	*fx = *state;
	struct model	*m = signed_deal();
	struct diag_list dl;
	struct verdict	 v;
	xmlNodePtr	 ind, ex, sub;

	ind = model_add(m, model_find(m, "deal"), "industry", "Healthcare", 9, 0, 0);
	xmlAddNextSibling(model_find(m, "deal/segment"), ind);
	diag_list_init(&dl);
	validate_model(&v, m, fx->s, &fx->c, 0, &dl);
	assert_true(has_rule(&dl, "playbook-field", 0));
	assert_false(v.complete);
	diag_list_dispose(&dl);
	/* Add the sections the playbook asks for. */
	ex = model_add(m, model_root(m), "extra", NULL, 50, 0, 0);
	model_set_attr(ex, "heading", "Compliance");
	sub = model_add(m, ex, "extra", NULL, 51, 0, 0);
	model_set_attr(sub, "heading", "BAA signed");
	model_add(m, sub, "p", "Yes, 2026-11-19", 52, 0, 0);
	sub = model_add(m, ex, "extra", NULL, 53, 0, 0);
	model_set_attr(sub, "heading", "PHI in scope");
	model_add(m, sub, "p", "Appointment data only", 54, 0, 0);
	validate_model(&v, m, fx->s, &fx->c, 0, &dl);
	assert_int_equal(v.errors, 0);
	assert_false(has_rule(&dl, "unknown-section", 50));
	model_free(m);
	diag_list_dispose(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate__placeholders),
		cmocka_unit_test(test_validate__schema_annotations),
		cmocka_unit_test(test_validate__signed_minimal_is_clean),
		cmocka_unit_test(test_validate__missing_email_and_gates),
		cmocka_unit_test(test_validate__placeholder_never_fills),
		cmocka_unit_test(test_validate__types_via_xsd),
		cmocka_unit_test(test_validate__pre_close_threshold),
		cmocka_unit_test(test_validate__playbook_selected_by_industry),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
