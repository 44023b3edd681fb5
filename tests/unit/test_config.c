/* SPDX-License-Identifier: MIT */
/* test_config.c: handoff.yml: defaults, every key, and every refusal with
 * its line and column. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "rules.h"

/* Load text; returns config_load_mem's result, fills c and dl. */
static int
load(struct config *c, struct diag_list *dl, const char *text)
{
	config_init(c);
	diag_list_init(dl);
	return config_load_mem(c, "handoff.yml", text, strlen(text), dl);
}

/* The first diagnostic must have this rule and line, and mention sub. */
static void
expect_diag(const struct diag_list *dl, enum rule_id rule, unsigned line,
    const char *sub)
{
	assert_true(dl->n >= 1);
	if (dl->v[0].rule != rule || dl->v[0].line != line ||
	    strstr(dl->v[0].msg, sub) == NULL)
		fail_msg("got %s:%u:%u: %s [%s]", dl->v[0].file, dl->v[0].line,
		    dl->v[0].col + 1, dl->v[0].msg, rule_get(dl->v[0].rule)->id);
	assert_string_equal(dl->v[0].file, "handoff.yml");
}

static void
done(struct config *c, struct diag_list *dl)
{
	config_dispose(c);
	diag_list_dispose(dl);
}

static void
test_config__defaults(void **state)
{
	struct config	 c;

	(void)state;
	config_init(&c);
	assert_null(c.file);
	assert_null(c.company);
	assert_null(c.sender);
	assert_int_equal(c.pre_close_threshold, 70);
	assert_int_equal(c.deadline_days, 2);
	assert_int_equal(c.nholidays, 0);
	assert_int_equal(c.nrequired, 0);
	assert_int_equal(c.limits.max_file_size, 1024 * 1024);
	assert_int_equal(c.limits.max_depth, 32);
	assert_int_equal(c.timelines[SEGMENT_ENTERPRISE].step[STEP_ESCALATION].to,
	    60);
	assert_int_equal(c.timelines[SEGMENT_SMB].step[STEP_ESCALATION].to, 30);
	assert_ptr_equal(config_timeline(&c, "enterprise"),
	    &c.timelines[SEGMENT_ENTERPRISE]);
	assert_ptr_equal(config_timeline(&c, "nonsense"),
	    &c.timelines[SEGMENT_MID_MARKET]);
	assert_ptr_equal(config_timeline(&c, NULL),
	    &c.timelines[SEGMENT_MID_MARKET]);
	config_dispose(&c);
}

static void
test_config__empty_and_missing_files(void **state)
{
	struct config	 c;
	struct diag_list dl;
	char		 path[] = "/tmp/handoff-test-config-XXXXXX";
	int		 fd;

	(void)state;
	assert_int_equal(load(&c, &dl, ""), 0);
	assert_int_equal(dl.n, 0);
	assert_int_equal(c.pre_close_threshold, 70);
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "# only a comment\n---\n"), 0);
	assert_int_equal(dl.n, 0);
	done(&c, &dl);
	/* a missing file: fine unless it must exist */
	config_init(&c);
	diag_list_init(&dl);
	assert_int_equal(config_load(&c, "/nonexistent/handoff.yml", 0, &dl),
	    0);
	assert_int_equal(dl.n, 0);
	assert_int_equal(config_load(&c, "/nonexistent/handoff.yml", 1, &dl),
	    -1);
	assert_int_equal(dl.v[0].rule, RULE_IO);
	done(&c, &dl);
	/* a real file: its path is kept and used in diagnostics */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "company: Acme\nbogus: 1\n", 23), 23);
	close(fd);
	config_init(&c);
	diag_list_init(&dl);
	assert_int_equal(config_load(&c, path, 1, &dl), -1);
	assert_string_equal(c.file, path);
	assert_string_equal(dl.v[0].file, path);
	assert_int_equal(dl.v[0].line, 2);
	unlink(path);
	done(&c, &dl);
}

