/* SPDX-License-Identifier: MIT */
/*
 * cmd_audit.c: 'handoff audit' (not written yet).
 */
#include "cmd.h"

int
cmd_audit(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff audit\n"))
		return 0;
	cmd_error("audit: not implemented yet");
	return 2;
}
