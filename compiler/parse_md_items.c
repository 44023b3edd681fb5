/* SPDX-License-Identifier: MIT */
/*
 * parse_md_items.c: success metrics and objections written as bullets,
 * and commitments written as a table, into the same canonical records a
 * metrics table, an objections table and the commitments task list give.
 * A metric item is 'Metric: 30% -> 15% by DATE' or 'Cut no-shows from
 * 18% to 9% by Q2 2027', with 'Measured by:' (any metric column name as
 * a label) anywhere; an objection item is 'objection -> answer' or
 * 'objection — answered: answer'; a commitments table has What, Owner,
 * Due and Status columns (their spellings in schemas/read/records.txt).
 * Who and when are then resolved like a list's (read/read_resolve.c).
 * Nothing the AE wrote is dropped: words no field takes stay in the text.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "parse_md_int.h"
#include "read/read_date.h"
#include "read/read_words.h"

#define RECORDS		"schemas/read/records.txt"
#define NMET		5	/* rec_met's slots */

/* s as a records.txt word: md_key() spelling, '-' for a space. */
static int
items_word(const char *kind, const char *s, char *out, size_t outlen)
{
	char	 key[96], raw[96];
	size_t	 i, n;

	n = strlen(s);
	if (n < sizeof(raw)) {
		for (i = 0; i <= n; i++)
			raw[i] = s[i] == ' ' ? '-' : s[i];
		if (read_word(RECORDS, kind, raw, n, out, outlen))
			return 1;
	}
	md_key(s, key, sizeof(key));
	for (i = 0; key[i] != '\0'; i++)
		if (key[i] == ' ')
			key[i] = '-';
	return read_word(RECORDS, kind, key, i, out, outlen);
}

/* The first arrow of records.txt in s: its offset (its length in *len),
 * or -1. */
static long
items_arrow(const char *s, size_t *len)
{
	char	 out[4];
	size_t	 i, k;

	for (i = 0; s[i] != '\0'; i++) {
		if (i > 0 && s[i - 1] != ' ')
			continue;
		k = strcspn(s + i, " ");
		if (k > 0 && read_word(RECORDS, "arrow", s + i, k, out,
		    sizeof(out)) && (s[i + k] == ' ' || s[i + k] == '\0')) {
			*len = k;
			return (long)i;
		}
	}
	return -1;
}

/* The last ' WORD ' of kind in s[0..end) (a whole word): its offset, -1. */
static long
items_last_cue(const char *s, size_t end, const char *kind, size_t *len)
{
	char	 out[4];
	size_t	 i, k;

	for (i = end; i-- > 1;) {
		if (s[i - 1] != ' ')
			continue;
		k = strcspn(s + i, " ");
		if (i + k < end && s[i + k] == ' ' &&
		    read_word(RECORDS, kind, s + i, k, out, sizeof(out))) {
			*len = k;
			return (long)i;
		}
	}
	return -1;
}

/* Whether s reads as a date: 1; 2 when 'by ' + s does ('month 6');
 * 0 when not. */
static int
items_is_date(const char *s)
{
	struct read_date	 rd;
	char			 why[160], by[160];

	if (read_date(s, READ_ORDER_NONE, &rd, why, sizeof(why)) == 0)
		return 1;
	snprintf(by, sizeof(by), "by %s", s);
	if (read_date(by, READ_ORDER_NONE, &rd, why, sizeof(why)) == 0)
		return 2;
	/* '03/04/2027' is a date the validator explains. */
	return isdigit((unsigned char)*s) && strchr(s, '/') != NULL;
}

/* Set *dst to s[0..len), trimmed; 0 or -1. */
static int
items_set(char **dst, const char *s, size_t len)
{
	free(*dst);
	return (*dst = mdp_trim_sep(s, len)) == NULL ? -1 : 0;
}

/* Append ' (what)' to the name: words no field takes stay with it. */
static int
items_name_add(char **name, const char *what, size_t len)
{
	char	*n;
	size_t	 a = *name ? strlen(*name) : 0;

	if ((n = malloc(a + len + 2)) == NULL)
		return -1;
	if (a > 0)
		memcpy(n, *name, a), n[a++] = ' ';
	memcpy(n + a, what, len);
	n[a + len] = '\0';
	free(*name);
	*name = n;
	return 0;
}

