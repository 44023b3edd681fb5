/* SPDX-License-Identifier: MIT */
/*
 * cmd_diff.c: 'handoff diff DEAL [REV1 [REV2]]': field-level changes
 * between two versions of a deal, one sentence each.  With no revision:
 * the last commit against the work tree when they differ, else the last
 * two versions; with REV1: REV1 against the work tree; with both: REV1
 * against REV2.  Both versions are parsed into canonical trees and
 * compared by tree_diff.c.
 */
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
#include "tree_diff.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff diff DEAL [REV1 [REV2]]\n"
    "\n"
    "Show what changed in DEAL field by field: stakeholders, risks,\n"
    "metrics and commitments added or removed, fields changed, stage and\n"
    "completeness.  Without revisions: the last commit against the work\n"
    "tree when the file was edited since, else the last two commits.\n";

/* One side of the comparison. */
struct side {
	char		 label[64];	/* "a1b2c3d" or "work tree" */
	char		*path;		/* repo path (borrowed) */
	char		*data;
	size_t		 len;
	struct model	*m;
	struct verdict	 v;
};

/* The side for a revision: the first path of ref it holds.  0, 1, 2. */
static int
diff_at_rev(struct side *sd, struct vcs *v, const struct deal_ref *ref,
    const char *rev)
{
	char	 sh[VCS_SHORT + 1];
	size_t	 i;
	int	 r;

	if ((r = vcs_resolve(NULL, sh, v, rev)) < 0) {
		cmd_error("diff: %s: %s", rev ? rev : "HEAD", vcs_strerror());
		return r == VCS_ENOTFOUND ? 1 : 2;
	}
	snprintf(sd->label, sizeof(sd->label), "%s", sh);
	for (i = 0; i < ref->npath; i++) {
		r = vcs_read(&sd->data, &sd->len, v, rev, ref->path[i]);
		if (r == 0) {
			sd->path = ref->path[i];
			return 0;
		}
		if (r != VCS_ENOTFOUND) {
			cmd_error("diff: %s", vcs_strerror());
			return 2;
		}
	}
	cmd_error("diff: %s is not in %s", ref->path[0], rev ? rev : "HEAD");
	return 1;
}

/* The side for the work tree: the first path of ref that exists. */
static int
diff_at_work(struct side *sd, struct vcs *v, const struct deal_ref *ref,
    char blob[VCS_ID_MAX])
{
	char	*abs;
	size_t	 i;
	int	 r;

	for (i = 0; i < ref->npath; i++) {
		if (vcs_work_blob(blob, v, ref->path[i]) != 0)
			continue;
		if ((abs = fs_join(vcs_workdir(v), ref->path[i])) == NULL)
			return 2;
		r = fs_read(abs, 64u << 20, &sd->data, &sd->len);
		free(abs);
		if (r != 0)
			return 2;
		sd->path = ref->path[i];
		snprintf(sd->label, sizeof(sd->label), "work tree");
		return 0;
	}
	return 1;
}

