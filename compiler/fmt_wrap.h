/* SPDX-License-Identifier: MIT */
/*
 * fmt_wrap.h: the author's line breaks in the canonical Markdown
 * (fmt_wrap.c).
 */
#ifndef HANDOFF_FMT_WRAP_H
#define HANDOFF_FMT_WRAP_H

#include <stddef.h>

struct buf;

/*
 * Break the one-line paragraphs of out (the canonical Markdown of src)
 * where the same paragraph of src was broken across lines.  out is left
 * as it is when nothing fits or the result would read differently.  0,
 * or -1 when out of memory (out unchanged).
 */
int	fmt_wrap_keep(struct buf *out, const char *src, size_t srclen);

#endif