/* 'by DATE (note)' at the end of s[0..*end): the due date into v[3],
 * *end cut before ' by'.  A trailing '(note)' goes to *note. */
static int
goal_due(const char *s, size_t *end, char **v, char **note)
{
	size_t	 i, cut;
	char	*d, *o;
	int	 kind;

	for (i = *end; i-- > 0;) {
		if (strncasecmp(s + i, " by ", 4) != 0)
			continue;
		if ((d = mdp_trim_sep(s + i + 4, *end - i - 4)) == NULL)
			return -1;
		o = strrchr(d, '(');
		if (o != NULL && o > d && d[strlen(d) - 1] == ')') {
			if ((*note = strdup(o)) == NULL) {
				free(d);
				return -1;
			}
			for (cut = (size_t)(o - d); cut > 0 && d[cut - 1] == ' ';)
				cut--;
			d[cut] = '\0';
		}
		if ((kind = items_is_date(d)) == 2) {
			/* 'by month 6': the cue is part of the date */
			free(d);
			if ((d = mdp_trim_sep(s + i + 1, *end - i - 1)) ==
			    NULL)
				return -1;
			if (*note != NULL)
				d[strlen(d) - strlen(*note)] = '\0';
			o = d + strlen(d);
			while (o > d && o[-1] == ' ')
				*--o = '\0';
		}
		if (kind != 0) {
			free(v[3]);
			v[3] = d;
			*end = i;
			return 0;
		}
		free(d);
		free(*note);
		*note = NULL;
	}
	return 0;
}

/* The words before the due date: name, baseline and target. */
static int
goal_numbers(const char *s, size_t end, char **v)
{
	size_t	 alen, flen, tlen;
	long	 a = items_arrow(s, &alen), f, t;
	const char *colon;

	if (a >= 0 && (size_t)a < end) {
		if (v[2] == NULL && items_set(&v[2], s + a + alen,
		    end - (size_t)a - alen) == -1)
			return -1;
		end = (size_t)a;
		f = items_last_cue(s, end, "from", &flen);
		colon = memchr(s, ':', end);
		if (f >= 0) {
			if (v[1] == NULL && items_set(&v[1], s + f + flen,
			    end - (size_t)f - flen) == -1)
				return -1;
			end = (size_t)f;
		} else if (colon != NULL) {
			if (v[1] == NULL && items_set(&v[1], colon + 1,
			    end - (size_t)(colon - s) - 1) == -1)
				return -1;
			end = (size_t)(colon - s);
		}
		return items_set(&v[0], s, end);
	}
	t = items_last_cue(s, end, "to", &tlen);
	if (t >= 0) {
		f = items_last_cue(s, (size_t)t, "from", &flen);
		if (v[2] == NULL && items_set(&v[2], s + t + tlen,
		    end - (size_t)t - tlen) == -1)
			return -1;
		end = (size_t)t;
		if (f >= 0) {
			if (v[1] == NULL && items_set(&v[1], s + f + flen,
			    end - (size_t)f - flen) == -1)
				return -1;
			end = (size_t)f;
		}
	}
	return items_set(&v[0], s, end);
}

/* Where the value of the label at s[at] ends, before vend: a label in
 * brackets ('(today: 8%)') ends before its ')', and the next label's '('
 * is not part of the value. */
static size_t
goal_label_end(const char *s, size_t at, size_t vend)
{
	while (vend > at && s[vend - 1] == ' ')
		vend--;
	if (vend > at && s[vend - 1] == '(')
		vend--;
	while (vend > at && s[vend - 1] == ' ')
		vend--;
	if (at > 0 && s[at - 1] == '(' && vend > at && s[vend - 1] == ')')
		vend--;
	return vend;
}

