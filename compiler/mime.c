/* SPDX-License-Identifier: MIT */
/*
 * mime.c: Internet message pieces (see mime.h): header folding (RFC 5322
 * 2.2.3), encoded-words (RFC 2047), quoted-printable and base64 (RFC 2045),
 * RFC 2231 parameter continuations, and whole MIME messages.
 *
 * Headers are written through a small writer that knows the column it is
 * at: a token that would pass MIME_LINE_MAX goes to a new line (CRLF SP),
 * and encoded-words are cut to fit the room left on the line, at UTF-8
 * character boundaries.  Boundaries and Message-IDs come from a hash of
 * the content, so a rebuild of the same deal gives the same bytes.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "mime.h"
#include "timeline.h"

/* Below this much room on a line an encoded-word starts a new line. */
#define MIME_WORD_MIN	24
/* Words longer than this in a phrase or subject force encoded-words, so
 * that the header can still be folded. */
#define MIME_ATOM_MAX	60

/* A header being written: the buffer and the column reached. */
struct hw {
	struct buf	*b;
	size_t		 col;
};

enum qb {
	ENC_Q,
	ENC_B
};

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char hexd[] = "0123456789ABCDEF";

/*
 * The length of the valid UTF-8 sequence at s (at most n bytes), or 0
 * when it is not one (overlong forms, surrogates, > U+10FFFF refused).
 */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t		 len, i;
	unsigned long	 cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

int
mime_value_ok(const char *s, size_t *off)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), i = 0, k;

	while (i < n) {
		if (p[i] < 0x20 || p[i] == 0x7f || (k = utf8_seq(p + i,
		    n - i)) == 0) {
			if (off != NULL)
				*off = i;
			return -1;
		}
		/* C1 controls (U+0080..U+009F) are controls too. */
		if (k == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0) {
			if (off != NULL)
				*off = i;
			return -1;
		}
		i += k;
	}
	return 0;
}

/* RFC 5322 atext: what may appear in an atom without quoting. */
static int
is_atext(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

int
mime_email_ok(const char *s)
{
	const char	*at, *p;
	size_t		 n = strlen(s);

	if (n < 3 || n > 254 || (at = strchr(s, '@')) == NULL ||
	    strchr(at + 1, '@') != NULL || at == s || at[1] == '\0')
		return -1;
	/* local part: dot-atom */
	if (s[0] == '.' || at[-1] == '.')
		return -1;
	for (p = s; p < at; p++)
		if (!(is_atext((unsigned char)*p) ||
		    (*p == '.' && p[1] != '.')))
			return -1;
	/* domain: labels of letters, digits and '-' */
	if (at[1] == '.' || at[1] == '-' || s[n - 1] == '.' || s[n - 1] == '-')
		return -1;
	for (p = at + 1; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' ||
		    (*p == '.' && p[1] != '.')))
			return -1;
	return 0;
}

/* ---- RFC 2047 encoded-words --------------------------------------------- */

/* Q may leave these as they are, even in a phrase (RFC 2047 5 (3)). */
static int
q_plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '!' || c == '*' || c == '+' ||
	    c == '-' || c == '/' || c == ' ';
}

static size_t
q_cost(unsigned char c)
{
	return q_plain(c) ? 1 : 3;
}

/* Q (readable for mostly-Latin text) unless it is a third longer than
 * B for the whole text. */
static enum qb
qb_choose(const char *s, size_t n)
{
	size_t	 i, q = 0, b = (n + 2) / 3 * 4;

	for (i = 0; i < n; i++)
		q += q_cost((unsigned char)s[i]);
	return q <= b + b / 3 ? ENC_Q : ENC_B;
}

/*
 * How many bytes of s (n bytes, valid UTF-8) fit in an encoded text of
 * at most budget characters, whole characters only (at least one).
 */
static size_t
qb_take(const char *s, size_t n, enum qb enc, size_t budget)
{
	size_t	 i = 0, k, j, cost = 0, add;

	while (i < n) {
		k = utf8_seq((const unsigned char *)s + i, n - i);
		if (k == 0)
			k = 1;
		if (enc == ENC_Q) {
			for (add = 0, j = 0; j < k; j++)
				add += q_cost((unsigned char)s[i + j]);
			if (i > 0 && cost + add > budget)
				break;
			cost += add;
		} else if (i > 0 && (i + k + 2) / 3 * 4 > budget)
			break;
		i += k;
	}
	return i;
}

