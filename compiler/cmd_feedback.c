/* SPDX-License-Identifier: MIT */
/*
 * cmd_feedback.c: the two answers 'handoff send' asks people for, written
 * into the deal file where the events will find them once committed:
 *
 *   handoff feedback DEAL SCORE [COMMENT]   '## 30-day feedback' (0-10)
 *   handoff approve intro DEAL              '## Intro sent' with today
 *
 * The section is replaced when the deal has one, else added at the end of
 * '# Process'.  Only that section changes; the result is checked to say
 * what was asked before the file is replaced (atomically).  Markdown deals
 * only: an XML deal is left alone with a message saying what to add.
 */
#include <ctype.h>
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

static const char usage_feedback[] =
    "usage: handoff feedback DEAL SCORE [COMMENT]\n"
    "\n"
    "Record the CSM's 30-day feedback (SCORE 0 to 10, one line of comment)\n"
    "in the deal's '## 30-day feedback' section; commit it afterwards.\n";

static const char usage_approve[] =
    "usage: handoff approve intro DEAL\n"
    "\n"
    "Approve the client intro: writes '## Intro sent' with today's date;\n"
    "once committed, 'handoff send --intro' sends it.\n";

/* True when line (len bytes) is a heading of level 1 or 2 named one of
 * names (case-insensitive), or any heading of that level when names is
 * NULL. */
