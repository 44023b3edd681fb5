/* SPDX-License-Identifier: MIT */
/*
 * calls_summary.c: TextRank over a call's sentences (phase: calls).  The
 * sentences are the nodes; two are joined by the number of content words
 * they share, divided by log|Si| + log|Sj| (Mihalcea and Tarau, 2004); a
 * weighted PageRank with damping 0.85 runs until no score moves by more
 * than 1e-6 or 200 rounds have passed.  The words are interned once
 * (sorted), and the pairs come from each word's list of sentences, so a
 * call costs what its shared words cost, not the square of its length;
 * a word in more than POSTING_MAX sentences joins none (it says nothing
 * about any one of them).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calls/calls_summary.h"

#define DAMPING		0.85
#define EPSILON		1e-6
#define MAX_ROUNDS	200
#define POSTING_MAX	1000u

struct occ {
	const char	*w;
	size_t		 sent;
};

/* The graph: edges of sentence i are e[off[i] .. off[i + 1]). */
struct graph {
	size_t		*off;
	size_t		*to;
	double		*wt;
	size_t		 ne, cap;
};

static int
occ_cmp(const void *a, const void *b)
{
	const struct occ	*x = a, *y = b;
	int			 c = strcmp(x->w, y->w);

	if (c != 0)
		return c;
	return x->sent < y->sent ? -1 : x->sent > y->sent;
}

/*
 * Intern: ids[i] are the distinct word ids of sentence i (into idbuf),
 * post[id] the sentences of each word (into postbuf, ascending).
 */
struct interned {
	size_t		*ids_off, *ids;		/* per sentence */
	size_t		*post_off, *post;	/* per word */
	size_t		 nwords;
};

static void
interned_free(struct interned *in)
{
	free(in->ids_off);
	free(in->ids);
	free(in->post_off);
	free(in->post);
}

static int
intern(const char *const *const *words, const size_t *nw, size_t n,
    struct interned *in)
{
	struct occ	*o;
	size_t		 i, j, no = 0, k, id, *fill;

	memset(in, 0, sizeof(*in));
	for (i = 0; i < n; i++)
		no += nw[i];
	if ((o = malloc((no + 1) * sizeof(*o))) == NULL)
		return -1;
	for (no = 0, i = 0; i < n; i++)
		for (j = 0; j < nw[i]; j++) {
			o[no].w = words[i][j];
			o[no++].sent = i;
		}
	qsort(o, no, sizeof(*o), occ_cmp);
	/* drop a word repeated in one sentence; number the words */
	for (k = 0, i = 0; i < no; i++)
		if (k == 0 || strcmp(o[i].w, o[k - 1].w) != 0 ||
		    o[i].sent != o[k - 1].sent)
			o[k++] = o[i];
	no = k;
	in->ids_off = calloc(n + 1, sizeof(size_t));
	in->ids = malloc((no + 1) * sizeof(size_t));
	in->post_off = calloc(no + 2, sizeof(size_t));
	in->post = malloc((no + 1) * sizeof(size_t));
	fill = calloc(n + 1, sizeof(size_t));
	if (in->ids_off == NULL || in->ids == NULL || in->post_off == NULL ||
	    in->post == NULL || fill == NULL) {
		free(o);
		free(fill);
		interned_free(in);
		return -1;
	}
	for (id = 0, i = 0; i < no; i++) {
		if (i > 0 && strcmp(o[i].w, o[i - 1].w) != 0)
			id++;
		in->post[i] = o[i].sent;
		in->post_off[id + 1] = i + 1;
		in->ids_off[o[i].sent + 1]++;
	}
	in->nwords = no > 0 ? id + 1 : 0;
	for (i = 0; i < n; i++)
		in->ids_off[i + 1] += in->ids_off[i];
	for (id = 0, i = 0; i < no; i++) {
		if (i > 0 && strcmp(o[i].w, o[i - 1].w) != 0)
			id++;
		in->ids[in->ids_off[o[i].sent] + fill[o[i].sent]++] = id;
	}
	free(fill);
	free(o);
	return 0;
}

