/* SPDX-License-Identifier: MIT */
/*
 * schema.h: the required-field schema.  Loads schemas/handoff.xsd (the
 * team's copy, or the default compiled into the binary), compiles it for
 * XSD validation, and reads our annotations on each xs:element: h:level,
 * h:audience, h:label and h:hint (namespace urn:x-handoff:schema:1).
 * Playbooks (schemas/playbooks/NAME.yml, read by schema_playbook.c) add
 * fields per industry or segment.
 */
#ifndef HANDOFF_SCHEMA_H
#define HANDOFF_SCHEMA_H

#include <dirent.h>
#include <stddef.h>

#include <libxml/xmlschemas.h>

struct diag_list;

#define SCHEMA_ANNOT_NS	"urn:x-handoff:schema:1"

enum level {
	LEVEL_OPTIONAL,
	LEVEL_RECOMMENDED,
	LEVEL_REQUIRED
};

enum audience {
	AUDIENCE_SHAREABLE,
	AUDIENCE_INTERNAL
};

struct field {
	char		*path;		/* "deal/client", "relationships/stakeholder/email" */
	char		*name;		/* the element's local name: "email" */
	char		*label;		/* "e-mail"; the name when no h:label */
	char		*hint;		/* may be NULL */
	enum level	 level;
	enum audience	 audience;	/* effective: internal when any ancestor is */
	int		 repeated;	/* maxOccurs > 1 */
	int		 record;	/* inside a repeated element (a table row) */
	int		 leaf;		/* simple content (no element children) */
	const struct field *parent;	/* enclosing field, or NULL */
	char		*type;		/* the XSD type name ("xs:date", "email", "block"), or NULL */
	unsigned	 line;		/* of the xs:element in the .xsd */
};

/* What a playbook asks for (schemas/playbooks/NAME.yml). */
enum pb_kind {
	PB_FIELD,	/* a schema field, by path: raises its level */
	PB_SECTION,	/* a section the author adds: '# Title' or '## Title' */
	PB_ROLE		/* at least one stakeholder with this role */
};

struct pb_rule {
	enum pb_kind	 kind;
	char		*target;	/* path, section title or role */
	enum level	 level;
	enum audience	 audience;	/* for sections */
	char		*hint;		/* may be NULL */
	unsigned	 line;		/* in the playbook file */
};

struct playbook {
	char		*file;		/* path shown in diagnostics */
	char		*stem;		/* of the file name: what a team file overrides */
	char		*name;		/* "healthcare" (name:, else the stem) */
	int		 builtin;	/* compiled in, not a file of the team's */
	int		 overrides;	/* a team file in place of a built-in one */
	char		*industry;	/* selects it; NULL: any */
	char		*segment;	/* selects it; NULL: any */
	struct pb_rule	*rules;
	size_t		 nrules;
};

struct schema {
	char		*file;		/* the .xsd read, or "<built-in>" */
	xmlDocPtr	 doc;		/* the schema document */
	xmlSchemaPtr	 xsd;		/* compiled, for validation */
	struct field	*fields;	/* in document order */
	size_t		 nfields;
	struct playbook	*playbooks;
	size_t		 nplaybooks;
};

/*
 * Load the schema from dir/handoff.xsd and the playbooks from
 * dir/playbooks/, each falling back to the built-in default when dir is
 * NULL or the file does not exist.  Problems go to dl; NULL on failure.
 * Free with schema_free().
 */
struct schema	*schema_load(const char *dir, struct diag_list *dl);
/*
 * The same, with the built-in playbooks left out when builtin_playbooks
 * is 0 (handoff.yml 'playbooks: { builtin: false }').  A team playbook
 * (dir/playbooks/NAME.yml) adds to the built-in ones, or replaces the one
 * with the same NAME.
 */
struct schema	*schema_load_team(const char *dir, int builtin_playbooks,
		    struct diag_list *dl);
void		 schema_free(struct schema *s);

/* schema_playbook.c: read the playbooks into s (for schema_load_team). */
int		 schema_playbooks_load(struct schema *s, const char *dir,
		    int builtin, struct diag_list *dl);
void		 schema_playbook_dispose(struct playbook *pb);
/* True when a file name is a playbook's: NAME.yml, not hidden. */
int		 schema_playbook_file(const char *name);
/* The playbook file names in the open folder d (a DIR *), sorted, into
 * names (free() each); their count, or -1 out of memory. */
long		 schema_playbook_names(DIR *d, char **names, size_t max);
/*
 * The playbooks a deal of this industry and segment (either may be NULL
 * or empty) selects, at most max of them into out, in load order.
 */
size_t		 schema_playbooks_select(const struct schema *s,
		    const char *industry, const char *segment,
		    const struct playbook **out, size_t max);

/* The field with this path ("deal/client"), or NULL. */
const struct field *schema_field(const struct schema *s, const char *path);
/* The field whose path is closest to a mistyped one ("deal/go_live" ->
 * deal/go-live), for "did you mean"; NULL when none is close. */
const struct field *schema_field_near(const struct schema *s,
		    const char *path);
/* The field an element of the canonical tree is an instance of, or NULL
 * (computed from the element's ancestor names). */
const struct field *schema_field_of(const struct schema *s,
		    const void *xml_node);
/* "required", "recommended", "optional". */
const char	*schema_level_name(enum level l);

#endif
