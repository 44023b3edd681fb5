/* SPDX-License-Identifier: MIT */
/*
 * cmd_send.c: 'handoff send [--dry-run] [--intro] [--since REV]': send
 * what the events call for (deliver/outbox.c), each message once.  The
 * ledger in refs/handoff/sent (deliver/ledger.c) records a message as
 * pending before it goes out and as sent after; a crash between the two
 * sends it once more on the next run, never more.  The ledger is read
 * first, so a rerun renders only what is not sent yet.  A failure of the
 * SMTP set-up as a whole (credentials, login, certificate, no server)
 * stops the mail of the run after the first message.  Exit 0 all sent, 75
 * something must be tried later, 1 something must be fixed, 2 usage or
 * system error.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "cmd.h"
#include "cmd_git.h"
#include "config.h"
#include "diag.h"
#include "deliver/deliver.h"
#include "deliver/events.h"
#include "deliver/ledger.h"
#include "deliver/outbox.h"
#include "templates.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff send [--dry-run] [--intro] [--since REV]\n"
    "\n"
    "Send what 'handoff events' calls for, each message once: the notice\n"
    "to the CSM at Day 0, reminders to the AE before the deadline and\n"
    "when overdue, a rejection back to the AE, the 30-day survey to the\n"
    "CSM, and notes to Slack or Teams.  The client intro goes only with\n"
    "--intro, once a person approved it ('## Intro sent').  What was sent\n"
    "is kept in refs/handoff/sent.  --dry-run prints what would go where.\n"
    "Exit 0 sent, 75 try later, 1 fix something (the reason is printed).\n";

struct send_run {
	const struct send_config *sc;
	struct vcs	*v;
	long long	 now;
	long		 timeout;
	int		 fix, later, sent, skipped;
	int		 mail_off;	/* SMTP failed as a whole: no more mail */
	int		 untried;	/* mail left for the next run */
};

static const char *
send_channel_name(enum outbox_channel c)
{
	return c == OUT_MAIL ? "mail" : c == OUT_SLACK ? "slack" : "teams";
}

/* The transport of m, or NULL with why set when none is set up. */
static const char *
send_route(const struct send_config *sc, const struct outbox_msg *m,
    const char **url)
{
	const char	*env;

	*url = NULL;
	if (m->channel == OUT_MAIL)
		return sc->smtp ? sc->smtp : sc->sendmail ? sc->sendmail : NULL;
	env = m->channel == OUT_SLACK ? sc->slack_env : sc->teams_env;
	if (env != NULL && (*url = getenv(env)) != NULL && **url != '\0')
		return env;
	*url = NULL;
	return NULL;
}

static int
send_one(const struct send_run *r, const struct outbox_msg *m, int *whole,
    char err[DELIVER_ERRMAX])
{
	struct buf	 body;
	const char	*url;
	long		 status;
	int		 rc;

	*whole = 0;
	send_route(r->sc, m, &url);
	if (m->channel == OUT_MAIL && r->sc->smtp != NULL)
		return smtp_send(r->sc, m->from, (const char *const *)m->rcpt,
		    m->nrcpt, m->body.data, m->body.len, r->timeout, whole,
		    err);
	if (m->channel == OUT_MAIL)
		return sendmail_send(r->sc, m->body.data, m->body.len,
		    r->timeout, err);
	buf_init(&body);
	rc = http_post_json(url, m->body.data, r->sc->ca, r->timeout, &status,
	    &body, err);
	if (rc == DELIVER_OK)
		rc = http_status_verdict(m->channel == OUT_SLACK ? "Slack" :
		    "Teams", status, &body, err);
	buf_dispose(&body);
	return rc;
}

static void
send_when(char out[32], long long t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;

	gmtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%d %H:%M UTC", &tm);
}

/* Claim, send, confirm one message; counts in r. */
static int
send_deliver(struct send_run *r, const struct outbox_msg *m)
{
	char		 err[DELIVER_ERRMAX], when[32];
	const char	*url;
	long long	 next = 0;
	int		 attempts, claim, rc, whole;

	if (send_route(r->sc, m, &url) == NULL) {
		cmd_error("send: %s: no %s set up (handoff.yml send.%s%s)",
		    m->key, send_channel_name(m->channel), m->channel ==
		    OUT_MAIL ? "smtp or send.sendmail" : m->channel ==
		    OUT_SLACK ? "slack_webhook_env" : "teams_webhook_env",
		    m->channel == OUT_MAIL ? "" : ", and that variable set");
		r->fix++;
		return 0;
	}
	if (m->channel == OUT_MAIL && r->mail_off) {
		r->untried++;
		return 0;
	}
	claim = ledger_claim(r->v, m->key, r->now, &attempts, &next, err,
	    sizeof(err));
	switch (claim) {
	case LEDGER_DONE:
		r->skipped++;
		return 0;
	case LEDGER_BUSY:
		printf("busy     %s: another sender has it\n", m->key);
		return 0;
	case LEDGER_WAIT:
		send_when(when, next);
		printf("later    %s: retrying after %s (%s)\n", m->key, when,
		    err);
		r->later++;
		return 0;
	case LEDGER_TAKEN_OVER:
		printf("resend   %s: an earlier run stopped while sending it; "
		    "it may arrive twice\n", m->key);
		break;
	case LEDGER_CLAIMED:
		break;
	default:
		cmd_error("send: ledger %s: %s", LEDGER_REF, vcs_strerror());
		return -1;
	}
	if ((rc = send_one(r, m, &whole, err)) == DELIVER_OK) {
		if (ledger_confirm(r->v, m->key, r->now) == -1) {
			cmd_error("send: %s was sent, but the ledger could not "
			    "record it: %s", m->key, vcs_strerror());
			return -1;
		}
		printf("sent     %s to %s\n", m->key, m->to);
		r->sent++;
		return 0;
	}
	if (ledger_fail(r->v, m->key, r->now, err, &next) == -1) {
		cmd_error("send: ledger %s: %s", LEDGER_REF, vcs_strerror());
		return -1;
	}
	send_when(when, next);
	cmd_error("send: %s: %s (%s; attempt %d, next after %s)", m->key, err,
	    rc == DELIVER_LATER ? "try later" : "fix this", attempts + 1, when);
	if (rc == DELIVER_LATER)
		r->later++;
	else
		r->fix++;
	if (whole && m->channel == OUT_MAIL)
		r->mail_off = 1;
	return 0;
}

