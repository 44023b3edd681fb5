/* SPDX-License-Identifier: MIT */
/*
 * validate.c: check one canonical tree.  Phases, in order:
 *   1. XSD: shape and types (dates, e-mails, enumerations), with libxml2's
 *      messages turned into ours and placed on the source line;
 *   2. placeholders ("TBD", "N/A", …) anywhere a value is expected;
 *   3. field levels from the schema (raised by playbooks and the config),
 *      per stage, which also gives completeness;
 *   4. the table of stage gates (economic buyer, primary contact, …);
 *   5. playbook sections and roles, unknown sections;
 *   6. the pre-close threshold and the 48 h deadline.
 * It reads the tree and writes diagnostics; it never prints.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlschemas.h>

#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "schema.h"
#include "timeline.h"
#include "validate.h"

/* What the checks share while validating one deal. */
struct vstate {
	const struct model	*m;
	const struct schema	*s;
	const struct config	*c;
	struct diag_list	*dl;
	struct verdict		*v;
	enum level		*level;		/* effective level per field */
	const struct playbook	*pbs[16];	/* the playbooks that apply */
	size_t			 npbs;
	const xmlNode		*xsd_bad[64];	/* nodes the XSD reported */
	size_t			 nxsd_bad;
	int			 missing_required;
};

/* ===== placeholders ====================================================== */

static const char *const placeholders[] = {
	"n/a", "na", "n.a.", "tbd", "tba", "tbc", "todo", "to do", "fixme",
	"xxx", "?", "??", "???", "-", "--", "---", "...", "…", "none yet",
	"see crm", "see salesforce", "see hubspot", "see notes", "see above",
	"see below", "see doc", "ask me", "ask ae", "lorem ipsum", "unknown",
	"tk", "placeholder", "fill in", "fill me", "later", "pending", "wip",
	"not sure", "idk", "same as above", "various", "etc", "etc.",
	"insert here", "changeme", "example", "dummy", "test",
};

int
validate_is_placeholder(const char *text)
{
	char		 buf[64];
	const char	*p, *e;
	size_t		 i, len;

	if (text == NULL)
		return 0;
	for (p = text; *p != '\0' && (isspace((unsigned char)*p) ||
	    *p == '*' || *p == '_' || *p == '[' || *p == '(' || *p == '<'); p++)
		continue;
	e = p + strlen(p);
	while (e > p && (isspace((unsigned char)e[-1]) || e[-1] == '*' ||
	    e[-1] == '_' || e[-1] == ']' || e[-1] == ')' || e[-1] == '>' ||
	    e[-1] == '!' || e[-1] == ':'))
		e--;
	/* Anything "lorem ipsum …" is filler however long it is. */
	if ((size_t)(e - p) >= 11 && strncasecmp(p, "lorem ipsum", 11) == 0)
		return 1;
	if (e == p)
		return *text != '\0';	/* only punctuation: "**", "()" */
	len = (size_t)(e - p);
	if (len >= sizeof(buf))
		return 0;
	for (i = 0; i < len; i++)
		buf[i] = (char)tolower((unsigned char)p[i]);
	buf[len] = '\0';
	while (len > 0 && buf[len - 1] == '.' && strcmp(buf, "...") != 0 &&
	    strcmp(buf, "n.a.") != 0)
		buf[--len] = '\0';
	for (i = 0; i < sizeof(placeholders) / sizeof(placeholders[0]); i++)
		if (strcmp(buf, placeholders[i]) == 0)
			return 1;
	return 0;
}

const char *
validate_stage_name(enum stage s)
{
	return s == STAGE_SIGNED ? "signed" :
	    s == STAGE_PRE_CLOSE ? "pre-close" : "no stage";
}

/* ===== helpers =========================================================== */

static int
is_signed(const struct vstate *st)
{
	return st->v->stage == STAGE_SIGNED;
}

/* Severity of a gate: an error once signed, a warning on a draft. */
static enum sev
gate_sev(const struct vstate *st)
{
	return is_signed(st) ? SEV_ERROR : SEV_WARNING;
}

/* Any text below n that is a placeholder?  (Leaves and block items.) */
static int
has_placeholder(const xmlNode *n)
{
	const xmlNode	*c;

	if (n == NULL)
		return 0;
	if (model_first(n) == NULL)
		return validate_is_placeholder(model_text(n));
	for (c = model_first(n); c != NULL; c = model_next_elem(c))
		if (has_placeholder(c))
			return 1;
	return 0;
}

