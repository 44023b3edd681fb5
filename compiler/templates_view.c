/* SPDX-License-Identifier: MIT */
/*
 * templates_view.c: one deal as a handoff template sees it (the deal
 * level of templates_data.h), for rendering and for the JSON export.
 *
 * A view is built once per deal and reused by every template rendered for
 * it.  It is lazy: the elements of one name under one element (a slot)
 * are collected the first time a template asks for that name there (one
 * walk of the libxml2 children), computed values (dates, the deal value,
 * the primary names) are formatted the first time they are asked for,
 * and texts are borrowed from libxml2.  Rendering then finds a name by
 * indexing: the template's segment key gives the child in the name tree
 * (templates_data.c), whose index gives the slot.  Everything lives in
 * one arena, freed with the view.
 *
 * Values (struct mustache_val): q is always the name (struct fnode); the
 * low byte of kind says what p is (enum tview_kind), the bits above it
 * the position of a list item.  The JSON export is templates_json.c.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "render.h"
#include "render_words.h"
#include "schema.h"
#include "step_done.h"
#include "templates_data.h"
#include "timeline.h"
#include "validate.h"

struct vnode;

/* The elements of one name under one element, in document order. */
struct vlist {
	struct vnode	*v;
	size_t		 n;
	int		 ready;	/* collected */
};

/* An element of the deal with its name. */
struct vnode {
	const xmlNode		*el;
	const struct fnode	*q;
	struct vlist		*kids;	/* slots, by index in q->kids */
	const char		*text;	/* once asked for */
	size_t			 len;
	int			 full;	/* has text: 1, 0, or -1 not known */
};

/* Arena memory: chunks, freed together with the view. */
struct chunk {
	struct chunk	*next;
	size_t		 used;
	size_t		 cap;
	max_align_t	 data[];
};

#define CHUNK_SIZE	4096

struct templates_view {
	const struct render_ctx	*rc;
	const struct fnode	*root;
	struct chunk		*mem;
	struct vnode		 top;		/* the root element */
	int			 failed;	/* out of memory */
	char			 comp[COMP__MAX][256];
	char			 step_date[STEP__MAX][11];
	char			 step_when[STEP__MAX][40];
	char			 step_from[STEP__MAX][11];
	unsigned		 comp_ready;	/* bit per fn_comp */
	unsigned		 step_ready;	/* bit per step: due date */
	unsigned		 from_ready;	/* bit per step: first day */
	int			 signed_day;	/* -1: not signed */
	const struct timeline	*tl;
	struct timeline		 fallback;	/* when there is no config */
	struct vlist		*primary;	/* primary_contacts, once built */
	struct vlist		*top_risks;	/* top_risks, once built */
};

/* ===== memory ============================================================ */

/* n zeroed bytes from the arena, or NULL (then the view has failed). */
static void *
view_alloc(struct templates_view *w, size_t n)
{
	struct chunk	*c = w->mem;
	size_t		 cap;
	void		*p;

	if (n > SIZE_MAX / 2)
		goto fail;
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) *
	    sizeof(max_align_t);
	if (c == NULL || c->cap - c->used < n) {
		cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		if ((c = malloc(sizeof(*c) + cap)) == NULL)
			goto fail;
		c->used = 0;
		c->cap = cap;
		c->next = w->mem;
		w->mem = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return memset(p, 0, n);
fail:
	w->failed = 1;
	return NULL;
}

/* ===== the element index ================================================= */

/* Does element c have the name of k? */
static int
is_named(const xmlNode *c, const struct fnode *k)
{
	return c->type == XML_ELEMENT_NODE && c->name[0] == k->name[0] &&
	    strcmp((const char *)c->name, k->name) == 0;
}

