/* SPDX-License-Identifier: MIT */
/*
 * import_csv.c: CSV exports, streamed through libcsv in strict mode.
 * The file is fed one physical line at a time so every row knows the line
 * it starts on (a quoted newline continues a row).  A UTF-8 BOM and CRLF
 * line ends are accepted, ';' separators (European Excel) are recognised
 * from the header row, and a byte that is not UTF-8 stops the read with
 * its line unless the caller asked for Latin-1.  Memory is one row.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>

#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "import.h"

#define CSV_MAX_FIELDS	512
#define CSV_MAX_FIELD	(64 * 1024)
#define CSV_CHUNK	(64 * 1024)

struct csvr {
	const char		*file;
	struct diag_list	*dl;
	imp_row_fn		 fn;
	void			*arg;
	struct imp_row		 row;
	size_t			 cap;
	unsigned		 line;		/* being fed */
	unsigned		 start;		/* of the current row */
	int			 stop;		/* an error was reported */
};

/* The first byte offset in s that is not valid UTF-8, or -1. */
static long
csv_bad_utf8(const unsigned char *s, size_t len)
{
	size_t	 i = 0, k, n;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			n = 1;
		else if (s[i] >= 0xe0 && s[i] <= 0xef)
			n = 2;
		else if (s[i] >= 0xf0 && s[i] <= 0xf4)
			n = 3;
		else
			return (long)i;
		for (k = 1; k <= n; k++)
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80)
				return (long)i;
		i += n + 1;
	}
	return -1;
}

static void
csv_field(void *data, size_t len, void *arg)
{
	struct csvr	*r = arg;
	char		**f;
	long		 bad;

	if (r->stop)
		return;
	if (r->row.n == CSV_MAX_FIELDS || len > CSV_MAX_FIELD) {
		diag_add_hint(r->dl, diag_pos_line(r->file, r->start),
		    RULE_TABLE_TOO_LARGE, "is this the CRM export?",
		    "row has more than %d columns or a cell longer than "
		    "%d bytes", CSV_MAX_FIELDS, CSV_MAX_FIELD);
		r->stop = 1;
		return;
	}
	if ((bad = csv_bad_utf8(data, len)) != -1) {
		diag_add_hint(r->dl, diag_pos_line(r->file, r->start),
		    RULE_ENCODING, "re-export the file as UTF-8, or run "
		    "'handoff import --encoding latin1 ...'",
		    "column %zu has byte 0x%02X, which is not UTF-8: the file "
		    "looks like Latin-1 (Windows-1252)", r->row.n + 1,
		    ((unsigned char *)data)[bad]);
		r->stop = 1;
		return;
	}
	if (r->row.n == r->cap) {
		f = realloc(r->row.f, (r->cap ? r->cap * 2 : 16) * sizeof(*f));
		if (f == NULL) {
			r->stop = 1;
			return;
		}
		r->row.f = f;
		r->cap = r->cap ? r->cap * 2 : 16;
	}
	if ((r->row.f[r->row.n] = malloc(len + 1)) == NULL) {
		r->stop = 1;
		return;
	}
	memcpy(r->row.f[r->row.n], data, len);
	r->row.f[r->row.n][len] = '\0';
	r->row.n++;
}

static void
csv_row_clear(struct csvr *r)
{
	size_t	 i;

	for (i = 0; i < r->row.n; i++)
		free(r->row.f[i]);
	r->row.n = 0;
}

static void
csv_row(int c, void *arg)
{
	struct csvr	*r = arg;

	(void)c;
	if (!r->stop) {
		r->row.line = r->start;
		if (r->fn(r->arg, &r->row) == -1)
			r->stop = 1;
	}
	csv_row_clear(r);
}

/* ';' when the header line has more semicolons than commas outside
 * quotes (European Excel), else ','. */
static unsigned char
csv_delim(const char *line, size_t len)
{
	size_t	 i, comma = 0, semi = 0;
	int	 q = 0;

	for (i = 0; i < len && line[i] != '\n'; i++)
		if (line[i] == '"')
			q = !q;
		else if (!q && line[i] == ',')
			comma++;
		else if (!q && line[i] == ';')
			semi++;
	return semi > comma ? ';' : ',';
}

/* Latin-1 bytes as UTF-8, into b. */
static int
csv_latin1(struct buf *b, const char *s, size_t len)
{
	size_t	 i;
	int	 rc = 0;

	buf_clear(b);
	for (i = 0; i < len && rc == 0; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80)
			rc = buf_putc(b, c);
		else
			rc = buf_putc(b, 0xc0 | (c >> 6)) |
			    buf_putc(b, 0x80 | (c & 0x3f));
	}
	return rc;
}

