/* SPDX-License-Identifier: MIT */
/*
 * tree_diff.c: field-level differences between two canonical trees (see
 * tree_diff.h).  The method: walk both trees together; at each level
 * group the element children by name.  Records (stakeholder, risk,
 * metric, objection, commitment, extra) are matched by their key, not
 * their position; repeated leaves (list items, roles, recordings) are
 * compared as sets; paragraphs are compared as one text; everything else
 * is a single field compared by its whitespace-normalised text.  Each
 * difference becomes one sentence.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "buf.h"
#include "model.h"
#include "schema.h"
#include "tree_diff.h"

#define TD_CLIP	80	/* bytes of a long text shown in a change */

/* Records and the child (or attribute, '@') that identifies them. */
static const struct td_record {
	const char	*name;
	const char	*key;
	const char	*label;
} td_records[] = {
	{ "stakeholder",	"name",		"stakeholder" },
	{ "risk",		"text",		"risk" },
	{ "metric",		"name",		"metric" },
	{ "objection",		"text",		"objection" },
	{ "commitment",		"text",		"commitment" },
};

struct td {
	struct tree_diff	*d;
	const struct schema	*s;
	int			 oom;
};

static void	td_children(struct td *, const xmlNode *, const xmlNode *,
		    const char *, const char *);

void
tree_diff_init(struct tree_diff *d)
{
	memset(d, 0, sizeof(*d));
}

void
tree_diff_dispose(struct tree_diff *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++)
		free(d->line[i]);
	free(d->line);
	memset(d, 0, sizeof(*d));
}

static int
tree_diff_vadd(struct tree_diff *d, const char *fmt, va_list ap)
{
	struct buf	 b;
	char		**nl, *s;
	size_t		 cap;

	buf_init(&b);
	if (buf_vprintf(&b, fmt, ap) == -1 || (s = buf_detach(&b)) == NULL) {
		buf_dispose(&b);
		return -1;
	}
	if (d->n == d->cap) {
		cap = d->cap ? d->cap * 2 : 16;
		if ((nl = realloc(d->line, cap * sizeof(*nl))) == NULL) {
			free(s);
			return -1;
		}
		d->line = nl;
		d->cap = cap;
	}
	d->line[d->n++] = s;
	return 0;
}

int
tree_diff_add(struct tree_diff *d, const char *fmt, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, fmt);
	rc = tree_diff_vadd(d, fmt, ap);
	va_end(ap);
	return rc;
}

static void
td_add(struct td *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
td_add(struct td *t, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	if (tree_diff_vadd(t->d, fmt, ap) == -1)
		t->oom = 1;
	va_end(ap);
}

/* ===== text helpers ====================================================== */

/* The text of n with runs of white space made one space, trimmed. */
static char *
td_text(const xmlNode *n)
{
	xmlChar		*c;
	char		*s, *w;
	const char	*r;
	int		 sp = 0;

	if (n == NULL)
		return strdup("");
	if ((c = xmlNodeGetContent(n)) == NULL)
		return strdup("");
	if ((s = malloc(strlen((char *)c) + 1)) == NULL) {
		xmlFree(c);
		return NULL;
	}
	for (r = (const char *)c, w = s; *r != '\0'; r++) {
		if (isspace((unsigned char)*r)) {
			sp = w != s;
			continue;
		}
		if (sp)
			*w++ = ' ';
		sp = 0;
		*w++ = *r;
	}
	*w = '\0';
	xmlFree(c);
	return s;
}

/* Clip a long text at a UTF-8 boundary, adding an ellipsis. */
static void
td_clip(char *s)
{
	size_t	 n;

	if (strlen(s) <= TD_CLIP)
		return;
	n = TD_CLIP - 3;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	strcpy(s + n, "\xe2\x80\xa6");	/* the clip leaves room */
}

/* Enumerations, dates and numbers are shown bare; free text quoted. */
static int
td_bare(const char *s)
{
	const char	*p;

	if (*s == '\0')
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		    *p == '-' || *p == '.'))
			return 0;
	return 1;
}

/* Append s, quoted unless bare, to b. */
static void
td_quote(struct buf *b, const char *s)
{
	if (td_bare(s))
		buf_puts(b, s);
	else
		buf_printf(b, "'%s'", s);
}

