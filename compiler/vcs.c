/* SPDX-License-Identifier: MIT */
/*
 * vcs.c: versioning with libgit2, the only file that includes git2.h.
 * Opens the repository a command runs in, commits deal files, walks the
 * history of a file or of deals/, reads blobs at any revision and works
 * out the version stamp of the outputs.  Failures leave a message in
 * libgit2's error slot (ours too, through git_error_set_str), read back
 * with vcs_strerror(); nothing here prints.  The dates of git's
 * environment are read in vcs_date.c, which needs no libgit2.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <git2.h>
#include <git2/sys/repository.h>

#include "buf.h"
#include "digest.h"
#include "fsutil.h"
#include "vcs.h"
#include "vcs_cache.h"

struct vcs {
	git_repository	*repo;
	char		*workdir;	/* absolute, no trailing '/'; NULL bare */
};

/* ===== errors and set-up ================================================ */

int
vcs_lib_init(void)
{
	return git_libgit2_init() < 0 ? -1 : 0;
}

void
vcs_lib_shutdown(void)
{
	git_libgit2_shutdown();
}

const char *
vcs_strerror(void)
{
	const git_error	*e = git_error_last();

	if (e == NULL || e->message == NULL || *e->message == '\0')
		return "unknown error";
	return e->message;
}

/* Our own failure: leave a message where vcs_strerror() finds it. */
static int
vcs_fail(const char *msg)
{
	git_error_set_str(GIT_ERROR_INVALID, msg);
	return -1;
}

static int
vcs_nomem(void)
{
	git_error_set_oom();
	return -1;
}

/* Wrap an opened repository; takes ownership of repo. */
static int
vcs_wrap(struct vcs **out, git_repository *repo)
{
	struct vcs	*v;
	const char	*wd;
	char		 real[PATH_MAX];
	size_t		 len;

	*out = NULL;
	if ((v = calloc(1, sizeof(*v))) == NULL) {
		git_repository_free(repo);
		return vcs_nomem();
	}
	v->repo = repo;
	if ((wd = git_repository_workdir(repo)) != NULL) {
		if (realpath(wd, real) != NULL)
			wd = real;
		if ((v->workdir = strdup(wd)) == NULL) {
			vcs_free(v);
			return vcs_nomem();
		}
		len = strlen(v->workdir);
		while (len > 1 && v->workdir[len - 1] == '/')
			v->workdir[--len] = '\0';
	}
	*out = v;
	return 0;
}

int
vcs_open(struct vcs **out, const char *path)
{
	git_repository	*repo = NULL;
	int		 rc;

	*out = NULL;
	rc = git_repository_open_ext(&repo, path ? path : ".", 0, NULL);
	if (rc == GIT_ENOTFOUND)
		return VCS_ENOTFOUND;
	if (rc < 0)
		return -1;
	return vcs_wrap(out, repo);
}

int
vcs_open_env(struct vcs **out)
{
	git_repository	*repo = NULL;
	git_index	*index = NULL;
	const char	*s;
	int		 rc;

	*out = NULL;
	/* libgit2 refuses GIT_WORK_TREE with FROM_ENV: open by hand then. */
	if (getenv("GIT_WORK_TREE") == NULL && getenv("GIT_COMMON_DIR") == NULL)
		rc = git_repository_open_ext(&repo, NULL,
		    GIT_REPOSITORY_OPEN_FROM_ENV, NULL);
	else {
		s = getenv("GIT_DIR");
		rc = git_repository_open_ext(&repo, s ? s : ".", 0, NULL);
		if (rc == 0 && (s = getenv("GIT_INDEX_FILE")) != NULL) {
			if ((rc = git_index_open(&index, s)) == 0)
				git_repository_set_index(repo, index);
			git_index_free(index);
		}
	}
	if (rc == GIT_ENOTFOUND) {
		git_repository_free(repo);
		return VCS_ENOTFOUND;
	}
	if (rc < 0) {
		git_repository_free(repo);
		return -1;
	}
	return vcs_wrap(out, repo);
}

int
vcs_init(struct vcs **out, const char *dir)
{
	git_repository			*repo = NULL;
	git_repository_init_options	 opts;

	*out = NULL;
	git_repository_init_options_init(&opts,
	    GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	opts.flags = GIT_REPOSITORY_INIT_MKPATH;
	if (git_repository_init_ext(&repo, dir, &opts) < 0)
		return -1;
	return vcs_wrap(out, repo);
}

void
vcs_free(struct vcs *v)
{
	if (v == NULL)
		return;
	git_repository_free(v->repo);
	free(v->workdir);
	free(v);
}

const char *
vcs_workdir(const struct vcs *v)
{
	return v->workdir;
}

/*
 * path from the top of workdir, without touching libgit2 (the cached
 * stamper uses it before, or without, the library's set-up): 0, -1 with
 * errno, or VCS_ENOTFOUND for a path outside the work tree.
 */
static int
vcs_relpath_in(char **out, const char *workdir, const char *path)
{
	char		 real[PATH_MAX], *dir = NULL, *slash;
	const char	*base;
	size_t		 wl;
	int		 rc = -1;

	*out = NULL;
	/* Resolve the folder, keep the file name: a symlinked deal stays
	 * the path the user named. */
	if ((dir = strdup(path)) == NULL)
		return -1;
	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		base = path + (slash - dir) + 1;
		if (realpath(*dir ? dir : "/", real) == NULL)
			goto out;
	} else {
		base = path;
		if (realpath(".", real) == NULL)
			goto out;
	}
	wl = strlen(workdir);
	if (strncmp(real, workdir, wl) != 0 ||
	    (real[wl] != '\0' && real[wl] != '/') || *base == '\0' ||
	    strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		rc = VCS_ENOTFOUND;
		goto out;
	}
	if (real[wl] == '\0')
		*out = strdup(base);
	else if ((*out = malloc(strlen(real + wl + 1) + strlen(base) + 2)))
		sprintf(*out, "%s/%s", real + wl + 1, base);
	rc = *out ? 0 : -1;
out:
	free(dir);
	return rc;
}

int
vcs_relpath(char **out, const struct vcs *v, const char *path)
{
	int	 rc;

	*out = NULL;
	if (v->workdir == NULL)
		return vcs_fail("a bare repository has no work tree");
	if ((rc = vcs_relpath_in(out, v->workdir, path)) == VCS_ENOTFOUND)
		git_error_set_str(GIT_ERROR_INVALID,
		    "path is outside the repository");
	else if (rc == -1)
		git_error_set_str(GIT_ERROR_OS, strerror(errno));
	return rc;
}

int
vcs_hooks_dir(char **out, const struct vcs *v)
{
	git_config	*cfg = NULL;
	git_buf		 buf = GIT_BUF_INIT;
	int		 rc = -1;

	*out = NULL;
	if (git_repository_config_snapshot(&cfg, v->repo) == 0 &&
	    git_config_get_path(&buf, cfg, "core.hooksPath") == 0) {
		if (buf.ptr[0] == '/' || v->workdir == NULL)
			*out = strdup(buf.ptr);
		else if ((*out = malloc(strlen(v->workdir) +
		    strlen(buf.ptr) + 2)) != NULL)
			sprintf(*out, "%s/%s", v->workdir, buf.ptr);
		rc = *out ? 0 : vcs_nomem();
		goto out;
	}
	git_buf_dispose(&buf);
	if (git_repository_item_path(&buf, v->repo,
	    GIT_REPOSITORY_ITEM_HOOKS) < 0)
		goto out;
	*out = strdup(buf.ptr);
	rc = *out ? 0 : vcs_nomem();
out:
	git_buf_dispose(&buf);
	git_config_free(cfg);
	return rc;
}

