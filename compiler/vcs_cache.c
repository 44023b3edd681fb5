/* SPDX-License-Identifier: MIT */
/*
 * vcs_cache.c: the stamp cache of 'build', OUTDIR/.cache/stamps.  Opening
 * libgit2 costs more than building a deal (its TLS set-up parses every
 * system certificate), so what a build needs from git, HEAD's id and the
 * blob ids of HEAD's tree, is kept here under a key that changes whenever
 * HEAD can have moved: the stat (inode, size, change time in ns) of the
 * git dir's HEAD, the ref HEAD names, and packed-refs.  Refs are written by
 * rename, so a new commit is a new inode.  The key is read without libgit2;
 * a layout this file does not know (a .git file, GIT_DIR in the
 * environment, a worktree's commondir) has no key, and the caller opens
 * the repository instead.  The file ends with a checksum of everything
 * before it; a cache that does not match its key or its checksum is
 * rebuilt, never trusted.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "digest.h"
#include "fsutil.h"
#include "vcs_cache.h"

#define CACHE_MAGIC	"handoff stamp cache 1\n"
#define CACHE_MAX	((size_t)64 << 20)

int
vcs_cache_sha1(char out[VCS_CACHE_SUM], const void *data, size_t len)
{
	unsigned char	 id[DIGEST_SHA1_LEN];

	digest_git_blob(id, data, len);
	digest_hex(out, id, sizeof(id));
	return 0;
}

/* "ino:size:ctime.ns" of path, or "absent". */
static int
cache_stat(struct buf *b, const char *label, const char *path)
{
	struct stat	 sb;

	if (lstat(path, &sb) == -1)
		return buf_printf(b, "%s absent\n", label);
	return buf_printf(b, "%s %llu:%lld:%lld.%09ld:%lld.%09ld\n", label,
		    (unsigned long long)sb.st_ino, (long long)sb.st_size,
		    (long long)sb.st_ctim.tv_sec, sb.st_ctim.tv_nsec,
		    (long long)sb.st_mtim.tv_sec, sb.st_mtim.tv_nsec);
}

/* The work tree around dir: the nearest folder with a .git folder. */
static int
cache_find_workdir(char out[PATH_MAX], const char *dir)
{
	struct stat	 sb;
	char		 p[PATH_MAX + 8], *slash;

	if (realpath(dir, out) == NULL)
		return -1;
	for (;;) {
		snprintf(p, sizeof(p), "%s/.git", strcmp(out, "/") ? out : "");
		if (lstat(p, &sb) == 0)
			return S_ISDIR(sb.st_mode) ? 0 : -1;
		if ((slash = strrchr(out, '/')) == NULL || slash == out)
			return -1;
		*slash = '\0';
	}
}

/* A ref name HEAD may point at: refs/..., no "..", no odd bytes. */
static int
cache_ref_ok(const char *r)
{
	if (strncmp(r, "refs/", 5) != 0 || strstr(r, "..") != NULL ||
	    strlen(r) > 200)
		return 0;
	for (; *r; r++)
		if ((unsigned char)*r <= ' ' || *r == '\\')
			return 0;
	return 1;
}

int
vcs_cache_key(struct buf *out, const char *dir)
{
	static const char *const env[] = { "GIT_DIR", "GIT_WORK_TREE",
	    "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES",
	    "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES" };
	char		 wd[PATH_MAX], p[PATH_MAX + 320], head[256];
	FILE		*fp;
	size_t		 i, n;

	for (i = 0; i < sizeof(env) / sizeof(env[0]); i++)
		if (getenv(env[i]) != NULL)
			return -1;
	if (cache_find_workdir(wd, dir) == -1)
		return -1;
	snprintf(p, sizeof(p), "%s/.git/commondir", wd);
	if (fs_exists(p))
		return -1;
	snprintf(p, sizeof(p), "%s/.git/HEAD", wd);
	if ((fp = fopen(p, "r")) == NULL)
		return -1;
	n = fread(head, 1, sizeof(head) - 1, fp);
	fclose(fp);
	head[n] = '\0';
	if (n == 0 || n == sizeof(head) - 1 || head[n - 1] != '\n')
		return -1;
	head[n - 1] = '\0';
	if (buf_printf(out, "workdir %s\nhead %s\n", wd, head) == -1 ||
	    cache_stat(out, "HEAD", p) == -1)
		return -1;
	if (strncmp(head, "ref: ", 5) == 0) {
		if (!cache_ref_ok(head + 5))
			return -1;
		snprintf(p, sizeof(p), "%s/.git/%s", wd, head + 5);
		if (cache_stat(out, "ref", p) == -1)
			return -1;
	}
	snprintf(p, sizeof(p), "%s/.git/packed-refs", wd);
	return cache_stat(out, "packed", p) == -1 ? -1 : 0;
}