/* One metric item's text into v (rec_met's slots); 0 or -1. */
static int
goal_read(const char *s, char **v)
{
	size_t	 at = 0, len, next, nlen, end, vend;
	int	 slot, nslot, rc;
	char	*note = NULL;

	slot = mdp_label_find(&rec_met, s, &at, &len);
	end = slot >= 0 ? at : strlen(s);
	if (slot >= 0 && at > 0 && s[at - 1] == '(')
		end = at - 1;	/* '… by Q3 2027 (today: 8%)' */
	while (slot >= 0) {
		next = at + len;
		nslot = mdp_label_find(&rec_met, s, &next, &nlen);
		vend = goal_label_end(s, at, nslot >= 0 ? next : strlen(s));
		if (slot > 0 && items_set(&v[slot], s + at + len,
		    vend - (at + len)) == -1)
			return -1;
		slot = nslot, at = next, len = nlen;
	}
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '.'))
		end--;
	if (v[3] == NULL && goal_due(s, &end, v, &note) == -1)
		return -1;
	rc = goal_numbers(s, end, v);
	if (rc == 0 && note != NULL)
		rc = items_name_add(&v[0], note, strlen(note));
	free(note);
	return rc;
}

/* The first paragraph of a list item, flattened; NULL (oom set). */
static char *
items_text(struct mdp *p, cmark_node *item)
{
	cmark_node	*c;
	char		*s;

	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
			if ((s = mdp_flatten(c, ' ')) == NULL)
				p->oom = 1;
			return s;
		}
	return NULL;
}

/* One record of r from the values v[0..n), in the XSD's order. */
static void
items_emit(struct mdp *p, const struct rec *r, mdp_get parent, char **v,
    size_t n, unsigned line, unsigned col)
{
	xmlNodePtr	 rec;
	size_t		 s;

	rec = mdp_add(p, parent(p), r->elem, NULL, line, col, 1);
	for (s = 0; s < n; s++)
		if (v[s] != NULL && *v[s] != '\0')
			mdp_cell(p, r, rec, (int)s, v[s], line, col);
}

void
mdp_goal_list(struct mdp *p, mdp_get parent, cmark_node *n)
{
	cmark_node	*item;
	char		*s, *v[NMET];
	size_t		 i;

	for (item = cmark_node_first_child(n); item != NULL && !p->oom;
	    item = cmark_node_next(item)) {
		if ((s = items_text(p, item)) == NULL)
			continue;
		memset(v, 0, sizeof(v));
		if (goal_read(s, v) == -1)
			p->oom = 1;
		else	/* no target read: the validator says what is missing */
			items_emit(p, &rec_met, parent, v, NMET,
			    mdp_line(p, item), mdp_col(item));
		for (i = 0; i < NMET; i++)
			free(v[i]);
		free(s);
	}
}

/* 'objection -> answer' or 'objection — answered: answer' into v. */
static int
objection_read(const char *s, char **v)
{
	size_t	 alen, i, k;
	long	 a = items_arrow(s, &alen);
	char	 out[4];

	if (a >= 0)
		return items_set(&v[0], s, (size_t)a) == -1 ? -1 :
		    items_set(&v[1], s + a + alen, strlen(s) - (size_t)a - alen);
	for (i = 0; s[i] != '\0'; i++) {
		if (i > 0 && s[i - 1] != ' ')
			continue;
		k = strcspn(s + i, " ");
		if (read_word(RECORDS, "answer", s + i, k, out, sizeof(out)))
			return items_set(&v[0], s, i) == -1 ? -1 :
			    items_set(&v[1], s + i + k, strlen(s + i + k));
	}
	return items_set(&v[0], s, strlen(s));
}

void
mdp_objection_list(struct mdp *p, mdp_get parent, cmark_node *n)
{
	cmark_node	*item;
	char		*s, *v[2];

	for (item = cmark_node_first_child(n); item != NULL && !p->oom;
	    item = cmark_node_next(item)) {
		if ((s = items_text(p, item)) == NULL)
			continue;
		memset(v, 0, sizeof(v));
		if (objection_read(s, v) == -1)
			p->oom = 1;
		else
			items_emit(p, &rec_obj, parent, v, 2,
			    mdp_line(p, item), mdp_col(item));
		free(v[0]);
		free(v[1]);
		free(s);
	}
}

