/* SPDX-License-Identifier: MIT */
/*
 * test_pdf_font.c: the faces of the handoff package.  Widths agree with
 * what libharu puts in the PDF for the subset it embeds, subsets hold
 * what was asked for and are much smaller than the face, end with the
 * non-empty 'prep' libharu 2.3 needs to save them, the cache gives the
 * same subset back, temp files do not outlive the load, and a missing
 * face is an error.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <hpdf.h>

#include "pdf_font.h"

#define FONTDIR	"/usr/share/fonts/truetype/dejavu"

/* What a document with names like these draws. */
static const unsigned sample[] = {
	' ', '0', '9', 'A', 'Z', 'a', 'z', '.', ',', '@', '/', 0xe6, 0xc6,
	0xeb, 0xf3, 0xf8, 0xfc, 0x107, 0x141, 0x15b, 0x17a, 0x2014, 0x2022,
	0x2026, 0x2610, 0x2611, 0xb7
};

static void
on_error(HPDF_STATUS e, HPDF_STATUS d, void *arg)
{
	int	*failed = arg;

	(void)e;
	(void)d;
	*failed = 1;
}

static void
sample_set(struct pdf_cpset *s)
{
	size_t	 i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < sizeof(sample) / sizeof(sample[0]); i++)
		pdf_cpset_add(s, sample[i]);
}

static void
test_pdf_font__cpset(void **state)
{
	struct pdf_cpset	 s;

	(void)state;
	memset(&s, 0, sizeof(s));
	pdf_cpset_add(&s, 0x141);
	pdf_cpset_add(&s, 0xffff);
	pdf_cpset_add(&s, 0x1f600);	/* above the BMP: ignored */
	assert_true(pdf_cpset_has(&s, 0x141));
	assert_true(pdf_cpset_has(&s, 0xffff));
	assert_false(pdf_cpset_has(&s, 0x140));
	assert_false(pdf_cpset_has(&s, 0x142));
	assert_false(pdf_cpset_has(&s, 0x1f600));
	assert_false(pdf_cpset_has(&s, 0xf600));
}

static void
test_pdf_font__missing_face(void **state)
{
	struct pdf_fonts	*fs = (struct pdf_fonts *)&fs;

	(void)state;
	assert_int_equal(pdf_fonts_new(&fs, "/nonexistent/fonts"), -1);
	assert_int_equal(errno, ENOENT);
	assert_null(fs);
	pdf_fonts_free(NULL);
}

/* The widths the line breaker uses are the ones the viewer will use:
 * libharu's, read back from the subset it loaded. */
static void
test_pdf_font__widths_match_libharu(void **state)
{
	struct pdf_fonts	*fs;
	struct pdf_cpset	 s;
	HPDF_Doc		 doc;
	HPDF_Font		 font;
	const char		*name;
	size_t			 i;
	int			 f, failed = 0;

	(void)state;
	assert_int_equal(pdf_fonts_new(&fs, FONTDIR), 0);
	sample_set(&s);
	for (f = 0; f < PDF_FACES; f++) {
		doc = HPDF_New(on_error, &failed);
		assert_non_null(doc);
		HPDF_UseUTFEncodings(doc);
		name = pdf_fonts_load(fs, doc, (enum pdf_face)f, &s);
		assert_non_null(name);
		font = HPDF_GetFont(doc, name, "UTF-8");
		assert_non_null(font);
		for (i = 0; i < sizeof(sample) / sizeof(sample[0]); i++)
			assert_int_equal(HPDF_Font_GetUnicodeWidth(font,
			    (HPDF_UNICODE)sample[i]),
			    pdf_fonts_width(fs, (enum pdf_face)f, sample[i]));
		/* not in the subset: the .notdef width, as in the face */
		assert_int_equal(HPDF_Font_GetUnicodeWidth(font, 'q'),
		    pdf_fonts_width(fs, (enum pdf_face)f, 0x4e00));
		assert_int_equal(failed, 0);
		HPDF_Free(doc);
	}
	/* bold is wider, and a real width table, not a constant */
	assert_true(pdf_fonts_width(fs, PDF_BOLD, 'm') >
	    pdf_fonts_width(fs, PDF_REGULAR, 'm'));
	assert_true(pdf_fonts_width(fs, PDF_REGULAR, 'i') <
	    pdf_fonts_width(fs, PDF_REGULAR, 'W'));
	pdf_fonts_free(fs);
}

