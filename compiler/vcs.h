/* SPDX-License-Identifier: MIT */
/*
 * vcs.h: versioning with libgit2.  The only file that includes git2.h is
 * vcs.c.  Everything works on the repository the command runs in, found
 * from a folder upwards as git does.
 *
 * Errors: a function that fails returns -1 (or one of the VCS_E* codes
 * below where a caller branches on it) and leaves a one-line message for
 * vcs_strerror(); the command prints it once and exits 2.  Paths inside
 * the repository ("repo paths") are relative to the work-tree root and
 * use '/'.  Commit and blob ids are hex strings (VCS_ID_MAX bytes).
 */
#ifndef HANDOFF_VCS_H
#define HANDOFF_VCS_H

#include <stddef.h>

#define VCS_ID_MAX	41	/* 40 hex digits and the NUL */
#define VCS_SHORT	7	/* hex digits in a short id */

#define VCS_ENOTFOUND	(-3)	/* no repository, revision or path */
#define VCS_EUNCHANGED	(-4)	/* nothing to commit */
#define VCS_ECONFLICT	(-5)	/* a ref moved since it was read */

struct vcs;	/* an open repository (opaque) */

/*
 * One version of a file: the commit that changed it and the blob it had
 * there.  Strings are owned by the list they are in.
 */
struct vcs_version {
	char		 id[VCS_ID_MAX];	/* commit */
	char		 short_id[VCS_SHORT + 1];
	char		 blob[VCS_ID_MAX];	/* the file's content */
	char		*path;		/* repo path of the file */
	char		*author;	/* author name */
	char		*email;		/* author e-mail */
	char		*subject;	/* first line of the message */
	char		*body;		/* the rest of it ("" when none) */
	long long	 author_time;	/* seconds since epoch */
	int		 author_offset;	/* minutes east of UTC */
	long long	 time;		/* committer time */
	int		 offset;	/* committer offset, minutes */
};

/* A growable list of versions, newest first. */
struct vcs_versions {
	struct vcs_version	*v;
	size_t			 n;
	size_t			 cap;
};

/* Global libgit2 state: call once per command (reference counted, so
 * the standalone helpers below may nest).  0 or -1. */
int		 vcs_lib_init(void);
void		 vcs_lib_shutdown(void);

/* The message of the last failure (never NULL, never empty). */
const char	*vcs_strerror(void);

/*
 * Open the repository containing path (a file or folder; NULL: ".").
 * Returns 0, VCS_ENOTFOUND outside a repository, or -1.  Free with
 * vcs_free().
 */
int		 vcs_open(struct vcs **out, const char *path);
/*
 * Open the repository as the git command line does inside a hook:
 * GIT_DIR, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY and the alternates (the
 * quarantine of a push) are honoured.  0, VCS_ENOTFOUND or -1.
 */
int		 vcs_open_env(struct vcs **out);
/* Create (or reopen) a repository with a work tree at dir, making the
 * folder when needed.  0 or -1. */
int		 vcs_init(struct vcs **out, const char *dir);
void		 vcs_free(struct vcs *v);

/* The work-tree root (absolute, no trailing '/'), or NULL when bare. */
const char	*vcs_workdir(const struct vcs *v);
/*
 * The repo path of path (relative to the current folder or absolute;
 * its folder must exist) in *out (free()).  VCS_ENOTFOUND when it lies
 * outside the work tree, -1 on failure.
 */
int		 vcs_relpath(char **out, const struct vcs *v, const char *path);
/* The folder hooks go in (core.hooksPath honoured) in *out (free()). */
int		 vcs_hooks_dir(char **out, const struct vcs *v);
/*
 * Check that an author and a committer can be made from the environment
 * (GIT_AUTHOR_NAME/EMAIL/DATE, GIT_COMMITTER_*) or git config
 * (user.name, user.email).  0 or -1 with a message saying what to set.
 */
int		 vcs_identity_ok(struct vcs *v);
/*
 * The commit time git would give a commit now: GIT_COMMITTER_DATE or the
 * clock, as seconds and minutes east of UTC.  0, or -1 when the variable
 * cannot be read.
 */
