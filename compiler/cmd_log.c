/* SPDX-License-Identifier: MIT */
/*
 * cmd_log.c: 'handoff log [--format text|json] DEAL': every version of a
 * deal in git, newest first: short id, date, author, stage, completeness
 * and the number of errors at that version (each blob is parsed and
 * validated as of its commit's day).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd_git.h"
#include "diag.h"
#include "history.h"
#include "model.h"
#include "session.h"
#include "timeline.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff log [--format text|json] DEAL\n"
    "\n"
    "List every committed version of DEAL (an id such as acme-logistics,\n"
    "or a path), newest first: commit, date, author, stage, completeness\n"
    "and the errors that version had.\n";

/* One line of the log. */
struct logrow {
	const struct vcs_version *ver;
	const char	*stage;		/* "signed", "pre-close", "unreadable" */
	int		 percent;	/* -1: unreadable */
	size_t		 errors;
};

/* Print s padded with spaces to w characters (UTF-8 aware). */
static void
log_pad(const char *s, size_t w)
{
	const unsigned char	*p;
	size_t			 n = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	fputs(s, stdout);
	for (; n < w; n++)
		putchar(' ');
}

/* "2026-11-20 10:00" in the commit's own zone. */
static void
log_when(char out[32], long long t, int offset)
{
	long long	 s = t + (long long)offset * 60;
	int		 day = history_day(t, offset);
	long long	 sec = s - (long long)day * 86400;
	char		 d[11];

	date_format(day, d);
	snprintf(out, 32, "%s %02d:%02d", d, (int)(sec / 3600) % 24,
	    (int)(sec % 3600 / 60) % 60);
}

static void
log_text(const struct logrow *r, size_t n)
{
	char		 when[32];
	size_t		 i, wa = 6, len;
	const char	*p;

	for (i = 0; i < n; i++) {
		for (len = 0, p = r[i].ver->author; *p; p++)
			len += ((unsigned char)*p & 0xC0) != 0x80;
		if (len > wa)
			wa = len;
	}
	printf("%-*s  %-16s  ", VCS_SHORT, "commit", "date");
	log_pad("author", wa);
	printf("  %-10s  %8s  %s\n", "stage", "complete", "errors");
	for (i = 0; i < n; i++) {
		log_when(when, r[i].ver->author_time, r[i].ver->author_offset);
		printf("%s  %s  ", r[i].ver->short_id, when);
		log_pad(r[i].ver->author, wa);
		printf("  %-10s  ", r[i].stage);
		if (r[i].percent < 0)
			printf("%8s", "-");
		else
			printf("%7d%%", r[i].percent);
		printf("  %zu\n", r[i].errors);
	}
}

static void
log_json(const struct logrow *r, size_t n)
{
	struct buf	 b;
	char		 when[32];
	size_t		 i;

	buf_init(&b);
	buf_puts(&b, "[");
	for (i = 0; i < n; i++) {
		log_when(when, r[i].ver->author_time, r[i].ver->author_offset);
		buf_printf(&b, "%s\n  {\"commit\": \"%s\", \"date\": \"%s\", "
		    "\"time\": %lld, \"author\": ", i ? "," : "",
		    r[i].ver->id, when, r[i].ver->author_time);
		diag_json_string(&b, r[i].ver->author);
		buf_puts(&b, ", \"email\": ");
		diag_json_string(&b, r[i].ver->email);
		buf_puts(&b, ", \"path\": ");
		diag_json_string(&b, r[i].ver->path);
		buf_printf(&b, ", \"stage\": \"%s\", \"percent\": %d, "
		    "\"errors\": %zu}", r[i].stage, r[i].percent,
		    r[i].errors);
	}
	buf_puts(&b, n ? "\n]\n" : "]\n");
	fputs(b.data, stdout);
	buf_dispose(&b);
}

/* Check every version; fills rows.  0 or -1 (git failure). */
static int
log_rows(struct logrow *rows, const struct session *s, struct vcs *v,
    const struct vcs_versions *vl)
{
	struct diag_list dl;
	struct verdict	 vd;
	struct model	*m;
	size_t		 i;
	int		 sys;

	for (i = 0; i < vl->n; i++) {
		diag_list_init(&dl);
		m = history_check(s, v, &vl->v[i], &vd, &dl, &sys);
		rows[i].ver = &vl->v[i];
		rows[i].errors = diag_list_count(&dl, SEV_ERROR);
		rows[i].stage = m ? validate_stage_name(vd.stage) : "unreadable";
		rows[i].percent = m ? vd.percent : -1;
		model_free(m);
		diag_list_dispose(&dl);
		if (sys)
			return -1;
	}
	return 0;
}

int
cmd_log(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd		 g;
	struct deal_ref		 ref;
	struct vcs_versions	 vl;
	struct logrow		*rows = NULL;
	const char		*deal = NULL;
	int			 i, json = 0, rc = 2;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (i = 1; i < argc; i++) {
		if (git_cmd_format(argc, argv, &i, &json))
			continue;
		if (argv[i][0] != '-' && deal == NULL)
			deal = argv[i];
		else {
			fputs(usage, stderr);
			return 2;
		}
	}
	if (deal == NULL) {
		fputs(usage, stderr);
		return 2;
	}
	memset(&ref, 0, sizeof(ref));
	vcs_versions_init(&vl);
	git_cmd_init(&g);
	if (git_cmd_open(&g, ".", GIT_CMD_WORKTREE) == -1 ||
	    git_cmd_session(&g, cli, cli->today) == -1)
		goto out;
	if (history_ref(&ref, g.v, deal) < 0 ||
	    vcs_file_history(&vl, g.v, NULL, (const char *const *)ref.path,
	    ref.npath) < 0) {
		cmd_error("log: %s: %s", deal, vcs_strerror());
		goto out;
	}
	if (vl.n == 0) {
		cmd_error("log: %s: no committed version (looked for %s)",
		    deal, ref.path[0]);
		rc = 1;
		goto out;
	}
	if ((rows = calloc(vl.n, sizeof(*rows))) == NULL ||
	    log_rows(rows, &g.s, g.v, &vl) < 0) {
		cmd_error("log: %s", rows ? vcs_strerror() : "out of memory");
		goto out;
	}
	if (json)
		log_json(rows, vl.n);
	else
		log_text(rows, vl.n);
	rc = 0;
out:
	free(rows);
	vcs_versions_dispose(&vl);
	history_ref_dispose(&ref);
	git_cmd_close(&g);
	return rc;
}
