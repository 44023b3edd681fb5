/* SPDX-License-Identifier: MIT */
/* render_pdf.c: placeholder until its owner writes it (see doc/TEAM.md). */
#include <stddef.h>
#include "render.h"

int
render_pdf(struct buf *out, const struct render_ctx *rc, struct diag_list *dl)
{
	(void)out; (void)rc; (void)dl;
	return -1;
}
