/* SPDX-License-Identifier: MIT */
/*
 * html_out.h: writing HTML into a struct buf: escaped text and
 * attributes, and the frame every page of the site shares (doctype,
 * Content-Security-Policy that forbids every external load, the inline
 * style sheet from templates/web.css, the "Internal" banner, landmarks).
 */
#ifndef HANDOFF_HTML_OUT_H
#define HANDOFF_HTML_OUT_H

#include <stddef.h>

struct buf;

/* Append s with & < > " ' escaped (safe in text and in quoted
 * attributes).  0 or -1. */
int	html_esc(struct buf *b, const char *s);
/* Append printf-style, every %s argument escaped: use for markup with
 * interpolated values ("<td>%s</td>").  %S appends a string as it is
 * (markup of our own); %d and %% as printf. */
int	html_fmt(struct buf *b, const char *fmt, ...);
/* "sha256-BASE64" of script into out (64 bytes), for the CSP; -1 when
 * out of memory. */
int	html_script_hash(char out[64], const char *script);

/* What the frame of one page needs. */
struct html_page {
	const char	*title;		/* <title>, escaped */
	const char	*script;	/* inline script or NULL */
	const char	*refresh;	/* serve's live-reload script or NULL */
	const char	*home;		/* relative link to the index, "" none */
};

/* The head and the opening of <body> up to <main>; 0 or -1. */
int	html_page_open(struct buf *b, const struct html_page *p);
/* Close <main>, add the footer (and the scripts), close the page. */
int	html_page_close(struct buf *b, const struct html_page *p,
	    const char *footer);

#endif
