/* SPDX-License-Identifier: MIT */
/* render_eml.c: placeholder until its owner writes it (see doc/TEAM.md). */
#include <stddef.h>
#include "render.h"

int
render_eml_intro(struct buf *out, const struct render_ctx *rc, struct diag_list *dl)
{
	(void)out; (void)rc; (void)dl;
	return -1;
}

int
render_eml_notice(struct buf *out, const struct render_ctx *rc,
    const void *pdf, size_t pdflen, struct diag_list *dl)
{
	(void)out; (void)rc; (void)pdf; (void)pdflen; (void)dl;
	return -1;
}
