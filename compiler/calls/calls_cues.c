/* SPDX-License-Identifier: MIT */
/*
 * calls_cues.c: classify a sentence into key-point classes (phase:
 * calls).  A sentence is read once (cues_sent_read): folded, split into
 * words, each word stemmed once per language.  A phrase of the data file
 * matches when its stemmed words occur in a row among the sentence's
 * stemmed words; a 'not' phrase of the class anywhere in the sentence
 * rules it out; a 'num' phrase counts only in a sentence with a digit.
 * A '?' phrase is the question mark ending a sentence.  Each language
 * has its Snowball stemmer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "calls/calls_cues.h"
#include "diag.h"

#define PHRASE_WORDS	8

enum kind { K_CUE, K_NUM, K_NOT };

struct phrase {
	enum cue_class	 cls;
	int		 lang;
	enum kind	 kind;
	char		*words[PHRASE_WORDS];
	uint32_t	 hash[PHRASE_WORDS];
	size_t		 nwords;
};

struct stoplist {
	char		**w;		/* sorted, folded */
	size_t		  n;
};

struct cues {
	struct phrase		*p;
	size_t			 np;
	struct sb_stemmer	*stem[CUES_NLANG];
	struct stoplist		 stop[CUES_NLANG];
	struct stoplist		 numbers;	/* 'number' lines, any language */
	enum call_side		 side[CUE__MAX];	/* whose; unknown: any */
	struct cue_target	 target[CUE__MAX];	/* 'accept' lines */
};

static const char *const class_names[CUE__MAX] = {
	"commitment", "objection", "competitor", "goal", "risk", "decision"
};
static const char *const class_heads[CUE__MAX] = {
	"Commitments we made", "Objections and concerns", "Competitors",
	"Goals and metrics", "Risks and blockers", "Decision and budget"
};
static const char *const langs[CUES_NLANG] = { "en", "de" };
static const char *const stemmer_names[CUES_NLANG] = { "english", "german" };

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

enum call_side
cues_class_side(const struct cues *c, enum cue_class k)
{
	return c->side[k];
}