/* ===== dates and signatures ============================================= */

int
vcs_commit_time(long long *t, int *offset)
{
	const char	*s;

	if ((s = getenv("GIT_COMMITTER_DATE")) != NULL && *s != '\0') {
		if (vcs_parse_date(s, t, offset) == -1) {
			git_error_set_str(GIT_ERROR_INVALID,
			    "GIT_COMMITTER_DATE: cannot read the date");
			return -1;
		}
		return 0;
	}
	*t = (long long)time(NULL);
	*offset = vcs_local_offset(*t);
	return 0;
}

/* A config string, copied into a malloc'd string; NULL when unset. */
static char *
vcs_config_str(git_repository *repo, const char *key)
{
	git_config	*cfg = NULL;
	git_buf		 buf = GIT_BUF_INIT;
	char		*s = NULL;

	if (git_repository_config_snapshot(&cfg, repo) == 0 &&
	    git_config_get_string_buf(&buf, cfg, key) == 0)
		s = strdup(buf.ptr);
	git_buf_dispose(&buf);
	git_config_free(cfg);
	git_error_clear();
	return s;
}

/*
 * The signature for who ("AUTHOR" or "COMMITTER") the way git makes it:
 * GIT_<who>_NAME/EMAIL/DATE, else user.name/user.email and the clock.
 */
static int
vcs_signature(git_signature **out, git_repository *repo, const char *who)
{
	char		 var[32], msg[160];
	const char	*name, *email, *date;
	char		*cname = NULL, *cemail = NULL;
	long long	 t;
	int		 offset, rc = -1;

	*out = NULL;
	snprintf(var, sizeof(var), "GIT_%s_NAME", who);
	if ((name = getenv(var)) == NULL || *name == '\0')
		name = cname = vcs_config_str(repo, "user.name");
	snprintf(var, sizeof(var), "GIT_%s_EMAIL", who);
	if ((email = getenv(var)) == NULL || *email == '\0')
		email = cemail = vcs_config_str(repo, "user.email");
	if (name == NULL || *name == '\0' || email == NULL || *email == '\0') {
		snprintf(msg, sizeof(msg), "no %s identity: set user.name and "
		    "user.email (git config) or GIT_%s_NAME and GIT_%s_EMAIL",
		    who[0] == 'A' ? "author" : "committer", who, who);
		vcs_fail(msg);
		goto out;
	}
	snprintf(var, sizeof(var), "GIT_%s_DATE", who);
	if ((date = getenv(var)) != NULL && *date != '\0') {
		if (vcs_parse_date(date, &t, &offset) == -1) {
			snprintf(msg, sizeof(msg), "%s: cannot read the date "
			    "'%.60s'", var, date);
			vcs_fail(msg);
			goto out;
		}
	} else {
		t = (long long)time(NULL);
		offset = vcs_local_offset(t);
	}
	rc = git_signature_new(out, name, email, (git_time_t)t, offset) < 0 ?
	    -1 : 0;
out:
	free(cname);
	free(cemail);
	return rc;
}

int
vcs_identity_ok(struct vcs *v)
{
	git_signature	*a = NULL, *c = NULL;
	int		 rc;

	rc = vcs_signature(&a, v->repo, "AUTHOR") == 0 &&
	    vcs_signature(&c, v->repo, "COMMITTER") == 0 ? 0 : -1;
	git_signature_free(a);
	git_signature_free(c);
	return rc;
}

/* ===== committing ======================================================== */

/* HEAD's commit, or NULL in a repository without commits.  0 or -1. */
static int
vcs_head_commit(git_commit **out, git_repository *repo)
{
	git_reference	*head = NULL;
	git_object	*obj = NULL;
	int		 rc;

	*out = NULL;
	rc = git_repository_head(&head, repo);
	if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND) {
		git_error_clear();
		return 0;
	}
	if (rc < 0)
		return -1;
	rc = git_reference_peel(&obj, head, GIT_OBJECT_COMMIT);
	git_reference_free(head);
	if (rc < 0)
		return -1;
	*out = (git_commit *)obj;
	return 0;
}

/* Add the work-tree content of path to the in-memory index idx. */
static int
vcs_stage_into(git_index *idx, struct vcs *v, const char *path)
{
	git_index_entry	 e;
	struct stat	 st;
	char		*abs;
	int		 rc;

	if ((abs = malloc(strlen(v->workdir) + strlen(path) + 2)) == NULL)
		return vcs_nomem();
	sprintf(abs, "%s/%s", v->workdir, path);
	rc = lstat(abs, &st);
	free(abs);
	if (rc == -1 || !S_ISREG(st.st_mode)) {
		git_error_set_str(GIT_ERROR_OS, rc == -1 ? strerror(errno) :
		    "not a regular file");
		return -1;
	}
	memset(&e, 0, sizeof(e));
	e.path = path;
	e.mode = (st.st_mode & 0100) ? GIT_FILEMODE_BLOB_EXECUTABLE :
	    GIT_FILEMODE_BLOB;
	if (git_blob_create_from_workdir(&e.id, v->repo, path) < 0)
		return -1;
	return git_index_add(idx, &e) < 0 ? -1 : 0;
}

/* Update the repository's own index for the committed paths. */
static int
vcs_index_update(struct vcs *v, const char *const *paths, size_t n)
{
	git_index	*index = NULL;
	size_t		 i;
	int		 rc = -1;

	if (git_repository_index(&index, v->repo) < 0)
		return -1;
	if (git_index_read(index, 1) < 0)
		goto out;
	for (i = 0; i < n; i++)
		if (git_index_add_bypath(index, paths[i]) < 0)
			goto out;
	rc = git_index_write(index) < 0 ? -1 : 0;
out:
	git_index_free(index);
	return rc;
}

