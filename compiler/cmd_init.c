/* SPDX-License-Identifier: MIT */
/*
 * cmd_init.c: 'handoff init' (not written yet).
 */
#include "cmd.h"

int
cmd_init(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff init\n"))
		return 0;
	cmd_error("init: not implemented yet");
	return 2;
}
