/* SPDX-License-Identifier: MIT */
/*
 * build_state.c: OUTDIR/.handoff-state for incremental builds.  The file
 * is one line per deal, "ID HASH PATH" (the path is the rest of the line,
 * and may be missing), sorted by id.  Hashes are XXH3 128-bit: this
 * detects change, it is not a defence against someone forging a
 * collision, and does not need to be.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define XXH_STATIC_LINKING_ONLY	/* XXH3_state_t on the stack */
#include <xxhash.h>

#include "build_state.h"
#include "fsutil.h"

const char *const state_output_name[STATE_NOUTPUTS] = {
	"handoff.xml", "handoff-package.pdf", "intro-email.eml",
	"handoff-notice.eml", "timeline.ics"
};

/*
 * The hashes are XXH3 128-bit (libxxhash): hashing every deal's bytes is
 * most of a no-change build, and XXH3 is ~20x faster than a byte-wise FNV.
 */
struct hasher {
	XXH3_state_t	 st;
};

static void
hasher_init(struct hasher *h)
{
	(void)XXH3_128bits_reset(&h->st);
}

static void
hasher_add(struct hasher *h, const void *p, size_t n)
{
	uint64_t	 len = n;

	(void)XXH3_128bits_update(&h->st, p, n);
	/* the length after the bytes, so ("ab", "c") and ("a", "bc") differ */
	(void)XXH3_128bits_update(&h->st, &len, sizeof(len));
}

static void
hasher_hex(const struct hasher *h, char out[STATE_HASH_LEN])
{
	XXH128_hash_t	 d = XXH3_128bits_digest(&h->st);

	snprintf(out, STATE_HASH_LEN, "%016llx%016llx",
	    (unsigned long long)d.high64, (unsigned long long)d.low64);
}

void
state_init(struct state *st)
{
	memset(st, 0, sizeof(*st));
}

void
state_dispose(struct state *st)
{
	size_t	 i;

	for (i = 0; i < st->n; i++) {
		free(st->v[i].id);
		free(st->v[i].path);
	}
	free(st->v);
	free(st->bypath);
	memset(st, 0, sizeof(*st));
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct state_entry *)a)->id,
	    ((const struct state_entry *)b)->id);
}

static int
path_cmp(const void *a, const void *b)
{
	const struct state_entry *x = *(const struct state_entry *const *)a;
	const struct state_entry *y = *(const struct state_entry *const *)b;

	if (x->path == NULL || y->path == NULL)
		return (x->path != NULL) - (y->path != NULL);
	return strcmp(x->path, y->path);
}

/* Append an entry without looking for its id; 0 or -1. */
static int
state_append(struct state *st, const char *id, const char *hash,
    const char *path)
{
	struct state_entry	*e, *nv;
	size_t			 cap;

	if (st->n == st->cap) {
		cap = st->cap ? st->cap * 2 : 64;
		if ((nv = realloc(st->v, cap * sizeof(*nv))) == NULL)
			return -1;
		st->v = nv;
		st->cap = cap;
	}
	e = &st->v[st->n];
	memset(e, 0, sizeof(*e));
	if ((e->id = strdup(id)) == NULL ||
	    (path != NULL && (e->path = strdup(path)) == NULL)) {
		free(e->id);
		return -1;
	}
	snprintf(e->hash, sizeof(e->hash), "%s", hash);
	st->n++;
	return 0;
}

int
state_load(struct state *st, const char *outdir)
{
	char	*path, *data = NULL, *line, *next, *sp, *file;
	size_t	 len, i;
	int	 rv = 0;

	if ((path = fs_join(outdir, ".handoff-state")) == NULL)
		return -1;
	if (fs_read(path, 64 * 1024 * 1024, &data, &len) != 0) {
		free(path);
		return 0;
	}
	for (line = data; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((sp = strchr(line, ' ')) == NULL)
			continue;
		*sp++ = '\0';
		if ((file = strchr(sp, ' ')) != NULL)
			*file++ = '\0';
		if (!fs_deal_id_ok(line) || strlen(sp) != STATE_HASH_LEN - 1)
			continue;
		/* sorted as written: each lands at the end (a file edited
		 * by hand may repeat an id: the last one wins) */
		if (state_set(st, line, sp, file != NULL && *file != '\0' ?
		    file : NULL) == -1) {
			rv = -1;
			break;
		}
	}
	free(data);
	free(path);
	if (rv == 0 && st->n > 0 &&
	    (st->bypath = malloc(st->n * sizeof(*st->bypath))) != NULL) {
		for (i = 0; i < st->n; i++)
			st->bypath[i] = &st->v[i];
		qsort(st->bypath, st->n, sizeof(*st->bypath), path_cmp);
	}
	return rv;
}

