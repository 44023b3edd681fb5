/* SPDX-License-Identifier: MIT */
/*
 * cmd_audit.c: 'handoff audit [--last N] [--format text|json]': the last
 * N signed handoffs (default 10) scored from git history by audit.c, and
 * the patterns across them, printed as a report or as JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "buf.h"
#include "cmd.h"
#include "cmd_git.h"
#include "diag.h"
#include "session.h"
#include "timeline.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff audit [--last N] [--format text|json]\n"
    "\n"
    "Score the last N signed handoffs (default 10; 0: all) from git\n"
    "history: complete by the 48 h deadline, handoff call recorded, time\n"
    "to CS acknowledgement, intro sent, 30-day score against 8/10, CS\n"
    "reviews accepted the first time (target 90%) and why not; then the\n"
    "fields most often missing or late, per AE and per segment, and churn\n"
    "by handoff-score band.  Each version is judged as of its commit.\n"
    "\n"
    "Columns, one line per deal:\n"
    "  complete  when the handoff first became complete (every field its\n"
    "            stage requires filled, as 'handoff status' says yes):\n"
    "            'on time' by the deadline, 'late +N bd' business days\n"
    "            after it, or 'never'\n"
    "  call      the handoff call is recorded (with a recording link)\n"
    "  ack       business days from signature to the CS acceptance\n"
    "  intro     the day the client intro was sent ('not due' yet)\n"
    "  30-day    the CSM's 30-day feedback, 0 to 10 (status's 30-day)\n"
    "  review    accepted at the first CS review, after a rejection, or\n"
    "            rejected\n"
    "  score     the handoff score: the share of the checks that apply\n"
    "            that were met, 0 to 100, and its band (high 80-100, mid\n"
    "            50-79, low 0-49).  The checks: complete on time; call\n"
    "            recorded; acknowledged by CS; intro sent (once it is\n"
    "            due or sent); 30-day score of 8 or more (once due or\n"
    "            given); accepted at the first review (once reviewed).\n"
    "            Example: 3 of 4 checks met is 75, mid.\n";

static const char *const bands[] = { "high", "mid", "low" };
static const char *const band_range[] = { "80-100", "50-79", "0-49" };

/* "x of y (z%)" */
static void
audit_ratio(struct buf *b, int x, int y)
{
	if (y == 0)
		buf_puts(b, "none to count");
	else
		buf_printf(b, "%d of %d (%d%%)", x, y, x * 100 / y);
}

/* The cells of one deal's line. */
static void
audit_cells(const struct audit_deal *d, int today, char complete[48],
    char ack[24], char intro[24], char score[16], char review[24])
{
	char	 day[11];

	if (d->complete_day < 0)
		snprintf(complete, 48, "never");
	else if (d->late_bd == 0)
		snprintf(complete, 48, "on time");
	else
		snprintf(complete, 48, "late +%d bd", d->late_bd);
	if (d->ack_day >= 0)
		snprintf(ack, 24, "%d bd", d->ack_bd);
	else
		snprintf(ack, 24, "no");
	date_format(d->intro_day, day);
	if (d->intro_day >= 0)
		snprintf(intro, 24, "%s", day);
	else
		snprintf(intro, 24, today > d->intro_due ? "not sent" :
		    "not due");
	if (d->score >= 0)
		snprintf(score, 16, "%d/10", d->score);
	else
		snprintf(score, 16, today > d->feedback_due ? "missing" : "-");
	if (d->first_accepted < 0)
		snprintf(review, 24, "none");
	else
		snprintf(review, 24, "%s", d->first_accepted ? "first time" :
		    d->ack_day >= 0 ? "after reject" : "rejected");
}

/* Print s, then pad to w characters (UTF-8 aware). */
static void
audit_pad(const char *s, int w)
{
	const unsigned char	*p;
	int			 n = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		n += (*p & 0xC0) != 0x80;
	fputs(s, stdout);
	for (; n < w; n++)
		putchar(' ');
}

static void
audit_text_deals(const struct audit *a)
{
	const struct audit_deal	*d;
	char			 sd[11], c[48], ack[24], in[24], sc[16], rv[24];
	size_t			 i;
	int			 wd = 4, wa = 2, l;

	for (i = 0; i < a->n; i++) {
		if ((l = (int)strlen(a->deal[i].id)) > wd)
			wd = l;
		if ((l = (int)strlen(a->deal[i].ae)) > wa)
			wa = l;
	}
	printf("%-*s  %-10s  ", wd, "deal", "signed");
	audit_pad("AE", wa);
	printf("  %-11s  %-8s  %-5s  %-10s  %-7s  %-12s  %-8s  %s\n",
	    "complete", "call", "ack", "intro", "30-day", "review",
	    "outcome", "score");
	for (i = 0; i < a->n; i++) {
		d = &a->deal[i];
		date_format(d->signed_day, sd);
		audit_cells(d, a->today, c, ack, in, sc, rv);
		printf("%-*s  %s  ", wd, d->id, sd);
		audit_pad(d->ae, wa);
		printf("  %-11s  %-8s  %-5s  %-10s  %-7s  %-12s  %-8s  "
		    "%d %s\n", c, d->call == 2 ? "recorded" : d->call == 1 ?
		    "held" : "no", ack, in, sc, rv,
		    d->outcome[0] ? d->outcome : "-", d->hscore,
		    audit_band(d->hscore));
	}
}

