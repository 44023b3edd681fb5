/* SPDX-License-Identifier: MIT */
/*
 * render_words.h: the words and numbers the PDF and the web pages show
 * alike (render_words.c).  Plain text; the caller escapes.
 */
#ifndef HANDOFF_RENDER_WORDS_H
#define HANDOFF_RENDER_WORDS_H

#include <libxml/tree.h>

struct buf;

extern const char *const rw_sev_name[4];	/* critical .. low */
extern const char *const rw_stance_name[5];	/* champion .. detractor */
extern const char *const rw_level_name[3];	/* high, medium, low */

/* The text of the element at path under n ("" when there is none);
 * borrowed from the tree. */
const char	*rw_txt(const xmlNode *n, const char *path);
/* The index of s among the n names, or -1. */
int		 rw_index_of(const char *const *names, int n, const char *s);
/* A severity's rank: 0 critical .. 3 low, 4 anything else. */
int		 rw_sev_rank(const char *s);
/* "economic-buyer" -> "Economic buyer" into out (64 bytes); returns
 * out, or a constant. */
const char	*rw_pretty(char out[64], const char *s);
/* "240000" EUR year -> "EUR 240,000 / year", appended to b. */
void		 rw_money(struct buf *b, const xmlNode *v);
/* Dates with a weekday: "2026-11-20 Fri". */
void		 rw_day_label(char out[16], int day);
/* True for the attribute values "true" and "1". */
int		 rw_is_true(const char *v);
/*
 * The basis of a renewal date handoff derived (deal/renewal
 * derived="true", set by read_resolve.c): "signed + 36 months" or
 * "start + 3 years", appended to b.  Returns 1 when the renewal under
 * deal is derived, 0 when it is the AE's own or there is none (b is
 * then left alone).
 */
int		 rw_renewal_basis(struct buf *b, const xmlNode *deal);
/* True when the stakeholder is the primary contact. */
int		 rw_is_primary(const xmlNode *st);
/* True when the stakeholder has the role. */
int		 rw_has_role(const xmlNode *st, const char *role);

#endif
