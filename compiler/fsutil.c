/* SPDX-License-Identifier: MIT */
/*
 * fsutil.c: bounded reads, atomic writes, safe deal ids, paths, and the
 * table of built-in files generated into embed_gen.c.
 */
#include <sys/stat.h>
#include <sys/syscall.h>

#include <linux/openat2.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"

extern const struct embedded embed_files[];

const struct embedded *
fs_embedded(const char *path)
{
	const struct embedded	*e;

	for (e = embed_files; e->path != NULL; e++)
		if (strcmp(e->path, path) == 0)
			return e;
	return NULL;
}

const struct embedded *
fs_embedded_at(size_t i)
{
	size_t	 n;

	for (n = 0; embed_files[n].path != NULL; n++)
		if (n == i)
			return &embed_files[n];
	return NULL;
}

/* A relative path with no '..' component: the ones fs_escapes() checks. */
static int
fs_plain_relative(const char *p)
{
	const char	*c;

	if (*p == '/' || *p == '\0')
		return 0;
	for (c = p; *c != '\0'; c += strcspn(c, "/"), c += *c == '/')
		if (strncmp(c, "..", 2) == 0 && (c[2] == '/' || c[2] == '\0'))
			return 0;
	return 1;
}

/*
 * Does the relative path p, written without '..', lead outside the
 * working directory (the team repo) through a symbolic link?  A deal,
 * template or playbook committed as a link to ~/.ssh/id_rsa or /etc/passwd
 * would otherwise be read and could end up in an e-mail or a PDF.  An
 * absolute path or one with '..' is the user's own choice and is read.
 */
static int
fs_escapes(const char *p)
{
	char		*cwd = NULL, *real = NULL;
	size_t		 n;
	int		 out = 0;

	if (!fs_plain_relative(p))
		return 0;
	if ((cwd = realpath(".", NULL)) == NULL ||
	    (real = realpath(p, NULL)) == NULL)
		goto done;
	n = strlen(cwd);
	if (strcmp(cwd, "/") != 0 && (strncmp(real, cwd, n) != 0 ||
	    (real[n] != '/' && real[n] != '\0')))
		out = 1;
done:
	free(cwd);
	free(real);
	return out;
}

/*
 * Open path to read (flags: open()'s), refusing, with EXDEV, a relative
 * path that leads outside the working directory (fs_escapes()).  The
 * kernel's RESOLVE_BENEATH (openat2(2), Linux 5.6) refuses every
 * resolution that leaves the directory, links included, in one system
 * call, where resolving the path by hand costs a getcwd() and a
 * readlink() per component: a no-change build of a thousand deals reads
 * two thousand files.  What it refuses (an absolute link can still land
 * inside) or cannot do (an older kernel, a seccomp filter) goes the way
 * it always went, so the answer is fs_escapes()'s either way.
 */
static int
fs_open_beneath(const char *path, int flags)
{
	struct open_how	 how;
	long		 fd;

	if (fs_plain_relative(path)) {
		memset(&how, 0, sizeof(how));
		how.flags = (unsigned long long)flags;
		how.resolve = RESOLVE_BENEATH;
		fd = syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how));
		if (fd >= 0)
			return (int)fd;
	}
	if (fs_escapes(path)) {
		errno = EXDEV;
		return -1;
	}
	return open(path, flags);
}

const char *
fs_strerror(int err)
{
	if (err == EXDEV)
		return "a symbolic link that leads outside the repository";
	return strerror(err);
}

