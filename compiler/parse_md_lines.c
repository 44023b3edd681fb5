/* SPDX-License-Identifier: MIT */
/*
 * parse_md_lines.c: the Process fields of the Markdown form (handoff
 * call, CS review, intro sent, 30-day feedback, outcome), written as
 * 'key: value' lines, as a list of them, or as a bare word ('Accepted',
 * 'Renewed on 2028-02-20', '8/10').  Keys have aliases; a line without
 * a known key continues the last comment or is kept as a note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

#include "config.h"
#include "diag.h"
#include "mdform.h"
#include "model.h"
#include "parse_md_int.h"

struct lkey {
	const char	*field;	/* handoff-call, review, feedback, outcome */
	const char	*key;	/* after md_key() */
	const char	*elem;
};

static const struct lkey lkeys[] = {
	{ "handoff-call", "date", "date" },
	{ "handoff-call", "on", "date" },
	{ "handoff-call", "recording", "recording" },
	{ "handoff-call", "recording url", "recording" },
	{ "handoff-call", "recorded", "recording" },
	{ "handoff-call", "link", "recording" },
	{ "review", "decision", "decision" },
	{ "review", "status", "decision" },
	{ "review", "by", "by" }, { "review", "reviewer", "by" },
	{ "review", "reviewed by", "by" }, { "review", "who", "by" },
	{ "review", "date", "date" }, { "review", "on", "date" },
	{ "review", "reason", "reason" },
	{ "review", "reason code", "reason" },
	{ "review", "comment", "comment" }, { "review", "comments", "comment" },
	{ "review", "note", "comment" },
	{ "feedback", "score", "score" }, { "feedback", "nps", "score" },
	{ "feedback", "comment", "comment" },
	{ "feedback", "comments", "comment" },
	{ "outcome", "result", "result" }, { "outcome", "outcome", "result" },
	{ "outcome", "date", "date" },
	{ "intro-sent", "date", NULL }, { "intro-sent", "sent", NULL },
	{ "intro-sent", "on", NULL },
};

/* The element a 'key:' names in this field, or NULL.  *hit: known key. */
static const char *
mdp_lkey(const char *field, const char *key, int *hit)
{
	char	 k[64];
	size_t	 i;

	md_key(key, k, sizeof(k));
	*hit = 0;
	for (i = 0; i < N(lkeys); i++)
		if (strcmp(lkeys[i].field, field) == 0 &&
		    strcmp(lkeys[i].key, k) == 0) {
			*hit = 1;
			return lkeys[i].elem;
		}
	return NULL;
}

/* A value of one line, normalised for the enumerations. */
static void
mdp_lvalue(struct mdp *p, xmlNodePtr parent, const char *elem,
    const char *val, unsigned line)
{
	char	*norm = NULL;
	size_t	 n;

	if (*val == '\0')
		return;
	if (strcmp(elem, "decision") == 0 || strcmp(elem, "reason") == 0 ||
	    strcmp(elem, "result") == 0) {
		if ((norm = md_enum(val)) == NULL) {
			p->oom = 1;
			return;
		}
		val = norm;
	} else if (strcmp(elem, "score") == 0 &&
	    (n = strcspn(val, "/")) < strlen(val)) {
		/* '8/10' -> '8' */
		if ((norm = md_trim_dup(val, n)) == NULL) {
			p->oom = 1;
			return;
		}
		val = norm;
	}
	mdp_add(p, parent, elem, val, line, 0, 0);
	free(norm);
}

/* Append to the last <comment> (a continuation line). */
static int
mdp_lappend(struct mdp *p, xmlNodePtr parent, const char *text)
{
	xmlNodePtr	 c, last = NULL;

	for (c = model_first(parent); c != NULL; c = model_next_elem(c))
		if (strcmp(model_name(c), "comment") == 0)
			last = c;
	if (last == NULL)
		return -1;
	if (model_append_text(last, text) == -1)
		p->oom = 1;
	return 0;
}

