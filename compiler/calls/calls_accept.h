/* SPDX-License-Identifier: MIT */
/*
 * calls_accept.h: the suggestions of a deal file's '# Call notes', and
 * accepting them into their pillar (phase: calls).
 */
#ifndef HANDOFF_CALLS_ACCEPT_H
#define HANDOFF_CALLS_ACCEPT_H

#include <stddef.h>

struct buf;
struct cues;
struct model;

/* One '- [?]' or '- [x]' item of '# Call notes', numbered from 1 in file
 * order (accepting one does not renumber the others). */
struct call_point {
	size_t	 mark;		/* offset of the '?' or 'x' */
	size_t	 text;		/* offset of what follows '- [?] ' */
	size_t	 end;		/* offset of the end of the line */
	int	 cls;		/* enum cue_class, or -1: under no class */
	int	 accepted;	/* '[x]' */
	char	 date[16];	/* of the '## Call of DATE (file)' above */
	unsigned line;
};

struct call_points {
	struct call_point	*v;
	size_t			 n;
};

/* The points of deal (NUL-terminated) into p (calls_points_dispose()).
 * 0 or -1 (out of memory). */
int	calls_points_read(struct call_points *p, const char *deal);
void	calls_points_dispose(struct call_points *p);

/*
 * The deal text with points which[0..n) (indices into p) accepted into
 * out: each marked '[x]' where it is, and a line for it written at the
 * end of its pillar's field (the '## Commitments' the file already has,
 * whatever its heading says, read from m), made when missing.  Every
 * other byte of deal stays.  0 or -1 (out of memory).
 */
int	calls_accept(struct buf *out, const char *deal,
	    const struct call_points *p, const size_t *which, size_t n,
	    const struct model *m, const struct cues *cues);

#endif
