/* SPDX-License-Identifier: MIT */
/*
 * read_resolve.c: every date field to YYYY-MM-DD after parsing (see
 * read_resolve.h).  The anchors are resolved first (signature, start,
 * go-live, each may count from the one before), then every other date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "config.h"
#include "model.h"
#include "read/read_commitment.h"
#include "read/read_date.h"
#include "read/read_person.h"
#include "read/read_money.h"
#include "read/read_resolve.h"
#include "read/read_words.h"
#include "timeline.h"

struct rr_state {
	struct read_anchors	 a;
	enum read_date_order	 order;
};

/* True when n is one of the date fields listed in dates.txt. */
static int
rr_is_date_field(const xmlNode *n)
{
	char	 path[96], v[4];

	if (n->parent == NULL || n->parent->type != XML_ELEMENT_NODE)
		return 0;
	snprintf(path, sizeof(path), "%s/%s", (const char *)n->parent->name,
	    (const char *)n->name);
	return read_word("schemas/read/dates.txt", "field", path,
	    strlen(path), v, sizeof(v));
}

/* deal/signed, deal/start and deal/go-live: the anchors. */
static int
rr_is_anchor(const xmlNode *n)
{
	return n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->parent->name, "deal") == 0 &&
	    (strcmp((const char *)n->name, "signed") == 0 ||
	    strcmp((const char *)n->name, "start") == 0 ||
	    strcmp((const char *)n->name, "go-live") == 0);
}

/* The signature itself with no year: the last such day up to today. */
static int
rr_signed_noyear(const struct read_date *rd, const struct rr_state *st)
{
	struct read_anchors	 a = st->a;
	const char		*missing;
	int			 day;

	a.signed_day = -1;
	if (read_date_resolve(rd, &a, &day, &missing) != 0)
		return -1;
	return day > st->a.today ? read_date_add_months(day, -12) : day;
}

/* Resolve one date element; its day (or -1) for the anchors. */
static int
rr_node(xmlNodePtr n, const struct rr_state *st, int is_signed)
{
	struct read_date	 rd;
	const char		*src, *missing;
	char			 why[8], iso[11];
	int			 day = -1, r;

	if ((src = model_attr(n, "written")) == NULL || *src == '\0')
		src = model_text(n);
	if (model_attr(n, "written") == NULL && read_date_is_iso(src)) {
		(void)date_parse(src, &day);
		return day;
	}
	if (read_date(src, st->order, &rd, why, sizeof(why)) != 0)
		return -1;	/* the validator says why */
	if (is_signed && rd.kind == READ_DATE_NOYEAR)
		r = (day = rr_signed_noyear(&rd, st)) < 0;
	else
		r = read_date_resolve(&rd, &st->a, &day, &missing);
	if ((rd.kind != READ_DATE_DAY || rd.period) &&
	    model_attr(n, "written") == NULL) {
		char	*keep = strdup(src);

		if (keep == NULL || model_set_attr(n, "written", keep) == -1) {
			free(keep);
			return -2;
		}
		free(keep);
	}
	if (r != 0)
		day = -1;
	if (day >= 0)
		date_format(day, iso);
	else
		iso[0] = '\0';
	xmlNodeSetContent(n, (const xmlChar *)iso);
	return day;
}

static int
rr_walk(xmlNodePtr n, const struct rr_state *st)
{
	xmlNodePtr	 c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (rr_is_anchor(c))
			continue;	/* resolved first, by read_resolve() */
		if (rr_is_date_field(c)) {
			if (rr_node(c, st, 0) == -2)
				return -1;
		} else if (rr_walk(c, st) == -1)
			return -1;
	}
	return 0;
}

/*
 * The day/month order the file's own numeric dates show ('25/11/2026'
 * can only be day first): each date field and commitment due date with
 * a number above 12 in one of its first two places votes.  *dmy and *mdy
 * count the votes.
 */
