/* SPDX-License-Identifier: MIT */
/*
 * model.c: the canonical tree (see model.h).  Node positions are kept in
 * a side table: node->_private holds the index + 1 of the node's entry,
 * because libxml2 keeps only a 16-bit line and no column.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "model.h"

struct model *
model_new(const char *file, enum model_src src)
{
	struct model	*m;
	xmlNodePtr	 root;
	xmlNsPtr	 ns;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->src = src;
	if ((m->file = strdup(file ? file : "<input>")) == NULL ||
	    (m->doc = xmlNewDoc(BAD_CAST "1.0")) == NULL ||
	    (root = xmlNewDocNode(m->doc, NULL, BAD_CAST "handoff", NULL)) == NULL)
		goto fail;
	xmlDocSetRootElement(m->doc, root);
	if ((ns = xmlNewNs(root, BAD_CAST MODEL_NS, NULL)) == NULL)
		goto fail;
	xmlSetNs(root, ns);
	if (xmlSetProp(root, BAD_CAST "version", BAD_CAST "1") == NULL)
		goto fail;
	return m;
fail:
	model_free(m);
	return NULL;
}

/* Copy libxml2's line numbers into the side table, element by element. */
static int
model_take_lines(struct model *m, xmlNodePtr n)
{
	xmlNodePtr	 c;
	long		 line;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		line = xmlGetLineNo(n);
		if (line > 0 && model_set_loc(m, n, (unsigned)line, 0, 0) == -1)
			return -1;
		if ((c = n->children) != NULL && model_take_lines(m, c) == -1)
			return -1;
	}
	return 0;
}

struct model *
model_wrap(xmlDocPtr doc, const char *file, enum model_src src)
{
	struct model	*m;

	if ((m = calloc(1, sizeof(*m))) == NULL) {
		xmlFreeDoc(doc);
		return NULL;
	}
	m->doc = doc;
	m->src = src;
	if ((m->file = strdup(file ? file : "<input>")) == NULL ||
	    model_take_lines(m, xmlDocGetRootElement(doc)) == -1) {
		model_free(m);
		return NULL;
	}
	return m;
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	if (m->doc != NULL)
		xmlFreeDoc(m->doc);
	while (m->nanchor > 0)
		free(m->anchor[--m->nanchor].path);
	free(m->anchor);
	while (m->nnote > 0)
		free(m->note[--m->nnote].text);
	free(m->note);
	free(m->loc);
	free(m->file);
	free(m);
}

int
model_set_anchor(struct model *m, const char *path, unsigned line,
    unsigned col)
{
	struct model_anchor	*a;
	size_t			 i;

	for (i = 0; i < m->nanchor; i++)
		if (strcmp(m->anchor[i].path, path) == 0)
			return 0;
	if ((a = realloc(m->anchor, (m->nanchor + 1) * sizeof(*a))) == NULL)
		return -1;
	m->anchor = a;
	a += m->nanchor;
	if ((a->path = strdup(path)) == NULL)
		return -1;
	a->loc.line = line;
	a->loc.col = col;
	a->loc.col_known = 1;
	m->nanchor++;
	return 0;
}

int
model_add_note(struct model *m, const char *text, unsigned line, int front,
    int after)
{
	struct model_note	*v;

	if ((v = realloc(m->note, (m->nnote + 1) * sizeof(*v))) == NULL)
		return -1;
	m->note = v;
	v += m->nnote;
	if ((v->text = strdup(text)) == NULL)
		return -1;
	v->line = line;
	v->front = (unsigned char)(front > 0 ? front : 0);
	v->after = after != 0;
	m->nnote++;
	return 0;
}

struct srcpos
model_anchor_pos(const struct model *m, const char *path, int walk)
{
	size_t	 i, len = strlen(path);

	while (len > 0) {
		for (i = 0; i < m->nanchor; i++)
			if (strlen(m->anchor[i].path) == len &&
			    strncmp(m->anchor[i].path, path, len) == 0)
				return diag_pos(m->file, m->anchor[i].loc.line,
				    m->anchor[i].loc.col);
		if (!walk)
			break;
		while (len > 0 && path[len - 1] != '/')
			len--;
		if (len > 0)
			len--;	/* the '/' */
	}
	return diag_pos_line(m->file, 0);
}

