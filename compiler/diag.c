/* SPDX-License-Identifier: MIT */
/*
 * diag.c: collect, sort and print diagnostics (see diag.h).  This is the
 * only place that turns the 0-based column into the printed 1-based one.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

struct srcpos
diag_pos(const char *file, unsigned line, unsigned col)
{
	struct srcpos	 p;

	p.file = file;
	p.line = line;
	p.col = col;
	p.col_known = 1;
	return p;
}

struct srcpos
diag_pos_line(const char *file, unsigned line)
{
	struct srcpos	 p;

	p.file = file;
	p.line = line;
	p.col = 0;
	p.col_known = 0;
	return p;
}

void
diag_list_init(struct diag_list *l)
{
	l->v = NULL;
	l->n = 0;
	l->cap = 0;
	l->oom = 0;
}

void
diag_list_dispose(struct diag_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].file);
		free(l->v[i].msg);
		free(l->v[i].hint);
		free(l->v[i].fix_from);
		free(l->v[i].fix_to);
	}
	free(l->v);
	diag_list_init(l);
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : strdup(s);
}

/*
 * A diagnostic quotes the user's values, and it goes to a terminal, an
 * editor or a CI log: a value must not move the cursor, start a new
 * (forged) diagnostic line, or turn the rest of the line around.  With
 * controls set, C0 and C1 controls, DEL, U+2028/U+2029 and the
 * bidirectional controls (U+061C, U+200E/F, U+202A..E, U+2066..9) are
 * written as \n, \t or \u{XXXX} (the text format; JSON escapes its own).
 * Always, a byte that is not UTF-8 (a value cut by "%.60s") becomes
 * U+FFFD, so that the JSON stays UTF-8.  Returns a malloc'd copy, or NULL
 * when out of memory.
 */
