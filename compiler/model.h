/* SPDX-License-Identifier: MIT */
/*
 * model.h: the canonical tree.  Both front ends build one libxml2 document
 * in the handoff namespace (schemas/handoff.xsd); every later phase only
 * reads it.  model.c owns the node -> file:line:col mapping: libxml2 keeps
 * a 16-bit line and no column, so positions live in a side table reached
 * through each node's _private field.
 */
#ifndef HANDOFF_MODEL_H
#define HANDOFF_MODEL_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

#define MODEL_NS	"urn:x-handoff:1"

enum model_src {
	MODEL_SRC_MD,
	MODEL_SRC_XML
};

struct model_loc {
	unsigned	 line;	/* from 1 */
	unsigned	 col;	/* from 0 */
	int		 col_known;
};

/* Where a field's heading stands when the field has no element (an empty
 * '## Pain points' under '# Context'): "context/pain-points" -> line. */
struct model_anchor {
	char			*path;
	struct model_loc	 loc;
};

/*
 * A comment the AE wrote, kept so 'fmt' and 'convert --to md' write it
 * back: an HTML block of the body ('<!-- ... -->'), kept under the heading
 * it followed (line of that heading; 0 before the first), before or after
 * the heading's content, or a '#' line of the front matter (its own line).
 * No later phase reads it: a comment is never content.
 */
struct model_note {
	char		*text;
	unsigned	 line;
	unsigned char	 front;	/* a front-matter line (2: after a value) */
	unsigned char	 after;	/* body: after the heading's content */
};

struct model {
	xmlDocPtr		 doc;	/* owns every node */
	char			*file;	/* path used in diagnostics (owned) */
	enum model_src		 src;
	struct model_loc	*loc;	/* side table; node->_private = index + 1 */
	size_t			 nloc;
	size_t			 caploc;
	struct model_anchor	*anchor;	/* headings without content */
	size_t			 nanchor;
	struct model_note	*note;	/* comments, in file order */
	size_t			 nnote;
	unsigned		 front_end;	/* line of the closing '---' */
};

/*
 * A new model with an empty <handoff xmlns="urn:x-handoff:1" version="1">
 * root; NULL when out of memory.  Free with model_free().
 */
struct model	*model_new(const char *file, enum model_src src);
/*
 * Wrap a parsed document (taking ownership of doc).  Positions are taken
 * from libxml2's line numbers (see parse_xml.c).  NULL when out of memory;
 * doc is freed then too.
 */
struct model	*model_wrap(xmlDocPtr doc, const char *file, enum model_src src);
void		 model_free(struct model *m);

/* The <handoff> root element. */
xmlNodePtr	 model_root(const struct model *m);

/*
 * Append a child element named name (in the handoff namespace) to parent,
 * with text content text (NULL: none) and source position line/col
 * (line 0: unknown; col_known 0: column unknown).  Returns the node, NULL
 * when out of memory.
 */
xmlNodePtr	 model_add(struct model *m, xmlNodePtr parent, const char *name,
		    const char *text, unsigned line, unsigned col, int col_known);
/* Append text (after a space) to a leaf's text, cleaned as model_add
 * cleans it; 0 or -1. */
int		 model_append_text(xmlNodePtr n, const char *text);
/* Set an attribute; 0 or -1. */
int		 model_set_attr(xmlNodePtr n, const char *name, const char *value);
/* Record where n came from; 0 or -1. */
int		 model_set_loc(struct model *m, xmlNodePtr n, unsigned line,
		    unsigned col, int col_known);
/*
 * Where n came from, for a diagnostic: n's own position or that of its
 * nearest ancestor that has one (the file alone when none has).
 */
struct srcpos	 model_pos(const struct model *m, const xmlNode *n);

/*
 * Record that the field at path ("context/pain-points", "relationships")
 * is headed at line:col even if it gets no element.  The first anchor of a
 * path wins.  0 or -1 (out of memory).
 */
int		 model_set_anchor(struct model *m, const char *path,
		    unsigned line, unsigned col);
/*
 * The position of the heading of path or, with walk set and failing that,
 * of its nearest ancestor path that has one; a position with line 0 when
 * none does.
 */
struct srcpos	 model_anchor_pos(const struct model *m, const char *path,
		    int walk);

/* Keep a comment (text copied); front 1 a front-matter line, 2 one after
 * a value on its line: 0 or -1 (out of memory). */
int		 model_add_note(struct model *m, const char *text,
		    unsigned line, int front, int after);

/* The first child element of parent with local name name, or NULL. */
xmlNodePtr	 model_child(const xmlNode *parent, const char *name);
/* The next sibling element after n with local name name, or NULL. */
xmlNodePtr	 model_next(const xmlNode *n, const char *name);
/* The first element child of parent (any name), or NULL. */
xmlNodePtr	 model_first(const xmlNode *parent);
/* The next element sibling of n (any name), or NULL. */
xmlNodePtr	 model_next_elem(const xmlNode *n);
/* Follow a path of local names from the root: "deal/client". NULL: absent. */
xmlNodePtr	 model_find(const struct model *m, const char *path);
/* Follow a relative path from n: "ae/email". */
xmlNodePtr	 model_find_from(const xmlNode *n, const char *path);
/*
 * The text of a leaf element (its single text child), borrowed; "" when
 * n is NULL or has no text.  Never NULL.
 */
const char	*model_text(const xmlNode *n);
/* model_text(model_find(m, path)). */
const char	*model_get(const struct model *m, const char *path);
/* An attribute value, borrowed from the tree; NULL when absent. */
const char	*model_attr(const xmlNode *n, const char *name);
/* True when the element has any non-blank text in it, at any depth. */
int		 model_has_text(const xmlNode *n);
/* The local name of an element ("" for NULL). */
const char	*model_name(const xmlNode *n);

/*
 * The canonical XML of the model, UTF-8, indented by two spaces, with the
 * XML declaration.  Returns a malloc'd string (free()) or NULL.
 */
char		*model_to_xml(const struct model *m, size_t *lenp);

#endif
