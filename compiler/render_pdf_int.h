/* SPDX-License-Identifier: MIT */
/*
 * render_pdf_int.h: what the files of the PDF renderer share (not for
 * use outside render_pdf*.c).  render_pdf.c lays out the document: the
 * cover, at a glance, the timeline's dates and statuses, and the entry
 * point; render_pdf_sections.c the pillars, the power map, the timeline
 * table, process, links and sign-off; render_pdf_block.c the helpers
 * they all use: field access, labels, prose blocks, the palette.
 * struct rp is one package being laid out, passed to every function.
 */
#ifndef HANDOFF_RENDER_PDF_INT_H
#define HANDOFF_RENDER_PDF_INT_H

#include <libxml/tree.h>

#include "buf.h"
#include "pdf_draw.h"
#include "render_words.h"
#include "timeline.h"

struct model;
struct render_ctx;

#define BODY	9.5f
#define SMALL	8.5f

/* What the sections share while one package is laid out. */
struct rp {
	struct pdf		 p;
	const struct render_ctx	*rc;
	const struct model	*m;
	xmlNodePtr		 deal;
	int			 signed_day;	/* -1: not signed */
	const struct timeline	*tl;
	int			 due[STEP__MAX];	/* -1: unknown */
	const char		*status[STEP__MAX];
	struct buf		 tmp;		/* scratch for composed text */
};

/* The palette of severities, stances and statuses
 * (render_pdf_block.c). */
extern const struct pdf_rgb	 rp_sev_fill[4];	/* critical .. low */
extern const struct pdf_rgb	 rp_sev_ink[4];
extern const struct pdf_rgb	 rp_stance_rgb[5];
extern const struct pdf_rgb	 rp_st_done;		/* status "done" */
extern const struct pdf_rgb	 rp_st_over;		/* status "overdue" */

/* render_pdf_block.c: helpers and prose blocks. */
/* Append the author's extra fields of a record as "name: value" lines. */
void		 rp_extras_lines(struct buf *b, const xmlNode *rec);
/* The prose field name of parent under a level-1 heading, when it has
 * any text. */
void		 rp_section_block(struct rp *r, const xmlNode *parent,
		    const char *name, const char *title);
/* The sections the author added under parent (extra heading=...),
 * with their subsections, from heading level depth. */
void		 rp_extra_sections(struct rp *r, const xmlNode *parent,
		    int depth);
/* A label / value row (a link when uri is set), skipped when the value
 * is empty. */
void		 rp_field(struct rp *r, const char *label, const char *value,
		    const char *uri);
/* "mailto:" + address in a new string (free()), or NULL. */
char		*rp_mailto(const char *addr);

/* render_pdf_sections.c: one call per part of the package, in order. */
void	rp_context(struct rp *r);
void	rp_relationships(struct rp *r);
void	rp_goals(struct rp *r);
void	rp_risks(struct rp *r);
void	rp_timeline(struct rp *r);
void	rp_client_dna(struct rp *r);
void	rp_process(struct rp *r);
/* render_pdf_calls.c: the key points the AE accepted from the calls. */
void	rp_calls(struct rp *r);
void	rp_links(struct rp *r);
void	rp_signoff(struct rp *r);

#endif
