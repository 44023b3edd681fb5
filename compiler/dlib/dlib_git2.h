/* SPDX-License-Identifier: MIT */
/*
 * dlib_git2.h: libgit2's functions as handoff uses them, looked up once
 * with dlopen()/dlsym() by dlib_git2.c (see there for why).  One field per
 * function, named after it without the "git_" prefix, with libgit2's own
 * prototype; dlib_git2_object.c and dlib_git2_repo.c define the functions
 * under libgit2's names and forward each call through this table.
 */
#ifndef DLIB_GIT2_H
#define DLIB_GIT2_H

#include <git2.h>
#include <git2/sys/repository.h>

struct dlib_git2 {
	int (*blob_create_from_buffer)(git_oid *id, git_repository *repo,
	    const void *buffer, size_t len);
	int (*blob_create_from_workdir)(git_oid *id, git_repository *repo,
	    const char *relative_path);
	int (*blob_filter)(git_buf *out, git_blob *blob, const char *as_path,
	    git_blob_filter_options *opts);
	int (*blob_filter_options_init)(git_blob_filter_options *opts,
	    unsigned int version);
	void (*blob_free)(git_blob *blob);
	int (*blob_lookup)(git_blob **blob, git_repository *repo,
	    const git_oid *id);
	const void *(*blob_rawcontent)(const git_blob *blob);
	git_object_size_t (*blob_rawsize)(const git_blob *blob);
	void (*buf_dispose)(git_buf *buffer);
	const git_signature *(*commit_author)(const git_commit *commit);
	const git_signature *(*commit_committer)(const git_commit *commit);
	int (*commit_create)(git_oid *id, git_repository *repo,
	    const char *update_ref, const git_signature *author,
	    const git_signature *committer, const char *message_encoding,
	    const char *message, const git_tree *tree, size_t parent_count,
	    const git_commit *parents[]);
	void (*commit_free)(git_commit *commit);
	const git_oid *(*commit_id)(const git_commit *commit);
	int (*commit_lookup)(git_commit **commit, git_repository *repo,
	    const git_oid *id);
	git_repository *(*commit_owner)(const git_commit *commit);
	int (*commit_parent)(git_commit **out, const git_commit *commit,
	    unsigned int n);
	unsigned int (*commit_parentcount)(const git_commit *commit);
	const char *(*commit_summary)(git_commit *commit);
	const char *(*commit_body)(git_commit *commit);
	int (*commit_tree)(git_tree **tree_out, const git_commit *commit);
	void (*config_free)(git_config *cfg);
	int (*config_get_path)(git_buf *out, const git_config *cfg,
	    const char *name);
	int (*config_get_string_buf)(git_buf *out, const git_config *cfg,
	    const char *name);
	int (*diff_buffers)(const void *old_buffer, size_t old_len,
	    const char *old_as_path, const void *new_buffer, size_t new_len,
	    const char *new_as_path, const git_diff_options *options,
	    git_diff_file_cb file_cb, git_diff_binary_cb binary_cb,
	    git_diff_hunk_cb hunk_cb, git_diff_line_cb line_cb, void *payload);
	void (*diff_free)(git_diff *diff);
	const git_diff_delta *(*diff_get_delta)(const git_diff *diff,
	    size_t idx);
	size_t (*diff_num_deltas)(const git_diff *diff);
	int (*diff_options_init)(git_diff_options *opts, unsigned int version);
	int (*diff_tree_to_index)(git_diff **diff, git_repository *repo,
	    git_tree *old_tree, git_index *index,
	    const git_diff_options *opts);
	void (*error_clear)(void);
	const git_error *(*error_last)(void);
	void (*error_set_oom)(void);
	int (*error_set_str)(int error_class, const char *string);
	int (*index_add)(git_index *index,
	    const git_index_entry *source_entry);
	int (*index_add_bypath)(git_index *index, const char *path);
	void (*index_free)(git_index *index);
	int (*index_new)(git_index **out);
	int (*index_open)(git_index **out, const char *index_path);
	int (*index_read)(git_index *index, int force);
	int (*index_read_tree)(git_index *index, const git_tree *tree);
	int (*index_write)(git_index *index);
	int (*index_write_tree_to)(git_oid *out, git_index *index,
	    git_repository *repo);
	int (*libgit2_init)(void);
	int (*libgit2_shutdown)(void);
	void (*object_free)(git_object *object);
	const git_oid *(*object_id)(const git_object *obj);
	int (*object_lookup)(git_object **object, git_repository *repo,
	    const git_oid *id, git_object_t type);
	int (*object_peel)(git_object **peeled, const git_object *object,
	    git_object_t target_type);
	int (*odb_hash)(git_oid *out, const void *data, size_t len,
	    git_object_t type);
	int (*oid_cpy)(git_oid *out, const git_oid *src);
	int (*oid_equal)(const git_oid *a, const git_oid *b);
	int (*oid_fromstr)(git_oid *out, const char *str);
	int (*oid_is_zero)(const git_oid *id);
	char *(*oid_tostr)(char *out, size_t n, const git_oid *id);
	int (*reference_create)(git_reference **out, git_repository *repo,
	    const char *name, const git_oid *id, int force,
	    const char *log_message);
	int (*reference_create_matching)(git_reference **out,
	    git_repository *repo, const char *name, const git_oid *id,
	    int force, const git_oid *current_id, const char *log_message);
	void (*reference_free)(git_reference *ref);
	void (*reference_iterator_free)(git_reference_iterator *iter);
	int (*reference_iterator_new)(git_reference_iterator **out,
	    git_repository *repo);
	int (*reference_lookup)(git_reference **out, git_repository *repo,
	    const char *name);
	int (*reference_next)(git_reference **out,
	    git_reference_iterator *iter);
	int (*reference_peel)(git_object **out, const git_reference *ref,
	    git_object_t type);
	int (*repository_config_snapshot)(git_config **out,
	    git_repository *repo);
	void (*repository_free)(git_repository *repo);
	int (*repository_hashfile)(git_oid *out, git_repository *repo,
	    const char *path, git_object_t type, const char *as_path);
	int (*repository_head)(git_reference **out, git_repository *repo);
	int (*repository_index)(git_index **out, git_repository *repo);
	int (*repository_init_ext)(git_repository **out, const char *repo_path,
	    git_repository_init_options *opts);
	int (*repository_init_options_init)(git_repository_init_options *opts,
	    unsigned int version);
	int (*repository_item_path)(git_buf *out, const git_repository *repo,
	    git_repository_item_t item);
	int (*repository_open_ext)(git_repository **out, const char *path,
	    unsigned int flags, const char *ceiling_dirs);
	int (*repository_set_index)(git_repository *repo, git_index *index);
	const char *(*repository_workdir)(const git_repository *repo);
	int (*revparse_single)(git_object **out, git_repository *repo,
	    const char *spec);
	void (*revwalk_free)(git_revwalk *walk);
	int (*revwalk_hide)(git_revwalk *walk, const git_oid *commit_id);
	int (*revwalk_new)(git_revwalk **out, git_repository *repo);
	int (*revwalk_next)(git_oid *out, git_revwalk *walk);
	int (*revwalk_push)(git_revwalk *walk, const git_oid *id);
	int (*revwalk_sorting)(git_revwalk *walk, unsigned int sort_mode);
	void (*signature_free)(git_signature *sig);
	int (*signature_new)(git_signature **out, const char *name,
	    const char *email, git_time_t time, int offset);
	int (*signature_now)(git_signature **out, const char *name,
	    const char *email);
	const git_tree_entry *(*tree_entry_byindex)(const git_tree *tree,
	    size_t idx);
	const git_tree_entry *(*tree_entry_byname)(const git_tree *tree,
	    const char *filename);
	int (*tree_entry_bypath)(git_tree_entry **out, const git_tree *root,
	    const char *path);
	int (*tree_entry_cmp)(const git_tree_entry *e1,
	    const git_tree_entry *e2);
	void (*tree_entry_free)(git_tree_entry *entry);
	const git_oid *(*tree_entry_id)(const git_tree_entry *entry);
	const char *(*tree_entry_name)(const git_tree_entry *entry);
	git_object_t (*tree_entry_type)(const git_tree_entry *entry);
	size_t (*tree_entrycount)(const git_tree *tree);
	void (*tree_free)(git_tree *tree);
	const git_oid *(*tree_id)(const git_tree *tree);
	int (*tree_lookup)(git_tree **out, git_repository *repo,
	    const git_oid *id);
	int (*tree_walk)(const git_tree *tree, git_treewalk_mode mode,
	    git_treewalk_cb callback, void *payload);
	void (*treebuilder_free)(git_treebuilder *bld);
	int (*treebuilder_insert)(const git_tree_entry **out,
	    git_treebuilder *bld, const char *filename, const git_oid *id,
	    git_filemode_t filemode);
	int (*treebuilder_new)(git_treebuilder **out, git_repository *repo,
	    const git_tree *source);
	int (*treebuilder_write)(git_oid *id, git_treebuilder *bld);
};

/* The table, or NULL when libgit2 cannot be loaded (git_error_last()
 * then says why). */
const struct dlib_git2	*dlib_git2(void);

#endif /* DLIB_GIT2_H */