static void
rr_order_votes(const xmlNode *n, int *dmy, int *mdy)
{
	const xmlNode	*c;
	const char	*s;
	int		 a, b, y;
	char		 s1, s2, tail;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (model_first(c) != NULL) {
			rr_order_votes(c, dmy, mdy);
			continue;
		}
		if ((s = model_attr(c, "written")) == NULL || *s == '\0')
			s = model_text(c);
		/* the shape first: the field lookup only for what has it */
		if (sscanf(s, "%2d%c%2d%c%4d%c", &a, &s1, &b, &s2, &y,
		    &tail) != 5 || s1 != s2 || (s1 != '/' && s1 != '-') ||
		    (strcmp((const char *)c->name, "due") != 0 &&
		    !rr_is_date_field(c)))
			continue;
		*dmy += a > 12 && b <= 12;
		*mdy += b > 12 && a <= 12;
	}
}

/* The order to read numeric dates in: handoff.yml's, else the one the
 * file's unambiguous dates all show, else none (ambiguous stays an
 * error). */
static enum read_date_order
rr_order(const struct model *m, const struct config *c)
{
	int	 dmy = 0, mdy = 0;

	if (c != NULL && c->date_order != READ_ORDER_NONE)
		return (enum read_date_order)c->date_order;
	rr_order_votes(model_root(m), &dmy, &mdy);
	if (dmy > 0 && mdy == 0)
		return READ_ORDER_DMY;
	if (mdy > 0 && dmy == 0)
		return READ_ORDER_MDY;
	return READ_ORDER_NONE;
}

/* Put n before the first of crm, proposal, recording, extra (the XSD's
 * order) among deal's children. */
static void
rr_place_renewal(xmlNodePtr deal, xmlNodePtr n)
{
	static const char *const after[] = { "crm", "proposal", "recording",
	    "extra" };
	xmlNodePtr	 c;
	size_t		 i;

	for (c = deal->children; c != NULL; c = c->next) {
		if (c == n || c->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; i < sizeof(after) / sizeof(after[0]); i++)
			if (strcmp((const char *)c->name, after[i]) == 0) {
				xmlUnlinkNode(n);
				xmlAddPrevSibling(c, n);
				return;
			}
	}
}

/*
 * No renewal date but a term and a start (or signature) date: the
 * renewal follows, marked derived="true" (and re-derived each time, so
 * that it follows the term).  0, or -1 out of memory.
 */
static int
rr_derive_renewal(struct model *m, const struct rr_state *st)
{
	xmlNodePtr	 deal = model_find(m, "deal"), r, term;
	const char	*d;
	struct srcpos	 pos;
	char		 iso[11];
	int		 months, base;

	if (deal == NULL)
		return 0;
	if ((r = model_child(deal, "renewal")) != NULL) {
		if ((d = model_attr(r, "derived")) == NULL ||
		    (strcmp(d, "true") != 0 && strcmp(d, "1") != 0))
			return 0;
		xmlUnlinkNode(r);
		xmlFreeNode(r);
	}
	term = model_child(deal, "term");
	base = st->a.start >= 0 ? st->a.start : st->a.signed_day;
	if (term == NULL || base < 0 || read_term(model_text(term), &months))
		return 0;
	date_format(read_date_add_months(base, months), iso);
	pos = model_pos(m, term);
	if ((r = model_add(m, deal, "renewal", iso, pos.line, pos.col,
	    pos.col_known)) == NULL || model_set_attr(r, "derived", "true") == -1)
		return -1;
	rr_place_renewal(deal, r);
	return 0;
}

#define RR_MAXPEOPLE	64

/* The deal's people: the AE, the CSM and the stakeholders (borrowed). */
static size_t
rr_people(const struct model *m, const char **names, const char **roles)
{
	const xmlNode	*sh;
	size_t		 n = 0;

	names[n] = model_get(m, "deal/ae/name");
	roles[n++] = "ae";
	names[n] = model_get(m, "deal/csm/name");
	roles[n++] = "csm";
	for (sh = model_find(m, "relationships/stakeholder"); sh != NULL &&
	    n < RR_MAXPEOPLE; sh = model_next(sh, "stakeholder")) {
		names[n] = model_text(model_child(sh, "name"));
		roles[n++] = "";
	}
	return n;
}

/* Set the text of c's child name (made, in the XSD's order, if need be). */
static int
rr_set_child(struct model *m, xmlNodePtr c, const char *name,
    const char *text)
{
	xmlNodePtr	 n = model_child(c, name), t;
	struct srcpos	 pos;

	if (n != NULL) {
		xmlNodeSetContent(n, NULL);
		return model_append_text(n, text);
	}
	pos = model_pos(m, c);
	if ((n = model_add(m, c, name, text, pos.line, pos.col,
	    pos.col_known)) == NULL)
		return -1;
	/* <who> goes before <due>. */
	if (strcmp(name, "who") == 0 && (t = model_child(c, "due")) != NULL) {
		xmlUnlinkNode(n);
		xmlAddPrevSibling(t, n);
	}
	return 0;
}

