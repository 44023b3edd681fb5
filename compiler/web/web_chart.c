/* SPDX-License-Identifier: MIT */
/*
 * web_chart.c: the audit's charts in inline SVG: columns with a target
 * line, horizontal bars, a scatter plot and stacked bars.  Coordinates
 * in a fixed viewBox, scaled by the page; text escaped; every chart is
 * role="img" with a <title> and a <desc> listing its values.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "web/html_out.h"
#include "web/web_chart.h"

#define CW	640	/* viewBox width */
#define CH	280	/* viewBox height of columns and scatter */
#define ML	56	/* left margin */
#define MR	16
#define MT	16
#define MB	40

/* An id for the chart's title and desc: from its title, unique on a
 * page whose charts have different titles. */
static unsigned
chart_id(const char *title)
{
	unsigned	 h = 2166136261u;

	for (; *title != '\0'; title++)
		h = (h ^ (unsigned char)*title) * 16777619u;
	return h;
}

static void
open_svg(struct buf *b, const char *title, int h, const char *desc)
{
	unsigned id = chart_id(title);

	buf_printf(b, "<figure><svg class=\"chart\" viewBox=\"0 0 %d %d\" "
	    "role=\"img\" aria-labelledby=\"ct%x cd%x\"><title id=\"ct%x\">",
	    CW, h, id, id, id);
	html_esc(b, title);
	buf_printf(b, "</title><desc id=\"cd%x\">", id);
	html_esc(b, desc);
	buf_puts(b, "</desc>\n");
}

static void
close_svg(struct buf *b)
{
	buf_puts(b, "</svg></figure>\n");
}

static void
describe_bars(struct buf *d, const struct chart_bar *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		buf_printf(d, "%s%s: %s", i ? "; " : "", v[i].label, v[i].text);
}

void
chart_columns(struct buf *b, const char *title, const struct chart_bar *v,
    size_t n, double max, double target, const char *unit)
{
	struct buf	 d;
	double		 pw = CW - ML - MR, ph = CH - MT - MB, bw, x, h, y;
	size_t		 i;
	int		 t;

	buf_init(&d);
	describe_bars(&d, v, n);
	if (target >= 0)
		buf_printf(&d, ". Target %g%s.", target, unit);
	open_svg(b, title, CH, d.data ? d.data : "");
	for (t = 0; t <= 4; t++) {
		y = MT + ph - ph * t / 4.0;
		buf_printf(b, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		    "y2=\"%.1f\"/><text class=\"muted\" x=\"%d\" y=\"%.1f\" "
		    "font-size=\"11\" text-anchor=\"end\">%g%s</text>\n", ML, y,
		    CW - MR, y, ML - 6, y + 4, max * t / 4.0, unit);
	}
	bw = pw / (double)(n > 0 ? n : 1);
	for (i = 0; i < n; i++) {
		h = max > 0 ? ph * (v[i].value > max ? max : v[i].value) / max : 0;
		x = ML + bw * (double)i + bw * 0.15;
		buf_printf(b, "<rect class=\"series\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\"><title>", x, MT + ph - h,
		    bw * 0.7, h);
		html_fmt(b, "%s: %s", v[i].label, v[i].text);
		buf_printf(b, "</title></rect><text x=\"%.1f\" y=\"%d\" "
		    "font-size=\"11\" text-anchor=\"middle\">", x + bw * 0.35,
		    CH - MB + 16);
		html_esc(b, v[i].label);
		buf_puts(b, "</text>\n");
	}
	if (target >= 0 && max > 0) {
		y = MT + ph - ph * target / max;
		buf_printf(b, "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" "
		    "x2=\"%d\" y2=\"%.1f\"/><text class=\"muted\" x=\"%d\" "
		    "y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">target "
		    "%g%s</text>\n", ML, y, CW - MR, y, CW - MR, y - 5, target,
		    unit);
	}
	close_svg(b);
	buf_dispose(&d);
}

void
chart_rows(struct buf *b, const char *title, const struct chart_bar *v,
    size_t n, double max)
{
	struct buf	 d;
	int		 row = 28, h = (int)n * row + 12, lw = 170, vw = 150;
	double		 pw = CW - lw - vw, w;
	size_t		 i;

	buf_init(&d);
	describe_bars(&d, v, n);
	open_svg(b, title, h, d.data ? d.data : "");
	for (i = 0; i < n; i++) {
		w = max > 0 ? pw * v[i].value / max : 0;
		if (w < 1 && v[i].value > 0)
			w = 1;
		buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
		    "text-anchor=\"end\">", lw - 8, 6 + (int)i * row + 16);
		html_esc(b, v[i].label);
		buf_printf(b, "</text><rect class=\"series\" x=\"%d\" y=\"%d\" "
		    "width=\"%.1f\" height=\"18\" rx=\"2\"/><text class=\"muted\" "
		    "x=\"%.1f\" y=\"%d\" font-size=\"12\">", lw, 6 + (int)i * row +
		    3, w, lw + w + 6, 6 + (int)i * row + 16);
		html_esc(b, v[i].text);
		buf_puts(b, "</text>\n");
	}
	close_svg(b);
	buf_dispose(&d);
}

