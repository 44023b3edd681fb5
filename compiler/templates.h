/* SPDX-License-Identifier: MIT */
/*
 * templates.h: the team's e-mail templates (Mustache), loaded from
 * ROOT/templates/NAME.mustache or the built-in defaults, compiled once,
 * type-checked against the schema (every name must be a field or a
 * computed value) and audience-checked: a template that declares itself
 * client-facing ({{! audience: client }}) may not reach an internal field,
 * directly, through a section, a partial or inheritance.
 *
 * The e-mail templates are: intro.subject, intro.txt, intro.html (client
 * facing) and notice.subject, notice.txt (internal).
 */
#ifndef HANDOFF_TEMPLATES_H
#define HANDOFF_TEMPLATES_H

#include <stddef.h>

struct buf;
struct diag_list;
struct limits;
struct render_ctx;
struct schema;

struct templates;
struct templates_view;

/*
 * Load and check every template.  Returns NULL when any template fails to
 * compile or check (the diagnostics say where); free with templates_free().
 */
struct templates	*templates_load(const char *root,
			    const struct schema *s, const struct limits *lim,
			    struct diag_list *dl);
void			 templates_free(struct templates *t);
/* True when a template with this name ("intro.txt") is loaded. */
int			 templates_has(const struct templates *t,
			    const char *name);
/*
 * Render template name against the deal of rc (its model, the computed
 * timeline dates, the config), appending to out.  HTML templates (names
 * ending in .html) escape what they interpolate.  0 or -1.  The same as
 * templates_view_new, templates_render_view and templates_view_free.
 */
int			 templates_render(struct buf *out,
			    const struct templates *t, const char *name,
			    const struct render_ctx *rc, struct diag_list *dl);

/*
 * A deal as the templates see it, for rendering several templates (or
 * one many times) against one deal: elements are indexed and computed
 * values (timeline dates, the deal value) formatted once, on first use,
 * and kept.  rc and what it points to must outlive the view, and not
 * change.  One thread at a time per view; t itself may be shared.  NULL
 * when out of memory; free with templates_view_free().
 */
struct templates_view	*templates_view_new(const struct templates *t,
			    const struct render_ctx *rc);
void			 templates_view_free(struct templates_view *v);
/* templates_render() against a view of t; 0 or -1. */
int			 templates_render_view(struct buf *out,
			    const struct templates *t, const char *name,
			    struct templates_view *v, struct diag_list *dl);

/*
 * The i-th loaded template's name ("intro.txt"), borrowed, or NULL past
 * the end; *client says whether it is client-facing, *file where it came
 * from (either may be NULL).
 */
const char		*templates_at(const struct templates *t, size_t i,
			    int *client, const char **file);
/*
 * Append the data a template sees for the deal of rc as one JSON object
 * (every name of the schema and the computed values): for template
 * authors and for comparing with other Mustache engines.  0 or -1.
 */
int			 templates_json(struct buf *out,
			    const struct templates *t,
			    const struct render_ctx *rc);

#endif
