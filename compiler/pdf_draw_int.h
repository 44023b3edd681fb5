/* SPDX-License-Identifier: MIT */
/*
 * pdf_draw_int.h: what the files of the typesetting layer share (not for
 * use outside pdf_draw.c, pdf_flow.c and pdf_table.c): measures, and the
 * text clean-up and checks every drawing call goes through.
 */
#ifndef HANDOFF_PDF_DRAW_INT_H
#define HANDOFF_PDF_DRAW_INT_H

#include <stddef.h>

#include "pdf_draw.h"

#define LEAD		1.38f	/* line height as a multiple of the size */
#define PAD_X		5.0f	/* table cell padding */
#define PAD_Y		3.5f
#define BODY		9.5f	/* body text size */
#define NOLINE		((size_t)-1)

/* True while drawing makes sense: a page, no error so far, not dry. */
int	 pdf_ok(const struct pdf *p);
/* Decode one UTF-8 sequence at s[i] (n bytes in all) into *cp; returns
 * its length.  Malformed bytes decode as U+FFFD, one byte at a time. */
size_t	 pdf_utf8_next(const char *s, size_t n, size_t i, unsigned *cp);
/* A copy of s fit for the page (free()): BMP only, no control
 * characters, blanks collapsed, each line trimmed, newlines kept as hard
 * breaks; NULL when out of memory. */
char	*pdf_clean(const char *s);
/* The advance of one code point in thousandths of an em. */
int	 pdf_cp_width(struct pdf *p, enum pdf_face f, unsigned c);

#endif