/* True when some message of ob is an e-mail. */
static int
send_has_mail(const struct outbox *ob)
{
	size_t	 i;

	for (i = 0; i < ob->n; i++)
		if (ob->v[i].channel == OUT_MAIL)
			return 1;
	return 0;
}

/*
 * Credentials that cannot work (a password without the user, a ~/.netrc
 * others can read) stop all mail before the first connection, once,
 * and leave the ledger as it was.
 */
static void
send_check_setup(struct send_run *r, const struct outbox *ob)
{
	char	 err[DELIVER_ERRMAX];

	if (r->sc->smtp == NULL || !send_has_mail(ob) ||
	    smtp_check_credentials(err) == DELIVER_OK)
		return;
	cmd_error("send: %s: %s", r->sc->smtp, err);
	r->fix++;
	r->mail_off = 1;
}

static void
send_dry(const struct send_config *sc, const struct outbox *ob)
{
	const char	*url, *via;
	size_t		 i;

	for (i = 0; i < ob->n; i++) {
		via = send_route(sc, &ob->v[i], &url);
		printf("would send %s: %s to %s via %s\n", ob->v[i].key,
		    ob->v[i].what, ob->v[i].to, via ? via :
		    "(nothing set up)");
	}
	if (ob->n == 0)
		printf("nothing to send\n");
}

static long
send_timeout(void)
{
	const char	*s = getenv("HANDOFF_SEND_TIMEOUT");
	long		 t = s ? strtol(s, NULL, 10) : 0;

	return t > 0 && t <= 3600 ? t : 60;
}

int
cmd_send(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd		 g;
	struct events		 l;
	struct outbox		 ob;
	struct outbox_opts	 o;
	struct send_run		 r;
	struct templates	*t = NULL;
	struct ledger_sent	*sent = NULL;
	const struct send_config *sc;
	const char		*since = NULL;
	size_t			 i;
	int			 a, dry = 0, rc = 2;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	memset(&o, 0, sizeof(o));
	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--dry-run") == 0 || strcmp(argv[a], "-n")
		    == 0)
			dry = 1;
		else if (strcmp(argv[a], "--intro") == 0)
			o.intro = 1;
		else if (strcmp(argv[a], "--since") == 0 && a + 1 < argc)
			since = argv[++a];
		else {
			fputs(usage, stderr);
			return 2;
		}
	}
	memset(&l, 0, sizeof(l));
	memset(&ob, 0, sizeof(ob));
	git_cmd_init(&g);
	if (git_cmd_open(&g, ".", GIT_CMD_WORKTREE) == -1)
		goto out;
	if (git_cmd_session(&g, cli, cli->today) == -1) {
		/* handoff.yml or the schema said why: fix it (1). */
		rc = diag_list_status(&g.dl) == 1 ? 1 : 2;
		goto out;
	}
	sc = &g.s.config.send;
	o.mail = 1;
	o.slack = sc->slack_env != NULL;
	o.slack_shared = sc->shared_slack;
	o.teams = sc->teams_env != NULL;
	o.teams_shared = sc->shared_teams;
	if ((t = templates_load(g.s.root, g.s.schema, &g.s.config.limits,
	    &g.dl)) == NULL) {
		git_cmd_print(&g.dl);
		rc = 1;
		goto out;
	}
	/* The ledger first: what was sent is not rendered again. */
	if (ledger_sent_load(&sent, g.v) == -1) {
		cmd_error("send: ledger %s: %s", LEDGER_REF, vcs_strerror());
		goto out;
	}
	o.sent = sent;
	if (events_collect(&l, &g.s, g.v, since) != 0 ||
	    outbox_build(&ob, &g.s, g.v, t, &l, &o, &g.dl) == -1) {
		cmd_error("send: %s", vcs_strerror());
		goto out;
	}
	git_cmd_print(&g.dl);
	memset(&r, 0, sizeof(r));
	r.sc = sc;
	r.v = g.v;
	r.now = cli->now;
	r.timeout = send_timeout();
	send_check_setup(&r, &ob);
	if (dry) {
		send_dry(sc, &ob);
		if (ob.done > 0)
			printf("%zu sent before\n", ob.done);
		rc = ob.failed || r.fix ? 1 : 0;
		goto out;
	}
	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	for (i = 0; i < ob.n; i++)
		if (send_deliver(&r, &ob.v[i]) == -1)
			goto out;
	curl_global_cleanup();
	if (r.untried > 0)
		printf("send: mail stopped after the failure above; %d message%s "
		    "not tried, left for the next run\n", r.untried,
		    r.untried == 1 ? "" : "s");
	printf("send: %d sent, %zu sent before, %d to retry, %zu%s\n", r.sent,
	    r.skipped + ob.done, r.later, r.fix + ob.failed, " to fix");
	rc = r.fix || ob.failed ? 1 : r.later ? DELIVER_LATER : 0;
out:
	ledger_sent_free(sent);
	outbox_dispose(&ob);
	events_dispose(&l);
	templates_free(t);
	git_cmd_close(&g);
	return rc;
}
