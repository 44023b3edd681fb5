/* SPDX-License-Identifier: MIT */
/*
 * cmd_convert.c: 'handoff convert' (not written yet).
 */
#include "cmd.h"

int
cmd_convert(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff convert\n"))
		return 0;
	cmd_error("convert: not implemented yet");
	return 2;
}