int
state_save(const struct state *st, const char *outdir)
{
	FILE		*fp;
	char		*path, *mem = NULL;
	size_t		 i, memlen = 0;
	int		 rv = -1;

	if ((path = fs_join(outdir, ".handoff-state")) == NULL)
		return -1;
	if ((fp = open_memstream(&mem, &memlen)) == NULL)
		goto out;
	for (i = 0; i < st->n; i++) {
		if (st->v[i].path != NULL &&
		    strchr(st->v[i].path, '\n') == NULL)
			fprintf(fp, "%s %s %s\n", st->v[i].id, st->v[i].hash,
			    st->v[i].path);
		else
			fprintf(fp, "%s %s\n", st->v[i].id, st->v[i].hash);
	}
	if (fclose(fp) == 0 && fs_mkdirs(outdir) == 0 &&
	    fs_write_atomic(path, mem, memlen) == 0)
		rv = 0;
out:
	free(mem);
	free(path);
	return rv;
}

struct state_entry *
state_find(const struct state *st, const char *id)
{
	struct state_entry	 key;

	if (st->n == 0)
		return NULL;
	key.id = (char *)(uintptr_t)id;
	return bsearch(&key, st->v, st->n, sizeof(*st->v), entry_cmp);
}

struct state_entry *
state_find_path(const struct state *st, const char *path)
{
	struct state_entry	 key, *kp = &key, **e;

	if (st->bypath == NULL || path == NULL)
		return NULL;
	key.path = (char *)(uintptr_t)path;
	e = bsearch(&kp, st->bypath, st->n, sizeof(*st->bypath), path_cmp);
	return e != NULL ? *e : NULL;
}

int
state_set(struct state *st, const char *id, const char *hash,
    const char *path)
{
	struct state_entry	*e;
	char			*p = NULL;
	size_t			 at;

	free(st->bypath);
	st->bypath = NULL;
	if ((e = state_find(st, id)) != NULL) {
		if (path != NULL && (p = strdup(path)) == NULL)
			return -1;
		free(e->path);
		e->path = p;
		snprintf(e->hash, sizeof(e->hash), "%s", hash);
		return 0;
	}
	if (state_append(st, id, hash, path) == -1)
		return -1;
	/* move it into place: entries stay sorted by id */
	for (at = st->n - 1; at > 0 && strcmp(st->v[at - 1].id, id) > 0; at--)
		;
	if (at < st->n - 1) {
		struct state_entry	 tmp = st->v[st->n - 1];

		memmove(&st->v[at + 1], &st->v[at],
		    (st->n - 1 - at) * sizeof(*st->v));
		st->v[at] = tmp;
	}
	return 0;
}

void
state_drop(struct state *st, const char *id)
{
	struct state_entry	*e = state_find(st, id);
	size_t			 at;

	if (e == NULL)
		return;
	free(st->bypath);
	st->bypath = NULL;
	at = (size_t)(e - st->v);
	free(e->id);
	free(e->path);
	memmove(&st->v[at], &st->v[at + 1], (st->n - at - 1) * sizeof(*e));
	st->n--;
}

int
state_unchanged(const struct state *st, const char *path, const char *hash,
    const char *outdir, const char **id)
{
	struct state_entry	*e = state_find_path(st, path);
	char			 pdf[4096];

	*id = NULL;
	if (e == NULL || strcmp(e->hash, hash) != 0)
		return 0;
	snprintf(pdf, sizeof(pdf), "%s/%s/handoff-package.pdf", outdir, e->id);
	if (!fs_exists(pdf))
		return 0;
	*id = e->id;
	return 1;
}

