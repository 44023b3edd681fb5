/* SPDX-License-Identifier: MIT */
/*
 * cmd_show.c: 'handoff show' (not written yet).
 */
#include "cmd.h"

int
cmd_show(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff show\n"))
		return 0;
	cmd_error("show: not implemented yet");
	return 2;
}