/* ---- commitments as a table ---------------------------------------- */

enum { CT_TEXT, CT_WHO, CT_DUE, CT_STATUS, CT__N };

/* The column of each header cell (-1: not one handoff reads). */
static size_t
commit_header(struct mdp *p, cmark_node *hdr, int *slot, size_t max)
{
	static const char *const names[CT__N] = { "text", "who", "due",
	    "status" };
	cmark_node	*cell;
	char		*h, out[16];
	size_t		 n = 0, k;

	for (cell = cmark_node_first_child(hdr); cell != NULL && n < max;
	    cell = cmark_node_next(cell), n++) {
		slot[n] = -1;
		if ((h = mdp_flatten(cell, ' ')) == NULL) {
			p->oom = 1;
			return n;
		}
		if (items_word("column", h, out, sizeof(out)))
			for (k = 0; k < CT__N; k++)
				if (strcmp(out, names[k]) == 0)
					slot[n] = (int)k;
		if (slot[n] == -1)
			diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, hdr),
			    mdp_col(cell)), RULE_UNKNOWN_COLUMN,
			    "unknown column '%s' in the commitments table: "
			    "its cells are kept in the commitment's text", h);
		free(h);
	}
	return n;
}

/* One body row: a commitment, who and due as written (resolved later). */
static void
commit_row(struct mdp *p, xmlNodePtr parent, cmark_node *row,
    const int *slot, size_t ncols)
{
	char		*v[CT__N] = { NULL }, *c, out[8];
	cmark_node	*cell;
	xmlNodePtr	 n;
	size_t		 i;
	unsigned	 line = mdp_line(p, row), col = mdp_col(row);
	int		 k;

	for (cell = cmark_node_first_child(row), i = 0; cell != NULL &&
	    i < ncols; cell = cmark_node_next(cell), i++) {
		if ((c = mdp_flatten(cell, ' ')) == NULL)
			goto oom;
		k = slot[i] < 0 ? CT_TEXT : slot[i];
		if (*c == '\0' || (v[k] != NULL && k != CT_TEXT))
			free(c);
		else if (v[k] == NULL)
			v[k] = c;
		else {	/* an unknown column's words join the text */
			if (items_name_add(&v[k], c, strlen(c)) == -1) {
				free(c);
				goto oom;
			}
			free(c);
		}
	}
	if (v[CT_TEXT] == NULL && v[CT_WHO] == NULL && v[CT_DUE] == NULL)
		goto out;
	n = mdp_add(p, parent, "commitment", NULL, line, col, 1);
	mdp_attr(p, n, "done", v[CT_STATUS] != NULL && items_word("done",
	    v[CT_STATUS], out, sizeof(out)) && strcmp(out, "true") == 0 ?
	    "true" : "false");
	mdp_add(p, n, "text", v[CT_TEXT] ? v[CT_TEXT] : "", line, col, 1);
	if (v[CT_WHO] != NULL)
		mdp_add(p, n, "who", v[CT_WHO], line, col, 1);
	if (v[CT_DUE] != NULL)
		mdp_add(p, n, "due", v[CT_DUE], line, col, 1);
	goto out;
oom:
	p->oom = 1;
out:
	for (k = 0; k < CT__N; k++)
		free(v[k]);
}

void
mdp_commit_table(struct mdp *p, xmlNodePtr parent, cmark_node *t)
{
	cmark_node	*row;
	int		 slot[64];
	size_t		 n, i;
	int		 have_text = 0;

	if ((row = cmark_node_first_child(t)) == NULL)
		return;
	n = commit_header(p, row, slot, sizeof(slot) / sizeof(slot[0]));
	for (i = 0; i < n; i++)
		have_text |= slot[i] == CT_TEXT;
	if (!have_text)
		diag_add(p->dl, diag_pos(p->m->file, mdp_line(p, row),
		    mdp_col(row)), RULE_TABLE_COLUMNS, "the commitments table "
		    "has no 'Commitment' column (or 'What')");
	for (row = cmark_node_next(row); row != NULL && !p->oom;
	    row = cmark_node_next(row))
		commit_row(p, parent, row, slot, n);
}