/* Pick the two sides by the rules in the usage.  0, 1, 2. */
static int
diff_pick(struct side *a, struct side *b, struct vcs *v,
    const struct deal_ref *ref, const char *r1, const char *r2)
{
	struct vcs_versions	 vl;
	struct buf		 near;
	char			 work[VCS_ID_MAX];
	int			 rc, haswork;

	if (r1 != NULL && r2 != NULL) {
		if ((rc = diff_at_rev(a, v, ref, r1)) != 0)
			return rc;
		return diff_at_rev(b, v, ref, r2);
	}
	if (r1 != NULL) {
		if ((rc = diff_at_rev(a, v, ref, r1)) != 0)
			return rc;
		if (vcs_workdir(v) != NULL && diff_at_work(b, v, ref, work) == 0)
			return 0;
		return diff_at_rev(b, v, ref, NULL);
	}
	if (vcs_file_history(&vl, v, NULL, (const char *const *)ref->path,
	    ref->npath) < 0) {
		cmd_error("diff: %s", vcs_strerror());
		return 2;
	}
	haswork = vcs_workdir(v) != NULL && diff_at_work(b, v, ref, work) == 0;
	rc = 0;
	if (haswork && vl.n > 0 && (strcmp(vl.v[0].blob, work) != 0 ||
	    strcmp(vl.v[0].path, b->path) != 0))
		rc = diff_at_rev(a, v, ref, vl.v[0].id);
	else if (haswork && vl.n == 0)
		snprintf(a->label, sizeof(a->label), "nothing");
	else {
		free(b->data);
		memset(b, 0, sizeof(*b));
		if (vl.n == 0) {
			cmd_error("diff: %s: no such deal in git or the work "
			    "tree%s", ref->id, history_ref_near(&near, v, ref));
			buf_dispose(&near);
			rc = 1;
		} else if ((rc = diff_at_rev(b, v, ref, vl.v[0].id)) == 0) {
			if (vl.n > 1)
				rc = diff_at_rev(a, v, ref, vl.v[1].id);
			else
				snprintf(a->label, sizeof(a->label),
				    "nothing");
		}
	}
	vcs_versions_dispose(&vl);
	return rc;
}

/* Parse and validate a side; diagnostics to dl.  0, or 1 unreadable. */
static int
diff_load(struct side *sd, const struct session *s, struct diag_list *dl)
{
	if (sd->path == NULL)
		return 0;	/* "nothing": an empty document */
	sd->m = session_check(s, sd->path, sd->data, sd->len, &sd->v, dl);
	return sd->m == NULL ? 1 : 0;
}

/* Compare the two sides and print the changes.  0, 1, 2. */
static int
diff_print(struct side *a, struct side *b, const struct session *s,
    const char *id)
{
	struct diag_list dl;
	struct tree_diff td;
	size_t		 i;
	int		 rc = 1;

	diag_list_init(&dl);
	tree_diff_init(&td);
	if (diff_load(a, s, &dl) != 0 || diff_load(b, s, &dl) != 0) {
		git_cmd_print(&dl);
		cmd_error("diff: %s cannot be read as a handoff", id);
		goto out;
	}
	rc = 2;
	if (a->m != NULL && b->m != NULL && a->v.percent != b->v.percent &&
	    tree_diff_add(&td, "completeness %d%% → %d%%", a->v.percent,
	    b->v.percent) == -1)
		goto out;
	if (tree_diff_models(&td, a->m, b->m, s->schema) == -1)
		goto out;
	printf("%s: %s → %s\n", id, a->label, b->label);
	for (i = 0; i < td.n; i++)
		printf("  %s\n", td.line[i]);
	if (td.n == 0)
		printf("  no field-level changes\n");
	rc = 0;
out:
	tree_diff_dispose(&td);
	diag_list_dispose(&dl);
	return rc;
}

int
cmd_diff(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd	 g;
	struct deal_ref	 ref;
	struct side	 a, b;
	const char	*pos[3] = { NULL, NULL, NULL };
	int		 i, np = 0, rc = 2;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-' || np == 3) {
			fputs(usage, stderr);
			return 2;
		}
		pos[np++] = argv[i];
	}
	if (np == 0) {
		fputs(usage, stderr);
		return 2;
	}
	memset(&ref, 0, sizeof(ref));
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	git_cmd_init(&g);
	if (git_cmd_open(&g, ".", 0) == -1)
		goto out;
	if (history_ref(&ref, g.v, git_cmd_root(&g), pos[0]) < 0) {
		cmd_error("diff: %s: %s", pos[0], vcs_strerror());
		goto out;
	}
	if (git_cmd_session(&g, cli, cli->today) == -1)
		goto out;
	if ((rc = diff_pick(&a, &b, g.v, &ref, pos[1], pos[2])) != 0)
		goto out;
	rc = diff_print(&a, &b, &g.s, ref.id);
out:
	model_free(a.m);
	model_free(b.m);
	free(a.data);
	free(b.data);
	history_ref_dispose(&ref);
	git_cmd_close(&g);
	return rc;
}
