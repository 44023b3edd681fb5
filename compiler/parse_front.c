/* SPDX-License-Identifier: MIT */
/*
 * parse_front.c: the YAML front matter of a Markdown handoff, read with
 * libyaml's event API into <deal>.  Keys are those of SPEC.md's "Markdown
 * form reference" (case-insensitive, with a few aliases); unknown keys are
 * kept as <extra name="key">.  Values are trimmed and normalised, never
 * type-checked: validate.c checks them through the XSD for both front
 * ends.  Anchors and aliases are refused outright, which also defeats
 * alias bombs.  Children of <deal> come out in the XSD's order whatever
 * the order in the file.  One key is not a deal field: client_summary
 * fills <context><client-summary> (the '## For the client' section), one
 * <p> per paragraph; parse_md.c reports it given both ways.  Whole-line
 * '#' comments (and those after a value) are kept as model notes for fmt.
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "near.h"
#include "parse.h"
#include "validate.h"
#include "read/read_money.h"

/* The <deal> children, in the XSD's sequence order, then the one key
 * that fills a field of another pillar (context/client-summary). */
enum fkey {
	FK_CLIENT, FK_ID, FK_SEGMENT, FK_INDUSTRY, FK_STAGE, FK_SIGNED,
	FK_AE, FK_CSM, FK_VALUE, FK_TERM, FK_START, FK_GO_LIVE, FK_RENEWAL,
	FK_CRM, FK_PROPOSAL, FK_RECORDING, FK_EXTRA, FK_CLIENT_SUMMARY,
	FK__MAX
};

static const char *const fk_elem[FK__MAX] = {
	"client", "id", "segment", "industry", "stage", "signed", "ae",
	"csm", "value", "term", "start", "go-live", "renewal", "crm",
	"proposal", "recording", "extra", "client-summary"
};

/* Keys after md_key(), with their aliases. */
static const struct {
	const char	*key;
	enum fkey	 fk;
} fk_names[] = {
	{ "client", FK_CLIENT }, { "client name", FK_CLIENT },
	{ "customer", FK_CLIENT }, { "company", FK_CLIENT },
	{ "customer name", FK_CLIENT }, { "account", FK_CLIENT },
	{ "account name", FK_CLIENT },
	{ "deal", FK_ID }, { "id", FK_ID }, { "deal id", FK_ID },
	{ "segment", FK_SEGMENT },
	{ "industry", FK_INDUSTRY }, { "vertical", FK_INDUSTRY },
	{ "stage", FK_STAGE }, { "deal stage", FK_STAGE },
	{ "opportunity stage", FK_STAGE },
	{ "signed", FK_SIGNED }, { "signature date", FK_SIGNED },
	{ "signed on", FK_SIGNED }, { "signature", FK_SIGNED },
	{ "signed date", FK_SIGNED }, { "date signed", FK_SIGNED },
	{ "close date", FK_SIGNED }, { "closed date", FK_SIGNED },
	{ "closed on", FK_SIGNED }, { "contract signed", FK_SIGNED },
	{ "ae", FK_AE }, { "account executive", FK_AE },
	{ "deal owner", FK_AE }, { "opportunity owner", FK_AE },
	{ "owner", FK_AE }, { "sales rep", FK_AE },
	{ "csm", FK_CSM }, { "customer success manager", FK_CSM },
	{ "success manager", FK_CSM }, { "cs manager", FK_CSM },
	{ "value", FK_VALUE }, { "contract value", FK_VALUE },
	{ "deal value", FK_VALUE }, { "amount", FK_VALUE },
	{ "arr", FK_VALUE }, { "acv", FK_VALUE },
	{ "annual value", FK_VALUE },
	{ "term", FK_TERM }, { "contract term", FK_TERM },
	{ "start", FK_START }, { "start date", FK_START },
	{ "go live", FK_GO_LIVE }, { "golive", FK_GO_LIVE },
	{ "go live date", FK_GO_LIVE },
	{ "renewal", FK_RENEWAL }, { "renewal date", FK_RENEWAL },
	{ "crm", FK_CRM }, { "crm record", FK_CRM },
	{ "proposal", FK_PROPOSAL }, { "order form", FK_PROPOSAL },
	{ "recordings", FK_RECORDING }, { "recording", FK_RECORDING },
	{ "call recordings", FK_RECORDING },
	{ "client summary", FK_CLIENT_SUMMARY },
	{ "for the client", FK_CLIENT_SUMMARY },
};

