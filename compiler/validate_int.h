/* SPDX-License-Identifier: MIT */
/*
 * validate_int.h: what validate.c (types, placeholders) and complete.c
 * (levels, completeness, stage gates, playbooks, deadline) share while
 * they check one deal.  Private to those two files.
 */
#ifndef HANDOFF_VALIDATE_INT_H
#define HANDOFF_VALIDATE_INT_H

#include <libxml/tree.h>

#include "rules.h"
#include "schema.h"

struct config;
struct diag_list;
struct model;
struct playbook;
struct verdict;

/* Who raised a field's level above the schema's: a playbook or handoff.yml. */
struct level_src {
	const struct playbook	*pb;		/* NULL: not a playbook */
	const struct pb_rule	*rule;		/* the playbook's entry */
	int			 config;	/* handoff.yml 'required:' */
};

/* What the checks share while validating one deal. */
struct vstate {
	const struct model	*m;
	const struct schema	*s;
	const struct config	*c;
	struct diag_list	*dl;
	const struct diag_list	*front;		/* what the front end said */
	struct verdict		*v;
	enum level		*level;		/* effective level per field */
	struct level_src	*src;		/* where each level comes from */
	const struct playbook	*pbs[16];	/* the playbooks that apply */
	size_t			 npbs;
	const xmlNode		*xsd_bad[64];	/* nodes the XSD reported */
	size_t			 nxsd_bad;
	int			 missing_required;
};

/* The deal is at the signed stage. */
int	vstate_is_signed(const struct vstate *st);
/* An error once signed, a warning on a draft. */
enum sev vstate_gate_sev(const struct vstate *st);
/* Present, with text, not only placeholders (or an explicit "None"). */
int	vstate_is_filled(const xmlNode *n);
/* Any placeholder text at or below n. */
int	vstate_has_placeholder(const xmlNode *n);
/* n holds a value of the wrong type (reported already): it fills nothing. */
int	vstate_is_invalid(const struct vstate *st, const xmlNode *n);
void	vstate_mark_invalid(struct vstate *st, const xmlNode *n);

/* complete.c: the phases after the type checks, in the order they run. */
void	complete_read_stage(struct vstate *st);
void	complete_select_playbooks(struct vstate *st);
void	complete_raise_levels(struct vstate *st);
void	complete_levels(struct vstate *st);
void	complete_gates(struct vstate *st);
void	complete_review(struct vstate *st);
void	complete_playbooks(struct vstate *st);
void	complete_unknown_sections(struct vstate *st);
/* complete_lines.c: 'Parent/Label' written as a 'Label: value' line under
 * a section headed Parent, with a real value. */
int	complete_section_line(const struct vstate *st, const char *target);
void	complete_threshold(struct vstate *st);
void	complete_deadline(struct vstate *st, int today);

#endif
