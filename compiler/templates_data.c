/* SPDX-License-Identifier: MIT */
/*
 * templates_data.c: what a handoff template's names mean.  The schema's
 * element paths become a tree of names ("deal/ae/name" -> deal.ae.name);
 * prose fields (<p>/<li> children) also get 'p' and 'li' lists; a few
 * attributes (primary, done, none, currency, per) and the computed values
 * (company, version, today, deadline, value, completeness, acknowledged,
 * ack_overdue, renewal_derived, renewal_basis, timeline.STEP.*,
 * primary_contacts, top_risks, first_name) are added.  Each name carries
 * its audience, so the same tree serves the compile-time check (type
 * level, here: values are tree nodes) and rendering (deal level,
 * templates_view.c).
 *
 * Once the tree is complete, every distinct name gets a key (its rank in
 * the sorted list of names) and every node a table from key to child, so
 * a name segment interned by tdata_intern is one array index away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "schema.h"
#include "templates_data.h"

static const char *const comp_names[COMP__MAX] = {
	"company", "version", "today", "deadline", "value", "completeness",
	"primary_names", "acknowledged", "ack_overdue", "renewal_derived",
	"renewal_basis"
};
/* value, completeness, the acknowledgement and the renewal come from
 * internal fields and the process */
static const int comp_internal[COMP__MAX] = { 0, 0, 0, 0, 1, 1, 0, 1, 1, 1,
	1 };

static const char *const step_fields[SF__MAX] = {
	"date", "when", "from", "title", "owner", "done", "upcoming",
	"completed", "past"
};

/* Attributes a template may name, by the element path that holds them. */
static const struct {
	const char	*path;
	const char	*attr;
} attrs[] = {
	{ "deal/value", "currency" },
	{ "deal/value", "per" },
	{ "context/commitments", "none" },
	{ "context/commitments/commitment", "done" },
	{ "relationships/stakeholder", "primary" },
	{ "risks", "none" },
};

static const char *const persons[] = {
	"deal/ae", "deal/csm", "relationships/stakeholder"
};

/* ===== the tree ========================================================== */

static struct fnode *
fn_add(struct fnode *parent, const char *name, size_t len, enum fn_kind kind,
    int id)
{
	struct fnode	*n, **kids;

	if ((n = calloc(1, sizeof(*n))) == NULL)
		return NULL;
	if ((n->name = strndup(name, len)) == NULL ||
	    (kids = reallocarray(parent->kids, parent->nkids + 1,
	    sizeof(*kids))) == NULL) {
		free(n->name);
		free(n);
		return NULL;
	}
	parent->kids = kids;
	kids[parent->nkids++] = n;
	n->kind = kind;
	n->id = id;
	n->parent = parent;
	n->internal = parent->internal;
	n->label = n->name;
	return n;
}

static struct fnode *
fn_find(const struct fnode *n, const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i < n->nkids; i++)
		if (n->kids[i]->name[0] == name[0] &&
		    strncmp(n->kids[i]->name, name, len) == 0 &&
		    n->kids[i]->name[len] == '\0')
			return n->kids[i];
	return NULL;
}

const struct fnode *
tdata_child(const struct fnode *n, const char *name, size_t len)
{
	const struct fnode	*c;

	if (memchr(name, '\0', len) != NULL)	/* no name has one */
		return NULL;
	if ((c = fn_find(n, name, len)) == NULL && n->alias != NULL)
		c = fn_find(n->alias, name, len);
	return c;
}

const struct fnode *
tdata_child_seg(const struct fnode *n, const struct mustache_seg *seg)
{
	if (seg->key < 0)
		return tdata_child(n, seg->s, seg->len);
	return (size_t)seg->key < n->nbykey ? n->bykey[seg->key] : NULL;
}

/* The node for a '/' path, or NULL. */
static struct fnode *
fn_path(struct fnode *root, const char *path)
{
	const char	*slash;

	while (root != NULL && *path != '\0') {
		slash = strchr(path, '/');
		root = fn_find(root, path, slash ? (size_t)(slash - path) :
		    strlen(path));
		path = slash ? slash + 1 : path + strlen(path);
	}
	return root;
}

/*
 * Add one schema field, creating the elements above it that carry no
 * annotation (deal, context, risks/risk, …).  Such an element repeats
 * when the field is in a record and its nearest annotated ancestor is not.
 */
static int
fn_field(struct fnode *root, const struct field *f)
{
	const char	*p = f->path, *slash;
	struct fnode	*n = root, *c;
	size_t		 len;

	for (;;) {
		slash = strchr(p, '/');
		len = slash ? (size_t)(slash - p) : strlen(p);
		if ((c = fn_find(n, p, len)) == NULL) {
			if ((c = fn_add(n, p, len, FN_ELEM, 0)) == NULL)
				return -1;
			if (slash != NULL && strchr(slash + 1, '/') == NULL)
				c->repeated = f->record && (f->parent == NULL ||
				    (!f->parent->repeated && !f->parent->record));
		}
		n = c;
		if (slash == NULL)
			break;
		p = slash + 1;
	}
	n->f = f;
	n->label = f->label;
	n->internal = f->audience == AUDIENCE_INTERNAL;
	n->repeated = f->repeated;
	return 0;
}