/* A line without a key: a bare decision, score or result word. */
static int
mdp_bare(struct mdp *p, xmlNodePtr parent, const char *field,
    const char *line, unsigned at)
{
	static const char *const words[][2] = {
		{ "review", "accepted" }, { "review", "rejected" },
		{ "outcome", "renewed" }, { "outcome", "expanded" },
		{ "outcome", "churned" },
	};
	size_t		 i, w;
	const char	*rest;

	for (i = 0; i < N(words); i++) {
		w = strlen(words[i][1]);
		if (strcmp(words[i][0], field) != 0 ||
		    strncasecmp(line, words[i][1], w) != 0 ||
		    (line[w] >= 'a' && line[w] <= 'z'))
			continue;
		mdp_add(p, parent, i < 2 ? "decision" : "result", words[i][1],
		    at, 0, 0);
		for (rest = line + w; *rest != '\0' &&
		    strchr(" \t:,.;-", *rest) != NULL; rest++)
			;
		/* 'Renewed on 2028-02-20' */
		if (i >= 2 && strncasecmp(rest, "on ", 3) == 0)
			rest += 3;
		if (*rest != '\0')
			mdp_add(p, parent, i < 2 ? "comment" : "date", rest,
			    at, 0, 0);
		return 0;
	}
	if (strcmp(field, "feedback") == 0 && line[0] >= '0' &&
	    line[0] <= '9' && strlen(line) <= 6) {
		mdp_lvalue(p, parent, "score", line, at);
		return 0;
	}
	return mdp_lappend(p, parent, line);
}

/* One 'key: value' line of a Process field. */
static void
mdp_line1(struct mdp *p, cmark_node *src, const char *line, unsigned at)
{
	const char	*field = p->field->elem, *colon, *elem, *v;
	char		*key;
	int		 hit = 0;
	xmlNodePtr	 parent;

	if (*line == '\0')
		return;
	elem = NULL;
	if ((colon = strchr(line, ':')) != NULL && colon - line < 32) {
		if ((key = md_trim_dup(line, (size_t)(colon - line))) == NULL) {
			p->oom = 1;
			return;
		}
		elem = mdp_lkey(field, key, &hit);
		free(key);
	}
	v = hit ? colon + 1 : line;
	while (*v == ' ' || *v == '\t')
		v++;
	if (p->shape == SH_INTRO) {
		if (hit || colon == NULL)
			mdp_add(p, mdp_secn(p), "intro-sent", v, at, 0, 0);
		else
			mdp_stray(p, src, "a date");
		return;
	}
	parent = mdp_fieldn(p);
	if (hit)
		mdp_lvalue(p, parent, elem, v, at);
	else if (mdp_bare(p, parent, field, line, at) == -1) {
		diag_add(p->dl, diag_pos_line(p->m->file, at),
		    RULE_STRAY_CONTENT, "line '%s' under '%s' is not "
		    "'key: value'", line, p->field_title);
		mdp_add(p, mdp_stray_node(p, src), "p", line, at, 0, 0);
	}
}

/* The lines of a paragraph (soft breaks) or of a list's items. */
void
mdp_lines(struct mdp *p, cmark_node *n)
{
	cmark_node	*c;
	char		*s, *line, *save = NULL;
	unsigned	 at = mdp_line(p, n);

	if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
		for (c = cmark_node_first_child(n); c != NULL && !p->oom;
		    c = cmark_node_next(c)) {
			if ((s = mdp_flatten(c, ' ')) == NULL) {
				p->oom = 1;
				return;
			}
			mdp_line1(p, c, s, mdp_line(p, c));
			free(s);
		}
		return;
	}
	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH) {
		mdp_stray(p, n, "a 'key: value' line");
		return;
	}
	if ((s = mdp_flatten(n, '\n')) == NULL) {
		p->oom = 1;
		return;
	}
	for (line = strtok_r(s, "\n", &save); line != NULL && !p->oom;
	    line = strtok_r(NULL, "\n", &save), at++) {
		char *t = md_trim_dup(line, strlen(line));

		if (t == NULL) {
			p->oom = 1;
			break;
		}
		mdp_line1(p, n, t, at);
		free(t);
	}
	free(s);
}