/* A subset with a few dozen glyphs saves to a small PDF. */
static void
test_pdf_font__subset_is_small(void **state)
{
	struct pdf_fonts	*fs;
	struct pdf_cpset	 s;
	HPDF_Doc		 doc;
	HPDF_Font		 font;
	HPDF_Page		 page;
	const char		*name;
	int			 failed = 0;

	(void)state;
	assert_int_equal(pdf_fonts_new(&fs, FONTDIR), 0);
	sample_set(&s);
	doc = HPDF_New(on_error, &failed);
	assert_non_null(doc);
	HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(doc);
	name = pdf_fonts_load(fs, doc, PDF_REGULAR, &s);
	assert_non_null(name);
	font = HPDF_GetFont(doc, name, "UTF-8");
	page = HPDF_AddPage(doc);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 12);
	HPDF_Page_TextOut(page, 50, 700, "Zo\xc3\xab M\xc3\xbcller, \xc5\x81"
	    "\xc3\xb3\xc4\x91\xc5\xba");
	HPDF_Page_EndText(page);
	assert_int_equal(HPDF_SaveToStream(doc), HPDF_OK);
	/* the whole face embedded by libharu 2.3 is about 60 KB */
	assert_true(HPDF_GetStreamSize(doc) < 20000);
	assert_true(HPDF_GetStreamSize(doc) > 2000);
	assert_int_equal(failed, 0);
	HPDF_Free(doc);
	pdf_fonts_free(fs);
}

/* The length of table tag in a TrueType file, or -1 when it has none. */
static long
table_len(const unsigned char *f, size_t len, const char *tag)
{
	size_t	 n, i;

	if (len < 12)
		return -1;
	n = (size_t)f[4] << 8 | f[5];
	for (i = 0; i < n && 12 + 16 * (i + 1) <= len; i++)
		if (memcmp(f + 12 + 16 * i, tag, 4) == 0)
			return (long)((unsigned long)f[12 + 16 * i + 12] << 24 |
			    (unsigned long)f[12 + 16 * i + 13] << 16 |
			    (unsigned long)f[12 + 16 * i + 14] << 8 |
			    f[12 + 16 * i + 15]);
	return -1;
}

/*
 * A subset keeps what libharu reads (glyf, cmap, hmtx, ...), not the
 * layout tables, and has a non-empty 'prep': libharu 2.3 writes 'prep'
 * last, and fails to save a font whose empty last table starts on its
 * 4,096-byte stream block (one subset in a thousand).  Every set of a
 * growing run of sizes must also save.
 */
static void
test_pdf_font__subset_tables(void **state)
{
	struct pdf_fonts	*fs;
	struct pdf_cpset	 s;
	unsigned char		*f;
	HPDF_Doc		 doc;
	HPDF_Font		 font;
	size_t			 len;
	unsigned		 c;
	int			 failed = 0;

	(void)state;
	assert_int_equal(pdf_fonts_new(&fs, FONTDIR), 0);
	sample_set(&s);
	f = pdf_fonts_subset(fs, PDF_BOLD, &s, &len);
	assert_non_null(f);
	assert_true(len > 1000 && len < 40000);
	assert_true(table_len(f, len, "prep") > 0);
	assert_true(table_len(f, len, "glyf") > 0);
	assert_true(table_len(f, len, "cmap") > 0);
	assert_true(table_len(f, len, "hmtx") > 0);
	assert_int_equal(table_len(f, len, "GSUB"), -1);
	assert_int_equal(table_len(f, len, "GPOS"), -1);
	free(f);
	/* sets of 1 to 300 Latin letters: every one loads and saves */
	memset(&s, 0, sizeof(s));
	for (c = 0x41; c < 0x41 + 300 && !failed; c++) {
		pdf_cpset_add(&s, c);
		doc = HPDF_New(on_error, &failed);
		HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
		HPDF_UseUTFEncodings(doc);
		font = HPDF_GetFont(doc, pdf_fonts_load(fs, doc, PDF_REGULAR,
		    &s), "UTF-8");
		assert_non_null(font);
		HPDF_AddPage(doc);
		assert_int_equal(HPDF_SaveToStream(doc), HPDF_OK);
		HPDF_Free(doc);
	}
	assert_int_equal(failed, 0);
	pdf_fonts_free(fs);
}

