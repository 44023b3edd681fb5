/* SPDX-License-Identifier: MIT */
/*
 * render_words.c: the words and numbers every renderer shows the same way,
 * the PDF (render_pdf*.c) and the web pages (web/): the names of
 * severities, stances and influence levels, "economic-buyer" as
 * "Economic buyer", money with thousands separators, dates with their
 * weekday, the basis of a derived renewal date, and the small questions
 * asked of a stakeholder.  Plain text:
 * a renderer escapes what it appends for its own format.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "model.h"
#include "render_words.h"
#include "timeline.h"

const char *const rw_sev_name[4] = { "critical", "high", "medium", "low" };
const char *const rw_stance_name[5] = {
	"champion", "supporter", "neutral", "skeptic", "detractor"
};
const char *const rw_level_name[3] = { "high", "medium", "low" };

const char *
rw_txt(const xmlNode *n, const char *path)
{
	return model_text(model_find_from(n, path));
}

int
rw_index_of(const char *const *names, int n, const char *s)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* "economic-buyer" -> "Economic buyer" into out (64 bytes). */
const char *
rw_pretty(char out[64], const char *s)
{
	size_t	 i;

	if (strcmp(s, "legal-procurement") == 0)
		return "Legal / procurement";
	for (i = 0; s[i] != '\0' && i < 63; i++)
		out[i] = i == 0 && s[i] >= 'a' && s[i] <= 'z' ?
		    (char)(s[i] - 'a' + 'A') : s[i] == '-' ? ' ' : s[i];
	if (s[i] != '\0') {	/* cut: never leave half a UTF-8 sequence */
		while (i > 0 && ((unsigned char)out[i - 1] & 0xc0) == 0x80)
			i--;
		if (i > 0 && (unsigned char)out[i - 1] >= 0xc0)
			i--;
	}
	out[i] = '\0';
	return out;
}

/* "240000" EUR year -> "EUR 240,000 / year". */
void
rw_money(struct buf *b, const xmlNode *v)
{
	const char	*s = model_text(v), *dot, *cur, *per;
	size_t		 n, i;

	if (*s == '\0')
		return;
	cur = model_attr(v, "currency");
	per = model_attr(v, "per");
	dot = strchr(s, '.');
	n = dot != NULL ? (size_t)(dot - s) : strlen(s);
	if (cur != NULL)
		buf_printf(b, "%s ", cur);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, s[i]);
	}
	if (dot != NULL)
		buf_puts(b, dot);
	if (per != NULL && strcmp(per, "once") != 0)
		buf_printf(b, " / %s", per);
}

void
rw_day_label(char out[16], int day)
{
	static const char *const wd[7] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};
	char	 iso[11];

	date_format(day, iso);
	snprintf(out, 16, "%s %s", iso, wd[date_weekday(day)]);
}

int
rw_is_true(const char *v)
{
	return v != NULL && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* The same choice of base as read_resolve.c: the start date when there
 * is one, else the signature date. */
int
rw_renewal_basis(struct buf *b, const xmlNode *deal)
{
	const xmlNode	*r = model_child(deal, "renewal");

	if (r == NULL || !rw_is_true(model_attr(r, "derived")))
		return 0;
	buf_printf(b, "%s + %.60s", model_has_text(model_child(deal,
	    "start")) ? "start" : "signed", rw_txt(deal, "term"));
	return 1;
}

int
rw_is_primary(const xmlNode *st)
{
	return rw_is_true(model_attr(st, "primary"));
}

int
rw_has_role(const xmlNode *st, const char *role)
{
	xmlNodePtr	 ro;

	for (ro = model_child(st, "role"); ro != NULL; ro = model_next(ro, "role"))
		if (strcmp(model_text(ro), role) == 0)
			return 1;
	return 0;
}

int
rw_sev_rank(const char *s)
{
	int	 i = rw_index_of(rw_sev_name, 4, s);

	return i < 0 ? 4 : i;
}