/*
 * Is the field at n filled?  Present, with text, and not only
 * placeholders.  An explicit "None" (none="true") fills commitments and
 * risks.
 */
static int
is_filled(const xmlNode *n)
{
	const char	*none;
	const xmlNode	*c;
	int		 real = 0;

	if (n == NULL)
		return 0;
	if ((none = model_attr(n, "none")) != NULL && strcmp(none, "true") == 0)
		return 1;
	if (model_first(n) == NULL)
		return model_has_text(n) && !validate_is_placeholder(model_text(n));
	for (c = model_first(n); c != NULL; c = model_next_elem(c))
		if (is_filled(c))
			real = 1;
	return real;
}

/* Was this node already reported by the XSD (then don't pile on)? */
static int
xsd_reported(const struct vstate *st, const xmlNode *n)
{
	size_t	 i;

	for (i = 0; i < st->nxsd_bad; i++)
		if (st->xsd_bad[i] == n)
			return 1;
	return 0;
}

/* ===== 1. XSD ============================================================ */

/* Turn libxml2's "Element '{ns}x': …" message into one of ours. */
static void
xsd_on_error(void *arg, xmlErrorPtr e)
{
	struct vstate		*st = arg;
	const xmlNode		*n = e->node;
	const struct field	*f;
	const char		*msg = e->message ? e->message : "invalid";
	const char		*label, *val, *set;
	char			 clean[400];
	size_t			 i, j, len;

	if (n == NULL || n->type != XML_ELEMENT_NODE) {
		diag_add(st->dl, diag_pos_line(st->m->file, (unsigned)e->line),
		    RULE_SCHEMA, "%.300s", msg);
		return;
	}
	/* A placeholder is reported as one, below, not as a bad type. */
	if (xsd_reported(st, n) || validate_is_placeholder(model_text(n)))
		return;
	if (st->nxsd_bad < sizeof(st->xsd_bad) / sizeof(st->xsd_bad[0]))
		st->xsd_bad[st->nxsd_bad++] = n;
	f = schema_field_of(st->s, n);
	label = f ? f->label : (const char *)n->name;
	val = model_text(n);
	if (strstr(msg, "'xs:date'") != NULL || strstr(msg, "xs:date") != NULL)
		diag_add_hint(st->dl, model_pos(st->m, n), RULE_INVALID_DATE,
		    NULL, "%s: '%.80s' is not a valid date", label, val);
	else if (strstr(msg, "'email'") != NULL ||
	    strstr(msg, "}email'") != NULL || (strstr(msg, "[facet 'pattern']") &&
	    strcmp(model_name(n), "email") == 0))
		diag_add(st->dl, model_pos(st->m, n), RULE_INVALID_EMAIL,
		    "%s: '%.80s' is not an e-mail address", label, val);
	else if (strstr(msg, "deal-id'") != NULL ||
	    (strstr(msg, "[facet 'pattern']") && strcmp(model_name(n), "id") == 0))
		diag_add(st->dl, model_pos(st->m, n), RULE_DEAL_ID,
		    "deal id '%.80s' is not lowercase letters, digits and dashes",
		    val);
	else if ((set = strstr(msg, "not an element of the set {")) != NULL) {
		set += strlen("not an element of the set {");
		len = strcspn(set, "}");
		if (len >= sizeof(clean))
			len = sizeof(clean) - 1;
		/* "'a', 'b'" -> "a, b" */
		for (i = 0, j = 0; i < len; i++)
			if (set[i] != '\'')
				clean[j++] = set[i];
		clean[j] = '\0';
		diag_add_hint(st->dl, model_pos(st->m, n), RULE_INVALID_VALUE,
		    f ? f->hint : NULL, "%s: '%.80s' is not one of: %s", label,
		    val, clean);
	} else if (strstr(msg, "url'") != NULL || (strstr(msg,
	    "[facet 'pattern']") != NULL && f != NULL && f->type != NULL &&
	    strcmp(f->type, "url") == 0))
		diag_add(st->dl, model_pos(st->m, n), RULE_SCHEMA,
		    "%s: '%.80s' is not a link (http:// or https://)", label, val);
	else if (strstr(msg, "[facet 'pattern']") != NULL)
		diag_add_hint(st->dl, model_pos(st->m, n), RULE_SCHEMA,
		    f ? f->hint : NULL, "%s: '%.80s' is not in the expected form",
		    label, val);
	else {
		/* Strip "Element '{urn:x-handoff:1}x': " for readability. */
		const char *p = strstr(msg, "}");
		const char *q = p ? strstr(p, "': ") : NULL;

		snprintf(clean, sizeof(clean), "%s", q ? q + 3 : msg);
		len = strlen(clean);
		while (len > 0 && (clean[len - 1] == '\n' || clean[len - 1] == '.'))
			clean[--len] = '\0';
		diag_add(st->dl, model_pos(st->m, n), RULE_SCHEMA,
		    "%s: %s", label, clean);
	}
}

