/* SPDX-License-Identifier: MIT */
/*
 * mustache_compile.c: compile a Mustache template into a flat array of
 * operations (mustache_priv.h); the renderer is mustache_render.c.
 * Compilation is three passes over the source:
 *
 *   1. tokenize: text (split after each newline, so that a token never
 *      spans two lines) and tags, following set-delimiter tags;
 *   2. pair: match every section, block and parent with its close, and
 *      mark the blocks that are arguments of a parent;
 *   3. standalone: a line that holds only whitespace and one tag that
 *      prints nothing (section, close, comment, delimiter, partial,
 *      parent, block) is dropped with its newline; its indentation goes
 *      to the partial.  Parent tags and their argument blocks do not
 *      count, so "{{<p}}{{$b}}" alone on a line is standalone too.
 *
 * Then the tokens become operations whose bodies are contiguous, and each
 * name that rendering looks up is split at its dots into segments, so
 * that rendering never scans a name; a data implementation may give each
 * segment an integer key (mustache_set_intern).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "mustache_priv.h"

/* The compiler's state. */
struct comp {
	struct mustache	*t;
	struct diag_list *dl;
	struct op	*tk;	/* tokens, then operations */
	size_t		 ntk;
	size_t		 captk;
	const char	*otag;	/* current delimiters */
	size_t		 olen;
	const char	*ctag;
	size_t		 clen;
	size_t		 lpos;	/* position whose line is known */
	uint32_t	 line;
	size_t		 lstart; /* where that line starts */
	int		 failed;
};

/* ===== tokenizer ========================================================= */

