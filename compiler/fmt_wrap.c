/* SPDX-License-Identifier: MIT */
/*
 * fmt_wrap.c: the author's line breaks in the canonical Markdown.  The
 * canonical tree holds a paragraph as one run of text, so render_md
 * writes it on one line; an AE who wraps prose by hand at 72 columns
 * would see 'handoff fmt' join every paragraph.  fmt_wrap_keep puts the
 * breaks back: each one-line paragraph of the canonical text whose words
 * are those of a wrapped paragraph of the source is broken where the
 * source was broken.  Nothing else moves, and a result whose blocks read
 * differently from the unwrapped text is not used.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fmt_wrap.h"
#include "parse_md_int.h"

/* A wrapped paragraph of the source: its words, and after which words
 * (counted from 1) a line ended. */
struct wrap {
	char		*text;	/* mdp_flatten(' ') */
	size_t		*brk;
	size_t		 nbrk;
	int		 used;
};

struct wraps {
	struct wrap	*v;
	size_t		 n, cap;
};

static int
is_sep(char c)
{
	return c == ' ' || c == '\n';
}

/* Words of s, separated by runs of ' ' or '\n'. */
static size_t
wrap_count_words(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (!is_sep(s[i]) && (i == 0 || is_sep(s[i - 1])))
			n++;
	return n;
}

static void
wraps_dispose(struct wraps *w)
{
	size_t	 i;

	for (i = 0; i < w->n; i++) {
		free(w->v[i].text);
		free(w->v[i].brk);
	}
	free(w->v);
}

/* Record paragraph n of the source when it spans lines; -1: memory. */
static int
wraps_add(struct wraps *w, cmark_node *n)
{
	struct wrap	*x;
	char		*t;
	size_t		 i, words = 0, len;
	int		 nl = 0;

	if ((t = mdp_flatten(n, '\n')) == NULL)
		return -1;
	if (strchr(t, '\n') == NULL) {
		free(t);
		return 0;
	}
	if (w->n == w->cap) {
		size_t		 cap = w->cap ? w->cap * 2 : 16;
		struct wrap	*v = realloc(w->v, cap * sizeof(*v));

		if (v == NULL) {
			free(t);
			return -1;
		}
		w->v = v;
		w->cap = cap;
	}
	x = &w->v[w->n];
	memset(x, 0, sizeof(*x));
	len = strlen(t);
	if ((x->brk = calloc(len, sizeof(*x->brk))) == NULL) {
		free(t);
		return -1;
	}
	for (i = 0; i < len; i++) {
		if (is_sep(t[i])) {
			nl |= t[i] == '\n';
			continue;
		}
		if (nl && words > 0)
			x->brk[x->nbrk++] = words;
		nl = 0;
		if (i == 0 || is_sep(t[i - 1]))
			words++;
	}
	free(t);
	if ((x->text = mdp_flatten(n, ' ')) == NULL) {
		free(x->brk);
		return -1;
	}
	w->n++;
	return 0;
}

/* fn(node, arg) for each block of body, in order, until one returns
 * non-zero: that, or -1 when out of memory. */
static int
wrap_each_block(const char *body, size_t len,
    int (*fn)(cmark_node *, void *), void *arg)
{
	cmark_node	*doc, *n;
	cmark_iter	*it;
	cmark_event_type ev;
	int		 rc = 0;

	if ((doc = mdp_parse_body(body, len)) == NULL)
		return -1;
	if ((it = cmark_iter_new(doc)) == NULL) {
		cmark_node_free(doc);
		return -1;
	}
	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(n) &
		    CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
			rc = fn(n, arg);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return rc;
}

/* wrap_each_block: a paragraph of the source that spans lines. */
static int
wraps_read_one(cmark_node *n, void *arg)
{
	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH ||
	    cmark_node_get_start_line(n) == cmark_node_get_end_line(n))
		return 0;
	return wraps_add(arg, n);
}

/* The first unused wrapped paragraph with these words, or NULL. */
static struct wrap *
wraps_find(struct wraps *w, const char *text)
{
	size_t	 i;

	for (i = 0; i < w->n; i++)
		if (!w->v[i].used && strcmp(w->v[i].text, text) == 0)
			return &w->v[i];
	return NULL;
}

/* 1 when the n bytes of s are all c. */
static int
wrap_all(const char *s, size_t n, char c)
{
	size_t	 i;

	for (i = 0; i < n && s[i] == c; i++)
		;
	return i == n;
}

/*
 * Whether a line may start with the word s (len bytes to the end of the
 * line, n of them the word) and still continue its paragraph: not a list
 * marker, heading, quote, fence, setext underline, thematic break, HTML
 * or table row.  Such a break is left joined.
 */