static int
validate_xsd(struct vstate *st)
{
	xmlSchemaValidCtxtPtr	 vc;

	if (st->s->xsd == NULL)
		return 0;
	if ((vc = xmlSchemaNewValidCtxt(st->s->xsd)) == NULL)
		return -1;
	xmlSchemaSetValidStructuredErrors(vc, xsd_on_error, st);
	xmlSchemaValidateDoc(vc, st->m->doc);
	xmlSchemaFreeValidCtxt(vc);
	return 0;
}

static void
header_value(struct vstate *st, const xmlNode *n)
{
	const struct field	*f;

	if (n == NULL || strpbrk(model_text(n), "\r\n") == NULL)
		return;
	f = schema_field_of(st->s, n);
	diag_add(st->dl, model_pos(st->m, n), RULE_HEADER_INJECTION,
	    "%s contains a line break", f ? f->label : model_name(n));
}

/* Dates the XSD lets through that are not real days (xs:date allows a
 * time zone, a year 0000…): every date field must be strict YYYY-MM-DD. */
static void
validate_dates(struct vstate *st, const xmlNode *n)
{
	const struct field	*f;
	const xmlNode		*c;
	int			 day;

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		f = schema_field_of(st->s, c);
		if (f != NULL && f->type != NULL &&
		    strcmp(f->type, "xs:date") == 0 && !xsd_reported(st, c) &&
		    date_parse(model_text(c), &day) == -1 &&
		    !validate_is_placeholder(model_text(c)))
			diag_add(st->dl, model_pos(st->m, c), RULE_INVALID_DATE,
			    "%s: '%.80s' is not a valid date", f->label,
			    model_text(c));
		validate_dates(st, c);
	}
}

/* ===== 2. placeholders =================================================== */

static void
validate_placeholders(struct vstate *st, const xmlNode *n)
{
	const struct field	*f;
	const xmlNode		*c;

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		if (model_first(c) != NULL) {
			validate_placeholders(st, c);
			continue;
		}
		if (!validate_is_placeholder(model_text(c)))
			continue;
		/* A block item (<p>, <li>) belongs to its block field. */
		f = schema_field_of(st->s, c);
		if (f == NULL)
			f = schema_field_of(st->s, c->parent);
		diag_add_sev(st->dl, model_pos(st->m, c), RULE_PLACEHOLDER,
		    gate_sev(st), NULL, "'%.40s' is a placeholder, not a value "
		    "for %s", model_text(c), f ? f->label : (const char *)c->name);
	}
}

/* ===== 3. field levels and completeness ================================== */

static void
report_missing(struct vstate *st, const struct field *f, enum level lvl,
    const xmlNode *where, const char *who)
{
	struct srcpos	 pos = model_pos(st->m, where);
	const char	*hint = f->hint;

	if (lvl == LEVEL_REQUIRED) {
		st->missing_required++;
		/* Without these the file is not a handoff at any stage. */
		if (is_signed(st) || strcmp(f->path, "deal/id") == 0 ||
		    strcmp(f->path, "deal/stage") == 0 ||
		    strcmp(f->path, "deal/client") == 0)
			diag_add_hint(st->dl, pos, RULE_REQUIRED_FIELD, hint,
			    "%s%s%s is missing", who ? who : "", who ? ": " : "",
			    f->label);
		else
			diag_add_hint(st->dl, pos, RULE_DRAFT_MISSING, hint,
			    "%s%s%s is still empty (required once signed)",
			    who ? who : "", who ? ": " : "", f->label);
	} else
		diag_add_hint(st->dl, pos, RULE_RECOMMENDED_FIELD, hint,
		    "%s%s%s is missing", who ? who : "", who ? ": " : "",
		    f->label);
}

/* The parent path of a field ("relationships/stakeholder/email" ->
 * "relationships/stakeholder"), into buf. */
