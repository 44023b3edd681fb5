/* SPDX-License-Identifier: MIT */
/*
 * validate.c: check one canonical tree.  Phases, in order:
 *   1. XSD: shape and types (dates, e-mails, enumerations), with libxml2's
 *      messages turned into ours and placed on the source line;
 *   2. placeholders ("TBD", "N/A", …) anywhere a value is expected, deal
 *      ids, and line breaks in values bound for e-mail headers;
 *   3. then complete.c: levels, completeness, stage gates, playbooks,
 *      the pre-close threshold and the 48 h deadline.
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
#include "mime.h"
#include "model.h"
#include "near.h"
#include "schema.h"
#include "timeline.h"
#include "read/read_date.h"
#include "read/read_person.h"
#include "validate.h"
#include "validate_int.h"

/* ===== placeholders ====================================================== */

static const char *const placeholders[] = {
	"n/a", "na", "n.a.", "tbd", "tba", "tbc", "todo", "to do", "fixme",
	"xxx", "?", "??", "???", "-", "--", "---", "...", "…", "none yet",
	"see crm", "see salesforce", "see hubspot", "see notes", "see above",
	"see below", "see doc", "ask me", "ask ae", "lorem ipsum", "unknown",
	"tk", "placeholder", "fill in", "fill me", "later", "pending", "wip",
	"not sure", "idk", "same as above", "various", "etc", "etc.",
	"insert here", "changeme", "example", "dummy", "test",
	"someone", "somebody", "to be agreed", "to be confirmed",
	"to be decided", "to be defined", "to be determined", "xx", "xx%",
	"x%", "tbd%", "n%",
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

int
vstate_is_signed(const struct vstate *st)
{
	return st->v->stage == STAGE_SIGNED;
}

/* Severity of a gate: an error once signed, a warning on a draft. */
enum sev
vstate_gate_sev(const struct vstate *st)
{
	return vstate_is_signed(st) ? SEV_ERROR : SEV_WARNING;
}

/* Any text below n that is a placeholder?  (Leaves and block items.) */
int
vstate_has_placeholder(const xmlNode *n)
{
	const xmlNode	*c;

	if (n == NULL)
		return 0;
	if (model_first(n) == NULL)
		return validate_is_placeholder(model_text(n));
	for (c = model_first(n); c != NULL; c = model_next_elem(c))
		if (vstate_has_placeholder(c))
			return 1;
	return 0;
}

/*
 * Is the field at n filled?  Present, with text, and not only
 * placeholders.  An explicit "None" (none="true") fills commitments and
 * risks.
 */
int
vstate_is_filled(const xmlNode *n)
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
		if (vstate_is_filled(c))
			real = 1;
	return real;
}

/* Was this node already reported by the XSD (then don't pile on)? */
void
vstate_mark_invalid(struct vstate *st, const xmlNode *n)
{
	if (st->nxsd_bad < sizeof(st->xsd_bad) / sizeof(st->xsd_bad[0]))
		st->xsd_bad[st->nxsd_bad++] = n;
}

int
vstate_is_invalid(const struct vstate *st, const xmlNode *n)
{
	size_t	 i;

	for (i = 0; i < st->nxsd_bad; i++)
		if (st->xsd_bad[i] == n)
			return 1;
	return 0;
}

/* ===== 1. XSD ============================================================ */

/*
 * libxml2's wording, made readable: no "Element '{ns}x': " prefix (the
 * label says which field), no namespace in element names, and plain
 * words for the two messages authors of XML deals meet most.
 */