static void
test_config__every_key(void **state)
{
	static const char text[] =
	    "company: Vendor GmbH\n"
	    "logo: assets/logo.png\n"
	    "sender: \"Customer Success <cs@vendor.example>\"\n"
	    "timezone: Europe/Berlin\n"
	    "holidays:\n"
	    "  - 2026-12-25\n"
	    "  - 2026-12-24\n"
	    "  - 2026-12-25\n"
	    "  - 2027-01-01\n"
	    "completeness:\n"
	    "  pre_close: 80\n"
	    "deadline_business_days: 3\n"
	    "timelines:\n"
	    "  smb: { call: 1, mapping: 2, metrics: 4, intro: 3, "
	    "feedback: 20, escalation: 15 }\n"
	    "  enterprise:\n"
	    "    escalation: 90\n"
	    "    call: 0\n"
	    "required: [deal/go-live, deal/renewal]\n"
	    "limits:\n"
	    "  max_file_size: 2097152\n"
	    "  max_depth: 40\n"
	    "  max_table_rows: 500\n"
	    "  max_table_cols: 20\n"
	    "  max_template_depth: 8\n";
	struct config	 c;
	struct diag_list dl;
	const struct timeline *t;
	int		 d;

	(void)state;
	assert_int_equal(load(&c, &dl, text), 0);
	assert_int_equal(dl.n, 0);
	assert_string_equal(c.company, "Vendor GmbH");
	assert_string_equal(c.logo, "assets/logo.png");
	assert_string_equal(c.sender, "Customer Success <cs@vendor.example>");
	assert_string_equal(c.timezone, "Europe/Berlin");
	/* sorted, the repeat dropped */
	assert_int_equal(c.nholidays, 3);
	assert_int_equal(date_parse("2026-12-24", &d), 0);
	assert_int_equal(c.holidays[0], d);
	assert_int_equal(date_parse("2027-01-01", &d), 0);
	assert_int_equal(c.holidays[2], d);
	assert_true(c.holidays[0] < c.holidays[1]);
	assert_int_equal(c.pre_close_threshold, 80);
	assert_int_equal(c.deadline_days, 3);
	t = config_timeline(&c, "smb");
	assert_int_equal(t->step[STEP_CALL].to, 1);
	assert_int_equal(t->step[STEP_MAPPING].to, 2);
	assert_int_equal(t->step[STEP_METRICS].to, 4);
	assert_int_equal(t->step[STEP_INTRO].to, 3);
	assert_int_equal(t->step[STEP_FEEDBACK].to, 20);
	assert_int_equal(t->step[STEP_ESCALATION].to, 15);
	assert_int_equal(t->step[STEP_PACKAGE].to, 3);	/* the deadline */
	t = config_timeline(&c, "enterprise");
	assert_int_equal(t->step[STEP_ESCALATION].to, 90);
	assert_int_equal(t->step[STEP_CALL].to, 0);
	assert_int_equal(t->step[STEP_CALL].from, 0);	/* from <= to */
	assert_int_equal(t->step[STEP_MAPPING].to, 3);	/* untouched */
	t = config_timeline(&c, "mid-market");
	assert_int_equal(t->step[STEP_ESCALATION].to, 30);
	assert_int_equal(c.nrequired, 2);
	assert_string_equal(c.required[0], "deal/go-live");
	assert_string_equal(c.required[1], "deal/renewal");
	assert_int_equal(c.limits.max_file_size, 2097152);
	assert_int_equal(c.limits.max_depth, 40);
	assert_int_equal(c.limits.max_table_rows, 500);
	assert_int_equal(c.limits.max_table_cols, 20);
	assert_int_equal(c.limits.max_template_depth, 8);
	done(&c, &dl);
}

/* The file 'handoff init' writes documents the defaults: loading it must
 * change nothing but the company name. */
static void
test_config__shipped_default_is_the_default(void **state)
{
	const struct embedded *e = fs_embedded("templates/handoff.yml");
	struct config	 c, d;
	struct diag_list dl;
	char		*data = NULL;
	size_t		 len;
	int		 s, i;

	(void)state;
	if (e != NULL) {
		data = malloc(e->len + 1);
		assert_non_null(data);
		memcpy(data, e->data, e->len + 1);
	} else
		assert_int_equal(fs_read("templates/handoff.yml", 1 << 20,
		    &data, &len), 0);
	assert_int_equal(load(&c, &dl, data), 0);
	assert_int_equal(dl.n, 0);
	config_init(&d);
	assert_string_equal(c.company, "Our company");
	assert_int_equal(c.pre_close_threshold, d.pre_close_threshold);
	assert_int_equal(c.deadline_days, d.deadline_days);
	assert_int_equal(c.nholidays, 0);
	assert_int_equal(c.nrequired, 0);
	assert_memory_equal(&c.limits, &d.limits, sizeof(d.limits));
	for (s = 0; s < SEGMENT__MAX; s++)
		for (i = 0; i < STEP__MAX; i++) {
			assert_int_equal(c.timelines[s].step[i].to,
			    d.timelines[s].step[i].to);
			assert_int_equal(c.timelines[s].step[i].from,
			    d.timelines[s].step[i].from);
		}
	free(data);
	config_dispose(&d);
	done(&c, &dl);
}