static uint32_t
word_hash(const char *s)
{
	uint32_t	 h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
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

/*
 * Cut folded text f in place into words (NUL-terminated); their starts
 * into w.  A '?' is a word of its own.  The count.
 */
static size_t
split_words(char *f, const char **w, size_t max)
{
	size_t	 n = 0;
	char	*p = f;

	while (*p != '\0' && n < max) {
		if (*p == '?') {
			*p++ = '\0';
			w[n++] = "?";
		} else if (!word_byte((unsigned char)*p)) {
			*p++ = '\0';
		} else {
			w[n++] = p;
			while (*p != '\0' && word_byte((unsigned char)*p))
				p++;
		}
	}
	return n;
}

/* The stem of w (len bytes) by st, appended at *dst (with its NUL). */
static const char *
stem_into(struct sb_stemmer *st, const char *w, char **dst, char *end)
{
	const sb_symbol	*s;
	size_t		 n;
	char		*at = *dst;

	if (w[0] == '?') {
		s = (const sb_symbol *)"?";
		n = 1;
	} else {
		if ((s = sb_stemmer_stem(st, (const sb_symbol *)w,
		    (int)strlen(w))) == NULL)
			return NULL;
		n = (size_t)sb_stemmer_length(st);
	}
	if (at + n + 1 > end)
		return NULL;
	memcpy(at, s, n);
	at[n] = '\0';
	*dst = at + n + 1;
	return at;
}

static int
stop_has(const struct stoplist *l, const char *w)
{
	size_t	 lo = 0, hi = l->n, mid;
	int	 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(w, l->w[mid])) == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* The language with more stopwords in s (English on a tie). */
static int
sent_lang(const struct cues *c, const struct cues_sent *s)
{
	size_t	 i, hits[CUES_NLANG] = { 0, 0 };
	int	 l, best = 0;

	for (i = 0; i < s->n; i++)
		for (l = 0; l < CUES_NLANG; l++)
			hits[l] += stop_has(&c->stop[l], s->word[i]);
	for (l = 1; l < CUES_NLANG; l++)
		if (hits[l] > hits[best])
			best = l;
	return best;
}

int
cues_sent_read(const struct cues *c, const char *sentence, struct cues_sent *s)
{
	size_t	 i, cap;
	char	*at, *end;
	int	 l;

	memset(s, 0, sizeof(*s));
	if ((s->fold = fold(sentence)) == NULL)
		return -1;
	s->digit = strpbrk(s->fold, "0123456789") != NULL;	/* or a word */
	cap = strlen(s->fold) + 1;
	s->n = split_words(s->fold, s->word, CUES_MAX_WORDS);
	/* a stem is never longer than its word plus its NUL, times two */
	cap = CUES_NLANG * 2 * (cap + s->n + 1);
	if ((s->stems = malloc(cap)) == NULL) {
		cues_sent_dispose(s);
		return -1;
	}
	at = s->stems;
	end = s->stems + cap;
	for (l = 0; l < CUES_NLANG; l++)
		for (i = 0; i < s->n; i++)
			if ((s->stem[l][i] = stem_into(c->stem[l], s->word[i],
			    &at, end)) == NULL) {
				cues_sent_dispose(s);
				return -1;
			}
	s->lang = sent_lang(c, s);
	for (i = 0; i < s->n && !s->digit; i++)
		s->digit = stop_has(&c->numbers, s->word[i]);
	for (i = 0; i < s->n; i++)
		s->stop[i] = (unsigned char)(s->word[i][0] == '?' ||
		    stop_has(&c->stop[s->lang], s->word[i]));
	return 0;
}

void
cues_sent_dispose(struct cues_sent *s)
{
	free(s->fold);
	free(s->stems);
	memset(s, 0, sizeof(*s));
}

static int
parse_class(const char *s)
{
	int	 k;

	for (k = 0; k < CUE__MAX; k++)
		if (strcmp(class_names[k], s) == 0)
			return k;
	return -1;
}

static int
parse_lang(const char *s)
{
	int	 i;

	for (i = 0; i < CUES_NLANG; i++)
		if (strcmp(s, langs[i]) == 0)
			return i;
	return -1;
}

/* The phrase's words, stemmed in its language, into p; 0 or -1. */
static int
phrase_words(struct cues *c, struct phrase *p, const char *text)
{
	char		*f, *at, *end, *store;
	const char	*w[PHRASE_WORDS + 1], *st;
	size_t		 i, n, cap;

	if ((f = fold(text)) == NULL)
		return -1;
	n = split_words(f, w, PHRASE_WORDS + 1);
	cap = 2 * strlen(text) + 2 * PHRASE_WORDS + 2;
	if (n == 0 || n > PHRASE_WORDS || (store = malloc(cap)) == NULL) {
		free(f);
		return -1;
	}
	at = store;
	end = store + cap;
	for (i = 0; i < n; i++) {
		if ((st = stem_into(c->stem[p->lang], w[i], &at, end)) == NULL ||
		    (p->words[i] = strdup(st)) == NULL)
			break;
		p->hash[i] = word_hash(p->words[i]);
		p->nwords++;
	}
	free(store);
	free(f);
	return p->nwords == n ? 0 : -1;
}

static int	add_words(struct cues *, struct stoplist *, const char *, size_t);

/* 'CLASS vendor|client|any': whose sentences count for the class. */
static int
add_side(struct cues *c, const char *line, size_t n)
{
	char	 buf[64], *who;
	int	 k;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, line, n);
	buf[n] = '\0';
	buf[strcspn(buf, "\r")] = '\0';
	if ((who = strchr(buf, ' ')) == NULL)
		return -1;
	*who++ = '\0';
	if ((k = parse_class(buf)) < 0)
		return -1;
	if (strcmp(who, "vendor") == 0)
		c->side[k] = SIDE_VENDOR;
	else if (strcmp(who, "client") == 0)
		c->side[k] = SIDE_CLIENT;
	else if (strcmp(who, "any") == 0)
		c->side[k] = SIDE_UNKNOWN;
	else
		return -1;
	return 0;
}

