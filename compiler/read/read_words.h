/* SPDX-License-Identifier: MIT */
/*
 * read_words.h: look words up in the readers' word lists, data files
 * under schemas/read/ compiled into the binary.  Each line of a list is
 * 'KIND VALUE WORD...'; a lookup scans the list (they are small), so
 * there is no table to build or free.
 */
#ifndef HANDOFF_READ_WORDS_H
#define HANDOFF_READ_WORDS_H

#include <stddef.h>

/*
 * The VALUE of the line of this kind in list (a path such as
 * "schemas/read/dates.txt") that lists word[0..len), case-insensitively,
 * copied into out (outlen bytes).  1 when found, 0 when not.
 */
int	read_word(const char *list, const char *kind, const char *word,
	    size_t len, char *out, size_t outlen);

/*
 * The idx-th word (from 0) of the line of this kind whose VALUE is value,
 * into out: 1, or 0 when there is no such line or word.
 */
int	read_word_at(const char *list, const char *kind, const char *value,
	    size_t idx, char *out, size_t outlen);

#endif
