/* SPDX-License-Identifier: MIT */
/* render_xml.c: placeholder until its owner writes it (see doc/TEAM.md). */
#include <stddef.h>
#include "render.h"

int
render_xml(struct buf *out, const struct model *m, struct diag_list *dl)
{
	(void)out; (void)m; (void)dl;
	return -1;
}
