/* SPDX-License-Identifier: MIT */
/*
 * serve.c: the HTTP side of 'handoff serve' (libmicrohttpd, loaded by
 * dlib/dlib_mhd.c).  Answers GET only (anything else: 405) for a fixed
 * set of paths: /, /index.html, /_version, /<deal>/, /<deal>/index.html
 * and the files build wrote beside a deal (PDF, e-mails, calendar) read
 * from the output folder.  Every other path is 404, so a '..', an
 * encoded one or a folder never reaches the file system; there is no
 * listing.  Requests are bounded (memory per connection, connections,
 * per address, time); SIGINT and SIGTERM stop the server cleanly.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "buf.h"
#include "fsutil.h"
#include "web/serve.h"

#define SERVE_MEM_LIMIT		(32 * 1024)	/* per connection */
#define SERVE_CONN_LIMIT	512
#define SERVE_PER_IP		300
#define SERVE_TIMEOUT		15		/* seconds idle */
#define SERVE_FILE_MAX		(64L * 1024 * 1024)

struct served {
	struct serve_site	*ss;
	const char		*outdir;
};

/* The files of a deal folder that may be served, and their types. */
static const struct {
	const char	*name;
	const char	*type;
} deal_files[] = {
	{ "handoff-package.pdf", "application/pdf" },
	{ "intro-email.eml", "message/rfc822" },
	{ "handoff-notice.eml", "message/rfc822" },
	{ "timeline.ics", "text/calendar; charset=utf-8" },
	{ "handoff.xml", "application/xml" },
};

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, const char *type,
    void *data, size_t len, int owned)
{
	struct MHD_Response	*r;
	enum MHD_Result		 rv;

	r = MHD_create_response_from_buffer(len, data, owned ?
	    MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (r == NULL) {
		if (owned)
			free(data);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, "Allow", "GET");
	rv = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rv;
}

static enum MHD_Result
reply_text(struct MHD_Connection *c, unsigned status, const char *msg)
{
	return reply(c, status, "text/plain; charset=utf-8", (void *)msg,
	    strlen(msg), 0);
}

static enum MHD_Result
reply_buf(struct MHD_Connection *c, const char *type, struct buf *b)
{
	size_t	 len = b->len;
	char	*p = buf_detach(b);

	if (p == NULL)
		return reply_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR,
		    "out of memory\n");
	return reply(c, MHD_HTTP_OK, type, p, len, 1);
}

/* "/<id>/" or "/<id>/<name>": the id and the name ("" for the page);
 * 0 when path has that shape with a safe id, else -1. */
static int
split_deal(const char *path, char id[65], const char **name)
{
	const char	*s = path + 1, *slash = strchr(s, '/');
	size_t		 n;

	if (slash == NULL || (n = (size_t)(slash - s)) == 0 || n > 64)
		return -1;
	memcpy(id, s, n);
	id[n] = '\0';
	*name = slash + 1;
	return fs_deal_id_ok(id) && strchr(*name, '/') == NULL ? 0 : -1;
}

static enum MHD_Result
deal_file(struct served *sv, struct MHD_Connection *c, const char *id,
    const char *name)
{
	char	 path[4096], *data;
	size_t	 i, len;

	for (i = 0; i < sizeof(deal_files) / sizeof(deal_files[0]); i++)
		if (strcmp(deal_files[i].name, name) == 0)
			break;
	if (i == sizeof(deal_files) / sizeof(deal_files[0]))
		return reply_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
	snprintf(path, sizeof(path), "%s/%s/%s", sv->outdir, id, name);
	if (fs_read(path, SERVE_FILE_MAX, &data, &len) != 0)
		return reply_text(c, MHD_HTTP_NOT_FOUND, "not built yet: run "
		    "'handoff build'\n");
	return reply(c, MHD_HTTP_OK, deal_files[i].type, data, len, 1);
}

/* The audit page 'handoff build' last wrote (it reads git history:
 * too slow to make per request). */
