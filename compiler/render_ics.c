/* SPDX-License-Identifier: MIT */
/*
 * render_ics.c: timeline.ics (RFC 5545), one all-day event per step of
 * the deal's timeline after the signature: joint call, stakeholder
 * mapping, success metrics, intro, 30-day feedback, end of the AE
 * escalation window.  The date of a step is its 'to' business day after
 * the signature date (day 0), skipping weekends and the team's holidays.
 *
 * The file may be forwarded to the client, so it holds only shareable
 * things: the client name, step titles, owners (AE and CSM names), what
 * "done" means and the dates.  UIDs are '<deal>-<step>@handoff', so a
 * re-import updates the events instead of adding copies.  Lines are
 * CRLF, folded at 75 octets without splitting a UTF-8 sequence (3.1);
 * TEXT values are escaped (3.3.11).  A deal without a signature date has
 * no timeline yet: nothing is rendered (out stays empty, no error).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "render.h"
#include "timeline.h"

#define ICS_LINE_MAX	75	/* octets per line, CRLF not counted */

/* Append value escaped as an RFC 5545 TEXT (controls other than LF are
 * dropped: a TEXT may not hold them). */
static int
ics_text(struct buf *b, const char *s)
{
	int	 rc = 0;

	for (; *s != '\0' && rc == 0; s++) {
		switch (*s) {
		case '\\':
		case ';':
		case ',':
			rc = buf_putc(b, '\\') | buf_putc(b, *s);
			break;
		case '\n':
			rc = buf_puts(b, "\\n");
			break;
		default:
			if ((unsigned char)*s < 0x20 || *s == 0x7f)
				break;
			rc = buf_putc(b, *s);
			break;
		}
	}
	return rc ? -1 : 0;
}

/*
 * Append the content line in line (unfolded) to out, folded: at most 75
 * octets a line, continuation lines start with a space, and a cut never
 * falls inside a UTF-8 sequence.
 */
static int
ics_fold(struct buf *out, const struct buf *line)
{
	const char	*p = line->data;
	size_t		 n = line->len, room = ICS_LINE_MAX, k;

	while (n > room) {
		k = room;
		while (k > 0 && ((unsigned char)p[k] & 0xc0) == 0x80)
			k--;
		if (buf_put(out, p, k) == -1 || buf_puts(out, "\r\n ") == -1)
			return -1;
		p += k;
		n -= k;
		room = ICS_LINE_MAX - 1;
	}
	if (buf_put(out, p, n) == -1 || buf_puts(out, "\r\n") == -1)
		return -1;
	return 0;
}

/* One property: name (with its parameters) and an escaped TEXT value. */
static int
ics_prop_text(struct buf *out, struct buf *tmp, const char *name,
    const char *value)
{
	buf_clear(tmp);
	if (buf_puts(tmp, name) == -1 || buf_putc(tmp, ':') == -1 ||
	    ics_text(tmp, value) == -1)
		return -1;
	return ics_fold(out, tmp);
}

/* One property whose value is already in RFC 5545 syntax. */
static int
ics_prop_raw(struct buf *out, struct buf *tmp, const char *name,
    const char *value)
{
	buf_clear(tmp);
	if (buf_puts(tmp, name) == -1 || buf_putc(tmp, ':') == -1 ||
	    buf_puts(tmp, value) == -1)
		return -1;
	return ics_fold(out, tmp);
}

/* YYYYMMDD for a day number. */
static void
ics_date(int day, char out[9])
{
	char	 d[11];

	date_format(day, d);
	memcpy(out, d, 4);
	memcpy(out + 4, d + 5, 2);
	memcpy(out + 6, d + 8, 2);
	out[8] = '\0';
}

/*
 * "Zoë Müller (AE) and Sam Okafor (CSM)" from a step owner "AE + CSM":
 * each role named after the person the deal gives it.
 */
static int
ics_owner(struct buf *b, const struct model *m, const char *owner)
{
	static const char *const roles[] = { "AE", "CSM" };
	const char	*name;
	char		 path[16];
	size_t		 i;
	int		 first = 1;

	for (i = 0; i < 2; i++) {
		if (strstr(owner, roles[i]) == NULL)
			continue;
		snprintf(path, sizeof(path), "deal/%s/name", i ? "csm" : "ae");
		name = model_get(m, path);
		if (!first && buf_puts(b, " and ") == -1)
			return -1;
		first = 0;
		if ((name[0] != '\0' ? buf_printf(b, "%s (%s)", name,
		    roles[i]) : buf_puts(b, roles[i])) == -1)
			return -1;
	}
	return first ? buf_puts(b, owner) : 0;
}

