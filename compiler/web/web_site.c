/* SPDX-License-Identifier: MIT */
/*
 * web_site.c: the site as 'handoff build' writes it: each deal's page
 * beside its other outputs (OUTDIR/<deal>/index.html) and its index row
 * in OUTDIR/.rows/<deal>.html (a deal that fails check gets a row too:
 * the overdue ones are the deals the team must see), all written
 * atomically; then OUTDIR/index.html from the rows in the order of
 * their names, so the index does not depend on -j or on which deals
 * were rebuilt.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fsutil.h"
#include "render.h"
#include "web/web.h"
#include "web/web_site.h"

#define ROW_MAX	(64 * 1024)	/* one row file, at most */

int
web_site_row(const char *outdir, const char *id, const struct render_ctx *rc,
    int errors)
{
	struct buf	 row;
	char		 path[4096];
	int		 rv = -1;

	buf_init(&row);
	snprintf(path, sizeof(path), "%s/.rows", outdir);
	if (fs_deal_id_ok(id) && fs_mkdirs(path) == 0 &&
	    web_index_row(&row, rc, errors, 0) == 0) {
		snprintf(path, sizeof(path), "%s/.rows/%s.html", outdir, id);
		rv = fs_write_atomic(path, row.data, row.len);
	}
	buf_dispose(&row);
	return rv;
}

int
web_site_deal(const char *outdir, const char *id, const struct render_ctx *rc,
    const struct web_files *f)
{
	struct buf	 page;
	char		 path[4096];
	int		 rv = -1;

	buf_init(&page);
	if (fs_deal_id_ok(id) && web_deal_page(&page, rc, f, NULL, NULL) == 0) {
		snprintf(path, sizeof(path), "%s/%s/index.html", outdir, id);
		rv = fs_write_atomic(path, page.data, page.len);
	}
	buf_dispose(&page);
	if (rv == 0)
		rv = web_site_row(outdir, id, rc, 0);
	return rv;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The deal ids of OUTDIR/.rows/ID.html, sorted; 0 or -1. */
static int
row_ids(const char *outdir, char ***out, size_t *np)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL, **nv, path[4096];
	size_t		 n = 0, cap = 0, len;

	*out = NULL;
	*np = 0;
	snprintf(path, sizeof(path), "%s/.rows", outdir);
	if ((d = opendir(path)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".html") != 0)
			continue;
		e->d_name[len - 5] = '\0';
		if (!fs_deal_id_ok(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				break;
			v = nv;
		}
		if ((v[n] = strdup(e->d_name)) == NULL)
			break;
		n++;
	}
	closedir(d);
	if (n > 0)
		qsort(v, n, sizeof(*v), name_cmp);
	*out = v;
	*np = n;
	return 0;
}

/* The ids of keep that are set, sorted for kept(); NULL with *np 0 when
 * keep is NULL (everything is kept); -1 when out of memory. */
static int
keep_sorted(char ***out, size_t *np, char *const *keep, size_t nkeep)
{
	size_t	 i, n = 0;

	*out = NULL;
	*np = 0;
	if (keep == NULL)
		return 0;
	if ((*out = calloc(nkeep + 1, sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < nkeep; i++)
		if (keep[i] != NULL)
			(*out)[n++] = keep[i];
	if (n > 1)
		qsort(*out, n, sizeof(**out), name_cmp);
	*np = n;
	return 0;
}

/* Whether id is in keep (sorted by keep_sorted(); NULL: all are):
 * a binary search, since a build of a thousand deals asks for each. */
static int
kept(char **keep, size_t nkeep, const char *id)
{
	if (keep == NULL)
		return 1;
	return bsearch(&id, keep, nkeep, sizeof(*keep), name_cmp) != NULL;
}

int
web_site_rows(struct buf *rows, size_t *nrows, const char *outdir,
    char *const *keep, size_t nkeep)
{
	char		**v, **ks, path[4096], *data;
	size_t		 n, i, len, nks;

	*nrows = 0;
	if (keep_sorted(&ks, &nks, keep, nkeep) == -1)
		return -1;
	if (row_ids(outdir, &v, &n) == -1) {
		free(ks);
		return -1;
	}
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/.rows/%s.html", outdir, v[i]);
		if (!kept(ks, nks, v[i]))
			unlink(path);
		else if (fs_read(path, ROW_MAX, &data, &len) == 0) {
			buf_put(rows, data, len);
			(*nrows)++;
			free(data);
		}
		free(v[i]);
	}
	free(v);
	free(ks);
	return 0;
}

int
web_site_index(const char *outdir, int today, char *const *keep,
    size_t nkeep)
{
	struct buf	 rows, page;
	size_t		 n;
	char		*p, path[4096];
	int		 rv = -1;

	buf_init(&rows);
	buf_init(&page);
	if (web_site_rows(&rows, &n, outdir, keep, nkeep) == -1)
		goto out;
	/* nothing built, ever: no index either (output/ stays empty) */
	snprintf(path, sizeof(path), "%s/index.html", outdir);
	if (n == 0 && !fs_exists(path)) {
		rv = 0;
		goto out;
	}
	if (
	    web_index_page(&page, rows.data, n, today, NULL) == 0 &&
	    (p = fs_join(outdir, "index.html")) != NULL) {
		rv = fs_write_atomic(p, page.data, page.len);
		free(p);
	}
out:
	buf_dispose(&rows);
	buf_dispose(&page);
	return rv;
}

