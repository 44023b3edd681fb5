/* SPDX-License-Identifier: MIT */
/*
 * import.h: 'handoff import': CRM exports (HubSpot, Salesforce) read
 * offline into deal records, then written as, or merged into,
 * deals/<id>.md.  The readers (import_csv.c, import_json.c) hand rows to
 * the CRM mappers (import_hubspot.c, import_salesforce.c), which fill one
 * struct imp_set; import_deal.c turns a record into a skeleton and
 * import_merge.c merges it into a file the AE has written.
 */
#ifndef HANDOFF_IMPORT_H
#define HANDOFF_IMPORT_H

#include <stddef.h>

struct buf;
struct diag_list;
struct ynode;

enum imp_crm {
	IMP_HUBSPOT,
	IMP_SALESFORCE
};

/* A contact as the CRM knows it. */
struct imp_contact {
	char		*id;
	char		*name;		/* "First Last" */
	char		*email;
	char		*title;
	char		*file;		/* where it was defined, for messages */
	unsigned	 line;
};

/* A deal's link to a contact, with the role the CRM gives it. */
struct imp_link {
	char		*contact;	/* contact id */
	char		*role;		/* schema role(s), "" none */
	int		 primary;
	char		*file;
	unsigned	 line;
};

struct imp_deal {
	char		*crm_id;
	char		*name;		/* deal name */
	char		*client;
	char		*amount;	/* "84000" */
	char		*currency;	/* "USD" */
	char		*close;		/* YYYY-MM-DD */
	char		*stage;		/* "signed", "pre-close" or NULL: skip */
	char		*skip_why;	/* why stage is NULL */
	char		*owner;		/* name */
	char		*owner_email;
	char		*id;		/* deal id (slug), set by import_plan */
	struct imp_link	*link;
	size_t		 nlink;
	char		*file;
	unsigned	 line;
};

struct imp_set {
	struct imp_deal		*deal;
	size_t			 ndeal;
	struct imp_contact	*contact;
	size_t			 ncontact;
	/* links read before their deal (OpportunityContactRole, contacts'
	 * 'Associated Deal IDs'): deal id in .role's place is kept here */
	struct imp_link		*pending;
	char			**pending_deal;
	size_t			 npending;
};

/* The mapping: column names, stages, roles, owners, from the built-in
 * schemas/import.yml and handoff.yml's 'import:' block (import_map.c). */
struct imp_map;

/*
 * Read the built-in mapping, then the 'import:' block of cfgfile (NULL
 * or absent: none).  Problems go to dl with their line.  NULL on error.
 */
struct imp_map	*import_map_load(const char *cfgfile, struct diag_list *dl);
void		 import_map_free(struct imp_map *m);
/*
 * The index among hdr[0..n) of the column that holds the logical column
 * key ("amount") of an export of crm (the team's names first, then the
 * built-in ones; case-insensitive), or -1.
 */
int		 import_map_col(const struct imp_map *m, enum imp_crm crm,
		    const char *key, char *const *hdr, size_t n);
/* The names that column key may have, "'Amount' or 'amount'", into b. */
int		 import_map_col_names(struct buf *b, const struct imp_map *m,
		    enum imp_crm crm, const char *key);
/* A CRM stage (any case) mapped: "signed", "pre-close", "skip", or NULL
 * when unknown. */
const char	*import_map_stage(const struct imp_map *m, const char *stage);
/* A CRM contact role ("Economic Buyer") mapped to a schema role
 * ("economic-buyer"), "primary", "" (no role), or NULL when unknown. */
const char	*import_map_role(const struct imp_map *m, const char *role);
/* The e-mail of an owner by name or CRM owner id, or NULL. */
const char	*import_map_owner(const struct imp_map *m, const char *owner);
/* An explicit deal id for a CRM record id, or NULL. */
const char	*import_map_id(const struct imp_map *m, const char *crm_id);
/* The CRM record URL pattern ('{id}' replaced), or NULL. */
const char	*import_map_url(const struct imp_map *m, enum imp_crm crm);
const char	*import_map_currency(const struct imp_map *m);
const char	*import_map_period(const struct imp_map *m);
/* True when word (lower case) is a legal form dropped from slugs
 * ("gmbh"). */
int		 import_map_legal(const struct imp_map *m, const char *word);
/* Bytes: the largest export read. */
size_t		 import_map_max_size(const struct imp_map *m);

/* ---- readers ---------------------------------------------------- */

