/* SPDX-License-Identifier: MIT */
/*
 * calls_model.h: the sections 'handoff calls add' writes, as the canonical
 * tree holds them (phase: calls): '## Calls' under '# Process' (the call
 * list) and '# Call notes' (the suggestions, internal).
 */
#ifndef HANDOFF_CALLS_MODEL_H
#define HANDOFF_CALLS_MODEL_H

#include <stddef.h>
#include <libxml/tree.h>

/* True for the two sections handoff writes itself: they are known, not
 * the author's unknown sections. */
int		 calls_model_is_own(const xmlNode *x);
/* True for '# Call notes' itself. */
int		 calls_model_is_notes(const xmlNode *x);
/* True when root has sections of the author's ('# Call notes' is not). */
int		 calls_model_has_extras(const xmlNode *root);
/* The '# Call notes' section of the tree's root, or NULL. */
const xmlNode	*calls_model_notes(const xmlNode *root);

/* One accepted point: the call's heading, the class's heading, and
 * the point with '[MM:SS]' for its timestamp. */
typedef void	(*calls_model_fn)(void *arg, const char *call,
		    const char *cls, const char *point);
/* Each accepted point of notes to fn, in file order; the number of
 * points not accepted yet. */
size_t		 calls_model_accepted(const xmlNode *notes, calls_model_fn fn,
		    void *arg);

#endif