int
vcs_commit_files(char out[VCS_ID_MAX], struct vcs *v,
    const char *const *paths, size_t npaths, const char *message)
{
	git_commit		*parent = NULL;
	git_tree		*ptree = NULL, *tree = NULL;
	git_index		*idx = NULL;
	git_signature		*author = NULL, *committer = NULL;
	git_oid			 tree_id, id;
	const git_commit	*parents[1];
	size_t			 i;
	int			 rc = -1;

	out[0] = '\0';
	if (v->workdir == NULL)
		return vcs_fail("cannot commit in a bare repository");
	if (vcs_signature(&author, v->repo, "AUTHOR") < 0 ||
	    vcs_signature(&committer, v->repo, "COMMITTER") < 0 ||
	    vcs_head_commit(&parent, v->repo) < 0 ||
	    git_index_new(&idx) < 0)
		goto out;
	if (parent != NULL && (git_commit_tree(&ptree, parent) < 0 ||
	    git_index_read_tree(idx, ptree) < 0))
		goto out;
	for (i = 0; i < npaths; i++)
		if (vcs_stage_into(idx, v, paths[i]) < 0)
			goto out;
	if (git_index_write_tree_to(&tree_id, idx, v->repo) < 0)
		goto out;
	if (ptree != NULL && git_oid_equal(&tree_id, git_tree_id(ptree))) {
		vcs_fail("nothing to commit: no change since HEAD");
		rc = VCS_EUNCHANGED;
		goto out;
	}
	if (git_tree_lookup(&tree, v->repo, &tree_id) < 0)
		goto out;
	parents[0] = parent;
	if (git_commit_create(&id, v->repo, "HEAD", author, committer, NULL,
	    message, tree, parent ? 1 : 0, parents) < 0)
		goto out;
	git_oid_tostr(out, VCS_ID_MAX, &id);
	rc = vcs_index_update(v, paths, npaths);
out:
	git_tree_free(tree);
	git_tree_free(ptree);
	git_index_free(idx);
	git_commit_free(parent);
	git_signature_free(author);
	git_signature_free(committer);
	return rc;
}

/* ===== history =========================================================== */

void
vcs_versions_init(struct vcs_versions *l)
{
	memset(l, 0, sizeof(*l));
}

void
vcs_versions_dispose(struct vcs_versions *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].path);
		free(l->v[i].author);
		free(l->v[i].email);
		free(l->v[i].subject);
		free(l->v[i].body);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Append a version of path (blob) made by commit c (NULL: none). */
static int
vcs_versions_add(struct vcs_versions *l, const git_commit *c,
    const char *path, const git_oid *blob)
{
	struct vcs_version	*nv, *e;
	const git_signature	*a, *cm;
	const char		*subj, *body;
	size_t			 cap;

	if (l->n == l->cap) {
		cap = l->cap ? l->cap * 2 : 16;
		if ((nv = reallocarray(l->v, cap, sizeof(*nv))) == NULL)
			return vcs_nomem();
		l->v = nv;
		l->cap = cap;
	}
	e = &l->v[l->n];
	memset(e, 0, sizeof(*e));
	git_oid_tostr(e->blob, sizeof(e->blob), blob);
	if ((e->path = strdup(path)) == NULL)
		return vcs_nomem();
	if (c != NULL) {
		git_oid_tostr(e->id, sizeof(e->id), git_commit_id(c));
		memcpy(e->short_id, e->id, VCS_SHORT);
		e->short_id[VCS_SHORT] = '\0';
		a = git_commit_author(c);
		cm = git_commit_committer(c);
		subj = git_commit_summary((git_commit *)c);
		e->author = strdup(a->name ? a->name : "");
		e->email = strdup(a->email ? a->email : "");
		e->subject = strdup(subj ? subj : "");
		body = git_commit_body((git_commit *)c);
		e->body = strdup(body ? body : "");
		e->author_time = (long long)a->when.time;
		e->author_offset = a->when.offset;
		e->time = (long long)cm->when.time;
		e->offset = cm->when.offset;
		if (e->author == NULL || e->email == NULL ||
		    e->subject == NULL || e->body == NULL) {
			l->n++;
			return vcs_nomem();
		}
	}
	l->n++;
	return 0;
}

/* Resolve rev (NULL: HEAD) to a commit; *out NULL for an unborn HEAD.
 * VCS_ENOTFOUND (message "unknown revision") when rev names none. */
static int
vcs_rev_commit(git_commit **out, git_repository *repo, const char *rev)
{
	git_object	*obj = NULL, *peeled = NULL;
	int		 rc;

	*out = NULL;
	if (rev == NULL)
		return vcs_head_commit(out, repo);
	rc = git_revparse_single(&obj, repo, rev);
	if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS ||
	    rc == GIT_EINVALIDSPEC) {
		vcs_fail("unknown revision");
		return VCS_ENOTFOUND;
	}
	if (rc < 0)
		return -1;
	rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc == GIT_EINVALIDSPEC || rc == GIT_ENOTFOUND || rc == GIT_EPEEL) {
		vcs_fail("unknown revision");
		return VCS_ENOTFOUND;
	}
	if (rc < 0)
		return -1;
	*out = (git_commit *)peeled;
	return 0;
}

/* A revision walk from the commit rev names, newest first. */
static int
vcs_walk_new(git_revwalk **out, git_repository *repo, const char *rev,
    int *empty)
{
	git_commit	*start = NULL;
	int		 rc;

	*out = NULL;
	*empty = 0;
	if ((rc = vcs_rev_commit(&start, repo, rev)) < 0)
		return rc;
	if (start == NULL) {
		*empty = 1;
		return 0;
	}
	rc = -1;
	if (git_revwalk_new(out, repo) < 0)
		goto out;
	git_revwalk_sorting(*out, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
	if (git_revwalk_push(*out, git_commit_id(start)) < 0)
		goto out;
	rc = 0;
out:
	git_commit_free(start);
	return rc;
}

/*
 * The blob at one of paths in commit c: its id in *blob and the index
 * of the path in *which.  1 found, 0 absent, -1 error.
 */
static int
vcs_commit_blob(git_oid *blob, size_t *which, const git_commit *c,
    const char *const *paths, size_t npaths)
{
	git_tree	*tree = NULL;
	git_tree_entry	*e = NULL;
	size_t		 i;
	int		 rc, found = 0;

	if (git_commit_tree(&tree, c) < 0)
		return -1;
	for (i = 0; i < npaths && !found; i++) {
		rc = git_tree_entry_bypath(&e, tree, paths[i]);
		if (rc == GIT_ENOTFOUND)
			continue;
		if (rc < 0) {
			git_tree_free(tree);
			return -1;
		}
		if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
			git_oid_cpy(blob, git_tree_entry_id(e));
			*which = i;
			found = 1;
		}
		git_tree_entry_free(e);
	}
	git_tree_free(tree);
	git_error_clear();
	return found;
}

/* Does commit c change the file (any of paths) against its parents? */
static int
vcs_file_changed(const git_commit *c, const char *const *paths,
    size_t npaths, git_oid *blob, size_t *which)
{
	git_commit	*p = NULL;
	git_oid		 pb;
	size_t		 i, np, pw;
	int		 here, there, same;

	if ((here = vcs_commit_blob(blob, which, c, paths, npaths)) < 0)
		return -1;
	np = git_commit_parentcount(c);
	if (np == 0)
		return here;
	for (i = 0; i < np; i++) {
		if (git_commit_parent(&p, c, (unsigned)i) < 0)
			return -1;
		there = vcs_commit_blob(&pb, &pw, p, paths, npaths);
		git_commit_free(p);
		if (there < 0)
			return -1;
		same = here == there && (!here ||
		    (git_oid_equal(blob, &pb) && pw == *which));
		if (same)
			return 0;	/* the same as a parent: not a version */
	}
	return here;
}

