/* SPDX-License-Identifier: MIT */
/* templates.c: placeholder until its owner writes it (see doc/TEAM.md). */
#include <stddef.h>
#include "templates.h"

struct templates *
templates_load(const char *root, const struct schema *s,
    const struct limits *lim, struct diag_list *dl)
{
	(void)root; (void)s; (void)lim; (void)dl;
	return NULL;
}

void
templates_free(struct templates *t)
{
	(void)t;
}

int
templates_has(const struct templates *t, const char *name)
{
	(void)t; (void)name;
	return 0;
}

int
templates_render(struct buf *out, const struct templates *t, const char *name,
    const struct render_ctx *rc, struct diag_list *dl)
{
	(void)out; (void)t; (void)name; (void)rc; (void)dl;
	return -1;
}