/* Collect the children of vn named k into slot l; 0 or -1. */
static int
view_fill(struct templates_view *w, const struct vnode *vn,
    const struct fnode *k, struct vlist *l)
{
	const xmlNode	*c, *first = vn->el ? vn->el->children : NULL;
	struct vnode	*e;
	size_t		 n = 0;

	for (c = first; c != NULL; c = c->next)
		n += is_named(c, k);
	if (n > 0 && (l->v = view_alloc(w, n * sizeof(*l->v))) == NULL)
		return -1;
	for (c = first; c != NULL && l->n < n; c = c->next) {
		if (!is_named(c, k))
			continue;
		e = &l->v[l->n++];
		e->el = c;
		e->q = k;
		e->full = -1;
	}
	l->ready = 1;
	return 0;
}

/* The elements named k (index idx in vn->q) under vn, or NULL. */
static struct vlist *
view_slot(struct templates_view *w, struct vnode *vn, const struct fnode *k,
    size_t idx)
{
	struct vlist	*l;

	if (vn == NULL || k->parent != vn->q || idx >= vn->q->nkids ||
	    k->kind != FN_ELEM)
		return NULL;
	if (vn->kids == NULL && (vn->kids = view_alloc(w, vn->q->nkids *
	    sizeof(*vn->kids))) == NULL)
		return NULL;
	l = &vn->kids[idx];
	if (!l->ready && view_fill(w, vn, k, l) == -1)
		return NULL;
	return l;
}

/* The elements of repeated name k, under the first of each ancestor. */
static struct vlist *
view_list(struct templates_view *w, const struct fnode *k)
{
	const struct fnode	*path[16], *a;
	struct vnode		*vn = &w->top;
	struct vlist		*l;
	size_t			 n = 0;

	if (k == NULL)
		return NULL;
	for (a = k->parent; a != NULL && a != w->root; a = a->parent)
		if (n < sizeof(path) / sizeof(path[0]))
			path[n++] = a;
		else
			return NULL;
	while (n > 0) {
		a = path[--n];
		if ((l = view_slot(w, vn, a, a->idx)) == NULL || l->n == 0)
			return NULL;
		vn = &l->v[0];
	}
	return view_slot(w, vn, k, k->idx);
}

static const char *
block_text(const xmlNode *el, size_t *len, struct buf *tmp);

/* The text of vn: its own, or a prose field's paragraphs and items. */
static const char *
vnode_text(struct templates_view *w, struct vnode *vn, size_t *len)
{
	struct buf	 tmp;
	const char	*s;
	char		*copy;

	if (vn->text == NULL && vn->q->block) {
		buf_init(&tmp);
		if ((s = block_text(vn->el, &vn->len, &tmp)) == NULL ||
		    (copy = view_alloc(w, vn->len + 1)) == NULL) {
			buf_dispose(&tmp);
			w->failed = 1;
			return NULL;
		}
		memcpy(copy, s, vn->len);
		vn->text = copy;
		buf_dispose(&tmp);
	} else if (vn->text == NULL) {
		vn->text = model_text(vn->el);
		vn->len = strlen(vn->text);
	}
	*len = vn->len;
	return vn->text;
}

static int
vnode_full(struct vnode *vn)
{
	if (vn->full < 0)
		vn->full = model_has_text(vn->el);
	return vn->full;
}

/* ===== computed values =================================================== */

static int
is_primary(const xmlNode *n)
{
	const char	*a = model_attr(n, "primary");

	return a != NULL && (strcmp(a, "true") == 0 || strcmp(a, "1") == 0);
}

/* A new list from all: the primary stakeholders, or (rank) the max most
 * severe risks. */
