/* SPDX-License-Identifier: MIT */
/*
 * cmd_templates.c: 'handoff templates' (not written yet).
 */
#include "cmd.h"

int
cmd_templates(const struct cli *cli, int argc, char **argv)
{
	(void)cli;
	if (cmd_wants_help(argc, argv, "usage: handoff templates\n"))
		return 0;
	cmd_error("templates: not implemented yet");
	return 2;
}