static void
xsd_clean_message(char *out, size_t sz, const char *msg)
{
	static const char *const words[][2] = {
		{ "{" MODEL_NS "}", "" },
		{ "This element is not expected. Expected is one of ( ",
		    "element out of place or unknown here; expected one of: " },
		{ "This element is not expected. Expected is ( ",
		    "element out of place or unknown here; expected: " },
		{ "This element is not expected.",
		    "element out of place or unknown here" },
		{ " ).", "" },
		{ "is not a valid value of the atomic type 'xs:boolean'",
		    "is not true or false" },
		{ "is not a valid value of the atomic type 'xs:integer'",
		    "is not a whole number" },
		{ "is not a valid value of the atomic type", "is not a valid" },
		{ "The attribute", "attribute" },
	};
	const char	*p = strstr(msg, "}"), *q;
	size_t		 i, o = 0, n;

	q = p != NULL && strncmp(msg, "Element '", 9) == 0 ?
	    strstr(p, "': ") : NULL;
	for (p = q ? q + 3 : msg; *p != '\0' && o + 1 < sz; ) {
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			n = strlen(words[i][0]);
			if (strncmp(p, words[i][0], n) == 0)
				break;
		}
		if (i < sizeof(words) / sizeof(words[0])) {
			o += (size_t)snprintf(out + o, sz - o, "%s", words[i][1]);
			if (o >= sz)
				o = sz - 1;
			p += n;
		} else
			out[o++] = *p++;
	}
	out[o] = '\0';
	while (o > 0 && (out[o - 1] == '\n' || out[o - 1] == '.' ||
	    out[o - 1] == ' '))
		out[--o] = '\0';
}

/*
 * A date that did not read: say what was read and how to write it, with
 * the deal's own signature date as the example where there is one.
 */
static void
validate_date_why(struct vstate *st, const xmlNode *n, const char *label)
{
	struct read_date	 rd;
	const char		*val = model_attr(n, "written");
	const char		*ex = model_get(st->m, "deal/signed");
	char			 why[400], hint[160];
	int			 day;

	if (val == NULL || *val == '\0')
		val = model_text(n);
	if (read_date(val, (enum read_date_order)st->c->date_order, &rd, why,
	    sizeof(why)) == 0)
		snprintf(why, sizeof(why), "'%.80s' is not a valid date", val);
	if (strstr(why, "is not a day") != NULL)
		snprintf(hint, sizeof(hint), "write a day that month has, "
		    "as YYYY-MM-DD");
	else if (date_parse(ex, &day) == 0)
		snprintf(hint, sizeof(hint), "write it as YYYY-MM-DD, e.g. "
		    "'%s' for the signature date", ex);
	else
		snprintf(hint, sizeof(hint), "write it as YYYY-MM-DD");
	diag_add_hint(st->dl, model_pos(st->m, n), RULE_INVALID_DATE, hint,
	    "%s: %s", label, why);
}

/*
 * The id to write instead of a bad one: the file's own name, which the
 * id must equal (2); else the id in lowercase with dashes (1).  0 when
 * neither is an id.
 */
static int
validate_id_suggest(const char *file, const char *id, char *out,
    size_t outsz)
{
	const char	*base = strrchr(file, '/');
	char		*stem = fs_stem(base ? base + 1 : file);
	size_t		 o = 0;

	if (stem != NULL && fs_deal_id_ok(stem) &&
	    strlen(stem) < outsz) {
		memcpy(out, stem, strlen(stem) + 1);
		free(stem);
		return 2;
	}
	free(stem);
	for (; *id != '\0' && o + 1 < outsz; id++)
		if (isalnum((unsigned char)*id) && (unsigned char)*id < 0x80)
			out[o++] = (char)tolower((unsigned char)*id);
		else if (o > 0 && out[o - 1] != '-')
			out[o++] = '-';
	while (o > 0 && out[o - 1] == '-')
		o--;
	out[o] = '\0';
	return fs_deal_id_ok(out);
}