int
vcs_file_history(struct vcs_versions *out, struct vcs *v, const char *rev,
    const char *const *paths, size_t npaths)
{
	git_revwalk	*walk = NULL;
	git_commit	*c = NULL;
	git_oid		 id, blob;
	size_t		 which;
	int		 rc, empty;

	vcs_versions_init(out);
	if ((rc = vcs_walk_new(&walk, v->repo, rev, &empty)) < 0 || empty)
		return rc;
	rc = -1;
	while ((rc = git_revwalk_next(&id, walk)) == 0) {
		if (git_commit_lookup(&c, v->repo, &id) < 0)
			break;
		rc = vcs_file_changed(c, paths, npaths, &blob, &which);
		if (rc == 1)
			rc = vcs_versions_add(out, c, paths[which], &blob);
		git_commit_free(c);
		if (rc < 0)
			break;
	}
	git_revwalk_free(walk);
	if (rc == GIT_ITEROVER)
		return 0;
	vcs_versions_dispose(out);
	return -1;
}

/* The subtree dir of commit c, or NULL when it has none.  0 or -1. */
static int
vcs_commit_dir(git_tree **out, const git_commit *c, const char *dir)
{
	git_tree	*root = NULL;
	git_tree_entry	*e = NULL;
	int		 rc;

	*out = NULL;
	if (git_commit_tree(&root, c) < 0)
		return -1;
	rc = git_tree_entry_bypath(&e, root, dir);
	git_tree_free(root);
	if (rc == GIT_ENOTFOUND) {
		git_error_clear();
		return 0;
	}
	if (rc < 0)
		return -1;
	rc = 0;
	if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
		rc = git_tree_lookup(out, git_commit_owner(c),
		    git_tree_entry_id(e)) < 0 ? -1 : 0;
	git_tree_entry_free(e);
	return rc;
}

/* True when the blob name has the same id in another parent's dir. */
static int
vcs_same_in_parent(const git_commit *c, unsigned from, const char *dir,
    const git_tree_entry *e)
{
	git_commit		*p = NULL;
	git_tree		*t = NULL;
	const git_tree_entry	*pe;
	unsigned		 i, n = git_commit_parentcount(c);
	int			 same = 0;

	for (i = from; i < n && !same; i++) {
		if (git_commit_parent(&p, c, i) < 0)
			continue;
		if (vcs_commit_dir(&t, p, dir) == 0 && t != NULL &&
		    (pe = git_tree_entry_byname(t, git_tree_entry_name(e)))
		    != NULL && git_oid_equal(git_tree_entry_id(pe),
		    git_tree_entry_id(e)))
			same = 1;
		git_tree_free(t);
		t = NULL;
		git_commit_free(p);
	}
	git_error_clear();
	return same;
}

/* Record one changed blob of dir in commit c. */
static int
vcs_dir_add(struct vcs_versions *out, const git_commit *c, const char *dir,
    const git_tree_entry *e)
{
	char	*path;
	int	 rc;

	if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
		return 0;
	if (git_commit_parentcount(c) > 1 && vcs_same_in_parent(c, 1, dir, e))
		return 0;
	if ((path = malloc(strlen(dir) + strlen(git_tree_entry_name(e)) + 2))
	    == NULL)
		return vcs_nomem();
	sprintf(path, "%s/%s", dir, git_tree_entry_name(e));
	rc = vcs_versions_add(out, c, path, git_tree_entry_id(e));
	free(path);
	return rc;
}

/*
 * The blobs of dir that commit c changes against its first parent (all
 * of them for a root commit), merged in git's tree order.
 */
static int
vcs_commit_dir_changes(struct vcs_versions *out, const git_commit *c,
    const char *dir)
{
	git_commit		*p = NULL;
	git_tree		*now = NULL, *before = NULL;
	const git_tree_entry	*a, *b;
	size_t			 i = 0, j = 0, na, nb;
	int			 cmp, rc = -1;

	if (vcs_commit_dir(&now, c, dir) < 0)
		return -1;
	if (now == NULL)
		return 0;
	if (git_commit_parentcount(c) > 0 &&
	    (git_commit_parent(&p, c, 0) < 0 ||
	    vcs_commit_dir(&before, p, dir) < 0))
		goto out;
	if (before != NULL && git_oid_equal(git_tree_id(now),
	    git_tree_id(before))) {
		rc = 0;
		goto out;
	}
	na = git_tree_entrycount(now);
	nb = before ? git_tree_entrycount(before) : 0;
	while (i < na) {
		a = git_tree_entry_byindex(now, i);
		b = j < nb ? git_tree_entry_byindex(before, j) : NULL;
		cmp = b == NULL ? -1 : git_tree_entry_cmp(a, b);
		if (cmp > 0) {		/* deleted in c */
			j++;
			continue;
		}
		if (cmp < 0 || !git_oid_equal(git_tree_entry_id(a),
		    git_tree_entry_id(b)))
			if (vcs_dir_add(out, c, dir, a) < 0)
				goto out;
		i++;
		if (cmp == 0)
			j++;
	}
	rc = 0;
out:
	git_tree_free(now);
	git_tree_free(before);
	git_commit_free(p);
	return rc;
}

/* Walk walk to its end, recording the changes of dir per commit. */
static int
vcs_walk_dir(struct vcs_versions *out, struct vcs *v, git_revwalk *walk,
    const char *dir)
{
	git_commit	*c = NULL;
	git_oid		 id;
	int		 rc;

	while ((rc = git_revwalk_next(&id, walk)) == 0) {
		if (git_commit_lookup(&c, v->repo, &id) < 0)
			return -1;
		rc = vcs_commit_dir_changes(out, c, dir);
		git_commit_free(c);
		if (rc < 0)
			return -1;
	}
	return rc == GIT_ITEROVER ? 0 : -1;
}

int
vcs_dir_history(struct vcs_versions *out, struct vcs *v, const char *rev,
    const char *dir)
{
	git_revwalk	*walk = NULL;
	int		 rc, empty;

	vcs_versions_init(out);
	if ((rc = vcs_walk_new(&walk, v->repo, rev, &empty)) < 0 || empty)
		return rc;
	rc = vcs_walk_dir(out, v, walk, dir);
	git_revwalk_free(walk);
	if (rc < 0)
		vcs_versions_dispose(out);
	return rc;
}

