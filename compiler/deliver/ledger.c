/* SPDX-License-Identifier: MIT */
/*
 * ledger.c: the send ledger (see ledger.h).  The file is text, one entry
 * a line, sorted by key:
 *
 *   KEY TAB STATE TAB ATTEMPTS TAB TIME TAB NEXT TAB OWNER TAB ERROR LF
 *
 * Each change reads the ref, edits the one entry, and writes a new commit
 * with compare-and-swap; when another sender moved the ref in between,
 * the change is made again on what it wrote.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "ledger.h"
#include "vcs.h"

#define LEDGER_FILE	"sent"
#define LEDGER_MAX	(16 * 1024 * 1024)
#define LEDGER_TRIES	200	/* compare-and-swap retries */

static const char *const state_names[] = { "pending", "sent", "failed" };

struct ledger {
	struct ledger_entry	*v;
	size_t			 n, cap;
	char			 oid[VCS_ID_MAX];
};

static void
ledger_dispose(struct ledger *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].owner);
		free(l->v[i].error);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* A copy of s with tabs and line breaks made spaces. */
static char *
ledger_clean(const char *s)
{
	char	*r, *p;

	if ((r = strdup(s != NULL ? s : "")) == NULL)
		return NULL;
	for (p = r; *p != '\0'; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	return r;
}

/* Parse one line into a new entry; a malformed line is skipped. */
static int
ledger_line(struct ledger *l, char *line)
{
	struct ledger_entry	*e, *nv;
	char			*f[7];
	size_t			 k;

	for (k = 0; k < 7; k++) {
		f[k] = line;
		if (k < 6 && (line = strchr(line, '\t')) == NULL)
			return 0;
		if (k < 6)
			*line++ = '\0';
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		if ((nv = realloc(l->v, l->cap * sizeof(*nv))) == NULL)
			return -1;
		l->v = nv;
	}
	e = &l->v[l->n];
	memset(e, 0, sizeof(*e));
	e->state = strcmp(f[1], "sent") == 0 ? LEDGER_SENT :
	    strcmp(f[1], "failed") == 0 ? LEDGER_FAILED : LEDGER_PENDING;
	e->attempts = atoi(f[2]);
	e->time = strtoll(f[3], NULL, 10);
	e->next = strtoll(f[4], NULL, 10);
	e->key = strdup(f[0]);
	e->owner = strdup(f[5]);
	e->error = strdup(f[6]);
	l->n++;
	return e->key && e->owner && e->error ? 0 : -1;
}

static int
ledger_load(struct ledger *l, struct vcs *v)
{
	char	*data = NULL, *p, *nl;
	size_t	 len;
	int	 rc = 0;

	memset(l, 0, sizeof(*l));
	if (vcs_note_read(&data, &len, l->oid, v, LEDGER_REF,
	    LEDGER_FILE) < 0)
		return -1;
	for (p = data; rc == 0 && p != NULL && *p != '\0'; p = nl) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		rc = ledger_line(l, p);
	}
	free(data);
	return rc;
}

static int
ledger_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ledger_entry *)a)->key,
	    ((const struct ledger_entry *)b)->key);
}

/* Write l back; VCS_ECONFLICT when the ref moved since ledger_load. */
static int
ledger_save(struct ledger *l, struct vcs *v, const char *message)
{
	struct buf	 b;
	size_t		 i;
	int		 rc = -1;

	buf_init(&b);
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), ledger_cmp);
	for (i = 0; i < l->n; i++)
		if (buf_printf(&b, "%s\t%s\t%d\t%lld\t%lld\t%s\t%s\n",
		    l->v[i].key, state_names[l->v[i].state], l->v[i].attempts,
		    l->v[i].time, l->v[i].next, l->v[i].owner,
		    l->v[i].error) == -1)
			goto out;
	if (b.len > LEDGER_MAX) {
		errno = EFBIG;
		goto out;
	}
	rc = vcs_note_write(v, LEDGER_REF, LEDGER_FILE, b.data ? b.data : "",
	    b.len, l->oid, message);
out:
	buf_dispose(&b);
	return rc;
}

/* The entry for key, made (pending, no attempts) when new. */
static struct ledger_entry *
ledger_get(struct ledger *l, const char *key, int create)
{
	struct ledger_entry	*e, *nv;
	size_t			 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return &l->v[i];
	if (!create)
		return NULL;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		if ((nv = realloc(l->v, l->cap * sizeof(*nv))) == NULL)
			return NULL;
		l->v = nv;
	}
	e = &l->v[l->n];
	memset(e, 0, sizeof(*e));
	if ((e->key = ledger_clean(key)) == NULL ||
	    (e->owner = strdup("")) == NULL || (e->error = strdup("")) == NULL) {
		free(e->key);
		free(e->owner);
		return NULL;
	}
	l->n++;
	return e;
}

static int
ledger_set_str(char **dst, const char *s)
{
	char	*n;

	if ((n = ledger_clean(s)) == NULL)
		return -1;
	free(*dst);
	*dst = n;
	return 0;
}

/* This process as an owner: host:pid. */
static void
ledger_me(char *out, size_t sz)
{
	char	 host[128];

	if (gethostname(host, sizeof(host)) == -1)
		strcpy(host, "unknown");
	host[sizeof(host) - 1] = '\0';
	snprintf(out, sz, "%s:%ld", host, (long)getpid());
}

