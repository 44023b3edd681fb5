/* SPDX-License-Identifier: MIT */
/*
 * mustache_priv.h: the compiled form of a Mustache template, shared by
 * the compiler (mustache_compile.c) and the renderer (mustache_render.c)
 * and by nothing else.
 *
 * A template is an array of operations.  An operation with a body
 * (section, inverted section, parent, block) at index i owns the
 * operations i+1 .. end-1.  Names that are looked up in the data are
 * split at the dots once, at compile time, into segs[seg .. seg+nseg).
 */
#ifndef HANDOFF_MUSTACHE_PRIV_H
#define HANDOFF_MUSTACHE_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "mustache.h"

enum op_kind {
	OP_TEXT,
	OP_VAR,		/* {{name}} */
	OP_RAW,		/* {{{name}}}, {{&name}} */
	OP_SECTION,	/* {{#name}} */
	OP_INVERTED,	/* {{^name}} */
	OP_PARTIAL,	/* {{>name}} */
	OP_PARENT,	/* {{<name}} */
	OP_BLOCK,	/* {{$name}} */
	/* tokens only, never operations */
	TK_CLOSE,	/* {{/name}} */
	TK_COMMENT,	/* {{!…}} */
	TK_DELIM	/* {{=<% %>=}} */
};

#define F_DYNAMIC	0x01	/* {{>*name}}: name is looked up */
#define F_STANDALONE	0x02	/* the tag was alone on its line */
#define F_ARG		0x04	/* a block directly inside a parent */
#define F_REMOVED	0x08	/* token: whitespace of a standalone line */
#define F_DOT		0x10	/* the name is "." (the top of the stack) */

struct op {
	unsigned char	 kind;
	unsigned char	 flags;
	uint32_t	 seg;	/* looked-up names: the first segment */
	uint32_t	 nseg;	/* and how many */
	uint32_t	 off;	/* text, or the name */
	uint32_t	 len;
	uint32_t	 end;	/* bodies: index after the body */
	uint32_t	 ioff;	/* indentation (partials, parents, blocks) */
	uint32_t	 ilen;
	uint32_t	 line;	/* from 1 */
	uint32_t	 col;	/* from 0 */
};

struct span {
	uint32_t	 off;
	uint32_t	 len;
	uint32_t	 line;
	uint32_t	 col;
};

struct mustache {
	char			*name;
	char			*file;
	char			*src;
	size_t			 srclen;
	struct op		*ops;
	size_t			 nops;
	struct mustache_seg	*segs;	/* name segments, into src */
	size_t			 nsegs;
	struct span		*comments;
	size_t			 ncomments;
};

struct mustache_set {
	struct mustache	**v;
	size_t		  n;
	size_t		  cap;
};

/* Does an operation of this kind own a body? */
static inline int
mustache_has_body(int kind)
{
	return kind == OP_SECTION || kind == OP_INVERTED ||
	    kind == OP_PARENT || kind == OP_BLOCK;
}

#endif
