/* SPDX-License-Identifier: MIT */
/*
 * dlib_git2.c: libgit2, loaded when first used.  Linked, libgit2 brings
 * 14 shared libraries into every process (mbedTLS, libssh2 and with it
 * libcrypto, Kerberos, http-parser, PCRE2), each relocated at start-up
 * with BIND_NOW, although most commands never open the repository:
 * 'check' and 'fmt' never do, and 'build' only when its stamp cache
 * misses.  So the binary is not linked against libgit2; dlib_git2.h holds
 * a table of the functions handoff uses, with libgit2's prototypes, filled
 * here once under pthread_once() and only read after that, and
 * dlib_git2_object.c and dlib_git2_repo.c define those functions under
 * libgit2's names.  When the library cannot be loaded, every function
 * fails as libgit2 does (-1, NULL, or nothing), starting with
 * git_libgit2_init(), and git_error_last() says what dlopen() said.
 * Same pattern as dlib_curl.c.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stddef.h>

#include "dlib_git2.h"

#define DLIB_GIT2_SONAME	"libgit2.so." LIBGIT2_SOVERSION

static struct dlib_git2	 dlib_git2_table;
static int		 dlib_git2_ok;
static char		 dlib_git2_why[256];
static git_error	 dlib_git2_load_error = { dlib_git2_why, GIT_ERROR_OS };
static pthread_once_t	 dlib_git2_once = PTHREAD_ONCE_INIT;

/* Look name up in h; clears *ok when it is missing. */
static void *
dlib_git2_sym(void *h, const char *name, int *ok)
{
	void	*p = dlsym(h, name);

	if (p == NULL)
		*ok = 0;
	return p;
}

