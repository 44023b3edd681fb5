/* SPDX-License-Identifier: MIT */
/*
 * templates.c: the team's e-mail templates.  Loads the built-in defaults
 * (templates/NAME.mustache compiled into the binary) and
 * ROOT/templates/NAME.mustache over them, compiles each once
 * (mustache_compile.c) and interns its names against the tree of names
 * built from the schema (templates_data.c), then checks the five e-mail
 * templates by walking every branch, partial, parent and block in
 * mustache's check mode against that tree: a name that is no field is an
 * error with a suggestion, and a client-facing template may reach no
 * internal field.  Rendering goes through a view of the deal
 * (templates_view.c), built once per deal.
 *
 * Audience: intro.* always goes to the client; any template may declare
 * {{! audience: client }} (or internal).  Other templates are internal.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "mustache.h"
#include "render.h"
#include "schema.h"
#include "near.h"
#include "templates.h"
#include "templates_data.h"

#define TPL_EXT		".mustache"
#define TPL_MAX_SIZE	(256 * 1024)

/* The templates build renders; every other template is a partial. */
static const char *const tpl_top[] = {
	"intro.subject", "intro.txt", "intro.html",
	"notice.subject", "notice.txt",
	"reminder.subject", "reminder.txt", "overdue.subject", "overdue.txt",
	"rejection.subject",
	"rejection.txt", "survey.subject", "survey.txt", NULL
};

struct templates {
	struct mustache_set	*set;
	struct fnode		*tree;
	unsigned		 max_depth;
	const struct mustache	**client;	/* client-facing ones */
	size_t			 nclient;
};

/* One check walk. */
struct checker {
	const struct mustache	*top;	/* the template being checked */
	int			 client;
	struct diag_list	*dl;
	struct {
		const struct mustache *t;
		unsigned line, col;
	}			 seen[64];	/* reported tags */
	size_t			 nseen;
};

/* ===== loading =========================================================== */

static int
tpl_add(struct templates *ts, const char *name, const char *file,
    const char *src, size_t len, struct diag_list *dl)
{
	struct mustache	*t;

	if ((t = mustache_compile(name, file, src, len, dl)) == NULL)
		return -1;
	return mustache_set_add(ts->set, t);
}

/* The name of a template file ("intro.txt" for "intro.txt.mustache"),
 * or NULL when it is no template. */
static char *
tpl_name(const char *base)
{
	size_t	 n = strlen(base), e = strlen(TPL_EXT);

	if (n <= e || strcmp(base + n - e, TPL_EXT) != 0 || base[0] == '.')
		return NULL;
	return strndup(base, n - e);
}

static int
tpl_builtin(struct templates *ts, struct diag_list *dl)
{
	const struct embedded	*e;
	char			*name, file[256];
	size_t			 i;
	int			 rc = 0;

	for (i = 0; (e = fs_embedded_at(i)) != NULL; i++) {
		if (strncmp(e->path, "templates/", 10) != 0 ||
		    (name = tpl_name(e->path + 10)) == NULL)
			continue;
		snprintf(file, sizeof(file), "<built-in>/%s", e->path);
		if (tpl_add(ts, name, file, (const char *)e->data, e->len,
		    dl) == -1)
			rc = -1;
		free(name);
	}
	return rc;
}

