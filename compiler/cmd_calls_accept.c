/* SPDX-License-Identifier: MIT */
/*
 * cmd_calls_accept.c: 'handoff calls list DEAL' numbers the suggestions
 * of the deal's '# Call notes'; 'handoff calls accept DEAL N...' accepts
 * them: each is marked '[x]' where it stands and written into its pillar
 * (calls_accept.c), the file rewritten atomically.  Nothing else of the
 * file changes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calls/calls_accept.h"
#include "calls/calls_cues.h"
#include "cmd.h"
#include "cmd_calls.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "parse.h"

/* One opened deal and its points. */
struct calls_accept_file {
	struct calls_deal_file	 f;
	struct call_points	 pts;
};

static void
accept_file_close(struct calls_accept_file *a)
{
	cmd_calls_close(&a->f);
	calls_points_dispose(&a->pts);
}

/* Open the deal and number its points; 0, or the exit status. */
static int
accept_file_open(struct calls_accept_file *a, const char *deal,
    struct diag_list *dl)
{
	int	 r;

	memset(&a->pts, 0, sizeof(a->pts));
	if ((r = cmd_calls_open(&a->f, deal, dl)) != 0)
		return r;
	if (calls_points_read(&a->pts, a->f.text) != 0) {
		cmd_error("out of memory");
		return 2;
	}
	return 0;
}

/* The class of a point as a word. */
static const char *
point_class(const struct call_point *pt)
{
	return pt->cls >= 0 ? cues_class_name((enum cue_class)pt->cls) :
	    "note";
}

int
cmd_calls_list(const struct cli *cli, int argc, char **argv)
{
	struct calls_accept_file a;
	struct diag_list	 dl;
	size_t			 i, open = 0;
	int			 status;

	(void)cli;
	if (argc != 3) {
		fputs("usage: handoff calls list DEAL\n", stderr);
		return 2;
	}
	diag_list_init(&dl);
	if ((status = accept_file_open(&a, argv[2], &dl)) == 0) {
		for (i = 0; i < a.pts.n; i++) {
			const struct call_point *pt = &a.pts.v[i];

			open += !pt->accepted;
			printf("%3zu  [%c] %-10s %s  %.*s\n", i + 1,
			    pt->accepted ? 'x' : '?', point_class(pt),
			    pt->date[0] ? pt->date : "-",
			    (int)(pt->end - pt->text), a.f.text + pt->text);
		}
		printf("%s: %zu suggestion%s, %zu open; accept with 'handoff "
		    "calls accept %s N...'\n", a.f.path, a.pts.n,
		    a.pts.n == 1 ? "" : "s", open, argv[2]);
	}
	diag_print_text(stderr, &dl);
	diag_list_dispose(&dl);
	accept_file_close(&a);
	return status;
}

/* The numbers argv[3..] as indices into which (no duplicates); the
 * count, or (size_t)-1 after a message. */
static size_t
accept_numbers(int argc, char **argv, size_t npts, size_t *which)
{
	size_t	 n = 0, k, j;
	char	*end;
	long	 v;
	int	 i;

	for (i = 3; i < argc; i++) {
		errno = 0;
		v = strtol(argv[i], &end, 10);
		if (errno != 0 || *end != '\0' || end == argv[i] || v < 1 ||
		    (size_t)v > npts) {
			cmd_error("calls accept: '%s' is not a suggestion "
			    "number: the deal has %zu (see 'handoff calls list "
			    "%s')", argv[i], npts, argv[2]);
			return (size_t)-1;
		}
		k = (size_t)v - 1;
		for (j = 0; j < n && which[j] != k; j++)
			;
		if (j == n)
			which[n++] = k;
	}
	return n;
}

int
cmd_calls_accept(const struct cli *cli, int argc, char **argv)
{
	struct calls_accept_file a;
	struct calls_deal_file	*f = &a.f;
	struct diag_list	 dl;
	struct model		*m = NULL;
	struct buf		 out;
	size_t			*which = NULL, n = 0, i, took = 0;
	int			 status;

	(void)cli;
	if (argc < 4) {
		fputs("usage: handoff calls accept DEAL N...\n", stderr);
		return 2;
	}
	diag_list_init(&dl);
	buf_init(&out);
	if ((status = accept_file_open(&a, argv[2], &dl)) != 0)
		goto done;
	status = 1;
	if ((which = calloc((size_t)argc, sizeof(*which))) == NULL ||
	    (n = accept_numbers(argc, argv, a.pts.n, which)) == (size_t)-1)
		goto done;
	for (i = 0; i < n; i++) {
		const struct call_point *pt = &a.pts.v[which[i]];

		if (pt->accepted)
			printf("%s:%u: suggestion %zu was accepted already\n",
			    f->path, pt->line, which[i] + 1);
		else if (pt->cls < 0 || cues_class_target(f->cues,
		    (enum cue_class)pt->cls) == NULL)
			printf("%s:%u: suggestion %zu has no pillar to go to; "
			    "marked accepted only\n", f->path, pt->line,
			    which[i] + 1);
		took += !pt->accepted;
	}
	if (took == 0) {
		status = 0;
		goto done;
	}
	/* The parsed file says where its fields are, whatever their
	 * headings; its diagnostics are check's to report. */
	{
		struct diag_list	 quiet;

		diag_list_init(&quiet);
		m = parse_md(f->path, f->text, f->len, &f->cfg.limits, &quiet);
		diag_list_dispose(&quiet);
	}
	if (m == NULL) {
		cmd_error("%s: cannot be read; run 'handoff check %s'", f->path,
		    argv[2]);
		goto done;
	}
	status = 2;
	if (calls_accept(&out, f->text, &a.pts, which, n, m, f->cues) != 0 ||
	    fs_write_atomic(f->path, out.data, out.len) != 0) {
		cmd_error("%s: cannot write the deal: %s", f->path,
		    fs_strerror(errno));
		goto done;
	}
	printf("%s: accepted %zu suggestion%s into the handoff\n", f->path, took,
	    took == 1 ? "" : "s");
	status = 0;
done:
	diag_print_text(stderr, &dl);
	diag_list_dispose(&dl);
	model_free(m);
	buf_dispose(&out);
	free(which);
	accept_file_close(&a);
	return status;
}