/* A deal id that is not one: what to write, and a fix-it. */
static void
validate_deal_id_diag(struct vstate *st, const xmlNode *n, const char *id,
    const char *dashes)
{
	char	 to[128], hint[200];
	int	 from;

	if ((from = validate_id_suggest(st->m->file, id, to,
	    sizeof(to))) == 0) {
		diag_add(st->dl, model_pos(st->m, n), RULE_DEAL_ID,
		    "deal id '%.80s' is not lowercase letters, digits and %s",
		    id, dashes);
		return;
	}
	snprintf(hint, sizeof(hint), "write it as '%s'%s", to,
	    from == 2 ? ", the name of its file" : "");
	diag_add_hint(st->dl, model_pos(st->m, n), RULE_DEAL_ID, hint,
	    "deal id '%.80s' is not lowercase letters, digits and %s", id,
	    dashes);
	diag_set_fix(st->dl, id, to);
}

/*
 * An address written to fool harvesters ('priya(at)acme.example', 'priya
 * at acme dot example') as the address it means, into out; 0 when that
 * is not an address either.
 */
static int
validate_email_unmask(const char *s, char *out, size_t outsz)
{
	static const char *const at[] = { "(at)", "[at]", "{at}", " at " };
	static const char *const dot[] = { "(dot)", "[dot]", "{dot}",
	    " dot " };
	size_t		 o = 0, i, k;

	if (strncasecmp(s, "mailto:", 7) == 0)
		s += 7;
	while (*s != '\0' && o + 1 < outsz) {
		for (i = 0, k = 0; i < 4 && k == 0; i++) {
			if (strncasecmp(s, at[i], strlen(at[i])) == 0) {
				k = strlen(at[i]);
				out[o++] = '@';
			} else if (strncasecmp(s, dot[i], strlen(dot[i])) == 0) {
				k = strlen(dot[i]);
				out[o++] = '.';
			}
		}
		if (k == 0 && *s != ' ')
			out[o++] = *s;
		s += k > 0 ? k : 1;
	}
	out[o] = '\0';
	/* The schema's pattern also wants a dot in the domain. */
	return mime_email_ok(out) == 0 && strchr(strchr(out, '@'), '.');
}

/* An e-mail field that is not an address: what to write, when it can
 * be told. */
static void
validate_email_diag(struct vstate *st, const xmlNode *n, const char *label,
    const char *val)
{
	char	 to[256], hint[320];

	if (!validate_email_unmask(val, to, sizeof(to))) {
		diag_add(st->dl, model_pos(st->m, n), RULE_INVALID_EMAIL,
		    "%s: '%.80s' is not an e-mail address", label, val);
		return;
	}
	snprintf(hint, sizeof(hint), "write it as '%s'", to);
	diag_add_hint(st->dl, model_pos(st->m, n), RULE_INVALID_EMAIL, hint,
	    "%s: '%.80s' is not an e-mail address", label, val);
	diag_set_fix(st->dl, val, to);
}

/* 'by go-live' while go-live is not known: a warning naming the anchor. */
static void
validate_date_anchor(struct vstate *st, const xmlNode *n, const char *label)
{
	struct read_date	 rd;
	const char		*val = model_attr(n, "written"), *what;
	char			 why[8], hint[200];

	if (read_date(val, (enum read_date_order)st->c->date_order, &rd, why,
	    sizeof(why)) != 0 || rd.kind != READ_DATE_RELATIVE)
		return;
	what = strcmp(rd.anchor, "signed") == 0 ? "signature date ('signed:')" :
	    strcmp(rd.anchor, "start") == 0 ? "start date ('start:')" :
	    "go-live date ('go_live:')";
	snprintf(hint, sizeof(hint), "add the %s, or write the %s itself as "
	    "YYYY-MM-DD", what, label);
	diag_add_hint(st->dl, model_pos(st->m, n), RULE_DATE_ANCHOR, hint,
	    "%s '%.80s': the deal has no %s yet, so it is not a date yet",
	    label, val, what);
}

/* Turn libxml2's "Element '{ns}x': …" message into one of ours. */
/* A role as a Markdown table writes it: 'economic buyer', not the
 * canonical 'economic-buyer'.  Into out (outsz bytes). */
