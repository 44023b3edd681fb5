/* SPDX-License-Identifier: MIT */
/*
 * vcs.h: versioning with libgit2.  The only file that includes git2.h is
 * vcs.c.  Everything works on the repository the command runs in, found
 * from a folder upwards as git does.
 */
#ifndef HANDOFF_VCS_H
#define HANDOFF_VCS_H

#include <stddef.h>

/*
 * The version stamp of a file for the outputs: the short id of HEAD,
 * with "+dirty" when the work-tree copy of path differs from HEAD's (or
 * is not committed), or "not in git".  Writes a NUL-terminated string
 * into out (at least 64 bytes).  Never fails.
 */
void	vcs_stamp(char *out, size_t outsz, const char *path);

#endif
