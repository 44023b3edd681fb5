/* SPDX-License-Identifier: MIT */
/*
 * schema_playbook.c: the playbooks (schemas/playbooks/NAME.yml), small
 * YAML files read with libyaml.  The built-in ones come first; a team's
 * schemas/playbooks/ adds to them, and a team file with a built-in one's
 * name (its file stem, 'enterprise') overrides it.  handoff.yml's
 * 'playbooks: { builtin: false }' leaves the built-in ones out.  Also
 * which playbooks a deal's industry and segment select.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "diag.h"
#include "fsutil.h"
#include "near.h"
#include "schema.h"

#define PB_MAX		256	/* playbooks in all */

static const char *
pb_scalar(yaml_document_t *doc, yaml_node_t *n)
{
	(void)doc;
	return n != NULL && n->type == YAML_SCALAR_NODE ?
	    (const char *)n->data.scalar.value : NULL;
}

static void
pb_error(struct diag_list *dl, const char *file, yaml_node_t *n,
    const char *what)
{
	diag_add(dl, diag_pos(file, (unsigned)n->start_mark.line + 1,
	    (unsigned)n->start_mark.column), RULE_PLAYBOOK_FILE, "%s", what);
}

/* A key of a 'fields:' entry that is none of ours, named, with the one
 * it is a typo of ('sectoin': section). */
static void
pb_unknown_key(struct diag_list *dl, const char *file, yaml_node_t *n,
    const char *key)
{
	static const char *const keys[] = {
		"field", "section", "role", "level", "audience", "hint"
	};
	const char	*best[1];

	if (near_best(key, keys, sizeof(keys) / sizeof(keys[0]), best, 1) == 1)
		diag_add(dl, diag_pos(file, (unsigned)n->start_mark.line + 1,
		    (unsigned)n->start_mark.column), RULE_PLAYBOOK_FILE,
		    "unknown key '%.60s'; did you mean '%s'?", key, best[0]);
	else
		diag_add(dl, diag_pos(file, (unsigned)n->start_mark.line + 1,
		    (unsigned)n->start_mark.column), RULE_PLAYBOOK_FILE,
		    "unknown key '%.60s': use field, section or role, with "
		    "level, audience, hint", key);
}

/* One entry of 'fields:': { field|section|role: X, level, audience, hint }.
 * On -1 the rule is not counted: pb_rule() frees what it holds. */
static int
pb_rule_read(struct playbook *pb, yaml_document_t *doc, yaml_node_t *n,
    struct diag_list *dl)
{
	struct pb_rule		*r = &pb->rules[pb->nrules];
	yaml_node_pair_t	*p;
	const char		*k, *v;

	if (n->type != YAML_MAPPING_NODE) {
		pb_error(dl, pb->file, n, "each field is a mapping: '- section: Title'");
		return -1;
	}
	memset(r, 0, sizeof(*r));
	r->level = LEVEL_REQUIRED;
	r->audience = AUDIENCE_INTERNAL;
	r->line = (unsigned)n->start_mark.line + 1;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		k = pb_scalar(doc, yaml_document_get_node(doc, p->key));
		v = pb_scalar(doc, yaml_document_get_node(doc, p->value));
		if (k == NULL || v == NULL) {
			pb_error(dl, pb->file, n, "keys and values are plain text");
			return -1;
		}
		if (strcmp(k, "field") == 0 || strcmp(k, "section") == 0 ||
		    strcmp(k, "role") == 0) {
			r->kind = *k == 'f' ? PB_FIELD : *k == 's' ?
			    PB_SECTION : PB_ROLE;
			free(r->target);
			r->target = strdup(v);
		} else if (strcmp(k, "level") == 0) {
			if (strcmp(v, "required") && strcmp(v, "recommended")) {
				pb_error(dl, pb->file, yaml_document_get_node(doc,
				    p->value), "level is required or recommended");
				return -1;
			}
			r->level = strcmp(v, "required") == 0 ?
			    LEVEL_REQUIRED : LEVEL_RECOMMENDED;
		} else if (strcmp(k, "audience") == 0)
			r->audience = strcmp(v, "shareable") == 0 ?
			    AUDIENCE_SHAREABLE : AUDIENCE_INTERNAL;
		else if (strcmp(k, "hint") == 0) {
			free(r->hint);
			r->hint = strdup(v);
		} else {
			pb_unknown_key(dl, pb->file,
			    yaml_document_get_node(doc, p->key), k);
			return -1;
		}
	}
	if (r->target == NULL) {
		pb_error(dl, pb->file, n, "say what is required: field, section or role");
		return -1;
	}
	pb->nrules++;
	return 0;
}

