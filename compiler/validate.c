/* SPDX-License-Identifier: MIT */
/* validate.c: being written by the lead. */
#include <string.h>
#include "validate.h"

int
validate_model(struct verdict *out, const struct model *m,
    const struct schema *s, const struct config *c, int today,
    struct diag_list *dl)
{
	(void)m; (void)s; (void)c; (void)today; (void)dl;
	memset(out, 0, sizeof(*out));
	out->signed_day = out->deadline = -1;
	return 0;
}

int
validate_is_placeholder(const char *text)
{
	(void)text;
	return 0;
}

const char *
validate_stage_name(enum stage s)
{
	return s == STAGE_SIGNED ? "signed" : s == STAGE_PRE_CLOSE ? "pre-close" : "unknown";
}
