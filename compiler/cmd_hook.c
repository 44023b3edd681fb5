/* SPDX-License-Identifier: MIT */
/*
 * cmd_hook.c: 'handoff hook' (not written yet).
 */
#include "cmd.h"

int
cmd_hook(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff hook\n"))
		return 0;
	cmd_error("hook: not implemented yet");
	return 2;
}
