/* SPDX-License-Identifier: MIT */
/*
 * complete.c: the second half of validation.  Applies each field's level
 * (from the schema, raised by playbooks and handoff.yml) per stage, which
 * also gives the completeness percentage; then the stage gates (economic
 * buyer, primary contact, champion, success metric), the CS review, the
 * playbooks' sections and roles, unknown sections, the pre-close
 * threshold and the 48-hour deadline.  Reads the tree, writes diagnostics.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calls/calls_model.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "near.h"
#include "schema.h"
#include "timeline.h"
#include "validate.h"
#include "validate_int.h"

/* ===== 3. field levels and completeness ================================== */

/*
 * Where to report the missing field at path: the heading or key the
 * author left empty (a Markdown '## Pain points' with nothing under it,
 * 'ae:' with no value), else the nearest element there is (where), else
 * the heading of the nearest enclosing section, else line 1.
 */
static struct srcpos
missing_pos(const struct vstate *st, const xmlNode *where, const char *path)
{
	struct srcpos	 pos;

	if (model_find(st->m, path) == NULL &&
	    (pos = model_anchor_pos(st->m, path, 0)).line > 0)
		return pos;
	pos = model_pos(st->m, where);
	if (pos.line == 0)
		pos = model_anchor_pos(st->m, path, 1);
	if (pos.line == 0)
		pos = model_pos(st->m, where);
	/* No pillar heading to point at: the top of the file, where the
	 * front matter says which deal this is. */
	return pos.line > 0 ? pos : diag_pos(st->m->file, 1, 0);
}

/* What raised f's level above the schema's, or NULL for the schema. */
static const struct level_src *
level_src_of(const struct vstate *st, const struct field *f)
{
	const struct level_src	*src = &st->src[f - st->s->fields];

	return src->pb != NULL || src->config ? src : NULL;
}

/*
 * A field a playbook asks for: the diagnostic names the playbook, says
 * requires or recommends as the playbook does, and shows the playbook's
 * hint (else the field's).  who names the table row, or is NULL.
 */
static void
report_playbook_field(struct vstate *st, const struct field *f,
    enum level lvl, struct srcpos pos, const char *who)
{
	const struct level_src	*src = &st->src[f - st->s->fields];
	int			 now = lvl == LEVEL_REQUIRED &&
				    vstate_is_signed(st);

	diag_add_sev(st->dl, pos, RULE_PLAYBOOK_FIELD,
	    now ? SEV_ERROR : SEV_WARNING,
	    src->rule->hint ? src->rule->hint : f->hint,
	    "the %s playbook %s %s%s%.60s%s%s", src->pb->name,
	    lvl == LEVEL_REQUIRED ? "requires" : "recommends", f->label,
	    who ? " for '" : "", who ? who : "", who ? "'" : "",
	    lvl == LEVEL_REQUIRED && !now ? " once the deal is signed" : "");
}

