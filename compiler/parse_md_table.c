/* SPDX-License-Identifier: MIT */
/*
 * parse_md_table.c: the record tables of the Markdown form (stakeholders,
 * success metrics, risks, objections) and the commitments task list,
 * into canonical records (SPEC.md, "Markdown form reference").  Columns
 * are matched by key and alias in any order (other languages' names are
 * data, in schemas/read/records.txt); a column handoff does not
 * know is kept on each record as an <extra name=...>; enum values are
 * normalised as the schema spells them.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "diag.h"
#include "config.h"
#include "mdform.h"
#include "model.h"
#include "parse_md_int.h"
#include "read/read_date.h"
#include "read/read_words.h"

static const char *const stk_slots[] = { "name", "title", "role",
    "influence", "stance", "email", "channel", "notes" };
static const struct col stk_cols[] = {
	{ "name", 0 }, { "stakeholder", 0 }, { "contact", 0 },
	{ "title", 1 }, { "job title", 1 }, { "position", 1 },
	{ "role", 2 }, { "roles", 2 },
	{ "influence", 3 }, { "power", 3 },
	{ "stance", 4 }, { "attitude", 4 }, { "sentiment", 4 },
	{ "email", 5 }, { "e mail", 5 }, { "mail", 5 },
	{ "email address", 5 },
	{ "prefers", 6 }, { "preferred channel", 6 }, { "channel", 6 },
	{ "preferred", 6 },
	{ "notes", 7 }, { "note", 7 }, { "comments", 7 },
};
static const char *const met_slots[] = { "name", "baseline", "target",
    "due", "measured-by" };
static const struct col met_cols[] = {
	{ "metric", 0 }, { "kpi", 0 }, { "success metric", 0 },
	{ "baseline", 1 }, { "today", 1 }, { "current", 1 },
	{ "target", 2 },
	{ "by", 3 }, { "due", 3 }, { "target date", 3 }, { "date", 3 },
	{ "deadline", 3 }, { "due date", 3 },
	{ "measured by", 4 }, { "source", 4 }, { "how measured", 4 },
	{ "measurement", 4 },
};
static const char *const risk_slots[] = { "text", "severity", "likelihood",
    "mitigation", "owner" };
static const struct col risk_cols[] = {
	{ "risk", 0 }, { "description", 0 },
	{ "severity", 1 }, { "impact", 1 },
	{ "likelihood", 2 }, { "probability", 2 },
	{ "mitigation", 3 }, { "mitigation plan", 3 }, { "plan", 3 },
	{ "owner", 4 }, { "who", 4 },
};
static const char *const obj_slots[] = { "text", "answer" };
static const struct col obj_cols[] = {
	{ "objection", 0 }, { "concern", 0 },
	{ "how we answered", 1 }, { "answer", 1 }, { "response", 1 },
	{ "how answered", 1 }, { "how we answered it", 1 },
};

const struct rec rec_stk = { "stakeholder", "stakeholder",
    stk_slots, N(stk_slots), stk_cols, N(stk_cols) };
const struct rec rec_met = { "metric", "success metric",
    met_slots, N(met_slots), met_cols, N(met_cols) };
const struct rec rec_risk = { "risk", "risk",
    risk_slots, N(risk_slots), risk_cols, N(risk_cols) };
const struct rec rec_obj = { "objection", "objection",
    obj_slots, N(obj_slots), obj_cols, N(obj_cols) };

/* The slot of column key in r by the other names of records.txt
 * ('column-stakeholder influence einfluss'), or -1. */
static int
mdp_col_listed(const struct rec *r, const char *key)
{
	char	 kind[48], w[64], slot[32];
	size_t	 i;

	snprintf(kind, sizeof(kind), "column-%s", r->elem);
	snprintf(w, sizeof(w), "%s", key);
	for (i = 0; w[i] != '\0'; i++)
		if (w[i] == ' ')
			w[i] = '-';
	if (!read_word("schemas/read/records.txt", kind, w, strlen(w), slot,
	    sizeof(slot)))
		return -1;
	for (i = 0; i < r->nslots; i++)
		if (strcmp(slot, r->slots[i]) == 0)
			return (int)i;
	return -1;
}

/* The slot of column key in r by exact key or alias, or -1. */
static int
mdp_col_slot(const struct rec *r, const char *key)
{
	size_t	 i;

	for (i = 0; i < r->ncols; i++)
		if (strcmp(key, r->cols[i].key) == 0)
			return r->cols[i].slot;
	return mdp_col_listed(r, key);
}

static int
mdp_slot_taken(const int *slot, size_t n, int want)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (slot[i] == want)
			return 1;
	return 0;
}

/*
 * A misspelt column ('Emial') is read as the one known column it is a
 * typo of, when no other column of the header took that one: one
 * warning for the one mistake, not an error per row for the data it
 * would otherwise lose.  The slot, or -1.
 */