/* 'Marisol', 'AE', 'MV' -> the one person it can mean, or as written. */
static const char *
rr_person(const char *who, const char *const *names, const char *const *roles,
    size_t n)
{
	char	 role[8];
	size_t	 idx[2], i;

	if (read_word("schemas/read/commitments.txt", "role", who, strlen(who),
	    role, sizeof(role)))
		for (i = 0; i < n; i++)
			if (strcmp(roles[i], role) == 0 && *names[i] != '\0')
				return names[i];
	if (read_person_candidates(who, names, n, idx, 2) == 1)
		return names[idx[0]];
	return who;
}

/* One commitment: lift who, due and done out of its words. */
static int
rr_commitment(struct model *m, xmlNodePtr c, const struct rr_state *st,
    const char *const *names, const char *const *roles, size_t n)
{
	struct read_commitment	 rc;
	xmlNodePtr		 due = model_child(c, "due");
	const char		*d = model_attr(due, "written"), *who;
	int			 rv = -1;

	if (d == NULL || *d == '\0')
		d = model_text(due);
	if (read_commitment(model_text(model_child(c, "text")),
	    model_text(model_child(c, "who")), d, names, n, st->order,
	    &rc) == -1)
		return -1;
	if (rr_set_child(m, c, "text", rc.text) == -1)
		goto out;
	if (rc.who != NULL) {
		who = rr_person(rc.who, names, roles, n);
		if (rr_set_child(m, c, "who", who) == -1)
			goto out;
	} else if (model_child(c, "who") != NULL) {
		xmlNodePtr w = model_child(c, "who");

		xmlUnlinkNode(w);
		xmlFreeNode(w);
	}
	if (rc.due == NULL && due != NULL && model_attr(due, "written") ==
	    NULL) {
		xmlUnlinkNode(due);	/* it said 'done' */
		xmlFreeNode(due);
	} else if (rc.due != NULL && (due == NULL ||
	    strcmp(model_text(due), rc.due) != 0) &&
	    model_attr(due, "written") == NULL &&
	    rr_set_child(m, c, "due", rc.due) == -1)
		goto out;
	if (rc.done && model_set_attr(c, "done", "true") == -1)
		goto out;
	rv = 0;
out:
	read_commitment_free(&rc);
	return rv;
}

static int
rr_commitments(struct model *m, const struct rr_state *st)
{
	const char	*names[RR_MAXPEOPLE], *roles[RR_MAXPEOPLE];
	xmlNodePtr	 c;
	size_t		 n = rr_people(m, names, roles);

	for (c = model_find(m, "context/commitments/commitment"); c != NULL;
	    c = model_next(c, "commitment"))
		if (rr_commitment(m, c, st, names, roles, n) == -1)
			return -1;
	return 0;
}

int
read_resolve(struct model *m, const struct config *c, int today)
{
	struct rr_state	 st;
	xmlNodePtr	 n;

	memset(&st, 0, sizeof(st));
	st.a.signed_day = st.a.start = st.a.go_live = -1;
	st.a.today = today;
	st.a.holidays = c != NULL ? c->holidays : NULL;
	st.a.nholidays = c != NULL ? c->nholidays : 0;
	st.order = rr_order(m, c);
	if ((n = model_find(m, "deal/signed")) != NULL &&
	    (st.a.signed_day = rr_node(n, &st, 1)) == -2)
		return -1;
	if ((n = model_find(m, "deal/start")) != NULL &&
	    (st.a.start = rr_node(n, &st, 0)) == -2)
		return -1;
	if ((n = model_find(m, "deal/go-live")) != NULL &&
	    (st.a.go_live = rr_node(n, &st, 0)) == -2)
		return -1;
	if (st.a.signed_day < -1)
		st.a.signed_day = -1;
	if (st.a.start < -1)
		st.a.start = -1;
	if (rr_derive_renewal(m, &st) == -1 || rr_commitments(m, &st) == -1)
		return -1;
	return rr_walk(model_root(m), &st);
}
