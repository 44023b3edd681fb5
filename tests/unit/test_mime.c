/* SPDX-License-Identifier: MIT */
/* test_mime.c: RFC 2047 encoded-words, header folding, quoted-printable,
 * base64, addresses, header-injection refusal and whole messages.  The
 * decoders here are independent, minimal readers of what mime.c writes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "buf.h"
#include "mime.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
b64val(int c)
{
	const char	*a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789+/";
	const char	*p = c ? strchr(a, c) : NULL;

	return p ? (int)(p - a) : -1;
}

/* Decode base64 (whitespace skipped) into out; returns the length. */
static size_t
b64_decode(const char *s, size_t n, unsigned char *out)
{
	unsigned long	 v = 0;
	size_t		 i, o = 0;
	int		 bits = 0, x;

	for (i = 0; i < n; i++) {
		if (s[i] == '=' || s[i] == '\r' || s[i] == '\n')
			continue;
		x = b64val(s[i]);
		assert_true(x >= 0);
		v = v << 6 | (unsigned long)x;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(v >> bits & 0xff);
		}
	}
	return o;
}

/*
 * Decode an unstructured header value made of encoded-words only (what
 * mime.c writes for non-ASCII): unfold, check each word, join them.
 * Returns a malloc'd string.
 */
static char *
decode_words(const char *v)
{
	char		*out = calloc(1, strlen(v) + 1);
	const char	*p = v, *e, *t;
	size_t		 o = 0, wl;
	int		 h1, h2;

	assert_non_null(out);
	for (;;) {
		while (*p == ' ' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		assert_true(strncmp(p, "=?UTF-8?", 8) == 0);
		assert_true(p[8] == 'Q' || p[8] == 'B');
		assert_int_equal(p[9], '?');
		t = p + 10;
		e = strstr(t, "?=");
		assert_non_null(e);
		wl = (size_t)(e + 2 - p);
		assert_true(wl <= MIME_WORD_MAX);
		if (p[8] == 'B')
			o += b64_decode(t, (size_t)(e - t),
			    (unsigned char *)out + o);
		else
			for (; t < e; t++) {
				if (*t == '_')
					out[o++] = ' ';
				else if (*t == '=') {
					h1 = hexval(t[1]);
					h2 = hexval(t[2]);
					assert_true(h1 >= 0 && h2 >= 0);
					out[o++] = (char)(h1 * 16 + h2);
					t += 2;
				} else {
					assert_true(*t > ' ' && *t < 127 &&
					    *t != '?');
					out[o++] = *t;
				}
			}
		/* each word holds whole UTF-8 characters */
		assert_true(o == 0 || ((unsigned char)out[o - 1] & 0xc0) != 0xc0);
		p = e + 2;
	}
	out[o] = '\0';
	return out;
}

/* Every line of s (CRLF separated) is at most max octets; LF only after CR. */
static void
assert_lines(const char *s, size_t max)
{
	const char	*p = s, *e;

	for (; *p != '\0'; p = e + 2) {
		e = strstr(p, "\r\n");
		if (e == NULL)
			e = p + strlen(p);
		assert_true((size_t)(e - p) <= max);
		assert_null(memchr(p, '\n', (size_t)(e - p)));
		if (*e == '\0')
			break;
	}
}

/* "Name: value" -> value unfolded raw (the CRLF SP folds kept as is). */
static const char *
header_value(const struct buf *b, const char *name)
{
	assert_int_equal(strncmp(b->data, name, strlen(name)), 0);
	assert_int_equal(b->data[strlen(name)], ':');
	assert_int_equal(strcmp(b->data + b->len - 2, "\r\n"), 0);
	return b->data + strlen(name) + 1;
}

static void
subject_round_trip(const char *text)
{
	struct buf	 b;
	char		*v, *dec;
	size_t		 n;

	buf_init(&b);
	assert_int_equal(mime_header_text(&b, "Subject", text), 0);
	assert_lines(b.data, MIME_LINE_MAX);
	v = strdup(header_value(&b, "Subject"));
	n = strlen(v);
	v[n - 2] = '\0';	/* the final CRLF */
	dec = decode_words(v);
	assert_string_equal(dec, text);
	free(dec);
	free(v);
	buf_dispose(&b);
}

static void
test_mime__encoded_words_round_trip(void **state)
{
	static const char *const names[] = { "Zoë Müller",
	    "Katarzyna Wiśniewska", "Łódź", "Henrik Ærø", "Jürgen Böhm",
	    "日本語のテキスト", "emoji 🎉 party", "a_b=?c d", NULL };
	struct buf	 b;
	char		*dec;
	size_t		 i, w;

	(void)state;
	for (i = 0; names[i] != NULL; i++) {
		subject_round_trip(names[i]);
		for (w = 24; w <= MIME_WORD_MAX; w += 17) {
			buf_init(&b);
			assert_int_equal(mime_encode_words(&b, names[i], w), 0);
			dec = decode_words(b.data);
			assert_string_equal(dec, names[i]);
			assert_lines(b.data, w + 1);
			free(dec);
			buf_dispose(&b);
		}
	}
	/* Q for mostly-Latin text (readable), B for other scripts */
	buf_init(&b);
	assert_int_equal(mime_encode_words(&b, "Zoë Müller", 75), 0);
	assert_string_equal(b.data, "=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?=");
	buf_clear(&b);
	assert_int_equal(mime_encode_words(&b, "日本語", 75), 0);
	assert_string_equal(b.data, "=?UTF-8?B?5pel5pys6Kqe?=");
	buf_dispose(&b);
}

static void
test_mime__long_subjects_fold(void **state)
{
	struct buf	 b;
	char		 s[1024];
	const char	*unfolded;
	char		*flat, *q;
	size_t		 i;

	(void)state;
	/* a long non-ASCII subject: many words, each <= 75, lines <= 76 */
	s[0] = '\0';
	for (i = 0; i < 12; i++)
		strcat(s, "Łódź–Hamburg rollout für Katarzyna Wiśniewska, ");
	s[strlen(s) - 2] = '\0';
	subject_round_trip(s);
	/* a long ASCII subject folds at spaces, and unfolds to itself */
	s[0] = '\0';
	for (i = 0; i < 15; i++)
		strcat(s, "Welcome aboard Nordlicht ");
	s[strlen(s) - 1] = '\0';
	buf_init(&b);
	assert_int_equal(mime_header_text(&b, "Subject", s), 0);
	assert_lines(b.data, MIME_LINE_MAX);
	assert_non_null(strstr(b.data, "\r\n "));
	assert_null(strstr(b.data, "=?"));
	unfolded = header_value(&b, "Subject");
	flat = strdup(unfolded + 1);
	while ((q = strstr(flat, "\r\n")) != NULL)
		memmove(q, q + 2, strlen(q + 2) + 1);
	assert_string_equal(flat, s);
	free(flat);
	/* one word too long to fold goes out as encoded-words */
	buf_clear(&b);
	memset(s, 'x', 200);
	s[200] = '\0';
	assert_int_equal(mime_header_text(&b, "Subject", s), 0);
	assert_lines(b.data, MIME_LINE_MAX);
	assert_non_null(strstr(b.data, "=?UTF-8?"));
	/* text that looks like an encoded-word is encoded, not passed on */
	buf_clear(&b);
	assert_int_equal(mime_header_text(&b, "Subject", "=?UTF-8?B?SGk=?="),
	    0);
	assert_null(strstr(b.data, "Subject: =?UTF-8?B?SGk=?="));
	buf_dispose(&b);
	subject_round_trip("=?UTF-8?B?SGk=?=");
}

static void
test_mime__header_injection_refused(void **state)
{
	static const char *const bad[] = { "Acme\r\nBcc: attacker@evil.example",
	    "Acme\nBcc: x@y.example", "Acme\rBcc: x", "tab\there", "nul?\x01",
	    "del\x7f", "c1 \xc2\x85 next line", "bad utf-8 \xc3\x28",
	    "overlong \xc0\xaf", "surrogate \xed\xa0\x80", NULL };
	struct mime_addr a[2];
	struct buf	 b;
	const void	*bad_origin = NULL;
	int		 tag1, tag2;
	size_t		 i, off;

	(void)state;
	buf_init(&b);
	for (i = 0; bad[i] != NULL; i++) {
		assert_int_equal(mime_value_ok(bad[i], &off), -1);
		assert_true(off < strlen(bad[i]));
		assert_int_equal(mime_header_text(&b, "Subject", bad[i]),
		    MIME_EVALUE);
		a[0].name = "Fine Name";
		a[0].email = "fine@example.com";
		a[0].origin = &tag1;
		a[1].name = bad[i];
		a[1].email = "x@example.com";
		a[1].origin = &tag2;
		bad_origin = NULL;
		assert_int_equal(mime_header_addrs(&b, "To", a, 2, &bad_origin),
		    MIME_EVALUE);
		assert_ptr_equal(bad_origin, &tag2);
		assert_int_equal(b.len, 0);	/* nothing written */
	}
	assert_int_equal(mime_value_ok("Zoë Müller (Łódź)", NULL), 0);
	/* an address with a line break or a second address in it */
	a[0].name = "Dana";
	a[0].email = "dana@x.example\r\nBcc: evil@y.example";
	a[0].origin = &tag1;
	assert_int_equal(mime_header_addrs(&b, "From", a, 1, &bad_origin),
	    MIME_EVALUE);
	assert_ptr_equal(bad_origin, &tag1);
	a[0].email = "dana@x.example, evil@y.example";
	assert_int_equal(mime_header_addrs(&b, "From", a, 1, NULL),
	    MIME_EVALUE);
	assert_int_equal(b.len, 0);
	buf_dispose(&b);
}

static void
test_mime__email_shapes(void **state)
{
	static const char *const good[] = { "a@b", "dana.reyes@vendor.example",
	    "k.wisniewska@nordlicht.example", "x+tag@sub.example.co.uk",
	    "o'brien@example.ie", NULL };
	static const char *const bad[] = { "", "@b", "a@", "a@@b", "a b@c",
	    "a@b c", ".a@b", "a.@b", "a..b@c", "a@b..c", "a@-b", "a@b-",
	    "<a@b>", "a@b>", "zoë@example.com", "a\"b@c", "a@b@c", "a,b@c",
	    NULL };
	size_t	 i;

	(void)state;
	for (i = 0; good[i] != NULL; i++)
		assert_int_equal(mime_email_ok(good[i]), 0);
	for (i = 0; bad[i] != NULL; i++)
		if (mime_email_ok(bad[i]) != -1)
			fail_msg("accepted '%s'", bad[i]);
}

static void
test_mime__address_headers(void **state)
{
	struct mime_addr a[4];
	struct buf	 b;

	(void)state;
	memset(a, 0, sizeof(a));
	buf_init(&b);
	a[0].name = "Sam Okafor";
	a[0].email = "sam.okafor@vendor.example";
	assert_int_equal(mime_header_addrs(&b, "Cc", a, 1, NULL), 0);
	assert_string_equal(b.data,
	    "Cc: Sam Okafor <sam.okafor@vendor.example>\r\n");
	/* specials are quoted, quotes and backslashes escaped */
	buf_clear(&b);
	a[0].name = "Reyes, Dana \"DR\" \\ Sales";
	a[0].email = "dana@vendor.example";
	assert_int_equal(mime_header_addrs(&b, "From", a, 1, NULL), 0);
	assert_string_equal(b.data, "From: \"Reyes, Dana \\\"DR\\\" \\\\ Sales\" "
	    "<dana@vendor.example>\r\n");
	/* no name: the bare address */
	buf_clear(&b);
	a[0].name = NULL;
	assert_int_equal(mime_header_addrs(&b, "To", a, 1, NULL), 0);
	assert_string_equal(b.data, "To: dana@vendor.example\r\n");
	/* several, non-ASCII, folded under 78 */
	buf_clear(&b);
	a[0].name = "Katarzyna Wiśniewska";
	a[0].email = "k.wisniewska@nordlicht.example";
	a[1].name = "Henrik Ærø";
	a[1].email = "henrik.aero@nordlicht.example";
	a[2].name = "Jürgen Böhm";
	a[2].email = "juergen.boehm@nordlicht.example";
	a[3].name = "Aoife Byrne";
	a[3].email = "aoife.byrne@nordlicht.example";
	assert_int_equal(mime_header_addrs(&b, "To", a, 4, NULL), 0);
	assert_lines(b.data, MIME_LINE_MAX);
	assert_non_null(strstr(b.data,
	    "=?UTF-8?Q?Katarzyna_Wi=C5=9Bniewska?="));
	assert_non_null(strstr(b.data, "<k.wisniewska@nordlicht.example>,"));
	assert_true(strstr(b.data, "Aoife Byrne") != NULL ||
	    strstr(b.data, "Aoife\r\n Byrne") != NULL);
	assert_null(strstr(b.data, "<aoife.byrne@nordlicht.example>,"));
	buf_dispose(&b);
}

/* Decode quoted-printable (CRLF lines, soft breaks) into a string. */
static char *
qp_decode(const char *s)
{
	char	*out = calloc(1, strlen(s) + 1);
	size_t	 o = 0;

	assert_non_null(out);
	while (*s != '\0') {
		if (s[0] == '=' && s[1] == '\r' && s[2] == '\n') {
			s += 3;
		} else if (s[0] == '=') {
			assert_true(hexval(s[1]) >= 0 && hexval(s[2]) >= 0);
			out[o++] = (char)(hexval(s[1]) * 16 + hexval(s[2]));
			s += 3;
		} else if (s[0] == '\r' && s[1] == '\n') {
			out[o++] = '\n';
			s += 2;
		} else {
			assert_true(*s == '\t' || (*s >= ' ' && *s < 127));
			out[o++] = *s++;
		}
	}
	return out;
}

static void
qp_round_trip(const char *in, const char *expect)
{
	struct buf	 b;
	char		*dec;
	const char	*p;

	buf_init(&b);
	assert_int_equal(mime_qp(&b, in, strlen(in)), 0);
	assert_lines(b.data ? b.data : "", 76);
	/* no line ends in a space or a tab */
	for (p = b.data; p != NULL && (p = strstr(p, "\r\n")) != NULL; p++)
		assert_true(p[-1] != ' ' && p[-1] != '\t');
	dec = qp_decode(b.data ? b.data : "");
	assert_string_equal(dec, expect);
	free(dec);
	buf_dispose(&b);
}

static void
test_mime__quoted_printable(void **state)
{
	struct buf	 b;
	char		 longline[1200];
	size_t		 i;

	(void)state;
	qp_round_trip("Hello, Zoë!\nline two\n", "Hello, Zoë!\nline two\n");
	qp_round_trip("crlf\r\nin\r\n", "crlf\nin\n");
	qp_round_trip("trailing space \ntab\t\n", "trailing space \ntab\t\n");
	qp_round_trip("a=b\n", "a=b\n");
	qp_round_trip("no final newline", "no final newline");
	qp_round_trip("From here\n", "From here\n");
	for (i = 0; i < sizeof(longline) - 1; i++)
		longline[i] = "aé Ł-=x"[i % 7];
	longline[sizeof(longline) - 1] = '\0';
	/* the multi-byte characters of the pattern are cut anyhow: fix the
	 * string to valid UTF-8 by rebuilding it from whole characters */
	longline[0] = '\0';
	while (strlen(longline) + 16 < sizeof(longline))
		strcat(longline, "Łódź =Wiśniewska ");
	qp_round_trip(longline, longline);
	buf_init(&b);
	assert_int_equal(mime_qp(&b, "Zoë a=b \nFrom x\n", 17), 0);
	assert_string_equal(b.data, "Zo=C3=AB a=3Db=20\r\n=46rom x\r\n");
	/* a soft break never splits =XX or a UTF-8 sequence */
	buf_clear(&b);
	memset(longline, 'a', 74);
	strcpy(longline + 74, "é");
	assert_int_equal(mime_qp(&b, longline, strlen(longline)), 0);
	assert_non_null(strstr(b.data, "a=\r\n=C3=A9"));
	buf_dispose(&b);
}

static void
test_mime__base64(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} v[] = {	/* RFC 4648 section 10 */
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" },
		{ "foobar", "Zm9vYmFy" },
	};
	struct buf	 b;
	unsigned char	 data[1000], back[1000];
	size_t		 i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		buf_clear(&b);
		assert_int_equal(mime_base64(&b, v[i].in, strlen(v[i].in)), 0);
		assert_string_equal(b.data ? b.data : "", v[i].out);
	}
	for (i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7 + 3);
	buf_clear(&b);
	assert_int_equal(mime_base64(&b, data, sizeof(data)), 0);
	assert_lines(b.data, 76);
	assert_int_equal(strstr(b.data, "\r\n") - b.data, 76);
	assert_int_equal(b64_decode(b.data, b.len, back), sizeof(data));
	assert_memory_equal(back, data, sizeof(data));
	buf_dispose(&b);
}

