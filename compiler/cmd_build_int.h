/* SPDX-License-Identifier: MIT */
/*
 * cmd_build_int.h: what the files of 'handoff build' share (not for use
 * outside cmd_build*.c).  cmd_build.c is the command: options, set-up,
 * the workers, the report; cmd_build_deal.c builds one deal (read,
 * check, render everything in memory, write); cmd_build_list.c finds the
 * deals, shards them, settles duplicate ids after the run and keeps
 * OUTDIR/.handoff-state up to date.
 */
#ifndef HANDOFF_CMD_BUILD_INT_H
#define HANDOFF_CMD_BUILD_INT_H

#include <pthread.h>
#include <stddef.h>

#include "build_state.h"
#include "diag.h"
#include "session.h"

struct cli;
struct pdf_fonts;
struct templates;

enum job_result {
	JOB_BUILT,
	JOB_UNCHANGED,
	JOB_FAILED
};

/* One deal to build: the file, and what building it gave. */
struct job {
	char			*path;	/* as given, or deals/NAME */
	char			*id;	/* deal id once parsed (owned) */
	char			*web_id;	/* the id of its index row, even
						 * when it fails check (owned) */
	struct diag_list	 dl;	/* this deal's diagnostics only */
	struct diag_list	 held;	/* check's, of a deal that passed it:
					 * printed only if the build fails */
	enum job_result		 result;
	char			 hash[STATE_HASH_LEN];	/* deal + inputs */
};

/* What every worker shares; read-only while the workers run, but for
 * the job counters and the fonts (made on first use), which the mutex
 * guards, and the audit page, made by the one worker that takes it and
 * read after the workers are joined. */
struct vcs_stamper;
struct web_audit;

struct build {
	const struct cli	*cli;
	struct session		 s;
	struct templates	*t;
	const char		*outdir;
	const char		*rev;		/* NULL: the work tree */
	char			 rev_short[64];
	int			 force;
	int			 html;		/* write the site (not --no-html) */
	struct state		 state;		/* previous build */
	char			 inputs[STATE_HASH_LEN];
	struct job		*jobs;
	size_t			 njobs;
	size_t			 next;		/* the next job to take */
	size_t			 done;
	struct pdf_fonts	*fonts;		/* NULL: not read (yet) */
	int			 fonts_tried;
	int			 vcs;		/* vcs_lib_init() held */
	struct vcs_stamper	*stamper;	/* version stamps of the work tree */
	int			 audit_wanted;	/* a worker is to make the audit
						 * page (taken under the lock) */
	struct web_audit	*audit;		/* the page made, or NULL */
	pthread_mutex_t		 lock;
};

/* cmd_build_deal.c */
/*
 * Build one deal (force: even when unchanged).  Every problem goes to
 * j->dl; j->result says what happened.  Touches nothing shared but its
 * own outputs and, under the lock, the fonts.
 */
void	 build_one(struct build *b, struct job *j, int force);

/* cmd_build_list.c */
/* Every .md and .xml file in deals/, sorted (at --rev: in that tree);
 * 0 or -1.  Free each string and the array. */
int	 build_list_deals(char ***out, size_t *np, const char *rev);
/* The shard key of a deal file: stable across machines and runs. */
unsigned long long build_shard_hash(const char *path);
/* deals/x.md and deals/x.xml are one deal twice: the later one fails
 * before anything is built. */
void	 build_check_stems(struct build *b);
/* Two files with one deal id: the first (in input order) keeps its
 * outputs, whatever the threads did; the others fail. */
void	 build_check_duplicates(struct build *b);
/* Record what was built in the state, forget what failed, and when
 * whole (every deal considered) remove the outputs of deals that are
 * gone; then save the state.  0 or -1 (errno). */
int	 build_update_state(struct build *b, char **all, size_t nall,
	    int whole);

#endif