static int
is_ws(int c)
{
	return c == ' ' || c == '\t';
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Line and column (from 0) of byte pos; cheap when pos moves forward. */
static void
comp_where(struct comp *c, size_t pos, uint32_t *line, uint32_t *col)
{
	const char	*p, *end = c->t->src + pos;

	if (pos < c->lpos) {
		c->lpos = c->lstart = 0;
		c->line = 1;
	}
	while (c->lpos < pos) {
		p = memchr(c->t->src + c->lpos, '\n', pos - c->lpos);
		if (p == NULL || p >= end) {
			c->lpos = pos;
			break;
		}
		c->line++;
		c->lpos = c->lstart = (size_t)(p - c->t->src) + 1;
	}
	*line = c->line;
	*col = (uint32_t)(pos - c->lstart);
}

static struct op *
comp_push(struct comp *c, int kind, size_t off, size_t len)
{
	struct op	*o;
	size_t		 cap;

	if (c->ntk == c->captk) {
		cap = c->captk ? c->captk * 2 : 32;
		if ((o = reallocarray(c->tk, cap, sizeof(*o))) == NULL)
			return NULL;
		c->tk = o;
		c->captk = cap;
	}
	o = &c->tk[c->ntk++];
	memset(o, 0, sizeof(*o));
	o->kind = (unsigned char)kind;
	o->off = (uint32_t)off;
	o->len = (uint32_t)len;
	return o;
}

/* Text from off to end, one token per line. */
static int
comp_text(struct comp *c, size_t off, size_t end)
{
	const char	*nl;
	size_t		 stop;
	struct op	*o;

	while (off < end) {
		nl = memchr(c->t->src + off, '\n', end - off);
		stop = nl ? (size_t)(nl - c->t->src) + 1 : end;
		if ((o = comp_push(c, OP_TEXT, off, stop - off)) == NULL)
			return -1;
		comp_where(c, off, &o->line, &o->col);
		off = stop;
	}
	return 0;
}

static void
comp_error(struct comp *c, size_t pos, const char *msg, const char *a,
    size_t alen)
{
	uint32_t	 line, col;

	comp_where(c, pos, &line, &col);
	diag_add(c->dl, diag_pos(c->t->file, line, col), RULE_TEMPLATE_SYNTAX,
	    msg, (int)alen, a);
	c->failed = 1;
}

/* Find needle (n bytes) in the source from pos; the offset or -1. */
static long
comp_find(const struct comp *c, size_t pos, const char *needle, size_t n)
{
	const char	*p, *s = c->t->src;
	size_t		 len = c->t->srclen;

	while (pos + n <= len) {
		if ((p = memchr(s + pos, needle[0], len - pos)) == NULL ||
		    (size_t)(p - s) + n > len)
			return -1;
		pos = (size_t)(p - s);
		if (memcmp(p, needle, n) == 0)
			return (long)pos;
		pos++;
	}
	return -1;
}

/* {{=<% %>=}}: the two new delimiters in [b, e). */
static int
comp_delim(struct comp *c, size_t tag, size_t b, size_t e)
{
	const char	*s = c->t->src;
	size_t		 o0, o1, c0, c1;

	while (b < e && is_space(s[b]))
		b++;
	while (e > b && is_space(s[e - 1]))
		e--;
	o0 = b;
	while (b < e && !is_space(s[b]) && s[b] != '=')
		b++;
	o1 = b;
	while (b < e && is_space(s[b]))
		b++;
	c0 = b;
	while (b < e && !is_space(s[b]) && s[b] != '=')
		b++;
	c1 = b;
	if (o1 == o0 || c1 == c0 || c1 != e) {
		comp_error(c, tag, "invalid delimiter change '%.*s'",
		    s + tag, (int)(e - tag + 1 < 40 ? e - tag + 1 : 40));
		return -1;
	}
	c->otag = s + o0;
	c->olen = o1 - o0;
	c->ctag = s + c0;
	c->clen = c1 - c0;
	return 0;
}

/* The sigil of a tag and its operation kind. */
static int
comp_kind(int ch)
{
	switch (ch) {
	case '#':
		return OP_SECTION;
	case '^':
		return OP_INVERTED;
	case '/':
		return TK_CLOSE;
	case '>':
		return OP_PARTIAL;
	case '<':
		return OP_PARENT;
	case '$':
		return OP_BLOCK;
	case '&':
	case '{':
		return OP_RAW;
	case '!':
		return TK_COMMENT;
	case '=':
		return TK_DELIM;
	default:
		return OP_VAR;
	}
}

/* The name of a tag in [b, e): trimmed, '*' for dynamic names; checked. */
static int
comp_name(struct comp *c, struct op *o, size_t tag, size_t b, size_t e)
{
	const char	*s = c->t->src;
	size_t		 i;

	while (b < e && is_space(s[b]))
		b++;
	while (e > b && is_space(s[e - 1]))
		e--;
	if (b < e && s[b] == '*' &&
	    (o->kind == OP_PARTIAL || o->kind == OP_PARENT)) {
		o->flags |= F_DYNAMIC;
		b++;
		while (b < e && is_space(s[b]))
			b++;
	}
	/* no inner space; no NUL, which no data could match */
	for (i = b; i < e; i++)
		if (is_space(s[i]) || s[i] == '\0')
			break;
	if (b == e || i < e) {
		comp_error(c, tag, "invalid tag name '%.*s'", s + b,
		    (int)(e - b > 40 ? 40 : e - b));
		return -1;
	}
	o->off = (uint32_t)b;
	o->len = (uint32_t)(e - b);
	return 0;
}

/* One tag starting at pos (at the open delimiter); sets *next. */
static int
comp_tag(struct comp *c, size_t pos, size_t *next)
{
	const char	*s = c->t->src;
	size_t		 p = pos + c->olen, b, e;
	long		 f;
	int		 kind;
	struct op	*o;

	while (p < c->t->srclen && is_ws(s[p]))
		p++;
	kind = p < c->t->srclen ? comp_kind(s[p]) : OP_VAR;
	if (kind != OP_VAR)
		p++;
	b = p;
	if (kind == TK_DELIM || (kind == OP_RAW && s[p - 1] == '{')) {
		f = comp_find(c, p, kind == TK_DELIM ? "=" : "}", 1);
		while (f >= 0 && ((size_t)f + 1 + c->clen > c->t->srclen ||
		    memcmp(s + f + 1, c->ctag, c->clen) != 0))
			f = comp_find(c, (size_t)f + 1,
			    kind == TK_DELIM ? "=" : "}", 1);
		e = (size_t)f;
		*next = (size_t)f + 1 + c->clen;
	} else {
		f = comp_find(c, p, c->ctag, c->clen);
		e = (size_t)f;
		*next = (size_t)f + c->clen;
	}
	if (f < 0) {
		for (e = pos; e < c->t->srclen && e - pos < 20 &&
		    s[e] != '\n' && s[e] != '\r'; e++)
			continue;
		comp_error(c, pos, "unclosed tag '%.*s'", s + pos,
		    (int)(e - pos));
		return -1;
	}
	if ((o = comp_push(c, kind, b, e - b)) == NULL)
		return -1;
	comp_where(c, pos, &o->line, &o->col);
	o->ioff = (uint32_t)pos;	/* the tag's span until pass 3 */
	o->ilen = (uint32_t)(*next - pos);
	if (kind == TK_DELIM)
		return comp_delim(c, pos, b, e);
	if (kind == TK_COMMENT)
		return 0;
	return comp_name(c, o, pos, b, e);
}

static int
comp_tokenize(struct comp *c)
{
	size_t	 pos = 0, next;
	long	 f;

	c->otag = "{{";
	c->olen = 2;
	c->ctag = "}}";
	c->clen = 2;
	while (pos < c->t->srclen) {
		f = comp_find(c, pos, c->otag, c->olen);
		if (f < 0)
			return comp_text(c, pos, c->t->srclen);
		if (comp_text(c, pos, (size_t)f) == -1 ||
		    comp_tag(c, (size_t)f, &next) == -1)
			return -1;
		pos = next;
	}
	return 0;
}

/* ===== pairing =========================================================== */

/* Match opens and closes; end of an open = index of its close token. */
static int
comp_pair(struct comp *c)
{
	size_t		*stack = NULL, n = 0, i;
	struct op	*o, *top;
	const char	*s = c->t->src;
	int		 rc = -1;

	if ((stack = calloc(c->ntk + 1, sizeof(*stack))) == NULL)
		return -1;
	for (i = 0; i < c->ntk; i++) {
		o = &c->tk[i];
		if (o->kind == OP_BLOCK && n > 0 &&
		    c->tk[stack[n - 1]].kind == OP_PARENT)
			o->flags |= F_ARG;
		if (mustache_has_body(o->kind)) {
			stack[n++] = i;
			continue;
		}
		if (o->kind != TK_CLOSE)
			continue;
		if (n == 0) {
			comp_error(c, o->ioff, "'%.*s' closes no section",
			    s + o->ioff, (int)o->ilen);
			goto out;
		}
		top = &c->tk[stack[n - 1]];
		if (top->len != o->len ||
		    memcmp(s + top->off, s + o->off, o->len) != 0) {
			comp_error(c, o->ioff, "'%.*s' does not close the "
			    "open section", s + o->ioff, (int)o->ilen);
			goto out;
		}
		/* the close of a parent or of an argument is transparent
		 * for standalone lines, as its open is */
		if ((top->flags & F_ARG) || top->kind == OP_PARENT)
			o->flags |= F_ARG;
		top->end = (uint32_t)i;
		n--;
	}
	if (n > 0) {
		o = &c->tk[stack[n - 1]];
		comp_error(c, o->ioff, "section '%.*s' is not closed",
		    s + o->off, (int)o->len);
		goto out;
	}
	rc = 0;
out:
	free(stack);
	return rc;
}

/* ===== standalone lines ================================================== */

/* Whitespace only, but for a final "\n" or "\r\n". */
static int
text_blank(const char *s, size_t len)
{
	if (len > 0 && s[len - 1] == '\n') {
		len--;
		if (len > 0 && s[len - 1] == '\r')
			len--;
	}
	while (len > 0 && is_ws(s[len - 1]))
		len--;
	return len == 0;
}

/* Leading spaces and tabs of the line after position pos. */
static void
next_indent(const struct comp *c, size_t pos, struct op *o)
{
	const char	*s = c->t->src;
	size_t		 b;

	while (pos < c->t->srclen && s[pos] != '\n')
		pos++;
	if (pos < c->t->srclen)
		pos++;
	b = pos;
	while (pos < c->t->srclen && is_ws(s[pos]))
		pos++;
	o->ioff = (uint32_t)b;
	o->ilen = (uint32_t)(pos - b);
}

/* Tokens [i, j) form one line: drop it when standalone, set indents. */
static void
comp_line(struct comp *c, size_t i, size_t j)
{
	const char	*s = c->t->src;
	struct op	*o, *first = &c->tk[i];
	size_t		 k, ntags = 0, counted = 0, lead = 0, ilead;
	int		 before = 1;

	ilead = first->off;
	if (first->kind == OP_TEXT && text_blank(s + first->off, first->len) &&
	    s[first->off + first->len - 1] != '\n')
		lead = first->len;
	for (k = i; k < j; k++) {
		o = &c->tk[k];
		if (o->kind == OP_TEXT) {
			if (!text_blank(s + o->off, o->len))
				before = 0;
			continue;
		}
		ntags++;
		if (o->kind == OP_VAR || o->kind == OP_RAW)
			counted = 99;
		else if (o->kind != OP_PARENT && !(o->flags & F_ARG))
			counted++;
		/* A block site on a line that is not standalone takes the
		 * whitespace before it as its indentation. */
		if (o->kind == OP_BLOCK) {
			o->ioff = (uint32_t)ilead;
			o->ilen = before ? (uint32_t)lead : 0;
		} else if (o->kind == OP_PARTIAL || o->kind == OP_PARENT)
			o->ilen = 0;
		before = 0;
	}
	for (k = i; k < j; k++)
		if (c->tk[k].kind == OP_TEXT &&
		    !text_blank(s + c->tk[k].off, c->tk[k].len))
			return;
	if (ntags == 0 || counted > 1)
		return;
	for (k = i; k < j; k++) {
		o = &c->tk[k];
		if (o->kind == OP_TEXT)
			o->flags |= F_REMOVED;
		else if (o->kind == OP_PARTIAL || o->kind == OP_PARENT) {
			o->flags |= F_STANDALONE;
			o->ioff = (uint32_t)ilead;
			o->ilen = (uint32_t)lead;
		} else if (o->kind == OP_BLOCK) {
			o->flags |= F_STANDALONE;
			next_indent(c, o->off, o);
		}
	}
}

static void
comp_standalone(struct comp *c)
{
	size_t		 i = 0, j;
	const struct op	*o;

	while (i < c->ntk) {
		for (j = i; j < c->ntk; j++) {
			o = &c->tk[j];
			if (o->kind == OP_TEXT && o->len > 0 &&
			    c->t->src[o->off + o->len - 1] == '\n') {
				j++;
				break;
			}
		}
		comp_line(c, i, j);
		i = j;
	}
}

/* ===== operations ======================================================== */

/* Turn tokens into operations in place; bodies end at their close. */
static int
comp_emit(struct comp *c)
{
	size_t		*map = NULL, i, n = 0;
	struct op	*o;
	struct span	*sp;

	if ((map = calloc(c->ntk + 1, sizeof(*map))) == NULL)
		return -1;
	for (i = 0; i < c->ntk; i++) {
		o = &c->tk[i];
		map[i] = n;
		if (o->kind == TK_COMMENT) {
			sp = reallocarray(c->t->comments, c->t->ncomments + 1,
			    sizeof(*sp));
			if (sp == NULL)
				goto fail;
			c->t->comments = sp;
			sp += c->t->ncomments++;
			sp->off = o->off;
			sp->len = o->len;
			sp->line = o->line;
			sp->col = o->col;
		}
		if (o->kind == TK_COMMENT || o->kind == TK_DELIM ||
		    o->kind == TK_CLOSE || (o->flags & F_REMOVED))
			continue;
		if (o->kind == OP_TEXT && n > 0 && c->tk[n - 1].kind ==
		    OP_TEXT && c->tk[n - 1].off + c->tk[n - 1].len == o->off) {
			c->tk[n - 1].len += o->len;
			continue;
		}
		c->tk[n++] = *o;
	}
	map[c->ntk] = n;
	/* end pointed at the close token: now the op after the body */
	for (i = 0; i < n; i++)
		if (mustache_has_body(c->tk[i].kind))
			c->tk[i].end = (uint32_t)map[c->tk[i].end];
	c->t->ops = c->tk;
	c->t->nops = n;
	c->tk = NULL;
	free(map);
	return 0;
fail:
	free(map);
	return -1;
}

/* Is o's name looked up in the data when rendering? */
static int
looked_up(const struct op *o)
{
	switch (o->kind) {
	case OP_VAR:
	case OP_RAW:
	case OP_SECTION:
	case OP_INVERTED:
		return 1;
	case OP_PARTIAL:
	case OP_PARENT:
		return (o->flags & F_DYNAMIC) != 0;
	default:
		return 0;
	}
}

/*
 * Split every looked-up name at its dots (spec: "Dotted Names"; "a..b"
 * has an empty middle segment, which finds nothing).  "." alone is the
 * top of the context stack and has no segments.
 */
static int
comp_segments(struct mustache *t)
{
	const char	*s, *dot, *end;
	struct op	*o;
	size_t		 i, n = 0, k;

	for (i = 0; i < t->nops; i++) {
		o = &t->ops[i];
		if (!looked_up(o))
			continue;
		if (o->len == 1 && t->src[o->off] == '.') {
			o->flags |= F_DOT;
			continue;
		}
		n++;
		for (k = 0; k < o->len; k++)
			n += t->src[o->off + k] == '.';
	}
	if (n == 0)
		return 0;
	if ((t->segs = calloc(n, sizeof(*t->segs))) == NULL)
		return -1;
	for (i = 0; i < t->nops; i++) {
		o = &t->ops[i];
		if (!looked_up(o) || (o->flags & F_DOT))
			continue;
		o->seg = (uint32_t)t->nsegs;
		s = t->src + o->off;
		end = s + o->len;
		for (;;) {
			dot = memchr(s, '.', (size_t)(end - s));
			t->segs[t->nsegs].s = s;
			t->segs[t->nsegs].len = (size_t)((dot ? dot : end) - s);
			t->segs[t->nsegs++].key = -1;
			if (dot == NULL)
				break;
			s = dot + 1;
		}
		o->nseg = (uint32_t)(t->nsegs - o->seg);
	}
	return 0;
}

struct mustache *
mustache_compile(const char *name, const char *file, const char *src,
    size_t len, struct diag_list *dl)
{
	struct comp	 c;
	struct mustache	*t;

	if (len >= UINT32_MAX)
		return NULL;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	memset(&c, 0, sizeof(c));
	c.t = t;
	c.dl = dl;
	c.line = 1;
	if ((t->name = strdup(name)) == NULL ||
	    (t->file = strdup(file)) == NULL ||
	    (t->src = malloc(len + 1)) == NULL)
		goto fail;
	memcpy(t->src, src, len);
	t->src[len] = '\0';
	t->srclen = len;
	if (comp_tokenize(&c) == -1 || comp_pair(&c) == -1)
		goto fail;
	comp_standalone(&c);
	if (comp_emit(&c) == -1 || comp_segments(t) == -1)
		goto fail;
	return t;
fail:
	free(c.tk);
	mustache_free(t);
	return NULL;
}

void
mustache_free(struct mustache *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t->file);
	free(t->src);
	free(t->ops);
	free(t->segs);
	free(t->comments);
	free(t);
}