static void
report_missing(struct vstate *st, const struct field *f, enum level lvl,
    const xmlNode *where, const char *who)
{
	struct srcpos		 pos = missing_pos(st, where, f->path);
	const struct level_src	*src = level_src_of(st, f);
	const char		*hint = f->hint;
	const char		*cfg = src && src->config && lvl == LEVEL_REQUIRED ?
				    " (handoff.yml 'required:')" : "";

	if (lvl == LEVEL_REQUIRED)
		st->missing_required++;
	if (src != NULL && src->pb != NULL) {
		report_playbook_field(st, f, lvl, pos, who);
		return;
	}
	if (lvl == LEVEL_REQUIRED) {
		/* Without these the file is not a handoff at any stage. */
		if (vstate_is_signed(st) || strcmp(f->path, "deal/id") == 0 ||
		    strcmp(f->path, "deal/stage") == 0 ||
		    strcmp(f->path, "deal/client") == 0)
			diag_add_hint(st->dl, pos, RULE_REQUIRED_FIELD, hint,
			    "%s%s%s is missing%s", who ? who : "", who ? ": " : "",
			    f->label, cfg);
		else
			diag_add_hint(st->dl, pos, RULE_DRAFT_MISSING, hint,
			    "%s%s%s is still empty (required once signed%s)",
			    who ? who : "", who ? ": " : "", f->label,
			    *cfg ? ", by handoff.yml 'required:'" : "");
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
			if (vstate_is_filled(n))
				break;
	}
	if (vstate_is_filled(n) && !vstate_is_invalid(st, n)) {
		st->v->filled += 1.0;
		return;
	}
	if (n != NULL && vstate_is_invalid(st, n)) {
		/* "2026-02-30" was reported as such: it fills nothing. */
		if (lvl == LEVEL_REQUIRED)
			st->missing_required++;
		return;
	}
	parent_path(pp, sizeof(pp), f->path);
	where = n != NULL ? n : *pp ? model_find(st->m, pp) : NULL;
	if (where == NULL)
		where = model_root(st->m);
	if (n == NULL || !vstate_has_placeholder(n))
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

/* "2 of 4 stakeholders have no title": a recommended field, once. */
static void
report_rows(struct vstate *st, const struct field *f, struct srcpos pos,
    size_t missing, size_t rows, const char *rname)
{
	const struct level_src	*src = level_src_of(st, f);

	if (src != NULL && src->pb != NULL)
		diag_add_sev(st->dl, pos, RULE_PLAYBOOK_FIELD, SEV_WARNING,
		    src->rule->hint ? src->rule->hint : f->hint,
		    "the %s playbook recommends %s: %zu of %zu %s%s none",
		    src->pb->name, f->label, missing, rows, rname,
		    rows == 1 ? " has" : "s have");
	else
		diag_add_hint(st->dl, pos, RULE_RECOMMENDED_FIELD, f->hint,
		    "%zu of %zu %s%s no %s", missing, rows, rname,
		    rows == 1 ? " has" : "s have", f->label);
}

static int	is_primary(const xmlNode *sh);
static const xmlNode *primary_without_email(const struct vstate *st);

/*
 * A stakeholder without an e-mail, at the e-mail's level: a recommended
 * field is a warning; a required one (the team's schema, handoff.yml or
 * a playbook) an error once signed.  The primary contact's e-mail is the
 * stage rule's (complete_gates), said once there.
 */
static void
report_email(struct vstate *st, const struct field *f, enum level lvl,
    const xmlNode *rec)
{
	const struct level_src	*src = level_src_of(st, f);
	int			 now = lvl == LEVEL_REQUIRED &&
				    vstate_is_signed(st);

	if (lvl == LEVEL_REQUIRED)
		st->missing_required++;
	if (is_primary(rec) && primary_without_email(st) != NULL)
		return;
	if (src != NULL && src->pb != NULL) {
		report_playbook_field(st, f, lvl, model_pos(st->m, rec),
		    record_name(rec));
		return;
	}
	diag_add_sev(st->dl, model_pos(st->m, rec), RULE_STAKEHOLDER_EMAIL,
	    now ? SEV_ERROR : SEV_WARNING, NULL,
	    "stakeholder '%.60s' has no e-mail%s%s", record_name(rec),
	    lvl != LEVEL_REQUIRED ? "" : now ? "" : " (required once signed)",
	    src != NULL && src->config && lvl == LEVEL_REQUIRED ?
	    " (handoff.yml 'required:')" : "");
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
		if (vstate_is_filled(n) && !vstate_is_invalid(st, n)) {
			have++;
			continue;
		}
		if (n != NULL && vstate_is_invalid(st, n)) {
			if (lvl == LEVEL_REQUIRED)	/* reported as invalid */
				st->missing_required++;
			continue;
		}
		if (first_missing == NULL)
			first_missing = rec;
		if (n != NULL && vstate_has_placeholder(n)) {
			/* the placeholder said so already */
			if (lvl == LEVEL_REQUIRED)
				st->missing_required++;
		} else if (strcmp(f->path, "relationships/stakeholder/email") == 0)
			report_email(st, f, lvl, rec);
		else if (lvl == LEVEL_REQUIRED)
			report_missing(st, f, lvl, rec, *record_name(rec) ?
			    record_name(rec) : NULL);
	}
	if (rows > 0)
		st->v->filled += (double)have / (double)rows;
	if (lvl == LEVEL_RECOMMENDED && first_missing != NULL &&
	    strcmp(f->path, "relationships/stakeholder/email") != 0)
		report_rows(st, f, model_pos(st->m, first_missing), rows - have,
		    rows, rname);
}

