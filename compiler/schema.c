/* SPDX-License-Identifier: MIT */
/*
 * schema.c: load the required-field schema.  The .xsd is compiled by
 * libxml2 for validation; then its xs:element declarations are walked
 * (Russian-doll style: fields nest as anonymous complex types) to read our
 * annotations h:level, h:audience, h:label and h:hint into a flat table of
 * fields keyed by path ("relationships/stakeholder/email").  The playbooks
 * are read by schema_playbook.c.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "diag.h"
#include "fsutil.h"
#include "near.h"
#include "schema.h"

#define XSD_NS	"http://www.w3.org/2001/XMLSchema"

struct schema_err {
	struct diag_list	*dl;
	const char		*file;
};

static int
is_xs(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    strcmp((const char *)n->ns->href, XSD_NS) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

/* An attribute as a malloc'd string (our namespace or none); NULL: absent. */
static char *
schema_attr(xmlNode *n, const char *name, const char *ns)
{
	xmlChar	*v;
	char	*s;

	v = ns ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns) :
	    xmlGetNoNsProp(n, BAD_CAST name);
	if (v == NULL)
		return NULL;
	s = strdup((const char *)v);
	xmlFree(v);
	return s;
}

static void
schema_on_error(void *arg, xmlErrorPtr e)
{
	struct schema_err	*se = arg;
	char			 msg[512];
	size_t			 len;

	snprintf(msg, sizeof(msg), "%s", e->message ? e->message : "error");
	len = strlen(msg);
	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == '.'))
		msg[--len] = '\0';
	diag_add(se->dl, diag_pos_line(se->file, (unsigned)(e->line > 0 ?
	    e->line : 0)), RULE_SCHEMA_FILE, "%s", msg);
}

static size_t
schema_count_elements(const xmlNode *n)
{
	size_t	 c = 0;

	for (; n != NULL; n = n->next) {
		if (is_xs(n, "element"))
			c++;
		if (n->type == XML_ELEMENT_NODE)
			c += schema_count_elements(n->children);
	}
	return c;
}

static enum level
schema_parse_level(const char *s)
{
	if (s != NULL && strcmp(s, "required") == 0)
		return LEVEL_REQUIRED;
	if (s != NULL && strcmp(s, "recommended") == 0)
		return LEVEL_RECOMMENDED;
	return LEVEL_OPTIONAL;
}

/* Does this xs:element have element content of its own? */
static int
schema_is_leaf(xmlNode *el, const char *type)
{
	xmlNode	*c;

	if (type != NULL)
		return strcmp(type, "block") != 0 && strcmp(type, "person") != 0 &&
		    strcmp(type, "table") != 0 && strcmp(type, "extra-section") != 0;
	for (c = el->children; c != NULL; c = c->next)
		if (is_xs(c, "complexType")) {
			xmlNode *d;

			for (d = c->children; d != NULL; d = d->next)
				if (is_xs(d, "sequence") || is_xs(d, "choice"))
					return 0;
		}
	return 1;
}

struct walk {
	struct schema		*s;
	size_t			 cap;
	struct diag_list	*dl;
	int			 bad;	/* an annotation was refused */
};

/*
 * RevOps edits the annotations by hand: a level or audience that is not
 * one of ours is an error at its line, not a silent "optional" or
 * "shareable" (a typo in h:audience="internl" would send an internal
 * field to the client).
 */
static void
schema_check_annot(struct walk *w, xmlNode *n, const char *name,
    const char *lvl, const char *aud)
{
	if (lvl != NULL && strcmp(lvl, "required") != 0 &&
	    strcmp(lvl, "recommended") != 0 && strcmp(lvl, "optional") != 0) {
		diag_add(w->dl, diag_pos_line(w->s->file,
		    (unsigned)xmlGetLineNo(n)), RULE_SCHEMA_FILE,
		    "element '%s': h:level '%s' is not required, recommended "
		    "or optional", name, lvl);
		w->bad = 1;
	}
	if (aud != NULL && strcmp(aud, "internal") != 0 &&
	    strcmp(aud, "shareable") != 0) {
		diag_add(w->dl, diag_pos_line(w->s->file,
		    (unsigned)xmlGetLineNo(n)), RULE_SCHEMA_FILE,
		    "element '%s': h:audience '%s' is not internal or "
		    "shareable", name, aud);
		w->bad = 1;
	}
	if (lvl == NULL && aud != NULL) {
		diag_add(w->dl, diag_pos_line(w->s->file,
		    (unsigned)xmlGetLineNo(n)), RULE_SCHEMA_FILE,
		    "element '%s' has an h:audience but no h:level", name);
		w->bad = 1;
	}
}