/* One key of the front matter, as read. */
struct fentry {
	enum fkey	 fk;
	char		*key;		/* as written, for <extra name=> */
	char		**vals;		/* trimmed scalars (a list: several) */
	size_t		 nvals;
	unsigned	 line, col;	/* of the key */
};

struct front {
	struct model		*m;
	struct diag_list	*dl;
	const struct limits	*lim;
	yaml_parser_t		 p;
	unsigned		 first_line;	/* file line of YAML line 1 */
	struct fentry		*v;
	size_t			 n, cap;
	int			 fatal;		/* stop: syntax, alias, memory */
	int			 oom;
};

static enum fkey
front_lookup(const char *key)
{
	char	 k[64];
	size_t	 i;

	md_key(key, k, sizeof(k));
	for (i = 0; i < sizeof(fk_names) / sizeof(fk_names[0]); i++)
		if (strcmp(k, fk_names[i].key) == 0)
			return fk_names[i].fk;
	return FK_EXTRA;
}

static struct srcpos
front_pos(const struct front *f, const yaml_mark_t *mk)
{
	return diag_pos(f->m->file, f->first_line + (unsigned)mk->line,
	    (unsigned)mk->column);
}

/* Anchors and aliases are refused: 'write the value out'. */
static int
front_alias(struct front *f, const yaml_event_t *ev)
{
	const yaml_char_t	*anchor = NULL;

	if (ev->type == YAML_ALIAS_EVENT)
		anchor = ev->data.alias.anchor;
	else if (ev->type == YAML_SCALAR_EVENT)
		anchor = ev->data.scalar.anchor;
	else if (ev->type == YAML_SEQUENCE_START_EVENT)
		anchor = ev->data.sequence_start.anchor;
	else if (ev->type == YAML_MAPPING_START_EVENT)
		anchor = ev->data.mapping_start.anchor;
	if (anchor == NULL && ev->type != YAML_ALIAS_EVENT)
		return 0;
	diag_add(f->dl, front_pos(f, &ev->start_mark), RULE_YAML_ALIAS,
	    "YAML %s '%s' in the front matter",
	    ev->type == YAML_ALIAS_EVENT ? "alias" : "anchor",
	    anchor ? (const char *)anchor : "");
	f->fatal = 1;
	return -1;
}

/* The next event, refusing errors, anchors and aliases.  0 or -1. */
static int
front_next(struct front *f, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&f->p, ev)) {
		diag_add(f->dl, diag_pos(f->m->file, f->first_line +
		    (unsigned)f->p.problem_mark.line,
		    (unsigned)f->p.problem_mark.column), RULE_YAML_SYNTAX,
		    "front matter: %s%s%s", f->p.problem ? f->p.problem :
		    "malformed YAML", f->p.context ? " " : "",
		    f->p.context ? f->p.context : "");
		f->fatal = 1;
		return -1;
	}
	if (front_alias(f, ev) == -1) {
		yaml_event_delete(ev);
		return -1;
	}
	return 0;
}

/* Skip a nested mapping or sequence whose start event was just read. */
static int
front_skip(struct front *f)
{
	yaml_event_t	 ev;
	unsigned	 depth = 1;

	while (depth > 0) {
		if (front_next(f, &ev) == -1)
			return -1;
		if (ev.type == YAML_MAPPING_START_EVENT ||
		    ev.type == YAML_SEQUENCE_START_EVENT)
			depth++;
		else if (ev.type == YAML_MAPPING_END_EVENT ||
		    ev.type == YAML_SEQUENCE_END_EVENT)
			depth--;
		else if (ev.type == YAML_STREAM_END_EVENT)
			depth = 0;
		yaml_event_delete(&ev);
		if (depth > f->lim->max_depth) {
			diag_add(f->dl, diag_pos_line(f->m->file,
			    f->first_line), RULE_NESTING,
			    "front matter nests deeper than %u levels",
			    f->lim->max_depth);
			f->fatal = 1;
			return -1;
		}
	}
	return 0;
}

