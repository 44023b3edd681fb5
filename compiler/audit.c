/* SPDX-License-Identifier: MIT */
/*
 * audit.c: score signed handoffs from their git history (see audit.h).
 * The method: list the deal files at HEAD and check each one's latest
 * version; keep the n signed ones with the latest signature dates; then
 * replay each deal's versions oldest first, every one checked as of its
 * commit day, noting when it first became complete, what was missing at
 * the deadline (from the check's own diagnostics), and every CS review
 * decision.  The final version gives the process record (call, intro,
 * feedback, outcome).  The HEAD version is checked once: the replay
 * takes it from what the check that chose the deal kept (struct
 * audit_seen), the same blob under the same rules on the same day.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "diag.h"
#include "fsutil.h"
#include "history.h"
#include "history_rules.h"
#include "model.h"
#include "session.h"
#include "timeline.h"
#include "vcs.h"

/* ===== tallies ========================================================== */

/* Count name once more (late: it was filled after the deadline). */
static int
tally_add(struct tallies *t, const char *name, int late)
{
	struct tally	*nv;
	size_t		 i, cap;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			break;
	if (i == t->n) {
		if (t->n == t->cap) {
			cap = t->cap ? t->cap * 2 : 8;
			if ((nv = realloc(t->v, cap * sizeof(*nv))) == NULL)
				return -1;
			t->v = nv;
			t->cap = cap;
		}
		memset(&t->v[i], 0, sizeof(t->v[i]));
		if ((t->v[i].name = strdup(name)) == NULL)
			return -1;
		t->n++;
	}
	t->v[i].n++;
	t->v[i].late += late;
	return 0;
}

static void
tally_dispose(struct tallies *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].name);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static int
tally_cmp(const void *a, const void *b)
{
	const struct tally	*x = a, *y = b;

	if (x->n != y->n)
		return y->n - x->n;
	return strcmp(x->name, y->name);
}

/* Most frequent first, then by name. */
static void
tally_sort(struct tallies *t)
{
	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), tally_cmp);
}

/* ===== what a check says is missing ===================================== */

/*
 * The field a gap diagnostic names, for the patterns: "why they chose
 * us", "stakeholder e-mail", or the rule id for the stage gates
 * ("economic-buyer").  Writes into out; 0 when d is not a gap.
 */
static int
audit_gap_name(char *out, size_t sz, const struct diag *d)
{
	const char	*m = d->msg, *p, *e;
	size_t		 n;

	if (d->sev < SEV_WARNING)
		return 0;
	switch (d->rule) {
	case RULE_REQUIRED_FIELD:
	case RULE_RECOMMENDED_FIELD:
	case RULE_DRAFT_MISSING:
		if ((p = strstr(m, " have no ")) != NULL ||
		    (p = strstr(m, " has no ")) != NULL) {
			/* "2 of 4 stakeholders have no e-mail" */
			for (e = p; e > m && e[-1] != ' '; e--)
				continue;
			n = (size_t)(p - e);
			if (n > 0 && e[n - 1] == 's' && strstr(p, " have "))
				n--;
			snprintf(out, sz, "%.*s %s", (int)n, e,
			    strstr(p, " no ") + 4);
			return 1;
		}
		if ((e = strstr(m, " is missing")) == NULL &&
		    (e = strstr(m, " is still empty")) == NULL)
			return 0;
		/* "stakeholder 'X': e-mail is missing": kind + field */
		if ((p = strstr(m, ": ")) != NULL && p < e) {
			n = strcspn(m, " ");
			snprintf(out, sz, "%.*s %.*s", (int)n, m,
			    (int)(e - p - 2), p + 2);
		} else
			snprintf(out, sz, "%.*s", (int)(e - m), m);
		return 1;
	case RULE_PLACEHOLDER:
		if ((p = strstr(m, " for ")) == NULL)
			return 0;
		snprintf(out, sz, "%s", p + 5);
		return 1;
	case RULE_PLAYBOOK_FIELD:
		/* "the enterprise playbook requires renewal date once the
		 * deal is signed": the field, as when the schema asks. */
		if ((p = strstr(m, " playbook requires ")) != NULL)
			p += 19;
		else if ((p = strstr(m, " playbook recommends ")) != NULL)
			p += 21;
		if (p != NULL && strncmp(p, "a section ", 10) != 0 &&
		    strncmp(p, "a stakeholder ", 14) != 0) {
			n = strcspn(p, ":");
			if ((e = strstr(p, " for '")) != NULL &&
			    (size_t)(e - p) < n)
				n = (size_t)(e - p);
			if ((e = strstr(p, " once the deal")) != NULL &&
			    (size_t)(e - p) < n)
				n = (size_t)(e - p);
			snprintf(out, sz, "%.*s", (int)n, p);
			return 1;
		}
		snprintf(out, sz, "%s", rule_get(d->rule)->id);
		return 1;
	case RULE_ECONOMIC_BUYER:
	case RULE_PRIMARY_CONTACT:
	case RULE_CHAMPION:
	case RULE_METRIC_TARGET:
	case RULE_STAKEHOLDER_EMAIL:
		snprintf(out, sz, "%s", rule_get(d->rule)->id);
		return 1;
	default:
		return 0;
	}
}

