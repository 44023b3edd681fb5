/* SPDX-License-Identifier: MIT */
/*
 * buf.h: a growable byte buffer, always NUL-terminated.
 * Used by every renderer to collect output before it is written atomically.
 */
#ifndef HANDOFF_BUF_H
#define HANDOFF_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* NUL-terminated contents, or NULL when empty */
	size_t	 len;	/* bytes used, without the NUL */
	size_t	 cap;	/* bytes allocated */
};

/* Set *b to empty; no allocation. */
void	buf_init(struct buf *b);
/* Free the contents; *b is empty again. */
void	buf_dispose(struct buf *b);
/* Append len bytes; 0 or -1 when out of memory. */
int	buf_put(struct buf *b, const void *p, size_t len);
/* Append a NUL-terminated string. */
int	buf_puts(struct buf *b, const char *s);
/* Append one byte. */
int	buf_putc(struct buf *b, int c);
/* Append printf-style. */
int	buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));
/* Make room for at least n more bytes. */
int	buf_grow(struct buf *b, size_t n);
/* Forget the contents without freeing (len 0, keeps capacity). */
void	buf_clear(struct buf *b);
/*
 * Hand the contents over: returns the NUL-terminated string (never NULL,
 * free with free()) and leaves *b empty; NULL when out of memory.
 */
char	*buf_detach(struct buf *b);

#endif