/* Totals over the audited deals. */
struct totals {
	int	 on_time, recorded, acked, ack_bd, intro, intro_due;
	int	 scored, score_sum, at_target, reviewed, first;
	int	 outcome[3], churned[3];
};

static void
audit_totals(struct totals *t, const struct audit *a)
{
	const struct audit_deal	*d;
	size_t			 i, k;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < a->n; i++) {
		d = &a->deal[i];
		t->on_time += d->complete_day >= 0 && d->late_bd == 0;
		t->recorded += d->call == 2;
		if (d->ack_day >= 0) {
			t->acked++;
			t->ack_bd += d->ack_bd;
		}
		if (d->intro_day >= 0 || a->today > d->intro_due) {
			t->intro_due++;
			t->intro += d->intro_day >= 0;
		}
		if (d->score >= 0) {
			t->scored++;
			t->score_sum += d->score;
			t->at_target += d->score >= AUDIT_SCORE_TARGET;
		}
		if (d->first_accepted >= 0) {
			t->reviewed++;
			t->first += d->first_accepted;
		}
		if (d->outcome[0] != '\0') {
			k = d->hscore >= 80 ? 0 : d->hscore >= 50 ? 1 : 2;
			t->outcome[k]++;
			t->churned[k] += strcmp(d->outcome, "churned") == 0;
		}
	}
}

static void
audit_text_summary(const struct audit *a, const struct totals *t)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	buf_puts(&b, "\nsummary\n  complete by the 48 h deadline  ");
	audit_ratio(&b, t->on_time, (int)a->n);
	buf_puts(&b, "\n  handoff call recorded          ");
	audit_ratio(&b, t->recorded, (int)a->n);
	buf_puts(&b, "\n  acknowledged by CS             ");
	audit_ratio(&b, t->acked, (int)a->n);
	if (t->acked > 0)
		buf_printf(&b, ", %.1f business days after signature on "
		    "average", (double)t->ack_bd / t->acked);
	buf_puts(&b, "\n  intro sent                     ");
	audit_ratio(&b, t->intro, t->intro_due);
	buf_puts(&b, " of those due");
	buf_printf(&b, "\n  30-day score (target %d/10)     ",
	    AUDIT_SCORE_TARGET);
	if (t->scored > 0) {
		buf_printf(&b, "average %.1f; ",
		    (double)t->score_sum / t->scored);
		audit_ratio(&b, t->at_target, t->scored);
		buf_puts(&b, " on target");
	} else
		buf_puts(&b, "no scores yet");
	buf_printf(&b, "\n  accepted at first review       ");
	audit_ratio(&b, t->first, t->reviewed);
	if (t->reviewed > 0)
		buf_printf(&b, " (target %d%%: %s)", AUDIT_FIRST_TARGET,
		    t->first * 100 >= AUDIT_FIRST_TARGET * t->reviewed ?
		    "met" : "missed");
	buf_puts(&b, "\n  rejection reasons              ");
	for (i = 0; i < a->reasons.n; i++)
		buf_printf(&b, "%s%s %d", i ? ", " : "", a->reasons.v[i].name,
		    a->reasons.v[i].n);
	if (a->reasons.n == 0)
		buf_puts(&b, "none");
	buf_putc(&b, '\n');
	fputs(b.data, stdout);
	buf_dispose(&b);
}

/* One AE's or segment's line. */
static void
audit_text_group(const struct audit_group *g)
{
	printf("    ");
	audit_pad(g->name, 22);
	printf("  %d deal%s, %d on time", g->deals, g->deals == 1 ? "" : "s",
	    g->on_time);
	if (g->scored > 0)
		printf(", 30-day %.1f", (double)g->score_sum / g->scored);
	if (g->reviewed > 0)
		printf(", %d/%d accepted first time", g->first_time,
		    g->reviewed);
	printf(", handoff score %d", g->deals ? g->hscore_sum / g->deals : 0);
	if (g->gaps.n > 0)
		printf("; most missing: %s (%d)", g->gaps.v[0].name,
		    g->gaps.v[0].n);
	putchar('\n');
}