/*
 * Walk the children of an XSD node.  prefix is the path of the enclosing
 * element ("" at <handoff>), parent its field (NULL when it has no
 * annotations), in_record whether an enclosing element repeats.
 */
static int
schema_walk(struct walk *w, xmlNode *n, const char *prefix,
    const struct field *parent, int in_record, int internal)
{
	struct field	*f;
	char		*name, *max, *aud, *lvl, path[512];
	int		 repeats, rc = 0;

	for (; rc == 0 && n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!is_xs(n, "element")) {
			rc = schema_walk(w, n->children, prefix, parent,
			    in_record, internal);
			continue;
		}
		if ((name = schema_attr(n, "name", NULL)) == NULL)
			continue;
		snprintf(path, sizeof(path), "%s%s%s", prefix,
		    *prefix ? "/" : "", name);
		max = schema_attr(n, "maxOccurs", NULL);
		repeats = max != NULL && strcmp(max, "1") != 0;
		free(max);
		lvl = schema_attr(n, "level", SCHEMA_ANNOT_NS);
		aud = schema_attr(n, "audience", SCHEMA_ANNOT_NS);
		schema_check_annot(w, n, name, lvl, aud);
		f = NULL;
		if (lvl != NULL && w->s->nfields < w->cap) {
			f = &w->s->fields[w->s->nfields++];
			f->path = strdup(path);
			f->name = name;
			name = NULL;
			f->label = schema_attr(n, "label", SCHEMA_ANNOT_NS);
			if (f->label == NULL)
				f->label = strdup(f->name);
			f->hint = schema_attr(n, "hint", SCHEMA_ANNOT_NS);
			f->type = schema_attr(n, "type", NULL);
			f->level = schema_parse_level(lvl);
			f->audience = internal || (aud != NULL &&
			    strcmp(aud, "internal") == 0) ?
			    AUDIENCE_INTERNAL : AUDIENCE_SHAREABLE;
			f->repeated = repeats;
			f->record = in_record;
			f->leaf = schema_is_leaf(n, f->type);
			f->parent = parent;
			f->line = (unsigned)xmlGetLineNo(n);
			if (f->path == NULL || f->label == NULL)
				rc = -1;
		}
		if (rc == 0)
			rc = schema_walk(w, n->children, path,
			    f != NULL ? f : parent, in_record || repeats,
			    f != NULL ? f->audience == AUDIENCE_INTERNAL :
			    internal);
		free(lvl);
		free(aud);
		free(name);
	}
	return rc;
}

/* Read the .xsd bytes: dir/handoff.xsd or the built-in copy. */
static int
schema_read(const char *dir, char **file, char **data, size_t *len,
    struct diag_list *dl)
{
	const struct embedded	*e;
	char			*path = NULL;
	int			 rc;

	if (dir != NULL && (path = fs_join(dir, "handoff.xsd")) == NULL)
		return -1;
	if (path != NULL && fs_exists(path)) {
		rc = fs_read(path, 4 * 1024 * 1024, data, len);
		if (rc != 0) {
			diag_add(dl, diag_pos_line(path, 0), RULE_SCHEMA_FILE,
			    "cannot read the schema: %s", rc == -2 ?
			    "larger than 4 MiB" : fs_strerror(errno));
			free(path);
			return -1;
		}
		*file = path;
		return 0;
	}
	free(path);
	if ((e = fs_embedded("schemas/handoff.xsd")) == NULL ||
	    (*data = malloc(e->len + 1)) == NULL)
		return -1;
	memcpy(*data, e->data, e->len + 1);
	*len = e->len;
	*file = strdup("<built-in>/schemas/handoff.xsd");
	return *file == NULL ? -1 : 0;
}

