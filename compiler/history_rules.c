/* SPDX-License-Identifier: MIT */
/*
 * history_rules.c: the rules a commit was made under (see
 * history_rules.h).  The rule files of a commit (handoff.yml,
 * schemas/handoff.xsd, the playbooks in schemas/playbooks/, under the
 * team repo's folder of the git repository) are read from git and
 * hashed under their paths in the team repo; a set not seen before is
 * written to a private temporary folder, opened with session_open()
 * like a work tree, and the folder removed.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxhash.h>

#include "diag.h"
#include "fsutil.h"
#include "history.h"
#include "history_rules.h"
#include "schema.h"
#include "vcs.h"

#define RULES_FILES	64		/* rule files read per commit */
#define RULES_MAXLEN	(4u << 20)	/* the schema's own read limit */
#define RULES_PLAYBOOKS	"schemas/playbooks"

/* The rule files of one commit or of the work tree, sorted by path. */
struct rfiles {
	char	*path[RULES_FILES];	/* repo paths */
	char	*data[RULES_FILES];
	size_t	 len[RULES_FILES];
	size_t	 n;
};

static void
rfiles_dispose(struct rfiles *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++) {
		free(f->path[i]);
		free(f->data[i]);
	}
	f->n = 0;
}

/* Take path and data into f (both freed on failure); 0 or -1. */
static int
rfiles_take(struct rfiles *f, char *path, char *data, size_t len)
{
	if (path == NULL || data == NULL || f->n == RULES_FILES) {
		free(path);
		free(data);
		return -1;
	}
	f->path[f->n] = path;
	f->data[f->n] = data;
	f->len[f->n++] = len;
	return 0;
}

/* ----- reading them ------------------------------------------------------ */

/* One file of commit into f (path in the team repo, whose repo path
 * starts with prefix); absent is fine.  0 or -1. */
static int
rfiles_git_one(struct rfiles *f, struct vcs *v, const char *commit,
    const char *prefix, const char *path)
{
	char	 full[4096 + 128];
	char	*data = NULL;
	size_t	 len = 0;
	int	 r;

	if ((size_t)snprintf(full, sizeof(full), "%s%s", prefix, path) >=
	    sizeof(full))
		return -1;
	r = vcs_read(&data, &len, v, commit, full);
	if (r == VCS_ENOTFOUND)
		return 0;
	if (r != 0 || len > RULES_MAXLEN) {
		free(data);
		return -1;
	}
	return rfiles_take(f, strdup(path), data, len);
}

static int
rfiles_git(struct rfiles *f, struct vcs *v, const char *prefix,
    const char *commit)
{
	char	  dir[4096 + 32];
	char	**names = NULL, *path;
	size_t	  n = 0, i;
	int	  rc = 0;

	if ((size_t)snprintf(dir, sizeof(dir), "%s%s", prefix,
	    RULES_PLAYBOOKS) >= sizeof(dir) ||
	    rfiles_git_one(f, v, commit, prefix, "handoff.yml") == -1 ||
	    rfiles_git_one(f, v, commit, prefix, "schemas/handoff.xsd") == -1 ||
	    vcs_list(&names, &n, v, commit, dir) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if (!schema_playbook_file(names[i]))
			continue;
		if ((path = fs_join(RULES_PLAYBOOKS, names[i])) == NULL)
			rc = -1;
		else
			rc = rfiles_git_one(f, v, commit, prefix, path);
		free(path);
	}
	vcs_names_free(names, n);
	return rc;
}

/* One file of the work tree at root into f; absent is fine. */
static int
rfiles_fs_one(struct rfiles *f, const char *root, const char *path)
{
	char	*full, *data = NULL;
	size_t	 len = 0;
	int	 r;

	if ((full = fs_join(root, path)) == NULL)
		return -1;
	r = fs_exists(full) ? fs_read(full, RULES_MAXLEN, &data, &len) : 1;
	free(full);
	if (r == 1)
		return 0;
	if (r != 0)
		return -1;
	return rfiles_take(f, strdup(path), data, len);
}

static int
rfiles_fs(struct rfiles *f, const char *root)
{
	char	*dir, *names[RULES_FILES], *path;
	DIR	*d;
	long	 n, i;
	int	 rc = 0;

	if (rfiles_fs_one(f, root, "handoff.yml") == -1 ||
	    rfiles_fs_one(f, root, "schemas/handoff.xsd") == -1 ||
	    (dir = fs_join(root, RULES_PLAYBOOKS)) == NULL)
		return -1;
	d = opendir(dir);
	free(dir);
	if (d == NULL)
		return 0;
	n = schema_playbook_names(d, names, RULES_FILES);
	closedir(d);
	for (i = 0; i < n; i++) {
		if (rc == 0) {
			if ((path = fs_join(RULES_PLAYBOOKS, names[i])) == NULL)
				rc = -1;
			else
				rc = rfiles_fs_one(f, root, path);
			free(path);
		}
		free(names[i]);
	}
	return n < 0 ? -1 : rc;
}

