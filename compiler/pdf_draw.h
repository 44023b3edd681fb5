/* SPDX-License-Identifier: MIT */
/*
 * pdf_draw.h: the typesetting layer under render_pdf.c.  A struct pdf
 * wraps one libharu document with two embedded DejaVu faces and a cursor
 * that flows down the page: wrapped paragraphs, bullets, headings with
 * bookmarks, and tables whose rows move (or split) to the next page with
 * the header row repeated.  Text is UTF-8; the line breaker measures each
 * code point itself with the widths of pdf_font.h (libharu's MeasureText
 * can split a UTF-8 sequence).  A document is laid out twice: a dry run
 * that only collects the code points each face draws, then the real one,
 * whose faces are subset to exactly those.  Layout depends on nothing
 * but the widths, so both runs break lines and pages alike.  The running
 * header and the "Page X of Y" footer are drawn at the end, once the
 * page count is known.  Nothing here prints: libharu errors are caught
 * by an error handler and reported by pdf_finish().
 */
#ifndef HANDOFF_PDF_DRAW_H
#define HANDOFF_PDF_DRAW_H

#include <stddef.h>

#include <hpdf.h>

#include "pdf_font.h"

struct buf;

/* An RGB colour, each component 0..1. */
struct pdf_rgb {
	float	 r, g, b;
};

/* The house palette: restrained, one accent. */
extern const struct pdf_rgb PDF_INK;	/* body text */
extern const struct pdf_rgb PDF_MUTED;	/* labels, captions */
extern const struct pdf_rgb PDF_ACCENT;	/* headings, rules, links */
extern const struct pdf_rgb PDF_RULE;	/* hairlines */
extern const struct pdf_rgb PDF_SHADE;	/* table header, panels */
extern const struct pdf_rgb PDF_WHITE;

struct pdf {
	HPDF_Doc	 doc;		/* NULL in a dry run */
	HPDF_Font	 face[2];	/* regular, bold */
	struct pdf_fonts *fonts;	/* widths and subsets (shared) */
	int		 dry;		/* collecting code points only */
	struct pdf_cpset used[PDF_FACES];	/* what pdf_text() drew */
	HPDF_Page	*pages;		/* every page, for the footers */
	size_t		 npages;
	size_t		 cappages;
	HPDF_Page	 page;		/* the current page */
	float		 pw, ph;	/* page size */
	float		 left, right;	/* content box, PDF coordinates */
	float		 top, bottom;
	float		 y;		/* the cursor: top of what comes next */
	HPDF_Outline	 outline[3];	/* last bookmark per level */
	int		 cur_face;	/* font set on this page; -1: none */
	float		 cur_size;
	struct pdf_rgb	 cur_fill;	/* fill colour set on this page */
	int		 cur_fill_set;
	int		 failed;	/* a libharu error was reported */
	unsigned long	 error;		/* its code and detail */
	unsigned long	 detail;
	int		 oom;
	int		 flow;		/* a chapter may start mid-page */
};

/* One cell of a table row. */
struct pdf_cell {
	const char		*text;	/* UTF-8; NULL: empty */
	enum pdf_face		 face;
	const struct pdf_rgb	*fill;	/* background; NULL: none */
	const struct pdf_rgb	*color;	/* text colour; NULL: ink */
	const char		*uri;	/* makes the text a link; NULL: none */
};

/* The columns of a table: titles and widths as fractions of the box. */
struct pdf_table {
	size_t		 ncols;
	const char	*const *head;	/* ncols titles; NULL: no header */
	const float	*frac;		/* ncols fractions summing to 1 */
	float		 size;		/* font size */
	int		 zebra;		/* shade every other row */
	int		 rows;		/* rows drawn so far (for zebra) */
};

/*
 * Start a document: A4 pages and UTF-8 text.  With used NULL, a dry run:
 * nothing is drawn or saved, pages are only counted, and each code point
 * pdf_text() would draw is added to p->used[face].  Otherwise the two
 * faces of fonts are embedded cut to used[PDF_REGULAR] and
 * used[PDF_BOLD] (a dry run's p->used).  0 or -1 (p->error says which
 * libharu error, p->oom when out of memory).  Always pdf_dispose().
 */
