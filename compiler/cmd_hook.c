/* SPDX-License-Identifier: MIT */
/*
 * cmd_hook.c: 'handoff hook install [--pre-receive] [--force] [REPO]'
 * writes git hooks that run the checks of 'handoff check'; 'handoff hook
 * run pre-commit|pre-receive' is what those hooks call.  pre-commit
 * checks the staged content of every staged deal file (read from the
 * index, not the work tree); pre-receive checks every deal file every
 * pushed commit brings in, for every ref, and refuses the push.  Both
 * refuse only what is wrong, never what is unfinished (save_gate.h), and
 * say how complete each deal file is.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_git.h"
#include "diag.h"
#include "fsutil.h"
#include "history.h"
#include "model.h"
#include "save_gate.h"
#include "session.h"
#include "templates.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff hook install [--pre-receive] [--force] [--team DIR] [REPO]\n"
    "       handoff hook run pre-commit|pre-receive [--team DIR]\n"
    "\n"
    "install writes a pre-commit hook (or, with --pre-receive, a hook for\n"
    "a shared bare repository) that refuses a commit or push whose deal\n"
    "files are wrong (an invalid value, a placeholder, a signed deal that\n"
    "lost a required field...) or, when it stages a team template, whose\n"
    "templates do not compile (a client template naming an internal\n"
    "field is a leak).  An unfinished handoff is let through\n"
    "with its completeness and deadline ('commit: { require_complete:\n"
    "true }' in handoff.yml refuses it too).  --force replaces a hook\n"
    "handoff did not write.  When the team repo is a folder of a bigger\n"
    "git repository (monorepo/cs/handoff.yml, monorepo/cs/deals/), the\n"
    "hooks check cs/deals/ with cs/handoff.yml: install from that folder,\n"
    "or name it with --team cs (a bare repository on a server).\n"
    "run is what the hooks call.\n";

/* A --team DIR as a repo path ("cs", no slash at either end) into buf;
 * 0, or -1 when it cannot be one (absolute, '..', too long). */
static int
hook_team_arg(char *buf, size_t bufsz, const char *dir)
{
	size_t	 n;

	while (dir[0] == '.' && dir[1] == '/')
		dir += 2;
	if (dir[0] == '/' || strstr(dir, "..") != NULL ||
	    (size_t)snprintf(buf, bufsz, "%s", dir) >= bufsz)
		return -1;
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '/')
		buf[--n] = '\0';
	if (strcmp(buf, ".") == 0)
		buf[0] = '\0';
	return 0;
}

static int
hook_install(int argc, char **argv)
{
	struct git_cmd	 g;
	const char	*kind = "pre-commit", *repo = ".", *team = NULL;
	char		*where = NULL, prefix[1024];
	int		 i, force = 0, rc = 2, r;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--team") == 0 && i + 1 < argc)
			team = argv[++i];
		else if (strcmp(argv[i], "--pre-receive") == 0)
			kind = "pre-receive";
		else if (strcmp(argv[i], "--pre-commit") == 0)
			kind = "pre-commit";
		else if (strcmp(argv[i], "--force") == 0 ||
		    strcmp(argv[i], "-f") == 0)
			force = 1;
		else if (argv[i][0] != '-' && strcmp(repo, ".") == 0)
			repo = argv[i];
		else {
			fputs(usage, stderr);
			return 2;
		}
	}
	git_cmd_init(&g);
	if (git_cmd_open(&g, repo, 0) == -1)
		goto out;
	/* the team repo where the hook runs: --team, or the one from here */
	if (team != NULL && hook_team_arg(prefix, sizeof(prefix), team) == -1) {
		cmd_error("hook: --team '%s': give the team repo's folder "
		    "inside the repository, such as 'cs'", team);
		goto out;
	} else if (team == NULL && (strcmp(repo, ".") != 0 ||
	    history_prefix(prefix, sizeof(prefix), g.v,
	    git_cmd_root(&g)) == -1))
		prefix[0] = '\0';
	else if (team == NULL && prefix[0] != '\0')
		prefix[strlen(prefix) - 1] = '\0';	/* "cs/" -> "cs" */
	errno = 0;
	if ((r = history_hook_install(&where, g.v, kind, prefix,
	    force)) == -2)
		cmd_error("hook: %s exists and was not written by handoff; "
		    "--force replaces it", where);
	else if (r < 0)
		cmd_error("hook: cannot write the %s hook: %s", kind,
		    errno ? strerror(errno) : vcs_strerror());
	else {
		if (prefix[0] != '\0')
			printf("installed %s (team repo %s/)\n", where, prefix);
		else
			printf("installed %s\n", where);
		rc = 0;
	}
