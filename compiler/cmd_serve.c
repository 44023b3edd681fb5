/* SPDX-License-Identifier: MIT */
/*
 * cmd_serve.c: 'handoff serve [--port N] [--bind ADDR] [-o DIR]': the
 * internal site live from the work tree (web/serve.c): the index and
 * every deal's page, made again when its file changes, with what check
 * says of it; an open page reloads itself.  Listens on 127.0.0.1 unless
 * --bind says otherwise, and then warns: the pages are internal.
 * Exit 0 after SIGINT/SIGTERM, 2 on a usage or system error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "diag.h"
#include "session.h"
#include "web/serve.h"

static const char usage[] =
    "usage: handoff serve [--port N] [--bind ADDR] [-o DIR]\n"
    "\n"
    "Serve the internal pages (every deal, each deal's handoff with what\n"
    "'check' says of it) live from deals/: a page is made again when its\n"
    "deal file changes, and an open page reloads itself.  The PDF, e-mails\n"
    "and calendar the pages link to are those 'handoff build' last wrote\n"
    "in DIR.  GET only; nothing outside the pages and DIR's deal files.\n"
    "\n"
    "  --port N     port (default 8080)\n"
    "  --bind ADDR  IPv4 address to listen on (default 127.0.0.1: this\n"
    "               machine only; anything else is reachable by others)\n"
    "  -o DIR       the build's output folder (default: output)\n";

static int
parse(struct serve_opts *o, int argc, char **argv)
{
	char	*end;
	long	 n;
	int	 i;

	memset(o, 0, sizeof(*o));
	o->bind = "127.0.0.1";
	o->port = 8080;
	o->outdir = "output";
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
			n = strtol(argv[++i], &end, 10);
			if (*end != '\0' || n < 1 || n > 65535) {
				cmd_error("serve: --port wants 1 to 65535, not "
				    "'%s'", argv[i]);
				return -1;
			}
			o->port = (unsigned)n;
		} else if (strcmp(argv[i], "--bind") == 0 && i + 1 < argc)
			o->bind = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			o->outdir = argv[++i];
		else {
			cmd_error("serve: unknown argument '%s'\n%s", argv[i],
			    usage);
			return -1;
		}
	}
	return 0;
}

int
cmd_serve(const struct cli *cli, int argc, char **argv)
{
	struct serve_opts	 o;
	struct session		 s;
	struct serve_site	*ss;
	struct diag_list	 dl;
	int			 rc = 2;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	if (parse(&o, argc, argv) == -1)
		return 2;
	if (strcmp(o.bind, "127.0.0.1") != 0)
		fprintf(stderr, "handoff: warning: serving on %s: the handoff "
		    "pages are internal, and anyone who can reach this address "
		    "can read them\n", o.bind);
	diag_list_init(&dl);
	if (session_open(&s, ".", cli->today, cli->now, &dl) == -1) {
		diag_list_sort(&dl);
		diag_print_text(stderr, &dl);
		diag_list_dispose(&dl);
		return 2;
	}
	if ((ss = serve_site_new(&s, o.outdir)) == NULL)
		cmd_error("serve: out of memory");
	else if (serve_run(ss, &o) == -1)
		cmd_error("serve: cannot listen on %s port %u: %s", o.bind,
		    o.port, errno == EINVAL ? "not an IPv4 address" :
		    strerror(errno));
	else
		rc = 0;
	serve_site_free(ss);
	session_close(&s);
	diag_list_dispose(&dl);
	return rc;
}
