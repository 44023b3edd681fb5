/* SPDX-License-Identifier: MIT */
/*
 * fuzz_mustache.c: libFuzzer harness for the template engine.  The input
 * is a template, optionally followed by a NUL byte and YAML data (else a
 * fixed data set with strings, lists, maps and HTML specials).  The
 * template is compiled, added to a partial set under its own name (so
 * {{>self}} recurses until the depth limit), and rendered plain, as HTML
 * and in check mode (every branch once, with a note callback).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "mustache.h"

#define DEPTH	16

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char fixed[] =
    "client: Acme & <Sons>\n"
    "deal: {id: acme, value: 180000, signed: true}\n"
    "stakeholders:\n"
    "  - {name: \"Zo\xc3\xab\", email: z@a.example, primary: true}\n"
    "  - {name: Ana, roles: [champion, user]}\n"
    "empty: []\n"
    "none: null\n"
    "no: false\n";

static void
note(void *ud, const struct mustache_note *n)
{
	size_t	*count = ud;

	if (n->name != NULL && n->len > 0)
		(*count) += (unsigned char)n->name[0] & 1;
}

static void
render(const struct mustache *t, const struct mustache_set *set,
    const struct myaml *y, int flags)
{
	struct mustache_data	 d = mustache_yaml_data;
	struct mustache_render	 r;
	struct mustache_val	 root = mustache_yaml_val(y);
	struct diag_list	 dl;
	struct buf		 out;
	size_t			 count = 0;

	if (flags & MUSTACHE_CHECK)
		d.note = note;
	r.data = &d;
	r.ud = &count;
	r.partials = set;
	r.max_depth = DEPTH;
	r.flags = flags;
	buf_init(&out);
	diag_list_init(&dl);
	(void)mustache_render(&out, t, &root, &r, &dl);
	buf_dispose(&out);
	diag_list_dispose(&dl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*src = (const char *)data, *ydata = fixed;
	const uint8_t		*nul = memchr(data, '\0', size);
	size_t			 tlen = size, ylen = sizeof(fixed) - 1;
	struct diag_list	 dl;
	struct mustache		*t;
	struct mustache_set	*set = NULL;
	struct myaml		*y = NULL;

	if (nul != NULL) {
		tlen = (size_t)(nul - data);
		ydata = (const char *)nul + 1;
		ylen = size - tlen - 1;
	}
	diag_list_init(&dl);
	if ((y = mustache_yaml_load("data.yml", ydata, ylen, DEPTH, &dl)) ==
	    NULL || (set = mustache_set_new()) == NULL)
		goto out;
	if ((t = mustache_compile("self", "fuzz.mustache", src, tlen,
	    &dl)) == NULL || mustache_set_add(set, t) == -1)
		goto out;
	render(t, set, y, 0);
	render(t, set, y, MUSTACHE_HTML);
	render(t, set, y, MUSTACHE_CHECK);
out:
	mustache_set_free(set);
	mustache_yaml_free(y);
	diag_list_dispose(&dl);
	return 0;
}
