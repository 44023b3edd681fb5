/* SPDX-License-Identifier: MIT */
/*
 * build_history.c: a deal's earlier committed versions, parsed (see
 * build_history.h).  Each call opens its own repository handle, so build
 * workers never share one.
 */
#include <stdlib.h>

#include "build_history.h"
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

void
build_history_load(struct build_history *h, const struct session *s,
    const char *path, const char *rev)
{
	struct vcs_versions	 vl;
	struct vcs		*v = NULL;
	const char		*paths[1];
	char			*rel = NULL, *data;
	size_t			 i, n, len;

	h->m = NULL;
	h->t = NULL;
	h->n = 0;
	vcs_versions_init(&vl);
	if (vcs_lib_init() != 0)	/* reference counted, thread-safe */
		return;
	if (vcs_open(&v, ".") != 0 || vcs_relpath(&rel, v, path) != 0)
		goto out;
	paths[0] = rel;
	if (vcs_file_history(&vl, v, rev, paths, 1) != 0 || vl.n == 0)
		goto out;
	n = vl.n < HISTORY_MAX ? vl.n : HISTORY_MAX;
	if ((h->m = calloc(n, sizeof(*h->m))) == NULL ||
	    (h->t = calloc(n, sizeof(*h->t))) == NULL)
		goto out;
	for (i = n; i-- > 0; ) {	/* oldest first */
		if (vcs_blob_read(&data, &len, v, vl.v[i].blob,
		    vl.v[i].path) != 0)
			continue;
		history_add(h, s, path, data, len, vl.v[i].time);
		free(data);
	}
out:
	vcs_versions_dispose(&vl);
	free(rel);
	if (v != NULL)
		vcs_free(v);
	vcs_lib_shutdown();
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
