/* SPDX-License-Identifier: MIT */
/*
 * cmd_status.c: 'handoff status [--format text|json]': every deal in
 * deals/ of the work tree, one line each: stage, completeness, deadline,
 * overdue or not, acknowledged by the CSM or not (the CS review accepted
 * it), and the 30-day feedback score.  A report: exit 0 unless the
 * repository cannot be read.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd_git.h"
#include "diag.h"
#include "fsutil.h"
#include "history.h"
#include "model.h"
#include "session.h"
#include "timeline.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff status [--format text|json]\n"
    "\n"
    "One line per deal in deals/ of the team repo (found from here up to\n"
    "the git root):\n"
    "  filled        the share of the required and recommended fields\n"
    "                filled (the 'N% complete' of check and commit)\n"
    "  complete      yes when every field the stage requires is filled\n"
    "                (recommended ones do not count): the test 'handoff\n"
    "                audit' applies at the deadline\n"
    "  deadline      the end of the 2nd business day after the signature\n"
    "  overdue       OVERDUE: past the deadline, not complete and not\n"
    "                accepted by CS\n"
    "  acknowledged  the CS review accepted it (or rejected it)\n"
    "  30-day        the CSM's 30-day feedback score, 0 to 10 (the\n"
    "                30-day column of 'handoff audit'; not the handoff\n"
    "                score, see 'handoff audit --help')\n"
    "  errors        what 'handoff check' counts as errors today\n";

struct srow {
	char		*file;		/* deals/x.md */
	char		*deal;
	int		 readable;
	struct verdict	 v;
	size_t		 errors;
	char		 review[16];	/* accepted, rejected, "" */
	int		 score;		/* -1: none */
};

static int
status_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The deal files in dir, sorted (free each and the array). */
static int
status_list(char ***out, size_t *np, const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL, **nv;
	size_t		 n = 0, cap = 0;

	*out = NULL;
	*np = 0;
	if ((d = opendir(dir)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !history_is_deal(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				goto fail;
			v = nv;
		}
		if ((v[n] = fs_join(dir, e->d_name)) == NULL)
			goto fail;
		n++;
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof(*v), status_name_cmp);
	*out = v;
	*np = n;
	return 0;
fail:
	closedir(d);
	while (n > 0)
		free(v[--n]);
	free(v);
	return -1;
}

/* Check one deal and fill its row. */
static void
status_row(struct srow *r, const struct session *s)
{
	struct diag_list dl;
	struct model	*m;
	const char	*t;
	char		*end;
	long		 score;

	diag_list_init(&dl);
	r->score = -1;
	m = session_check_file(s, r->file, &r->v, &dl);
	r->errors = diag_list_count(&dl, SEV_ERROR);
	r->readable = m != NULL;
	if (m != NULL) {
		t = model_get(m, "process/review/decision");
		if (strcmp(t, "accepted") == 0 || strcmp(t, "rejected") == 0)
			snprintf(r->review, sizeof(r->review), "%s", t);
		t = model_get(m, "process/feedback/score");
		score = strtol(t, &end, 10);
		if (*t != '\0' && *end == '\0' && score >= 0 && score <= 10)
			r->score = (int)score;
	}
	model_free(m);
	diag_list_dispose(&dl);
}

static void
status_text(const struct srow *r, size_t n)
{
	char	 when[11];
	size_t	 i;
	int	 w = 4;

	for (i = 0; i < n; i++)
		if ((int)strlen(r[i].deal) > w)
			w = (int)strlen(r[i].deal);
	printf("%-*s  %-10s  %6s  %-8s  %-10s  %-7s  %-12s  %-6s  %s\n", w,
	    "deal", "stage", "filled", "complete", "deadline", "overdue",
	    "acknowledged", "30-day", "errors");
	for (i = 0; i < n; i++) {
		if (r[i].v.deadline >= 0)
			date_format(r[i].v.deadline, when);
		else
			strcpy(when, "-");
		printf("%-*s  %-10s  ", w, r[i].deal, r[i].readable ?
		    validate_stage_name(r[i].v.stage) : "unreadable");
		if (r[i].readable)
			printf("%5d%%  %-8s", r[i].v.percent,
			    validate_is_complete(&r[i].v) ? "yes" : "no");
		else
			printf("%6s  %-8s", "-", "-");
		printf("  %-10s  %-7s  %-12s  ", when,
		    r[i].v.overdue ? "OVERDUE" : "no",
		    strcmp(r[i].review, "accepted") == 0 ? "yes" :
		    strcmp(r[i].review, "rejected") == 0 ? "rejected" : "no");
		if (r[i].score >= 0)
			printf("%2d/10   ", r[i].score);
		else
			printf("%-6s  ", "-");
		printf("%zu\n", r[i].errors);
	}
}

static void
status_json(const struct srow *r, size_t n)
{
	struct buf	 b;
	char		 when[11];
	size_t		 i;

	buf_init(&b);
	buf_putc(&b, '[');
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s\n  {\"deal\": ", i ? "," : "");
		diag_json_string(&b, r[i].deal);
		buf_puts(&b, ", \"file\": ");
		diag_json_string(&b, r[i].file);
		buf_printf(&b, ", \"stage\": \"%s\", \"percent\": ",
		    r[i].readable ? validate_stage_name(r[i].v.stage) :
		    "unreadable");
		buf_printf(&b, r[i].readable ? "%d" : "null", r[i].v.percent);
		buf_printf(&b, ", \"complete\": %s", !r[i].readable ? "null" :
		    validate_is_complete(&r[i].v) ? "true" : "false");
		if (r[i].v.deadline >= 0) {
			date_format(r[i].v.deadline, when);
			buf_printf(&b, ", \"deadline\": \"%s\"", when);
		} else
			buf_puts(&b, ", \"deadline\": null");
		buf_printf(&b, ", \"overdue\": %s, \"acknowledged\": %s, "
		    "\"review\": ", r[i].v.overdue ? "true" : "false",
		    strcmp(r[i].review, "accepted") == 0 ? "true" : "false");
		if (r[i].review[0] != '\0')
			buf_printf(&b, "\"%s\"", r[i].review);
		else
			buf_puts(&b, "null");
		if (r[i].score >= 0)
			buf_printf(&b, ", \"score\": %d", r[i].score);
		else
			buf_puts(&b, ", \"score\": null");
		buf_printf(&b, ", \"errors\": %zu}", r[i].errors);
	}
	buf_puts(&b, n ? "\n]\n" : "]\n");
	fputs(b.data, stdout);
	buf_dispose(&b);
}