int		 vcs_commit_time(long long *t, int *offset);
/*
 * Parse a git date as GIT_AUTHOR_DATE takes it: '@1795500000 +0000',
 * '1795500000 +0100', ISO 8601 ('2026-11-20T10:00:00+0100', with a
 * space, 'Z', '+01:00' or no zone meaning UTC) or RFC 2822
 * ('Fri, 20 Nov 2026 10:00:00 +0100').  0 or -1.
 */
int		 vcs_parse_date(const char *s, long long *t, int *offset);
/* Minutes east of UTC of the local time zone at t (vcs_date.c). */
int		 vcs_local_offset(long long t);

/*
 * Commit exactly the work-tree content of the given repo paths on the
 * current branch, like 'git commit --only PATHS': the new tree is HEAD's
 * tree (none in an empty repository) plus these files; other staged
 * entries of the index stay staged exactly as they were, and the index
 * entries of these paths are updated.  The new commit id goes to out.
 * Returns 0, VCS_EUNCHANGED when the files equal HEAD's, or -1.
 */
int		 vcs_commit_files(char out[VCS_ID_MAX], struct vcs *v,
		    const char *const *paths, size_t npaths,
		    const char *message);

/*
 * Every version of one file, newest first, from rev (NULL: HEAD): the
 * commits where its content differs from the parent's (as 'git log --
 * path' does; a merge counts only when it differs from every parent).
 * A version is recorded under whichever of paths (e.g. deals/x.md and
 * deals/x.xml) the commit holds, the first one found.  Deletions are not
 * versions.  An empty repository gives an empty list.  0 or -1.
 */
int		 vcs_file_history(struct vcs_versions *out, struct vcs *v,
		    const char *rev, const char *const *paths, size_t npaths);
/*
 * Every change to a file directly inside folder dir ("deals"), newest
 * first, from rev (NULL: HEAD): one entry per changed file per commit.
 * 0 or -1.
 */
int		 vcs_dir_history(struct vcs_versions *out, struct vcs *v,
		    const char *rev, const char *dir);
/*
 * The files directly inside dir changed by the commits a push brings in
 * for one ref: old..new, where old is the all-zero id for a new ref, and
 * commits already reachable from any ref are left out.  new is peeled
 * to a commit; a deletion (new all zero) gives an empty list.  0 or -1.
 */
int		 vcs_pushed_files(struct vcs_versions *out, struct vcs *v,
		    const char *old_id, const char *new_id, const char *dir);
/*
 * The files inside dir whose staged content (the index, GIT_INDEX_FILE
 * honoured) differs from HEAD: added, modified, renamed or copied.  Each
 * entry has path and blob set; the commit fields are empty.  0 or -1.
 */
int		 vcs_staged_files(struct vcs_versions *out, struct vcs *v,
		    const char *dir);
void		 vcs_versions_init(struct vcs_versions *l);
void		 vcs_versions_dispose(struct vcs_versions *l);

/*
 * Read a blob by id into *out (NUL-terminated, free()) and its length
 * into *lenp.  When path is not NULL the checkout filters for that path
 * are applied (line endings, ident), so the bytes are exactly what a
 * checkout writes; with NULL they are as stored.  0 or -1.
 */
int		 vcs_blob_read(char **out, size_t *lenp, struct vcs *v,
		    const char *blob_id, const char *path);
/*
 * Read a file at a revision (NULL: HEAD) as a checkout of it would write
 * it.  0, VCS_ENOTFOUND (no such revision or path), or -1.
 */
int		 vcs_read(char **out, size_t *lenp, struct vcs *v,
		    const char *rev, const char *path);
/*
 * The blob id the work-tree file at repo path would have if it were
 * added now (clean filters applied).  0, VCS_ENOTFOUND, or -1.
 */
int		 vcs_work_blob(char out[VCS_ID_MAX], struct vcs *v,
		    const char *path);
/*
 * The names of the files (blobs) directly inside dir at rev (NULL:
 * HEAD), sorted, in *out (free with vcs_names_free()).  An absent dir
 * or an empty repository gives none.  0, VCS_ENOTFOUND (bad rev), -1.
 */
int		 vcs_list(char ***out, size_t *np, struct vcs *v,
		    const char *rev, const char *dir);
