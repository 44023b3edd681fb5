/* SPDX-License-Identifier: MIT */
/*
 * parse_md_list.c: stakeholders and risks written as bullet lists, one
 * item per record, into the same canonical records a table gives (values
 * go through mdp_cell(), the table's reader).  A stakeholder item is
 * 'Name — title, roles, stance, influence — email — prefers channel' in
 * any order, parts separated by '—', '–', ' - ', '|', ';' or ','; a risk
 * item is its text with 'Severity:', 'Likelihood:', 'Mitigation:',
 * 'Owner:' labels (the table's column names) anywhere, or the severity
 * as '(high)', '[HIGH]', 'severity low', 'High: …' or '… — High'.
 * A bare 'high', 'medium' or 'low' in a stakeholder item is its influence,
 * a bare 'phone' or 'Teams' its channel (schemas/read/records.txt).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

#include "buf.h"
#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "parse_md_int.h"
#include "read/read_words.h"

#define MAX_PARTS	48
#define NSLOT		8

/* What one item gathered: a value per slot (NULL: none). */
struct item {
	char	*val[NSLOT];
};

static const char *const stances[][2] = {
	{ "champion", "champion" }, { "supporter", "supporter" },
	{ "neutral", "neutral" }, { "skeptic", "skeptic" },
	{ "sceptic", "skeptic" }, { "skeptical", "skeptic" },
	{ "sceptical", "skeptic" }, { "detractor", "detractor" },
	{ "blocker", "detractor" },
};

/* What separates the parts of an item. */
#define SEP_CHARS	" \t.,;:|-"

static int
is_sep_char(int c)
{
	return c != '\0' && strchr(SEP_CHARS, c) != NULL;
}

/* A malloc'd copy of s[0..len) trimmed of space and separators. */
char *
mdp_trim_sep(const char *s, size_t len)
{
	return md_trim_seps(s, len, SEP_CHARS);
}

/* Append v to *dst, joined by sep.  0 or -1. */
static int
join(char **dst, const char *v, const char *sep)
{
	char	*n;
	size_t	 a, b;

	if (*dst == NULL)
		return (*dst = strdup(v)) == NULL ? -1 : 0;
	a = strlen(*dst), b = strlen(v);
	if ((n = malloc(a + strlen(sep) + b + 1)) == NULL)
		return -1;
	memcpy(n, *dst, a);
	strcpy(n + a, sep);
	strcat(n, v);
	free(*dst);
	*dst = n;
	return 0;
}

/* The slot of a 'key:' label of r at s (its length in *len), or -1. */
static int
label_at(const struct rec *r, const char *s, size_t *len)
{
	size_t	 i, k, best = 0;
	int	 slot = -1;

	for (i = 0; i < r->ncols; i++) {
		k = strlen(r->cols[i].key);
		if (k <= best || strncasecmp(s, r->cols[i].key, k) != 0)
			continue;
		while (s[k] == ' ')
			k++;
		if (s[k] != ':')
			continue;
		best = k + 1;
		slot = r->cols[i].slot;
	}
	*len = best;
	return slot;
}

/* The first 'key:' label of r in s at a word start, from *at; -1. */
int
mdp_label_find(const struct rec *r, const char *s, size_t *at, size_t *len)
{
	size_t	 i;
	int	 slot;

	for (i = *at; s[i] != '\0'; i++) {
		if (i > 0 && !is_sep_char((unsigned char)s[i - 1]) &&
		    s[i - 1] != '(')
			continue;
		if ((slot = label_at(r, s + i, len)) >= 0) {
			*at = i;
			return slot;
		}
	}
	return -1;
}

/* One record from the gathered values, fields in XSD order. */
static void
item_emit(struct mdp *p, const struct rec *r, mdp_get parent,
    struct item *it, unsigned line, unsigned col)
{
	xmlNodePtr	 rec;
	size_t		 s;

