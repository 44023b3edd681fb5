/* SPDX-License-Identifier: MIT */
/*
 * fsutil.h: files.  Bounded reads, atomic writes (temp file + rename, so
 * a failed build never leaves a truncated output), safe deal paths, and
 * the built-in defaults compiled into the binary (embed_gen.c).
 */
#ifndef HANDOFF_FSUTIL_H
#define HANDOFF_FSUTIL_H

#include <stddef.h>

/* A file compiled into the binary from schemas/ and templates/. */
struct embedded {
	const char		*path;	/* "schemas/handoff.xsd" */
	const unsigned char	*data;	/* NUL-terminated */
	size_t			 len;
};

/* The built-in file with this repo-relative path, or NULL. */
const struct embedded	*fs_embedded(const char *path);
/* The i-th built-in file, or NULL past the end (for listing). */
const struct embedded	*fs_embedded_at(size_t i);

/*
 * Read a whole file into *out (NUL-terminated, free()) and its length
 * into *lenp.  Returns 0; -1 on an I/O error (errno set); -2 when the
 * file is larger than max bytes (nothing read).  A relative path without
 * '..' that leads outside the working directory through a symbolic link
 * is refused (-1, errno EXDEV): the repo's files are not trusted to name
 * the user's.  A FIFO without a writer reads as empty instead of hanging.
 */
int	fs_read(const char *path, size_t max, char **out, size_t *lenp);
/* strerror(), with fs_read()'s EXDEV put in words. */
const char *fs_strerror(int err);
/*
 * Write data to path atomically: a temp file in the same folder, fsync,
 * rename.  On failure nothing at path changes.  0 or -1 (errno set).
 */
int	fs_write_atomic(const char *path, const void *data, size_t len);
/* The same, making path's folders first; 0 or -1 (errno set). */
int	fs_write_atomic_dirs(const char *path, const void *data, size_t len);
/* Create a folder and its parents (mode 0777 & umask); 0 or -1. */
int	fs_mkdirs(const char *path);
/* True when path exists (any type). */
int	fs_exists(const char *path);
/*
 * True when id is a safe deal id: 1-64 of [a-z0-9-], no leading, trailing
 * or double dash.  It can never name a path outside output/.
 */
int	fs_deal_id_ok(const char *id);
/* "dir/name" in a new string (free()), or NULL. */
char	*fs_join(const char *dir, const char *name);
/* The file name without folders and without its extension (free()). */
char	*fs_stem(const char *path);
/* The extension with its dot (".md"), borrowed; "" when none. */
const char *fs_ext(const char *path);

#endif
