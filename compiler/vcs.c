/* SPDX-License-Identifier: MIT */
/* vcs.c: placeholder until its owner writes it (see doc/TEAM.md). */
#include <stdio.h>
#include "vcs.h"

void
vcs_stamp(char *out, size_t outsz, const char *path)
{
	(void)path;
	snprintf(out, outsz, "not in git");
}
