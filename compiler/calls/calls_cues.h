/* SPDX-License-Identifier: MIT */
/*
 * calls_cues.h: key-point classes found by cue words (phase: calls).
 * The cue words come from schemas/call-cues.txt, the stopwords from
 * schemas/call-stopwords.txt; words are case-folded (utf8proc) and
 * stemmed (libstemmer) once per sentence, then compared.
 */
#ifndef HANDOFF_CALLS_CUES_H
#define HANDOFF_CALLS_CUES_H

#include <stddef.h>

#include "calls/calls.h"

struct diag_list;

enum cue_class {
	CUE_COMMITMENT, CUE_OBJECTION, CUE_COMPETITOR, CUE_GOAL, CUE_RISK,
	CUE_DECISION, CUE__MAX
};

/* The languages of the data files: English and German. */
#define CUES_NLANG	2
/* Words of one sentence looked at (the rest is ignored). */
#define CUES_MAX_WORDS	256

struct cues;

/* Where 'calls accept' moves a point of a class: the field's path in the
 * canonical tree ('context/commitments') and the headings to write
 * when the file has no such section. */
struct cue_target {
	char	 path[64];
	char	 h1[64];
	char	 h2[64];
};

/*
 * One sentence, read once: its folded words, their stems in each
 * language, whether each is a stopword of the sentence's language.
 */
struct cues_sent {
	char		*fold;		/* the folded words, NUL-separated */
	char		*stems;		/* the stems, NUL-separated */
	const char	*word[CUES_MAX_WORDS];
	const char	*stem[CUES_NLANG][CUES_MAX_WORDS];
	unsigned char	 stop[CUES_MAX_WORDS];
	size_t		 n;
	int		 digit;		/* the sentence has a digit */
	int		 lang;		/* 0 en, 1 de: the more stopwords */
};

/*
 * Load the cue table from the text of call-cues.txt (file names it in
 * messages).  Returns the table (cues_free()) or NULL after a diagnostic.
 */
struct cues	*cues_load(const char *file, const char *text,
		    struct diag_list *dl);
/* Add the stopwords ('LANG WORD...' lines) of call-stopwords.txt; 0 or
 * -1 after a diagnostic. */
int		 cues_load_stopwords(struct cues *c, const char *file,
		    const char *text, struct diag_list *dl);
void		 cues_free(struct cues *c);
/* Fold, split and stem sentence into *s (cues_sent_dispose()); 0 or -1. */
int		 cues_sent_read(const struct cues *c, const char *sentence,
		    struct cues_sent *s);
void		 cues_sent_dispose(struct cues_sent *s);
/* Bit (1 << class) set for each class the read sentence belongs to. */
unsigned	 cues_classify_sent(const struct cues *c,
		    const struct cues_sent *s);
/* The same for a plain sentence (reads it first). */
unsigned	 cues_classify(const struct cues *c, const char *sentence);
/* "commitment", ... as in the data file. */
const char	*cues_class_name(enum cue_class k);
/* The heading of the class in '# Call notes'. */
const char	*cues_class_heading(enum cue_class k);
/* The class's 'accept' line, or NULL when the data file has none. */
const struct cue_target *cues_class_target(const struct cues *c,
		    enum cue_class k);
/* The class whose '# Call notes' heading is h[0..len), or -1. */
int		 cues_class_of_heading(const char *h, size_t len);
/* Whose sentences count for the class ('side' lines): SIDE_VENDOR,
 * SIDE_CLIENT, or SIDE_UNKNOWN for anyone's. */
enum call_side	 cues_class_side(const struct cues *c, enum cue_class k);

#endif
