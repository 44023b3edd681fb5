/* SPDX-License-Identifier: MIT */
/*
 * cmd_init.c: 'handoff init [DIR]': a team repository in one command: a
 * git repository, deals/, the commented default handoff.yml, a
 * .gitignore for output/, the pre-commit hook, and a first commit.  An
 * existing handoff.yml is never overwritten.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fsutil.h"
#include "history.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff init [DIR]\n"
    "\n"
    "Make DIR (default: the current folder) a team repository for\n"
    "handoffs: a git repository with deals/, a commented handoff.yml, a\n"
    "pre-commit hook that runs 'handoff check', and a first commit.\n";

/* Used only when the binary was built without templates/handoff.yml. */
static const char fallback_yml[] =
    "# handoff.yml: the team's settings for 'handoff'.  Every key is\n"
    "# optional; the values shown are the defaults.\n"
    "\n"
    "# company: Our company\n"
    "# timezone: UTC\n"
    "# holidays:\n"
    "#   - 2026-12-25\n"
    "# thresholds:\n"
    "#   pre_close: 70        # percent complete before signature\n"
    "#   deadline_days: 2     # business days after signature\n";

static const char gitignore_line[] = "output/\n";

/* Write a file unless it exists; 0 or -1 (errno). */
static int
init_write_new(const char *dir, const char *name, const void *data,
    size_t len)
{
	char	*path;
	int	 rc = 0;

	if ((path = fs_join(dir, name)) == NULL)
		return -1;
	if (!fs_exists(path))
		rc = fs_write_atomic(path, data, len);
	free(path);
	return rc;
}

/* .gitignore: add output/ unless it is there already. */
static int
init_gitignore(const char *dir)
{
	char	*path, *old = NULL, *all = NULL;
	size_t	 len = 0;
	int	 rc = -1;

	if ((path = fs_join(dir, ".gitignore")) == NULL)
		return -1;
	if (fs_read(path, 1 << 20, &old, &len) != 0) {
		rc = fs_write_atomic(path, gitignore_line,
		    sizeof(gitignore_line) - 1);
		goto out;
	}
	if (strstr(old, "output/") != NULL) {
		rc = 0;
		goto out;
	}
	if ((all = malloc(len + sizeof(gitignore_line) + 1)) == NULL)
		goto out;
	sprintf(all, "%s%s%s", old, len && old[len - 1] != '\n' ? "\n" : "",
	    gitignore_line);
	rc = fs_write_atomic(path, all, strlen(all));
out:
	free(all);
	free(old);
	free(path);
	return rc;
}

/* The files of a new team repo, in the work tree. */
static int
init_files(const char *root)
{
	const struct embedded	*yml = fs_embedded("templates/handoff.yml");
	char			*deals;
	int			 rc;

	if ((deals = fs_join(root, HISTORY_DEALS)) == NULL)
		return -1;
	rc = fs_mkdirs(deals);
	free(deals);
	if (rc == -1)
		return -1;
	if (init_write_new(root, HISTORY_DEALS "/.gitkeep", "", 0) == -1 ||
	    init_gitignore(root) == -1)
		return -1;
	if (yml != NULL)
		return init_write_new(root, "handoff.yml", yml->data,
		    yml->len);
	return init_write_new(root, "handoff.yml", fallback_yml,
	    sizeof(fallback_yml) - 1);
}

int
cmd_init(const struct cli *cli, int argc, char **argv)
{
	static const char *const paths[] = {
		"handoff.yml", ".gitignore", HISTORY_DEALS "/.gitkeep"
	};
	struct vcs	*v = NULL;
	const char	*dir = ".";
	char		*yml = NULL, *hook = NULL, id[VCS_ID_MAX];
	int		 rc = 2, r;

	(void)cli;
	if (cmd_wants_help(argc, argv, usage))
		return 0;
	if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
		fputs(usage, stderr);
		return 2;
	}
	if (argc == 2)
		dir = argv[1];
	if ((yml = fs_join(dir, "handoff.yml")) == NULL)
		return 2;
	if (fs_exists(yml)) {
		cmd_error("init: %s exists; not overwriting it", yml);
		free(yml);
		return 1;
	}
	if (vcs_lib_init() < 0) {
		cmd_error("init: %s", vcs_strerror());
		free(yml);
		return 2;
	}
	if (vcs_init(&v, dir) < 0 || vcs_identity_ok(v) < 0) {
		cmd_error("init: %s", vcs_strerror());
		goto out;
	}
	if (init_files(vcs_workdir(v)) == -1) {
		cmd_error("init: %s: %s", dir, strerror(errno));
		goto out;
	}
	errno = 0;
	if ((r = history_hook_install(&hook, v, "pre-commit", 0)) == -2)
		cmd_error("init: %s exists and was not written by handoff; "
		    "kept it ('handoff hook install --force' replaces it)",
		    hook);
	else if (r < 0) {
		cmd_error("init: cannot write the pre-commit hook: %s",
		    errno ? strerror(errno) : vcs_strerror());
		goto out;
	}
	r = vcs_commit_files(id, v, paths, sizeof(paths) / sizeof(paths[0]),
	    "handoff: new team repository\n\nMade by 'handoff init': deals/, "
	    "handoff.yml, .gitignore.\n");
	if (r < 0 && r != VCS_EUNCHANGED) {
		cmd_error("init: %s", vcs_strerror());
		goto out;
	}
	printf("Initialized a handoff team repository in %s\n"
	    "  deals/        one handoff per deal: 'handoff new DEAL'\n"
	    "  handoff.yml   the team's settings (commented defaults)\n"
	    "  pre-commit    runs 'handoff check' on staged deals\n",
	    vcs_workdir(v));
	rc = 0;
out:
	free(hook);
	free(yml);
	vcs_free(v);
	vcs_lib_shutdown();
	return rc;
}
