/* SPDX-License-Identifier: MIT */
/*
 * build_state.h: what 'handoff build' remembers between runs, in
 * OUTDIR/.handoff-state: per deal id, the deal's file and a hash of its
 * bytes and of every input the outputs depend on (handoff's version,
 * today's date, the git HEAD, handoff.yml, schemas/, templates/, the
 * fonts).  A deal file whose hash is unchanged and whose outputs exist
 * is not rebuilt, nor even parsed.
 */
#ifndef HANDOFF_BUILD_STATE_H
#define HANDOFF_BUILD_STATE_H

#include <stddef.h>

#define STATE_HASH_LEN	33	/* 32 hex digits and the NUL */
#define STATE_NOUTPUTS	5	/* files build writes per deal */

/* The files build writes into OUTDIR/<deal id>/, in the order it renders
 * them: handoff.xml, handoff-package.pdf, intro-email.eml,
 * handoff-notice.eml, timeline.ics. */
extern const char *const state_output_name[STATE_NOUTPUTS];

struct state_entry {
	char	*id;			/* a safe deal id (fs_deal_id_ok) */
	char	 hash[STATE_HASH_LEN];
	char	*path;			/* the deal file; NULL: not known */
};

/*
 * Entries sorted by id (state_find is a binary search).  byid is kept
 * sorted by every call; bypath, an index by path for state_find_path(),
 * is made by state_load() and dropped by any change.
 */
struct state {
	struct state_entry	*v;
	size_t			 n;
	size_t			 cap;
	struct state_entry	**bypath;	/* n entries, or NULL */
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
/* The entry recorded for the deal file path, or NULL (also after any
 * change since state_load). */
struct state_entry *state_find_path(const struct state *st, const char *path);
/* Set id's hash and path (path may be NULL), adding the entry; 0 or -1. */
int	state_set(struct state *st, const char *id, const char *hash,
	    const char *path);
/* Drop id's entry. */
void	state_drop(struct state *st, const char *id);
/* True when the deal file path was last built with this hash and its
 * outputs are still there; *id then borrows the deal's id. */
int	state_unchanged(const struct state *st, const char *path,
	    const char *hash, const char *outdir, const char **id);
/*
 * The hash of the inputs every deal shares, from the files under root
 * and the strings given (version, date, git HEAD); into out.  The fonts
 * count by identity and size and time of change (reading 1.4 MB on every
 * build would cost more than a no-change build itself).
 */
void	state_inputs(char out[STATE_HASH_LEN], const char *root,
	    const char *fontdir, const char *const *extra, size_t nextra);
/*
 * The hash of one deal: the inputs' hash, a salt (whether the deal is
 * committed, so that committing it refreshes its version stamp) and the
 * deal's bytes.
 */
void	state_hash(char out[STATE_HASH_LEN], const char *inputs,
	    const char *salt, const char *data, size_t len);
/* Remove OUTDIR/id's outputs (the files build writes, then the folder
 * when empty).  0 or -1. */
int	state_remove_outputs(const char *outdir, const char *id);

#endif