/*
 * A scalar of the front matter, trimmed.  The file's bytes were checked
 * for control characters, but a double-quoted YAML scalar can spell them
 * ("\0", "\x01", "\e"): those are an error here, as they would be in the
 * file, and a NUL becomes U+FFFD instead of silently cutting the value.
 * malloc'd, or NULL when out of memory.
 */
static char *
front_scalar(struct front *f, const yaml_event_t *ev)
{
	const unsigned char	*v = ev->data.scalar.value;
	size_t			 len = ev->data.scalar.length, i;
	struct buf		 b;
	char			*s;
	int			 rc = 0, bad = -1;

	buf_init(&b);
	for (i = 0; rc == 0 && i < len; i++) {
		if ((v[i] < 0x20 && v[i] != '\t' && v[i] != '\n' &&
		    v[i] != '\r') || (v[i] == 0xef && i + 2 < len &&
		    v[i + 1] == 0xbf && v[i + 2] >= 0xbe)) {
			if (bad == -1)
				bad = v[i] == 0xef ? 0xfffe + (v[i + 2] - 0xbe) :
				    v[i];
		}
		rc = v[i] == '\0' ? buf_puts(&b, "\xef\xbf\xbd") :
		    buf_putc(&b, v[i]);
	}
	if (bad != -1)
		diag_add_hint(f->dl, front_pos(f, &ev->start_mark),
		    RULE_ENCODING, "a YAML escape such as \\0 or \\x01 spells "
		    "a control character; write the text itself",
		    "control character U+%04X is not text", (unsigned)bad);
	s = rc == 0 ? md_trim_dup(b.data != NULL ? b.data : "", b.len) : NULL;
	buf_dispose(&b);
	return s;
}

static int
front_push_val(struct front *f, struct fentry *e, const yaml_event_t *ev)
{
	char	**v, *s;

	if ((s = front_scalar(f, ev)) == NULL)
		return -1;
	/* The canonical tree folds line breaks into spaces; a value bound
	 * for an e-mail header that had one ("Acme\r\nBcc: …") is an
	 * attempt worth saying so, here where the line is known. */
	if ((e->fk == FK_CLIENT || e->fk == FK_AE || e->fk == FK_CSM ||
	    e->fk == FK_ID) && strpbrk(s, "\r\n") != NULL)
		diag_add(f->dl, diag_pos(f->m->file, e->line, e->col),
		    RULE_HEADER_INJECTION, "%s '%.60s' contains a line break",
		    fk_elem[e->fk], s);
	if ((v = realloc(e->vals, (e->nvals + 1) * sizeof(*v))) == NULL) {
		free(s);
		return -1;
	}
	e->vals = v;
	e->vals[e->nvals++] = s;
	return 0;
}

/* A mapping or a sequence where a scalar belongs. */
static int
front_not_scalar(struct front *f, const yaml_event_t *ev, const char *key)
{
	diag_add(f->dl, front_pos(f, &ev->start_mark), RULE_YAML_SYNTAX,
	    "'%s' must be a single value, not a %s", key,
	    ev->type == YAML_MAPPING_START_EVENT ? "mapping" : "list");
	return front_skip(f);
}

/*
 * ae / csm written as a mapping, the way YAML users do:
 *	ae:
 *	  name: Dana Reyes
 *	  email: dana.reyes@vendor.example
 * is read as 'Dana Reyes <dana.reyes@vendor.example>'.  Other keys and
 * nested values are refused with a diagnostic.  0 or -1.
 */
