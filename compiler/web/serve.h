/* SPDX-License-Identifier: MIT */
/*
 * serve.h: 'handoff serve': the site live from the work tree.
 * serve_site.c keeps each deal's page and index row, rebuilt when its
 * file changes; serve.c is the HTTP side (libmicrohttpd): GET only,
 * a fixed set of paths, nothing outside the output folder.
 */
#ifndef HANDOFF_SERVE_H
#define HANDOFF_SERVE_H

#include <stddef.h>

struct buf;
struct serve_site;
struct session;

/* A site over the deals of deals/ (outdir: where build put the PDFs and
 * e-mails the pages link to).  NULL when out of memory. */
struct serve_site *serve_site_new(const struct session *s, const char *outdir);
void	serve_site_free(struct serve_site *ss);
/* The index page; 0 or -1. */
int	serve_site_index(struct serve_site *ss, struct buf *out);
/* The page of deal id (with check's diagnostics); 0, 1 no such deal,
 * -1 failure. */
int	serve_site_deal(struct serve_site *ss, const char *id, struct buf *out);
/* A token that changes whenever a deal file or handoff.yml changes. */
int	serve_site_version(struct serve_site *ss, struct buf *out);

struct serve_opts {
	const char	*bind;		/* IPv4 address, "127.0.0.1" default */
	unsigned	 port;
	const char	*outdir;
};

/* Serve until SIGINT or SIGTERM; 0, or -1 with a message printed by the
 * command (errno set). */
int	serve_run(struct serve_site *ss, const struct serve_opts *o);

#endif