xmlNodePtr
model_root(const struct model *m)
{
	return xmlDocGetRootElement(m->doc);
}

int
model_set_loc(struct model *m, xmlNodePtr n, unsigned line, unsigned col,
    int col_known)
{
	struct model_loc	*loc;
	uintptr_t		 idx = (uintptr_t)n->_private;

	if (line == 0)
		return 0;
	if (idx == 0) {
		if (m->nloc == m->caploc) {
			size_t	 cap = m->caploc ? m->caploc * 2 : 64;

			if ((loc = realloc(m->loc, cap * sizeof(*loc))) == NULL)
				return -1;
			m->loc = loc;
			m->caploc = cap;
		}
		idx = ++m->nloc;
		n->_private = (void *)idx;
	}
	loc = &m->loc[idx - 1];
	loc->line = line;
	loc->col = col;
	loc->col_known = col_known;
	return 0;
}

struct srcpos
model_pos(const struct model *m, const xmlNode *n)
{
	uintptr_t	 idx;

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		idx = (uintptr_t)n->_private;
		if (idx > 0 && idx <= m->nloc) {
			const struct model_loc *l = &m->loc[idx - 1];

			return l->col_known ? diag_pos(m->file, l->line, l->col) :
			    diag_pos_line(m->file, l->line);
		}
	}
	return diag_pos_line(m->file, 0);
}

/* Length of the valid UTF-8 sequence at p, or 0 (overlong, surrogate,
 * beyond U+10FFFF, truncated). */
static size_t
model_utf8_len(const unsigned char *p)
{
	size_t	 n, i;

	if (*p < 0x80)
		return 1;
	n = *p >= 0xf0 && *p <= 0xf4 ? 4 : *p >= 0xe0 ? 3 :
	    *p >= 0xc2 && *p <= 0xdf ? 2 : 0;
	if (n == 0 || (*p >= 0xf5))
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] > 0x9f) ||
	    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] > 0x8f))
		return 0;
	return n;
}

/*
 * The canonical form of a text value, into a new string: leading and
 * trailing blanks dropped, runs of spaces, tabs and line breaks folded to
 * one space (as the XML front end does), and what XML 1.0 cannot carry (C0 controls but
 * TAB, LF, CR; U+FFFE, U+FFFF: a front end may let them through as
 * character references or YAML escapes, and Debian's cmark-gfm writes
 * &#xFFFF; as a lone 0xFF byte) replaced by U+FFFD, as is invalid UTF-8.
 */
static char *
model_clean_text(const char *text)
{
	const unsigned char	*p = (const unsigned char *)text;
	char			*out, *o;
	size_t			 n;
	int			 blank = 0;

	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	if ((out = malloc(strlen((const char *)p) * 3 + 1)) == NULL)
		return NULL;
	for (o = out; *p != '\0'; p += n) {
		n = 1;
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			blank = 1;
			continue;
		}
		if (blank)
			*o++ = ' ';
		blank = 0;
		if ((n = model_utf8_len(p)) == 0 || *p < 0x20 ||
		    (n == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe)) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			n = n == 0 ? 1 : n;
		} else {
			memcpy(o, p, n);
			o += n;
		}
	}
	*o = '\0';
	return out;
}

xmlNodePtr
model_add(struct model *m, xmlNodePtr parent, const char *name,
    const char *text, unsigned line, unsigned col, int col_known)
{
	xmlNodePtr	 n;
	char		*clean;

	n = xmlNewChild(parent, parent->ns, BAD_CAST name, NULL);
	if (n == NULL)
		return NULL;
	if (text != NULL && *text != '\0') {
		if ((clean = model_clean_text(text)) == NULL)
			return NULL;
		if (*clean != '\0')
			xmlNodeAddContent(n, BAD_CAST clean);
		free(clean);
	}
	if (model_set_loc(m, n, line, col, col_known) == -1)
		return NULL;
	return n;
}