static void
xsd_md_words(char *out, size_t outsz, const char *v, int md)
{
	size_t	 i;

	for (i = 0; v[i] != '\0' && i + 1 < outsz; i++)
		out[i] = md && v[i] == '-' ? ' ' : v[i];
	out[i] = '\0';
}

/*
 * A value not in its enumeration (set: "a, b, c"), with "did you mean"
 * when it is a typo of one: 'Economic buyr' in a Markdown table is
 * "role: 'economic buyr' is not one of: ...; did you mean 'economic
 * buyer'?", in the words the table takes.
 */
static void
xsd_enum_error(struct vstate *st, const xmlNode *n, const struct field *f,
    const char *label, const char *val, const char *set)
{
	char		 copy[400], said[100], sug[100], *tok, *save = NULL;
	const char	*names[32], *best[1];
	size_t		 k = 0;
	int		 md;

	md = strcmp(model_name(n), "role") == 0 && st->m->file != NULL &&
	    strcasecmp(fs_ext(st->m->file), ".xml") != 0;
	snprintf(copy, sizeof(copy), "%s", set);
	for (tok = strtok_r(copy, ", ", &save); tok != NULL && k < 32;
	    tok = strtok_r(NULL, ", ", &save))
		names[k++] = tok;
	xsd_md_words(said, sizeof(said), val, md);
	if (near_best(val, names, k, best, 1) == 1) {
		xsd_md_words(sug, sizeof(sug), best[0], md);
		diag_add_hint(st->dl, model_pos(st->m, n), RULE_INVALID_VALUE,
		    f ? f->hint : NULL,
		    "%s: '%.80s' is not one of: %s; did you mean '%s'?", label,
		    said, set, sug);
	} else
		diag_add_hint(st->dl, model_pos(st->m, n), RULE_INVALID_VALUE,
		    f ? f->hint : NULL, "%s: '%.80s' is not one of: %s", label,
		    said, set);
}

/*
 * True when n is the second copy of a Markdown section the front end has
 * already reported as given twice ("section 'Intro sent' appears twice"):
 * its place out of the schema's order is the same mistake, and
 * "element out of place" names nothing a Markdown writer wrote.
 */
static int
xsd_is_second_copy(const struct vstate *st, const xmlNode *n)
{
	const xmlNode	*c;
	size_t		 i;

	if (st->m->file == NULL || strcasecmp(fs_ext(st->m->file), ".xml") == 0)
		return 0;
	if (st->front == NULL)
		return 0;
	for (i = 0; i < st->front->n; i++)
		if (st->front->v[i].rule == RULE_DUPLICATE_SECTION)
			break;
	if (i == st->front->n)
		return 0;
	for (c = n->prev; c != NULL; c = c->prev)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp(model_name(c), model_name(n)) == 0)
			return 1;
	return 0;
}

