/* SPDX-License-Identifier: MIT */
/*
 * render_ics.c: timeline.ics (RFC 5545), one all-day event per step of
 * the deal's timeline after the signature: joint call, stakeholder
 * mapping, success metrics, intro, 30-day feedback, end of the AE
 * escalation window; then go-live, renewal and every open commitment
 * with a due date.  The date of a step is its 'to' business day after
 * the signature date (day 0), skipping weekends and the team's holidays.
 * Each event is true as of the build day: a step the process record says
 * is done is titled "Done: …", a past one "Overdue: …" (X-HANDOFF-STATUS
 * says DONE, OPEN, OVERDUE or PAST).  SEQUENCE counts how often the
 * event's date changed over the deal's committed versions (oldest first,
 * from the build: rc->history) and the work tree; LAST-MODIFIED is when
 * it last changed.  Both derive from git history alone, so every machine
 * building the same commit writes the same numbers, and a re-import
 * moves the entry instead of being ignored as stale.
 *
 * The file is the CSM's calendar.  The timeline steps and go-live are
 * CLASS:PUBLIC and hold only shareable things (the client name, step
 * titles, owners, what "done" means and the dates); renewal and the
 * commitments come from internal fields and are CLASS:PRIVATE.  UIDs are '<deal>-<step>@handoff', so a
 * re-import updates the events instead of adding copies.  Lines are
 * CRLF, folded at 75 octets without splitting a UTF-8 sequence (3.1);
 * TEXT values are escaped (3.3.11).  A deal without a signature date has
 * no timeline yet: nothing is rendered (out stays empty, no error).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "render.h"
#include "render_words.h"
#include "step_done.h"
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

/* ===== the events ======================================================= */

#define ICS_EVENTS_MAX	64	/* steps, go-live, renewal, commitments */

/* One calendar entry: its UID key, day and what it says. */
struct ics_ev {
	char		 key[48];	/* "call", "go-live", "commitment-1a2b3c4d" */
	int		 day;
	const struct timeline_step *step;	/* NULL: not a timeline step */
	int		 sidx;		/* enum step of step */
	int		 internal;	/* from internal fields: CLASS:PRIVATE */
	const xmlNode	*commitment;	/* an open commitment, or NULL */
	const char	*title;		/* "Go-live", … */
	int		 sequence;	/* times the day changed in history */
	long long	 modified;	/* when the day last changed, UTC s */
};

/* FNV-1a of s, for a commitment's key: stable while its text is. */
static unsigned long
ics_hash(const char *s)
{
	unsigned long	 h = 2166136261UL;

	for (; *s != '\0'; s++)
		h = ((h ^ (unsigned char)*s) * 16777619UL) & 0xffffffffUL;
	return h;
}

/* Add one event when there is room. */
static void
ics_ev_add(struct ics_ev *ev, size_t *n, const char *key, int day,
    const struct timeline_step *st, int sidx, const xmlNode *cm,
    const char *title)
{
	if (*n >= ICS_EVENTS_MAX || day < 0)
		return;
	memset(&ev[*n], 0, sizeof(ev[*n]));
	snprintf(ev[*n].key, sizeof(ev[*n].key), "%s", key);
	ev[*n].day = day;
	ev[*n].step = st;
	ev[*n].sidx = sidx;
	ev[*n].commitment = cm;
	ev[*n].title = title;
	ev[*n].internal = cm != NULL || strcmp(key, "renewal") == 0;
	(*n)++;
}

/*
 * Every event of the deal in m, as the config places it: the timeline
 * steps after the signature, go-live, renewal and each open commitment
 * with a due date.  The number of events (0 when m is not signed).
 */