	rec = mdp_add(p, parent(p), r->elem, NULL, line, col, 1);
	for (s = 0; s < r->nslots && s < NSLOT; s++)
		if (it->val[s] != NULL && *it->val[s] != '\0')
			mdp_cell(p, r, rec, (int)s, it->val[s], line, col);
}

/* Set slot to v unless already set (a second value joins with '; '). */
static int
item_set(struct item *it, int slot, const char *v, const char *sep)
{
	if (*v == '\0')
		return 0;
	return join(&it->val[slot], v, sep);
}

/* A stance word's canonical spelling, or NULL. */
static const char *
stance_of(const char *piece)
{
	char	 key[64];
	size_t	 i;

	md_key(piece, key, sizeof(key));
	for (i = 0; i < N(stances); i++)
		if (strcmp(key, stances[i][0]) == 0)
			return stances[i][1];
	return NULL;
}

/* 'high influence', 'influence high' -> "high"; NULL when not that. */
static char *
influence_of(const char *piece)
{
	char	 key[64];
	size_t	 k;

	md_key(piece, key, sizeof(key));
	k = strlen(key);
	if (k > 10 && strcmp(key + k - 10, " influence") == 0)
		return md_trim_dup(key, k - 10);
	if (strncmp(key, "influence ", 10) == 0)
		return strdup(key + 10);
	return NULL;
}

/* An e-mail address in piece (without '<>' or 'mailto:'), or NULL. */
static char *
email_of(const char *piece)
{
	const char	*s = piece, *at;
	size_t		 len;

	if (strncasecmp(s, "mailto:", 7) == 0)
		s += 7;
	if (*s == '<')
		s++;
	len = strlen(s);
	if (len > 0 && s[len - 1] == '>')
		len--;
	if (memchr(s, ' ', len) != NULL || (at = memchr(s, '@', len)) == NULL ||
	    at == s || memchr(at, '.', len - (size_t)(at - s)) == NULL ||
	    s[len - 1] == '.')
		return NULL;
	return md_trim_dup(s, len);
}

/* One part of a stakeholder item; unread text joins *rest.  0 or -1. */
static int
stk_piece(const struct rec *r, struct item *it, char **roles, int *stance,
    char **rest, const char *piece)
{
	size_t		 len;
	int		 slot;
	const char	*st;
	char		*v, lvl[8], chan[16];

	if ((slot = label_at(r, piece, &len)) >= 0) {
		if ((v = mdp_trim_sep(piece + len, strlen(piece + len))) == NULL)
			return -1;
		if (slot == 4)
			*stance = 1;
		slot = slot == 2 ? join(roles, v, ", ") :
		    item_set(it, slot, v, "; ");
		free(v);
		return slot;
	}
	if ((v = email_of(piece)) != NULL) {
		slot = item_set(it, 5, v, ", ");
		free(v);
		return slot;
	}
	if (strncasecmp(piece, "prefers ", 8) == 0 ||
	    strncasecmp(piece, "prefers:", 8) == 0)
		return item_set(it, 6, piece + 8 + strspn(piece + 8, " :"), "; ");
	if ((v = influence_of(piece)) != NULL) {
		slot = item_set(it, 3, v, "; ");
		free(v);
		return slot;
	}
	/* A bare 'high' is the influence, unless one was given already. */
	if (it->val[3] == NULL && read_word("schemas/read/records.txt",
	    "level", piece, strlen(piece), lvl, sizeof(lvl)))
		return item_set(it, 3, lvl, "; ");
	if (it->val[6] == NULL && read_word("schemas/read/records.txt",
	    "channel", piece, strlen(piece), chan, sizeof(chan)))
		return item_set(it, 6, chan, "; ");
	if ((st = stance_of(piece)) != NULL) {
		/* 'champion' and 'blocker' are roles as well as stances. */
		if (md_role_known(piece) && join(roles, piece, ", ") == -1)
			return -1;
		if (it->val[4] == NULL || !*stance) {
			free(it->val[4]);
			if ((it->val[4] = strdup(st)) == NULL)
				return -1;
		}
		*stance |= !md_role_known(piece);
		return 0;
	}
	if (md_role_known(piece))
		return join(roles, piece, ", ");
	return join(rest, piece, ", ");
}