/* Does field f have the named XSD type ("block", "person")? */
static int
fn_type(const struct fnode *n, const char *type)
{
	const char	*t, *colon;

	if (n->f == NULL || (t = n->f->type) == NULL)
		return 0;
	if ((colon = strchr(t, ':')) != NULL)
		t = colon + 1;
	return strcmp(t, type) == 0;
}

/*
 * Fields of a named complex type get the children the type has: prose
 * ("block") its paragraphs and items as lists, a person a name and an
 * e-mail.  Those children carry no annotation of their own.
 */
static int
fn_types(struct fnode *n)
{
	struct fnode	*c;
	size_t		 i;

	if (n->kind == FN_ELEM && n->nkids == 0 && fn_type(n, "block")) {
		n->block = 1;
		if ((c = fn_add(n, "p", 1, FN_ELEM, 0)) == NULL)
			return -1;
		c->repeated = 1;
		if ((c = fn_add(n, "li", 2, FN_ELEM, 0)) == NULL)
			return -1;
		c->repeated = 1;
		return 0;
	}
	if (n->kind == FN_ELEM && n->nkids == 0 && fn_type(n, "person"))
		return fn_add(n, "name", 4, FN_ELEM, 0) == NULL ||
		    fn_add(n, "email", 5, FN_ELEM, 0) == NULL ? -1 : 0;
	for (i = 0; i < n->nkids; i++)
		if (fn_types(n->kids[i]) == -1)
			return -1;
	return 0;
}

static int
fn_timeline(struct fnode *root)
{
	static const char *const keys[STEP__MAX] = { "package", "call",
	    "mapping", "metrics", "intro", "feedback", "escalation" };
	struct fnode	*tl, *st;
	int		 s, k;

	if ((tl = fn_add(root, "timeline", 8, FN_TIMELINE, 0)) == NULL)
		return -1;
	for (s = 0; s < STEP__MAX; s++) {
		if ((st = fn_add(tl, keys[s], strlen(keys[s]), FN_STEP,
		    s)) == NULL)
			return -1;
		for (k = 0; k < SF__MAX; k++)
			if (fn_add(st, step_fields[k], strlen(step_fields[k]),
			    FN_STEP_FIELD, k) == NULL)
				return -1;
	}
	return 0;
}

/* Computed values, attributes and first names. */
static int
fn_extras(struct fnode *root)
{
	struct fnode	*n, *c;
	size_t		 i;
	int		 k;

	for (k = 0; k < COMP__MAX; k++) {
		if ((c = fn_add(root, comp_names[k], strlen(comp_names[k]),
		    FN_COMPUTED, k)) == NULL)
			return -1;
		c->internal = comp_internal[k];
	}
	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if ((n = fn_path(root, attrs[i].path)) != NULL &&
		    fn_add(n, attrs[i].attr, strlen(attrs[i].attr), FN_ATTR,
		    0) == NULL)
			return -1;
	for (i = 0; i < sizeof(persons) / sizeof(persons[0]); i++)
		if ((n = fn_path(root, persons[i])) != NULL &&
		    fn_add(n, "first_name", 10, FN_FIRST_NAME, 0) == NULL)
			return -1;
	if ((c = fn_add(root, "primary_contacts", 16, FN_PRIMARY, 0)) == NULL)
		return -1;
	c->repeated = 1;
	c->alias = fn_path(root, "relationships/stakeholder");
	if ((c = fn_add(root, "top_risks", 9, FN_TOP_RISKS, 0)) == NULL)
		return -1;
	c->repeated = 1;
	c->internal = 1;
	c->alias = fn_path(root, "risks/risk");
	return fn_timeline(root);
}

/* ===== keys ============================================================== */

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect every name below n (duplicates too) into root->keys. */
static void
keys_collect(struct fnode *root, const struct fnode *n)
{
	size_t	 i;

	for (i = 0; i < n->nkids; i++) {
		root->keys[root->nkeys++] = n->kids[i]->name;
		keys_collect(root, n->kids[i]);
	}
}

static size_t
keys_count(const struct fnode *n)
{
	size_t	 i, k = n->nkids;

	for (i = 0; i < n->nkids; i++)
		k += keys_count(n->kids[i]);
	return k;
}

/* The key of name, or root->nkeys (no node has it). */
static int
key_find(const struct fnode *root, const char *name, size_t len)
{
	size_t	 lo = 0, hi = root->nkeys, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(root->keys[mid], name, len);
		if (c == 0 && root->keys[mid][len] != '\0')
			c = 1;
		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int)root->nkeys;
}

int
tdata_intern(void *root, const char *name, size_t len)
{
	const struct fnode	*r = root;

	if (memchr(name, '\0', len) != NULL)	/* no name has one */
		return (int)r->nkeys;
	return key_find(r, name, len);
}

