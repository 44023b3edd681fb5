/* SPDX-License-Identifier: MIT */
/* test_vcs.c: git dates as GIT_AUTHOR_DATE takes them, and the version
 * stamp of a file (clean, +dirty, untracked, no commits, not in git) on a
 * repository made with the git command line in a temp dir. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "vcs.h"

static void
test_vcs__parse_date(void **state)
{
	long long	 t;
	int		 off;

	(void)state;
	assert_int_equal(vcs_parse_date("2026-11-20T10:00:00+0100", &t, &off), 0);
	assert_true(t == 1795165200LL && off == 60);
	assert_int_equal(vcs_parse_date("@1795500000 +0000", &t, &off), 0);
	assert_true(t == 1795500000LL && off == 0);
	assert_int_equal(vcs_parse_date("1795500000 -0530", &t, &off), 0);
	assert_true(t == 1795500000LL && off == -330);
	assert_int_equal(vcs_parse_date("2026-11-20 10:00:00 +01:00", &t, &off), 0);
	assert_true(t == 1795165200LL && off == 60);
	assert_int_equal(vcs_parse_date("2026-11-20T09:00:00Z", &t, &off), 0);
	assert_true(t == 1795165200LL && off == 0);
	assert_int_equal(vcs_parse_date("Fri, 20 Nov 2026 10:00:00 +0100", &t, &off), 0);
	assert_true(t == 1795165200LL && off == 60);
	assert_int_equal(vcs_parse_date("2026-11-20", &t, &off), 0);
	assert_true(t == 1795132800LL);
	assert_int_equal(vcs_parse_date("yesterday", &t, &off), -1);
	assert_int_equal(vcs_parse_date("2026-13-20T10:00:00", &t, &off), -1);
	assert_int_equal(vcs_parse_date("2026-11-20T25:00", &t, &off), -1);
	assert_int_equal(vcs_parse_date("@12x", &t, &off), -1);
	assert_int_equal(vcs_parse_date("", &t, &off), -1);
}

static int
sh(const char *fmt, const char *dir)
{
	char	 cmd[1024];

	snprintf(cmd, sizeof(cmd), fmt, dir, dir, dir, dir);
	return system(cmd);
}

static void
test_vcs__stamp(void **state)
{
	char	 tmpl[] = "/tmp/handoff-vcs-XXXXXX", out[64], path[512];
	char	 head[16];
	FILE	*fp;
	char	*d;

	(void)state;
	assert_non_null(d = mkdtemp(tmpl));
	snprintf(path, sizeof(path), "%s/r/deals/a.md", d);
	vcs_stamp(out, sizeof(out), "/nonexistent/dir/a.md");
	assert_string_equal(out, "not in git");
	assert_int_equal(sh("cd %s && git init -q r && mkdir r/deals && "
	    "echo one > r/deals/a.md", d), 0);
	vcs_stamp(out, sizeof(out), path);
	assert_string_equal(out, "uncommitted");
	assert_int_equal(sh("cd %s/r && git add . && git -c user.name=T "
	    "-c user.email=t@e.x commit -q -m one", d), 0);
	snprintf(path + 256, 256, "git -C %s/r rev-parse --short=7 HEAD", d);
	assert_non_null(fp = popen(path + 256, "r"));
	assert_non_null(fgets(head, sizeof(head), fp));
	pclose(fp);
	head[strcspn(head, "\n")] = '\0';
	snprintf(path, sizeof(path), "%s/r/deals/a.md", d);
	vcs_stamp(out, sizeof(out), path);
	assert_string_equal(out, head);
	assert_int_equal(sh("echo two >> %s/r/deals/a.md", d), 0);
	vcs_stamp(out, sizeof(out), path);
	assert_true(strncmp(out, head, 7) == 0 &&
	    strcmp(out + 7, "+dirty") == 0);
	snprintf(path, sizeof(path), "%s/r/deals/new.md", d);
	assert_int_equal(sh("echo new > %s/r/deals/new.md", d), 0);
	vcs_stamp(out, sizeof(out), path);
	assert_true(strcmp(out + 7, "+dirty") == 0);
	assert_int_equal(sh("rm -rf %s", d), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vcs__parse_date),
		cmocka_unit_test(test_vcs__stamp),
	};

	unsetenv("GIT_DIR");
	unsetenv("GIT_INDEX_FILE");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