/* True when a pending claim by owner at time t may be taken over. */
static int
ledger_stale(const char *owner, long long t, long long now)
{
	char		 me[160];
	const char	*colon;
	size_t		 hl;
	long		 pid;

	if (now - t > LEDGER_LEASE || owner[0] == '\0')
		return 1;
	ledger_me(me, sizeof(me));
	if ((colon = strrchr(owner, ':')) == NULL)
		return 1;
	hl = (size_t)(colon - owner);
	if (strncmp(owner, me, hl) != 0 || me[hl] != ':')
		return 0;	/* another machine: wait for the lease */
	pid = strtol(colon + 1, NULL, 10);
	return pid <= 0 || (kill((pid_t)pid, 0) == -1 && errno == ESRCH);
}

long long
ledger_backoff(int attempts)
{
	long long	 s = 300;

	while (--attempts > 0 && s < 6 * 3600)
		s *= 2;
	return s < 6 * 3600 ? s : 6 * 3600;
}

/* Wait a little between compare-and-swap rounds. */
static void
ledger_pause(int round)
{
	struct timespec	 ts = { 0, 1000000L * (1 + round % 20) };

	nanosleep(&ts, NULL);
}

int
ledger_claim(struct vcs *v, const char *key, long long now, int *attempts,
    long long *next, char *err, size_t errsz)
{
	struct ledger		 l;
	struct ledger_entry	*e;
	char			 me[160];
	int			 round, rc, verdict;

	ledger_me(me, sizeof(me));
	for (round = 0; round < LEDGER_TRIES; round++) {
		if (ledger_load(&l, v) == -1)
			return -1;
		e = ledger_get(&l, key, 0);
		*attempts = e ? e->attempts : 0;
		verdict = LEDGER_CLAIMED;
		if (e != NULL && e->state == LEDGER_SENT) {
			ledger_dispose(&l);
			return LEDGER_DONE;
		}
		if (e != NULL && e->state == LEDGER_PENDING) {
			if (!ledger_stale(e->owner, e->time, now)) {
				ledger_dispose(&l);
				return LEDGER_BUSY;
			}
			verdict = LEDGER_TAKEN_OVER;
		}
		if (e != NULL && e->state == LEDGER_FAILED && e->next > now) {
			*next = e->next;
			snprintf(err, errsz, "%s", e->error);
			ledger_dispose(&l);
			return LEDGER_WAIT;
		}
		if ((e = ledger_get(&l, key, 1)) == NULL ||
		    ledger_set_str(&e->owner, me) == -1) {
			ledger_dispose(&l);
			return -1;
		}
		e->state = LEDGER_PENDING;
		e->attempts++;
		e->time = now;
		rc = ledger_save(&l, v, "handoff send: pending");
		ledger_dispose(&l);
		if (rc == 0)
			return verdict;
		if (rc != VCS_ECONFLICT)
			return -1;
		ledger_pause(round);
	}
	return LEDGER_BUSY;
}

/* Change key's entry to state (with error and next), CAS-retried. */
static int
ledger_finish(struct vcs *v, const char *key, long long now,
    enum ledger_state st, const char *error, long long *next)
{
	struct ledger		 l;
	struct ledger_entry	*e;
	int			 round, rc;

	for (round = 0; round < LEDGER_TRIES; round++) {
		if (ledger_load(&l, v) == -1)
			return -1;
		if ((e = ledger_get(&l, key, 1)) == NULL ||
		    ledger_set_str(&e->error, error) == -1 ||
		    ledger_set_str(&e->owner, "") == -1) {
			ledger_dispose(&l);
			return -1;
		}
		e->state = st;
		e->time = now;
		e->next = st == LEDGER_FAILED ? now +
		    ledger_backoff(e->attempts) : 0;
		if (next != NULL)
			*next = e->next;
		rc = ledger_save(&l, v, st == LEDGER_SENT ?
		    "handoff send: sent" : "handoff send: failed");
		ledger_dispose(&l);
		if (rc == 0)
			return 0;
		if (rc != VCS_ECONFLICT)
			return -1;
		ledger_pause(round);
	}
	return -1;
}

int
ledger_confirm(struct vcs *v, const char *key, long long now)
{
	return ledger_finish(v, key, now, LEDGER_SENT, "", NULL);
}

int
ledger_fail(struct vcs *v, const char *key, long long now,
    const char *error, long long *next)
{
	return ledger_finish(v, key, now, LEDGER_FAILED, error, next);
}

struct ledger_sent {
	char	**key;		/* sorted */
	size_t	  n;
};

static int
ledger_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
ledger_sent_load(struct ledger_sent **out, struct vcs *v)
{
	struct ledger		 l;
	struct ledger_sent	*s;
	size_t			 i;

	*out = NULL;
	if (ledger_load(&l, v) == -1)
		return -1;
	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (l.n > 0 && (s->key = calloc(l.n, sizeof(*s->key))) == NULL)) {
		free(s);
		ledger_dispose(&l);
		return -1;
	}
	/* Take the keys of the sent entries over from l. */
	for (i = 0; i < l.n; i++)
		if (l.v[i].state == LEDGER_SENT) {
			s->key[s->n++] = l.v[i].key;
			l.v[i].key = NULL;
		}
	ledger_dispose(&l);
	if (s->n > 1)
		qsort(s->key, s->n, sizeof(*s->key), ledger_str_cmp);
	*out = s;
	return 0;
}

int
ledger_sent_has(const struct ledger_sent *s, const char *key)
{
	return s != NULL && s->n > 0 && bsearch(&key, s->key, s->n,
	    sizeof(*s->key), ledger_str_cmp) != NULL;
}

void
ledger_sent_free(struct ledger_sent *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		free(s->key[i]);
	free(s->key);
	free(s);
}
