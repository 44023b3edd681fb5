/* SPDX-License-Identifier: MIT */
/*
 * smtp.c: one message over SMTP with libcurl (see deliver.h).  TLS is
 * never optional on a real server: smtp:// asks for STARTTLS with
 * CURLUSESSL_ALL, so a server that does not offer it fails the send
 * instead of going on in clear text, and the certificate is verified.
 * MAIL_RCPT_ALLLOWFAILS stays off: a recipient the server refuses fails
 * the whole message, which then stays pending, rather than reaching some
 * of the people and being marked sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <curl/curl.h>

#include "buf.h"
#include "config.h"
#include "deliver.h"

struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
smtp_read(char *dst, size_t size, size_t n, void *arg)
{
	struct upload	*u = arg;
	size_t		 k = size * n;

	if (k > u->left)
		k = u->left;
	memcpy(dst, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

/* What a failed transfer means: try later, or fix something. */
static int
smtp_verdict(CURLcode c, long code)
{
	switch (c) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_AGAIN:
		return DELIVER_LATER;
	case CURLE_LOGIN_DENIED:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_USE_SSL_FAILED:
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
		return DELIVER_FIX;
	default:
		return code >= 400 && code < 500 ? DELIVER_LATER : DELIVER_FIX;
	}
}

/*
 * True when a failure is the server's or the set-up's as a whole (no
 * connection, a timeout, TLS, the certificate, the login): every other
 * message would fail the same way, and more failed logins can get the
 * account or the runner's address locked out.
 */
static int
smtp_whole(CURLcode c)
{
	switch (c) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_LOGIN_DENIED:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_USE_SSL_FAILED:
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
		return 1;
	default:
		return 0;
	}
}

/* "URL: what libcurl said (server said CODE)", cut to fit err. */
static void
smtp_error(char err[DELIVER_ERRMAX], const char *url, const char *what,
    long code)
{
	struct buf	 b;
	size_t		 n;

	buf_init(&b);
	buf_printf(&b, "%s: %s", url, what);
	if (code >= 400)	/* not the 334 of an AUTH that went wrong */
		buf_printf(&b, " (server said %ld)", code);
	n = b.data != NULL ? b.len : 0;
	if (n >= DELIVER_ERRMAX)
		n = DELIVER_ERRMAX - 1;
	if (n > 0)
		memcpy(err, b.data, n);
	err[n] = '\0';
	buf_dispose(&b);
}

/* Refuse a ~/.netrc that others can read (libcurl itself does not). */
static int
smtp_netrc_private(char err[DELIVER_ERRMAX])
{
	const char	*home = getenv("HOME");
	char		 path[4096];
	struct stat	 st;

	if (home == NULL || *home == '\0')
		return 1;
	snprintf(path, sizeof(path), "%s/.netrc", home);
	if (stat(path, &st) == -1 || (st.st_mode & 077) == 0)
		return 1;
	snprintf(err, DELIVER_ERRMAX, "%.160s can be read by others; it holds "
	    "the SMTP password: chmod 600 it", path);
	return 0;
}

/* The credentials the environment gives (NULL: not set). */
struct smtp_cred {
	const char	*user, *pass, *bearer;
};

static int
smtp_cred_get(struct smtp_cred *c, char err[DELIVER_ERRMAX])
{
	const char	*u = getenv("HANDOFF_SMTP_USER");
	const char	*p = getenv("HANDOFF_SMTP_PASSWORD");
	const char	*b = getenv("HANDOFF_SMTP_BEARER");

	c->user = u != NULL && *u != '\0' ? u : NULL;
	c->pass = p != NULL && *p != '\0' ? p : NULL;
	c->bearer = b != NULL && *b != '\0' ? b : NULL;
	if ((c->pass != NULL || c->bearer != NULL) && c->user == NULL) {
		snprintf(err, DELIVER_ERRMAX, "%s is set but HANDOFF_SMTP_USER "
		    "is not (the account to log in as)", c->bearer != NULL ?
		    "HANDOFF_SMTP_BEARER" : "HANDOFF_SMTP_PASSWORD");
		return DELIVER_FIX;
	}
	if (c->user != NULL && c->pass == NULL && c->bearer == NULL) {
		/* libcurl reads ~/.netrc only when it gets no user name. */
		snprintf(err, DELIVER_ERRMAX, "HANDOFF_SMTP_USER is set without "
		    "HANDOFF_SMTP_PASSWORD or HANDOFF_SMTP_BEARER: set one, or "
		    "unset it and let ~/.netrc give login and password");
		return DELIVER_FIX;
	}
	if (c->pass != NULL && c->bearer != NULL) {
		snprintf(err, DELIVER_ERRMAX, "both HANDOFF_SMTP_PASSWORD and "
		    "HANDOFF_SMTP_BEARER are set: unset one");
		return DELIVER_FIX;
	}
	if (c->pass == NULL && c->bearer == NULL && !smtp_netrc_private(err))
		return DELIVER_FIX;
	return DELIVER_OK;
}

