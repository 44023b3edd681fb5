/* SPDX-License-Identifier: MIT */
/*
 * cmd_calls.h: what 'handoff calls add' (cmd_calls.c) and 'calls list' /
 * 'calls accept' (cmd_calls_accept.c) share.
 */
#ifndef HANDOFF_CMD_CALLS_H
#define HANDOFF_CMD_CALLS_H

struct cli;
struct cues;
struct diag_list;

/* The cue table: the team's schemas/call-cues.txt and call-stopwords.txt
 * under root, else the built-in ones; NULL after a diagnostic. */
struct cues	*cmd_calls_cues(const char *root, struct diag_list *dl);
int		 cmd_calls_list(const struct cli *cli, int argc, char **argv);
int		 cmd_calls_accept(const struct cli *cli, int argc, char **argv);

#endif