static void
parent_path(char *buf, size_t sz, const char *path)
{
	const char	*slash = strrchr(path, '/');
	size_t		 n = slash ? (size_t)(slash - path) : 0;

	if (n >= sz)
		n = sz - 1;
	memcpy(buf, path, n);
	buf[n] = '\0';
}

/* The name a record goes by in a message: its name or text child. */
static const char *
record_name(const xmlNode *rec)
{
	const char	*s = model_text(model_child(rec, "name"));

	return *s ? s : model_text(model_child(rec, "text"));
}

/* A top-level field (not inside a table row). */
static void
check_plain_field(struct vstate *st, const struct field *f, enum level lvl)
{
	char		 pp[256];
	const xmlNode	*n, *where;

	n = model_find(st->m, f->path);
	st->v->total++;
	if (n != NULL && f->repeated) {
		for (; n != NULL; n = model_next(n, f->name))
			if (is_filled(n))
				break;
	}
	if (is_filled(n)) {
		st->v->filled += 1.0;
		return;
	}
	parent_path(pp, sizeof(pp), f->path);
	where = n != NULL ? n : *pp ? model_find(st->m, pp) : NULL;
	if (where == NULL)
		where = model_root(st->m);
	if (n == NULL || !has_placeholder(n))
		report_missing(st, f, lvl, where, NULL);
	else if (lvl == LEVEL_REQUIRED)
		st->missing_required++;	/* the placeholder said so already */
}

/* Does the container of the records at path say "none" explicitly? */
static int
says_none(const struct vstate *st, const char *path)
{
	char		 cp[256];
	const char	*none;

	parent_path(cp, sizeof(cp), path);
	none = model_attr(*cp ? model_find(st->m, cp) : NULL, "none");
	return none != NULL && strcmp(none, "true") == 0;
}

/*
 * A field inside a table row (stakeholder e-mail, metric target): counts
 * as the share of rows that have it.  Required ones are reported per row,
 * recommended ones once with a count.
 */
static void
check_record_field(struct vstate *st, const struct field *f, enum level lvl)
{
	char		 pp[256];
	const char	*rname;
	const xmlNode	*rec, *first_missing = NULL;
	size_t		 rows = 0, have = 0;

	parent_path(pp, sizeof(pp), f->path);
	rname = strrchr(pp, '/') ? strrchr(pp, '/') + 1 : pp;
	/* "None identified" risks, "None" commitments: no rows to fill. */
	if (model_find(st->m, pp) == NULL && says_none(st, pp))
		return;
	st->v->total++;
	for (rec = model_find(st->m, pp); rec != NULL; rec = model_next(rec,
	    rname)) {
		const xmlNode *n = model_child(rec, f->name);

		rows++;
		if (is_filled(n)) {
			have++;
			continue;
		}
		if (first_missing == NULL)
			first_missing = rec;
		if (strcmp(f->path, "relationships/stakeholder/email") == 0) {
			if (n == NULL || !has_placeholder(n))
				diag_add_sev(st->dl, model_pos(st->m, rec),
				    RULE_STAKEHOLDER_EMAIL, gate_sev(st), NULL,
				    "stakeholder '%.60s' has no e-mail",
				    record_name(rec));
		} else if (lvl == LEVEL_REQUIRED && (n == NULL ||
		    !has_placeholder(n)))
			report_missing(st, f, lvl, rec, *record_name(rec) ?
			    record_name(rec) : NULL);
		else if (lvl == LEVEL_REQUIRED)
			st->missing_required++;
	}
	if (rows > 0)
		st->v->filled += (double)have / (double)rows;
	if (lvl == LEVEL_RECOMMENDED && first_missing != NULL &&
	    strcmp(f->path, "relationships/stakeholder/email") != 0)
		diag_add_hint(st->dl, model_pos(st->m, first_missing),
		    RULE_RECOMMENDED_FIELD, f->hint, "%zu of %zu %s%s no %s",
		    rows - have, rows, rname, rows == 1 ? " has" : "s have",
		    f->label);
}

/* A level raised by the config's 'required:' list or a playbook. */
static void
raise_levels(struct vstate *st)
{
	const struct field	*f;
	size_t			 i, j;

	for (i = 0; i < st->c->nrequired; i++)
		if ((f = schema_field(st->s, st->c->required[i])) != NULL)
			st->level[f - st->s->fields] = LEVEL_REQUIRED;
	for (i = 0; i < st->npbs; i++)
		for (j = 0; j < st->pbs[i]->nrules; j++) {
			const struct pb_rule *r = &st->pbs[i]->rules[j];

			if (r->kind != PB_FIELD ||
			    (f = schema_field(st->s, r->target)) == NULL)
				continue;
			if (r->level > st->level[f - st->s->fields])
				st->level[f - st->s->fields] = r->level;
		}
}

