/* SPDX-License-Identifier: MIT */
/*
 * web_deal.c: a deal's page, output/<deal>/index.html: the handoff
 * package as a web page, with the PDF's content in the PDF's order:
 * cover facts and completeness, at a glance, context (objections,
 * commitments), relationships (power map as inline SVG, stakeholders),
 * goals (the success plan), risks with their severity colours, then
 * web_deal_parts.c's timeline, process record, links and sign-off.
 * Links to the PDF, the e-mails and the calendar that sit beside it.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "calls/calls_model.h"
#include "diag.h"
#include "model.h"
#include "render.h"
#include "rules.h"
#include "timeline.h"
#include "validate.h"
#include "render_words.h"
#include "web/html_out.h"
#include "web/web.h"

/* The contract value as rw_money() writes it, escaped. */
static void
money(struct buf *b, const xmlNode *v)
{
	struct buf	 t;

	buf_init(&t);
	rw_money(&t, v);
	if (t.data != NULL)
		html_esc(b, t.data);
	buf_dispose(&t);
}

static void
fact(struct buf *b, const char *label, const char *value)
{
	html_fmt(b, "<dt>%s</dt><dd>%s</dd>", label, value != NULL &&
	    *value != '\0' ? value : "\xe2\x80\x94");
}

/* The renewal date; one handoff worked out from the term says so, and
 * from what, as the PDF cover does ('2029-11-20 (derived: signed + 36
 * months)'). */
static void
renewal(struct buf *b, const xmlNode *deal)
{
	struct buf	 basis;

	buf_init(&basis);
	if (rw_renewal_basis(&basis, deal) && basis.data != NULL)
		html_fmt(b, "<dt>%s</dt><dd>%s <span class=\"sub\">(derived: "
		    "%s)</span></dd>", "Renewal", rw_txt(deal, "renewal"),
		    basis.data);
	else
		fact(b, "Renewal", rw_txt(deal, "renewal"));
	buf_dispose(&basis);
}

static void
person(struct buf *b, const char *label, const xmlNode *p)
{
	html_fmt(b, "<dt>%s</dt><dd>%s", label, rw_txt(p, "name"));
	if (*rw_txt(p, "email") != '\0')
		html_fmt(b, "<br><a href=\"mailto:%s\">%s</a>",
		    rw_txt(p, "email"), rw_txt(p, "email"));
	buf_puts(b, "</dd>");
}

static void
files(struct buf *b, const struct web_files *f)
{
	if (f == NULL || !(f->pdf || f->intro || f->notice || f->ics))
		return;
	buf_puts(b, "<nav aria-label=\"Files of this deal\"><ul class=\"links\">");
	if (f->pdf)
		buf_puts(b, "<li><a href=\"handoff-package.pdf\">Handoff package "
		    "(PDF)</a></li>");
	if (f->intro)
		buf_puts(b, "<li><a href=\"intro-email.eml\">Client intro e-mail "
		    "(.eml)</a></li>");
	if (f->notice)
		buf_puts(b, "<li><a href=\"handoff-notice.eml\">CSM notice "
		    "(.eml)</a></li>");
	if (f->ics)
		buf_puts(b, "<li><a href=\"timeline.ics\">Timeline calendar "
		    "(.ics)</a></li>");
	buf_puts(b, "</ul></nav>\n");
}