static int
front_person_map(struct front *f, struct fentry *e)
{
	yaml_event_t	 ev;
	char		 k[16], *name = NULL, *email = NULL, **slot, *v;
	struct buf	 b;
	int		 rc = -1;

	buf_init(&b);
	for (;;) {
		if (front_next(f, &ev) == -1)
			goto out;
		if (ev.type == YAML_MAPPING_END_EVENT)
			break;
		if (ev.type != YAML_SCALAR_EVENT) {
			diag_add(f->dl, front_pos(f, &ev.start_mark),
			    RULE_YAML_SYNTAX, "a key must be a plain word");
			yaml_event_delete(&ev);
			f->fatal = 1;
			goto out;
		}
		md_key((const char *)ev.data.scalar.value, k, sizeof(k));
		slot = strcmp(k, "name") == 0 ? &name :
		    strcmp(k, "email") == 0 || strcmp(k, "e mail") == 0 ||
		    strcmp(k, "mail") == 0 ? &email : NULL;
		if (slot == NULL || *slot != NULL)
			diag_add(f->dl, front_pos(f, &ev.start_mark),
			    RULE_PERSON_FORMAT, "%s: '%s' is %s; use 'name' and "
			    "'email'", e->key, ev.data.scalar.value,
			    slot == NULL ? "not a key of a person" :
			    "given twice");
		yaml_event_delete(&ev);
		if (front_next(f, &ev) == -1)
			goto out;
		if (ev.type != YAML_SCALAR_EVENT) {
			rc = front_not_scalar(f, &ev, e->key);
			yaml_event_delete(&ev);
			if (rc == -1)
				goto out;
			rc = -1;
			continue;
		}
		if (slot != NULL && *slot == NULL &&
		    (*slot = front_scalar(f, &ev)) == NULL) {
			yaml_event_delete(&ev);
			goto out;
		}
		yaml_event_delete(&ev);
	}
	yaml_event_delete(&ev);
	if ((name != NULL && buf_puts(&b, name) == -1) || (email != NULL &&
	    buf_printf(&b, "%s<%s>", name != NULL && *name ? " " : "",
	    email) == -1))
		goto out;
	if ((v = buf_detach(&b)) == NULL && (v = strdup("")) == NULL)
		goto out;
	if ((slot = realloc(e->vals, (e->nvals + 1) * sizeof(*slot))) == NULL) {
		free(v);
		goto out;
	}
	e->vals = slot;
	e->vals[e->nvals++] = v;
	rc = 0;
out:
	free(name);
	free(email);
	buf_dispose(&b);
	return rc;
}

/* The value of key e: a scalar, or for recordings a list of scalars. */
static int
front_value(struct front *f, struct fentry *e)
{
	yaml_event_t	 ev;
	int		 rc = 0;

	if (front_next(f, &ev) == -1)
		return -1;
	if (ev.type == YAML_SCALAR_EVENT)
		rc = front_push_val(f, e, &ev);
	else if (ev.type == YAML_SEQUENCE_START_EVENT &&
	    (e->fk == FK_RECORDING || e->fk == FK_EXTRA)) {
		for (;;) {
			yaml_event_delete(&ev);
			if (front_next(f, &ev) == -1)
				return -1;
			if (ev.type == YAML_SEQUENCE_END_EVENT)
				break;
			if (ev.type == YAML_SCALAR_EVENT) {
				if ((rc = front_push_val(f, e, &ev)) == -1)
					break;
			} else if (front_not_scalar(f, &ev, e->key) == -1) {
				yaml_event_delete(&ev);
				return -1;
			}
		}
	} else if (ev.type == YAML_MAPPING_START_EVENT &&
	    (e->fk == FK_AE || e->fk == FK_CSM))
		rc = front_person_map(f, e);
	else if (ev.type == YAML_SEQUENCE_START_EVENT ||
	    ev.type == YAML_MAPPING_START_EVENT)
		rc = front_not_scalar(f, &ev, e->key);
	yaml_event_delete(&ev);
	if (rc == -1 && !f->fatal)
		f->oom = f->fatal = 1;
	return rc;
}

/* True when key e was given before (same field, or same extra name). */
static int
front_duplicate(const struct front *f, const struct fentry *e)
{
	char	 a[64], b[64];
	size_t	 i;

	md_key(e->key, a, sizeof(a));
	for (i = 0; i < f->n; i++) {
		if (f->v[i].fk != e->fk)
			continue;
		if (e->fk != FK_EXTRA)
			return 1;
		md_key(f->v[i].key, b, sizeof(b));
		if (strcmp(a, b) == 0)
			return 1;
	}
	return 0;
}

static void
front_entry_free(struct fentry *e)
{
	size_t	 i;

	for (i = 0; i < e->nvals; i++)
		free(e->vals[i]);
	free(e->vals);
	free(e->key);
}

