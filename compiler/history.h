/* SPDX-License-Identifier: MIT */
/*
 * history.h: a deal across its versions, for the git commands (commit,
 * log, show, diff, hook, audit).  Glue between vcs.h (which knows git)
 * and session.h (which knows how to check a deal); prints nothing.
 */
#ifndef HANDOFF_HISTORY_H
#define HANDOFF_HISTORY_H

#include <stddef.h>

struct buf;
struct diag_list;
struct model;
struct session;
struct vcs;
struct vcs_version;
struct verdict;

#define HISTORY_DEALS	"deals"		/* the folder of deal files */
#define HISTORY_MAXPATHS 3

/* The repo paths a DEAL argument can name, and the deal's id. */
struct deal_ref {
	char	*id;				/* "nordlicht-energie" */
	char	*path[HISTORY_MAXPATHS];	/* repo paths to try, in order */
	size_t	 npath;
	const char *root;			/* the team repo (borrowed) */
};

/*
 * The team repo at root (a path from the working directory: a session's
 * root) as the start of a repo path: "cs/" when it is the folder cs of
 * a bigger repository (monorepo/cs/handoff.yml, monorepo/cs/deals/),
 * "" when it is the top of the work tree, or outside it, or the
 * repository is bare.  Into buf (bufsz bytes).  0, or -1 when out of
 * memory or it does not fit.
 */
int		 history_prefix(char *buf, size_t bufsz, struct vcs *v,
		    const char *root);
/* The repo path of the team repo's deals/ folder ("cs/deals"), the same
 * way; 0 or -1. */
int		 history_deals_dir(char *buf, size_t bufsz, struct vcs *v,
		    const char *root);

/*
 * Resolve a DEAL argument against the team repo at root (a session's
 * root): a deal id ("acme" gives ROOT/deals/acme.md, .xml, .markdown
 * as repo paths: cs/deals/acme.md in a monorepo) or a file path
 * relative to the current folder.  0, or -1 (out of memory, or a path
 * outside the work tree: see vcs_strerror()).  Dispose with
 * history_ref_dispose().
 */
int		 history_ref(struct deal_ref *out, struct vcs *v,
		    const char *root, const char *arg);
void		 history_ref_dispose(struct deal_ref *r);
/*
 * For a DEAL that names nothing: "; did you mean 'x'?" with the closest
 * deal ids in the team repo's deals/ (deal_name.h), or "" when none is
 * close or r came from a path.  Into b (buf_dispose()); never NULL.
 */
const char	*history_ref_near(struct buf *b, struct vcs *v,
		    const struct deal_ref *r);

/* True when a file name is a deal file (.md, .markdown, .xml). */
int		 history_is_deal(const char *name);

/* The calendar day (days since 1970-01-01) of a time at its offset. */
int		 history_day(long long t, int offset_min);

/*
 * Check one version of a deal as it was when committed: the blob is read
 * as stored and validated with today set to the commit's day.  Returns
 * the model (model_free()) or NULL when it could not be read; *vd and
 * dl say how it went.  *syserr is set on a git failure.
 */
struct model	*history_check(const struct session *s, struct vcs *v,
		    const struct vcs_version *ver, struct verdict *vd,
		    struct diag_list *dl, int *syserr);

/*
 * The same for bytes already read, checked as of day (-1: s->today).
 */
struct model	*history_check_bytes(const struct session *s, const char *file,
		    const char *data, size_t len, int day, struct verdict *vd,
		    struct diag_list *dl);

/*
 * Write (or replace) a git hook that runs 'handoff hook run KIND' with
 * the absolute path of the running binary (falling back to handoff on
 * PATH).  kind is "pre-commit" or "pre-receive".  team is the team
 * repo as a repo path prefix ("cs/" when it is a folder of a bigger
 * repository: the hook then runs with '--team cs'), or "" or NULL.  A
 * hook that handoff did not write is kept unless force is set: then -2.
 * The hook's path goes to *where (free()).  0, -2, or -1 (errno or
 * vcs_strerror()).
 */
int		 history_hook_install(char **where, struct vcs *v,
		    const char *kind, const char *team, int force);

#endif
