/* SPDX-License-Identifier: MIT */
/*
 * pdf_font.c: the two DejaVu faces of the handoff package, measured and
 * cut to size (the typesetting layer, under pdf_draw.c).  Takes the font
 * folder; gives advance widths per code point and, per document, faces
 * subset with HarfBuzz to the code points that document draws.
 *
 * Method: each face is read once into a HarfBuzz face; its cmap and hmtx
 * give a width table for the whole BMP (the line breaker's only source,
 * in both of pdf_draw's passes).  A subset keeps the glyphs of the code
 * points asked for, drops hinting and the layout tables (libharu uses
 * neither), and keeps the .notdef box.  libharu 2.3 reads TrueType only
 * from a file and keeps that file open until the document is freed, so
 * the subset is written to a temp file that is unlinked right after
 * loading.  The last CACHE_MAX subsets are kept by code-point set, under
 * a mutex (subsetting takes about 0.1 ms, so serialising it costs
 * nothing and keeps HarfBuzz's lazily loaded tables out of any race).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf.h>

#include "pdf_font.h"

#define CACHE_MAX	16

static const char *const face_file[PDF_FACES] = {
	"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
};

/* Tables libharu never reads: dropping them keeps subsetting quick. */
static const char *const drop_table[] = {
	"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx",
	"mort", "feat", "hdmx", "VDMX", "LTSH", "gasp", "DSIG", "FFTM",
	"vhea", "vmtx"
};

struct subset {
	enum pdf_face		 face;
	uint64_t		 hash;	/* of set, to skip most memcmp */
	struct pdf_cpset	 set;
	hb_blob_t		*blob;	/* the subset font file */
};

struct pdf_fonts {
	hb_face_t		*face[PDF_FACES];
	uint16_t		*width[PDF_FACES];	/* 65536 each */
	pthread_mutex_t		 lock;		/* the cache and the faces */
	struct subset		*cache[CACHE_MAX];
	size_t			 ncache;
	size_t			 victim;	/* next slot to reuse */
	unsigned long		 made, reused;
};

/* ------------------------------------------------------------ code points */

void
pdf_cpset_add(struct pdf_cpset *s, unsigned c)
{
	if (c <= 0xffff)
		s->bit[c >> 3] |= (unsigned char)(1u << (c & 7));
}

int
pdf_cpset_has(const struct pdf_cpset *s, unsigned c)
{
	return c <= 0xffff && (s->bit[c >> 3] >> (c & 7)) & 1;
}

static uint64_t
cpset_hash(const struct pdf_cpset *s)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;
	size_t		 i;

	for (i = 0; i < sizeof(s->bit); i++)
		if (s->bit[i] != 0)
			h = ((h ^ i) * 0x100000001b3ULL ^ s->bit[i]) *
			    0x100000001b3ULL;
	return h;
}

/* ------------------------------------------------------------ faces */

/* The BMP width table of a face, as libharu computes widths. */
static uint16_t *
face_widths(hb_face_t *face)
{
	hb_font_t	*font;
	hb_set_t	*cps;
	hb_codepoint_t	 c = HB_SET_VALUE_INVALID, g;
	uint16_t	*w;
	unsigned	 upem, dflt;
	size_t		 i;

	if ((w = malloc(65536 * sizeof(*w))) == NULL)
		return NULL;
	upem = hb_face_get_upem(face);
	font = hb_font_create(face);
	hb_font_set_scale(font, (int)upem, (int)upem);
	cps = hb_set_create();
	hb_face_collect_unicodes(face, cps);
	dflt = (unsigned)hb_font_get_glyph_h_advance(font, 0) * 1000 / upem;
	for (i = 0; i < 65536; i++)
		w[i] = (uint16_t)dflt;
	while (hb_set_next(cps, &c) && c <= 0xffff)
		if (hb_font_get_nominal_glyph(font, c, &g))
			w[c] = (uint16_t)((unsigned)hb_font_get_glyph_h_advance(
			    font, g) * 1000 / upem);
	hb_set_destroy(cps);
	hb_font_destroy(font);
	return w;
}

int
pdf_fonts_new(struct pdf_fonts **out, const char *fontdir)
{
	struct pdf_fonts	*fs;
	hb_blob_t		*blob;
	char			 path[4096];
	int			 f, saved;

	*out = NULL;
	if ((fs = calloc(1, sizeof(*fs))) == NULL)
		return -1;
	pthread_mutex_init(&fs->lock, NULL);
	for (f = 0; f < PDF_FACES; f++) {
		snprintf(path, sizeof(path), "%s/%s", fontdir, face_file[f]);
		if (access(path, R_OK) == -1)
			goto fail;
		if ((blob = hb_blob_create_from_file_or_fail(path)) == NULL) {
			errno = ENOMEM;
			goto fail;
		}
		fs->face[f] = hb_face_create(blob, 0);
		hb_blob_destroy(blob);
		if (hb_face_get_glyph_count(fs->face[f]) == 0 ||
		    hb_face_get_upem(fs->face[f]) == 0) {
			errno = EINVAL;
			goto fail;
		}
		if ((fs->width[f] = face_widths(fs->face[f])) == NULL)
			goto fail;
	}
	*out = fs;
	return 0;
fail:
	saved = errno;
	pdf_fonts_free(fs);
	errno = saved;
	return -1;
}