/* Index and key of every node below n. */
static void
keys_index(const struct fnode *root, struct fnode *n)
{
	size_t	 i;

	n->name_idx = -1;
	if (n->kind == FN_FIRST_NAME) {
		for (i = 0; i < n->parent->nkids && n->name_idx < 0; i++)
			if (strcmp(n->parent->kids[i]->name, "name") == 0 &&
			    n->parent->kids[i]->kind == FN_ELEM)
				n->name_idx = (int)i;
	}
	for (i = 0; i < n->nkids; i++) {
		n->kids[i]->idx = i;
		n->kids[i]->key = key_find(root, n->kids[i]->name,
		    strlen(n->kids[i]->name));
		keys_index(root, n->kids[i]);
	}
}

/* The key tables of n and the nodes below: the first child of a name
 * wins, as in tdata_child, then the alias's children. */
static int
keys_table(const struct fnode *root, struct fnode *n)
{
	const struct fnode	*src;
	size_t			 i;
	int			 pass;

	if (n->nkids > 0 || n->alias != NULL) {
		n->nbykey = root->nkeys;
		if ((n->bykey = calloc(root->nkeys + 1,
		    sizeof(*n->bykey))) == NULL)
			return -1;
	}
	for (pass = 0; pass < 2; pass++) {
		src = pass == 0 ? n : n->alias;
		for (i = 0; src != NULL && i < src->nkids; i++)
			if (n->bykey[src->kids[i]->key] == NULL)
				n->bykey[src->kids[i]->key] = src->kids[i];
	}
	for (i = 0; i < n->nkids; i++)
		if (keys_table(root, n->kids[i]) == -1)
			return -1;
	return 0;
}

/* Sort the names, drop duplicates, then index every node. */
static int
fn_keys(struct fnode *root)
{
	size_t	 i, n = 0, total = keys_count(root);

	if ((root->keys = calloc(total + 1, sizeof(*root->keys))) == NULL)
		return -1;
	keys_collect(root, root);
	qsort(root->keys, root->nkeys, sizeof(*root->keys), key_cmp);
	for (i = 0; i < root->nkeys; i++)
		if (n == 0 || strcmp(root->keys[n - 1], root->keys[i]) != 0)
			root->keys[n++] = root->keys[i];
	root->nkeys = n;
	keys_index(root, root);
	return keys_table(root, root);
}

struct fnode *
tdata_tree_new(const struct schema *s)
{
	struct fnode	*root;
	size_t		 i;

	if ((root = calloc(1, sizeof(*root))) == NULL)
		return NULL;
	root->kind = FN_ROOT;
	if ((root->name = strdup("")) == NULL)
		goto fail;
	for (i = 0; s != NULL && i < s->nfields; i++)
		if (fn_field(root, &s->fields[i]) == -1)
			goto fail;
	if (fn_types(root) == -1 || fn_extras(root) == -1 ||
	    fn_keys(root) == -1)
		goto fail;
	return root;
fail:
	tdata_tree_free(root);
	return NULL;
}

void
tdata_tree_free(struct fnode *n)
{
	size_t	 i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkids; i++)
		tdata_tree_free(n->kids[i]);
	free(n->kids);
	free(n->bykey);
	free(n->keys);
	free(n->name);
	free(n);
}

int
tdata_path(struct buf *out, const struct fnode *n)
{
	if (n == NULL || n->kind == FN_ROOT)
		return 0;
	if (n->parent != NULL && n->parent->kind != FN_ROOT) {
		if (tdata_path(out, n->parent) == -1 || buf_putc(out, '.') == -1)
			return -1;
	}
	return buf_puts(out, n->name);
}

/* ===== type level ======================================================== */

struct mustache_val
tdata_type_val(const struct fnode *n)
{
	struct mustache_val	 v;

	v.p = NULL;
	v.q = n;
	v.kind = 0;
	return v;
}

static int
ty_lookup(void *ud, const struct mustache_val *v,
    const struct mustache_seg *seg, size_t n, struct mustache_val *out)
{
	const struct fnode	*c = v->q;
	size_t			 k;

	(void)ud;
	for (k = 0; k < n; k++)
		if ((c = tdata_child_seg(c, &seg[k])) == NULL)
			return k == 0 ? -1 : 0;
	*out = tdata_type_val(c);
	return 1;
}

static int
ty_truthy(void *ud, const struct mustache_val *v)
{
	(void)ud;
	(void)v;
	return 1;
}

static int
ty_first(void *ud, const struct mustache_val *v, struct mustache_val *item)
{
	const struct fnode	*n = v->q;

	(void)ud;
	if (!n->repeated)
		return -1;
	*item = tdata_type_val(n->alias ? n->alias : n);
	return 1;
}

static int
ty_next(void *ud, const struct mustache_val *v, struct mustache_val *item)
{
	(void)ud;
	(void)v;
	(void)item;
	return 0;
}

static const char *
ty_string(void *ud, const struct mustache_val *v, size_t *len,
    struct buf *tmp)
{
	(void)ud;
	(void)v;
	(void)tmp;
	*len = 0;
	return "";
}

/* note is set by the checker in templates.c: it copies this table. */
const struct mustache_data tdata_types = {
	ty_lookup, ty_truthy, ty_first, ty_next, ty_string, NULL
};

