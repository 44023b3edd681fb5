/* SPDX-License-Identifier: MIT */
/*
 * pdf_draw.c: the typesetting layer of the handoff package (render_pdf.c
 * decides what goes where; this file decides how it looks on the page).
 *
 * Method: one cursor (p->y) moves down the content box of the current
 * page.  Every block asks pdf_need() for the room it needs and gets a new
 * page when there is none.  Text is cleaned first (code points outside
 * the BMP and control characters become spaces, runs of blanks collapse),
 * then wrapped by pdf_wrap() with widths read per code point from the
 * face (pdf_font.c).  Table rows that do not fit move to the next page with
 * the header repeated; a row taller than a whole page is split between
 * lines.  Headers and footers are drawn last, when the page count is known.
 * The caller lays a document out twice: in the dry run (p->dry) nothing
 * is drawn and pdf_text() only records its code points, so that the
 * faces of the real run can be cut to them.  This file holds the
 * document, its pages, text clean-up and the drawing primitives;
 * wrapped text is in pdf_flow.c, tables in pdf_table.c.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "buf.h"
#include "pdf_draw.h"
#include "pdf_draw_int.h"
#include "timeline.h"

const struct pdf_rgb PDF_INK = { 0.13f, 0.15f, 0.19f };
const struct pdf_rgb PDF_MUTED = { 0.42f, 0.45f, 0.50f };
const struct pdf_rgb PDF_ACCENT = { 0.09f, 0.29f, 0.47f };
const struct pdf_rgb PDF_RULE = { 0.82f, 0.84f, 0.87f };
const struct pdf_rgb PDF_SHADE = { 0.94f, 0.95f, 0.96f };
const struct pdf_rgb PDF_WHITE = { 1.0f, 1.0f, 1.0f };

/*
 * The font and fill colour last set on the current page.  Both persist
 * in the PDF's graphics state from one text object to the next, so they
 * are set only when they change (libharu's setters each cost a few
 * thousand instructions, and the content stream gets shorter).  Reset
 * whenever the current page changes.
 */
static void
pdf_state_reset(struct pdf *p)
{
	p->cur_face = -1;
	p->cur_size = -1;
	p->cur_fill_set = 0;
}

static void
pdf_fill(struct pdf *p, const struct pdf_rgb *c)
{
	if (p->cur_fill_set && p->cur_fill.r == c->r &&
	    p->cur_fill.g == c->g && p->cur_fill.b == c->b)
		return;
	HPDF_Page_SetRGBFill(p->page, c->r, c->g, c->b);
	p->cur_fill = *c;
	p->cur_fill_set = 1;
}

/* True while drawing makes sense: a page, no error so far, not dry. */
int
pdf_ok(const struct pdf *p)
{
	return p->page != NULL && !p->dry && !p->failed && !p->oom;
}

/* libharu reports every error here; we remember the first one. */
static void
pdf_on_error(HPDF_STATUS error, HPDF_STATUS detail, void *arg)
{
	struct pdf	*p = arg;

	if (!p->failed) {
		p->error = error;
		p->detail = detail;
	}
	p->failed = 1;
}

/*
 * Decode one UTF-8 sequence at s[i] (n bytes in all) into *cp; returns
 * its length.  Malformed bytes decode as U+FFFD, one byte at a time.
 */