/* 'CLASS PATH H1 / H2': where 'calls accept' moves a point of CLASS. */
static int
add_target(struct cues *c, const char *line, size_t n)
{
	struct cue_target	 t;
	char			 buf[256], *save = NULL, *cls, *path, *h1, *h2;
	int			 k;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, line, n);
	buf[n] = '\0';
	cls = strtok_r(buf, " \t\r", &save);
	path = strtok_r(NULL, " \t\r", &save);
	h1 = strtok_r(NULL, "/\r", &save);
	h2 = strtok_r(NULL, "\r", &save);
	if (cls == NULL || path == NULL || h1 == NULL || h2 == NULL ||
	    (k = parse_class(cls)) < 0 || strchr(path, '/') == NULL)
		return -1;
	while (*h1 == ' ')
		h1++;
	while (*h2 == ' ')
		h2++;
	while (*h1 != '\0' && h1[strlen(h1) - 1] == ' ')
		h1[strlen(h1) - 1] = '\0';
	while (*h2 != '\0' && h2[strlen(h2) - 1] == ' ')
		h2[strlen(h2) - 1] = '\0';
	if (*h1 == '\0' || *h2 == '\0' || strlen(path) >= sizeof(t.path) ||
	    strlen(h1) >= sizeof(t.h1) || strlen(h2) >= sizeof(t.h2))
		return -1;
	memcpy(t.path, path, strlen(path) + 1);
	memcpy(t.h1, h1, strlen(h1) + 1);
	memcpy(t.h2, h2, strlen(h2) + 1);
	c->target[k] = t;
	return 0;
}

const struct cue_target *
cues_class_target(const struct cues *c, enum cue_class k)
{
	return c->target[k].path[0] != '\0' ? &c->target[k] : NULL;
}

int
cues_class_of_heading(const char *h, size_t len)
{
	int	 k;

	for (k = 0; k < CUE__MAX; k++)
		if (strlen(class_heads[k]) == len &&
		    strncmp(class_heads[k], h, len) == 0)
			return k;
	return -1;
}

static int
add_phrase(struct cues *c, const char *line, size_t n)
{
	char		 buf[512], *tok[4], *save = NULL;
	int		 k, lang;
	struct phrase	*p, *np;

	if (n >= sizeof(buf))
		return -1;
	if (n > 7 && strncmp(line, "number ", 7) == 0)
		return add_words(c, &c->numbers, line + 7, n - 7);
	if (n > 5 && strncmp(line, "side ", 5) == 0)
		return add_side(c, line + 5, n - 5);
	if (n > 7 && strncmp(line, "accept ", 7) == 0)
		return add_target(c, line + 7, n - 7);
	memcpy(buf, line, n);
	buf[n] = '\0';
	tok[0] = strtok_r(buf, " \t\r", &save);
	tok[1] = strtok_r(NULL, " \t\r", &save);
	tok[2] = strtok_r(NULL, " \t\r", &save);
	tok[3] = strtok_r(NULL, "\r", &save);
	if (tok[3] == NULL || (k = parse_class(tok[0])) < 0 ||
	    (lang = parse_lang(tok[1])) < 0)
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
	c->np++;	/* counted now so that cues_free() frees its words */
	return phrase_words(c, p, tok[3]);
}

/* Each non-empty, non-comment line of text to fn; the first bad line's
 * number, or 0. */
static unsigned
each_line(struct cues *c, const char *text,
    int (*fn)(struct cues *, const char *, size_t))
{
	const char	*l, *nl;
	unsigned	 line = 0;
	size_t		 n;

	for (l = text; *l != '\0'; l = nl ? nl + 1 : l + n) {
		nl = strchr(l, '\n');
		n = nl ? (size_t)(nl - l) : strlen(l);
		line++;
		if (n == 0 || l[0] == '#' || (n == 1 && l[0] == '\r'))
			continue;
		if (fn(c, l, n) != 0)
			return line;
	}
	return 0;
}

