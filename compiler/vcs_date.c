/* SPDX-License-Identifier: MIT */
/*
 * vcs_date.c: the dates git's environment variables are written in
 * (GIT_COMMITTER_DATE, GIT_AUTHOR_DATE): git's internal form
 * ('@1795500000 +0100'), ISO 8601 and RFC 2822, into seconds since the
 * epoch and minutes east of UTC; and the local zone's offset.  Pure
 * functions, no libgit2: vcs.c uses them to date a commit.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vcs.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant). */
static long long
vcs_days(long long y, int m, int d)
{
	long long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* A zone '+0100', '+01:00', '-05' or 'Z' at *sp; advances it. */
static int
vcs_parse_zone(const char **sp, int *offset)
{
	const char	*s = *sp;
	int		 sign, h, m = 0;

	if (*s == 'Z' || *s == 'z') {
		*offset = 0;
		*sp = s + 1;
		return 0;
	}
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	s += 2;
	if (*s == ':')
		s++;
	if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') {
		m = (s[0] - '0') * 10 + (s[1] - '0');
		s += 2;
	}
	if (h > 14 || m > 59)
		return -1;
	*offset = sign * (h * 60 + m);
	*sp = s;
	return 0;
}

/* '@1795500000 +0000' or '1795500000 +0100' (git's internal form). */
static int
vcs_parse_raw(const char *s, long long *t, int *offset)
{
	char	*end;

	if (*s == '@')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*t = strtoll(s, &end, 10);
	if (errno != 0)
		return -1;
	s = end;
	*offset = 0;
	while (*s == ' ')
		s++;
	if (*s != '\0' && vcs_parse_zone(&s, offset) == -1)
		return -1;
	return *s == '\0' ? 0 : -1;
}

/* The local time fields and zone after a calendar date; fills *t. */
static int
vcs_parse_clock(const char *s, long long day, long long *t, int *offset)
{
	int	 h, mi, sec = 0, n = 0;

	if (sscanf(s, "%2d:%2d%n", &h, &mi, &n) != 2 || n != 5)
		return -1;
	s += n;
	if (*s == ':') {
		if (sscanf(s, ":%2d%n", &sec, &n) != 1 || n != 3)
			return -1;
		s += n;
	}
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			continue;
	while (*s == ' ')
		s++;
	*offset = 0;
	if (*s != '\0' && vcs_parse_zone(&s, offset) == -1)
		return -1;
	if (*s != '\0' || h > 23 || mi > 59 || sec > 60)
		return -1;
	*t = day * 86400 + h * 3600 + mi * 60 + sec - *offset * 60LL;
	return 0;
}

int
vcs_parse_date(const char *s, long long *t, int *offset)
{
	static const char	 mon[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char		*p;
	char			 mname[4];
	int			 y, m, d, n = 0;

	while (*s == ' ')
		s++;
	if (vcs_parse_raw(s, t, offset) == 0)
		return 0;
	/* ISO 8601: 2026-11-20T10:00:00+0100 or with a space. */
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10) {
		if (m < 1 || m > 12 || d < 1 || d > 31)
			return -1;
		s += n;
		if (*s == '\0') {
			*offset = 0;
			*t = vcs_days(y, m, d) * 86400;
			return 0;
		}
		if (*s != 'T' && *s != ' ')
			return -1;
		return vcs_parse_clock(s + 1, vcs_days(y, m, d), t, offset);
	}
	/* RFC 2822: [Fri, ]20 Nov 2026 10:00:00 +0100 */
	if ((p = strchr(s, ',')) != NULL)
		s = p + 1;
	while (*s == ' ')
		s++;
	if (sscanf(s, "%2d %3s %4d %n", &d, mname, &y, &n) != 3 ||
	    (p = strstr(mon, mname)) == NULL || (p - mon) % 3 != 0 ||
	    strlen(mname) != 3 || d < 1 || d > 31)
		return -1;
	m = (int)(p - mon) / 3 + 1;
	return vcs_parse_clock(s + n, vcs_days(y, m, d), t, offset);
}

/* Minutes east of UTC of the local zone at t. */
int
vcs_local_offset(long long t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL)
		return 0;
	return (int)(tm.tm_gmtoff / 60);
}
