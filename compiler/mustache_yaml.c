/* SPDX-License-Identifier: MIT */
/*
 * mustache_yaml.c: plain YAML data for Mustache templates.  Reads one YAML
 * document with libyaml into a small tree (maps, sequences, scalars typed
 * as the YAML core schema does: null, booleans, numbers, strings) and
 * implements struct mustache_data over it.  Used by 'handoff template
 * render --data FILE.yml' and by the Mustache spec suite.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "diag.h"
#include "mustache.h"

struct yload {
	yaml_parser_t	 p;
	const char	*file;
	unsigned	 max_depth;
	struct diag_list *dl;
};

static int	yload_node(struct yload *, yaml_event_t *, struct myaml *,
		    unsigned);
static void	yaml_free_node(struct myaml *);

static void
yload_error(struct yload *y)
{
	diag_add(y->dl, diag_pos(y->file, (unsigned)y->p.problem_mark.line + 1,
	    (unsigned)y->p.problem_mark.column), RULE_YAML_SYNTAX, "%s",
	    y->p.problem ? y->p.problem : "invalid YAML");
}

static int
yload_next(struct yload *y, yaml_event_t *ev)
{
	if (yaml_parser_parse(&y->p, ev))
		return 0;
	yload_error(y);
	return -1;
}

static int
match(const char *s, size_t n, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == n && memcmp(*words, s, n) == 0)
			return 1;
	return 0;
}

/* A plain scalar that is a YAML number: ints stay, floats normalised
 * ("1.210" -> "1.21", spec: "Basic Decimal Interpolation"). */
static int
yload_number(struct myaml *n)
{
	char	*end, out[40];
	double	 d;
	int	 prec;

	if (n->len == 0 || n->len > 30 || strchr("+-.0123456789", n->s[0]) ==
	    NULL)
		return 0;
	d = strtod(n->s, &end);
	if (*end != '\0')
		return 0;
	n->kind = MYAML_NUM;
	if (strspn(n->s + (n->s[0] == '-'), "0123456789") ==
	    n->len - (n->s[0] == '-'))
		return 0;
	for (prec = 1; prec <= 17; prec++) {
		snprintf(out, sizeof(out), "%.*g", prec, d);
		if (strtod(out, NULL) == d)
			break;
	}
	free(n->s);
	if ((n->s = strdup(out)) == NULL)
		return -1;
	n->len = strlen(out);
	return 0;
}

static int
yload_scalar(yaml_event_t *ev, struct myaml *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null",
	    "NULL", NULL };
	static const char *const trues[] = { "true", "True", "TRUE", NULL };
	static const char *const falses[] = { "false", "False", "FALSE",
	    NULL };
	const char	*s = (const char *)ev->data.scalar.value;
	size_t		 len = ev->data.scalar.length;

	n->kind = MYAML_STR;
	if ((n->s = malloc(len + 1)) == NULL)
		return -1;
	memcpy(n->s, s, len);
	n->s[len] = '\0';
	n->len = len;
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	if (match(s, len, nulls))
		n->kind = MYAML_NULL;
	else if (match(s, len, trues) || match(s, len, falses)) {
		n->kind = MYAML_BOOL;
		n->b = match(s, len, trues);
	} else
		return yload_number(n);
	return 0;
}

/* Append an empty child to a sequence or map node. */
static struct myaml *
yload_child(struct myaml *n, const char *key)
{
	struct myaml	*v;
	char		**k;

	if ((v = reallocarray(n->v, n->n + 1, sizeof(*v))) == NULL)
		return NULL;
	n->v = v;
	if (key != NULL) {
		if ((k = reallocarray(n->keys, n->n + 1, sizeof(*k))) == NULL)
			return NULL;
		n->keys = k;
		if ((k[n->n] = strdup(key)) == NULL)
			return NULL;
	}
	memset(&v[n->n], 0, sizeof(*v));
	return &v[n->n++];
}

/* The items of a sequence or the pairs of a map, up to its end event. */
static int
yload_collection(struct yload *y, struct myaml *n, unsigned depth)
{
	yaml_event_t	 ev, kev;
	struct myaml	 key, *c;
	int		 rc;

	for (;;) {
		if (yload_next(y, &kev) == -1)
			return -1;
		if (kev.type == YAML_SEQUENCE_END_EVENT ||
		    kev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&kev);
			return 0;
		}
		if (n->kind == MYAML_SEQ) {
			rc = (c = yload_child(n, NULL)) == NULL ? -1 :
			    yload_node(y, &kev, c, depth + 1);
			yaml_event_delete(&kev);
			if (rc == -1)
				return -1;
			continue;
		}
		memset(&key, 0, sizeof(key));
		rc = yload_node(y, &kev, &key, depth + 1);
		yaml_event_delete(&kev);
		if (rc == 0 && key.kind >= MYAML_SEQ) {
			diag_add(y->dl, diag_pos_line(y->file, key.line),
			    RULE_YAML_SYNTAX, "a map key must be a scalar");
			rc = -1;
		}
		c = rc == 0 ? yload_child(n, key.s ? key.s : "") : NULL;
		yaml_free_node(&key);
		if (c == NULL || yload_next(y, &ev) == -1)
			return -1;
		rc = yload_node(y, &ev, c, depth + 1);
		yaml_event_delete(&ev);
		if (rc == -1)
			return -1;
	}
}

