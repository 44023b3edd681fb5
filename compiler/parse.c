/* SPDX-License-Identifier: MIT */
/* parse.c: placeholder until its owner writes it (see doc/TEAM.md). */
#include <stddef.h>
#include "diag.h"
#include "parse.h"

int
parse_check_bytes(const char *file, const char *data, size_t len,
    const struct limits *lim, struct diag_list *dl)
{
	(void)file; (void)data; (void)len; (void)lim; (void)dl;
	return 0;
}

struct model *
parse_any(const char *file, const char *data, size_t len,
    const struct limits *lim, struct diag_list *dl)
{
	(void)data; (void)len; (void)lim;
	diag_add(dl, diag_pos_line(file, 0), RULE_UNKNOWN_FORMAT, "no front end yet");
	return NULL;
}