/* One 'key: value' pair whose key event is ev.  0 or -1 (fatal). */
static int
front_pair(struct front *f, const yaml_event_t *ev)
{
	struct fentry	 e, *v;

	memset(&e, 0, sizeof(e));
	if ((e.key = front_scalar(f, ev)) == NULL) {
		f->oom = f->fatal = 1;
		return -1;
	}
	e.fk = front_lookup(e.key);
	e.line = f->first_line + (unsigned)ev->start_mark.line;
	e.col = (unsigned)ev->start_mark.column;
	if (front_value(f, &e) == -1) {
		front_entry_free(&e);
		return -1;
	}
	if (front_duplicate(f, &e)) {
		diag_add(f->dl, diag_pos(f->m->file, e.line, e.col),
		    RULE_YAML_DUPLICATE, "key '%s' is given twice", e.key);
		front_entry_free(&e);
		return 0;
	}
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 32;

		if ((v = realloc(f->v, cap * sizeof(*v))) == NULL) {
			front_entry_free(&e);
			f->oom = f->fatal = 1;
			return -1;
		}
		f->v = v;
		f->cap = cap;
	}
	f->v[f->n++] = e;
	return 0;
}

/* The top-level mapping: key events until its end. */
static int
front_mapping(struct front *f)
{
	yaml_event_t	 ev;

	for (;;) {
		if (front_next(f, &ev) == -1)
			return -1;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		if (ev.type != YAML_SCALAR_EVENT) {
			diag_add(f->dl, front_pos(f, &ev.start_mark),
			    RULE_YAML_SYNTAX, "a key must be a plain word");
			yaml_event_delete(&ev);
			f->fatal = 1;
			return -1;
		}
		if (front_pair(f, &ev) == -1) {
			yaml_event_delete(&ev);
			return -1;
		}
		yaml_event_delete(&ev);
	}
}

/* The stream: nothing at all, or one document holding one mapping. */
static int
front_stream(struct front *f)
{
	yaml_event_t	 ev;
	int		 rc = 0, docs = 0;

	for (;;) {
		if (front_next(f, &ev) == -1)
			return -1;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			return rc;
		case YAML_DOCUMENT_START_EVENT:
			if (docs++ > 0) {
				diag_add(f->dl, front_pos(f, &ev.start_mark),
				    RULE_YAML_SYNTAX, "front matter holds "
				    "more than one YAML document");
				rc = -1;
			}
			break;
		case YAML_MAPPING_START_EVENT:
			rc = front_mapping(f);
			break;
		case YAML_SCALAR_EVENT:
			if (ev.data.scalar.length == 0)
				break;
			/* FALLTHROUGH */
		case YAML_SEQUENCE_START_EVENT:
			diag_add(f->dl, front_pos(f, &ev.start_mark),
			    RULE_YAML_SYNTAX, "front matter must be "
			    "'key: value' lines");
			f->fatal = 1;
			rc = -1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (rc == -1)
			return -1;
	}
}

/* ae / csm written without a name or an address: say what to write,
 * with the part that is there. */
static void
front_person_diag(struct front *f, const struct fentry *e, const char *val,
    const char *name, const char *email)
{
	char	 hint[300];

	if (name != NULL && email == NULL)
		snprintf(hint, sizeof(hint), "add the e-mail address: "
		    "'%.120s <e-mail address>'", name);
	else if (email != NULL && name == NULL)
		snprintf(hint, sizeof(hint), "add the name: 'Full Name "
		    "<%.120s>'", email);
	else
		snprintf(hint, sizeof(hint), "write it as 'Full Name "
		    "<name@company.com>'");
	diag_add_hint(f->dl, diag_pos(f->m->file, e->line, e->col),
	    RULE_PERSON_FORMAT, hint, "%s '%s' is not 'Name <email>'",
	    fk_elem[e->fk], val);
}

/* ae / csm: 'Name <email>' (or the two side by side) -> <ae><name/>
 * <email/></ae>. */