static void
test_config__malformed_yaml_has_its_line(void **state)
{
	struct config	 c;
	struct diag_list dl;

	(void)state;
	assert_int_equal(load(&c, &dl, "company: Acme\n"
	    "timelines:\n"
	    "  smb: [1, 2\n"
	    "limits: {}\n"), -1);
	assert_int_equal(dl.v[0].rule, RULE_CONFIG);
	assert_true(dl.v[0].line >= 3 && dl.v[0].line <= 4);
	assert_non_null(strstr(dl.v[0].msg, "malformed YAML"));
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "company: Acme\n"
	    "\tdeadline_business_days: 2\n"), -1);
	assert_int_equal(dl.v[0].rule, RULE_CONFIG);
	assert_int_equal(dl.v[0].line, 2);
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "company: \"Acme\n"), -1);
	assert_int_equal(dl.v[0].rule, RULE_CONFIG);
	done(&c, &dl);
	/* not a mapping at the top */
	assert_int_equal(load(&c, &dl, "- company\n- Acme\n"), -1);
	expect_diag(&dl, RULE_CONFIG, 1, "key: value");
	done(&c, &dl);
	/* two documents */
	assert_int_equal(load(&c, &dl, "company: A\n---\ncompany: B\n"), -1);
	expect_diag(&dl, RULE_CONFIG, 2, "second YAML document");
	done(&c, &dl);
	/* a NUL byte */
	config_init(&c);
	diag_list_init(&dl);
	assert_int_equal(config_load_mem(&c, "handoff.yml", "a: b\0c", 6,
	    &dl), -1);
	assert_int_equal(dl.v[0].rule, RULE_BINARY);
	done(&c, &dl);
}

static void
test_config__duplicate_key(void **state)
{
	struct config	 c;
	struct diag_list dl;

	(void)state;
	assert_int_equal(load(&c, &dl, "company: A\nlogo: x.png\n"
	    "company: B\n"), -1);
	expect_diag(&dl, RULE_YAML_DUPLICATE, 3, "'company' (first at line 1)");
	assert_int_equal(dl.v[0].col, 0);
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "timelines:\n  smb:\n    call: 1\n"
	    "    call: 2\n"), -1);
	expect_diag(&dl, RULE_YAML_DUPLICATE, 4, "'call'");
	assert_int_equal(dl.v[0].col, 4);
	done(&c, &dl);
}

static void
test_config__unknown_key_is_an_error(void **state)
{
	struct config	 c;
	struct diag_list dl;

	(void)state;
	assert_int_equal(load(&c, &dl, "company: A\ntimezon: UTC\n"), -1);
	expect_diag(&dl, RULE_CONFIG, 2, "did you mean 'timezone'?");
	assert_int_equal(rule_get(dl.v[0].rule)->sev, SEV_ERROR);
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "timelines:\n  enterprise:\n"
	    "    escalaton: 40\n"), -1);
	expect_diag(&dl, RULE_CONFIG, 3, "'escalaton' in enterprise; did you "
	    "mean 'escalation'?");
	assert_int_equal(dl.v[0].col, 4);
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "timelines:\n  startup:\n"
	    "    call: 1\n"), -1);
	expect_diag(&dl, RULE_CONFIG, 2, "unknown key 'startup' in timelines");
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "limits:\n  max_rows: 3\n"), -1);
	expect_diag(&dl, RULE_CONFIG, 2, "'max_rows' in limits");
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "completely_unrelated: 1\n"), -1);
	expect_diag(&dl, RULE_CONFIG, 1, "unknown key 'completely_unrelated'");
	assert_null(strstr(dl.v[0].msg, "did you mean"));
	done(&c, &dl);
}

static void
test_config__anchors_and_aliases_refused(void **state)
{
	struct config	 c;
	struct diag_list dl;

	(void)state;
	assert_int_equal(load(&c, &dl, "timelines:\n  smb: &t { call: 1 }\n"
	    "  mid-market: *t\n"), -1);
	expect_diag(&dl, RULE_YAML_ALIAS, 2, "anchor '&t'");
	done(&c, &dl);
	/* a billion laughs never expands: refused at the first anchor */
	assert_int_equal(load(&c, &dl, "a: &a [x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"), -1);
	assert_int_equal(dl.v[0].rule, RULE_YAML_ALIAS);
	assert_int_equal(dl.v[0].line, 1);
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "company: *nothing\n"), -1);
	assert_true(dl.v[0].rule == RULE_YAML_ALIAS ||
	    dl.v[0].rule == RULE_CONFIG);
	assert_int_equal(dl.v[0].line, 1);
	done(&c, &dl);
}