static int
pb_rule(struct playbook *pb, yaml_document_t *doc, yaml_node_t *n,
    struct diag_list *dl)
{
	struct pb_rule	*r = &pb->rules[pb->nrules];

	if (pb_rule_read(pb, doc, n, dl) == 0)
		return 0;
	if (n->type == YAML_MAPPING_NODE) {	/* r was initialised */
		free(r->target);
		free(r->hint);
		r->target = r->hint = NULL;
	}
	return -1;
}

static int
pb_fill(struct playbook *pb, yaml_document_t *doc, struct diag_list *dl)
{
	yaml_node_t		*root, *v;
	yaml_node_pair_t	*p;
	yaml_node_item_t	*it;
	const char		*k;

	root = yaml_document_get_root_node(doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		diag_add(dl, diag_pos_line(pb->file, 1), RULE_PLAYBOOK_FILE,
		    "a playbook is a mapping with industry or segment, and fields");
		return -1;
	}
	for (p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		k = pb_scalar(doc, yaml_document_get_node(doc, p->key));
		v = yaml_document_get_node(doc, p->value);
		if (k != NULL && strcmp(k, "fields") == 0 &&
		    v->type == YAML_SEQUENCE_NODE) {
			size_t	 n = (size_t)(v->data.sequence.items.top -
			    v->data.sequence.items.start);

			free(pb->rules);
			pb->nrules = 0;
			if ((pb->rules = calloc(n + 1, sizeof(*pb->rules))) == NULL)
				return -1;
			for (it = v->data.sequence.items.start;
			    it < v->data.sequence.items.top; it++)
				if (pb_rule(pb, doc, yaml_document_get_node(doc,
				    *it), dl) == -1)
					return -1;
		} else if (k != NULL && pb_scalar(doc, v) != NULL &&
		    (strcmp(k, "industry") == 0 || strcmp(k, "segment") == 0 ||
		    strcmp(k, "name") == 0)) {
			char **dst = *k == 'i' ? &pb->industry :
			    *k == 's' ? &pb->segment : &pb->name;

			free(*dst);
			*dst = strdup(pb_scalar(doc, v));
		} else {
			pb_error(dl, pb->file, v, "unknown key: a playbook has "
			    "name, industry or segment, and fields");
			return -1;
		}
	}
	if (pb->industry == NULL && pb->segment == NULL) {
		diag_add(dl, diag_pos_line(pb->file, 1), RULE_PLAYBOOK_FILE,
		    "say which deals it is for: industry or segment");
		return -1;
	}
	return 0;
}

void
schema_playbook_dispose(struct playbook *pb)
{
	size_t	 i;

	for (i = 0; i < pb->nrules; i++) {
		free(pb->rules[i].target);
		free(pb->rules[i].hint);
	}
	free(pb->rules);
	free(pb->file);
	free(pb->stem);
	free(pb->name);
	free(pb->industry);
	free(pb->segment);
}

/* Index of the playbook with this stem among the first n, or -1. */
static long
pb_find(const struct schema *s, size_t n, const char *stem)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(s->playbooks[i].stem, stem) == 0)
			return (long)i;
	return -1;
}

/*
 * Parse one playbook into the slot after the last one (there is room: the
 * caller checks PB_MAX).  A team playbook named like a built-in one takes
 * the built-in one's place.
 */
static int
pb_load(struct schema *s, const char *file, const unsigned char *data,
    size_t len, int builtin, struct diag_list *dl)
{
	struct playbook	*pb = &s->playbooks[s->nplaybooks];
	yaml_parser_t	 parser;
	yaml_document_t	 doc;
	long		 old;
	int		 rc = -1;

	memset(pb, 0, sizeof(*pb));
	pb->builtin = builtin;
	if ((pb->file = strdup(file)) == NULL ||
	    (pb->name = fs_stem(file)) == NULL ||
	    (pb->stem = strdup(pb->name)) == NULL) {
		schema_playbook_dispose(pb);
		return -1;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		diag_add(dl, diag_pos(file, (unsigned)parser.problem_mark.line + 1,
		    (unsigned)parser.problem_mark.column), RULE_PLAYBOOK_FILE,
		    "%s", parser.problem ? parser.problem : "malformed YAML");
		yaml_parser_delete(&parser);
		schema_playbook_dispose(pb);
		return -1;
	}
	rc = pb_fill(pb, &doc, dl);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (rc == -1) {
		schema_playbook_dispose(pb);
		return -1;
	}
	if (!builtin && (old = pb_find(s, s->nplaybooks, pb->stem)) >= 0) {
		pb->overrides = s->playbooks[old].builtin;
		schema_playbook_dispose(&s->playbooks[old]);
		s->playbooks[old] = *pb;
		memset(pb, 0, sizeof(*pb));
	} else
		s->nplaybooks++;
	return 0;
}

