/* SPDX-License-Identifier: MIT */
/*
 * cmd_check.c: 'handoff check [--format text|json] FILE...': validate each
 * file, print every diagnostic compiler-style (or as one JSON array) and a
 * completeness line per file.  Exit 0 clean, 1 invalid, 2 usage/system.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "diag.h"
#include "model.h"
#include "session.h"

static const char usage[] =
    "usage: handoff check [--format text|json] FILE...\n"
    "\n"
    "Validate handoffs against the schema, the stage rules and the\n"
    "playbooks.  Prints file:line:col: severity: message [rule-id].\n"
    "Exit status: 0 clean (warnings allowed), 1 invalid, 2 usage or\n"
    "system error.\n";

/* The summary line of one file, as a note. */
static void
check_summary(struct diag_list *dl, const char *file, struct verdict *v)
{
	/* Count what the front end found too, not only the validator. */
	v->errors = diag_list_count(dl, SEV_ERROR);
	v->warnings = diag_list_count(dl, SEV_WARNING);
	char	 when[11];

	if (v->stage == STAGE_SIGNED && v->deadline >= 0) {
		date_format(v->deadline, when);
		diag_add(dl, diag_pos_line(file, 0), RULE_DEADLINE,
		    "%s, %d%% complete (%zu error%s, %zu warning%s); "
		    "handoff due by end of %s%s", validate_stage_name(v->stage),
		    v->percent, v->errors, v->errors == 1 ? "" : "s",
		    v->warnings, v->warnings == 1 ? "" : "s", when,
		    v->overdue ? " (overdue)" : "");
	} else
		diag_add(dl, diag_pos_line(file, 0), RULE_DEADLINE,
		    "%s, %d%% complete (%zu error%s, %zu warning%s)",
		    validate_stage_name(v->stage), v->percent, v->errors,
		    v->errors == 1 ? "" : "s", v->warnings,
		    v->warnings == 1 ? "" : "s");
}

int
cmd_check(const struct cli *cli, int argc, char **argv)
{
	struct session	 s;
	struct diag_list dl, one;
	struct verdict	 v;
	struct model	*m;
	struct buf	 json;
	int		 i, json_fmt = 0, first = 1, rc, nfiles = 0;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "json") == 0)
				json_fmt = 1;
			else if (strcmp(argv[i], "text") != 0) {
				cmd_error("check: unknown format '%s'", argv[i]);
				return 2;
			}
		} else if (strcmp(argv[i], "--format=json") == 0)
			json_fmt = 1;
		else if (strcmp(argv[i], "--format=text") != 0) {
			cmd_error("check: unknown option '%s'\n%s", argv[i], usage);
			return 2;
		}
	}
	if (i >= argc) {
		fputs(usage, stderr);
		return 2;
	}
	diag_list_init(&dl);
	if (session_open(&s, ".", cli->today, cli->now, &dl) == -1) {
		/* A broken handoff.yml or schema is the team's input: 1. */
		rc = diag_list_status(&dl);
		diag_list_sort(&dl);
		diag_print_text(stderr, &dl);
		diag_list_dispose(&dl);
		session_close(&s);
		return rc == 0 ? 2 : rc;
	}
	config_warn(&s.config, &dl);
	for (; i < argc; i++, nfiles++) {
		diag_list_init(&one);
		m = session_check_file(&s, argv[i], &v, &one);
		diag_list_sort(&one);
		if (m != NULL)	/* last, after the file's diagnostics */
			check_summary(&one, argv[i], &v);
		model_free(m);
		diag_list_move(&dl, &one);
	}
	rc = diag_list_status(&dl);
	if (json_fmt) {
		buf_init(&json);
		buf_putc(&json, '[');
		diag_json_append(&json, &dl, &first);
		buf_puts(&json, first ? "]\n" : "\n]\n");
		fputs(json.data ? json.data : "[]\n", stdout);
		buf_dispose(&json);
	} else
		diag_print_text(rc == 0 ? stdout : stderr, &dl);
	diag_list_dispose(&dl);
	session_close(&s);
	(void)nfiles;
	return rc;
}
