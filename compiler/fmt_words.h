/* SPDX-License-Identifier: MIT */
/*
 * fmt_words.h: the words 'handoff fmt' must keep when it rewrites a file
 * (fmt_words.c says which words count).
 */
#ifndef HANDOFF_FMT_WORDS_H
#define HANDOFF_FMT_WORDS_H

#include <stddef.h>

/* Blank out, in place, the names of the form in a Markdown text:
 * heading lines, front-matter keys, table header rows. */
void	fmt_words_mask_form(char *t, size_t len);

/*
 * 1 with the first word of old that new lacks in miss (or the reason,
 * when a text is not UTF-8 or memory ran out); 0 when every word of old
 * but the form's is in new.
 */
int	fmt_words_lost(const char *old, size_t olen, const char *new,
	    size_t nlen, char *miss, size_t misssz);

#endif
