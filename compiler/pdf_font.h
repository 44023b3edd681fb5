/* SPDX-License-Identifier: MIT */
/*
 * pdf_font.h: the embedded faces of the handoff package, cut to size.
 * A struct pdf_fonts holds the two DejaVu faces of a build, read once
 * and shared by every deal and thread: their advance widths (what the
 * line breaker measures with), and HarfBuzz's subsetter, which cuts a
 * face down to the code points one document draws before libharu embeds
 * it.  libharu 2.3 embeds every glyph it can reach through the cmap, and
 * walks the whole cmap for each code of the BMP when a face is loaded,
 * so a small face makes the PDF both smaller and faster to write.
 * Subsets are cached by code-point set: deals that draw the same
 * characters share one.  Nothing here prints.
 */
#ifndef HANDOFF_PDF_FONT_H
#define HANDOFF_PDF_FONT_H

#include <stddef.h>

#include <hpdf.h>

/* Where fonts-dejavu-core puts the faces. */
#ifndef HANDOFF_FONTDIR
#define HANDOFF_FONTDIR	"/usr/share/fonts/truetype/dejavu"
#endif

enum pdf_face {
	PDF_REGULAR,
	PDF_BOLD
};

#define PDF_FACES	2

/* A set of BMP code points: bit (c & 7) of byte c >> 3. */
struct pdf_cpset {
	unsigned char	 bit[65536 / 8];
};

struct pdf_fonts;

/*
 * Read fontdir/DejaVuSans.ttf and fontdir/DejaVuSans-Bold.ttf.  0, or -1
 * with errno (ENOENT: a face is missing, EINVAL: it is not a font HarfBuzz
 * can read, ENOMEM).  Free with pdf_fonts_free(); free(NULL) is a no-op.
 * Safe to share between threads once made.
 */
int	pdf_fonts_new(struct pdf_fonts **out, const char *fontdir);
/*
 * The same, keeping subsets and width tables between processes in the
 * folder cachedir (made when needed; see pdf_font_cache.c).  A cache that
 * cannot be read or written only costs the work it would have saved.
 */
int	pdf_fonts_new_cached(struct pdf_fonts **out, const char *fontdir,
	    const char *cachedir);
void	pdf_fonts_free(struct pdf_fonts *fs);

/*
 * The advance of code point c in face f, in thousandths of an em,
 * exactly as libharu computes it for the /W array (truncated), so what
 * the line breaker measures is what the viewer draws.  Code points the
 * face lacks (and any above the BMP) get the width of its .notdef glyph.
 */
int	pdf_fonts_width(const struct pdf_fonts *fs, enum pdf_face f,
	    unsigned c);

/* Add c to a set (code points above the BMP are ignored). */
void	pdf_cpset_add(struct pdf_cpset *s, unsigned c);
/* True when c is in the set. */
int	pdf_cpset_has(const struct pdf_cpset *s, unsigned c);

/*
 * Load into doc face f cut to the code points of set (plus the space,
 * 'H' and 'x', which libharu measures), with hinting and layout tables
 * dropped.  The subset goes through a temp file in $TMPDIR (libharu 2.3
 * loads TrueType only from a file), unlinked as soon as libharu has
 * opened it.  Thread-safe.  Returns the font name libharu gave it (owned
 * by doc), or NULL with errno; a libharu error also reaches doc's error
 * handler.
 */
const char *pdf_fonts_load(struct pdf_fonts *fs, HPDF_Doc doc,
	    enum pdf_face f, const struct pdf_cpset *set);

/*
 * pdf_fonts_load(), then the face as a libharu UTF-8 font, ready to draw
 * with: its /ToUnicode maps back exactly the code points of set (libharu
 * 2.3's own is one poppler rejects).  NULL with errno (ENOMEM, or EINVAL
 * when libharu failed: doc's error handler has the detail).
 */
HPDF_Font pdf_fonts_embed(struct pdf_fonts *fs, HPDF_Doc doc,
	    enum pdf_face f, const struct pdf_cpset *set);

/* The font file pdf_fonts_load() would load for f and set (malloc(),
 * *len bytes), or NULL; for tests. */
void	*pdf_fonts_subset(struct pdf_fonts *fs, enum pdf_face f,
	    const struct pdf_cpset *set, size_t *len);

/* Subsets made and subsets found in the cache so far (for the bench). */
void	pdf_fonts_stats(struct pdf_fonts *fs, unsigned long *made,
	    unsigned long *reused);

#endif
