/* SPDX-License-Identifier: MIT */
/*
 * diag.h: the one diagnostics path.  Every phase adds to a struct diag_list
 * that the command owns and passes down; only the command prints it, as
 * gcc does (file:line:col: severity: message [rule-id]) or as JSON.
 */
#ifndef HANDOFF_DIAG_H
#define HANDOFF_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "rules.h"

struct buf;

/* A place in a source file.  line counts from 1 (0: unknown); col counts
 * from 0 (as cmark and mandoc store it) and is printed +1; col_known is 0
 * where the front end knows only the line. */
struct srcpos {
	const char	*file;	/* borrowed; NULL: no file */
	unsigned	 line;
	unsigned	 col;
	int		 col_known;
};

struct diag {
	char		*file;	/* owned copy */
	unsigned	 line;
	unsigned	 col;	/* from 0 */
	int		 col_known;
	enum rule_id	 rule;
	enum sev	 sev;
	char		*msg;	/* owned */
	char		*hint;	/* owned; NULL: the rule's hint */
	size_t		 seq;	/* order of insertion, for a stable sort */
	/* A fix-it: the front end says which words to write instead
	 * (fix_from, fix_to; owned, NULL: none); diag_list_resolve_fixes()
	 * finds them in the source and sets where (fix_line 0: not found). */
	char		*fix_from;
	char		*fix_to;
	unsigned	 fix_line;
	unsigned	 fix_col;	/* from 0, bytes */
	unsigned	 fix_end;	/* from 0, bytes, exclusive */
};

struct diag_list {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
	int		 oom;	/* an add failed for lack of memory */
};

/* Position helpers. */
struct srcpos	diag_pos(const char *file, unsigned line, unsigned col);
struct srcpos	diag_pos_line(const char *file, unsigned line);

void	diag_list_init(struct diag_list *l);
void	diag_list_dispose(struct diag_list *l);

/* Add a diagnostic with the rule's severity and hint. */
void	diag_add(struct diag_list *l, struct srcpos pos, enum rule_id rule,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same with a specific hint (e.g. a field's hint from the schema);
 * hint NULL means the rule's. */
void	diag_add_hint(struct diag_list *l, struct srcpos pos,
	    enum rule_id rule, const char *hint, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* The same with an explicit severity, for rules whose weight a stage or
 * the config decides (e.g. a playbook field that is only recommended). */
void	diag_add_sev(struct diag_list *l, struct srcpos pos,
	    enum rule_id rule, enum sev sev, const char *hint,
	    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A fix-it for the diagnostic added last: write to where from stands (at
 * or after its position, on its line).  No-op on an empty list. */
void	diag_set_fix(struct diag_list *l, const char *from, const char *to);
/* Place the fix-its of file's diagnostics in its text (len bytes): a
 * fix whose words are not found on its line is dropped. */
void	diag_list_resolve_fixes(struct diag_list *l, const char *file,
	    const char *text, size_t len);
/* Move every diagnostic of src to the end of dst; src is left empty. */
void	diag_list_move(struct diag_list *dst, struct diag_list *src);

/* Sort by file, line, column, then insertion order. */
void	diag_list_sort(struct diag_list *l);
/* The worst severity, or -1 when the list is empty. */
int	diag_list_worst(const struct diag_list *l);
/* How many diagnostics have severity sev. */
size_t	diag_list_count(const struct diag_list *l, enum sev sev);
/* Exit status for the list: 0 clean (notes, warnings), 1 an error,
 * 2 a system error. */
int	diag_list_status(const struct diag_list *l);

/* Print as text: 'file:line:col: severity: message [rule]' and an
 * indented 'note: hint' line.  Returns 0 or -1. */
int	diag_print_text(FILE *fp, const struct diag_list *l);
/* Append the diagnostics as JSON objects (no brackets) to b, separated by
 * commas; *first tracks whether a comma is due.  Returns 0 or -1. */
int	diag_json_append(struct buf *b, const struct diag_list *l, int *first);
/* Append s as a JSON string literal, quotes included. */
int	diag_json_string(struct buf *b, const char *s);

#endif
