/* SPDX-License-Identifier: MIT */
/*
 * web_deal_parts.c: the parts of a deal's page after the pillars, in
 * the PDF's order (timeline, process record, links, sign-off), and the
 * prose blocks every part uses: paragraphs, lists and tables in the
 * author's order, and the sections the author added.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "calls/calls_model.h"
#include "model.h"
#include "render.h"
#include "timeline.h"
#include "render_words.h"
#include "web/html_out.h"
#include "web/web.h"

/* ------------------------------------------------------------ blocks */

static void
block_table(struct buf *b, const xmlNode *tbl)
{
	xmlNodePtr	 tr, td;
	int		 head = 1;

	buf_puts(b, "<div class=\"wrap\"><table>");
	for (tr = model_child(tbl, "tr"); tr != NULL; tr = model_next(tr, "tr")) {
		buf_puts(b, head ? "<thead><tr>" : "<tr>");
		for (td = model_child(tr, "td"); td != NULL;
		    td = model_next(td, "td"))
			html_fmt(b, head ? "<th scope=\"col\">%s</th>" :
			    "<td>%s</td>", model_text(td));
		buf_puts(b, head ? "</tr></thead><tbody>" : "</tr>");
		head = 0;
	}
	buf_puts(b, head ? "<tbody></tbody></table></div>" :
	    "</tbody></table></div>");
}

/* Paragraphs, list items and tables, in the author's order. */
static void
block(struct buf *b, const xmlNode *x)
{
	xmlNodePtr	 n;
	const char	*name;
	int		 inlist = 0;

	for (n = model_first(x); n != NULL; n = model_next_elem(n)) {
		name = model_name(n);
		if (strcmp(name, "li") != 0 && inlist) {
			buf_puts(b, "</ul>\n");
			inlist = 0;
		}
		if (strcmp(name, "p") == 0)
			html_fmt(b, "<p>%s</p>\n", model_text(n));
		else if (strcmp(name, "li") == 0) {
			if (!inlist)
				buf_puts(b, "<ul>");
			inlist = 1;
			html_fmt(b, "<li>%s</li>", model_text(n));
		} else if (strcmp(name, "table") == 0)
			block_table(b, n);
	}
	if (inlist)
		buf_puts(b, "</ul>\n");
}

void
web_block(struct buf *b, const xmlNode *parent, const char *name,
    const char *title)
{
	xmlNodePtr	 x = model_child(parent, name);

	if (x == NULL || !model_has_text(x))
		return;
	html_fmt(b, "<h3>%s</h3>\n", title);
	block(b, x);
}

static void
extra_section(struct buf *b, const xmlNode *x, int depth)
{
	const char	*h = model_attr(x, "heading");
	xmlNodePtr	 n;
	int		 lv = depth + 2 > 4 ? 4 : depth + 2;

	buf_printf(b, "<h%d>", lv);
	html_esc(b, h != NULL ? h : "Notes");
	buf_printf(b, "</h%d>\n", lv);
	block(b, x);
	for (n = model_child(x, "extra"); n != NULL; n = model_next(n, "extra"))
		extra_section(b, n, depth + 1);
}

void
web_extras(struct buf *b, const xmlNode *parent, int depth)
{
	xmlNodePtr	 n;

	for (n = model_child(parent, "extra"); n != NULL;
	    n = model_next(n, "extra"))
		if (model_attr(n, "heading") != NULL &&
		    !calls_model_is_notes(n))	/* web_deal_calls() shows it */
			extra_section(b, n, depth);
}

/* The author's extra fields of a record, as lines in a cell. */
void
web_extra_fields(struct buf *b, const xmlNode *rec)
{
	xmlNodePtr	 e;
	const char	*name;

	for (e = model_child(rec, "extra"); e != NULL; e = model_next(e, "extra")) {
		if (model_attr(e, "heading") != NULL)
			continue;
		name = model_attr(e, "name");
		html_fmt(b, "<br>%s: %s", name != NULL ? name : "extra",
		    model_text(e));
	}
}

/* ------------------------------------------------------------ timeline */