static int
mdp_col_near(const struct rec *r, const char *key, const int *slot,
    size_t ncols, const char **spelt)
{
	struct mdp_near	 nb;
	size_t		 i, len = strlen(key);

	mdp_near_init(&nb, key, len >= 6 ? 2 : len >= 3 ? 1 : 0);
	for (i = 0; i < r->ncols; i++)	/* 'nots': notes and note, one slot */
		if (!mdp_slot_taken(slot, ncols, r->cols[i].slot))
			mdp_near_offer(&nb, r->cols[i].key, r->cols[i].key,
			    r->cols[i].slot);
	if (!nb.found || nb.tie)
		return -1;
	for (i = 0; i < r->ncols; i++)	/* the slot's first name: fmt's */
		if (r->cols[i].slot == nb.sec)
			break;
	*spelt = r->cols[i].key;
	return nb.sec;
}

/* The columns a table's header names, remembered so fmt keeps a column
 * the AE is still to fill in ('col/stakeholder/stance'). */
static void
mdp_header_anchors(struct mdp *p, const struct rec *r, const int *slot,
    size_t ncols)
{
	char	 path[96];
	size_t	 i;

	for (i = 0; i < ncols && !p->oom; i++)
		if (slot[i] >= 0 && (size_t)slot[i] < r->nslots) {
			snprintf(path, sizeof(path), "col/%s/%s", r->elem,
			    r->slots[slot[i]]);
			if (model_set_anchor(p->m, path, 1, 0) == -1)
				p->oom = 1;
		}
}

/* A table's header: column -> slot (-1: extra), warnings once each. */
static int
mdp_header(struct mdp *p, const struct rec *r, cmark_node *hdr, int *slot,
    char **name, size_t maxcols, size_t *ncols)
{
	cmark_node	*cell, *cells[64];
	const char	*spelt;
	char		 key[64];
	size_t		 i, k;
	int		 twice[64];

	*ncols = 0;
	for (cell = cmark_node_first_child(hdr); cell != NULL &&
	    *ncols < maxcols && *ncols < 64; cell = cmark_node_next(cell)) {
		if ((name[*ncols] = mdp_flatten(cell, ' ')) == NULL)
			return -1;
		md_key(name[*ncols], key, sizeof(key));
		slot[*ncols] = mdp_col_slot(r, key);
		twice[*ncols] = slot[*ncols] >= 0 &&
		    mdp_slot_taken(slot, *ncols, slot[*ncols]);
		/* French 'Position' beside 'Fonction' is the stance. */
		if (twice[*ncols] && (k = (size_t)mdp_col_listed(r, key)) !=
		    (size_t)-1 && !mdp_slot_taken(slot, *ncols, (int)k)) {
			slot[*ncols] = (int)k;
			twice[*ncols] = 0;
		}
		if (twice[*ncols])
			slot[*ncols] = -1;	/* kept as an extra */
		cells[(*ncols)++] = cell;
	}
	for (i = 0; i < *ncols; i++) {
		if (slot[i] >= 0)
			continue;
		md_key(name[i], key, sizeof(key));
		k = (size_t)-1;
		if (!twice[i] &&
		    (slot[i] = mdp_col_near(r, key, slot, *ncols, &spelt)) >= 0)
			k = i;
		if (k == i) {
			char	 to[64];

			snprintf(to, sizeof(to), "%c%s",
			    toupper((unsigned char)spelt[0]), spelt + 1);
			diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, hdr),
			    mdp_col(cells[i])), RULE_COLUMN_SPELLING,
			    "column '%s' read as '%s' in the %s table",
			    name[i], to, r->what);
			diag_set_fix(p->dl, name[i], to);
		} else
			diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, hdr),
			    mdp_col(cells[i])), RULE_UNKNOWN_COLUMN, twice[i] ?
			    "column '%s' appears twice in the %s table" :
			    "unknown column '%s' in the %s table", name[i],
			    r->what);
	}
	if (!mdp_slot_taken(slot, *ncols, 0)) {
		char	 hint[160], col[32];

		snprintf(col, sizeof(col), "%s", r->cols[0].key);
		col[0] = (char)toupper((unsigned char)col[0]);
		snprintf(hint, sizeof(hint), "add a '%s' column: it says which "
		    "%s each row is", col, r->what);
		diag_add_hint(p->dl, diag_pos(p->m->file, mdp_line(p, hdr),
		    mdp_col(hdr)), RULE_TABLE_COLUMNS, hint,
		    "the %s table has no '%s' column", r->what,
		    r->cols[0].key);
	}
	return 0;
}

