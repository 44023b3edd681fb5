/* SPDX-License-Identifier: MIT */
/*
 * web_index.c: output/index.html, every deal in one table: client,
 * segment, stage, AE, CSM, completeness, deadline, status (overdue in
 * red, due soon in amber, accepted, rejected with the reason), the next
 * step and its date.  Each deal's row is made when the deal is built
 * (web_index_row) and kept beside its page, so an unchanged deal costs
 * nothing; the index is the rows in order.  The table reads as it is
 * without scripts; templates/web-index.js adds sorting, the search box
 * and the status filter (allowed by its hash in the CSP).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "fsutil.h"
#include "model.h"
#include "render.h"
#include "timeline.h"
#include "validate.h"
#include "render_words.h"
#include "web/html_out.h"
#include "web/web.h"

/* A sort key of a cell with its date, "9999" when there is none. */
static void
date_cell(struct buf *b, int day)
{
	char	 iso[11];

	if (day < 0) {
		buf_puts(b, "<td data-v=\"9999\">\xe2\x80\x94</td>");
		return;
	}
	date_format(day, iso);
	buf_printf(b, "<td class=\"nowrap\" data-v=\"%s\">%s</td>", iso, iso);
}

int
web_index_row(struct buf *out, const struct render_ctx *rc, int errors,
    int linked)
{
	struct web_info	 wi;
	const xmlNode	*d;
	char		 seg[64], stage[64];
	int		 pct = rc->v != NULL ? rc->v->percent : 0;
	const char	*reason;

	/* seg is reused for the reason below, once the segment is out */
	web_info_init(&wi, rc);
	d = wi.deal;
	html_fmt(out, "<tr data-id=\"%s\" data-status=\"%s\" "
	    "class=\"row-%s\"><th scope=\"row\">", rw_txt(d, "id"), wi.state,
	    wi.state);
	if (errors == 0 || linked)
		html_fmt(out, "<a href=\"%s/index.html\">%s</a>",
		    rw_txt(d, "id"), *rw_txt(d, "client") ?
		    rw_txt(d, "client") : rw_txt(d, "id"));
	if (errors == 0)
		buf_puts(out, "</th>");
	else if (linked)
		html_fmt(out, "<span class=\"reason\">%d error%s: see the page"
		    "</span></th>", errors, errors == 1 ? "" : "s");
	else
		html_fmt(out, "%s<span class=\"reason\">%d error%s: run "
		    "<code>handoff check</code>; no package until fixed</span>"
		    "</th>", *rw_txt(d, "client") ? rw_txt(d, "client") :
		    rw_txt(d, "id"), errors, errors == 1 ? "" : "s");
	html_fmt(out, "<td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
	    rw_pretty(seg, rw_txt(d, "segment")),
	    rw_pretty(stage, rw_txt(d, "stage")), rw_txt(d, "ae/name"),
	    rw_txt(d, "csm/name"));
	buf_printf(out, "<td class=\"nowrap\" data-v=\"%03d\">", pct);
	web_bar(out, pct);
	buf_puts(out, "</td>");
	date_cell(out, rc->v != NULL ? rc->v->deadline : -1);
	html_fmt(out, "<td data-v=\"%s\"><span class=\"badge st-%s\">%s</span>",
	    strcmp(wi.state, "overdue") == 0 ? "0" : strcmp(wi.state, "soon")
	    == 0 ? "1" : strcmp(wi.state, "rejected") == 0 ? "2" :
	    strcmp(wi.state, "progress") == 0 ? "3" : "4", wi.state,
	    wi.state_label);
	reason = model_get(rc->m, "process/review/reason");
	if (strcmp(wi.state, "rejected") == 0 && *reason != '\0')
		html_fmt(out, "<span class=\"reason\">%s</span>",
		    rw_pretty(seg, reason));
	buf_puts(out, "</td>");
	if (wi.next < 0)
		buf_puts(out, "<td>Every step done</td><td data-v=\"9999\">"
		    "\xe2\x80\x94</td>");
	else {
		html_fmt(out, "<td>%s</td>", wi.tl->step[wi.next].title);
		date_cell(out, wi.due[wi.next]);
	}
	buf_puts(out, "</tr>\n");
	return out->data == NULL ? -1 : 0;
}

static const char *
index_script(void)
{
	const struct embedded	*e = fs_embedded("templates/web-index.js");

	return e != NULL ? (const char *)e->data : NULL;
}

int
web_index_page(struct buf *out, const char *rows, size_t nrows, int today,
    const char *refresh)
{
	struct html_page p;
	char		 iso[11], foot[96];

	date_format(today, iso);
	memset(&p, 0, sizeof(p));
	p.title = "Handoffs: every deal (internal)";
	p.script = index_script();
	p.refresh = refresh;
	p.home = "index.html";
	html_page_open(out, &p);
	buf_printf(out, "<h1>Handoffs</h1>\n<p class=\"sub\">%zu deal%s, as of "
	    "%s. Red: past the 48-hour deadline and incomplete; amber: due "
	    "within a day.</p>\n", nrows, nrows == 1 ? "" : "s", iso);
	buf_puts(out, "<div role=\"search\"><form id=\"controls\" class=\"controls\" "
	    "hidden><label>Search<input id=\"q\" type=\"search\" "
	    "placeholder=\"client, AE, CSM\xe2\x80\xa6\"></label>"
	    "<label>Status<select id=\"status\"><option value=\"\">All"
	    "</option><option value=\"overdue\">Overdue</option>"
	    "<option value=\"soon\">Due soon</option><option value=\"progress\">"
	    "In progress / pre-close</option><option value=\"accepted\">"
	    "Accepted</option><option value=\"rejected\">Rejected</option>"
	    "</select></label><output id=\"count\" class=\"count\" "
	    "for=\"q status\"></output></form></div>\n");
	buf_puts(out, "<div class=\"wrap\"><table id=\"deals\"><caption "
	    "class=\"visually-hidden\">Every deal with its handoff status"
	    "</caption><thead><tr><th scope=\"col\">Client</th>"
	    "<th scope=\"col\">Segment</th><th scope=\"col\">Stage</th>"
	    "<th scope=\"col\">AE</th><th scope=\"col\">CSM</th>"
	    "<th scope=\"col\">Complete</th><th scope=\"col\">Deadline</th>"
	    "<th scope=\"col\">Status</th><th scope=\"col\">Next step</th>"
	    "<th scope=\"col\">Next due</th></tr></thead><tbody>\n");
	buf_puts(out, rows != NULL ? rows : "");
	buf_puts(out, "</tbody></table></div>\n");
	if (nrows == 0)
		buf_puts(out, "<p>No deals have been built yet: run "
		    "<code>handoff build</code>.</p>\n");
	snprintf(foot, sizeof(foot), "Internal \xe2\x80\x94 do not forward "
	    "\xc2\xb7 as of %s", iso);
	return html_page_close(out, &p, foot) == -1 || out->data == NULL ? -1 : 0;
}
