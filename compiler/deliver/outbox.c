/* SPDX-License-Identifier: MIT */
/*
 * outbox.c: from events to messages (see outbox.h).
 *
 *   signed          notice to the CSM (package PDF attached); chat
 *   due-tomorrow    reminder to the AE
 *   overdue         overdue note to the AE; chat
 *   rejected        rejection to the AE; chat
 *   accepted        chat
 *   feedback-due    30-day survey to the CSM
 *   commitment-due  chat
 *   intro-approved  the client intro, only with --intro; chat
 *
 * Events older than OUTBOX_MAX_AGE days are not sent, so that starting
 * 'handoff send' on a repository with a year of history does not mail
 * every old signature.  The intro-due event sends nothing: the intro
 * needs a person's approval ('## Intro sent', 'handoff approve intro').
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chat.h"
#include "diag.h"
#include "events.h"
#include "history.h"
#include "ledger.h"
#include "model.h"
#include "outbox.h"
#include "render.h"
#include "session.h"
#include "timeline.h"
#include "validate.h"
#include "vcs.h"

/* The e-mail an event calls for: template kind and recipient. */
struct mail_rule {
	enum event_kind	 kind;
	const char	*what;		/* template kind / name */
	const char	*to;		/* "deal/ae", "deal/csm", NULL: intro */
	int		 chat;		/* also a chat note */
};

static const struct mail_rule rules[] = {
	{ EV_SIGNED,		"notice",	"deal/csm",	1 },
	{ EV_DUE_TOMORROW,	"reminder",	"deal/ae",	0 },
	{ EV_OVERDUE,		"overdue",	"deal/ae",	1 },
	{ EV_REJECTED,		"rejection",	"deal/ae",	1 },
	{ EV_ACCEPTED,		NULL,		NULL,		1 },
	{ EV_FEEDBACK_DUE,	"survey",	"deal/csm",	0 },
	{ EV_COMMITMENT_DUE,	NULL,		NULL,		1 },
	{ EV_INTRO_APPROVED,	"intro",	NULL,		1 },
};

void
outbox_dispose(struct outbox *ob)
{
	size_t	 i, k;

	for (i = 0; i < ob->n; i++) {
		free(ob->v[i].key);
		free(ob->v[i].from);
		free(ob->v[i].to);
		for (k = 0; k < ob->v[i].nrcpt; k++)
			free(ob->v[i].rcpt[k]);
		buf_dispose(&ob->v[i].body);
	}
	free(ob->v);
	memset(ob, 0, sizeof(*ob));
}

/* The ledger key of event e on channel ch: DEAL/EVENT/VERSION/CHANNEL. */
static int
outbox_key(struct buf *k, const struct event *e, enum outbox_channel ch)
{
	static const char *const chn[] = { "mail", "slack", "teams" };

	buf_init(k);
	return buf_printf(k, "%s/%s/%s/%s", e->deal, events_kind_name(e->kind),
	    e->version, chn[ch]);
}

/* True when the ledger snapshot says e's message on ch went out. */
static int
outbox_sent(const struct outbox_opts *o, const struct event *e,
    enum outbox_channel ch)
{
	struct buf	 k;
	int		 r;

	if (o->sent == NULL || outbox_key(&k, e, ch) == -1)
		return 0;
	r = ledger_sent_has(o->sent, k.data);
	buf_dispose(&k);
	return r;
}

static struct outbox_msg *
outbox_add(struct outbox *ob, const struct event *e, enum outbox_channel ch,
    const char *what)
{
	struct outbox_msg	*m, *nv;
	struct buf		 k;

	if (ob->n == ob->cap) {
		ob->cap = ob->cap ? ob->cap * 2 : 16;
		if ((nv = realloc(ob->v, ob->cap * sizeof(*nv))) == NULL)
			return NULL;
		ob->v = nv;
	}
	if (outbox_key(&k, e, ch) == -1)
		return NULL;
	m = &ob->v[ob->n++];
	memset(m, 0, sizeof(*m));
	m->key = k.data;
	m->channel = ch;
	m->what = what;
	buf_init(&m->body);
	return m;
}