/* The Role cell: several <role>s and primary="true". */
static void
mdp_roles(struct mdp *p, xmlNodePtr rec, const char *cell, unsigned line,
    unsigned col)
{
	char	*roles[MD_MAX_ROLES];
	size_t	 n, i;
	int	 primary;

	if (md_roles_parse(cell, roles, MD_MAX_ROLES, &n, &primary) == -1) {
		p->oom = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		mdp_add(p, rec, "role", roles[i], line, col, 1);
		free(roles[i]);
	}
	if (primary)
		mdp_attr(p, rec, "primary", "true");
}

/* One value of a record, normalised where the schema has an enum. */
void
mdp_cell(struct mdp *p, const struct rec *r, xmlNodePtr rec, int slot,
    const char *text, unsigned line, unsigned col)
{
	const char	*el = r->slots[slot];
	char		*norm;

	if (r == &rec_stk && slot == 2) {
		mdp_roles(p, rec, text, line, col);
		return;
	}
	if (strcmp(el, "influence") == 0 || strcmp(el, "stance") == 0 ||
	    strcmp(el, "severity") == 0 || strcmp(el, "likelihood") == 0) {
		if ((norm = md_enum(text)) == NULL) {
			p->oom = 1;
			return;
		}
		mdp_add(p, rec, el, norm, line, col, 1);
		free(norm);
		return;
	}
	mdp_add(p, rec, el, text, line, col, 1);
}

/* Where records go: the pillar or the field element, made on demand. */
/* One body row: a record with its fields in XSD order, extras last. */
static void
mdp_row(struct mdp *p, const struct rec *r, mdp_get parent,
    cmark_node *row, const int *slot, char *const *name, size_t ncols)
{
	char		*val[64];
	unsigned	 col[64];
	cmark_node	*cell;
	xmlNodePtr	 rec;
	size_t		 i, nv = 0, s;
	unsigned	 line = mdp_line(p, row);
	int		 any = 0;

	for (cell = cmark_node_first_child(row); cell != NULL && nv < ncols;
	    cell = cmark_node_next(cell), nv++) {
		if ((val[nv] = mdp_flatten(cell, ' ')) == NULL) {
			p->oom = 1;
			goto out;
		}
		col[nv] = mdp_col(cell);
		any |= *val[nv] != '\0';
	}
	if (!any)
		goto out;
	rec = mdp_add(p, parent(p), r->elem, NULL, line, mdp_col(row), 1);
	for (s = 0; s < r->nslots; s++)
		for (i = 0; i < nv; i++)
			if (slot[i] == (int)s && *val[i] != '\0')
				mdp_cell(p, r, rec, (int)s, val[i], line, col[i]);
	for (i = 0; i < nv; i++)
		if (slot[i] == -1 && *val[i] != '\0')
			mdp_attr(p, mdp_add(p, rec, "extra", val[i], line,
			    col[i], 1), "name", name[i]);
out:
	for (i = 0; i < nv; i++)
		free(val[i]);
}

/* A record table (stakeholders, metrics, risks, objections). */
void
mdp_records(struct mdp *p, const struct rec *r, mdp_get parent,
    cmark_node *t)
{
	cmark_node	*row;
	char		*name[64];
	int		 slot[64];
	size_t		 ncols = 0, i;

	if ((row = cmark_node_first_child(t)) == NULL)
		return;
	/* A header with no rows yet: remembered, so fmt writes it back. */
	if (cmark_node_next(row) == NULL) {
		char	 path[64];

		snprintf(path, sizeof(path), "table/%s", r->elem);
		if (model_set_anchor(p->m, path, mdp_line(p, t), 0) == -1)
			p->oom = 1;
	}
	if (mdp_header(p, r, row, slot, name, N(name), &ncols) == -1)
		p->oom = 1;
	else
		mdp_header_anchors(p, r, slot, ncols);
	if (!p->oom)
		for (row = cmark_node_next(row); row != NULL && !p->oom;
		    row = cmark_node_next(row))
			mdp_row(p, r, parent, row, slot, name, ncols);
	for (i = 0; i < ncols; i++)
		free(name[i]);
}

