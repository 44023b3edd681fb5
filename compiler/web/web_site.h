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
/* Write OUTDIR/audit.html: the audit of the git history of deals/ as
 * charts, or why there is none; 0 or -1 (errno).  inputs is the hash of
 * everything else the page depends on (the team's files, today, the
 * version): with HEAD's key it names the page in OUTDIR/.cache/audit,
 * so that an unchanged HEAD does not set up libgit2 again. */
int	web_site_audit(const char *outdir, const struct session *s,
	    const char *inputs);
/* Write OUTDIR/index.html from the rows; 0 or -1 (errno). */
int	web_site_index(const char *outdir, int today, char *const *keep,
	    size_t nkeep);

#endif