/*
 * A level raised by the config's 'required:' list or a playbook, and who
 * raised it: a playbook entry as strict as the level it finds (a
 * recommended field a playbook recommends with its own hint) is named.
 */
void
complete_raise_levels(struct vstate *st)
{
	const struct field	*f;
	size_t			 i, j, k;

	for (i = 0; i < st->c->nrequired; i++)
		if ((f = schema_field(st->s, st->c->required[i])) != NULL) {
			k = (size_t)(f - st->s->fields);
			if (st->level[k] != LEVEL_REQUIRED)
				st->src[k].config = 1;
			st->level[k] = LEVEL_REQUIRED;
		}
	for (i = 0; i < st->npbs; i++)
		for (j = 0; j < st->pbs[i]->nrules; j++) {
			const struct pb_rule *r = &st->pbs[i]->rules[j];

			if (r->kind != PB_FIELD ||
			    (f = schema_field(st->s, r->target)) == NULL)
				continue;
			k = (size_t)(f - st->s->fields);
			if (r->level < st->level[k] || (st->src[k].pb != NULL &&
			    r->level == st->level[k]))
				continue;	/* the first playbook names it */
			st->level[k] = r->level;
			st->src[k].pb = st->pbs[i];
			st->src[k].rule = r;
		}
}

void
complete_levels(struct vstate *st)
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
		if (!vstate_is_signed(st) && strcmp(f->path, "deal/signed") == 0 &&
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

/*
 * True when one of sh's roles is an invalid value that is a typo of role
 * ('economic-buyr'): its invalid-value error says so already ("did you
 * mean"), so the stage rule that wants the role stays quiet (one
 * mistake, one diagnostic).
 */
static int
meant_role(const struct vstate *st, const xmlNode *sh, const char *role)
{
	const xmlNode	*r;
	const char	*best[1];

	for (r = model_child(sh, "role"); r != NULL; r = model_next(r, "role"))
		if (vstate_is_invalid(st, r) &&
		    near_best(model_text(r), &role, 1, best, 1) == 1)
			return 1;
	return 0;
}

static int
gate_economic_buyer(const struct vstate *st, const xmlNode *rel)
{
	const xmlNode	*sh;

	for (sh = model_child(rel, "stakeholder"); sh; sh = model_next(sh, "stakeholder"))
		if (has_role(sh, "economic-buyer") ||
		    meant_role(st, sh, "economic-buyer"))
			return 1;
	return 0;
}

static int
is_primary(const xmlNode *sh)
{
	const char	*p = model_attr(sh, "primary");

	return p != NULL && strcmp(p, "true") == 0;
}

static int
gate_primary(const struct vstate *st, const xmlNode *rel)
{
	const xmlNode	*sh;

	for (sh = model_child(rel, "stakeholder"); sh; sh = model_next(sh, "stakeholder"))
		if (is_primary(sh) && vstate_is_filled(model_child(sh, "email")))
			return 1;
	return 0;
}

/* When no primary contact has an e-mail: the first primary contact
 * (who lacks one), or NULL (there is none, or the rule is met). */
static const xmlNode *
primary_without_email(const struct vstate *st)
{
	const xmlNode	*rel = model_find(st->m, "relationships"), *sh;

	if (gate_primary(st, rel))
		return NULL;
	for (sh = model_child(rel, "stakeholder"); sh; sh = model_next(sh, "stakeholder"))
		if (is_primary(sh))
			return sh;
	return NULL;
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
		if (has_role(sh, "champion") || meant_role(st, sh, "champion") ||
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
		if (vstate_is_filled(model_child(g, "target")) &&
		    vstate_is_filled(model_child(g, "due")))
			return 1;
	return 0;
}

struct gate {
	enum rule_id	 rule;
	int		(*ok)(const struct vstate *, const xmlNode *);
	const char	*msg;
	const char	*where;		/* element to point at */
};

/*
 * The stage rules: stricter than the schema's levels (a stakeholder's
 * role and e-mail are only recommended), so each message names its rule.
 */
static const struct gate gates[] = {
	{ RULE_ECONOMIC_BUYER, gate_economic_buyer,
	    "signed deals require a stakeholder who is the economic buyer "
	    "(stage rule economic-buyer)", "relationships" },
	{ RULE_PRIMARY_CONTACT, gate_primary,
	    "signed deals require a primary contact with an e-mail "
	    "(stage rule primary-contact)", "relationships" },
	{ RULE_CHAMPION, gate_champion,
	    "signed deals require a champion, or a risk that says "
	    "'no champion' (stage rule champion)", "relationships" },
	{ RULE_METRIC_TARGET, gate_metric,
	    "signed deals require a success metric with both a target and "
	    "a date (stage rule metric-target)", "goals" },
};

/*
 * The primary contact is named but has no e-mail: say so on their row.
 * An e-mail that is a placeholder or invalid was reported as such.
 */
static void
gate_report_primary(struct vstate *st, const xmlNode *sh)
{
	const xmlNode	*e = model_child(sh, "email");

	if (e != NULL && (vstate_has_placeholder(e) || vstate_is_invalid(st, e)))
		return;
	diag_add_sev(st->dl, model_pos(st->m, sh), RULE_PRIMARY_CONTACT,
	    vstate_gate_sev(st), "add their e-mail in the Email column",
	    "signed deals require the primary contact's e-mail (stage rule "
	    "primary-contact): '%.60s' has none", record_name(sh));
}

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

void
complete_gates(struct vstate *st)
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
		if (vstate_is_signed(st))
			st->missing_required++;
		if (gates[i].rule == RULE_PRIMARY_CONTACT &&
		    (where = primary_without_email(st)) != NULL) {
			gate_report_primary(st, where);
			continue;
		}
		where = model_find(st->m, gates[i].where);
		diag_add_sev(st->dl, model_pos(st->m, where ? where :
		    model_root(st->m)), gates[i].rule, vstate_gate_sev(st), NULL,
		    "%s", gates[i].msg);
	}
}