int
fs_read(const char *path, size_t max, char **out, size_t *lenp)
{
	struct stat	 st;
	char		*data = NULL, *p;
	size_t		 len = 0, cap = 0;
	ssize_t		 n;
	int		 fd, rc = -1, saved;

	*out = NULL;
	*lenp = 0;
	/*
	 * O_NONBLOCK: opening a FIFO with no writer (a 'deals/x.md' made by
	 * mkfifo) would block for ever; opened this way it reads as empty.
	 * Reads block again afterwards, so a real pipe is read to its end
	 * (a regular file never blocks: no fcntl() for it).
	 */
	if ((fd = fs_open_beneath(path, O_RDONLY | O_CLOEXEC |
	    O_NONBLOCK)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || (!S_ISREG(st.st_mode) &&
	    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == -1))
		goto out;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto out;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
		rc = -2;
		goto out;
	}
	/* a regular file in two read()s: its size, then the end */
	if (S_ISREG(st.st_mode))
		cap = (size_t)st.st_size + 1 < max + 1 ?
		    (size_t)st.st_size + 1 : max + 1;
	for (;;) {
		if (data == NULL || len == cap) {
			cap = data == NULL ? (cap ? cap : 8192) : cap * 2;
			if (cap > max + 1)
				cap = max + 1;
			if ((p = realloc(data, cap + 1)) == NULL)
				goto out;
			data = p;
		}
		if ((n = read(fd, data + len, cap - len)) == -1) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > max) {
			rc = -2;
			goto out;
		}
	}
	if (data == NULL && (data = malloc(1)) == NULL)
		goto out;
	data[len] = '\0';
	*out = data;
	*lenp = len;
	data = NULL;
	rc = 0;
out:
	saved = errno;
	free(data);
	close(fd);
	errno = saved;
	return rc;
}

int
fs_write_atomic(const char *path, const void *data, size_t len)
{
	char		*tmp;
	const char	*p = data;
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd, saved;

	if ((tmp = malloc(strlen(path) + 16)) == NULL)
		return -1;
	snprintf(tmp, strlen(path) + 16, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		free(tmp);
		return -1;
	}
	while (off < len) {
		if ((n = write(fd, p + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)n;
	}
	if (fchmod(fd, 0644) == -1 || close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

int
fs_write_atomic_dirs(const char *path, const void *data, size_t len)
{
	char	*dir, *slash;
	int	 rc = 0;

	if ((slash = strrchr(path, '/')) != NULL && slash > path) {
		if ((dir = strndup(path, (size_t)(slash - path))) == NULL)
			return -1;
		rc = fs_mkdirs(dir);
		free(dir);
	}
	return rc == 0 ? fs_write_atomic(path, data, len) : -1;
}

int
fs_mkdirs(const char *path)
{
	char	*p, *s;
	int	 rc = 0;

	if ((p = strdup(path)) == NULL)
		return -1;
	for (s = p + 1; rc == 0 && *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0777) == -1 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

int
fs_exists(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0;
}

int
fs_deal_id_ok(const char *id)
{
	size_t	 i, len;

	if (id == NULL || (len = strlen(id)) == 0 || len > 64)
		return 0;
	if (id[0] == '-' || id[len - 1] == '-')
		return 0;
	for (i = 0; i < len; i++) {
		if (id[i] == '-' && id[i + 1] == '-')
			return 0;
		if (!((id[i] >= 'a' && id[i] <= 'z') ||
		    (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
			return 0;
	}
	return 1;
}

char *
fs_join(const char *dir, const char *name)
{
	size_t	 n = strlen(dir) + strlen(name) + 2;
	char	*p;

	if ((p = malloc(n)) == NULL)
		return NULL;
	if (*dir == '\0' || strcmp(dir, ".") == 0)
		snprintf(p, n, "%s", name);
	else if (dir[strlen(dir) - 1] == '/')
		snprintf(p, n, "%s%s", dir, name);
	else
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

const char *
fs_ext(const char *path)
{
	const char	*slash = strrchr(path, '/');
	const char	*dot = strrchr(path, '.');

	if (dot == NULL || (slash != NULL && dot < slash) ||
	    dot == (slash ? slash + 1 : path))
		return "";
	return dot;
}

char *
fs_stem(const char *path)
{
	const char	*slash = strrchr(path, '/');
	const char	*base = slash ? slash + 1 : path;
	const char	*ext = fs_ext(base);
	size_t		 n = *ext ? (size_t)(ext - base) : strlen(base);
	char		*p;

	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, base, n);
	p[n] = '\0';
	return p;
}
