/* SPDX-License-Identifier: MIT */
/*
 * import_value.c: the cells of a CRM export as handoff writes them:
 * dates as YYYY-MM-DD, amounts as plain digits.  A cell that cannot be
 * read without guessing (1.234,56; €240,000.00) is refused, never guessed.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"

char *
import_value_trim(const char *s)
{
	size_t	 len;
	char	*out;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	len = strlen(s);
	while (len > 0 && strchr(" \t\r\n", s[len - 1]) != NULL)
		len--;
	if ((out = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(out, s, len);
	out[len] = '\0';
	return out;
}

static int
value_ymd(int y, int m, int d, char out[11])
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 ||
	    y % 400 == 0)))
		return -1;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	return 0;
}

/* A time after the date: ' 14:02', ' 14:02:11', 'T14:02:11.000Z'. */
static int
value_time_ok(const char *s)
{
	if (*s == '\0')
		return 1;
	if (*s != ' ' && *s != 'T')
		return 0;
	s++;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    s[2] != ':')
		return 0;
	for (s += 3; *s != '\0'; s++)
		if (strchr("0123456789:.+-Z APMapm", *s) == NULL)
			return 0;
	return 1;
}

int
import_value_date(const char *s, char out[11])
{
	int	 a, b, c, n = 0;

	if (sscanf(s, "%4d-%2d-%2d%n", &a, &b, &c, &n) == 3 && n == 10)
		return value_time_ok(s + n) ? value_ymd(a, b, c, out) : -1;
	/* US report exports: M/D/YYYY */
	if (sscanf(s, "%2d/%2d/%4d%n", &a, &b, &c, &n) == 3 && c >= 1900)
		return value_time_ok(s + n) ? value_ymd(c, a, b, out) : -1;
	/* European report exports: D.M.YYYY */
	if (sscanf(s, "%2d.%2d.%4d%n", &a, &b, &c, &n) == 3 && c >= 1900)
		return value_time_ok(s + n) ? value_ymd(c, b, a, out) : -1;
	return -1;
}

char *
import_value_amount(const char *s, const char **why)
{
	const char	*p;
	size_t		 len, dot = 0, digits = 0;
	char		*out;

	for (p = s; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p == '.')
			dot++;
		else {
			*why = (*p == ',' || *p == ' ') ?
			    "has a thousands or decimal separator that "
			    "cannot be read without guessing" :
			    "has a currency sign or text in it";
			return NULL;
		}
	}
	if (digits == 0 || dot > 1 || *s == '.' ||
	    (dot == 1 && strlen(strchr(s, '.') + 1) > 2) || digits > 15) {
		*why = "is not an amount";
		return NULL;
	}
	if ((out = strdup(s)) == NULL) {
		*why = "out of memory";
		return NULL;
	}
	len = strlen(out);
	/* 84000.00 -> 84000, 84000.50 stays */
	if ((p = strchr(out, '.')) != NULL && strspn(p + 1, "0") ==
	    strlen(p + 1))
		out[p - out] = '\0';
	(void)len;
	return out;
}

int
import_value_true(const char *s)
{
	return strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0 ||
	    strcasecmp(s, "yes") == 0 || strcasecmp(s, "x") == 0;
}