/* A rejection needs its reason code and a sentence. */
void
complete_review(struct vstate *st)
{
	const xmlNode	*r = model_find(st->m, "process/review");

	if (r == NULL || strcmp(model_text(model_child(r, "decision")),
	    "rejected") != 0)
		return;
	if (!vstate_is_filled(model_child(r, "reason")))
		diag_add(st->dl, model_pos(st->m, r), RULE_REVIEW_REASON,
		    "the CS review rejects the handoff but gives no reason code");
	if (!vstate_is_filled(model_child(r, "comment")))
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
 * "<Title> (notes)" with a stray-content warning of its own ("paragraph
 * under 'Title' where a table is expected"), under the pillar heading or
 * under one of its fields ('## Objections' with prose and no table):
 * that warning is the one diagnostic, not also "unknown section".
 */
static int
is_stray_notes(const struct vstate *st, const xmlNode *extra)
{
	const char	*h = heading_of(extra);
	char		 under[128];
	size_t		 hl = strlen(h), i;

	if (hl <= 8 || strcmp(h + hl - 8, " (notes)") != 0 ||
	    st->front == NULL)
		return 0;
	if ((size_t)snprintf(under, sizeof(under), " under '%.*s' ",
	    (int)(hl - 8), h) >= sizeof(under))
		return 0;
	for (i = 0; i < st->front->n; i++)
		if (st->front->v[i].rule == RULE_STRAY_CONTENT &&
		    st->front->v[i].msg != NULL &&
		    strstr(st->front->v[i].msg, under) != NULL)
			return 1;
	return 0;
}

static void
validate_unknown_sections(struct vstate *st, const xmlNode *n)
{
	const xmlNode	*c;

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		if (strcmp(model_name(c), "extra") != 0 ||
		    model_attr(c, "heading") == NULL)
			continue;
		if (calls_model_is_own(c))
			continue;	/* 'handoff calls add' wrote it */
		if (section_claimed(st, c))
			validate_unknown_sections(st, c);
		else if (is_stray_notes(st, c))
			continue;	/* the front end warned already */
		else
			diag_add(st->dl, model_pos(st->m, c),
			    RULE_UNKNOWN_SECTION, "unknown section '%.80s'",
			    heading_of(c));
	}
}

void
complete_unknown_sections(struct vstate *st)
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

void
complete_playbooks(struct vstate *st)
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
			    vstate_is_filled(find_section(model_root(st->m),
			    r->target)) || complete_section_line(st, r->target) :
			    any_role(st, r->target);
			if (ok) {
				st->v->filled += 1.0;
				continue;
			}
			sev = r->level == LEVEL_REQUIRED && vstate_is_signed(st) ?
			    SEV_ERROR : SEV_WARNING;
			if (r->level == LEVEL_REQUIRED)
				st->missing_required++;
			where = model_find(st->m, r->kind == PB_ROLE ?
			    "relationships" : "deal");
			diag_add_sev(st->dl, missing_pos(st, where ? where :
			    model_root(st->m), r->kind == PB_ROLE ?
			    "relationships" : "deal"), RULE_PLAYBOOK_FIELD, sev,
			    r->hint,
			    "the %s playbook %s %s '%s'%s", pb->name,
			    r->level == LEVEL_REQUIRED ? "requires" : "recommends",
			    r->kind == PB_SECTION ? "a section" : "a stakeholder with role",
			    r->target, r->level == LEVEL_REQUIRED &&
			    sev != SEV_ERROR ? " once the deal is signed" : "");
		}
	}
}

