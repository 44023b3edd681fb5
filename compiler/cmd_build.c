/* SPDX-License-Identifier: MIT */
/*
 * cmd_build.c: 'handoff build' (not written yet).
 */
#include "cmd.h"

int
cmd_build(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff build\n"))
		return 0;
	cmd_error("build: not implemented yet");
	return 2;
}
