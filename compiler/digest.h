/* SPDX-License-Identifier: MIT */
/*
 * digest.h: SHA-1 and SHA-256 (FIPS 180-4), for git's blob ids and the
 * stamp cache's checksum (SHA-1) and the web pages' script hashes
 * (SHA-256), without linking a crypto library into every process.
 * Neither is used for security here: git names its objects by SHA-1, and
 * a Content-Security-Policy names a script by its SHA-256.
 */
#ifndef DIGEST_H
#define DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define DIGEST_SHA1_LEN		20
#define DIGEST_SHA256_LEN	32

struct digest {
	uint32_t	 h[8];		/* the state: 5 words for SHA-1, 8 for SHA-256 */
	uint64_t	 len;		/* bytes hashed so far */
	unsigned char	 block[64];	/* the partial block */
	int		 sha256;	/* 0 SHA-1, 1 SHA-256 */
};

void	digest_sha1_init(struct digest *);
void	digest_sha256_init(struct digest *);
void	digest_update(struct digest *, const void *, size_t);
/* Write the digest (20 or 32 bytes) into out. */
void	digest_final(struct digest *, unsigned char *out);

/* git's id of a blob holding data: SHA-1 of "blob LEN\0" and data. */
void	digest_git_blob(unsigned char out[DIGEST_SHA1_LEN], const void *data,
	    size_t len);

/* bytes as lower-case hex into out (2 * len + 1 bytes, NUL-terminated). */
void	digest_hex(char *out, const unsigned char *bytes, size_t len);
/* Exactly 2 * len hex digits into bytes; 0, or -1 when hex is not that. */
int	digest_unhex(unsigned char *bytes, size_t len, const char *hex);

#endif /* DIGEST_H */
