/* SPDX-License-Identifier: MIT */
/*
 * test_dlib.c: libcurl and libmicrohttpd through compiler/dlib/, loaded on
 * first use.  A file:// transfer (no network) exercises every kind of
 * variadic option the curl forwarder must pass on: long, pointer, function
 * pointer and curl_off_t, and curl_easy_getinfo's pointer; a daemon on
 * 127.0.0.1 (port chosen by the kernel) answers a request made with curl,
 * through MHD_start_daemon's forwarded option list.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/select.h>
#include <sys/socket.h>

#include <curl/curl.h>
#include <microhttpd.h>

struct sink {
	char	 data[256];
	size_t	 len;
};

static size_t
sink_write(char *p, size_t size, size_t n, void *arg)
{
	struct sink	*s = arg;
	size_t		 len = size * n;

	if (s->len + len >= sizeof(s->data))
		return 0;
	memcpy(s->data + s->len, p, len);
	s->len += len;
	return len;
}

static void
test_dlib__version(void **state)
{
	(void)state;
	assert_non_null(strstr(curl_version(), "libcurl/"));
}

static void
test_dlib__file_transfer(void **state)
{
	char		 path[] = "/tmp/test_dlib_XXXXXX", url[64];
	struct sink	 s;
	CURL		*c;
	long		 code = -1;
	curl_off_t	 size = -1;
	int		 fd;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, "hello, handoff\n", 15), 15);
	close(fd);
	snprintf(url, sizeof(url), "file://%s", path);
	assert_non_null(c = curl_easy_init());
	assert_int_equal(curl_easy_setopt(c, CURLOPT_URL, url), CURLE_OK);
	assert_int_equal(curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink_write),
	    CURLE_OK);
	assert_int_equal(curl_easy_setopt(c, CURLOPT_WRITEDATA, &s), CURLE_OK);
	assert_int_equal(curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L), CURLE_OK);
	assert_int_equal(curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)1024), CURLE_OK);
	assert_int_equal(curl_easy_perform(c), CURLE_OK);
	assert_int_equal(s.len, 15);
	assert_memory_equal(s.data, "hello, handoff\n", 15);
	assert_int_equal(curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &size),
	    CURLE_OK);
	assert_int_equal(size, 15);
	(void)curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	assert_int_equal(code, 0);
	/* resume from byte 7 (a long), then from byte 12 (a curl_off_t) */
	memset(&s, 0, sizeof(s));
	assert_int_equal(curl_easy_setopt(c, CURLOPT_RESUME_FROM, 7L), CURLE_OK);
	assert_int_equal(curl_easy_perform(c), CURLE_OK);
	assert_int_equal(s.len, 8);
	assert_memory_equal(s.data, "handoff\n", 8);
	memset(&s, 0, sizeof(s));
	assert_int_equal(curl_easy_setopt(c, CURLOPT_RESUME_FROM_LARGE,
	    (curl_off_t)12), CURLE_OK);
	assert_int_equal(curl_easy_perform(c), CURLE_OK);
	assert_int_equal(s.len, 3);
	assert_memory_equal(s.data, "ff\n", 3);
	assert_non_null(strstr(curl_easy_strerror(CURLE_FILESIZE_EXCEEDED),
	    "size"));
	curl_easy_cleanup(c);
	unlink(path);
}

static void
test_dlib__slist(void **state)
{
	struct curl_slist	*l = NULL;

	(void)state;
	assert_non_null(l = curl_slist_append(l, "X-A: 1"));
	assert_non_null(l = curl_slist_append(l, "X-B: 2"));
	assert_string_equal(l->next->data, "X-B: 2");
	curl_slist_free_all(l);
}

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_len, void **req)
{
	static char		 body[] = "served";
	struct MHD_Response	*r;
	enum MHD_Result		 rc;

	(void)cls; (void)version; (void)upload; (void)upload_len; (void)req;
	if (strcmp(method, "GET") != 0 || strcmp(url, "/x") != 0)
		return MHD_NO;
	r = MHD_create_response_from_buffer(strlen(body), body,
	    MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, "X-Test", MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, "X-Ask") ? "asked" : "plain");
	rc = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return rc;
}

static size_t
header_line(char *p, size_t size, size_t n, void *arg)
{
	if (size * n >= 14 && strncmp(p, "X-Test: asked", 13) == 0)
		*(int *)arg = 1;
	return size * n;
}

static void
test_dlib__mhd_serves_curl(void **state)
{
	struct MHD_Daemon		*d;
	const union MHD_DaemonInfo	*info;
	struct sockaddr_in		 sa;
	struct curl_slist		*h = NULL;
	struct sink			 s;
	char				 url[64];
	CURL				*c;
	long				 code = 0;
	int				 asked = 0;

	(void)state;
	assert_non_null(MHD_get_version());
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = 0;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL,
	    answer, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)8,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)5, MHD_OPTION_END);
	assert_non_null(d);
	assert_non_null(info = MHD_get_daemon_info(d,
	    MHD_DAEMON_INFO_BIND_PORT));
	assert_true(info->port > 0);
	snprintf(url, sizeof(url), "http://127.0.0.1:%u/x", info->port);
	memset(&s, 0, sizeof(s));
	assert_non_null(c = curl_easy_init());
	h = curl_slist_append(h, "X-Ask: 1");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, header_line);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &asked);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
	assert_int_equal(curl_easy_perform(c), CURLE_OK);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	assert_int_equal(code, 200);
	assert_int_equal(s.len, 6);
	assert_memory_equal(s.data, "served", 6);
	assert_int_equal(asked, 1);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	MHD_stop_daemon(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dlib__version),
		cmocka_unit_test(test_dlib__file_transfer),
		cmocka_unit_test(test_dlib__slist),
		cmocka_unit_test(test_dlib__mhd_serves_curl),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