/* The gaps a check found, as tallies (each counted once). */
static int
audit_gaps(struct tallies *out, const struct diag_list *dl)
{
	char	 name[128];
	size_t	 i, j;
	int	 dup;

	for (i = 0; i < dl->n; i++) {
		if (!audit_gap_name(name, sizeof(name), &dl->v[i]))
			continue;
		for (j = dup = 0; j < out->n && !dup; j++)
			dup = strcmp(out->v[j].name, name) == 0;
		if (!dup && tally_add(out, name, 0) == -1)
			return -1;
	}
	return 0;
}

/* ===== one deal ========================================================= */

/* A date field of the model as a day, or -1. */
static int
audit_date(const struct model *m, const char *path)
{
	int	 day;

	return date_parse(model_get(m, path), &day) == 0 ? day : -1;
}

/* The review fields of a version, in this order. */
enum { REV_DECISION, REV_BY, REV_DATE, REV_REASON, REV_N };

static const char *const review_paths[REV_N] = {
	"process/review/decision", "process/review/by",
	"process/review/date", "process/review/reason"
};

/*
 * What the replay needs of one checked version, kept for the HEAD
 * version from the check that chose the deal, so that the replay does
 * not check the same blob under the same rules on the same day again.
 */
struct audit_seen {
	int	 complete;		/* validate_is_complete() */
	int	 percent;		/* the verdict's completeness */
	char	*review[REV_N];		/* owned copies of the model's */
};

static void
audit_seen_free(struct audit_seen *h)
{
	size_t	 i;

	if (h == NULL)
		return;
	for (i = 0; i < REV_N; i++)
		free(h->review[i]);
	free(h);
}

/* The seen record of a checked version; NULL when out of memory. */
static struct audit_seen *
audit_seen_new(const struct model *m, const struct verdict *vd)
{
	struct audit_seen	*h;
	size_t			 i;

	if ((h = calloc(1, sizeof(*h))) == NULL)
		return NULL;
	h->complete = validate_is_complete(vd);
	h->percent = vd->percent;
	for (i = 0; i < REV_N; i++)
		if ((h->review[i] = strdup(model_get(m,
		    review_paths[i]))) == NULL) {
			audit_seen_free(h);
			return NULL;
		}
	return h;
}

/* The review fields of m, borrowed from it. */
static void
audit_review_fields(const char *out[REV_N], const struct model *m)
{
	size_t	 i;

	for (i = 0; i < REV_N; i++)
		out[i] = model_get(m, review_paths[i]);
}

/* The review of one version: decision|by|date, "" when none. */
static void
audit_review_key(char *out, size_t sz, const char *const rev[REV_N])
{
	snprintf(out, sz, "%s|%s|%s", rev[REV_DECISION], rev[REV_BY],
	    rev[REV_DATE]);
	if (strcmp(out, "||") == 0)
		out[0] = '\0';
}

