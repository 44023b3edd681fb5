/* SPDX-License-Identifier: MIT */
/*
 * import_hubspot.c: HubSpot exports.  A JSON file goes to import_json.c;
 * a CSV file is a UI export of deals (Deal Name, Deal Stage, ...,
 * 'Associated Contact IDs' separated by ';') or of contacts (First Name,
 * Last Name, Email, ..., optionally 'Associated Deal IDs'), told apart by
 * its header row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import.h"

static const int hs_deal_cols[] = { IMP_C_DEAL_ID, IMP_C_DEAL_NAME,
    IMP_C_STAGE, IMP_C_CLOSE, IMP_C_AMOUNT, -1 };
static const int hs_contact_cols[] = { IMP_C_CONTACT_ID, IMP_C_FIRST,
    IMP_C_LAST, IMP_C_EMAIL, -1 };

/* Link every id of a ';'-separated list (deal -> contacts or back). */
static int
hs_links(struct imp_csv *c, const char *list, const char *id, int is_deal,
    unsigned line)
{
	char	*copy, *tok, *save = NULL, *t;
	int	 rc = 0;

	if ((copy = strdup(list)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ";,", &save); tok != NULL && rc == 0;
	    tok = strtok_r(NULL, ";,", &save)) {
		if ((t = import_value_trim(tok)) == NULL) {
			rc = -1;
			break;
		}
		if (*t != '\0')
			rc = is_deal ? import_set_link(c->set, id, t, "", 0,
			    c->file, line) : import_set_link(c->set, t, id, "",
			    0, c->file, line);
		free(t);
	}
	free(copy);
	return rc;
}

static int
hs_header(struct imp_csv *c, const struct imp_row *row)
{
	if (import_row_header(c, row) == -1)
		return -1;
	if (c->col[IMP_C_STAGE] >= 0 || c->col[IMP_C_DEAL_NAME] >= 0) {
		c->kind = IMP_K_DEALS;
		return import_row_missing(c, hs_deal_cols, "HubSpot deals");
	}
	if (c->col[IMP_C_FIRST] >= 0 || c->col[IMP_C_LAST] >= 0) {
		c->kind = IMP_K_CONTACTS;
		return import_row_missing(c, hs_contact_cols,
		    "HubSpot contacts");
	}
	diag_add_hint(c->dl, diag_pos_line(c->file, row->line),
	    RULE_UNKNOWN_FORMAT, "export deals (Deal Name, Deal Stage, ...) "
	    "and contacts (First Name, Last Name, Email, ...) from HubSpot; "
	    "see 'handoff import --help'", "not a HubSpot deals or contacts "
	    "export: the header row has neither 'Deal Name' nor 'First Name'");
	c->err = 1;
	return -1;
}

static int
hs_row(void *arg, const struct imp_row *row)
{
	struct imp_csv		*c = arg;
	struct imp_deal		*d;
	struct imp_contact	*k;
	const char		*id;

	if (c->kind == IMP_K_NONE)
		return hs_header(c, row);
	if (import_row_trim((struct imp_row *)row) == -1)
		return -1;
	if (import_row_fits(c, row) == -1)
		return -1;
	if (c->kind == IMP_K_DEALS) {
		if (import_row_deal(c, row, &d) == -1)
			return -1;
		return hs_links(c, import_row_cell(c, row, IMP_C_CONTACTS),
		    d->crm_id, 1, row->line);
	}
	id = import_row_cell(c, row, IMP_C_CONTACT_ID);
	if (import_row_contact(c, row, id, &k) == -1)
		return -1;
	return hs_links(c, import_row_cell(c, row, IMP_C_DEALS), id, 0,
	    row->line);
}

/* True when the file's first non-blank byte is '{' or '['. */
static int
hs_is_json(const char *file)
{
	FILE	*fp;
	int	 ch;

	if ((fp = fopen(file, "rb")) == NULL)
		return 0;
	while ((ch = getc(fp)) == ' ' || ch == '\n' || ch == '\r' ||
	    ch == '\t' || ch == 0xef || ch == 0xbb || ch == 0xbf)
		;
	fclose(fp);
	return ch == '{' || ch == '[';
}

int
import_hubspot_file(struct imp_set *set, const struct imp_map *m,
    const char *file, int latin1, struct diag_list *dl)
{
	if (hs_is_json(file))
		return import_json_file(set, m, file, dl);
	return import_row_read(set, m, IMP_HUBSPOT, file, latin1, hs_row, dl);
}