static void
test_mime__date_header(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b);
	assert_int_equal(mime_header_date(&b, 0), 0);
	assert_string_equal(b.data, "Date: Thu, 1 Jan 1970 00:00:00 +0000\r\n");
	buf_clear(&b);
	/* 2026-11-18 09:30:05 UTC */
	assert_int_equal(mime_header_date(&b, 1794994205LL), 0);
	assert_string_equal(b.data, "Date: Wed, 18 Nov 2026 09:30:05 +0000\r\n");
	buf_dispose(&b);
}

static void
fill_msg(struct mime_msg *m, struct mime_addr *from, struct mime_addr *to)
{
	memset(m, 0, sizeof(*m));
	from->name = "Zoë Müller";
	from->email = "zoe.mueller@vendor.example";
	from->origin = NULL;
	to->name = "Katarzyna Wiśniewska";
	to->email = "k.wisniewska@nordlicht.example";
	to->origin = NULL;
	m->seed = "nordlicht-energie";
	m->kind = "intro";
	m->date = 1794994205LL;
	m->from = *from;
	m->to = to;
	m->nto = 1;
	m->subject = "Willkommen, Nordlicht Energie GmbH: meet Sam Okafor";
	m->text = "Hello Katarzyna,\n\nmeet Sam.\n";
	m->html = "<p>Hello Katarzyna,</p>\n<p>meet Sam.</p>\n";
}