static void
test_config__bad_values(void **state)
{
	static const struct {
		const char	*text;
		unsigned	 line;
		const char	*sub;
	} cases[] = {
		{ "timezone: Europe/../../etc/passwd\n", 1, "IANA time zone" },
		{ "timezone: europe/berlin\n", 1, "IANA time zone" },
		{ "timezone: Mars/Olympus_Mons\n", 1, "unknown time zone" },
		{ "holidays:\n  - 2026-12-25\n  - 2026-02-30\n", 3,
		    "expected a date" },
		{ "holidays: 2026-12-25\n", 1, "expected a list" },
		{ "completeness:\n  pre_close: 101\n", 2, "from 0 to 100" },
		{ "completeness:\n  pre_close: seventy\n", 2, "whole number" },
		{ "completeness:\n  pre_close: \"70\"\n", 2, "whole number" },
		{ "completeness: 70\n", 1, "expected a mapping" },
		{ "deadline_business_days: -1\n", 1, "whole number" },
		{ "deadline_business_days: 99999999999999999999\n", 1,
		    "whole number" },
		{ "timelines:\n  smb:\n    feedback: 1000\n", 3, "from 0 to 366" },
		{ "sender: Dana Reyes\n", 1, "Name <address@domain>" },
		{ "sender: \"Dana <dana@x.example>\\r\\nBcc: a@b.example\"\n", 1,
		    "Name <address@domain>" },
		{ "company: \"Acme\\nBcc: x\"\n", 1, "one line of text" },
		{ "company: [a, b]\n", 1, "not a list" },
		{ "required: [deal/go live]\n", 1, "field path" },
		{ "required: [../etc]\n", 1, "field path" },
		{ "limits:\n  max_file_size: 10\n", 2, "from 1024" },
		{ "limits:\n  max_depth: 0\n", 2, "whole number" },
		{ "? [a, b]\n: c\n", 1, "plain word" },
	};
	struct config	 c;
	struct diag_list dl;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (load(&c, &dl, cases[i].text) != -1)
			fail_msg("accepted: %s", cases[i].text);
		expect_diag(&dl, RULE_CONFIG, cases[i].line, cases[i].sub);
		done(&c, &dl);
	}
}

static void
test_config__nesting_bounded(void **state)
{
	struct config	 c;
	struct diag_list dl;
	char		*deep;
	size_t		 i, n = 100000;

	(void)state;
	deep = malloc(2 * n + 16);
	assert_non_null(deep);
	memcpy(deep, "company: ", 9);
	for (i = 0; i < n; i++)
		deep[9 + i] = '[';
	for (i = 0; i < n; i++)
		deep[9 + n + i] = ']';
	deep[9 + 2 * n] = '\0';
	assert_int_equal(load(&c, &dl, deep), -1);
	assert_true(dl.v[0].rule == RULE_NESTING ||
	    dl.v[0].rule == RULE_CONFIG);
	assert_int_equal(dl.v[0].line, 1);
	free(deep);
	done(&c, &dl);
}

static void
test_config__null_values_keep_defaults(void **state)
{
	struct config	 c;
	struct diag_list dl;

	(void)state;
	assert_int_equal(load(&c, &dl, "company:\nlogo: ~\nholidays:\n"
	    "completeness:\n  pre_close:\n"), 0);
	assert_int_equal(dl.n, 0);
	assert_null(c.company);
	assert_null(c.logo);
	assert_int_equal(c.pre_close_threshold, 70);
	done(&c, &dl);
}

/* calls: { recording_link }: a pattern with {url} and {seconds}, or an
 * error on its line; NULL (the default) when not given. */
static void
test_config__calls_recording_link(void **state)
{
	struct config		 c;
	struct diag_list	 dl;

	(void)state;
	assert_int_equal(load(&c, &dl, "calls:\n  recording_link: "
	    "\"{url}&t={seconds}\"\n"), 0);
	assert_string_equal(c.recording_link, "{url}&t={seconds}");
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "company: X\n"), 0);
	assert_null(c.recording_link);
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "calls:\n  recording_link: "
	    "\"{url}#start\"\n"), -1);
	expect_diag(&dl, RULE_CONFIG, 2, "recording_link");
	assert_null(c.recording_link);
	done(&c, &dl);
	assert_int_equal(load(&c, &dl, "calls:\n  recording_lnk: x\n"), -1);
	done(&c, &dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config__defaults),
		cmocka_unit_test(test_config__empty_and_missing_files),
		cmocka_unit_test(test_config__every_key),
		cmocka_unit_test(test_config__shipped_default_is_the_default),
		cmocka_unit_test(test_config__malformed_yaml_has_its_line),
		cmocka_unit_test(test_config__duplicate_key),
		cmocka_unit_test(test_config__unknown_key_is_an_error),
		cmocka_unit_test(test_config__anchors_and_aliases_refused),
		cmocka_unit_test(test_config__bad_values),
		cmocka_unit_test(test_config__nesting_bounded),
		cmocka_unit_test(test_config__null_values_keep_defaults),
		cmocka_unit_test(test_config__calls_recording_link),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