void
chart_scatter_draw(struct buf *b, const char *title,
    const struct chart_point *v, size_t n, double target)
{
	struct buf	 d;
	double		 pw = CW - ML - MR, ph = CH - MT - MB, x, y;
	size_t		 i;
	int		 t;

	buf_init(&d);
	for (i = 0; i < n; i++)
		buf_printf(&d, "%s%s: %g %% complete, score %g", i ? "; " : "",
		    v[i].label, v[i].x, v[i].y);
	open_svg(b, title, CH, d.data ? d.data : "");
	for (t = 0; t <= 5; t++) {
		y = MT + ph - ph * t / 5.0;
		buf_printf(b, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		    "y2=\"%.1f\"/><text class=\"muted\" x=\"%d\" y=\"%.1f\" "
		    "font-size=\"11\" text-anchor=\"end\">%d</text>\n", ML, y,
		    CW - MR, y, ML - 6, y + 4, t * 2);
		x = ML + pw * t / 5.0;
		buf_printf(b, "<text class=\"muted\" x=\"%.1f\" y=\"%d\" "
		    "font-size=\"11\" text-anchor=\"middle\">%d %%</text>\n", x,
		    CH - MB + 16, t * 20);
	}
	buf_printf(b, "<text class=\"muted\" x=\"%d\" y=\"%d\" font-size=\"11\" "
	    "text-anchor=\"middle\">complete at signature</text>\n",
	    ML + (int)pw / 2, CH - 6);
	y = MT + ph - ph * target / 10.0;
	buf_printf(b, "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
	    "y2=\"%.1f\"/><text class=\"muted\" x=\"%d\" y=\"%.1f\" "
	    "font-size=\"11\" text-anchor=\"end\">target %g</text>\n", ML, y,
	    CW - MR, y, CW - MR, y - 5, target);
	for (i = 0; i < n; i++) {
		x = ML + pw * v[i].x / 100.0;
		y = MT + ph - ph * v[i].y / 10.0;
		buf_printf(b, "<circle class=\"series\" cx=\"%.1f\" cy=\"%.1f\" "
		    "r=\"6\" fill-opacity=\"0.75\"><title>", x, y);
		html_fmt(b, "%s: %d %%, score %d", v[i].label, (int)v[i].x,
		    (int)v[i].y);
		buf_puts(b, "</title></circle>\n");
	}
	close_svg(b);
	buf_dispose(&d);
}

void
chart_stacked(struct buf *b, const char *title, const char *const row[3],
    const char *const part[3], int count[3][3])
{
	struct buf	 d;
	int		 r, p, total, most = 1, rh = 34, h = 3 * rh + 40, lw = 130;
	double		 pw = CW - lw - 60, x, w;

	buf_init(&d);
	for (r = 0; r < 3; r++) {
		for (total = 0, p = 0; p < 3; p++)
			total += count[r][p];
		if (total > most)
			most = total;
		buf_printf(&d, "%s%s: %d renewed, %d expanded, %d churned",
		    r ? "; " : "", row[r], count[r][0], count[r][1], count[r][2]);
	}
	open_svg(b, title, h, d.data);
	for (r = 0; r < 3; r++) {
		buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" "
		    "text-anchor=\"end\">", lw - 8, 8 + r * rh + 17);
		html_esc(b, row[r]);
		buf_puts(b, "</text>\n");
		for (x = lw, p = 0; p < 3; p++) {
			if (count[r][p] == 0)
				continue;
			w = pw * count[r][p] / most;
			buf_printf(b, "<rect class=\"o-%s\" x=\"%.1f\" y=\"%d\" "
			    "width=\"%.1f\" height=\"22\"><title>%s: %d</title>"
			    "</rect><text class=\"num\" x=\"%.1f\" y=\"%d\" "
			    "font-size=\"11\" text-anchor=\"middle\">%d</text>\n",
			    part[p], x, 8 + r * rh, w, part[p], count[r][p],
			    x + w / 2, 8 + r * rh + 15, count[r][p]);
			x += w;
		}
	}
	for (x = lw, p = 0; p < 3; p++, x += 110)
		buf_printf(b, "<rect class=\"o-%s\" x=\"%.1f\" y=\"%d\" width=\"12\" "
		    "height=\"12\"/><text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s"
		    "</text>\n", part[p], x, h - 22, x + 16, h - 12, part[p]);
	close_svg(b);
	buf_dispose(&d);
}
