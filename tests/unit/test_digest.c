/* SPDX-License-Identifier: MIT */
/*
 * test_digest.c: compiler/digest.c against the FIPS 180-4 examples (one
 * block, two blocks, a million 'a'), git's ids of two blobs, the same
 * digest fed in pieces of every size from 1 to 130 bytes, and hex in and
 * out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "digest.h"

static const char	two[] =
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

static void
hex_of(char *out, int sha256, const void *data, size_t len, size_t piece)
{
	struct digest	 d;
	unsigned char	 md[DIGEST_SHA256_LEN];
	const char	*p = data;
	size_t		 n;

	if (sha256)
		digest_sha256_init(&d);
	else
		digest_sha1_init(&d);
	for (; len > 0; p += n, len -= n) {
		n = piece < len ? piece : len;
		digest_update(&d, p, n);
	}
	digest_final(&d, md);
	digest_hex(out, md, sha256 ? DIGEST_SHA256_LEN : DIGEST_SHA1_LEN);
}

static void
test_digest__fips_sha1(void **state)
{
	char	 h[65], *a;

	(void)state;
	hex_of(h, 0, "abc", 3, 3);
	assert_string_equal(h, "a9993e364706816aba3e25717850c26c9cd0d89d");
	hex_of(h, 0, two, strlen(two), 64);
	assert_string_equal(h, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	hex_of(h, 0, "", 0, 1);
	assert_string_equal(h, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	assert_non_null(a = malloc(1000000));
	memset(a, 'a', 1000000);
	hex_of(h, 0, a, 1000000, 1000000);
	assert_string_equal(h, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
	free(a);
}

static void
test_digest__fips_sha256(void **state)
{
	char	 h[65], *a;

	(void)state;
	hex_of(h, 1, "abc", 3, 3);
	assert_string_equal(h,
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	hex_of(h, 1, two, strlen(two), 64);
	assert_string_equal(h,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_non_null(a = malloc(1000000));
	memset(a, 'a', 1000000);
	hex_of(h, 1, a, 1000000, 1000000);
	assert_string_equal(h,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

static void
test_digest__git_blob(void **state)
{
	unsigned char	 id[DIGEST_SHA1_LEN];
	char		 h[41];

	(void)state;
	digest_git_blob(id, "", 0);	/* git hash-object /dev/null */
	digest_hex(h, id, sizeof(id));
	assert_string_equal(h, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
	digest_git_blob(id, "hello\n", 6);
	digest_hex(h, id, sizeof(id));
	assert_string_equal(h, "ce013625030ba8dba906f756967f9e9ca394464a");
}

/* Pieces of every size straddle the block and the padding boundaries. */
static void
test_digest__pieces(void **state)
{
	unsigned char	 data[300];
	char		 whole[65], part[65];
	size_t		 i, len;
	int		 sha256;

	(void)state;
	for (i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 7 + 3);
	for (sha256 = 0; sha256 <= 1; sha256++)
		for (len = 0; len <= sizeof(data); len += 37)
			for (i = 1; i <= 130; i++) {
				hex_of(whole, sha256, data, len, sizeof(data));
				hex_of(part, sha256, data, len, i);
				assert_string_equal(whole, part);
			}
}

static void
test_digest__hex(void **state)
{
	unsigned char	 b[3];
	char		 h[7];

	(void)state;
	assert_int_equal(digest_unhex(b, 3, "00a0Ff"), 0);
	assert_int_equal(b[0], 0x00);
	assert_int_equal(b[1], 0xa0);
	assert_int_equal(b[2], 0xff);
	digest_hex(h, b, 3);
	assert_string_equal(h, "00a0ff");
	assert_int_equal(digest_unhex(b, 3, "00a0f"), -1);	/* short */
	assert_int_equal(digest_unhex(b, 3, "00a0ff0"), -1);	/* long */
	assert_int_equal(digest_unhex(b, 3, "00a0fg"), -1);	/* not hex */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digest__fips_sha1),
		cmocka_unit_test(test_digest__fips_sha256),
		cmocka_unit_test(test_digest__git_blob),
		cmocka_unit_test(test_digest__pieces),
		cmocka_unit_test(test_digest__hex),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
