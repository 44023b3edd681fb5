/* SPDX-License-Identifier: MIT */
/*
 * calls_cues.c: classify a sentence into key-point classes (phase:
 * calls).  A phrase of the data file matches when its stemmed words occur
 * in a row among the sentence's stemmed words; a 'not' phrase of the
 * class anywhere in the sentence rules it out; a 'num' phrase counts only
 * in a sentence with a digit.  Each language has its Snowball stemmer.
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "calls/calls_cues.h"
#include "diag.h"

#define MAX_WORDS	256
#define NLANG		2

enum kind { K_CUE, K_NUM, K_NOT };

struct phrase {
	enum cue_class	 cls;
	int		 lang;
	enum kind	 kind;
	char		*words[8];
	size_t		 nwords;
};

struct cues {
	struct phrase		*p;
	size_t			 np;
	struct sb_stemmer	*stem[NLANG];
};

static const char *const class_names[CUE__MAX] = {
	"commitment", "objection", "competitor", "goal", "risk", "decision"
};
static const char *const class_heads[CUE__MAX] = {
	"Commitments we made", "Objections and concerns", "Competitors",
	"Goals and metrics", "Risks and blockers", "Decision and budget"
};
static const char *const langs[NLANG] = { "en", "de" };
static const char *const stemmer_names[NLANG] = { "english", "german" };

const char *
cues_class_name(enum cue_class k)
{
	return class_names[k];
}

const char *
cues_class_heading(enum cue_class k)
{
	return class_heads[k];
}

/* Case-folded, NFKC, curly apostrophes made straight (free()). */
static char *
fold(const char *s)
{
	utf8proc_uint8_t	*r = NULL;
	char			*p;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &r,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD) < 0)
		return NULL;
	/* U+2019 -> ' (same length trick: replace 3 bytes with ' + shift) */
	for (p = (char *)r; (p = strstr(p, "\xe2\x80\x99")) != NULL;) {
		*p = '\'';
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
	}
	return (char *)r;
}

static int
word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
	    || c == '\'' || c == '-';
}

/* Split folded text into stemmed words (each malloc'd); the count. */
static size_t
stem_words(struct sb_stemmer *st, char *f, char **out, size_t max)
{
	size_t		 n = 0, len;
	char		*p = f, *w;
	const sb_symbol	*s;

	while (*p != '\0' && n < max) {
		while (*p != '\0' && !word_byte((unsigned char)*p))
			p++;
		w = p;
		while (*p != '\0' && word_byte((unsigned char)*p))
			p++;
		if ((len = (size_t)(p - w)) == 0)
			break;
		s = sb_stemmer_stem(st, (const sb_symbol *)w, (int)len);
		if (s == NULL)
			break;
		out[n] = strndup((const char *)s,
		    (size_t)sb_stemmer_length(st));
		if (out[n] == NULL)
			break;
		n++;
	}
	return n;
}

static int
parse_class(const char *s, size_t n)
{
	int	 k;

	for (k = 0; k < CUE__MAX; k++)
		if (strlen(class_names[k]) == n &&
		    strncmp(class_names[k], s, n) == 0)
			return k;
	return -1;
}

static int
add_phrase(struct cues *c, const char *line, size_t n)
{
	char		 buf[512], *tok[4], *save = NULL, *f;
	int		 k, lang, i;
	struct phrase	*p, *np;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, line, n);
	buf[n] = '\0';
	tok[0] = strtok_r(buf, " \t", &save);
	tok[1] = strtok_r(NULL, " \t", &save);
	tok[2] = strtok_r(NULL, " \t", &save);
	tok[3] = strtok_r(NULL, "", &save);
	if (tok[3] == NULL || (k = parse_class(tok[0], strlen(tok[0]))) < 0)
		return -1;
	for (lang = -1, i = 0; i < NLANG; i++)
		if (strcmp(tok[1], langs[i]) == 0)
			lang = i;
	if (lang < 0)
		return -1;
	if ((np = realloc(c->p, (c->np + 1) * sizeof(*np))) == NULL)
		return -1;
	c->p = np;
	p = &c->p[c->np];
	memset(p, 0, sizeof(*p));
	p->cls = (enum cue_class)k;
	p->lang = lang;
	if (strcmp(tok[2], "cue") == 0)
		p->kind = K_CUE;
	else if (strcmp(tok[2], "num") == 0)
		p->kind = K_NUM;
	else if (strcmp(tok[2], "not") == 0)
		p->kind = K_NOT;
	else
		return -1;
	if ((f = fold(tok[3])) == NULL)
		return -1;
	p->nwords = stem_words(c->stem[lang], f, p->words, 8);
	free(f);
	if (p->nwords == 0)
		return -1;
	c->np++;
	return 0;
}

struct cues *
cues_load(const char *file, const char *text, struct diag_list *dl)
{
	struct cues	*c;
	const char	*l = text, *nl;
	unsigned	 line = 0;
	size_t		 n;
	int		 i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	for (i = 0; i < NLANG; i++)
		if ((c->stem[i] = sb_stemmer_new(stemmer_names[i],
		    "UTF_8")) == NULL) {
			cues_free(c);
			return NULL;
		}
	for (; *l != '\0'; l = nl ? nl + 1 : l + n) {
		nl = strchr(l, '\n');
		n = nl ? (size_t)(nl - l) : strlen(l);
		line++;
		if (n == 0 || l[0] == '#')
			continue;
		if (add_phrase(c, l, n) != 0) {
			diag_add(dl, diag_pos_line(file, line),
			    RULE_SCHEMA_FILE, "cue line is not 'CLASS LANG "
			    "cue|num|not PHRASE'");
			cues_free(c);
			return NULL;
		}
	}
	return c;
}

void
cues_free(struct cues *c)
{
	size_t	 i, j;

	if (c == NULL)
		return;
	for (i = 0; i < c->np; i++)
		for (j = 0; j < c->p[i].nwords; j++)
			free(c->p[i].words[j]);
	free(c->p);
	for (i = 0; i < NLANG; i++)
		if (c->stem[i] != NULL)
			sb_stemmer_delete(c->stem[i]);
	free(c);
}

static int
has_phrase(const struct phrase *p, char **w, size_t n)
{
	size_t	 i, j;

	for (i = 0; i + p->nwords <= n; i++) {
		for (j = 0; j < p->nwords; j++)
			if (strcmp(w[i + j], p->words[j]) != 0)
				break;
		if (j == p->nwords)
			return 1;
	}
	return 0;
}

unsigned
cues_classify(const struct cues *c, const char *sentence)
{
	char		*f, *w[NLANG][MAX_WORDS];
	size_t		 n[NLANG], i, j;
	unsigned	 hit = 0, veto = 0;
	int		 digit, l;

	if ((f = fold(sentence)) == NULL)
		return 0;
	digit = strpbrk(f, "0123456789") != NULL;
	for (l = 0; l < NLANG; l++) {
		char *copy = strdup(f);
		n[l] = copy ? stem_words(c->stem[l], copy, w[l], MAX_WORDS) : 0;
		free(copy);
	}
	free(f);
	for (i = 0; i < c->np; i++) {
		const struct phrase *p = &c->p[i];
		if (p->kind == K_NUM && !digit)
			continue;
		if (!has_phrase(p, w[p->lang], n[p->lang]))
			continue;
		if (p->kind == K_NOT)
			veto |= 1u << p->cls;
		else
			hit |= 1u << p->cls;
	}
	for (l = 0; l < NLANG; l++)
		for (j = 0; j < n[l]; j++)
			free(w[l][j]);
	return hit & ~veto;
}