static void
validate_levels(struct vstate *st)
{
	const struct field	*f;
	size_t			 i;
	enum level		 lvl;
	char			 pp[256];

	for (i = 0; i < st->s->nfields; i++) {
		f = &st->s->fields[i];
		lvl = st->level[i];
		if (lvl == LEVEL_OPTIONAL)
			continue;
		/* Before signature there is no signature date to give. */
		if (!is_signed(st) && strcmp(f->path, "deal/signed") == 0 &&
		    model_find(st->m, f->path) == NULL)
			continue;
		/* A field of an optional group only counts once the group is
		 * there (process/review/by, objections/objection/answer). */
		if (f->parent != NULL && st->level[f->parent - st->s->fields] ==
		    LEVEL_OPTIONAL && !f->record)
			continue;
		if (f->record) {
			parent_path(pp, sizeof(pp), f->path);
			if (f->parent != NULL &&
			    st->level[f->parent - st->s->fields] == LEVEL_OPTIONAL &&
			    model_find(st->m, pp) == NULL)
				continue;
			check_record_field(st, f, lvl);
		} else
			check_plain_field(st, f, lvl);
	}
}

/* ===== 4. stage gates ==================================================== */

static int
has_role(const xmlNode *sh, const char *role)
{
	const xmlNode	*r;

	for (r = model_child(sh, "role"); r != NULL; r = model_next(r, "role"))
		if (strcmp(model_text(r), role) == 0)
			return 1;
	return 0;
}

static int
gate_economic_buyer(const struct vstate *st, const xmlNode *rel)
{
	const xmlNode	*sh;

	for (sh = model_child(rel, "stakeholder"); sh; sh = model_next(sh, "stakeholder"))
		if (has_role(sh, "economic-buyer"))
			return 1;
	return 0;
}

static int
gate_primary(const struct vstate *st, const xmlNode *rel)
{
	const xmlNode	*sh;
	const char	*p;

	for (sh = model_child(rel, "stakeholder"); sh; sh = model_next(sh, "stakeholder"))
		if ((p = model_attr(sh, "primary")) != NULL &&
		    strcmp(p, "true") == 0 && is_filled(model_child(sh, "email")))
			return 1;
	return 0;
}

