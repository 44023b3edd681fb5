/* SPDX-License-Identifier: MIT */
/*
 * parse_md_block.c: cmark-gfm nodes into the canonical tree's smallest
 * pieces, for the Markdown front end (parse_md.c walks the document):
 * source positions, elements that remember them, the text of inline
 * markup, and prose blocks (paragraphs, lists, quotes, code, tables) as
 * <p>, <li> and <table>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "buf.h"
#include "config.h"
#include "mdform.h"
#include "model.h"
#include "parse_md_int.h"

unsigned
mdp_line(const struct mdp *p, cmark_node *n)
{
	cmark_node	*prev;
	int		 l = cmark_node_get_start_line(n);

	/* cmark-gfm's table extension leaves the paragraph it took the
	 * header row from without a position: it starts after the block
	 * before it ('## Objections' on line 46, the prose on 47). */
	if (l <= 0 && (prev = cmark_node_previous(n)) != NULL &&
	    cmark_node_get_end_line(prev) > 0)
		l = cmark_node_get_end_line(prev) + 1;
	while (l <= 0 && (n = cmark_node_parent(n)) != NULL)
		l = cmark_node_get_start_line(n);
	return l > 0 ? p->line0 + (unsigned)l : 0;
}

unsigned
mdp_col(cmark_node *n)
{
	int	 c = cmark_node_get_start_column(n);

	return c > 0 ? (unsigned)c - 1 : 0;
}

const char *
mdp_kind(cmark_node *n)
{
	return cmark_node_get_type_string(n);
}

int
mdp_is(cmark_node *n, const char *kind)
{
	return strcmp(cmark_node_get_type_string(n), kind) == 0;
}

/* An element with position; sets p->oom on failure. */
xmlNodePtr
mdp_add(struct mdp *p, xmlNodePtr parent, const char *name,
    const char *text, unsigned line, unsigned col, int col_known)
{
	xmlNodePtr	 n;

	if (parent == NULL || p->oom)
		return NULL;
	if ((n = model_add(p->m, parent, name, text, line, col,
	    col_known)) == NULL)
		p->oom = 1;
	return n;
}

void
mdp_attr(struct mdp *p, xmlNodePtr n, const char *name, const char *value)
{
	if (n != NULL && model_set_attr(n, name, value) == -1)
		p->oom = 1;
}

/* ---- inline text ------------------------------------------------- */

/* Runs of spaces as one: what a dropped comment or a break leaves. */
static void
md_squeeze(char *s)
{
	const char	*i;
	char		*o = s;

	for (i = s; *i != '\0'; i++)
		if (!(*i == ' ' && o > s && o[-1] == ' '))
			*o++ = *i;
	*o = '\0';
}

/*
 * The text of an inline subtree, markup flattened: soft and hard breaks
 * as brk, code spans keep their text, a link whose text differs from its
 * URL as 'text <url>', HTML (comments) dropped.  Iterative: cmark_iter.
 */
