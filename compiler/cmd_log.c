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
    "and the errors that version had; under it the message its author\n"
    "wrote ('| ' lines: 'handoff commit -m MSG' or a git commit's) and\n"
    "the CS review decision made in that version (accepted, or rejected\n"
    "with its reason).\n";

/* One line of the log. */
struct logrow {
	const struct vcs_version *ver;
	const char	*stage;		/* "signed", "pre-close", "unreadable" */
	int		 percent;	/* -1: unreadable */
	size_t		 errors;
	char		*message;	/* what a person wrote ("" when none) */
	char		 review[16];	/* a new decision here: accepted, ... */
	char		 by[128], date[16], reason[64], comment[256];
};

/* A line of a commit message that handoff wrote itself: its subject
 * 'handoff(DEAL): STAGE, N% complete' and the per-deal lines. */
static int
log_auto_line(const char *p, size_t n)
{
	const char	*colon = memchr(p, ':', n);

	return (n >= 8 && strncmp(p, "handoff(", 8) == 0) ||
	    (colon != NULL && n >= 10 && strncmp(p + n - 10, "% complete",
	    10) == 0);
}

/* The message of a version as a person wrote it: the subject unless
 * handoff wrote it, then the body (the -m text), blank lines trimmed. */
static char *
log_message(const struct vcs_version *ver)
{
	struct buf	 b;
	const char	*src[2] = { ver->subject, ver->body }, *p, *nl;
	size_t		 i, n;

	buf_init(&b);
	for (i = 0; i < 2; i++) {
		for (p = src[i]; p != NULL && *p != '\0'; p = *nl ? nl + 1 : nl) {
			if ((nl = strchr(p, '\n')) == NULL)
				nl = p + strlen(p);
			n = (size_t)(nl - p);
			if (log_auto_line(p, n))
				continue;
			if (n == 0 && (b.len == 0 || (b.len >= 2 &&
			    b.data[b.len - 2] == '\n')))
				continue;	/* no blank line first or twice */
			buf_put(&b, p, n);
			buf_putc(&b, '\n');
		}
		if (b.len > 0 && b.data[b.len - 1] != '\n')
			buf_putc(&b, '\n');
	}
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	if (b.data == NULL)
		return strdup("");
	return buf_detach(&b);
}

/* The review decision of m when it differs from the one of the version
 * before (prev, NULL: none). */
static void
log_review(struct logrow *r, const struct model *m, const char *prev)
{
	const char	*dec = model_get(m, "process/review/decision");

	if ((strcmp(dec, "accepted") != 0 && strcmp(dec, "rejected") != 0) ||
	    (prev != NULL && strcmp(prev, dec) == 0))
		return;
	snprintf(r->review, sizeof(r->review), "%s", dec);
	snprintf(r->by, sizeof(r->by), "%s", model_get(m, "process/review/by"));
	snprintf(r->date, sizeof(r->date), "%s",
	    model_get(m, "process/review/date"));
	if (strcmp(dec, "rejected") == 0)
		snprintf(r->reason, sizeof(r->reason), "%s",
		    model_get(m, "process/review/reason"));
	snprintf(r->comment, sizeof(r->comment), "%s",
	    model_get(m, "process/review/comment"));
}

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

/* Under a row: the message a person wrote and a new review decision. */
static void
log_text_more(const struct logrow *r)
{
	const char	*p, *nl;

	for (p = r->message; *p != '\0'; p = *nl ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		printf("%*s%s%.*s\n", VCS_SHORT + 2, "", nl > p ? "| " : "|",
		    (int)(nl - p), p);
	}
	if (r->review[0] == '\0')
		return;
	printf("%*sreview: %s", VCS_SHORT + 2, "", r->review);
	if (r->by[0] != '\0')
		printf(" by %s", r->by);
	if (r->date[0] != '\0')
		printf(" on %s", r->date);
	if (r->reason[0] != '\0')
		printf(" (reason: %s)", r->reason);
	if (r->comment[0] != '\0')
		printf(": %s", r->comment);
	putchar('\n');
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
		log_text_more(&r[i]);
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
		    "\"errors\": %zu, \"message\": ", r[i].stage, r[i].percent,
		    r[i].errors);
		diag_json_string(&b, r[i].message);
		buf_puts(&b, ", \"review\": ");
		if (r[i].review[0] == '\0')
			buf_puts(&b, "null");
		else {
			buf_printf(&b, "{\"decision\": \"%s\", \"by\": ",
			    r[i].review);
			diag_json_string(&b, r[i].by);
			buf_puts(&b, ", \"date\": ");
			diag_json_string(&b, r[i].date);
			buf_puts(&b, ", \"reason\": ");
			diag_json_string(&b, r[i].reason);
			buf_puts(&b, ", \"comment\": ");
			diag_json_string(&b, r[i].comment);
			buf_puts(&b, "}");
		}
		buf_puts(&b, "}");
	}
	buf_puts(&b, n ? "\n]\n" : "]\n");
	fputs(b.data, stdout);
	buf_dispose(&b);
}

/* Check every version, oldest first (a review decision is shown where
 * it changed); fills rows.  0 or -1 (git failure). */
static int
log_rows(struct logrow *rows, const struct session *s, struct vcs *v,
    const struct vcs_versions *vl)
{
	struct diag_list dl;
	struct verdict	 vd;
	struct model	*m;
	char		 prev[16] = "";
	size_t		 i;
	int		 sys;

	for (i = vl->n; i-- > 0; ) {
		diag_list_init(&dl);
		m = history_check(s, v, &vl->v[i], &vd, &dl, &sys);
		rows[i].ver = &vl->v[i];
		rows[i].errors = diag_list_count(&dl, SEV_ERROR);
		rows[i].stage = m ? validate_stage_name(vd.stage) : "unreadable";
		rows[i].percent = m ? vd.percent : -1;
		rows[i].message = log_message(&vl->v[i]);
		if (m != NULL) {
			log_review(&rows[i], m, prev);
			snprintf(prev, sizeof(prev), "%s",
			    model_get(m, "process/review/decision"));
		}
		model_free(m);
		diag_list_dispose(&dl);
		if (sys || rows[i].message == NULL)
			return -1;
	}
	return 0;
}

int
cmd_log(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd		 g;
	struct deal_ref		 ref;
	struct buf		 near;
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
	if (history_ref(&ref, g.v, git_cmd_root(&g), deal) < 0 ||
	    vcs_file_history(&vl, g.v, NULL, (const char *const *)ref.path,
	    ref.npath) < 0) {
		cmd_error("log: %s: %s", deal, vcs_strerror());
		goto out;
	}
	if (vl.n == 0) {
		cmd_error("log: %s: no committed version (looked for %s)%s",
		    deal, ref.path[0], history_ref_near(&near, g.v, &ref));
		buf_dispose(&near);
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
	for (i = 0; rows != NULL && i < (int)vl.n; i++)
		free(rows[i].message);
	free(rows);
	vcs_versions_dispose(&vl);
	history_ref_dispose(&ref);
	git_cmd_close(&g);
	return rc;
}