const char *
mustache_name(const struct mustache *t)
{
	return t->name;
}

const char *
mustache_file(const struct mustache *t)
{
	return t->file;
}

const char *
mustache_comment(const struct mustache *t, size_t i, size_t *len,
    unsigned *line)
{
	const char	*s;
	size_t		 n;

	if (i >= t->ncomments)
		return NULL;
	s = t->src + t->comments[i].off;
	n = t->comments[i].len;
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	*len = n;
	if (line != NULL)
		*line = t->comments[i].line;
	return s;
}

const char *
mustache_partial_name(const struct mustache *t, size_t i, size_t *len,
    unsigned *line, unsigned *col)
{
	size_t	 k;

	for (k = 0; k < t->nops; k++) {
		if ((t->ops[k].kind != OP_PARTIAL &&
		    t->ops[k].kind != OP_PARENT) ||
		    (t->ops[k].flags & F_DYNAMIC))
			continue;
		if (i-- > 0)
			continue;
		*len = t->ops[k].len;
		*line = t->ops[k].line;
		*col = t->ops[k].col;
		return t->src + t->ops[k].off;
	}
	return NULL;
}

/* ===== set =============================================================== */

struct mustache_set *
mustache_set_new(void)
{
	return calloc(1, sizeof(struct mustache_set));
}

