/* SPDX-License-Identifier: MIT */
/*
 * pdf_font_cache.h: font subsets and width tables kept between processes
 * (pdf_font_cache.c), for pdf_font.c.
 */
#ifndef HANDOFF_PDF_FONT_CACHE_H
#define HANDOFF_PDF_FONT_CACHE_H

#include <stddef.h>

/*
 * The entry for key in folder dir: 0 and *out (malloc(), *lenp bytes)
 * when it is there whole and checks out, else -1 (a miss).
 */
int	font_cache_get(void **out, size_t *lenp, const char *dir,
	    const void *key, size_t keylen);
/* Store data as the entry for key, atomically, making dir; 0 or -1. */
int	font_cache_put(const char *dir, const void *key, size_t keylen,
	    const void *data, size_t len);

#endif