void		 vcs_names_free(char **names, size_t n);
/*
 * Resolve rev (NULL: HEAD) to a commit: its full id in id (may be NULL)
 * and its short id in short_id (may be NULL, VCS_SHORT + 1 bytes).
 * 0, VCS_ENOTFOUND, or -1.
 */
int		 vcs_resolve(char *id, char *short_id, struct vcs *v,
		    const char *rev);

/*
 * A small file kept in a commit of its own under a ref outside the
 * branches (refs/handoff/sent: the send ledger).  vcs_note_read puts the
 * file's bytes in *out (free(); NULL and 0 when the ref or the file does
 * not exist) and the ref's commit id in oid ("" when absent).  0 or -1.
 */
int		 vcs_note_read(char **out, size_t *lenp, char oid[VCS_ID_MAX],
		    struct vcs *v, const char *ref, const char *file);
/*
 * Commit data as the one file of a new commit whose parent is old_id
 * ("" for none) and move ref to it, only when ref is still at old_id
 * (absent for ""): compare-and-swap, safe between processes.  0,
 * VCS_ECONFLICT when ref moved (read it again), or -1.
 */
int		 vcs_note_write(struct vcs *v, const char *ref,
		    const char *file, const char *data, size_t len,
		    const char *old_id, const char *message);

/*
 * One-call helpers for other commands ('handoff build --rev REV'): open
 * the repository containing repo_dir, do one thing, close it.  Paths
 * are from repo_dir ("deals/acme.md"), which may be a folder of the
 * work tree (a team repo inside a monorepo: monorepo/cs).  Return
 * values as above.
 */
int		 vcs_read_at(const char *repo_dir, const char *rev,
		    const char *path, char **data, size_t *lenp);
int		 vcs_list_at(const char *repo_dir, const char *rev,
		    const char *dir, char ***names, size_t *np);
int		 vcs_rev_short(char *out, size_t outsz, const char *repo_dir,
		    const char *rev);

/*
 * The version stamp of a file for the outputs: the short id of HEAD,
 * with "+dirty" when the work-tree copy of path differs from HEAD's (or
 * is not committed), "uncommitted" in a repository without commits, or
 * "not in git".  Writes a NUL-terminated string into out (at least 64
 * bytes).  Never fails.
 */
void		 vcs_stamp(char *out, size_t outsz, const char *path);

/*
 * Version stamps for many files of one work tree, as 'build' needs them:
 * the repository and HEAD are opened once.  Thread-safe.
 */
struct vcs_stamper;

/*
 * Open the repository around folder dir.  Outside git (or when the
 * repository cannot be opened) the stamper still works and says "not in
 * git".  Returns NULL when libgit2 cannot be loaded or set up
 * (vcs_strerror() says why) or when out of memory.  Free with
 * vcs_stamper_free().
 */
struct vcs_stamper	*vcs_stamper_new(const char *dir);
/*
 * The stamp of path, whose work-tree bytes are data/len: the short id of
 * HEAD, with "+dirty" when data is not HEAD's blob at path; "uncommitted"
 * in a repository without commits; "not in git".  Returns 1 when the
 * stamp is dirty (or there is no commit to name), else 0.
 */
int			 vcs_stamper_get(struct vcs_stamper *s,
			    const char *path, const void *data, size_t len,
			    char *out, size_t outsz);
void			 vcs_stamper_free(struct vcs_stamper *s);
/*
 * The same stamper, read from the stamp cache file when HEAD has not moved
 * since it was written (then libgit2 is not even set up), else made with
 * vcs_stamper_new() and written there.  A cache that is stale, corrupt or
 * of another work tree is rebuilt, never trusted; see vcs_cache.c.
 * cache may be NULL (no cache).
 */
struct vcs_stamper	*vcs_stamper_new_cached(const char *dir,
			    const char *cache);
/* HEAD's short id as the stamper saw it; NULL outside git or before the
 * first commit. */
const char		*vcs_stamper_head(const struct vcs_stamper *s);

/*
 * A unified diff (---/+++ headers, @@ hunks, 3 lines of context) from old
 * (NULL: a new file) to new_text, both named path, appended to out.
 * Nothing is appended when they are equal.  0 or -1.
 */
struct buf;
int			 vcs_diff_text(struct buf *out, const char *path,
			    const char *old, size_t oldlen,
			    const char *new_text, size_t newlen);

#endif