/* The words of s[0..e). */
static size_t
stk_words(const char *s, const char *e)
{
	size_t	 n = 0;

	for (; s < e; s++)
		if (*s != ' ' && (s[1] == ' ' || s + 1 == e))
			n++;
	return n;
}

/* Split s at '—', '–', ' - ', '|' and ';' into segments (in place). */
static size_t
split_segments(char *s, char **seg, size_t max)
{
	size_t	 n = 0, i = 0, start = 0, w;

	for (;;) {
		w = 0;
		if (s[i] == '\0')
			w = 0;
		else if (strncmp(s + i, "\xe2\x80\x94", 3) == 0 ||
		    strncmp(s + i, "\xe2\x80\x93", 3) == 0)
			w = 3;
		else if (strncmp(s + i, " - ", 3) == 0)
			w = 3;
		else if (s[i] == '|' || s[i] == ';')
			w = 1;
		if (s[i] == '\0' || w > 0) {
			if (n < max)
				seg[n++] = s + start;
			if (s[i] == '\0')
				break;
			s[i] = '\0';
			i += w;
			start = i;
			continue;
		}
		i++;
	}
	return n;
}

/*
 * Commas where a stakeholder item's first part puts the name beside
 * what follows it ('Dee Eff (VP Ops)', 'Jon Lu: Director of Sales',
 * 'Fay Hill <fay@x.example>'), and around an address in brackets in any
 * part ('COO (kim@x.example)'), so that each is a part of its own.  In
 * place: a bracket or colon becomes a comma.
 */
static void
stk_unbracket(char *seg, int first)
{
	char	*o, *c;

	for (o = strchr(seg, '('); o != NULL; o = strchr(o + 1, '(')) {
		if ((c = strchr(o, ')')) == NULL)
			break;
		if (first || memchr(o, '@', (size_t)(c - o)) != NULL) {
			*o = ',';
			*c = ',';
		}
	}
	if (!first)
		return;
	/* 'Fay Hill fay@x.example' (an autolink '<fay@…>' reads so) */
	if ((c = strchr(seg, '@')) != NULL) {
		for (o = c; o > seg && o[-1] != ' '; o--)
			;
		if (o > seg)
			o[-1] = ',';
	}
	/* 'Jon Lu: Director of Sales', but not 'Role: …' (a label) */
	if ((o = strchr(seg, ':')) != NULL && o[1] == ' ' &&
	    strchr(seg, ',') == NULL && o - seg < 60 && stk_words(seg, o) <= 4)
		*o = ',';
}

/* A stakeholder item's text into it; 1 when it has no name. */
static int
stk_read(const struct rec *r, struct item *it, char *s)
{
	char	*seg[MAX_PARTS], *roles = NULL, *piece, *save, *t, *rest;
	size_t	 n, i;
	int	 stance = 0, rc = 0, first = 1;

	n = split_segments(s, seg, MAX_PARTS);
	for (i = 0; i < n && rc == 0; i++) {
		rest = NULL;
		save = NULL;
		stk_unbracket(seg[i], i == 0);
		for (piece = strtok_r(seg[i], ",", &save); piece != NULL &&
		    rc == 0; piece = strtok_r(NULL, ",", &save)) {
			if ((t = mdp_trim_sep(piece, strlen(piece))) == NULL) {
				rc = -1;
				break;
			}
			if (first) {
				/* The name comes first, or there is none. */
				first = 0;
				rc = item_set(it, 0, t, " ");
			} else if (*t == '\0')
				;
			else
				rc = stk_piece(r, it, &roles, &stance, &rest, t);
			free(t);
		}
		first = 0;	/* an empty first part: no name */
		if (rest != NULL && rc == 0)
			rc = item_set(it, it->val[1] == NULL ? 1 : 7, rest, "; ");
		free(rest);
	}
	if (rc == 0 && roles != NULL)
		rc = item_set(it, 2, roles, ", ");
	free(roles);
	if (rc == 0 && it->val[0] == NULL)
		return 1;
	return rc;
}