/* One CSV row: fields[0..n), the line it starts on. */
struct imp_row {
	char		**f;
	size_t		 n;
	unsigned	 line;
};

typedef int (*imp_row_fn)(void *arg, const struct imp_row *row);

/*
 * Stream the CSV file through libcsv, calling fn for every row (the
 * header first).  A UTF-8 BOM and CRLF are accepted, ';' separators are
 * recognised from the header row, quoted newlines are kept in the field.
 * latin1 converts the bytes first; without it a byte that is not UTF-8
 * is an error.  fn returns 0, or -1 to stop (after a diagnostic).
 * Returns 0 or -1 after a diagnostic.
 */
int	import_csv_read(const char *file, int latin1, size_t max,
	    imp_row_fn fn, void *arg, struct diag_list *dl);

/* ---- CRM mappers ------------------------------------------------ */

/*
 * Read one export file of crm (recognised by its header row or JSON
 * shape) into set.  0, or -1 after a diagnostic.
 */
int	import_hubspot_file(struct imp_set *set, const struct imp_map *m,
	    const char *file, int latin1, struct diag_list *dl);
int	import_salesforce_file(struct imp_set *set, const struct imp_map *m,
	    const char *file, int latin1, struct diag_list *dl);
/* HubSpot CRM v3 JSON (import_json.c). */
int	import_json_file(struct imp_set *set, const struct imp_map *m,
	    const char *file, struct diag_list *dl);

/* ---- rows of a CSV export (import_row.c) ------------------------ */

/* The logical columns; their names per CRM are in schemas/import.yml. */
enum imp_col {
	IMP_C_DEAL_ID, IMP_C_DEAL_NAME, IMP_C_CLIENT, IMP_C_STAGE, IMP_C_WON,
	IMP_C_CLOSE, IMP_C_OWNER, IMP_C_OWNER_EMAIL, IMP_C_AMOUNT,
	IMP_C_CURRENCY, IMP_C_CONTACTS, IMP_C_CONTACT_ID, IMP_C_FIRST,
	IMP_C_LAST, IMP_C_EMAIL, IMP_C_TITLE, IMP_C_DEALS, IMP_C_LINK_DEAL,
	IMP_C_LINK_CONTACT, IMP_C_ROLE, IMP_C_PRIMARY, IMP_C__MAX
};

/* One CSV export being read: its kind is decided by the header row. */
enum imp_kind {
	IMP_K_NONE, IMP_K_DEALS, IMP_K_CONTACTS, IMP_K_ROLES, IMP_K_REPORT
};

struct imp_csv {
	struct imp_set		*set;
	const struct imp_map	*map;
	enum imp_crm		 crm;
	const char		*file;
	struct diag_list	*dl;
	enum imp_kind		 kind;
	int			 col[IMP_C__MAX];	/* index or -1 */
	char			**hdr;			/* copies */
	size_t			 nhdr;
	int			 footer;		/* report footer seen */
	int			 err;
};

/* Find every logical column in the header row (copied). 0 or -1. */
int	import_row_header(struct imp_csv *c, const struct imp_row *row);
/* Trim every cell of row in place (the reader's row is ours). 0/-1. */
int	import_row_trim(struct imp_row *row);
/* True when all of cols (ending in -1) are present. */
int	import_row_has(const struct imp_csv *c, const int *cols);
/* Report the first of cols (ending in -1) missing; -1. */
int	import_row_missing(struct imp_csv *c, const int *cols,
	    const char *what);
/* The trimmed cell of column col in row ("" when absent), borrowed. */
const char *import_row_cell(const struct imp_csv *c,
	    const struct imp_row *row, enum imp_col col);
/* A deal from the row's deal columns; 0 or -1 after a diagnostic. */
int	import_row_deal(struct imp_csv *c, const struct imp_row *row,
	    struct imp_deal **out);
/* A contact from the row's contact columns (a repeat is merged). */
int	import_row_contact(struct imp_csv *c, const struct imp_row *row,
	    const char *id, struct imp_contact **out);
/* A role cell mapped; NULL (and a diagnostic) when unknown. */
const char *import_row_role(struct imp_csv *c, unsigned line,
	    const char *role, int *primary);
void	import_row_dispose(struct imp_csv *c);
/* A row with more cells than the header: reported (a cell with a comma
 * not quoted), -1; 0 when it fits. */