struct cues *
cues_load(const char *file, const char *text, struct diag_list *dl)
{
	struct cues	*c;
	unsigned	 bad;
	int		 i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	for (i = 0; i < CUES_NLANG; i++)
		if ((c->stem[i] = sb_stemmer_new(stemmer_names[i],
		    "UTF_8")) == NULL) {
			cues_free(c);
			return NULL;
		}
	if ((bad = each_line(c, text, add_phrase)) != 0) {
		diag_add_hint(dl, diag_pos_line(file, bad), RULE_SCHEMA_FILE,
		    "fix the line, or delete the file to use the built-in one",
		    "cue line is not 'CLASS LANG cue|num|not PHRASE', "
		    "'number LANG WORD...', 'side CLASS vendor|client|any' or "
		    "'accept CLASS PILLAR/FIELD H1 / H2'");
		cues_free(c);
		return NULL;
	}
	return c;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The words of a 'LANG WORD...' line into l (or, when l is NULL, into
 * the stopwords of LANG). */
static int
add_words(struct cues *c, struct stoplist *l, const char *line, size_t n)
{
	char		 buf[4096], *f;
	const char	*w[512];
	size_t		 i, nw, k;
	char		**nl;
	int		 lang;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, line, n);
	buf[n] = '\0';
	k = strcspn(buf, " \t");
	if (buf[k] == '\0')
		return -1;
	buf[k] = '\0';
	if ((lang = parse_lang(buf)) < 0 || (f = fold(buf + k + 1)) == NULL)
		return -1;
	nw = split_words(f, w, 512);
	if (l == NULL)
		l = &c->stop[lang];
	if ((nl = realloc(l->w, (l->n + nw + 1) * sizeof(*nl))) == NULL) {
		free(f);
		return -1;
	}
	l->w = nl;
	for (i = 0; i < nw; i++)
		if ((l->w[l->n] = strdup(w[i])) != NULL)
			l->n++;
	free(f);
	qsort(l->w, l->n, sizeof(*l->w), str_cmp);
	return 0;
}

static int
add_stops(struct cues *c, const char *line, size_t n)
{
	return add_words(c, NULL, line, n);
}

int
cues_load_stopwords(struct cues *c, const char *file, const char *text,
    struct diag_list *dl)
{
	unsigned	 bad;

	if ((bad = each_line(c, text, add_stops)) != 0) {
		diag_add_hint(dl, diag_pos_line(file, bad), RULE_SCHEMA_FILE,
		    "fix the line, or delete the file to use the built-in one",
		    "stopword line is not 'LANG WORD...' (LANG en or de)");
		return -1;
	}
	return 0;
}

void
cues_free(struct cues *c)
{
	size_t	 i, j;
	int	 l;

	if (c == NULL)
		return;
	for (i = 0; i < c->np; i++)
		for (j = 0; j < c->p[i].nwords; j++)
			free(c->p[i].words[j]);
	free(c->p);
	for (l = 0; l < CUES_NLANG; l++) {
		if (c->stem[l] != NULL)
			sb_stemmer_delete(c->stem[l]);
		for (i = 0; i < c->stop[l].n; i++)
			free(c->stop[l].w[i]);
		free(c->stop[l].w);
	}
	for (i = 0; i < c->numbers.n; i++)
		free(c->numbers.w[i]);
	free(c->numbers.w);
	free(c);
}

static int
has_phrase(const struct phrase *p, const char *const *w, const uint32_t *h,
    size_t n)
{
	size_t	 i, j;

	for (i = 0; i + p->nwords <= n; i++) {
		for (j = 0; j < p->nwords; j++)
			if (h[i + j] != p->hash[j] ||
			    strcmp(w[i + j], p->words[j]) != 0)
				break;
		if (j == p->nwords)
			return 1;
	}
	return 0;
}

unsigned
cues_classify_sent(const struct cues *c, const struct cues_sent *s)
{
	uint32_t	 h[CUES_NLANG][CUES_MAX_WORDS];
	size_t		 i;
	unsigned	 hit = 0, veto = 0;
	int		 l;

	for (l = 0; l < CUES_NLANG; l++)
		for (i = 0; i < s->n; i++)
			h[l][i] = word_hash(s->stem[l][i]);
	for (i = 0; i < c->np; i++) {
		const struct phrase *p = &c->p[i];
		if (p->kind == K_NUM && !s->digit)
			continue;
		if (!has_phrase(p, s->stem[p->lang], h[p->lang], s->n))
			continue;
		if (p->kind == K_NOT)
			veto |= 1u << p->cls;
		else
			hit |= 1u << p->cls;
	}
	return hit & ~veto;
}

unsigned
cues_classify(const struct cues *c, const char *sentence)
{
	struct cues_sent	 s;
	unsigned		 r;

	if (cues_sent_read(c, sentence, &s) != 0)
		return 0;
	r = cues_classify_sent(c, &s);
	cues_sent_dispose(&s);
	return r;
}