/* Hide every commit some ref already reaches. */
static int
vcs_hide_refs(git_revwalk *walk, git_repository *repo)
{
	git_reference_iterator	*it = NULL;
	git_reference		*ref = NULL;
	git_object		*obj = NULL;

	if (git_reference_iterator_new(&it, repo) < 0)
		return -1;
	while (git_reference_next(&ref, it) == 0) {
		if (git_reference_peel(&obj, ref, GIT_OBJECT_COMMIT) == 0)
			git_revwalk_hide(walk, git_object_id(obj));
		git_object_free(obj);
		obj = NULL;
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	git_error_clear();
	return 0;
}

int
vcs_pushed_files(struct vcs_versions *out, struct vcs *v, const char *old_id,
    const char *new_id, const char *dir)
{
	git_revwalk	*walk = NULL;
	git_object	*obj = NULL, *peeled = NULL;
	git_oid		 nid, oid;
	int		 rc = -1;

	vcs_versions_init(out);
	if (git_oid_fromstr(&nid, new_id) < 0)
		return -1;
	if (git_oid_is_zero(&nid))
		return 0;		/* a deletion brings nothing in */
	if (git_object_lookup(&obj, v->repo, &nid, GIT_OBJECT_ANY) < 0)
		return -1;
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) {
		git_error_clear();	/* a tag of a tree or a blob */
		rc = 0;
		goto out;
	}
	if (git_revwalk_new(&walk, v->repo) < 0)
		goto out;
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
	if (git_revwalk_push(walk, git_object_id(peeled)) < 0 ||
	    vcs_hide_refs(walk, v->repo) < 0)
		goto out;
	if (old_id != NULL && git_oid_fromstr(&oid, old_id) == 0 &&
	    !git_oid_is_zero(&oid))
		git_revwalk_hide(walk, &oid);
	git_error_clear();
	rc = vcs_walk_dir(out, v, walk, dir);
out:
	git_revwalk_free(walk);
	git_object_free(peeled);
	git_object_free(obj);
	if (rc < 0)
		vcs_versions_dispose(out);
	return rc;
}

int
vcs_staged_files(struct vcs_versions *out, struct vcs *v, const char *dir)
{
	git_commit		*head = NULL;
	git_tree		*tree = NULL;
	git_index		*index = NULL;
	git_diff		*diff = NULL;
	git_diff_options	 opts;
	const git_diff_delta	*d;
	char			*spec[1];
	size_t			 i, dl = strlen(dir);
	int			 rc = -1;

	vcs_versions_init(out);
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	spec[0] = (char *)dir;
	opts.pathspec.strings = spec;
	opts.pathspec.count = 1;
	if (vcs_head_commit(&head, v->repo) < 0 ||
	    (head != NULL && git_commit_tree(&tree, head) < 0) ||
	    git_repository_index(&index, v->repo) < 0 ||
	    git_index_read(index, 1) < 0 ||
	    git_diff_tree_to_index(&diff, v->repo, tree, index, &opts) < 0)
		goto out;
	for (i = 0; i < git_diff_num_deltas(diff); i++) {
		d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_DELETED ||
		    strncmp(d->new_file.path, dir, dl) != 0 ||
		    d->new_file.path[dl] != '/' ||
		    strchr(d->new_file.path + dl + 1, '/') != NULL)
			continue;
		if (vcs_versions_add(out, NULL, d->new_file.path,
		    &d->new_file.id) < 0)
			goto out;
	}
	rc = 0;
out:
	git_diff_free(diff);
	git_index_free(index);
	git_tree_free(tree);
	git_commit_free(head);
	if (rc < 0)
		vcs_versions_dispose(out);
	return rc;
}

/* ===== reading =========================================================== */

/* Copy len bytes into a new NUL-terminated string. */
static int
vcs_copy(char **out, size_t *lenp, const void *p, size_t len)
{
	if ((*out = malloc(len + 1)) == NULL)
		return vcs_nomem();
	memcpy(*out, p, len);
	(*out)[len] = '\0';
	*lenp = len;
	return 0;
}

int
vcs_blob_read(char **out, size_t *lenp, struct vcs *v, const char *blob_id,
    const char *path)
{
	git_blob		*blob = NULL;
	git_buf			 buf = GIT_BUF_INIT;
	git_blob_filter_options	 opts;
	git_oid			 id;
	int			 rc = -1;

	*out = NULL;
	*lenp = 0;
	git_blob_filter_options_init(&opts, GIT_BLOB_FILTER_OPTIONS_VERSION);
	if (git_oid_fromstr(&id, blob_id) < 0 ||
	    git_blob_lookup(&blob, v->repo, &id) < 0)
		return -1;
	if (path == NULL || v->workdir == NULL)
		rc = vcs_copy(out, lenp, git_blob_rawcontent(blob),
		    (size_t)git_blob_rawsize(blob));
	else if (git_blob_filter(&buf, blob, path, &opts) == 0)
		rc = vcs_copy(out, lenp, buf.ptr, buf.size);
	git_buf_dispose(&buf);
	git_blob_free(blob);
	return rc;
}

/* The blob at path in commit c: 0 found, VCS_ENOTFOUND, -1. */
static int
vcs_tree_blob(char id[VCS_ID_MAX], const git_commit *c, const char *path)
{
	git_tree	*tree = NULL;
	git_tree_entry	*e = NULL;
	char		 msg[160];
	int		 rc;

	if (git_commit_tree(&tree, c) < 0)
		return -1;
	rc = git_tree_entry_bypath(&e, tree, path);
	git_tree_free(tree);
	if (rc == 0 && git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
		git_oid_tostr(id, VCS_ID_MAX, git_tree_entry_id(e));
		git_tree_entry_free(e);
		return 0;
	}
	git_tree_entry_free(e);
	if (rc < 0 && rc != GIT_ENOTFOUND)
		return -1;
	snprintf(msg, sizeof(msg), "'%.100s' is not in that revision", path);
	vcs_fail(msg);
	return VCS_ENOTFOUND;
}

int
vcs_read(char **out, size_t *lenp, struct vcs *v, const char *rev,
    const char *path)
{
	git_commit	*c = NULL;
	char		 id[VCS_ID_MAX];
	int		 rc;

	*out = NULL;
	*lenp = 0;
	if ((rc = vcs_rev_commit(&c, v->repo, rev)) < 0)
		return rc;
	if (c == NULL) {
		vcs_fail("the repository has no commits yet");
		return VCS_ENOTFOUND;
	}
	rc = vcs_tree_blob(id, c, path);
	git_commit_free(c);
	if (rc < 0)
		return rc;
	return vcs_blob_read(out, lenp, v, id, path);
}

int
vcs_work_blob(char out[VCS_ID_MAX], struct vcs *v, const char *path)
{
	git_oid		 id;
	struct stat	 st;
	char		*abs;
	int		 rc;

	out[0] = '\0';
	if (v->workdir == NULL)
		return VCS_ENOTFOUND;
	if ((abs = malloc(strlen(v->workdir) + strlen(path) + 2)) == NULL)
		return vcs_nomem();
	sprintf(abs, "%s/%s", v->workdir, path);
	if (stat(abs, &st) == -1 || !S_ISREG(st.st_mode)) {
		free(abs);
		return VCS_ENOTFOUND;
	}
	rc = git_repository_hashfile(&id, v->repo, abs, GIT_OBJECT_BLOB, path);
	free(abs);
	if (rc < 0)
		return -1;
	git_oid_tostr(out, VCS_ID_MAX, &id);
	return 0;
}

