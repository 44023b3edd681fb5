/* SPDX-License-Identifier: MIT */
/*
 * serve_site.c: the pages of 'handoff serve', live from the work tree.
 * Each deal file of deals/ has an entry: its index row and its page
 * (with what check says of it, lines included), made again when the
 * file's size or modification time changes.  Every request looks at the
 * folder first, so a deal added, edited or removed shows at once; the
 * version token (the files' names, sizes and times, hashed) lets an
 * open page notice and reload itself.  One lock around it all: the
 * server's threads share the cache.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "render.h"
#include "session.h"
#include "validate.h"
#include "web/html_out.h"
#include "web/serve.h"
#include "web/web.h"

#define SERVE_MAX_DEALS	20000

struct entry {
	char		*path;		/* deals/NAME */
	char		*id;		/* deal id, else the file's stem */
	long long	 mtime_ns;
	long long	 size;
	int		 seen;		/* still in the folder */
	struct buf	 row;
	struct buf	 page;
};

struct serve_site {
	const struct session	*s;
	const char		*outdir;
	pthread_mutex_t		 lock;
	struct entry		*v;
	size_t			 n, cap;
};

static const char *
live_script(void)
{
	const struct embedded	*e = fs_embedded("templates/web-live.js");

	return e != NULL ? (const char *)e->data : NULL;
}

struct serve_site *
serve_site_new(const struct session *s, const char *outdir)
{
	struct serve_site	*ss;

	if ((ss = calloc(1, sizeof(*ss))) == NULL)
		return NULL;
	ss->s = s;
	ss->outdir = outdir;
	pthread_mutex_init(&ss->lock, NULL);
	return ss;
}

static void
entry_dispose(struct entry *e)
{
	free(e->path);
	free(e->id);
	buf_dispose(&e->row);
	buf_dispose(&e->page);
	memset(e, 0, sizeof(*e));
}

void
serve_site_free(struct serve_site *ss)
{
	size_t	 i;

	if (ss == NULL)
		return;
	for (i = 0; i < ss->n; i++)
		entry_dispose(&ss->v[i]);
	free(ss->v);
	pthread_mutex_destroy(&ss->lock);
	free(ss);
}

static int
is_deal_name(const char *name)
{
	const char	*ext = fs_ext(name);

	return name[0] != '.' && (strcmp(ext, ".md") == 0 ||
	    strcmp(ext, ".xml") == 0);
}

static void
files_of(const struct serve_site *ss, const char *id, struct web_files *f)
{
	char	 p[4096];

	memset(f, 0, sizeof(*f));
	if (!fs_deal_id_ok(id))
		return;
	snprintf(p, sizeof(p), "%s/%s/handoff-package.pdf", ss->outdir, id);
	f->pdf = fs_exists(p);
	snprintf(p, sizeof(p), "%s/%s/intro-email.eml", ss->outdir, id);
	f->intro = fs_exists(p);
	snprintf(p, sizeof(p), "%s/%s/handoff-notice.eml", ss->outdir, id);
	f->notice = fs_exists(p);
	snprintf(p, sizeof(p), "%s/%s/timeline.ics", ss->outdir, id);
	f->ics = fs_exists(p);
}

/* A file that cannot be read into a tree: a row and a page that say so. */
static void
entry_unreadable(struct entry *e, const struct diag_list *dl)
{
	struct html_page p;

	html_fmt(&e->row, "<tr data-id=\"%s\" data-status=\"overdue\" "
	    "class=\"row-overdue\"><th scope=\"row\"><a href=\"%s/index.html\">"
	    "%s</a><span class=\"reason\">cannot be read: see its page</span>"
	    "</th><td></td><td></td><td></td><td></td><td data-v=\"000\"></td>"
	    "<td data-v=\"9999\"></td><td data-v=\"0\"><span class=\"badge "
	    "st-overdue\">Fails check</span></td><td></td><td data-v=\"9999\">"
	    "</td></tr>\n", e->id, e->id, e->path);
	memset(&p, 0, sizeof(p));
	p.title = "Handoff: a deal file that cannot be read (internal)";
	p.refresh = live_script();
	p.home = "../index.html";
	html_page_open(&e->page, &p);
	html_fmt(&e->page, "<h1>%s</h1>\n", e->path);
	web_diag_list(&e->page, dl);
	html_page_close(&e->page, &p, "Internal \xe2\x80\x94 do not forward "
	    "\xc2\xb7 live from the work tree");
}

/* (Re)make an entry's row and page from its file. */
static void
entry_build(const struct serve_site *ss, struct entry *e)
{
	struct diag_list dl;
	struct verdict	 v;
	struct render_ctx rc;
	struct web_files f;
	struct model	*m;
	const char	*id;
	char		*stem;
	int		 errors;

	buf_clear(&e->row);
	buf_clear(&e->page);
	diag_list_init(&dl);
	memset(&v, 0, sizeof(v));
	m = session_check_file(ss->s, e->path, &v, &dl);
	diag_list_sort(&dl);
	free(e->id);
	id = m != NULL ? model_get(m, "deal/id") : "";
	if (fs_deal_id_ok(id))
		e->id = strdup(id);
	else
		e->id = (stem = fs_stem(e->path)) != NULL && fs_deal_id_ok(stem) ?
		    stem : (free(stem), strdup("unnamed"));
	if (m == NULL || e->id == NULL || !fs_deal_id_ok(id)) {
		if (e->id != NULL)
			entry_unreadable(e, &dl);
		goto out;
	}
	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.v = &v;
	rc.c = &ss->s->config;
	rc.s = ss->s->schema;
	rc.version = "live from the work tree";
	rc.today = ss->s->today;
	rc.now = ss->s->now;
	files_of(ss, e->id, &f);
	errors = (int)diag_list_count(&dl, SEV_ERROR);
	web_index_row(&e->row, &rc, errors, 1);
	web_deal_page(&e->page, &rc, &f, &dl, live_script());
out:
	model_free(m);
	diag_list_dispose(&dl);
}