static struct vlist *
view_filter(struct templates_view *w, const struct vlist *all, size_t max,
    int rank)
{
	static const char *const order[] = { "critical", "high", "medium",
	    "low", NULL };
	struct vlist	*l;
	size_t		 i, n = all ? all->n : 0;
	int		 k, r;

	if ((l = view_alloc(w, sizeof(*l))) == NULL ||
	    (n > 0 && (l->v = view_alloc(w, n * sizeof(*l->v))) == NULL))
		return NULL;
	if (!rank) {
		for (i = 0; i < n; i++)
			if (is_primary(all->v[i].el))
				l->v[l->n++] = all->v[i];
		return l;
	}
	/* by severity, in document order within one */
	for (k = 0; k <= 4 && l->n < max; k++)
		for (i = 0; i < n && l->n < max; i++) {
			const char *sev = model_text(model_child(
			    all->v[i].el, "severity"));

			for (r = 0; order[r] != NULL &&
			    strcmp(order[r], sev) != 0; r++)
				continue;
			if (r == k)
				l->v[l->n++] = all->v[i];
		}
	return l;
}

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

/* Append s to out (size bytes, *n used), truncating; NUL-terminated. */
static void
put_str(char *out, size_t size, size_t *n, const char *s)
{
	while (*s != '\0' && *n + 1 < size)
		out[(*n)++] = *s++;
	out[*n] = '\0';
}

static void
put_int(char *out, size_t size, size_t *n, int v)
{
	char		 d[16], *p = d + sizeof(d) - 1;
	unsigned	 u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	put_str(out, size, n, p);
}

