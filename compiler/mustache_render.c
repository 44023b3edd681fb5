/* SPDX-License-Identifier: MIT */
/*
 * mustache_render.c: render a compiled template (mustache_priv.h) against
 * data seen through struct mustache_data, or walk it in check mode.
 *
 * Rendering walks the operation array with an explicit context stack
 * (spec: "Context stack").  A name was split into segments at compile
 * time: the first is looked up down the stack, the rest inside what was
 * found.  Nothing is allocated per render unless the expansion is deeper
 * than R_STACK or a partial is indented.
 *
 * Inheritance (the optional ~inheritance module): a parent tag pushes its
 * argument list on a chain; a block resolves against the outermost
 * argument of that name first ("top-level substitutions take
 * precedence").  Block re-indentation: a standalone argument block strips
 * the indentation of its first line from each of its lines, and a block
 * site adds its own (that of the line after a standalone open tag).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "mustache_priv.h"

/* Context stack and parent chain entries kept on the C stack. */
#define R_STACK		48

struct chain {
	const struct mustache	*t;	/* template holding the parent tag */
	size_t			 op;	/* index of the parent tag */
};

struct active {
	const struct mustache	*t;	/* a partial being checked */
	struct mustache_val	 top;	/* with this value on top */
};

struct rstate {
	const struct mustache_render *r;
	const struct mustache_data *d;
	struct buf		*out;
	struct diag_list	*dl;
	struct mustache_val	*stack;	/* context stack, bottom first */
	size_t			 depth;
	struct chain		*chain;	/* parent tags being expanded */
	size_t			 nchain;
	struct active		*active;	/* check mode: partials */
	size_t			 nactive;
	struct buf		 prefix;	/* indentation of every line */
	struct buf		 tmp;		/* scratch for string() */
	size_t			 strip;	/* indentation to drop per line */
	unsigned		 level;	/* sections, partials, blocks */
	int			 bol;	/* at the beginning of a line */
	int			 check;
};

static int r_ops(struct rstate *, const struct mustache *, size_t, size_t);

static int
is_ws(int c)
{
	return c == ' ' || c == '\t';
}

/* Append n bytes: buf_put, without the call when there is room. */
static inline int
r_put(struct buf *b, const char *s, size_t n)
{
	if (n < b->cap - b->len) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return 0;
	}
	return buf_put(b, s, n);
}

/* HTML escapes (spec: interpolation.yml "HTML Escaping"): the class of
 * each byte, 0 for the bytes copied as they are. */
static const unsigned char html_class[256] = {
	['&'] = 1, ['<'] = 2, ['>'] = 3, ['"'] = 4, ['\''] = 5
};
static const struct {
	const char	*s;
	size_t		 n;
} html_rep[] = {
	{ "", 0 }, { "&amp;", 5 }, { "&lt;", 4 }, { "&gt;", 4 },
	{ "&quot;", 6 }, { "&#39;", 5 }
};

/* Copy each run of safe bytes with one memcpy, then one escape. */
static int
r_escape(struct buf *out, const char *s, size_t n)
{
	size_t		 i = 0, start;
	unsigned	 c;

	while (i < n) {
		start = i;
		while (i < n && html_class[(unsigned char)s[i]] == 0)
			i++;
		if (r_put(out, s + start, i - start) == -1)
			return -1;
		if (i == n)
			break;
		c = html_class[(unsigned char)s[i++]];
		if (r_put(out, html_rep[c].s, html_rep[c].n) == -1)
			return -1;
	}
	return 0;
}

/* Template text, with the indentation rules of partials and blocks. */
static int
r_text(struct rstate *st, const char *s, size_t n)
{
	const char	*nl;
	size_t		 k;

	if (n == 0)
		return 0;
	if (st->prefix.len == 0 && st->strip == 0) {
		st->bol = s[n - 1] == '\n';
		return r_put(st->out, s, n);
	}
	while (n > 0) {
		if (st->bol) {
			for (k = 0; k < st->strip && k < n && is_ws(s[k]); k++)
				continue;
			s += k;
			n -= k;
			if (n == 0)
				break;
			if (buf_put(st->out, st->prefix.data,
			    st->prefix.len) == -1)
				return -1;
			st->bol = 0;
		}
		nl = memchr(s, '\n', n);
		k = nl ? (size_t)(nl - s) + 1 : n;
		if (buf_put(st->out, s, k) == -1)
			return -1;
		s += k;
		n -= k;
		st->bol = nl != NULL;
	}
	return 0;
}