static char *
diag_printable(const char *s, int controls)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct buf		 b;
	unsigned		 cp;
	size_t			 n;
	int			 rc = 0;

	buf_init(&b);
	while (rc == 0 && *p != '\0') {
		n = 1;
		cp = *p;
		if (*p >= 0xc2 && *p < 0xe0 && (p[1] & 0xc0) == 0x80) {
			cp = (unsigned)(*p & 0x1f) << 6 | (p[1] & 0x3f);
			n = 2;
		} else if (*p >= 0xe0 && *p < 0xf0 && (p[1] & 0xc0) == 0x80 &&
		    (p[2] & 0xc0) == 0x80) {
			cp = (unsigned)(*p & 0x0f) << 12 |
			    (unsigned)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			n = 3;
		} else if (*p >= 0xf0 && *p < 0xf5 && (p[1] & 0xc0) == 0x80 &&
		    (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80)
			n = 4;
		else if (*p >= 0x80)
			cp = 0xfffd;
		if (!controls && cp != 0xfffd)
			rc = buf_put(&b, p, n);
		else if (cp == '\n')
			rc = buf_puts(&b, "\\n");
		else if (cp == '\r')
			rc = buf_puts(&b, "\\r");
		else if (cp == '\t')
			rc = buf_puts(&b, "\\t");
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    cp == 0x61c || cp == 0x200e || cp == 0x200f ||
		    (cp >= 0x2028 && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			rc = buf_printf(&b, "\\u{%04X}", cp);
		else if (cp == 0xfffd && n == 1)
			rc = buf_puts(&b, "\xef\xbf\xbd");
		else
			rc = buf_put(&b, p, n);
		p += n;
	}
	if (rc != 0) {
		buf_dispose(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static void
diag_vadd(struct diag_list *l, struct srcpos pos, enum rule_id rule,
    enum sev sev, const char *hint, const char *fmt, va_list ap)
{
	struct diag	*d;
	struct buf	 msg;

	if (l->n == l->cap) {
		size_t	 cap = l->cap ? l->cap * 2 : 16;

		if ((d = realloc(l->v, cap * sizeof(*d))) == NULL) {
			l->oom = 1;
			return;
		}
		l->v = d;
		l->cap = cap;
	}
	buf_init(&msg);
	if (buf_vprintf(&msg, fmt, ap) == -1) {
		buf_dispose(&msg);
		l->oom = 1;
		return;
	}
	d = &l->v[l->n];
	d->msg = diag_printable(msg.data != NULL ? msg.data : "", 0);
	buf_dispose(&msg);
	if (d->msg == NULL) {
		l->oom = 1;
		return;
	}
	d->file = dup_or_null(pos.file);
	d->line = pos.line;
	d->col = pos.col;
	d->col_known = pos.col_known;
	d->rule = rule;
	d->sev = sev;
	d->hint = hint != NULL ? diag_printable(hint, 0) : NULL;
	d->fix_from = d->fix_to = NULL;
	d->fix_line = d->fix_col = d->fix_end = 0;
	d->seq = l->n;
	l->n++;
}

void
diag_set_fix(struct diag_list *l, const char *from, const char *to)
{
	struct diag	*d;

	if (l->n == 0 || from == NULL || to == NULL || *from == '\0' ||
	    strpbrk(to, "\r\n") != NULL)
		return;
	d = &l->v[l->n - 1];
	free(d->fix_from);
	free(d->fix_to);
	d->fix_from = strdup(from);
	d->fix_to = strdup(to);
	if (d->fix_from == NULL || d->fix_to == NULL) {
		free(d->fix_from);
		free(d->fix_to);
		d->fix_from = d->fix_to = NULL;
		l->oom = 1;
	}
}

/* Where d's words are in text: on its line, at or after its column. */
static void
diag_place_fix(struct diag *d, const char *text, size_t len)
{
	size_t		 i = 0, e, k, fl = strlen(d->fix_from);
	unsigned	 line = 1;

	while (line < d->line && i < len) {
		const char *nl = memchr(text + i, '\n', len - i);

		if (nl == NULL)
			return;
		i = (size_t)(nl - text) + 1;
		line++;
	}
	if (line != d->line)
		return;
	e = i;
	while (e < len && text[e] != '\n')
		e++;
	for (k = i + (d->col_known ? d->col : 0); k + fl <= e; k++)
		if (memcmp(text + k, d->fix_from, fl) == 0) {
			d->fix_line = d->line;
			d->fix_col = (unsigned)(k - i);
			d->fix_end = (unsigned)(k - i + fl);
			return;
		}
}

void
diag_list_resolve_fixes(struct diag_list *l, const char *file,
    const char *text, size_t len)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].fix_from != NULL && l->v[i].file != NULL &&
		    strcmp(l->v[i].file, file) == 0 && l->v[i].line > 0)
			diag_place_fix(&l->v[i], text, len);
}

void
diag_add(struct diag_list *l, struct srcpos pos, enum rule_id rule,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(l, pos, rule, rule_get(rule)->sev, NULL, fmt, ap);
	va_end(ap);
}

void
diag_add_hint(struct diag_list *l, struct srcpos pos, enum rule_id rule,
    const char *hint, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(l, pos, rule, rule_get(rule)->sev, hint, fmt, ap);
	va_end(ap);
}

void
diag_add_sev(struct diag_list *l, struct srcpos pos, enum rule_id rule,
    enum sev sev, const char *hint, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(l, pos, rule, sev, hint, fmt, ap);
	va_end(ap);
}

void
diag_list_move(struct diag_list *dst, struct diag_list *src)
{
	size_t	 i;

	for (i = 0; i < src->n; i++) {
		if (dst->n == dst->cap) {
			size_t		 cap = dst->cap ? dst->cap * 2 : 16;
			struct diag	*v = realloc(dst->v, cap * sizeof(*v));

			if (v == NULL) {
				dst->oom = 1;
				free(src->v[i].file);
				free(src->v[i].msg);
				free(src->v[i].hint);
				free(src->v[i].fix_from);
				free(src->v[i].fix_to);
				continue;
			}
			dst->v = v;
			dst->cap = cap;
		}
		dst->v[dst->n] = src->v[i];
		dst->v[dst->n].seq = dst->n;
		dst->n++;
	}
	if (src->oom)
		dst->oom = 1;
	free(src->v);
	diag_list_init(src);
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag	*x = a, *y = b;
	int			 c;

	c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_list_sort(struct diag_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), diag_cmp);
}

