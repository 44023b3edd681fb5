/* SPDX-License-Identifier: MIT */
/*
 * import_json.c: HubSpot CRM API JSON, as saved from
 * GET /crm/v3/objects/deals?associations=contacts and .../contacts
 * (results[].properties, associations.contacts.results[].id; paging
 * ignored), and v4 association reads (results[].from.id, .to[].toObjectId
 * with associationTypes[].label) for contact roles.  Read whole with
 * jansson under the import size limit; each record's properties become a
 * row for import_row.c, at the line where the record's id stands.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "diag.h"
#include "fsutil.h"
#include "import.h"

struct jctx {
	struct imp_csv	 c;
	const char	*text;		/* the file, for line numbers */
};

/* The line of the first '"id"' string of the record, or 0. */
static unsigned
json_line(const struct jctx *j, const char *id)
{
	char		 pat[128];
	const char	*p, *q;
	unsigned	 line = 1;

	snprintf(pat, sizeof(pat), "\"%s\"", id);
	if ((p = strstr(j->text, pat)) == NULL)
		return 0;
	for (q = j->text; q < p; q++)
		if (*q == '\n')
			line++;
	return line;
}

/* A JSON scalar as text ("" for null), into a malloc'd string. */
static char *
json_str(const json_t *v)
{
	char	 num[64];

	if (json_is_string(v))
		return strdup(json_string_value(v));
	if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return strdup(num);
	}
	if (json_is_real(v)) {
		snprintf(num, sizeof(num), "%.2f", json_real_value(v));
		return strdup(num);
	}
	if (json_is_true(v))
		return strdup("true");
	if (json_is_false(v))
		return strdup("false");
	return strdup("");
}

/* The record's properties (and its id as hs_object_id) as a header row
 * and a data row. */
static int
json_rows(struct imp_row *hdr, struct imp_row *row, const json_t *rec)
{
	const json_t	*props = json_object_get(rec, "properties");
	const char	*k;
	json_t		*v;
	size_t		 n = json_object_size(props) + 1, i = 0;

	hdr->f = calloc(n, sizeof(char *));
	row->f = calloc(n, sizeof(char *));
	if (hdr->f == NULL || row->f == NULL)
		return -1;
	json_object_foreach((json_t *)props, k, v) {
		if (strcmp(k, "hs_object_id") == 0)
			continue;
		hdr->f[i] = strdup(k);
		row->f[i++] = json_str(v);
	}
	hdr->f[i] = strdup("hs_object_id");
	row->f[i++] = json_str(json_object_get(rec, "id"));
	hdr->n = row->n = i;
	for (i = 0; i < hdr->n; i++)
		if (hdr->f[i] == NULL || row->f[i] == NULL)
			return -1;
	return 0;
}

static void
json_rows_free(struct imp_row *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		free(r->f[i]);
	free(r->f);
}

/* The role of a v4 'to' entry: the first label that maps. */
static int
json_label(struct jctx *j, const json_t *types, unsigned line,
    const char **role, int *primary)
{
	size_t		 i;
	const json_t	*t;
	const char	*label, *r;

	*role = "";
	json_array_foreach(types, i, t) {
		label = json_string_value(json_object_get(t, "label"));
		if (label == NULL)
			continue;
		if ((r = import_row_role(&j->c, line, label, primary)) == NULL)
			return -1;
		if (**role == '\0')
			*role = r;
	}
	return 0;
}

/* associations.contacts.results[] of a deal: v3 {id} or v4 {toObjectId,
 * associationTypes}. */
