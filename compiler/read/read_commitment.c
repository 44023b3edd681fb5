/* SPDX-License-Identifier: MIT */
/*
 * read_commitment.c: who, by when and done out of a commitment's words
 * (see read_commitment.h).  The text is edited in a copy: each lifted
 * phrase is cut out and the spaces and dangling punctuation around it
 * tidied, so that what remains is the AE's own sentence.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/read_commitment.h"
#include "read/read_person.h"
#include "read/read_words.h"

#define RC_LIST		"schemas/read/commitments.txt"
#define RC_MAXNAME	3	/* words of a name after 'promised by' */
#define RC_MAXDATE	7	/* words of a date after 'by' */

static int
rc_is(const char *kind, const char *w, size_t len)
{
	char	 v[8];

	return read_word(RC_LIST, kind, w, len, v, sizeof(v));
}

/* The length of the word at p (up to a space). */
static size_t
rc_wlen(const char *p)
{
	return strcspn(p, " \t");
}

static const char *
rc_skip(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A word that can be part of a name: it starts with a capital letter or
 * a non-ASCII letter ('Jörg', 'Émile'). */
static int
rc_namelike(const char *p)
{
	return isupper((unsigned char)*p) || (unsigned char)*p >= 0xc0;
}

/* Remove s[off..off+len) and tidy what is around the cut. */
static void
rc_cut(char *s, size_t off, size_t len)
{
	size_t	 n = strlen(s), i, o;

	memmove(s + off, s + off + len, n - off - len + 1);
	/* collapse spaces, drop '()' and ' ,' left behind */
	for (i = 0, o = 0; s[i] != '\0'; i++) {
		if ((s[i] == ' ' || s[i] == '\t') && (o == 0 ||
		    s[o - 1] == ' ' || s[i + 1] == ',' || s[i + 1] == ')' ||
		    s[i + 1] == ';' || s[i + 1] == '\0'))
			continue;
		if (s[i] == ')' && o > 0 && s[o - 1] == '(') {
			o--;
			continue;
		}
		if (s[i] == ',' && o > 0 && s[o - 1] == '(')
			continue;
		s[o++] = s[i] == '\t' ? ' ' : s[i];
	}
	s[o] = '\0';
	/* a trailing ',', ';', ':', '-' or dash that introduced the cut */
	for (;;) {
		while (o > 0 && s[o - 1] == ' ')
			s[--o] = '\0';
		if (o > 0 && strchr(",;:-", s[o - 1]) != NULL)
			s[--o] = '\0';
		else if (o >= 3 && (strcmp(s + o - 3, "\xe2\x80\x94") == 0 ||
		    strcmp(s + o - 3, "\xe2\x80\x93") == 0)) {
			o -= 3;
			s[o] = '\0';
		} else
			break;
	}
}

/* A name after an owner phrase: up to RC_MAXNAME name-like words. */
static size_t
rc_name_len(const char *p)
{
	const char	*q = p, *end = p;
	size_t		 k, l;

	for (k = 0; k < RC_MAXNAME && rc_namelike(q); k++) {
		l = strcspn(q, " \t,;()");
		end = q + l;
		while (end > q && (end[-1] == '.' || end[-1] == ':'))
			end--;
		if (q[l] != ' ')
			break;
		q = rc_skip(q + l);
	}
	return (size_t)(end - p);
}

static char *
rc_dup(const char *p, size_t len)
{
	char	*s = malloc(len + 1);

	if (s != NULL) {
		memcpy(s, p, len);
		s[len] = '\0';
	}
	return s;
}

/* An owner phrase ('promised by', 'owner:') at word i of s: its length. */
static size_t
rc_owner_at(const char *p)
{
	char	 two[48];
	size_t	 a = rc_wlen(p), b;
	const char *q;

	if (rc_is("owner", p, a))
		return a;
	q = rc_skip(p + a);
	b = rc_wlen(q);
	if (a + b + 1 < sizeof(two) && b > 0) {
		snprintf(two, sizeof(two), "%.*s-%.*s", (int)a, p, (int)b, q);
		if (rc_is("owner", two, a + b + 1))
			return (size_t)(q + b - p);
	}
	return 0;
}

/* 'promised by Kwame' anywhere in s: lift the name into *who. */
static int
rc_lift_owner(char *s, char **who)
{
	char	*p;
	size_t	 ol, nl;

	for (p = s; *p != '\0'; p += rc_wlen(p), p = (char *)rc_skip(p)) {
		if (p != s && p[-1] != ' ' && p[-1] != '(')
			continue;
		if ((ol = rc_owner_at(p)) == 0)
			continue;
		nl = rc_name_len(rc_skip(p + ol));
		if (nl == 0)
			continue;
		if ((*who = rc_dup(rc_skip(p + ol), nl)) == NULL)
			return -1;
		rc_cut(s, (size_t)(p - s), (size_t)(rc_skip(p + ol) + nl - p));
		return 0;
	}
	return 0;
}

/* 'Marisol to deliver …' at the start, when Marisol is a person. */
static int
rc_lift_deliver(char *s, char **who, const char *const *people, size_t n)
{
	size_t	 nl = rc_name_len(s), idx[2];
	const char *q;
	char	*name;

	if (nl == 0 || (s[nl] != ' '))
		return 0;
	q = rc_skip(s + nl);
	if (!rc_is("deliver", q, rc_wlen(q)))
		return 0;
	if ((name = rc_dup(s, nl)) == NULL)
		return -1;
	if (read_person_candidates(name, people, n, idx, 2) == 0) {
		free(name);
		return 0;
	}
	*who = name;
	rc_cut(s, 0, (size_t)(rc_skip(q + rc_wlen(q)) - s));
	return 0;
}

/* 'by go-live', 'due Jan 15, 2027', 'within 2 weeks of go-live': the
 * last such phrase that reads as a date, lifted into *due. */
static int
rc_lift_due(char *s, char **due, enum read_date_order order)
{
	struct read_date rd;
	char		 why[8], cand[160];
	char		*p, *best = NULL;
	size_t		 k, bestlen = 0, w, len;
	const char	*q;

	for (p = s; *p != '\0'; p += rc_wlen(p), p = (char *)rc_skip(p)) {
		if ((p != s && p[-1] != ' ' && p[-1] != '(') ||
		    !rc_is("due", p, rc_wlen(p)))
			continue;
		/* the longest run of words after the cue that is a date */
		for (k = RC_MAXDATE; k > 0; k--) {
			for (q = p, w = 0; w <= k && *q != '\0'; w++)
				q = rc_skip(q + rc_wlen(q));
			if (w <= k)
				continue;
			len = (size_t)(q - p);
			while (len > 0 && strchr(" ,;)", p[len - 1]) != NULL)
				len--;
			if (len >= sizeof(cand))
				continue;
			memcpy(cand, p, len);
			cand[len] = '\0';
			if (read_date(cand, order, &rd, why, sizeof(why)) == 0) {
				best = p;
				bestlen = len;
				break;
			}
		}
	}
	if (best == NULL)
		return 0;
	/* 'by' and 'due' go: a writer puts 'by' back ('(Who, by …)'). */
	q = best;
	w = rc_wlen(q);
	if ((w == 2 && strncasecmp(q, "by", 2) == 0) ||
	    (w == 3 && strncasecmp(q, "due", 3) == 0))
		q = rc_skip(q + w);
	if ((*due = rc_dup(q, bestlen - (size_t)(q - best))) == NULL)
		return -1;
	rc_cut(s, (size_t)(best - s), bestlen);
	return 0;
}

/*
 * Whether the done word at p (l bytes) of s marks the commitment: a
 * bracketed or symbol form ('(done)', '✓', '[x]') anywhere; a bare word
 * ('done', 'delivered.') only as the last word, after a dash, comma or
 * semicolon ('Spanish templates — done'), so that 'make sure the
 * migration is done' stays what it says.
 */
static int
rc_done_marks(const char *s, const char *p, size_t l)
{
	const char	*q = p, *e = rc_skip(p + l);

	if (!isalpha((unsigned char)*p))
		return 1;
	if (*e != '\0' && strspn(e, ".!);, ") != strlen(e))
		return 0;
	while (q > s && q[-1] == ' ')
		q--;
	if (q == s)
		return 0;
	return q[-1] == ',' || q[-1] == ';' || q[-1] == '-' ||
	    q[-1] == ':' || (q - s >= 3 && ((unsigned char)q[-3] == 0xe2 &&
	    (unsigned char)q[-2] == 0x80 && ((unsigned char)q[-1] == 0x93 ||
	    (unsigned char)q[-1] == 0x94)));
}

/* True when all of s reads as a date ('2026-12-20', 'by Dec 20'). */
static int
rc_is_date(const char *s, enum read_date_order order)
{
	struct read_date rd;
	char		 why[8];
	size_t		 w = rc_wlen(s);

	if (rc_is("due", s, w) && s[w] != '\0')
		s = rc_skip(s + w);
	return read_date(s, order, &rd, why, sizeof(why)) == 0;
}

/* A due date as split by a front end, without a cue word that the date
 * reader does not take ('bis 31.01.2027', 'avant le …'): the date. */
static const char *
rc_due_words(const char *due, enum read_date_order order)
{
	struct read_date rd;
	char		 why[8];
	const char	*rest;
	size_t		 w = rc_wlen(due);

	if (!rc_is("due", due, w) || due[w] == '\0' ||
	    read_date(due, order, &rd, why, sizeof(why)) == 0)
		return due;
	rest = rc_skip(due + w);
	return read_date(rest, order, &rd, why, sizeof(why)) == 0 ? rest : due;
}

/* The last ' — ', ' – ' or ' - ' of s: where it starts, and its length
 * in *dl; NULL when there is none. */
static char *
rc_last_dash(char *s, size_t *dl)
{
	static const char *const dashes[] = { " \xe2\x80\x94 ",
	    " \xe2\x80\x93 ", " - " };
	char	*best = NULL, *p;
	size_t	 i;

	for (i = 0; i < sizeof(dashes) / sizeof(dashes[0]); i++)
		for (p = s; (p = strstr(p, dashes[i])) != NULL; p++)
			if (best == NULL || p > best) {
				best = p;
				*dl = strlen(dashes[i]);
			}
	return best;
}

/*
 * The parts after the last dashes of s, from the end: a date
 * ('… - 2026-12-20') goes to *due, a person of the deal ('… — Ann Lee'),
 * or a name just before that date, to *who, each when not known yet.
 * 0, or -1 out of memory.
 */
static int
rc_lift_dash_tail(char *s, char **who, char **due,
    const char *const *people, size_t n, enum read_date_order order)
{
	char	*d, *part;
	size_t	 dl = 0, idx[2], len;
	int	 k;

	for (k = 0; k < 2 && (d = rc_last_dash(s, &dl)) != NULL && d > s;
	    k++) {
		part = d + dl;
		len = strlen(part);
		while (len > 0 && strchr(" ,;.", part[len - 1]) != NULL)
			len--;
		if ((part = rc_dup(part, len)) == NULL)
			return -1;
		if (*due == NULL && rc_is_date(part, order))
			*due = part;
		/* a person of the deal, or any name just before the date
		 * ('… - Tom - 1/15/2027') */
		else if (*who == NULL && len > 0 && rc_name_len(part) == len &&
		    (read_person_candidates(part, people, n, idx, 2) > 0 ||
		    (k == 1 && *due != NULL)))
			*who = part;
		else {
			free(part);
			break;
		}
		*d = '\0';
	}
	return 0;
}

/* '(done)', '✓', '[x]' as words of s: cut, and say so. */
static int
rc_lift_done(char *s)
{
	char	*p;
	size_t	 l;
	int	 done = 0, after = 0;

	for (p = s; *p != '\0';) {
		l = strcspn(p, " \t");
		while (l > 0 && (p[l - 1] == ',' || p[l - 1] == ';'))
			l--;
		/* 'done' right after '✅' marks it too: '✅ done' */
		if (rc_is("done", p, l) && (p == s || p[-1] == ' ') &&
		    (after || rc_done_marks(s, p, l))) {
			rc_cut(s, (size_t)(p - s), l);
			done = after = 1;
			continue;
		}
		after = 0;
		p = (char *)rc_skip(p + strcspn(p, " \t"));
	}
	return done;
}

void
read_commitment_free(struct read_commitment *rc)
{
	free(rc->text);
	free(rc->who);
	free(rc->due);
	memset(rc, 0, sizeof(*rc));
}

static int	rc_read_who_name(struct read_commitment *, const char *);

/*
 * who as split by a front end that holds the date too: 'Ann Lee by
 * 2026-12-20', 'Ann Lee; by …', or only a date ('(2026-12-20)').  The
 * date goes to due (when there is none yet); 1 when who was all date.
 */
static int
rc_who_due(struct read_commitment *out, char *who, enum read_date_order order)
{
	if (out->due == NULL && rc_is_date(who, order)) {
		size_t	 w = rc_wlen(who);

		out->due = strdup(rc_is("due", who, w) && who[w] != '\0' ?
		    rc_skip(who + w) : who);
		return out->due == NULL ? -1 : 1;
	}
	if (out->due == NULL && rc_lift_due(who, &out->due, order) == -1)
		return -1;
	return 0;
}

/* who as split by a front end: 'done', 'promised by Jörg on the call'. */
static int
rc_read_who(struct read_commitment *out, const char *who0,
    enum read_date_order order)
{
	char	*who;
	int	 r;

	if (rc_is("done", who0, strlen(who0))) {
		out->done = 1;
		return 0;
	}
	if ((who = strdup(who0)) == NULL)
		return -1;
	if ((r = rc_who_due(out, who, order)) != 0 || *who == '\0') {
		free(who);
		return r == -1 ? -1 : 0;
	}
	r = rc_read_who_name(out, who);
	free(who);
	return r;
}

/* The name part of who: 'promised by Jörg on the call' is Jörg, the
 * rest goes back to the text. */
static int
rc_read_who_name(struct read_commitment *out, const char *who)
{
	char	*w, *rest;
	size_t	 ol, nl;

	if ((ol = rc_owner_at(who)) == 0 ||
	    (nl = rc_name_len(rc_skip(who + ol))) == 0)
		return (out->who = strdup(who)) == NULL ? -1 : 0;
	if ((out->who = rc_dup(rc_skip(who + ol), nl)) == NULL)
		return -1;
	rest = (char *)rc_skip(rc_skip(who + ol) + nl);
	if (*rest == '\0')
		return 0;
	/* 'on the Nov 5 call' goes back to the text, in brackets. */
	if ((w = malloc(strlen(out->text) + strlen(rest) + 4)) == NULL)
		return -1;
	sprintf(w, "%s (%s)", out->text, rest);
	free(out->text);
	out->text = w;
	return 0;
}

int
read_commitment(const char *text, const char *who, const char *due,
    const char *const *people, size_t npeople, enum read_date_order order,
    struct read_commitment *out)
{
	char	*keep;

	memset(out, 0, sizeof(*out));
	if ((out->text = strdup(text != NULL ? text : "")) == NULL)
		return -1;
	if (who != NULL && *who != '\0' && rc_read_who(out, who, order) == -1)
		goto oom;
	if (due != NULL && rc_is("done", due, strlen(due)))
		out->done = 1;	/* '(Dana, done)' */
	else if (due != NULL && *due != '\0' &&
	    (out->due = strdup(rc_due_words(due, order))) == NULL)
		goto oom;
	if ((keep = strdup(out->text)) == NULL)
		goto oom;
	out->done |= rc_lift_done(out->text);
	if ((out->who == NULL && (rc_lift_owner(out->text, &out->who) == -1 ||
	    (out->who == NULL && rc_lift_deliver(out->text, &out->who, people,
	    npeople) == -1))) || (out->due == NULL &&
	    rc_lift_due(out->text, &out->due, order) == -1)) {
		free(keep);
		goto oom;
	}
	if ((out->who == NULL || out->due == NULL) &&
	    rc_lift_dash_tail(out->text, &out->who, &out->due, people,
	    npeople, order) == -1) {
		free(keep);
		goto oom;
	}
	if (*out->text == '\0') {	/* nothing left: keep it all */
		free(out->text);
		out->text = keep;
	} else
		free(keep);
	return 0;
oom:
	read_commitment_free(out);
	return -1;
}