static int
vcs_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
vcs_names_free(char **names, size_t n)
{
	size_t	 i;

	if (names == NULL)
		return;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
vcs_list(char ***out, size_t *np, struct vcs *v, const char *rev,
    const char *dir)
{
	git_commit		*c = NULL;
	git_tree		*t = NULL;
	const git_tree_entry	*e;
	char			**names = NULL;
	size_t			 i, n = 0, cnt;
	int			 rc;

	*out = NULL;
	*np = 0;
	if ((rc = vcs_rev_commit(&c, v->repo, rev)) < 0)
		return rc;
	if (c == NULL)
		return 0;
	rc = -1;
	if (vcs_commit_dir(&t, c, dir) < 0)
		goto out;
	cnt = t ? git_tree_entrycount(t) : 0;
	if (cnt > 0 && (names = calloc(cnt, sizeof(*names))) == NULL) {
		vcs_nomem();
		goto out;
	}
	for (i = 0; i < cnt; i++) {
		e = git_tree_entry_byindex(t, i);
		if (git_tree_entry_type(e) != GIT_OBJECT_BLOB)
			continue;
		if ((names[n++] = strdup(git_tree_entry_name(e))) == NULL) {
			vcs_nomem();
			goto out;
		}
	}
	if (n > 0)
		qsort(names, n, sizeof(*names), vcs_name_cmp);
	*out = names;
	*np = n;
	names = NULL;
	rc = 0;
out:
	vcs_names_free(names, n);
	git_tree_free(t);
	git_commit_free(c);
	return rc;
}

int
vcs_resolve(char *id, char *short_id, struct vcs *v, const char *rev)
{
	git_commit	*c = NULL;
	char		 hex[VCS_ID_MAX];
	int		 rc;

	if ((rc = vcs_rev_commit(&c, v->repo, rev)) < 0)
		return rc;
	if (c == NULL) {
		vcs_fail("the repository has no commits yet");
		return VCS_ENOTFOUND;
	}
	git_oid_tostr(hex, sizeof(hex), git_commit_id(c));
	git_commit_free(c);
	if (id != NULL)
		memcpy(id, hex, VCS_ID_MAX);
	if (short_id != NULL) {
		memcpy(short_id, hex, VCS_SHORT);
		short_id[VCS_SHORT] = '\0';
	}
	return 0;
}

/* ===== one-call helpers ================================================== */

/*
 * For the one-call helpers: start libgit2 and open the repository at
 * repo_dir.  0, or the error (VCS_ENOTFOUND: "not in a git repository")
 * with libgit2 shut down again.  On 0, close with vcs_close_lib().
 */
static int
vcs_open_lib(struct vcs **out, const char *repo_dir)
{
	int	 rc;

	*out = NULL;
	if (vcs_lib_init() < 0)
		return -1;
	if ((rc = vcs_open(out, repo_dir)) == 0)
		return 0;
	if (rc == VCS_ENOTFOUND)
		vcs_fail("not in a git repository");
	vcs_free(*out);
	*out = NULL;
	vcs_lib_shutdown();
	return rc;
}

static void
vcs_close_lib(struct vcs *v)
{
	vcs_free(v);
	vcs_lib_shutdown();
}

/*
 * path (from repo_dir) as a repo path in *out (free()): the repo path of
 * a file directly in repo_dir, less its name, then path.  0 or -1.
 */
static int
vcs_path_at(char **out, const struct vcs *v, const char *repo_dir,
    const char *path)
{
	static const char probe[] = "x";
	char	*file, *rel = NULL;
	size_t	 n;
	int	 rc;

	*out = NULL;
	if (v->workdir == NULL)		/* bare: repo paths as given */
		return (*out = strdup(path)) != NULL ? 0 : vcs_nomem();
	if ((file = malloc(strlen(repo_dir) + sizeof(probe) + 1)) == NULL)
		return vcs_nomem();
	sprintf(file, "%s/%s", repo_dir, probe);
	rc = vcs_relpath(&rel, v, file);
	free(file);
	if (rc != 0)
		return -1;
	n = strlen(rel) - (sizeof(probe) - 1);
	if ((*out = malloc(n + strlen(path) + 1)) == NULL) {
		free(rel);
		return vcs_nomem();
	}
	memcpy(*out, rel, n);
	strcpy(*out + n, path);
	free(rel);
	return 0;
}

int
vcs_read_at(const char *repo_dir, const char *rev, const char *path,
    char **data, size_t *lenp)
{
	struct vcs	*v;
	char		*full = NULL;
	int		 rc;

	*data = NULL;
	*lenp = 0;
	if ((rc = vcs_open_lib(&v, repo_dir)) != 0)
		return rc;
	if ((rc = vcs_path_at(&full, v, repo_dir, path)) == 0)
		rc = vcs_read(data, lenp, v, rev, full);
	free(full);
	vcs_close_lib(v);
	return rc;
}

int
vcs_list_at(const char *repo_dir, const char *rev, const char *dir,
    char ***names, size_t *np)
{
	struct vcs	*v;
	char		*full = NULL;
	int		 rc;

	*names = NULL;
	*np = 0;
	if ((rc = vcs_open_lib(&v, repo_dir)) != 0)
		return rc;
	if ((rc = vcs_path_at(&full, v, repo_dir, dir)) == 0)
		rc = vcs_list(names, np, v, rev, full);
	free(full);
	vcs_close_lib(v);
	return rc;
}

int
vcs_rev_short(char *out, size_t outsz, const char *repo_dir, const char *rev)
{
	struct vcs	*v;
	char		 s[VCS_SHORT + 1];
	int		 rc;

	if (outsz > 0)
		out[0] = '\0';
	if ((rc = vcs_open_lib(&v, repo_dir)) != 0)
		return rc;
	if ((rc = vcs_resolve(NULL, s, v, rev)) == 0)
		snprintf(out, outsz, "%s", s);
	vcs_close_lib(v);
	return rc;
}

/* One file's stamp: a stamper for its folder, used once. */
void
vcs_stamp(char *out, size_t outsz, const char *path)
{
	struct vcs_stamper	*st;
	char			*dir, *slash, *data = NULL;
	size_t			 len = 0;

	snprintf(out, outsz, "not in git");
	if (path == NULL || (dir = strdup(path)) == NULL)
		return;
	if ((slash = strrchr(dir, '/')) != NULL)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	if ((st = vcs_stamper_new(dir)) != NULL) {
		if (fs_read(path, (size_t)1 << 30, &data, &len) == 0)
			vcs_stamper_get(st, path, data, len, out, outsz);
		else
			vcs_stamper_get(st, path, "", 0, out, outsz);
	}
	vcs_stamper_free(st);
	free(data);
	free(dir);
}

/* ===== stamps for a whole build ======================================== */

/* One blob of HEAD's tree. */
struct vcs_entry {
	char		*path;	/* from the top of the work tree */
	git_oid		 oid;
};

struct vcs_stamper {
	struct vcs		*v;		/* the repository, when opened */
	char			*workdir;	/* NULL: not in git */
	int			 head;		/* HEAD names a commit */
	char			 id[VCS_ID_MAX];
	struct vcs_entry	*e;		/* HEAD's blobs, sorted by path */
	size_t			 n, cap;
	int			 lib;		/* vcs_lib_init() succeeded */
};

static int
vcs_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct vcs_entry *)a)->path,
	    ((const struct vcs_entry *)b)->path);
}

