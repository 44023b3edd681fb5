/* SPDX-License-Identifier: MIT */
/*
 * deliver.h: the transports of 'handoff send'.  Each one sends one
 * message and says how it went: DELIVER_OK, DELIVER_LATER (the server
 * refused for now, timed out or dropped the connection: exit 75, try
 * again later) or DELIVER_FIX (wrong address, password, certificate or
 * configuration: exit 1), with a one-line reason in err.  None prints.
 */
#ifndef HANDOFF_DELIVER_H
#define HANDOFF_DELIVER_H

#include <stddef.h>

struct buf;
struct send_config;

#define DELIVER_OK	0
#define DELIVER_FIX	1
#define DELIVER_LATER	75	/* EX_TEMPFAIL */

#define DELIVER_ERRMAX	256

/*
 * Send the message data/len over SMTP (libcurl) to the url of sc:
 * smtp:// with STARTTLS required (unless sc->tls_none), smtps:// with
 * TLS from the start; the server's certificate must verify (against
 * sc->ca or HANDOFF_SMTP_CA when set).  Credentials: HANDOFF_SMTP_USER
 * with HANDOFF_SMTP_PASSWORD (AUTH PLAIN/LOGIN) or HANDOFF_SMTP_BEARER
 * (XOAUTH2), else ~/.netrc (refused unless only its owner can read
 * it).  timeout in seconds.  On a failure *whole says whether it was
 * the server's or the set-up's as a whole (no connection, timeout, TLS,
 * certificate, login, credentials), so that the caller stops instead of
 * failing, and logging in, once per message.
 */
int	smtp_send(const struct send_config *sc, const char *from,
	    const char *const *rcpt, size_t nrcpt, const char *data,
	    size_t len, long timeout, int *whole, char err[DELIVER_ERRMAX]);
/* The credentials in the environment and ~/.netrc are usable: DELIVER_OK,
 * or DELIVER_FIX with err set (a password without the user, ...). */
int	smtp_check_credentials(char err[DELIVER_ERRMAX]);
/*
 * Pipe the message to the sendmail-compatible command of sc (run with
 * /bin/sh -c; it reads the recipients from the headers, as 'msmtp -t'
 * and 'sendmail -t' do).  Exit 0 is sent, 75 try later, others fix.
 */
int	sendmail_send(const struct send_config *sc, const char *data,
	    size_t len, long timeout, char err[DELIVER_ERRMAX]);
/*
 * POST a JSON body to a webhook URL (https://, or http:// to a loopback
 * host for tests).  The status goes to *status and up to 4 KiB of the
 * answer into body.  DELIVER_OK when the request completed (whatever the
 * status), else LATER / FIX with err set.
 */
int	http_post_json(const char *url, const char *json, const char *ca,
	    long timeout, long *status, struct buf *body,
	    char err[DELIVER_ERRMAX]);
/* Classify an HTTP answer of a webhook: 2xx OK, 408/429/5xx LATER,
 * others FIX (err names the status and the service's error word). */
int	http_status_verdict(const char *service, long status,
	    const struct buf *body, char err[DELIVER_ERRMAX]);

#endif
