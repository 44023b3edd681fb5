/* SPDX-License-Identifier: MIT */
/*
 * cmd_new.c: 'handoff new DEAL [--client NAME] [--segment S] [--xml]
 * [-o FILE]': write the skeleton from templates/new.md (or new.xml) of
 * the team repo, or the built-in copy, with {{deal}}, {{client}} and
 * {{segment}} filled in and escaped for the target format.  Never
 * overwrites a file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "diag.h"
#include "fsutil.h"
#include "mdform.h"

static const char usage[] =
    "usage: handoff new DEAL [--client NAME] [--segment S] [--xml] [-o FILE]\n"
    "\n"
    "Scaffold a handoff from templates/new.md (or new.xml with --xml):\n"
    "deals/DEAL.md when ./deals exists, else ./DEAL.md.  DEAL is the deal\n"
    "id: lowercase letters, digits and single dashes.  S is smb,\n"
    "mid-market or enterprise.  An existing file is never overwritten.\n";

struct new_opts {
	const char	*deal;
	const char	*client;
	char		*segment;	/* normalised, malloc'd */
	const char	*out;
	int		 xml;
};

/* The value to substitute for {{name}}, or NULL for an unknown name. */
static const char *
new_value(const struct new_opts *o, const char *name, size_t len)
{
	if (len == 4 && strncmp(name, "deal", 4) == 0)
		return o->deal;
	if (len == 6 && strncmp(name, "client", 6) == 0)
		return o->client ? o->client : "";
	if (len == 7 && strncmp(name, "segment", 7) == 0)
		return o->segment ? o->segment : "";
	return NULL;
}

static int
new_put_xml(struct buf *b, const char *s)
{
	int	 rc = 0;

	for (; *s != '\0' && rc == 0; s++)
		switch (*s) {
		case '&':
			rc = buf_puts(b, "&amp;");
			break;
		case '<':
			rc = buf_puts(b, "&lt;");
			break;
		case '>':
			rc = buf_puts(b, "&gt;");
			break;
		case '"':
			rc = buf_puts(b, "&quot;");
			break;
		default:
			rc = buf_putc(b, *s);
			break;
		}
	return rc;
}

/*
 * One template line with its placeholders filled.  In XML a line whose
 * placeholder is empty becomes a comment (an empty <segment/> would be a
 * schema error, and a blank must count as missing, not as filled).
 */
