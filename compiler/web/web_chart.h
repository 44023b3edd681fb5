/* SPDX-License-Identifier: MIT */
/*
 * web_chart.h: small charts in inline SVG (web_chart.c), each with a
 * <title> and a <desc> that says its numbers, coloured by the site's
 * style sheet (light and dark).
 */
#ifndef HANDOFF_WEB_CHART_H
#define HANDOFF_WEB_CHART_H

#include <stddef.h>

struct buf;

struct chart_bar {
	const char	*label;
	double		 value;
	const char	*text;		/* the value in words, for desc */
};

struct chart_point {
	double		 x, y;		/* 0..100, 0..10 */
	const char	*label;
};

/* Vertical bars from 0 to max, a dashed target line (target < 0: none). */
void	chart_columns(struct buf *b, const char *title,
	    const struct chart_bar *v, size_t n, double max, double target,
	    const char *unit);
/* Horizontal bars from 0 to max, label on the left, value on the right. */
void	chart_rows(struct buf *b, const char *title,
	    const struct chart_bar *v, size_t n, double max);
/* Completeness (x, %) against score (y, 0-10), a dashed target score. */
void	chart_scatter_draw(struct buf *b, const char *title,
	    const struct chart_point *v, size_t n, double target);
/* Three rows of three stacked counts (outcome by band). */
void	chart_stacked(struct buf *b, const char *title,
	    const char *const row[3], const char *const part[3],
	    int count[3][3]);

#endif
