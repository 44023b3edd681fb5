/* SPDX-License-Identifier: MIT */
/*
 * render.h: the back ends.  Every renderer has one shape: it reads the
 * canonical tree (never the source), writes into a struct buf, adds
 * problems to the diagnostics, and returns 0 or -1.
 */
#ifndef HANDOFF_RENDER_H
#define HANDOFF_RENDER_H

#include <stddef.h>

struct buf;
struct config;
struct diag_list;
struct model;
struct pdf_fonts;
struct schema;
struct templates;
struct verdict;

struct render_ctx {
	const struct model	*m;
	const struct verdict	*v;
	const struct config	*c;
	const struct schema	*s;
	const struct templates	*t;	/* compiled templates (mustache.h) */
	const char		*version;	/* "a1b2c3d", "a1b2c3d+dirty", "not in git" */
	int			 today;		/* days since epoch */
	long long		 now;		/* seconds since epoch */
	struct pdf_fonts	*fonts;		/* faces shared by a build
						 * (pdf_font.h); NULL: render_pdf
						 * reads its own */
	/* The deal's earlier committed versions, oldest first, and each
	 * one's commit time (UTC seconds), for timeline.ics's SEQUENCE and
	 * LAST-MODIFIED; none outside git. */
	const struct model *const *history;
	const long long		*history_time;
	size_t			 nhistory;
};

/* The handoff package PDF (render_pdf.c). */
int	render_pdf(struct buf *out, const struct render_ctx *rc,
	    struct diag_list *dl);
/* The client intro e-mail, multipart/alternative (render_eml.c). */
int	render_eml_intro(struct buf *out, const struct render_ctx *rc,
	    struct diag_list *dl);
/* The internal notice to the CSM with the PDF attached (render_eml.c). */
int	render_eml_notice(struct buf *out, const struct render_ctx *rc,
	    const void *pdf, size_t pdflen, struct diag_list *dl);
/*
 * An internal note of 'handoff send' from the templates KIND.subject and
 * KIND.txt ("reminder", "overdue", "rejection", "survey"): From the AE
 * (or the configured sender), To the person at to_path ("deal/ae",
 * "deal/csm"), text/plain.  0 or -1 after a diagnostic.
 */
int	render_eml_internal(struct buf *out, const struct render_ctx *rc,
	    const char *kind, const char *to_path, struct diag_list *dl);
/* The timeline calendar (render_ics.c). */
int	render_ics(struct buf *out, const struct render_ctx *rc,
	    struct diag_list *dl);
/* The Markdown form of a model (render_md.c): the inverse of parse_md. */
int	render_md(struct buf *out, const struct model *m,
	    struct diag_list *dl);
/* The canonical XML (render_xml.c). */
int	render_xml(struct buf *out, const struct model *m,
	    struct diag_list *dl);

/*
 * The e-mails from texts already rendered (what render_eml_intro and
 * render_eml_notice do once the templates have given subject and bodies):
 * the people, header checks and MIME assembly.  For tests, and for a
 * caller with its own texts.  pdf may be NULL (no attachment).  0 or -1.
 */
int	render_eml_intro_parts(struct buf *out, const struct render_ctx *rc,
	    const char *subject, const char *text, const char *html,
	    struct diag_list *dl);
int	render_eml_notice_parts(struct buf *out, const struct render_ctx *rc,
	    const char *subject, const char *text, const void *pdf,
	    size_t pdflen, struct diag_list *dl);

#endif