/* The addresses of one header of an .eml (To, Cc, From) into m. */
static int
outbox_addrs(struct outbox_msg *m, const char *eml, const char *name,
    int envelope_from)
{
	struct buf	 h;
	const char	*p, *end, *lt, *gt;
	size_t		 nl = strlen(name);
	char		*a;

	buf_init(&h);
	/* Find the header in the head, then unfold it. */
	for (p = eml; *p != '\0' && !(p[0] == '\r' && p[1] == '\n');) {
		end = strstr(p, "\r\n");
		if (end == NULL)
			break;
		if (strncmp(p, name, nl) == 0 && p[nl] == ':') {
			buf_put(&h, p + nl + 1, (size_t)(end - p - nl - 1));
			while (end[2] == ' ' || end[2] == '\t') {
				p = end + 2;
				end = strstr(p, "\r\n");
				if (end == NULL)
					break;
				buf_put(&h, p, (size_t)(end - p));
			}
			break;
		}
		p = end + 2;
	}
	if (h.data == NULL)
		return 0;
	/* Each mailbox: split at commas outside quotes; the address is
	 * inside <> when there is a display name, else the whole part. */
	for (p = h.data; *p != '\0'; p = *end ? end + 1 : end) {
		int	 q = 0;

		for (end = p; *end != '\0' && (q || *end != ','); end++)
			if (*end == '"')
				q = !q;
		lt = memchr(p, '<', (size_t)(end - p));
		gt = lt ? memchr(lt, '>', (size_t)(end - lt)) : NULL;
		if (lt != NULL && gt != NULL)
			a = strndup(lt + 1, (size_t)(gt - lt - 1));
		else {
			while (p < end && *p == ' ')
				p++;
			for (gt = end; gt > p && gt[-1] == ' '; gt--)
				;
			a = strndup(p, (size_t)(gt - p));
		}
		if (a == NULL)
			break;
		if (envelope_from) {
			free(m->from);
			m->from = a;
		} else if (m->nrcpt < OUTBOX_RCPT && *a != '\0')
			m->rcpt[m->nrcpt++] = a;
		else
			free(a);
	}
	buf_dispose(&h);
	return 0;
}

/* Remove "X-Unsent: 1": this one is sent, not a draft. */
static void
outbox_unset_draft(struct buf *b)
{
	char	*p;
	size_t	 n = strlen("X-Unsent: 1\r\n");

	if (b->data == NULL || (p = strstr(b->data, "X-Unsent: 1\r\n")) ==
	    NULL)
		return;
	memmove(p, p + n, b->len - (size_t)(p - b->data) - n + 1);
	b->len -= n;
}

/* The e-mail of one event, rendered from model m. */
static int
outbox_mail(struct outbox *ob, const struct event *e,
    const struct mail_rule *r, const struct render_ctx *rc,
    struct diag_list *dl)
{
	struct outbox_msg	*m;
	struct buf		 pdf, eml, to;
	size_t			 k;
	int			 ok;

	buf_init(&pdf);
	buf_init(&eml);
	buf_init(&to);
	if (strcmp(r->what, "notice") == 0)
		ok = render_pdf(&pdf, rc, dl) == 0 && render_eml_notice(&eml,
		    rc, pdf.data, pdf.len, dl) == 0;
	else if (strcmp(r->what, "intro") == 0)
		ok = render_eml_intro(&eml, rc, dl) == 0;
	else
		ok = render_eml_internal(&eml, rc, r->what, r->to, dl) == 0;
	buf_dispose(&pdf);
	if (!ok || buf_putc(&eml, '\0') == -1) {
		ob->failed++;
		buf_dispose(&eml);
		return 0;
	}
	eml.len--;
	outbox_unset_draft(&eml);
	if ((m = outbox_add(ob, e, OUT_MAIL, r->what)) == NULL) {
		buf_dispose(&eml);
		return -1;
	}
	m->body = eml;
	outbox_addrs(m, eml.data, "From", 1);
	outbox_addrs(m, eml.data, "To", 0);
	outbox_addrs(m, eml.data, "Cc", 0);
	for (k = 0; k < m->nrcpt; k++)
		buf_printf(&to, "%s%s", k ? ", " : "", m->rcpt[k]);
	m->to = to.data != NULL ? to.data : strdup("");
	return m->from != NULL && m->to != NULL ? 0 : -1;
}

/* The chat note of one event; lines point into b (kept by the caller). */
static void
outbox_note(struct chat_note *n, struct buf *b, const struct event *e,
    const struct model *m, const struct verdict *vd)
{
	static const char *const titles[EV__MAX] = {
	    "Signed (Day 0)", "Handoff accepted", "Handoff rejected",
	    "Handoff due tomorrow", "Handoff overdue", "Intro due",
	    "30-day feedback due", "Commitment due", "Intro approved" };
	char	 when[11];
	size_t	 off[CHAT_LINES + 1];

	memset(n, 0, sizeof(*n));
	date_format(e->day, when);
	/* One buffer, NUL-separated parts: title, then the lines. */
	off[0] = 0;
	buf_printf(b, "%s: %s (%s)", titles[e->kind],
	    model_get(m, "deal/client"), e->deal);
	buf_putc(b, '\0');
	off[1] = b->len;
	buf_printf(b, "%s %s; AE %s, CSM %s", e->kind == EV_SIGNED ?
	    "signed" : "date", when, model_get(m, "deal/ae/name"),
	    model_get(m, "deal/csm/name"));
	buf_putc(b, '\0');
	off[2] = b->len;
	buf_printf(b, "%d%% complete", vd->percent);
	buf_putc(b, '\0');
	off[3] = b->len;
	buf_printf(b, "%s", e->detail);
	buf_putc(b, '\0');
	if (b->data == NULL)
		return;
	n->title = b->data;
	n->line[0] = b->data + off[1];
	n->line[1] = b->data + off[2];
	n->internal[1] = 1;		/* completeness: internal */
	n->n = 2;
	if (e->detail[0] != '\0') {
		/* A rejection reason, a commitment: internal fields. */
		n->line[2] = b->data + off[3];
		n->internal[2] = 1;
		n->n = 3;
	}
}

