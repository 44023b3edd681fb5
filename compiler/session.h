/* SPDX-License-Identifier: MIT */
/*
 * session.h: what a command loads once and shares between deals: the
 * team's config, schema and playbooks, today's date and the clock.  It
 * also chains the phases for one deal: read -> parse -> validate.
 */
#ifndef HANDOFF_SESSION_H
#define HANDOFF_SESSION_H

#include <stddef.h>

#include "config.h"
#include "validate.h"

struct diag_list;
struct model;
struct schema;

struct session {
	char		*root;		/* team repo root ("." by default) */
	struct config	 config;
	struct schema	*schema;
	int		 today;		/* days since epoch (HANDOFF_TODAY) */
	long long	 now;		/* seconds since epoch for Date stamps */
};

/*
 * Open a session rooted at root: read root/handoff.yml (optional) and the
 * schema in root/schemas (or the built-in one).  today and now come from
 * the caller (main reads HANDOFF_TODAY).  Problems go to dl; 0 or -1.
 * Close with session_close().
 */
int	session_open(struct session *s, const char *root, int today,
	    long long now, struct diag_list *dl);
void	session_close(struct session *s);

/*
 * Parse and validate one deal given as bytes (file is the name shown in
 * diagnostics and selects the front end).  Fills *v.  Returns the model
 * (free with model_free()) or NULL when the file could not be read into
 * a tree; either way dl says why.
 */
struct model	*session_check(const struct session *s, const char *file,
		    const char *data, size_t len, struct verdict *v,
		    struct diag_list *dl);
/* The same, reading the file first (bounded by the configured limit). */
struct model	*session_check_file(const struct session *s,
		    const char *path, struct verdict *v,
		    struct diag_list *dl);

#endif
