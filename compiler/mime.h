/* SPDX-License-Identifier: MIT */
/*
 * mime.h: Internet message pieces for the e-mail back end (render_eml.c):
 * RFC 5322 headers folded under 78 columns, RFC 2047 encoded-words for
 * non-ASCII display names and subjects, RFC 2045 quoted-printable and
 * base64 bodies, and whole MIME messages with deterministic boundaries
 * and Message-IDs.  Everything is CRLF.  Nothing here knows the model.
 *
 * A value that would reach a header is refused when it holds a CR, an LF
 * or any other control character, or is not valid UTF-8: such a value can
 * never start a header of its own (header injection).
 */
#ifndef HANDOFF_MIME_H
#define HANDOFF_MIME_H

#include <stddef.h>

struct buf;

/* The longest header line we write, CRLF not counted (RFC 5322 2.1.1
 * asks for at most 78). */
#define MIME_LINE_MAX	76
/* The longest RFC 2047 encoded-word (RFC 2047 section 2). */
#define MIME_WORD_MAX	75
/* Returned when a value is refused (control character, bad UTF-8, bad
 * address); -1 stays "out of memory". */
#define MIME_EVALUE	(-2)

/* A mailbox: an optional display name and an address. */
struct mime_addr {
	const char	*name;		/* UTF-8 display name or NULL */
	const char	*email;		/* addr-spec: local@domain */
	const void	*origin;	/* caller's tag, returned on refusal */
};

/* A whole message.  Unset pointers are NULL. */
struct mime_msg {
	const char		*seed;		/* deal id (Message-ID) */
	const char		*kind;		/* "intro", "notice" */
	long long		 date;		/* seconds since the epoch */
	struct mime_addr	 from;
	const struct mime_addr	*to;
	size_t			 nto;
	const struct mime_addr	*cc;
	size_t			 ncc;
	const char		*subject;
	const void		*subject_origin;
	const char		*version;	/* X-Handoff-Version */
	int			 unsent;	/* X-Unsent: 1, a draft */
	const char		*text;		/* text/plain (LF or CRLF) */
	const char		*html;		/* text/html, or NULL */
	const void		*attach;	/* attachment, or NULL */
	size_t			 attachlen;
	const char		*attach_name;	/* [A-Za-z0-9._-]+ */
	const char		*attach_type;	/* "application/pdf" */
};

/* 0 when s may go into a header (valid UTF-8, no control character);
 * -1 otherwise, with *off (when not NULL) set to the offending byte. */
int	mime_value_ok(const char *s, size_t *off);
/* 0 when s is a plain ASCII addr-spec (dot-atom '@' domain); else -1. */
int	mime_email_ok(const char *s);

/*
 * Append text as RFC 2047 encoded-words ("=?UTF-8?Q?…?=" or B, whichever
 * is shorter), each at most maxword bytes (<= MIME_WORD_MAX), separated
 * by CRLF SP, never splitting a UTF-8 sequence.  For tests and callers
 * that fold by hand.  0, -1, or MIME_EVALUE.
 */
int	mime_encode_words(struct buf *out, const char *text, size_t maxword);

/*
 * Append an unstructured header ("Subject: …" CRLF): as is when plain
 * ASCII, else as encoded-words; folded so that no line is longer than
 * MIME_LINE_MAX.  0, -1, or MIME_EVALUE (nothing appended).
 */
int	mime_header_text(struct buf *out, const char *name,
	    const char *value);
/*
 * Append an address header ("To: Name <a@b>, …" CRLF) for n mailboxes:
 * display names quoted when they hold specials, encoded when non-ASCII;
 * folded.  0, -1, or MIME_EVALUE with *bad set to the origin of the
 * mailbox refused (nothing appended).
 */
int	mime_header_addrs(struct buf *out, const char *name,
	    const struct mime_addr *v, size_t n, const void **bad);
/* Append "Date: Thu, 19 Nov 2026 09:00:00 +0000" CRLF (RFC 5322 3.3). */
int	mime_header_date(struct buf *out, long long now);

/*
 * Append len bytes as quoted-printable (RFC 2045 6.7): line ends in the
 * input (LF or CRLF) become CRLF, lines are soft-broken at 76 columns
 * without splitting an escape or a UTF-8 sequence.  No final CRLF is
 * added after the last line when the input has none.
 */
int	mime_qp(struct buf *out, const char *s, size_t len);
/* Append base64 (RFC 2045 6.8) in lines of 76 characters, CRLF between
 * lines, none after the last. */
int	mime_base64(struct buf *out, const void *data, size_t len);

/* A 64-bit FNV-1a hash, chained through h (start with MIME_HASH_INIT). */
#define MIME_HASH_INIT	0xcbf29ce484222325ULL
unsigned long long mime_hash(unsigned long long h, const void *p, size_t len);

/*
 * Append the whole message: headers, then text/plain alone, or
 * multipart/alternative (text + html), wrapped in multipart/mixed with
 * the attachment when there is one.  Boundaries and the Message-ID
 * (<seed.kind.HASH@domain of From>) are derived from the content, so the
 * same input gives the same bytes.  Returns 0, -1 (out of memory) or
 * MIME_EVALUE with *bad set to the origin of the refused value (NULL
 * when it has none); nothing is appended then.
 */
int	mime_message(struct buf *out, const struct mime_msg *msg,
	    const void **bad);

#endif
