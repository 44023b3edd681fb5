/* SPDX-License-Identifier: MIT */
/*
 * cmd_status.c: 'handoff status' (not written yet).
 */
#include "cmd.h"

int
cmd_status(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff status\n"))
		return 0;
	cmd_error("status: not implemented yet");
	return 2;
}