void
mustache_set_free(struct mustache_set *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		mustache_free(s->v[i]);
	free(s->v);
	free(s);
}

int
mustache_set_add(struct mustache_set *s, struct mustache *t)
{
	struct mustache	**v;
	size_t		  i, cap;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i]->name, t->name) == 0) {
			mustache_free(s->v[i]);
			s->v[i] = t;
			return 0;
		}
	if (s->n == s->cap) {
		cap = s->cap ? s->cap * 2 : 8;
		if ((v = reallocarray(s->v, cap, sizeof(*v))) == NULL) {
			mustache_free(t);
			return -1;
		}
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = t;
	return 0;
}

void
mustache_set_intern(struct mustache_set *s,
    int (*intern)(void *, const char *, size_t), void *ud)
{
	struct mustache	*t;
	size_t		 i, k;

	for (i = 0; s != NULL && i < s->n; i++) {
		t = s->v[i];
		for (k = 0; k < t->nsegs; k++)
			t->segs[k].key = intern(ud, t->segs[k].s,
			    t->segs[k].len);
	}
}

const struct mustache *
mustache_set_get(const struct mustache_set *s, const char *name, size_t len)
{
	size_t	 i;

	if (s == NULL)
		return NULL;
	/* not strncmp: name may hold a NUL (a dynamic name from data) */
	for (i = 0; i < s->n; i++)
		if (strlen(s->v[i]->name) == len &&
		    memcmp(s->v[i]->name, name, len) == 0)
			return s->v[i];
	return NULL;
}

const struct mustache *
mustache_set_at(const struct mustache_set *s, size_t i)
{
	return s != NULL && i < s->n ? s->v[i] : NULL;
}