static struct entry *
entry_find(struct serve_site *ss, const char *path)
{
	size_t	 i;

	for (i = 0; i < ss->n; i++)
		if (strcmp(ss->v[i].path, path) == 0)
			return &ss->v[i];
	return NULL;
}

static struct entry *
entry_add(struct serve_site *ss, const char *path)
{
	struct entry	*nv;

	if (ss->n >= SERVE_MAX_DEALS)
		return NULL;
	if (ss->n == ss->cap) {
		ss->cap = ss->cap ? ss->cap * 2 : 64;
		if ((nv = realloc(ss->v, ss->cap * sizeof(*nv))) == NULL)
			return NULL;
		ss->v = nv;
	}
	nv = &ss->v[ss->n];
	memset(nv, 0, sizeof(*nv));
	if ((nv->path = strdup(path)) == NULL)
		return NULL;
	nv->mtime_ns = -1;
	ss->n++;
	return nv;
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int		 c = strcmp(x->id ? x->id : "", y->id ? y->id : "");

	return c != 0 ? c : strcmp(x->path, y->path);
}

/* Look at deals/ again: new, changed and removed files.  Under the lock. */
static void
refresh(struct serve_site *ss)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	struct entry	*e;
	char		 path[4096];
	long long	 ns;
	size_t		 i, j;

	for (i = 0; i < ss->n; i++)
		ss->v[i].seen = 0;
	if ((d = opendir("deals")) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (!is_deal_name(de->d_name))
				continue;
			snprintf(path, sizeof(path), "deals/%s", de->d_name);
			if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
				continue;
			ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
			    st.st_mtim.tv_nsec;
			if ((e = entry_find(ss, path)) == NULL &&
			    (e = entry_add(ss, path)) == NULL)
				continue;
			e->seen = 1;
			if (e->mtime_ns != ns || e->size != (long long)st.st_size) {
				e->mtime_ns = ns;
				e->size = (long long)st.st_size;
				entry_build(ss, e);
			}
		}
		closedir(d);
	}
	for (i = j = 0; i < ss->n; i++) {
		if (!ss->v[i].seen)
			entry_dispose(&ss->v[i]);
		else
			ss->v[j++] = ss->v[i];
	}
	ss->n = j;
	if (ss->n > 1)
		qsort(ss->v, ss->n, sizeof(*ss->v), entry_cmp);
}

int
serve_site_index(struct serve_site *ss, struct buf *out)
{
	struct buf	 rows;
	size_t		 i, n = 0;
	int		 rv;

	buf_init(&rows);
	pthread_mutex_lock(&ss->lock);
	refresh(ss);
	for (i = 0; i < ss->n; i++)
		if (ss->v[i].row.len > 0) {
			buf_put(&rows, ss->v[i].row.data, ss->v[i].row.len);
			n++;
		}
	pthread_mutex_unlock(&ss->lock);
	rv = web_index_page(out, rows.data, n, ss->s->today, live_script());
	buf_dispose(&rows);
	return rv;
}

int
serve_site_deal(struct serve_site *ss, const char *id, struct buf *out)
{
	size_t	 i;
	int	 rv = 1;

	pthread_mutex_lock(&ss->lock);
	refresh(ss);
	for (i = 0; i < ss->n; i++)
		if (ss->v[i].id != NULL && strcmp(ss->v[i].id, id) == 0 &&
		    ss->v[i].page.len > 0) {
			rv = buf_put(out, ss->v[i].page.data, ss->v[i].page.len);
			break;
		}
	pthread_mutex_unlock(&ss->lock);
	return rv;
}

static void
fnv(unsigned long long *h, const void *p, size_t n)
{
	const unsigned char	*s = p;

	while (n-- > 0) {
		*h ^= *s++;
		*h *= 1099511628211ULL;
	}
}

int
serve_site_version(struct serve_site *ss, struct buf *out)
{
	unsigned long long h = 1469598103934665603ULL;
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		 path[4096];
	unsigned long long sum = 0;	/* wraps, as unsigned sums do */

	(void)ss;
	/* order-free: each file's hash is summed */
	if ((d = opendir("deals")) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (!is_deal_name(de->d_name))
				continue;
			snprintf(path, sizeof(path), "deals/%s", de->d_name);
			if (stat(path, &st) == -1)
				continue;
			h = 1469598103934665603ULL;
			fnv(&h, path, strlen(path));
			fnv(&h, &st.st_mtim, sizeof(st.st_mtim));
			fnv(&h, &st.st_size, sizeof(st.st_size));
			sum += (unsigned long long)h;
		}
		closedir(d);
	}
	if (stat("handoff.yml", &st) == 0)
		sum += (unsigned long long)st.st_mtim.tv_nsec +
		    (unsigned long long)st.st_mtim.tv_sec;
	return buf_printf(out, "%llx", sum);
}
