/* SPDX-License-Identifier: MIT */
/*
 * calls_cues.h: key-point classes found by cue words (phase: calls).
 * The cue words come from schemas/call-cues.txt; words are case-folded
 * (utf8proc) and stemmed (libstemmer) before they are compared.
 */
#ifndef HANDOFF_CALLS_CUES_H
#define HANDOFF_CALLS_CUES_H

#include <stddef.h>

struct diag_list;

enum cue_class {
	CUE_COMMITMENT, CUE_OBJECTION, CUE_COMPETITOR, CUE_GOAL, CUE_RISK,
	CUE_DECISION, CUE__MAX
};

struct cues;

/*
 * Load the cue table from the text of call-cues.txt (file names it in
 * messages).  Returns the table (cues_free()) or NULL after a diagnostic.
 */
struct cues	*cues_load(const char *file, const char *text,
		    struct diag_list *dl);
void		 cues_free(struct cues *c);
/* Bit (1 << class) set for each class the sentence belongs to. */
unsigned	 cues_classify(const struct cues *c, const char *sentence);
/* "commitment", ... as in the data file. */
const char	*cues_class_name(enum cue_class k);
/* The heading of the class in '# Call notes'. */
const char	*cues_class_heading(enum cue_class k);

#endif