static int
front_emit_person(struct front *f, xmlNodePtr deal, const struct fentry *e,
    const char *val)
{
	xmlNodePtr	 n;
	char		*name = NULL, *email = NULL;
	int		 rc;

	if ((rc = md_person_parse(val, &name, &email)) == -1)
		return -1;
	/* 'csm: TBD' is one mistake: validate says placeholder. */
	if (rc == 1 && !validate_is_placeholder(val))
		front_person_diag(f, e, val, name, email);
	rc = -1;
	if ((n = model_add(f->m, deal, fk_elem[e->fk], NULL, e->line,
	    e->col, 1)) == NULL ||
	    (name != NULL && model_add(f->m, n, "name", name, e->line,
	    e->col, 1) == NULL) ||
	    (email != NULL && model_add(f->m, n, "email", email, e->line,
	    e->col, 1) == NULL))
		goto out;
	rc = 0;
out:
	free(name);
	free(email);
	return rc;
}

/* 'ARR: $96,000' says the period in its key: a value per year. */
static int
front_key_yearly(const char *key)
{
	char	 k[16];

	md_key(key, k, sizeof(k));
	return strcmp(k, "arr") == 0 || strcmp(k, "acv") == 0 ||
	    strcmp(k, "annual value") == 0;
}

/* value: '$84k ARR' -> <value currency="USD" per="year">84000</value>. */
static int
front_emit_value(struct front *f, xmlNodePtr deal, const struct fentry *e,
    const char *val)
{
	struct read_money	 rm;
	xmlNodePtr		 n;
	char			 why[300];

	if (read_money(val, &rm, why, sizeof(why)) != 0) {
		diag_add(f->dl, diag_pos(f->m->file, e->line, e->col),
		    RULE_MONEY_FORMAT, "value: %s", why);
		return 0;
	}
	if (rm.per[0] == '\0' && front_key_yearly(e->key))
		snprintf(rm.per, sizeof(rm.per), "year");
	if ((n = model_add(f->m, deal, "value", rm.amount, e->line, e->col,
	    1)) == NULL || model_set_attr(n, "currency", rm.currency) == -1 ||
	    (rm.per[0] != '\0' && model_set_attr(n, "per", rm.per) == -1))
		return -1;
	return 0;
}

/*
 * client_summary: the text the client intro may use, as
 * <context><client-summary><p>…</p></client-summary>, a paragraph per
 * run of lines between blank lines (a YAML '|' block keeps them).  An
 * empty value anchors the field's 'missing' at the key.  0 or -1.
 */
static int
front_emit_summary(struct front *f, const struct fentry *e, const char *val)
{
	xmlNodePtr	 root = model_root(f->m), ctx, cs;
	const char	*s = val, *end;
	char		*para;
	int		 rc;

	if (*val == '\0')
		return model_set_anchor(f->m, "context/client-summary",
		    e->line, e->col);
	if ((ctx = model_child(root, "context")) == NULL &&
	    (ctx = model_add(f->m, root, "context", NULL, e->line, e->col,
	    1)) == NULL)
		return -1;
	if ((cs = model_add(f->m, ctx, "client-summary", NULL, e->line,
	    e->col, 1)) == NULL)
		return -1;
	while (*s != '\0') {
		if ((end = strstr(s, "\n\n")) == NULL)
			end = s + strlen(s);
		if ((para = md_trim_dup(s, (size_t)(end - s))) == NULL)
			return -1;
		rc = *para == '\0' ? 0 : model_add(f->m, cs, "p", para,
		    e->line, e->col, 1) == NULL ? -1 : 0;
		free(para);
		if (rc == -1)
			return -1;
		s = *end != '\0' ? end + 2 : end;
	}
	return 0;
}

/* The keys as the known-keys hint spells them, one per field. */
static const struct {
	const char	*key;
	enum fkey	 fk;
} fk_spelled[] = {
	{ "client", FK_CLIENT }, { "deal", FK_ID }, { "segment", FK_SEGMENT },
	{ "industry", FK_INDUSTRY }, { "stage", FK_STAGE },
	{ "signed", FK_SIGNED }, { "ae", FK_AE }, { "csm", FK_CSM },
	{ "value", FK_VALUE }, { "term", FK_TERM }, { "start", FK_START },
	{ "go_live", FK_GO_LIVE }, { "renewal", FK_RENEWAL },
	{ "crm", FK_CRM }, { "proposal", FK_PROPOSAL },
	{ "recordings", FK_RECORDING },
	{ "client_summary", FK_CLIENT_SUMMARY },
};

/*
 * The known key an unknown one is a typo of ('segmnt': segment), among
 * the keys the front matter does not give yet; NULL when none is close.
 */