static int
r_depth(struct rstate *st, const struct mustache *t, const struct op *o)
{
	if (st->level < st->r->max_depth)
		return 0;
	diag_add(st->dl, diag_pos(t->file, o->line, o->col),
	    RULE_TEMPLATE_DEPTH, "template expansion deeper than %u levels",
	    st->r->max_depth);
	return -1;
}

static void
r_note(struct rstate *st, enum mustache_note_kind kind,
    const struct mustache *t, const struct op *o,
    const struct mustache_val *v, int section)
{
	struct mustache_note	 n;

	if (st->d->note == NULL)
		return;
	n.kind = kind;
	n.t = t;
	n.line = o->line;
	n.col = o->col;
	n.name = t->src + o->off;
	n.len = o->len;
	n.section = section;
	n.v = v;
	n.stack = st->stack;
	n.depth = st->depth;
	st->d->note(st->r->ud, &n);
}

/*
 * Resolve the name of o: its first segment down the context stack, the
 * rest inside what was found (spec: "Dotted Names", "Context
 * Precedence").  1 with *out set, or 0.
 */
static int
r_lookup(struct rstate *st, const struct mustache *t, const struct op *o,
    struct mustache_val *out)
{
	int	 (*lookup)(void *, const struct mustache_val *,
		    const struct mustache_seg *, size_t,
		    struct mustache_val *) = st->d->lookup;
	void	*ud = st->r->ud;
	size_t	 i;
	int	 r;

	if (o->flags & F_DOT) {
		*out = st->stack[st->depth - 1];
		return 1;
	}
	for (i = st->depth; i > 0; i--)
		if ((r = lookup(ud, &st->stack[i - 1], &t->segs[o->seg],
		    o->nseg, out)) >= 0)
			return r;
	return 0;
}

static int
r_var(struct rstate *st, const struct mustache *t, const struct op *o)
{
	struct mustache_val	 v;
	const char		*s;
	size_t			 n;
	int			 found;

	found = r_lookup(st, t, o, &v);
	if (st->check) {
		r_note(st, MUSTACHE_NOTE_NAME, t, o, found ? &v : NULL, 0);
		return 0;
	}
	if (st->bol && st->prefix.len > 0) {
		if (r_put(st->out, st->prefix.data, st->prefix.len) == -1)
			return -1;
		st->bol = 0;
	}
	if (!found)
		return 0;
	buf_clear(&st->tmp);
	if ((s = st->d->string(st->r->ud, &v, &n, &st->tmp)) == NULL)
		return -1;
	if (n > 0)
		st->bol = 0;
	if (o->kind == OP_VAR && (st->r->flags & MUSTACHE_HTML))
		return r_escape(st->out, s, n);
	return r_put(st->out, s, n);
}

/* The body of section i with v pushed on the context stack. */
static int
r_body(struct rstate *st, const struct mustache *t, size_t i,
    const struct mustache_val *v)
{
	int	 rc;

	if (r_depth(st, t, &t->ops[i]) == -1)
		return -1;
	st->stack[st->depth++] = *v;
	st->level++;
	rc = r_ops(st, t, i + 1, t->ops[i].end);
	st->level--;
	st->depth--;
	return rc;
}

static int
r_section(struct rstate *st, const struct mustache *t, size_t i)
{
	const struct op		*o = &t->ops[i];
	struct mustache_val	 v, item;
	int			 found, r;

	found = r_lookup(st, t, o, &v);
	if (st->check) {
		r_note(st, MUSTACHE_NOTE_NAME, t, o, found ? &v : NULL, 1);
		if (!found)
			return 0;
		r = st->d->first(st->r->ud, &v, &item);
		return r_body(st, t, i, r == 1 ? &item : &v);
	}
	if (!found)
		return 0;
	r = st->d->first(st->r->ud, &v, &item);
	if (r == -1)
		return st->d->truthy(st->r->ud, &v) ? r_body(st, t, i, &v) : 0;
	while (r == 1) {
		if (r_body(st, t, i, &item) == -1)
			return -1;
		r = st->d->next(st->r->ud, &v, &item);
	}
	return 0;
}

