/* SPDX-License-Identifier: MIT */
/*
 * render_pdf_calls.c: the package's "From the calls" chapter: the key
 * points the AE accepted from the call notes ('[x]'), per call and class,
 * each with its timestamp.  Suggestions not accepted yet are counted,
 * never shown; the call list itself is in the process record.
 */
#include <string.h>

#include <libxml/tree.h>

#include "calls/calls_model.h"
#include "model.h"
#include "pdf_draw.h"
#include "render_pdf_int.h"

/* What the chapter has drawn so far, to put each heading once. */
struct rp_calls_state {
	struct rp	*r;
	const char	*call;
	const char	*cls;
	size_t		 n;
};

static void
one_point(void *arg, const char *call, const char *cls, const char *point)
{
	struct rp_calls_state	*s = arg;

	if (s->n++ == 0)
		pdf_heading(&s->r->p, 0, "From the calls");
	if (s->call == NULL || strcmp(s->call, call) != 0) {
		pdf_heading(&s->r->p, 1, call);
		s->cls = NULL;
	}
	if (s->cls == NULL || strcmp(s->cls, cls) != 0)
		pdf_para(&s->r->p, PDF_BOLD, BODY, &PDF_INK, 0, cls);
	s->call = call;
	s->cls = cls;
	pdf_bullet(&s->r->p, "\xe2\x80\xa2", &PDF_ACCENT, point);
}

void
rp_calls(struct rp *r)
{
	const xmlNode		*notes = calls_model_notes(model_root(r->m));
	struct rp_calls_state	 s;
	size_t			 open;

	if (notes == NULL)
		return;
	memset(&s, 0, sizeof(s));
	s.r = r;
	open = calls_model_accepted(notes, one_point, &s);
	if (open == 0)
		return;
	if (s.n == 0)
		pdf_heading(&r->p, 0, "From the calls");
	buf_clear(&r->tmp);
	buf_printf(&r->tmp, "%zu suggestion%s from the calls %s not accepted "
	    "yet and %s not in this package: see '# Call notes' in the deal "
	    "file.", open, open == 1 ? "" : "s", open == 1 ? "is" : "are",
	    open == 1 ? "is" : "are");
	pdf_para(&r->p, PDF_REGULAR, BODY, &PDF_MUTED, 0, r->tmp.data);
}