static int
json_assoc(struct jctx *j, const char *deal, const json_t *list,
    unsigned line)
{
	const json_t	*a;
	const char	*role;
	char		*cid;
	size_t		 i;
	int		 primary, rc = 0;

	json_array_foreach(list, i, a) {
		primary = 0;
		role = "";
		cid = json_str(json_object_get(a, "id") ?
		    json_object_get(a, "id") : json_object_get(a, "toObjectId"));
		if (cid == NULL)
			return -1;
		if (json_object_get(a, "associationTypes") != NULL)
			rc = json_label(j, json_object_get(a,
			    "associationTypes"), line, &role, &primary);
		if (rc == 0 && *cid != '\0')
			rc = import_set_link(j->c.set, deal, cid, role,
			    primary, j->c.file, line);
		free(cid);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* One deal or contact record. */
static int
json_record(struct jctx *j, const json_t *rec)
{
	struct imp_row		 hdr, row;
	struct imp_deal		*d;
	struct imp_contact	*k;
	char			*id = json_str(json_object_get(rec, "id"));
	int			 rc = -1;

	memset(&hdr, 0, sizeof(hdr));
	memset(&row, 0, sizeof(row));
	if (id == NULL || json_rows(&hdr, &row, rec) == -1)
		goto out;
	hdr.line = row.line = json_line(j, id);
	import_row_dispose(&j->c);
	if (import_row_header(&j->c, &hdr) == -1 ||
	    import_row_trim(&row) == -1)
		goto out;
	if (j->c.kind == IMP_K_DEALS) {
		if (import_row_deal(&j->c, &row, &d) == -1)
			goto out;
		rc = json_assoc(j, d->crm_id, json_object_get(json_object_get(
		    json_object_get(rec, "associations"), "contacts"),
		    "results"), row.line);
	} else
		rc = import_row_contact(&j->c, &row, id, &k);
out:
	json_rows_free(&hdr);
	json_rows_free(&row);
	free(id);
	return rc;
}

/* A v4 association read: results[] of {from: {id}, to: [...]}. */
static int
json_v4(struct jctx *j, const json_t *res)
{
	const json_t	*r;
	char		*deal;
	size_t		 i;
	int		 rc = 0;

	json_array_foreach(res, i, r) {
		if ((deal = json_str(json_object_get(json_object_get(r,
		    "from"), "id"))) == NULL)
			return -1;
		rc = json_assoc(j, deal, json_object_get(r, "to"),
		    json_line(j, deal));
		free(deal);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* What the results are: deals, contacts or v4 associations. */
static int
json_kind(struct jctx *j, const json_t *res)
{
	const json_t	*first = json_array_get(res, 0);
	const json_t	*p = json_object_get(first, "properties");

	if (json_object_get(first, "from") != NULL &&
	    json_object_get(first, "to") != NULL)
		return IMP_K_ROLES;
	if (json_object_get(p, "dealname") != NULL ||
	    json_object_get(p, "dealstage") != NULL)
		return IMP_K_DEALS;
	if (json_object_get(p, "firstname") != NULL ||
	    json_object_get(p, "lastname") != NULL ||
	    json_object_get(p, "email") != NULL)
		return IMP_K_CONTACTS;
	(void)j;
	return IMP_K_NONE;
}

static int
json_doc(struct jctx *j, const json_t *root)
{
	const json_t	*res = json_object_get(root, "results");
	const json_t	*rec;
	size_t		 i;

	if (!json_is_array(res)) {
		diag_add_hint(j->c.dl, diag_pos_line(j->c.file, 1),
		    RULE_UNKNOWN_FORMAT, "save the response of GET "
		    "/crm/v3/objects/deals?associations=contacts (and "
		    "/contacts) as it comes", "not a HubSpot API response: "
		    "no \"results\" list");
		return -1;
	}
	if (json_array_size(res) == 0)
		return 0;
	j->c.kind = json_kind(j, res);
	if (j->c.kind == IMP_K_ROLES)
		return json_v4(j, res);
	if (j->c.kind == IMP_K_NONE) {
		diag_add_hint(j->c.dl, diag_pos_line(j->c.file, 1),
		    RULE_UNKNOWN_FORMAT, "request the properties dealname, "
		    "dealstage, closedate, amount (deals) or firstname, "
		    "lastname, email, jobtitle (contacts)", "HubSpot results "
		    "are neither deals nor contacts");
		return -1;
	}
	json_array_foreach(res, i, rec)
		if (json_record(j, rec) == -1)
			return -1;
	return 0;
}

int
import_json_file(struct imp_set *set, const struct imp_map *m,
    const char *file, struct diag_list *dl)
{
	struct jctx	 j;
	json_error_t	 err;
	json_t		*root;
	char		*data = NULL;
	size_t		 len;
	int		 rc;

	rc = fs_read(file, import_map_max_size(m), &data, &len);
	if (rc == -2) {
		diag_add_hint(dl, diag_pos_line(file, 0), RULE_FILE_TOO_LARGE,
		    "save fewer records per file, or raise 'import: "
		    "max_file_mb' in handoff.yml", "more than the import "
		    "limit of %zu MB", import_map_max_size(m) >> 20);
		return -1;
	}
	if (rc == -1) {
		diag_add(dl, diag_pos_line(file, 0), RULE_IO, "cannot read: %s",
		    fs_strerror(errno));
		return -1;
	}
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		diag_add_hint(dl, diag_pos(file, (unsigned)err.line,
		    err.column > 0 ? (unsigned)err.column - 1 : 0),
		    RULE_UNKNOWN_FORMAT, "save the API response unchanged",
		    "JSON: %s", err.text);
		free(data);
		return -1;
	}
	memset(&j, 0, sizeof(j));
	j.c.set = set;
	j.c.map = m;
	j.c.crm = IMP_HUBSPOT;
	j.c.file = file;
	j.c.dl = dl;
	j.text = data;
	rc = json_doc(&j, root);
	import_row_dispose(&j.c);
	json_decref(root);
	free(data);
	return rc == 0 && !j.c.err ? 0 : -1;
}