static size_t
ics_collect(struct ics_ev *ev, const struct model *m, const struct config *c,
    const struct timeline *tl)
{
	const xmlNode	*k;
	char		 key[48];
	size_t		 n = 0;
	int		 signed_day, s, day;

	if (date_parse(model_get(m, "deal/signed"), &signed_day) == -1)
		return 0;
	/* The package step is internal (CS acknowledgement): not here. */
	for (s = STEP_PACKAGE + 1; s < STEP__MAX; s++)
		ics_ev_add(ev, &n, tl->step[s].key,
		    timeline_add_business_days(signed_day, tl->step[s].to,
		    c->holidays, c->nholidays), &tl->step[s], s, NULL, NULL);
	if (date_parse(model_get(m, "deal/go-live"), &day) == 0)
		ics_ev_add(ev, &n, "go-live", day, NULL, 0, NULL,
		    "Go-live");
	if (date_parse(model_get(m, "deal/renewal"), &day) == 0)
		ics_ev_add(ev, &n, "renewal", day, NULL, 0, NULL,
		    "Renewal");
	for (k = model_find(m, "context/commitments/commitment"); k != NULL;
	    k = model_next(k, "commitment")) {
		if (model_attr(k, "done") != NULL &&
		    strcmp(model_attr(k, "done"), "true") == 0)
			continue;
		if (date_parse(model_text(model_find_from(k, "due")),
		    &day) == -1)
			continue;
		snprintf(key, sizeof(key), "commitment-%08lx",
		    ics_hash(model_text(model_find_from(k, "text"))));
		ics_ev_add(ev, &n, key, day, NULL, 0, k, "Commitment");
	}
	return n;
}

/*
 * SEQUENCE and LAST-MODIFIED from history (oldest first): an event's
 * sequence is how many times its day changed from one version to the
 * next, the work tree (now) last; LAST-MODIFIED is when that last
 * happened (the commit's time, or now).  Deterministic: the same
 * history gives the same numbers on every machine.
 */
static void
ics_sequence(struct ics_ev *ev, size_t n, const struct render_ctx *rc,
    const struct config *c, const struct timeline *tl)
{
	struct ics_ev	*old;
	size_t		 i, j, k, no;
	int		*last;

	if ((old = calloc(ICS_EVENTS_MAX, sizeof(*old))) == NULL ||
	    (last = calloc(n ? n : 1, sizeof(*last))) == NULL) {
		free(old);
		return;
	}
	for (i = 0; i < n; i++) {
		last[i] = -1;
		ev[i].modified = rc->now;
	}
	for (k = 0; k <= rc->nhistory; k++) {
		if (k < rc->nhistory)
			no = ics_collect(old, rc->history[k], c, tl);
		else {
			no = n;		/* the version being built */
			memcpy(old, ev, n * sizeof(*ev));
		}
		for (i = 0; i < n; i++)
			for (j = 0; j < no; j++) {
				if (strcmp(ev[i].key, old[j].key) != 0)
					continue;
				if (last[i] >= 0 && last[i] != old[j].day)
					ev[i].sequence++;
				if (last[i] != old[j].day)
					ev[i].modified = k < rc->nhistory ?
					    rc->history_time[k] : rc->now;
				last[i] = old[j].day;
				break;
			}
	}
	free(old);
	free(last);
}

