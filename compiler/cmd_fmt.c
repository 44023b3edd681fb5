/* SPDX-License-Identifier: MIT */
/*
 * cmd_fmt.c: 'handoff fmt [--check | --diff] FILE...'.  Rewrites each
 * handoff into its canonical form (Markdown for .md, canonical XML for
 * .xml), in place and atomically, like gofmt.  A file is only rewritten
 * when nothing is lost: the canonical tree read back from the new text
 * must equal the one read from the old, and every word of the old text
 * (but the names of the form: headings, keys, column names, which the
 * tree holds) must appear in the new; otherwise the file is left alone
 * and said so.  Paragraphs the author wrapped by hand stay wrapped
 * where they were (fmt_wrap.c).
 * --check lists the files that would change (exit 1); --diff prints a
 * unified diff (diff -u) and changes nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "deal_name.h"
#include "diag.h"
#include "fmt_words.h"
#include "fmt_wrap.h"
#include "fsutil.h"
#include "model.h"
#include "parse.h"
#include "read/read_resolve.h"
#include "render.h"

static const char usage[] =
    "usage: handoff fmt [--check | --diff] DEAL...\n"
    "\n"
    "Rewrite each handoff in its canonical form (the form 'handoff new'\n"
    "writes), in place and atomically, keeping every word, comment and\n"
    "unknown section.  A file that cannot be rewritten without losing\n"
    "something is left as it is (exit 1).\n"
    "  --check  change nothing; list the files that would change (exit 1)\n"
    "  --diff   change nothing; print a unified diff of each change\n";

enum fmt_mode { FMT_WRITE, FMT_CHECK, FMT_DIFF };

/* Parse data as file; NULL when reading it lost something (in dl). */
static struct model *
fmt_parse(const char *file, const char *data, size_t len,
    const struct config *c, int today, struct diag_list *dl)
{
	struct model	*m;
	size_t		 i;

	if (parse_check_bytes(file, data, len, &c->limits, dl) != 0)
		return NULL;
	if ((m = parse_any(file, data, len, &c->limits, dl)) == NULL)
		return NULL;
	for (i = 0; i < dl->n; i++)
		if (dl->v[i].sev >= SEV_ERROR &&
		    (dl->v[i].rule <= RULE_UNKNOWN_FORMAT ||
		    dl->v[i].rule == RULE_YAML_DUPLICATE ||
		    dl->v[i].rule == RULE_MONEY_FORMAT)) {
			model_free(m);
			return NULL;
		}
	if (read_resolve(m, c, today) == -1) {
		model_free(m);
		return NULL;
	}
	return m;
}

/* The canonical XML of m (free()), or NULL. */
static char *
fmt_xml(const struct model *m, size_t *len)
{
	return model_to_xml(m, len);
}

/* diff -u of the file against new text, on stdout.  0 or -1. */
static int
fmt_diff(const char *file, const struct buf *b)
{
	char	 tmp[] = "/tmp/handoff-fmt-XXXXXX";
	int	 fd, st = 0;
	pid_t	 pid;

	if ((fd = mkstemp(tmp)) == -1)
		return -1;
	if (b->len > 0 && write(fd, b->data, b->len) != (ssize_t)b->len) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		execlp("diff", "diff", "-u", "--label", file, "--label", file,
		    "--", file, tmp, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &st, 0);
	unlink(tmp);
	return pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) <= 1 ? 0 : -1;
}

/*
 * The canonical text of file into b; 0, or -1 with the reason in dl.
 * *same is set when the file already is canonical.
 */
static int
fmt_one(const char *file, const struct config *c, int today,
    struct buf *b, int *same, struct diag_list *dl)
{
	struct model	*m = NULL, *m2 = NULL;
	char		*data = NULL, *x1 = NULL, *x2 = NULL, miss[64];
	size_t		 len = 0, l1 = 0, l2 = 0;
	int		 rc = -1, to_md, r;
	struct diag_list dl2;

