/* SPDX-License-Identifier: MIT */
/*
 * import_map.c: the import mapping.  The built-in schemas/import.yml is
 * read first, then the 'import:' block of the team's handoff.yml with the
 * same keys; lookups try the team's entries first.  Everything is kept as
 * flat (section, key, value) triples, which is all a lookup needs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "fsutil.h"
#include "import.h"
#include "ytree.h"

struct imp_entry {
	char	*sect;		/* "stages", "hubspot.columns", "legal", ... */
	char	*key;
	char	*val;
	int	 team;		/* from handoff.yml */
};

struct imp_map {
	struct imp_entry	*e;
	size_t			 n;
	size_t			 cap;
};

static int
map_put(struct imp_map *m, const char *sect, const char *key,
    const char *val, int team)
{
	struct imp_entry	*e;
	size_t			 cap;

	if (m->n == m->cap) {
		cap = m->cap ? m->cap * 2 : 64;
		if ((e = realloc(m->e, cap * sizeof(*e))) == NULL)
			return -1;
		m->e = e;
		m->cap = cap;
	}
	e = &m->e[m->n];
	e->sect = strdup(sect);
	e->key = strdup(key);
	e->val = strdup(val ? val : "");
	e->team = team;
	if (e->sect == NULL || e->key == NULL || e->val == NULL) {
		free(e->sect);
		free(e->key);
		free(e->val);
		return -1;
	}
	m->n++;
	return 0;
}

static void
map_error(struct diag_list *dl, const char *file, const struct ynode *n,
    const char *msg)
{
	diag_add_hint(dl, diag_pos(file, n->line, n->col), RULE_CONFIG,
	    "the keys are those of the built-in schemas/import.yml "
	    "('handoff import --help')", "import: %s", msg);
}

/* A value: a scalar, or a sequence of scalars (one entry each). */
static int
map_value(struct imp_map *m, const char *sect, const char *key,
    const struct ynode *v, int team, const char *file,
    struct diag_list *dl)
{
	size_t	 i;

	if (v->kind == Y_SCALAR)
		return map_put(m, sect, key, v->value, team);
	if (v->kind == Y_MAP) {
		map_error(dl, file, v, "expected a value or a list");
		return 1;
	}
	for (i = 0; i < v->nkid; i++) {
		if (v->kid[i]->kind != Y_SCALAR) {
			map_error(dl, file, v->kid[i], "expected a name");
			return 1;
		}
		if (map_put(m, sect, key, v->kid[i]->value, team) == -1)
			return -1;
	}
	return 0;
}

/* A mapping of key: value under sect. */
static int
map_section(struct imp_map *m, const char *sect, const struct ynode *v,
    int team, const char *file, struct diag_list *dl)
{
	size_t	 i;
	int	 rc = 0;

	if (v->kind == Y_SCALAR && v->value[0] == '\0')
		return 0;
	if (v->kind != Y_MAP) {
		map_error(dl, file, v, "expected 'name: value' lines");
		return 1;
	}
	for (i = 0; rc != -1 && i + 1 < v->nkid; i += 2)
		rc |= map_value(m, sect, v->kid[i]->value, v->kid[i + 1], team,
		    file, dl);
	return rc;
}

/* hubspot: / salesforce: with url: and columns:. */
static int
map_crm(struct imp_map *m, const char *crm, const struct ynode *v,
    int team, const char *file, struct diag_list *dl)
{
	char	 sect[64];
	size_t	 i;
	int	 rc = 0;

	if (v->kind != Y_MAP) {
		map_error(dl, file, v, "expected 'url:' and 'columns:'");
		return 1;
	}
	for (i = 0; rc != -1 && i + 1 < v->nkid; i += 2) {
		if (strcmp(v->kid[i]->value, "url") == 0) {
			snprintf(sect, sizeof(sect), "%s.url", crm);
			rc |= map_value(m, sect, "url", v->kid[i + 1], team,
			    file, dl);
		} else if (strcmp(v->kid[i]->value, "columns") == 0) {
			snprintf(sect, sizeof(sect), "%s.columns", crm);
			rc |= map_section(m, sect, v->kid[i + 1], team, file,
			    dl);
		} else {
			map_error(dl, file, v->kid[i], "unknown key");
			rc |= 1;
		}
	}
	return rc;
}

/* The import mapping document (built-in) or block (team). */
static int
map_block(struct imp_map *m, const struct ynode *v, int team,
    const char *file, struct diag_list *dl)
{
	static const char *const scalars[] = { "currency", "period",
	    "max_file_mb", NULL };
	static const char *const sections[] = { "stages", "roles", "owners",
	    "ids", NULL };
	const char	*k;
	size_t		 i, j;
	int		 rc = 0, done;

	if (v->kind != Y_MAP) {
		map_error(dl, file, v, "expected 'key: value' lines");
		return 1;
	}
	for (i = 0; rc != -1 && i + 1 < v->nkid; i += 2) {
		k = v->kid[i]->value;
		done = 0;
		for (j = 0; scalars[j] != NULL && !done; j++)
			if (strcmp(k, scalars[j]) == 0) {
				rc |= map_value(m, k, k, v->kid[i + 1], team,
				    file, dl);
				done = 1;
			}
		for (j = 0; sections[j] != NULL && !done; j++)
			if (strcmp(k, sections[j]) == 0) {
				rc |= map_section(m, k, v->kid[i + 1], team,
				    file, dl);
				done = 1;
			}
		if (!done && strcmp(k, "legal") == 0) {
			rc |= map_value(m, k, k, v->kid[i + 1], team, file, dl);
			done = 1;
		}
		if (!done && (strcmp(k, "hubspot") == 0 ||
		    strcmp(k, "salesforce") == 0)) {
			rc |= map_crm(m, k, v->kid[i + 1], team, file, dl);
			done = 1;
		}
		if (!done) {
			map_error(dl, file, v->kid[i], "unknown key");
			rc |= 1;
		}
	}
	return rc;
}