out:
	free(where);
	git_cmd_close(&g);
	return rc;
}

/* Open the repository the hook runs in and the session for it; what
 * the session says goes to dl. */
static int
hook_open(struct git_cmd *g, const struct cli *cli, const char *team,
    struct diag_list *dl)
{
	long long	 t;
	int		 off, today;

	if (git_cmd_open(g, NULL, GIT_CMD_ENV) == -1)
		return -1;
	today = cli->today;
	if (today < 0 && vcs_commit_time(&t, &off) == 0)
		today = history_day(t, off);
	/* A bare repository has no handoff.yml on disk: the defaults.  A
	 * team folder (--team cs) has its own: cs/handoff.yml. */
	if (team != NULL && *team != '\0' && vcs_workdir(g->v) != NULL) {
		if (session_open(&g->s, team, today, cli->now, &g->dl) == -1) {
			diag_print_text(stderr, &g->dl);
			session_close(&g->s);
			return -1;
		}
		g->sopen = 1;
	} else if (git_cmd_session(g, cli, today) == -1)
		return -1;
	diag_list_move(dl, &g->dl);
	return 0;
}

/* The repo path of the deal files the hooks check: "deals", or
 * "cs/deals" for --team cs.  Into buf; 0 or -1. */
static int
hook_deals_dir(char *buf, size_t bufsz, const char *team)
{
	if (team == NULL || *team == '\0')
		return (size_t)snprintf(buf, bufsz, "%s", HISTORY_DEALS) <
		    bufsz ? 0 : -1;
	return (size_t)snprintf(buf, bufsz, "%s/%s", team, HISTORY_DEALS) <
	    bufsz ? 0 : -1;
}

/* Soften what is only unfinished, comparing with the file at before_rev
 * (NULL: HEAD; "": none).  0 or -1 on a git failure. */
static int
hook_gate(const struct session *s, struct vcs *v, const char *before_rev,
    const char *path, const struct verdict *now, struct diag_list *dl)
{
	struct diag_list before;
	struct verdict	 bv;
	struct model	*m = NULL;
	char		*data = NULL;
	size_t		 len = 0;
	int		 r = VCS_ENOTFOUND, strict;

	strict = s->config.commit_require_complete;
	if (before_rev == NULL || *before_rev != '\0')
		r = vcs_read(&data, &len, v, before_rev, path);
	if (r < 0 && r != VCS_ENOTFOUND)
		return -1;
	diag_list_init(&before);
	if (r == 0)
		m = history_check_bytes(s, path, data, len, -1, &bv, &before);
	save_gate_apply(dl, m != NULL ? &before : NULL,
	    m != NULL && bv.stage == STAGE_SIGNED, now, strict);
	model_free(m);
	diag_list_dispose(&before);
	free(data);
	return 0;
}

/* Keep only the summary notes of l. */
static void
hook_keep_summary(struct diag_list *dst, struct diag_list *l)
{
	struct diag_list keep;
	const struct diag *d;
	size_t		 i;

	diag_list_init(&keep);
	for (i = 0; i < l->n; i++) {
		d = &l->v[i];
		if (d->rule == RULE_DEADLINE)
			diag_add_sev(&keep, (struct srcpos){ d->file, d->line,
			    d->col, d->col_known }, d->rule, d->sev, d->hint,
			    "%s", d->msg);
	}
	diag_list_move(dst, &keep);
	diag_list_dispose(&keep);
}