static void
cover(struct buf *b, const struct web_info *wi, const struct web_files *f)
{
	const struct render_ctx	*rc = wi->rc;
	const xmlNode	*d = wi->deal;
	char		 seg[64], stage[64], day[11] = "", dl[11] = "";
	xmlNodePtr	 e;

	html_fmt(b, "<p class=\"sub\">HANDOFF PACKAGE \xc2\xb7 Sales \xe2\x86\x92 "
	    "Customer Success \xc2\xb7 deal %s</p>\n<h1>%s</h1>\n",
	    rw_txt(d, "id"), *rw_txt(d, "client") ? rw_txt(d, "client") :
	    "Unnamed client");
	html_fmt(b, "<p><span class=\"badge st-%s\">%s</span> ", wi->state,
	    wi->state_label);
	web_bar(b, rc->v != NULL ? rc->v->percent : 0);
	buf_puts(b, "</p>\n");
	files(b, f);
	if (wi->signed_day >= 0)
		date_format(wi->signed_day, day);
	if (rc->v != NULL && rc->v->deadline >= 0)
		date_format(rc->v->deadline, dl);
	buf_puts(b, "<dl class=\"facts\">");
	fact(b, "Segment", rw_pretty(seg, rw_txt(d, "segment")));
	fact(b, "Stage", rw_pretty(stage, rw_txt(d, "stage")));
	html_fmt(b, "<dt>%s</dt><dd>", "Contract value");
	money(b, model_child(d, "value"));
	buf_puts(b, "</dd>");
	fact(b, "Term", rw_txt(d, "term"));
	fact(b, "Signed", day);
	fact(b, "Handoff due", dl);
	fact(b, "Start", rw_txt(d, "start"));
	fact(b, "Go-live", rw_txt(d, "go-live"));
	renewal(b, d);
	fact(b, "Industry", rw_txt(d, "industry"));
	person(b, "AE", model_child(d, "ae"));
	person(b, "CSM", model_child(d, "csm"));
	for (e = model_child(d, "extra"); e != NULL; e = model_next(e, "extra"))
		fact(b, model_attr(e, "name") ? model_attr(e, "name") : "extra",
		    model_text(e));
	html_fmt(b, "</dl>\n<p class=\"sub\">Version %s</p>\n",
	    rc->version != NULL ? rc->version : "not in git");
}

/* ------------------------------------------------------------ at a glance */

static void
glance_risks(struct buf *b, const struct model *m)
{
	xmlNodePtr	 k;
	int		 n = 0, rank, sr;

	buf_puts(b, "<h3>Top risks</h3>\n");
	for (rank = 0; rank <= 4 && n < 3; rank++)
		for (k = model_find(m, "risks/risk"); k != NULL && n < 3;
		    k = model_next(k, "risk")) {
			if ((sr = rw_sev_rank(rw_txt(k, "severity"))) != rank)
				continue;
			if (n++ == 0)
				buf_puts(b, "<ul>");
			html_fmt(b, "<li>%s <span class=\"badge sev-%s\">%s</span>"
			    " %s</li>", rw_txt(k, "text"), sr < 4 ? rw_sev_name[sr] :
			    "none", rw_txt(k, "severity"), rw_txt(k, "owner"));
		}
	if (n == 0)
		html_fmt(b, "<p class=\"sub\">%s</p>\n", model_find(m, "risks") &&
		    model_attr(model_find(m, "risks"), "none") ?
		    "None identified." : "No risks recorded.");
	else
		buf_puts(b, "</ul>\n");
}