/* The VEVENT of one step. */
static int
ics_event(struct buf *out, struct buf *tmp, const struct render_ctx *rc,
    const struct timeline_step *st, int signed_day, const char *stamp)
{
	const int	*hol = rc->c ? rc->c->holidays : NULL;
	size_t		 nhol = rc->c ? rc->c->nholidays : 0;
	struct buf	 v;
	char		 d0[9], d1[9], sd[11];
	int		 day, r = -1;

	buf_init(&v);
	day = timeline_add_business_days(signed_day, st->to, hol, nhol);
	ics_date(day, d0);
	ics_date(day + 1, d1);
	date_format(signed_day, sd);
	if (buf_puts(out, "BEGIN:VEVENT\r\n") == -1 ||
	    buf_printf(&v, "%s-%s@handoff", model_get(rc->m, "deal/id"),
	    st->key) == -1 || ics_prop_text(out, tmp, "UID", v.data) == -1 ||
	    ics_prop_raw(out, tmp, "DTSTAMP", stamp) == -1 ||
	    ics_prop_raw(out, tmp, "DTSTART;VALUE=DATE", d0) == -1 ||
	    ics_prop_raw(out, tmp, "DTEND;VALUE=DATE", d1) == -1)
		goto out;
	buf_clear(&v);
	if (buf_printf(&v, "%s: %s", st->title,
	    model_get(rc->m, "deal/client")) == -1 ||
	    ics_prop_text(out, tmp, "SUMMARY", v.data) == -1)
		goto out;
	buf_clear(&v);
	if (buf_puts(&v, "Owner: ") == -1 ||
	    ics_owner(&v, rc->m, st->owner) == -1 ||
	    buf_printf(&v, "\nDone when: %s\nDue: business day %d after the "
	    "signature on %s", st->done, st->to, sd) == -1 ||
	    ics_prop_text(out, tmp, "DESCRIPTION", v.data) == -1 ||
	    buf_puts(out, "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n") == -1)
		goto out;
	r = 0;
out:
	buf_dispose(&v);
	return r;
}

int
render_ics(struct buf *out, const struct render_ctx *rc, struct diag_list *dl)
{
	struct config		 dflt;
	const struct config	*c = rc->c;
	const struct timeline	*tl;
	struct buf		 tmp, name;
	const char		*id = model_get(rc->m, "deal/id");
	char			 stamp[32], d[11];
	long long		 day, sec;
	int			 signed_day, s, r = -1;

	if (date_parse(model_get(rc->m, "deal/signed"), &signed_day) == -1)
		return 0;	/* not signed yet: no timeline */
	if (!fs_deal_id_ok(id)) {
		diag_add(dl, model_pos(rc->m, model_find(rc->m, "deal/id")),
		    RULE_DEAL_ID, "deal id '%s' cannot name calendar events",
		    id);
		return -1;
	}
	config_init(&dflt);
	tl = config_timeline(c ? c : &dflt, model_get(rc->m, "deal/segment"));
	/* DTSTAMP: when this file was made, in UTC (3.8.7.2). */
	day = rc->now / 86400;
	sec = rc->now % 86400;
	if (sec < 0) {
		sec += 86400;
		day--;
	}
	date_format((int)day, d);
	snprintf(stamp, sizeof(stamp), "%.4s%.2s%.2sT%02d%02d%02dZ", d, d + 5,
	    d + 8, (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
	buf_init(&tmp);
	buf_init(&name);
	if (buf_puts(out, "BEGIN:VCALENDAR\r\n"
	    "PRODID:-//handoff//handoff " HANDOFF_VERSION "//EN\r\n"
	    "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n") == -1 ||
	    buf_printf(&name, "Handoff timeline: %s",
	    model_get(rc->m, "deal/client")) == -1 ||
	    ics_prop_text(out, &tmp, "X-WR-CALNAME", name.data) == -1 ||
	    ics_prop_text(out, &tmp, "X-HANDOFF-VERSION", rc->version ?
	    rc->version : "not in git") == -1)
		goto out;
	/* The package step is internal (CS acknowledgement): not here. */
	for (s = STEP_PACKAGE + 1; s < STEP__MAX; s++)
		if (ics_event(out, &tmp, rc, &tl->step[s], signed_day,
		    stamp) == -1)
			goto out;
	if (buf_puts(out, "END:VCALENDAR\r\n") == -1)
		goto out;
	r = 0;
out:
	buf_dispose(&tmp);
	buf_dispose(&name);
	config_dispose(&dflt);
	return r;
}
