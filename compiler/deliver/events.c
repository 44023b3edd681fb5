/* SPDX-License-Identifier: MIT */
/*
 * events.c: the events of the deals (see events.h).  Each deal file at
 * HEAD is replayed oldest version first, every version checked as of its
 * commit day: the first signed version is Day 0, a new review decision is
 * an acceptance or a rejection.  The HEAD version checked as of today
 * gives the date events.  A date event's version is the date it is about,
 * so "overdue on 2026-11-20" is one event however often it is asked for.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "events.h"
#include "fsutil.h"
#include "history.h"
#include "model.h"
#include "session.h"
#include "timeline.h"
#include "validate.h"
#include "vcs.h"

#define EV_WEEK	7	/* "this week": today and the six days after */

static const char *const kind_names[EV__MAX] = {
	"signed", "accepted", "rejected", "due-tomorrow", "overdue",
	"intro-due", "feedback-due", "commitment-due", "intro-approved",
};

const char *
events_kind_name(enum event_kind k)
{
	return k < EV__MAX ? kind_names[k] : "unknown";
}

void
events_dispose(struct events *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].deal);
		free(l->v[i].path);
		free(l->v[i].version);
		free(l->v[i].detail);
		free(l->v[i].commit);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Append one event; strings are copied.  0 or -1. */
static int
events_add(struct events *l, enum event_kind k, const char *path,
    const char *version, const char *detail, const char *commit, int day)
{
	struct event	*e, *nv;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		if ((nv = realloc(l->v, l->cap * sizeof(*nv))) == NULL)
			return -1;
		l->v = nv;
	}
	e = &l->v[l->n];
	memset(e, 0, sizeof(*e));
	e->kind = k;
	e->day = day;
	e->deal = fs_stem(path);
	e->path = strdup(path);
	e->version = strdup(version);
	e->detail = strdup(detail != NULL ? detail : "");
	e->commit = strdup(commit != NULL ? commit : "");
	l->n++;
	if (e->deal == NULL || e->path == NULL || e->version == NULL ||
	    e->detail == NULL || e->commit == NULL)
		return -1;
	return 0;
}

/* A date event: its version is the date it is about. */
static int
events_add_day(struct events *l, enum event_kind k, const char *path,
    const char *detail, const char *commit, int day)
{
	char	 when[11];

	date_format(day, when);
	return events_add(l, k, path, when, detail, commit, day);
}

/* True when commit id is one of the versions in seen (the --since set). */
static int
events_seen(const struct vcs_versions *seen, const char *id)
{
	size_t	 i;

	for (i = 0; seen != NULL && i < seen->n; i++)
		if (strcmp(seen->v[i].id, id) == 0)
			return 1;
	return 0;
}

/* A review decision new in this version: accepted or rejected. */
static int
events_review(struct events *l, const struct model *m,
    const struct vcs_version *ver, int day, char *last, size_t lastsz,
    const struct vcs_versions *seen)
{
	char		 key[512];
	const char	*dec, *reason, *comment;
	struct buf	 b;
	int		 rc, rday;

	dec = model_get(m, "process/review/decision");
	snprintf(key, sizeof(key), "%s|%s|%s", dec,
	    model_get(m, "process/review/by"),
	    model_get(m, "process/review/date"));
	if (strcmp(key, last) == 0)
		return 0;
	snprintf(last, lastsz, "%s", key);
	if ((strcmp(dec, "accepted") != 0 && strcmp(dec, "rejected") != 0) ||
	    events_seen(seen, ver->id))
		return 0;
	if (date_parse(model_get(m, "process/review/date"), &rday) == -1)
		rday = day;
	buf_init(&b);
	reason = model_get(m, "process/review/reason");
	comment = model_get(m, "process/review/comment");
	if (*dec == 'r')
		buf_printf(&b, "%s%s%s", *reason ? reason : "unspecified",
		    *comment ? ": " : "", comment);
	rc = events_add(l, *dec == 'a' ? EV_ACCEPTED : EV_REJECTED,
	    ver->path, ver->short_id, b.data, ver->id, rday);
	buf_dispose(&b);
	return rc;
}

/* The history events of one deal file: replay oldest first. */
static int
events_replay(struct events *l, const struct session *s, struct vcs *v,
    const struct vcs_versions *vl, const char *path,
    const struct vcs_versions *seen)
{
	struct diag_list	 dl;
	struct verdict		 vd;
	struct model		*m;
	char			 last[512] = "";
	size_t			 i;
	int			 sys, day, was_signed = 0, was_intro = 0, rc = 0;

	for (i = vl->n; i-- > 0 && rc == 0;) {
		if (strcmp(vl->v[i].path, path) != 0)
			continue;
		day = history_day(vl->v[i].time, vl->v[i].offset);
		diag_list_init(&dl);
		m = history_check(s, v, &vl->v[i], &vd, &dl, &sys);
		diag_list_dispose(&dl);
		if (sys)
			return -1;
		if (m == NULL)
			continue;
		if (vd.stage == STAGE_SIGNED && vd.signed_day >= 0 &&
		    !was_signed) {
			was_signed = 1;
			if (!events_seen(seen, vl->v[i].id))
				rc = events_add(l, EV_SIGNED, path,
				    vl->v[i].short_id, NULL, vl->v[i].id,
				    vd.signed_day);
		}
		if (rc == 0 && !was_intro &&
		    *model_get(m, "process/intro-sent") != '\0') {
			was_intro = 1;
			if (!events_seen(seen, vl->v[i].id))
				rc = events_add(l, EV_INTRO_APPROVED, path,
				    vl->v[i].short_id, NULL, vl->v[i].id, day);
		}
		if (rc == 0)
			rc = events_review(l, m, &vl->v[i], day, last,
			    sizeof(last), seen);
		model_free(m);
	}
	return rc;
}