void
pdf_fonts_free(struct pdf_fonts *fs)
{
	size_t	 i;
	int	 f;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->ncache; i++) {
		hb_blob_destroy(fs->cache[i]->blob);
		free(fs->cache[i]);
	}
	for (f = 0; f < PDF_FACES; f++) {
		hb_face_destroy(fs->face[f]);	/* NULL-safe */
		free(fs->width[f]);
	}
	pthread_mutex_destroy(&fs->lock);
	free(fs);
}

int
pdf_fonts_width(const struct pdf_fonts *fs, enum pdf_face f, unsigned c)
{
	return fs->width[f][c <= 0xffff ? c : 0xfffd];
}

void
pdf_fonts_stats(struct pdf_fonts *fs, unsigned long *made,
    unsigned long *reused)
{
	pthread_mutex_lock(&fs->lock);
	*made = fs->made;
	*reused = fs->reused;
	pthread_mutex_unlock(&fs->lock);
}

/* ------------------------------------------------------------ subsets */

/* Cut face to the code points of set: a new font file, or NULL. */
static hb_blob_t *
subset_make(hb_face_t *face, const struct pdf_cpset *set)
{
	hb_subset_input_t	*in;
	hb_set_t		*u, *drop;
	hb_face_t		*sub = NULL;
	hb_blob_t		*blob = NULL;
	size_t			 i, k;

	if ((in = hb_subset_input_create_or_fail()) == NULL)
		return NULL;
	u = hb_subset_input_unicode_set(in);
	for (i = 0; i < sizeof(set->bit); i++)
		for (k = 0; set->bit[i] != 0 && k < 8; k++)
			if (set->bit[i] >> k & 1)
				hb_set_add(u, (hb_codepoint_t)(i * 8 + k));
	hb_set_add(u, ' ');
	hb_set_add(u, 'H');
	hb_set_add(u, 'x');
	drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 0; i < sizeof(drop_table) / sizeof(drop_table[0]); i++)
		hb_set_add(drop, hb_tag_from_string(drop_table[i], 4));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
	    HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	if (hb_set_allocation_successful(u) &&
	    hb_set_allocation_successful(drop) &&
	    (sub = hb_subset_or_fail(face, in)) != NULL) {
		blob = hb_face_reference_blob(sub);
		if (hb_blob_get_length(blob) == 0) {
			hb_blob_destroy(blob);
			blob = NULL;
		}
	}
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	return blob;
}

/* The subset of face f for set, from the cache or made and cached;
 * a reference the caller destroys, or NULL. */
static hb_blob_t *
subset_get(struct pdf_fonts *fs, enum pdf_face f, const struct pdf_cpset *set)
{
	struct subset	*e = NULL;
	hb_blob_t	*blob = NULL;
	uint64_t	 h = cpset_hash(set);
	size_t		 i;

	pthread_mutex_lock(&fs->lock);
	for (i = 0; i < fs->ncache; i++) {
		e = fs->cache[i];
		if (e->face == f && e->hash == h &&
		    memcmp(e->set.bit, set->bit, sizeof(set->bit)) == 0) {
			blob = hb_blob_reference(e->blob);
			fs->reused++;
			goto out;
		}
	}
	if ((blob = subset_make(fs->face[f], set)) == NULL)
		goto out;
	fs->made++;
	if (fs->ncache < CACHE_MAX) {
		if ((e = malloc(sizeof(*e))) == NULL)
			goto out;
		fs->cache[fs->ncache++] = e;
	} else {
		e = fs->cache[fs->victim];
		fs->victim = (fs->victim + 1) % CACHE_MAX;
		hb_blob_destroy(e->blob);
	}
	e->face = f;
	e->hash = h;
	memcpy(&e->set, set, sizeof(*set));
	e->blob = hb_blob_reference(blob);
out:
	pthread_mutex_unlock(&fs->lock);
	return blob;
}

/* Write data into a new temp file; its path goes into path.  0 or -1. */
static int
temp_write(char *path, size_t pathsz, const char *data, size_t len)
{
	const char	*dir = getenv("TMPDIR");
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd, saved;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	if ((size_t)snprintf(path, pathsz, "%s/handoff-font.XXXXXX", dir) >=
	    pathsz) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkstemp(path)) == -1)
		return -1;
	while (off < len) {
		if ((n = write(fd, data + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)n;
	}
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(path);
	errno = saved;
	return -1;
}

const char *
pdf_fonts_load(struct pdf_fonts *fs, HPDF_Doc doc, enum pdf_face f,
    const struct pdf_cpset *set)
{
	hb_blob_t	*blob;
	const char	*data, *name = NULL;
	char		 path[4096];
	unsigned	 len;

	if ((blob = subset_get(fs, f, set)) == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	data = hb_blob_get_data(blob, &len);
	if (temp_write(path, sizeof(path), data, len) == 0) {
		name = HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
		unlink(path);
		if (name == NULL)
			errno = EINVAL;
	}
	hb_blob_destroy(blob);
	return name;
}
