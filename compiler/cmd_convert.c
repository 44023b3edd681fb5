/* SPDX-License-Identifier: MIT */
/*
 * cmd_convert.c: 'handoff convert FILE --to xml|md [-o OUT]'.  Parses
 * only (a draft need not be complete: a commitment without its owner
 * converts fine), prints the parse diagnostics to stderr, and refuses a
 * file only when reading it lost something (an unreadable file, broken
 * YAML, a duplicate key, a value it could not read): a conversion that
 * drops a value is worse than none.  Output goes to stdout, or
 * atomically to OUT.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "config.h"
#include "deal_name.h"
#include "read/read_resolve.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "parse.h"
#include "render.h"

static const char usage[] =
    "usage: handoff convert DEAL --to xml|md [-o OUT]\n"
    "\n"
    "Convert a handoff between its Markdown and XML forms, losslessly\n"
    "(unknown sections, columns and keys are kept).  Writes to stdout,\n"
    "or atomically to OUT.  A file that cannot be read without losing a\n"
    "value is refused (exit 1).  Completeness is not checked: use\n"
    "'handoff check' for that.\n";

struct convert_opts {
	const char	*in;
	const char	*out;
	int		 to_md;
};

/* Options in any order.  0, or -1 after printing the usage error. */
static int
convert_args(struct convert_opts *o, int argc, char **argv)
{
	const char	*to = NULL;
	int		 i, dashdash = 0;

	memset(o, 0, sizeof(*o));
	for (i = 1; i < argc; i++) {
		if (!dashdash && strcmp(argv[i], "--") == 0)
			dashdash = 1;
		else if (!dashdash && strcmp(argv[i], "--to") == 0 &&
		    i + 1 < argc)
			to = argv[++i];
		else if (!dashdash && strncmp(argv[i], "--to=", 5) == 0)
			to = argv[i] + 5;
		else if (!dashdash && strcmp(argv[i], "-o") == 0 &&
		    i + 1 < argc)
			o->out = argv[++i];
		else if (!dashdash && argv[i][0] == '-' && argv[i][1] != '\0') {
			cmd_error("convert: unknown option '%s'", argv[i]);
			return -1;
		} else if (o->in == NULL)
			o->in = argv[i];
		else {
			cmd_error("convert: one file at a time");
			return -1;
		}
	}
	if (o->in == NULL || to == NULL) {
		cmd_error("convert: %s", o->in == NULL ? "no input file" :
		    "say --to xml or --to md");
		return -1;
	}
	if (strcmp(to, "md") == 0 || strcmp(to, "markdown") == 0)
		o->to_md = 1;
	else if (strcmp(to, "xml") != 0) {
		cmd_error("convert: unknown format '%s' (xml or md)", to);
		return -1;
	}
	return 0;
}

/* True when a parse diagnostic means a value did not reach the tree. */
static int
convert_lossy(const struct diag_list *dl)
{
	size_t	 i;

	for (i = 0; i < dl->n; i++) {
		if (dl->v[i].sev < SEV_ERROR)
			continue;
		if (dl->v[i].rule <= RULE_UNKNOWN_FORMAT ||
		    dl->v[i].rule == RULE_YAML_DUPLICATE ||
		    dl->v[i].rule == RULE_MONEY_FORMAT)
			return 1;
	}
	return 0;
}

/* Read and parse in; NULL (diagnostics in dl) when refused. */
static struct model *
convert_read(const char *in, const struct limits *lim, struct diag_list *dl)
{
	struct model	*m = NULL;
	char		*data = NULL;
	size_t		 len = 0;
	int		 rc;

	if ((rc = fs_read(in, lim->max_file_size, &data, &len)) == -2)
		diag_add(dl, diag_pos_line(in, 0), RULE_FILE_TOO_LARGE,
		    "file is larger than %zu bytes", lim->max_file_size);
	else if (rc == -1)
		diag_add(dl, diag_pos_line(in, 0), RULE_IO, "cannot read: %s",
		    fs_strerror(errno));
	else if (parse_check_bytes(in, data, len, lim, dl) == 0)
		m = parse_any(in, data, len, lim, dl);
	free(data);
	if (m != NULL && convert_lossy(dl)) {
		model_free(m);
		m = NULL;
	}
	return m;
}

/* Render m in the chosen form into b.  0 or -1. */
static int
convert_render(struct buf *b, const struct model *m, int to_md,
    struct diag_list *dl)
{
	char	*xml;
	size_t	 len;
	int	 rc;

	if (to_md)
		return render_md(b, m, dl);
	if ((xml = model_to_xml(m, &len)) == NULL)
		return -1;
	rc = buf_put(b, xml, len);
	free(xml);
	return rc;
}

int
cmd_convert(const struct cli *cli, int argc, char **argv)
{
	struct convert_opts	 o;
	struct config		 c;
	struct diag_list	 dl;
	struct model		*m = NULL;
	struct buf		 b;
	char			 rootbuf[128], *in = NULL, *cfg = NULL;
	const char		*root;
	int			 rc = 2, r;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	if (convert_args(&o, argc, argv) == -1) {
		fputs(usage, stderr);
		return 2;
	}
	diag_list_init(&dl);
	buf_init(&b);
	config_init(&c);
	(void)deal_name_root(rootbuf, sizeof(rootbuf));
	root = rootbuf;
	if ((cfg = fs_join(root, "handoff.yml")) == NULL ||
	    config_load(&c, cfg, 0, &dl) == -1)
		goto out;
	if ((r = deal_name_resolve(&in, root, o.in, &dl)) != 0) {
		rc = r == 1 ? 1 : 2;
		goto out;
	}
	o.in = in;
	if ((m = convert_read(o.in, &c.limits, &dl)) == NULL) {
		rc = diag_list_status(&dl) == 2 ? 2 : 1;
		goto out;
	}
	/* Dates as written -> YYYY-MM-DD, as 'check' reads them. */
	if (read_resolve(m, &c, cli->today >= 0 ? cli->today :
	    (int)(cli->now / 86400)) == -1) {
		diag_add(&dl, diag_pos_line(o.in, 0), RULE_OUTPUT,
		    "cannot convert: out of memory");
		goto out;
	}
	if (convert_render(&b, m, o.to_md, &dl) == -1) {
		diag_add(&dl, diag_pos_line(o.in, 0), RULE_OUTPUT,
		    "cannot convert: out of memory");
		goto out;
	}
	if (o.out != NULL) {
		if (fs_write_atomic(o.out, b.data ? b.data : "", b.len) == -1) {
			diag_add(&dl, diag_pos_line(o.out, 0), RULE_OUTPUT,
			    "cannot write: %s", fs_strerror(errno));
			goto out;
		}
	} else if (b.len > 0 && (fwrite(b.data, 1, b.len, stdout) != b.len ||
	    fflush(stdout) != 0)) {
		cmd_error("convert: cannot write to stdout: %s",
		    fs_strerror(errno));
		goto out;
	}
	rc = 0;
out:
	diag_list_sort(&dl);
	diag_print_text(stderr, &dl);
	diag_list_dispose(&dl);
	buf_dispose(&b);
	model_free(m);
	config_dispose(&c);
	free(in);
	free(cfg);
	return rc;
}
