/* SPDX-License-Identifier: MIT */
/*
 * html_out.c: escaped HTML into a buffer, and the page frame of the
 * site: the CSP meta tag (default-src 'none'; the inline style and
 * script allowed by their sha256 hashes only), the style sheet embedded
 * from templates/web.css, the "Internal" banner that stays on screen
 * while scrolling and on every printed page.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "digest.h"
#include "fsutil.h"
#include "mime.h"
#include "web/html_out.h"

int
html_esc(struct buf *b, const char *s)
{
	const char	*p;

	if (s == NULL)
		return 0;
	for (p = s; *p != '\0'; p++) {
		const char	*rep = NULL;

		switch (*p) {
		case '&':	rep = "&amp;"; break;
		case '<':	rep = "&lt;"; break;
		case '>':	rep = "&gt;"; break;
		case '"':	rep = "&quot;"; break;
		case '\'':	rep = "&#39;"; break;
		default:	break;
		}
		if (rep == NULL && (unsigned char)*p < 0x20 && *p != '\n' &&
		    *p != '\t')
			rep = " ";
		if (rep != NULL) {
			if (buf_put(b, s, (size_t)(p - s)) == -1 ||
			    buf_puts(b, rep) == -1)
				return -1;
			s = p + 1;
		}
	}
	return buf_put(b, s, (size_t)(p - s));
}

int
html_fmt(struct buf *b, const char *fmt, ...)
{
	va_list		 ap;
	const char	*p;
	int		 rv = 0;

	va_start(ap, fmt);
	for (p = fmt; *p != '\0' && rv == 0; p++) {
		if (*p != '%') {
			rv = buf_putc(b, *p);
			continue;
		}
		p++;
		if (*p == 's')
			rv = html_esc(b, va_arg(ap, const char *));
		else if (*p == 'S')
			rv = buf_puts(b, va_arg(ap, const char *));
		else if (*p == 'd')
			rv = buf_printf(b, "%d", va_arg(ap, int));
		else if (*p == '%')
			rv = buf_putc(b, '%');
		else
			break;
	}
	va_end(ap);
	return rv;
}

int
html_script_hash(char out[64], const char *script)
{
	struct digest	 d;
	unsigned char	 md[DIGEST_SHA256_LEN];
	struct buf	 b64;

	digest_sha256_init(&d);
	digest_update(&d, script, strlen(script));
	digest_final(&d, md);
	buf_init(&b64);
	/* 44 characters: one line, no line break */
	if (mime_base64(&b64, md, sizeof(md)) == -1 || b64.data == NULL) {
		buf_dispose(&b64);
		return -1;
	}
	snprintf(out, 64, "sha256-%s", b64.data);
	buf_dispose(&b64);
	return 0;
}

static const char *
style_sheet(void)
{
	const struct embedded	*e = fs_embedded("templates/web.css");

	return e != NULL ? (const char *)e->data : "";
}

int
html_page_open(struct buf *b, const struct html_page *p)
{
	char	 sh[64], jh[64], rh[64];
	const char *css = style_sheet();

	if (html_script_hash(sh, css) == -1)
		return -1;
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n"
	    "<meta name=\"robots\" content=\"noindex, nofollow\">\n");
	buf_printf(b, "<meta http-equiv=\"Content-Security-Policy\" "
	    "content=\"default-src 'none'; style-src '%s'; img-src data:; "
	    "base-uri 'none'; form-action 'none'", sh);
	if (p->script != NULL || p->refresh != NULL) {
		buf_puts(b, "; script-src");
		if (p->script != NULL) {
			if (html_script_hash(jh, p->script) == -1)
				return -1;
			buf_printf(b, " '%s'", jh);
		}
		if (p->refresh != NULL) {
			if (html_script_hash(rh, p->refresh) == -1)
				return -1;
			buf_printf(b, " '%s'", rh);
			buf_puts(b, "; connect-src 'self'");
		}
	}
	buf_puts(b, "\">\n");
	html_fmt(b, "<title>%s</title>\n<style>", p->title);
	buf_puts(b, css);
	buf_puts(b, "</style>\n</head>\n<body>\n"
	    "<div class=\"internal\" role=\"note\">Internal \xe2\x80\x94 do not "
	    "forward</div>\n<header class=\"top\">");
	if (p->home != NULL && strcmp(p->home, "../index.html") == 0)
		buf_puts(b, "<nav aria-label=\"Site\"><a href=\"../index.html\">"
		    "All deals</a> \xc2\xb7 <a href=\"../audit.html\">Audit</a>"
		    "</nav>");
	else
		buf_puts(b, "<nav aria-label=\"Site\"><a href=\"index.html\">"
		    "All deals</a> \xc2\xb7 <a href=\"audit.html\">Audit</a>"
		    "</nav>");
	buf_puts(b, "</header>\n<main id=\"main\">\n");
	return b->data == NULL ? -1 : 0;
}

int
html_page_close(struct buf *b, const struct html_page *p, const char *footer)
{
	buf_puts(b, "</main>\n<footer class=\"foot\"><p>");
	html_esc(b, footer);
	buf_puts(b, "</p></footer>\n");
	if (p->script != NULL)
		buf_printf(b, "<script>%s</script>\n", p->script);
	if (p->refresh != NULL)
		buf_printf(b, "<script>%s</script>\n", p->refresh);
	return buf_puts(b, "</body>\n</html>\n");
}
