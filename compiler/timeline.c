/* SPDX-License-Identifier: MIT */
/*
 * timeline.c: calendar dates as day numbers, business days, and the
 * spec's default handoff timeline.  Day numbers use Howard Hinnant's
 * days_from_civil algorithm (proleptic Gregorian, day 0 = 1970-01-01).
 */
#include <ctype.h>
#include <string.h>

#include "timeline.h"

/* True when y-m-d is a real date in years 1..9999. */
static int
ymd_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 leap;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* Hinnant's days_from_civil; y-m-d must be valid. */
static int
days_from_civil(int y, int m, int d)
{
	int	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/*
 * Note: -1 is also the day number of 1969-12-31, so this cannot tell that
 * date from an error; date_parse() can (it checks validity first).
 */
int
date_from_ymd(int y, int m, int d)
{
	if (!ymd_valid(y, m, d))
		return -1;
	return days_from_civil(y, m, d);
}

void
date_to_ymd(int day, int *y, int *m, int *d)
{
	int	 z, era, doe, yoe, doy, mp;

	z = day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
date_parse(const char *s, int *out)
{
	int	 i, y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!ymd_valid(y, m, d))
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

void
date_format(int day, char out[11])
{
	int	 y, m, d;

	date_to_ymd(day, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int
date_weekday(int day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int	 w = (day + 3) % 7;

	return w < 0 ? w + 7 : w;
}

static const char *const segment_names[SEGMENT__MAX] = {
	"smb", "mid-market", "enterprise"
};

int
segment_from_name(const char *name)
{
	int	 i;

	for (i = 0; name != NULL && i < SEGMENT__MAX; i++)
		if (strcmp(name, segment_names[i]) == 0)
			return i;
	return -1;
}

const char *
segment_name(enum segment s)
{
	return s < SEGMENT__MAX ? segment_names[s] : "mid-market";
}

/* The spec's timeline table; business days after the signature (day 0). */
void
timeline_default(struct timeline *t, enum segment s)
{
	static const struct timeline_step steps[STEP__MAX] = {
		[STEP_PACKAGE] = { "package", "Handoff package complete", "AE",
		    "all required fields filled; CS acknowledges", 0, 2 },
		[STEP_CALL] = { "call", "Joint handoff call", "AE + CSM",
		    "recorded, notes shared", 1, 2 },
		[STEP_MAPPING] = { "mapping", "Stakeholder mapping", "CSM",
		    "all key contacts identified", 1, 3 },
		[STEP_METRICS] = { "metrics", "Success metrics review", "CSM",
		    "draft success plan reviewed with the client", 3, 5 },
		[STEP_INTRO] = { "intro", "Warm client intro", "AE + CSM",
		    "client responds", 1, 5 },
		[STEP_FEEDBACK] = { "feedback", "30-day feedback", "CSM",
		    "handoff survey, target score 8/10 or better", 30, 30 },
		[STEP_ESCALATION] = { "escalation",
		    "End of AE escalation window",
		    "AE", "AE stays reachable until this day", 1, 30 },
	};

	memcpy(t->step, steps, sizeof(steps));
	if (s == SEGMENT_ENTERPRISE)
		t->step[STEP_ESCALATION].to = 60;
}

static int
is_holiday(int day, const int *holidays, size_t n)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t	 mid = lo + (hi - lo) / 2;

		if (holidays[mid] == day)
			return 1;
		if (holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int
timeline_is_business_day(int day, const int *holidays, size_t n)
{
	return date_weekday(day) < 5 && !is_holiday(day, holidays, n);
}

int
timeline_add_business_days(int day, int n, const int *holidays,
    size_t nholidays)
{
	int	 guard = 0;

	while (!timeline_is_business_day(day, holidays, nholidays) &&
	    guard++ < 3660)
		day++;
	while (n > 0 && guard++ < 100000) {
		day++;
		if (timeline_is_business_day(day, holidays, nholidays))
			n--;
	}
	return day;
}

int
timeline_business_days_between(int a, int b, const int *holidays,
    size_t nholidays)
{
	int	 n = 0;

	while (a < b) {
		a++;
		if (timeline_is_business_day(a, holidays, nholidays))
			n++;
	}
	return n;
}
