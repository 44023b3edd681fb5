/* SPDX-License-Identifier: MIT */
/*
 * build_history_cache.c: the history cache of 'build'.  Each deal's
 * outputs depend on its earlier committed versions (build_history.c), and
 * reading them means setting up libgit2, which parses every system
 * certificate (about three times the cost of building the deal).  So
 * the texts read are kept in OUTDIR/.cache/history/NAME, NAME the SHA-1
 * of the deal's real path: one file per deal, rewritten when its key
 * changes.  The key (vcs_cache_key_file())
 * changes whenever HEAD can have moved or git would filter the texts
 * differently; the file is the stamp cache's format (vcs_cache.c): magic,
 * key, body, and a SHA-1 of all before it, written by temp + rename, so a
 * crash or a concurrent build leaves the old file or the new one.  A file
 * whose key, checksum or body does not match is rebuilt, never trusted.
 * The body: "version TIME LEN" lines, each followed by LEN bytes of text
 * and a newline, then "end N".  A text holding a NUL byte is not cached.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "build_history_cache.h"
#include "digest.h"
#include "vcs_cache.h"

#define HISTORY_CACHE_TAG	"history 1 of the newest 100 versions\n"

void
history_texts_init(struct history_texts *t)
{
	memset(t, 0, sizeof(*t));
}

int
history_texts_add(struct history_texts *t, const char *data, size_t len,
    long long when)
{
	struct history_text	*v;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		if ((v = realloc(t->v, t->cap * sizeof(*v))) == NULL)
			return -1;
		t->v = v;
	}
	v = &t->v[t->n];
	if ((v->data = malloc(len + 1)) == NULL)
		return -1;
	memcpy(v->data, data, len);
	v->data[len] = '\0';
	v->len = len;
	v->t = when;
	t->n++;
	return 0;
}

void
history_texts_dispose(struct history_texts *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].data);
	free(t->v);
	history_texts_init(t);
}

int
history_cache_key(struct buf *key, const char *path)
{
	return buf_puts(key, HISTORY_CACHE_TAG) == -1 ||
	    vcs_cache_key_file(key, path) == -1 ? -1 : 0;
}

/* dir/NAME, NAME the SHA-1 in hex of the deal's real path: one entry per
 * deal, replaced when the key changes.  NULL when there is none. */
static char *
history_cache_file(const char *dir, const char *path)
{
	unsigned char	 id[DIGEST_SHA1_LEN];
	char		 hex[2 * DIGEST_SHA1_LEN + 1], real[PATH_MAX], *file;
	size_t		 len;

	if (realpath(path, real) == NULL)
		return NULL;
	digest_git_blob(id, real, strlen(real));
	digest_hex(hex, id, sizeof(id));
	len = strlen(dir) + sizeof(hex) + 1;
	if ((file = malloc(len)) == NULL)
		return NULL;
	snprintf(file, len, "%s/%s", dir, hex);
	return file;
}

/* Parse the body into out; 0, or -1 when it is not well formed. */
static int
history_cache_parse(struct history_texts *out, const char *body)
{
	const char	*p = body, *nl;
	long long	 t;
	size_t		 len, n;
	int		 used;

	for (;;) {
		if ((nl = strchr(p, '\n')) == NULL)
			return -1;
		if (sscanf(p, "end %zu%n", &n, &used) == 1 && p + used == nl)
			return n == out->n && nl[1] == '\0' ? 0 : -1;
		if (sscanf(p, "version %lld %zu%n", &t, &len, &used) != 2 ||
		    p + used != nl)
			return -1;
		p = nl + 1;
		/* the text must be there whole, without a NUL, then '\n' */
		if (strnlen(p, len + 1) != len + 1 || p[len] != '\n' ||
		    history_texts_add(out, p, len, t) == -1)
			return -1;
		p += len + 1;
	}
}

int
history_cache_read(struct history_texts *out, const char *dir,
    const char *key, const char *path)
{
	char	*file, *body = NULL;
	int	 rc = -1;

	history_texts_init(out);
	if ((file = history_cache_file(dir, path)) == NULL)
		return -1;
	if (vcs_cache_read(&body, file, key, vcs_cache_sha1) == 0)
		rc = history_cache_parse(out, body);
	if (rc == -1)
		history_texts_dispose(out);
	free(body);
	free(file);
	return rc;
}

int
history_cache_write(const char *dir, const char *key, const char *path,
    const struct history_texts *t)
{
	struct buf	 b;
	char		*file;
	size_t		 i;
	int		 rc = -1;

	for (i = 0; i < t->n; i++)
		if (memchr(t->v[i].data, '\0', t->v[i].len) != NULL)
			return -1;	/* the file format is text */
	if ((file = history_cache_file(dir, path)) == NULL)
		return -1;
	buf_init(&b);
	for (i = 0; i < t->n; i++)
		if (buf_printf(&b, "version %lld %zu\n", t->v[i].t,
		    t->v[i].len) == -1 ||
		    buf_put(&b, t->v[i].data, t->v[i].len) == -1 ||
		    buf_putc(&b, '\n') == -1)
			goto out;
	if (buf_printf(&b, "end %zu\n", t->n) == 0)
		rc = vcs_cache_write(file, key, b.data, vcs_cache_sha1);
out:
	buf_dispose(&b);
	free(file);
	return rc;
}