/* Open commitments due from today to the end of the week. */
static int
events_commitments(struct events *l, const struct model *m,
    const struct vcs_version *ver, int today)
{
	const xmlNode	*c;
	const char	*done;
	char		 ver_s[64], when[11];
	int		 due, k = 0;

	c = model_find(m, "context/commitments/commitment");
	for (; c != NULL; c = model_next(c, "commitment"), k++) {
		done = model_attr(c, "done");
		if (done != NULL && (strcmp(done, "true") == 0 ||
		    strcmp(done, "1") == 0))
			continue;
		if (date_parse(model_text(model_child(c, "due")), &due) == -1 ||
		    due < today || due >= today + EV_WEEK)
			continue;
		date_format(due, when);
		snprintf(ver_s, sizeof(ver_s), "%s#%d", when, k + 1);
		if (events_add(l, EV_COMMITMENT_DUE, ver->path, ver_s,
		    model_text(model_child(c, "text")), ver->id, due) == -1)
			return -1;
	}
	return 0;
}

/* The date events of the HEAD version of a deal, as of today. */
static int
events_dates(struct events *l, const struct session *s, struct vcs *v,
    const struct vcs_version *ver)
{
	const struct config	*c = &s->config;
	const struct timeline	*tl;
	struct diag_list	 dl;
	struct verdict		 vd;
	struct model		*m;
	char			*data = NULL;
	size_t			 len;
	int			 today = s->today, from, rc = 0;

	if (vcs_blob_read(&data, &len, v, ver->blob, NULL) < 0)
		return -1;
	diag_list_init(&dl);
	m = history_check_bytes(s, ver->path, data, len, -1, &vd, &dl);
	diag_list_dispose(&dl);
	free(data);
	if (m == NULL || vd.stage != STAGE_SIGNED || vd.signed_day < 0) {
		model_free(m);
		return 0;
	}
	tl = config_timeline(c, model_get(m, "deal/segment"));
	if (!validate_is_complete(&vd) && vd.deadline >= 0 && today > vd.deadline)
		rc = events_add_day(l, EV_OVERDUE, ver->path, "", ver->id,
		    vd.deadline);
	else if (!validate_is_complete(&vd) && vd.deadline > today &&
	    timeline_add_business_days(today, 1, c->holidays,
	    c->nholidays) >= vd.deadline)
		rc = events_add_day(l, EV_DUE_TOMORROW, ver->path, "",
		    ver->id, vd.deadline);
	from = timeline_add_business_days(vd.signed_day,
	    tl->step[STEP_INTRO].from, c->holidays, c->nholidays);
	if (rc == 0 && *model_get(m, "process/intro-sent") == '\0' &&
	    today >= from)
		rc = events_add_day(l, EV_INTRO_DUE, ver->path, "", ver->id,
		    from);
	from = timeline_add_business_days(vd.signed_day,
	    tl->step[STEP_FEEDBACK].from, c->holidays, c->nholidays);
	if (rc == 0 && *model_get(m, "process/feedback/score") == '\0' &&
	    today >= from)
		rc = events_add_day(l, EV_FEEDBACK_DUE, ver->path, "",
		    ver->id, from);
	if (rc == 0)
		rc = events_commitments(l, m, ver, today);
	model_free(m);
	return rc;
}

/* Deal order, then by day, then by kind (stable for equal events). */
static int
events_cmp(const void *a, const void *b)
{
	const struct event	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->deal, y->deal)) != 0)
		return c;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->version, y->version);
}

/* The latest version of path in vl (newest first), or NULL. */
static const struct vcs_version *
events_latest(const struct vcs_versions *vl, const char *path)
{
	size_t	 i;

	for (i = 0; i < vl->n; i++)
		if (strcmp(vl->v[i].path, path) == 0)
			return &vl->v[i];
	return NULL;
}

int
events_collect(struct events *out, const struct session *s, struct vcs *v,
    const char *since)
{
	struct vcs_versions		 vl, seen;
	const struct vcs_version	*ver;
	char				**names = NULL, *path = NULL;
	char				 deals[PATH_MAX];
	size_t				 i, nn = 0;
	int				 rc = -1, r;

	memset(out, 0, sizeof(*out));
	vcs_versions_init(&vl);
	vcs_versions_init(&seen);
	/* deals/ of the team repo, which may be a folder of the git repo */
	if (history_deals_dir(deals, sizeof(deals), v, s->root) == -1)
		goto out;
	if (since != NULL && (r = vcs_dir_history(&seen, v, since,
	    deals)) < 0) {
		rc = r;
		goto out;
	}
	if (vcs_list(&names, &nn, v, NULL, deals) < 0 ||
	    vcs_dir_history(&vl, v, NULL, deals) < 0)
		goto out;
	for (i = 0; i < nn; i++) {
		if (!history_is_deal(names[i]))
			continue;
		if ((path = fs_join(deals, names[i])) == NULL)
			goto out;
		if ((ver = events_latest(&vl, path)) != NULL &&
		    (events_replay(out, s, v, &vl, path,
		    since ? &seen : NULL) == -1 ||
		    events_dates(out, s, v, ver) == -1))
			goto out;
		free(path);
		path = NULL;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), events_cmp);
	rc = 0;
out:
	free(path);
	vcs_names_free(names, nn);
	vcs_versions_dispose(&vl);
	vcs_versions_dispose(&seen);
	if (rc != 0)
		events_dispose(out);
	return rc;
}