static void
xsd_on_error(void *arg, xmlErrorPtr e)
{
	struct vstate		*st = arg;
	const xmlNode		*n = e->node;
	const struct field	*f;
	const char		*msg = e->message ? e->message : "invalid";
	const char		*label, *val, *set, *max;
	char			 clean[400];
	size_t			 i, j, len;

	if (n == NULL || n->type != XML_ELEMENT_NODE) {
		diag_add(st->dl, diag_pos_line(st->m->file, (unsigned)e->line),
		    RULE_SCHEMA, "%.300s", msg);
		return;
	}
	/* A placeholder is reported as one, below, not as a bad type. */
	if (vstate_is_invalid(st, n) || validate_is_placeholder(model_text(n)))
		return;
	vstate_mark_invalid(st, n);
	if (strstr(msg, "This element is not expected") != NULL &&
	    xsd_is_second_copy(st, n))
		return;
	f = schema_field_of(st->s, n);
	label = f ? f->label : (const char *)n->name;
	val = model_text(n);
	if (strstr(msg, "[facet 'maxLength']") != NULL &&
	    (set = strstr(msg, "length of '")) != NULL &&
	    (max = strstr(msg, "maximum length of '")) != NULL) {
		/* A block item (<p>, <li>) is named by its field. */
		if (f == NULL && n->parent != NULL &&
		    n->parent->type == XML_ELEMENT_NODE &&
		    (f = schema_field_of(st->s, n->parent)) != NULL)
			label = f->label;
		diag_add(st->dl, model_pos(st->m, n), RULE_SCHEMA,
		    "%s: %ld characters, more than the %ld the schema allows",
		    label, strtol(set + 11, NULL, 10),
		    strtol(max + 19, NULL, 10));
	}
	else if (strstr(msg, "xs:date") != NULL ||
	    strstr(msg, "date-value'") != NULL)
		validate_date_why(st, n, label);
	else if (strstr(msg, "'email'") != NULL ||
	    strstr(msg, "}email'") != NULL || (strstr(msg, "[facet 'pattern']") &&
	    strcmp(model_name(n), "email") == 0))
		validate_email_diag(st, n, label, val);
	else if (strstr(msg, "deal-id'") != NULL ||
	    (strstr(msg, "[facet 'pattern']") && strcmp(model_name(n), "id") == 0))
		validate_deal_id_diag(st, n, val, "dashes");
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
		xsd_enum_error(st, n, f, label, val, clean);
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
		xsd_clean_message(clean, sizeof(clean), msg);
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

/* The same test as mime.c's before a value goes into a header (CR, LF,
 * TAB, DEL, C0 and C1 controls), so that check and build agree. */
static void
header_value(struct vstate *st, const xmlNode *n)
{
	const struct field	*f;
	const char		*v;
	size_t			 off;

	if (n == NULL || mime_value_ok(v = model_text(n), &off) == 0)
		return;
	f = schema_field_of(st->s, n);
	diag_add(st->dl, model_pos(st->m, n), RULE_HEADER_INJECTION,
	    "%s '%.60s' contains a %s",
	    f ? f->label : model_name(n), v,
	    v[off] == '\r' || v[off] == '\n' ? "line break" :
	    "control character");
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
		    (strcmp(f->type, "xs:date") == 0 ||
		    strcmp(f->type, "date") == 0) && !vstate_is_invalid(st, c) &&
		    !validate_is_placeholder(model_text(c))) {
			if (!model_has_text(c) && model_attr(c, "written"))
				validate_date_anchor(st, c, f->label);
			else if (model_has_text(c) &&
			    date_parse(model_text(c), &day) == -1) {
				validate_date_why(st, c, f->label);
				vstate_mark_invalid(st, c);
			}
		}
		validate_dates(st, c);
	}
}

/* ===== 2. placeholders =================================================== */

/*
 * What the user calls the field element c is in: its field's label (a
 * block item, <p> or <li>, belongs to its block field), or the section
 * it was written under, never an element name.
 */
static const char *
validate_what(const struct vstate *st, const xmlNode *c, char *buf,
    size_t bufsz)
{
	const struct field	*f;
	const xmlNode		*up;
	const char		*h;

	for (up = c; up != NULL && up->type == XML_ELEMENT_NODE;
	    up = up->parent) {
		if ((f = schema_field_of(st->s, up)) != NULL)
			return f->label;
		if ((h = model_attr(up, "heading")) != NULL && *h != '\0') {
			size_t	 n = strlen(h);

			/* stray notes are kept as 'Title (notes)': the
			 * section the user wrote is 'Title' */
			if (n > 8 && strcmp(h + n - 8, " (notes)") == 0)
				n -= 8;
			snprintf(buf, bufsz, "the section '%.*s'",
			    (int)(n > 60 ? 60 : n), h);
			return buf;
		}
	}
	return "this line";
}

