/* SPDX-License-Identifier: MIT */
/*
 * cmd.c: helpers every subcommand shares (help text, error line).  Kept
 * apart from main.c so that the unit tests can link the commands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

void
cmd_error(const char *fmt, ...)
{
	va_list	 ap;

	fputs("handoff: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cmd_wants_help(int argc, char **argv, const char *usage_text)
{
	int	 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(usage_text, stdout);
			return 1;
		}
	}
	return 0;
}