/* Case-insensitive substring test (strcasestr is not C11 nor POSIX). */
static int
ci_contains(const char *hay, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* A champion, or a risk that says there is none. */
static int
gate_champion(const struct vstate *st, const xmlNode *rel)
{
	const xmlNode	*sh, *r;
	const char	*t;

	for (sh = model_child(rel, "stakeholder"); sh; sh = model_next(sh, "stakeholder"))
		if (has_role(sh, "champion") ||
		    strcmp(model_text(model_child(sh, "stance")), "champion") == 0)
			return 1;
	for (r = model_find(st->m, "risks/risk"); r; r = model_next(r, "risk")) {
		t = model_text(model_child(r, "text"));
		if (ci_contains(t, "no champion") ||
		    ci_contains(t, "without a champion") ||
		    ci_contains(t, "lack of champion"))
			return 1;
	}
	return 0;
}

static int
gate_metric(const struct vstate *st, const xmlNode *rel)
{
	const xmlNode	*g;

	(void)rel;
	for (g = model_find(st->m, "goals/metric"); g; g = model_next(g, "metric"))
		if (is_filled(model_child(g, "target")) &&
		    is_filled(model_child(g, "due")))
			return 1;
	return 0;
}

struct gate {
	enum rule_id	 rule;
	int		(*ok)(const struct vstate *, const xmlNode *);
	const char	*msg;
	const char	*where;		/* element to point at */
};

static const struct gate gates[] = {
	{ RULE_ECONOMIC_BUYER, gate_economic_buyer,
	    "no stakeholder is the economic buyer", "relationships" },
	{ RULE_PRIMARY_CONTACT, gate_primary,
	    "no primary contact with an e-mail", "relationships" },
	{ RULE_CHAMPION, gate_champion,
	    "no champion, and no risk says 'no champion'", "relationships" },
	{ RULE_METRIC_TARGET, gate_metric,
	    "no success metric has both a target and a date", "goals" },
};

/* Are both fields required (per row) at this validation's levels? */
static int
rows_require(const struct vstate *st, const char *a, const char *b)
{
	const struct field	*fa = schema_field(st->s, a);
	const struct field	*fb = schema_field(st->s, b);

	return fa != NULL && fb != NULL &&
	    st->level[fa - st->s->fields] == LEVEL_REQUIRED &&
	    st->level[fb - st->s->fields] == LEVEL_REQUIRED;
}

static void
validate_gates(struct vstate *st)
{
	const xmlNode	*rel = model_find(st->m, "relationships");
	const xmlNode	*where;
	size_t		 i;

	/* Without any stakeholder the required-field message says it all. */
	if (model_child(rel, "stakeholder") == NULL)
		return;
	for (i = 0; i < sizeof(gates) / sizeof(gates[0]); i++) {
		if (gates[i].ok(st, rel))
			continue;
		if (gates[i].rule == RULE_METRIC_TARGET &&
		    (model_find(st->m, "goals/metric") == NULL ||
		    rows_require(st, "goals/metric/target", "goals/metric/due")))
			continue;	/* the rows say what is missing */
		if (is_signed(st))
			st->missing_required++;
		where = model_find(st->m, gates[i].where);
		diag_add_sev(st->dl, model_pos(st->m, where ? where :
		    model_root(st->m)), gates[i].rule, gate_sev(st), NULL,
		    "%s", gates[i].msg);
	}
}

/* A rejection needs its reason code and a sentence. */
static void
validate_review(struct vstate *st)
{
	const xmlNode	*r = model_find(st->m, "process/review");

	if (r == NULL || strcmp(model_text(model_child(r, "decision")),
	    "rejected") != 0)
		return;
	if (!is_filled(model_child(r, "reason")))
		diag_add(st->dl, model_pos(st->m, r), RULE_REVIEW_REASON,
		    "the CS review rejects the handoff but gives no reason code");
	if (!is_filled(model_child(r, "comment")))
		diag_add(st->dl, model_pos(st->m, r), RULE_REVIEW_REASON,
		    "the CS review rejects the handoff but says nothing about why");
}

/* ===== 5. playbooks and unknown sections ================================= */

static int
str_ieq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* The heading an element goes by: an extra's heading, or a pillar's label. */
static const char *
heading_of(const xmlNode *n)
{
	static const char *const pillars[][2] = {
		{ "context", "Context" }, { "relationships", "Relationships" },
		{ "goals", "Goals" }, { "risks", "Risks" },
		{ "client-dna", "Client DNA" }, { "process", "Process" },
	};
	const char	*h;
	size_t		 i;

	if ((h = model_attr(n, "heading")) != NULL)
		return h;
	for (i = 0; i < sizeof(pillars) / sizeof(pillars[0]); i++)
		if (strcmp(model_name(n), pillars[i][0]) == 0)
			return pillars[i][1];
	return "";
}

/*
 * Find the <extra> a playbook section names: 'Title' is any extra with
 * that heading; 'Parent/Title' one whose parent goes by Parent.
 */
static const xmlNode *
find_section(const xmlNode *n, const char *target)
{
	const char	*slash = strchr(target, '/');
	const xmlNode	*c, *hit;
	char		 parent[128];
	size_t		 len;

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		if (strcmp(model_name(c), "extra") == 0 &&
		    model_attr(c, "heading") != NULL) {
			if (slash == NULL && str_ieq(heading_of(c), target))
				return c;
			if (slash != NULL && str_ieq(heading_of(c), slash + 1)) {
				len = (size_t)(slash - target);
				if (len >= sizeof(parent))
					len = sizeof(parent) - 1;
				memcpy(parent, target, len);
				parent[len] = '\0';
				if (str_ieq(heading_of(n), parent))
					return c;
			}
		}
		if (model_first(c) != NULL && (hit = find_section(c, target)))
			return hit;
	}
	return NULL;
}

/* Is this extra (or a section inside it) claimed by a playbook? */
static int
section_claimed(const struct vstate *st, const xmlNode *extra)
{
	const struct pb_rule	*r;
	const char		*h = heading_of(extra), *slash;
	size_t			 i, j, len;

	for (i = 0; i < st->npbs; i++)
		for (j = 0; j < st->pbs[i]->nrules; j++) {
			r = &st->pbs[i]->rules[j];
			if (r->kind != PB_SECTION)
				continue;
			slash = strchr(r->target, '/');
			len = slash ? (size_t)(slash - r->target) : strlen(r->target);
			if (str_ieq(r->target, h) || (slash != NULL &&
			    str_ieq(slash + 1, h)) || (strlen(h) == len &&
			    strncasecmp(r->target, h, len) == 0))
				return 1;
		}
	return 0;
}

