/* SPDX-License-Identifier: MIT */
/*
 * import_row.c: the rows of a CSV export, either CRM: the header row
 * located against the column names of the mapping, then each row read
 * into a deal or a contact with its cells checked (date, amount, stage).
 * The CRM files decide which kind of export a header row is.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "import.h"

static const char *const col_keys[IMP_C__MAX] = {
	"deal_id", "deal_name", "client", "stage", "won", "close", "owner",
	"owner_email", "amount", "currency", "contacts", "contact_id", "first",
	"last", "email", "title", "deals", "link_deal", "link_contact", "role",
	"primary",
};

int
import_row_header(struct imp_csv *c, const struct imp_row *row)
{
	size_t	 i;

	if ((c->hdr = calloc(row->n + 1, sizeof(*c->hdr))) == NULL)
		return -1;
	for (i = 0; i < row->n; i++)
		if ((c->hdr[c->nhdr++] = import_value_trim(row->f[i])) == NULL)
			return -1;
	for (i = 0; i < IMP_C__MAX; i++)
		c->col[i] = import_map_col(c->map, c->crm, col_keys[i], c->hdr,
		    c->nhdr);
	return 0;
}

void
import_row_dispose(struct imp_csv *c)
{
	size_t	 i;

	for (i = 0; i < c->nhdr; i++)
		free(c->hdr[i]);
	free(c->hdr);
	c->hdr = NULL;
	c->nhdr = 0;
}

int
import_row_has(const struct imp_csv *c, const int *cols)
{
	for (; *cols != -1; cols++)
		if (c->col[*cols] == -1)
			return 0;
	return 1;
}

int
import_row_missing(struct imp_csv *c, const int *cols, const char *what)
{
	struct buf	 names, found;
	size_t		 i;

	for (; *cols != -1; cols++)
		if (c->col[*cols] == -1)
			break;
	if (*cols == -1)
		return 0;
	buf_init(&names);
	buf_init(&found);
	import_map_col_names(&names, c->map, c->crm, col_keys[*cols]);
	for (i = 0; i < c->nhdr && i < 40; i++)
		buf_printf(&found, "%s'%s'", i ? ", " : "", c->hdr[i]);
	diag_add_hint(c->dl, diag_pos_line(c->file, 1), RULE_TABLE_COLUMNS,
	    "a team with other column names maps them under 'import: "
	    "hubspot: columns:' or 'salesforce: columns:' in handoff.yml",
	    "%s export without the column %s; the header has %s",
	    what, names.data ? names.data : col_keys[*cols],
	    found.data ? found.data : "no columns");
	buf_dispose(&names);
	buf_dispose(&found);
	c->err = 1;
	return -1;
}

const char *
import_row_cell(const struct imp_csv *c, const struct imp_row *row,
    enum imp_col col)
{
	int	 i = c->col[col];

	if (i < 0 || (size_t)i >= row->n)
		return "";
	return row->f[i];
}

int
import_row_trim(struct imp_row *row)
{
	size_t	 i;
	char	*t;

	for (i = 0; i < row->n; i++) {
		if ((t = import_value_trim(row->f[i])) == NULL)
			return -1;
		free(row->f[i]);
		row->f[i] = t;
	}
	return 0;
}

static void
row_error(struct imp_csv *c, unsigned line, int col, const char *hint,
    const char *fmt, const char *a, const char *b)
{
	struct buf	 msg;

	buf_init(&msg);
	buf_printf(&msg, fmt, a, b);
	if (col >= 0 && (size_t)col < c->nhdr)
		buf_printf(&msg, " (column %d, '%s')", col + 1, c->hdr[col]);
	diag_add_hint(c->dl, diag_pos_line(c->file, line), RULE_INVALID_VALUE,
	    hint, "%s", msg.data ? msg.data : fmt);
	buf_dispose(&msg);
	c->err = 1;
}

static int
row_dup(char **out, const char *s)
{
	free(*out);
	return (*out = strdup(s)) == NULL ? -1 : 0;
}

/* The stage of the deal, from its stage name and IsWon. */
static int
row_stage(struct imp_csv *c, const struct imp_row *row, struct imp_deal *d)
{
	const char	*stage = import_row_cell(c, row, IMP_C_STAGE);
	const char	*won = import_row_cell(c, row, IMP_C_WON);
	const char	*to;

	to = import_map_stage(c->map, stage);
	if (c->col[IMP_C_WON] >= 0 && import_value_true(won))
		to = "signed";
	if (to == NULL) {
		row_error(c, row->line, c->col[IMP_C_STAGE], "map it under "
		    "'import: stages:' in handoff.yml to signed, pre-close or "
		    "skip", "unknown deal stage '%s'%s", stage, "");
		return -1;
	}
	if (strcmp(to, "skip") == 0) {
		d->skip_why = malloc(strlen(stage) + 64);
		if (d->skip_why != NULL)
			snprintf(d->skip_why, strlen(stage) + 64,
			    "stage '%s' is lost or too early to hand off",
			    stage);
		return d->skip_why ? 0 : -1;
	}
	if (strcmp(to, "signed") != 0 && strcmp(to, "pre-close") != 0) {
		row_error(c, row->line, c->col[IMP_C_STAGE], "the stages map "
		    "to signed, pre-close or skip", "stage '%s' maps to '%s'",
		    stage, to);
		return -1;
	}
	return row_dup(&d->stage, to);
}

