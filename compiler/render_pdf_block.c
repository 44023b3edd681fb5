/* SPDX-License-Identifier: MIT */
/*
 * render_pdf_block.c: the small pieces every part of the handoff package
 * is drawn with (render_pdf.c, render_pdf_sections.c): field access,
 * labels for values (names, money, dates), the author's prose blocks
 * and tables, unknown sections, label / value rows, and the palette.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "calls/calls_model.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "pdf_draw.h"
#include "pdf_font.h"
#include "render.h"
#include "render_pdf_int.h"
#include "timeline.h"
#include "validate.h"

const struct pdf_rgb rp_sev_fill[4] = {
	{ 0.96f, 0.80f, 0.79f },	/* critical */
	{ 0.98f, 0.87f, 0.81f },	/* high */
	{ 0.99f, 0.93f, 0.78f },	/* medium */
	{ 0.87f, 0.94f, 0.86f },	/* low */
};
const struct pdf_rgb rp_sev_ink[4] = {
	{ 0.55f, 0.10f, 0.10f },
	{ 0.62f, 0.22f, 0.10f },
	{ 0.50f, 0.36f, 0.02f },
	{ 0.18f, 0.40f, 0.20f },
};

const struct pdf_rgb rp_stance_rgb[5] = {
	{ 0.16f, 0.49f, 0.31f },
	{ 0.42f, 0.64f, 0.41f },
	{ 0.56f, 0.59f, 0.63f },
	{ 0.83f, 0.60f, 0.20f },
	{ 0.75f, 0.31f, 0.30f },
};

const struct pdf_rgb rp_st_done = { 0.18f, 0.45f, 0.25f };
const struct pdf_rgb rp_st_over = { 0.70f, 0.15f, 0.13f };

/* ------------------------------------------------------------ helpers */

/* Append the author's extra fields of a record as "name: value" lines. */
void
rp_extras_lines(struct buf *b, const xmlNode *rec)
{
	xmlNodePtr	 e;
	const char	*name;

	for (e = model_child(rec, "extra"); e != NULL; e = model_next(e, "extra")) {
		name = model_attr(e, "name");
		buf_printf(b, "%s%s: %s", b->len > 0 ? "\n" : "",
		    name != NULL ? name : "extra", model_text(e));
	}
}

/* Dates with a weekday: "2026-11-20 Fri". */

/* ------------------------------------------------------------ blocks */

/* A simple table of the author's (first row is the header). */
static void
block_table(struct rp *r, const xmlNode *tbl)
{
	struct pdf_table t;
	struct pdf_cell	 c[32];
	const char	*head[32];
	float		 frac[32];
	xmlNodePtr	 tr, td;
	size_t		 n = 0, i;

	for (tr = model_child(tbl, "tr"); tr != NULL; tr = model_next(tr, "tr")) {
		for (i = 0, td = model_child(tr, "td"); td != NULL;
		    td = model_next(td, "td"))
			i++;
		if (i > n)
			n = i;
	}
	if (n == 0)
		return;
	if (n > 32)
		n = 32;
	memset(&t, 0, sizeof(t));
	t.ncols = n;
	t.frac = frac;
	t.size = SMALL;
	t.zebra = 1;
	for (i = 0; i < n; i++)
		frac[i] = 1.0f / (float)n;
	for (tr = model_child(tbl, "tr"); tr != NULL; tr = model_next(tr, "tr")) {
		memset(c, 0, sizeof(c));
		for (i = 0, td = model_child(tr, "td"); td != NULL && i < n;
		    td = model_next(td, "td"), i++)
			c[i].text = model_text(td);
		if (t.head == NULL) {
			for (i = 0; i < n; i++)
				head[i] = c[i].text != NULL ? c[i].text : "";
			t.head = head;
			pdf_table_head(&r->p, &t);
		} else
			pdf_table_row(&r->p, &t, c);
	}
	pdf_table_end(&r->p, &t);
}

/* Paragraphs, list items and tables, in the author's order. */
static void
block(struct rp *r, const xmlNode *b)
{
	xmlNodePtr	 n;
	const char	*name;

	for (n = model_first(b); n != NULL; n = model_next_elem(n)) {
		name = model_name(n);
		if (strcmp(name, "p") == 0)
			pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_INK, 0,
			    model_text(n));
		else if (strcmp(name, "li") == 0)
			pdf_bullet(&r->p, "\xe2\x80\xa2", &PDF_ACCENT,
			    model_text(n));
		else if (strcmp(name, "table") == 0)
			block_table(r, n);
	}
	pdf_skip(&r->p, 4);
}

/* A titled block when the field is there. */
void
rp_section_block(struct rp *r, const xmlNode *parent, const char *name,
    const char *title)
{
	xmlNodePtr	 b = model_child(parent, name);

	if (b == NULL || !model_has_text(b))
		return;
	pdf_heading(&r->p, 1, title);
	block(r, b);
}

/* A section the author added (extra heading="..."), with subsections. */
static void
extra_section(struct rp *r, const xmlNode *x, int depth)
{
	const char	*h = model_attr(x, "heading");
	xmlNodePtr	 n;

	pdf_heading(&r->p, depth > 2 ? 2 : depth, h != NULL ? h : "Notes");
	block(r, x);
	for (n = model_child(x, "extra"); n != NULL; n = model_next(n, "extra"))
		extra_section(r, n, depth + 1);
}

void
rp_extra_sections(struct rp *r, const xmlNode *parent, int depth)
{
	xmlNodePtr	 n;

	for (n = model_child(parent, "extra"); n != NULL;
	    n = model_next(n, "extra"))
		if (model_attr(n, "heading") != NULL &&
		    !calls_model_is_notes(n))	/* rp_calls() shows it */
			extra_section(r, n, depth);
}

/* A label / value row, skipped when the value is empty. */
void
rp_field(struct rp *r, const char *label, const char *value, const char *uri)
{
	if (value == NULL || *value == '\0')
		return;
	pdf_field(&r->p, 130.0f, label, value, uri);
}

/* "mailto:" + address in a new string (free()). */
char *
rp_mailto(const char *addr)
{
	char	*s;
	size_t	 n = strlen(addr);

	if ((s = malloc(n + 8)) == NULL)
		return NULL;
	memcpy(s, "mailto:", 7);
	memcpy(s + 7, addr, n + 1);
	return s;
}