int
diag_list_worst(const struct diag_list *l)
{
	size_t	 i;
	int	 worst = -1;

	for (i = 0; i < l->n; i++)
		if ((int)l->v[i].sev > worst)
			worst = (int)l->v[i].sev;
	return worst;
}

size_t
diag_list_count(const struct diag_list *l, enum sev sev)
{
	size_t	 i, n = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].sev == sev)
			n++;
	return n;
}

int
diag_list_status(const struct diag_list *l)
{
	int	 w = diag_list_worst(l);

	if (l->oom || w == SEV_SYSTEM)
		return 2;
	return w == SEV_ERROR ? 1 : 0;
}

static const char *
diag_hint(const struct diag *d)
{
	return d->hint != NULL ? d->hint : rule_get(d->rule)->hint;
}

int
diag_print_text(FILE *fp, const struct diag_list *l)
{
	const struct diag	*d;
	const char		*hint;
	char			*file, *msg, *note;
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		d = &l->v[i];
		hint = diag_hint(d);
		file = d->file != NULL ? diag_printable(d->file, 1) : NULL;
		msg = diag_printable(d->msg, 1);
		note = hint != NULL ? diag_printable(hint, 1) : NULL;
		if (file != NULL && d->line > 0 && d->col_known)
			fprintf(fp, "%s:%u:%u: ", file, d->line, d->col + 1);
		else if (file != NULL && d->line > 0)
			fprintf(fp, "%s:%u: ", file, d->line);
		else if (file != NULL)
			fprintf(fp, "%s: ", file);
		fprintf(fp, "%s: %s [%s]\n", rule_sev_name(d->sev),
		    msg != NULL ? msg : d->msg, rule_get(d->rule)->id);
		if (note != NULL && *note != '\0' && d->sev != SEV_NOTE)
			fprintf(fp, "  note: %s\n", note);
		free(file);
		free(msg);
		free(note);
	}
	if (l->oom)
		fprintf(fp, "handoff: out of memory: some diagnostics were lost\n");
	return ferror(fp) ? -1 : 0;
}

int
diag_json_string(struct buf *b, const char *s)
{
	const unsigned char	*p;
	int			 rc = buf_putc(b, '"');

	for (p = (const unsigned char *)s; rc == 0 && *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			rc = buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			rc = buf_puts(b, "\\n");
		else if (*p == '\t')
			rc = buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			rc = buf_printf(b, "\\u%04x", *p);
		else if (p[0] == 0xe2 && p[1] == 0x80 &&
		    (p[2] == 0xa8 || p[2] == 0xa9)) {
			/* U+2028, U+2029: line ends to JavaScript. */
			rc = buf_printf(b, "\\u%04x", 0x2000 + (p[2] - 0x80));
			p += 2;
		}
		else
			rc = buf_putc(b, *p);
	}
	return rc == 0 ? buf_putc(b, '"') : -1;
}

int
diag_json_append(struct buf *b, const struct diag_list *l, int *first)
{
	const struct diag	*d;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; rc == 0 && i < l->n; i++) {
		d = &l->v[i];
		rc |= buf_puts(b, *first ? "\n  {\"file\": " : ",\n  {\"file\": ");
		*first = 0;
		rc |= d->file ? diag_json_string(b, d->file) : buf_puts(b, "null");
		rc |= buf_printf(b, ", \"line\": %u, \"column\": %u",
		    d->line, d->col_known ? d->col + 1 : 0);
		rc |= buf_printf(b, ", \"severity\": \"%s\", \"rule\": \"%s\"",
		    rule_sev_name(d->sev), rule_get(d->rule)->id);
		rc |= buf_puts(b, ", \"message\": ");
		rc |= diag_json_string(b, d->msg);
		rc |= buf_puts(b, ", \"hint\": ");
		rc |= diag_json_string(b, diag_hint(d) ? diag_hint(d) : "");
		if (d->fix_line > 0) {
			rc |= buf_printf(b, ", \"fix\": {\"line\": %u, \"col\": %u,"
			    " \"end_col\": %u, \"text\": ", d->fix_line,
			    d->fix_col + 1, d->fix_end + 1);
			rc |= diag_json_string(b, d->fix_to);
			rc |= buf_putc(b, '}');
		}
		rc |= buf_putc(b, '}');
	}
	return rc ? -1 : 0;
}
