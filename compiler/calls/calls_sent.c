/* SPDX-License-Identifier: MIT */
/*
 * calls_sent.c: cut a call's cues into sentences and read each once
 * (phase: calls): fold and stem its words (cues_sent_read), classify it,
 * keep its content words for the summary, lift owner and date of a
 * commitment.  A class counts only for the side the cue file gives it
 * ('side commitment vendor': our promises) or a speaker of unknown side.
 * A sentence
 * that names a competitor the deal already lists is a competitor point.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "calls/calls_cues.h"
#include "calls/calls_sent.h"

int
calls_next_sentence(const char *s, size_t *pos, const char **out, size_t *n)
{
	size_t	 i = *pos;

	while (s[i] == ' ')
		i++;
	if (s[i] == '\0')
		return 0;
	*out = s + i;
	for (; s[i] != '\0'; i++)
		if ((s[i] == '.' || s[i] == '?' || s[i] == '!') &&
		    (s[i + 1] == ' ' || s[i + 1] == '\0') &&
		    !(i > 0 && isdigit((unsigned char)s[i - 1]) &&
		    isdigit((unsigned char)s[i + 1]))) {
			i++;
			break;
		}
	*n = (size_t)(s + i - *out);
	*pos = i;
	return 1;
}

/* The words of name (read like a sentence) occur in a row in s. */
static int
names(const struct cues_sent *s, const struct cues_sent *name)
{
	size_t	 i, j;

	for (i = 0; name->n > 0 && i + name->n <= s->n; i++) {
		for (j = 0; j < name->n; j++)
			if (strcmp(s->word[i + j], name->word[j]) != 0)
				break;
		if (j == name->n)
			return 1;
	}
	return 0;
}

/* The content words (stems in the sentence's language, no stopwords). */
static int
keep_content(struct call_sent *o, const struct cues_sent *s)
{
	size_t	 i, len = 0, at = 0, n;

	for (i = 0; i < s->n; i++)
		if (!s->stop[i])
			len += strlen(s->stem[s->lang][i]) + 1;
	if ((o->cbuf = malloc(len + 1)) == NULL ||
	    (o->cw = malloc((s->n + 1) * sizeof(*o->cw))) == NULL)
		return -1;
	for (i = 0; i < s->n; i++) {
		if (s->stop[i])
			continue;
		n = strlen(s->stem[s->lang][i]);
		memcpy(o->cbuf + at, s->stem[s->lang][i], n + 1);
		o->cw[o->ncw++] = o->cbuf + at;
		at += n + 1;
	}
	return 0;
}

static int
push(struct call_sents *out, struct call_sent *o)
{
	struct call_sent	*nv;
	size_t			 ncap;

	if (out->n == out->cap) {
		ncap = out->cap ? out->cap * 2 : 64;
		if ((nv = realloc(out->v, ncap * sizeof(*nv))) == NULL)
			return -1;
		out->v = nv;
		out->cap = ncap;
	}
	out->v[out->n++] = *o;
	return 0;
}

static void
sent_free(struct call_sent *o)
{
	free(o->text);
	free(o->owner_due);
	free(o->cbuf);
	free(o->cw);
}

/* One sentence of cue i. */
static int
read_one(struct call_sents *out, const struct call *c, size_t i,
    const char *s, size_t n, const struct sents_ctx *x,
    const struct cues_sent *comp, size_t nc)
{
	struct call_sent	 o;
	struct cues_sent	 ts;
	struct commit_ctx	 cx = x->commit;
	char			 od[256];
	size_t			 k;
	enum call_side		 who;

	memset(&o, 0, sizeof(o));
	o.cue = i;
	if ((o.text = strndup(s, n)) == NULL ||
	    cues_sent_read(x->cues, o.text, &ts) != 0) {
		free(o.text);
		return -1;
	}
	o.mask = cues_classify_sent(x->cues, &ts);
	if (calls_commit_by_colleague(&ts, &x->commit) &&
	    !(ts.n > 0 && strcmp(ts.word[ts.n - 1], "?") == 0))
		o.mask |= 1u << CUE_COMMITMENT;
	for (k = 0; k < nc; k++)
		if (names(&ts, &comp[k]))
			o.mask |= 1u << CUE_COMPETITOR;
	for (k = 0; k < CUE__MAX; k++) {
		who = cues_class_side(x->cues, (enum cue_class)k);
		if (who != SIDE_UNKNOWN && x->side[i] != SIDE_UNKNOWN &&
		    x->side[i] != who)
			o.mask &= ~(1u << k);
	}
	if (o.mask & (1u << CUE_COMMITMENT)) {
		cx.speaker = c->cues[i].speaker;
		calls_commit_lift(&ts, &cx, od, sizeof(od));
		if (od[0] != '\0' && (o.owner_due = strdup(od)) == NULL)
			goto fail;
	}
	if (keep_content(&o, &ts) != 0 || push(out, &o) != 0)
		goto fail;
	cues_sent_dispose(&ts);
	return 0;
fail:
	cues_sent_dispose(&ts);
	sent_free(&o);
	return -1;
}

int
calls_sents_read(struct call_sents *out, const struct call *c,
    const struct sents_ctx *x)
{
	struct cues_sent	 comp[32];
	size_t			 i, k, pos, n, nc = 0;
	const char		*s;
	int			 rc = 0;

	memset(out, 0, sizeof(*out));
	for (k = 0; k < x->ncompetitors && nc < 32; k++)
		if (cues_sent_read(x->cues, x->competitor[k], &comp[nc]) == 0)
			nc++;
	for (i = 0; rc == 0 && i < c->ncues; i++)
		for (pos = 0; rc == 0 && calls_next_sentence(c->cues[i].text,
		    &pos, &s, &n);)
			rc = read_one(out, c, i, s, n, x, comp, nc);
	for (k = 0; k < nc; k++)
		cues_sent_dispose(&comp[k]);
	return rc;
}

void
calls_sents_dispose(struct call_sents *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		sent_free(&s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}
