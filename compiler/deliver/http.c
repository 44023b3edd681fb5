/* SPDX-License-Identifier: MIT */
/*
 * http.c: POST a JSON body to a chat webhook with libcurl (see
 * deliver.h).  Only https:// goes to the outside; plain http:// is
 * accepted for a loopback host, where the tests' stand-in servers run.
 * Redirects are not followed (a webhook that moved is a configuration
 * to fix).
 */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

#include "buf.h"
#include "deliver.h"

#define HTTP_BODY_MAX	4096

static size_t
http_write(char *p, size_t size, size_t n, void *arg)
{
	struct buf	*b = arg;
	size_t		 k = size * n, room;

	room = b->len < HTTP_BODY_MAX ? HTTP_BODY_MAX - b->len : 0;
	if (room > 0 && buf_put(b, p, k < room ? k : room) == -1)
		return 0;
	return k;
}

static int
http_url_ok(const char *url)
{
	static const char *const local[] = { "http://127.0.0.1:",
	    "http://127.0.0.1/", "http://localhost:", "http://localhost/",
	    "http://[::1]:", NULL };
	size_t	 i;

	if (strncmp(url, "https://", 8) == 0)
		return 1;
	for (i = 0; local[i] != NULL; i++)
		if (strncmp(url, local[i], strlen(local[i])) == 0)
			return 1;
	return 0;
}

int
http_post_json(const char *url, const char *json, const char *ca,
    long timeout, long *status, struct buf *body, char err[DELIVER_ERRMAX])
{
	struct curl_slist	*h = NULL;
	char			 ebuf[CURL_ERROR_SIZE] = "";
	CURL			*c;
	CURLcode		 cc;
	int			 rc = DELIVER_OK;

	*status = 0;
	err[0] = '\0';
	if (!http_url_ok(url)) {
		snprintf(err, DELIVER_ERRMAX, "a webhook URL must start with "
		    "https://");
		return DELIVER_FIX;
	}
	if ((c = curl_easy_init()) == NULL ||
	    (h = curl_slist_append(NULL, "Content-Type: application/json"))
	    == NULL) {
		curl_easy_cleanup(c);
		snprintf(err, DELIVER_ERRMAX, "libcurl could not be loaded");
		return DELIVER_FIX;
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
	    (curl_off_t)strlen(json));
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, http_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	if (ca != NULL && *ca != '\0')
		curl_easy_setopt(c, CURLOPT_CAINFO, ca);
	if ((cc = curl_easy_perform(c)) != CURLE_OK) {
		rc = cc == CURLE_PEER_FAILED_VERIFICATION ||
		    cc == CURLE_URL_MALFORMAT ||
		    cc == CURLE_COULDNT_RESOLVE_HOST ? DELIVER_FIX :
		    DELIVER_LATER;
		snprintf(err, DELIVER_ERRMAX, "%s", ebuf[0] ? ebuf :
		    curl_easy_strerror(cc));
	} else
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return rc;
}

int
http_status_verdict(const char *service, long status, const struct buf *body,
    char err[DELIVER_ERRMAX])
{
	char	 word[80];
	size_t	 i;

	if (status >= 200 && status < 300)
		return DELIVER_OK;
	/* The service's error word: Slack answers 'invalid_payload',
	 * 'channel_not_found', ...; the first line, printable only. */
	for (i = 0; body->data != NULL && i < body->len && i + 1 <
	    sizeof(word) && body->data[i] != '\n' && body->data[i] != '\r';
	    i++)
		word[i] = (unsigned char)body->data[i] < 0x20 ? ' ' :
		    body->data[i];
	word[i] = '\0';
	snprintf(err, DELIVER_ERRMAX, "%s answered %ld%s%s", service, status,
	    word[0] ? ": " : "", word);
	return status == 408 || status == 429 || status >= 500 ?
	    DELIVER_LATER : DELIVER_FIX;
}
