/* SPDX-License-Identifier: MIT */
/*
 * client_fields.h: which of a deal's fields may reach the client.
 */
#ifndef HANDOFF_CLIENT_FIELDS_H
#define HANDOFF_CLIENT_FIELDS_H

#include <stddef.h>

struct buf;
struct model;
struct schema;

/*
 * Append to out, comma-separated, the labels of the fields the deal
 * fills that the schema marks shareable: the only ones a client-facing
 * template may name (the template compiler refuses the others).  A field
 * is listed once, not its shareable parts (the CSM, not the CSM's
 * e-mail).  Returns how many, or -1 when out of memory.
 */
int	client_fields_list(struct buf *out, const struct schema *s,
	    const struct model *m);

#endif