char *
mdp_flatten(cmark_node *root, int brk)
{
	struct buf	 b;
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*n;
	size_t		 mark[64], nmark = 0;
	const char	*url, *lit;
	char		*out;

	buf_init(&b);
	if ((it = cmark_iter_new(root)) == NULL)
		return NULL;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if ((lit = cmark_node_get_literal(n)) != NULL)
				buf_puts(&b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(&b, brk);
			break;
		case CMARK_NODE_HTML_INLINE:
			/* Comments are prompts; other tags are the author's. */
			lit = cmark_node_get_literal(n);
			if (lit != NULL && strncmp(lit, "<!--", 4) != 0)
				buf_puts(&b, lit);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			if (ev == CMARK_EVENT_ENTER) {
				if (nmark < N(mark))
					mark[nmark] = b.len;
				nmark++;
				break;
			}
			if (nmark-- > N(mark))
				break;
			url = cmark_node_get_url(n);
			if (url != NULL && *url != '\0') {
				const char *t = b.data ? b.data + mark[nmark] : "";

				if (strcmp(t, url) != 0 &&
				    !(strncmp(url, "mailto:", 7) == 0 &&
				    strcmp(t, url + 7) == 0) &&
				    !(strncmp(url, "http://", 7) == 0 &&
				    strcmp(t, url + 7) == 0))
					buf_printf(&b, "%s<%s>",
					    b.len > mark[nmark] ? " " : "", url);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	out = md_trim_dup(b.data ? b.data : "", b.len);
	buf_dispose(&b);
	if (out != NULL && brk == ' ')
		md_squeeze(out);
	return out;
}

/* ---- block content ----------------------------------------------- */

/* A table as <table><tr><td>: for prose fields and unknown sections. */
static void
mdp_block_table(struct mdp *p, xmlNodePtr parent, cmark_node *t)
{
	xmlNodePtr	 tab, tr;
	cmark_node	*row, *cell;
	char		*s;

	tab = mdp_add(p, parent, "table", NULL, mdp_line(p, t), mdp_col(t), 1);
	for (row = cmark_node_first_child(t); row != NULL && !p->oom;
	    row = cmark_node_next(row)) {
		tr = mdp_add(p, tab, "tr", NULL, mdp_line(p, row),
		    mdp_col(row), 1);
		for (cell = cmark_node_first_child(row); cell != NULL;
		    cell = cmark_node_next(cell)) {
			if ((s = mdp_flatten(cell, ' ')) == NULL) {
				p->oom = 1;
				return;
			}
			mdp_add(p, tr, "td", s, mdp_line(p, row),
			    mdp_col(cell), 1);
			free(s);
		}
	}
}

/* Paragraph-like text as one element (p or li). */
static void
mdp_text(struct mdp *p, xmlNodePtr parent, const char *elem, cmark_node *n,
    cmark_node *at)
{
	char	*s;

	if ((s = mdp_flatten(n, ' ')) == NULL) {
		p->oom = 1;
		return;
	}
	if (*s != '\0')
		mdp_add(p, parent, elem, s, mdp_line(p, at), mdp_col(at), 1);
	free(s);
}

/* A list item: its paragraphs as one <li> (with its task box, if any),
 * nested blocks after it. */
static void
mdp_item(struct mdp *p, xmlNodePtr parent, cmark_node *item, unsigned depth)
{
	struct buf	 b;
	cmark_node	*c;
	xmlNodePtr	 li;
	char		*s;

	buf_init(&b);
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
			if ((s = mdp_flatten(c, ' ')) == NULL) {
				p->oom = 1;
				break;
			}
			if (*s != '\0' && b.len > 0)
				buf_putc(&b, ' ');
			buf_puts(&b, s);
			free(s);
		}
	if (b.len > 0 && (li = mdp_add(p, parent, "li", b.data,
	    mdp_line(p, item), mdp_col(item), 1)) != NULL &&
	    mdp_is(item, "tasklist"))
		mdp_attr(p, li, "task",
		    cmark_gfm_extensions_get_tasklist_item_checked(item) ?
		    "done" : "open");
	buf_dispose(&b);
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH)
			mdp_block(p, parent, c, depth + 1);
}

/* Any block as prose under parent: p, li, table.  Depth-bounded. */
void
mdp_block(struct mdp *p, xmlNodePtr parent, cmark_node *n, unsigned depth)
{
	cmark_node	*c;
	const char	*lit;
	char		*s;

	if (depth > p->lim->max_depth || p->oom)
		return;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		mdp_text(p, parent, "p", n, n);
		return;
	case CMARK_NODE_LIST:
		for (c = cmark_node_first_child(n); c != NULL;
		    c = cmark_node_next(c))
			mdp_item(p, parent, c, depth);
		return;
	case CMARK_NODE_ITEM:
		mdp_item(p, parent, n, depth);
		return;
	case CMARK_NODE_BLOCK_QUOTE:
		for (c = cmark_node_first_child(n); c != NULL;
		    c = cmark_node_next(c))
			mdp_block(p, parent, c, depth + 1);
		return;
	case CMARK_NODE_CODE_BLOCK:
		if ((lit = cmark_node_get_literal(n)) == NULL)
			return;
		if ((s = md_trim_dup(lit, strlen(lit))) == NULL) {
			p->oom = 1;
			return;
		}
		/* One line of text, as every other prose field. */
		for (c = NULL, lit = s; *lit != '\0'; lit++)
			if (*lit == '\n' || *lit == '\t' || *lit == '\r')
				s[lit - s] = ' ';
		md_squeeze(s);
		if (*s != '\0')
			mdp_add(p, parent, "p", s, mdp_line(p, n), mdp_col(n), 1);
		free(s);
		return;
	default:
		if (mdp_is(n, "table"))
			mdp_block_table(p, parent, n);
		return;	/* HTML, thematic breaks: ignored */
	}
}
