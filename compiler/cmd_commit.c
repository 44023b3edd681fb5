/* SPDX-License-Identifier: MIT */
/*
 * cmd_commit.c: 'handoff commit' (not written yet).
 */
#include "cmd.h"

int
cmd_commit(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff commit\n"))
		return 0;
	cmd_error("commit: not implemented yet");
	return 2;
}