/* A new review decision in a version: count it, note the first. */
static int
audit_review(struct audit_deal *d, const char *const rev[REV_N],
    int commit_day, char *last, size_t lastsz)
{
	char		 key[256];
	const char	*dec, *reason;
	int		 day;

	audit_review_key(key, sizeof(key), rev);
	if (key[0] == '\0' || strcmp(key, last) == 0)
		return 0;
	snprintf(last, lastsz, "%s", key);
	dec = rev[REV_DECISION];
	if (strcmp(dec, "accepted") != 0 && strcmp(dec, "rejected") != 0)
		return 0;
	d->reviews++;
	if (d->first_accepted < 0)
		d->first_accepted = strcmp(dec, "accepted") == 0;
	if (strcmp(dec, "rejected") == 0) {
		reason = rev[REV_REASON];
		return tally_add(&d->reasons, *reason ? reason : "unspecified",
		    0);
	}
	if (d->ack_day < 0)
		d->ack_day = date_parse(rev[REV_DATE], &day) == 0 && day >= 0 ?
		    day : commit_day;
	return 0;
}

/* The process record of the final version. */
static void
audit_final(struct audit_deal *d, const struct model *m,
    const struct session *s)
{
	const struct timeline	*tl;
	const char		*t;
	char			*end;
	long			 sc;

	tl = config_timeline(&s->config, d->segment);
	if (*model_get(m, "process/handoff-call/recording") != '\0')
		d->call = 2;
	else if (*model_get(m, "process/handoff-call/date") != '\0')
		d->call = 1;
	d->intro_day = audit_date(m, "process/intro-sent");
	d->intro_due = timeline_add_business_days(d->signed_day,
	    tl->step[STEP_INTRO].to, s->config.holidays,
	    s->config.nholidays);
	d->feedback_due = timeline_add_business_days(d->signed_day,
	    tl->step[STEP_FEEDBACK].to, s->config.holidays,
	    s->config.nholidays);
	t = model_get(m, "process/feedback/score");
	sc = strtol(t, &end, 10);
	d->score = *t != '\0' && *end == '\0' && sc >= 0 && sc <= 10 ?
	    (int)sc : -1;
	snprintf(d->outcome, sizeof(d->outcome), "%s",
	    model_get(m, "process/outcome/result"));
}

/* The handoff score: the share of the applicable checks met. */
static void
audit_hscore(struct audit_deal *d, int today)
{
	int	 met = 0, total = 0;

	total++, met += d->complete_day >= 0 && d->late_bd == 0;
	total++, met += d->call == 2;
	total++, met += d->ack_day >= 0;
	if (d->intro_day >= 0 || today > d->intro_due)
		total++, met += d->intro_day >= 0;
	if (d->score >= 0 || today > d->feedback_due)
		total++, met += d->score >= AUDIT_SCORE_TARGET;
	if (d->first_accepted >= 0)
		total++, met += d->first_accepted;
	d->checks_met = met;
	d->checks_total = total;
	d->hscore = total ? met * 100 / total : 0;
}

/* One version as the replay sees it: checked now, or the HEAD version
 * from what the candidate check kept (dl then stays empty). */
struct audit_ver {
	int		 ok;		/* it parsed */
	int		 complete;
	int		 percent;
	int		 from_head;	/* taken from d->head */
	const char	*rev[REV_N];
	struct model	*m;		/* the checked model, or NULL */
};

/* Check version ver of d into *out and dl; -1 on a git failure. */
static int
audit_version(struct audit_ver *out, const struct audit_deal *d,
    struct rules_cache *rules, struct vcs *v, const struct vcs_version *ver,
    const struct vcs_version *head, struct diag_list *dl)
{
	struct verdict	 vd;
	size_t		 i;
	int		 sys;

	memset(out, 0, sizeof(*out));
	if (ver == head && d->head != NULL) {
		out->ok = out->from_head = 1;
		out->complete = d->head->complete;
		out->percent = d->head->percent;
		for (i = 0; i < REV_N; i++)
			out->rev[i] = d->head->review[i];
		return 0;
	}
	out->m = history_check(history_rules_at(rules, ver->id), v, ver, &vd,
	    dl, &sys);
	if (sys)
		return -1;
	if ((out->ok = out->m != NULL)) {
		out->complete = validate_is_complete(&vd);
		out->percent = vd.percent;
		audit_review_fields(out->rev, out->m);
	}
	return 0;
}

/* The gaps at the deadline into d->gaps: those of the version then in
 * force (the HEAD one's are known already), or the whole handoff when
 * none was committed by then. */
