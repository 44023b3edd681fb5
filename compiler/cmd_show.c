/* SPDX-License-Identifier: MIT */
/*
 * cmd_show.c: 'handoff show DEAL[@REV] [--to xml|md]': a deal as a
 * revision (default HEAD) holds it, read from the git tree, not the work
 * tree: the bytes a checkout of that revision would write, or converted
 * to canonical XML or Markdown.
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
#include "parse.h"
#include "read/read_resolve.h"
#include "render.h"
#include "session.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff show DEAL[@REV] [--to xml|md]\n"
    "\n"
    "Print DEAL as revision REV (default HEAD) holds it: exactly what a\n"
    "checkout of REV would write, or with --to its canonical XML or its\n"
    "Markdown form.  REV is any git revision: a1b2c3d, HEAD~2, main.\n";

/* Convert data (the file path at a revision) and print it.  0, 1, 2. */
static int
show_convert(const struct session *s, const char *path, const char *data,
    size_t len, const char *to)
{
	struct diag_list dl;
	struct model	*m = NULL;
	struct buf	 out;
	char		*xml = NULL;
	size_t		 xlen = 0;
	int		 rc = 1;

	diag_list_init(&dl);
	buf_init(&out);
	if (parse_check_bytes(path, data, len, &s->config.limits, &dl) == -1 ||
	    (m = parse_any(path, data, len, &s->config.limits, &dl)) == NULL ||
	    read_resolve(m, &s->config, s->today) == -1)
		goto out;
	if (strcmp(to, "xml") == 0) {
		if ((xml = model_to_xml(m, &xlen)) == NULL) {
			rc = 2;
			goto out;
		}
		fwrite(xml, 1, xlen, stdout);
	} else {
		if (render_md(&out, m, &dl) == -1) {
			rc = 2;
			goto out;
		}
		fwrite(out.data ? out.data : "", 1, out.len, stdout);
	}
	rc = 0;
out:
	if (rc != 0) {
		git_cmd_print(&dl);
		if (diag_list_status(&dl) > rc)
			rc = diag_list_status(&dl);
	}
	free(xml);
	buf_dispose(&out);
	model_free(m);
	diag_list_dispose(&dl);
	return rc;
}

/* Read the deal at rev, trying each path it may have.  0, 1, 2. */
static int
show_read(struct vcs *v, const struct deal_ref *ref, const char *rev,
    char **data, size_t *len, const char **path)
{
	struct buf near;
	size_t	 i;
	int	 r = VCS_ENOTFOUND;

	for (i = 0; i < ref->npath; i++) {
		r = vcs_read(data, len, v, rev, ref->path[i]);
		if (r == 0) {
			*path = ref->path[i];
			return 0;
		}
		if (r != VCS_ENOTFOUND)
			break;
	}
	if (r == VCS_ENOTFOUND && vcs_resolve(NULL, NULL, v, rev) == 0) {
		cmd_error("show: %s is not in %s%s", ref->path[0],
		    rev ? rev : "HEAD", history_ref_near(&near, v, ref));
		buf_dispose(&near);
	} else
		cmd_error("show: %s: %s", rev ? rev : "HEAD", vcs_strerror());
	return r == VCS_ENOTFOUND ? 1 : 2;
}

int
cmd_show(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd	 g;
	struct deal_ref	 ref;
	const char	*to = NULL, *path = NULL, *rev = NULL;
	char		*arg = NULL, *at, *data = NULL;
	size_t		 len = 0;
	int		 i, rc = 2;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
			to = argv[++i];
		else if (strncmp(argv[i], "--to=", 5) == 0)
			to = argv[i] + 5;
		else if (argv[i][0] != '-' && arg == NULL) {
			if ((arg = strdup(argv[i])) == NULL)
				return 2;
		} else {
			free(arg);
			fputs(usage, stderr);
			return 2;
		}
	}
	if (arg == NULL || (to != NULL && strcmp(to, "xml") != 0 &&
	    strcmp(to, "md") != 0)) {
		free(arg);
		fputs(usage, stderr);
		return 2;
	}
	/* Deal ids never hold '@'; revisions may (HEAD@{1}): split at the
	 * first one. */
	if ((at = strchr(arg, '@')) != NULL) {
		*at = '\0';
		rev = at[1] ? at + 1 : NULL;
	}
	memset(&ref, 0, sizeof(ref));
	git_cmd_init(&g);
	if (git_cmd_open(&g, ".", 0) == -1)
		goto out;
	if (history_ref(&ref, g.v, git_cmd_root(&g), arg) < 0) {
		cmd_error("show: %s: %s", arg, vcs_strerror());
		goto out;
	}
	if ((rc = show_read(g.v, &ref, rev, &data, &len, &path)) != 0)
		goto out;
	if (to == NULL) {
		fwrite(data, 1, len, stdout);
		goto out;
	}
	rc = 2;
	if (git_cmd_session(&g, cli, cli->today) == -1)
		goto out;
	rc = show_convert(&g.s, path, data, len, to);
out:
	free(data);
	free(arg);
	history_ref_dispose(&ref);
	git_cmd_close(&g);
	return rc;
}
