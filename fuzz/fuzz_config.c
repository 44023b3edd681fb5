/* SPDX-License-Identifier: MIT */
/*
 * fuzz_config.c: libFuzzer harness for the team config reader: bytes as
 * 'handoff.yml' through config_load_mem (libyaml, with its refusals of
 * duplicate keys, anchors and aliases), then the result is used the way a
 * command uses it (a timeline per segment) and disposed of.
 */
#include <stdint.h>
#include <stdlib.h>

#include "config.h"
#include "diag.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config		 c;
	struct diag_list	 dl;

	config_init(&c);
	diag_list_init(&dl);
	if (config_load_mem(&c, "handoff.yml", (const char *)data, size,
	    &dl) == 0) {
		(void)config_timeline(&c, "enterprise");
		(void)config_timeline(&c, "smb");
		(void)config_timeline(&c, NULL);
	}
	config_dispose(&c);
	diag_list_dispose(&dl);
	return 0;
}
