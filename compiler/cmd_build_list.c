/* SPDX-License-Identifier: MIT */
/*
 * cmd_build_list.c: the set of deals of 'handoff build': the deal files
 * to consider (deals/ in the work tree or at --rev, or the arguments),
 * shards, the same deal given twice (x.md and x.xml, or two files with
 * one id), and OUTDIR/.handoff-state after the run, which also removes
 * the outputs of deals that are gone.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_state.h"
#include "cmd_build_int.h"
#include "diag.h"
#include "fsutil.h"
#include "vcs.h"

/* ------------------------------------------------------------ deal list */

/* A string of one job, for finding repeats by sorting. */
struct keyed {
	const char	*key;
	size_t		 i;
};

/* By key, then by input order. */
static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed	*x = a, *y = b;
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_deal_file(const char *name)
{
	const char	*ext = fs_ext(name);

	return name[0] != '.' && (strcmp(ext, ".md") == 0 ||
	    strcmp(ext, ".xml") == 0);
}

/* Append deals/name to v when name is a deal file; -1 out of memory
 * (a name that cannot be joined is skipped). */
static int
deal_add(char ***v, size_t *n, size_t *cap, const char *name)
{
	char	**nv;

	if (!is_deal_file(name))
		return 0;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		if ((nv = realloc(*v, *cap * sizeof(**v))) == NULL)
			return -1;
		*v = nv;
	}
	if (((*v)[*n] = fs_join("deals", name)) != NULL)
		(*n)++;
	return 0;
}

/* Every .md and .xml file in deals/, sorted (at --rev: in that tree). */
int
build_list_deals(char ***out, size_t *np, const char *rev)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL, **names = NULL;
	size_t		 n = 0, cap = 0, i, nn = 0;
	int		 rc;

	*out = NULL;
	*np = 0;
	if (rev != NULL) {
		if ((rc = vcs_list_at(".", rev, "deals", &names, &nn)) != 0)
			return -1;
		for (i = 0; i < nn; i++)
			if (deal_add(&v, &n, &cap, names[i]) == -1)
				break;
		vcs_names_free(names, nn);
	} else {
		if ((d = opendir("deals")) == NULL)
			return errno == ENOENT ? 0 : -1;
		while ((e = readdir(d)) != NULL)
			if (deal_add(&v, &n, &cap, e->d_name) == -1)
				break;
		closedir(d);
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), str_cmp);
	*out = v;
	*np = n;
	return 0;
}

