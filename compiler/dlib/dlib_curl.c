/* SPDX-License-Identifier: MIT */
/*
 * dlib_curl.c: libcurl, loaded when first used.  Linking libcurl pulls 33
 * shared libraries (TLS, HTTP/2, LDAP, SSH, IDN, ...) into every process,
 * and with BIND_NOW their relocations alone took a do-nothing
 * 'handoff --version' from 8.9 ms to 16.1 ms on our 2-core machine: a
 * cost every 'check' in a pre-commit hook would pay for the one command,
 * 'send', that talks to a server.  So the binary is not linked against
 * libcurl; this file defines the part of libcurl's API that handoff uses,
 * under libcurl's own names and prototypes, and forwards each call to the
 * real function, looked up once with dlopen()/dlsym().  When the library
 * cannot be loaded, curl_easy_init() returns NULL and the rest fail with
 * CURLE_FAILED_INIT, as libcurl itself does when it cannot set up.
 *
 * curl_easy_setopt() is variadic: its one argument's type follows from
 * the option's number (CURLOPTTYPE_* ranges, part of libcurl's ABI).
 * The table of functions is written once, under pthread_once(), and only
 * read after that.
 */
#define CURL_DISABLE_TYPECHECK	/* we define the functions, not call macros */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>

#include <curl/curl.h>

#define DLIB_CURL_SONAME	"libcurl.so.4"

struct dlib_curl {
	CURLcode	 (*global_init)(long);
	void		 (*global_cleanup)(void);
	CURL		*(*easy_init)(void);
	CURLcode	 (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode	 (*easy_perform)(CURL *);
	void		 (*easy_cleanup)(CURL *);
	void		 (*easy_reset)(CURL *);
	CURLcode	 (*easy_getinfo)(CURL *, CURLINFO, ...);
	const char	*(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void		 (*slist_free_all)(struct curl_slist *);
	char		*(*easy_escape)(CURL *, const char *, int);
	void		 (*free)(void *);
	char		*(*version)(void);
	int		 ok;
};

static struct dlib_curl	dc;
static pthread_once_t	dc_once = PTHREAD_ONCE_INIT;

/* Look name up; NULL (and the table not ok) when it is missing. */
static void *
dlib_curl_sym(void *h, const char *name)
{
	void	*p = dlsym(h, name);

	if (p == NULL)
		dc.ok = 0;
	return p;
}

static void
dlib_curl_load(void)
{
	void	*h;

	if ((h = dlopen(DLIB_CURL_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return;
	dc.ok = 1;
	/* A data pointer to a function pointer: what dlsym() is for (POSIX). */
	*(void **)&dc.global_init = dlib_curl_sym(h, "curl_global_init");
	*(void **)&dc.global_cleanup = dlib_curl_sym(h, "curl_global_cleanup");
	*(void **)&dc.easy_init = dlib_curl_sym(h, "curl_easy_init");
	*(void **)&dc.easy_setopt = dlib_curl_sym(h, "curl_easy_setopt");
	*(void **)&dc.easy_perform = dlib_curl_sym(h, "curl_easy_perform");
	*(void **)&dc.easy_cleanup = dlib_curl_sym(h, "curl_easy_cleanup");
	*(void **)&dc.easy_reset = dlib_curl_sym(h, "curl_easy_reset");
	*(void **)&dc.easy_getinfo = dlib_curl_sym(h, "curl_easy_getinfo");
	*(void **)&dc.easy_strerror = dlib_curl_sym(h, "curl_easy_strerror");
	*(void **)&dc.slist_append = dlib_curl_sym(h, "curl_slist_append");
	*(void **)&dc.slist_free_all = dlib_curl_sym(h, "curl_slist_free_all");
	*(void **)&dc.easy_escape = dlib_curl_sym(h, "curl_easy_escape");
	*(void **)&dc.free = dlib_curl_sym(h, "curl_free");
	*(void **)&dc.version = dlib_curl_sym(h, "curl_version");
	/* the handle stays open for the life of the process */
}

static int
dlib_curl_ready(void)
{
	(void)pthread_once(&dc_once, dlib_curl_load);
	return dc.ok;
}

CURLcode
curl_global_init(long flags)
{
	return dlib_curl_ready() ? dc.global_init(flags) : CURLE_FAILED_INIT;
}

void
curl_global_cleanup(void)
{
	if (dlib_curl_ready())
		dc.global_cleanup();
}

CURL *
curl_easy_init(void)
{
	return dlib_curl_ready() ? dc.easy_init() : NULL;
}

CURLcode
curl_easy_setopt(CURL *curl, CURLoption option, ...)
{
	va_list		 ap;
	CURLcode	 rc;

	if (!dlib_curl_ready())
		return CURLE_FAILED_INIT;
	va_start(ap, option);
	if (option < CURLOPTTYPE_OBJECTPOINT)
		rc = dc.easy_setopt(curl, option, va_arg(ap, long));
	else if (option < CURLOPTTYPE_FUNCTIONPOINT)
		rc = dc.easy_setopt(curl, option, va_arg(ap, void *));
	else if (option < CURLOPTTYPE_OFF_T)
		rc = dc.easy_setopt(curl, option, va_arg(ap, void (*)(void)));
	else if (option < CURLOPTTYPE_BLOB)
		rc = dc.easy_setopt(curl, option, va_arg(ap, curl_off_t));
	else
		rc = dc.easy_setopt(curl, option, va_arg(ap, struct curl_blob *));
	va_end(ap);
	return rc;
}

CURLcode
curl_easy_perform(CURL *curl)
{
	return dlib_curl_ready() ? dc.easy_perform(curl) : CURLE_FAILED_INIT;
}

void
curl_easy_cleanup(CURL *curl)
{
	if (dlib_curl_ready())
		dc.easy_cleanup(curl);
}

void
curl_easy_reset(CURL *curl)
{
	if (dlib_curl_ready())
		dc.easy_reset(curl);
}

/* Every CURLINFO takes one pointer to where the answer goes. */
CURLcode
curl_easy_getinfo(CURL *curl, CURLINFO info, ...)
{
	va_list		 ap;
	CURLcode	 rc;

	if (!dlib_curl_ready())
		return CURLE_FAILED_INIT;
	va_start(ap, info);
	rc = dc.easy_getinfo(curl, info, va_arg(ap, void *));
	va_end(ap);
	return rc;
}

const char *
curl_easy_strerror(CURLcode code)
{
	return dlib_curl_ready() ? dc.easy_strerror(code) :
	    "libcurl (" DLIB_CURL_SONAME ") could not be loaded";
}

struct curl_slist *
curl_slist_append(struct curl_slist *list, const char *data)
{
	return dlib_curl_ready() ? dc.slist_append(list, data) : NULL;
}

void
curl_slist_free_all(struct curl_slist *list)
{
	if (dlib_curl_ready())
		dc.slist_free_all(list);
}

char *
curl_easy_escape(CURL *curl, const char *s, int len)
{
	return dlib_curl_ready() ? dc.easy_escape(curl, s, len) : NULL;
}

void
curl_free(void *p)
{
	if (dlib_curl_ready())
		dc.free(p);
}

char *
curl_version(void)
{
	static char	 none[] = "libcurl not loaded";

	return dlib_curl_ready() ? dc.version() : none;
}
