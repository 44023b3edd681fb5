/* SPDX-License-Identifier: MIT */
/*
 * web_audit.c: output/audit.html, the audit (audit.c) as charts drawn
 * here in inline SVG: first-time acceptance per month against the 90 %
 * target, completeness at signature against the 30-day score, days
 * from signature to acceptance per AE, rejection reasons, and outcome
 * by handoff score band.  Each chart has a title and a description a
 * screen reader reads, and its numbers in a table under it; a chart
 * without data says so instead of drawing nothing.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "timeline.h"
#include "render_words.h"
#include "web/html_out.h"
#include "web/web.h"
#include "web/web_chart.h"

#define MONTHS_MAX	120

/* ------------------------------------------------------------ acceptance */

struct month {
	int	 key;		/* year * 12 + month - 1 */
	int	 reviewed, first;
};

static int
month_key(int day)
{
	int	 y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

static size_t
months_of(const struct audit *a, struct month *mv)
{
	size_t	 i, j, n = 0;
	int	 k;
	struct month t;

	for (i = 0; i < a->n; i++) {
		if (a->deal[i].first_accepted < 0 || a->deal[i].signed_day < 0)
			continue;
		k = month_key(a->deal[i].signed_day);
		for (j = 0; j < n && mv[j].key != k; j++)
			;
		if (j == n) {
			if (n == MONTHS_MAX)
				continue;
			memset(&mv[n], 0, sizeof(mv[n]));
			mv[n++].key = k;
		}
		mv[j].reviewed++;
		mv[j].first += a->deal[i].first_accepted;
	}
	for (i = 1; i < n; i++)		/* oldest first */
		for (j = i; j > 0 && mv[j - 1].key > mv[j].key; j--) {
			t = mv[j];
			mv[j] = mv[j - 1];
			mv[j - 1] = t;
		}
	return n;
}

static void
chart_acceptance(struct buf *b, const struct audit *a)
{
	struct month	 mv[MONTHS_MAX];
	struct chart_bar bars[MONTHS_MAX];
	char		 lab[MONTHS_MAX][24], val[MONTHS_MAX][48];
	size_t		 n = months_of(a, mv), i;

	buf_puts(b, "<section aria-labelledby=\"c-first\"><h2 id=\"c-first\">"
	    "First-time acceptance per month</h2>\n<p class=\"sub\">Share of "
	    "handoffs the CS review accepted at the first review, by month of "
	    "signature; the dashed line is the 90 % target.</p>\n");
	if (n == 0) {
		buf_puts(b, "<p>No CS reviews in the history yet.</p></section>\n");
		return;
	}
	for (i = 0; i < n; i++) {
		snprintf(lab[i], sizeof(lab[i]), "%04d-%02d", mv[i].key / 12,
		    mv[i].key % 12 + 1);
		snprintf(val[i], sizeof(val[i]), "%d %% (%d/%d)",
		    mv[i].first * 100 / mv[i].reviewed, mv[i].first,
		    mv[i].reviewed);
		bars[i].label = lab[i];
		bars[i].value = mv[i].first * 100.0 / mv[i].reviewed;
		bars[i].text = val[i];
	}
	chart_columns(b, "First-time acceptance per month", bars, n, 100,
	    AUDIT_FIRST_TARGET, "%");
	buf_puts(b, "<table><caption class=\"visually-hidden\">First-time "
	    "acceptance per month</caption><thead><tr><th scope=\"col\">Month"
	    "</th><th scope=\"col\">Accepted first time</th></tr></thead>"
	    "<tbody>");
	for (i = 0; i < n; i++)
		html_fmt(b, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>",
		    lab[i], val[i]);
	buf_puts(b, "</tbody></table></section>\n");
}

/* ------------------------------------------------------------ scatter */

static void
chart_scatter(struct buf *b, const struct audit *a)
{
	struct chart_point pts[512];
	size_t		 i, n = 0;

	buf_puts(b, "<section aria-labelledby=\"c-scatter\"><h2 id=\"c-scatter\">"
	    "Completeness at signature and the 30-day score</h2>\n<p class=\"sub\">"
	    "One dot per handoff: how complete it was on the day of signature, "
	    "and the client's score 30 days later (target 8).</p>\n");
	for (i = 0; i < a->n && n < 512; i++)
		if (a->deal[i].sig_percent >= 0 && a->deal[i].score >= 0) {
			pts[n].x = a->deal[i].sig_percent;
			pts[n].y = a->deal[i].score;
			pts[n].label = a->deal[i].id;
			n++;
		}
	if (n == 0) {
		buf_puts(b, "<p>No handoff has a 30-day score yet.</p></section>\n");
		return;
	}
	chart_scatter_draw(b, "Completeness at signature against the 30-day "
	    "score", pts, n, AUDIT_SCORE_TARGET);
	buf_puts(b, "<table><caption class=\"visually-hidden\">Completeness at "
	    "signature and 30-day score</caption><thead><tr><th scope=\"col\">"
	    "Deal</th><th scope=\"col\">Complete at signature</th>"
	    "<th scope=\"col\">30-day score</th></tr></thead><tbody>");
	for (i = 0; i < n; i++)
		html_fmt(b, "<tr><th scope=\"row\">%s</th><td>%d %%</td>"
		    "<td>%d / 10</td></tr>", pts[i].label, (int)pts[i].x,
		    (int)pts[i].y);
	buf_puts(b, "</tbody></table></section>\n");
}

/* ------------------------------------------------------------ bars */

static void
bar_table(struct buf *b, const char *caption, const char *head,
    const char *vhead, const struct chart_bar *bars, size_t n)
{
	size_t	 i;

	html_fmt(b, "<table><caption class=\"visually-hidden\">%s</caption>"
	    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>"
	    "</thead><tbody>", caption, head, vhead);
	for (i = 0; i < n; i++)
		html_fmt(b, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>",
		    bars[i].label, bars[i].text);
	buf_puts(b, "</tbody></table>");
}

static void
chart_ack_by_ae(struct buf *b, const struct audit *a)
{
	struct chart_bar bars[64];
	char		 val[64][32];
	int		 sum[64], cnt[64];
	const char	*name[64];
	size_t		 i, j, n = 0;
	double		 most = 1;

	buf_puts(b, "<section aria-labelledby=\"c-ack\"><h2 id=\"c-ack\">Days "
	    "from signature to CS acceptance, per AE</h2>\n<p class=\"sub\">"
	    "Average calendar days from the signature to the first accepted CS "
	    "review, over that AE's accepted handoffs.</p>\n");
	for (i = 0; i < a->n; i++) {
		const struct audit_deal *d = &a->deal[i];

		if (d->ack_day < 0 || d->signed_day < 0)
			continue;
		for (j = 0; j < n && strcmp(name[j], d->ae) != 0; j++)
			;
		if (j == n) {
			if (n == 64)
				continue;
			name[n] = d->ae;
			sum[n] = cnt[n] = 0;
			n++;
		}
		sum[j] += d->ack_day - d->signed_day;
		cnt[j]++;
	}
	if (n == 0) {
		buf_puts(b, "<p>No accepted CS review in the history yet.</p>"
		    "</section>\n");
		return;
	}
	for (i = 0; i < n; i++) {
		bars[i].label = *name[i] ? name[i] : "(no AE named)";
		bars[i].value = (double)sum[i] / cnt[i];
		snprintf(val[i], sizeof(val[i]), "%.1f days (%d deal%s)",
		    bars[i].value, cnt[i], cnt[i] == 1 ? "" : "s");
		bars[i].text = val[i];
		if (bars[i].value > most)
			most = bars[i].value;
	}
	chart_rows(b, "Days from signature to acceptance per AE", bars, n, most);
	bar_table(b, "Days from signature to acceptance per AE", "AE",
	    "Average", bars, n);
	buf_puts(b, "</section>\n");
}

static void
chart_reasons(struct buf *b, const struct audit *a)
{
	struct chart_bar bars[64];
	char		 val[64][24], lab[64][64];
	size_t		 i, n = 0;
	double		 most = 1;

	buf_puts(b, "<section aria-labelledby=\"c-reasons\"><h2 id=\"c-reasons\">"
	    "Rejection reasons</h2>\n<p class=\"sub\">Why CS sent handoffs back, "
	    "over every review in the history.</p>\n");
	for (i = 0; i < a->reasons.n && n < 64; i++, n++) {
		bars[n].label = rw_pretty(lab[n], a->reasons.v[i].name);
		bars[n].value = a->reasons.v[i].n;
		snprintf(val[n], sizeof(val[n]), "%d", a->reasons.v[i].n);
		bars[n].text = val[n];
		if (bars[n].value > most)
			most = bars[n].value;
	}
	if (n == 0) {
		buf_puts(b, "<p>No handoff has been rejected.</p></section>\n");
		return;
	}
	chart_rows(b, "Rejection reasons", bars, n, most);
	bar_table(b, "Rejection reasons", "Reason", "Rejections", bars, n);
	buf_puts(b, "</section>\n");
}

static void
chart_outcomes(struct buf *b, const struct audit *a)
{
	static const char *const band[3] = { "high", "mid", "low" };
	static const char *const band_label[3] = { "High (80-100)",
	    "Mid (50-79)", "Low (0-49)" };
	static const char *const out[3] = { "renewed", "expanded", "churned" };
	int		 cnt[3][3];
	size_t		 i;
	int		 k, o, any = 0;

	memset(cnt, 0, sizeof(cnt));
	for (i = 0; i < a->n; i++)
		for (k = 0; k < 3; k++)
			if (strcmp(audit_band(a->deal[i].hscore), band[k]) == 0)
				for (o = 0; o < 3; o++)
					if (strcmp(a->deal[i].outcome, out[o]) == 0) {
						cnt[k][o]++;
						any = 1;
					}
	buf_puts(b, "<section aria-labelledby=\"c-outcome\"><h2 id=\"c-outcome\">"
	    "Outcome by handoff score</h2>\n<p class=\"sub\">Renewed, expanded "
	    "or churned, by the band of the handoff score (the share of the "
	    "audit's checks the handoff met).</p>\n");
	if (!any) {
		buf_puts(b, "<p>No outcome recorded yet (Process: outcome).</p>"
		    "</section>\n");
		return;
	}
	chart_stacked(b, "Outcome by handoff score band", band_label, out, cnt);
	buf_puts(b, "<table><caption class=\"visually-hidden\">Outcome by "
	    "handoff score band</caption><thead><tr><th scope=\"col\">Band</th>"
	    "<th scope=\"col\">Renewed</th><th scope=\"col\">Expanded</th>"
	    "<th scope=\"col\">Churned</th></tr></thead><tbody>");
	for (k = 0; k < 3; k++)
		html_fmt(b, "<tr><th scope=\"row\">%s</th><td>%d</td><td>%d</td>"
		    "<td>%d</td></tr>", band_label[k], cnt[k][0], cnt[k][1],
		    cnt[k][2]);
	buf_puts(b, "</tbody></table></section>\n");
}

int
web_audit_page(struct buf *out, const struct audit *a, const char *refresh)
{
	struct html_page p;
	char		 iso[11], foot[96];

	date_format(a->today, iso);
	memset(&p, 0, sizeof(p));
	p.title = "Handoff audit (internal)";
	p.refresh = refresh;
	p.home = "index.html";
	html_page_open(out, &p);
	buf_printf(out, "<h1>Handoff audit</h1>\n<p class=\"sub\">%zu signed "
	    "handoff%s from the git history of deals/, as of %s.</p>\n", a->n,
	    a->n == 1 ? "" : "s", iso);
	chart_acceptance(out, a);
	chart_scatter(out, a);
	chart_ack_by_ae(out, a);
	chart_reasons(out, a);
	chart_outcomes(out, a);
	snprintf(foot, sizeof(foot), "Internal \xe2\x80\x94 do not forward "
	    "\xc2\xb7 as of %s", iso);
	return html_page_close(out, &p, foot) == -1 || out->data == NULL ? -1 : 0;
}

int
web_audit_none(struct buf *out, const char *why, int today)
{
	struct html_page p;
	char		 iso[11], foot[96];

	date_format(today, iso);
	memset(&p, 0, sizeof(p));
	p.title = "Handoff audit (internal)";
	p.home = "index.html";
	html_page_open(out, &p);
	html_fmt(out, "<h1>Handoff audit</h1>\n<p>%s</p>\n", why);
	snprintf(foot, sizeof(foot), "Internal \xe2\x80\x94 do not forward "
	    "\xc2\xb7 as of %s", iso);
	return html_page_close(out, &p, foot);
}