static void
audit_text_patterns(const struct audit *a, const struct totals *t)
{
	size_t	 i;
	int	 k;

	printf("\npatterns\n  missing at the deadline (filled late / "
	    "still missing)\n");
	for (i = 0; i < a->gaps.n && i < 10; i++)
		printf("    %-30s  %d deal%s (%d late, %d missing)\n",
		    a->gaps.v[i].name, a->gaps.v[i].n,
		    a->gaps.v[i].n == 1 ? "" : "s", a->gaps.v[i].late,
		    a->gaps.v[i].n - a->gaps.v[i].late);
	if (a->gaps.n == 0)
		printf("    nothing: every handoff was complete in time\n");
	printf("  by AE\n");
	for (i = 0; i < a->by_ae.n; i++)
		audit_text_group(&a->by_ae.v[i]);
	printf("  by segment\n");
	for (i = 0; i < a->by_segment.n; i++)
		audit_text_group(&a->by_segment.v[i]);
	printf("  churn by handoff score (deals with an outcome)\n");
	for (k = 0; k < 3; k++) {
		printf("    %-4s %-6s  ", bands[k], band_range[k]);
		if (t->outcome[k] == 0)
			printf("no outcomes yet\n");
		else
			printf("%d churned of %d (%d%%)\n", t->churned[k],
			    t->outcome[k], t->churned[k] * 100 /
			    t->outcome[k]);
	}
}

