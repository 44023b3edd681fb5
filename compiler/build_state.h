/* SPDX-License-Identifier: MIT */
/*
 * build_state.h: what 'handoff build' remembers between runs, in
 * OUTDIR/.handoff-state: per deal id, a hash of the deal's bytes and of
 * every input the outputs depend on (handoff's version, today's date,
 * the git HEAD, handoff.yml, schemas/, templates/, the fonts).  A deal
 * whose hash is unchanged and whose outputs exist is not rebuilt.
 */
#ifndef HANDOFF_BUILD_STATE_H
#define HANDOFF_BUILD_STATE_H

#include <stddef.h>

#define STATE_HASH_LEN	33	/* 32 hex digits and the NUL */

struct state_entry {
	char	*id;			/* a safe deal id (fs_deal_id_ok) */
	char	 hash[STATE_HASH_LEN];
};

struct state {
	struct state_entry	*v;
	size_t			 n;
	size_t			 cap;
};

void	state_init(struct state *st);
void	state_dispose(struct state *st);
/* Read OUTDIR/.handoff-state; a missing or malformed file is an empty
 * state (the build then rebuilds everything).  0, or -1 out of memory. */
int	state_load(struct state *st, const char *outdir);
/* Write it atomically; 0 or -1 (errno). */
int	state_save(const struct state *st, const char *outdir);
/* The entry for id, or NULL. */
struct state_entry *state_find(const struct state *st, const char *id);
/* Set id's hash (adding the entry); 0 or -1. */
int	state_set(struct state *st, const char *id, const char *hash);
/* Drop id's entry. */
void	state_drop(struct state *st, const char *id);
/* True when id has this hash and its outputs are still there. */
int	state_unchanged(const struct state *st, const char *id,
	    const char *hash, const char *outdir);
/*
 * The hash of the inputs every deal shares, from the files under root
 * and the strings given (version, date, git HEAD); into out.
 */
void	state_inputs(char out[STATE_HASH_LEN], const char *root,
	    const char *fontdir, const char *const *extra, size_t nextra);
/* The hash of one deal: the inputs' hash and the deal's bytes. */
void	state_hash(char out[STATE_HASH_LEN], const char *inputs,
	    const char *data, size_t len);
/* Remove OUTDIR/id's outputs (the files build writes, then the folder
 * when empty).  0 or -1. */
int	state_remove_outputs(const char *outdir, const char *id);

#endif
