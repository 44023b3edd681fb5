/* SPDX-License-Identifier: MIT */
/*
 * history.c: a deal across its versions (see history.h).  Resolves what a
 * DEAL argument names, checks a version as of its commit day, and writes
 * the git hooks that run the same checks.  Prints nothing.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "deal_name.h"
#include "diag.h"
#include "fsutil.h"
#include "history.h"
#include "model.h"
#include "session.h"
#include "vcs.h"

#define HOOK_MARK	"# handoff hook:"

static const char *const deal_exts[] = { ".md", ".xml", ".markdown" };

int
history_is_deal(const char *name)
{
	const char	*ext = fs_ext(name);
	size_t		 i;

	for (i = 0; i < sizeof(deal_exts) / sizeof(deal_exts[0]); i++)
		if (strcmp(ext, deal_exts[i]) == 0)
			return 1;
	return 0;
}

void
history_ref_dispose(struct deal_ref *r)
{
	size_t	 i;

	free(r->id);
	for (i = 0; i < r->npath; i++)
		free(r->path[i]);
	memset(r, 0, sizeof(*r));
}

int
history_prefix(char *buf, size_t bufsz, struct vcs *v, const char *root)
{
	static const char probe[] = "handoff.yml";
	char	*path, *rel = NULL;
	size_t	 n;
	int	 r, rc = 0;

	/* the repo path of a file at the team root, less the file name */
	if (bufsz == 0)
		return -1;
	buf[0] = '\0';
	if (v == NULL || vcs_workdir(v) == NULL)
		return 0;
	if ((path = fs_join(root ? root : ".", probe)) == NULL)
		return -1;
	if ((r = vcs_relpath(&rel, v, path)) == 0) {
		n = strlen(rel) - (sizeof(probe) - 1);
		if (n < bufsz) {
			memcpy(buf, rel, n);
			buf[n] = '\0';
		} else
			rc = -1;
	} else if (r == -1)
		rc = -1;
	free(rel);
	free(path);
	return rc;
}

int
history_deals_dir(char *buf, size_t bufsz, struct vcs *v, const char *root)
{
	char	 prefix[PATH_MAX];

	if (history_prefix(prefix, sizeof(prefix), v, root) == -1 ||
	    (size_t)snprintf(buf, bufsz, "%s%s", prefix, HISTORY_DEALS) >=
	    bufsz)
		return -1;
	return 0;
}

int
history_ref(struct deal_ref *out, struct vcs *v, const char *root,
    const char *arg)
{
	char	 prefix[PATH_MAX];
	size_t	 i;
	int	 rc;

	memset(out, 0, sizeof(*out));
	out->root = root;
	if (strchr(arg, '/') != NULL || history_is_deal(arg)) {
		/* A file path, relative to where the user stands. */
		if ((rc = vcs_relpath(&out->path[0], v, arg)) < 0)
			return -1;
		out->npath = 1;
		if ((out->id = fs_stem(arg)) == NULL)
			goto oom;
		return 0;
	}
	if ((out->id = strdup(arg)) == NULL ||
	    history_prefix(prefix, sizeof(prefix), v, root) == -1)
		goto oom;
	for (i = 0; i < sizeof(deal_exts) / sizeof(deal_exts[0]); i++) {
		if ((out->path[i] = malloc(strlen(prefix) +
		    strlen(HISTORY_DEALS) + strlen(arg) +
		    strlen(deal_exts[i]) + 2)) == NULL)
			goto oom;
		sprintf(out->path[i], "%s%s/%s%s", prefix, HISTORY_DEALS, arg,
		    deal_exts[i]);
		out->npath++;
	}
	return 0;
oom:
	history_ref_dispose(out);
	errno = ENOMEM;
	return -1;
}

const char *
history_ref_near(struct buf *b, struct vcs *v, const struct deal_ref *r)
{
	const char	*root = r->root ? r->root : vcs_workdir(v);

	buf_init(b);
	if (r->npath > 1 && r->id != NULL && root != NULL)
		(void)deal_name_suggest(b, root, r->id);
	return b->data != NULL ? b->data : "";
}