static int
fb_heading(const char *line, size_t len, int level,
    const char *const *names)
{
	size_t	 i = 0, n;

	while (i < len && line[i] == '#')
		i++;
	if ((int)i != level || i >= len || line[i] != ' ')
		return 0;
	if (names == NULL)
		return 1;
	while (i < len && line[i] == ' ')
		i++;
	while (len > i && (line[len - 1] == ' ' || line[len - 1] == '\r' ||
	    line[len - 1] == '\n'))
		len--;
	for (; *names != NULL; names++) {
		n = strlen(*names);
		if (len - i == n && strncasecmp(line + i, *names, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Rewrite data with the section 'heading' (one of names) holding body:
 * replaced where it is, else added at the end of '# Process', else a new
 * '# Process' at the end.
 */
static int
fb_rewrite(struct buf *out, const char *data, size_t len,
    const char *const *names, const char *heading, const char *body)
{
	static const char *const process[] = { "process", NULL };
	const char	*p = data, *end = data + len, *nl;
	size_t		 ll;
	int		 in_process = 0, done = 0, skipping = 0;

	for (; p < end; p = nl) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl ? nl + 1 : end;
		ll = (size_t)(nl - p);
		if (skipping && (fb_heading(p, ll, 1, NULL) ||
		    fb_heading(p, ll, 2, NULL)))
			skipping = 0;
		if (!done && in_process && fb_heading(p, ll, 1, NULL)) {
			buf_printf(out, "## %s\n%s\n", heading, body);
			done = 1;
		}
		if (fb_heading(p, ll, 1, NULL))
			in_process = fb_heading(p, ll, 1, process);
		if (!done && in_process && fb_heading(p, ll, 2, names)) {
			buf_printf(out, "## %s\n%s\n", heading, body);
			done = skipping = 1;
			continue;
		}
		if (!skipping)
			buf_put(out, p, ll);
	}
	if (!done) {
		if (out->len > 0 && out->data[out->len - 1] != '\n')
			buf_putc(out, '\n');
		if (!in_process)
			buf_puts(out, "\n# Process\n");
		buf_printf(out, "## %s\n%s", heading, body);
	}
	return buf_putc(out, '\0') == -1 ? -1 : (int)(out->len--, 0);
}

/* Write the section into the deal's file after checking the result
 * says field == want.  The exit status. */
static int
fb_record(const struct cli *cli, const char *arg, const char *const *names,
    const char *heading, const char *body, const char *field,
    const char *want)
{
	struct git_cmd	 g;
	struct deal_ref	 ref;
	struct verdict	 vd;
	struct diag_list dl;
	struct model	*m = NULL;
	struct buf	 out, near;
	char		*data = NULL, *path = NULL;
	size_t		 len, i;
	int		 rc = 2;

	memset(&ref, 0, sizeof(ref));
	buf_init(&out);
	diag_list_init(&dl);
	git_cmd_init(&g);
	if (git_cmd_open(&g, ".", GIT_CMD_WORKTREE) == -1 ||
	    git_cmd_session(&g, cli, cli->today) == -1)
		goto out;
	if (history_ref(&ref, g.v, git_cmd_root(&g), arg) == -1) {
		cmd_error("%s: %s", arg, vcs_strerror());
		goto out;
	}
	for (i = 0; i < ref.npath && path == NULL; i++) {
		free(path);
		if ((path = fs_join(vcs_workdir(g.v), ref.path[i])) != NULL &&
		    fs_read(path, g.s.config.limits.max_file_size, &data,
		    &len) == -1) {
			free(path);
			path = NULL;
		}
	}
	if (path == NULL) {
		cmd_error("%s: no such deal in %s/%s", arg, HISTORY_DEALS,
		    history_ref_near(&near, g.v, &ref));
		buf_dispose(&near);
		rc = 1;
		goto out;
	}
	if (strcmp(fs_ext(path), ".xml") == 0) {
		cmd_error("%s: an XML deal; add <%s> under <process> by hand",
		    path, field);
		rc = 1;
		goto out;
	}
	if (fb_rewrite(&out, data, len, names, heading, body) == -1)
		goto out;
	m = session_check(&g.s, path, out.data, out.len, &vd, &dl);
	if (m == NULL || strcmp(model_get(m, field), want) != 0) {
		diag_print_text(stderr, &dl);
		cmd_error("%s: the deal would not read back as %s = %s; "
		    "nothing written", path, field, want);
		rc = 1;
		goto out;
	}
	if (fs_write_atomic(path, out.data, out.len) == -1) {
		cmd_error("%s: %s", path, fs_strerror(errno));
		goto out;
	}
	printf("%s: recorded '## %s'; commit it (handoff commit %s)\n", path,
	    heading, ref.id);
	rc = 0;
out:
	model_free(m);
	diag_list_dispose(&dl);
	buf_dispose(&out);
	free(data);
	free(path);
	history_ref_dispose(&ref);
	git_cmd_close(&g);
	return rc;
}

int
cmd_feedback(const struct cli *cli, int argc, char **argv)
{
	static const char *const names[] = { "30-day feedback",
	    "30 day feedback", "feedback", NULL };
	struct buf	 body;
	char		*end;
	const char	*c;
	long		 score;
	int		 rc;

	if (cmd_wants_help(argc, argv, usage_feedback))
		return 0;
	if (argc < 3 || argc > 4) {
		fputs(usage_feedback, stderr);
		return 2;
	}
	score = strtol(argv[2], &end, 10);
	if (*argv[2] == '\0' || *end != '\0' || score < 0 || score > 10) {
		cmd_error("feedback: '%s' is not a score from 0 to 10", argv[2]);
		return 1;
	}
	for (c = argc == 4 ? argv[3] : ""; *c != '\0'; c++)
		if (iscntrl((unsigned char)*c)) {
			cmd_error("feedback: the comment must be one line");
			return 1;
		}
	buf_init(&body);
	buf_printf(&body, "score: %ld\n", score);
	if (argc == 4 && argv[3][0] != '\0')
		buf_printf(&body, "comment: %s\n", argv[3]);
	rc = fb_record(cli, argv[1], names, "30-day feedback", body.data,
	    "process/feedback/score", argv[2]);
	buf_dispose(&body);
	return rc;
}

int
cmd_approve(const struct cli *cli, int argc, char **argv)
{
	static const char *const names[] = { "intro sent", "intro",
	    "warm intro", NULL };
	char	 today[11], body[16];
	int	 day;

	if (cmd_wants_help(argc, argv, usage_approve))
		return 0;
	if (argc != 3 || strcmp(argv[1], "intro") != 0) {
		fputs(usage_approve, stderr);
		return 2;
	}
	day = cli->today >= 0 ? cli->today : (int)(cli->now / 86400);
	date_format(day, today);
	snprintf(body, sizeof(body), "%s\n", today);
	return fb_record(cli, argv[2], names, "Intro sent", body,
	    "process/intro-sent", today);
}