static int
audit_deadline_gaps(struct audit_deal *d, int have, int from_head,
    const struct diag_list *at_deadline)
{
	size_t	 i;

	if (!have)
		return tally_add(&d->gaps, "the whole handoff", 0);
	if (!from_head)
		return audit_gaps(&d->gaps, at_deadline);
	for (i = 0; i < d->head_gaps.n; i++)	/* as audit_gaps() made them */
		if (tally_add(&d->gaps, d->head_gaps.v[i].name, 0) == -1)
			return -1;
	return 0;
}

/*
 * Replay the versions of d (indices into vl, newest first) oldest first;
 * head is its latest version (the one audit_candidate() checked).
 */
static int
audit_replay(struct audit_deal *d, const struct session *s,
    struct rules_cache *rules, struct vcs *v, const struct vcs_versions *vl,
    const struct vcs_version *head)
{
	struct diag_list	 dl, at_deadline;
	struct audit_ver	 av;
	char			 last[256] = "";
	size_t			 i;
	int			 day, rc = -1, have_deadline = 0;
	int			 deadline_head = 0;

	diag_list_init(&at_deadline);
	for (i = vl->n; i-- > 0;) {
		if (strcmp(vl->v[i].path, d->path) != 0)
			continue;
		d->versions++;
		day = history_day(vl->v[i].time, vl->v[i].offset);
		diag_list_init(&dl);
		if (audit_version(&av, d, rules, v, &vl->v[i], head,
		    &dl) == -1) {
			diag_list_dispose(&dl);
			goto out;
		}
		if (av.ok && av.complete && d->complete_day < 0)
			d->complete_day = day;
		if (av.ok && (day <= d->signed_day || d->sig_percent < 0))
			d->sig_percent = av.percent;
		if (av.ok && audit_review(d, av.rev, day, last,
		    sizeof(last)) == -1) {
			model_free(av.m);
			diag_list_dispose(&dl);
			goto out;
		}
		/* The version in force at the deadline is the last one
		 * committed on or before that day. */
		if (day <= d->deadline) {
			diag_list_dispose(&at_deadline);
			diag_list_init(&at_deadline);
			diag_list_move(&at_deadline, &dl);
			have_deadline = 1;
			deadline_head = av.from_head;
		}
		model_free(av.m);
		diag_list_dispose(&dl);
	}
	if (d->complete_day > d->deadline)
		d->late_bd = timeline_business_days_between(d->deadline,
		    d->complete_day, s->config.holidays, s->config.nholidays);
	if ((d->complete_day < 0 || d->complete_day > d->deadline) &&
	    audit_deadline_gaps(d, have_deadline, deadline_head,
	    &at_deadline) == -1)
		goto out;
	rc = 0;
out:
	diag_list_dispose(&at_deadline);
	return rc;
}

/* ===== the run =========================================================== */

static int
audit_deal_cmp(const void *a, const void *b)
{
	const struct audit_deal	*x = a, *y = b;

	if (x->signed_day != y->signed_day)
		return y->signed_day - x->signed_day;
	return strcmp(x->id, y->id);
}

static void
audit_deal_dispose(struct audit_deal *d)
{
	free(d->id);
	free(d->path);
	free(d->ae);
	free(d->segment);
	tally_dispose(&d->gaps);
	tally_dispose(&d->reasons);
	tally_dispose(&d->head_gaps);
	audit_seen_free(d->head);
}

/* The latest version of path in vl (newest first), or NULL. */
static const struct vcs_version *
audit_latest(const struct vcs_versions *vl, const char *path)
{
	size_t	 i;

	for (i = 0; i < vl->n; i++)
		if (strcmp(vl->v[i].path, path) == 0)
			return &vl->v[i];
	return NULL;
}