void
web_deal_timeline(struct buf *b, const struct web_info *wi)
{
	const struct timeline_step *st;
	char		 due[16];
	int		 s;

	buf_puts(b, "<section aria-labelledby=\"s-timeline\">"
	    "<h2 id=\"s-timeline\">Timeline</h2>\n");
	html_fmt(b, "<p class=\"sub\">%s</p>\n", wi->signed_day >= 0 ?
	    "Business days after the signature (day 0); weekends and the "
	    "team's holidays are skipped.  Status as of today." :
	    "Dates follow from the signature date once the deal is signed.");
	buf_puts(b, "<div class=\"wrap\"><table><thead><tr>"
	    "<th scope=\"col\">Step</th><th scope=\"col\">Window</th>"
	    "<th scope=\"col\">Due</th><th scope=\"col\">Owner</th>"
	    "<th scope=\"col\">Done when</th><th scope=\"col\">Status</th>"
	    "</tr></thead><tbody>\n");
	for (s = 0; s < STEP__MAX; s++) {
		st = &wi->tl->step[s];
		strcpy(due, "\xe2\x80\x94");
		if (wi->due[s] >= 0)
			rw_day_label(due, wi->due[s]);
		html_fmt(b, "<tr><th scope=\"row\">%s</th>", st->title);
		if (st->from == st->to)
			buf_printf(b, "<td>day %d</td>", st->to);
		else
			buf_printf(b, "<td>day %d\xe2\x80\x93%d</td>", st->from,
			    st->to);
		html_fmt(b, "<td>%s</td><td>%s</td><td>%s</td>"
		    "<td><span class=\"badge st-%s\">%s</span></td></tr>\n",
		    due, st->owner, st->done, wi->status[s], wi->status[s]);
	}
	buf_puts(b, "</tbody></table></div></section>\n");
}

/* ------------------------------------------------------------ process */

static void
field(struct buf *b, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	html_fmt(b, "<dt>%s</dt><dd>%s</dd>", label, value);
}

static void
link_field(struct buf *b, const char *label, const char *uri, int mail)
{
	if (*uri == '\0')
		return;
	if (!mail && strncmp(uri, "https://", 8) != 0 &&
	    strncmp(uri, "http://", 7) != 0) {
		field(b, label, uri);
		return;
	}
	html_fmt(b, "<dt>%s</dt><dd><a href=\"%s%s\">%s</a></dd>", label,
	    mail ? "mailto:" : "", uri, uri);
}

void
web_deal_process(struct buf *b, const struct web_info *wi)
{
	xmlNodePtr	 pr = model_find(wi->rc->m, "process"), n;
	char		 lab[64], sc[32];

	buf_puts(b, "<section aria-labelledby=\"s-process\">"
	    "<h2 id=\"s-process\">Process record</h2>\n");
	if (pr == NULL || !model_has_text(pr)) {
		buf_puts(b, "<p class=\"sub\">Nothing recorded yet: the handoff "
		    "call, the CS review, the intro and the 30-day feedback go "
		    "here.</p></section>\n");
		return;
	}
	if ((n = model_child(pr, "handoff-call")) != NULL) {
		buf_puts(b, "<h3>Handoff call</h3><dl class=\"facts\">");
		field(b, "Date", rw_txt(n, "date"));
		link_field(b, "Recording", rw_txt(n, "recording"), 0);
		buf_puts(b, "</dl>\n");
	}
	if ((n = model_child(pr, "review")) != NULL) {
		buf_puts(b, "<h3>CS review</h3><dl class=\"facts\">");
		field(b, "Decision", rw_pretty(lab, rw_txt(n, "decision")));
		field(b, "By", rw_txt(n, "by"));
		field(b, "Date", rw_txt(n, "date"));
		field(b, "Reason", rw_txt(n, "reason"));
		field(b, "Comment", rw_txt(n, "comment"));
		buf_puts(b, "</dl>\n");
	}
	if (*rw_txt(pr, "intro-sent") != '\0')
		html_fmt(b, "<h3>Intro sent</h3><dl class=\"facts\"><dt>Date</dt>"
		    "<dd>%s</dd></dl>\n", rw_txt(pr, "intro-sent"));
	if ((n = model_child(pr, "feedback")) != NULL) {
		sc[0] = '\0';
		if (*rw_txt(n, "score") != '\0')
			snprintf(sc, sizeof(sc), "%.8s / 10", rw_txt(n, "score"));
		buf_puts(b, "<h3>30-day feedback</h3><dl class=\"facts\">");
		field(b, "Score", sc);
		field(b, "Comment", rw_txt(n, "comment"));
		buf_puts(b, "</dl>\n");
	}
	web_block(b, pr, "retro", "Retro");
	if ((n = model_child(pr, "outcome")) != NULL) {
		buf_puts(b, "<h3>Outcome</h3><dl class=\"facts\">");
		field(b, "Result", rw_pretty(lab, rw_txt(n, "result")));
		field(b, "Date", rw_txt(n, "date"));
		buf_puts(b, "</dl>\n");
	}
	web_extras(b, pr, 1);
	buf_puts(b, "</section>\n");
}

/* ------------------------------------------------------------ links */

