/* SPDX-License-Identifier: MIT */
/*
 * cmd_diff.c: 'handoff diff' (not written yet).
 */
#include "cmd.h"

int
cmd_diff(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff diff\n"))
		return 0;
	cmd_error("diff: not implemented yet");
	return 2;
}