	diag_list_init(&dl2);
	to_md = strcmp(fs_ext(file), ".xml") != 0;
	if ((r = fs_read(file, c->limits.max_file_size, &data, &len)) != 0) {
		diag_add(dl, diag_pos_line(file, 0), r == -2 ?
		    RULE_FILE_TOO_LARGE : RULE_IO, "cannot read: %s",
		    r == -2 ? "file too large" : fs_strerror(errno));
		goto out;
	}
	if ((m = fmt_parse(file, data, len, c, today, dl)) == NULL) {
		cmd_error("fmt: %s: not formatted: fix the errors above first "
		    "(nothing was changed)", file);
		goto out;
	}
	if ((to_md ? render_md(b, m, dl) : render_xml(b, m, dl)) == -1 ||
	    (to_md && fmt_wrap_keep(b, data, len) == -1))
		goto oom;
	*same = b->len == len && memcmp(b->data, data, len) == 0;
	if (*same) {
		rc = 0;
		goto out;
	}
	/* Nothing lost: the same canonical tree, and every word kept. */
	m2 = fmt_parse(file, b->data ? b->data : "", b->len, c, today, &dl2);
	if ((x1 = fmt_xml(m, &l1)) == NULL)
		goto oom;
	if (m2 == NULL || (x2 = fmt_xml(m2, &l2)) == NULL || l1 != l2 ||
	    memcmp(x1, x2, l1) != 0) {
		cmd_error("fmt: %s: not formatted: the canonical form would "
		    "read differently (nothing was changed; please report "
		    "this file)", file);
		goto out;
	}
	if (fmt_words_lost(data, len, b->data, b->len, miss,
	    sizeof(miss))) {
		if (!to_md && strstr(data, "<!--") != NULL)
			cmd_error("fmt: %s: not formatted: the canonical XML "
			    "keeps no comments, and this file has some "
			    "(nothing was changed)", file);
		else
			cmd_error("fmt: %s: not formatted: the canonical "
			    "form would lose the word '%s' (nothing was "
			    "changed)", file, miss);
		goto out;
	}
	rc = 0;
	goto out;
oom:
	diag_add(dl, diag_pos_line(file, 0), RULE_OUTPUT,
	    "cannot format: out of memory");
out:
	diag_list_dispose(&dl2);
	model_free(m);
	model_free(m2);
	free(data);
	free(x1);
	free(x2);
	return rc;
}

int
cmd_fmt(const struct cli *cli, int argc, char **argv)
{
	struct config		 c;
	struct diag_list	 dl, one;
	enum fmt_mode		 mode = FMT_WRITE;
	int			 i, rc = 0, dashdash = 0, nfiles = 0, same;
	int			 today, r;
	char			 rootbuf[128], *file = NULL, *cfg = NULL;
	const char		*root;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (i = 1; i < argc; i++) {
		if (dashdash || argv[i][0] != '-' || argv[i][1] == '\0')
			nfiles++;
		else if (strcmp(argv[i], "--") == 0)
			dashdash = 1;
		else if (strcmp(argv[i], "--check") == 0)
			mode = FMT_CHECK;
		else if (strcmp(argv[i], "--diff") == 0)
			mode = FMT_DIFF;
		else {
			cmd_error("fmt: unknown option '%s'", argv[i]);
			fputs(usage, stderr);
			return 2;
		}
	}
	if (nfiles == 0) {
		cmd_error("fmt: no file given");
		fputs(usage, stderr);
		return 2;
	}
	today = cli->today >= 0 ? cli->today : (int)(cli->now / 86400);
	diag_list_init(&dl);
	config_init(&c);
	(void)deal_name_root(rootbuf, sizeof(rootbuf));
	root = rootbuf;
	if ((cfg = fs_join(root, "handoff.yml")) == NULL ||
	    config_load(&c, cfg, 0, &dl) == -1) {
		rc = 2;
		goto out;
	}
	for (i = 1, dashdash = 0; i < argc; i++) {
		struct buf	 b;

		if (!dashdash && strcmp(argv[i], "--") == 0) {
			dashdash = 1;
			continue;
		}
		if (!dashdash && argv[i][0] == '-' && argv[i][1] != '\0')
			continue;
		buf_init(&b);
		same = 0;
		diag_list_init(&one);
		free(file);
		if ((r = deal_name_resolve(&file, root, argv[i], &one)) != 0) {
			diag_list_sort(&one);
			diag_print_text(stderr, &one);
			rc = r == 1 ? 1 : 2;
		} else if (fmt_one(file, &c, today, &b, &same, &one) == -1) {
			/* Only a refused file's diagnostics: 'check' is for
			 * the rest. */
			diag_list_sort(&one);
			diag_print_text(stderr, &one);
			rc = 1;
		}
		else if (same)
			;
		else if (mode == FMT_CHECK) {
			printf("%s\n", file);
			rc = 1;
		} else if (mode == FMT_DIFF) {
			if (fmt_diff(file, &b) == -1) {
				diag_add(&dl, diag_pos_line(file, 0),
				    RULE_OUTPUT, "cannot run diff -u");
				rc = 1;
			}
		} else if (fs_write_atomic(file, b.data ? b.data : "",
		    b.len) == -1) {
			diag_add(&dl, diag_pos_line(file, 0), RULE_OUTPUT,
			    "cannot write: %s", fs_strerror(errno));
			rc = 1;
		}
		diag_list_dispose(&one);
		buf_dispose(&b);
	}
out:
	diag_list_sort(&dl);
	diag_print_text(stderr, &dl);
	diag_list_dispose(&dl);
	config_dispose(&c);
	free(file);
	free(cfg);
	return rc;
}
