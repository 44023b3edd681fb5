/* SPDX-License-Identifier: MIT */
/*
 * cmd_calls.h: what 'handoff calls add' (cmd_calls.c) and 'calls list' /
 * 'calls accept' (cmd_calls_accept.c) share.
 */
#ifndef HANDOFF_CMD_CALLS_H
#define HANDOFF_CMD_CALLS_H

#include <stddef.h>

#include "config.h"

struct cli;
struct cues;
struct diag_list;

/* A Markdown deal opened by a calls command, with the team's config and
 * cue table. */
struct calls_deal_file {
	char		*path;
	char		*text;
	size_t		 len;
	struct cues	*cues;
	struct config	 cfg;
	char		 root[128];
};

/*
 * Resolve deal (an id or a path) from the team root, refuse a deal that
 * is not Markdown, read it, handoff.yml and the cues: 0, or the exit
 * status after a message (1 the user's to fix, 2 the system's).  Close
 * it either way.
 */
int		 cmd_calls_open(struct calls_deal_file *f, const char *deal,
		    struct diag_list *dl);
void		 cmd_calls_close(struct calls_deal_file *f);

/* The cue table: the team's schemas/call-cues.txt and call-stopwords.txt
 * under root, else the built-in ones; NULL after a diagnostic. */
struct cues	*cmd_calls_cues(const char *root, struct diag_list *dl);
int		 cmd_calls_list(const struct cli *cli, int argc, char **argv);
int		 cmd_calls_accept(const struct cli *cli, int argc, char **argv);

#endif