/* git_tree_walk callback: remember every blob with its path. */
static int
vcs_stamper_take(const char *root, const git_tree_entry *te, void *arg)
{
	struct vcs_stamper	*s = arg;
	struct vcs_entry	*e;
	size_t			 len;

	if (git_tree_entry_type(te) != GIT_OBJECT_BLOB)
		return 0;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		if ((e = realloc(s->e, s->cap * sizeof(*e))) == NULL)
			return -1;
		s->e = e;
	}
	e = &s->e[s->n];
	len = strlen(root) + strlen(git_tree_entry_name(te)) + 1;
	if ((e->path = malloc(len)) == NULL)
		return -1;
	snprintf(e->path, len, "%s%s", root, git_tree_entry_name(te));
	git_oid_cpy(&e->oid, git_tree_entry_id(te));
	s->n++;
	return 0;
}

/*
 * HEAD's tree is read once, into a sorted table of blobs: a build then
 * looks each deal up without touching libgit2, from any thread.
 */
struct vcs_stamper *
vcs_stamper_new(const char *dir)
{
	struct vcs_stamper	*s;
	git_commit		*head = NULL;
	git_tree		*tree = NULL;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	if (vcs_lib_init() < 0) {	/* libgit2 missing: not "not in git" */
		free(s);
		return NULL;
	}
	s->lib = 1;
	if (vcs_open(&s->v, dir) != 0 || vcs_workdir(s->v) == NULL ||
	    vcs_head_commit(&head, s->v->repo) < 0) {
		vcs_free(s->v);
		s->v = NULL;
	} else if ((s->workdir = strdup(vcs_workdir(s->v))) == NULL) {
		s->n = 0;
	} else if (head != NULL) {
		s->head = 1;
		git_oid_tostr(s->id, sizeof(s->id), git_commit_id(head));
		s->id[VCS_SHORT] = '\0';
		if (git_commit_tree(&tree, head) < 0 || git_tree_walk(tree,
		    GIT_TREEWALK_PRE, vcs_stamper_take, s) < 0)
			s->n = 0;	/* every file reads as dirty */
		else
			qsort(s->e, s->n, sizeof(*s->e), vcs_entry_cmp);
	}
	git_tree_free(tree);
	git_commit_free(head);
	git_error_clear();
	return s;
}

int
vcs_stamper_get(struct vcs_stamper *s, const char *path, const void *data,
    size_t len, char *out, size_t outsz)
{
	struct vcs_entry	 key, *e = NULL;
	unsigned char		 id[DIGEST_SHA1_LEN];
	char			*rel = NULL;
	int			 dirty = 1;

	if (s == NULL || s->workdir == NULL) {
		snprintf(out, outsz, "not in git");
		return 1;
	}
	if (!s->head) {
		snprintf(out, outsz, "uncommitted");
		return 1;
	}
	if (vcs_relpath_in(&rel, s->workdir, path) == 0 && s->n > 0) {
		key.path = rel;
		e = bsearch(&key, s->e, s->n, sizeof(*s->e), vcs_entry_cmp);
	}
	/* git's blob id computed here, so that a build whose stamps come
	 * from the cache never loads libgit2 */
	if (e != NULL) {
		digest_git_blob(id, data, len);
		dirty = memcmp(id, e->oid.id, sizeof(id)) != 0;
	}
	free(rel);
	snprintf(out, outsz, "%s%s", s->id, dirty ? "+dirty" : "");
	return dirty;
}

void
vcs_stamper_free(struct vcs_stamper *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		free(s->e[i].path);
	free(s->e);
	free(s->workdir);
	vcs_free(s->v);
	if (s->lib) {
		git_error_clear();
		vcs_lib_shutdown();
	}
	free(s);
}

const char *
vcs_stamper_head(const struct vcs_stamper *s)
{
	return s != NULL && s->workdir != NULL && s->head ? s->id : NULL;
}

/* ===== the stamp cache (vcs_cache.c keeps the file) ===================== */

/* The stamper as text: "workdir W", "id ID" or "id -", "OID path"... */
static char *
vcs_stamper_dump(const struct vcs_stamper *s)
{
	struct buf	 b;
	char		 hex[VCS_ID_MAX];
	size_t		 i;

	buf_init(&b);
	if (strchr(s->workdir, '\n') != NULL || buf_printf(&b,
	    "workdir %s\nid %s\n", s->workdir, s->head ? s->id : "-") == -1)
		goto fail;
	for (i = 0; i < s->n; i++) {
		digest_hex(hex, s->e[i].oid.id, sizeof(s->e[i].oid.id));
		if (strchr(s->e[i].path, '\n') != NULL ||
		    buf_printf(&b, "%s %s\n", hex, s->e[i].path) == -1)
			goto fail;
	}
	return buf_detach(&b);
fail:
	buf_dispose(&b);
	return NULL;
}

/* The stamper from its text (sorted, as dumped); NULL when malformed. */
static struct vcs_stamper *
vcs_stamper_undump(char *body)
{
	struct vcs_stamper	*s;
	struct vcs_entry	*e;
	char			*line, *next, *sp;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	for (line = body; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) == NULL)
			goto bad;
		*next++ = '\0';
		if (strncmp(line, "workdir ", 8) == 0 && s->workdir == NULL) {
			if ((s->workdir = strdup(line + 8)) == NULL)
				goto bad;
		} else if (strncmp(line, "id ", 3) == 0 && s->workdir != NULL) {
			s->head = strcmp(line + 3, "-") != 0;
			snprintf(s->id, sizeof(s->id), "%s", s->head ? line + 3 : "");
		} else if ((sp = strchr(line, ' ')) != NULL && s->workdir) {
			*sp = '\0';
			if (s->n == s->cap) {
				s->cap = s->cap ? s->cap * 2 : 256;
				if ((e = realloc(s->e, s->cap * sizeof(*e))) == NULL)
					goto bad;
				s->e = e;
			}
			e = &s->e[s->n];
			if (strlen(line) != VCS_ID_MAX - 1 ||
			    digest_unhex(e->oid.id, sizeof(e->oid.id), line) ||
			    (e->path = strdup(sp + 1)) == NULL)
				goto bad;
			if (s->n > 0 && strcmp(s->e[s->n - 1].path, e->path) >= 0) {
				free(e->path);
				goto bad;
			}
			s->n++;
		} else
			goto bad;
	}
	if (s->workdir == NULL)
		goto bad;
	return s;
bad:
	vcs_stamper_free(s);
	return NULL;
}

struct vcs_stamper *
vcs_stamper_new_cached(const char *dir, const char *cache)
{
	struct vcs_stamper	*s;
	struct buf		 key, again;
	char			*body = NULL;

	buf_init(&key);
	buf_init(&again);
	if (cache == NULL || vcs_cache_key(&key, dir) == -1) {
		buf_dispose(&key);
		return vcs_stamper_new(dir);
	}
	if (vcs_cache_read(&body, cache, key.data, vcs_cache_sha1) == 0 &&
	    (s = vcs_stamper_undump(body)) != NULL)
		goto out;
	/* a miss, a stale or a corrupt cache: ask git, then remember it if
	 * HEAD did not move meanwhile */
	free(body);
	body = NULL;
	if ((s = vcs_stamper_new(dir)) != NULL && s->workdir != NULL &&
	    vcs_cache_key(&again, dir) == 0 && strcmp(again.data, key.data) == 0
	    && (body = vcs_stamper_dump(s)) != NULL)
		(void)vcs_cache_write(cache, key.data, body, vcs_cache_sha1);
out:
	free(body);
	buf_dispose(&key);
	buf_dispose(&again);
	return s;
}