/* Check the HEAD version of one deal file; add it when signed. */
static int
audit_candidate(struct audit *a, const struct session *s,
    struct rules_cache *rules, struct vcs *v, const struct vcs_version *ver,
    size_t *cap)
{
	struct diag_list	 dl;
	struct verdict		 vd;
	struct audit_deal	*d, *nv;
	struct model		*m;
	int			 sys, rc = -1;

	diag_list_init(&dl);
	m = history_check(history_rules_at(rules, ver->id), v, ver, &vd, &dl,
	    &sys);
	if (sys) {
		diag_list_dispose(&dl);
		return -1;
	}
	if (m == NULL || vd.stage != STAGE_SIGNED || vd.signed_day < 0 ||
	    vd.deadline < 0) {
		diag_list_dispose(&dl);
		model_free(m);
		return 0;
	}
	if (a->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		if ((nv = realloc(a->deal, *cap * sizeof(*nv))) == NULL)
			goto out;
		a->deal = nv;
	}
	d = &a->deal[a->n++];
	memset(d, 0, sizeof(*d));
	d->head_gaps_ok = audit_gaps(&d->head_gaps, &dl) == 0;
	/* without its gaps the replay checks the HEAD version again */
	d->head = d->head_gaps_ok ? audit_seen_new(m, &vd) : NULL;
	d->signed_day = vd.signed_day;
	d->deadline = vd.deadline;
	d->complete_day = d->ack_day = d->intro_day = d->score = -1;
	d->first_accepted = d->sig_percent = -1;
	d->id = fs_stem(ver->path);	/* the name log, show, diff take */
	d->path = strdup(ver->path);
	d->ae = strdup(model_get(m, "deal/ae/name"));
	d->segment = strdup(model_get(m, "deal/segment"));
	if (d->id == NULL || d->path == NULL || d->ae == NULL ||
	    d->segment == NULL)
		goto out;
	audit_final(d, m, s);
	rc = 0;
out:
	diag_list_dispose(&dl);
	model_free(m);
	return rc;
}

/* The group called name in g, made when new; NULL out of memory. */
static struct audit_group *
audit_group(struct audit_groups *g, const char *name)
{
	struct audit_group	*nv;
	size_t			 i, cap;

	if (*name == '\0')
		name = "(unknown)";
	for (i = 0; i < g->n; i++)
		if (strcmp(g->v[i].name, name) == 0)
			return &g->v[i];
	if (g->n == g->cap) {
		cap = g->cap ? g->cap * 2 : 8;
		if ((nv = realloc(g->v, cap * sizeof(*nv))) == NULL)
			return NULL;
		g->v = nv;
		g->cap = cap;
	}
	memset(&g->v[g->n], 0, sizeof(g->v[0]));
	if ((g->v[g->n].name = strdup(name)) == NULL)
		return NULL;
	return &g->v[g->n++];
}

static void
audit_groups_dispose(struct audit_groups *g)
{
	size_t	 i;

	for (i = 0; i < g->n; i++) {
		free(g->v[i].name);
		tally_dispose(&g->v[i].gaps);
	}
	free(g->v);
	memset(g, 0, sizeof(*g));
}

/* Add one deal to a group and the totals. */
static int
audit_count(struct audit_group *g, const struct audit_deal *d)
{
	size_t	 i;

	if (g == NULL)
		return -1;
	g->deals++;
	g->on_time += d->complete_day >= 0 && d->late_bd == 0;
	if (d->score >= 0) {
		g->scored++;
		g->score_sum += d->score;
	}
	if (d->first_accepted >= 0) {
		g->reviewed++;
		g->first_time += d->first_accepted;
	}
	g->hscore_sum += d->hscore;
	for (i = 0; i < d->gaps.n; i++)
		if (tally_add(&g->gaps, d->gaps.v[i].name,
		    d->gaps.v[i].late) == -1)
			return -1;
	return 0;
}

/* The patterns over every audited deal. */
static int
audit_patterns(struct audit *a)
{
	struct audit_deal	*d;
	size_t			 i, j;
	int			 k;

	for (i = 0; i < a->n; i++) {
		d = &a->deal[i];
		for (j = 0; j < d->gaps.n; j++)
			if (tally_add(&a->gaps, d->gaps.v[j].name,
			    d->gaps.v[j].late) == -1)
				return -1;
		for (j = 0; j < d->reasons.n; j++)	/* every rejection */
			for (k = 0; k < d->reasons.v[j].n; k++)
				if (tally_add(&a->reasons,
				    d->reasons.v[j].name, 0) == -1)
					return -1;
		if (audit_count(audit_group(&a->by_ae, d->ae), d) == -1 ||
		    audit_count(audit_group(&a->by_segment, d->segment),
		    d) == -1)
			return -1;
	}
	tally_sort(&a->gaps);
	tally_sort(&a->reasons);
	for (i = 0; i < a->by_ae.n; i++)
		tally_sort(&a->by_ae.v[i].gaps);
	for (i = 0; i < a->by_segment.n; i++)
		tally_sort(&a->by_segment.v[i].gaps);
	return 0;
}