/* ROOT/templates/NAME.mustache, each replacing the built-in of its name. */
static int
tpl_dir(struct templates *ts, const char *dir, struct diag_list *dl)
{
	DIR		*d;
	struct dirent	*de;
	char		*name, *path, *data;
	size_t		 len;
	int		 rc = 0, r;

	if ((d = opendir(dir)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((de = readdir(d)) != NULL) {
		if ((name = tpl_name(de->d_name)) == NULL)
			continue;
		data = NULL;
		if ((path = fs_join(dir, de->d_name)) == NULL ||
		    (r = fs_read(path, TPL_MAX_SIZE, &data, &len)) != 0) {
			diag_add(dl, diag_pos_line(path ? path : dir, 0),
			    RULE_IO, "cannot read template: %s", path == NULL ?
			    "out of memory" : r == -2 ? "too large" :
			    fs_strerror(errno));
			rc = -1;
		} else if (tpl_add(ts, name, path, data, len, dl) == -1)
			rc = -1;
		free(data);
		free(path);
		free(name);
	}
	closedir(d);
	return rc;
}

/* ===== audience ========================================================== */

/* What t declares: 1 client, 0 internal, -1 nothing; an unknown value is
 * an error. */
static int
tpl_declared(const struct mustache *t, struct diag_list *dl)
{
	const char	*s;
	size_t		 i, n;
	unsigned	 line;

	for (i = 0; (s = mustache_comment(t, i, &n, &line)) != NULL; i++) {
		if (n < 9 || strncasecmp(s, "audience:", 9) != 0)
			continue;
		s += 9;
		n -= 9;
		while (n > 0 && isspace((unsigned char)*s)) {
			s++;
			n--;
		}
		if (n == 6 && strncasecmp(s, "client", 6) == 0)
			return 1;
		if (n == 8 && strncasecmp(s, "internal", 8) == 0)
			return 0;
		diag_add(dl, diag_pos_line(mustache_file(t), line),
		    RULE_TEMPLATE_AUDIENCE, "unknown audience '%.*s': "
		    "write 'client' or 'internal'", (int)n, s);
		return -1;
	}
	return -1;
}

static int
tpl_audience(struct templates *ts, const struct mustache *t,
    struct diag_list *dl)
{
	const struct mustache	**v;
	int			 decl = tpl_declared(t, dl);
	int			 intro;

	intro = strncmp(mustache_name(t), "intro.", 6) == 0;
	if (intro && decl == 0)
		diag_add(dl, diag_pos_line(mustache_file(t), 1),
		    RULE_TEMPLATE_AUDIENCE, "'%s' goes to the client and "
		    "cannot be internal", mustache_name(t));
	if (!intro && decl != 1)
		return 0;
	if ((v = reallocarray(ts->client, ts->nclient + 1,
	    sizeof(*v))) == NULL)
		return -1;
	ts->client = v;
	v[ts->nclient++] = t;
	return 0;
}

static int
tpl_is_client(const struct templates *ts, const struct mustache *t)
{
	size_t	 i;

	for (i = 0; i < ts->nclient; i++)
		if (ts->client[i] == t)
			return 1;
	return 0;
}

/* ===== checking ========================================================== */

struct guess {
	const char	*name;
	size_t		 len;
	size_t		 best;
	struct buf	 path;	/* the best so far */
	struct buf	 tmp;
};

/* Every dotted name below n (relative to it), against the guess. */
static void
guess_walk(struct guess *g, const struct fnode *n, size_t depth)
{
	size_t	 i, mark, d;

	for (i = 0; i < n->nkids && depth < 5; i++) {
		mark = g->tmp.len;
		if ((mark > 0 && buf_putc(&g->tmp, '.') == -1) ||
		    buf_puts(&g->tmp, n->kids[i]->name) == -1)
			return;
		d = near_distance(g->name, g->len, g->tmp.data);
		if (d < g->best) {
			g->best = d;
			buf_clear(&g->path);
			buf_puts(&g->path, g->tmp.data);
		}
		guess_walk(g, n->kids[i], depth + 1);
		g->tmp.len = mark;
		g->tmp.data[mark] = '\0';
	}
}

static void
check_unknown(struct checker *ck, const struct mustache_note *n,
    struct srcpos pos)
{
	struct guess	 g;
	size_t		 i;

	memset(&g, 0, sizeof(g));
	g.name = n->name;
	g.len = n->len;
	g.best = n->len / 3 < 2 ? 3 : n->len / 3 + 1;
	buf_init(&g.path);
	buf_init(&g.tmp);
	for (i = n->depth; i > 0; i--) {
		const struct fnode *f = n->stack[i - 1].q;

		guess_walk(&g, f, 0);
		if (f->alias != NULL)
			guess_walk(&g, f->alias, 0);
	}
	if (g.path.len > 0)
		diag_add(ck->dl, pos, RULE_TEMPLATE_FIELD,
		    "no field '%.*s'; did you mean '%s'?", (int)n->len,
		    n->name, g.path.data);
	else
		diag_add(ck->dl, pos, RULE_TEMPLATE_FIELD, "no field '%.*s'",
		    (int)n->len, n->name);
	buf_dispose(&g.path);
	buf_dispose(&g.tmp);
}

static void
check_internal(struct checker *ck, const struct mustache_note *n,
    struct srcpos pos)
{
	const struct fnode	*f = n->v->q;
	struct buf		 path;

	buf_init(&path);
	tdata_path(&path, f);
	if (n->t == ck->top)
		diag_add(ck->dl, pos, RULE_TEMPLATE_AUDIENCE,
		    "'%.*s' is internal (%s) and this template goes to the "
		    "client", (int)n->len, n->name,
		    path.data ? path.data : f->label);
	else
		diag_add(ck->dl, pos, RULE_TEMPLATE_AUDIENCE,
		    "'%.*s' is internal (%s) and reaches client-facing "
		    "template '%s'", (int)n->len, n->name,
		    path.data ? path.data : f->label, mustache_name(ck->top));
	buf_dispose(&path);
}

/* Report a tag once, however often the walk passes it. */
static int
check_once(struct checker *ck, const struct mustache_note *n)
{
	size_t	 i;

	for (i = 0; i < ck->nseen; i++)
		if (ck->seen[i].t == n->t && ck->seen[i].line == n->line &&
		    ck->seen[i].col == n->col)
			return 0;
	if (ck->nseen < sizeof(ck->seen) / sizeof(ck->seen[0])) {
		ck->seen[ck->nseen].t = n->t;
		ck->seen[ck->nseen].line = n->line;
		ck->seen[ck->nseen++].col = n->col;
	}
	return 1;
}

static void
check_note(void *ud, const struct mustache_note *n)
{
	struct checker		*ck = ud;
	const struct fnode	*f;
	struct srcpos		 pos;

	pos = diag_pos(mustache_file(n->t), n->line, n->col);
	switch (n->kind) {
	case MUSTACHE_NOTE_NAME:
		f = n->v ? n->v->q : NULL;
		if (f != NULL && !(ck->client && f->internal))
			return;
		if (!check_once(ck, n))
			return;
		if (f == NULL)
			check_unknown(ck, n, pos);
		else
			check_internal(ck, n, pos);
		break;
	case MUSTACHE_NOTE_PARTIAL:
		if (check_once(ck, n))
			diag_add(ck->dl, pos, RULE_TEMPLATE_PARTIAL,
			    "no template '%.*s'", (int)n->len, n->name);
		break;
	case MUSTACHE_NOTE_DYNAMIC:
		if (ck->client && check_once(ck, n))
			diag_add(ck->dl, pos, RULE_TEMPLATE_AUDIENCE,
			    "dynamic partial '*%.*s' cannot be checked in "
			    "client-facing template '%s'", (int)n->len,
			    n->name, mustache_name(ck->top));
		break;
	default:
		break;
	}
}

static int
tpl_check(const struct templates *ts, const struct mustache *t,
    struct diag_list *dl)
{
	struct mustache_data	 d = tdata_types;
	struct mustache_render	 r;
	struct mustache_val	 root;
	struct checker		 ck;
	struct buf		 none;
	int			 rc;

	memset(&ck, 0, sizeof(ck));
	ck.top = t;
	ck.client = tpl_is_client(ts, t);
	ck.dl = dl;
	d.note = check_note;
	memset(&r, 0, sizeof(r));
	r.data = &d;
	r.ud = &ck;
	r.partials = ts->set;
	r.max_depth = ts->max_depth;
	r.flags = MUSTACHE_CHECK;
	root = tdata_type_val(ts->tree);
	buf_init(&none);
	rc = mustache_render(&none, t, &root, &r, dl);
	buf_dispose(&none);
	return rc;
}

/* ===== the interface ===================================================== */

struct templates *
templates_load(const char *root, const struct schema *s,
    const struct limits *lim, struct diag_list *dl)
{
	struct templates	*ts;
	const struct mustache	*t;
	char			*dir = NULL;
	size_t			 i, errors = diag_list_count(dl, SEV_ERROR);
	int			 rc = -1;

	if ((ts = calloc(1, sizeof(*ts))) == NULL)
		return NULL;
	ts->max_depth = lim && lim->max_template_depth ?
	    lim->max_template_depth : 32;
	if ((ts->set = mustache_set_new()) == NULL ||
	    (ts->tree = tdata_tree_new(s)) == NULL ||
	    (dir = fs_join(root ? root : ".", "templates")) == NULL)
		goto out;
	if (tpl_builtin(ts, dl) == -1 || tpl_dir(ts, dir, dl) == -1)
		goto out;
	mustache_set_intern(ts->set, tdata_intern, ts->tree);
	for (i = 0; (t = mustache_set_at(ts->set, i)) != NULL; i++)
		if (tpl_audience(ts, t, dl) == -1)
			goto out;
	for (i = 0; tpl_top[i] != NULL; i++)
		if ((t = mustache_set_get(ts->set, tpl_top[i],
		    strlen(tpl_top[i]))) != NULL)
			tpl_check(ts, t, dl);
	rc = diag_list_count(dl, SEV_ERROR) > errors ? -1 : 0;
out:
	free(dir);
	if (rc == -1) {
		templates_free(ts);
		return NULL;
	}
	return ts;
}

void
templates_free(struct templates *ts)
{
	if (ts == NULL)
		return;
	mustache_set_free(ts->set);
	tdata_tree_free(ts->tree);
	free(ts->client);
	free(ts);
}

int
templates_has(const struct templates *ts, const char *name)
{
	return ts != NULL &&
	    mustache_set_get(ts->set, name, strlen(name)) != NULL;
}

struct templates_view *
templates_view_new(const struct templates *ts, const struct render_ctx *rc)
{
	return tview_new(rc, ts->tree);
}

void
templates_view_free(struct templates_view *v)
{
	tview_free(v);
}

int
templates_render_view(struct buf *out, const struct templates *ts,
    const char *name, struct templates_view *v, struct diag_list *dl)
{
	const struct mustache	*t;
	struct tview_render	 d;
	struct mustache_render	 r;
	struct mustache_val	 root;
	size_t			 n = strlen(name);

	if ((t = mustache_set_get(ts->set, name, n)) == NULL) {
		diag_add(dl, diag_pos_line(name, 0), RULE_TEMPLATE_PARTIAL,
		    "no template '%s'", name);
		return -1;
	}
	d.view = v;
	d.client = tpl_is_client(ts, t);
	root = tview_root(d.view);
	memset(&r, 0, sizeof(r));
	r.data = &tview_data;
	r.ud = &d;
	r.partials = ts->set;
	r.max_depth = ts->max_depth;
	r.flags = n > 5 && strcmp(name + n - 5, ".html") == 0 ?
	    MUSTACHE_HTML : 0;
	if (mustache_render(out, t, &root, &r, dl) == -1 ||
	    tview_failed(d.view))
		return -1;
	return 0;
}

int
templates_render(struct buf *out, const struct templates *ts,
    const char *name, const struct render_ctx *rc, struct diag_list *dl)
{
	struct templates_view	*v;
	int			 r;

	if ((v = templates_view_new(ts, rc)) == NULL)
		return -1;
	r = templates_render_view(out, ts, name, v, dl);
	templates_view_free(v);
	return r;
}

const char *
templates_at(const struct templates *ts, size_t i, int *client,
    const char **file)
{
	const struct mustache	*t;

	if (ts == NULL || (t = mustache_set_at(ts->set, i)) == NULL)
		return NULL;
	if (client != NULL)
		*client = tpl_is_client(ts, t);
	if (file != NULL)
		*file = mustache_file(t);
	return mustache_name(t);
}

int
templates_json(struct buf *out, const struct templates *ts,
    const struct render_ctx *rc)
{
	struct templates_view	*v;
	int		 r;

	if ((v = tview_new(rc, ts->tree)) == NULL)
		return -1;
	r = tjson_write(out, v);
	tview_free(v);
	return r;
}
