/* SPDX-License-Identifier: MIT */
/*
 * client_fields.c: which of a deal's fields may reach the client (see
 * client_fields.h), for 'check --verbose' and the PDF.
 */
#include "buf.h"
#include "client_fields.h"
#include "model.h"
#include "schema.h"

/* True when the deal has text at the field's path. */
static int
filled(const struct model *m, const struct field *f)
{
	return model_has_text(model_find(m, f->path));
}

/* Append " (a, b)": the shareable, filled columns of a table field. */
static int
columns(struct buf *out, const struct schema *s, const struct model *m,
    const struct field *table)
{
	const struct field	*f;
	size_t			 i;
	int			 n = 0;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		if (f->parent != table || !f->record ||
		    f->audience != AUDIENCE_SHAREABLE || !filled(m, f))
			continue;
		if (buf_printf(out, "%s%s", n ? ", " : " (", f->label) == -1)
			return -1;
		n++;
	}
	return n > 0 ? buf_putc(out, ')') : 0;
}

int
client_fields_list(struct buf *out, const struct schema *s,
    const struct model *m)
{
	const struct field	*f, *p;
	size_t			 i;
	int			 n = 0, covered;

	for (i = 0; i < s->nfields; i++) {
		f = &s->fields[i];
		if (f->audience != AUDIENCE_SHAREABLE || f->record ||
		    !filled(m, f))
			continue;
		/* a shareable, filled ancestor already names it */
		for (covered = 0, p = f->parent; p != NULL && !covered;
		    p = p->parent)
			covered = p->audience == AUDIENCE_SHAREABLE &&
			    p->parent != NULL && filled(m, p);
		if (covered)
			continue;
		if (buf_printf(out, "%s%s", n ? ", " : "", f->label) == -1 ||
		    columns(out, s, m, f) == -1)
			return -1;
		n++;
	}
	return n;
}