/* Client: the company column, else the deal name before ' - '. */
static int
row_client(struct imp_csv *c, const struct imp_row *row, struct imp_deal *d)
{
	const char	*cl = import_row_cell(c, row, IMP_C_CLIENT);
	const char	*dash;

	if (*cl != '\0')
		return row_dup(&d->client, cl);
	if ((dash = strstr(d->name, " - ")) == NULL)
		dash = d->name + strlen(d->name);
	free(d->client);
	d->client = strndup(d->name, (size_t)(dash - d->name));
	return d->client ? 0 : -1;
}

static int
row_money(struct imp_csv *c, const struct imp_row *row, struct imp_deal *d)
{
	const char	*a = import_row_cell(c, row, IMP_C_AMOUNT);
	const char	*cur = import_row_cell(c, row, IMP_C_CURRENCY);
	const char	*why = NULL;
	size_t		 i;

	if (*a != '\0' && (d->amount = import_value_amount(a, &why)) == NULL) {
		row_error(c, row->line, c->col[IMP_C_AMOUNT], "export amounts "
		    "as plain numbers (84000 or 84000.50), the currency in "
		    "its own column", "amount '%s' %s", a, why);
		return -1;
	}
	if (*cur == '\0')
		cur = import_map_currency(c->map);
	for (i = 0; cur[i] != '\0'; i++)
		if (i >= 3 || cur[i] < 'A' || cur[i] > 'Z')
			break;
	if (i != 3 || cur[i] != '\0') {
		row_error(c, row->line, c->col[IMP_C_CURRENCY], "a currency "
		    "is a three-letter ISO code: USD, EUR, GBP", "currency "
		    "'%s'%s", cur, "");
		return -1;
	}
	return row_dup(&d->currency, cur);
}

int
import_row_deal(struct imp_csv *c, const struct imp_row *row,
    struct imp_deal **out)
{
	struct imp_deal	*d;
	const char	*id, *close, *s;
	char		 ymd[11];

