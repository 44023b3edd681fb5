/* SPDX-License-Identifier: MIT */
/*
 * rules.h: the table of every diagnostic handoff can emit.  A rule has a
 * stable id (user interface: never rename one), a severity and a hint.
 * Call sites name the rule; severity and hint come from here, so two call
 * sites cannot disagree about them.
 */
#ifndef HANDOFF_RULES_H
#define HANDOFF_RULES_H

enum sev {
	SEV_NOTE,
	SEV_WARNING,
	SEV_ERROR,	/* invalid input: exit 1 */
	SEV_SYSTEM	/* usage or system failure: exit 2 */
};

enum rule_id {
	/* reading the file */
	RULE_IO,		/* cannot read or write a file */
	RULE_EMPTY_FILE,
	RULE_FILE_TOO_LARGE,
	RULE_BINARY,
	RULE_ENCODING,		/* invalid UTF-8 */
	RULE_NESTING,		/* nesting deeper than the limit */
	RULE_TABLE_TOO_LARGE,
	RULE_FRONT_MATTER,	/* missing or unclosed front matter */
	RULE_YAML_SYNTAX,
	RULE_YAML_DUPLICATE,
	RULE_YAML_ALIAS,
	RULE_XML_SYNTAX,
	RULE_XML_DOCTYPE,
	RULE_XML_UNKNOWN,	/* element handoff does not know */
	RULE_UNKNOWN_FORMAT,	/* neither .md nor .xml */
	/* shape of the Markdown */
	RULE_UNKNOWN_KEY,
	RULE_UNKNOWN_SECTION,
	RULE_SECTION_SPELLING,	/* a typo of a known heading, read as it */
	RULE_UNKNOWN_COLUMN,
	RULE_COLUMN_SPELLING,	/* a typo of a known column, read as it */
	RULE_DUPLICATE_SECTION,
	RULE_STRAY_CONTENT,	/* text where a table or list was expected */
	RULE_TABLE_COLUMNS,	/* a record table misses its key column */
	/* types */
	RULE_SCHEMA,		/* XSD: a value of the wrong type or shape */
	RULE_INVALID_DATE,
	RULE_DATE_ANCHOR,	/* 'by go-live' before go-live is known */
	RULE_INVALID_EMAIL,
	RULE_INVALID_VALUE,	/* not one of an enumeration */
	RULE_DEAL_ID,
	RULE_PERSON_FORMAT,	/* ae/csm not 'Name <email>' */
	RULE_MONEY_FORMAT,
	RULE_COMMITMENT_FORMAT,	/* who can mean two people of the deal */
	/* required fields and stage gates */
	RULE_REQUIRED_FIELD,
	RULE_DRAFT_MISSING,
	RULE_RECOMMENDED_FIELD,
	RULE_PLACEHOLDER,
	RULE_PLAYBOOK_FIELD,
	RULE_STAKEHOLDER_EMAIL,
	RULE_ECONOMIC_BUYER,
	RULE_PRIMARY_CONTACT,
	RULE_CHAMPION,
	RULE_METRIC_TARGET,
	RULE_REVIEW_REASON,
	RULE_COMPLETENESS,
	RULE_OVERDUE,
	RULE_DEADLINE,		/* note: when the handoff is due */
	RULE_DERIVED,		/* note: a value handoff worked out */
	RULE_NOT_CANONICAL,	/* note: 'handoff fmt' would rewrite the file */
	/* configuration, schema, templates */
	RULE_CONFIG,
	RULE_COMPANY_PLACEHOLDER,	/* company: Our company */
	RULE_HOLIDAYS_EMPTY,	/* holidays: [] */
	RULE_SCHEMA_FILE,
	RULE_PLAYBOOK_FILE,
	RULE_TEMPLATE_SYNTAX,
	RULE_TEMPLATE_FIELD,
	RULE_TEMPLATE_AUDIENCE,
	RULE_TEMPLATE_PARTIAL,
	RULE_TEMPLATE_DEPTH,
	/* output */
	RULE_HEADER_INJECTION,
	RULE_OUTPUT,
	/* versioning */
	RULE_GIT,
	RULE_XML_ROOT,		/* document element is not <handoff> */
	RULE_TRANSCRIPT,	/* a call transcript that cannot be read */
	RULE__MAX
};

struct rule {
	const char	*id;	/* stable, lowercase with hyphens */
	enum sev	 sev;
	const char	*hint;	/* shown as 'note:' unless a field hint is given */
};

/* The rule for an id; never NULL for a valid enum value. */
const struct rule	*rule_get(enum rule_id id);
/* Find a rule by its id string; -1 when there is none. */
int			 rule_find(const char *id);
/* "note", "warning", "error" */
const char		*rule_sev_name(enum sev sev);

#endif