/*
 * Text the Markdown front end found where a table was due is kept as
 * "<Section> (notes)" with a stray-content warning of its own.
 */
static int
is_stray_notes(const xmlNode *parent, const xmlNode *extra)
{
	const char	*h = heading_of(extra), *p = heading_of(parent);
	size_t		 n = strlen(p);

	return n > 0 && strncasecmp(h, p, n) == 0 &&
	    strcmp(h + n, " (notes)") == 0;
}

static void
validate_unknown_sections(struct vstate *st, const xmlNode *n)
{
	const xmlNode	*c;

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		if (strcmp(model_name(c), "extra") != 0 ||
		    model_attr(c, "heading") == NULL)
			continue;
		if (section_claimed(st, c))
			validate_unknown_sections(st, c);
		else if (is_stray_notes(n, c))
			continue;	/* the front end warned already */
		else
			diag_add(st->dl, model_pos(st->m, c),
			    RULE_UNKNOWN_SECTION, "unknown section '%.80s'",
			    heading_of(c));
	}
}

static void
validate_pillars_unknown(struct vstate *st)
{
	const xmlNode	*c;

	validate_unknown_sections(st, model_root(st->m));
	for (c = model_first(model_root(st->m)); c != NULL;
	    c = model_next_elem(c))
		if (strcmp(model_name(c), "extra") != 0)
			validate_unknown_sections(st, c);
}

static int
any_role(const struct vstate *st, const char *role)
{
	const xmlNode	*sh;

	for (sh = model_find(st->m, "relationships/stakeholder"); sh;
	    sh = model_next(sh, "stakeholder"))
		if (has_role(sh, role))
			return 1;
	return 0;
}

static void
validate_playbooks(struct vstate *st)
{
	const struct playbook	*pb;
	const struct pb_rule	*r;
	const xmlNode		*where;
	size_t			 i, j;
	int			 ok;
	enum sev		 sev;

	for (i = 0; i < st->npbs; i++) {
		pb = st->pbs[i];
		for (j = 0; j < pb->nrules; j++) {
			r = &pb->rules[j];
			if (r->kind == PB_FIELD)
				continue;	/* counted with the fields */
			st->v->total++;
			ok = r->kind == PB_SECTION ?
			    is_filled(find_section(model_root(st->m), r->target)) :
			    any_role(st, r->target);
			if (ok) {
				st->v->filled += 1.0;
				continue;
			}
			sev = r->level == LEVEL_REQUIRED && is_signed(st) ?
			    SEV_ERROR : SEV_WARNING;
			if (r->level == LEVEL_REQUIRED)
				st->missing_required++;
			where = model_find(st->m, r->kind == PB_ROLE ?
			    "relationships" : "deal");
			diag_add_sev(st->dl, model_pos(st->m, where ? where :
			    model_root(st->m)), RULE_PLAYBOOK_FIELD, sev, r->hint,
			    "the %s playbook %s %s '%s'", pb->name,
			    r->level == LEVEL_REQUIRED ? "requires" : "recommends",
			    r->kind == PB_SECTION ? "a section" : "a stakeholder with role",
			    r->target);
		}
	}
}

static void
select_playbooks(struct vstate *st)
{
	const char		*ind = model_get(st->m, "deal/industry");
	const char		*seg = model_get(st->m, "deal/segment");
	const struct playbook	*pb;
	size_t			 i;

	for (i = 0; i < st->s->nplaybooks; i++) {
		pb = &st->s->playbooks[i];
		if (st->npbs == sizeof(st->pbs) / sizeof(st->pbs[0]))
			break;
		if ((pb->industry != NULL && str_ieq(pb->industry, ind)) ||
		    (pb->segment != NULL && str_ieq(pb->segment, seg)))
			st->pbs[st->npbs++] = pb;
	}
}

/* ===== 6. stage, threshold, deadline ===================================== */

static void
read_stage(struct vstate *st)
{
	const char	*s = model_get(st->m, "deal/stage");

	st->v->stage = strcmp(s, "signed") == 0 ? STAGE_SIGNED :
	    strcmp(s, "pre-close") == 0 ? STAGE_PRE_CLOSE : STAGE_UNKNOWN;
	if (date_parse(model_get(st->m, "deal/signed"), &st->v->signed_day) == -1)
		st->v->signed_day = -1;
	if (st->v->signed_day >= 0)
		st->v->deadline = timeline_add_business_days(st->v->signed_day,
		    st->c->deadline_days, st->c->holidays, st->c->nholidays);
}

