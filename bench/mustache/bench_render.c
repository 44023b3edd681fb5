/* SPDX-License-Identifier: MIT */
/*
 * bench_render.c: render one e-mail template against one deal N times and
 * print renders per second (the Speed part of issue 5).  Built by
 * bench/mustache/run.sh against build/obj; not part of handoff.
 *
 *   bench_render [-f] DEAL TEMPLATE N [OUT]   (run from the repo root)
 *
 * The template is compiled once (templates_load) and the deal's view is
 * built once (templates_view_new), as build does for the templates of one
 * deal; the timed loop is templates_render_view only, as mustache.js is
 * timed on Mustache.render with its parse cache warm and its data object
 * built beforehand.  With -f every render builds a fresh view
 * (templates_render): the cost of one e-mail for a deal not yet seen.
 * OUT, when given, receives one rendering.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "render.h"
#include "session.h"
#include "templates.h"

static double
now_sec(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct session		 s;
	struct diag_list	 dl;
	struct templates	*t;
	struct model		*m;
	struct verdict		 v;
	struct render_ctx	 rc;
	struct templates_view	*tv = NULL;
	struct buf		 out;
	long			 i, n;
	double			 t0, dt;
	size_t			 bytes = 0;
	int			 fresh = 0, r;

	if (argc > 1 && strcmp(argv[1], "-f") == 0) {
		fresh = 1;
		argc--;
		argv++;
	}
	if (argc < 4) {
		fprintf(stderr, "usage: bench_render [-f] DEAL TEMPLATE N "
		    "[OUT]\n");
		return 2;
	}
	n = atol(argv[3]);
	diag_list_init(&dl);
	if (session_open(&s, ".", date_from_ymd(2026, 11, 19), 0, &dl) == -1 ||
	    (t = templates_load(s.root, s.schema, &s.config.limits,
	    &dl)) == NULL ||
	    (m = session_check_file(&s, argv[1], &v, &dl)) == NULL) {
		diag_print_text(stderr, &dl);
		return 1;
	}
	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.v = &v;
	rc.c = &s.config;
	rc.s = s.schema;
	rc.t = t;
	rc.version = "";
	rc.today = s.today;
	buf_init(&out);
	if (!fresh && (tv = templates_view_new(t, &rc)) == NULL)
		return 2;
	t0 = now_sec();
	for (i = 0; i < n; i++) {
		buf_clear(&out);
		r = fresh ? templates_render(&out, t, argv[2], &rc, &dl) :
		    templates_render_view(&out, t, argv[2], tv, &dl);
		if (r == -1) {
			diag_print_text(stderr, &dl);
			return 1;
		}
		bytes += out.len;
	}
	dt = now_sec() - t0;
	printf("%.0f\n", (double)n / dt);
	fprintf(stderr, "c: %ld renders of %s%s in %.3f s, %zu bytes each\n",
	    n, argv[2], fresh ? " (a fresh view each)" : "", dt,
	    bytes / (size_t)(n ? n : 1));
	if (argc > 4 && fs_write_atomic(argv[4], out.data, out.len) == -1)
		return 2;
	buf_dispose(&out);
	templates_view_free(tv);
	model_free(m);
	templates_free(t);
	session_close(&s);
	diag_list_dispose(&dl);
	return 0;
}