	*out = NULL;
	id = import_row_cell(c, row, IMP_C_DEAL_ID);
	if (*id == '\0')	/* a report without ids: the name */
		id = import_row_cell(c, row, IMP_C_DEAL_NAME);
	if (*id == '\0') {
		row_error(c, row->line, -1, "every deal row needs its record "
		    "id and name", "deal row without an id or a name%s%s",
		    "", "");
		return -1;
	}
	if ((d = import_set_find_deal(c->set, id)) != NULL) {
		*out = d;
		return 0;	/* a report row per contact role */
	}
	if ((d = import_set_deal(c->set, c->file, row->line)) == NULL ||
	    row_dup(&d->crm_id, id) == -1 ||
	    row_dup(&d->name, import_row_cell(c, row, IMP_C_DEAL_NAME)) == -1 ||
	    row_client(c, row, d) == -1)
		return -1;
	if (row_stage(c, row, d) == -1 || row_money(c, row, d) == -1)
		return -1;
	close = import_row_cell(c, row, IMP_C_CLOSE);
	if (*close != '\0') {
		if (import_value_date(close, ymd) == -1) {
			row_error(c, row->line, c->col[IMP_C_CLOSE], "dates "
			    "are YYYY-MM-DD (a time after it is fine)",
			    "close date '%s' is not a date%s", close, "");
			return -1;
		}
		if (row_dup(&d->close, ymd) == -1)
			return -1;
	}
	s = import_row_cell(c, row, IMP_C_OWNER);
	if (*s != '\0' && row_dup(&d->owner, s) == -1)
		return -1;
	s = import_row_cell(c, row, IMP_C_OWNER_EMAIL);
	if (*s == '\0' && d->owner != NULL)
		s = import_map_owner(c->map, d->owner) ?
		    import_map_owner(c->map, d->owner) : "";
	if (*s != '\0' && row_dup(&d->owner_email, s) == -1)
		return -1;
	*out = d;
	return 0;
}

int
import_row_contact(struct imp_csv *c, const struct imp_row *row,
    const char *id, struct imp_contact **out)
{
	struct imp_contact	*k;
	const char		*first, *last, *s;
	size_t			 len;

	first = import_row_cell(c, row, IMP_C_FIRST);
	last = import_row_cell(c, row, IMP_C_LAST);
	if ((k = import_set_find_contact(c->set, id)) == NULL) {
		if ((k = import_set_contact(c->set, c->file, row->line))
		    == NULL || (k->id = strdup(id)) == NULL)
			return -1;
	}
	len = strlen(first) + strlen(last) + 2;
	free(k->name);
	if ((k->name = malloc(len)) == NULL)
		return -1;
	snprintf(k->name, len, "%s%s%s", first, *first && *last ? " " : "",
	    last);
	s = import_row_cell(c, row, IMP_C_EMAIL);
	if (row_dup(&k->email, s) == -1)
		return -1;
	s = import_row_cell(c, row, IMP_C_TITLE);
	if (row_dup(&k->title, s) == -1)
		return -1;
	*out = k;
	return 0;
}

const char *
import_row_role(struct imp_csv *c, unsigned line, const char *role,
    int *primary)
{
	const char	*r;

	if (*role == '\0')
		return "";
	if ((r = import_map_role(c->map, role)) == NULL) {
		row_error(c, line, c->col[IMP_C_ROLE], "map it under 'import: "
		    "roles:' in handoff.yml to one of the schema's roles "
		    "(economic-buyer, decision-maker, ...)", "unknown contact "
		    "role '%s'%s", role, "");
		return NULL;
	}
	if (strcmp(r, "primary") == 0) {
		*primary = 1;
		return "";
	}
	return r;
}

int
import_row_fits(struct imp_csv *c, const struct imp_row *row)
{
	if (row->n <= c->nhdr)
		return 0;
	diag_add_hint(c->dl, diag_pos_line(c->file, row->line),
	    RULE_TABLE_COLUMNS, c->crm == IMP_HUBSPOT ?
	    "a cell with a comma in it must be quoted; re-export the file "
	    "from HubSpot" : "a cell with a comma in it must be quoted; "
	    "re-export the file from Salesforce", "row has %zu cells, the "
	    "header %zu", row->n, c->nhdr);
	c->err = 1;
	return -1;
}

int
import_row_read(struct imp_set *set, const struct imp_map *m,
    enum imp_crm crm, const char *file, int latin1, imp_row_fn fn,
    struct diag_list *dl)
{
	struct imp_csv	 c;
	int		 rc;

	memset(&c, 0, sizeof(c));
	c.set = set;
	c.map = m;
	c.crm = crm;
	c.file = file;
	c.dl = dl;
	rc = import_csv_read(file, latin1, import_map_max_size(m), fn, &c, dl);
	if (rc == 0 && c.kind == IMP_K_NONE) {
		diag_add(dl, diag_pos_line(file, 0), RULE_EMPTY_FILE,
		    "the export is empty");
		rc = -1;
	}
	import_row_dispose(&c);
	return rc == 0 && !c.err ? 0 : -1;
}