static int
schema_compile(struct schema *s, const char *data, size_t len,
    struct diag_list *dl)
{
	struct schema_err		 se = { dl, s->file };
	xmlSchemaParserCtxtPtr		 pc = NULL;
	xmlNode				*root;
	struct walk			 w;

	s->doc = xmlReadMemory(data, (int)len, s->file, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (s->doc == NULL || (root = xmlDocGetRootElement(s->doc)) == NULL ||
	    !is_xs(root, "schema")) {
		diag_add(dl, diag_pos_line(s->file, 0), RULE_SCHEMA_FILE,
		    "not an XML Schema document");
		return -1;
	}
	if ((pc = xmlSchemaNewDocParserCtxt(s->doc)) == NULL)
		return -1;
	xmlSchemaSetParserStructuredErrors(pc, schema_on_error, &se);
	s->xsd = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (s->xsd == NULL) {
		if (diag_list_worst(dl) < SEV_ERROR)
			diag_add(dl, diag_pos_line(s->file, 0),
			    RULE_SCHEMA_FILE, "the schema does not compile");
		return -1;
	}
	w.s = s;
	w.dl = dl;
	w.bad = 0;
	w.cap = schema_count_elements(root);
	if ((s->fields = calloc(w.cap + 1, sizeof(*s->fields))) == NULL)
		return -1;
	/* The fields live under the one top-level element, <handoff>. */
	for (root = root->children; root != NULL; root = root->next)
		if (is_xs(root, "element"))
			return schema_walk(&w, root->children, "", NULL, 0, 0) ==
			    -1 || w.bad ? -1 : 0;
	diag_add(dl, diag_pos_line(s->file, 0), RULE_SCHEMA_FILE,
	    "the schema declares no <handoff> element");
	return -1;
}

/* ===== interface ========================================================= */

static int	schema_check_playbooks(const struct schema *,
		    struct diag_list *);

struct schema *
schema_load(const char *dir, struct diag_list *dl)
{
	return schema_load_team(dir, 1, dl);
}

struct schema *
schema_load_team(const char *dir, int builtin_playbooks, struct diag_list *dl)
{
	struct schema	*s;
	char		*data = NULL;
	size_t		 len = 0;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if (schema_read(dir, &s->file, &data, &len, dl) == -1 ||
	    schema_compile(s, data, len, dl) == -1 ||
	    schema_playbooks_load(s, dir, builtin_playbooks, dl) == -1 ||
	    schema_check_playbooks(s, dl) == -1) {
		free(data);
		schema_free(s);
		return NULL;
	}
	free(data);
	return s;
}

void
schema_free(struct schema *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nfields; i++) {
		free(s->fields[i].path);
		free(s->fields[i].name);
		free(s->fields[i].label);
		free(s->fields[i].hint);
		free(s->fields[i].type);
	}
	free(s->fields);
	for (i = 0; i < s->nplaybooks; i++)
		schema_playbook_dispose(&s->playbooks[i]);
	free(s->playbooks);
	if (s->xsd != NULL)
		xmlSchemaFree(s->xsd);
	if (s->doc != NULL)
		xmlFreeDoc(s->doc);
	free(s->file);
	free(s);
}

const struct field *
schema_field(const struct schema *s, const char *path)
{
	size_t	 i;

	for (i = 0; s != NULL && i < s->nfields; i++)
		if (strcmp(s->fields[i].path, path) == 0)
			return &s->fields[i];
	return NULL;
}

const struct field *
schema_field_near(const struct schema *s, const char *path)
{
	const struct field	*best = NULL;
	size_t			 i, d, bestd = 4;

	for (i = 0; s != NULL && i < s->nfields; i++)
		if ((d = near_distance(path, strlen(path),
		    s->fields[i].path)) < bestd) {
			bestd = d;
			best = &s->fields[i];
		}
	return best;
}

/*
 * The values of the schema's <xs:simpleType name="role"> enumeration
 * (borrowed from s->doc), at most max into out; how many.
 */
