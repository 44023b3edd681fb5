/* SPDX-License-Identifier: MIT */
/*
 * pdf_flow.c: running text of the handoff package, on top of pdf_draw.c:
 * the line breaker, and the blocks that flow down the page with it
 * (headings with their bookmarks, paragraphs, bullets, label / value
 * fields), breaking pages as they go.
 */
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "pdf_draw.h"
#include "pdf_draw_int.h"

/* Append the line s[off..off+len) to the array of pairs. */
static int
wrap_emit(size_t **v, size_t *n, size_t *cap, size_t off, size_t len)
{
	size_t	*nv;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		if ((nv = realloc(*v, *cap * 2 * sizeof(size_t))) == NULL)
			return -1;
		*v = nv;
	}
	(*v)[2 * *n] = off;
	(*v)[2 * *n + 1] = len;
	(*n)++;
	return 0;
}

/*
 * The breaker: keep adding code points while the line fits.  A space is
 * a break opportunity before it (and may hang past the edge); a hyphen,
 * a slash or a dash is one after it.  When a character does not fit, cut
 * at the last opportunity, or, when the line has none (a long URL), right
 * before the character.  Text must be clean (pdf_clean).
 */
int
pdf_wrap(struct pdf *p, enum pdf_face f, float size, const char *s,
    float maxw, size_t **out)
{
	size_t		 n = strlen(s), i = 0, start = 0, brk = NOLINE;
	size_t		 resume = 0, k, nl = 0, cap = 0, end;
	size_t		*v = NULL;
	unsigned	 c;
	float		 w = 0, cw;

	while (i < n) {
		k = pdf_utf8_next(s, n, i, &c);
		if (c == '\n') {
			if (wrap_emit(&v, &nl, &cap, start, i - start) == -1)
				goto fail;
			i += k;
			start = i;
			w = 0;
			brk = NOLINE;
			continue;
		}
		cw = pdf_cp_width(p, f, c) * size / 1000.0f;
		if (c == ' ') {
			brk = i;
			resume = i + k;
			w += cw;
			i += k;
			continue;
		}
		if (w + cw > maxw && i > start) {
			end = brk != NOLINE && brk > start ? brk : i;
			if (wrap_emit(&v, &nl, &cap, start, end - start) == -1)
				goto fail;
			start = end == brk ? resume : i;
			while (start < n && s[start] == ' ')
				start++;
			i = start;
			w = 0;
			brk = NOLINE;
			continue;
		}
		w += cw;
		i += k;
		if (c == '-' || c == '/' || c == 0x2013 || c == 0x2014 ||
		    c == '_' || c == '?' || c == '&' || c == '@' || c == '.') {
			brk = i;
			resume = i;
		}
	}
	if ((nl == 0 || start < n) &&
	    wrap_emit(&v, &nl, &cap, start, n - start) == -1)
		goto fail;
	*out = v;
	return (int)nl;
fail:
	free(v);
	p->oom = 1;
	*out = NULL;
	return -1;
}

void
pdf_bookmark(struct pdf *p, int depth, const char *title)
{
	HPDF_Outline	 parent = NULL, o;
	HPDF_Destination dst;
	char		*t;

	if (depth < 0 || depth > 2 || !pdf_ok(p))
		return;
	if (depth > 0)
		parent = p->outline[depth - 1];
	if ((t = pdf_clean(title)) == NULL) {
		p->oom = 1;
		return;
	}
	o = HPDF_CreateOutline(p->doc, parent, t,
	    HPDF_GetEncoder(p->doc, "UTF-8"));
	free(t);
	if (o == NULL)
		return;
	dst = HPDF_Page_CreateDestination(p->page);
	HPDF_Destination_SetXYZ(dst, 0, p->y + 24, 1);
	HPDF_Outline_SetDestination(o, dst);
	if (depth == 0)
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
	p->outline[depth] = o;
	if (depth < 2)
		p->outline[depth + 1] = NULL;
}