/* Stable across machines and runs: FNV-1a of the file's stem. */
unsigned long long
build_shard_hash(const char *path)
{
	unsigned long long	 h = 0xcbf29ce484222325ULL;
	char			*stem = fs_stem(path);
	const char		*p;

	for (p = stem != NULL ? stem : path; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	free(stem);
	return h;
}

/* ------------------------------------------------------------ after the run */

/*
 * Two files with one deal id write over each other: the first (in input
 * order) keeps it; the others fail.  Which one wrote last depends on the
 * threads, so when a later one wrote anything the first is built again:
 * the outputs are always the first one's.
 */
void
build_check_duplicates(struct build *b)
{
	struct keyed		*v;
	struct job		*j, *first;
	struct diag_list	 keep, keep_held;
	size_t			 n = 0, i, k;
	int			 again;

	if ((v = calloc(b->njobs + 1, sizeof(*v))) == NULL)
		return;
	for (i = 0; i < b->njobs; i++)
		if (b->jobs[i].id != NULL && b->jobs[i].result != JOB_FAILED) {
			v[n].key = b->jobs[i].id;
			v[n++].i = i;
		}
	qsort(v, n, sizeof(*v), keyed_cmp);
	for (i = 0; i < n; i = k) {
		first = &b->jobs[v[i].i];
		again = 0;
		for (k = i + 1; k < n && strcmp(v[k].key, v[i].key) == 0; k++) {
			j = &b->jobs[v[k].i];
			diag_add(&j->dl, diag_pos_line(j->path, 0),
			    RULE_DEAL_ID, "deal id '%s' is also the id of "
			    "'%s'; their outputs collide", j->id, first->path);
			again |= j->result == JOB_BUILT;
			j->result = JOB_FAILED;
		}
		if (!again)
			continue;
		keep = first->dl;
		keep_held = first->held;
		diag_list_init(&first->dl);
		diag_list_init(&first->held);
		free(first->id);
		first->id = NULL;
		build_one(b, first, 1);
		diag_list_dispose(&first->dl);
		diag_list_dispose(&first->held);
		first->dl = keep;
		first->held = keep_held;
	}
	free(v);
}

/* deals/x.md and deals/x.xml are one deal twice: the later one fails
 * before anything is built. */
void
build_check_stems(struct build *b)
{
	struct keyed	*v;
	struct job	*j;
	size_t		 n = 0, i, k, m;

	if ((v = calloc(b->njobs + 1, sizeof(*v))) == NULL)
		return;
	for (i = 0; i < b->njobs; i++)
		if ((v[n].key = fs_stem(b->jobs[i].path)) != NULL)
			v[n++].i = i;
	qsort(v, n, sizeof(*v), keyed_cmp);
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && strcmp(v[k].key, v[i].key) == 0; k++) {
			j = &b->jobs[v[k].i];
			for (m = i; m < k; m++)
				if (strcmp(b->jobs[v[m].i].path, j->path) != 0)
					break;
			if (m < k)
				diag_add(&j->dl, diag_pos_line(j->path, 0),
				    RULE_DEAL_ID, "'%s' is the same deal as "
				    "'%s'; keep one", j->path,
				    b->jobs[v[m].i].path);
		}
	}
	for (i = 0; i < n; i++)
		free((char *)(uintptr_t)v[i].key);
	free(v);
}

/*
 * Record what was built; forget what failed; remove the outputs of deals
 * that are gone (only when every deal was considered: a deal is gone
 * when no file of this build has its id as stem or its recorded path,
 * and no deal of this build has its id).
 */
int
build_update_state(struct build *b, char **all, size_t nall, int whole)
{
	struct state_entry	*e;
	struct job		*j;
	char			**stems = NULL, **ids = NULL, *key;
	size_t			 i, ns = 0, ni = 0;
	int			 rv = -1, found;

	for (i = 0; i < b->njobs; i++) {
		j = &b->jobs[i];
		if (j->id == NULL)
			continue;
		if (j->result == JOB_FAILED)
			state_drop(&b->state, j->id);
		else if (state_set(&b->state, j->id, j->hash, j->path) == -1)
			return -1;
	}
	if (!whole)
		return state_save(&b->state, b->outdir);
	if ((stems = calloc(nall + 1, sizeof(*stems))) == NULL ||
	    (ids = calloc(b->njobs + 1, sizeof(*ids))) == NULL)
		goto out;
	for (i = 0; i < nall; i++)
		if ((stems[ns] = fs_stem(all[i])) != NULL)
			ns++;
	for (i = 0; i < b->njobs; i++)
		if (b->jobs[i].id != NULL)
			ids[ni++] = b->jobs[i].id;
	qsort(stems, ns, sizeof(*stems), str_cmp);
	qsort(ids, ni, sizeof(*ids), str_cmp);
	/* all is sorted when every deal is considered (list_deals) */
	for (i = 0; i < b->state.n; ) {
		e = &b->state.v[i];
		key = e->id;
		found = bsearch(&key, stems, ns, sizeof(*stems),
		    str_cmp) != NULL || bsearch(&key, ids, ni, sizeof(*ids),
		    str_cmp) != NULL;
		key = e->path;
		if (!found && key != NULL && nall > 0)	/* all: NULL if 0 */
			found = bsearch(&key, all, nall, sizeof(*all),
			    str_cmp) != NULL;
		if (found) {
			i++;
			continue;
		}
		state_remove_outputs(b->outdir, e->id);
		state_drop(&b->state, e->id);
	}
	rv = state_save(&b->state, b->outdir);
out:
	for (i = 0; i < ns; i++)
		free(stems[i]);
	free(stems);
	free(ids);
	return rv;
}
