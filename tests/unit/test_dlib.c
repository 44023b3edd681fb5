/* SPDX-License-Identifier: MIT */
/*
 * test_dlib.c: libcurl through compiler/dlib/dlib_curl.c, loaded on first
 * use.  A file:// transfer (no network) exercises every kind of variadic
 * option the forwarder must pass on: long, pointer, function pointer and
 * curl_off_t, and curl_easy_getinfo's pointer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <curl/curl.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dlib__version),
		cmocka_unit_test(test_dlib__file_transfer),
		cmocka_unit_test(test_dlib__slist),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
