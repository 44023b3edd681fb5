/* SPDX-License-Identifier: MIT */
/*
 * web_site_audit.c: OUTDIR/audit.html for 'handoff build', in two steps
 * so that the build can make the page on one of its workers while the
 * others build deals.  web_site_audit_make() takes the page from
 * OUTDIR/.cache/audit when the entry holds the key of HEAD, deals/ and
 * the build's inputs and its checksum is right, or else computes it
 * from git (audit.c); it writes nothing.  web_site_audit_write() writes
 * the page, and remembers a computed one in the cache only when the key
 * was the same before and after it was made (HEAD did not move).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "fsutil.h"
#include "session.h"
#include "vcs.h"
#include "vcs_cache.h"
#include "web/web.h"
#include "web/web_site.h"

struct web_audit {
	char		*path;		/* OUTDIR/audit.html */
	char		*cache;		/* OUTDIR/.cache/audit */
	struct buf	 page;
	struct buf	 key;		/* the cache key, when known */
	int		 store;		/* remember page under key */
	int		 rv;		/* making it: 0, or -1 and err */
	int		 err;		/* errno of a failure */
};

/* The page from git: the audit, or why there is none.  0 or -1. */
static int
audit_page(struct buf *page, const struct session *s)
{
	struct audit	 a;
	struct vcs	*v = NULL;
	int		 rv;

	memset(&a, 0, sizeof(a));
	if (vcs_lib_init() != 0)	/* reference counted */
		return web_audit_none(page, "The git history could not be "
		    "read.", s->today);
	if (vcs_open(&v, ".") != 0)
		rv = web_audit_none(page, "This folder is not in a git "
		    "repository: the audit reads the history of deals/.",
		    s->today);
	else if (audit_run(&a, s, v, 0) == -1)
		rv = web_audit_none(page, "The git history could not be read.",
		    s->today);
	else {
		rv = web_audit_page(page, &a, NULL);
		audit_dispose(&a);
	}
	vcs_free(v);
	vcs_lib_shutdown();
	return rv;
}

/* The cache key of the page: HEAD's and deals/'s key and the inputs. */
static int
audit_key(struct buf *key, const char *inputs)
{
	return buf_printf(key, "audit 1\ninputs %s\n", inputs) == -1 ||
	    vcs_cache_key_file(key, "deals") == -1 ? -1 : 0;
}

/* The page from the cache, or computed; 0 or -1 (errno). */
static int
audit_fill(struct web_audit *w, const struct session *s, const char *inputs)
{
	struct buf	 again;
	char		*body = NULL;
	int		 keyed, rv;

	keyed = audit_key(&w->key, inputs) == 0;
	if (keyed && vcs_cache_read(&body, w->cache, w->key.data,
	    vcs_cache_sha1) == 0) {
		rv = buf_puts(&w->page, body);
		free(body);
		return rv;
	}
	if (audit_page(&w->page, s) == -1)
		return -1;
	if (w->page.data == NULL) {
		errno = EIO;
		return -1;
	}
	buf_init(&again);
	w->store = keyed && audit_key(&again, inputs) == 0 &&
	    strcmp(again.data, w->key.data) == 0 &&
	    memchr(w->page.data, '\0', w->page.len) == NULL;
	buf_dispose(&again);
	return 0;
}

struct web_audit *
web_site_audit_make(const char *outdir, const struct session *s,
    const char *inputs)
{
	struct web_audit	*w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	buf_init(&w->page);
	buf_init(&w->key);
	if ((w->path = fs_join(outdir, "audit.html")) == NULL ||
	    (w->cache = fs_join(outdir, ".cache/audit")) == NULL) {
		web_site_audit_free(w);
		return NULL;
	}
	if ((w->rv = audit_fill(w, s, inputs)) == -1)
		w->err = errno;
	return w;
}

int
web_site_audit_write(const struct web_audit *w)
{
	if (w->rv == -1) {
		errno = w->err;
		return -1;
	}
	if (fs_write_atomic(w->path, w->page.data, w->page.len) == -1)
		return -1;
	if (w->store)
		(void)vcs_cache_write(w->cache, w->key.data, w->page.data,
		    vcs_cache_sha1);
	return 0;
}

void
web_site_audit_free(struct web_audit *w)
{
	if (w == NULL)
		return;
	free(w->path);
	free(w->cache);
	buf_dispose(&w->page);
	buf_dispose(&w->key);
	free(w);
}