static size_t
schema_roles(const struct schema *s, const char **out, size_t max)
{
	const xmlNode	*t, *r, *e;
	const xmlChar	*nm;
	size_t		 n = 0;

	if (s->doc == NULL || xmlDocGetRootElement(s->doc) == NULL)
		return 0;
	for (t = xmlDocGetRootElement(s->doc)->children; t; t = t->next) {
		if (t->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(t->name, BAD_CAST "simpleType") ||
		    (nm = xmlHasProp(t, BAD_CAST "name") ?
		    xmlHasProp(t, BAD_CAST "name")->children->content :
		    NULL) == NULL || !xmlStrEqual(nm, BAD_CAST "role"))
			continue;
		for (r = t->children; r; r = r->next)
			for (e = r->type == XML_ELEMENT_NODE ? r->children :
			    NULL; e && n < max; e = e->next)
				if (e->type == XML_ELEMENT_NODE &&
				    xmlStrEqual(e->name, BAD_CAST "enumeration") &&
				    xmlHasProp(e, BAD_CAST "value") &&
				    xmlHasProp(e, BAD_CAST "value")->children)
					out[n++] = (const char *)xmlHasProp(e,
					    BAD_CAST "value")->children->content;
	}
	return n;
}

/* A playbook's 'role: R' must be a role of the schema ('legal-procurment'
 * would be a requirement no stakeholder can ever meet).  0 or -1. */
static int
schema_check_role(const struct schema *s, const struct playbook *pb,
    const struct pb_rule *r, struct diag_list *dl)
{
	const char	*roles[64], *best[1];
	size_t		 i, n = schema_roles(s, roles, 64);

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(roles[i], r->target) == 0)
			return 0;
	if (near_best(r->target, roles, n, best, 1) == 1)
		diag_add(dl, diag_pos_line(pb->file, r->line),
		    RULE_PLAYBOOK_FILE, "no role '%s' in the schema; did you "
		    "mean '%s'?", r->target, best[0]);
	else
		diag_add(dl, diag_pos_line(pb->file, r->line),
		    RULE_PLAYBOOK_FILE, "no role '%s' in the schema",
		    r->target);
	return -1;
}

/*
 * A playbook's 'field: PATH' must name a field of the schema: a typo
 * ('deal/go_live') would otherwise raise no level at all, silently; and
 * its 'role: R' a role of the schema.
 */
static int
schema_check_playbooks(const struct schema *s, struct diag_list *dl)
{
	const struct playbook	*pb;
	const struct pb_rule	*r;
	const struct field	*near;
	size_t			 i, j;
	int			 rc = 0;

	for (i = 0; i < s->nplaybooks; i++) {
		pb = &s->playbooks[i];
		for (j = 0; j < pb->nrules; j++) {
			r = &pb->rules[j];
			if (r->kind == PB_ROLE && schema_check_role(s, pb, r,
			    dl) == -1)
				rc = -1;
			if (r->kind != PB_FIELD || schema_field(s, r->target))
				continue;
			near = schema_field_near(s, r->target);
			diag_add(dl, diag_pos_line(pb->file, r->line),
			    RULE_PLAYBOOK_FILE,
			    "no field '%s' in the schema%s%s%s",
			    r->target, near ? "; did you mean '" : "",
			    near ? near->path : "", near ? "'?" : "");
			rc = -1;
		}
	}
	return rc;
}

const struct field *
schema_field_of(const struct schema *s, const void *xml_node)
{
	const xmlNode	*n = xml_node, *a;
	char		 path[512];
	size_t		 len, off;

	/* Build the path backwards from the node to below <handoff>. */
	off = sizeof(path) - 1;
	path[off] = '\0';
	for (a = n; a != NULL && a->type == XML_ELEMENT_NODE &&
	    a->parent != NULL && a->parent->type == XML_ELEMENT_NODE;
	    a = a->parent) {
		len = strlen((const char *)a->name);
		if (len + 1 > off)
			return NULL;
		if (off != sizeof(path) - 1)
			path[--off] = '/';
		off -= len;
		memcpy(path + off, a->name, len);
	}
	return schema_field(s, path + off);
}

const char *
schema_level_name(enum level l)
{
	return l == LEVEL_REQUIRED ? "required" :
	    l == LEVEL_RECOMMENDED ? "recommended" : "optional";
}
