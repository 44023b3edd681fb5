/* SPDX-License-Identifier: MIT */
/*
 * deal_name.c: what a DEAL argument names and where the team repo is
 * (see deal_name.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "deal_name.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "near.h"

#define DEALS_DIR	"deals"
#define ROOT_DEPTH	32	/* folders above the working directory tried */

static const char *const deal_exts[] = { ".md", ".xml", ".markdown" };

static int
is_dir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir/name exists (dir "" is the working directory). */
static int
has(const char *dir, const char *name, int want_dir)
{
	char	 p[4096];

	snprintf(p, sizeof(p), "%s%s", dir, name);
	return want_dir ? is_dir(p) : fs_exists(p);
}

/* How many folders up the git root is (0: here), or -1 outside git. */
static int
git_depth(void)
{
	char	 up[3 * ROOT_DEPTH + 1];
	int	 depth;

	up[0] = '\0';
	for (depth = 0; depth < ROOT_DEPTH; depth++) {
		if (has(up, ".git", 0))
			return depth;
		strcat(up, "../");
		if (!is_dir(up))
			break;
	}
	return -1;
}

int
deal_name_root(char *buf, size_t bufsz)
{
	char	 up[3 * ROOT_DEPTH + 1];
	int	 depth, top = git_depth();

	up[0] = '\0';
	for (depth = 0; depth <= top; depth++) {
		if (has(up, DEALS_DIR, 1) || has(up, "handoff.yml", 0)) {
			if (depth > 0)
				up[strlen(up) - 1] = '\0';	/* "../.." */
			snprintf(buf, bufsz, "%s", depth > 0 ? up : ".");
			return 1;
		}
		strcat(up, "../");
	}
	snprintf(buf, bufsz, ".");
	return 0;
}

int
deal_name_is_path(const char *arg)
{
	const char	*ext = fs_ext(arg);
	size_t		 i;

	if (strchr(arg, '/') != NULL || fs_exists(arg))
		return 1;
	for (i = 0; i < sizeof(deal_exts) / sizeof(deal_exts[0]); i++)
		if (strcmp(ext, deal_exts[i]) == 0)
			return 1;
	return 0;
}

/* root/deals/name, or deals/name when root is ".". */
static char *
deals_path(const char *root, const char *name)
{
	char	*dir, *p;

	if (strcmp(root, ".") == 0)
		return fs_join(DEALS_DIR, name);
	if ((dir = fs_join(root, DEALS_DIR)) == NULL)
		return NULL;
	p = fs_join(dir, name);
	free(dir);
	return p;
}

/* The deal ids of root/deals (file stems), sorted; free each and v. */
static int
deal_ids(char ***out, size_t *np, const char *root)
{
	DIR		*d;
	struct dirent	*e;
	char		*dir, **v = NULL, **nv;
	size_t		 n = 0, cap = 0, i;
	int		 ok;

	*out = NULL;
	*np = 0;
	if ((dir = deals_path(root, ".")) == NULL)
		return -1;
	d = opendir(dir);
	free(dir);
	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		for (ok = 0, i = 0; i < sizeof(deal_exts) /
		    sizeof(deal_exts[0]); i++)
			ok |= strcmp(fs_ext(e->d_name), deal_exts[i]) == 0;
		if (!ok)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				break;
			v = nv;
		}
		if ((v[n] = fs_stem(e->d_name)) != NULL)
			n++;
	}
	closedir(d);
	*out = v;
	*np = n;
	return 0;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
deal_name_suggest(struct buf *b, const char *root, const char *id)
{
	const char	*best[3];
	char		**ids;
	size_t		 n, k, i;
	int		 rv = 0;

	if (deal_ids(&ids, &n, root) == -1)
		return -1;
	if (n > 0)
		qsort(ids, n, sizeof(*ids), str_cmp);
	k = near_best(id, (const char *const *)ids, n, best, 3);
	for (i = 0; i < k && rv == 0; i++)
		rv = buf_printf(b, "%s'%s'", i == 0 ? "; did you mean " :
		    i + 1 == k ? " or " : ", ", best[i]);
	if (k > 0 && rv == 0)
		rv = buf_puts(b, "?");
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return rv == 0 ? 0 : -1;
}