/* Mark the gaps of d that a later version filled (late, not missing):
 * those the HEAD version (latest) no longer lacks.  audit_candidate()
 * checked that version already and kept its gaps; latest is checked
 * again only when they are not known. */
static void
audit_late_gaps(struct audit_deal *d, struct rules_cache *rules,
    struct vcs *v, const struct vcs_version *latest)
{
	struct diag_list	 dl;
	struct tallies		 again;
	const struct tallies	*now = &d->head_gaps;
	struct verdict		 vd;
	struct model		*m = NULL;
	size_t			 i, j;
	int			 sys, still, known = d->head_gaps_ok;

	memset(&again, 0, sizeof(again));
	diag_list_init(&dl);
	if (!known) {
		m = history_check(history_rules_at(rules, latest->id), v,
		    latest, &vd, &dl, &sys);
		known = m != NULL && audit_gaps(&again, &dl) == 0;
		now = &again;
	}
	if (known)
		for (i = 0; i < d->gaps.n; i++) {
			for (j = still = 0; j < now->n && !still; j++)
				still = strcmp(now->v[j].name,
				    d->gaps.v[i].name) == 0;
			d->gaps.v[i].late = !still;
		}
	model_free(m);
	diag_list_dispose(&dl);
	tally_dispose(&again);
}

int
audit_run(struct audit *a, const struct session *s, struct vcs *v, size_t n)
{
	struct vcs_versions		 vl;
	struct rules_cache		 rules;
	const struct vcs_version	*ver;
	char				**names = NULL, *path;
	char				 deals[PATH_MAX];
	size_t				 i, nn = 0, cap = 0;
	int				 rc = -1;

	memset(a, 0, sizeof(*a));
	a->today = s->today;
	vcs_versions_init(&vl);
	history_rules_init(&rules, s, v);
	/* deals/ of the team repo, which may be a folder of the git repo */
	if (history_deals_dir(deals, sizeof(deals), v, s->root) == -1 ||
	    vcs_list(&names, &nn, v, NULL, deals) < 0 ||
	    vcs_dir_history(&vl, v, NULL, deals) < 0)
		goto out;
	for (i = 0; i < nn; i++) {
		if (!history_is_deal(names[i]) ||
		    (path = fs_join(deals, names[i])) == NULL)
			continue;
		ver = audit_latest(&vl, path);
		free(path);
		if (ver != NULL && audit_candidate(a, s, &rules, v, ver, &cap) == -1)
			goto out;
	}
	if (a->n > 1)
		qsort(a->deal, a->n, sizeof(*a->deal), audit_deal_cmp);
	while (n > 0 && a->n > n)
		audit_deal_dispose(&a->deal[--a->n]);
	for (i = 0; i < a->n; i++) {
		ver = audit_latest(&vl, a->deal[i].path);
		if (audit_replay(&a->deal[i], s, &rules, v, &vl, ver) == -1)
			goto out;
		if (ver != NULL)
			audit_late_gaps(&a->deal[i], &rules, v, ver);
		if (a->deal[i].ack_day >= 0)
			a->deal[i].ack_bd = timeline_business_days_between(
			    a->deal[i].signed_day, a->deal[i].ack_day,
			    s->config.holidays, s->config.nholidays);
		audit_hscore(&a->deal[i], a->today);
	}
	rc = audit_patterns(a);
out:
	history_rules_dispose(&rules);
	vcs_names_free(names, nn);
	vcs_versions_dispose(&vl);
	return rc;
}

void
audit_dispose(struct audit *a)
{
	size_t	 i;

	for (i = 0; i < a->n; i++)
		audit_deal_dispose(&a->deal[i]);
	free(a->deal);
	tally_dispose(&a->gaps);
	tally_dispose(&a->reasons);
	audit_groups_dispose(&a->by_ae);
	audit_groups_dispose(&a->by_segment);
	memset(a, 0, sizeof(*a));
}

const char *
audit_band(int hscore)
{
	if (hscore >= 80)
		return "high";
	return hscore >= 50 ? "mid" : "low";
}