/* Feed one physical line (with its '\n') to libcsv. */
static int
csv_feed(struct csvr *r, struct csv_parser *p, struct buf *conv,
    int latin1, const char *s, size_t len)
{
	if (p->pstate == 0)	/* ROW_NOT_BEGUN: a row starts here */
		r->start = r->line;
	if (latin1) {
		if (csv_latin1(conv, s, len) == -1)
			return -1;
		s = conv->data;
		len = conv->len;
	}
	if (csv_parse(p, s, len, csv_field, csv_row, r) != len) {
		diag_add_hint(r->dl, diag_pos_line(r->file, r->line),
		    RULE_TABLE_COLUMNS, "a quote inside a cell is written "
		    "twice (\"\"); re-export the file from the CRM",
		    "CSV syntax: %s", csv_strerror(csv_error(p)));
		return -1;
	}
	return r->stop ? -1 : 0;
}

/* Read the stream line by line into the parser. */
static int
csv_stream(struct csvr *r, FILE *fp, int latin1)
{
	struct csv_parser	 p;
	struct buf		 line, conv;
	char			 chunk[CSV_CHUNK];
	size_t			 n, i, from;
	int			 rc = -1, first = 1;

	buf_init(&line);
	buf_init(&conv);
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
		return -1;
	r->line = 1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		for (from = 0, i = 0; i < n; i++) {
			if (chunk[i] != '\n')
				continue;
			if (buf_put(&line, chunk + from, i + 1 - from) == -1)
				goto out;
			from = i + 1;
			if (first) {
				if (line.len >= 3 && memcmp(line.data,
				    "\xef\xbb\xbf", 3) == 0) {
					memmove(line.data, line.data + 3,
					    line.len - 3);
					line.len -= 3;
				}
				csv_set_delim(&p, csv_delim(line.data,
				    line.len));
				first = 0;
			}
			if (csv_feed(r, &p, &conv, latin1, line.data,
			    line.len) == -1)
				goto out;
			buf_clear(&line);
			r->line++;
		}
		if (buf_put(&line, chunk + from, n - from) == -1)
			goto out;
		if (line.len > CSV_MAX_FIELD * 4) {
			diag_add(r->dl, diag_pos_line(r->file, r->line),
			    RULE_TABLE_TOO_LARGE, "line longer than %d bytes",
			    CSV_MAX_FIELD * 4);
			goto out;
		}
	}
	if (ferror(fp)) {
		diag_add(r->dl, diag_pos_line(r->file, r->line), RULE_IO,
		    "cannot read: %s", strerror(errno));
		goto out;
	}
	if (first && line.len >= 3 && memcmp(line.data, "\xef\xbb\xbf", 3)
	    == 0) {
		memmove(line.data, line.data + 3, line.len - 3);
		line.len -= 3;
	}
	if (first)
		csv_set_delim(&p, csv_delim(line.data ? line.data : "",
		    line.len));
	if (line.len > 0 && csv_feed(r, &p, &conv, latin1, line.data,
	    line.len) == -1)
		goto out;
	if (csv_fini(&p, csv_field, csv_row, r) != 0) {
		diag_add_hint(r->dl, diag_pos_line(r->file, r->start),
		    RULE_TABLE_COLUMNS, "a quoted cell is never closed; "
		    "re-export the file from the CRM",
		    "CSV syntax: %s", csv_strerror(csv_error(&p)));
		goto out;
	}
	rc = r->stop ? -1 : 0;
out:
	csv_free(&p);
	buf_dispose(&line);
	buf_dispose(&conv);
	return rc;
}

int
import_csv_read(const char *file, int latin1, size_t max, imp_row_fn fn,
    void *arg, struct diag_list *dl)
{
	struct csvr	 r;
	struct stat	 st;
	FILE		*fp;
	int		 rc;

	if ((fp = fopen(file, "rb")) == NULL) {
		diag_add(dl, diag_pos_line(file, 0), RULE_IO, "cannot read: %s",
		    strerror(errno));
		return -1;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > max) {
		diag_add_hint(dl, diag_pos_line(file, 0), RULE_FILE_TOO_LARGE,
		    "export fewer records at a time, or raise "
		    "'import: max_file_mb' in handoff.yml",
		    "%lld MB is more than the import limit of %zu MB",
		    (long long)(st.st_size >> 20), max >> 20);
		fclose(fp);
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.file = file;
	r.dl = dl;
	r.fn = fn;
	r.arg = arg;
	rc = csv_stream(&r, fp, latin1);
	csv_row_clear(&r);
	free(r.row.f);
	fclose(fp);
	return rc;
}