int
history_day(long long t, int offset_min)
{
	long long	 s = t + (long long)offset_min * 60;

	return (int)(s >= 0 ? s / 86400 : -((-s + 86399) / 86400));
}

struct model *
history_check_bytes(const struct session *s, const char *file,
    const char *data, size_t len, int day, struct verdict *vd,
    struct diag_list *dl)
{
	struct session	 then;

	then = *s;		/* shallow: only today differs */
	if (day >= 0)
		then.today = day;
	return session_check(&then, file, data, len, vd, dl);
}

struct model *
history_check(const struct session *s, struct vcs *v,
    const struct vcs_version *ver, struct verdict *vd, struct diag_list *dl,
    int *syserr)
{
	struct model	*m;
	char		*data = NULL;
	size_t		 len;

	*syserr = 0;
	memset(vd, 0, sizeof(*vd));
	vd->signed_day = vd->deadline = -1;
	if (vcs_blob_read(&data, &len, v, ver->blob, NULL) < 0) {
		*syserr = 1;
		return NULL;
	}
	m = history_check_bytes(s, ver->path, data, len,
	    ver->id[0] ? history_day(ver->time, ver->offset) : -1, vd, dl);
	free(data);
	return m;
}

/* s in single quotes for sh. */
static void
history_sh_quote(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

/* The script of a hook: find the binary, run 'handoff hook run KIND'
 * (with '--team DIR' for a team repo in a folder of the repository). */
static int
history_hook_script(struct buf *b, const char *kind, const char *team)
{
	char		 exe[PATH_MAX];
	ssize_t		 n;
	const char	*p;

	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) < 0)
		n = 0;
	exe[n] = '\0';
	buf_printf(b, "#!/bin/sh\n" HOOK_MARK " %s\n"
	    "# Written by 'handoff hook install'; run it again to update.\n"
	    "# Checks every %s deal file with the team's rules and refuses\n"
	    "# the %s when one has errors.\n", kind,
	    strcmp(kind, "pre-commit") == 0 ? "staged" : "pushed",
	    strcmp(kind, "pre-commit") == 0 ? "commit" : "push");
	buf_puts(b, "handoff='");
	for (p = exe; *p != '\0'; p++) {
		if (*p == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *p);
	}
	buf_puts(b, "'\n"
	    "if [ ! -x \"$handoff\" ]; then\n"
	    "\thandoff=$(command -v handoff) || {\n"
	    "\t\techo \"handoff hook: the handoff program was not found;"
	    " install it or run 'handoff hook install' again\" >&2\n"
	    "\t\texit 1\n"
	    "\t}\n"
	    "fi\n");
	if (team == NULL || *team == '\0')
		return buf_printf(b, "exec \"$handoff\" hook run %s\n", kind);
	buf_printf(b, "exec \"$handoff\" hook run %s --team ", kind);
	history_sh_quote(b, team);
	return buf_putc(b, '\n');
}

int
history_hook_install(char **where, struct vcs *v, const char *kind,
    const char *team, int force)
{
	struct buf	 b;
	char		*dir = NULL, *path = NULL, *old = NULL;
	size_t		 len;
	int		 rc = -1;

	*where = NULL;
	buf_init(&b);
	if (vcs_hooks_dir(&dir, v) < 0)
		goto out;
	if (fs_mkdirs(dir) == -1 || (path = fs_join(dir, kind)) == NULL)
		goto out;
	if (!force && fs_read(path, 1 << 20, &old, &len) == 0 &&
	    strstr(old, HOOK_MARK) == NULL) {
		rc = -2;
		goto done;
	}
	if (history_hook_script(&b, kind, team) == -1 ||
	    fs_write_atomic(path, b.data, b.len) == -1 ||
	    chmod(path, 0755) == -1)
		goto out;
	rc = 0;
done:
	*where = path;
	path = NULL;
out:
	buf_dispose(&b);
	free(old);
	free(path);
	free(dir);
	return rc;
}