int
smtp_check_credentials(char err[DELIVER_ERRMAX])
{
	struct smtp_cred	 c;

	err[0] = '\0';
	return smtp_cred_get(&c, err);
}

/*
 * Credentials: HANDOFF_SMTP_USER with HANDOFF_SMTP_BEARER (XOAUTH2) or
 * with HANDOFF_SMTP_PASSWORD (PLAIN or LOGIN, whichever the server
 * offers); with none of the three, ~/.netrc (the machine line of the
 * host: login and password).  DELIVER_OK, or
 * DELIVER_FIX with err set for a set-up that cannot be meant.
 */
static int
smtp_auth(CURL *h, char err[DELIVER_ERRMAX])
{
	struct smtp_cred	 c;
	int			 rc;

	if ((rc = smtp_cred_get(&c, err)) != DELIVER_OK)
		return rc;
	if (c.user != NULL)
		curl_easy_setopt(h, CURLOPT_USERNAME, c.user);
	if (c.bearer != NULL) {
		curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, c.bearer);
		curl_easy_setopt(h, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
	} else if (c.pass != NULL)
		curl_easy_setopt(h, CURLOPT_PASSWORD, c.pass);
	else
		curl_easy_setopt(h, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
	return DELIVER_OK;
}

int
smtp_send(const struct send_config *sc, const char *from,
    const char *const *rcpt, size_t nrcpt, const char *data, size_t len,
    long timeout, int *whole, char err[DELIVER_ERRMAX])
{
	struct curl_slist	*to = NULL, *t;
	struct upload		 u = { data, len };
	char			 ebuf[CURL_ERROR_SIZE] = "";
	const char		*ca = getenv("HANDOFF_SMTP_CA");
	CURL			*c;
	CURLcode		 cc;
	long			 code = 0;
	size_t			 i;
	int			 rc;

	err[0] = '\0';
	*whole = 1;
	if ((c = curl_easy_init()) == NULL) {
		snprintf(err, DELIVER_ERRMAX, "libcurl could not be loaded");
		return DELIVER_FIX;
	}
	for (i = 0; i < nrcpt; i++) {
		if ((t = curl_slist_append(to, rcpt[i])) == NULL) {
			curl_slist_free_all(to);
			curl_easy_cleanup(c);
			snprintf(err, DELIVER_ERRMAX, "out of memory");
			return DELIVER_LATER;
		}
		to = t;
	}
	curl_easy_setopt(c, CURLOPT_URL, sc->smtp);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_USE_SSL, sc->tls_none ?
	    (long)CURLUSESSL_NONE : (long)CURLUSESSL_ALL);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (sc->ca != NULL)
		ca = sc->ca;
	if (ca != NULL && *ca != '\0')
		curl_easy_setopt(c, CURLOPT_CAINFO, ca);
	if ((rc = smtp_auth(c, err)) != DELIVER_OK) {
		curl_slist_free_all(to);
		curl_easy_cleanup(c);
		return rc;
	}
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, to);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, smtp_read);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout < 10 ? timeout : 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	/* Also bounds the wait for the answer to QUIT when the connection
	 * is closed after a failure (libcurl's default is 120 s). */
	curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	cc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	*whole = cc != CURLE_OK && smtp_whole(cc);
	if (cc == CURLE_OK) {
		rc = DELIVER_OK;
	} else {
		rc = smtp_verdict(cc, code);
		smtp_error(err, sc->smtp, ebuf[0] ? ebuf :
		    curl_easy_strerror(cc), code);
	}
	curl_slist_free_all(to);
	curl_easy_cleanup(c);
	return rc;
}
