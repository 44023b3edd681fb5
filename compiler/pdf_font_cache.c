/* SPDX-License-Identifier: MIT */
/*
 * pdf_font_cache.c: font work kept between processes, under
 * OUTDIR/.cache/fonts/: the subset of a face for a set of code points
 * (HarfBuzz takes ~6 M instructions per deal to cut two faces) and each
 * face's BMP width table.  One file per entry, named by the XXH3-128 of
 * its key (the face file's identity, HarfBuzz's version, the code
 * points); it begins with a line holding that key hash, the hash of the
 * bytes that follow and their length.  An entry whose line does not match
 * its key or its bytes is rebuilt, never trusted.  Entries are written to
 * a temp file and renamed, so two builds at once, or a crash, leave
 * either a whole entry or none.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "fsutil.h"
#include "pdf_font_cache.h"

#define ENTRY_MAX	((size_t)16 << 20)
#define MAGIC		"handoff font cache 1"

static void
hex128(char out[33], const void *data, size_t len)
{
	XXH128_hash_t	 h = XXH3_128bits(data, len);

	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64,
	    (unsigned long long)h.low64);
}

/* dir/KEYHASH; NULL out of memory. */
static char *
entry_path(const char *dir, const char keyhash[33])
{
	return fs_join(dir, keyhash);
}

int
font_cache_get(void **out, size_t *lenp, const char *dir, const void *key,
    size_t keylen)
{
	char		 kh[33], ch[33], want_k[33], want_c[33], *path, *data = NULL;
	char		*nl;
	size_t		 len, blen;
	unsigned long long n;

	*out = NULL;
	*lenp = 0;
	hex128(kh, key, keylen);
	if ((path = entry_path(dir, kh)) == NULL)
		return -1;
	if (fs_read(path, ENTRY_MAX, &data, &len) == -1)
		goto miss;
	if ((nl = memchr(data, '\n', len < 128 ? len : 128)) == NULL)
		goto miss;
	*nl = '\0';
	if (sscanf(data, MAGIC " %32s %32s %llu", want_k, want_c, &n) != 3)
		goto miss;
	blen = len - (size_t)(nl + 1 - data);
	if (strcmp(want_k, kh) != 0 || n != blen)
		goto miss;
	hex128(ch, nl + 1, blen);
	if (strcmp(want_c, ch) != 0)
		goto miss;
	memmove(data, nl + 1, blen);
	*out = data;
	*lenp = blen;
	free(path);
	return 0;
miss:
	free(data);
	free(path);
	return -1;
}

int
font_cache_put(const char *dir, const void *key, size_t keylen,
    const void *data, size_t len)
{
	char	 kh[33], ch[33], head[128], *path, *buf;
	int	 hl, rc = -1;

	hex128(kh, key, keylen);
	hex128(ch, data, len);
	hl = snprintf(head, sizeof(head), MAGIC " %s %s %zu\n", kh, ch, len);
	if (hl < 0 || (size_t)hl >= sizeof(head))
		return -1;
	if (fs_mkdirs(dir) == -1 || (path = entry_path(dir, kh)) == NULL)
		return -1;
	if ((buf = malloc((size_t)hl + len)) != NULL) {
		memcpy(buf, head, (size_t)hl);
		memcpy(buf + hl, data, len);
		rc = fs_write_atomic(path, buf, (size_t)hl + len);
		free(buf);
	}
	free(path);
	return rc;
}
