/* SPDX-License-Identifier: MIT */
/*
 * dlib_git2_object.c: libgit2's object functions (ids, the object
 * database, commits, trees, blobs),
 * under their own names, forwarded to the library loaded by dlib_git2.c.
 */
#include <stddef.h>

#include "dlib_git2.h"

int
git_blob_create_from_buffer(git_oid *id, git_repository *repo,
    const void *buffer, size_t len)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->blob_create_from_buffer(id, repo, buffer, len) :
	    -1;
}

int
git_blob_create_from_workdir(git_oid *id, git_repository *repo,
    const char *relative_path)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->blob_create_from_workdir(id, repo, relative_path);
}

int
git_blob_filter(git_buf *out, git_blob *blob, const char *as_path,
    git_blob_filter_options *opts)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->blob_filter(out, blob, as_path, opts) : -1;
}

int
git_blob_filter_options_init(git_blob_filter_options *opts,
    unsigned int version)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->blob_filter_options_init(opts, version) : -1;
}

void
git_blob_free(git_blob *blob)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->blob_free(blob);
}

int
git_blob_lookup(git_blob **blob, git_repository *repo, const git_oid *id)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->blob_lookup(blob, repo, id) : -1;
}

const void *
git_blob_rawcontent(const git_blob *blob)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->blob_rawcontent(blob) : NULL;
}

git_object_size_t
git_blob_rawsize(const git_blob *blob)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->blob_rawsize(blob) : 0;
}

const git_signature *
git_commit_author(const git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_author(commit) : NULL;
}

const git_signature *
git_commit_committer(const git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_committer(commit) : NULL;
}

int
git_commit_create(git_oid *id, git_repository *repo, const char *update_ref,
    const git_signature *author, const git_signature *committer,
    const char *message_encoding, const char *message, const git_tree *tree,
    size_t parent_count, const git_commit *parents[])
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->commit_create(id, repo, update_ref, author, committer,
	    message_encoding, message, tree, parent_count, parents);
}

void
git_commit_free(git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->commit_free(commit);
}

const git_oid *
git_commit_id(const git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_id(commit) : NULL;
}

int
git_commit_lookup(git_commit **commit, git_repository *repo, const git_oid *id)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_lookup(commit, repo, id) : -1;
}

git_repository *
git_commit_owner(const git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_owner(commit) : NULL;
}

int
git_commit_parent(git_commit **out, const git_commit *commit, unsigned int n)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_parent(out, commit, n) : -1;
}

unsigned int
git_commit_parentcount(const git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_parentcount(commit) : 0;
}

const char *
git_commit_summary(git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_summary(commit) : NULL;
}

const char *
git_commit_body(git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_body(commit) : NULL;
}

int
git_commit_tree(git_tree **tree_out, const git_commit *commit)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->commit_tree(tree_out, commit) : -1;
}

void
git_object_free(git_object *object)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->object_free(object);
}

const git_oid *
git_object_id(const git_object *obj)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->object_id(obj) : NULL;
}

int
git_object_lookup(git_object **object, git_repository *repo, const git_oid *id,
    git_object_t type)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->object_lookup(object, repo, id, type) : -1;
}

int
git_object_peel(git_object **peeled, const git_object *object,
    git_object_t target_type)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->object_peel(peeled, object, target_type) : -1;
}

int
git_odb_hash(git_oid *out, const void *data, size_t len, git_object_t type)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->odb_hash(out, data, len, type) : -1;
}

int
git_oid_cpy(git_oid *out, const git_oid *src)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->oid_cpy(out, src) : -1;
}

int
git_oid_equal(const git_oid *a, const git_oid *b)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->oid_equal(a, b) : -1;
}

int
git_oid_fromstr(git_oid *out, const char *str)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->oid_fromstr(out, str) : -1;
}

int
git_oid_is_zero(const git_oid *id)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->oid_is_zero(id) : -1;
}

char *
git_oid_tostr(char *out, size_t n, const git_oid *id)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->oid_tostr(out, n, id) : NULL;
}

const git_tree_entry *
git_tree_entry_byindex(const git_tree *tree, size_t idx)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_entry_byindex(tree, idx) : NULL;
}

const git_tree_entry *
git_tree_entry_byname(const git_tree *tree, const char *filename)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_entry_byname(tree, filename) : NULL;
}

int
git_tree_entry_bypath(git_tree_entry **out, const git_tree *root,
    const char *path)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_entry_bypath(out, root, path) : -1;
}

int
git_tree_entry_cmp(const git_tree_entry *e1, const git_tree_entry *e2)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_entry_cmp(e1, e2) : -1;
}

void
git_tree_entry_free(git_tree_entry *entry)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->tree_entry_free(entry);
}

const git_oid *
git_tree_entry_id(const git_tree_entry *entry)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_entry_id(entry) : NULL;
}

const char *
git_tree_entry_name(const git_tree_entry *entry)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_entry_name(entry) : NULL;
}

git_object_t
git_tree_entry_type(const git_tree_entry *entry)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_entry_type(entry) : GIT_OBJECT_INVALID;
}

size_t
git_tree_entrycount(const git_tree *tree)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_entrycount(tree) : 0;
}

void
git_tree_free(git_tree *tree)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->tree_free(tree);
}

const git_oid *
git_tree_id(const git_tree *tree)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_id(tree) : NULL;
}

int
git_tree_lookup(git_tree **out, git_repository *repo, const git_oid *id)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_lookup(out, repo, id) : -1;
}

int
git_tree_walk(const git_tree *tree, git_treewalk_mode mode,
    git_treewalk_cb callback, void *payload)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->tree_walk(tree, mode, callback, payload) : -1;
}

void
git_treebuilder_free(git_treebuilder *bld)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->treebuilder_free(bld);
}

int
git_treebuilder_insert(const git_tree_entry **out, git_treebuilder *bld,
    const char *filename, const git_oid *id, git_filemode_t filemode)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g == NULL)
		return -1;
	return g->treebuilder_insert(out, bld, filename, id, filemode);
}

int
git_treebuilder_new(git_treebuilder **out, git_repository *repo,
    const git_tree *source)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->treebuilder_new(out, repo, source) : -1;
}

int
git_treebuilder_write(git_oid *id, git_treebuilder *bld)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->treebuilder_write(id, bld) : -1;
}
