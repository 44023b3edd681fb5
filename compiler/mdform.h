/* SPDX-License-Identifier: MIT */
/*
 * mdform.h: the small grammars of the Markdown form (SPEC.md, "Markdown
 * form reference"), shared by parse_front.c, parse_md.c and render_md.c:
 * 'Name <email>', '240000 EUR/year', role cells, commitment trailers,
 * heading and column keys, and the escaping that makes render_md's output
 * parse back to the same text.  Pure functions: no tree, no diagnostics.
 */
#ifndef HANDOFF_MDFORM_H
#define HANDOFF_MDFORM_H

#include <stddef.h>

struct buf;

#define MD_MAX_ROLES	16

/* A malloc'd copy of s[0..len) without leading and trailing white space;
 * NULL when out of memory. */
char	*md_trim_dup(const char *s, size_t len);
/* 3 when s (len bytes) starts with an en or em dash, else 0. */
size_t	 md_dash_len(const char *s, size_t len);
/* s[0..len) without the bytes of seps, en dashes or em dashes at either
 * end, then blanks (malloc'd); NULL when out of memory. */
char	*md_trim_seps(const char *s, size_t len, const char *seps);
/*
 * The lookup key of a heading or column title: ASCII lowercase, '&' as
 * "and", other punctuation, emoji and other symbols as a space, runs of
 * spaces collapsed, trimmed, a leading list number ("1. ", "2) ")
 * dropped.  "Client DNA" -> "client dna", "E-mail" -> "e mail",
 * "\xf0\x9f\x93\x8b 1. Context:" -> "context".  Truncated to outsz - 1
 * bytes.
 */
void	 md_key(const char *s, char *out, size_t outsz);
/*
 * An enumeration value as the schema spells it: trimmed, ASCII lowercase,
 * runs of spaces and underscores as one dash, and the usual spellings
 * ('preclose', 'midmarket': 'value' lines of schemas/read/records.txt)
 * fixed.  malloc'd; NULL when out of memory.
 */
char	*md_enum(const char *s);

/*
 * 'Full Name <name@company.com>', or a name and an address side by side
 * ('Nora Berg, nora@x.example').  Returns 0 when both were read, 1 when not
 * (*name and *email hold what could be read, either may be NULL), -1 when
 * out of memory.  Free both with free().
 */
int	 md_person_parse(const char *s, char **name, char **email);

/*
 * '240000 EUR/year', '240,000 EUR / year', 'EUR 240000 per year',
 * '$1,250.50 / month' (no '90k': amounts are written out).  On 0, *amount is the digits ('240000', '1250.50',
 * malloc'd), cur the upper-case ISO code, *per "year", "month",
 * "quarter", "once" or NULL.  1: malformed; -1: out of memory.
 */
int	 md_money_parse(const char *s, char **amount, char cur[4],
	    const char **per);

/*
 * The Role cell of a stakeholder: roles separated by commas, slashes,
 * semicolons, '&', '+' or 'and', each normalised to the schema's
 * enumeration ('Economic buyer' -> economic-buyer, 'Legal/procurement'
 * -> legal-procurement, 'tech' -> technical); unknown ones are kept as
 * md_enum() spells them.  The word 'primary' sets *primary instead.
 * Fills out[0..*n) (malloc'd, duplicates dropped; at most max).
 * 0, or -1 when out of memory (out freed then).
 */
int	 md_roles_parse(const char *cell, char **out, size_t max, size_t *n,
	    int *primary);
/* True when word is a role word md_roles_parse() knows, or 'primary'. */
int	 md_role_known(const char *word);
/* How a role is written in a table cell: "Economic buyer". Borrowed. */
const char *md_role_label(const char *role);

/*
 * A commitment item 'WHAT (WHO, by YYYY-MM-DD)' (also 'due' for 'by', a
 * bare date, or no date).  Returns 0 when the trailer names who, 1 when
 * it does not (*text is then the whole item and *who NULL), -1 when out
 * of memory.  Each out string is malloc'd or NULL.
 */
int	 md_commitment_parse(const char *s, char **text, char **who,
	    char **due);

/*
 * Append s as a YAML scalar: plain when that reads back the same, else
 * double-quoted with escapes.  0 or -1.
 */
int	 md_put_yaml(struct buf *b, const char *s);
/*
 * Append s as Markdown inline text that cmark-gfm reads back as s: the
 * characters that would start markup are backslash-escaped, line breaks
 * become spaces.  in_cell also escapes '|'.  0 or -1.
 */
int	 md_put_text(struct buf *b, const char *s, int in_cell);
/* The same with the first letter in upper case (ASCII): 'high' -> 'High'. */
int	 md_put_cap(struct buf *b, const char *s, int in_cell);

#endif
