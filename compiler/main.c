/* SPDX-License-Identifier: MIT */
/*
 * main.c: the command line.  Reads the global options and the environment
 * (HANDOFF_TODAY, SOURCE_DATE_EPOCH), then dispatches to a subcommand in
 * the table below.  The only global state of the program is here, and only
 * this file calls exit().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cmd.h"
#include "near.h"
#include "timeline.h"

struct command {
	const char	*name;
	int		(*fn)(const struct cli *, int, char **);
	const char	*summary;
};

static const struct command commands[] = {
	{ "init",	cmd_init,	"make a team repo: deals/, handoff.yml, hooks" },
	{ "eject",	cmd_eject,	"copy the built-in schema, playbooks, templates to edit" },
	{ "new",	cmd_new,	"scaffold a handoff from the template" },
	{ "import",	cmd_import,	"start or update handoffs from CRM exports" },
	{ "check",	cmd_check,	"validate handoffs (exit 0 / 1 / 2)" },
	{ "convert",	cmd_convert,	"convert between Markdown and XML" },
	{ "fmt",	cmd_fmt,	"rewrite handoffs in their canonical form, in place" },
	{ "build",	cmd_build,	"compile deals into output/ (PDF, e-mails, calendar)" },
	{ "commit",	cmd_commit,	"validate, then commit handoffs" },
	{ "log",	cmd_log,	"versions of a deal with completeness" },
	{ "show",	cmd_show,	"a deal at any revision" },
	{ "diff",	cmd_diff,	"field-level changes between versions" },
	{ "status",	cmd_status,	"every deal: stage, %, deadline, overdue" },
	{ "calls",	cmd_calls,	"read call transcripts into suggestions" },
	{ "audit",	cmd_audit,	"scores and patterns from history" },
	{ "serve",	cmd_serve,	"the internal pages, live, on 127.0.0.1" },
	{ "events",	cmd_events,	"signed, due, overdue, reviews, from history" },
	{ "send",	cmd_send,	"send notices, reminders, chat notes, once" },
	{ "feedback",	cmd_feedback,	"record a deal's 30-day feedback score" },
	{ "approve",	cmd_approve,	"approve the client intro for send --intro" },
	{ "hook",	cmd_hook,	"install git hooks that run check" },
	{ "templates",	cmd_templates,	"check, render and inspect the e-mail templates" },
	{ "template",	cmd_templates,	"the old spelling of templates" },
};

static void
usage(FILE *fp)
{
	size_t	 i;

	fprintf(fp, "usage: handoff [--version] [--help] COMMAND [ARGS]\n\n"
	    "Compile Sales -> Customer Success handoffs.\n\ncommands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, "template") != 0)
			fprintf(fp, "  %-10s %s\n", commands[i].name,
			    commands[i].summary);
	fprintf(fp, "\n'handoff COMMAND --help' tells more; see handoff(1).\n");
}

/* "'chek' is not a command; did you mean 'check'?" (a usage error). */
static void
unknown_command(const char *word)
{
	const char	*names[sizeof(commands) / sizeof(commands[0])];
	const char	*best[2];
	size_t		 i, n = 0, k;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, "template") != 0)
			names[n++] = commands[i].name;
	k = near_best(word, names, n, best, 2);
	if (k == 2)
		cmd_error("'%s' is not a command; did you mean '%s' or '%s'? "
		    "(see 'handoff --help')", word, best[0], best[1]);
	else if (k == 1)
		cmd_error("'%s' is not a command; did you mean '%s'? "
		    "(see 'handoff --help')", word, best[0]);
	else
		cmd_error("'%s' is not a command; see 'handoff --help'", word);
}

/* HANDOFF_TODAY and SOURCE_DATE_EPOCH pin the date and clock for tests. */
static int
cli_init(struct cli *cli)
{
	const char	*s;
	char		*end;
	long long	 t;

	cli->prog = "handoff";
	cli->today = -1;
	cli->now = (long long)time(NULL);
	cli->pinned = 0;
	cli->tty = isatty(STDERR_FILENO);
	if ((s = getenv("SOURCE_DATE_EPOCH")) != NULL && *s != '\0') {
		t = strtoll(s, &end, 10);
		if (*end != '\0' || t < 0) {
			cmd_error("SOURCE_DATE_EPOCH: '%s' is not a number", s);
			return -1;
		}
		cli->now = t;
		cli->pinned = 1;
	}
	if ((s = getenv("HANDOFF_TODAY")) != NULL && *s != '\0') {
		if (date_parse(s, &cli->today) == -1) {
			cmd_error("HANDOFF_TODAY: '%s' is not a date (YYYY-MM-DD)", s);
			return -1;
		}
		if (!cli->pinned)
			cli->now = (long long)cli->today * 86400 + 9 * 3600;
		cli->pinned = 1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct cli	 cli;
	size_t		 i;
	int		 rc;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("handoff %s\n", HANDOFF_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (cli_init(&cli) == -1)
		return 2;
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		xmlInitParser();
		rc = commands[i].fn(&cli, argc - 1, argv + 1);
		xmlCleanupParser();
		if (fflush(stdout) == EOF && rc == 0)
			rc = 2;
		exit(rc);
	}
	unknown_command(argv[1]);
	return 2;
}
