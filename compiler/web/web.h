/* SPDX-License-Identifier: MIT */
/*
 * web.h: the static site 'handoff build' writes next to the PDFs and
 * 'handoff serve' serves: output/index.html (every deal), one page per
 * deal (output/<deal>/index.html, the package as a web page) and
 * output/audit.html (the audit as charts).  Each page is one file: CSS
 * and SVG inline, a CSP that forbids any external load.  The pages are
 * internal, like the PDF.
 */
#ifndef HANDOFF_WEB_H
#define HANDOFF_WEB_H

#include <libxml/tree.h>

#include "timeline.h"

struct audit;
struct buf;
struct diag_list;
struct model;
struct render_ctx;

/* What a deal's page and its index row share: its timeline, as the PDF
 * computes it (web_info.c). */
struct web_info {
	const struct render_ctx	*rc;
	xmlNodePtr		 deal;
	int			 signed_day;	/* -1: not signed */
	const struct timeline	*tl;
	int			 due[STEP__MAX];	/* -1: unknown */
	const char		*status[STEP__MAX];	/* done, overdue, due,
							 * pending */
	const char		*state;		/* overdue, soon, accepted,
						 * rejected, progress */
	const char		*state_label;
	int			 next;		/* first step not done; -1 */
};

/* Which files sit next to the page (links are only made to those). */
struct web_files {
	int	 pdf, intro, notice, ics;
};

void	web_info_init(struct web_info *wi, const struct render_ctx *rc);
/* A completeness bar (inline SVG) with its figure. */
void	web_bar(struct buf *b, int pct);

/* web_deal.c: the deal's page.  dl (NULL: none) are diagnostics to
 * show at the top, with their lines (serve).  refresh: serve's script. */
int	web_deal_page(struct buf *out, const struct render_ctx *rc,
	    const struct web_files *f, const struct diag_list *dl,
	    const char *refresh);
/* check's diagnostics as a list, with their lines (web_deal.c). */
void	web_diag_list(struct buf *b, const struct diag_list *dl);
/* web_deal_parts.c: the sections after the pillars. */
void	web_deal_timeline(struct buf *b, const struct web_info *wi);
void	web_deal_process(struct buf *b, const struct web_info *wi);
void	web_deal_links(struct buf *b, const struct web_info *wi,
	    const struct web_files *f);
void	web_block(struct buf *b, const xmlNode *parent, const char *name,
	    const char *title);
void	web_extras(struct buf *b, const xmlNode *parent, int depth);
void	web_extra_fields(struct buf *b, const xmlNode *rec);
/* The key points the AE accepted from the calls ('[x]' in '# Call
 * notes'); the open suggestions are counted, never shown. */
void	web_deal_calls(struct buf *b, const struct model *m);

/* web_svg.c: the power map of the relationships element. */
void	web_svg_power_map(struct buf *b, const xmlNode *rel);

/* web_index.c: one deal's row of the index, and the index around the
 * rows (in the order given). */
int	web_index_row(struct buf *out, const struct render_ctx *rc,
	    int errors, int linked);
int	web_index_page(struct buf *out, const char *rows, size_t nrows,
	    int today, const char *refresh);

/* web_audit.c: the audit page. */
int	web_audit_page(struct buf *out, const struct audit *a,
	    const char *refresh);
/* The audit page when there is no history to audit: why. */
int	web_audit_none(struct buf *out, const char *why, int today);

#endif
