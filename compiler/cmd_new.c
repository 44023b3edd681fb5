/* SPDX-License-Identifier: MIT */
/*
 * cmd_new.c: 'handoff new' (not written yet).
 */
#include "cmd.h"

int
cmd_new(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff new\n"))
		return 0;
	cmd_error("new: not implemented yet");
	return 2;
}
