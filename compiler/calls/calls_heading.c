/* SPDX-License-Identifier: MIT */
/*
 * calls_heading.c: the ATX headings of a deal's text, line by line, code
 * fences skipped (see calls_heading.h).
 */
#include <string.h>
#include <strings.h>

#include "calls/calls_heading.h"

size_t
calls_line_end(const char *d, size_t i)
{
	const char	*nl = strchr(d + i, '\n');

	return nl != NULL ? (size_t)(nl - d) : i + strlen(d + i);
}

int
calls_line_fence(const char *d, size_t i)
{
	return strncmp(d + i, "```", 3) == 0 || strncmp(d + i, "~~~", 3) == 0;
}

int
calls_heading_level(const char *d, size_t i)
{
	int	 n;

	for (n = 0; n < 3 && d[i] == ' '; n++)
		i++;
	for (n = 0; d[i + (size_t)n] == '#'; n++)
		;
	return n >= 1 && n <= 6 && (d[i + (size_t)n] == ' ' ||
	    d[i + (size_t)n] == '\t' || d[i + (size_t)n] == '\n' ||
	    d[i + (size_t)n] == '\r' || d[i + (size_t)n] == '\0') ? n : 0;
}

void
calls_heading_text(const char *d, size_t i, int lv, const char **t,
    size_t *len)
{
	size_t	 e = calls_line_end(d, i);

	while (d[i] == ' ')
		i++;
	i += (size_t)lv;
	while (i < e && (d[i] == ' ' || d[i] == '\t'))
		i++;
	while (e > i && (d[e - 1] == ' ' || d[e - 1] == '\t' ||
	    d[e - 1] == '\r'))
		e--;
	*t = d + i;
	*len = e - i;
}

size_t
calls_heading_find(const char *d, size_t from, size_t stop, int lv,
    const char *title)
{
	size_t		 i, e, len, tl = strlen(title);
	const char	*t;
	int		 fence = 0;

	for (i = from; i < stop && d[i] != '\0'; i = e + (d[e] == '\n')) {
		e = calls_line_end(d, i);
		if (calls_line_fence(d, i))
			fence = !fence;
		if (fence || calls_heading_level(d, i) != lv)
			continue;
		calls_heading_text(d, i, lv, &t, &len);
		if (len == tl && strncasecmp(t, title, tl) == 0)
			return i;
	}
	return stop;
}

size_t
calls_section_next(const char *d, size_t i, int lv)
{
	size_t	 e;
	int	 l, fence = 0;

	e = calls_line_end(d, i);
	for (i = e + (d[e] == '\n'); d[i] != '\0'; i = e + (d[e] == '\n')) {
		e = calls_line_end(d, i);
		if (calls_line_fence(d, i))
			fence = !fence;
		if (!fence && (l = calls_heading_level(d, i)) > 0 && l <= lv)
			return i;
	}
	return i;
}