/* The stat of every .gitattributes from wd down to the folder of rel. */
static int
cache_attrs_along(struct buf *out, const char *wd, const char *rel)
{
	char		 p[PATH_MAX + 32];
	const char	*slash;

	snprintf(p, sizeof(p), "%s/.gitattributes", wd);
	if (cache_stat(out, "attrs", p) == -1)
		return -1;
	for (slash = strchr(rel, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		snprintf(p, sizeof(p), "%s/%.*s/.gitattributes", wd,
		    (int)(slash - rel), rel);
		if (cache_stat(out, "attrs", p) == -1)
			return -1;
	}
	return 0;
}

int
vcs_cache_key_file(struct buf *out, const char *path)
{
	static const char *const env[] = { "HOME", "XDG_CONFIG_HOME",
	    "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM",
	    "GIT_ATTR_NOSYSTEM", "PREFIX" };
	char		 real[PATH_MAX], p[PATH_MAX + 32], *wd, *w, *nl;
	const char	*home = getenv("HOME"), *xdg = getenv("XDG_CONFIG_HOME");
	size_t		 i, wl, from = out->len;

	if (realpath(path, real) == NULL || vcs_cache_key(out, ".") == -1)
		return -1;
	/* the work tree is the first line vcs_cache_key() added */
	w = out->data + from + strlen("workdir ");
	if ((nl = strchr(w, '\n')) == NULL ||
	    (wd = strndup(w, (size_t)(nl - w))) == NULL)
		return -1;
	wl = strlen(wd);
	if (strncmp(real, wd, wl) != 0 || real[wl] != '/' ||
	    buf_printf(out, "file %s\n", real + wl + 1) == -1 ||
	    cache_attrs_along(out, wd, real + wl + 1) == -1)
		goto fail;
	/* path may be a folder (the audit reads deals/): its own too */
	snprintf(p, sizeof(p), "%s/.gitattributes", real);
	if (cache_stat(out, "attrs", p) == -1)
		goto fail;
	snprintf(p, sizeof(p), "%s/.git/config", wd);
	if (cache_stat(out, "config", p) == -1)
		goto fail;
	snprintf(p, sizeof(p), "%s/.git/info/attributes", wd);
	if (cache_stat(out, "info", p) == -1)
		goto fail;
	for (i = 0; i < sizeof(env) / sizeof(env[0]); i++)
		if (buf_printf(out, "env %s=%s\n", env[i],
		    getenv(env[i]) != NULL ? getenv(env[i]) : "-") == -1)
			goto fail;
	if (home != NULL) {
		snprintf(p, sizeof(p), "%s/.gitconfig", home);
		if (cache_stat(out, "user", p) == -1)
			goto fail;
		snprintf(p, sizeof(p), "%s/.config/git/config", home);
		if (cache_stat(out, "user", p) == -1)
			goto fail;
		snprintf(p, sizeof(p), "%s/.config/git/attributes", home);
		if (cache_stat(out, "user", p) == -1)
			goto fail;
	}
	if (xdg != NULL) {
		snprintf(p, sizeof(p), "%s/git/config", xdg);
		if (cache_stat(out, "xdg", p) == -1)
			goto fail;
		snprintf(p, sizeof(p), "%s/git/attributes", xdg);
		if (cache_stat(out, "xdg", p) == -1)
			goto fail;
	}
	if (cache_stat(out, "system", "/etc/gitconfig") == -1 ||
	    cache_stat(out, "system", "/etc/gitattributes") == -1)
		goto fail;
	free(wd);
	return 0;
fail:
	free(wd);
	return -1;
}

/* The body's lines after the magic and the key; NULL on any mismatch. */
static char *
cache_body(char *data, size_t len, const char *key)
{
	size_t	 ml = strlen(CACHE_MAGIC), kl = strlen(key);

	if (len < ml + kl + 1 || memcmp(data, CACHE_MAGIC, ml) != 0 ||
	    memcmp(data + ml, key, kl) != 0 || data[ml + kl] != '\n')
		return NULL;
	return data + ml + kl + 1;
}

int
vcs_cache_read(char **out, const char *file, const char *key,
    vcs_cache_sum_fn sum)
{
	char	*data = NULL, *body, *tail, want[VCS_CACHE_SUM];
	size_t	 len;

	*out = NULL;
	if (fs_read(file, CACHE_MAX, &data, &len) == -1)
		return -1;
	/* the last line: "sum HEX\n", the checksum of all before it */
	if (len < 2 || data[len - 1] != '\n')
		goto bad;
	data[len - 1] = '\0';
	if ((tail = strrchr(data, '\n')) == NULL ||
	    strncmp(tail + 1, "sum ", 4) != 0)
		goto bad;
	tail[1] = '\0';
	if (sum(want, data, (size_t)(tail + 1 - data)) == -1 ||
	    strcmp(tail + 5, want) != 0)
		goto bad;
	if ((body = cache_body(data, (size_t)(tail + 1 - data), key)) == NULL)
		goto bad;
	memmove(data, body, strlen(body) + 1);
	*out = data;
	return 0;
bad:
	free(data);
	return -1;
}

int
vcs_cache_write(const char *file, const char *key, const char *body,
    vcs_cache_sum_fn sum)
{
	struct buf	 b;
	char		 s[VCS_CACHE_SUM], *dir, *slash;
	int		 rc = -1;

	if ((dir = strdup(file)) == NULL)
		return -1;
	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		if (fs_mkdirs(dir) == -1)
			goto out;
	}
	buf_init(&b);
	if (buf_printf(&b, "%s%s\n%s", CACHE_MAGIC, key, body) == 0 &&
	    sum(s, b.data, b.len) == 0 && buf_printf(&b, "sum %s\n", s) == 0)
		rc = fs_write_atomic(file, b.data, b.len);
	buf_dispose(&b);
out:
	free(dir);
	return rc;
}