size_t
pdf_utf8_next(const char *s, size_t n, size_t i, unsigned *cp)
{
	const unsigned char	*u = (const unsigned char *)s + i;
	size_t			 len, k;
	unsigned		 c, min;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		len = 2; c = u[0] & 0x1f; min = 0x80;
	} else if ((u[0] & 0xf0) == 0xe0) {
		len = 3; c = u[0] & 0x0f; min = 0x800;
	} else if ((u[0] & 0xf8) == 0xf0) {
		len = 4; c = u[0] & 0x07; min = 0x10000;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	if (i + len > n)
		goto bad;
	for (k = 1; k < len; k++) {
		if ((u[k] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[k] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xfffd;
	return 1;
}

/* Append code point c as UTF-8. */
static void
utf8_put(char **o, unsigned c)
{
	char	*q = *o;

	if (c < 0x80)
		*q++ = (char)c;
	else if (c < 0x800) {
		*q++ = (char)(0xc0 | (c >> 6));
		*q++ = (char)(0x80 | (c & 0x3f));
	} else {
		*q++ = (char)(0xe0 | (c >> 12));
		*q++ = (char)(0x80 | ((c >> 6) & 0x3f));
		*q++ = (char)(0x80 | (c & 0x3f));
	}
	*o = q;
}

/*
 * A copy of s fit for the page (free()): BMP only (others become
 * spaces, as the embedded faces cannot show them), no control
 * characters, blanks collapsed, each line trimmed; NULL when out of
 * memory.  Newlines are kept as hard breaks.
 */
char *
pdf_clean(const char *s)
{
	size_t		 n, i, k;
	unsigned	 c;
	char		*o, *q;
	int		 blank = 1;

	if (s == NULL)
		s = "";
	n = strlen(s);
	if ((o = malloc(n * 3 + 1)) == NULL)
		return NULL;
	for (q = o, i = 0; i < n; i += k) {
		k = pdf_utf8_next(s, n, i, &c);
		if (c == '\r')
			continue;
		if (c == '\n') {
			while (q > o && q[-1] == ' ')
				q--;
			*q++ = '\n';
			blank = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
		    c > 0xffff || c == 0x2028 || c == 0x2029 || c == 0xfeff)
			c = ' ';
		if (c == ' ' || c == 0xa0) {
			if (!blank)
				*q++ = ' ';
			blank = 1;
			continue;
		}
		blank = 0;
		utf8_put(&q, c);
	}
	while (q > o && (q[-1] == ' ' || q[-1] == '\n'))
		q--;
	*q = '\0';
	return o;
}

/* The advance of one code point in thousandths of an em. */
int
pdf_cp_width(struct pdf *p, enum pdf_face f, unsigned c)
{
	return pdf_fonts_width(p->fonts, f, c > 0xffff ? ' ' : c);
}

float
pdf_text_width(struct pdf *p, enum pdf_face f, float size, const char *s,
    size_t len)
{
	size_t		 i, k;
	unsigned	 c;
	long		 w = 0;

	for (i = 0; i < len; i += k) {
		k = pdf_utf8_next(s, len, i, &c);
		w += pdf_cp_width(p, f, c);
	}
	return (float)w * size / 1000.0f;
}

int
pdf_init(struct pdf *p, struct pdf_fonts *fonts, const struct pdf_cpset *used)
{
	int		 f;

	memset(p, 0, sizeof(*p));
	p->fonts = fonts;
	p->pw = 595.276f;
	p->ph = 841.89f;
	p->left = 56.0f;
	p->right = p->pw - 56.0f;
	p->top = p->ph - 70.0f;
	p->bottom = 66.0f;
	if (used == NULL) {
		p->dry = 1;
		return 0;
	}
	if ((p->doc = HPDF_New(pdf_on_error, p)) == NULL) {
		p->oom = 1;
		return -1;
	}
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
	for (f = 0; f < PDF_FACES && !p->failed; f++) {
		if ((p->face[f] = pdf_fonts_embed(fonts, p->doc,
		    (enum pdf_face)f, &used[f])) == NULL) {
			if (errno == ENOMEM)
				p->oom = 1;
			break;
		}
		memcpy(&p->used[f], &used[f], sizeof(used[f]));
	}
	if (p->failed || p->oom || p->face[0] == NULL || p->face[1] == NULL) {
		if (!p->failed && !p->oom)
			p->failed = 1;	/* the subset did not load */
		return -1;
	}
	return 0;
}

void
pdf_dispose(struct pdf *p)
{
	if (p->doc != NULL)
		HPDF_Free(p->doc);
	free(p->pages);
	memset(p, 0, sizeof(*p));
}

void
pdf_set_info(struct pdf *p, const char *title, const char *author,
    const char *subject, const char *keywords, const char *creator,
    long long when)
{
	HPDF_Date	 d;
	char		*s;
	int		 y, mo, dd;
	long long	 day, sec;
	const char	*v[5] = { title, author, subject, keywords, creator };
	const HPDF_InfoType key[5] = { HPDF_INFO_TITLE, HPDF_INFO_AUTHOR,
	    HPDF_INFO_SUBJECT, HPDF_INFO_KEYWORDS, HPDF_INFO_CREATOR };
	int		 i;

	if (p->dry)
		return;
	for (i = 0; i < 5; i++) {
		if (v[i] == NULL || *v[i] == '\0')
			continue;
		if ((s = pdf_clean(v[i])) == NULL) {
			p->oom = 1;
			return;
		}
		HPDF_SetInfoAttr(p->doc, key[i], s);
		free(s);
	}
	HPDF_SetInfoAttr(p->doc, HPDF_INFO_PRODUCER, "libharu " HPDF_VERSION_TEXT);
	day = when / 86400;
	sec = when % 86400;
	if (sec < 0) {
		sec += 86400;
		day--;
	}
	date_to_ymd((int)day, &y, &mo, &dd);
	memset(&d, 0, sizeof(d));
	d.year = y;
	d.month = mo;
	d.day = dd;
	d.hour = (int)(sec / 3600);
	d.minutes = (int)(sec / 60 % 60);
	d.seconds = (int)(sec % 60);
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
}

void
pdf_new_page(struct pdf *p)
{
	HPDF_Page	*v;
	size_t		 cap;

	if (p->failed || p->oom) {
		p->y = p->top;
		return;
	}
	if (p->dry) {
		p->y = p->top;
		p->npages++;
		return;
	}
	if (p->npages == p->cappages) {
		cap = p->cappages ? p->cappages * 2 : 16;
		if ((v = realloc(p->pages, cap * sizeof(*v))) == NULL) {
			p->oom = 1;
			return;
		}
		p->pages = v;
		p->cappages = cap;
	}
	p->y = p->top;
	pdf_state_reset(p);
	if (p->failed || (p->page = HPDF_AddPage(p->doc)) == NULL) {
		p->failed = 1;
		return;
	}
	HPDF_Page_SetWidth(p->page, p->pw);
	HPDF_Page_SetHeight(p->page, p->ph);
	p->pages[p->npages++] = p->page;
}

void
pdf_need(struct pdf *p, float h)
{
	if (p->npages == 0 || (p->y - h < p->bottom && p->y < p->top))
		pdf_new_page(p);
}

void
pdf_skip(struct pdf *p, float h)
{
	p->y -= h;
	if (p->y < p->bottom)
		p->y = p->bottom;
}

/* Write v with two decimals at o, without printf (slow here, and its
 * LC_NUMERIC may write a decimal comma); returns the end. */
static char *
put_num(char *o, float v)
{
	char		 d[24];
	long		 n = lroundf(v * 100.0f);
	unsigned long	 u = (unsigned long)(n < 0 ? -n : n);
	int		 k = 0;

	if (n < 0)
		*o++ = '-';
	do {
		d[k++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0 || k < 3);
	while (k > 2)
		*o++ = d[--k];
	*o++ = '.';
	*o++ = d[1];
	*o++ = d[0];
	return o;
}

/*
 * Draw one line of text.  The font and colour go through libharu (they
 * register the font with the page and persist); the text object itself
 * is written straight into the page's content stream, as libharu would
 * write it for a UTF-8 Type0 font (two bytes per BMP code point, in hex;
 * code points above it become spaces), but without HPDF_Page_TextOut's
 * width computation, which searches the face's cmap for every character
 * only to move a text position we never use.
 */
void
pdf_text(struct pdf *p, enum pdf_face f, float size, const struct pdf_rgb *c,
    float x, float y, const char *s, size_t len)
{
	static const char	 hex[] = "0123456789abcdef";
	char			 small[1024], *t = small, *o;
	size_t			 i, k, need;
	unsigned		 cp;

	if (p->dry) {
		for (i = 0; i < len; i += k) {
			k = pdf_utf8_next(s, len, i, &cp);
			pdf_cpset_add(&p->used[f], cp > 0xffff ? ' ' : cp);
		}
		return;
	}
	if (len == 0 || !pdf_ok(p))
		return;
	need = 4 * len + 96;		/* each byte at most one code point */
	if (need > sizeof(small) && (t = malloc(need)) == NULL) {
		p->oom = 1;
		return;
	}
	if (c == NULL)
		c = &PDF_INK;
	if (p->cur_face != (int)f || p->cur_size != size) {
		HPDF_Page_SetFontAndSize(p->page, p->face[f], size);
		p->cur_face = (int)f;
		p->cur_size = size;
	}
	pdf_fill(p, c);
	o = t;
	memcpy(o, "BT\n", 3);
	o = put_num(o + 3, x);
	*o++ = ' ';
	o = put_num(o, y);
	memcpy(o, " Td\n<", 5);
	o += 5;
	for (i = 0; i < len; i += k) {
		k = pdf_utf8_next(s, len, i, &cp);
		if (cp > 0xffff)
			cp = ' ';
		*o++ = hex[cp >> 12];
		*o++ = hex[cp >> 8 & 15];
		*o++ = hex[cp >> 4 & 15];
		*o++ = hex[cp & 15];
	}
	memcpy(o, "> Tj\nET\n", 8);
	o += 8;
	if (HPDF_Stream_Write(((HPDF_PageAttr)p->page->attr)->stream,
	    (const HPDF_BYTE *)t, (HPDF_UINT)(o - t)) != HPDF_OK)
		p->failed = 1;
	if (t != small)
		free(t);
}

float
pdf_text_fit(struct pdf *p, enum pdf_face f, float size,
    const struct pdf_rgb *c, float x, float y, const char *s, float maxw)
{
	char		*t, *q;
	size_t		 n, i, k, last = 0;
	unsigned	 cp;
	float		 w, ell;

	if ((t = pdf_clean(s)) == NULL) {
		p->oom = 1;
		return 0;
	}
	for (q = t; *q != '\0'; q++)
		if (*q == '\n')
			*q = ' ';
	n = strlen(t);
	w = pdf_text_width(p, f, size, t, n);
	if (w > maxw) {
		ell = pdf_text_width(p, f, size, "\xe2\x80\xa6", 3);
		for (w = 0, i = 0; i < n; i += k) {
			k = pdf_utf8_next(t, n, i, &cp);
			if (w + pdf_cp_width(p, f, cp) * size / 1000 + ell >
			    maxw)
				break;
			w += pdf_cp_width(p, f, cp) * size / 1000;
			last = i + k;
		}
		while (last > 0 && t[last - 1] == ' ')
			last--;
		memcpy(t + last, "\xe2\x80\xa6", 4);
		n = last + 3;
		w = pdf_text_width(p, f, size, t, n);
	}
	pdf_text(p, f, size, c, x, y, t, n);
	free(t);
	return w;
}

void
pdf_link(struct pdf *p, float x, float y, float w, float h, const char *uri)
{
	HPDF_Rect	 r;
	HPDF_Annotation	 a;

	if (uri == NULL || *uri == '\0' || !pdf_ok(p))
		return;
	r.left = x;
	r.bottom = y;
	r.right = x + w;
	r.top = y + h;
	a = HPDF_Page_CreateURILinkAnnot(p->page, r, uri);
	if (a != NULL)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

void
pdf_rect(struct pdf *p, float x, float y, float w, float h,
    const struct pdf_rgb *fill)
{
	if (!pdf_ok(p))
		return;
	pdf_fill(p, fill);
	HPDF_Page_Rectangle(p->page, x, y, w, h);
	HPDF_Page_Fill(p->page);
}

void
pdf_hline(struct pdf *p, float x0, float x1, float y, float width,
    const struct pdf_rgb *c)
{
	if (!pdf_ok(p))
		return;
	HPDF_Page_SetLineWidth(p->page, width);
	HPDF_Page_SetRGBStroke(p->page, c->r, c->g, c->b);
	HPDF_Page_MoveTo(p->page, x0, y);
	HPDF_Page_LineTo(p->page, x1, y);
	HPDF_Page_Stroke(p->page);
}

void
pdf_vline(struct pdf *p, float x, float y0, float y1, float width,
    const struct pdf_rgb *c)
{
	if (!pdf_ok(p))
		return;
	HPDF_Page_SetLineWidth(p->page, width);
	HPDF_Page_SetRGBStroke(p->page, c->r, c->g, c->b);
	HPDF_Page_MoveTo(p->page, x, y0);
	HPDF_Page_LineTo(p->page, x, y1);
	HPDF_Page_Stroke(p->page);
}

/* Colours go before the path: libharu refuses them inside one. */
static void
pdf_colours(struct pdf *p, const struct pdf_rgb *fill,
    const struct pdf_rgb *stroke)
{
	if (fill != NULL)
		pdf_fill(p, fill);
	if (stroke != NULL) {
		HPDF_Page_SetLineWidth(p->page, 1.2f);
		HPDF_Page_SetRGBStroke(p->page, stroke->r, stroke->g,
		    stroke->b);
	}
}

/* Fill and/or stroke the current path. */
static void
pdf_paint(struct pdf *p, const struct pdf_rgb *fill,
    const struct pdf_rgb *stroke)
{
	if (fill != NULL && stroke != NULL)
		HPDF_Page_FillStroke(p->page);
	else if (fill != NULL)
		HPDF_Page_Fill(p->page);
	else
		HPDF_Page_Stroke(p->page);
}

void
pdf_circle(struct pdf *p, float x, float y, float r,
    const struct pdf_rgb *fill, const struct pdf_rgb *stroke)
{
	if (!pdf_ok(p))
		return;
	pdf_colours(p, fill, stroke);
	HPDF_Page_Circle(p->page, x, y, r);
	pdf_paint(p, fill, stroke);
}

void
pdf_diamond(struct pdf *p, float x, float y, float r,
    const struct pdf_rgb *fill, const struct pdf_rgb *stroke)
{
	if (!pdf_ok(p))
		return;
	pdf_colours(p, fill, stroke);
	HPDF_Page_MoveTo(p->page, x, y + r);
	HPDF_Page_LineTo(p->page, x + r, y);
	HPDF_Page_LineTo(p->page, x, y - r);
	HPDF_Page_LineTo(p->page, x - r, y);
	HPDF_Page_ClosePath(p->page);
	pdf_paint(p, fill, stroke);
}

/* ------------------------------------------------------------ finish */

/* The running header and the footer of page i of n. */
static void
pdf_furniture(struct pdf *p, size_t i, const char *hl, const char *hr,
    const char *fl)
{
	char	 num[64];
	float	 w, wr, y = p->ph - 40.0f;

	if (!p->dry)
		p->page = p->pages[i];
	pdf_state_reset(p);
	wr = pdf_text_width(p, PDF_BOLD, 7.5f, hr, strlen(hr));
	pdf_text(p, PDF_BOLD, 7.5f, &PDF_ACCENT, p->right - wr, y, hr,
	    strlen(hr));
	pdf_text_fit(p, PDF_REGULAR, 7.5f, &PDF_MUTED, p->left, y, hl,
	    p->right - p->left - wr - 18.0f);
	pdf_hline(p, p->left, p->right, y - 8.0f, 0.5f, &PDF_RULE);
	snprintf(num, sizeof(num), "Page %zu of %zu", i + 1, p->npages);
	w = pdf_text_width(p, PDF_REGULAR, 7.5f, num, strlen(num));
	pdf_hline(p, p->left, p->right, 48.0f, 0.5f, &PDF_RULE);
	pdf_text(p, PDF_REGULAR, 7.5f, &PDF_MUTED, p->right - w, 36.0f, num,
	    strlen(num));
	pdf_text_fit(p, PDF_REGULAR, 7.5f, &PDF_MUTED, p->left, 36.0f, fl,
	    p->right - p->left - w - 18.0f);
}

int
pdf_finish(struct pdf *p, struct buf *out, const char *header_left,
    const char *header_right, const char *footer_left)
{
	HPDF_UINT32	 size, got;
	size_t		 i;
	int		 failed;
	char		*data;

	for (i = 0; i < p->npages; i++)
		pdf_furniture(p, i, header_left, header_right, footer_left);
	if (p->failed || p->oom)
		return -1;
	if (p->dry)
		return 0;
	if (HPDF_SaveToStream(p->doc) != HPDF_OK || p->failed)
		return -1;
	size = HPDF_GetStreamSize(p->doc);
	if (size == 0 || (data = malloc(size)) == NULL) {
		p->oom = 1;
		return -1;
	}
	got = size;
	failed = p->failed;
	HPDF_ResetStream(p->doc);
	HPDF_ReadFromStream(p->doc, (HPDF_BYTE *)data, &got);
	if (got == size)
		p->failed = failed;	/* libharu reports EOF as an error */
	if (p->failed || got != size || buf_put(out, data, size) == -1) {
		free(data);
		return -1;
	}
	free(data);
	return 0;
}