/* Add a file's bytes (or its absence) to the hash. */
static void
hash_file(struct hasher *h, const char *path)
{
	char	*data = NULL;
	size_t	 len = 0;

	hasher_add(h, path, strlen(path));
	if (fs_read(path, 64 * 1024 * 1024, &data, &len) == 0)
		hasher_add(h, data, len);
	else
		hasher_add(h, "", 0);
	free(data);
}

/* Add what stat() says of a file that only a package upgrade changes:
 * device, inode, size and time of change, or its absence. */
static void
hash_stat(struct hasher *h, const char *path)
{
	struct stat	 sb;
	char		 line[128];

	hasher_add(h, path, strlen(path));
	if (stat(path, &sb) == -1) {
		hasher_add(h, "", 0);
		return;
	}
	snprintf(line, sizeof(line), "%llu %llu %lld %lld.%09ld",
	    (unsigned long long)sb.st_dev, (unsigned long long)sb.st_ino,
	    (long long)sb.st_size, (long long)sb.st_ctim.tv_sec,
	    sb.st_ctim.tv_nsec);
	hasher_add(h, line, strlen(line));
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add every regular file directly inside dir, in name order. */
static void
hash_dir(struct hasher *h, const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		**names = NULL, **nn, *p;
	size_t		 n = 0, cap = 0, i;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nn = realloc(names, cap * sizeof(*nn))) == NULL)
				break;
			names = nn;
		}
		if ((names[n] = strdup(e->d_name)) != NULL)
			n++;
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		if ((p = fs_join(dir, names[i])) != NULL)
			hash_file(h, p);
		free(p);
		free(names[i]);
	}
	free(names);
}

void
state_inputs(char out[STATE_HASH_LEN], const char *root, const char *fontdir,
    const char *const *extra, size_t nextra)
{
	static const char *const dirs[] = {
		"schemas", "schemas/playbooks", "templates"
	};
	struct hasher	 h;
	char		*p;
	size_t		 i;

	hasher_init(&h);
	for (i = 0; i < nextra; i++)
		hasher_add(&h, extra[i], strlen(extra[i]));
	if ((p = fs_join(root, "handoff.yml")) != NULL)
		hash_file(&h, p);
	free(p);
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if ((p = fs_join(root, dirs[i])) != NULL)
			hash_dir(&h, p);
		free(p);
	}
	if ((p = fs_join(fontdir, "DejaVuSans.ttf")) != NULL)
		hash_stat(&h, p);
	free(p);
	if ((p = fs_join(fontdir, "DejaVuSans-Bold.ttf")) != NULL)
		hash_stat(&h, p);
	free(p);
	hasher_hex(&h, out);
}

void
state_hash(char out[STATE_HASH_LEN], const char *inputs, const char *salt,
    const char *data, size_t len)
{
	struct hasher	 h;

	hasher_init(&h);
	hasher_add(&h, inputs, strlen(inputs));
	hasher_add(&h, salt, strlen(salt) + 1);
	hasher_add(&h, data, len);
	hasher_hex(&h, out);
}

/* The web page and index row of a deal (web_site.c). */
static const char *const web_names[] = { "index.html" };

int
state_remove_outputs(const char *outdir, const char *id)
{
	char	 path[4096];
	size_t	 i;
	int	 rv = 0;

	if (!fs_deal_id_ok(id))
		return -1;
	for (i = 0; i < STATE_NOUTPUTS; i++) {
		snprintf(path, sizeof(path), "%s/%s/%s", outdir, id,
		    state_output_name[i]);
		if (unlink(path) == -1 && errno != ENOENT)
			rv = -1;
	}
	for (i = 0; i < sizeof(web_names) / sizeof(web_names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s/%s", outdir, id,
		    web_names[i]);
		if (unlink(path) == -1 && errno != ENOENT)
			rv = -1;
	}
	snprintf(path, sizeof(path), "%s/%s", outdir, id);
	if (rmdir(path) == -1 && errno != ENOENT && errno != ENOTEMPTY)
		rv = -1;
	return rv;
}
