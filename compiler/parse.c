/* SPDX-License-Identifier: MIT */
/*
 * parse.c: what every front end shares.  parse_check_bytes() refuses the
 * inputs no front end should ever see (empty, oversized, binary, invalid
 * UTF-8); parse_any() picks the front end by the file's extension.
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "parse.h"

/*
 * The length of the well-formed UTF-8 sequence at p (RFC 3629, section 4:
 * no overlongs, no surrogates, nothing above U+10FFFF), or 0.
 */
static size_t
parse_utf8_len(const unsigned char *p, size_t left)
{
	size_t	 n, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (left < n)
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((p[0] == 0xe0 && p[1] < 0xa0) ||	/* overlong */
	    (p[0] == 0xed && p[1] > 0x9f) ||	/* surrogates */
	    (p[0] == 0xf0 && p[1] < 0x90) ||	/* overlong */
	    (p[0] == 0xf4 && p[1] > 0x8f))	/* above U+10FFFF */
		return 0;
	return n;
}

/* True when data holds nothing but white space (and maybe a BOM). */
static int
parse_blank(const char *data, size_t len)
{
	size_t	 i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < len; i++)
		if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' &&
		    data[i] != '\r' && data[i] != '\f' && data[i] != '\v')
			return 0;
	return 1;
}

int
parse_check_bytes(const char *file, const char *data, size_t len,
    const struct limits *lim, struct diag_list *dl)
{
	const unsigned char	*p = (const unsigned char *)data;
	size_t			 i, n;
	unsigned		 line = 1, col = 0;

	if (len > lim->max_file_size) {
		diag_add(dl, diag_pos_line(file, 0), RULE_FILE_TOO_LARGE,
		    "file is %zu bytes, more than the limit of %zu", len,
		    lim->max_file_size);
		return -1;
	}
	if (data == NULL || parse_blank(data, len)) {
		diag_add(dl, diag_pos_line(file, 0), RULE_EMPTY_FILE,
		    "file is empty");
		return -1;
	}
	if (memchr(data, '\0', len) != NULL) {
		diag_add(dl, diag_pos_line(file, 0), RULE_BINARY,
		    "file contains NUL bytes: not a text file");
		return -1;
	}
	for (i = 0; i < len; i += n, col++) {
		if ((n = parse_utf8_len(p + i, len - i)) == 0) {
			diag_add(dl, diag_pos(file, line, col), RULE_ENCODING,
			    "invalid UTF-8 byte 0x%02x", p[i]);
			return -1;
		}
		/* What no XML document can carry: C0 controls but TAB, LF,
		 * CR, and the noncharacters U+FFFE and U+FFFF. */
		if ((n == 1 && p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r') || (n == 3 && p[i] == 0xef && p[i + 1] == 0xbf &&
		    p[i + 2] >= 0xbe)) {
			diag_add(dl, diag_pos(file, line, col), RULE_ENCODING,
			    "control character U+%04X is not text", n == 1 ?
			    p[i] : 0xfffe + (p[i + 2] - 0xbe));
			return -1;
		}
		if (p[i] == '\n') {
			line++;
			col = (unsigned)-1;
		}
	}
	return 0;
}

struct model *
parse_any(const char *file, const char *data, size_t len,
    const struct limits *lim, struct diag_list *dl)
{
	const char	*ext = fs_ext(file);

	if (strcasecmp(ext, ".md") == 0 || strcasecmp(ext, ".markdown") == 0)
		return parse_md(file, data, len, lim, dl);
	if (strcasecmp(ext, ".xml") == 0)
		return parse_xml(file, data, len, lim, dl);
	diag_add(dl, diag_pos_line(file, 0), RULE_UNKNOWN_FORMAT,
	    "cannot tell the format of '%s'", file);
	return NULL;
}