int
model_append_text(xmlNodePtr n, const char *text)
{
	const char	*old = model_text(n);
	char		*both, *clean;
	size_t		 len = strlen(old) + strlen(text) + 2;

	if ((both = malloc(len)) == NULL)
		return -1;
	snprintf(both, len, "%s %s", old, text);
	clean = model_clean_text(both);
	free(both);
	if (clean == NULL)
		return -1;
	/* Not xmlNodeSetContent(): it would read '&' as markup. */
	while (n->children != NULL) {
		xmlNodePtr c = n->children;

		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	xmlNodeAddContent(n, BAD_CAST clean);
	free(clean);
	return 0;
}

int
model_set_attr(xmlNodePtr n, const char *name, const char *value)
{
	char	*clean;
	int	 rc;

	if ((clean = model_clean_text(value)) == NULL)
		return -1;
	rc = xmlSetProp(n, BAD_CAST name, BAD_CAST clean) == NULL ? -1 : 0;
	free(clean);
	return rc;
}

const char *
model_name(const xmlNode *n)
{
	return n == NULL ? "" : (const char *)n->name;
}

xmlNodePtr
model_first(const xmlNode *parent)
{
	xmlNodePtr	 c;

	if (parent == NULL)
		return NULL;
	for (c = parent->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNodePtr
model_next_elem(const xmlNode *n)
{
	xmlNodePtr	 c;

	for (c = n == NULL ? NULL : n->next; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNodePtr
model_child(const xmlNode *parent, const char *name)
{
	xmlNodePtr	 c;

	for (c = model_first(parent); c != NULL; c = model_next_elem(c))
		if (strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

xmlNodePtr
model_next(const xmlNode *n, const char *name)
{
	xmlNodePtr	 c;

	for (c = model_next_elem(n); c != NULL; c = model_next_elem(c))
		if (strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

xmlNodePtr
model_find_from(const xmlNode *n, const char *path)
{
	char		 part[64];
	const char	*p = path, *slash;
	size_t		 len;
	xmlNodePtr	 cur = (xmlNodePtr)n;

	while (cur != NULL && *p != '\0') {
		slash = strchr(p, '/');
		len = slash ? (size_t)(slash - p) : strlen(p);
		if (len >= sizeof(part))
			return NULL;
		memcpy(part, p, len);
		part[len] = '\0';
		cur = model_child(cur, part);
		p += len + (slash != NULL);
	}
	return cur;
}

xmlNodePtr
model_find(const struct model *m, const char *path)
{
	return model_find_from(model_root(m), path);
}

const char *
model_text(const xmlNode *n)
{
	xmlNodePtr	 c;

	if (n == NULL)
		return "";
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			return (const char *)c->content;
	return "";
}

const char *
model_get(const struct model *m, const char *path)
{
	return model_text(model_find(m, path));
}

const char *
model_attr(const xmlNode *n, const char *name)
{
	xmlAttrPtr	 a;

	if (n == NULL)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next)
		if (strcmp((const char *)a->name, name) == 0 &&
		    a->children != NULL && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

int
model_has_text(const xmlNode *n)
{
	xmlNodePtr		 c;
	const unsigned char	*p;

	if (n == NULL)
		return 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			for (p = c->content; *p != '\0'; p++)
				if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
					return 1;
		} else if (c->type == XML_ELEMENT_NODE && model_has_text(c))
			return 1;
	}
	return 0;
}

char *
model_to_xml(const struct model *m, size_t *lenp)
{
	xmlChar	*mem = NULL;
	char	*out;
	int	 len = 0;

	xmlDocDumpFormatMemoryEnc(m->doc, &mem, &len, "UTF-8", 1);
	if (mem == NULL)
		return NULL;
	if ((out = malloc((size_t)len + 1)) != NULL) {
		memcpy(out, mem, (size_t)len);
		out[len] = '\0';
		if (lenp != NULL)
			*lenp = (size_t)len;
	}
	xmlFree(mem);
	return out;
}
