/* SPDX-License-Identifier: MIT */
/*
 * cmd_templates.c: 'handoff templates check' compiles and type-checks the
 * e-mail templates (ROOT/templates over the built-in ones);
 * 'handoff templates render FILE --data DATA.yml [--partials DIR]' renders
 * any Mustache template against plain YAML data; 'handoff templates data
 * DEAL' prints, as JSON, the names a template sees for a deal.  One
 * command; 'handoff template ...' is kept as an old spelling.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "deal_name.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "mustache.h"
#include "render.h"
#include "session.h"
#include "templates.h"

static const char usage[] =
    "usage: handoff templates check\n"
    "       handoff templates render TEMPLATE --data FILE.yml "
    "[--partials DIR] [--html]\n"
    "       handoff templates data DEAL\n"
    "\n"
    "check   compile every template in templates/ (and the built-in\n"
    "        ones), check each name against the schema and refuse\n"
    "        internal fields in client-facing templates\n"
    "render  render a Mustache template against YAML data to stdout;\n"
    "        partials come from DIR (default: the template's folder);\n"
    "        HTML escaping with --html or a .html.mustache name\n"
    "data    the values a template sees for a deal (an id or a path),\n"
    "        as JSON\n"
    "Exit status: 0 clean, 1 invalid, 2 usage or system error.\n";

static int
finish(struct diag_list *dl, int rc)
{
	diag_list_sort(dl);
	diag_print_text(stderr, dl);
	if (rc == 0)
		rc = diag_list_status(dl);
	diag_list_dispose(dl);
	return rc;
}

static int
tpl_check_cmd(const struct cli *cli)
{
	struct session		 s;
	struct diag_list	 dl;
	struct templates	*t;
	const char		*name, *file;
	size_t			 i;
	int			 client;
	char			 root[128];

	diag_list_init(&dl);
	(void)deal_name_root(root, sizeof(root));
	if (session_open(&s, root, cli->today, cli->now, &dl) == -1) {
		session_close(&s);
		return finish(&dl, 2);
	}
	t = templates_load(s.root, s.schema, &s.config.limits, &dl);
	for (i = 0; (name = templates_at(t, i, &client, &file)) != NULL; i++)
		printf("%-16s %-9s %s\n", name, client ? "client" : "internal",
		    file);
	if (t != NULL)
		printf("templates: %zu checked, no errors\n", i);
	templates_free(t);
	session_close(&s);
	return finish(&dl, 0);
}

/* Every DIR/NAME.mustache but the template itself into the set. */
static int
load_partials(struct mustache_set *set, const char *dir, const char *self,
    struct diag_list *dl)
{
	DIR		*d;
	struct dirent	*de;
	struct mustache	*t;
	char		*path, *data, *name;
	size_t		 len, n;
	int		 rc = 0;

	if ((d = opendir(dir)) == NULL) {
		diag_add(dl, diag_pos_line(dir, 0), RULE_IO,
		    "cannot open partials folder: %s", fs_strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n <= 9 || strcmp(de->d_name + n - 9, ".mustache") != 0)
			continue;
		data = name = NULL;
		t = NULL;
		if ((path = fs_join(dir, de->d_name)) != NULL &&
		    strcmp(path, self) == 0) {
			free(path);
			continue;
		}
		if (path != NULL &&
		    (name = strndup(de->d_name, n - 9)) != NULL &&
		    fs_read(path, 1 << 20, &data, &len) == 0)
			t = mustache_compile(name, path, data, len, dl);
		else
			diag_add(dl, diag_pos_line(dir, 0), RULE_IO,
			    "cannot read '%s'", de->d_name);
		if (t == NULL || mustache_set_add(set, t) == -1)
			rc = -1;
		free(path);
		free(name);
		free(data);
	}
	closedir(d);
	return rc;
}

/* A file's contents or a diagnostic. */
static char *
read_or_diag(const char *path, size_t *len, struct diag_list *dl)
{
	char	*data = NULL;
	int	 r;

	if ((r = fs_read(path, 1 << 20, &data, len)) == 0)
		return data;
	diag_add(dl, diag_pos_line(path, 0), r == -2 ? RULE_FILE_TOO_LARGE :
	    RULE_IO, "%s", r == -2 ? "file is larger than 1 MiB" :
	    fs_strerror(errno));
	return NULL;
}