int
deal_name_resolve(char **out, const char *root, const char *arg,
    struct diag_list *dl)
{
	struct buf	 near;
	char		 name[128], *dir;
	size_t		 i;
	int		 loose;

	*out = NULL;
	if (deal_name_is_path(arg))
		return (*out = strdup(arg)) != NULL ? 0 : -1;
	if ((dir = deals_path(root, "")) == NULL)
		return -1;
	loose = !is_dir(dir);	/* no deals/: the deals are here */
	free(dir);
	for (i = 0; i < sizeof(deal_exts) / sizeof(deal_exts[0]); i++) {
		snprintf(name, sizeof(name), "%.100s%s", arg, deal_exts[i]);
		if ((*out = loose ? strdup(name) : deals_path(root, name)) ==
		    NULL)
			return -1;
		if (fs_exists(*out))
			return 0;
		free(*out);
		*out = NULL;
	}
	buf_init(&near);
	if ((dir = deals_path(root, "")) == NULL ||
	    deal_name_suggest(&near, root, arg) == -1) {
		free(dir);
		buf_dispose(&near);
		return -1;
	}
	diag_add_hint(dl, diag_pos_line(dir, 0), RULE_DEAL_ID,
	    "give a deal id (a file name in deals/ without .md) or a path; "
	    "'handoff status' lists the deals",
	    "no deal '%.100s' (no file %s%.100s.md, .xml or .markdown)%s", arg,
	    dir, arg, near.data != NULL ? near.data : "");
	free(dir);
	buf_dispose(&near);
	return 1;
}

/* True when the folder that holds file is named deals. */
static int
in_deals_dir(const char *file)
{
	const char	*slash = strrchr(file, '/'), *p;
	size_t		 n = strlen(DEALS_DIR);

	if (slash == NULL || (size_t)(slash - file) < n)
		return 0;
	p = slash - n;
	return strncmp(p, DEALS_DIR, n) == 0 && (p == file || p[-1] == '/');
}

void
deal_name_check(struct diag_list *dl, const struct model *m,
    const char *file)
{
	const char	*id = model_get(m, "deal/id");
	xmlNodePtr	 n = model_find(m, "deal/id");
	char		*stem;

	if (n == NULL || !fs_deal_id_ok(id) || !in_deals_dir(file) ||
	    (stem = fs_stem(file)) == NULL)
		return;
	if (strcmp(stem, id) != 0)
		diag_add_hint(dl, model_pos(m, n), RULE_DEAL_ID,
		    "a deal in deals/ is named by its file: rename the file "
		    "or change the id so that they match",
		    "deal id '%s' differs from the file name '%s'", id, stem);
	free(stem);
}

int
deal_name_enter(const char *root, char **prefix)
{
	char	 before[4096], after[4096];
	size_t	 n;

	*prefix = NULL;
	if (strcmp(root, ".") == 0)
		return (*prefix = strdup("")) != NULL ? 0 : -1;
	if (getcwd(before, sizeof(before)) == NULL || chdir(root) == -1 ||
	    getcwd(after, sizeof(after)) == NULL)
		return -1;
	n = strlen(after);
	if (strncmp(before, after, n) != 0 || (before[n] != '/' &&
	    before[n] != '\0')) {
		errno = EXDEV;
		return -1;
	}
	if (before[n] == '\0')
		return (*prefix = strdup("")) != NULL ? 0 : -1;
	if ((*prefix = malloc(strlen(before + n + 1) + 2)) == NULL)
		return -1;
	sprintf(*prefix, "%s/", before + n + 1);
	return 0;
}

char *
deal_name_rebase(const char *prefix, const char *path)
{
	char	*p;

	if (path[0] == '/' || prefix == NULL || prefix[0] == '\0')
		return strdup(path);
	if ((p = malloc(strlen(prefix) + strlen(path) + 1)) == NULL)
		return NULL;
	sprintf(p, "%s%s", prefix, path);
	return p;
}
