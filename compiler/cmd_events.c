/* SPDX-License-Identifier: MIT */
/*
 * cmd_events.c: 'handoff events [--since REV] [--format text|json]': what
 * happened to the deals and what is due today, from git history and the
 * date (deliver/events.c).  A report: exit 0 unless the repository cannot
 * be read (2) or REV names nothing (2).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd_git.h"
#include "diag.h"
#include "deliver/events.h"
#include "timeline.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff events [--since REV] [--format text|json]\n"
    "\n"
    "What happened and what is due, from git history and today's date:\n"
    "signed (Day 0), accepted, rejected (with the reason), due-tomorrow,\n"
    "overdue, intro-due, feedback-due, commitment-due (within 7 days).\n"
    "--since REV leaves out what commits reachable from REV did.\n";

static void
events_print_text(const struct events *l)
{
	char	 when[11];
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		date_format(l->v[i].day, when);
		printf("%s  %-14s  %-24s  %s%s%s\n", when,
		    events_kind_name(l->v[i].kind), l->v[i].deal,
		    l->v[i].version, *l->v[i].detail ? "  " : "",
		    l->v[i].detail);
	}
}

static void
events_print_json(const struct events *l)
{
	struct buf	 b;
	char		 when[11];
	size_t		 i;

	buf_init(&b);
	buf_putc(&b, '[');
	for (i = 0; i < l->n; i++) {
		date_format(l->v[i].day, when);
		buf_printf(&b, "%s\n  {\"event\": \"%s\", \"deal\": ",
		    i ? "," : "", events_kind_name(l->v[i].kind));
		diag_json_string(&b, l->v[i].deal);
		buf_puts(&b, ", \"file\": ");
		diag_json_string(&b, l->v[i].path);
		buf_printf(&b, ", \"date\": \"%s\", \"version\": ", when);
		diag_json_string(&b, l->v[i].version);
		buf_puts(&b, ", \"commit\": ");
		diag_json_string(&b, l->v[i].commit);
		buf_puts(&b, ", \"detail\": ");
		diag_json_string(&b, l->v[i].detail);
		buf_putc(&b, '}');
	}
	buf_puts(&b, l->n ? "\n]\n" : "]\n");
	fputs(b.data, stdout);
	buf_dispose(&b);
}

int
cmd_events(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd	 g;
	struct events	 l;
	const char	*since = NULL;
	int		 a, json = 0, rc = 2, r;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--since") == 0 && a + 1 < argc)
			since = argv[++a];
		else if (strncmp(argv[a], "--since=", 8) == 0)
			since = argv[a] + 8;
		else if (!git_cmd_format(argc, argv, &a, &json)) {
			fputs(usage, stderr);
			return 2;
		}
	}
	memset(&l, 0, sizeof(l));
	git_cmd_init(&g);
	if (git_cmd_open(&g, ".", GIT_CMD_WORKTREE) == -1 ||
	    git_cmd_session(&g, cli, cli->today) == -1)
		goto out;
	if ((r = events_collect(&l, &g.s, g.v, since)) != 0) {
		if (r == VCS_ENOTFOUND)
			cmd_error("events: --since %s: %s", since,
			    vcs_strerror());
		else
			cmd_error("events: %s", vcs_strerror());
		goto out;
	}
	if (json)
		events_print_json(&l);
	else if (l.n == 0)
		printf("no events\n");
	else
		events_print_text(&l);
	rc = 0;
out:
	events_dispose(&l);
	git_cmd_close(&g);
	return rc;
}
