/* SPDX-License-Identifier: MIT */
/*
 * web_site.h: writing the site into the output folder (web_site.c),
 * for 'handoff build' and 'handoff serve'.
 */
#ifndef HANDOFF_WEB_SITE_H
#define HANDOFF_WEB_SITE_H

#include <stddef.h>

struct buf;
struct render_ctx;
struct web_files;

/* Write OUTDIR/ID/index.html and the deal's index row; 0 or -1 (errno). */
int	web_site_deal(const char *outdir, const char *id,
	    const struct render_ctx *rc, const struct web_files *f);
/* Write only the index row (errors > 0: the deal fails check, no page
 * link); 0 or -1. */
int	web_site_row(const char *outdir, const char *id,
	    const struct render_ctx *rc, int errors);
/* The rows in OUTDIR/.rows, in id order; keep (NULL: all) lists the ids
 * still in the repo, the others are removed.  0 or -1. */
int	web_site_rows(struct buf *rows, size_t *nrows, const char *outdir,
	    char *const *keep, size_t nkeep);
struct session;
struct web_audit;
/*
 * OUTDIR/audit.html, the audit of the git history of deals/ as charts
 * (or why there is none), made without writing anything (web_site_audit.c).
 * inputs is the hash of everything else the page depends on (the team's
 * files, today, the version): with HEAD's key it names the page in
 * OUTDIR/.cache/audit, so that an unchanged HEAD does not set up libgit2
 * again.  s is only read: the page can be made on a thread of its own.
 * NULL when out of memory; free with web_site_audit_free().
 */
struct web_audit *web_site_audit_make(const char *outdir,
	    const struct session *s, const char *inputs);
/* Write the page made, and remember it in the cache when it was
 * computed while HEAD stayed put; 0 or -1 (errno, also a failure to
 * make it). */
int	web_site_audit_write(const struct web_audit *w);
void	web_site_audit_free(struct web_audit *w);
/* Write OUTDIR/index.html from the rows; 0 or -1 (errno). */
int	web_site_index(const char *outdir, int today, char *const *keep,
	    size_t nkeep);

#endif