void
pdf_heading(struct pdf *p, int depth, const char *title)
{
	static const float size[3] = { 19.0f, 12.5f, 10.5f };
	static const float before[3] = { 0, 14.0f, 9.0f };
	char	*t;

	if (depth < 0 || depth > 2)
		depth = 2;
	if (depth == 0) {
		/* A chapter opens a page; with flow, it follows on the same
		 * page when a third of the page is still free. */
		if (p->npages == 0 || (p->y < p->top && (!p->flow ||
		    p->y - p->bottom < (p->top - p->bottom) / 3.0f)))
			pdf_new_page(p);
		else if (p->y < p->top)
			pdf_skip(p, 30.0f);
	} else {
		/* keep the heading with at least three lines of what follows */
		pdf_need(p, before[depth] + size[depth] * LEAD + 4 * BODY * LEAD);
		if (p->y < p->top)
			pdf_skip(p, before[depth]);
	}
	pdf_bookmark(p, depth, title);
	if ((t = pdf_clean(title)) == NULL) {
		p->oom = 1;
		return;
	}
	p->y -= size[depth];
	pdf_text_fit(p, PDF_BOLD, size[depth],
	    depth == 0 ? &PDF_ACCENT : &PDF_INK, p->left, p->y, t,
	    p->right - p->left);
	free(t);
	if (depth == 0) {
		p->y -= 10.0f;
		pdf_hline(p, p->left, p->left + 36.0f, p->y, 2.0f, &PDF_ACCENT);
		p->y -= 16.0f;
	} else
		p->y -= size[depth] * (LEAD - 1.0f) + 3.0f;
}

/* Draw wrapped lines of t (clean) in [x, x+w), one per leading, moving
 * the cursor and breaking pages as needed; links each line to uri. */
static void
pdf_lines(struct pdf *p, enum pdf_face f, float size,
    const struct pdf_rgb *c, float x, float w, const char *t, const char *uri)
{
	size_t	*v = NULL;
	int	 n, i;
	float	 lead = size * LEAD, base;

	if ((n = pdf_wrap(p, f, size, t, w, &v)) == -1)
		return;
	for (i = 0; i < n; i++) {
		pdf_need(p, lead);
		base = p->y - size;
		pdf_text(p, f, size, c, x, base, t + v[2 * i], v[2 * i + 1]);
		if (uri != NULL)
			pdf_link(p, x, base - size * 0.25f, pdf_text_width(p, f,
			    size, t + v[2 * i], v[2 * i + 1]), lead, uri);
		p->y -= lead;
	}
	free(v);
}

void
pdf_para(struct pdf *p, enum pdf_face f, float size, const struct pdf_rgb *c,
    float indent, const char *text)
{
	char	*t;

	if ((t = pdf_clean(text)) == NULL) {
		p->oom = 1;
		return;
	}
	pdf_lines(p, f, size, c, p->left + indent, p->right - p->left - indent,
	    t, NULL);
	p->y -= size * 0.45f;
	free(t);
}

void
pdf_bullet(struct pdf *p, const char *mark, const struct pdf_rgb *mc,
    const char *text)
{
	char	*t;
	float	 indent = 14.0f;

	if ((t = pdf_clean(text)) == NULL) {
		p->oom = 1;
		return;
	}
	pdf_need(p, BODY * LEAD);
	pdf_text(p, PDF_REGULAR, BODY, mc, p->left + 2.0f, p->y - BODY, mark,
	    strlen(mark));
	pdf_lines(p, PDF_REGULAR, BODY, &PDF_INK, p->left + indent,
	    p->right - p->left - indent, t, NULL);
	p->y -= 2.5f;
	free(t);
}

void
pdf_field(struct pdf *p, float labelw, const char *label, const char *value,
    const char *uri)
{
	struct pdf_table	 t;
	struct pdf_cell		 c[2];
	const float		 frac[2] = { labelw / (p->right - p->left),
	    1.0f - labelw / (p->right - p->left) };

	memset(&t, 0, sizeof(t));
	memset(c, 0, sizeof(c));
	t.ncols = 2;
	t.frac = frac;
	t.size = BODY;
	t.zebra = -1;	/* no rules, no shading */
	c[0].text = label;
	c[0].color = &PDF_MUTED;
	c[1].text = value;
	c[1].uri = uri;
	c[1].color = uri != NULL ? &PDF_ACCENT : NULL;
	pdf_table_row(p, &t, c);
}