/* ===== one small file under a ref (the send ledger) ===================== */

int
vcs_note_read(char **out, size_t *lenp, char oid[VCS_ID_MAX], struct vcs *v,
    const char *ref, const char *file)
{
	git_reference	*r = NULL;
	git_object	*obj = NULL;
	git_tree	*tree = NULL;
	git_tree_entry	*e = NULL;
	git_blob	*blob = NULL;
	size_t		 len;
	int		 rc;

	*out = NULL;
	*lenp = 0;
	oid[0] = '\0';
	if ((rc = git_reference_lookup(&r, v->repo, ref)) == GIT_ENOTFOUND)
		return 0;
	rc = -1;
	if (r == NULL || git_reference_peel(&obj, r, GIT_OBJECT_COMMIT) < 0 ||
	    git_commit_tree(&tree, (git_commit *)obj) < 0)
		goto out;
	git_oid_tostr(oid, VCS_ID_MAX, git_object_id(obj));
	if (git_tree_entry_bypath(&e, tree, file) == GIT_ENOTFOUND) {
		rc = 0;
		goto out;
	}
	if (e == NULL || git_blob_lookup(&blob, v->repo,
	    git_tree_entry_id(e)) < 0)
		goto out;
	len = (size_t)git_blob_rawsize(blob);
	if ((*out = malloc(len + 1)) == NULL) {
		rc = vcs_nomem();
		goto out;
	}
	memcpy(*out, git_blob_rawcontent(blob), len);
	(*out)[len] = '\0';
	*lenp = len;
	rc = 0;
out:
	git_blob_free(blob);
	git_tree_entry_free(e);
	git_tree_free(tree);
	git_object_free(obj);
	git_reference_free(r);
	return rc;
}

/* The commit of a note: one file in a tree, old as its parent. */
static int
vcs_note_commit(git_oid *out, struct vcs *v, const char *file,
    const char *data, size_t len, const git_oid *old, const char *message)
{
	git_treebuilder	*tb = NULL;
	git_tree	*tree = NULL;
	git_commit	*parent = NULL;
	git_signature	*sig = NULL;
	git_oid		 boid, toid;
	const git_commit *parents[1];
	int		 rc = -1;

	if (git_blob_create_from_buffer(&boid, v->repo, data, len) < 0 ||
	    git_treebuilder_new(&tb, v->repo, NULL) < 0 ||
	    git_treebuilder_insert(NULL, tb, file, &boid,
	    GIT_FILEMODE_BLOB) < 0 || git_treebuilder_write(&toid, tb) < 0 ||
	    git_tree_lookup(&tree, v->repo, &toid) < 0 ||
	    (old != NULL && git_commit_lookup(&parent, v->repo, old) < 0) ||
	    git_signature_now(&sig, "handoff send", "handoff@localhost") < 0)
		goto out;
	parents[0] = parent;
	if (git_commit_create(out, v->repo, NULL, sig, sig, NULL, message,
	    tree, parent ? 1 : 0, parents) < 0)
		goto out;
	rc = 0;
out:
	git_signature_free(sig);
	git_commit_free(parent);
	git_tree_free(tree);
	git_treebuilder_free(tb);
	return rc;
}

int
vcs_note_write(struct vcs *v, const char *ref, const char *file,
    const char *data, size_t len, const char *old_id, const char *message)
{
	git_reference	*r = NULL;
	git_oid		 old, coid;
	int		 rc;

	if (old_id[0] != '\0' && git_oid_fromstr(&old, old_id) < 0)
		return -1;
	if (vcs_note_commit(&coid, v, file, data, len,
	    old_id[0] ? &old : NULL, message) < 0)
		return -1;
	/* Compare and swap: only when the ref still is where we read it
	 * (libgit2 takes the ref's lock file, so this holds across
	 * processes).  A lost race is VCS_ECONFLICT: read again. */
	if (old_id[0] != '\0')
		rc = git_reference_create_matching(&r, v->repo, ref, &coid, 1,
		    &old, message);
	else
		rc = git_reference_create(&r, v->repo, ref, &coid, 0,
		    message);
	git_reference_free(r);
	if (rc == GIT_EMODIFIED || rc == GIT_EEXISTS || rc == GIT_ELOCKED)
		return VCS_ECONFLICT;
	return rc < 0 ? -1 : 0;
}

/* ---- unified diff of two texts (handoff import --dry-run) ---------- */

struct vcs_diff_out {
	struct buf	*b;
	const char	*path;
	int		 isnew;
	int		 hunks;
	int		 err;
};

static int
vcs_diff_hunk(const git_diff_delta *delta, const git_diff_hunk *hunk,
    void *arg)
{
	struct vcs_diff_out	*o = arg;

	(void)delta;
	if (o->hunks++ == 0) {
		if (o->isnew)
			o->err |= buf_puts(o->b, "--- /dev/null\n");
		else
			o->err |= buf_printf(o->b, "--- a/%s\n", o->path);
		o->err |= buf_printf(o->b, "+++ b/%s\n", o->path);
	}
	o->err |= buf_put(o->b, hunk->header, hunk->header_len);
	return 0;
}

static int
vcs_diff_line(const git_diff_delta *delta, const git_diff_hunk *hunk,
    const git_diff_line *line, void *arg)
{
	struct vcs_diff_out	*o = arg;

	(void)delta;
	(void)hunk;
	if (line->origin != GIT_DIFF_LINE_CONTEXT &&
	    line->origin != GIT_DIFF_LINE_ADDITION &&
	    line->origin != GIT_DIFF_LINE_DELETION)
		return 0;	/* '\ No newline at end of file' and headers */
	if (line->origin == GIT_DIFF_LINE_CONTEXT ||
	    line->origin == GIT_DIFF_LINE_ADDITION ||
	    line->origin == GIT_DIFF_LINE_DELETION)
		o->err |= buf_putc(o->b, line->origin);
	o->err |= buf_put(o->b, line->content, line->content_len);
	return 0;
}

int
vcs_diff_text(struct buf *out, const char *path, const char *old,
    size_t oldlen, const char *new_text, size_t newlen)
{
	struct vcs_diff_out	 o = { out, path, old == NULL, 0, 0 };
	git_diff_options	 opts;
	char			*a = NULL, *b = NULL;
	int			 rc;

	if (git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION) < 0)
		return -1;
	opts.context_lines = 3;
	if ((a = malloc(strlen(path) + 3)) == NULL ||
	    (b = malloc(strlen(path) + 3)) == NULL) {
		free(a);
		return -1;
	}
	snprintf(a, strlen(path) + 3, "a/%s", path);
	snprintf(b, strlen(path) + 3, "b/%s", path);
	rc = git_diff_buffers(old, old ? oldlen : 0, old ? a : NULL,
	    new_text, newlen, b, &opts, NULL, NULL, vcs_diff_hunk,
	    vcs_diff_line, &o);
	free(a);
	free(b);
	return rc < 0 || o.err ? -1 : 0;
}