static void
validate_placeholders(struct vstate *st, const xmlNode *n)
{
	const xmlNode		*c;
	char			 what[96];

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		if (model_first(c) != NULL) {
			validate_placeholders(st, c);
			continue;
		}
		if (!validate_is_placeholder(model_text(c)))
			continue;
		diag_add_sev(st->dl, model_pos(st->m, c), RULE_PLACEHOLDER,
		    vstate_gate_sev(st), NULL, "'%.40s' is a placeholder, not a "
		    "value for %s", model_text(c), validate_what(st, c, what,
		    sizeof(what)));
	}
}

/* The id is a path below output/: refuse anything else, loudly. */
static void
validate_deal_id(struct vstate *st)
{
	const xmlNode	*n = model_find(st->m, "deal/id");
	const char	*id = model_text(n);

	if (n == NULL || *id == '\0' || vstate_is_invalid(st, n) || fs_deal_id_ok(id))
		return;
	validate_deal_id_diag(st, n, id, "single dashes");
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

/*
 * A commitment's 'who' that can mean two people of the deal ('Sam' with
 * Sam Okafor the CSM and Sam Lee a stakeholder): a warning that names
 * both, so that the AE writes the full name.
 */
static void
validate_commitment_who(struct vstate *st)
{
	const char	*names[64];
	const xmlNode	*c, *sh;
	size_t		 n = 0, idx[2], k;

	names[n++] = model_get(st->m, "deal/ae/name");
	names[n++] = model_get(st->m, "deal/csm/name");
	for (sh = model_find(st->m, "relationships/stakeholder"); sh != NULL &&
	    n < 64; sh = model_next(sh, "stakeholder"))
		names[n++] = model_text(model_child(sh, "name"));
	for (c = model_find(st->m, "context/commitments/commitment");
	    c != NULL; c = model_next(c, "commitment")) {
		const char *who = model_text(model_child(c, "who"));

		if (*who == '\0' ||
		    (k = read_person_candidates(who, names, n, idx, 2)) < 2)
			continue;
		diag_add_sev(st->dl, model_pos(st->m, model_child(c, "who")),
		    RULE_COMMITMENT_FORMAT, SEV_WARNING, NULL,
		    "commitment '%.60s': '%.40s' could be %s or %s: write "
		    "the full name", model_text(model_child(c, "text")), who,
		    names[idx[0]], names[idx[1]]);
	}
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
	st.front = dl;
	st.v = out;
	if ((st.level = calloc(s->nfields + 1, sizeof(*st.level))) == NULL ||
	    (st.src = calloc(s->nfields + 1, sizeof(*st.src))) == NULL)
		goto out;
	for (i = 0; i < s->nfields; i++)
		st.level[i] = s->fields[i].level;
	complete_read_stage(&st);
	complete_select_playbooks(&st);
	complete_raise_levels(&st);
	if (validate_xsd(&st) == -1)
		goto out;
	validate_dates(&st, model_root(m));
	validate_deal_id(&st);
	validate_header_values(&st);
	validate_commitment_who(&st);
	validate_placeholders(&st, model_root(m));
	complete_levels(&st);
	complete_gates(&st);
	complete_review(&st);
	complete_playbooks(&st);
	complete_unknown_sections(&st);
	out->percent = out->total > 0 ?
	    (int)(100.0 * out->filled / out->total + 1e-9) : 0;
	out->complete = st.missing_required == 0;	/* validate_is_complete */
	complete_threshold(&st);
	complete_deadline(&st, today);
	rc = 0;
out:
	out->errors = diag_list_count(&mine, SEV_ERROR);
	out->warnings = diag_list_count(&mine, SEV_WARNING);
	diag_list_move(dl, &mine);
	free(st.level);
	free(st.src);
	return rc;
}

int
validate_is_complete(const struct verdict *v)
{
	return v->complete;
}