static int
pb_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
pb_load_builtin(struct schema *s, struct diag_list *dl)
{
	const struct embedded	*e;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; (e = fs_embedded_at(i)) != NULL &&
	    s->nplaybooks < PB_MAX; i++)
		if (strncmp(e->path, "schemas/playbooks/", 18) == 0 &&
		    strcmp(fs_ext(e->path), ".yml") == 0 &&
		    pb_load(s, e->path, e->data, e->len, 1, dl) == -1)
			rc = -1;
	return rc;
}

int
schema_playbook_file(const char *name)
{
	size_t	 len = strlen(name);

	return len > 4 && strcmp(name + len - 4, ".yml") == 0 &&
	    name[0] != '.';
}

long
schema_playbook_names(DIR *d, char **names, size_t max)
{
	struct dirent	*de;
	size_t		 n = 0;

	while ((de = readdir(d)) != NULL && n < max) {
		if (!schema_playbook_file(de->d_name))
			continue;
		if ((names[n] = strdup(de->d_name)) == NULL) {
			while (n > 0)
				free(names[--n]);
			return -1;
		}
		n++;
	}
	qsort(names, n, sizeof(*names), pb_name_cmp);
	return (long)n;
}

/* The team's playbooks from the folder pdir (open as d). */
static int
pb_load_team(struct schema *s, const char *pdir, DIR *d,
    struct diag_list *dl)
{
	char	*names[PB_MAX], *path, *data;
	long	 n, i;
	size_t	 len;
	int	 rc = 0, r;

	if ((n = schema_playbook_names(d, names, PB_MAX)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		data = NULL;
		if (s->nplaybooks >= PB_MAX) {
			diag_add(dl, diag_pos_line(pdir, 0), RULE_PLAYBOOK_FILE,
			    "more than %d playbooks", PB_MAX);
			rc = -1;
		} else if ((path = fs_join(pdir, names[i])) == NULL)
			rc = -1;
		else {
			r = fs_read(path, 1024 * 1024, &data, &len);
			if (r != 0)
				diag_add(dl, diag_pos_line(path, 0),
				    RULE_PLAYBOOK_FILE, "cannot read the "
				    "playbook: %s", r == -2 ? "larger than 1 MiB" :
				    fs_strerror(errno));
			if (r != 0 || pb_load(s, path, (unsigned char *)data,
			    len, 0, dl) == -1)
				rc = -1;
			free(path);
		}
		free(data);
		free(names[i]);
	}
	return rc;
}

int
schema_playbooks_load(struct schema *s, const char *dir, int builtin,
    struct diag_list *dl)
{
	char	*pdir = NULL;
	DIR	*d = NULL;
	int	 rc = 0;

	if ((s->playbooks = calloc(PB_MAX, sizeof(*s->playbooks))) == NULL)
		return -1;
	if (builtin && pb_load_builtin(s, dl) == -1)
		rc = -1;
	if (dir != NULL && (pdir = fs_join(dir, "playbooks")) == NULL)
		return -1;
	if (pdir != NULL && (d = opendir(pdir)) != NULL) {
		if (pb_load_team(s, pdir, d, dl) == -1)
			rc = -1;
		closedir(d);
	}
	free(pdir);
	return rc;
}

size_t
schema_playbooks_select(const struct schema *s, const char *industry,
    const char *segment, const struct playbook **out, size_t max)
{
	const struct playbook	*pb;
	size_t			 i, n = 0;

	for (i = 0; s != NULL && i < s->nplaybooks && n < max; i++) {
		pb = &s->playbooks[i];
		if ((pb->industry != NULL && industry != NULL &&
		    strcasecmp(pb->industry, industry) == 0) ||
		    (pb->segment != NULL && segment != NULL &&
		    strcasecmp(pb->segment, segment) == 0))
			out[n++] = pb;
	}
	return n;
}
