/* SPDX-License-Identifier: MIT */
/*
 * cmd_git.c: the set-up the git commands share (see cmd_git.h): start
 * libgit2, open the repository, report why it cannot be opened through
 * the diagnostics path (rule 'git', placed at the folder the command ran
 * in), open the session at the work tree, read --format.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "cmd_git.h"
#include "deal_name.h"
#include "diag.h"
#include "session.h"
#include "vcs.h"

void
git_cmd_init(struct git_cmd *g)
{
	memset(g, 0, sizeof(*g));
	diag_list_init(&g->dl);
}

const char *
git_cmd_where(char *buf, size_t bufsz, const char *dir)
{
	if (dir != NULL && strcmp(dir, ".") != 0)
		return dir;
	return getcwd(buf, bufsz) != NULL ? buf : ".";
}

/* Add a problem with the repository, placed at the folder dir, and
 * print the list. */
static void
git_cmd_fail(struct git_cmd *g, const char *dir, const char *hint,
    const char *msg, const char *detail)
{
	char		 cwd[PATH_MAX];
	const char	*where = git_cmd_where(cwd, sizeof(cwd), dir);

	if (detail != NULL)
		diag_add_hint(&g->dl, diag_pos_line(where, 0), RULE_GIT, hint,
		    "%s: %s", msg, detail);
	else
		diag_add_hint(&g->dl, diag_pos_line(where, 0), RULE_GIT, hint,
		    "%s", msg);
	git_cmd_print(&g->dl);
}

int
git_cmd_open(struct git_cmd *g, const char *dir, int flags)
{
	int	 r;

	if (vcs_lib_init() < 0) {
		if (flags & GIT_CMD_OPTIONAL)
			return 0;
		git_cmd_fail(g, dir, NULL, "cannot start libgit2",
		    vcs_strerror());
		return -1;
	}
	g->lib = 1;
	if (flags & GIT_CMD_ENV)
		r = vcs_open_env(&g->v);
	else
		r = vcs_open(&g->v, dir);
	if (r < 0 && (flags & GIT_CMD_OPTIONAL)) {
		vcs_free(g->v);
		g->v = NULL;
		return 0;
	}
	if (flags & GIT_CMD_ENV)
		dir = getenv("GIT_DIR");
	if (r == VCS_ENOTFOUND) {
		git_cmd_fail(g, dir, NULL, "not in a git repository", NULL);
		return -1;
	}
	if (r < 0) {
		git_cmd_fail(g, dir, NULL, "cannot open the git repository",
		    vcs_strerror());
		return -1;
	}
	if ((flags & GIT_CMD_WORKTREE) && vcs_workdir(g->v) == NULL) {
		git_cmd_fail(g, dir, "run it in a clone that has a work tree",
		    "the repository is bare", NULL);
		return -1;
	}
	return 0;
}

const char *
git_cmd_root(struct git_cmd *g)
{
	/* deals/ or handoff.yml from here up to the git root; else the
	 * work tree (or here outside git) */
	if (!deal_name_root(g->root, sizeof(g->root)) && g->v != NULL &&
	    vcs_workdir(g->v) != NULL)
		snprintf(g->root, sizeof(g->root), "%s", vcs_workdir(g->v));
	return g->root;
}

int
git_cmd_session(struct git_cmd *g, const struct cli *cli, int today)
{
	const char	*root = git_cmd_root(g);

	if (session_open(&g->s, root, today, cli->now, &g->dl) == -1) {
		git_cmd_print(&g->dl);
		session_close(&g->s);
		return -1;
	}
	g->sopen = 1;
	return 0;
}

void
git_cmd_close(struct git_cmd *g)
{
	if (g->sopen)
		session_close(&g->s);
	diag_list_dispose(&g->dl);
	vcs_free(g->v);
	if (g->lib)
		vcs_lib_shutdown();
	memset(g, 0, sizeof(*g));
}

int
git_cmd_format(int argc, char **argv, int *i, int *json)
{
	if (strcmp(argv[*i], "--format") == 0 && *i + 1 < argc) {
		*json = strcmp(argv[++*i], "json") == 0;
		return 1;
	}
	if (strncmp(argv[*i], "--format=", 9) == 0) {
		*json = strcmp(argv[*i] + 9, "json") == 0;
		return 1;
	}
	return 0;
}

void
git_cmd_print(struct diag_list *dl)
{
	diag_list_sort(dl);
	diag_print_text(stderr, dl);
}