static int
map_read(struct imp_map *m, const char *file, const char *data, size_t len,
    int team, struct diag_list *dl)
{
	struct ynode	*root = NULL, *v = NULL;
	size_t		 i;
	int		 rc;

	if (ytree_parse(&root, file, data, len, 16, 20000, dl) == -1)
		return -1;
	if (root == NULL)
		return 0;
	if (!team)
		v = root;
	else if (root->kind == Y_MAP)
		for (i = 0; i + 1 < root->nkid; i += 2)
			if (strcmp(root->kid[i]->value, "import") == 0)
				v = root->kid[i + 1];
	rc = v == NULL || (v->kind == Y_SCALAR && v->value[0] == '\0') ? 0 :
	    map_block(m, v, team, file, dl);
	ytree_free(root);
	return rc == 0 ? 0 : -1;
}

struct imp_map *
import_map_load(const char *cfgfile, struct diag_list *dl)
{
	const struct embedded	*e = fs_embedded("schemas/import.yml");
	struct imp_map		*m;
	char			*data = NULL;
	size_t			 len;
	int			 rc = 0;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	if (e == NULL || map_read(m, "schemas/import.yml",
	    (const char *)e->data, e->len, 0, dl) == -1) {
		import_map_free(m);
		return NULL;
	}
	if (cfgfile != NULL && fs_exists(cfgfile)) {
		rc = fs_read(cfgfile, 1 << 20, &data, &len);
		if (rc != 0)
			diag_add(dl, diag_pos_line(cfgfile, 0), RULE_IO,
			    "cannot read: %s", rc == -2 ? "too large" :
			    fs_strerror(errno));
		else
			rc = map_read(m, cfgfile, data, len, 1, dl);
		free(data);
	}
	if (rc != 0) {
		import_map_free(m);
		return NULL;
	}
	return m;
}

void
import_map_free(struct imp_map *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->e[i].sect);
		free(m->e[i].key);
		free(m->e[i].val);
	}
	free(m->e);
	free(m);
}

/* The value of sect/key, the team's first; key compared without case. */
static const char *
map_get(const struct imp_map *m, const char *sect, const char *key)
{
	int	 pass;
	size_t	 i;

	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < m->n; i++)
			if (m->e[i].team == pass &&
			    strcmp(m->e[i].sect, sect) == 0 &&
			    strcasecmp(m->e[i].key, key) == 0)
				return m->e[i].val;
	return NULL;
}

int
import_map_col(const struct imp_map *m, enum imp_crm crm, const char *key,
    char *const *hdr, size_t n)
{
	const char	*sect = crm == IMP_HUBSPOT ? "hubspot.columns" :
			    "salesforce.columns";
	size_t		 i, j;
	int		 pass;

	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < m->n; i++) {
			if (m->e[i].team != pass ||
			    strcmp(m->e[i].sect, sect) != 0 ||
			    strcmp(m->e[i].key, key) != 0)
				continue;
			for (j = 0; j < n; j++)
				if (strcasecmp(hdr[j], m->e[i].val) == 0)
					return (int)j;
		}
	return -1;
}

int
import_map_col_names(struct buf *b, const struct imp_map *m,
    enum imp_crm crm, const char *key)
{
	const char	*sect = crm == IMP_HUBSPOT ? "hubspot.columns" :
			    "salesforce.columns";
	size_t		 i;
	int		 rc = 0, k = 0;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->e[i].sect, sect) == 0 &&
		    strcmp(m->e[i].key, key) == 0)
			rc |= buf_printf(b, "%s'%s'", k++ ? " or " : "",
			    m->e[i].val);
	return rc;
}

const char *
import_map_stage(const struct imp_map *m, const char *stage)
{
	return map_get(m, "stages", stage);
}

const char *
import_map_role(const struct imp_map *m, const char *role)
{
	return map_get(m, "roles", role);
}

const char *
import_map_owner(const struct imp_map *m, const char *owner)
{
	return map_get(m, "owners", owner);
}

const char *
import_map_id(const struct imp_map *m, const char *crm_id)
{
	return map_get(m, "ids", crm_id);
}

const char *
import_map_url(const struct imp_map *m, enum imp_crm crm)
{
	const char	*u = map_get(m, crm == IMP_HUBSPOT ? "hubspot.url" :
			    "salesforce.url", "url");

	return u != NULL && *u != '\0' ? u : NULL;
}

const char *
import_map_currency(const struct imp_map *m)
{
	const char	*c = map_get(m, "currency", "currency");

	return c != NULL && *c != '\0' ? c : "USD";
}

const char *
import_map_period(const struct imp_map *m)
{
	const char	*c = map_get(m, "period", "period");

	return c != NULL && *c != '\0' ? c : "year";
}

int
import_map_legal(const struct imp_map *m, const char *word)
{
	size_t	 i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->e[i].sect, "legal") == 0 &&
		    strcasecmp(m->e[i].val, word) == 0)
			return 1;
	return 0;
}

size_t
import_map_max_size(const struct imp_map *m)
{
	const char	*c = map_get(m, "max_file_mb", "max_file_mb");
	long		 mb = c != NULL ? strtol(c, NULL, 10) : 64;

	if (mb <= 0 || mb > 4096)
		mb = 64;
	return (size_t)mb << 20;
}