/* The displayed value of a leaf: its text, with a money's unit. */
static char *
td_value(const xmlNode *n)
{
	struct buf	 b;
	const char	*cur, *per;
	char		*t;

	if ((t = td_text(n)) == NULL || *t == '\0' ||
	    strcmp(model_name(n), "value") != 0)
		return t;
	cur = model_attr(n, "currency");
	per = model_attr(n, "per");
	buf_init(&b);
	buf_printf(&b, "%s%s%s%s%s", t, cur ? " " : "", cur ? cur : "",
	    per ? "/" : "", per ? per : "");
	free(t);
	return buf_detach(&b);
}

char *
tree_diff_key(const void *xml_node)
{
	const xmlNode	*n = xml_node;
	const char	*a;
	char		*k, *p;
	size_t		 i;

	if (n == NULL)
		return NULL;
	k = NULL;
	if (strcmp(model_name(n), "extra") == 0) {
		if ((a = model_attr(n, "heading")) != NULL ||
		    (a = model_attr(n, "name")) != NULL)
			k = strdup(a);
	} else
		for (i = 0; i < sizeof(td_records) / sizeof(td_records[0]); i++)
			if (strcmp(model_name(n), td_records[i].name) == 0)
				k = td_text(model_child(n, td_records[i].key));
	if (k == NULL)
		return NULL;
	for (p = k; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

/* ===== labels ============================================================ */

/* The record kind of n, or NULL. */
static const struct td_record *
td_record_of(const xmlNode *n)
{
	size_t	 i;

	for (i = 0; i < sizeof(td_records) / sizeof(td_records[0]); i++)
		if (strcmp(model_name(n), td_records[i].name) == 0)
			return &td_records[i];
	return NULL;
}

/* The name of a field for a sentence: the schema's label, else its
 * local name with dashes as spaces; a person's parts get the person's
 * name first ("AE e-mail"). */
static void
td_label(struct buf *b, const struct td *t, const xmlNode *n)
{
	const struct field	*f = NULL;
	const char		*p;

	if (t->s != NULL)
		f = schema_field_of(t->s, n);
	if (f != NULL && f->label != NULL && strcmp(f->label, f->name) != 0) {
		buf_puts(b, f->label);
		return;
	}
	if (n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    (strcmp(model_name(n->parent), "ae") == 0 ||
	    strcmp(model_name(n->parent), "csm") == 0)) {
		buf_printf(b, "%s ", strcmp(model_name(n->parent), "ae") == 0 ?
		    "AE" : "CSM");
	}
	for (p = model_name(n); *p != '\0'; p++)
		buf_putc(b, *p == '-' ? ' ' : *p);
}

/* td_label into a new string ("" on failure). */
static char *
td_label_str(const struct td *t, const xmlNode *n)
{
	struct buf	 b;
	char		*s;

	buf_init(&b);
	td_label(&b, t, n);
	if ((s = buf_detach(&b)) == NULL)
		s = strdup("");
	return s;
}

/* ===== records =========================================================== */

/* The words for a record that was added. */
static void
td_describe(struct buf *b, const xmlNode *r)
{
	const char	*name = model_name(r), *who, *due;
	xmlNodePtr	 c;
	char		*s;
	int		 first = 1;

	if (strcmp(name, "stakeholder") == 0) {
		buf_puts(b, model_text(model_child(r, "name")));
		if (*(who = model_text(model_child(r, "title"))) != '\0') {
			buf_printf(b, " (%s", who);
			first = 0;
		}
		for (c = model_child(r, "role"); c; c = model_next(c, "role")) {
			buf_puts(b, first ? " (" : ", ");
			for (who = model_text(c); *who != '\0'; who++)
				buf_putc(b, *who == '-' ? ' ' : *who);
			first = 0;
		}
		if (!first)
			buf_putc(b, ')');
		return;
	}
	if ((s = td_text(model_child(r, strcmp(name, "metric") == 0 ?
	    "name" : "text"))) != NULL) {
		td_clip(s);
		buf_printf(b, "'%s'", s);
		free(s);
	}
	if (strcmp(name, "risk") == 0 && *(who =
	    model_text(model_child(r, "severity"))) != '\0')
		buf_printf(b, " (severity %s)", who);
	else if (strcmp(name, "metric") == 0 && *(who =
	    model_text(model_child(r, "target"))) != '\0') {
		buf_puts(b, " (target ");
		td_quote(b, who);
		if (*(due = model_text(model_child(r, "due"))) != '\0')
			buf_printf(b, " by %s", due);
		buf_putc(b, ')');
	} else if (strcmp(name, "commitment") == 0 && *(who =
	    model_text(model_child(r, "who"))) != '\0') {
		buf_printf(b, " (%s", who);
		if (*(due = model_text(model_child(r, "due"))) != '\0')
			buf_printf(b, ", by %s", due);
		buf_putc(b, ')');
	}
}

/* The label and shown key of a record ("risk", "'SAP PM connector'"). */
static void
td_record_name(const xmlNode *r, const char **label, char **key)
{
	const struct td_record	*rec = td_record_of(r);
	const char		*a;

	*label = rec ? rec->label : "section";
	if (rec != NULL)
		*key = td_text(model_child(r, rec->key));
	else {
		if ((a = model_attr(r, "heading")) == NULL) {
			a = model_attr(r, "name");
			*label = "field";
		}
		*key = strdup(a ? a : "");
	}
	if (*key != NULL)
		td_clip(*key);
}

/* A record only on one side. */
static void
td_record_alone(struct td *t, const xmlNode *r, int added)
{
	const char	*label;
	char		*key, *desc;
	struct buf	 b;

	td_record_name(r, &label, &key);
	if (key == NULL) {
		t->oom = 1;
		return;
	}
	buf_init(&b);
	if (added && td_record_of(r) != NULL)
		td_describe(&b, r);
	else
		buf_puts(&b, key);
	desc = buf_detach(&b);
	td_add(t, "%s %s: %s", label, added ? "added" : "removed",
	    desc ? desc : key);
	free(desc);
	free(key);
}

/* Attribute changes of a matched record or container. */
static void
td_attrs(struct td *t, const xmlNode *a, const xmlNode *b,
    const char *prefix, const char *label)
{
	static const char	*names[] = { "done", "primary", "none" };
	const char		*va, *vb;
	size_t			 i;
	int			 ta, tb;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		va = model_attr(a, names[i]);
		vb = model_attr(b, names[i]);
		ta = va != NULL && (strcmp(va, "true") == 0 ||
		    strcmp(va, "1") == 0);
		tb = vb != NULL && (strcmp(vb, "true") == 0 ||
		    strcmp(vb, "1") == 0);
		if (ta == tb)
			continue;
		if (i == 0)
			td_add(t, "%s%s", prefix, tb ? "done" : "reopened");
		else if (i == 1)
			td_add(t, "%sis %s the primary contact", prefix,
			    tb ? "now" : "no longer");
		else
			td_add(t, "%s%s %s", prefix, label,
			    tb ? "set to none" : "no longer none");
	}
}

/* Records named name under a and b, matched by key. */
static void
td_records_diff(struct td *t, const xmlNode *pa, const xmlNode *pb,
    const char *name)
{
	xmlNodePtr	 x, y;
	const char	*label;
	char		*kx, *ky, *shown, *prefix;
	struct buf	 b;
	size_t		 nb = 0, i;
	xmlNodePtr	*used = NULL;

	for (y = pb ? model_child(pb, name) : NULL; y; y = model_next(y, name))
		nb++;
	if (nb > 0 && (used = calloc(nb, sizeof(*used))) == NULL) {
		t->oom = 1;
		return;
	}
	for (x = pa ? model_child(pa, name) : NULL; x; x = model_next(x, name)) {
		kx = tree_diff_key(x);
		for (i = 0, y = pb ? model_child(pb, name) : NULL; y;
		    y = model_next(y, name), i++) {
			if (used[i] != NULL)
				continue;
			ky = tree_diff_key(y);
			if (kx && ky && strcmp(kx, ky) == 0) {
				used[i] = y;
				free(ky);
				break;
			}
			free(ky);
		}
		free(kx);
		if (y == NULL) {
			td_record_alone(t, x, 0);
			continue;
		}
		/* Matched: compare the rest, under the record's name. */
		td_record_name(x, &label, &shown);
		buf_init(&b);
		buf_printf(&b, "%s '%s' ", label, shown ? shown : "");
		prefix = buf_detach(&b);
		td_attrs(t, x, y, prefix ? prefix : "", label);
		td_children(t, x, y, prefix ? prefix : "", NULL);
		free(prefix);
		free(shown);
	}
	for (i = 0, y = pb ? model_child(pb, name) : NULL; y;
	    y = model_next(y, name), i++)
		if (used[i] == NULL)
			td_record_alone(t, y, 1);
	free(used);
}

/* ===== fields ============================================================ */

/* Repeated leaves (li, role, recording) as sets. */
static void
td_set_diff(struct td *t, const xmlNode *pa, const xmlNode *pb,
    const char *name, const char *prefix, const char *label)
{
	const xmlNode	*side[2] = { pa, pb }, *other;
	xmlNodePtr	 x, y;
	char		*tx, *ty;
	int		 s, found;

	for (s = 0; s < 2; s++) {
		other = side[1 - s];
		for (x = side[s] ? model_child(side[s], name) : NULL; x;
		    x = model_next(x, name)) {
			if ((tx = td_text(x)) == NULL || *tx == '\0') {
				free(tx);
				continue;
			}
			found = 0;
			for (y = other ? model_child(other, name) : NULL;
			    y && !found; y = model_next(y, name)) {
				if ((ty = td_text(y)) != NULL &&
				    strcmp(tx, ty) == 0)
					found = 1;
				free(ty);
			}
			if (!found) {
				td_clip(tx);
				td_add(t, "%s%s %s: %s%s%s", prefix, label,
				    s ? "added" : "removed",
				    td_bare(tx) ? "" : "'", tx,
				    td_bare(tx) ? "" : "'");
			}
			free(tx);
		}
	}
}

/* The paragraphs of a and b, joined, as one text field. */
static void
td_block_diff(struct td *t, const xmlNode *pa, const xmlNode *pb,
    const char *prefix, const char *label)
{
	struct buf	 ba, bb;
	xmlNodePtr	 x;
	char		*s;

	buf_init(&ba);
	buf_init(&bb);
	for (x = pa ? model_child(pa, "p") : NULL; x; x = model_next(x, "p"))
		if ((s = td_text(x)) != NULL) {
			buf_printf(&ba, "%s%s", ba.len ? " " : "", s);
			free(s);
		}
	for (x = pb ? model_child(pb, "p") : NULL; x; x = model_next(x, "p"))
		if ((s = td_text(x)) != NULL) {
			buf_printf(&bb, "%s%s", bb.len ? " " : "", s);
			free(s);
		}
	if (strcmp(ba.data ? ba.data : "", bb.data ? bb.data : "") != 0) {
		if (ba.data) td_clip(ba.data);
		if (bb.data) td_clip(bb.data);
		if (ba.len == 0)
			td_add(t, "%s%s set: '%s'", prefix, label, bb.data);
		else if (bb.len == 0)
			td_add(t, "%s%s removed (was '%s')", prefix, label,
			    ba.data);
		else
			td_add(t, "%s%s '%s' → '%s'", prefix, label, ba.data,
			    bb.data);
	}
	buf_dispose(&ba);
	buf_dispose(&bb);
}

/* A single leaf field. */
static void
td_leaf_diff(struct td *t, const xmlNode *a, const xmlNode *b,
    const char *prefix)
{
	struct buf	 out;
	char		*va, *vb, *label;

	va = a ? td_value(a) : strdup("");
	vb = b ? td_value(b) : strdup("");
	label = td_label_str(t, a ? a : b);
	if (va == NULL || vb == NULL || label == NULL) {
		t->oom = 1;
		goto out;
	}
	if (strcmp(va, vb) == 0)
		goto out;
	td_clip(va);
	td_clip(vb);
	buf_init(&out);
	buf_printf(&out, "%s%s ", prefix, label);
	if (*va == '\0') {
		buf_puts(&out, "set: ");
		td_quote(&out, vb);
	} else if (*vb == '\0') {
		buf_puts(&out, "removed (was ");
		td_quote(&out, va);
		buf_putc(&out, ')');
	} else {
		td_quote(&out, va);
		buf_puts(&out, " → ");
		td_quote(&out, vb);
	}
	if (out.data != NULL)
		td_add(t, "%s", out.data);
	buf_dispose(&out);
out:
	free(va);
	free(vb);
	free(label);
}

/* True when n has no element children (a leaf field). */
static int
td_is_leaf(const xmlNode *n)
{
	return n == NULL || model_first(n) == NULL;
}

/* A single element present on one side or both. */
static void
td_elem(struct td *t, const xmlNode *a, const xmlNode *b, const char *prefix)
{
	const xmlNode	*n = a ? a : b;
	char		*label;
	int		 section;

	/* An empty <commitments none="true"/> is a container, not a leaf. */
	if (td_is_leaf(a) && td_is_leaf(b) && (a == NULL ||
	    model_attr(a, "none") == NULL) && (b == NULL ||
	    model_attr(b, "none") == NULL)) {
		td_leaf_diff(t, a, b, prefix);
		return;
	}
	if ((label = td_label_str(t, n)) == NULL) {
		t->oom = 1;
		return;
	}
	section = n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    n->parent->parent != NULL &&
	    n->parent->parent->type == XML_DOCUMENT_NODE &&
	    strcmp(model_name(n), "deal") != 0;
	if (section && (a == NULL || b == NULL))
		td_add(t, "section %s: %s", a ? "removed" : "added", label);
	if (a != NULL && b != NULL)
		td_attrs(t, a, b, prefix, label);
	else if (model_attr(n, "none") != NULL && b != NULL &&
	    strcmp(model_attr(n, "none"), "true") == 0)
		td_add(t, "%s%s set to none", prefix, label);
	td_children(t, a, b, prefix, label);
	free(label);
}

/* Is name already in the first i children names? */
static int
td_seen(const xmlNode *first, const xmlNode *upto, const char *name)
{
	const xmlNode	*c;

	for (c = first; c != NULL && c != upto; c = model_next_elem(c))
		if (strcmp(model_name(c), name) == 0)
			return 1;
	return 0;
}

/* Count the children of p named name. */
static size_t
td_count(const xmlNode *p, const char *name)
{
	xmlNodePtr	 c;
	size_t		 n = 0;

	for (c = p ? model_child(p, name) : NULL; c; c = model_next(c, name))
		n++;
	return n;
}

/* Compare the children of one name under a and b. */
static void
td_group(struct td *t, const xmlNode *a, const xmlNode *b, const char *name,
    const char *prefix, const char *plabel)
{
	const xmlNode	*n = a ? model_child(a, name) : NULL;
	char		*label;

	if (n == NULL)
		n = model_child(b, name);
	if (td_record_of(n) != NULL || strcmp(name, "extra") == 0) {
		td_records_diff(t, a, b, name);
		return;
	}
	if (strcmp(name, "p") == 0) {
		td_block_diff(t, a, b, prefix, plabel ? plabel : "text");
		return;
	}
	if (strcmp(name, "li") == 0) {
		td_set_diff(t, a, b, name, prefix, plabel ? plabel : "item");
		return;
	}
	if (td_count(a, name) > 1 || td_count(b, name) > 1) {
		if ((label = td_label_str(t, n)) == NULL) {
			t->oom = 1;
			return;
		}
		td_set_diff(t, a, b, name, prefix, label);
		free(label);
		return;
	}
	td_elem(t, a ? model_child(a, name) : NULL,
	    b ? model_child(b, name) : NULL, prefix);
}

/*
 * The children of a and b, by name in document order (a's names first,
 * then those only b has).  Inside a record (prefix set) the key child is
 * left out: it matched.
 */
static void
td_children(struct td *t, const xmlNode *a, const xmlNode *b,
    const char *prefix, const char *plabel)
{
	const struct td_record	*rec = td_record_of(a ? a : b);
	const xmlNode		*c, *fa, *fb;

	fa = a ? model_first(a) : NULL;
	fb = b ? model_first(b) : NULL;
	for (c = fa; c != NULL; c = model_next_elem(c)) {
		if (td_seen(fa, c, model_name(c)) ||
		    (rec && strcmp(model_name(c), rec->key) == 0))
			continue;
		td_group(t, a, b, model_name(c), prefix, plabel);
	}
	for (c = fb; c != NULL; c = model_next_elem(c)) {
		if (td_seen(fb, c, model_name(c)) ||
		    (a && model_child(a, model_name(c)) != NULL) ||
		    (rec && strcmp(model_name(c), rec->key) == 0))
			continue;
		td_group(t, a, b, model_name(c), prefix, plabel);
	}
}

int
tree_diff_models(struct tree_diff *d, const struct model *a,
    const struct model *b, const struct schema *s)
{
	struct td	 t;

	t.d = d;
	t.s = s;
	t.oom = 0;
	td_children(&t, a ? model_root(a) : NULL, b ? model_root(b) : NULL,
	    "", NULL);
	return t.oom ? -1 : 0;
}
