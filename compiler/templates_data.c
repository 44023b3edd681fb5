/* SPDX-License-Identifier: MIT */
/*
 * templates_data.c: what a handoff template's names mean.  The schema's
 * element paths become a tree of names ("deal/ae/name" -> deal.ae.name);
 * prose fields (<p>/<li> children) also get 'p' and 'li' lists; a few
 * attributes (primary, done, none, currency, per) and the computed values
 * (company, version, today, deadline, value, completeness, timeline.STEP.*,
 * primary_contacts, top_risks, first_name) are added.  Each name carries
 * its audience, so the same tree serves the compile-time check (type
 * level: values are tree nodes) and rendering (deal level: values are
 * elements of the canonical tree with their node).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "render.h"
#include "schema.h"
#include "templates_data.h"
#include "validate.h"

/* Kinds of deal-level values (struct mustache_val.kind, low byte). */
enum {
	VK_NODE = 1,	/* p: element or NULL */
	VK_LIST,	/* p: first element of the list or NULL */
	VK_STR,		/* p: string or NULL */
	VK_FIRST	/* p: a <name> element: its first word */
};

static const char *const comp_names[COMP__MAX] = {
	"company", "version", "today", "deadline", "value", "completeness",
	"primary_names"
};
/* value and completeness come from internal fields and the process */
static const int comp_internal[COMP__MAX] = { 0, 0, 0, 0, 1, 1, 0 };