/* The hash of the files' paths and bytes: equal sets, equal keys. */
static uint64_t
rfiles_key(const struct rfiles *f)
{
	XXH64_hash_t	 h = 0x68616e646f6666ULL;	/* "handoff" */
	size_t		 i;

	for (i = 0; i < f->n; i++) {
		h = XXH3_64bits_withSeed(f->path[i], strlen(f->path[i]) + 1, h);
		h = XXH3_64bits_withSeed(f->data[i], f->len[i], h);
	}
	return h;
}

/* ----- opening them ------------------------------------------------------ */

/* Write one file of f under dir, making its folders; 0 or -1. */
static int
rfiles_write(const struct rfiles *f, size_t i, const char *dir)
{
	char	*path;
	int	 rc;

	if ((path = fs_join(dir, f->path[i])) == NULL)
		return -1;
	rc = fs_write_atomic_dirs(path, f->data[i], f->len[i]);
	free(path);
	return rc;
}

/* Write f under dir (made by mkdtemp) and open a session there. */
static int
rfiles_open(struct session *s, const struct rfiles *f, const char *dir,
    const struct session *now)
{
	struct diag_list dl;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < f->n && rc == 0; i++)
		rc = rfiles_write(f, i, dir);
	diag_list_init(&dl);
	if (rc == 0)
		rc = session_open(s, dir, now->today, now->now, &dl);
	diag_list_dispose(&dl);
	return rc;
}

/* Remove what rfiles_open() wrote under dir, and dir. */
static void
rfiles_remove(const struct rfiles *f, const char *dir)
{
	char	*p;
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if ((p = fs_join(dir, f->path[i])) != NULL) {
			unlink(p);
			free(p);
		}
	if ((p = fs_join(dir, RULES_PLAYBOOKS)) != NULL) {
		rmdir(p);
		free(p);
	}
	if ((p = fs_join(dir, "schemas")) != NULL) {
		rmdir(p);
		free(p);
	}
	rmdir(dir);
}

/* Open the rule set f into a free (or the oldest) slot; NULL on failure. */
static const struct session *
rules_add(struct rules_cache *rc, const struct rfiles *f, uint64_t key)
{
	struct rules_set	*slot;
	const char		*tmp = getenv("TMPDIR");
	char			 dir[4096];
	int			 r;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if ((size_t)snprintf(dir, sizeof(dir), "%s/handoff-rules-XXXXXX",
	    tmp) >= sizeof(dir) || mkdtemp(dir) == NULL)
		return NULL;
	if (rc->n < RULES_KEEP)
		slot = &rc->set[rc->n++];
	else {
		slot = &rc->set[rc->next];
		rc->next = (rc->next + 1) % RULES_KEEP;
		session_close(&slot->s);
	}
	r = rfiles_open(&slot->s, f, dir, rc->now);
	rfiles_remove(f, dir);
	if (r == -1) {
		session_close(&slot->s);
		slot->key = key ^ 1;	/* never matches: retried next time */
		return NULL;
	}
	slot->key = key;
	return &slot->s;
}

/* ===== interface ========================================================= */

void
history_rules_init(struct rules_cache *rc, const struct session *now,
    struct vcs *v)
{
	memset(rc, 0, sizeof(*rc));
	rc->now = now;
	rc->v = v;
	rc->prefix_bad = history_prefix(rc->prefix, sizeof(rc->prefix), v,
	    now->root) == -1;
}

void
history_rules_dispose(struct rules_cache *rc)
{
	size_t	 i;

	for (i = 0; i < rc->n; i++)
		session_close(&rc->set[i].s);
	memset(rc, 0, sizeof(*rc));
}

const struct session *
history_rules_at(struct rules_cache *rc, const char *commit)
{
	struct rfiles		 f;
	const struct session	*s = NULL;
	uint64_t		 key;
	size_t			 i;

	if (commit == NULL || *commit == '\0')
		return rc->now;
	if (!rc->now_known) {
		memset(&f, 0, sizeof(f));
		if (rfiles_fs(&f, rc->now->root) == 0) {
			rc->now_key = rfiles_key(&f);
			rc->now_known = 1;
		}
		rfiles_dispose(&f);
	}
	memset(&f, 0, sizeof(f));
	if (rc->prefix_bad || rfiles_git(&f, rc->v, rc->prefix, commit) == -1) {
		rfiles_dispose(&f);
		rc->fallbacks++;
		return rc->now;
	}
	key = rfiles_key(&f);
	if (rc->now_known && key == rc->now_key) {
		rfiles_dispose(&f);
		return rc->now;
	}
	for (i = 0; i < rc->n && s == NULL; i++)
		if (rc->set[i].key == key)
			s = &rc->set[i].s;
	if (s == NULL && (s = rules_add(rc, &f, key)) == NULL) {
		rc->fallbacks++;
		s = rc->now;
	}
	rfiles_dispose(&f);
	return s;
}
