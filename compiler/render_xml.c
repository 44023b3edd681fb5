/* SPDX-License-Identifier: MIT */
/*
 * render_xml.c: the canonical XML back end.  The tree already is the
 * canonical form (both front ends normalise it), so this is its dump:
 * UTF-8, two-space indent, with the XML declaration (model_to_xml()).
 */
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "model.h"
#include "render.h"

int
render_xml(struct buf *out, const struct model *m, struct diag_list *dl)
{
	char	*xml;
	size_t	 len = 0;
	int	 rc;

	if ((xml = model_to_xml(m, &len)) == NULL) {
		diag_add(dl, diag_pos_line(m->file, 0), RULE_OUTPUT,
		    "cannot serialise the canonical XML (out of memory)");
		return -1;
	}
	rc = buf_put(out, xml, len);
	free(xml);
	return rc;
}
