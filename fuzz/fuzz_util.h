/* SPDX-License-Identifier: MIT */
/*
 * fuzz_util.h: what the libFuzzer harnesses share.  One session (built-in
 * schema, default config, a fixed today) is opened once per process, as a
 * command would; each input then goes through the same path as 'handoff
 * check'.  The canonical XML of any model must read back through the XML
 * front end into the very same bytes: a tree that does not is a bug in a
 * front end (or in model.c), and the harness aborts to say so.
 * Run with FUZZ_KNOWN=1 to look past the findings already reported
 * (non-XML characters, runs of white space).
 */
#ifndef HANDOFF_FUZZ_UTIL_H
#define HANDOFF_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "parse.h"
#include "session.h"
#include "timeline.h"
#include "validate.h"

/* The harness's one session (libFuzzer runs inputs one after another). */
static struct session	fuzz_session;

static void
fuzz_open(void)
{
	struct diag_list	 dl;

	diag_list_init(&dl);
	/* A root with no handoff.yml and no schemas/: the built-in ones. */
	if (session_open(&fuzz_session, "/nonexistent-handoff-fuzz",
	    date_from_ymd(2026, 11, 24), 1795500000LL, &dl) == -1) {
		diag_print_text(stderr, &dl);
		abort();
	}
	diag_list_dispose(&dl);
}

/*
 * Whether the two canonical forms agree: byte for byte, or, with
 * FUZZ_KNOWN set, up to white space (a finding already reported: the
 * Markdown front end keeps runs and edges the XML front end normalises).
 */
/* The length of the white space (or a char reference to one) at p. */
static size_t
fuzz_space(const char *p, size_t n)
{
	if (n > 0 && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		return 1;
	if (n >= 4 && (memcmp(p, "&#9;", 4) == 0))
		return 4;
	if (n >= 5 && (memcmp(p, "&#10;", 5) == 0 ||
	    memcmp(p, "&#13;", 5) == 0))
		return 5;
	return 0;
}

static int
fuzz_same(const char *x, size_t xlen, const char *y, size_t ylen)
{
	size_t	 i = 0, j = 0, k;

	if (getenv("FUZZ_KNOWN") == NULL)
		return xlen == ylen && memcmp(x, y, xlen) == 0;
	for (;;) {
		while ((k = fuzz_space(x + i, xlen - i)) > 0)
			i += k;
		while ((k = fuzz_space(y + j, ylen - j)) > 0)
			j += k;
		if (i == xlen || j == ylen)
			return i == xlen && j == ylen;
		if (x[i++] != y[j++])
			return 0;
	}
}

/*
 * True when a canonical form holds a character XML 1.0 cannot carry (a C0
 * control other than TAB, LF, CR; U+FFFE; U+FFFF) or a byte that is never
 * UTF-8.  The front ends must not let those into the tree (raw, or from a
 * Markdown character reference); with FUZZ_KNOWN set the oracle skips such
 * trees, to look past a finding already reported.
 */
static int
fuzz_has_nonxml(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
			return 1;
		if (p[i] == 0xC0 || p[i] == 0xC1 || p[i] >= 0xF5)
			return 1;
		if (p[i] == 0xEF && i + 2 < n && p[i + 1] == 0xBF &&
		    (p[i + 2] == 0xBE || p[i + 2] == 0xBF))
			return 1;
	}
	return 0;
}

/*
 * The canonical XML of m must be a fixed point of the XML front end.
 * Aborts (a finding) when it is not.
 */
static void
fuzz_check_canonical(const struct model *m)
{
	struct diag_list	 dl;
	struct model		*again;
	char			*x, *y = NULL;
	size_t			 xlen, ylen = 0;

	if ((x = model_to_xml(m, &xlen)) == NULL)
		return;
	if (getenv("FUZZ_KNOWN") != NULL && fuzz_has_nonxml(x, xlen)) {
		free(x);
		return;
	}
	diag_list_init(&dl);
	again = parse_xml("canonical.xml", x, xlen,
	    &fuzz_session.config.limits, &dl);
	if (again != NULL)
		y = model_to_xml(again, &ylen);
	if (again == NULL || y == NULL || !fuzz_same(x, xlen, y, ylen)) {
		fprintf(stderr, "canonical XML is not a fixed point:\n%s\n"
		    "--- read back as ---\n%s\n", x, y ? y : "(nothing)");
		diag_print_text(stderr, &dl);
		abort();
	}
	free(y);
	model_free(again);
	diag_list_dispose(&dl);
	free(x);
}

/* One input through 'handoff check' as file name, then the oracle. */
static void
fuzz_check(const char *file, const uint8_t *data, size_t size)
{
	struct diag_list	 dl;
	struct verdict		 v;
	struct model		*m;
	char			*copy = NULL;

	/* The front ends take a length: the bytes need not end in a NUL
	 * (a git blob does not).  FUZZ_KNOWN looks past that finding. */
	if (getenv("FUZZ_KNOWN") != NULL) {
		if ((copy = malloc(size + 1)) == NULL)
			return;
		memcpy(copy, data, size);
		copy[size] = '\0';
		data = (const uint8_t *)copy;
	}
	diag_list_init(&dl);
	m = session_check(&fuzz_session, file, (const char *)data, size, &v,
	    &dl);
	if (m != NULL)
		fuzz_check_canonical(m);
	model_free(m);
	diag_list_dispose(&dl);
	free(copy);
}

#endif