static int
size_cmp(const void *a, const void *b)
{
	size_t	 x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static int
edge_add(struct graph *g, size_t to, double wt)
{
	size_t	 ncap, *nto;
	double	*nwt;

	if (g->ne == g->cap) {
		ncap = g->cap ? g->cap * 2 : 256;
		if ((nto = realloc(g->to, ncap * sizeof(*nto))) == NULL)
			return -1;
		g->to = nto;
		if ((nwt = realloc(g->wt, ncap * sizeof(*nwt))) == NULL)
			return -1;
		g->wt = nwt;
		g->cap = ncap;
	}
	g->to[g->ne] = to;
	g->wt[g->ne++] = wt;
	return 0;
}

/* The edges of every sentence, in ascending order of the other one. */
static int
build_graph(const struct interned *in, size_t n, struct graph *g)
{
	size_t		*cnt, *touched, nt, i, j, k, p, id, len_i, len_j;
	double		 den;
	int		 rc = 0;

	memset(g, 0, sizeof(*g));
	cnt = calloc(n + 1, sizeof(size_t));
	touched = malloc((n + 1) * sizeof(size_t));
	g->off = calloc(n + 1, sizeof(size_t));
	if (cnt == NULL || touched == NULL || g->off == NULL) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < n && rc == 0; i++) {
		nt = 0;
		len_i = in->ids_off[i + 1] - in->ids_off[i];
		for (k = in->ids_off[i]; len_i >= SUMMARY_MIN_WORDS &&
		    k < in->ids_off[i + 1]; k++) {
			id = in->ids[k];
			if (in->post_off[id + 1] - in->post_off[id] > POSTING_MAX)
				continue;
			for (p = in->post_off[id]; p < in->post_off[id + 1];
			    p++) {
				j = in->post[p];
				if (j == i)
					continue;
				if (cnt[j]++ == 0)
					touched[nt++] = j;
			}
		}
		/* ascending j, so that the sums come out the same each run */
		qsort(touched, nt, sizeof(*touched), size_cmp);
		for (k = 0; k < nt; k++) {
			j = touched[k];
			len_j = in->ids_off[j + 1] - in->ids_off[j];
			den = log((double)len_i) + log((double)len_j);
			if (len_j >= SUMMARY_MIN_WORDS && den > 0)
				rc |= edge_add(g, j, (double)cnt[j] / den);
			cnt[j] = 0;
		}
		g->off[i + 1] = g->ne;
	}
out:
	free(cnt);
	free(touched);
	return rc;
}

static void
graph_free(struct graph *g)
{
	free(g->off);
	free(g->to);
	free(g->wt);
}

/* Weighted PageRank into score (n entries). */
static int
rank(const struct graph *g, size_t n, double *score)
{
	double		*sum, *next, d, moved;
	size_t		 i, k, round;

	sum = calloc(n + 1, sizeof(double));
	next = calloc(n + 1, sizeof(double));
	if (sum == NULL || next == NULL) {
		free(sum);
		free(next);
		return -1;
	}
	for (i = 0; i < n; i++) {
		score[i] = 1.0;
		for (k = g->off[i]; k < g->off[i + 1]; k++)
			sum[i] += g->wt[k];
	}
	for (round = 0; round < MAX_ROUNDS; round++) {
		moved = 0;
		/* the graph is symmetric: what i gets from its neighbours */
		for (i = 0; i < n; i++) {
			next[i] = 0;
			for (k = g->off[i]; k < g->off[i + 1]; k++)
				next[i] += g->wt[k] / sum[g->to[k]] *
				    score[g->to[k]];
			next[i] = (1 - DAMPING) + DAMPING * next[i];
		}
		for (i = 0; i < n; i++) {
			d = fabs(next[i] - score[i]);
			if (d > moved)
				moved = d;
			score[i] = next[i];
		}
		if (moved < EPSILON)
			break;
	}
	free(sum);
	free(next);
	return 0;
}

size_t
calls_summary_size(size_t n)
{
	size_t	 k = (n + 3) / 4;

	return k > SUMMARY_MAX ? SUMMARY_MAX : k;
}

/* The best max of the sentences with an edge, by score then index. */
static size_t
top(const struct graph *g, const double *score, size_t n, size_t max,
    size_t *out)
{
	size_t	 i, k, got = 0;

	for (i = 0; i < n; i++) {
		if (g->off[i + 1] == g->off[i])
			continue;
		for (k = got; k > 0 && score[out[k - 1]] < score[i]; k--)
			if (k < max)
				out[k] = out[k - 1];
		if (k < max) {
			out[k] = i;
			if (got < max)
				got++;
		}
	}
	qsort(out, got, sizeof(*out), size_cmp);
	return got;
}

size_t
calls_summary_pick(const char *const *const *words, const size_t *nw,
    size_t n, size_t max, size_t *out)
{
	struct interned	 in;
	struct graph	 g;
	double		*score;
	size_t		 got = (size_t)-1;

	if (n > SUMMARY_MAX_SENTS)
		n = SUMMARY_MAX_SENTS;
	if (n == 0 || max == 0)
		return 0;
	if (intern(words, nw, n, &in) != 0)
		return (size_t)-1;
	if (build_graph(&in, n, &g) == 0 &&
	    (score = malloc(n * sizeof(double))) != NULL) {
		if (rank(&g, n, score) == 0)
			got = top(&g, score, n, max, out);
		free(score);
	}
	graph_free(&g);
	interned_free(&in);
	return got;
}