/* The same set twice: one subset made, one reused; another set or
 * another face: a new one. */
static void
test_pdf_font__cache(void **state)
{
	struct pdf_fonts	*fs;
	struct pdf_cpset	 s;
	HPDF_Doc		 doc;
	unsigned long		 made, reused;
	int			 failed = 0;

	(void)state;
	assert_int_equal(pdf_fonts_new(&fs, FONTDIR), 0);
	sample_set(&s);
	doc = HPDF_New(on_error, &failed);
	HPDF_UseUTFEncodings(doc);
	assert_non_null(pdf_fonts_load(fs, doc, PDF_REGULAR, &s));
	HPDF_Free(doc);
	doc = HPDF_New(on_error, &failed);
	HPDF_UseUTFEncodings(doc);
	assert_non_null(pdf_fonts_load(fs, doc, PDF_REGULAR, &s));
	assert_non_null(pdf_fonts_load(fs, doc, PDF_BOLD, &s));
	HPDF_Free(doc);
	pdf_fonts_stats(fs, &made, &reused);
	assert_int_equal(made, 2);
	assert_int_equal(reused, 1);
	pdf_cpset_add(&s, 0x2192);
	doc = HPDF_New(on_error, &failed);
	HPDF_UseUTFEncodings(doc);
	assert_non_null(pdf_fonts_load(fs, doc, PDF_REGULAR, &s));
	HPDF_Free(doc);
	pdf_fonts_stats(fs, &made, &reused);
	assert_int_equal(made, 3);
	assert_int_equal(failed, 0);
	pdf_fonts_free(fs);
}

/* The temp file goes into $TMPDIR and is gone once libharu has it. */
static void
test_pdf_font__temp_file_removed(void **state)
{
	struct pdf_fonts	*fs;
	struct pdf_cpset	 s;
	HPDF_Doc		 doc;
	HPDF_Font		 font;
	HPDF_Page		 page;
	DIR			*d;
	struct dirent		*e;
	char			 dir[] = "/tmp/test_pdf_font.XXXXXX";
	char			*old = getenv("TMPDIR");
	int			 n = 0, failed = 0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	old = old != NULL ? strdup(old) : NULL;
	setenv("TMPDIR", dir, 1);
	assert_int_equal(pdf_fonts_new(&fs, FONTDIR), 0);
	sample_set(&s);
	doc = HPDF_New(on_error, &failed);
	HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(doc);
	font = HPDF_GetFont(doc, pdf_fonts_load(fs, doc, PDF_BOLD, &s),
	    "UTF-8");
	assert_non_null(font);
	assert_non_null(d = opendir(dir));
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	assert_int_equal(n, 0);
	/* libharu still reads the unlinked file when it saves */
	page = HPDF_AddPage(doc);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, 12);
	HPDF_Page_TextOut(page, 50, 700, "Hx");
	HPDF_Page_EndText(page);
	assert_int_equal(HPDF_SaveToStream(doc), HPDF_OK);
	assert_true(HPDF_GetStreamSize(doc) > 2000);
	assert_int_equal(failed, 0);
	HPDF_Free(doc);
	/* an unwritable TMPDIR: an error, not a crash */
	setenv("TMPDIR", "/nonexistent/tmp", 1);
	doc = HPDF_New(on_error, &failed);
	HPDF_UseUTFEncodings(doc);
	assert_null(pdf_fonts_load(fs, doc, PDF_BOLD, &s));
	HPDF_Free(doc);
	if (old != NULL)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
	rmdir(dir);
	pdf_fonts_free(fs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_font__cpset),
		cmocka_unit_test(test_pdf_font__missing_face),
		cmocka_unit_test(test_pdf_font__widths_match_libharu),
		cmocka_unit_test(test_pdf_font__subset_is_small),
		cmocka_unit_test(test_pdf_font__subset_tables),
		cmocka_unit_test(test_pdf_font__cache),
		cmocka_unit_test(test_pdf_font__temp_file_removed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
