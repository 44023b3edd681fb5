/* SPDX-License-Identifier: MIT */
/*
 * complete_lines.c: a playbook's sub-section written as a line under its
 * parent section instead of a heading of its own.  Under '# Compliance'
 * (or '## Compliance'), 'PHI in scope: scheduling data only' and 'BAA
 * signed on Nov 20, 2026' fill 'Compliance/PHI in scope' and
 * 'Compliance/BAA signed'.  The value is what follows the label, up to
 * the next label of the same parent; an empty value or a placeholder
 * ('BAA signed: TBD') fills nothing, so the gate stays as strict.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "schema.h"
#include "validate.h"
#include "validate_int.h"

#define MAXSUB	16

/* The sub-section names of parent (len bytes) in the playbooks. */
static size_t
lines_siblings(const struct vstate *st, const char *parent, size_t len,
    const char **sub, size_t max)
{
	const struct pb_rule	*r;
	const char		*slash;
	size_t			 i, j, n = 0;

	for (i = 0; i < st->npbs; i++)
		for (j = 0; j < st->pbs[i]->nrules && n < max; j++) {
			r = &st->pbs[i]->rules[j];
			if (r->kind != PB_SECTION ||
			    (slash = strchr(r->target, '/')) == NULL ||
			    (size_t)(slash - r->target) != len ||
			    strncasecmp(r->target, parent, len) != 0)
				continue;
			sub[n++] = slash + 1;
		}
	return n;
}

/* Where label starts a line-like part of text at or after from: the
 * offset after it ('Label:' or 'Label word'), or -1; where it starts in
 * *start. */
static long
lines_label(const char *text, size_t from, const char *label, size_t *start)
{
	size_t	 k = strlen(label), i, j;
	int	 colon;

	for (i = from; text[i] != '\0'; i++) {
		if (strncasecmp(text + i, label, k) != 0)
			continue;
		for (j = i + k; text[j] == ' '; j++)
			;
		colon = text[j] == ':';
		if (!colon && (j == i + k || !isalnum((unsigned char)text[j])))
			continue;
		/* 'Label word' only where a line or sentence starts. */
		if (i > 0 && !colon) {
			size_t b = i;

			while (b > 0 && text[b - 1] == ' ')
				b--;
			if (b == i || (b > 0 && strchr(".;", text[b - 1]) ==
			    NULL))
				continue;
		} else if (i > 0 && text[i - 1] != ' ')
			continue;
		*start = i;
		return (long)(colon ? j + 1 : i + k);
	}
	return -1;
}

/* True when text has 'label: value' with a real value. */
static int
lines_text_fills(const char *text, const char *label, const char **sub,
    size_t nsub)
{
	size_t	 end, i, st;
	long	 at = lines_label(text, 0, label, &st);
	char	*v;
	int	 ok;

	if (at < 0)
		return 0;
	end = strlen(text);
	for (i = 0; i < nsub; i++)
		if (strcasecmp(sub[i], label) != 0 &&
		    lines_label(text, (size_t)at, sub[i], &st) >= 0 &&
		    st < end)
			end = st;
	while (end > (size_t)at && strchr(" :.;", text[end - 1]) != NULL)
		end--;
	while ((size_t)at < end && text[at] == ' ')
		at++;
	if ((size_t)at >= end || (v = strndup(text + at, end - (size_t)at)) ==
	    NULL)
		return 0;
	ok = !validate_is_placeholder(v);
	free(v);
	return ok;
}

/* The sections at or under n headed parent: do their lines fill label? */
static int
lines_under(const xmlNode *n, const char *parent, const char *label,
    const char **sub, size_t nsub, int inside)
{
	const xmlNode	*c;
	const char	*h;

	for (c = model_first(n); c != NULL; c = model_next_elem(c)) {
		h = model_attr(c, "heading");
		if (strcmp(model_name(c), "extra") == 0 && h != NULL) {
			if (lines_under(c, parent, label, sub, nsub,
			    strcasecmp(h, parent) == 0))
				return 1;
			continue;
		}
		if (inside && model_first(c) == NULL && model_has_text(c) &&
		    lines_text_fills(model_text(c), label, sub, nsub))
			return 1;
		if (model_first(c) != NULL && lines_under(c, parent, label,
		    sub, nsub, inside))
			return 1;
	}
	return 0;
}

int
complete_section_line(const struct vstate *st, const char *target)
{
	const char	*slash = strchr(target, '/'), *sub[MAXSUB];
	char		 parent[128];
	size_t		 len, nsub;

	if (slash == NULL || (len = (size_t)(slash - target)) >= sizeof(parent))
		return 0;
	memcpy(parent, target, len);
	parent[len] = '\0';
	nsub = lines_siblings(st, target, len, sub, MAXSUB);
	return lines_under(model_root(st->m), parent, slash + 1, sub, nsub, 0);
}
