/* SPDX-License-Identifier: MIT */
/*
 * dlib_git2_repo.c: libgit2's repository functions (repository,
 * references, index, config, revision walks, diffs, signatures, buffers),
 * under their own names, forwarded to the library loaded by dlib_git2.c.
 */
#include <stddef.h>

#include "dlib_git2.h"

void
git_buf_dispose(git_buf *buffer)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->buf_dispose(buffer);
}

void
git_config_free(git_config *cfg)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->config_free(cfg);
}

int
git_config_get_path(git_buf *out, const git_config *cfg, const char *name)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->config_get_path(out, cfg, name) : -1;
}

int
git_config_get_string_buf(git_buf *out, const git_config *cfg,
    const char *name)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->config_get_string_buf(out, cfg, name) : -1;
}

int
git_diff_buffers(const void *old_buffer, size_t old_len,
    const char *old_as_path, const void *new_buffer, size_t new_len,
    const char *new_as_path, const git_diff_options *options,
    git_diff_file_cb file_cb, git_diff_binary_cb binary_cb,
    git_diff_hunk_cb hunk_cb, git_diff_line_cb line_cb, void *payload)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->diff_buffers(old_buffer, old_len, old_as_path, new_buffer,
	    new_len, new_as_path, options, file_cb, binary_cb, hunk_cb,
	    line_cb, payload);
}

void
git_diff_free(git_diff *diff)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->diff_free(diff);
}

const git_diff_delta *
git_diff_get_delta(const git_diff *diff, size_t idx)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->diff_get_delta(diff, idx) : NULL;
}

size_t
git_diff_num_deltas(const git_diff *diff)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->diff_num_deltas(diff) : 0;
}

int
git_diff_options_init(git_diff_options *opts, unsigned int version)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->diff_options_init(opts, version) : -1;
}

int
git_diff_tree_to_index(git_diff **diff, git_repository *repo,
    git_tree *old_tree, git_index *index, const git_diff_options *opts)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->diff_tree_to_index(diff, repo, old_tree, index, opts);
}

int
git_index_add(git_index *index, const git_index_entry *source_entry)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->index_add(index, source_entry) : -1;
}

int
git_index_add_bypath(git_index *index, const char *path)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->index_add_bypath(index, path) : -1;
}

void
git_index_free(git_index *index)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->index_free(index);
}

int
git_index_new(git_index **out)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->index_new(out) : -1;
}

int
git_index_open(git_index **out, const char *index_path)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->index_open(out, index_path) : -1;
}

int
git_index_read(git_index *index, int force)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->index_read(index, force) : -1;
}

int
git_index_read_tree(git_index *index, const git_tree *tree)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->index_read_tree(index, tree) : -1;
}

int
git_index_write(git_index *index)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->index_write(index) : -1;
}

int
git_index_write_tree_to(git_oid *out, git_index *index, git_repository *repo)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->index_write_tree_to(out, index, repo) : -1;
}

int
git_reference_create(git_reference **out, git_repository *repo,
    const char *name, const git_oid *id, int force, const char *log_message)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->reference_create(out, repo, name, id, force, log_message);
}

int
git_reference_create_matching(git_reference **out, git_repository *repo,
    const char *name, const git_oid *id, int force, const git_oid *current_id,
    const char *log_message)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->reference_create_matching(out, repo, name, id, force,
	    current_id, log_message);
}

void
git_reference_free(git_reference *ref)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->reference_free(ref);
}

void
git_reference_iterator_free(git_reference_iterator *iter)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->reference_iterator_free(iter);
}

int
git_reference_iterator_new(git_reference_iterator **out, git_repository *repo)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->reference_iterator_new(out, repo) : -1;
}

int
git_reference_lookup(git_reference **out, git_repository *repo,
    const char *name)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->reference_lookup(out, repo, name) : -1;
}

int
git_reference_next(git_reference **out, git_reference_iterator *iter)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->reference_next(out, iter) : -1;
}

int
git_reference_peel(git_object **out, const git_reference *ref,
    git_object_t type)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->reference_peel(out, ref, type) : -1;
}

int
git_repository_config_snapshot(git_config **out, git_repository *repo)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->repository_config_snapshot(out, repo) : -1;
}

void
git_repository_free(git_repository *repo)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->repository_free(repo);
}

int
git_repository_hashfile(git_oid *out, git_repository *repo, const char *path,
    git_object_t type, const char *as_path)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->repository_hashfile(out, repo, path, type, as_path);
}

int
git_repository_head(git_reference **out, git_repository *repo)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->repository_head(out, repo) : -1;
}

int
git_repository_index(git_index **out, git_repository *repo)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->repository_index(out, repo) : -1;
}

int
git_repository_init_ext(git_repository **out, const char *repo_path,
    git_repository_init_options *opts)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->repository_init_ext(out, repo_path, opts) : -1;
}

int
git_repository_init_options_init(git_repository_init_options *opts,
    unsigned int version)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->repository_init_options_init(opts, version) : -1;
}

int
git_repository_item_path(git_buf *out, const git_repository *repo,
    git_repository_item_t item)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->repository_item_path(out, repo, item) : -1;
}

int
git_repository_open_ext(git_repository **out, const char *path,
    unsigned int flags, const char *ceiling_dirs)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->repository_open_ext(out, path, flags, ceiling_dirs);
}

int
git_repository_set_index(git_repository *repo, git_index *index)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->repository_set_index(repo, index) : -1;
}

const char *
git_repository_workdir(const git_repository *repo)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->repository_workdir(repo) : NULL;
}

int
git_revparse_single(git_object **out, git_repository *repo, const char *spec)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->revparse_single(out, repo, spec) : -1;
}

void
git_revwalk_free(git_revwalk *walk)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->revwalk_free(walk);
}

int
git_revwalk_hide(git_revwalk *walk, const git_oid *commit_id)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->revwalk_hide(walk, commit_id) : -1;
}

int
git_revwalk_new(git_revwalk **out, git_repository *repo)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->revwalk_new(out, repo) : -1;
}

int
git_revwalk_next(git_oid *out, git_revwalk *walk)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->revwalk_next(out, walk) : -1;
}

int
git_revwalk_push(git_revwalk *walk, const git_oid *id)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->revwalk_push(walk, id) : -1;
}

int
git_revwalk_sorting(git_revwalk *walk, unsigned int sort_mode)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->revwalk_sorting(walk, sort_mode) : -1;
}

void
git_signature_free(git_signature *sig)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->signature_free(sig);
}

int
git_signature_new(git_signature **out, const char *name, const char *email,
    git_time_t time, int offset)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->signature_new(out, name, email, time, offset) :
	    -1;
}

int
git_signature_now(git_signature **out, const char *name, const char *email)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->signature_now(out, name, email) : -1;
}
