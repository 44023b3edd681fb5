/* SPDX-License-Identifier: MIT */
/*
 * calls_heading.h: where the ATX headings of a deal's text are, for the
 * calls commands that rewrite the file in place (calls_notes.c,
 * calls_accept.c): lines, heading levels and titles, sections.  Code
 * fences are skipped: a '# Process' inside one is not a heading.
 */
#ifndef HANDOFF_CALLS_HEADING_H
#define HANDOFF_CALLS_HEADING_H

#include <stddef.h>

/* The end of the line at i of d (NUL-terminated): its '\n' or the end. */
size_t	calls_line_end(const char *d, size_t i);
/* 1 when the line at i opens or closes a code fence. */
int	calls_line_fence(const char *d, size_t i);
/* The level of an ATX heading at i ('## x' is 2), or 0. */
int	calls_heading_level(const char *d, size_t i);
/* The title of the heading of level lv at i, without blanks around. */
void	calls_heading_text(const char *d, size_t i, int lv, const char **t,
	    size_t *len);
/* The offset of the first heading of level lv titled title (any case)
 * in d[from..stop), not in a fence; stop when there is none. */
size_t	calls_heading_find(const char *d, size_t from, size_t stop, int lv,
	    const char *title);
/* The end of the section whose heading (level lv) starts at i: the
 * offset of the next heading of level <= lv, or the end of d. */
size_t	calls_section_next(const char *d, size_t i, int lv);

#endif