static const char *
front_near_key(const struct front *f, const char *key)
{
	const char	*cand[sizeof(fk_spelled) / sizeof(fk_spelled[0])];
	const char	*best[1];
	size_t		 i, j, k = 0;

	for (i = 0; i < sizeof(fk_spelled) / sizeof(fk_spelled[0]); i++) {
		for (j = 0; j < f->n; j++)
			if (f->v[j].fk == fk_spelled[i].fk)
				break;
		if (j == f->n)
			cand[k++] = fk_spelled[i].key;
	}
	return near_best(key, cand, k, best, 1) == 1 ? best[0] : NULL;
}

/* A key handoff does not know, kept by name; a list of values as one,
 * separated by commas ('competitors: [FieldPro, Acme]'). */
static int
front_emit_extra(struct front *f, xmlNodePtr deal, const struct fentry *e)
{
	struct buf	 b;
	xmlNodePtr	 n;
	const char	*near;
	size_t		 i;
	int		 rc = 0;

	if (e->nvals == 0)
		return 0;
	if ((near = front_near_key(f, e->key)) != NULL)
		diag_add(f->dl, diag_pos(f->m->file, e->line, e->col),
		    RULE_UNKNOWN_KEY, "unknown key '%s'; did you mean '%s'?",
		    e->key, near);
	else
		diag_add(f->dl, diag_pos(f->m->file, e->line, e->col),
		    RULE_UNKNOWN_KEY, "unknown key '%s'", e->key);
	buf_init(&b);
	for (i = 0; i < e->nvals && rc == 0; i++)
		rc = buf_printf(&b, "%s%s", i > 0 ? ", " : "", e->vals[i]);
	if (rc != 0 || (n = model_add(f->m, deal, "extra", b.data ? b.data :
	    "", e->line, e->col, 1)) == NULL ||
	    model_set_attr(n, "name", e->key) == -1)
		rc = -1;
	buf_dispose(&b);
	return rc;
}

/* Emit one entry's elements under <deal>.  0 or -1 (out of memory). */
static int
front_emit(struct front *f, xmlNodePtr deal, const struct fentry *e)
{
	xmlNodePtr	 n;
	char		*norm;
	size_t		 i;

	if (e->fk == FK_EXTRA)
		return front_emit_extra(f, deal, e);
	if (e->fk == FK_CLIENT_SUMMARY)
		return e->nvals > 0 ? front_emit_summary(f, e, e->vals[0]) : 0;
	for (i = 0; i < e->nvals; i++) {
		if (*e->vals[i] == '\0') {
			/* 'ae:' left empty: report it missing here. */
			char	 path[32];

			snprintf(path, sizeof(path), "deal/%s", fk_elem[e->fk]);
			if (model_set_anchor(f->m, path, e->line, e->col) == -1)
				return -1;
			continue;
		}
		if (e->fk == FK_AE || e->fk == FK_CSM) {
			if (front_emit_person(f, deal, e, e->vals[i]) == -1)
				return -1;
		} else if (e->fk == FK_VALUE) {
			if (front_emit_value(f, deal, e, e->vals[i]) == -1)
				return -1;
		} else if (e->fk == FK_SEGMENT || e->fk == FK_STAGE) {
			if ((norm = md_enum(e->vals[i])) == NULL)
				return -1;
			n = model_add(f->m, deal, fk_elem[e->fk], norm,
			    e->line, e->col, 1);
			free(norm);
			if (n == NULL)
				return -1;
		} else if (model_add(f->m, deal, fk_elem[e->fk], e->vals[i],
		    e->line, e->col, 1) == NULL)
			return -1;
	}
	return 0;
}

/* Emit every entry in the XSD's order (extras last, as written). */
static int
front_build(struct front *f, unsigned deal_line)
{
	xmlNodePtr	 deal;
	int		 k;
	size_t		 i;

	if (f->n == 0)
		return 0;
	if ((deal = model_child(model_root(f->m), "deal")) == NULL &&
	    (deal = model_add(f->m, model_root(f->m), "deal", NULL,
	    deal_line, 0, 1)) == NULL)
		return -1;
	for (k = 0; k < FK__MAX; k++)
		for (i = 0; i < f->n; i++)
			if ((int)f->v[i].fk == k &&
			    front_emit(f, deal, &f->v[i]) == -1)
				return -1;
	return 0;
}

