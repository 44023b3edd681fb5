/* SPDX-License-Identifier: MIT */
/*
 * fuzz_mime.c: libFuzzer harness for the e-mail pieces of mime.h.  The
 * input is split at NUL bytes into a display name, an address, a subject
 * and a body; each goes through the header encoders (RFC 2047 words,
 * folded unstructured and address headers), quoted-printable and base64,
 * and a whole message.  Besides the sanitizers, the harness checks the
 * promises mime.h makes: no header line longer than 78 columns, nothing
 * but CRLF line ends, and no value with a control character accepted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mime.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Abort unless every line of the first upto bytes is CRLF-ended and at
 * most max long: 78 where mime.h promises folding (unstructured headers),
 * RFC 5322's hard 998 elsewhere (an addr-spec cannot be folded).
 */
static void
check_lines(const struct buf *b, size_t upto, size_t max)
{
	size_t	 i, start = 0;

	for (i = 0; i < upto; i++) {
		if (b->data[i] == '\n') {
			if (i == 0 || b->data[i - 1] != '\r')
				abort();	/* a bare LF */
			if (i - 1 - start > max)
				abort();	/* RFC 5322 2.1.1 */
			start = i + 1;
		} else if (b->data[i] == '\r' &&
		    (i + 1 >= b->len || b->data[i + 1] != '\n'))
			abort();		/* a bare CR */
	}
}

/* The next NUL-separated piece of the input, as a C string (free()). */
static char *
piece(const uint8_t **p, const uint8_t *end)
{
	const uint8_t	*nul = memchr(*p, '\0', (size_t)(end - *p));
	size_t		 n = nul ? (size_t)(nul - *p) : (size_t)(end - *p);
	char		*s = malloc(n + 1);

	if (s == NULL)
		abort();
	memcpy(s, *p, n);
	s[n] = '\0';
	*p += nul ? n + 1 : n;
	return s;
}

static void
headers(const char *name, const char *email, const char *subject)
{
	struct buf		 b;
	struct mime_addr	 a[2];
	const void		*bad = NULL;
	int			 rc;

	buf_init(&b);
	a[0].name = name;
	a[0].email = email;
	a[0].origin = &a[0];
	a[1].name = NULL;
	a[1].email = "sam.okafor@vendor.example";
	a[1].origin = &a[1];
	rc = mime_header_text(&b, "Subject", subject);
	if (rc == 0 && mime_value_ok(subject, NULL) != 0)
		abort();	/* a refused value was written */
	if (rc == 0)
		check_lines(&b, b.len, 78);
	buf_clear(&b);
	if (mime_header_addrs(&b, "To", a, 2, &bad) == 0)
		check_lines(&b, b.len, 998);
	buf_clear(&b);
	(void)mime_encode_words(&b, name, MIME_WORD_MAX);
	buf_dispose(&b);
}

static void
message(const char *name, const char *email, const char *subject,
    const char *body)
{
	struct buf		 b;
	struct mime_msg		 m;
	struct mime_addr	 to = { name, email, NULL };
	const void		*bad = NULL;
	char			*end;

	memset(&m, 0, sizeof(m));
	m.seed = "fuzz";
	m.kind = "intro";
	m.date = 1795500000LL;
	m.from.name = "Dana Reyes";
	m.from.email = "dana.reyes@vendor.example";
	m.to = &to;
	m.nto = 1;
	m.subject = subject;
	m.text = body;
	m.html = body;
	m.attach = body;
	m.attachlen = strlen(body);
	m.attach_name = "handoff-package.pdf";
	m.attach_type = "application/pdf";
	buf_init(&b);
	if (mime_message(&b, &m, &bad) == 0 && b.data != NULL) {
		end = strstr(b.data, "\r\n\r\n");
		check_lines(&b, end ? (size_t)(end - b.data) + 2 : b.len, 998);
	}
	buf_clear(&b);
	(void)mime_qp(&b, body, strlen(body));
	buf_clear(&b);
	(void)mime_base64(&b, body, strlen(body));
	buf_dispose(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t	*p = data, *end = data + size;
	char		*name, *email, *subject, *body;

	name = piece(&p, end);
	email = piece(&p, end);
	subject = piece(&p, end);
	body = piece(&p, end);
	headers(name, email, subject);
	message(name, email, subject, body);
	(void)mime_email_ok(email);
	free(name);
	free(email);
	free(subject);
	free(body);
	return 0;
}