static void
dlib_git2_load(void)
{
	struct dlib_git2	*g = &dlib_git2_table;
	const char		*err;
	void			*h;
	int			 ok = 1;

	if ((h = dlopen(DLIB_GIT2_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		err = dlerror();
		snprintf(dlib_git2_why, sizeof(dlib_git2_why),
		    "libgit2 (%s) could not be loaded: %s", DLIB_GIT2_SONAME,
		    err != NULL ? err : "unknown error");
		return;
	}
	/* A data pointer to a function pointer: what dlsym() is for (POSIX). */
	*(void **)&g->blob_create_from_buffer =
	    dlib_git2_sym(h, "git_blob_create_from_buffer", &ok);
	*(void **)&g->blob_create_from_workdir =
	    dlib_git2_sym(h, "git_blob_create_from_workdir", &ok);
	*(void **)&g->blob_filter = dlib_git2_sym(h, "git_blob_filter", &ok);
	*(void **)&g->blob_filter_options_init =
	    dlib_git2_sym(h, "git_blob_filter_options_init", &ok);
	*(void **)&g->blob_free = dlib_git2_sym(h, "git_blob_free", &ok);
	*(void **)&g->blob_lookup = dlib_git2_sym(h, "git_blob_lookup", &ok);
	*(void **)&g->blob_rawcontent =
	    dlib_git2_sym(h, "git_blob_rawcontent", &ok);
	*(void **)&g->blob_rawsize = dlib_git2_sym(h, "git_blob_rawsize", &ok);
	*(void **)&g->buf_dispose = dlib_git2_sym(h, "git_buf_dispose", &ok);
	*(void **)&g->commit_author =
	    dlib_git2_sym(h, "git_commit_author", &ok);
	*(void **)&g->commit_committer =
	    dlib_git2_sym(h, "git_commit_committer", &ok);
	*(void **)&g->commit_create =
	    dlib_git2_sym(h, "git_commit_create", &ok);
	*(void **)&g->commit_free = dlib_git2_sym(h, "git_commit_free", &ok);
	*(void **)&g->commit_id = dlib_git2_sym(h, "git_commit_id", &ok);
	*(void **)&g->commit_lookup =
	    dlib_git2_sym(h, "git_commit_lookup", &ok);
	*(void **)&g->commit_owner = dlib_git2_sym(h, "git_commit_owner", &ok);
	*(void **)&g->commit_parent =
	    dlib_git2_sym(h, "git_commit_parent", &ok);
	*(void **)&g->commit_parentcount =
	    dlib_git2_sym(h, "git_commit_parentcount", &ok);
	*(void **)&g->commit_summary =
	    dlib_git2_sym(h, "git_commit_summary", &ok);
	*(void **)&g->commit_body = dlib_git2_sym(h, "git_commit_body", &ok);
	*(void **)&g->commit_tree = dlib_git2_sym(h, "git_commit_tree", &ok);
	*(void **)&g->config_free = dlib_git2_sym(h, "git_config_free", &ok);
	*(void **)&g->config_get_path =
	    dlib_git2_sym(h, "git_config_get_path", &ok);
	*(void **)&g->config_get_string_buf =
	    dlib_git2_sym(h, "git_config_get_string_buf", &ok);
	*(void **)&g->diff_buffers = dlib_git2_sym(h, "git_diff_buffers", &ok);
	*(void **)&g->diff_free = dlib_git2_sym(h, "git_diff_free", &ok);
	*(void **)&g->diff_get_delta =
	    dlib_git2_sym(h, "git_diff_get_delta", &ok);
	*(void **)&g->diff_num_deltas =
	    dlib_git2_sym(h, "git_diff_num_deltas", &ok);
	*(void **)&g->diff_options_init =
	    dlib_git2_sym(h, "git_diff_options_init", &ok);
	*(void **)&g->diff_tree_to_index =
	    dlib_git2_sym(h, "git_diff_tree_to_index", &ok);
	*(void **)&g->error_clear = dlib_git2_sym(h, "git_error_clear", &ok);
	*(void **)&g->error_last = dlib_git2_sym(h, "git_error_last", &ok);
	*(void **)&g->error_set_oom =
	    dlib_git2_sym(h, "git_error_set_oom", &ok);
	*(void **)&g->error_set_str =
	    dlib_git2_sym(h, "git_error_set_str", &ok);
	*(void **)&g->index_add = dlib_git2_sym(h, "git_index_add", &ok);
	*(void **)&g->index_add_bypath =
	    dlib_git2_sym(h, "git_index_add_bypath", &ok);
	*(void **)&g->index_free = dlib_git2_sym(h, "git_index_free", &ok);
	*(void **)&g->index_new = dlib_git2_sym(h, "git_index_new", &ok);
	*(void **)&g->index_open = dlib_git2_sym(h, "git_index_open", &ok);
	*(void **)&g->index_read = dlib_git2_sym(h, "git_index_read", &ok);
	*(void **)&g->index_read_tree =
	    dlib_git2_sym(h, "git_index_read_tree", &ok);
	*(void **)&g->index_write = dlib_git2_sym(h, "git_index_write", &ok);
	*(void **)&g->index_write_tree_to =
	    dlib_git2_sym(h, "git_index_write_tree_to", &ok);
	*(void **)&g->libgit2_init = dlib_git2_sym(h, "git_libgit2_init", &ok);
	*(void **)&g->libgit2_shutdown =
	    dlib_git2_sym(h, "git_libgit2_shutdown", &ok);
	*(void **)&g->object_free = dlib_git2_sym(h, "git_object_free", &ok);
	*(void **)&g->object_id = dlib_git2_sym(h, "git_object_id", &ok);
	*(void **)&g->object_lookup =
	    dlib_git2_sym(h, "git_object_lookup", &ok);
	*(void **)&g->object_peel = dlib_git2_sym(h, "git_object_peel", &ok);
	*(void **)&g->odb_hash = dlib_git2_sym(h, "git_odb_hash", &ok);
	*(void **)&g->oid_cpy = dlib_git2_sym(h, "git_oid_cpy", &ok);
	*(void **)&g->oid_equal = dlib_git2_sym(h, "git_oid_equal", &ok);
	*(void **)&g->oid_fromstr = dlib_git2_sym(h, "git_oid_fromstr", &ok);
	*(void **)&g->oid_is_zero = dlib_git2_sym(h, "git_oid_is_zero", &ok);
	*(void **)&g->oid_tostr = dlib_git2_sym(h, "git_oid_tostr", &ok);
	*(void **)&g->reference_create =
	    dlib_git2_sym(h, "git_reference_create", &ok);
	*(void **)&g->reference_create_matching =
	    dlib_git2_sym(h, "git_reference_create_matching", &ok);
	*(void **)&g->reference_free =
	    dlib_git2_sym(h, "git_reference_free", &ok);
	*(void **)&g->reference_iterator_free =
	    dlib_git2_sym(h, "git_reference_iterator_free", &ok);
	*(void **)&g->reference_iterator_new =
	    dlib_git2_sym(h, "git_reference_iterator_new", &ok);
	*(void **)&g->reference_lookup =
	    dlib_git2_sym(h, "git_reference_lookup", &ok);
	*(void **)&g->reference_next =
	    dlib_git2_sym(h, "git_reference_next", &ok);
	*(void **)&g->reference_peel =
	    dlib_git2_sym(h, "git_reference_peel", &ok);
	*(void **)&g->repository_config_snapshot =
	    dlib_git2_sym(h, "git_repository_config_snapshot", &ok);
	*(void **)&g->repository_free =
	    dlib_git2_sym(h, "git_repository_free", &ok);
	*(void **)&g->repository_hashfile =
	    dlib_git2_sym(h, "git_repository_hashfile", &ok);
	*(void **)&g->repository_head =
	    dlib_git2_sym(h, "git_repository_head", &ok);
	*(void **)&g->repository_index =
	    dlib_git2_sym(h, "git_repository_index", &ok);
	*(void **)&g->repository_init_ext =
	    dlib_git2_sym(h, "git_repository_init_ext", &ok);
	*(void **)&g->repository_init_options_init =
	    dlib_git2_sym(h, "git_repository_init_options_init", &ok);
	*(void **)&g->repository_item_path =
	    dlib_git2_sym(h, "git_repository_item_path", &ok);
	*(void **)&g->repository_open_ext =
	    dlib_git2_sym(h, "git_repository_open_ext", &ok);
	*(void **)&g->repository_set_index =
	    dlib_git2_sym(h, "git_repository_set_index", &ok);
	*(void **)&g->repository_workdir =
	    dlib_git2_sym(h, "git_repository_workdir", &ok);
	*(void **)&g->revparse_single =
	    dlib_git2_sym(h, "git_revparse_single", &ok);
	*(void **)&g->revwalk_free = dlib_git2_sym(h, "git_revwalk_free", &ok);
	*(void **)&g->revwalk_hide = dlib_git2_sym(h, "git_revwalk_hide", &ok);
	*(void **)&g->revwalk_new = dlib_git2_sym(h, "git_revwalk_new", &ok);
	*(void **)&g->revwalk_next = dlib_git2_sym(h, "git_revwalk_next", &ok);
	*(void **)&g->revwalk_push = dlib_git2_sym(h, "git_revwalk_push", &ok);
	*(void **)&g->revwalk_sorting =
	    dlib_git2_sym(h, "git_revwalk_sorting", &ok);
	*(void **)&g->signature_free =
	    dlib_git2_sym(h, "git_signature_free", &ok);
	*(void **)&g->signature_new =
	    dlib_git2_sym(h, "git_signature_new", &ok);
	*(void **)&g->signature_now =
	    dlib_git2_sym(h, "git_signature_now", &ok);
	*(void **)&g->tree_entry_byindex =
	    dlib_git2_sym(h, "git_tree_entry_byindex", &ok);
	*(void **)&g->tree_entry_byname =
	    dlib_git2_sym(h, "git_tree_entry_byname", &ok);
	*(void **)&g->tree_entry_bypath =
	    dlib_git2_sym(h, "git_tree_entry_bypath", &ok);
	*(void **)&g->tree_entry_cmp =
	    dlib_git2_sym(h, "git_tree_entry_cmp", &ok);
	*(void **)&g->tree_entry_free =
	    dlib_git2_sym(h, "git_tree_entry_free", &ok);
	*(void **)&g->tree_entry_id =
	    dlib_git2_sym(h, "git_tree_entry_id", &ok);
	*(void **)&g->tree_entry_name =
	    dlib_git2_sym(h, "git_tree_entry_name", &ok);
	*(void **)&g->tree_entry_type =
	    dlib_git2_sym(h, "git_tree_entry_type", &ok);
	*(void **)&g->tree_entrycount =
	    dlib_git2_sym(h, "git_tree_entrycount", &ok);
	*(void **)&g->tree_free = dlib_git2_sym(h, "git_tree_free", &ok);
	*(void **)&g->tree_id = dlib_git2_sym(h, "git_tree_id", &ok);
	*(void **)&g->tree_lookup = dlib_git2_sym(h, "git_tree_lookup", &ok);
	*(void **)&g->tree_walk = dlib_git2_sym(h, "git_tree_walk", &ok);
	*(void **)&g->treebuilder_free =
	    dlib_git2_sym(h, "git_treebuilder_free", &ok);
	*(void **)&g->treebuilder_insert =
	    dlib_git2_sym(h, "git_treebuilder_insert", &ok);
	*(void **)&g->treebuilder_new =
	    dlib_git2_sym(h, "git_treebuilder_new", &ok);
	*(void **)&g->treebuilder_write =
	    dlib_git2_sym(h, "git_treebuilder_write", &ok);
	if (!ok)
		snprintf(dlib_git2_why, sizeof(dlib_git2_why),
		    "libgit2 (%s) lacks a function handoff uses",
		    DLIB_GIT2_SONAME);
	dlib_git2_ok = ok;
	/* the handle stays open for the life of the process */
}

const struct dlib_git2 *
dlib_git2(void)
{
	(void)pthread_once(&dlib_git2_once, dlib_git2_load);
	return dlib_git2_ok ? &dlib_git2_table : NULL;
}

void
git_error_clear(void)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->error_clear();
}

const git_error *
git_error_last(void)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->error_last() : &dlib_git2_load_error;
}

void
git_error_set_oom(void)
{
	const struct dlib_git2	*g = dlib_git2();

	if (g != NULL)
		g->error_set_oom();
}

int
git_error_set_str(int error_class, const char *string)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->error_set_str(error_class, string) : -1;
}

int
git_libgit2_init(void)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->libgit2_init() : -1;
}

int
git_libgit2_shutdown(void)
{
	const struct dlib_git2	*g = dlib_git2();

	return g != NULL ? g->libgit2_shutdown() : -1;
}
