/* SPDX-License-Identifier: MIT */
/*
 * calls.h: call transcripts (phase: calls).  The readers turn a
 * transcript file (WebVTT from Zoom or Teams, SRT, Otter.ai text, Google
 * Meet text, Gong JSON) into one list of cues; the analysers find the
 * speakers, the key points and the extracted sentences; calls_notes.c
 * writes them into the deal file as suggestions.
 */
#ifndef HANDOFF_CALLS_H
#define HANDOFF_CALLS_H

#include <stddef.h>

struct diag_list;

/* Largest transcript read (a one-hour call is well under 1 MiB). */
#define CALLS_MAX_BYTES		(16u * 1024u * 1024u)
/* Most cues in one transcript. */
#define CALLS_MAX_CUES		200000u

enum call_format {
	CALL_FMT_UNKNOWN, CALL_FMT_VTT, CALL_FMT_SRT, CALL_FMT_OTTER,
	CALL_FMT_MEET, CALL_FMT_GONG
};

/* Which side of the table a speaker sits on. */
enum call_side { SIDE_UNKNOWN, SIDE_VENDOR, SIDE_CLIENT };

/* One cue: who said what, when (milliseconds from the start). */
struct call_cue {
	long		 start_ms;
	long		 end_ms;	/* -1 when the format has no end time */
	char		*speaker;	/* as the transcript spells it, or "" */
	char		*text;
	unsigned	 line;		/* in the transcript file */
};

/* A speaker the transcript names with more than a label (Gong parties). */
struct call_party {
	char		*name;		/* "" when unknown */
	char		*email;		/* "" when unknown */
	enum call_side	 side;		/* from Gong's affiliation, or unknown */
};

/* A transcript read into cues. */
struct call {
	enum call_format  format;
	struct call_cue	 *cues;
	size_t		  ncues, cap;
	char		 *title;	/* Meet title line, or NULL */
	char		 *date;		/* YYYY-MM-DD found in the file, or NULL */
	struct call_party *parties;	/* Gong: who the speaker labels are */
	size_t		  nparties;
};

void	call_init(struct call *c);
void	call_dispose(struct call *c);
/* Append a cue (copies speaker and text, trimmed); 0 or -1. */
int	call_add_cue(struct call *c, long start_ms, long end_ms,
	    const char *speaker, size_t slen, const char *text, size_t tlen,
	    unsigned line);
/* Append a party (copies); 0 or -1. */
int	call_add_party(struct call *c, const char *name, const char *email,
	    enum call_side side);
/* The party whose name is speaker, or NULL. */
const struct call_party *call_party_of(const struct call *c,
	    const char *speaker);
/* The format's name for messages ("WebVTT", "Gong JSON", ...). */
const char *call_format_name(enum call_format f);

/* Recognise the format by content (never by extension). */
enum call_format calls_detect_format(const char *data, size_t len);

/*
 * Read a transcript: check the bytes, recognise the format, parse, and
 * check the cues are in time order.  Problems go to dl with file:line;
 * returns 0, or -1 when the file is unusable.
 */
int	calls_read(struct call *out, const char *file, const char *data,
	    size_t len, struct diag_list *dl);

/* The readers, one per format.  0 or -1 after adding a diagnostic. */
int	calls_read_vtt(struct call *out, const char *file, const char *data,
	    size_t len, struct diag_list *dl);
int	calls_read_srt(struct call *out, const char *file, const char *data,
	    size_t len, struct diag_list *dl);
int	calls_read_otter(struct call *out, const char *file, const char *data,
	    size_t len, struct diag_list *dl);
int	calls_read_meet(struct call *out, const char *file, const char *data,
	    size_t len, struct diag_list *dl);
int	calls_read_gong(struct call *out, const char *file, const char *data,
	    size_t len, struct diag_list *dl);

/* Content tests used by calls_detect_format() (one per reader file). */
int	calls_is_otter(const char *data, size_t len);
int	calls_is_meet(const char *data, size_t len);
/*
 * An Otter.ai speaker line "Name  M:SS" (or "Name  H:MM:SS"): the name
 * length and the time, or 0 when l is not one.
 */
size_t	calls_otter_head(const char *l, size_t n, long *ms);
/* Milliseconds a text of n bytes takes to say (about 15 bytes a second),
 * for formats that give no end time. */
long	calls_speak_ms(size_t n);

/*
 * Parse "[H:]MM:SS[.mmm|,mmm]" (hours optional and unpadded as Teams
 * writes them) at s; the number of bytes used, or 0 when it is not a
 * timestamp.  *ms gets the time.
 */
/* True when l (n bytes) holds "-->". */
int	calls_has_arrow(const char *l, size_t n);
size_t	calls_parse_time(const char *s, size_t len, long *ms);
/*
 * One line of data starting at *pos: sets line and llen, advances pos
 * past the newline (CR LF or LF); 0 at the end.
 */
int	calls_next_line(const char *data, size_t len, size_t *pos,
	    const char **line, size_t *llen);

#endif
