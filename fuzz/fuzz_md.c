/* SPDX-License-Identifier: MIT */
/*
 * fuzz_md.c: libFuzzer harness for the Markdown front end: bytes as
 * 'deal.md' through parse_check_bytes, parse_md (front matter and
 * cmark-gfm body) and validate_model, then the canonical fixed-point
 * oracle (fuzz_util.h).
 */
#include "fuzz_util.h"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_open();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_check("deal.md", data, size);
	return 0;
}
