/* SPDX-License-Identifier: MIT */
/*
 * holidays.c: reads the built-in schemas/holidays.txt (COUNTRY<TAB>DATE<TAB>
 * NAME lines, '#' comments) and writes a country's holidays in a date
 * range as the YAML list of handoff.yml's 'holidays:'.
 */
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "fsutil.h"
#include "holidays.h"
#include "timeline.h"

int
holidays_yaml(struct buf *b, const char *cc, int from, int to)
{
	const struct embedded	*e = fs_embedded("schemas/holidays.txt");
	const char		*p, *nl, *t1, *t2;
	char			 date[11];
	size_t			 cclen = strlen(cc);
	int			 n = 0, known = 0, day;

	if (e == NULL || cclen == 0)
		return -1;
	for (p = (const char *)e->data; *p != '\0'; p = *nl ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		if (*p == '#' || (t1 = memchr(p, '\t', nl - p)) == NULL ||
		    (size_t)(t1 - p) != cclen || strncasecmp(p, cc, cclen) != 0)
			continue;
		known = 1;
		if ((t2 = memchr(t1 + 1, '\t', nl - t1 - 1)) == NULL ||
		    t2 - t1 - 1 != 10)
			continue;
		memcpy(date, t1 + 1, 10);
		date[10] = '\0';
		if (date_parse(date, &day) == -1 || day < from || day > to)
			continue;
		buf_printf(b, "  - %s  # %.*s\n", date, (int)(nl - t2 - 1),
		    t2 + 1);
		n++;
	}
	return known ? n : -1;
}