/* Append one encoded-word for the n bytes of s. */
static int
qb_word(struct buf *b, const char *s, size_t n, enum qb enc)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;
	int			 rc = 0;

	rc |= buf_puts(b, enc == ENC_Q ? "=?UTF-8?Q?" : "=?UTF-8?B?");
	if (enc == ENC_Q) {
		for (i = 0; i < n; i++) {
			if (p[i] == ' ')
				rc |= buf_putc(b, '_');
			else if (q_plain(p[i]))
				rc |= buf_putc(b, p[i]);
			else
				rc |= buf_printf(b, "=%c%c", hexd[p[i] >> 4],
				    hexd[p[i] & 15]);
		}
	} else
		rc |= mime_base64(b, s, n);
	rc |= buf_puts(b, "?=");
	return rc ? -1 : 0;
}

int
mime_encode_words(struct buf *out, const char *text, size_t maxword)
{
	size_t	 n = strlen(text), i = 0, k;
	enum qb	 enc;

	if (mime_value_ok(text, NULL) == -1)
		return MIME_EVALUE;
	if (maxword > MIME_WORD_MAX)
		maxword = MIME_WORD_MAX;
	if (maxword < MIME_WORD_MIN)
		maxword = MIME_WORD_MIN;
	enc = qb_choose(text, n);
	while (i < n) {
		k = qb_take(text + i, n - i, enc, maxword - 12);
		if (i > 0 && buf_puts(out, "\r\n ") == -1)
			return -1;
		if (qb_word(out, text + i, k, enc) == -1)
			return -1;
		i += k;
	}
	return 0;
}

/* ---- the header writer -------------------------------------------------- */

static int
hw_begin(struct hw *h, struct buf *b, const char *name)
{
	h->b = b;
	h->col = strlen(name) + 1;
	if (buf_puts(b, name) == -1 || buf_putc(b, ':') == -1)
		return -1;
	return 0;
}

/* A token, after a space; on a new line when it would not fit. */
static int
hw_token(struct hw *h, const char *s, size_t n)
{
	if (h->col + 1 + n > MIME_LINE_MAX && h->col > 1) {
		if (buf_puts(h->b, "\r\n") == -1)
			return -1;
		h->col = 0;
	}
	if (buf_putc(h->b, ' ') == -1 || buf_put(h->b, s, n) == -1)
		return -1;
	h->col += 1 + n;
	return 0;
}

/* Encoded-words for s, each cut to the room left on its line. */
static int
hw_encoded(struct hw *h, const char *s, size_t n)
{
	size_t	 i = 0, k, avail, start;
	enum qb	 enc = qb_choose(s, n);

	while (i < n) {
		avail = h->col + 1 < MIME_LINE_MAX ?
		    MIME_LINE_MAX - h->col - 1 : 0;
		if (avail < MIME_WORD_MIN) {
			if (buf_puts(h->b, "\r\n") == -1)
				return -1;
			h->col = 0;
			avail = MIME_LINE_MAX - 1;
		}
		if (avail > MIME_WORD_MAX)
			avail = MIME_WORD_MAX;
		k = qb_take(s + i, n - i, enc, avail - 12);
		start = h->b->len;
		if (buf_putc(h->b, ' ') == -1 ||
		    qb_word(h->b, s + i, k, enc) == -1)
			return -1;
		h->col += h->b->len - start;
		i += k;
	}
	return 0;
}

static int
hw_end(struct hw *h)
{
	return buf_puts(h->b, "\r\n");
}

/* True when s must go out as encoded-words: non-ASCII, something that
 * looks like an encoded-word already, or a word too long to fold. */
static int
needs_words(const char *s)
{
	size_t	 run = 0;

	if (strstr(s, "=?") != NULL)
		return 1;
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80)
			return 1;
		run = *s == ' ' ? 0 : run + 1;
		if (run > MIME_ATOM_MAX)
			return 1;
	}
	return 0;
}