void
complete_select_playbooks(struct vstate *st)
{
	st->npbs = schema_playbooks_select(st->s,
	    model_get(st->m, "deal/industry"), model_get(st->m, "deal/segment"),
	    st->pbs, sizeof(st->pbs) / sizeof(st->pbs[0]));
}

/* ===== 6. stage, threshold, deadline ===================================== */

void
complete_read_stage(struct vstate *st)
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

void
complete_deadline(struct vstate *st, int today)
{
	char		 due[11], sig[11];
	const xmlNode	*n = model_find(st->m, "deal/signed");

	/* A handoff the CSM accepted was handed off: whatever a later
	 * schema asks for is a gap to fill, not a handoff that is late. */
	if (!vstate_is_signed(st) || st->v->deadline < 0 ||
	    validate_is_complete(st->v) || today <= st->v->deadline ||
	    strcmp(model_get(st->m, "process/review/decision"), "accepted") == 0)
		return;
	st->v->overdue = 1;
	date_format(st->v->deadline, due);
	date_format(st->v->signed_day, sig);
	diag_add(st->dl, model_pos(st->m, n ? n : model_root(st->m)),
	    RULE_OVERDUE, "handoff overdue: signed %s, due by end of %s, "
	    "still incomplete", sig, due);
}

void
complete_threshold(struct vstate *st)
{
	const xmlNode	*n = model_find(st->m, "deal/stage");

	if (st->v->stage != STAGE_PRE_CLOSE ||
	    st->v->percent >= st->c->pre_close_threshold)
		return;
	diag_add(st->dl, model_pos(st->m, n ? n : model_root(st->m)),
	    RULE_COMPLETENESS, "pre-close handoff is %d%% complete; it needs "
	    "%d%%", st->v->percent, st->c->pre_close_threshold);
}