static int
outbox_chat(struct outbox *ob, const struct event *e,
    const struct model *m, const struct verdict *vd,
    const struct outbox_opts *o)
{
	struct chat_note	 note;
	struct outbox_msg	*msg;
	struct buf		 b;
	int			 rc = 0;

	buf_init(&b);
	outbox_note(&note, &b, e, m, vd);
	if (note.title == NULL)
		rc = -1;
	if (rc == 0 && o->slack && !outbox_sent(o, e, OUT_SLACK)) {
		if ((msg = outbox_add(ob, e, OUT_SLACK, "chat")) == NULL ||
		    slack_json(&msg->body, &note, o->slack_shared) == -1 ||
		    (msg->to = strdup(o->slack_shared ? "Slack (shared)" :
		    "Slack")) == NULL)
			rc = -1;
	}
	if (rc == 0 && o->teams && !outbox_sent(o, e, OUT_TEAMS)) {
		if ((msg = outbox_add(ob, e, OUT_TEAMS, "chat")) == NULL ||
		    teams_json(&msg->body, &note, o->teams_shared) == -1 ||
		    (msg->to = strdup(o->teams_shared ? "Teams (shared)" :
		    "Teams")) == NULL)
			rc = -1;
	}
	buf_dispose(&b);
	return rc;
}

/* The deal as of the event's commit, checked as of today. */
static struct model *
outbox_model(const struct session *s, struct vcs *v, const struct event *e,
    struct verdict *vd)
{
	struct diag_list	 dl;
	struct model		*m;
	char			*data = NULL;
	size_t			 len;

	if (vcs_read(&data, &len, v, e->commit, e->path) != 0)
		return NULL;
	diag_list_init(&dl);
	m = history_check_bytes(s, e->path, data, len, -1, vd, &dl);
	diag_list_dispose(&dl);
	free(data);
	return m;
}

static const struct mail_rule *
outbox_rule(enum event_kind k)
{
	size_t	 i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].kind == k)
			return &rules[i];
	return NULL;
}

/*
 * Which of e's messages are still to make: *mail, *chat set; the ones
 * the ledger holds as sent are counted in ob->done.  0 when none is.
 */
static int
outbox_todo(struct outbox *ob, const struct event *e,
    const struct mail_rule *r, const struct outbox_opts *o, int *mail,
    int *chat)
{
	int	 slack, teams;

	*mail = o->mail && r->what != NULL &&
	    (e->kind != EV_INTRO_APPROVED || o->intro);
	slack = r->chat && o->slack;
	teams = r->chat && o->teams;
	if (*mail && outbox_sent(o, e, OUT_MAIL)) {
		ob->done++;
		*mail = 0;
	}
	if (slack && outbox_sent(o, e, OUT_SLACK)) {
		ob->done++;
		slack = 0;
	}
	if (teams && outbox_sent(o, e, OUT_TEAMS)) {
		ob->done++;
		teams = 0;
	}
	*chat = slack || teams;
	return *mail || *chat;
}

int
outbox_build(struct outbox *ob, const struct session *s, struct vcs *v,
    const struct templates *t, const struct events *l,
    const struct outbox_opts *o, struct diag_list *dl)
{
	const struct mail_rule	*r;
	const struct event	*e;
	struct render_ctx	 rc;
	struct verdict		 vd;
	struct model		*m;
	char			 ver[VCS_SHORT + 1];
	size_t			 i;
	int			 ret = 0, mail, chat;

	memset(ob, 0, sizeof(*ob));
	for (i = 0; ret == 0 && i < l->n; i++) {
		e = &l->v[i];
		if ((r = outbox_rule(e->kind)) == NULL)
			continue;
		if (e->day < s->today - OUTBOX_MAX_AGE) {
			ob->too_old++;
			continue;
		}
		if (!outbox_todo(ob, e, r, o, &mail, &chat))
			continue;
		if ((m = outbox_model(s, v, e, &vd)) == NULL) {
			ob->failed++;
			continue;
		}
		snprintf(ver, sizeof(ver), "%.*s", VCS_SHORT, e->commit);
		memset(&rc, 0, sizeof(rc));
		rc.m = m;
		rc.v = &vd;
		rc.c = &s->config;
		rc.s = s->schema;
		rc.t = t;
		rc.version = ver;
		rc.today = s->today;
		rc.now = s->now;
		if (mail)
			ret = outbox_mail(ob, e, r, &rc, dl);
		if (ret == 0 && chat)
			ret = outbox_chat(ob, e, m, &vd, o);
		model_free(m);
	}
	return ret;
}