/* ---- comments ------------------------------------------------------ */

/* The indent of a line, and whether it is blank. */
static size_t
front_indent(const char *s, size_t len, int *blank)
{
	size_t	 i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*blank = i == len || s[i] == '\r';
	return i;
}

/* True when a line's value opens a block scalar: 'key: |', '- >-'. */
static int
front_opens_block(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	while (len > 0 && (s[len - 1] == '+' || s[len - 1] == '-' ||
	    (s[len - 1] >= '0' && s[len - 1] <= '9')))
		len--;
	return len > 1 && (s[len - 1] == '|' || s[len - 1] == '>') &&
	    (s[len - 2] == ' ' || s[len - 2] == ':' || s[len - 2] == '-');
}

/*
 * Where an inline comment starts on a 'key: value  # comment' line: a
 * '#' after a blank, outside quotes.  0 when the line has none.
 */
static size_t
front_inline_comment(const char *s, size_t len)
{
	size_t	 i;
	char	 q = 0;

	for (i = 1; i < len; i++) {
		if (q != 0) {
			if (s[i] == q)
				q = 0;
		} else if ((s[i] == '"' || s[i] == '\'') &&
		    (s[i - 1] == ' ' || s[i - 1] == ':' || s[i - 1] == '['))
			q = s[i];
		else if (s[i] == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t'))
			return i;
	}
	return 0;
}

/*
 * Keep every '# comment' of the front matter, whole-line or after a value in the model, with
 * its file line, so fmt writes it back (libyaml drops comments).  Lines of
 * a block scalar are text, not comments; an inline comment (front 2) is
 * written back after its key's value.  0 or -1 (out of memory).
 */
static int
front_notes(struct model *m, const char *yaml, size_t len,
    unsigned first_line)
{
	const char	*s = yaml, *e = yaml + len, *nl;
	size_t		 ind, n, block = (size_t)-1;
	unsigned	 line = first_line;
	int		 blank, rc = 0, inl;
	char		*t;

	for (; s < e && rc == 0; s = nl + 1, line++) {
		if ((nl = memchr(s, '\n', (size_t)(e - s))) == NULL)
			nl = e;
		n = (size_t)(nl - s);
		ind = front_indent(s, n, &blank);
		if (blank || (block != (size_t)-1 && ind > block))
			continue;
		block = (size_t)-1;
		inl = s[ind] != '#';
		if (inl) {
			if (front_opens_block(s, n))
				block = ind;
			if ((ind = front_inline_comment(s, n)) == 0)
				continue;
		}
		while (n > ind && (s[n - 1] == '\r' || s[n - 1] == ' '))
			n--;
		if ((t = strndup(s + ind, n - ind)) == NULL ||
		    model_add_note(m, t, line, inl ? 2 : 1, 0) == -1)
			rc = -1;
		free(t);
	}
	return rc;
}

int
parse_front(struct model *m, const char *yaml, size_t len,
    unsigned first_line, const struct limits *lim, struct diag_list *dl)
{
	struct front	 f;
	size_t		 i;
	int		 rc = -1;

	memset(&f, 0, sizeof(f));
	f.m = m;
	f.dl = dl;
	f.lim = lim;
	f.first_line = first_line;
	if (!yaml_parser_initialize(&f.p))
		return -1;
	yaml_parser_set_input_string(&f.p, (const unsigned char *)yaml, len);
	yaml_parser_set_encoding(&f.p, YAML_UTF8_ENCODING);
	if (front_stream(&f) == -1 && f.fatal)
		goto out;
	if (front_build(&f, first_line > 1 ? first_line - 1 : 1) == -1 ||
	    front_notes(m, yaml, len, first_line) == -1) {
		f.oom = 1;
		goto out;
	}
	rc = 0;
out:
	if (f.oom)
		diag_add(dl, diag_pos_line(m->file, 0), RULE_IO,
		    "out of memory reading the front matter");
	for (i = 0; i < f.n; i++)
		front_entry_free(&f.v[i]);
	free(f.v);
	yaml_parser_delete(&f.p);
	return rc;
}