static void
validate_deadline(struct vstate *st, int today)
{
	char		 due[11], sig[11];
	const xmlNode	*n = model_find(st->m, "deal/signed");

	if (!is_signed(st) || st->v->deadline < 0 || st->v->complete ||
	    today <= st->v->deadline)
		return;
	st->v->overdue = 1;
	date_format(st->v->deadline, due);
	date_format(st->v->signed_day, sig);
	diag_add(st->dl, model_pos(st->m, n ? n : model_root(st->m)),
	    RULE_OVERDUE, "handoff overdue: signed %s, due by end of %s, "
	    "still incomplete", sig, due);
}

static void
validate_threshold(struct vstate *st)
{
	const xmlNode	*n = model_find(st->m, "deal/stage");

	if (st->v->stage != STAGE_PRE_CLOSE ||
	    st->v->percent >= st->c->pre_close_threshold)
		return;
	diag_add(st->dl, model_pos(st->m, n ? n : model_root(st->m)),
	    RULE_COMPLETENESS, "pre-close handoff is %d%% complete; it needs "
	    "%d%%", st->v->percent, st->c->pre_close_threshold);
}

/* The id is a path below output/: refuse anything else, loudly. */
static void
validate_deal_id(struct vstate *st)
{
	const xmlNode	*n = model_find(st->m, "deal/id");
	const char	*id = model_text(n);

	if (n == NULL || *id == '\0' || xsd_reported(st, n) || fs_deal_id_ok(id))
		return;
	diag_add(st->dl, model_pos(st->m, n), RULE_DEAL_ID,
	    "deal id '%.80s' is not lowercase letters, digits and single dashes",
	    id);
}

/*
 * Values that end up in e-mail headers (names, addresses, the client)
 * must be one line: refuse a CR or LF here already, so that 'check' and
 * the pre-commit hook catch what 'build' would refuse.
 */
static void
validate_header_values(struct vstate *st)
{
	static const char *const paths[] = {
		"deal/client", "deal/ae/name", "deal/ae/email", "deal/csm/name",
		"deal/csm/email",
	};
	const xmlNode	*n, *sh;
	size_t		 i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		header_value(st, model_find(st->m, paths[i]));
	for (sh = model_find(st->m, "relationships/stakeholder"); sh != NULL;
	    sh = model_next(sh, "stakeholder"))
		for (n = model_first(sh); n != NULL; n = model_next_elem(n))
			if (strcmp(model_name(n), "name") == 0 ||
			    strcmp(model_name(n), "email") == 0)
				header_value(st, n);
}

int
validate_model(struct verdict *out, const struct model *m,
    const struct schema *s, const struct config *c, int today,
    struct diag_list *dl)
{
	struct vstate	 st;
	struct diag_list mine;
	size_t		 i;
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	out->signed_day = out->deadline = -1;
	memset(&st, 0, sizeof(st));
	diag_list_init(&mine);
	st.m = m;
	st.s = s;
	st.c = c;
	st.dl = &mine;
	st.v = out;
	if ((st.level = calloc(s->nfields + 1, sizeof(*st.level))) == NULL)
		goto out;
	for (i = 0; i < s->nfields; i++)
		st.level[i] = s->fields[i].level;
	read_stage(&st);
	select_playbooks(&st);
	raise_levels(&st);
	if (validate_xsd(&st) == -1)
		goto out;
	validate_dates(&st, model_root(m));
	validate_deal_id(&st);
	validate_header_values(&st);
	validate_placeholders(&st, model_root(m));
	validate_levels(&st);
	validate_gates(&st);
	validate_review(&st);
	validate_playbooks(&st);
	validate_pillars_unknown(&st);
	out->percent = out->total > 0 ?
	    (int)(100.0 * out->filled / out->total + 1e-9) : 0;
	out->complete = st.missing_required == 0;
	validate_threshold(&st);
	validate_deadline(&st, today);
	rc = 0;
out:
	out->errors = diag_list_count(&mine, SEV_ERROR);
	out->warnings = diag_list_count(&mine, SEV_WARNING);
	diag_list_move(dl, &mine);
	free(st.level);
	return rc;
}