/* The severity a word means ('High', 'med', 'critical'), or NULL. */
static const char *
risk_level(const char *w, size_t len, char *out, size_t outsz)
{
	char	 v[64], key[64];
	size_t	 k;

	if (len == 0 || len >= sizeof(v))
		return NULL;
	memcpy(v, w, len);
	v[len] = '\0';
	md_key(v, key, sizeof(key));
	k = strlen(key);
	if (k > 9 && strcmp(key + k - 9, " severity") == 0)
		key[k -= 9] = '\0';
	if (k > 5 && strcmp(key + k - 5, " risk") == 0)
		key[k -= 5] = '\0';
	if (k > 9 && strncmp(key, "severity ", 9) == 0)
		memmove(key, key + 9, k - 8);
	if (strcmp(key, "critical") == 0) {
		snprintf(out, outsz, "critical");
		return out;
	}
	return read_word("schemas/read/records.txt", "level", key,
	    strlen(key), out, outsz) ? out : NULL;
}

/* Cut s[off..off+len) out of *text and trim what is left.  0 or -1. */
static int
risk_cut(char **text, size_t off, size_t len)
{
	char	*v;

	memmove(*text + off, *text + off + len, strlen(*text + off + len) + 1);
	if ((v = mdp_trim_sep(*text, strlen(*text))) == NULL)
		return -1;
	free(*text);
	*text = v;
	return 0;
}

/*
 * The severity written in a risk item's text, cut out: '(high)', '(high
 * severity)', '[HIGH]', 'severity low', '… - high - …', '… -> med',
 * '… — High'.  0 or -1.
 */
static int
risk_severity(struct item *it, char **text)
{
	char		*o, *c, lvl[16];
	const char	*t;
	size_t		 n;

	if (it->val[1] != NULL)
		return 0;
	for (o = strpbrk(*text, "(["); o != NULL; o = strpbrk(o + 1, "([")) {
		if ((c = strchr(o, *o == '(' ? ')' : ']')) == NULL ||
		    c - o > 40 || risk_level(o + 1, (size_t)(c - o - 1), lvl,
		    sizeof(lvl)) == NULL)
			continue;
		if ((it->val[1] = strdup(lvl)) == NULL)
			return -1;
		return risk_cut(text, (size_t)(o - *text), (size_t)(c - o + 1));
	}
	/* 'severity low' anywhere */
	for (o = *text; (o = strstr(o, "everity ")) != NULL; o++) {
		if (o == *text || (o[-1] != 's' && o[-1] != 'S'))
			continue;
		t = o + 8;
		n = strcspn(t, " ,;.)");
		if (risk_level(t, n, lvl, sizeof(lvl)) == NULL)
			continue;
		if ((it->val[1] = strdup(lvl)) == NULL)
			return -1;
		return risk_cut(text, (size_t)(o - 1 - *text),
		    (size_t)(t + n - (o - 1)));
	}
	/* '… - high - …', '… -> med': a level between dashes or after an
	 * arrow */
	for (o = *text; (o = strpbrk(o, "-\xe2")) != NULL; o++) {
		const char	*w = o;
		size_t		 dl;

		if (strncmp(o, "-> ", 3) == 0)
			dl = 3;
		else if (o > *text && o[-1] == ' ' && strncmp(o, "- ", 2) == 0)
			dl = 2;
		else if (o > *text && o[-1] == ' ' &&
		    md_dash_len(o, strlen(o)) == 3 && o[3] == ' ')
			dl = 4;
		else
			continue;
		w = o + dl;
		n = strcspn(w, " ,;.");
		if ((w[n] != '\0' && strncmp(w + n, " - ", 3) != 0 &&
		    strncmp(w + n, " \xe2\x80", 3) != 0) ||
		    risk_level(w, n, lvl, sizeof(lvl)) == NULL)
			continue;
		if ((it->val[1] = strdup(lvl)) == NULL)
			return -1;
		c = o > *text ? o - 1 : o;
		return risk_cut(text, (size_t)(c - *text),
		    (size_t)(w + n - c));
	}
	return 0;
}