/* Check every version in vl; diagnostics to dl.  Counts files with
 * errors in *bad; returns -1 on a git failure. */
static int
hook_check_list(const struct session *s, struct vcs *v,
    const struct vcs_versions *vl, const char *ref, const char *before_rev,
    struct diag_list *dl, size_t *bad)
{
	struct diag_list one;
	struct verdict	 vd;
	struct model	*m;
	size_t		 i, j;
	int		 sys, dup;

	for (i = 0; i < vl->n; i++) {
		if (!history_is_deal(vl->v[i].path))
			continue;
		for (j = dup = 0; j < i && !dup; j++)
			dup = strcmp(vl->v[j].blob, vl->v[i].blob) == 0;
		if (dup)
			continue;
		diag_list_init(&one);
		m = history_check(s, v, &vl->v[i], &vd, &one, &sys);
		if (sys || (m != NULL && hook_gate(s, v, before_rev,
		    vl->v[i].path, &vd, &one) < 0)) {
			model_free(m);
			diag_list_dispose(&one);
			return -1;
		}
		if (m != NULL)
			save_gate_summary(&one, vl->v[i].path, &vd);
		if (diag_list_status(&one) == 0)
			hook_keep_summary(dl, &one);
		else {
			(*bad)++;
			if (ref != NULL)
				fprintf(stderr, "handoff: %s: commit %s "
				    "(%s): %s has errors\n", ref,
				    vl->v[i].short_id, vl->v[i].subject,
				    vl->v[i].path);
			diag_list_sort(&one);
			diag_list_move(dl, &one);
		}
		model_free(m);
		diag_list_dispose(&one);
	}
	return 0;
}

/*
 * When the commit stages a team template (a .mustache file in
 * TEAM/templates/),
 * compile the team's templates as 'templates check' does: a client
 * e-mail template that names an internal field is a leak, refused like
 * a wrong deal.  They are read from the work tree.  Adds the
 * diagnostics to dl and sets *bad when they fail; -1 on a git failure.
 */
static int
hook_check_templates(struct git_cmd *g, const char *team,
    struct diag_list *dl, int *bad)
{
	struct vcs_versions	 tl;
	struct diag_list	 tdl;
	struct templates	*t;
	char			 dir[1100];
	size_t			 i, n = 0;

	if ((size_t)snprintf(dir, sizeof(dir), "%s%stemplates",
	    team != NULL ? team : "", team != NULL && *team != '\0' ? "/" :
	    "") >= sizeof(dir))
		return 0;
	vcs_versions_init(&tl);
	if (vcs_staged_files(&tl, g->v, dir) < 0) {
		vcs_versions_dispose(&tl);
		return -1;
	}
	for (i = 0; i < tl.n; i++)
		if (strcmp(fs_ext(tl.v[i].path), ".mustache") == 0)
			n++;
	vcs_versions_dispose(&tl);
	if (n == 0)
		return 0;
	diag_list_init(&tdl);
	t = templates_load(g->s.root, g->s.schema, &g->s.config.limits, &tdl);
	if (t == NULL || diag_list_status(&tdl) != 0)
		*bad = 1;
	templates_free(t);
	diag_list_sort(&tdl);
	diag_list_move(dl, &tdl);
	diag_list_dispose(&tdl);
	return 0;
}

