/* SPDX-License-Identifier: MIT */
/*
 * dlib_mhd.c: libmicrohttpd, loaded when first used, for 'handoff serve'
 * alone.  Linked, it would bring GnuTLS and its helpers (a dozen shared
 * libraries) into the start-up of every command; see dlib_curl.c for the
 * numbers and the method: the functions handoff uses are defined here
 * under libmicrohttpd's names and prototypes and forward to the real ones,
 * looked up once with dlopen()/dlsym().  When the library cannot be
 * loaded, MHD_start_daemon() returns NULL and the rest do nothing or
 * return MHD_NO.  The variadic MHD_start_daemon() forwards its option
 * list to MHD_start_daemon_va(); the info queries take no extra argument
 * for the kinds handoff asks.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/select.h>
#include <sys/socket.h>

#include <microhttpd.h>

#define DLIB_MHD_SONAME	"libmicrohttpd.so.12"

struct dlib_mhd {
	struct MHD_Daemon *(*start_daemon_va)(unsigned int, uint16_t,
	    MHD_AcceptPolicyCallback, void *, MHD_AccessHandlerCallback,
	    void *, va_list);
	void		 (*stop_daemon)(struct MHD_Daemon *);
	MHD_socket	 (*quiesce_daemon)(struct MHD_Daemon *);
	enum MHD_Result	 (*run)(struct MHD_Daemon *);
	enum MHD_Result	 (*run_wait)(struct MHD_Daemon *, int32_t);
	const char	*(*lookup_connection_value)(struct MHD_Connection *,
	    enum MHD_ValueKind, const char *);
	int		 (*get_connection_values)(struct MHD_Connection *,
	    enum MHD_ValueKind, MHD_KeyValueIterator, void *);
	enum MHD_Result	 (*queue_response)(struct MHD_Connection *,
	    unsigned int, struct MHD_Response *);
	void		 (*suspend_connection)(struct MHD_Connection *);
	void		 (*resume_connection)(struct MHD_Connection *);
	struct MHD_Response *(*create_response_from_buffer)(size_t, void *,
	    enum MHD_ResponseMemoryMode);
	struct MHD_Response *(*create_response_from_callback)(uint64_t,
	    size_t, MHD_ContentReaderCallback, void *,
	    MHD_ContentReaderFreeCallback);
	struct MHD_Response *(*create_response_from_fd)(size_t, int);
	void		 (*destroy_response)(struct MHD_Response *);
	enum MHD_Result	 (*add_response_header)(struct MHD_Response *,
	    const char *, const char *);
	const union MHD_ConnectionInfo *(*get_connection_info)(
	    struct MHD_Connection *, enum MHD_ConnectionInfoType, ...);
	const union MHD_DaemonInfo *(*get_daemon_info)(struct MHD_Daemon *,
	    enum MHD_DaemonInfoType, ...);
	enum MHD_Result	 (*set_connection_option)(struct MHD_Connection *,
	    enum MHD_CONNECTION_OPTION, ...);
	const char	*(*get_version)(void);
	int		 ok;
};

static struct dlib_mhd	dm;
static pthread_once_t	dm_once = PTHREAD_ONCE_INIT;

static void *
dlib_mhd_sym(void *h, const char *name)
{
	void	*p = dlsym(h, name);

	if (p == NULL)
		dm.ok = 0;
	return p;
}

static void
dlib_mhd_load(void)
{
	void	*h;

	if ((h = dlopen(DLIB_MHD_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return;
	dm.ok = 1;
	*(void **)&dm.start_daemon_va = dlib_mhd_sym(h, "MHD_start_daemon_va");
	*(void **)&dm.stop_daemon = dlib_mhd_sym(h, "MHD_stop_daemon");
	*(void **)&dm.quiesce_daemon = dlib_mhd_sym(h, "MHD_quiesce_daemon");
	*(void **)&dm.run = dlib_mhd_sym(h, "MHD_run");
	*(void **)&dm.run_wait = dlib_mhd_sym(h, "MHD_run_wait");
	*(void **)&dm.lookup_connection_value = dlib_mhd_sym(h,
	    "MHD_lookup_connection_value");
	*(void **)&dm.get_connection_values = dlib_mhd_sym(h,
	    "MHD_get_connection_values");
	*(void **)&dm.queue_response = dlib_mhd_sym(h, "MHD_queue_response");
	*(void **)&dm.suspend_connection = dlib_mhd_sym(h,
	    "MHD_suspend_connection");
	*(void **)&dm.resume_connection = dlib_mhd_sym(h,
	    "MHD_resume_connection");
	*(void **)&dm.create_response_from_buffer = dlib_mhd_sym(h,
	    "MHD_create_response_from_buffer");
	*(void **)&dm.create_response_from_callback = dlib_mhd_sym(h,
	    "MHD_create_response_from_callback");
	*(void **)&dm.create_response_from_fd = dlib_mhd_sym(h,
	    "MHD_create_response_from_fd");
	*(void **)&dm.destroy_response = dlib_mhd_sym(h, "MHD_destroy_response");
	*(void **)&dm.add_response_header = dlib_mhd_sym(h,
	    "MHD_add_response_header");
	*(void **)&dm.get_connection_info = dlib_mhd_sym(h,
	    "MHD_get_connection_info");
	*(void **)&dm.get_daemon_info = dlib_mhd_sym(h, "MHD_get_daemon_info");
	*(void **)&dm.set_connection_option = dlib_mhd_sym(h,
	    "MHD_set_connection_option");
	*(void **)&dm.get_version = dlib_mhd_sym(h, "MHD_get_version");
}

static int
dlib_mhd_ready(void)
{
	(void)pthread_once(&dm_once, dlib_mhd_load);
	return dm.ok;
}

struct MHD_Daemon *
MHD_start_daemon_va(unsigned int flags, uint16_t port,
    MHD_AcceptPolicyCallback apc, void *apc_cls,
    MHD_AccessHandlerCallback dh, void *dh_cls, va_list ap)
{
	if (!dlib_mhd_ready())
		return NULL;
	return dm.start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
}

struct MHD_Daemon *
MHD_start_daemon(unsigned int flags, uint16_t port,
    MHD_AcceptPolicyCallback apc, void *apc_cls,
    MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
	struct MHD_Daemon	*d;
	va_list			 ap;

	va_start(ap, dh_cls);
	d = MHD_start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
	va_end(ap);
	return d;
}

void
MHD_stop_daemon(struct MHD_Daemon *d)
{
	if (dlib_mhd_ready())
		dm.stop_daemon(d);
}

MHD_socket
MHD_quiesce_daemon(struct MHD_Daemon *d)
{
	return dlib_mhd_ready() ? dm.quiesce_daemon(d) : MHD_INVALID_SOCKET;
}

enum MHD_Result
MHD_run(struct MHD_Daemon *d)
{
	return dlib_mhd_ready() ? dm.run(d) : MHD_NO;
}

enum MHD_Result
MHD_run_wait(struct MHD_Daemon *d, int32_t ms)
{
	return dlib_mhd_ready() ? dm.run_wait(d, ms) : MHD_NO;
}

const char *
MHD_lookup_connection_value(struct MHD_Connection *c, enum MHD_ValueKind k,
    const char *key)
{
	return dlib_mhd_ready() ? dm.lookup_connection_value(c, k, key) : NULL;
}

int
MHD_get_connection_values(struct MHD_Connection *c, enum MHD_ValueKind k,
    MHD_KeyValueIterator it, void *cls)
{
	return dlib_mhd_ready() ? dm.get_connection_values(c, k, it, cls) : 0;
}

enum MHD_Result
MHD_queue_response(struct MHD_Connection *c, unsigned int status,
    struct MHD_Response *r)
{
	return dlib_mhd_ready() ? dm.queue_response(c, status, r) : MHD_NO;
}

void
MHD_suspend_connection(struct MHD_Connection *c)
{
	if (dlib_mhd_ready())
		dm.suspend_connection(c);
}

void
MHD_resume_connection(struct MHD_Connection *c)
{
	if (dlib_mhd_ready())
		dm.resume_connection(c);
}

struct MHD_Response *
MHD_create_response_from_buffer(size_t size, void *buf,
    enum MHD_ResponseMemoryMode mode)
{
	return dlib_mhd_ready() ?
	    dm.create_response_from_buffer(size, buf, mode) : NULL;
}

struct MHD_Response *
MHD_create_response_from_callback(uint64_t size, size_t block,
    MHD_ContentReaderCallback crc, void *cls,
    MHD_ContentReaderFreeCallback crfc)
{
	return dlib_mhd_ready() ?
	    dm.create_response_from_callback(size, block, crc, cls, crfc) : NULL;
}

struct MHD_Response *
MHD_create_response_from_fd(size_t size, int fd)
{
	return dlib_mhd_ready() ? dm.create_response_from_fd(size, fd) : NULL;
}

void
MHD_destroy_response(struct MHD_Response *r)
{
	if (dlib_mhd_ready())
		dm.destroy_response(r);
}

enum MHD_Result
MHD_add_response_header(struct MHD_Response *r, const char *h,
    const char *v)
{
	return dlib_mhd_ready() ? dm.add_response_header(r, h, v) : MHD_NO;
}

const union MHD_ConnectionInfo *
MHD_get_connection_info(struct MHD_Connection *c,
    enum MHD_ConnectionInfoType type, ...)
{
	return dlib_mhd_ready() ? dm.get_connection_info(c, type) : NULL;
}

const union MHD_DaemonInfo *
MHD_get_daemon_info(struct MHD_Daemon *d, enum MHD_DaemonInfoType type, ...)
{
	return dlib_mhd_ready() ? dm.get_daemon_info(d, type) : NULL;
}

/* MHD_CONNECTION_OPTION_TIMEOUT, the one option, takes an unsigned int. */
enum MHD_Result
MHD_set_connection_option(struct MHD_Connection *c,
    enum MHD_CONNECTION_OPTION opt, ...)
{
	va_list		 ap;
	unsigned int	 v;

	if (!dlib_mhd_ready())
		return MHD_NO;
	va_start(ap, opt);
	v = va_arg(ap, unsigned int);
	va_end(ap);
	return dm.set_connection_option(c, opt, v);
}

const char *
MHD_get_version(void)
{
	return dlib_mhd_ready() ? dm.get_version() : NULL;
}
