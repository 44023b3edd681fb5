/* SPDX-License-Identifier: MIT */
/*
 * web_svg.c: the power map of a deal's page as inline SVG: influence
 * (rows, high on top) against stance (columns, champion to detractor),
 * one marker per stakeholder numbered as in the stakeholder table, a
 * diamond for the economic buyer and a ring for the primary contact,
 * as the PDF draws it.  The <title> and <desc> say it in words.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "model.h"
#include "render_words.h"
#include "web/html_out.h"
#include "web/web.h"

#define MAP_W		760
#define MAP_LABEL	72
#define MAP_HEAD	26
#define MAP_STEP	20
#define MAP_NAME_CHARS	17	/* characters of a name on the map */

static int
place(const xmlNode *st, int *row, int *col)
{
	*row = rw_index_of(rw_level_name, 3, rw_txt(st, "influence"));
	*col = rw_index_of(rw_stance_name, 5, rw_txt(st, "stance"));
	return *row >= 0 && *col >= 0;
}

/* The name, cut to MAP_NAME_CHARS characters with an ellipsis. */
static void
short_name(struct buf *b, const char *name)
{
	char		 cut[128];
	size_t		 i, chars = 0;

	for (i = 0; name[i] != '\0' && i < sizeof(cut) - 4; i++) {
		if (((unsigned char)name[i] & 0xc0) != 0x80 &&
		    ++chars > MAP_NAME_CHARS)
			break;
		cut[i] = name[i];
	}
	cut[i] = '\0';
	html_esc(b, cut);
	if (name[i] != '\0')
		buf_puts(b, "\xe2\x80\xa6");
}

static void
marker(struct buf *b, const xmlNode *st, int num, int col, int x, int y)
{
	const char	*p = model_attr(st, "primary");
	int		 prim = p != NULL && strcmp(p, "true") == 0;

	buf_puts(b, "<g>");
	html_fmt(b, "<title>%s</title>", rw_txt(st, "name"));
	if (rw_has_role(st, "economic-buyer"))
		buf_printf(b, "<path class=\"c-%s\" d=\"M%d %dl8 8-8 8-8-8z\"/>",
		    rw_stance_name[col], x, y - 8);
	else
		buf_printf(b, "<circle class=\"c-%s\" cx=\"%d\" cy=\"%d\" "
		    "r=\"7\"/>", rw_stance_name[col], x, y);
	if (prim)
		buf_printf(b, "<circle class=\"ring\" cx=\"%d\" cy=\"%d\" "
		    "r=\"10\"/>", x, y);
	buf_printf(b, "<text class=\"num\" x=\"%d\" y=\"%d\" font-size=\"9\" "
	    "text-anchor=\"middle\">%d</text>", x, y + 3, num);
	buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\"%s>", x + 14,
	    y + 4, prim ? " font-weight=\"700\"" : "");
	short_name(b, rw_txt(st, "name"));
	buf_puts(b, "</text></g>\n");
}

static void
grid(struct buf *b, const int *rowh, int cw, int h)
{
	char	 lab[64];
	int	 i, y;

	buf_printf(b, "<rect class=\"shade\" x=\"0\" y=\"0\" width=\"%d\" "
	    "height=\"%d\"/>\n", MAP_W, MAP_HEAD);
	for (i = 0; i < 5; i++)
		buf_printf(b, "<rect class=\"c-%s\" x=\"%d\" y=\"9\" width=\"8\" "
		    "height=\"8\"/><text x=\"%d\" y=\"17\" font-size=\"11\" "
		    "font-weight=\"700\">%s</text>\n", rw_stance_name[i],
		    MAP_LABEL + i * cw + 6, MAP_LABEL + i * cw + 18,
		    rw_pretty(lab, rw_stance_name[i]));
	for (y = MAP_HEAD, i = 0; i < 3; i++) {
		buf_printf(b, "<text x=\"6\" y=\"%d\" font-size=\"11\" "
		    "font-weight=\"700\">%s</text><text class=\"muted\" x=\"6\" "
		    "y=\"%d\" font-size=\"9\">influence</text>\n", y + 16,
		    rw_pretty(lab, rw_level_name[i]), y + 28);
		y += rowh[i];
		buf_printf(b, "<line class=\"grid\" x1=\"0\" y1=\"%d\" x2=\"%d\" "
		    "y2=\"%d\"/>\n", y, MAP_W, y);
	}
	for (i = 0; i <= 5; i++)
		buf_printf(b, "<line class=\"grid\" x1=\"%d\" y1=\"0\" x2=\"%d\" "
		    "y2=\"%d\"/>\n", MAP_LABEL + i * cw, MAP_LABEL + i * cw, h);
	buf_printf(b, "<rect class=\"grid\" x=\"0.5\" y=\"0.5\" width=\"%d\" "
	    "height=\"%d\"/>\n", MAP_W - 1, h - 1);
}

void
web_svg_power_map(struct buf *b, const xmlNode *rel)
{
	int		 count[3][5], shown[3][5], rowh[3], row, col, most, i;
	int		 cw = (MAP_W - MAP_LABEL) / 5, h = MAP_HEAD, num, y;
	int		 unplaced = 0;
	xmlNodePtr	 st;

	memset(count, 0, sizeof(count));
	memset(shown, 0, sizeof(shown));
	for (st = model_child(rel, "stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"))
		if (place(st, &row, &col))
			count[row][col]++;
		else
			unplaced++;
	for (row = 0; row < 3; row++) {
		for (most = 2, col = 0; col < 5; col++)
			if (count[row][col] > most)
				most = count[row][col];
		rowh[row] = most * MAP_STEP + 12;
		h += rowh[row];
	}
	buf_puts(b, "<h3 id=\"power-map\">Power map</h3>\n<figure><div "
	    "class=\"wrap\">");
	buf_printf(b, "<svg class=\"map\" viewBox=\"0 0 %d %d\" role=\"img\" "
	    "aria-labelledby=\"pm-t pm-d\"><title id=\"pm-t\">Power map: "
	    "influence against stance</title><desc id=\"pm-d\">", MAP_W, h);
	for (num = 1, st = model_child(rel, "stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"), num++)
		html_fmt(b, "%d %s: %s influence, %s. ", num, rw_txt(st, "name"),
		    *rw_txt(st, "influence") ? rw_txt(st, "influence") :
		    "unknown", *rw_txt(st, "stance") ? rw_txt(st, "stance") :
		    "stance unknown");
	buf_puts(b, "</desc>\n");
	grid(b, rowh, cw, h);
	for (num = 1, st = model_child(rel, "stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"), num++) {
		if (!place(st, &row, &col))
			continue;
		for (y = MAP_HEAD + 6 + MAP_STEP / 2, i = 0; i < row; i++)
			y += rowh[i];
		y += shown[row][col]++ * MAP_STEP;
		marker(b, st, num, col, MAP_LABEL + col * cw + 14, y);
	}
	buf_puts(b, "</svg></div><figcaption>Circle: stakeholder (number = row "
	    "in the table); diamond: economic buyer; ring: primary contact.");
	if (unplaced > 0)
		buf_puts(b, unplaced == 1 ? " One stakeholder has no influence or "
		    "stance yet and is not on the map." : " Some stakeholders "
		    "have no influence or stance yet and are not on the map.");
	buf_puts(b, "</figcaption></figure>\n");
}
