/* SPDX-License-Identifier: MIT */
/*
 * templates_json.c: the data a template sees for one deal, as one JSON
 * object ('handoff templates data'): every name of the tree (templates_
 * data.c) with its value in the deal's view (templates_view.c), read
 * through the same value interface rendering uses.  For template authors,
 * and for bench/mustache, where mustache.js renders the same templates
 * against it.  Lists are arrays; fields with children, prose and the
 * timeline are objects; 'true'/'false' attributes and computed values
 * (renewal_derived) are booleans; a missing
 * element is null.
 */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "schema.h"
#include "templates_data.h"

static int	json_object(struct buf *, struct tview_render *,
		    const struct mustache_val *, unsigned);

static int
json_value(struct buf *out, struct tview_render *r,
    const struct mustache_val *v, unsigned depth)
{
	const struct fnode	*n = v->q;
	struct mustache_val	 item;
	struct buf		 tmp;
	const char		*s;
	size_t			 len;
	int			 k, rc, kind = v->kind & 0xff;

	if (kind == TV_LIST) {
		if (buf_putc(out, '[') == -1)
			return -1;
		for (k = tview_data.first(r, v, &item); k == 1;
		    k = tview_data.next(r, v, &item)) {
			if (out->data[out->len - 1] != '[' &&
			    buf_putc(out, ',') == -1)
				return -1;
			if (json_value(out, r, &item, depth + 1) == -1)
				return -1;
		}
		return buf_putc(out, ']');
	}
	if ((n->kind == FN_ATTR || n->kind == FN_COMPUTED) && v->p != NULL &&
	    (strcmp(v->p, "true") == 0 || strcmp(v->p, "false") == 0))
		return buf_puts(out, v->p);
	if ((kind == TV_NODE || kind == TV_STR) && v->p == NULL &&
	    n->kind != FN_TIMELINE && n->kind != FN_STEP && n->kind != FN_ROOT)
		return buf_puts(out, "null");
	if (kind == TV_NODE && (n->kind == FN_TIMELINE ||
	    n->kind == FN_STEP || n->kind == FN_ROOT || n->block ||
	    (n->nkids > 0 && (n->f == NULL || !n->f->leaf))))
		return json_object(out, r, v, depth + 1);
	if ((s = tview_data.string(r, v, &len, NULL)) == NULL)
		return -1;
	if (s[len] == '\0')
		return diag_json_string(out, s);
	buf_init(&tmp);		/* a first name: a prefix of the text */
	rc = buf_put(&tmp, s, len) == -1 ? -1 :
	    diag_json_string(out, tmp.data ? tmp.data : "");
	buf_dispose(&tmp);
	return rc;
}

static int
json_object(struct buf *out, struct tview_render *r,
    const struct mustache_val *v, unsigned depth)
{
	const struct fnode	*n = v->q, *src;
	struct mustache_val	 c;
	struct mustache_seg	 seg;
	size_t			 i;
	int			 pass, first = 1;

	if (depth > 16)
		return buf_puts(out, "null");
	if (buf_putc(out, '{') == -1)
		return -1;
	for (pass = 0; pass < 2; pass++) {
		src = pass == 0 ? n : n->alias;
		for (i = 0; src != NULL && i < src->nkids; i++) {
			seg.s = src->kids[i]->name;
			seg.len = strlen(seg.s);
			seg.key = src->kids[i]->key;
			if (tview_data.lookup(r, v, &seg, 1, &c) != 1)
				continue;
			if (!first && buf_putc(out, ',') == -1)
				return -1;
			first = 0;
			if (diag_json_string(out, seg.s) == -1 ||
			    buf_putc(out, ':') == -1 ||
			    json_value(out, r, &c, depth) == -1)
				return -1;
		}
	}
	return buf_putc(out, '}');
}

int
tjson_write(struct buf *out, struct templates_view *w)
{
	struct tview_render	 r;
	struct mustache_val	 v;

	r.view = w;
	r.client = 0;
	v = tview_root(w);
	if (json_object(out, &r, &v, 0) == -1 || tview_failed(w))
		return -1;
	return buf_putc(out, '\n');
}