static int
new_line(struct buf *b, const struct new_opts *o, const char *s, size_t len)
{
	const char	*p, *end = s + len, *close, *v;
	size_t		 indent = strspn(s, " \t");
	int		 rc = 0, blank = 0;

	for (p = s; o->xml && p + 1 < end; p++)
		if (strncmp(p, "{{", 2) == 0 &&
		    (close = strstr(p, "}}")) != NULL && close < end &&
		    (v = new_value(o, p + 2, (size_t)(close - p - 2))) != NULL &&
		    *v == '\0')
			blank = 1;
	if (blank)
		rc |= buf_put(b, s, indent) | buf_puts(b, "<!-- ");
	for (p = s + (blank ? indent : 0); p < end && rc == 0; ) {
		if (strncmp(p, "{{", 2) == 0 &&
		    (close = strstr(p, "}}")) != NULL && close < end &&
		    (v = new_value(o, p + 2, (size_t)(close - p - 2))) != NULL) {
			if (blank && *v == '\0') {
				rc |= buf_put(b, p + 2, (size_t)(close - p - 2));
			} else if (o->xml)
				rc |= new_put_xml(b, v);
			else if (*v != '\0')
				rc |= md_put_yaml(b, v);
			p = close + 2;
		} else
			rc |= buf_putc(b, *p++);
	}
	if (blank)
		rc |= buf_puts(b, " -->");
	/* 'client: ' with no value: no trailing blank (as fmt writes it). */
	while (rc == 0 && b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	return rc ? -1 : 0;
}

/* The template text with the placeholders filled, into b. */
static int
new_fill(struct buf *b, const struct new_opts *o, const char *t, size_t len)
{
	const char	*nl, *end = t + len;

	while (t < end) {
		nl = memchr(t, '\n', (size_t)(end - t));
		if (new_line(b, o, t, nl ? (size_t)(nl - t) : (size_t)(end - t))
		    == -1 || (nl != NULL && buf_putc(b, '\n') == -1))
			return -1;
		t = nl ? nl + 1 : end;
	}
	return 0;
}

/* The team repo's template, else the built-in one; 0 or -1 (printed). */
static int
new_template(const struct new_opts *o, char **data, size_t *len)
{
	const char		*path = o->xml ? "templates/new.xml" :
				    "templates/new.md";
	const struct embedded	*e;
	int			 rc;

	if (fs_exists(path)) {
		if ((rc = fs_read(path, 1 << 20, data, len)) == 0)
			return 0;
		cmd_error("new: %s: %s", path, rc == -2 ? "too large" :
		    strerror(errno));
		return -1;
	}
	if ((e = fs_embedded(path)) == NULL ||
	    (*data = malloc(e->len + 1)) == NULL) {
		cmd_error("new: no built-in %s", path);
		return -1;
	}
	memcpy(*data, e->data, e->len + 1);
	*len = e->len;
	return 0;
}

/* 'handoff new: error: '../x' is not a deal id [deal-id]' and the hint. */
static void
new_bad_id(const char *id)
{
	struct diag_list	 dl;

	diag_list_init(&dl);
	diag_add(&dl, diag_pos_line("handoff new", 0), RULE_DEAL_ID,
	    "'%s' is not a deal id (1 to 64 characters)", id);
	diag_print_text(stderr, &dl);
	diag_list_dispose(&dl);
}

/* Parse and check the options; returns 0, 1 (bad value) or 2 (usage). */
static int
new_args(struct new_opts *o, int argc, char **argv)
{
	const char	*seg = NULL;
	const char	*p;
	int		 i;

	memset(o, 0, sizeof(*o));
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--client") == 0 && i + 1 < argc)
			o->client = argv[++i];
		else if (strcmp(argv[i], "--segment") == 0 && i + 1 < argc)
			seg = argv[++i];
		else if (strcmp(argv[i], "--xml") == 0)
			o->xml = 1;
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			o->out = argv[++i];
		else if (argv[i][0] == '-') {
			cmd_error("new: unknown option '%s'", argv[i]);
			return 2;
		} else if (o->deal == NULL)
			o->deal = argv[i];
		else {
			cmd_error("new: one deal at a time");
			return 2;
		}
	}
	if (o->deal == NULL) {
		cmd_error("new: which deal? give its id, e.g. 'acme-logistics'");
		return 2;
	}
	if (!fs_deal_id_ok(o->deal)) {
		new_bad_id(o->deal);
		return 1;
	}
	for (p = o->client; p != NULL && *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			cmd_error("new: the client name must be one line of "
			    "text");
			return 1;
		}
	if (seg != NULL) {
		if ((o->segment = md_enum(seg)) == NULL)
			return 2;
		if (strcmp(o->segment, "smb") != 0 &&
		    strcmp(o->segment, "mid-market") != 0 &&
		    strcmp(o->segment, "enterprise") != 0) {
			cmd_error("new: segment '%s' is not smb, mid-market "
			    "or enterprise", seg);
			return 1;
		}
	}
	return 0;
}

/* deals/DEAL.md when ./deals is a folder, else ./DEAL.md. */
static char *
new_path(const struct new_opts *o)
{
	struct stat	 st;
	char		 name[80];

	if (o->out != NULL)
		return strdup(o->out);
	snprintf(name, sizeof(name), "%s%s", o->deal, o->xml ? ".xml" : ".md");
	if (stat("deals", &st) == 0 && S_ISDIR(st.st_mode))
		return fs_join("deals", name);
	return strdup(name);
}

int
cmd_new(const struct cli *cli, int argc, char **argv)
{
	struct new_opts	 o;
	struct buf	 b;
	char		*tmpl = NULL, *path = NULL;
	size_t		 len;
	int		 rc;

	(void)cli;
	if (cmd_wants_help(argc, argv, usage))
		return 0;
	buf_init(&b);
	if ((rc = new_args(&o, argc, argv)) != 0) {
		if (rc == 2)
			fputs(usage, stderr);
		goto out;
	}
	rc = 2;
	if ((path = new_path(&o)) == NULL)
		goto out;
	if (fs_exists(path)) {
		cmd_error("new: %s already exists; not overwriting it", path);
		rc = 1;
		goto out;
	}
	if (new_template(&o, &tmpl, &len) == -1)
		goto out;
	if (new_fill(&b, &o, tmpl, len) == -1 ||
	    fs_write_atomic(path, b.data ? b.data : "", b.len) == -1) {
		cmd_error("new: cannot write %s: %s", path, strerror(errno));
		goto out;
	}
	printf("%s\n", path);
	rc = 0;
out:
	buf_dispose(&b);
	free(tmpl);
	free(path);
	free(o.segment);
	return rc;
}
