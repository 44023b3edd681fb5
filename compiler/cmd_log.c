/* SPDX-License-Identifier: MIT */
/*
 * cmd_log.c: 'handoff log' (not written yet).
 */
#include "cmd.h"

int
cmd_log(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff log\n"))
		return 0;
	cmd_error("log: not implemented yet");
	return 2;
}