static const char *const step_fields[SF__MAX] = {
	"date", "when", "from", "title", "owner", "done"
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

	if ((c = fn_find(n, name, len)) == NULL && n->alias != NULL)
		c = fn_find(n->alias, name, len);
	return c;
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
	if (fn_types(root) == -1 || fn_extras(root) == -1)
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
ty_lookup(void *ud, const struct mustache_val *v, const char *name,
    size_t len, struct mustache_val *out)
{
	const struct fnode	*c;

	(void)ud;
	if ((c = tdata_child(v->q, name, len)) == NULL)
		return 0;
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

/* ===== deal level ======================================================== */

static struct mustache_val
dv(const void *p, const struct fnode *q, int kind)
{
	struct mustache_val	 v;

	v.p = p;
	v.q = q;
	v.kind = kind;
	return v;
}

static int
is_primary(const xmlNode *n)
{
	const char	*a = model_attr(n, "primary");

	return a != NULL && (strcmp(a, "true") == 0 || strcmp(a, "1") == 0);
}

static const xmlNode *
next_primary(const xmlNode *n)
{
	for (; n != NULL; n = model_next(n, "stakeholder"))
		if (is_primary(n))
			return n;
	return NULL;
}

/* The three most severe risks, in document order within a severity. */
static void
top_risks(struct tdata_deal *d)
{
	static const char *const order[] = { "critical", "high", "medium",
	    "low", NULL };
	const xmlNode	*r, *risks;
	int		 k;

	d->ntop = 0;
	risks = model_find(d->rc->m, "risks");
	for (k = 0; k <= 4 && d->ntop < 3; k++)
		for (r = model_child(risks, "risk"); r != NULL && d->ntop < 3;
		    r = model_next(r, "risk")) {
			const char *sev = model_text(model_child(r,
			    "severity"));
			int rank = 0;

			while (order[rank] != NULL &&
			    strcmp(order[rank], sev) != 0)
				rank++;
			if (rank == k)
				d->top[d->ntop++] = r;
		}
}

static void	deal_step(struct tdata_deal *, int);
static void	deal_comp(struct tdata_deal *, int);

static const char *
step_string(struct tdata_deal *d, int step, int field)
{
	const struct timeline_step	*s = &d->tl->step[step];

	deal_step(d, step);
	switch (field) {
	case SF_DATE:
		return d->step_date[step];
	case SF_WHEN:
		return d->step_when[step];
	case SF_FROM:
		return d->step_from[step];
	case SF_TITLE:
		return s->title;
	case SF_OWNER:
		return s->owner;
	default:
		return s->done;
	}
}

/* The first child element of el named name (elem_child is hot). */
static const xmlNode *
elem_child(const xmlNode *el, const char *name)
{
	const xmlNode	*c;

	for (c = el->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->name[0] == name[0] &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/*
 * tdata_child through a small cache: a template's names are slices of
 * its source, so (parent, name address) identifies a lookup across the
 * renders of one template.  The cache lives in the per-render struct.
 */
static const struct fnode *
dv_child(struct tdata_deal *d, const struct fnode *q, const char *name,
    size_t len)
{
	size_t			 h;
	const struct fnode	*c;

	h = (((size_t)q >> 4) ^ ((size_t)name >> 1) ^ len) % 64;
	if (d->cache[h].parent == q && d->cache[h].name == name &&
	    d->cache[h].child != NULL && strlen(d->cache[h].child->name) ==
	    len)
		return d->cache[h].child;
	if ((c = tdata_child(q, name, len)) != NULL) {
		d->cache[h].parent = q;
		d->cache[h].name = name;
		d->cache[h].child = c;
	}
	return c;
}

static int
dv_lookup(void *ud, const struct mustache_val *v, const char *name,
    size_t len, struct mustache_val *out)
{
	struct tdata_deal	*d = ud;
	const struct fnode	*c;
	const xmlNode		*el = v->p;

	if ((c = dv_child(d, v->q, name, len)) == NULL)
		return 0;
	if (d->client && c->internal) {
		*out = dv(NULL, c, VK_STR);	/* found, and empty */
		return 1;
	}
	switch (c->kind) {
	case FN_ELEM:
		*out = dv((v->kind & 0xff) == VK_NODE && el ? elem_child(el, c->name) :
		    NULL, c, c->repeated ? VK_LIST : VK_NODE);
		break;
	case FN_ATTR:
		*out = dv(el ? model_attr(el, c->name) : NULL, c, VK_STR);
		break;
	case FN_FIRST_NAME:
		*out = dv(el ? model_child(el, "name") : NULL, c, VK_FIRST);
		break;
	case FN_COMPUTED:
		deal_comp(d, c->id);
		*out = dv(d->comp[c->id], c, VK_STR);
		break;
	case FN_STEP_FIELD:
		*out = dv(step_string(d, c->parent->id, c->id), c, VK_STR);
		break;
	case FN_PRIMARY:
		*out = dv(next_primary(model_child(model_find(d->rc->m,
		    "relationships"), "stakeholder")), c, VK_LIST);
		break;
	case FN_TOP_RISKS:
		*out = dv(NULL, c, VK_LIST);
		break;
	default:
		*out = dv(NULL, c, VK_NODE);
		break;
	}
	return 1;
}

static int
dv_truthy(void *ud, const struct mustache_val *v)
{
	const struct tdata_deal	*d = ud;
	const struct fnode	*n = v->q;
	const char		*s = v->p;

	switch (v->kind & 0xff) {
	case VK_STR:
		return s != NULL && *s != '\0' && strcmp(s, "false") != 0;
	case VK_FIRST:
		return v->p != NULL && model_has_text(v->p);
	default:
		if (n->kind == FN_ROOT)
			return 1;
		if (n->kind == FN_TIMELINE || n->kind == FN_STEP)
			return d->signed_day >= 0;
		return v->p != NULL && model_has_text(v->p);
	}
}

static int
dv_first(void *ud, const struct mustache_val *v, struct mustache_val *item)
{
	struct tdata_deal	*d = ud;
	const struct fnode	*n = v->q;

	if (v->kind != VK_LIST)
		return -1;
	if (n->kind == FN_TOP_RISKS) {
		top_risks(d);
		if (d->ntop == 0)
			return 0;
		*item = dv(d->top[0], n->alias, VK_NODE);
		return 1;
	}
	if (v->p == NULL)
		return 0;
	*item = dv(v->p, n->alias ? n->alias : n, VK_NODE);
	return 1;
}

static int
dv_next(void *ud, const struct mustache_val *v, struct mustache_val *item)
{
	struct tdata_deal	*d = ud;
	const struct fnode	*n = v->q;
	const xmlNode		*el = item->p;
	size_t			 i = (size_t)item->kind >> 8;

	if (n->kind == FN_TOP_RISKS) {
		if (i + 1 >= d->ntop)
			return 0;
		*item = dv(d->top[i + 1], n->alias, VK_NODE | (int)(i + 1) << 8);
		return 1;
	}
	if (n->kind == FN_PRIMARY)
		el = next_primary(model_next(el, "stakeholder"));
	else
		el = model_next(el, n->name);
	if (el == NULL)
		return 0;
	item->p = el;
	return 1;
}

/* Prose: the paragraphs and items, one per line. */
static const char *
block_text(const xmlNode *el, size_t *len, struct buf *tmp)
{
	const xmlNode	*c;

	for (c = model_first(el); c != NULL; c = model_next_elem(c)) {
		if (strcmp(model_name(c), "p") != 0 &&
		    strcmp(model_name(c), "li") != 0)
			continue;
		if ((tmp->len > 0 && buf_putc(tmp, '\n') == -1) ||
		    buf_puts(tmp, model_text(c)) == -1)
			return NULL;
	}
	*len = tmp->len;
	return tmp->data ? tmp->data : "";
}

static const char *
dv_string(void *ud, const struct mustache_val *v, size_t *len,
    struct buf *tmp)
{
	const struct fnode	*n = v->q;
	const char		*s;

	(void)ud;
	switch (v->kind & 0xff) {
	case VK_STR:
		s = v->p ? v->p : "";
		*len = strlen(s);
		return s;
	case VK_FIRST:
		s = model_text(v->p);
		*len = strcspn(s, " \t");
		return s;
	case VK_NODE:
		if (v->p == NULL || n->kind != FN_ELEM)
			break;
		if (n->block)
			return block_text(v->p, len, tmp);
		if (n->nkids == 0 || (n->f != NULL && n->f->leaf)) {
			s = model_text(v->p);
			*len = strlen(s);
			return s;
		}
		break;
	}
	*len = 0;
	return "";
}

const struct mustache_data tdata_deal = {
	dv_lookup, dv_truthy, dv_first, dv_next, dv_string, NULL
};

/* "240000" EUR year -> "240,000 EUR/year". */
static void
format_value(char *out, size_t size, const xmlNode *v)
{
	const char	*t = model_text(v), *cur, *per, *dot;
	char		 num[64];
	size_t		 n, i, k = 0, digits;

	cur = model_attr(v, "currency");
	per = model_attr(v, "per");
	dot = strchr(t, '.');
	digits = dot ? (size_t)(dot - t) : strlen(t);
	for (i = 0; i < digits && k + 2 < sizeof(num); i++) {
		if (i > 0 && (digits - i) % 3 == 0)
			num[k++] = ',';
		num[k++] = t[i];
	}
	num[k] = '\0';
	n = (size_t)snprintf(out, size, "%s%s%s", num, dot ? dot : "",
	    *t && cur ? " " : "");
	if (n < size && *t)
		snprintf(out + n, size - n, "%s%s%s", cur ? cur : "",
		    per && strcmp(per, "once") != 0 ? "/" : "",
		    per && strcmp(per, "once") != 0 ? per : "");
}

/* "Friday, 20 November 2026". */
static void
format_when(char *out, size_t size, int day)
{
	static const char *const wd[] = { "Monday", "Tuesday", "Wednesday",
	    "Thursday", "Friday", "Saturday", "Sunday" };
	static const char *const mon[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	int	 y, m, dd;

	date_to_ymd(day, &y, &m, &dd);
	snprintf(out, size, "%s, %d %s %d", wd[date_weekday(day)], dd,
	    mon[m - 1], y);
}

/* The first names of the primary contacts: "A", "A and B", "A, B and C". */
static void
format_primary_names(char *out, size_t size, const struct model *m)
{
	const xmlNode	*s, *next;
	const char	*name;
	size_t		 n = 0, len;
	int		 count = 0;

	out[0] = '\0';
	s = next_primary(model_child(model_find(m, "relationships"),
	    "stakeholder"));
	for (; s != NULL && n < size; s = next, count++) {
		next = next_primary(model_next(s, "stakeholder"));
		name = model_text(model_child(s, "name"));
		len = strcspn(name, " \t");
		n += (size_t)snprintf(out + n, size - n, "%s%.*s",
		    count == 0 ? "" : next == NULL ? " and " : ", ",
		    (int)len, name);
	}
}

/* Compute the dates of one timeline step, once per render. */
static void
deal_step(struct tdata_deal *d, int step)
{
	const struct config	*c = d->rc->c;
	int			 due;

	if (d->step_ready & (1u << step) || d->signed_day < 0)
		return;
	d->step_ready |= 1u << step;
	due = timeline_add_business_days(d->signed_day, d->tl->step[step].to,
	    c ? c->holidays : NULL, c ? c->nholidays : 0);
	date_format(due, d->step_date[step]);
	format_when(d->step_when[step], sizeof(d->step_when[step]), due);
	date_format(timeline_add_business_days(d->signed_day,
	    d->tl->step[step].from, c ? c->holidays : NULL,
	    c ? c->nholidays : 0), d->step_from[step]);
}

/* Compute one root value, once per render (most templates use few). */
static void
deal_comp(struct tdata_deal *d, int id)
{
	const struct render_ctx	*rc = d->rc;
	const xmlNode		*val;
	char			*out = d->comp[id];

	if (d->comp_ready & (1u << id))
		return;
	d->comp_ready |= 1u << id;
	out[0] = '\0';
	switch (id) {
	case COMP_COMPANY:
		snprintf(out, sizeof(d->comp[id]), "%s", rc->c &&
		    rc->c->company ? rc->c->company : "Our company");
		break;
	case COMP_VERSION:
		snprintf(out, sizeof(d->comp[id]), "%s",
		    rc->version ? rc->version : "");
		break;
	case COMP_TODAY:
		if (rc->today > 0)
			date_format(rc->today, out);
		break;
	case COMP_DEADLINE:
		if (rc->v != NULL && rc->v->deadline >= 0)
			date_format(rc->v->deadline, out);
		break;
	case COMP_VALUE:
		if ((val = model_find(rc->m, "deal/value")) != NULL)
			format_value(out, sizeof(d->comp[id]), val);
		break;
	case COMP_COMPLETENESS:
		if (rc->v != NULL)
			snprintf(out, sizeof(d->comp[id]), "%d",
			    rc->v->percent);
		break;
	default:
		format_primary_names(out, sizeof(d->comp[id]), rc->m);
		break;
	}
}

void
tdata_deal_init(struct tdata_deal *d, const struct render_ctx *rc,
    const struct fnode *root, int client, struct mustache_val *rootval)
{
	d->rc = rc;
	d->root = root;
	d->client = client;
	d->comp_ready = d->step_ready = 0;
	d->ntop = 0;
	memset(d->cache, 0, sizeof(d->cache));
	d->tl = rc->c ? config_timeline(rc->c,
	    model_get(rc->m, "deal/segment")) : NULL;
	if (d->tl == NULL) {
		timeline_default(&d->fallback, SEGMENT_MID_MARKET);
		d->tl = &d->fallback;
	}
	if (date_parse(model_get(rc->m, "deal/signed"), &d->signed_day) != 0)
		d->signed_day = -1;
	memset(d->step_date, 0, sizeof(d->step_date));
	memset(d->step_when, 0, sizeof(d->step_when));
	memset(d->step_from, 0, sizeof(d->step_from));
	*rootval = dv(model_root(rc->m), root, VK_NODE);
}

/* ===== JSON ============================================================== */

static int	json_object(struct buf *, struct tdata_deal *,
		    const struct mustache_val *, unsigned);

static int
json_value(struct buf *out, struct tdata_deal *d,
    const struct mustache_val *v, unsigned depth)
{
	const struct fnode	*n = v->q;
	struct mustache_val	 item;
	struct buf		 tmp;
	const char		*s;
	size_t			 len;
	int			 r, rc;

	if (v->kind == VK_LIST) {
		if (buf_putc(out, '[') == -1)
			return -1;
		for (r = dv_first(d, v, &item); r == 1;
		    r = dv_next(d, v, &item)) {
			if (out->data[out->len - 1] != '[' &&
			    buf_putc(out, ',') == -1)
				return -1;
			if (json_value(out, d, &item, depth + 1) == -1)
				return -1;
		}
		return buf_putc(out, ']');
	}
	if (n->kind == FN_ATTR && v->p != NULL &&
	    (strcmp(v->p, "true") == 0 || strcmp(v->p, "false") == 0))
		return buf_puts(out, v->p);
	if ((v->kind == VK_NODE || v->kind == VK_STR) && v->p == NULL &&
	    n->kind != FN_TIMELINE && n->kind != FN_STEP && n->kind != FN_ROOT)
		return buf_puts(out, "null");
	if (v->kind == VK_NODE && (n->kind == FN_TIMELINE ||
	    n->kind == FN_STEP || n->kind == FN_ROOT || n->block ||
	    (n->nkids > 0 && (n->f == NULL || !n->f->leaf))))
		return json_object(out, d, v, depth + 1);
	buf_init(&tmp);
	s = dv_string(d, v, &len, &tmp);
	if (s != NULL && s != tmp.data) {	/* a borrowed prefix: copy */
		buf_clear(&tmp);
		s = buf_put(&tmp, s, len) == -1 ? NULL :
		    tmp.data ? tmp.data : "";
	}
	rc = s == NULL ? -1 : diag_json_string(out, s);
	buf_dispose(&tmp);
	return rc;
}

static int
json_object(struct buf *out, struct tdata_deal *d,
    const struct mustache_val *v, unsigned depth)
{
	const struct fnode	*n = v->q, *src;
	struct mustache_val	 c;
	size_t			 i;
	int			 pass, first = 1;

	if (depth > 16)
		return buf_puts(out, "null");
	if (buf_putc(out, '{') == -1)
		return -1;
	for (pass = 0; pass < 2; pass++) {
		src = pass == 0 ? n : n->alias;
		for (i = 0; src != NULL && i < src->nkids; i++) {
			if (dv_lookup(d, v, src->kids[i]->name,
			    strlen(src->kids[i]->name), &c) == 0)
				continue;
			if (!first && buf_putc(out, ',') == -1)
				return -1;
			first = 0;
			if (diag_json_string(out, src->kids[i]->name) == -1 ||
			    buf_putc(out, ':') == -1 ||
			    json_value(out, d, &c, depth) == -1)
				return -1;
		}
	}
	return buf_putc(out, '}');
}

int
tdata_json(struct buf *out, const struct render_ctx *rc,
    const struct fnode *root)
{
	struct tdata_deal	 d;
	struct mustache_val	 v;

	tdata_deal_init(&d, rc, root, 0, &v);
	if (json_object(out, &d, &v, 0) == -1)
		return -1;
	return buf_putc(out, '\n');
}