int	pdf_init(struct pdf *p, struct pdf_fonts *fonts,
	    const struct pdf_cpset *used);
void	pdf_dispose(struct pdf *p);
/* Document metadata (UTF-8) and the creation date (seconds since epoch). */
void	pdf_set_info(struct pdf *p, const char *title, const char *author,
	    const char *subject, const char *keywords, const char *creator,
	    long long when);
/* Draw the running header and footer on every page and save into out
 * (a dry run saves nothing): 0, or -1 when a libharu error happened
 * anywhere (p->error). */
int	pdf_finish(struct pdf *p, struct buf *out, const char *header_left,
	    const char *header_right, const char *footer_left);

/* A new page; the cursor goes to its top. */
void	pdf_new_page(struct pdf *p);
/* Make sure h points are left on this page, else start a new one. */
void	pdf_need(struct pdf *p, float h);
/* Move the cursor down. */
void	pdf_skip(struct pdf *p, float h);

/* The width of UTF-8 text in points. */
float	pdf_text_width(struct pdf *p, enum pdf_face f, float size,
	    const char *s, size_t len);
/* Draw one line of UTF-8 text with its baseline at y. */
void	pdf_text(struct pdf *p, enum pdf_face f, float size,
	    const struct pdf_rgb *c, float x, float y, const char *s,
	    size_t len);
/* Draw s cut to fit maxw with an ellipsis; returns the width drawn. */
float	pdf_text_fit(struct pdf *p, enum pdf_face f, float size,
	    const struct pdf_rgb *c, float x, float y, const char *s,
	    float maxw);
/* A clickable rectangle (x, y bottom-left) opening uri. */
void	pdf_link(struct pdf *p, float x, float y, float w, float h,
	    const char *uri);
/* Filled rectangle, hairline, circle, diamond. */
void	pdf_rect(struct pdf *p, float x, float y, float w, float h,
	    const struct pdf_rgb *fill);
void	pdf_hline(struct pdf *p, float x0, float x1, float y, float width,
	    const struct pdf_rgb *c);
void	pdf_vline(struct pdf *p, float x, float y0, float y1, float width,
	    const struct pdf_rgb *c);
void	pdf_circle(struct pdf *p, float x, float y, float r,
	    const struct pdf_rgb *fill, const struct pdf_rgb *stroke);
void	pdf_diamond(struct pdf *p, float x, float y, float r,
	    const struct pdf_rgb *fill, const struct pdf_rgb *stroke);

/*
 * Wrap UTF-8 text to maxw: *out gets an array of byte ranges into s
 * (pairs off, len; free()), one per line; breaks at spaces and after
 * hyphens, breaks words longer than a line between characters, and
 * keeps hard line breaks.  Returns the number of lines (at least 1), or
 * -1 when out of memory.
 */
int	pdf_wrap(struct pdf *p, enum pdf_face f, float size, const char *s,
	    float maxw, size_t **out);

/* A bookmark at the cursor, at depth 0, 1 or 2 (under the last one of
 * the level above). */
void	pdf_bookmark(struct pdf *p, int depth, const char *title);
/* A heading at depth 0 (section, new page unless at the top), 1 or 2,
 * with its bookmark. */
void	pdf_heading(struct pdf *p, int depth, const char *title);
/* A wrapped paragraph at indent from the left edge, flowing over pages. */
void	pdf_para(struct pdf *p, enum pdf_face f, float size,
	    const struct pdf_rgb *c, float indent, const char *text);
/* A bullet item (mark: "•", "☐", "☑"). */
void	pdf_bullet(struct pdf *p, const char *mark, const struct pdf_rgb *mc,
	    const char *text);
/* Label: value rows in two columns (value may be a link). */
void	pdf_field(struct pdf *p, float labelw, const char *label,
	    const char *value, const char *uri);

/* Draw the header row of t at the cursor (also done on every new page
 * a row continues on). */
void	pdf_table_head(struct pdf *p, struct pdf_table *t);
/* Draw one row of t.ncols cells at the cursor. */
void	pdf_table_row(struct pdf *p, struct pdf_table *t,
	    const struct pdf_cell *cells);
/* End a table: a little space after it. */
void	pdf_table_end(struct pdf *p, struct pdf_table *t);

#endif