/* The words of s (split at spaces) as tokens. */
static int
hw_words(struct hw *h, const char *s)
{
	const char	*e;

	for (;;) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			return 0;
		for (e = s; *e != '\0' && *e != ' '; e++)
			continue;
		if (hw_token(h, s, (size_t)(e - s)) == -1)
			return -1;
		s = e;
	}
}

int
mime_header_text(struct buf *out, const char *name, const char *value)
{
	struct buf	 b;
	struct hw	 h;
	int		 rc = -1;

	if (mime_value_ok(value, NULL) == -1)
		return MIME_EVALUE;
	buf_init(&b);
	if (hw_begin(&h, &b, name) == -1)
		goto out;
	if (needs_words(value)) {
		while (*value == ' ')
			value++;
		if (hw_encoded(&h, value, strlen(value)) == -1)
			goto out;
	} else if (hw_words(&h, value) == -1)
		goto out;
	if (hw_end(&h) == -1 || buf_put(out, b.data, b.len) == -1)
		goto out;
	rc = 0;
out:
	buf_dispose(&b);
	return rc;
}

/* True when the phrase is atoms and spaces only (no quoting needed). */
static int
phrase_is_atoms(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && !is_atext((unsigned char)*s))
			return 0;
	return 1;
}

/* A display name: atoms, a quoted-string, or encoded-words. */
static int
hw_phrase(struct hw *h, const char *name)
{
	struct buf	 q;
	const char	*p;
	int		 rc = -1;

	while (*name == ' ')
		name++;
	if (needs_words(name))
		return hw_encoded(h, name, strlen(name));
	if (phrase_is_atoms(name))
		return hw_words(h, name);
	buf_init(&q);
	if (buf_putc(&q, '"') == -1)
		goto out;
	for (p = name; *p != '\0'; p++)
		if (((*p == '"' || *p == '\\') && buf_putc(&q, '\\') == -1) ||
		    buf_putc(&q, *p) == -1)
			goto out;
	if (buf_putc(&q, '"') == -1)
		goto out;
	if (q.len > MIME_LINE_MAX - 2)
		rc = hw_encoded(h, name, strlen(name));
	else
		rc = hw_token(h, q.data, q.len);
out:
	buf_dispose(&q);
	return rc;
}

/* True when a display name has something to show. */
static int
has_name(const char *s)
{
	if (s == NULL)
		return 0;
	for (; *s != '\0'; s++)
		if (*s != ' ')
			return 1;
	return 0;
}

int
mime_header_addrs(struct buf *out, const char *name,
    const struct mime_addr *v, size_t n, const void **bad)
{
	struct buf	 b, t;
	struct hw	 h;
	size_t		 i, est;
	int		 rc = -1;

	for (i = 0; i < n; i++)
		if ((v[i].name != NULL &&
		    mime_value_ok(v[i].name, NULL) == -1) ||
		    v[i].email == NULL || mime_email_ok(v[i].email) == -1) {
			if (bad != NULL)
				*bad = v[i].origin;
			return MIME_EVALUE;
		}
	buf_init(&b);
	buf_init(&t);
	if (hw_begin(&h, &b, name) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		buf_clear(&t);
		/* Keep a short plain mailbox on one line. */
		est = strlen(v[i].email) + 1 + (has_name(v[i].name) ?
		    strlen(v[i].name) + 5 : 0);
		if (i > 0 && (!has_name(v[i].name) ||
		    !needs_words(v[i].name)) && est < MIME_LINE_MAX - 1 &&
		    h.col + 1 + est > MIME_LINE_MAX) {
			if (buf_puts(&b, "\r\n") == -1)
				goto out;
			h.col = 0;
		}
		if (has_name(v[i].name)) {
			if (hw_phrase(&h, v[i].name) == -1 ||
			    buf_printf(&t, "<%s>", v[i].email) == -1)
				goto out;
		} else if (buf_puts(&t, v[i].email) == -1)
			goto out;
		if (i + 1 < n && buf_putc(&t, ',') == -1)
			goto out;
		if (hw_token(&h, t.data, t.len) == -1)
			goto out;
	}
	if (hw_end(&h) == -1 || buf_put(out, b.data, b.len) == -1)
		goto out;
	rc = 0;
out:
	buf_dispose(&t);
	buf_dispose(&b);
	return rc;
}