static int
wrap_may_start(const char *s, size_t len)
{
	size_t	 n;

	for (n = 0; n < len && s[n] != ' '; n++)
		;
	if (n == 1 && strchr("-+*_", s[0]) != NULL)
		return 0;
	if (n == 2 && s[0] == '1' && (s[1] == '.' || s[1] == ')'))
		return 0;
	if ((n <= 6 && wrap_all(s, n, '#')) || wrap_all(s, n, '=') ||
	    wrap_all(s, n, '-') || wrap_all(s, n, '_') || wrap_all(s, n, '*'))
		return 0;
	return strchr("><|", s[0]) == NULL && strncmp(s, "```", 3) != 0 &&
	    strncmp(s, "~~~", 3) != 0;
}

/* The offset of a list item's text on its first line. */
static size_t
wrap_item_indent(const char *line, size_t len)
{
	size_t	 i = 0;

	while (i < len && line[i] == ' ')
		i++;
	if (i < len && strchr("-*+", line[i]) != NULL)
		i++;
	else {
		while (i < len && line[i] >= '0' && line[i] <= '9')
			i++;
		if (i < len && (line[i] == '.' || line[i] == ')'))
			i++;
	}
	while (i < len && line[i] == ' ')
		i++;
	return i;
}

/* One output line: text from col (0-based) broken after the words in x. */
static int
wrap_line(struct buf *o, const char *line, size_t len, size_t col,
    size_t indent, const struct wrap *x)
{
	size_t	 i, words = 0, k = 0, j;

	if (buf_put(o, line, col) == -1)
		return -1;
	for (i = col; i < len; i++) {
		if (line[i] != ' ') {
			if (i == col || line[i - 1] == ' ')
				words++;
			if (buf_putc(o, line[i]) == -1)
				return -1;
			continue;
		}
		for (j = i; j < len && line[j] == ' '; j++)
			;
		while (k < x->nbrk && x->brk[k] < words)
			k++;
		if (k < x->nbrk && x->brk[k] == words && j < len &&
		    wrap_may_start(line + j, len - j)) {
			if (buf_putc(o, '\n') == -1)
				return -1;
			for (size_t s = 0; s < indent; s++)
				if (buf_putc(o, ' ') == -1)
					return -1;
			i = j - 1;
		} else if (buf_putc(o, ' ') == -1)
			return -1;
	}
	return 0;
}

/* What a one-line paragraph of the canonical text becomes. */
struct edit {
	unsigned	 line;	/* of the body, from 1 */
	size_t		 col;	/* where its text starts, from 0 */
	size_t		 indent;
	const struct wrap *w;
};

/* The start of each line of body: v[0] is line 1; n lines. */
static size_t *
wrap_lines(const char *body, size_t len, size_t *n)
{
	size_t	*v, i, k = 0, cnt = 1;

	for (i = 0; i < len; i++)
		cnt += body[i] == '\n';
	if ((v = malloc(cnt * sizeof(*v))) == NULL)
		return NULL;
	v[k++] = 0;
	for (i = 0; i + 1 < len; i++)
		if (body[i] == '\n')
			v[k++] = i + 1;
	*n = k;
	return v;
}

/* The edit for canonical paragraph n, if one fits; 1 made, 0 none. */
static int
wrap_edit(struct wraps *w, cmark_node *n, const char *body, size_t len,
    const size_t *lines, size_t nlines, struct edit *e)
{
	cmark_node	*up = cmark_node_parent(n);
	struct wrap	*x;
	const char	*line, *nl;
	char		*t;
	size_t		 ll, col;
	int		 ln = cmark_node_get_start_line(n);

	if (ln != cmark_node_get_end_line(n) || ln < 1 ||
	    (size_t)ln > nlines || up == NULL ||
	    (cmark_node_get_type(up) != CMARK_NODE_DOCUMENT &&
	    cmark_node_get_type(up) != CMARK_NODE_ITEM))
		return 0;
	line = body + lines[ln - 1];
	nl = memchr(line, '\n', len - lines[ln - 1]);
	ll = nl ? (size_t)(nl - line) : len - lines[ln - 1];
	col = (size_t)(cmark_node_get_start_column(n) - 1);
	if (col >= ll || (t = mdp_flatten(n, ' ')) == NULL)
		return 0;
	x = wraps_find(w, t);
	if (x == NULL || wrap_count_words(t, strlen(t)) !=
	    wrap_count_words(line + col, ll - col)) {
		free(t);
		return 0;
	}
	free(t);
	x->used = 1;
	e->line = (unsigned)ln;
	e->col = col;
	e->w = x;
	e->indent = 0;
	if (cmark_node_get_type(up) == CMARK_NODE_ITEM)
		e->indent = cmark_node_first_child(up) == n ?
		    wrap_item_indent(line, ll) : col;
	return 1;
}

/* wrap_each_block: a block's kind, and its words when it holds text:
 * what a wrap must keep. */