static void
signoff(struct buf *b, const struct web_info *wi)
{
	xmlNodePtr	 rv = model_find(wi->rc->m, "process/review");

	buf_puts(b, "<h3>Sign-off</h3>\n");
	html_fmt(b, "<p>Prepared by %s (AE) for %s (CSM).</p>\n",
	    rw_txt(wi->deal, "ae/name"), rw_txt(wi->deal, "csm/name"));
	if (rv != NULL && *rw_txt(rv, "decision") != '\0') {
		html_fmt(b, "<p><strong>CS acknowledgement: %s by %s on %s.",
		    rw_txt(rv, "decision"), *rw_txt(rv, "by") ?
		    rw_txt(rv, "by") : "(not named)", *rw_txt(rv, "date") ?
		    rw_txt(rv, "date") : "(no date)");
		if (*rw_txt(rv, "reason") != '\0')
			html_fmt(b, " Reason: %s.", rw_txt(rv, "reason"));
		if (*rw_txt(rv, "comment") != '\0')
			html_fmt(b, " %s", rw_txt(rv, "comment"));
		buf_puts(b, "</strong></p>\n");
		return;
	}
	buf_puts(b, "<p>CS acknowledgement: the CSM confirms receipt of this "
	    "package and that it is complete enough to run the handoff call "
	    "(not yet recorded).</p>\n");
}

void
web_deal_links(struct buf *b, const struct web_info *wi,
    const struct web_files *f)
{
	xmlNodePtr	 n;
	struct buf	 lab;
	int		 i = 1;

	buf_puts(b, "<section aria-labelledby=\"s-links\">"
	    "<h2 id=\"s-links\">Links and sign-off</h2>\n"
	    "<h3>Links</h3><dl class=\"facts\">");
	link_field(b, "CRM record", rw_txt(wi->deal, "crm"), 0);
	link_field(b, "Proposal", rw_txt(wi->deal, "proposal"), 0);
	buf_init(&lab);
	for (n = model_child(wi->deal, "recording"); n != NULL;
	    n = model_next(n, "recording"), i++) {
		buf_clear(&lab);
		buf_printf(&lab, "Call recording %d", i);
		link_field(b, lab.data, model_text(n), 0);
	}
	link_field(b, "Handoff call recording",
	    model_get(wi->rc->m, "process/handoff-call/recording"), 0);
	buf_puts(b, "</dl>\n<h3>Contacts</h3><dl class=\"facts\">");
	buf_clear(&lab);
	buf_printf(&lab, "AE: %s", rw_txt(wi->deal, "ae/name"));
	link_field(b, lab.data, rw_txt(wi->deal, "ae/email"), 1);
	buf_clear(&lab);
	buf_printf(&lab, "CSM: %s", rw_txt(wi->deal, "csm/name"));
	link_field(b, lab.data, rw_txt(wi->deal, "csm/email"), 1);
	for (n = model_find(wi->rc->m, "relationships/stakeholder"); n != NULL;
	    n = model_next(n, "stakeholder"))
		link_field(b, rw_txt(n, "name"), rw_txt(n, "email"), 1);
	buf_puts(b, "</dl>\n");
	buf_dispose(&lab);
	signoff(b, wi);
	buf_puts(b, "</section>\n");
	(void)f;
}

/* ------------------------------------------------------------ calls */

/* The open list of the calls section so far. */
struct web_calls_state {
	struct buf	*b;
	const char	*call;
	const char	*cls;
	size_t		 n;
};

static void
web_call_point(void *arg, const char *call, const char *cls,
    const char *point)
{
	struct web_calls_state	*s = arg;

	if (s->n++ == 0)
		buf_puts(s->b, "<section aria-labelledby=\"s-calls\">"
		    "<h2 id=\"s-calls\">From the calls</h2>\n");
	if (s->call == NULL || strcmp(s->call, call) != 0) {
		if (s->call != NULL)
			buf_puts(s->b, "</ul>\n");
		html_fmt(s->b, "<h3>%s</h3>\n", call);
		s->cls = NULL;
	} else if (s->cls != NULL && strcmp(s->cls, cls) != 0)
		buf_puts(s->b, "</ul>\n");
	if (s->cls == NULL || strcmp(s->cls, cls) != 0)
		html_fmt(s->b, "<h4>%s</h4>\n<ul>\n", cls);
	s->call = call;
	s->cls = cls;
	html_fmt(s->b, "<li>%s</li>\n", point);
}

void
web_deal_calls(struct buf *b, const struct model *m)
{
	const xmlNode		*notes = calls_model_notes(model_root(m));
	struct web_calls_state	 s;
	size_t			 open;

	if (notes == NULL)
		return;
	memset(&s, 0, sizeof(s));
	s.b = b;
	open = calls_model_accepted(notes, web_call_point, &s);
	if (s.n > 0)
		buf_puts(b, "</ul>\n");
	else if (open > 0)
		buf_puts(b, "<section aria-labelledby=\"s-calls\">"
		    "<h2 id=\"s-calls\">From the calls</h2>\n");
	if (open > 0)
		html_fmt(b, "<p class=\"sub\">%d suggestion%s from the calls "
		    "%s not accepted yet and not shown: see '# Call notes' in "
		    "the deal file.</p>\n", (int)open, open == 1 ? "" : "s",
		    open == 1 ? "is" : "are");
	if (s.n > 0 || open > 0)
		buf_puts(b, "</section>\n");
}