/* True when the paragraph (or one-item list) says key, e.g. "None". */
int
mdp_says(cmark_node *n, const char *const *keys)
{
	char	*s, key[64];
	size_t	 i;

	if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
		n = cmark_node_first_child(n);
		if (n == NULL || cmark_node_next(n) != NULL)
			return 0;
	}
	if ((s = mdp_flatten(n, ' ')) == NULL)
		return 0;
	md_key(s, key, sizeof(key));
	free(s);
	for (i = 0; keys[i] != NULL; i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

static const char *const none_commit[] = { "none", "no commitments",
    "no commitments made", "none made", "nothing promised",
    "no special commitments", "no custom commitments", "no promises",
    "no special terms", "standard terms only", "none standard terms only",
    "none standard terms", "nothing beyond the contract",
    "nothing beyond the standard contract", "nothing special", NULL };
const char *const none_risk[] = { "none identified", "none",
    "no risks", "no risks identified", "no known risks",
    "none identified yet", "none known", "no red flags",
    "no known issues", "nothing identified", NULL };

/*
 * A nested bullet under commitment c that is a detail of it, not a
 * commitment of its own: a plain bullet ('- includes the traceability
 * matrix') with no owner, date or task box of its own.  Its words join
 * c's text ('…; includes the traceability matrix').  1 when so.
 */
static int
mdp_commit_detail(struct mdp *p, xmlNodePtr c, cmark_node *item)
{
	cmark_node	*k;
	xmlNodePtr	 t;
	char		*all = NULL, *text = NULL, *who = NULL, *due = NULL, *j;
	int		 rc = 0;

	if (c == NULL || mdp_is(item, "tasklist") ||
	    (t = model_child(c, "text")) == NULL)
		return 0;
	for (k = cmark_node_first_child(item); k != NULL; k = cmark_node_next(k))
		if (cmark_node_get_type(k) == CMARK_NODE_LIST)
			return 0;	/* a list of its own: commitments */
		else if (cmark_node_get_type(k) == CMARK_NODE_PARAGRAPH &&
		    all == NULL && (all = mdp_flatten(k, ' ')) == NULL) {
			p->oom = 1;
			return 0;
		}
	if (all == NULL || *all == '\0' ||
	    md_commitment_parse(all, &text, &who, &due) == -1 ||
	    who != NULL || due != NULL || read_date_has_cue(all) ||
	    strstr(all, " by ") != NULL || strstr(all, "(") != NULL)
		goto out;
	if ((j = malloc(strlen(model_text(t)) + strlen(all) + 3)) == NULL) {
		p->oom = 1;
		goto out;
	}
	sprintf(j, "%s; %s", model_text(t), all);
	xmlNodeSetContent(t, NULL);
	xmlNodeAddContent(t, (const xmlChar *)j);
	free(j);
	rc = 1;
out:
	free(all);
	free(text);
	free(who);
	free(due);
	return rc;
}

/* One commitment item: '- [ ] WHAT (WHO, by YYYY-MM-DD)'. */
static void
mdp_commit_item(struct mdp *p, xmlNodePtr parent, cmark_node *item,
    unsigned depth)
{
	cmark_node	*c;
	xmlNodePtr	 n = NULL;
	char		*all = NULL, *text = NULL, *who = NULL, *due = NULL;
	int		 task = mdp_is(item, "tasklist"), rc;
	unsigned	 line = mdp_line(p, item), col = mdp_col(item);

	/* Nested items are commitments of their own, but a plain detail
	 * bullet joins this one (mdp_commit_detail): read this item's
	 * first paragraph only. */
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
			all = mdp_flatten(c, ' ');
			break;
		}
	if (all != NULL && *all != '\0') {
		/* A plain list item is a commitment too: who, by when and
		 * done are read out of its words after parsing
		 * (read/read_resolve.c). */
		if ((rc = md_commitment_parse(all, &text, &who, &due)) == -1)
			p->oom = 1;
		/* A missing '(Who, by DATE)' leaves <who> empty: the
		 * validator reports it, by stage, with the field's hint. */
		if (rc != -1) {
			n = mdp_add(p, parent, "commitment", NULL, line, col, 1);
			mdp_attr(p, n, "done", task &&
			    cmark_gfm_extensions_get_tasklist_item_checked(item) ?
			    "true" : "false");
			mdp_add(p, n, "text", text, line, col, 1);
			if (who != NULL)
				mdp_add(p, n, "who", who, line, col, 1);
			if (due != NULL)
				mdp_add(p, n, "due", due, line, col, 1);
		}
	}
	free(all);
	free(text);
	free(who);
	free(due);
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_LIST &&
		    depth < p->lim->max_depth) {
			cmark_node *i;

			for (i = cmark_node_first_child(c); i != NULL;
			    i = cmark_node_next(i))
				if (!mdp_commit_detail(p, n, i))
					mdp_commit_item(p, parent, i, depth + 1);
		}
}

void
mdp_commitments(struct mdp *p, cmark_node *n)
{
	xmlNodePtr	 parent;
	cmark_node	*item;

	if (mdp_says(n, none_commit)) {
		mdp_attr(p, mdp_fieldn(p), "none", "true");
		return;
	}
	if (mdp_is(n, "table")) {
		mdp_commit_table(p, mdp_fieldn(p), n);
		return;
	}
	if (cmark_node_get_type(n) != CMARK_NODE_LIST) {
		mdp_stray(p, n, "a task list or 'None'");
		return;
	}
	parent = mdp_fieldn(p);
	for (item = cmark_node_first_child(n); item != NULL && !p->oom;
	    item = cmark_node_next(item))
		mdp_commit_item(p, parent, item, 0);
}

