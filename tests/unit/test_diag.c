/* SPDX-License-Identifier: MIT */
/* test_diag.c: the diagnostics list and the rule table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "rules.h"

static char *
print_to_string(const struct diag_list *l)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*fp = open_memstream(&s, &n);

	diag_print_text(fp, l);
	fclose(fp);
	return s;
}

static void
test_diag__format_is_gcc_style(void **state)
{
	struct diag_list l;
	char		*s;

	(void)state;
	diag_list_init(&l);
	diag_add(&l, diag_pos("deals/acme.md", 14, 2), RULE_STAKEHOLDER_EMAIL,
	    "stakeholder '%s' has no e-mail", "Priya Nair");
	s = print_to_string(&l);
	assert_string_equal(s, "deals/acme.md:14:3: warning: stakeholder "
	    "'Priya Nair' has no e-mail [stakeholder-email]\n"
	    "  note: add their e-mail in the Email column\n");
	free(s);
	diag_list_dispose(&l);
}

static void
test_diag__line_only_and_hint_override(void **state)
{
	struct diag_list l;
	char		*s;

	(void)state;
	diag_list_init(&l);
	diag_add_hint(&l, diag_pos_line("a.xml", 7), RULE_REQUIRED_FIELD,
	    "the field's own hint", "client is missing");
	s = print_to_string(&l);
	assert_string_equal(s, "a.xml:7: error: client is missing "
	    "[required-field]\n  note: the field's own hint\n");
	free(s);
	diag_list_dispose(&l);
}

static void
test_diag__sort_is_stable_by_position(void **state)
{
	struct diag_list l;

	(void)state;
	diag_list_init(&l);
	diag_add(&l, diag_pos("b.md", 3, 0), RULE_PLACEHOLDER, "third");
	diag_add(&l, diag_pos("a.md", 9, 0), RULE_PLACEHOLDER, "second");
	diag_add(&l, diag_pos("a.md", 2, 4), RULE_PLACEHOLDER, "first");
	diag_add(&l, diag_pos("b.md", 3, 0), RULE_PLACEHOLDER, "fourth");
	diag_list_sort(&l);
	assert_string_equal(l.v[0].msg, "first");
	assert_string_equal(l.v[1].msg, "second");
	assert_string_equal(l.v[2].msg, "third");
	assert_string_equal(l.v[3].msg, "fourth");
	diag_list_dispose(&l);
}

static void
test_diag__worst_severity_gives_exit_status(void **state)
{
	struct diag_list l;

	(void)state;
	diag_list_init(&l);
	assert_int_equal(diag_list_status(&l), 0);
	diag_add(&l, diag_pos_line("x", 1), RULE_UNKNOWN_SECTION, "w");
	assert_int_equal(diag_list_status(&l), 0);
	diag_add(&l, diag_pos_line("x", 1), RULE_PLACEHOLDER, "e");
	assert_int_equal(diag_list_status(&l), 1);
	diag_add(&l, diag_pos_line("x", 1), RULE_IO, "s");
	assert_int_equal(diag_list_status(&l), 2);
	assert_int_equal(diag_list_count(&l, SEV_WARNING), 1);
	diag_list_dispose(&l);
}

static void
test_diag__json_escapes(void **state)
{
	struct diag_list l;
	struct buf	 b;
	int		 first = 1;

	(void)state;
	diag_list_init(&l);
	buf_init(&b);
	diag_add(&l, diag_pos("q\"x.md", 1, 0), RULE_PLACEHOLDER,
	    "tab\there \"q\" \\ nl\n%c", 1);
	assert_int_equal(diag_json_append(&b, &l, &first), 0);
	assert_non_null(strstr(b.data, "\"file\": \"q\\\"x.md\""));
	assert_non_null(strstr(b.data, "tab\\there \\\"q\\\" \\\\ nl\\n\\u0001"));
	assert_non_null(strstr(b.data, "\"rule\": \"placeholder\""));
	assert_non_null(strstr(b.data, "\"line\": 1, \"column\": 1"));
	buf_dispose(&b);
	diag_list_dispose(&l);
}

static void
test_diag__move_appends(void **state)
{
	struct diag_list a, b;

	(void)state;
	diag_list_init(&a);
	diag_list_init(&b);
	diag_add(&a, diag_pos_line("a", 1), RULE_PLACEHOLDER, "a1");
	diag_add(&b, diag_pos_line("b", 1), RULE_PLACEHOLDER, "b1");
	diag_add(&b, diag_pos_line("b", 2), RULE_PLACEHOLDER, "b2");
	diag_list_move(&a, &b);
	assert_int_equal(a.n, 3);
	assert_int_equal(b.n, 0);
	assert_string_equal(a.v[2].msg, "b2");
	diag_list_dispose(&a);
	diag_list_dispose(&b);
}

/* Rule ids are user interface: unique, lowercase-hyphen, each with a hint. */
static void
test_rules__ids_unique_and_hinted(void **state)
{
	const struct rule	*r, *o;
	const char		*p;
	int			 i, j;

	(void)state;
	for (i = 0; i < RULE__MAX; i++) {
		r = rule_get((enum rule_id)i);
		assert_non_null(r->id);
		assert_non_null(r->hint);
		assert_true(strlen(r->hint) > 5);
		for (p = r->id; *p; p++)
			assert_true((*p >= 'a' && *p <= 'z') || *p == '-' ||
			    (*p >= '0' && *p <= '9'));
		for (j = 0; j < i; j++) {
			o = rule_get((enum rule_id)j);
			assert_string_not_equal(r->id, o->id);
		}
		assert_int_equal(rule_find(r->id), i);
	}
	assert_int_equal(rule_find("no-such-rule"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diag__format_is_gcc_style),
		cmocka_unit_test(test_diag__line_only_and_hint_override),
		cmocka_unit_test(test_diag__sort_is_stable_by_position),
		cmocka_unit_test(test_diag__worst_severity_gives_exit_status),
		cmocka_unit_test(test_diag__json_escapes),
		cmocka_unit_test(test_diag__move_appends),
		cmocka_unit_test(test_rules__ids_unique_and_hinted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
