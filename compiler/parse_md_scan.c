/* SPDX-License-Identifier: MIT */
/*
 * parse_md_scan.c: the pre-scan of a Markdown body, before cmark-gfm
 * sees it.  Debian's cmark-gfm predates the CVE-2023 fixes: a table
 * bomb (a few kilobytes of pipes) would take gigabytes, and deep nesting
 * deep recursion.  One pass over the lines counts cells per row, rows
 * per table, cells in all and the nesting a line opens, against the
 * configured limits; the first one exceeded is reported and the file is
 * refused.
 */
#include <string.h>

#include "config.h"
#include "diag.h"
#include "model.h"
#include "parse_md_int.h"

/* Cells in a table-looking line: unescaped pipes, edges discounted. */
static unsigned
scan_cells(const char *s, size_t len)
{
	size_t		 i, a = 0, b = len;
	unsigned	 pipes = 0;

	while (a < len && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
	    s[b - 1] == '\r'))
		b--;
	for (i = a; i < b; i++)
		if (s[i] == '|' && (i == 0 || s[i - 1] != '\\'))
			pipes++;
	if (pipes == 0)
		return 0;
	if (s[a] == '|')
		pipes--;
	if (b > a + 1 && s[b - 1] == '|')
		pipes--;
	return pipes + 1;
}

/* Nesting a line opens: indentation, '>' quotes and list markers. */
static unsigned
scan_depth(const char *s, size_t len)
{
	size_t		 i = 0, j;
	unsigned	 indent = 0, marks = 0;

	for (; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
		indent += s[i] == '\t' ? 4 : 1;
	while (i < len) {
		if (s[i] == '>')
			i++;
		else if ((s[i] == '-' || s[i] == '*' || s[i] == '+') &&
		    (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t'))
			i++;
		else {
			for (j = i; j < len && j - i < 10 && s[j] >= '0' &&
			    s[j] <= '9'; j++)
				;
			if (j == i || j == len || (s[j] != '.' && s[j] != ')'))
				break;
			i = j + 1;
		}
		marks++;
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
	}
	return marks == 0 ? 0 : indent / 2 + marks;
}

static int
scan_delim_row(const char *s, size_t len)
{
	size_t	 i;
	int	 dash = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (strchr("|: \t\r", s[i]) == NULL)
			return 0;
	}
	return dash && memchr(s, '|', len) != NULL;
}

/* Only blanks in s[0..l)?  (Bounded: the text need not end in a NUL.) */
static int
scan_blank(const char *s, size_t l)
{
	size_t	 i;

	for (i = 0; i < l; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int
mdp_prescan(struct mdp *p, const char *s, size_t len)
{
	const struct limits *lim = p->lim;
	const char	*e = s + len, *next, *nl;
	unsigned	 line = p->line0, cells, run = 0, tstart = 0, hcols = 0;
	size_t		 l, total = 0, budget;

	budget = (size_t)lim->max_table_rows * lim->max_table_cols;
	for (; s < e; s = next) {
		nl = memchr(s, '\n', (size_t)(e - s));
		l = nl ? (size_t)(nl - s) : (size_t)(e - s);
		next = nl ? nl + 1 : e;
		line++;
		if ((cells = scan_cells(s, l)) > lim->max_table_cols) {
			diag_add(p->dl, diag_pos_line(p->m->file, line),
			    RULE_TABLE_TOO_LARGE, "table row has %u cells, "
			    "more than the limit of %u", cells,
			    lim->max_table_cols);
			return -1;
		}
		if (scan_depth(s, l) > lim->max_depth) {
			diag_add(p->dl, diag_pos_line(p->m->file, line),
			    RULE_NESTING, "lists or quotes nest deeper than "
			    "%u levels", lim->max_depth);
			return -1;
		}
		if (scan_blank(s, l))
			run = 0;
		else if (run > 0) {
			total += hcols;
			if (++run > lim->max_table_rows + 2 || total > budget) {
				if (run > lim->max_table_rows + 2)
					diag_add(p->dl, diag_pos_line(p->m->file,
					    tstart), RULE_TABLE_TOO_LARGE,
					    "table has more than %u rows",
					    lim->max_table_rows);
				else
					diag_add(p->dl, diag_pos_line(p->m->file,
					    tstart), RULE_TABLE_TOO_LARGE,
					    "tables hold more than %zu cells in "
					    "all", budget);
				return -1;
			}
		} else if (cells > 0 && next < e) {
			nl = memchr(next, '\n', (size_t)(e - next));
			if (scan_delim_row(next, nl ? (size_t)(nl - next) :
			    (size_t)(e - next))) {
				run = 1;
				tstart = line;
				hcols = cells;
				total += hcols;
			}
		}
	}
	return 0;
}