/* A risk item's text into it; 1 when it has no risk text. */
static int
risk_read(const struct rec *r, struct item *it, const char *s)
{
	size_t	 at = 0, len, next, nlen;
	int	 slot, nslot;
	char	*v, *text = NULL, lvl[16];
	const char *c;

	/* 'High: union pushback', 'Low risk: summer holidays' */
	if ((c = strchr(s, ':')) != NULL && c - s < 20 &&
	    risk_level(s, (size_t)(c - s), lvl, sizeof(lvl)) != NULL) {
		if ((it->val[1] = strdup(lvl)) == NULL)
			return -1;
		s = c + 1;
	}
	slot = mdp_label_find(r, s, &at, &len);
	if ((text = mdp_trim_sep(s, slot >= 0 ? at : strlen(s))) == NULL)
		return -1;
	while (slot >= 0) {
		next = at + len;
		nslot = mdp_label_find(r, s, &next, &nlen);
		v = mdp_trim_sep(s + at + len, (nslot >= 0 ? next : strlen(s)) -
		    (at + len));
		if (v == NULL || (slot == 0 ? join(&text, v, " ") :
		    item_set(it, slot, v, "; ")) == -1) {
			free(v);
			free(text);
			return -1;
		}
		free(v);
		slot = nslot, at = next, len = nlen;
	}
	if (text != NULL && risk_severity(it, &text) == -1) {
		free(text);
		return -1;
	}
	if (text == NULL || *text == '\0') {
		free(text);
		return 1;
	}
	it->val[0] = text;
	return 0;
}

/* One list item: a record, or a diagnostic naming its line. */
static void
mdp_list_item(struct mdp *p, const struct rec *r, mdp_get parent,
    cmark_node *item)
{
	cmark_node	*c;
	struct item	 it;
	char		*all = NULL;
	unsigned	 line = mdp_line(p, item), col = mdp_col(item);
	size_t		 i;
	int		 rc = 1;

	memset(&it, 0, sizeof(it));
	for (c = cmark_node_first_child(item); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
			if ((all = mdp_flatten(c, ' ')) == NULL) {
				p->oom = 1;
				return;
			}
			break;
		}
	if (all != NULL)
		rc = r == &rec_stk ? stk_read(r, &it, all) :
		    risk_read(r, &it, all);
	if (rc == -1)
		p->oom = 1;
	else if (rc == 1)
		diag_add(p->dl, diag_pos(p->m->file, line, col),
		    RULE_TABLE_COLUMNS, r == &rec_stk ?
		    "this stakeholder item has no name: write "
		    "'- Name — title, roles, e-mail'" :
		    "this risk item has no text: write "
		    "'- What could go wrong. Severity: high. Owner: CSM'");
	else
		item_emit(p, r, parent, &it, line, col);
	for (i = 0; i < NSLOT; i++)
		free(it.val[i]);
	free(all);
}

void
mdp_list_records(struct mdp *p, const struct rec *r, mdp_get parent,
    cmark_node *n)
{
	cmark_node	*item;

	for (item = cmark_node_first_child(n); item != NULL && !p->oom;
	    item = cmark_node_next(item))
		mdp_list_item(p, r, parent, item);
}