static int
r_inverted(struct rstate *st, const struct mustache *t, size_t i)
{
	const struct op		*o = &t->ops[i];
	struct mustache_val	 v, item;
	int			 found, r;

	found = r_lookup(st, t, o, &v);
	if (st->check)
		r_note(st, MUSTACHE_NOTE_NAME, t, o, found ? &v : NULL, 1);
	else if (found) {
		r = st->d->first(st->r->ud, &v, &item);
		if (r == 1 || (r == -1 && st->d->truthy(st->r->ud, &v)))
			return 0;
	}
	return r_ops(st, t, i + 1, o->end);
}

/* The template a partial or parent tag names (looked up when dynamic). */
static const struct mustache *
r_target(struct rstate *st, const struct mustache *t, const struct op *o)
{
	struct mustache_val	 v;
	const struct mustache	*p;
	const char		*s;
	size_t			 n;
	int			 found;

	if (!(o->flags & F_DYNAMIC)) {
		p = mustache_set_get(st->r->partials, t->src + o->off, o->len);
		if (p == NULL && st->check)
			r_note(st, MUSTACHE_NOTE_PARTIAL, t, o, NULL, 0);
		return p;
	}
	found = r_lookup(st, t, o, &v);
	if (st->check) {
		r_note(st, MUSTACHE_NOTE_NAME, t, o, found ? &v : NULL, 0);
		r_note(st, MUSTACHE_NOTE_DYNAMIC, t, o, found ? &v : NULL, 0);
		return NULL;
	}
	if (!found)
		return NULL;
	buf_clear(&st->tmp);
	if ((s = st->d->string(st->r->ud, &v, &n, &st->tmp)) == NULL)
		return NULL;
	return mustache_set_get(st->r->partials, s, n);
}

/* Check mode: is partial p already being checked with this context? */
static int
r_seen(const struct rstate *st, const struct mustache *p)
{
	const struct mustache_val *top = &st->stack[st->depth - 1];
	size_t	 i;

	for (i = 0; i < st->nactive; i++)
		if (st->active[i].t == p && st->active[i].top.p == top->p &&
		    st->active[i].top.q == top->q &&
		    st->active[i].top.kind == top->kind)
			return 1;
	return 0;
}

/*
 * Render ops [b, e) of t in a new frame: indentation ind (len n, minus
 * what the current frame strips) added to every line, strip dropped.
 */
static int
r_frame(struct rstate *st, const struct mustache *t, size_t b, size_t e,
    const char *ind, size_t n, int standalone, size_t strip)
{
	size_t	 plen = st->prefix.len, ostrip = st->strip, k;
	int	 rc;

	for (k = 0; k < st->strip && k < n && is_ws(ind[k]); k++)
		continue;
	if (buf_put(&st->prefix, ind + k, n - k) == -1)
		return -1;
	if (standalone)
		st->bol = 1;
	st->strip = strip;
	st->level++;
	if (st->check) {
		st->active[st->nactive].t = t;
		st->active[st->nactive++].top = st->stack[st->depth - 1];
	}
	rc = r_ops(st, t, b, e);
	if (st->check)
		st->nactive--;
	st->level--;
	st->strip = ostrip;
	st->prefix.len = plen;
	return rc;
}

static int
r_partial(struct rstate *st, const struct mustache *t, const struct op *o)
{
	const struct mustache	*p;

	if ((p = r_target(st, t, o)) == NULL)
		return 0;
	if (st->check && r_seen(st, p))
		return 0;
	if (r_depth(st, t, o) == -1)
		return -1;
	return r_frame(st, p, 0, p->nops, t->src + o->ioff, o->ilen,
	    o->flags & F_STANDALONE, 0);
}

