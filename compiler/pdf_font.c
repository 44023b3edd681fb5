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
#include <stddef.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf.h>

#include "pdf_font.h"
#include "pdf_font_cache.h"

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
	char			*cachedir;	/* NULL: nothing kept on disk */
	char			 ident[PDF_FACES][4400];	/* cache key of a face */
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

/*
 * What the cache keys of a face depend on: its file (path, size, time of
 * change, inode), the HarfBuzz that cuts it and the size of the width
 * table.  0, or -1 when the file cannot be seen.
 */
static int
face_ident(char *out, size_t outsz, const char *path)
{
	struct stat	 sb;

	int		 n;

	if (stat(path, &sb) == -1)
		return -1;
	n = snprintf(out, outsz, "%s %lld %lld.%09ld %llu hb %s", path,
	    (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
	    sb.st_mtim.tv_nsec, (unsigned long long)sb.st_ino,
	    hb_version_string());
	return n < 0 || (size_t)n >= outsz ? -1 : 0;
}

/* The width table of face f, from the cache or computed (and cached). */
static uint16_t *
face_widths_cached(struct pdf_fonts *fs, int f)
{
	const size_t	 size = 65536 * sizeof(uint16_t);
	char		 key[4410];
	void		*data;
	size_t		 len;
	uint16_t	*w;

	snprintf(key, sizeof(key), "widths %s", fs->ident[f]);
	if (fs->cachedir != NULL && font_cache_get(&data, &len, fs->cachedir,
	    key, strlen(key)) == 0) {
		if (len == size)
			return data;
		free(data);
	}
	if ((w = face_widths(fs->face[f])) != NULL && fs->cachedir != NULL)
		(void)font_cache_put(fs->cachedir, key, strlen(key), w, size);
	return w;
}

int
pdf_fonts_new(struct pdf_fonts **out, const char *fontdir)
{
	return pdf_fonts_new_cached(out, fontdir, NULL);
}

int
pdf_fonts_new_cached(struct pdf_fonts **out, const char *fontdir,
    const char *cachedir)
{
	struct pdf_fonts	*fs;
	hb_blob_t		*blob;
	char			 path[4096];
	int			 f, saved;

	*out = NULL;
	if ((fs = calloc(1, sizeof(*fs))) == NULL)
		return -1;
	pthread_mutex_init(&fs->lock, NULL);
	if (cachedir != NULL && (fs->cachedir = strdup(cachedir)) == NULL)
		goto fail;
	for (f = 0; f < PDF_FACES; f++) {
		snprintf(path, sizeof(path), "%s/%s", fontdir, face_file[f]);
		if (access(path, R_OK) == -1 ||
		    face_ident(fs->ident[f], sizeof(fs->ident[f]), path) == -1)
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
		if ((fs->width[f] = face_widths_cached(fs, f)) == NULL)
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
	free(fs->cachedir);
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

/*
 * The subset as libharu 2.3 can save it.  libharu writes 13 tables in a
 * fixed order, 'prep' last; a missing one is written empty.  When the
 * file it builds then ends exactly on its 4,096-byte stream block, its
 * seek to that empty last table fails (HPDF_INVALID_OBJECT, about one
 * subset in a thousand).  A 'prep' of three bytes (PUSHB 0, POP: does
 * nothing) keeps the last table from being empty.  NULL when out of
 * memory.
 */
static hb_blob_t *
subset_fix(hb_blob_t *sub)
{
	static const char	 prog[] = { (char)0xb0, 0x00, 0x21 };
	hb_face_t		*face, *builder;
	hb_blob_t		*t, *out;
	hb_tag_t		 tags[64];
	unsigned		 n = 64, i;

	face = hb_face_create(sub, 0);
	builder = hb_face_builder_create();
	n = hb_face_get_table_tags(face, 0, &n, tags) > 0 ? n : 0;
	for (i = 0; i < n; i++) {
		if (tags[i] == HB_TAG('p', 'r', 'e', 'p'))
			continue;
		t = hb_face_reference_table(face, tags[i]);
		hb_face_builder_add_table(builder, tags[i], t);
		hb_blob_destroy(t);
	}
	t = hb_blob_create(prog, sizeof(prog), HB_MEMORY_MODE_READONLY, NULL,
	    NULL);
	hb_face_builder_add_table(builder, HB_TAG('p', 'r', 'e', 'p'), t);
	hb_blob_destroy(t);
	out = hb_face_reference_blob(builder);
	hb_face_destroy(builder);
	hb_face_destroy(face);
	if (n == 0 || hb_blob_get_length(out) == 0) {
		hb_blob_destroy(out);
		return NULL;
	}
	return out;
}

/* Cut face to the code points of set: a new font file, or NULL. */
static hb_blob_t *
subset_make(hb_face_t *face,
    const struct pdf_cpset *set)
{
	hb_subset_input_t	*in;
	hb_set_t		*u, *drop;
	hb_face_t		*sub = NULL;
	hb_blob_t		*blob = NULL, *t;
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
		hb_set_add(drop, HB_TAG(drop_table[i][0], drop_table[i][1],
		    drop_table[i][2], drop_table[i][3]));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
	    HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	if (hb_set_allocation_successful(u) &&
	    hb_set_allocation_successful(drop) &&
	    (sub = hb_subset_or_fail(face, in)) != NULL) {
		t = hb_face_reference_blob(sub);
		if (hb_blob_get_length(t) > 0)
			blob = subset_fix(t);
		hb_blob_destroy(t);
	}
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	return blob;
}

/*
 * The subset of face f for set from the disk cache, or made (and put
 * there); a new reference, or NULL.  Called under fs->lock.
 */
static hb_blob_t *
subset_disk(struct pdf_fonts *fs, enum pdf_face f, const struct pdf_cpset *set)
{
	hb_blob_t	*blob;
	const char	*data;
	unsigned	 n;
	char		*key;
	void		*hit;
	size_t		 kl, hl, len;

	if (fs->cachedir == NULL) {
		if ((blob = subset_make(fs->face[f], set)) != NULL)
			fs->made++;
		return blob;
	}
	hl = strlen(fs->ident[f]);
	kl = 7 + hl + sizeof(set->bit);
	if ((key = malloc(kl)) == NULL)
		return NULL;
	memcpy(key, "subset ", 7);
	memcpy(key + 7, fs->ident[f], hl);
	memcpy(key + 7 + hl, set->bit, sizeof(set->bit));
	if (font_cache_get(&hit, &len, fs->cachedir, key, kl) == 0 &&
	    len > 0 && len <= 0x7fffffff) {
		free(key);
		fs->reused++;
		return hb_blob_create(hit, (unsigned)len,
		    HB_MEMORY_MODE_WRITABLE, hit, free);
	}
	if ((blob = subset_make(fs->face[f], set)) != NULL) {
		fs->made++;
		data = hb_blob_get_data(blob, &n);
		(void)font_cache_put(fs->cachedir, key, kl, data, n);
	}
	free(key);
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
	if ((blob = subset_disk(fs, f, set)) == NULL)
		goto out;
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

void *
pdf_fonts_subset(struct pdf_fonts *fs, enum pdf_face f,
    const struct pdf_cpset *set, size_t *len)
{
	hb_blob_t		*blob;
	const char		*data;
	unsigned		 n;
	void			*copy = NULL;

	*len = 0;
	if ((blob = subset_get(fs, f, set)) == NULL)
		return NULL;
	data = hb_blob_get_data(blob, &n);
	if ((copy = malloc(n > 0 ? n : 1)) != NULL) {
		memcpy(copy, data, n);
		*len = n;
	}
	hb_blob_destroy(blob);
	return copy;
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
	hb_blob_t		*blob;
	const char		*data, *name = NULL;
	char			 path[4096];
	unsigned		 len;

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

/* ------------------------------------------------------------ embedding */

/* True when the set holds a code point with high byte hi. */
static int
cpset_has_block(const struct pdf_cpset *s, int hi)
{
	const unsigned char	*b = s->bit + hi * 32;
	int			 i;

	for (i = 0; i < 32; i++)
		if (b[i] != 0)
			return 1;
	return 0;
}

/*
 * libharu 2.3 gives a UTF-8 font its encoding CMap as /ToUnicode, which
 * poppler rejects ("Invalid 'begincidrange' operator").  Our codes are
 * the BMP code points themselves, so the right ToUnicode is the identity:
 * one bfrange per high byte that the document draws (a range may not
 * cross one), surrogates left out.  The stream replaces libharu's in the
 * font dictionary.
 */
static void
fix_tounicode(HPDF_Doc doc, HPDF_Font font, const struct pdf_cpset *used)
{
	HPDF_Dict	 cmap;
	char		 line[64];
	int		 hi, n, total, chunk;

	if ((cmap = HPDF_DictStream_New(doc->mmgr, doc->xref)) == NULL)
		return;
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_WriteStr(cmap->stream, "/CIDInit /ProcSet findresource "
	    "begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry "
	    "(Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName "
	    "/Adobe-Identity-UCS def\n/CMapType 2 def\n1 "
	    "begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (total = 0, hi = 0; hi < 256; hi++)
		if ((hi < 0xd8 || hi > 0xdf) && cpset_has_block(used, hi))
			total++;
	for (n = 0, hi = 0; hi < 256; hi++) {
		if ((hi >= 0xd8 && hi <= 0xdf) || !cpset_has_block(used, hi))
			continue;
		if (n % 100 == 0) {
			chunk = total - n < 100 ? total - n : 100;
			snprintf(line, sizeof(line), "%d beginbfrange\n", chunk);
			HPDF_Stream_WriteStr(cmap->stream, line);
		}
		snprintf(line, sizeof(line), "<%02X00> <%02XFF> <%02X00>\n",
		    hi, hi, hi);
		HPDF_Stream_WriteStr(cmap->stream, line);
		if (++n % 100 == 0 || n == total)
			HPDF_Stream_WriteStr(cmap->stream, "endbfrange\n");
	}
	HPDF_Stream_WriteStr(cmap->stream, "endcmap\nCMapName currentdict "
	    "/CMap defineresource pop\nend\nend\n");
	HPDF_Dict_Add(font, "ToUnicode", cmap);
}

#if HPDF_MAJOR_VERSION == 2 && HPDF_MINOR_VERSION == 3
/*
 * HPDF_GetFont, quickly.  For a UTF-8 font, libharu 2.3 builds the /W
 * array and the CIDToGIDMap by looking up each of the 65,536 BMP code
 * points in the face's cmap, a linear search each: a third of the time
 * of a whole build, even with a small subset.  Its other path, for CMap
 * encoders, looks up only the codes entered in the encoder's cid_map.
 * For the one call, the document's UTF-8 encoder takes that path, with
 * the code points of set entered (code = CID = code point, as libharu's
 * UTF-8 CMap has it) plus one past the highest, because libharu stops one
 * short of the highest CID.  Everything is put back afterwards: the rest
 * of libharu sees the encoder as it was.
 */
static HPDF_Font
get_font(HPDF_Doc doc, const char *name, const struct pdf_cpset *set)
{
	HPDF_Encoder		 enc;
	HPDF_CMapEncoderAttr	 a;
	HPDF_Encoder_ToUnicode_Func saved_fn;
	HPDF_Font		 font;
	uint16_t		*saved;
	unsigned		*cps, c, n = 0, i, last = 0;

	enc = HPDF_GetEncoder(doc, "UTF-8");
	if (enc == NULL || enc->attr == NULL)
		return HPDF_GetFont(doc, name, "UTF-8");
	a = (HPDF_CMapEncoderAttr)enc->attr;
	for (c = 0x20; c < 0xffff; c++) {
		if (set->bit[c >> 3] == 0) {
			c |= 7;		/* skip the empty byte */
			continue;
		}
		if (pdf_cpset_has(set, c))
			n++;
	}
	if ((cps = malloc((n + 1) * sizeof(*cps))) == NULL ||
	    (saved = malloc((n + 1) * 2 * sizeof(*saved))) == NULL) {
		free(cps);
		return HPDF_GetFont(doc, name, "UTF-8");
	}
	for (n = 0, c = 0x20; c < 0xffff; c++) {
		if (set->bit[c >> 3] == 0) {
			c |= 7;
			continue;
		}
		if (pdf_cpset_has(set, c))
			cps[n++] = last = c;
	}
	cps[n++] = last + 1;		/* the end: at most U+FFFF */
	for (i = 0; i < n; i++) {
		saved[2 * i] = a->cid_map[cps[i] >> 8][cps[i] & 0xff];
		saved[2 * i + 1] = a->unicode_map[cps[i] >> 8][cps[i] & 0xff];
		a->cid_map[cps[i] >> 8][cps[i] & 0xff] = (HPDF_UINT16)cps[i];
		a->unicode_map[cps[i] >> 8][cps[i] & 0xff] =
		    (HPDF_UNICODE)cps[i];
	}
	saved_fn = enc->to_unicode_fn;
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	font = HPDF_GetFont(doc, name, "UTF-8");
	enc->to_unicode_fn = saved_fn;
	for (i = n; i-- > 0; ) {
		a->cid_map[cps[i] >> 8][cps[i] & 0xff] = saved[2 * i];
		a->unicode_map[cps[i] >> 8][cps[i] & 0xff] = saved[2 * i + 1];
	}
	free(saved);
	free(cps);
	return font;
}
#else
static HPDF_Font
get_font(HPDF_Doc doc, const char *name, const struct pdf_cpset *set)
{
	(void)set;
	return HPDF_GetFont(doc, name, "UTF-8");
}
#endif

HPDF_Font
pdf_fonts_embed(struct pdf_fonts *fs, HPDF_Doc doc, enum pdf_face f,
    const struct pdf_cpset *set)
{
	const char	*name;
	HPDF_Font	 font;
	size_t		 i, k;

	if ((name = pdf_fonts_load(fs, doc, f, set)) == NULL)
		return NULL;
	if ((font = get_font(doc, name, set)) == NULL) {
		errno = EINVAL;
		return NULL;
	}
	fix_tounicode(doc, font, set);
	/* libharu embeds the outlines of the glyphs it has measured only;
	 * pdf_draw writes its text objects itself, so measure them here */
	for (i = 0; i < sizeof(set->bit); i++)
		for (k = 0; set->bit[i] != 0 && k < 8; k++)
			if (set->bit[i] >> k & 1)
				HPDF_Font_GetUnicodeWidth(font,
				    (HPDF_UNICODE)(i * 8 + k));
	return font;
}
