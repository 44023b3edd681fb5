/* SPDX-License-Identifier: MIT */
/*
 * cmd_commit.c: 'handoff commit [-m MSG] FILE...': check the files with
 * the rules of 'check' and, only when all pass, commit exactly those
 * files (their work-tree content) on the current branch with a structured
 * message: 'handoff(acme): signed, 96% complete' and the user's text as
 * the body.  Other staged changes stay staged.  Exit 0, 1 (a file has
 * errors: nothing is committed), 2 (usage, git or system failure).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "cmd_git.h"
#include "deal_name.h"
#include "diag.h"
#include "fsutil.h"
#include "history.h"
#include "model.h"
#include "save_gate.h"
#include "session.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff commit [-m MSG] DEAL...\n"
    "\n"
    "Check the handoff files with the rules of 'handoff check' and commit\n"
    "exactly those files on the current branch with the message\n"
    "'handoff(DEAL): STAGE, N% complete' and MSG as the body.  Saving\n"
    "progress is never blocked: a file that is unfinished (below its\n"
    "completeness threshold, a required field still empty, past its\n"
    "deadline) is committed with warnings and its completeness and\n"
    "deadline.  Nothing is committed when a file is wrong: unreadable, an\n"
    "invalid value, a placeholder, a header injection, or a signed deal\n"
    "that lost a required field it had.  'commit: { require_complete:\n"
    "true }' in handoff.yml refuses unfinished files too.  The author is\n"
    "taken from git config or GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL and\n"
    "GIT_AUTHOR_DATE.\n";

/* What was checked for one file. */
struct cfile {
	const char	*arg;		/* the file (path) */
	char		*path;		/* the DEAL argument resolved */
	char		*rel;		/* repo path */
	char		*deal;		/* the deal id for the message */
	struct verdict	 v;
};

/* Copy the warnings, errors and the summary of src to dst (other notes
 * stay quiet). */
static void
commit_keep_loud(struct diag_list *dst, const struct diag_list *src)
{
	const struct diag	*d;
	size_t			 i;

	for (i = 0; i < src->n; i++) {
		d = &src->v[i];
		if (d->sev < SEV_WARNING && d->rule != RULE_DEADLINE)
			continue;
		diag_add_sev(dst, (struct srcpos){ d->file, d->line, d->col,
		    d->col_known }, d->rule, d->sev, d->hint, "%s", d->msg);
	}
}

/* The commit message: subject, blank line, per-deal lines, user text. */
static char *
commit_message(const struct cfile *f, size_t n, const char *user)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	buf_puts(&b, "handoff(");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", f[i].deal);
	if (n == 1)
		buf_printf(&b, "): %s, %d%% complete\n",
		    validate_stage_name(f[0].v.stage), f[0].v.percent);
	else {
		buf_printf(&b, "): %zu deals\n\n", n);
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s: %s, %d%% complete\n", f[i].deal,
			    validate_stage_name(f[i].v.stage),
			    f[i].v.percent);
	}
	if (user != NULL && *user != '\0')
		buf_printf(&b, "\n%s%s", user,
		    user[strlen(user) - 1] == '\n' ? "" : "\n");
	return buf_detach(&b);
}

/* Read the options: -m MSG (repeatable, as git: paragraphs). */
static int
commit_args(int argc, char **argv, struct buf *msg, int *first)
{
	int	 i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		if ((strcmp(argv[i], "-m") == 0 ||
		    strcmp(argv[i], "--message") == 0) && i + 1 < argc) {
			i++;
			buf_printf(msg, "%s%s", msg->len ? "\n\n" : "",
			    argv[i]);
		} else if (strncmp(argv[i], "--message=", 10) == 0)
			buf_printf(msg, "%s%s", msg->len ? "\n\n" : "",
			    argv[i] + 10);
		else if (strncmp(argv[i], "-m", 2) == 0)
			buf_printf(msg, "%s%s", msg->len ? "\n\n" : "",
			    argv[i] + 2);
		else {
			cmd_error("commit: unknown option '%s'", argv[i]);
			return -1;
		}
	}
	*first = i;
	return i;
}

/* Soften what is only unfinished, comparing with the version at HEAD
 * (a signed deal may not lose a required field).  0 or -1. */
static int
commit_gate(const struct session *s, struct vcs *v, const char *rel,
    const struct verdict *now, struct diag_list *dl)
{
	struct diag_list before;
	struct verdict	 bv;
	struct model	*m;
	char		*data = NULL;
	size_t		 len = 0;
	int		 r;

	r = vcs_read(&data, &len, v, NULL, rel);
	if (r < 0 && r != VCS_ENOTFOUND)
		return -1;
	if (r == VCS_ENOTFOUND) {	/* new file or no commit yet */
		save_gate_apply(dl, NULL, 0, now,
		    s->config.commit_require_complete);
		return 0;
	}
	diag_list_init(&before);
	m = history_check_bytes(s, rel, data, len, -1, &bv, &before);
	save_gate_apply(dl, m != NULL ? &before : NULL,
	    m != NULL && bv.stage == STAGE_SIGNED, now,
	    s->config.commit_require_complete);
	model_free(m);
	diag_list_dispose(&before);
	free(data);
	return 0;
}