static int
wrap_shape_one(cmark_node *n, void *arg)
{
	struct buf	*sig = arg;
	cmark_node	*c = cmark_node_first_child(n);
	char		*t;
	int		 rc;

	rc = buf_printf(sig, "<%s>", mdp_kind(n));
	if (rc == 0 && c != NULL && (cmark_node_get_type(c) &
	    CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) {
		if ((t = mdp_flatten(n, ' ')) == NULL)
			return -1;
		rc = buf_puts(sig, t);
		free(t);
	}
	return rc;
}

/* The edits of one canonical body: one a paragraph that fits. */
struct edits {
	struct wraps	*w;
	struct buf	*shape;	/* the body's blocks and words */
	const char	*body;
	size_t		 len;
	const size_t	*lines;
	size_t		 nlines;
	struct edit	*v;
	size_t		 n, cap;
};

/* wrap_each_block: the edit for a canonical paragraph, if one fits. */
static int
wrap_edit_one(cmark_node *n, void *arg)
{
	struct edits	*e = arg;

	if (wrap_shape_one(n, e->shape) == -1)
		return -1;
	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return 0;
	if (e->n == e->cap) {
		size_t		 cap = e->cap ? e->cap * 2 : 16;
		struct edit	*v = realloc(e->v, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		e->v = v;
		e->cap = cap;
	}
	e->n += (size_t)wrap_edit(e->w, n, e->body, e->len, e->lines,
	    e->nlines, &e->v[e->n]);
	return 0;
}

/*
 * The canonical body with the source's breaks, into o, and the shape of
 * the body as it was into shape; *nedits the paragraphs broken.  -1:
 * memory.
 */
static int
wrap_body(struct wraps *w, const char *body, size_t len, struct buf *o,
    struct buf *shape, size_t *nedits)
{
	struct edits	 e;
	size_t		*lines, nlines, l, k = 0, ll;
	int		 rc = -1;

	if ((lines = wrap_lines(body, len, &nlines)) == NULL)
		return -1;
	memset(&e, 0, sizeof(e));
	e.w = w;
	e.body = body;
	e.len = len;
	e.lines = lines;
	e.nlines = nlines;
	e.shape = shape;
	if (wrap_each_block(body, len, wrap_edit_one, &e) != 0)
		goto out;
	*nedits = e.n;
	for (l = 0; l < nlines; l++) {
		const char *line = body + lines[l], *nl;

		nl = memchr(line, '\n', len - lines[l]);
		ll = nl ? (size_t)(nl - line) + 1 : len - lines[l];
		if (k < e.n && e.v[k].line == l + 1) {
			if (wrap_line(o, line, nl ? ll - 1 : ll, e.v[k].col,
			    e.v[k].indent, e.v[k].w) == -1 ||
			    (nl && buf_putc(o, '\n') == -1))
				goto out;
			k++;
		} else if (buf_put(o, line, ll) == -1)
			goto out;
	}
	rc = 0;
out:
	free(e.v);
	free(lines);
	return rc;
}

/* 1 when body reads as the blocks and words of shape; -1: memory. */
static int
wrap_same_shape(const struct buf *shape, const char *body, size_t len)
{
	struct buf	 y;
	int		 rc = -1;

	buf_init(&y);
	if (wrap_each_block(body, len, wrap_shape_one, &y) == 0)
		rc = shape->len == y.len && (y.len == 0 ||
		    memcmp(shape->data, y.data, y.len) == 0);
	buf_dispose(&y);
	return rc;
}

int
fmt_wrap_keep(struct buf *out, const char *src, size_t srclen)
{
	struct wraps	 w;
	struct buf	 o, shape;
	const char	*body;
	size_t		 off, blen, nedits = 0;
	int		 rc = -1, same = 0;

	memset(&w, 0, sizeof(w));
	off = mdp_body_offset(src, srclen);
	if (wrap_each_block(src + off, srclen - off, wraps_read_one, &w) == -1)
		goto done;
	rc = 0;
	if (w.n == 0 || out->len == 0)
		goto done;
	off = mdp_body_offset(out->data, out->len);
	body = out->data + off;
	blen = out->len - off;
	buf_init(&o);
	buf_init(&shape);
	/* no paragraph broken: out stays as it is, nothing to compare */
	if (buf_put(&o, out->data, off) == -1 ||
	    wrap_body(&w, body, blen, &o, &shape, &nedits) == -1 ||
	    (nedits > 0 && (same = wrap_same_shape(&shape, o.data + off,
	    o.len - off)) == -1)) {
		buf_dispose(&o);
		buf_dispose(&shape);
		rc = -1;
		goto done;
	}
	buf_dispose(&shape);
	if (same) {
		buf_dispose(out);
		*out = o;
	} else
		buf_dispose(&o);
done:
	wraps_dispose(&w);
	return rc;
}