static void
glance(struct buf *b, const struct web_info *wi)
{
	const struct model *m = wi->rc->m;
	xmlNodePtr	 st, g, c;
	char		 due[16];
	int		 n, s;

	buf_puts(b, "<section aria-labelledby=\"s-glance\">"
	    "<h2 id=\"s-glance\">At a glance</h2>\n<h3>Primary contact</h3>\n");
	for (st = model_find(m, "relationships/stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"))
		if (model_attr(st, "primary") != NULL &&
		    strcmp(model_attr(st, "primary"), "true") == 0)
			break;
	if (st == NULL)
		buf_puts(b, "<p class=\"sub\">No primary contact named yet.</p>\n");
	else {
		html_fmt(b, "<p>%s", rw_txt(st, "name"));
		if (*rw_txt(st, "title") != '\0')
			html_fmt(b, ", %s", rw_txt(st, "title"));
		if (*rw_txt(st, "email") != '\0')
			html_fmt(b, " \xc2\xb7 <a href=\"mailto:%s\">%s</a>",
			    rw_txt(st, "email"), rw_txt(st, "email"));
		if (*rw_txt(st, "channel") != '\0')
			html_fmt(b, " \xc2\xb7 prefers %s", rw_txt(st, "channel"));
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "<h3>Top goals</h3>\n");
	for (n = 0, g = model_find(m, "goals/metric"); g != NULL && n < 3;
	    g = model_next(g, "metric"), n++)
		html_fmt(b, "%S<li>%s: %s by %s</li>", n == 0 ? "<ul>" : "",
		    rw_txt(g, "name"), rw_txt(g, "target"), rw_txt(g, "due"));
	buf_puts(b, n == 0 ? "<p class=\"sub\">No success metrics yet.</p>\n" :
	    "</ul>\n");
	glance_risks(b, m);
	buf_puts(b, "<h3>Open commitments</h3>\n");
	for (n = 0, c = model_find(m, "context/commitments/commitment");
	    c != NULL; c = model_next(c, "commitment")) {
		if (model_attr(c, "done") != NULL &&
		    strcmp(model_attr(c, "done"), "true") == 0)
			continue;
		html_fmt(b, "%S<li>\xe2\x98\x90 %s (%s, by %s)</li>",
		    n++ == 0 ? "<ul>" : "", rw_txt(c, "text"), rw_txt(c, "who"),
		    *rw_txt(c, "due") ? rw_txt(c, "due") : "no date");
	}
	buf_puts(b, n == 0 ? "<p class=\"sub\">No open commitments.</p>\n" :
	    "</ul>\n");
	buf_puts(b, "<h3>Next steps</h3>\n");
	for (n = 0, s = 0; s < STEP__MAX && n < 3; s++) {
		if (strcmp(wi->status[s], "done") == 0)
			continue;
		strcpy(due, "after signature");
		if (wi->due[s] >= 0)
			date_format(wi->due[s], due);
		html_fmt(b, "%S<li>%s \xe2\x80\x94 %s, %s <span class=\"badge "
		    "st-%s\">%s</span></li>", n++ == 0 ? "<ul>" : "",
		    wi->tl->step[s].title, due, wi->tl->step[s].owner,
		    wi->status[s], wi->status[s]);
	}
	buf_puts(b, n == 0 ? "<p class=\"sub\">Every step of the timeline is "
	    "done.</p>\n" : "</ul>\n");
	buf_puts(b, "</section>\n");
}

/* ------------------------------------------------------------ pillars */