static void
test_mime__message_is_deterministic(void **state)
{
	struct mime_msg	 m;
	struct mime_addr from, to;
	struct buf	 a, b;
	const char	*p;

	(void)state;
	fill_msg(&m, &from, &to);
	buf_init(&a);
	buf_init(&b);
	assert_int_equal(mime_message(&a, &m, NULL), 0);
	assert_int_equal(mime_message(&b, &m, NULL), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	assert_lines(a.data, 998);
	assert_non_null(strstr(a.data, "Message-ID: <nordlicht-energie.intro."));
	assert_non_null(strstr(a.data, "@vendor.example>\r\n"));
	assert_non_null(strstr(a.data, "MIME-Version: 1.0\r\n"));
	assert_non_null(strstr(a.data, "Content-Type: multipart/alternative;"
	    "\r\n boundary=\"=_hoff_"));
	assert_non_null(strstr(a.data, "Content-Type: text/html; "
	    "charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable"));
	/* the boundary closes, the message ends with CRLF */
	p = strstr(a.data, "boundary=\"") + 10;
	assert_non_null(strstr(a.data, "_alt--\r\n"));
	assert_int_equal(strncmp(p, "=_hoff_", 7), 0);
	assert_string_equal(a.data + a.len - 2, "\r\n");
	/* other content, other boundary and Message-ID */
	m.text = "Hello Katarzyna,\n\nmeet Sam Okafor.\n";
	buf_clear(&b);
	assert_int_equal(mime_message(&b, &m, NULL), 0);
	assert_memory_not_equal(strstr(a.data, "Message-ID"),
	    strstr(b.data, "Message-ID"), 60);
	buf_dispose(&a);
	buf_dispose(&b);
}

static void
test_mime__message_with_attachment(void **state)
{
	struct mime_msg	 m;
	struct mime_addr from, to;
	struct buf	 a;
	char		 name[120];

	(void)state;
	fill_msg(&m, &from, &to);
	m.html = NULL;
	m.kind = "notice";
	m.attach = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
	m.attachlen = 15;
	m.attach_name = "handoff-package-nordlicht-energie.pdf";
	m.attach_type = "application/pdf";
	buf_init(&a);
	assert_int_equal(mime_message(&a, &m, NULL), 0);
	assert_lines(a.data, 998);
	assert_non_null(strstr(a.data, "Content-Type: multipart/mixed;"));
	assert_non_null(strstr(a.data, "Content-Type: application/pdf;\r\n"
	    " name=\"handoff-package-nordlicht-energie.pdf\"\r\n"
	    "Content-Disposition: attachment;\r\n"
	    " filename=\"handoff-package-nordlicht-energie.pdf\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQKJeLjz9MK"));
	assert_null(strstr(a.data, "multipart/alternative"));
	/* a long name is split per RFC 2231 to keep lines short */
	buf_clear(&a);
	snprintf(name, sizeof(name), "handoff-package-%s.pdf",
	    "a-very-long-deal-id-that-goes-on-and-on-and-on-for-sixty-chars");
	m.attach_name = name;
	assert_int_equal(mime_message(&a, &m, NULL), 0);
	assert_non_null(strstr(a.data, " filename*0=\"handoff-package-"));
	assert_non_null(strstr(a.data, " filename*1=\""));
	/* a name that would need quoting is refused */
	buf_clear(&a);
	m.attach_name = "evil\"; x=\".pdf";
	assert_int_equal(mime_message(&a, &m, NULL), MIME_EVALUE);
	assert_int_equal(a.len, 0);
	buf_dispose(&a);
}

static void
test_mime__message_refuses_injected_subject(void **state)
{
	struct mime_msg	 m;
	struct mime_addr from, to;
	struct buf	 a;
	const void	*bad = &bad;
	int		 tag;

	(void)state;
	fill_msg(&m, &from, &to);
	m.subject = "Welcome Acme\r\nBcc: attacker@evil.example";
	m.subject_origin = &tag;
	buf_init(&a);
	assert_int_equal(mime_message(&a, &m, &bad), MIME_EVALUE);
	assert_ptr_equal(bad, &tag);
	assert_int_equal(a.len, 0);
	assert_null(a.data);
	buf_dispose(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mime__encoded_words_round_trip),
		cmocka_unit_test(test_mime__long_subjects_fold),
		cmocka_unit_test(test_mime__header_injection_refused),
		cmocka_unit_test(test_mime__email_shapes),
		cmocka_unit_test(test_mime__address_headers),
		cmocka_unit_test(test_mime__quoted_printable),
		cmocka_unit_test(test_mime__base64),
		cmocka_unit_test(test_mime__date_header),
		cmocka_unit_test(test_mime__message_is_deterministic),
		cmocka_unit_test(test_mime__message_with_attachment),
		cmocka_unit_test(test_mime__message_refuses_injected_subject),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