int	import_row_fits(struct imp_csv *c, const struct imp_row *row);
/* Read the CSV export file of crm into set, calling fn per row with the
 * imp_csv as its argument; an export with no header is an error.  0 or
 * -1 after a diagnostic. */
int	import_row_read(struct imp_set *set, const struct imp_map *m,
	    enum imp_crm crm, const char *file, int latin1, imp_row_fn fn,
	    struct diag_list *dl);

/* ---- the set ---------------------------------------------------- */

void	import_set_init(struct imp_set *s);
void	import_set_dispose(struct imp_set *s);
/* A new deal at the end of s (zeroed, file/line set); NULL: no memory. */
struct imp_deal	*import_set_deal(struct imp_set *s, const char *file,
		    unsigned line);
struct imp_contact *import_set_contact(struct imp_set *s, const char *file,
		    unsigned line);
/* Link deal crm id to a contact id with a role; 0 or -1. */
int	import_set_link(struct imp_set *s, const char *deal,
	    const char *contact, const char *role, int primary,
	    const char *file, unsigned line);
struct imp_deal	*import_set_find_deal(struct imp_set *s, const char *crm_id);
struct imp_contact *import_set_find_contact(const struct imp_set *s,
		    const char *id);
/*
 * Attach pending links, check every link names a known contact, and give
 * each deal to import its slug id (unique; two deals with one id is an
 * error).  0 or -1 after diagnostics.
 */
int	import_set_resolve(struct imp_set *s, const struct imp_map *m,
	    struct diag_list *dl);

/* ---- values (import_value.c) ----------------------------------- */

/* A date cell ('2026-11-16', '2026-11-16 14:02', ISO date-time,
 * '11/16/2026', '16.11.2026') as YYYY-MM-DD in out[11]; 0 or -1. */
int	import_value_date(const char *s, char out[11]);
/* An amount cell ('84000', '84000.50') as its digits (malloc'd), or
 * NULL (malformed) with *why set. */
char	*import_value_amount(const char *s, const char **why);
/* "true"/"1"/"yes"/"x" -> 1. */
int	import_value_true(const char *s);
/* A copy of s trimmed of spaces and CR/LF (never NULL on success). */
char	*import_value_trim(const char *s);

/* The stable slug of a client name ('Brandt Maschinenbau GmbH' ->
 * 'brandt-maschinenbau'), malloc'd; NULL when out of memory or when no
 * letter or digit is left (import_slug.c). */
char	*import_slug(const char *client, const struct imp_map *m);

/* ---- files ------------------------------------------------------ */

/* The skeleton (templates/new.md) with client and deal id filled in,
 * ready for import_merge to fill from the CRM (import_merge.c).  0/-1 */
int	import_skeleton(struct buf *out, const char *tmpl, size_t tlen,
	    const char *client, const char *id);

/* What a merge changed. */
struct imp_merge_result {
	int		 changed;	/* the text differs */
	char		 fields[256];	/* "value, signed, 1 new contact" */
	size_t		 nconflict;
};
/*
 * Merge d into the text of an existing deal file (old, len) into out:
 * CRM-owned fields updated where the AE has not changed them since the
 * last import, new contacts appended, everything else kept byte for
 * byte.  Conflicts are warnings in dl (file = path).  fresh: old is
 * the new skeleton, whose values all give way to the CRM's.  0 or -1.
 */
int	import_merge(struct buf *out, struct imp_merge_result *res,
	    const char *path, const char *old, size_t len,
	    const struct imp_deal *d, const struct imp_set *s,
	    const struct imp_map *m, enum imp_crm crm, int fresh,
	    struct diag_list *dl);
/* The crm_id: of a deal file's text, malloc'd, or NULL. */
char	*import_merge_crm_id(const char *text, size_t len);

/* CRM values as written to a file (shared by render and merge). */
struct imp_fields {
	char	*v[8];		/* by IMP_F_* */
};
enum {
	IMP_F_CLIENT, IMP_F_STAGE, IMP_F_SIGNED, IMP_F_AE, IMP_F_VALUE,
	IMP_F_CRM, IMP_F_CRM_ID, IMP_F__MAX
};
/* The front matter keys in file order, by IMP_F_*. */
extern const char *const import_field_keys[IMP_F__MAX];
int	import_fields_of(struct imp_fields *f, const struct imp_deal *d,
	    const struct imp_map *m, enum imp_crm crm);
void	import_fields_dispose(struct imp_fields *f);

#endif