/* "Friday, 20 November 2026" (no printf: one per step and deal). */
static void
format_when(char *out, size_t size, int day)
{
	static const char *const wd[] = { "Monday", "Tuesday", "Wednesday",
	    "Thursday", "Friday", "Saturday", "Sunday" };
	static const char *const mon[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	size_t	 n = 0;
	int	 y, m, dd;

	date_to_ymd(day, &y, &m, &dd);
	put_str(out, size, &n, wd[date_weekday(day)]);
	put_str(out, size, &n, ", ");
	put_int(out, size, &n, dd);
	put_str(out, size, &n, " ");
	put_str(out, size, &n, mon[m - 1]);
	put_str(out, size, &n, " ");
	put_int(out, size, &n, y);
}

/* The first names of the primary contacts: "A", "A and B", "A, B and C". */
static void
format_primary_names(char *out, size_t size, const struct vlist *l)
{
	const char	*name;
	size_t		 i, n = 0, len;

	out[0] = '\0';
	for (i = 0; l != NULL && i < l->n; i++) {
		name = model_text(model_child(l->v[i].el, "name"));
		len = strcspn(name, " \t");
		put_str(out, size, &n, i == 0 ? "" : i + 1 == l->n ? " and " :
		    ", ");
		for (; len > 0 && n + 1 < size; len--)
			out[n++] = *name++;
		out[n] = '\0';
	}
}

static struct vlist *
view_primary(struct templates_view *w, const struct fnode *k)
{
	if (w->primary == NULL)
		w->primary = view_filter(w, view_list(w, k->alias), 0, 0);
	return w->primary;
}

static struct vlist *
view_top_risks(struct templates_view *w, const struct fnode *k)
{
	if (w->top_risks == NULL)
		w->top_risks = view_filter(w, view_list(w, k->alias), 3, 1);
	return w->top_risks;
}

/*
 * Compute the dates of one timeline step, once per deal: the due date
 * (date and when), or (from) the first day.  Empty when not signed.
 */
static void
view_step(struct templates_view *w, int step, int from)
{
	const struct config	*c = w->rc->c;
	unsigned		*ready = from ? &w->from_ready : &w->step_ready;
	int			 day;

	if (*ready & (1u << step))
		return;
	*ready |= 1u << step;
	if (from)
		w->step_from[step][0] = '\0';
	else
		w->step_date[step][0] = w->step_when[step][0] = '\0';
	if (w->signed_day < 0)
		return;
	day = timeline_add_business_days(w->signed_day, from ?
	    w->tl->step[step].from : w->tl->step[step].to,
	    c ? c->holidays : NULL, c ? c->nholidays : 0);
	if (from)
		date_format(day, w->step_from[step]);
	else {
		date_format(day, w->step_date[step]);
		format_when(w->step_when[step], sizeof(w->step_when[step]),
		    day);
	}
}

static const char *
step_string(struct templates_view *w, int step, int field)
{
	const struct timeline_step	*s = &w->tl->step[step];
	char				 today[11];
	int				 due;

	switch (field) {
	case SF_DATE:
		view_step(w, step, 0);
		return w->step_date[step];
	case SF_WHEN:
		view_step(w, step, 0);
		return w->step_when[step];
	case SF_FROM:
		view_step(w, step, 1);
		return w->step_from[step];
	case SF_TITLE:
		return s->title;
	case SF_OWNER:
		return s->owner;
	case SF_UPCOMING:
		/* An e-mail never promises a step whose day has passed, nor
		 * one the process record says is done. */
		view_step(w, step, 0);
		if (w->step_date[step][0] == '\0' ||
		    date_parse(w->step_date[step], &due) == -1 ||
		    step_done(w->rc->m, step, due, w->rc->today))
			return "";
		date_format(w->rc->today, today);
		return strcmp(w->step_date[step], today) >= 0 ? "yes" : "";
	case SF_COMPLETED:
	case SF_PAST:
		/* the same answer as the PDF and the calendar (step_done) */
		view_step(w, step, 0);
		if (w->step_date[step][0] == '\0' ||
		    date_parse(w->step_date[step], &due) == -1)
			return "";
		if (step_done(w->rc->m, step, due, w->rc->today))
			return field == SF_COMPLETED ? "yes" : "";
		return field == SF_PAST && due < w->rc->today ? "yes" : "";
	default:
		return s->done;
	}
}

/* Compute one root value, once per deal (most templates use few). */
static const char *
view_comp(struct templates_view *w, int id)
{
	const struct render_ctx	*rc = w->rc;
	const struct fnode	*k;
	const xmlNode		*val;
	char			*out = w->comp[id];
	struct buf		 basis;
	int			 derived;

	if (w->comp_ready & (1u << id))
		return out;
	w->comp_ready |= 1u << id;
	out[0] = '\0';
	switch (id) {
	case COMP_COMPANY:
		snprintf(out, sizeof(w->comp[id]), "%s", rc->c &&
		    rc->c->company ? rc->c->company : "Our company");
		break;
	case COMP_VERSION:
		snprintf(out, sizeof(w->comp[id]), "%s",
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
			format_value(out, sizeof(w->comp[id]), val);
		break;
	case COMP_COMPLETENESS:
		if (rc->v != NULL)
			snprintf(out, sizeof(w->comp[id]), "%d",
			    rc->v->percent);
		break;
	case COMP_ACKNOWLEDGED:
	case COMP_ACK_OVERDUE:
		/* The package step is done once the CSM accepted it. */
		if (step_done(rc->m, STEP_PACKAGE, -1, rc->today))
			snprintf(out, sizeof(w->comp[id]), "%s",
			    id == COMP_ACKNOWLEDGED ? "yes" : "");
		else if (id == COMP_ACK_OVERDUE && rc->v != NULL &&
		    rc->v->deadline >= 0 && rc->today > rc->v->deadline)
			snprintf(out, sizeof(w->comp[id]), "yes");
		break;
	case COMP_RENEWAL_DERIVED:
	case COMP_RENEWAL_BASIS:
		/* a boolean for the JSON ("true"/"false") and a section */
		buf_init(&basis);
		derived = rw_renewal_basis(&basis, model_find(rc->m, "deal"));
		snprintf(out, sizeof(w->comp[id]), "%s",
		    id == COMP_RENEWAL_DERIVED ? (derived ? "true" : "false") :
		    basis.data ? basis.data : "");
		buf_dispose(&basis);
		break;
	default:
		k = tdata_child(w->root, "primary_contacts", 16);
		format_primary_names(out, sizeof(w->comp[id]),
		    k != NULL ? view_primary(w, k) : NULL);
		break;
	}
	return out;
}

/* ===== the value interface =============================================== */

static struct mustache_val
dv(const void *p, const struct fnode *q, int kind)
{
	struct mustache_val	 v;

	v.p = p;
	v.q = q;
	v.kind = kind;
	return v;
}

/* The vnode a value is, or NULL (the view owns its vnodes). */
static struct vnode *
dv_node(const struct mustache_val *v)
{
	return (v->kind & 0xff) == TV_NODE ? (struct vnode *)v->p : NULL;
}

/* dv_lookup once the name is known to be c: everything but the common
 * case of an element already collected. */
static void __attribute__((noinline))
dv_lookup_slow(const struct tview_render *r, const struct mustache_val *v,
    const struct fnode *c, struct mustache_val *out)
{
	struct templates_view	*w = r->view;
	struct vnode		*vn = dv_node(v);
	struct vlist		*l;

	if (r->client && c->internal) {
		*out = dv(NULL, c, TV_STR);	/* found, and empty */
		return;
	}
	switch (c->kind) {
	case FN_ELEM:
		l = view_slot(w, vn, c, c->idx);
		if (c->repeated)
			*out = dv(l, c, TV_LIST);
		else
			*out = dv(l && l->n ? &l->v[0] : NULL, c, TV_NODE);
		break;
	case FN_ATTR:
		*out = dv(vn ? model_attr(vn->el, c->name) : NULL, c, TV_STR);
		break;
	case FN_FIRST_NAME:
		l = c->name_idx < 0 ? NULL :
		    view_slot(w, vn, c->parent->kids[c->name_idx],
		    (size_t)c->name_idx);
		*out = dv(l && l->n ? &l->v[0] : NULL, c, TV_FIRST);
		break;
	case FN_COMPUTED:
		*out = dv(view_comp(w, c->id), c, TV_STR);
		break;
	case FN_STEP_FIELD:
		*out = dv(step_string(w, c->parent->id, c->id), c, TV_STR);
		break;
	case FN_PRIMARY:
		*out = dv(view_primary(w, c), c, TV_LIST);
		break;
	case FN_TOP_RISKS:
		*out = dv(view_top_risks(w, c), c, TV_LIST);
		break;
	default:
		*out = dv(NULL, c, TV_NODE);
		break;
	}
}

/*
 * One segment: the name's child by its key (one index), then, for an
 * element of a deal element whose slot is already collected, the slot;
 * the rest in dv_lookup_slow.  Lookups run on every tag of every render.
 */
static inline int
dv_lookup_one(const struct tview_render *r, const struct mustache_val *v,
    const struct mustache_seg *seg, struct mustache_val *out)
{
	const struct fnode		*q = v->q, *c;
	const struct vnode		*vn = v->p;
	const struct vlist		*l;

	if (seg->key < 0)
		c = tdata_child_seg(q, seg);
	else if ((size_t)seg->key < q->nbykey)
		c = q->bykey[seg->key];
	else
		return 0;
	if (c == NULL)
		return 0;
	if (c->kind == FN_ELEM && (v->kind & 0xff) == TV_NODE && vn != NULL &&
	    vn->kids != NULL && c->parent == vn->q &&
	    !(r->client && c->internal) &&
	    (l = &vn->kids[c->idx])->ready) {
		out->q = c;
		if (c->repeated) {
			out->p = l;
			out->kind = TV_LIST;
		} else {
			out->p = l->n ? &l->v[0] : NULL;
			out->kind = TV_NODE;
		}
		return 1;
	}
	dv_lookup_slow(r, v, c, out);
	return 1;
}

static int
dv_lookup(void *ud, const struct mustache_val *v,
    const struct mustache_seg *seg, size_t n, struct mustache_val *out)
{
	struct mustache_val	 cur = *v, next;
	size_t			 k;

	for (k = 0; k < n; k++) {
		if (!dv_lookup_one(ud, &cur, &seg[k], &next))
			return k == 0 ? -1 : 0;
		cur = next;
	}
	*out = cur;
	return 1;
}

static int
dv_truthy(void *ud, const struct mustache_val *v)
{
	const struct tview_render	*r = ud;
	const struct fnode		*n = v->q;
	const char			*s = v->p;
	struct vnode			*vn = (struct vnode *)v->p;

	switch (v->kind & 0xff) {
	case TV_STR:
		return s != NULL && *s != '\0' && strcmp(s, "false") != 0;
	case TV_FIRST:
		return vn != NULL && vnode_full(vn);
	default:
		if (n->kind == FN_ROOT)
			return 1;
		if (n->kind == FN_TIMELINE || n->kind == FN_STEP)
			return r->view->signed_day >= 0;
		return vn != NULL && vnode_full(vn);
	}
}

static int
dv_first(void *ud, const struct mustache_val *v, struct mustache_val *item)
{
	const struct fnode	*n = v->q;
	const struct vlist	*l = v->p;

	(void)ud;
	if (v->kind != TV_LIST)
		return -1;
	if (l == NULL || l->n == 0)
		return 0;
	*item = dv(&l->v[0], n->alias ? n->alias : n, TV_NODE);
	return 1;
}

static int
dv_next(void *ud, const struct mustache_val *v, struct mustache_val *item)
{
	const struct vlist	*l = v->p;
	size_t			 i = (size_t)item->kind >> 8;

	(void)ud;
	if (l == NULL || i + 1 >= l->n || i + 1 > (size_t)(INT_MAX >> 8))
		return 0;
	*item = dv(&l->v[i + 1], item->q, TV_NODE | (int)(i + 1) << 8);
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
	const struct tview_render	*r = ud;
	const struct fnode		*n = v->q;
	struct vnode			*vn = (struct vnode *)v->p;
	const char			*s;

	(void)tmp;
	switch (v->kind & 0xff) {
	case TV_STR:
		s = v->p ? v->p : "";
		*len = strlen(s);
		return s;
	case TV_FIRST:
		if (vn == NULL)
			break;
		if ((s = vnode_text(r->view, vn, len)) != NULL)
			*len = strcspn(s, " \t");
		return s;
	case TV_NODE:
		if (vn == NULL || n->kind != FN_ELEM)
			break;
		if (n->block || n->nkids == 0 || (n->f != NULL && n->f->leaf))
			return vnode_text(r->view, vn, len);
		break;
	}
	*len = 0;
	return "";
}

const struct mustache_data tview_data = {
	dv_lookup, dv_truthy, dv_first, dv_next, dv_string, NULL
};

/* ===== the view ========================================================== */

struct templates_view *
tview_new(const struct render_ctx *rc, const struct fnode *root)
{
	struct templates_view	*w;

	/* not calloc: the computed strings need no zeroing */
	if ((w = malloc(sizeof(*w))) == NULL)
		return NULL;
	memset(&w->top, 0, sizeof(w->top));
	w->rc = rc;
	w->root = root;
	w->mem = NULL;
	w->failed = 0;
	w->comp_ready = w->step_ready = w->from_ready = 0;
	w->primary = w->top_risks = NULL;
	w->top.el = model_root(rc->m);
	w->top.q = root;
	w->top.full = -1;
	w->tl = rc->c ? config_timeline(rc->c,
	    model_get(rc->m, "deal/segment")) : NULL;
	if (w->tl == NULL) {
		timeline_default(&w->fallback, SEGMENT_MID_MARKET);
		w->tl = &w->fallback;
	}
	if (date_parse(model_get(rc->m, "deal/signed"), &w->signed_day) != 0)
		w->signed_day = -1;
	return w;
}

void
tview_free(struct templates_view *w)
{
	struct chunk	*c, *next;

	if (w == NULL)
		return;
	for (c = w->mem; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(w);
}

int
tview_failed(const struct templates_view *w)
{
	return w->failed;
}

struct mustache_val
tview_root(struct templates_view *w)
{
	return dv(&w->top, w->root, TV_NODE);
}