int
mime_header_date(struct buf *out, long long now)
{
	static const char *const wd[] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	long long	 day, sec;
	int		 y, m, d;

	day = now / 86400;
	sec = now % 86400;
	if (sec < 0) {
		sec += 86400;
		day--;
	}
	date_to_ymd((int)day, &y, &m, &d);
	return buf_printf(out, "Date: %s, %d %s %04d %02d:%02d:%02d +0000\r\n",
	    wd[date_weekday((int)day)], d, mon[m - 1], y, (int)(sec / 3600),
	    (int)(sec / 60 % 60), (int)(sec % 60));
}

/* ---- bodies ------------------------------------------------------------- */

/* One line (no line end) of quoted-printable. */
static int
qp_line(struct buf *out, const unsigned char *p, size_t n)
{
	size_t	 i, k, j, col = 0, need;
	int	 lit;

	for (i = 0; i < n; i += k) {
		k = utf8_seq(p + i, n - i);
		if (k <= 1) {
			k = 1;
			lit = (p[i] >= 0x20 && p[i] < 0x7f && p[i] != '=') ||
			    p[i] == '\t';
			/* Trailing white space would be lost (RFC 2045
			 * 6.7 (3)); "From " at a line start upsets mbox
			 * readers. */
			if ((p[i] == ' ' || p[i] == '\t') && i + 1 == n)
				lit = 0;
			if (i == 0 && p[i] == 'F' && n >= 5 &&
			    memcmp(p, "From ", 5) == 0)
				lit = 0;
			need = lit ? 1 : 3;
		} else {
			lit = 0;
			need = 3 * k;
		}
		/* 76 columns at most, the soft break's '=' included. */
		if (col + need > 75 && !(i + k == n && col + need <= 76)) {
			if (buf_puts(out, "=\r\n") == -1)
				return -1;
			col = 0;
		}
		if (lit) {
			if (buf_putc(out, p[i]) == -1)
				return -1;
		} else
			for (j = 0; j < k; j++)
				if (buf_printf(out, "=%c%c",
				    hexd[p[i + j] >> 4],
				    hexd[p[i + j] & 15]) == -1)
					return -1;
		col += need;
	}
	return 0;
}

int
mime_qp(struct buf *out, const char *s, size_t len)
{
	const char	*e, *end = s + len;
	size_t		 n;

	while (s < end) {
		e = memchr(s, '\n', (size_t)(end - s));
		n = (size_t)((e ? e : end) - s);
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (qp_line(out, (const unsigned char *)s, n) == -1)
			return -1;
		if (e == NULL)
			break;
		if (buf_puts(out, "\r\n") == -1)
			return -1;
		s = e + 1;
	}
	return 0;
}

int
mime_base64(struct buf *out, const void *data, size_t len)
{
	const unsigned char	*p = data;
	size_t			 i, col = 0;
	unsigned long		 v;
	char			 q[4];

	for (i = 0; i < len; i += 3) {
		v = (unsigned long)p[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)p[i + 1] << 8;
		if (i + 2 < len)
			v |= p[i + 2];
		q[0] = b64[v >> 18 & 63];
		q[1] = b64[v >> 12 & 63];
		q[2] = i + 1 < len ? b64[v >> 6 & 63] : '=';
		q[3] = i + 2 < len ? b64[v & 63] : '=';
		if (col == 76) {
			if (buf_puts(out, "\r\n") == -1)
				return -1;
			col = 0;
		}
		if (buf_put(out, q, 4) == -1)
			return -1;
		col += 4;
	}
	return 0;
}

