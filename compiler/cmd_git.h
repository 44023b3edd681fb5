/* SPDX-License-Identifier: MIT */
/*
 * cmd_git.h: the set-up the git commands share (log, show, diff, audit,
 * status, commit, hook): libgit2, the repository, the session rooted at
 * its work tree, and the --format option.  A repository that cannot be
 * opened is a diagnostic with the rule 'git', printed as every other
 * diagnostic is (exit 2).  Command layer: this prints.
 */
#ifndef HANDOFF_CMD_GIT_H
#define HANDOFF_CMD_GIT_H

#include <stddef.h>

#include "diag.h"
#include "session.h"

struct cli;
struct vcs;

#define GIT_CMD_WORKTREE 0x1	/* refuse a bare repository */
#define GIT_CMD_OPTIONAL 0x2	/* outside git is no error: g->v stays NULL */
#define GIT_CMD_ENV	 0x4	/* the repository git's environment names
				 * (GIT_DIR: a hook), not dir */

/* What a git command opened; every field is closed by git_cmd_close(). */
struct git_cmd {
	struct vcs		*v;	/* NULL: not opened */
	struct session		 s;
	struct diag_list	 dl;	/* set-up problems */
	int			 lib;	/* vcs_lib_init() held */
	int			 sopen;	/* s is open */
	char			 root[4096];	/* the team repo: git_cmd_root() */
};

void	git_cmd_init(struct git_cmd *g);
/*
 * Start libgit2 and open the repository at or above dir (flags above).
 * 0, or -1 when the command cannot go on: the diagnostics (rule git)
 * have been printed.
 */
int	git_cmd_open(struct git_cmd *g, const char *dir, int flags);
/*
 * Open the session rooted at the work tree (the current folder for a
 * bare repository or none), checked as of today (-1: the clock).  0, or
 * -1 with the diagnostics printed.
 */
int	git_cmd_session(struct git_cmd *g, const struct cli *cli, int today);
void	git_cmd_close(struct git_cmd *g);
/*
 * The team repo root: the nearest folder from here up to the git root
 * that holds deals/ or handoff.yml (deal_name.h), else the work tree,
 * else "." (outside git).  Borrowed from g.
 */
const char *git_cmd_root(struct git_cmd *g);

/*
 * When argv[*i] is '--format X' or '--format=X', read it (json: X is
 * "json"), step *i past it and return 1; else 0.
 */
int	git_cmd_format(int argc, char **argv, int *i, int *json);

/* The folder a problem with the repository at dir is placed at: dir,
 * or the current folder's path for "." and NULL; into buf (PATH_MAX). */
const char *git_cmd_where(char *buf, size_t bufsz, const char *dir);

/* Print a list of diagnostics sorted, as check does. */
void	git_cmd_print(struct diag_list *dl);

#endif
