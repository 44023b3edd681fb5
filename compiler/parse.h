/* SPDX-License-Identifier: MIT */
/*
 * parse.h: the front ends.  Markdown (YAML front matter + cmark-gfm body)
 * and XML (hardened libxml2) both build the one canonical tree of model.h.
 * Input problems go to the diagnostics list; a front end never prints.
 */
#ifndef HANDOFF_PARSE_H
#define HANDOFF_PARSE_H

#include <stddef.h>

struct diag_list;
struct limits;
struct model;

/*
 * Check the raw bytes every front end refuses: empty, too large, binary
 * (NUL bytes), invalid UTF-8.  Returns 0 when the input may be parsed,
 * -1 after adding a diagnostic.
 */
int		 parse_check_bytes(const char *file, const char *data,
		    size_t len, const struct limits *lim,
		    struct diag_list *dl);

/*
 * Parse a Markdown handoff.  Returns the model (free with model_free()),
 * possibly partial when there were problems, or NULL when nothing usable
 * could be read (the diagnostics say why).
 */
struct model	*parse_md(const char *file, const char *data, size_t len,
		    const struct limits *lim, struct diag_list *dl);

/*
 * Parse the YAML front matter (the text between the '---' lines, which
 * starts at line first_line of the file) into <deal> of m.  0 or -1.
 */
int		 parse_front(struct model *m, const char *yaml, size_t len,
		    unsigned first_line, const struct limits *lim,
		    struct diag_list *dl);

/* Parse an XML handoff, refusing DTDs, entities and network access. */
struct model	*parse_xml(const char *file, const char *data, size_t len,
		    const struct limits *lim, struct diag_list *dl);

/* Pick the front end by the file name (.md / .markdown / .xml). */
struct model	*parse_any(const char *file, const char *data, size_t len,
		    const struct limits *lim, struct diag_list *dl);

#endif
