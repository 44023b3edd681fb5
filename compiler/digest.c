/* SPDX-License-Identifier: MIT */
/*
 * digest.c: SHA-1 and SHA-256 as FIPS 180-4 defines them, one block of
 * 64 bytes at a time; the two share the padding and the length.  Tested
 * against the FIPS examples and against git's and openssl's own output
 * (tests/unit/test_digest.c).
 */
#include <stdio.h>
#include <string.h>

#include "digest.h"

static const uint32_t digest_k256[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t
digest_rol(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static uint32_t
digest_ror(uint32_t x, int n)
{
	return (x >> n) | (x << (32 - n));
}

static uint32_t
digest_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
digest_sha1_block(uint32_t h[5], const unsigned char *p)
{
	uint32_t	 w[80], a, b, c, d, e, f, k, t;
	int		 i;

	for (i = 0; i < 16; i++)
		w[i] = digest_be32(p + 4 * i);
	for (; i < 80; i++)
		w[i] = digest_rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20)
			f = (b & c) | (~b & d), k = 0x5a827999;
		else if (i < 40)
			f = b ^ c ^ d, k = 0x6ed9eba1;
		else if (i < 60)
			f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
		else
			f = b ^ c ^ d, k = 0xca62c1d6;
		t = digest_rol(a, 5) + f + e + k + w[i];
		e = d, d = c, c = digest_rol(b, 30), b = a, a = t;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

static void
digest_sha256_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t	 w[64], v[8], s0, s1, t1, t2;
	int		 i;

	for (i = 0; i < 16; i++)
		w[i] = digest_be32(p + 4 * i);
	for (; i < 64; i++) {
		s0 = digest_ror(w[i - 15], 7) ^ digest_ror(w[i - 15], 18) ^
		    (w[i - 15] >> 3);
		s1 = digest_ror(w[i - 2], 17) ^ digest_ror(w[i - 2], 19) ^
		    (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	memcpy(v, h, sizeof(v));
	for (i = 0; i < 64; i++) {
		s1 = digest_ror(v[4], 6) ^ digest_ror(v[4], 11) ^
		    digest_ror(v[4], 25);
		t1 = v[7] + s1 + ((v[4] & v[5]) ^ (~v[4] & v[6])) +
		    digest_k256[i] + w[i];
		s0 = digest_ror(v[0], 2) ^ digest_ror(v[0], 13) ^
		    digest_ror(v[0], 22);
		t2 = s0 + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof(*v));
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		h[i] += v[i];
}

static void
digest_block(struct digest *d, const unsigned char *p)
{
	if (d->sha256)
		digest_sha256_block(d->h, p);
	else
		digest_sha1_block(d->h, p);
}

void
digest_sha1_init(struct digest *d)
{
	static const uint32_t	 h[5] = { 0x67452301, 0xefcdab89,
	    0x98badcfe, 0x10325476, 0xc3d2e1f0 };

	memset(d, 0, sizeof(*d));
	memcpy(d->h, h, sizeof(h));
}

void
digest_sha256_init(struct digest *d)
{
	static const uint32_t	 h[8] = { 0x6a09e667, 0xbb67ae85,
	    0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
	    0x5be0cd19 };

	memset(d, 0, sizeof(*d));
	memcpy(d->h, h, sizeof(h));
	d->sha256 = 1;
}

void
digest_update(struct digest *d, const void *data, size_t len)
{
	const unsigned char	*p = data;
	size_t			 have = d->len % 64, n;

	d->len += len;
	if (have > 0) {
		n = len < 64 - have ? len : 64 - have;
		memcpy(d->block + have, p, n);
		p += n, len -= n;
		if (have + n < 64)
			return;
		digest_block(d, d->block);
	}
	for (; len >= 64; p += 64, len -= 64)
		digest_block(d, p);
	memcpy(d->block, p, len);
}

void
digest_final(struct digest *d, unsigned char *out)
{
	uint64_t	 bits = d->len * 8;
	size_t		 have = d->len % 64, i, words = d->sha256 ? 8 : 5;

	d->block[have++] = 0x80;
	if (have > 56) {
		memset(d->block + have, 0, 64 - have);
		digest_block(d, d->block);
		have = 0;
	}
	memset(d->block + have, 0, 56 - have);
	for (i = 0; i < 8; i++)
		d->block[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
	digest_block(d, d->block);
	for (i = 0; i < words; i++) {
		out[4 * i] = (unsigned char)(d->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(d->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(d->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)d->h[i];
	}
}

void
digest_git_blob(unsigned char out[DIGEST_SHA1_LEN], const void *data,
    size_t len)
{
	struct digest	 d;
	char		 head[32];
	int		 n;

	n = snprintf(head, sizeof(head), "blob %zu", len);
	digest_sha1_init(&d);
	digest_update(&d, head, (size_t)n + 1);	/* and its NUL */
	digest_update(&d, data, len);
	digest_final(&d, out);
}

void
digest_hex(char *out, const unsigned char *bytes, size_t len)
{
	static const char	 xd[] = "0123456789abcdef";
	size_t			 i;

	for (i = 0; i < len; i++) {
		out[2 * i] = xd[bytes[i] >> 4];
		out[2 * i + 1] = xd[bytes[i] & 15];
	}
	out[2 * len] = '\0';
}

static int
digest_xdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
digest_unhex(unsigned char *bytes, size_t len, const char *hex)
{
	size_t	 i;
	int	 hi, lo;

	for (i = 0; i < len; i++) {
		if ((hi = digest_xdigit(hex[2 * i])) < 0 ||
		    (lo = digest_xdigit(hex[2 * i + 1])) < 0)
			return -1;
		bytes[i] = (unsigned char)(hi << 4 | lo);
	}
	return hex[2 * len] == '\0' ? 0 : -1;
}
