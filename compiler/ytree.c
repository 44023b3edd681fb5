/* SPDX-License-Identifier: MIT */
/*
 * ytree.c: YAML text -> a small tree of scalars, sequences and mappings
 * (see ytree.h), built from libyaml's events by recursive descent, so the
 * refusals (anchors, aliases, duplicate keys, depth, size) happen as the
 * events arrive, with the position libyaml gives for each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "diag.h"
#include "ytree.h"

/* The reader's state while the tree is built. */
struct yreader {
	yaml_parser_t		 parser;
	const char		*file;	/* for diagnostics */
	struct diag_list	*dl;
	size_t			 nodes;
	size_t			 max_nodes;
	unsigned		 max_depth;
	int			 failed;	/* a diagnostic was added */
};

void
ytree_free(struct ynode *n)
{
	size_t	 i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkid; i++)
		ytree_free(n->kid[i]);
	free(n->kid);
	free(n->value);
	free(n);
}

static struct srcpos
ypos(const struct yreader *r, unsigned line, unsigned col)
{
	return diag_pos(r->file, line, col);
}

static struct srcpos
npos(const struct yreader *r, const struct ynode *n)
{
	return ypos(r, n->line, n->col);
}

static struct ynode *
ynode_new(struct yreader *r, enum ykind kind, const yaml_mark_t *mark)
{
	struct ynode	*n;

	if (++r->nodes > r->max_nodes) {
		diag_add(r->dl, ypos(r, mark->line + 1, mark->column),
		    RULE_CONFIG, "too many values (more than %zu)",
		    r->max_nodes);
		r->failed = 1;
		return NULL;
	}
	if ((n = calloc(1, sizeof(*n))) == NULL)
		return NULL;
	n->kind = kind;
	n->line = (unsigned)mark->line + 1;
	n->col = (unsigned)mark->column;
	return n;
}

static int
ynode_push(struct ynode *parent, struct ynode *kid)
{
	struct ynode	**p;
	size_t		  cap;

	if (parent->nkid == parent->capkid) {
		cap = parent->capkid ? parent->capkid * 2 : 8;
		if ((p = realloc(parent->kid, cap * sizeof(*p))) == NULL)
			return -1;
		parent->kid = p;
		parent->capkid = cap;
	}
	parent->kid[parent->nkid++] = kid;
	return 0;
}

/* Report libyaml's own error (a syntax error) with its position. */
static void
yreader_syntax(struct yreader *r)
{
	const yaml_mark_t	*mk = &r->parser.problem_mark;
	const yaml_mark_t	*cx = &r->parser.context_mark;
	char			 started[48] = "";

	/* "while parsing a flow sequence": say where that began. */
	if (r->parser.context != NULL && cx->line != mk->line)
		snprintf(started, sizeof(started), " (from line %zu)",
		    cx->line + 1);
	diag_add(r->dl, ypos(r, (unsigned)mk->line + 1, (unsigned)mk->column),
	    RULE_CONFIG, "malformed YAML: %s%s%s%s",
	    r->parser.problem ? r->parser.problem : "syntax error",
	    r->parser.context ? " " : "",
	    r->parser.context ? r->parser.context : "", started);
	r->failed = 1;
}

static int	yreader_node(struct yreader *, yaml_event_t *, unsigned,
		    struct ynode **);

/* The next event; -1 (after a diagnostic) on a syntax error. */
static int
yreader_next(struct yreader *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev)) {
		yreader_syntax(r);
		return -1;
	}
	return 0;
}

/* Anchors are refused as aliases are: neither is needed in a config. */
static int
yreader_anchor(struct yreader *r, const yaml_event_t *ev,
    const unsigned char *anchor)
{
	if (anchor == NULL)
		return 0;
	diag_add(r->dl, ypos(r, (unsigned)ev->start_mark.line + 1,
	    (unsigned)ev->start_mark.column), RULE_YAML_ALIAS,
	    "anchor '&%s' in the config", (const char *)anchor);
	r->failed = 1;
	return -1;
}

/* True when the mapping m (so far) has a scalar key equal to key. */
static const struct ynode *
ymap_has(const struct ynode *m, const char *key)
{
	size_t	 i;

	for (i = 0; i + 1 < m->nkid; i += 2)
		if (m->kid[i]->kind == Y_SCALAR &&
		    strcmp(m->kid[i]->value, key) == 0)
			return m->kid[i];
	return NULL;
}