static void
audit_json_tallies(struct buf *b, const struct tallies *t, int late)
{
	size_t	 i;

	buf_putc(b, '[');
	for (i = 0; i < t->n; i++) {
		buf_puts(b, i ? ", {\"name\": " : "{\"name\": ");
		diag_json_string(b, t->v[i].name);
		buf_printf(b, ", \"count\": %d", t->v[i].n);
		if (late)
			buf_printf(b, ", \"late\": %d, \"missing\": %d",
			    t->v[i].late, t->v[i].n - t->v[i].late);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}

/* A day as a JSON string, or null. */
static void
audit_json_day(struct buf *b, const char *key, int day)
{
	char	 s[11];

	if (day < 0) {
		buf_printf(b, ", \"%s\": null", key);
		return;
	}
	date_format(day, s);
	buf_printf(b, ", \"%s\": \"%s\"", key, s);
}

static void
audit_json_deal(struct buf *b, const struct audit_deal *d)
{
	buf_puts(b, "{\"deal\": ");
	diag_json_string(b, d->id);
	buf_puts(b, ", \"file\": ");
	diag_json_string(b, d->path);
	buf_puts(b, ", \"ae\": ");
	diag_json_string(b, d->ae);
	buf_puts(b, ", \"segment\": ");
	diag_json_string(b, d->segment);
	audit_json_day(b, "signed", d->signed_day);
	audit_json_day(b, "deadline", d->deadline);
	audit_json_day(b, "complete", d->complete_day);
	buf_printf(b, ", \"on_time\": %s, \"late_business_days\": %d, "
	    "\"versions\": %d, \"call\": \"%s\"",
	    d->complete_day >= 0 && d->late_bd == 0 ? "true" : "false",
	    d->late_bd, d->versions, d->call == 2 ? "recorded" :
	    d->call == 1 ? "held" : "none");
	audit_json_day(b, "acknowledged", d->ack_day);
	if (d->ack_day >= 0)
		buf_printf(b, ", \"ack_business_days\": %d", d->ack_bd);
	audit_json_day(b, "intro_sent", d->intro_day);
	audit_json_day(b, "intro_due", d->intro_due);
	if (d->score >= 0)
		buf_printf(b, ", \"score\": %d", d->score);
	else
		buf_puts(b, ", \"score\": null");
	buf_printf(b, ", \"reviews\": %d, \"accepted_first_time\": %s",
	    d->reviews, d->first_accepted < 0 ? "null" :
	    d->first_accepted ? "true" : "false");
	buf_puts(b, ", \"rejections\": ");
	audit_json_tallies(b, &d->reasons, 0);
	buf_puts(b, ", \"missing_at_deadline\": ");
	audit_json_tallies(b, &d->gaps, 1);
	if (d->outcome[0] != '\0')
		buf_printf(b, ", \"outcome\": \"%s\"", d->outcome);
	else
		buf_puts(b, ", \"outcome\": null");
	buf_printf(b, ", \"handoff_score\": %d, \"band\": \"%s\"}", d->hscore,
	    audit_band(d->hscore));
}

static void
audit_json_groups(struct buf *b, const struct audit_groups *g)
{
	size_t	 i;

	buf_putc(b, '[');
	for (i = 0; i < g->n; i++) {
		buf_puts(b, i ? ",\n    {\"name\": " : "\n    {\"name\": ");
		diag_json_string(b, g->v[i].name);
		buf_printf(b, ", \"deals\": %d, \"on_time\": %d, "
		    "\"scored\": %d, \"score_sum\": %d, \"reviewed\": %d, "
		    "\"accepted_first_time\": %d, \"handoff_score\": %d, "
		    "\"missing\": ", g->v[i].deals, g->v[i].on_time,
		    g->v[i].scored, g->v[i].score_sum, g->v[i].reviewed,
		    g->v[i].first_time, g->v[i].deals ?
		    g->v[i].hscore_sum / g->v[i].deals : 0);
		audit_json_tallies(b, &g->v[i].gaps, 1);
		buf_putc(b, '}');
	}
	buf_puts(b, g->n ? "\n  ]" : "]");
}

static void
audit_json(const struct audit *a, const struct totals *t)
{
	struct buf	 b;
	size_t		 i;
	int		 k;

	buf_init(&b);
	buf_printf(&b, "{\n  \"deals\": [");
	for (i = 0; i < a->n; i++) {
		buf_puts(&b, i ? ",\n    " : "\n    ");
		audit_json_deal(&b, &a->deal[i]);
	}
	buf_printf(&b, "%s],\n  \"summary\": {\"deals\": %zu, \"on_time\": "
	    "%d, \"call_recorded\": %d, \"acknowledged\": %d, "
	    "\"intro_sent\": %d, \"intro_due\": %d, \"scored\": %d, "
	    "\"score_sum\": %d, \"score_at_target\": %d, "
	    "\"score_target\": %d, \"reviewed\": %d, "
	    "\"accepted_first_time\": %d, \"first_time_target\": %d},\n",
	    a->n ? "\n  " : "", a->n, t->on_time, t->recorded, t->acked,
	    t->intro, t->intro_due, t->scored, t->score_sum, t->at_target,
	    AUDIT_SCORE_TARGET, t->reviewed, t->first, AUDIT_FIRST_TARGET);
	buf_puts(&b, "  \"rejection_reasons\": ");
	audit_json_tallies(&b, &a->reasons, 0);
	buf_puts(&b, ",\n  \"missing_at_deadline\": ");
	audit_json_tallies(&b, &a->gaps, 1);
	buf_puts(&b, ",\n  \"by_ae\": ");
	audit_json_groups(&b, &a->by_ae);
	buf_puts(&b, ",\n  \"by_segment\": ");
	audit_json_groups(&b, &a->by_segment);
	buf_puts(&b, ",\n  \"churn_by_band\": [");
	for (k = 0; k < 3; k++)
		buf_printf(&b, "%s{\"band\": \"%s\", \"with_outcome\": %d, "
		    "\"churned\": %d}", k ? ", " : "", bands[k],
		    t->outcome[k], t->churned[k]);
	buf_puts(&b, "]\n}\n");
	fputs(b.data, stdout);
	buf_dispose(&b);
}

int
cmd_audit(const struct cli *cli, int argc, char **argv)
{
	struct git_cmd	 g;
	struct audit	 a;
	struct totals	 t;
	char		*end, day[11];
	long		 last = 10;
	int		 i, json = 0, rc = 2, ran = 0;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--last") == 0 && i + 1 < argc) {
			last = strtol(argv[++i], &end, 10);
			if (*end != '\0' || last < 0 || argv[i][0] == '\0') {
				cmd_error("audit: --last: '%s' is not a "
				    "count", argv[i]);
				return 2;
			}
		} else if (!git_cmd_format(argc, argv, &i, &json)) {
			fputs(usage, stderr);
			return 2;
		}
	}
	git_cmd_init(&g);
	if (git_cmd_open(&g, ".", 0) == -1 ||
	    git_cmd_session(&g, cli, cli->today) == -1)
		goto out;
	ran = 1;
	if (audit_run(&a, &g.s, g.v, (size_t)last) == -1) {
		cmd_error("audit: %s", vcs_strerror());
		goto out;
	}
	audit_totals(&t, &a);
	if (json)
		audit_json(&a, &t);
	else if (a.n == 0)
		printf("no signed deals in %s/ at HEAD to audit\n", "deals");
	else {
		date_format(a.today, day);
		printf("audit of the last %zu signed handoff%s (as of %s)\n\n",
		    a.n, a.n == 1 ? "" : "s", day);
		audit_text_deals(&a);
		audit_text_summary(&a, &t);
		audit_text_patterns(&a, &t);
	}
	rc = 0;
out:
	if (ran)
		audit_dispose(&a);
	git_cmd_close(&g);
	return rc;
}