static int
hook_pre_commit(const struct cli *cli, const char *team)
{
	struct git_cmd		 g;
	struct diag_list	 dl;
	struct vcs_versions	 vl;
	char			 deals[1100];
	size_t			 bad = 0;
	int			 rc = 2, tbad = 0;

	diag_list_init(&dl);
	vcs_versions_init(&vl);
	git_cmd_init(&g);
	if (hook_deals_dir(deals, sizeof(deals), team) == -1 ||
	    hook_open(&g, cli, team, &dl) == -1)
		goto out;
	if (vcs_staged_files(&vl, g.v, deals) < 0 ||
	    hook_check_list(&g.s, g.v, &vl, NULL, NULL, &dl, &bad) < 0 ||
	    hook_check_templates(&g, team, &dl, &tbad) < 0) {
		cmd_error("pre-commit: %s", vcs_strerror());
		goto out;
	}
	rc = 0;
	diag_print_text(stderr, &dl);	/* the summaries, the errors */
	if (bad > 0) {
		cmd_error("pre-commit: commit refused: %zu staged deal "
		    "file%s with errors (git commit --no-verify skips this "
		    "check)", bad, bad == 1 ? "" : "s");
		rc = 1;
	}
	if (tbad) {
		cmd_error("pre-commit: commit refused: the team's templates "
		    "have errors (git commit --no-verify skips this check)");
		rc = 1;
	}
out:
	vcs_versions_dispose(&vl);
	diag_list_dispose(&dl);
	git_cmd_close(&g);
	return rc;
}

static int
hook_pre_receive(const struct cli *cli, const char *team)
{
	struct git_cmd		 g;
	struct diag_list	 dl;
	struct vcs_versions	 vl;
	char			*line = NULL, old[64], new[64], ref[512];
	char			 deals[1100];
	size_t			 cap = 0, bad = 0;
	int			 rc = 2;

	diag_list_init(&dl);
	vcs_versions_init(&vl);
	git_cmd_init(&g);
	if (hook_deals_dir(deals, sizeof(deals), team) == -1 ||
	    hook_open(&g, cli, team, &dl) == -1)
		goto out;
	while (getline(&line, &cap, stdin) > 0) {
		if (sscanf(line, "%63s %63s %511s", old, new, ref) != 3)
			continue;
		if (vcs_pushed_files(&vl, g.v, old, new, deals) < 0 ||
		    hook_check_list(&g.s, g.v, &vl, ref,
		    strspn(old, "0") == strlen(old) ? "" : old, &dl,
		    &bad) < 0) {
			cmd_error("pre-receive: %s: %s", ref, vcs_strerror());
			goto out;
		}
		vcs_versions_dispose(&vl);
	}
	rc = 0;
	diag_print_text(stderr, &dl);
	if (bad > 0) {
		cmd_error("pre-receive: push refused: %zu deal file%s with "
		    "errors", bad, bad == 1 ? "" : "s");
		rc = 1;
	}
out:
	free(line);
	vcs_versions_dispose(&vl);
	diag_list_dispose(&dl);
	git_cmd_close(&g);
	return rc;
}

static int
hook_run(const struct cli *cli, int argc, char **argv)
{
	char	 team[1024];
	int	 rc;

	team[0] = '\0';
	if ((argc != 3 && !(argc == 5 && strcmp(argv[3], "--team") == 0)) ||
	    (strcmp(argv[2], "pre-commit") != 0 &&
	    strcmp(argv[2], "pre-receive") != 0) ||
	    (argc == 5 && hook_team_arg(team, sizeof(team), argv[4]) == -1)) {
		fputs(usage, stderr);
		return 2;
	}
	if (vcs_lib_init() < 0) {
		cmd_error("hook: %s", vcs_strerror());
		return 2;
	}
	rc = strcmp(argv[2], "pre-commit") == 0 ? hook_pre_commit(cli, team) :
	    hook_pre_receive(cli, team);
	vcs_lib_shutdown();
	return rc;
}

int
cmd_hook(const struct cli *cli, int argc, char **argv)
{
	if (cmd_wants_help(argc, argv, usage))
		return 0;
	if (argc >= 2 && strcmp(argv[1], "install") == 0)
		return hook_install(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "run") == 0)
		return hook_run(cli, argc, argv);
	fputs(usage, stderr);
	return 2;
}