static enum MHD_Result
audit_file(struct served *sv, struct MHD_Connection *c)
{
	char	 path[4096], *data;
	size_t	 len;

	snprintf(path, sizeof(path), "%s/audit.html", sv->outdir);
	if (fs_read(path, SERVE_FILE_MAX, &data, &len) != 0)
		return reply_text(c, MHD_HTTP_NOT_FOUND, "no audit yet: run "
		    "'handoff build'\n");
	return reply(c, MHD_HTTP_OK, "text/html; charset=utf-8", data, len, 1);
}

static enum MHD_Result
route(struct served *sv, struct MHD_Connection *c, const char *url)
{
	struct buf	 b;
	char		 id[65];
	const char	*name;
	int		 rv;

	buf_init(&b);
	if (strcmp(url, "/") == 0 || strcmp(url, "/index.html") == 0) {
		if (serve_site_index(sv->ss, &b) == -1) {
			buf_dispose(&b);
			return reply_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR,
			    "cannot make the index\n");
		}
		return reply_buf(c, "text/html; charset=utf-8", &b);
	}
	if (strcmp(url, "/audit.html") == 0) {
		return audit_file(sv, c);
	}
	if (strcmp(url, "/_version") == 0) {
		serve_site_version(sv->ss, &b);
		return reply_buf(c, "text/plain; charset=utf-8", &b);
	}
	if (url[0] != '/' || split_deal(url, id, &name) == -1)
		return reply_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
	if (*name != '\0' && strcmp(name, "index.html") != 0)
		return deal_file(sv, c, id, name);
	if ((rv = serve_site_deal(sv->ss, id, &b)) != 0) {
		buf_dispose(&b);
		return reply_text(c, rv == 1 ? MHD_HTTP_NOT_FOUND :
		    MHD_HTTP_INTERNAL_SERVER_ERROR, rv == 1 ? "no such deal\n" :
		    "cannot make the page\n");
	}
	return reply_buf(c, "text/html; charset=utf-8", &b);
}

static enum MHD_Result
handler(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	static int	 first;

	(void)version;
	(void)upload;
	/* anything but GET is refused with the headers, before a body */
	if (strcmp(method, "GET") != 0)
		return reply_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "only GET is served\n");
	if (*state == NULL) {	/* headers only so far */
		*state = &first;
		return MHD_YES;
	}
	if (*upload_size != 0) {
		*upload_size = 0;	/* a GET with a body: ignore it */
		return MHD_YES;
	}
	/* the path as decoded by the server, checked again whole: no '..',
	 * no backslash, no NUL smuggled by an encoding */
	if (strstr(url, "..") != NULL || strchr(url, '\\') != NULL ||
	    strlen(url) > 200)
		return reply_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
	return route(cls, c, url);
}

int
serve_run(struct serve_site *ss, const struct serve_opts *o)
{
	struct MHD_Daemon	*d;
	struct sockaddr_in	 sa;
	struct served		 sv;
	sigset_t		 set;
	int			 sig;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)o->port);
	if (inet_pton(AF_INET, o->bind, &sa.sin_addr) != 1) {
		errno = EINVAL;
		return -1;
	}
	sv.ss = ss;
	sv.outdir = o->outdir;
	/* the server's threads inherit the mask: only sigwait below sees
	 * the signals */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	d = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD |
	    MHD_USE_ERROR_LOG, (uint16_t)o->port, NULL, NULL, handler, &sv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)4,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_MEM_LIMIT,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_CONN_LIMIT,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)SERVE_PER_IP,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT,
	    MHD_OPTION_END);
	if (d == NULL) {
		if (errno == 0)
			errno = EADDRINUSE;
		return -1;
	}
	printf("serving http://%s:%u/ (Ctrl-C stops)\n", o->bind, o->port);
	fflush(stdout);
	sigdelset(&set, SIGPIPE);
	while (sigwait(&set, &sig) != 0)
		;
	MHD_stop_daemon(d);
	printf("stopped\n");
	return 0;
}
