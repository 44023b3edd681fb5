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

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "holidays.h"
#include "fsutil.h"
#include "history.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff init [--company NAME] [--holidays CC] [DIR]\n"
    "\n"
    "Make DIR (default: the current folder) a team repository for\n"
    "handoffs: a git repository with deals/, a commented handoff.yml, a\n"
    "pre-commit hook that runs 'handoff check', and a first commit.\n"
    "\n"
    "  --company NAME   your company, as the e-mails sign (without it\n"
    "                   handoff.yml says 'Our company', which 'check' warns\n"
    "                   about and 'build' refuses to send to a client)\n"
    "  --holidays CC    public holidays of the next two years for country\n"
    "                   CC (DE, US, GB, FR), from schemas/holidays.txt\n";

/* What the options ask handoff.yml to say. */
struct init_opts {
	const char	*company;	/* NULL: the placeholder */
	const char	*country;	/* NULL: holidays: [] */
	int		 today;		/* days since 1970-01-01 */
};

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

/* Replace the first line of b that starts with key by repl (a line). */
static int
init_replace_line(struct buf *b, const char *key, const char *repl)
{
	struct buf	 out;
	char		*at, *nl;
	size_t		 off;
	int		 rc;

	if ((at = strstr(b->data, key)) == NULL ||
	    (at != b->data && at[-1] != '\n'))
		return 0;
	off = (size_t)(at - b->data);
	nl = strchr(at, '\n');
	buf_init(&out);
	rc = buf_put(&out, b->data, off) == -1 || buf_puts(&out, repl) == -1 ||
	    buf_puts(&out, nl ? nl + 1 : "") == -1 ? -1 : 0;
	buf_dispose(b);
	*b = out;
	return rc;
}

/* handoff.yml with the company and the holidays the options give. */
static int
init_yml(struct buf *b, const char *tmpl, const struct init_opts *o)
{
	struct buf	 line;
	const char	*p;
	int		 rc = 0;

	buf_init(&line);
	if (buf_puts(b, tmpl) == -1)
		return -1;
	if (o->company != NULL) {
		buf_puts(&line, "company: \"");
		for (p = o->company; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				buf_putc(&line, '\\');
			buf_putc(&line, *p);
		}
		buf_puts(&line, "\"\n");
		rc = init_replace_line(b, "company: ", line.data);
		buf_clear(&line);
	}
	if (rc == 0 && o->country != NULL) {
		buf_printf(&line, "holidays:   # %s, from schemas/holidays.txt\n",
		    o->country);
		if (holidays_yaml(&line, o->country, o->today,
		    o->today + 2 * 365) == -1)
			rc = -1;
		else
			rc = init_replace_line(b, "holidays: ", line.data);
	}
	buf_dispose(&line);
	return rc;
}

/* The files of a new team repo, in the work tree. */
static int
init_files(const char *root, const struct init_opts *o)
{
	struct buf			 text;
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
	buf_init(&text);
	if (init_yml(&text, yml != NULL ? (const char *)yml->data :
	    fallback_yml, o) == -1) {
		buf_dispose(&text);
		return -1;
	}
	rc = init_write_new(root, "handoff.yml", text.data, text.len);
	buf_dispose(&text);
	return rc;
}

int
cmd_init(const struct cli *cli, int argc, char **argv)
{
	static const char *const paths[] = {
		"handoff.yml", ".gitignore", HISTORY_DEALS "/.gitkeep"
	};
	struct vcs	*v = NULL;
	struct init_opts o;
	struct buf	 probe;
	const char	*dir = ".", *p;
	char		*yml = NULL, *hook = NULL, id[VCS_ID_MAX];
	int		 rc = 2, r, i;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	memset(&o, 0, sizeof(o));
	o.today = cli->today >= 0 ? cli->today : (int)(cli->now / 86400);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--company") == 0 && i + 1 < argc)
			o.company = argv[++i];
		else if (strcmp(argv[i], "--holidays") == 0 && i + 1 < argc)
			o.country = argv[++i];
		else if (argv[i][0] == '-' || dir[0] != '.' || dir[1] != '\0') {
			fputs(usage, stderr);
			return 2;
		} else
			dir = argv[i];
	}
	for (p = o.company; p != NULL && *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			cmd_error("init: --company: a control character "
			    "cannot go into an e-mail");
			return 1;
		}
	if (o.company != NULL && *o.company == '\0') {
		cmd_error("init: --company: the name is empty");
		return 1;
	}
	buf_init(&probe);
	if (o.country != NULL &&
	    holidays_yaml(&probe, o.country, 0, 0) == -1) {
		buf_dispose(&probe);
		cmd_error("init: --holidays: no holidays for '%s' in "
		    "schemas/holidays.txt (DE, US, GB, FR)", o.country);
		return 1;
	}
	buf_dispose(&probe);
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
	if (init_files(vcs_workdir(v), &o) == -1) {
		cmd_error("init: %s: %s", dir, strerror(errno));
		goto out;
	}
	errno = 0;
	if ((r = history_hook_install(&hook, v, "pre-commit", NULL, 0)) == -2)
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
	if (o.company == NULL)
		printf("Set 'company:' in handoff.yml (or run init with "
		    "--company NAME):\n'handoff build' writes no client e-mail "
		    "while it says '%s'.\n", CONFIG_COMPANY_PLACEHOLDER);
	if (o.country == NULL)
		printf("List your public holidays under 'holidays:' in "
		    "handoff.yml (--holidays DE|US|GB|FR fills them).\n");
	rc = 0;
out:
	free(hook);
	free(yml);
	vcs_free(v);
	vcs_lib_shutdown();
	return rc;
}