/* The children of a sequence or mapping, until its end event. */
static int
yreader_kids(struct yreader *r, struct ynode *n, unsigned depth)
{
	yaml_event_t	 ev;
	yaml_event_type_t end;
	struct ynode	*kid;
	const struct ynode *dup;

	end = n->kind == Y_SEQ ? YAML_SEQUENCE_END_EVENT :
	    YAML_MAPPING_END_EVENT;
	for (;;) {
		if (yreader_next(r, &ev) == -1)
			return -1;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return 0;
		}
		kid = NULL;
		if (yreader_node(r, &ev, depth + 1, &kid) == -1)
			return -1;
		if (n->kind == Y_MAP && n->nkid % 2 == 0) {
			if (kid->kind != Y_SCALAR) {
				diag_add(r->dl, npos(r, kid), RULE_CONFIG,
				    "a key must be a plain word");
				r->failed = 1;
				ytree_free(kid);
				return -1;
			}
			if ((dup = ymap_has(n, kid->value)) != NULL) {
				diag_add(r->dl, npos(r, kid),
				    RULE_YAML_DUPLICATE, "duplicate key '%s' "
				    "(first at line %u)", kid->value,
				    dup->line);
				r->failed = 1;
				ytree_free(kid);
				return -1;
			}
		}
		if (ynode_push(n, kid) == -1) {
			ytree_free(kid);
			return -1;
		}
	}
}

/* Build the node that starts with event ev (which this consumes). */
static int
yreader_node(struct yreader *r, yaml_event_t *ev, unsigned depth,
    struct ynode **out)
{
	struct ynode	*n = NULL;
	int		 rc = -1;

	*out = NULL;
	if (depth > r->max_depth) {
		diag_add(r->dl, ypos(r, (unsigned)ev->start_mark.line + 1,
		    (unsigned)ev->start_mark.column), RULE_NESTING,
		    "nested deeper than %u levels", r->max_depth);
		r->failed = 1;
		goto out;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		diag_add(r->dl, ypos(r, (unsigned)ev->start_mark.line + 1,
		    (unsigned)ev->start_mark.column), RULE_YAML_ALIAS,
		    "alias '*%s' in the config",
		    (const char *)ev->data.alias.anchor);
		r->failed = 1;
		goto out;
	case YAML_SCALAR_EVENT:
		if (yreader_anchor(r, ev, ev->data.scalar.anchor) == -1 ||
		    (n = ynode_new(r, Y_SCALAR, &ev->start_mark)) == NULL)
			goto out;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if ((n->value = strndup((const char *)ev->data.scalar.value,
		    ev->data.scalar.length)) == NULL)
			goto out;
		if (strlen(n->value) != ev->data.scalar.length) {
			diag_add(r->dl, npos(r, n), RULE_CONFIG,
			    "NUL character in a value");
			r->failed = 1;
			goto out;
		}
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (yreader_anchor(r, ev,
		    ev->type == YAML_SEQUENCE_START_EVENT ?
		    ev->data.sequence_start.anchor :
		    ev->data.mapping_start.anchor) == -1 ||
		    (n = ynode_new(r, ev->type == YAML_SEQUENCE_START_EVENT ?
		    Y_SEQ : Y_MAP, &ev->start_mark)) == NULL)
			goto out;
		yaml_event_delete(ev);
		ev->type = YAML_NO_EVENT;
		if (yreader_kids(r, n, depth) == -1)
			goto out;
		break;
	default:
		diag_add(r->dl, ypos(r, (unsigned)ev->start_mark.line + 1,
		    (unsigned)ev->start_mark.column), RULE_CONFIG,
		    "unexpected YAML structure");
		r->failed = 1;
		goto out;
	}
	*out = n;
	n = NULL;
	rc = 0;
out:
	yaml_event_delete(ev);
	ytree_free(n);
	return rc;
}

/*
 * The whole stream: at most one document.  *out is NULL for an empty
 * file.  -1 after a diagnostic or when out of
 * memory.
 */
static int
yreader_stream(struct yreader *r, struct ynode **out)
{
	yaml_event_t	 ev;
	struct ynode	*root = NULL;
	int		 docs = 0;

	*out = NULL;
	for (;;) {
		if (yreader_next(r, &ev) == -1)
			goto fail;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			*out = root;
			return 0;
		case YAML_DOCUMENT_START_EVENT:
			if (docs++ > 0) {
				diag_add(r->dl, ypos(r,
				    (unsigned)ev.start_mark.line + 1,
				    (unsigned)ev.start_mark.column),
				    RULE_CONFIG,
				    "a second YAML document in the config");
				r->failed = 1;
				yaml_event_delete(&ev);
				goto fail;
			}
			/* FALLTHROUGH */
		case YAML_STREAM_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&ev);
			break;
		default:
			if (yreader_node(r, &ev, 0, &root) == -1)
				goto fail;
			break;
		}
	}
fail:
	ytree_free(root);
	return -1;
}

int
ytree_parse(struct ynode **out, const char *file, const char *data,
    size_t len, unsigned max_depth, size_t max_nodes, struct diag_list *dl)
{
	struct yreader	 r;
	int		 rc;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	r.file = file;
	r.dl = dl;
	r.max_depth = max_depth;
	r.max_nodes = max_nodes;
	if (!yaml_parser_initialize(&r.parser))
		return -1;
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)data,
	    len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	rc = yreader_stream(&r, out);
	yaml_parser_delete(&r.parser);
	return rc;
}