static int
tpl_render_cmd(int argc, char **argv)
{
	struct diag_list	 dl;
	struct mustache_set	*set = NULL;
	struct mustache		*t = NULL;
	struct myaml		*y = NULL;
	struct mustache_render	 r;
	struct mustache_val	 root;
	struct buf		 out;
	const char		*tpl = NULL, *data = NULL, *pdir = NULL;
	char			*src = NULL, *ysrc = NULL, *dir = NULL;
	size_t			 len, ylen;
	int			 i, html = 0, rc = 1;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
			data = argv[++i];
		else if (strcmp(argv[i], "--partials") == 0 && i + 1 < argc)
			pdir = argv[++i];
		else if (strcmp(argv[i], "--html") == 0)
			html = 1;
		else if (argv[i][0] != '-' && tpl == NULL)
			tpl = argv[i];
		else {
			fputs(usage, stderr);
			return 2;
		}
	}
	if (tpl == NULL || data == NULL) {
		fputs(usage, stderr);
		return 2;
	}
	diag_list_init(&dl);
	buf_init(&out);
	len = strlen(tpl);
	if (len > 14 && strcmp(tpl + len - 14, ".html.mustache") == 0)
		html = 1;
	if (pdir == NULL) {
		dir = strdup(tpl);
		if (dir != NULL && strrchr(dir, '/') != NULL)
			*strrchr(dir, '/') = '\0';
		else if (dir != NULL)
			strcpy(dir, ".");
		pdir = dir;
	}
	if ((set = mustache_set_new()) == NULL || pdir == NULL ||
	    (src = read_or_diag(tpl, &len, &dl)) == NULL ||
	    (ysrc = read_or_diag(data, &ylen, &dl)) == NULL)
		goto out;
	t = mustache_compile(tpl, tpl, src, len, &dl);
	y = mustache_yaml_load(data, ysrc, ylen, 64, &dl);
	if (load_partials(set, pdir, tpl, &dl) == -1 || t == NULL || y == NULL)
		goto out;
	memset(&r, 0, sizeof(r));
	r.data = &mustache_yaml_data;
	r.partials = set;
	r.max_depth = 32;
	r.flags = html ? MUSTACHE_HTML : 0;
	root = mustache_yaml_val(y);
	if (mustache_render(&out, t, &root, &r, &dl) == 0) {
		fwrite(out.data ? out.data : "", 1, out.len, stdout);
		rc = 0;
	}
out:
	if (set == NULL || pdir == NULL)
		rc = 2;
	mustache_free(t);
	mustache_set_free(set);
	mustache_yaml_free(y);
	buf_dispose(&out);
	free(src);
	free(ysrc);
	free(dir);
	return finish(&dl, rc);
}

static int
tpl_data_cmd(const struct cli *cli, const char *deal)
{
	struct session		 s;
	struct diag_list	 dl, one;
	struct templates	*t = NULL;
	struct model		*m = NULL;
	struct verdict		 v;
	struct render_ctx	 rc;
	struct buf		 out;
	char			 root[128], *path = NULL;
	int			 st = 1, r;

	diag_list_init(&dl);
	diag_list_init(&one);
	buf_init(&out);
	(void)deal_name_root(root, sizeof(root));
	if (session_open(&s, root, cli->today, cli->now, &dl) == -1) {
		st = 2;
		goto out;
	}
	if ((t = templates_load(s.root, s.schema, &s.config.limits,
	    &dl)) == NULL)
		goto out;
	if ((r = deal_name_resolve(&path, root, deal, &dl)) != 0) {
		st = r == 1 ? 1 : 2;
		goto out;
	}
	if ((m = session_check_file(&s, path, &v, &one)) == NULL) {
		diag_list_move(&dl, &one);
		goto out;
	}
	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.v = &v;
	rc.c = &s.config;
	rc.s = s.schema;
	rc.t = t;
	rc.version = "";
	rc.today = s.today;
	rc.now = s.now;
	if (templates_json(&out, t, &rc) == -1) {
		st = 2;
		goto out;
	}
	fwrite(out.data, 1, out.len, stdout);
	st = 0;
out:
	free(path);
	diag_list_dispose(&one);
	buf_dispose(&out);
	model_free(m);
	templates_free(t);
	session_close(&s);
	return finish(&dl, st);
}

int
cmd_templates(const struct cli *cli, int argc, char **argv)
{
	if (cmd_wants_help(argc, argv, usage))
		return 0;
	if (argc >= 2 && strcmp(argv[1], "check") == 0 && argc == 2)
		return tpl_check_cmd(cli);
	if (argc >= 2 && strcmp(argv[1], "render") == 0)
		return tpl_render_cmd(argc - 1, argv + 1);
	if (argc == 3 && strcmp(argv[1], "data") == 0)
		return tpl_data_cmd(cli, argv[2]);
	fputs(usage, stderr);
	return 2;
}
