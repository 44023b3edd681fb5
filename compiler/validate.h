/* SPDX-License-Identifier: MIT */
/*
 * validate.h: check a canonical tree against the schema (XSD shape and
 * types), the field levels, the stage gates, the playbooks and the 48 h
 * deadline, and compute completeness.  Everything goes to the diagnostics.
 */
#ifndef HANDOFF_VALIDATE_H
#define HANDOFF_VALIDATE_H

#include <stddef.h>

struct config;
struct diag_list;
struct model;
struct schema;

enum stage {
	STAGE_UNKNOWN,
	STAGE_PRE_CLOSE,
	STAGE_SIGNED
};

/* The outcome of validating one deal. */
struct verdict {
	enum stage	 stage;
	int		 percent;	/* completeness, 0..100 (rounded down) */
	double		 filled;	/* required + recommended fields filled */
	int		 total;		/* required + recommended fields counted */
	int		 signed_day;	/* days since epoch; -1: not signed */
	int		 deadline;	/* end of the 2nd business day; -1 */
	int		 overdue;	/* past the deadline and incomplete */
	int		 complete;	/* every required field filled */
	size_t		 errors;	/* diagnostics of severity error */
	size_t		 warnings;
};

/*
 * What "complete" means everywhere (status, audit, the deadline, the web
 * pages): every field the deal's stage requires is filled; recommended
 * fields count towards the percentage only.
 */
int	validate_is_complete(const struct verdict *v);

/*
 * Validate m.  today is the date (days since epoch) used for the deadline.
 * Fills *out and adds diagnostics to dl (including the completeness
 * note).  Returns 0, or -1 on a system failure.
 */
int	validate_model(struct verdict *out, const struct model *m,
	    const struct schema *s, const struct config *c, int today,
	    struct diag_list *dl);

/*
 * True when text is a placeholder that does not fill a field: "N/A",
 * "TBD", "TODO", "?", "-", "see CRM", "lorem ipsum" and their kin,
 * case-insensitively and ignoring surrounding punctuation.
 */
int	validate_is_placeholder(const char *text);

const char *validate_stage_name(enum stage s);

#endif
