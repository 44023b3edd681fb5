/* SPDX-License-Identifier: MIT */
/*
 * rules.c: the rule table (see rules.h).  Ids are user interface: retire
 * one if you must, never rename it.  Every rule has a hint.
 */
#include <string.h>

#include "rules.h"

static const struct rule rules[RULE__MAX] = {
	[RULE_IO] = { "io", SEV_SYSTEM,
	    "check that the file exists and is readable" },
	[RULE_EMPTY_FILE] = { "empty-file", SEV_ERROR,
	    "start from 'handoff new DEAL'" },
	[RULE_FILE_TOO_LARGE] = { "file-too-large", SEV_ERROR,
	    "a handoff is a few pages; the limit is limits.max_file_size in handoff.yml" },
	[RULE_BINARY] = { "binary-file", SEV_ERROR,
	    "a handoff is a Markdown or XML text file" },
	[RULE_ENCODING] = { "encoding", SEV_ERROR,
	    "save the file as UTF-8" },
	[RULE_NESTING] = { "nesting-too-deep", SEV_ERROR,
	    "the limit is limits.max_depth in handoff.yml" },
	[RULE_TABLE_TOO_LARGE] = { "table-too-large", SEV_ERROR,
	    "the limits are limits.max_table_rows and limits.max_table_cols in handoff.yml" },
	[RULE_FRONT_MATTER] = { "front-matter", SEV_ERROR,
	    "start the file with '---', the deal fields, and a closing '---'" },
	[RULE_YAML_SYNTAX] = { "yaml-syntax", SEV_ERROR,
	    "front matter is 'key: value' lines" },
	[RULE_YAML_DUPLICATE] = { "yaml-duplicate-key", SEV_ERROR,
	    "give each key once" },
	[RULE_YAML_ALIAS] = { "yaml-alias", SEV_ERROR,
	    "YAML anchors and aliases are not allowed; write the value out" },
	[RULE_XML_SYNTAX] = { "xml-syntax", SEV_ERROR,
	    "the file must be well-formed XML in UTF-8" },
	[RULE_XML_DOCTYPE] = { "xml-doctype", SEV_ERROR,
	    "remove the <!DOCTYPE>: handoffs need no DTD and entities are not expanded" },
	[RULE_XML_UNKNOWN] = { "xml-unknown-element", SEV_WARNING,
	    "put notes in an <extra heading=\"...\"> section" },
	[RULE_UNKNOWN_FORMAT] = { "unknown-format", SEV_SYSTEM,
	    "name the file .md or .xml" },
	[RULE_UNKNOWN_KEY] = { "unknown-key", SEV_WARNING,
	    "it is kept; known keys are client, deal, segment, industry, stage, signed, ae, csm, value, term, start, go_live, renewal, crm, proposal, recordings, client_summary" },
	[RULE_UNKNOWN_SECTION] = { "unknown-section", SEV_WARNING,
	    "it is kept as notes; known sections are Context, Relationships, Goals, Risks, Client DNA, Process" },
	[RULE_SECTION_SPELLING] = { "section-spelling", SEV_WARNING,
	    "'handoff fmt' writes the heading as handoff spells it" },
	[RULE_UNKNOWN_COLUMN] = { "unknown-column", SEV_WARNING,
	    "it is kept; check the spelling of the column name" },
	[RULE_COLUMN_SPELLING] = { "column-spelling", SEV_WARNING,
	    "'handoff fmt' writes the column name as handoff spells it" },
	[RULE_DUPLICATE_SECTION] = { "duplicate-section", SEV_ERROR,
	    "merge the two sections into one" },
	[RULE_STRAY_CONTENT] = { "stray-content", SEV_WARNING,
	    "it is kept as notes, not read as a field" },
	[RULE_TABLE_COLUMNS] = { "table-columns", SEV_ERROR,
	    "the table needs its first column (Name, Metric, Risk or Objection)" },
	[RULE_SCHEMA] = { "schema", SEV_ERROR,
	    "see schemas/handoff.xsd" },
	[RULE_INVALID_DATE] = { "invalid-date", SEV_ERROR,
	    "dates are YYYY-MM-DD and must exist in the calendar" },
	[RULE_DATE_ANCHOR] = { "date-anchor", SEV_WARNING,
	    "the date counts from a deal date that is not known yet: add that date" },
	[RULE_INVALID_EMAIL] = { "invalid-email", SEV_ERROR,
	    "write it as name@company.com" },
	[RULE_INVALID_VALUE] = { "invalid-value", SEV_ERROR,
	    "use one of the listed values" },
	[RULE_DEAL_ID] = { "deal-id", SEV_ERROR,
	    "lowercase letters, digits and single dashes, e.g. 'acme-logistics'" },
	[RULE_PERSON_FORMAT] = { "person-format", SEV_ERROR,
	    "write it as 'Full Name <name@company.com>'" },
	[RULE_MONEY_FORMAT] = { "value-format", SEV_ERROR,
	    "write it as amount, currency and period, e.g. '180000 USD/year'" },
	[RULE_COMMITMENT_FORMAT] = { "commitment-format", SEV_WARNING,
	    "write who promised it as the person's full name" },
	[RULE_REQUIRED_FIELD] = { "required-field", SEV_ERROR,
	    "a signed deal needs every required field" },
	[RULE_DRAFT_MISSING] = { "draft-missing", SEV_WARNING,
	    "required once the deal is signed" },
	[RULE_RECOMMENDED_FIELD] = { "recommended-field", SEV_WARNING,
	    "recommended: it counts toward completeness" },
	[RULE_PLACEHOLDER] = { "placeholder", SEV_ERROR,
	    "a placeholder does not fill a field; write the real value or leave it empty" },
	[RULE_PLAYBOOK_FIELD] = { "playbook-field", SEV_ERROR,
	    "a playbook for the deal's industry or segment asks for it "
	    "('handoff check --verbose' lists them)" },
	[RULE_STAKEHOLDER_EMAIL] = { "stakeholder-email", SEV_WARNING,
	    "add their e-mail in the Email column" },
	[RULE_ECONOMIC_BUYER] = { "economic-buyer", SEV_ERROR,
	    "mark who signs the budget with 'Economic buyer' in the Role column" },
	[RULE_PRIMARY_CONTACT] = { "primary-contact", SEV_ERROR,
	    "add the word 'primary' to the Role of the CSM's main contact" },
	[RULE_CHAMPION] = { "champion", SEV_ERROR,
	    "mark a champion in the Role or Stance column, or add a risk 'no champion'" },
	[RULE_METRIC_TARGET] = { "metric-target", SEV_ERROR,
	    "a signed deal needs at least one success metric with a target and a date" },
	[RULE_REVIEW_REASON] = { "review-reason", SEV_ERROR,
	    "a rejection needs 'reason: CODE' and a sentence" },
	[RULE_COMPLETENESS] = { "completeness", SEV_ERROR,
	    "a pre-close handoff must reach the threshold (completeness.pre_close in handoff.yml)" },
	[RULE_OVERDUE] = { "overdue", SEV_ERROR,
	    "the handoff package is due by the end of the second business day after signature" },
	[RULE_DERIVED] = { "derived", SEV_NOTE,
	    "write the value yourself to override it" },
	[RULE_NOT_CANONICAL] = { "fmt", SEV_NOTE,
	    "the file reads as it is; fmt only makes it look like every other handoff" },
	[RULE_DEADLINE] = { "summary", SEV_NOTE,
	    "the handoff package is due by the end of the second business day after signature" },
	[RULE_CONFIG] = { "config", SEV_ERROR,
	    "see the comments in handoff.yml from 'handoff init'" },
	[RULE_COMPANY_PLACEHOLDER] = { "company-placeholder", SEV_WARNING,
	    "write your company's name in handoff.yml ('company: Acme Corp'); "
	    "'handoff build' writes no client e-mail until then" },
	[RULE_HOLIDAYS_EMPTY] = { "holidays-empty", SEV_WARNING,
	    "list your public holidays under 'holidays:' in handoff.yml "
	    "('handoff init --holidays DE|US|GB|FR' fills them)" },
	[RULE_SCHEMA_FILE] = { "schema-file", SEV_ERROR,
	    "schemas/handoff.xsd must be a valid XML Schema" },
	[RULE_PLAYBOOK_FILE] = { "playbook-file", SEV_ERROR,
	    "see schemas/playbooks/README.md" },
	[RULE_TEMPLATE_SYNTAX] = { "template-syntax", SEV_ERROR,
	    "templates are Mustache: {{field}}, {{#section}}…{{/section}}" },
	[RULE_TEMPLATE_FIELD] = { "template-field", SEV_ERROR,
	    "templates may only name fields of the schema" },
	[RULE_TEMPLATE_AUDIENCE] = { "template-audience", SEV_ERROR,
	    "a client-facing template may not use internal fields" },
	[RULE_TEMPLATE_PARTIAL] = { "template-partial", SEV_ERROR,
	    "partials live next to the template as NAME.mustache" },
	[RULE_TEMPLATE_DEPTH] = { "template-depth", SEV_ERROR,
	    "the limit is limits.max_template_depth in handoff.yml" },
	[RULE_HEADER_INJECTION] = { "header-injection", SEV_ERROR,
	    "a value that goes into an e-mail header must be one line, "
	    "without control characters" },
	[RULE_OUTPUT] = { "output", SEV_SYSTEM,
	    "check that the output folder is writable" },
	[RULE_GIT] = { "git", SEV_SYSTEM,
	    "run handoff inside a git repository ('handoff init' makes one)" },
	[RULE_XML_ROOT] = { "xml-root", SEV_ERROR,
	    "the document element is <handoff xmlns=\"urn:x-handoff:1\" version=\"1\">" },
	[RULE_TRANSCRIPT] = { "transcript", SEV_ERROR,
	    "formats read: WebVTT (Zoom, Teams), SRT, Otter.ai text, "
	    "Google Meet text, Gong JSON" },
};

const struct rule *
rule_get(enum rule_id id)
{
	return &rules[id];
}

int
rule_find(const char *id)
{
	int	 i;

	for (i = 0; i < RULE__MAX; i++)
		if (rules[i].id != NULL && strcmp(rules[i].id, id) == 0)
			return i;
	return -1;
}

const char *
rule_sev_name(enum sev sev)
{
	switch (sev) {
	case SEV_NOTE:
		return "note";
	case SEV_WARNING:
		return "warning";
	case SEV_ERROR:
		return "error";
	case SEV_SYSTEM:
		return "error";
	}
	return "error";
}
