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
	}
	free(l->v);
	diag_list_init(l);
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : strdup(s);
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
	d->file = dup_or_null(pos.file);
	d->line = pos.line;
	d->col = pos.col;
	d->col_known = pos.col_known;
	d->rule = rule;
	d->sev = sev;
	d->msg = buf_detach(&msg);
	d->hint = dup_or_null(hint);
	d->seq = l->n;
	l->n++;
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
	size_t			 i;

	for (i = 0; i < l->n; i++) {
		d = &l->v[i];
		if (d->file != NULL && d->line > 0 && d->col_known)
			fprintf(fp, "%s:%u:%u: ", d->file, d->line, d->col + 1);
		else if (d->file != NULL && d->line > 0)
			fprintf(fp, "%s:%u: ", d->file, d->line);
		else if (d->file != NULL)
			fprintf(fp, "%s: ", d->file);
		fprintf(fp, "%s: %s [%s]\n", rule_sev_name(d->sev), d->msg,
		    rule_get(d->rule)->id);
		hint = diag_hint(d);
		if (hint != NULL && *hint != '\0' && d->sev != SEV_NOTE)
			fprintf(fp, "  note: %s\n", hint);
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
		rc |= buf_putc(b, '}');
	}
	return rc ? -1 : 0;
}