/* UTC 'YYYYMMDDTHHMMSSZ' for a time. */
static void
ics_utc(long long t, char out[32])
{
	long long	 day = t / 86400, sec = t % 86400;
	char		 d[11];

	if (sec < 0) {
		sec += 86400;
		day--;
	}
	date_format((int)day, d);
	snprintf(out, 32, "%.4s%.2s%.2sT%02d%02d%02dZ", d, d + 5, d + 8,
	    (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
}

/* What the event says: title, and status for a timeline step. */
static int
ics_describe(struct buf *sum, struct buf *desc, const struct render_ctx *rc,
    const struct ics_ev *e, int signed_day, const char **status)
{
	const struct timeline_step *st = e->step;
	const char	*client = model_get(rc->m, "deal/client");
	char		 sd[11], day[11];
	struct buf	 basis;
	int		 done, rc_basis;

	buf_init(&basis);
	*status = e->day < rc->today ? "PAST" : "OPEN";
	date_format(e->day, day);
	if (st == NULL && e->commitment == NULL &&
	    strcmp(e->key, "renewal") == 0 && rw_renewal_basis(&basis,
	    model_child(model_root(rc->m), "deal")) && basis.data != NULL) {
		/* worked out from the term, as the PDF cover says */
		rc_basis = buf_printf(sum, "%s: %s", e->title, client) |
		    buf_printf(desc, "%s of %s on %s (derived: %s)", e->title,
		    client, day, basis.data);
		buf_dispose(&basis);
		return rc_basis;
	}
	buf_dispose(&basis);
	if (st == NULL && e->commitment == NULL)
		return buf_printf(sum, "%s: %s", e->title, client) |
		    buf_printf(desc, "%s of %s on %s", e->title, client, day);
	if (st == NULL) {
		/* Promises made during the sale are what the client holds
		 * us to: the text and who owns it, never internal notes. */
		return buf_printf(sum, "Commitment due: %s (%s)",
		    model_text(model_find_from(e->commitment, "text")),
		    client) |
		    buf_printf(desc, "Promised to %s during the sale.\nOwner: "
		    "%s\nDue: %s", client, model_text(model_find_from(
		    e->commitment, "who")), day);
	}
	done = step_done(rc->m, e->sidx, e->day, rc->today);
	*status = done ? "DONE" : e->day < rc->today ? "OVERDUE" : "OPEN";
	date_format(signed_day, sd);
	if (buf_printf(sum, "%s%s: %s", done ? "Done: " : e->day < rc->today ?
	    "Overdue: " : "", st->title, client) == -1 ||
	    buf_puts(desc, "Owner: ") == -1 ||
	    ics_owner(desc, rc->m, st->owner) == -1 ||
	    buf_printf(desc, "\nDone when: %s\nDue: business day %d after the "
	    "signature on %s%s", st->done, st->to, sd, done ? "\nStatus: done"
	    : e->day < rc->today ? "\nStatus: overdue" : "") == -1)
		return -1;
	return 0;
}

/* The VEVENT of one event. */
static int
ics_event(struct buf *out, struct buf *tmp, const struct render_ctx *rc,
    const struct ics_ev *e, int signed_day, const char *stamp)
{
	struct buf	 v, sum, desc;
	const char	*status;
	char		 d0[9], d1[9], mod[32];
	int		 r = -1;

	buf_init(&v);
	buf_init(&sum);
	buf_init(&desc);
	ics_date(e->day, d0);
	ics_date(e->day + 1, d1);
	ics_utc(e->modified, mod);
	if (ics_describe(&sum, &desc, rc, e, signed_day, &status) != 0 ||
	    buf_puts(out, "BEGIN:VEVENT\r\n") == -1 ||
	    buf_printf(&v, "%s-%s@handoff", model_get(rc->m, "deal/id"),
	    e->key) == -1 || ics_prop_text(out, tmp, "UID", v.data) == -1 ||
	    ics_prop_raw(out, tmp, "DTSTAMP", stamp) == -1 ||
	    ics_prop_raw(out, tmp, "LAST-MODIFIED", mod) == -1 ||
	    buf_printf(out, "SEQUENCE:%d\r\n", e->sequence) == -1 ||
	    ics_prop_raw(out, tmp, "DTSTART;VALUE=DATE", d0) == -1 ||
	    ics_prop_raw(out, tmp, "DTEND;VALUE=DATE", d1) == -1 ||
	    ics_prop_text(out, tmp, "SUMMARY", sum.data) == -1 ||
	    ics_prop_text(out, tmp, "DESCRIPTION", desc.data) == -1 ||
	    /* RFC 5545 has no 'done' for a VEVENT: CONFIRMED, and the
	     * step's own state in X-HANDOFF-STATUS (DONE, OPEN, OVERDUE). */
	    buf_printf(out, "STATUS:CONFIRMED\r\nX-HANDOFF-STATUS:%s\r\n",
	    status) == -1 ||
	    /* Renewal and commitments are internal: PRIVATE, so a shared
	     * calendar shows them as busy only. */
	    buf_printf(out, "CLASS:%s\r\n", e->internal ? "PRIVATE" :
	    "PUBLIC") == -1 ||
	    buf_puts(out, "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n") == -1)
		goto out;
	r = 0;
out:
	buf_dispose(&v);
	buf_dispose(&sum);
	buf_dispose(&desc);
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
	struct ics_ev		*ev = NULL;
	char			 stamp[32];
	size_t			 i, nev;
	int			 signed_day, r = -1;

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
	ics_utc(rc->now, stamp);
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
	if ((ev = calloc(ICS_EVENTS_MAX, sizeof(*ev))) == NULL)
		goto out;
	nev = ics_collect(ev, rc->m, c ? c : &dflt, tl);
	ics_sequence(ev, nev, rc, c ? c : &dflt, tl);
	for (i = 0; i < nev; i++)
		if (ics_event(out, &tmp, rc, &ev[i], signed_day, stamp) == -1)
			goto out;
	if (buf_puts(out, "END:VCALENDAR\r\n") == -1)
		goto out;
	r = 0;
out:
	free(ev);
	buf_dispose(&tmp);
	buf_dispose(&name);
	config_dispose(&dflt);
	return r;
}