/* Check every file; fills f[].  0 all pass, 1 one has errors, 2. */
static int
commit_check(const struct session *s, struct vcs *v, struct cfile *f,
    size_t n, struct diag_list *out)
{
	struct diag_list one;
	struct model	*m;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < n; i++) {
		if (vcs_relpath(&f[i].rel, v, f[i].arg) < 0) {
			cmd_error("commit: %s: %s", f[i].arg, vcs_strerror());
			return 2;
		}
		if ((f[i].deal = fs_stem(f[i].arg)) == NULL)
			return 2;
		diag_list_init(&one);
		m = session_check_file(s, f[i].arg, &f[i].v, &one);
		if (m == NULL && diag_list_status(&one) == 0)
			diag_add(&one, diag_pos_line(f[i].arg, 0), RULE_IO,
			    "cannot be read as a handoff");
		if (m != NULL && commit_gate(s, v, f[i].rel, &f[i].v, &one) < 0)
			rc = 2;
		if (m != NULL)
			save_gate_summary(&one, f[i].arg, &f[i].v);
		model_free(m);
		if (diag_list_status(&one) > rc)
			rc = diag_list_status(&one);
		diag_list_sort(&one);
		diag_list_move(out, &one);
		diag_list_dispose(&one);
	}
	return rc;
}

/* The -m text as committed, indented as git log shows a body. */
static void
commit_show_user(const char *user)
{
	const char	*p, *nl;

	if (user == NULL || *user == '\0')
		return;
	for (p = user; *p != '\0'; p = *nl ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		printf("%s%.*s\n", nl > p ? "    " : "", (int)(nl - p), p);
	}
}

/* Commit the checked files; prints the result line and the message
 * given with -m.  0 or 2. */
static int
commit_do(struct vcs *v, struct cfile *f, size_t n, const char *user)
{
	const char	**paths = NULL;
	char		 id[VCS_ID_MAX], *msg = NULL, *nl;
	size_t		 i;
	int		 rc = 2, r;

	if ((paths = calloc(n, sizeof(*paths))) == NULL ||
	    (msg = commit_message(f, n, user)) == NULL) {
		cmd_error("commit: out of memory");
		goto out;
	}
	for (i = 0; i < n; i++)
		paths[i] = f[i].rel;
	r = vcs_commit_files(id, v, paths, n, msg);
	if (r == VCS_EUNCHANGED) {
		cmd_error("commit: nothing to commit: %s unchanged since the "
		    "last commit", n == 1 ? f[0].rel : "the files are");
		rc = 0;
		goto out;
	}
	if (r < 0) {
		cmd_error("commit: %s", vcs_strerror());
		goto out;
	}
	if ((nl = strchr(msg, '\n')) != NULL)
		*nl = '\0';
	id[VCS_SHORT] = '\0';
	printf("[%s] %s\n", id, msg);
	commit_show_user(user);
	rc = 0;
out:
	free(msg);
	free(paths);
	return rc;
}

int
cmd_commit(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd	 g;
	struct diag_list dl, loud;
	struct cfile	*f = NULL;
	struct buf	 msg;
	long long	 t;
	size_t		 i, n = 0;
	int		 first = argc, rc = 2, off, r, bad = 0;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	buf_init(&msg);
	diag_list_init(&dl);
	diag_list_init(&loud);
	git_cmd_init(&g);
	if (commit_args(argc, argv, &msg, &first) < 0)
		goto out;
	if (first >= argc) {
		fputs(usage, stderr);
		goto out;
	}
	if (git_cmd_open(&g, ".", GIT_CMD_WORKTREE) == -1)
		goto lib;
	/* Checked as of the commit's day unless HANDOFF_TODAY pins one. */
	if (vcs_commit_time(&t, &off) < 0) {
		cmd_error("commit: %s", vcs_strerror());
		goto lib;
	}
	if (git_cmd_session(&g, cli, cli->today >= 0 ? cli->today :
	    history_day(t, off)) == -1)
		goto lib;
	diag_list_move(&dl, &g.dl);	/* handoff.yml's warnings, if any */
	n = (size_t)(argc - first);
	if ((f = calloc(n, sizeof(*f))) == NULL)
		goto lib;
	for (i = 0; i < n; i++) {
		if ((r = deal_name_resolve(&f[i].path, git_cmd_root(&g),
		    argv[first + i], &dl)) == -1)
			goto lib;
		bad |= r;
		f[i].arg = f[i].path;
	}
	if (bad) {
		git_cmd_print(&dl);
		cmd_error("commit: nothing committed");
		rc = 1;
		goto lib;
	}
	if ((rc = commit_check(&g.s, g.v, f, n, &dl)) != 0) {
		diag_print_text(stderr, &dl);	/* e.g. a missing file */
		if (rc == 1) {
			cmd_error("commit: nothing committed: %s",
			    n == 1 ? "the file has errors" :
			    "a file has errors");
		}
		goto lib;
	}
	commit_keep_loud(&loud, &dl);
	diag_print_text(stderr, &loud);
	if (vcs_identity_ok(g.v) < 0) {
		cmd_error("commit: %s", vcs_strerror());
		rc = 2;
		goto lib;
	}
	rc = commit_do(g.v, f, n, msg.data);
lib:
	for (i = 0; f != NULL && i < n; i++) {
		free(f[i].rel);
		free(f[i].deal);
		free(f[i].path);
	}
	free(f);
	git_cmd_close(&g);
out:
	diag_list_dispose(&dl);
	diag_list_dispose(&loud);
	buf_dispose(&msg);
	return rc;
}
