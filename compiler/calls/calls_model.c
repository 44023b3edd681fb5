/* SPDX-License-Identifier: MIT */
/*
 * calls_model.c: the call sections in the canonical tree (phase: calls).
 * '# Call notes' reads as extra sections: one per call ('Call of DATE
 * (file)'), one per class inside it, '[?] ' items (text) or '[x] ' ones
 * (task="done").  Only those accepted by the AE reach the renderers.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "calls/calls_model.h"
#include "model.h"

static int
heading_is(const xmlNode *x, const char *h)
{
	const char	*a = model_attr(x, "heading");

	return strcmp(model_name(x), "extra") == 0 && a != NULL &&
	    strcasecmp(a, h) == 0;
}

int
calls_model_is_own(const xmlNode *x)
{
	const xmlNode	*p = x->parent;

	if (p == NULL || p->type != XML_ELEMENT_NODE)
		return 0;
	if (heading_is(x, "call notes"))
		return p->parent == NULL || p->parent->type != XML_ELEMENT_NODE;
	return heading_is(x, "calls") && strcmp(model_name(p), "process") == 0;
}

int
calls_model_is_notes(const xmlNode *x)
{
	return calls_model_is_own(x) && heading_is(x, "call notes");
}

int
calls_model_has_extras(const xmlNode *root)
{
	const xmlNode	*x;

	for (x = model_child(root, "extra"); x != NULL; x = model_next(x, "extra"))
		if (!calls_model_is_notes(x))
			return 1;
	return 0;
}

const xmlNode *
calls_model_notes(const xmlNode *root)
{
	const xmlNode	*x;

	for (x = model_child(root, "extra"); x != NULL; x = model_next(x, "extra"))
		if (heading_is(x, "call notes"))
			return x;
	return NULL;
}

/* '05:36 <url> Speaker: ...' (how the reader keeps '[05:36](url)') as
 * '[05:36] Speaker: ...' into b. */
static void
point_text(struct buf *b, const char *t)
{
	const char	*s = t, *gt;

	buf_clear(b);
	while ((*s >= '0' && *s <= '9') || *s == ':')
		s++;
	if (s == t || *s != ' ') {
		buf_puts(b, t);
		return;
	}
	buf_printf(b, "[%.*s]", (int)(s - t), t);
	if (s[1] == '<' && (gt = strchr(s, '>')) != NULL)
		s = gt + 1;
	else if (s[1] == '[' && (gt = strchr(s, ']')) != NULL)
		s = gt + 1;
	buf_puts(b, s);
}

size_t
calls_model_accepted(const xmlNode *notes, calls_model_fn fn, void *arg)
{
	const xmlNode	*call, *cls, *li;
	const char	*t;
	struct buf	 b;
	size_t		 open = 0;

	buf_init(&b);
	for (call = model_child(notes, "extra"); call != NULL;
	    call = model_next(call, "extra"))
		for (cls = model_child(call, "extra"); cls != NULL;
		    cls = model_next(cls, "extra"))
			for (li = model_child(cls, "li"); li != NULL;
			    li = model_next(li, "li")) {
				t = model_text(li);
				if (strncmp(t, "[?] ", 4) == 0)
					open++;
				if (model_attr(li, "task") == NULL ||
				    strcmp(model_attr(li, "task"), "done") != 0)
					continue;
				point_text(&b, t);
				fn(arg, model_attr(call, "heading"),
				    model_attr(cls, "heading"), b.data ? b.data : "");
			}
	buf_dispose(&b);
	return open;
}
