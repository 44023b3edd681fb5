/* SPDX-License-Identifier: MIT */
/*
 * build_history.c: a deal's earlier committed versions, parsed (see
 * build_history.h).  Their texts come from the history cache
 * (build_history_cache.c) or else from git; each call that asks git
 * opens its own repository handle, so build workers never share one.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "build_history.h"
#include "build_history_cache.h"
#include "diag.h"
#include "model.h"
#include "session.h"
#include "vcs.h"

#define HISTORY_MAX	100	/* versions read per deal */

/* Parse one version and append it; 0, or -1 when out of memory. */
static int
history_add(struct build_history *h, const struct session *s,
    const char *path, const char *data, size_t len, long long t)
{
	struct diag_list dl;
	struct verdict	 vd;
	struct model	*m;

	diag_list_init(&dl);
	m = session_check(s, path, data, len, &vd, &dl);
	diag_list_dispose(&dl);
	if (m == NULL)
		return 0;	/* a version that did not parse: skipped */
	h->m[h->n] = m;
	h->t[h->n] = t;
	h->n++;
	return 0;
}

/* The texts of the versions from git, oldest first; 0 when every one
 * was read (the list is then worth caching), -1 otherwise. */
static int
history_from_git(struct history_texts *tx, const char *path,
    const char *rev)
{
	struct vcs_versions	 vl;
	struct vcs		*v = NULL;
	const char		*paths[1];
	char			*rel = NULL, *data;
	size_t			 i, n, len;
	int			 rc = -1;

	vcs_versions_init(&vl);
	if (vcs_lib_init() != 0)	/* reference counted, thread-safe */
		return -1;
	if (vcs_open(&v, ".") != 0 || vcs_relpath(&rel, v, path) != 0)
		goto out;
	paths[0] = rel;
	if (vcs_file_history(&vl, v, rev, paths, 1) != 0)
		goto out;
	rc = 0;
	n = vl.n < HISTORY_MAX ? vl.n : HISTORY_MAX;
	for (i = n; i-- > 0; ) {	/* oldest first */
		if (vcs_blob_read(&data, &len, v, vl.v[i].blob,
		    vl.v[i].path) != 0) {
			rc = -1;
			continue;
		}
		if (history_texts_add(tx, data, len, vl.v[i].time) == -1)
			rc = -1;
		free(data);
	}
out:
	vcs_versions_dispose(&vl);
	free(rel);
	if (v != NULL)
		vcs_free(v);
	vcs_lib_shutdown();
	return rc;
}

void
build_history_load(struct build_history *h, const struct session *s,
    const char *path, const char *rev, const char *cache)
{
	struct history_texts	 tx;
	struct buf		 key, again;
	size_t			 i;
	int			 keyed = 0;

	h->m = NULL;
	h->t = NULL;
	h->n = 0;
	history_texts_init(&tx);
	buf_init(&key);
	buf_init(&again);
	if (cache != NULL && rev == NULL && history_cache_key(&key, path) == 0)
		keyed = 1;
	if (!keyed || history_cache_read(&tx, cache, key.data, path) == -1) {
		/* a miss, a stale or a corrupt entry: ask git, and remember
		 * the answer when HEAD did not move meanwhile */
		if (history_from_git(&tx, path, rev) == 0 && keyed &&
		    history_cache_key(&again, path) == 0 &&
		    strcmp(again.data, key.data) == 0)
			(void)history_cache_write(cache, key.data, path,
			    &tx);
	}
	if (tx.n > 0 && ((h->m = calloc(tx.n, sizeof(*h->m))) == NULL ||
	    (h->t = calloc(tx.n, sizeof(*h->t))) == NULL))
		goto out;
	for (i = 0; i < tx.n; i++)
		history_add(h, s, path, tx.v[i].data, tx.v[i].len, tx.v[i].t);
out:
	history_texts_dispose(&tx);
	buf_dispose(&key);
	buf_dispose(&again);
}

void
build_history_dispose(struct build_history *h)
{
	size_t	 i;

	for (i = 0; i < h->n; i++)
		model_free(h->m[i]);
	free(h->m);
	free(h->t);
	h->m = NULL;
	h->t = NULL;
	h->n = 0;
}
