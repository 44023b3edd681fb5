/* SPDX-License-Identifier: MIT */
/*
 * pdf_table.c: tables of the handoff package, on top of pdf_draw.c and
 * pdf_flow.c.  Cells wrap; a row that does not fit moves to the next
 * page with the header repeated, and a row taller than a whole page is
 * split between lines.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "pdf_draw.h"
#include "pdf_draw_int.h"

/* ------------------------------------------------------------ tables */

/* The wrapped lines of one row: per cell a clean copy and its ranges. */
struct row_lines {
	char	*text;
	size_t	*v;
	int	 n;
};

static float
col_x(const struct pdf *p, const struct pdf_table *t, size_t i)
{
	float	 x = p->left;
	size_t	 k;

	for (k = 0; k < i; k++)
		x += t->frac[k] * (p->right - p->left);
	return x;
}

static float
col_w(const struct pdf *p, const struct pdf_table *t, size_t i)
{
	return t->frac[i] * (p->right - p->left);
}

/* Wrap every cell; 0 or -1. */
static int
row_wrap(struct pdf *p, const struct pdf_table *t, const char *const *text,
    const enum pdf_face *face, struct row_lines *rl)
{
	size_t	 i;
	float	 w;

	for (i = 0; i < t->ncols; i++) {
		if ((rl[i].text = pdf_clean(text[i])) == NULL) {
			p->oom = 1;
			return -1;
		}
		w = col_w(p, t, i) - 2 * PAD_X;
		if (w < 4)
			w = 4;
		if ((rl[i].n = pdf_wrap(p, face[i], t->size, rl[i].text, w,
		    &rl[i].v)) == -1)
			return -1;
		if (rl[i].n == 1 && rl[i].v[1] == 0)
			rl[i].n = 0;
	}
	return 0;
}

static void
row_free(struct row_lines *rl, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(rl[i].text);
		free(rl[i].v);
	}
}

/* Draw lines [from, from+count) of every cell as one band at the cursor. */
static void
row_band(struct pdf *p, struct pdf_table *t, const struct pdf_cell *cells,
    const enum pdf_face *face, struct row_lines *rl, int from, int count,
    const struct pdf_rgb *band)
{
	float		 lead = t->size * LEAD, h = count * lead + 2 * PAD_Y;
	float		 x, base, lw;
	size_t		 i;
	int		 k;
	const char	*s;

	if (band != NULL)
		pdf_rect(p, p->left, p->y - h, p->right - p->left, h, band);
	for (i = 0; i < t->ncols; i++)
		if (cells != NULL && cells[i].fill != NULL)
			pdf_rect(p, col_x(p, t, i), p->y - h, col_w(p, t, i),
			    h, cells[i].fill);
	for (i = 0; i < t->ncols; i++) {
		x = col_x(p, t, i) + PAD_X;
		for (k = from; k < from + count && k < rl[i].n; k++) {
			base = p->y - PAD_Y - (k - from) * lead - t->size;
			s = rl[i].text + rl[i].v[2 * k];
			pdf_text(p, face[i], t->size, cells != NULL &&
			    cells[i].color != NULL ? cells[i].color : &PDF_INK,
			    x, base, s, rl[i].v[2 * k + 1]);
			if (cells == NULL || cells[i].uri == NULL)
				continue;
			lw = pdf_text_width(p, face[i], t->size, s,
			    rl[i].v[2 * k + 1]);
			pdf_link(p, x, base - t->size * 0.25f, lw, lead,
			    cells[i].uri);
		}
	}
	p->y -= h;
	if (t->zebra >= 0)
		pdf_hline(p, p->left, p->right, p->y, 0.5f, &PDF_RULE);
}

/* The height of the header row (0 when the table has none). */
static float
head_height(struct pdf *p, struct pdf_table *t, struct row_lines *rl)
{
	enum pdf_face	 face[32];
	size_t		 i;
	int		 max = 0;

	if (t->head == NULL || t->ncols > 32)
		return 0;
	for (i = 0; i < t->ncols; i++)
		face[i] = PDF_BOLD;
	if (row_wrap(p, t, t->head, face, rl) == -1)
		return 0;
	for (i = 0; i < t->ncols; i++)
		if (rl[i].n > max)
			max = rl[i].n;
	return max * t->size * LEAD + 2 * PAD_Y;
}

void
pdf_table_head(struct pdf *p, struct pdf_table *t)
{
	struct row_lines rl[32];
	enum pdf_face	 face[32];
	float		 h;
	size_t		 i;
	int		 max = 0;

	if (t->head == NULL || t->ncols > 32)
		return;
	memset(rl, 0, sizeof(rl));
	h = head_height(p, t, rl);
	pdf_need(p, h + 3 * t->size * LEAD);
	for (i = 0; i < t->ncols; i++) {
		face[i] = PDF_BOLD;
		if (rl[i].n > max)
			max = rl[i].n;
	}
	row_band(p, t, NULL, face, rl, 0, max, &PDF_SHADE);
	row_free(rl, t->ncols);
}

/* Start a new page and repeat the header there. */
static void
table_break(struct pdf *p, struct pdf_table *t)
{
	pdf_new_page(p);
	pdf_table_head(p, t);
}

void
pdf_table_row(struct pdf *p, struct pdf_table *t, const struct pdf_cell *cells)
{
	struct row_lines rl[32], hl[32];
	enum pdf_face	 face[32];
	const char	*text[32];
	const struct pdf_rgb *band;
	float		 lead = t->size * LEAD, avail, full;
	size_t		 i;
	int		 max = 0, from = 0, fit, fresh;

	if (t->ncols == 0 || t->ncols > 32)
		return;
	memset(rl, 0, sizeof(rl));
	memset(hl, 0, sizeof(hl));
	for (i = 0; i < t->ncols; i++) {
		text[i] = cells[i].text;
		face[i] = cells[i].face;
	}
	if (row_wrap(p, t, text, face, rl) == -1)
		goto out;
	for (i = 0; i < t->ncols; i++)
		if (rl[i].n > max)
			max = rl[i].n;
	if (max == 0)
		max = 1;
	band = t->zebra > 0 && t->rows % 2 == 1 ? &PDF_SHADE : NULL;
	full = p->top - p->bottom - head_height(p, t, hl);
	if (p->npages == 0)
		table_break(p, t);
	fresh = p->y >= p->top;
	while (from < max) {
		avail = p->y - p->bottom;
		fit = (int)floorf((avail - 2 * PAD_Y) / lead);
		if (fit >= max - from) {
			row_band(p, t, cells, face, rl, from, max - from, band);
			break;
		}
		/* move a row that fits on a page whole; split only giants */
		if (!fresh && ((from == 0 && max * lead + 2 * PAD_Y <= full) ||
		    fit < 2)) {
			table_break(p, t);
			fresh = 1;
			continue;
		}
		if (fit < 1)
			fit = 1;
		row_band(p, t, cells, face, rl, from, fit, band);
		from += fit;
		table_break(p, t);
		fresh = 1;
	}
	t->rows++;
out:
	row_free(rl, t->ncols);
	row_free(hl, t->ncols);
}

void
pdf_table_end(struct pdf *p, struct pdf_table *t)
{
	(void)t;
	pdf_skip(p, 12.0f);
}