/* The node that starts with event ev (which the caller deletes). */
static int
yload_node(struct yload *y, yaml_event_t *ev, struct myaml *n,
    unsigned depth)
{
	n->line = (unsigned)ev->start_mark.line + 1;
	if (depth > y->max_depth) {
		diag_add(y->dl, diag_pos(y->file, n->line,
		    (unsigned)ev->start_mark.column), RULE_NESTING,
		    "YAML nested deeper than %u levels", y->max_depth);
		return -1;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return yload_scalar(ev, n);
	case YAML_SEQUENCE_START_EVENT:
		n->kind = MYAML_SEQ;
		return yload_collection(y, n, depth);
	case YAML_MAPPING_START_EVENT:
		n->kind = MYAML_MAP;
		return yload_collection(y, n, depth);
	case YAML_ALIAS_EVENT:
		diag_add(y->dl, diag_pos(y->file, n->line,
		    (unsigned)ev->start_mark.column), RULE_YAML_ALIAS,
		    "YAML aliases are not allowed");
		return -1;
	default:
		diag_add(y->dl, diag_pos_line(y->file, n->line),
		    RULE_YAML_SYNTAX, "unexpected YAML event");
		return -1;
	}
}

struct myaml *
mustache_yaml_load(const char *file, const char *data, size_t len,
    unsigned max_depth, struct diag_list *dl)
{
	struct yload	 y;
	yaml_event_t	 ev;
	struct myaml	*root;
	int		 rc = -1;

	if ((root = calloc(1, sizeof(*root))) == NULL)
		return NULL;
	memset(&y, 0, sizeof(y));
	y.file = file;
	y.max_depth = max_depth;
	y.dl = dl;
	if (!yaml_parser_initialize(&y.p)) {
		free(root);
		return NULL;
	}
	yaml_parser_set_input_string(&y.p, (const unsigned char *)data, len);
	/* stream start, then document start (or stream end: empty) */
	while (yload_next(&y, &ev) == 0) {
		if (ev.type == YAML_STREAM_END_EVENT) {
			rc = 0;
			break;
		}
		if (ev.type == YAML_STREAM_START_EVENT ||
		    ev.type == YAML_DOCUMENT_START_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		rc = yload_node(&y, &ev, root, 0);
		break;
	}
	yaml_event_delete(&ev);
	yaml_parser_delete(&y.p);
	if (rc == -1) {
		mustache_yaml_free(root);
		return NULL;
	}
	return root;
}

static void
yaml_free_node(struct myaml *y)
{
	size_t	 i;

	for (i = 0; i < y->n; i++) {
		yaml_free_node(&y->v[i]);
		if (y->keys != NULL)
			free(y->keys[i]);
	}
	free(y->v);
	free(y->keys);
	free(y->s);
}

void
mustache_yaml_free(struct myaml *y)
{
	if (y == NULL)
		return;
	yaml_free_node(y);
	free(y);
}

const struct myaml *
mustache_yaml_get(const struct myaml *y, const char *key)
{
	size_t	 i;

	if (y == NULL || y->kind != MYAML_MAP)
		return NULL;
	for (i = 0; i < y->n; i++)
		if (strcmp(y->keys[i], key) == 0)
			return &y->v[i];
	return NULL;
}

/* ===== the value interface ============================================== */

/* The value of key seg in map y, or NULL. */
static const struct myaml *
yv_get(const struct myaml *y, const struct mustache_seg *seg)
{
	size_t	 i;

	if (y == NULL || y->kind != MYAML_MAP)
		return NULL;
	for (i = 0; i < y->n; i++)
		if (strlen(y->keys[i]) == seg->len &&
		    memcmp(y->keys[i], seg->s, seg->len) == 0)
			return &y->v[i];
	return NULL;
}

static int
yv_lookup(void *ud, const struct mustache_val *v,
    const struct mustache_seg *seg, size_t n, struct mustache_val *out)
{
	const struct myaml	*y = v->p;
	size_t			 k;

	(void)ud;
	for (k = 0; k < n; k++)
		if ((y = yv_get(y, &seg[k])) == NULL)
			return k == 0 ? -1 : 0;
	*out = mustache_yaml_val(y);
	return 1;
}

/* Falsey: null, false, "" and the empty list (spec: sections.yml). */
static int
yv_truthy(void *ud, const struct mustache_val *v)
{
	const struct myaml	*y = v->p;

	(void)ud;
	switch (y->kind) {
	case MYAML_NULL:
		return 0;
	case MYAML_BOOL:
		return y->b;
	case MYAML_STR:
		return y->len > 0;
	case MYAML_SEQ:
		return y->n > 0;
	default:
		return 1;
	}
}

static int
yv_first(void *ud, const struct mustache_val *v, struct mustache_val *item)
{
	const struct myaml	*y = v->p;

	(void)ud;
	if (y->kind != MYAML_SEQ)
		return -1;
	if (y->n == 0)
		return 0;
	*item = mustache_yaml_val(&y->v[0]);
	return 1;
}

static int
yv_next(void *ud, const struct mustache_val *v, struct mustache_val *item)
{
	const struct myaml	*y = v->p, *cur = item->p;

	(void)ud;
	if (cur + 1 >= y->v + y->n)
		return 0;
	*item = mustache_yaml_val(cur + 1);
	return 1;
}

static const char *
yv_string(void *ud, const struct mustache_val *v, size_t *len,
    struct buf *tmp)
{
	const struct myaml	*y = v->p;

	(void)ud;
	(void)tmp;
	switch (y->kind) {
	case MYAML_BOOL:
		*len = y->b ? 4 : 5;
		return y->b ? "true" : "false";
	case MYAML_STR:
	case MYAML_NUM:
		*len = y->len;
		return y->s;
	default:
		*len = 0;
		return "";
	}
}

const struct mustache_data mustache_yaml_data = {
	yv_lookup, yv_truthy, yv_first, yv_next, yv_string, NULL
};

struct mustache_val
mustache_yaml_val(const struct myaml *y)
{
	struct mustache_val	 v;

	v.p = y;
	v.q = NULL;
	v.kind = 0;
	return v;
}