static void
objections(struct buf *b, const xmlNode *ctx)
{
	xmlNodePtr	 o = model_find_from(ctx, "objections/objection");

	if (o == NULL)
		return;
	buf_puts(b, "<h3>Objections</h3><div class=\"wrap\"><table><thead><tr>"
	    "<th scope=\"col\">Objection</th><th scope=\"col\">How we "
	    "answered</th></tr></thead><tbody>");
	for (; o != NULL; o = model_next(o, "objection")) {
		html_fmt(b, "<tr><td>%s</td><td>%s", rw_txt(o, "text"),
		    rw_txt(o, "answer"));
		web_extra_fields(b, o);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table></div>\n");
}

static void
commitments(struct buf *b, const xmlNode *ctx)
{
	xmlNodePtr	 cs = model_child(ctx, "commitments"), o;
	const char	*none;
	int		 done;

	if (cs == NULL)
		return;
	buf_puts(b, "<h3>Commitments</h3>\n");
	none = model_attr(cs, "none");
	if ((none != NULL && strcmp(none, "true") == 0) ||
	    model_child(cs, "commitment") == NULL) {
		html_fmt(b, "<p>%s</p>\n", none != NULL ? "None: no commitments "
		    "or custom requests were made during the sale." :
		    "No commitments recorded.");
		return;
	}
	buf_puts(b, "<div class=\"wrap\"><table><thead><tr><th scope=\"col\">"
	    "Status</th><th scope=\"col\">Commitment</th><th scope=\"col\">"
	    "Promised by</th><th scope=\"col\">Due</th></tr></thead><tbody>");
	for (o = model_child(cs, "commitment"); o != NULL;
	    o = model_next(o, "commitment")) {
		done = model_attr(o, "done") != NULL &&
		    strcmp(model_attr(o, "done"), "true") == 0;
		html_fmt(b, "<tr><td><span class=\"badge st-%s\">%s</span></td>"
		    "<td>%s</td><td>%s</td><td>%s</td></tr>\n", done ? "done" :
		    "open", done ? "\xe2\x98\x91 done" : "\xe2\x98\x90 open",
		    rw_txt(o, "text"), rw_txt(o, "who"), rw_txt(o, "due"));
	}
	buf_puts(b, "</tbody></table></div>\n");
}

static void
context(struct buf *b, const struct model *m)
{
	xmlNodePtr	 ctx = model_find(m, "context");

	buf_puts(b, "<section aria-labelledby=\"s-context\">"
	    "<h2 id=\"s-context\">Context</h2>\n");
	if (ctx == NULL)
		buf_puts(b, "<p class=\"sub\">No context recorded yet.</p>\n");
	else {
		web_block(b, ctx, "pain-points", "Pain points");
		web_block(b, ctx, "why-us", "Why they chose us");
		web_block(b, ctx, "buying-process", "Buying process and "
		    "decision criteria");
		web_block(b, ctx, "competitors", "Competitors considered");
		objections(b, ctx);
		web_block(b, ctx, "emotional-drivers", "Emotional drivers");
		commitments(b, ctx);
		web_extras(b, ctx, 1);
	}
	buf_puts(b, "</section>\n");
}

static void
stakeholders(struct buf *b, const xmlNode *rel)
{
	xmlNodePtr	 st, ro;
	char		 lab[64], inf[64], sta[64];
	int		 n = 1, prim, first;

	buf_puts(b, "<h3>Stakeholders</h3><div class=\"wrap\"><table><thead><tr>"
	    "<th scope=\"col\">#</th><th scope=\"col\">Name</th>"
	    "<th scope=\"col\">Role</th><th scope=\"col\">Influence</th>"
	    "<th scope=\"col\">Stance</th><th scope=\"col\">Contact</th>"
	    "<th scope=\"col\">Notes</th></tr></thead><tbody>\n");
	for (st = model_child(rel, "stakeholder"); st != NULL;
	    st = model_next(st, "stakeholder"), n++) {
		prim = model_attr(st, "primary") != NULL &&
		    strcmp(model_attr(st, "primary"), "true") == 0;
		html_fmt(b, "<tr><td>%d</td><td>%S%s%S", n, prim ? "<strong>" :
		    "", rw_txt(st, "name"), prim ? "</strong>" : "");
		if (*rw_txt(st, "title") != '\0')
			html_fmt(b, "<br>%s", rw_txt(st, "title"));
		buf_puts(b, "</td><td>");
		for (first = 1, ro = model_child(st, "role"); ro != NULL;
		    ro = model_next(ro, "role"), first = 0)
			html_fmt(b, "%s%s", first ? "" : ", ",
			    rw_pretty(lab, model_text(ro)));
		if (prim)
			buf_puts(b, first ? "Primary contact" :
			    ", primary contact");
		html_fmt(b, "</td><td>%s</td><td class=\"stance-%s\">%s</td><td>",
		    rw_pretty(inf, rw_txt(st, "influence")),
		    rw_txt(st, "stance"), rw_pretty(sta, rw_txt(st, "stance")));
		if (*rw_txt(st, "email") != '\0')
			html_fmt(b, "<a href=\"mailto:%s\">%s</a>",
			    rw_txt(st, "email"), rw_txt(st, "email"));
		if (*rw_txt(st, "channel") != '\0')
			html_fmt(b, "<br>prefers %s", rw_txt(st, "channel"));
		html_fmt(b, "</td><td>%s", rw_txt(st, "notes"));
		web_extra_fields(b, st);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table></div>\n");
}

static void
relationships(struct buf *b, const struct model *m)
{
	xmlNodePtr	 rel = model_find(m, "relationships");

	buf_puts(b, "<section aria-labelledby=\"s-rel\">"
	    "<h2 id=\"s-rel\">Relationships</h2>\n");
	if (rel == NULL || model_child(rel, "stakeholder") == NULL)
		buf_puts(b, "<p class=\"sub\">No stakeholders mapped yet.</p>\n");
	else {
		web_svg_power_map(b, rel);
		stakeholders(b, rel);
	}
	if (rel != NULL)
		web_extras(b, rel, 1);
	buf_puts(b, "</section>\n");
}

static void
goals(struct buf *b, const struct model *m)
{
	xmlNodePtr	 g = model_find(m, "goals"), k;

	buf_puts(b, "<section aria-labelledby=\"s-goals\">"
	    "<h2 id=\"s-goals\">Goals</h2>\n");
	if (g == NULL) {
		buf_puts(b, "<p class=\"sub\">No success metrics yet.</p>"
		    "</section>\n");
		return;
	}
	if ((k = model_child(g, "metric")) != NULL)
		buf_puts(b, "<h3>Success plan</h3><div class=\"wrap\"><table>"
		    "<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">"
		    "Baseline</th><th scope=\"col\">Target</th><th scope=\"col\">"
		    "By</th><th scope=\"col\">Measured by</th></tr></thead>"
		    "<tbody>\n");
	for (; k != NULL; k = model_next(k, "metric")) {
		html_fmt(b, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td>"
		    "<td>%s</td><td>%s", rw_txt(k, "name"),
		    rw_txt(k, "baseline"), rw_txt(k, "target"),
		    rw_txt(k, "due"), rw_txt(k, "measured-by"));
		web_extra_fields(b, k);
		buf_puts(b, "</td></tr>\n");
	}
	if (model_child(g, "metric") != NULL)
		buf_puts(b, "</tbody></table></div>\n");
	web_block(b, g, "first-milestone", "First milestone");
	web_extras(b, g, 1);
	buf_puts(b, "</section>\n");
}

static void
risks(struct buf *b, const struct model *m)
{
	xmlNodePtr	 rs = model_find(m, "risks"), k;
	char		 sev[64], lik[64];
	int		 sr;

	buf_puts(b, "<section aria-labelledby=\"s-risks\">"
	    "<h2 id=\"s-risks\">Risks</h2>\n");
	if (rs == NULL || (model_child(rs, "risk") == NULL &&
	    model_attr(rs, "none") != NULL)) {
		html_fmt(b, "<p>%s</p>\n", rs == NULL ? "No risks recorded yet." :
		    "None identified.");
		if (rs == NULL) {
			buf_puts(b, "</section>\n");
			return;
		}
	}
	if ((k = model_child(rs, "risk")) != NULL)
		buf_puts(b, "<div class=\"wrap\"><table><thead><tr>"
		    "<th scope=\"col\">Risk</th><th scope=\"col\">Severity</th>"
		    "<th scope=\"col\">Likelihood</th><th scope=\"col\">"
		    "Mitigation</th><th scope=\"col\">Owner</th></tr></thead>"
		    "<tbody>\n");
	for (; k != NULL; k = model_next(k, "risk")) {
		sr = rw_sev_rank(rw_txt(k, "severity"));
		html_fmt(b, "<tr><td>%s</td><td><span class=\"badge sev-%s\">%s"
		    "</span></td><td>%s</td><td>%s", rw_txt(k, "text"),
		    sr < 4 ? rw_sev_name[sr] : "none",
		    rw_pretty(sev, rw_txt(k, "severity")),
		    rw_pretty(lik, rw_txt(k, "likelihood")),
		    rw_txt(k, "mitigation"));
		web_extra_fields(b, k);
		html_fmt(b, "</td><td>%s</td></tr>\n", rw_txt(k, "owner"));
	}
	if (model_child(rs, "risk") != NULL)
		buf_puts(b, "</tbody></table></div>\n");
	web_block(b, rs, "red-flags", "Red flags");
	web_block(b, rs, "internal-politics", "Internal politics");
	web_extras(b, rs, 1);
	buf_puts(b, "</section>\n");
}

static void
client_dna(struct buf *b, const struct model *m)
{
	xmlNodePtr	 d = model_find(m, "client-dna");

	if (d == NULL || !model_has_text(d))
		return;
	buf_puts(b, "<section aria-labelledby=\"s-dna\">"
	    "<h2 id=\"s-dna\">Client DNA</h2>\n");
	web_block(b, d, "goals", "Goals");
	web_block(b, d, "challenges", "Challenges");
	web_block(b, d, "wins", "Wins");
	web_block(b, d, "personality", "Personality notes");
	web_extras(b, d, 1);
	buf_puts(b, "</section>\n");
}

/* serve: what check says of the deal, with its lines. */
void
web_diag_list(struct buf *b, const struct diag_list *dl)
{
	size_t	 i;

	if (dl == NULL || dl->n == 0)
		return;
	buf_puts(b, "<section class=\"diags\" aria-labelledby=\"s-diags\">"
	    "<h2 id=\"s-diags\">What check says</h2><ul>\n");
	for (i = 0; i < dl->n; i++) {
		html_fmt(b, "<li>%s", dl->v[i].file);
		if (dl->v[i].line > 0)
			buf_printf(b, ":%u", dl->v[i].line);
		html_fmt(b, ": %s: %s", rule_sev_name(dl->v[i].sev),
		    dl->v[i].msg);
		if (dl->v[i].hint != NULL)
			html_fmt(b, " (%s)", dl->v[i].hint);
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ul></section>\n");
}

int
web_deal_page(struct buf *out, const struct render_ctx *rc,
    const struct web_files *f, const struct diag_list *dl,
    const char *refresh)
{
	struct web_info	 wi;
	struct html_page p;
	struct buf	 title, foot;
	char		 today[11];
	int		 rv;

	web_info_init(&wi, rc);
	buf_init(&title);
	buf_init(&foot);
	buf_printf(&title, "Handoff: %s (internal)",
	    *rw_txt(wi.deal, "client") ? rw_txt(wi.deal, "client") :
	    "Unnamed client");
	memset(&p, 0, sizeof(p));
	p.title = title.data;
	p.refresh = refresh;
	p.home = "../index.html";
	html_page_open(out, &p);
	web_diag_list(out, dl);
	cover(out, &wi, f);
	glance(out, &wi);
	context(out, rc->m);
	relationships(out, rc->m);
	goals(out, rc->m);
	risks(out, rc->m);
	web_deal_timeline(out, &wi);
	client_dna(out, rc->m);
	web_deal_process(out, &wi);
	web_deal_calls(out, rc->m);
	if (calls_model_has_extras(model_root(rc->m))) {
		buf_puts(out, "<section aria-labelledby=\"s-extra\">"
		    "<h2 id=\"s-extra\">Additional sections</h2>\n");
		web_extras(out, model_root(rc->m), 1);
		buf_puts(out, "</section>\n");
	}
	web_deal_links(out, &wi, f);
	date_format(rc->today, today);
	buf_printf(&foot, "Internal \xe2\x80\x94 do not forward \xc2\xb7 %s "
	    "\xc2\xb7 version %s \xc2\xb7 as of %s", rw_txt(wi.deal, "id"),
	    rc->version ? rc->version : "not in git", today);
	rv = html_page_close(out, &p, foot.data);
	buf_dispose(&title);
	buf_dispose(&foot);
	return rv == -1 || out->data == NULL ? -1 : 0;
}