int
cmd_status(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd	 g;
	struct srow	*rows = NULL;
	char		**files = NULL, *dir = NULL;
	const char	*root;
	size_t		 i, n = 0;
	int		 a, json = 0, rc = 2;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (a = 1; a < argc; a++)
		if (!git_cmd_format(argc, argv, &a, &json)) {
			fputs(usage, stderr);
			return 2;
		}
	/* The team repo root: the work tree when in git, else here. */
	git_cmd_init(&g);
	if (git_cmd_open(&g, ".", GIT_CMD_OPTIONAL) == -1 ||
	    git_cmd_session(&g, cli, cli->today) == -1)
		goto out;
	root = git_cmd_root(&g);
	if ((dir = fs_join(root, HISTORY_DEALS)) == NULL ||
	    status_list(&files, &n, dir) == -1) {
		cmd_error("status: %s: %s", dir ? dir : "deals",
		    strerror(errno));
		goto out;
	}
	if (n > 0 && (rows = calloc(n, sizeof(*rows))) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		rows[i].file = files[i];
		if ((rows[i].deal = fs_stem(files[i])) == NULL)
			goto out;
		status_row(&rows[i], &g.s);
		/* Show repo paths, not absolute ones. */
		if (strncmp(rows[i].file, root, strlen(root)) == 0 &&
		    strcmp(root, ".") != 0)
			rows[i].file += strlen(root) + 1;
	}
	if (json)
		status_json(rows, n);
	else if (n == 0)
		printf("no deals in %s/\n", HISTORY_DEALS);
	else
		status_text(rows, n);
	rc = 0;
out:
	for (i = 0; rows != NULL && i < n; i++)
		free(rows[i].deal);
	free(rows);
	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
	free(dir);
	git_cmd_close(&g);
	return rc;
}