static int
r_parent(struct rstate *st, const struct mustache *t, size_t i)
{
	const struct op		*o = &t->ops[i];
	const struct mustache	*p;
	int			 rc;

	if ((p = r_target(st, t, o)) == NULL)
		return 0;
	if (st->check && r_seen(st, p))
		return 0;
	if (r_depth(st, t, o) == -1)
		return -1;
	st->chain[st->nchain].t = t;
	st->chain[st->nchain++].op = i;
	rc = r_frame(st, p, 0, p->nops, t->src + o->ioff, o->ilen,
	    o->flags & F_STANDALONE, 0);
	st->nchain--;
	return rc;
}

/* The argument for block name (len) given by the outermost parent tag. */
static int
r_argument(const struct rstate *st, const char *name, size_t len,
    const struct mustache **tp, size_t *ip)
{
	const struct mustache	*t;
	const struct op		*o;
	size_t			 c, i, end;

	for (c = 0; c < st->nchain; c++) {
		t = st->chain[c].t;
		end = t->ops[st->chain[c].op].end;
		for (i = st->chain[c].op + 1; i < end; ) {
			o = &t->ops[i];
			if (o->kind == OP_BLOCK && (o->flags & F_ARG) &&
			    o->len == len &&
			    memcmp(t->src + o->off, name, len) == 0) {
				*tp = t;
				*ip = i;
				return 1;
			}
			i = mustache_has_body(o->kind) ? o->end : i + 1;
		}
	}
	return 0;
}

static int
r_block(struct rstate *st, const struct mustache *t, size_t i)
{
	const struct op		*o = &t->ops[i], *a;
	const struct mustache	*at;
	size_t			 ai;

	if (!r_argument(st, t->src + o->off, o->len, &at, &ai))
		return r_ops(st, t, i + 1, o->end);
	if (r_depth(st, t, o) == -1)
		return -1;
	a = &at->ops[ai];
	return r_frame(st, at, ai + 1, a->end, t->src + o->ioff, o->ilen,
	    o->flags & F_STANDALONE,
	    (a->flags & F_STANDALONE) ? a->ilen : 0);
}

static int
r_ops(struct rstate *st, const struct mustache *t, size_t i, size_t end)
{
	const struct op	*o;
	int		 rc = 0;

	while (i < end && rc == 0) {
		o = &t->ops[i];
		switch (o->kind) {
		case OP_TEXT:
			if (!st->check)
				rc = r_text(st, t->src + o->off, o->len);
			break;
		case OP_VAR:
		case OP_RAW:
			rc = r_var(st, t, o);
			break;
		case OP_SECTION:
			rc = r_section(st, t, i);
			break;
		case OP_INVERTED:
			rc = r_inverted(st, t, i);
			break;
		case OP_PARTIAL:
			rc = r_partial(st, t, o);
			break;
		case OP_PARENT:
			rc = r_parent(st, t, i);
			break;
		case OP_BLOCK:
			rc = r_block(st, t, i);
			break;
		}
		i = mustache_has_body(o->kind) ? o->end : i + 1;
	}
	return rc;
}

int
mustache_render(struct buf *out, const struct mustache *t,
    const struct mustache_val *root, const struct mustache_render *r,
    struct diag_list *dl)
{
	struct rstate		 st;
	struct mustache_val	 stack[R_STACK];
	struct chain		 chain[R_STACK];
	size_t			 cap = (size_t)r->max_depth + 2;
	int			 rc = -1;

	memset(&st, 0, sizeof(st));
	st.r = r;
	st.d = r->data;
	st.out = out;
	st.dl = dl;
	st.bol = 1;
	st.check = (r->flags & MUSTACHE_CHECK) != 0;
	buf_init(&st.prefix);
	buf_init(&st.tmp);
	st.stack = stack;
	st.chain = chain;
	if ((cap > R_STACK &&
	    ((st.stack = calloc(cap, sizeof(*st.stack))) == NULL ||
	    (st.chain = calloc(cap, sizeof(*st.chain))) == NULL)) ||
	    (st.check && (st.active = calloc(cap,
	    sizeof(*st.active))) == NULL))
		goto out;
	st.stack[st.depth++] = *root;
	rc = r_ops(&st, t, 0, t->nops);
out:
	if (st.stack != stack)
		free(st.stack);
	if (st.chain != chain)
		free(st.chain);
	free(st.active);
	buf_dispose(&st.prefix);
	buf_dispose(&st.tmp);
	return rc;
}