unsigned long long
mime_hash(unsigned long long h, const void *p, size_t len)
{
	const unsigned char	*s = p;
	size_t			 i;

	for (i = 0; i < len; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* ---- whole messages ----------------------------------------------------- */

/* The hash of everything that makes the message. */
static unsigned long long
msg_hash(const struct mime_msg *msg)
{
	const char *const f[] = { msg->seed, msg->kind, msg->subject,
	    msg->text, msg->html, msg->attach_name };
	unsigned long long h = MIME_HASH_INIT;
	size_t		 i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (f[i] != NULL)
			h = mime_hash(h, f[i], strlen(f[i]) + 1);
		else
			h = mime_hash(h, "", 1);
	if (msg->attach != NULL)
		h = mime_hash(h, msg->attach, msg->attachlen);
	return h;
}

/* A token for a Message-ID: [a-z0-9-] only, at most max bytes. */
static int
id_token(struct buf *b, const char *s, size_t max, const char *dflt)
{
	size_t	 i;

	if (s == NULL || *s == '\0')
		s = dflt;
	for (i = 0; s[i] != '\0' && i < max; i++)
		if (buf_putc(b, (s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ?
		    s[i] : '-') == -1)
			return -1;
	return 0;
}

static int
put_message_id(struct buf *b, const struct mime_msg *msg,
    unsigned long long h)
{
	struct buf	 t;
	struct hw	 w;
	const char	*dom = "handoff.invalid", *at;
	int		 rc = -1;

	/* The sender's domain when it is a plain host name. */
	if (msg->from.email != NULL && (at = strchr(msg->from.email, '@')) &&
	    strlen(at + 1) <= 100 && mime_email_ok(msg->from.email) == 0)
		dom = at + 1;
	buf_init(&t);
	if (buf_putc(&t, '<') == -1 || id_token(&t, msg->seed, 32, "deal") ||
	    buf_putc(&t, '.') == -1 || id_token(&t, msg->kind, 16, "mail") ||
	    buf_printf(&t, ".%016llx@%s>", h, dom) == -1)
		goto out;
	if (hw_begin(&w, b, "Message-ID") == -1 ||
	    hw_token(&w, t.data, t.len) == -1 || hw_end(&w) == -1)
		goto out;
	rc = 0;
out:
	buf_dispose(&t);
	return rc;
}

/* A Content-Type or -Disposition parameter on its own line; RFC 2231
 * continuations when it would not fit.  value is plain ASCII. */
static int
put_param(struct buf *b, const char *name, const char *value)
{
	size_t	 n = strlen(value), i, k;
	int	 part = 0;

	if (1 + strlen(name) + 3 + n <= MIME_LINE_MAX)
		return buf_printf(b, ";\r\n %s=\"%s\"", name, value);
	for (i = 0; i < n; i += k, part++) {
		k = n - i > 40 ? 40 : n - i;
		if (buf_printf(b, ";\r\n %s*%d=\"%.*s\"", name, part, (int)k,
		    value + i) == -1)
			return -1;
	}
	return 0;
}

static int
put_text_entity(struct buf *b, const char *type, const char *body)
{
	if (buf_printf(b, "Content-Type: %s; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n", type) == -1)
		return -1;
	return mime_qp(b, body, strlen(body));
}

/* text/plain alone, or multipart/alternative with the HTML. */
static int
put_body_entity(struct buf *b, const struct mime_msg *msg,
    const char *bnd, int top)
{
	if (msg->html == NULL)
		return put_text_entity(b, "text/plain", msg->text);
	if (buf_printf(b, "Content-Type: multipart/alternative;\r\n"
	    " boundary=\"%s\"\r\n\r\n", bnd) == -1 ||
	    (top && buf_puts(b, "This is a multi-part message in MIME "
	    "format.\r\n") == -1) ||
	    buf_printf(b, "\r\n--%s\r\n", bnd) == -1 ||
	    put_text_entity(b, "text/plain", msg->text) == -1 ||
	    buf_printf(b, "\r\n--%s\r\n", bnd) == -1 ||
	    put_text_entity(b, "text/html", msg->html) == -1 ||
	    buf_printf(b, "\r\n--%s--\r\n", bnd) == -1)
		return -1;
	return 0;
}

static int
put_attachment(struct buf *b, const struct mime_msg *msg)
{
	if (buf_printf(b, "Content-Type: %s", msg->attach_type) == -1 ||
	    put_param(b, "name", msg->attach_name) == -1 ||
	    buf_puts(b, "\r\nContent-Disposition: attachment") == -1 ||
	    put_param(b, "filename", msg->attach_name) == -1 ||
	    buf_puts(b, "\r\nContent-Transfer-Encoding: base64\r\n\r\n") == -1)
		return -1;
	return mime_base64(b, msg->attach, msg->attachlen);
}

/* The attachment's name and type: plain tokens, no quoting needed. */
static int
attach_ok(const struct mime_msg *msg)
{
	const char	*p;
	int		 slash = 0;

	if (msg->attach_name == NULL || msg->attach_type == NULL ||
	    msg->attach_name[0] == '\0' || strlen(msg->attach_name) > 200)
		return 0;
	for (p = msg->attach_name; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		    *p == '-'))
			return 0;
	for (p = msg->attach_type; *p != '\0'; p++)
		if (*p == '/')
			slash++;
		else if (!((*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '+' ||
		    *p == '-'))
			return 0;
	return slash == 1;
}

static int
put_headers(struct buf *b, const struct mime_msg *msg, unsigned long long h,
    const void **bad)
{
	int	 rc;

	if (mime_header_date(b, msg->date) == -1)
		return -1;
	if ((rc = mime_header_addrs(b, "From", &msg->from, 1, bad)) != 0)
		return rc;
	if ((rc = mime_header_addrs(b, "To", msg->to, msg->nto, bad)) != 0)
		return rc;
	if (msg->ncc > 0 &&
	    (rc = mime_header_addrs(b, "Cc", msg->cc, msg->ncc, bad)) != 0)
		return rc;
	if ((rc = mime_header_text(b, "Subject", msg->subject)) != 0) {
		*bad = msg->subject_origin;
		return rc;
	}
	if (put_message_id(b, msg, h) == -1 ||
	    buf_puts(b, "MIME-Version: 1.0\r\n") == -1)
		return -1;
	if (msg->version != NULL &&
	    (rc = mime_header_text(b, "X-Handoff-Version", msg->version)) != 0)
		return rc;
	if (msg->unsent && buf_puts(b, "X-Unsent: 1\r\n") == -1)
		return -1;
	return 0;
}

int
mime_message(struct buf *out, const struct mime_msg *msg, const void **bad)
{
	struct buf		 b;
	unsigned long long	 h;
	char			 alt[40], mix[40];
	const void		*dummy;
	int			 rc = -1;

	if (bad == NULL)
		bad = &dummy;
	*bad = NULL;
	if (msg->nto == 0 || msg->subject == NULL || msg->text == NULL ||
	    (msg->attach != NULL && !attach_ok(msg)))
		return MIME_EVALUE;
	buf_init(&b);
	h = msg_hash(msg);
	/* "=_" cannot occur in quoted-printable or base64 text. */
	snprintf(alt, sizeof(alt), "=_hoff_%016llx_alt", h);
	snprintf(mix, sizeof(mix), "=_hoff_%016llx_mix", h);
	if ((rc = put_headers(&b, msg, h, bad)) != 0)
		goto out;
	rc = -1;
	if (msg->attach == NULL) {
		if (put_body_entity(&b, msg, alt, 1) == -1)
			goto out;
		/* A single part ends with its own line end. */
		if (msg->html == NULL && (b.len < 2 ||
		    memcmp(b.data + b.len - 2, "\r\n", 2) != 0) &&
		    buf_puts(&b, "\r\n") == -1)
			goto out;
	} else if (buf_printf(&b, "Content-Type: multipart/mixed;\r\n"
	    " boundary=\"%s\"\r\n\r\nThis is a multi-part message in MIME "
	    "format.\r\n\r\n--%s\r\n", mix, mix) == -1 ||
	    put_body_entity(&b, msg, alt, 0) == -1 ||
	    buf_printf(&b, "\r\n--%s\r\n", mix) == -1 ||
	    put_attachment(&b, msg) == -1 ||
	    buf_printf(&b, "\r\n--%s--\r\n", mix) == -1)
		goto out;
	if (buf_put(out, b.data, b.len) == -1)
		goto out;
	rc = 0;
out:
	buf_dispose(&b);
	return rc;
}
