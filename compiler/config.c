/* SPDX-License-Identifier: MIT */
/*
 * config.c: the team's handoff.yml.  ytree.c reads the YAML into a small
 * tree of scalars, sequences and mappings (each node keeps its line and
 * column); the tree is then walked key by key into struct config.  Every
 * problem is a diagnostic with file:line:col.  Anchors, aliases, duplicate
 * keys and unknown keys are errors: a typo silently ignored in a config
 * is worse than a refusal.  With no file the defaults of config_init()
 * apply.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "config.h"
#include "near.h"
#include "diag.h"
#include "fsutil.h"
#include "ytree.h"

#define CONFIG_MAX_SIZE		(256 * 1024)	/* configs are small */
#define CONFIG_MAX_DEPTH	8		/* deepest legal: 3 */
#define CONFIG_MAX_NODES	20000
#define CONFIG_MAX_DAYS		366		/* days in a step */

/* What the walk over the tree needs for its diagnostics. */
struct cfgread {
	const char		*file;
	struct diag_list	*dl;
	int			 failed;	/* a diagnostic was added */
};

void
config_init(struct config *c)
{
	int	 s;

	memset(c, 0, sizeof(*c));
	c->pre_close_threshold = 70;
	c->deadline_days = 2;
	for (s = 0; s < SEGMENT__MAX; s++)
		timeline_default(&c->timelines[s], (enum segment)s);
	c->limits.max_file_size = 1024 * 1024;
	c->limits.max_depth = 32;
	c->limits.max_table_rows = 1000;
	c->limits.max_table_cols = 32;
	c->limits.max_template_depth = 32;
}

/* ---- from the tree into struct config ---------------------------------- */

static struct srcpos
npos(const struct cfgread *r, const struct ynode *n)
{
	return diag_pos(r->file, n->line, n->col);
}

static void
cfg_error(struct cfgread *r, const struct ynode *n, const char *what,
    const char *key)
{
	if (n->kind == Y_SCALAR)
		diag_add(r->dl, npos(r, n), RULE_CONFIG,
		    "'%s': %s, not '%s'", key, what, n->value);
	else
		diag_add(r->dl, npos(r, n), RULE_CONFIG, "'%s': %s, not a %s",
		    key, what, n->kind == Y_SEQ ? "list" : "mapping");
	r->failed = 1;
}

/* A null value ('key:' or '~'): keep the default. */
static int
is_null(const struct ynode *n)
{
	return n->kind == Y_SCALAR && n->plain && (n->value[0] == '\0' ||
	    strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0);
}

/* True when s holds a control character (CR, LF, TAB, DEL, …). */
static int
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* A one-line string value into *dst (replacing the default). */
static int
cfg_string(struct cfgread *r, const struct ynode *v, const char *key,
    char **dst)
{
	char	*s;

	if (is_null(v))
		return 0;
	if (v->kind != Y_SCALAR || v->value[0] == '\0' ||
	    has_control(v->value)) {
		cfg_error(r, v, "expected one line of text", key);
		return 0;
	}
	if ((s = strdup(v->value)) == NULL)
		return -1;
	free(*dst);
	*dst = s;
	return 0;
}

/* A plain decimal integer in [lo, hi] into *dst. */
static int
cfg_long(struct cfgread *r, const struct ynode *v, const char *key,
    long lo, long hi, long *dst)
{
	char	*end;
	long	 x;

	if (is_null(v))
		return 0;
	if (v->kind != Y_SCALAR || !v->plain || v->value[0] == '\0' ||
	    !isdigit((unsigned char)v->value[0]))
		goto bad;
	errno = 0;
	x = strtol(v->value, &end, 10);
	if (errno != 0 || *end != '\0' || x < lo || x > hi)
		goto bad;
	*dst = x;
	return 0;
bad:
	diag_add(r->dl, npos(r, v), RULE_CONFIG,
	    "'%s': expected a whole number from %ld to %ld, not '%s'", key,
	    lo, hi, v->kind == Y_SCALAR ? v->value : "a list or mapping");
	r->failed = 1;
	return 0;
}

static int
cfg_int(struct cfgread *r, const struct ynode *v, const char *key,
    long lo, long hi, int *dst)
{
	long	 x = *dst;

	cfg_long(r, v, key, lo, hi, &x);
	*dst = (int)x;
	return 0;
}

static int
cfg_uint(struct cfgread *r, const struct ynode *v, const char *key,
    long lo, long hi, unsigned *dst)
{
	long	 x = (long)*dst;

	cfg_long(r, v, key, lo, hi, &x);
	*dst = (unsigned)x;
	return 0;
}

/*
 * True when every word of key ('deadline_days': deadline, days) is a
 * word of known ('deadline_business_days'): a key with a word left out.
 */
static int
words_within(const char *key, const char *known)
{
	const char	*w, *e, *k;
	size_t		 n;

	for (w = key; *w != '\0'; w = *e ? e + 1 : e) {
		e = w + strcspn(w, "_");
		if ((n = (size_t)(e - w)) == 0)
			return 0;
		for (k = known; *k != '\0'; k += *k == '_') {
			if (strncmp(k, w, n) == 0 && (k[n] == '_' ||
			    k[n] == '\0'))
				break;
			k += strcspn(k, "_");
		}
		if (*k == '\0')
			return 0;
	}
	return strchr(key, '_') != NULL;
}

/* An unknown key, with the nearest known one as a suggestion. */
static void
cfg_unknown(struct cfgread *r, const struct ynode *k, const char *where,
    const char *const *known)
{
	const char		*best = NULL;
	const char *const	*kn;
	size_t			 bd = 3, d;

	for (kn = known; *kn != NULL; kn++)
		if ((d = near_distance(k->value, strlen(k->value), *kn)) < bd) {
			bd = d;
			best = *kn;
		}
	for (kn = known; *kn != NULL && best == NULL; kn++)
		if (words_within(k->value, *kn))
			best = *kn;
	if (best != NULL)
		diag_add(r->dl, npos(r, k), RULE_CONFIG,
		    "unknown key '%s'%s%s; did you mean '%s'?", k->value,
		    where ? " in " : "", where ? where : "", best);
	else
		diag_add(r->dl, npos(r, k), RULE_CONFIG,
		    "unknown key '%s'%s%s", k->value, where ? " in " : "",
		    where ? where : "");
	r->failed = 1;
}

/* An index into known for key k, or -1 after an unknown-key error. */
static int
cfg_key(struct cfgread *r, const struct ynode *k, const char *where,
    const char *const *known)
{
	int	 i;

	for (i = 0; known[i] != NULL; i++)
		if (strcmp(k->value, known[i]) == 0)
			return i;
	cfg_unknown(r, k, where, known);
	return -1;
}

static int
cfg_mapping(struct cfgread *r, const struct ynode *v, const char *key)
{
	if (v->kind == Y_MAP)
		return 1;
	if (!is_null(v))
		cfg_error(r, v, "expected a mapping of 'key: value' lines",
		    key);
	return 0;
}

static int
cfg_list(struct cfgread *r, const struct ynode *v, const char *key)
{
	if (v->kind == Y_SEQ)
		return 1;
	if (!is_null(v))
		cfg_error(r, v, "expected a list of '- item' lines", key);
	return 0;
}

static int
int_cmp(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* holidays: a list of YYYY-MM-DD, kept sorted and without repeats. */
static int
cfg_holidays(struct config *c, struct cfgread *r, const struct ynode *v)
{
	int	*days;
	size_t	 i, n = 0;
	int	 d;

	if (!cfg_list(r, v, "holidays"))
		return 0;
	if ((days = calloc(v->nkid + 1, sizeof(*days))) == NULL)
		return -1;
	for (i = 0; i < v->nkid; i++) {
		if (v->kid[i]->kind != Y_SCALAR ||
		    date_parse(v->kid[i]->value, &d) == -1) {
			cfg_error(r, v->kid[i], "expected a date YYYY-MM-DD",
			    "holidays");
			continue;
		}
		days[n++] = d;
	}
	qsort(days, n, sizeof(*days), int_cmp);
	for (i = 0, c->nholidays = 0; i < n; i++)
		if (c->nholidays == 0 || days[c->nholidays - 1] != days[i])
			days[c->nholidays++] = days[i];
	free(c->holidays);
	c->holidays = days;
	return 0;
}

/* A field path of the schema: 'deal/go-live' ([a-z0-9-] words, '/'). */
static int
field_path_ok(const char *s)
{
	int	 word = 0;

	for (; *s != '\0'; s++) {
		if (*s == '/') {
			if (word == 0)
				return 0;
			word = 0;
		} else if (islower((unsigned char)*s) ||
		    isdigit((unsigned char)*s) || *s == '-' || *s == '_')
			word++;
		else
			return 0;
	}
	return word > 0;
}

/* required: extra field paths that count as required. */
static int
cfg_required(struct config *c, struct cfgread *r, const struct ynode *v)
{
	char		**p;
	unsigned	 *ln;
	size_t		  i;

	if (!cfg_list(r, v, "required"))
		return 0;
	for (i = 0; i < v->nkid; i++) {
		if (v->kid[i]->kind != Y_SCALAR ||
		    !field_path_ok(v->kid[i]->value)) {
			cfg_error(r, v->kid[i],
			    "expected a field path such as 'deal/go-live'",
			    "required");
			continue;
		}
		if ((p = realloc(c->required,
		    (c->nrequired + 1) * sizeof(*p))) == NULL)
			return -1;
		c->required = p;
		if ((ln = realloc(c->required_line,
		    (c->nrequired + 1) * sizeof(*ln))) == NULL)
			return -1;
		c->required_line = ln;
		ln[c->nrequired] = v->kid[i]->line;
		if ((p[c->nrequired] = strdup(v->kid[i]->value)) == NULL)
			return -1;
		c->nrequired++;
	}
	return 0;
}

/* timelines: { segment: { step: business days } }. */
static int
cfg_timelines(struct config *c, struct cfgread *r, const struct ynode *v)
{
	static const char *const segs[] = { "smb", "mid-market", "enterprise",
	    NULL };
	static const char *const steps[] = { "call", "mapping", "metrics",
	    "intro", "feedback", "escalation", NULL };
	static const enum step_id ids[] = { STEP_CALL, STEP_MAPPING,
	    STEP_METRICS, STEP_INTRO, STEP_FEEDBACK, STEP_ESCALATION };
	const struct ynode *m;
	struct timeline_step *st;
	size_t		 i, j;
	int		 s, k;

	if (!cfg_mapping(r, v, "timelines"))
		return 0;
	for (i = 0; i + 1 < v->nkid; i += 2) {
		if ((s = cfg_key(r, v->kid[i], "timelines", segs)) == -1)
			continue;
		m = v->kid[i + 1];
		if (!cfg_mapping(r, m, segs[s]))
			continue;
		for (j = 0; j + 1 < m->nkid; j += 2) {
			if ((k = cfg_key(r, m->kid[j], segs[s], steps)) == -1)
				continue;
			st = &c->timelines[s].step[ids[k]];
			cfg_int(r, m->kid[j + 1], steps[k], 0, CONFIG_MAX_DAYS,
			    &st->to);
			if (st->from > st->to)
				st->from = st->to;
		}
	}
	return 0;
}

static int
cfg_limits(struct config *c, struct cfgread *r, const struct ynode *v)
{
	static const char *const keys[] = { "max_file_size", "max_depth",
	    "max_table_rows", "max_table_cols", "max_template_depth", NULL };
	struct limits	*l = &c->limits;
	const struct ynode *x;
	long		 size;
	size_t		 i;

	if (!cfg_mapping(r, v, "limits"))
		return 0;
	for (i = 0; i + 1 < v->nkid; i += 2) {
		x = v->kid[i + 1];
		switch (cfg_key(r, v->kid[i], "limits", keys)) {
		case 0:
			size = (long)l->max_file_size;
			cfg_long(r, x, keys[0], 1024, 256L * 1024 * 1024,
			    &size);
			l->max_file_size = (size_t)size;
			break;
		case 1:
			cfg_uint(r, x, keys[1], 4, 10000, &l->max_depth);
			break;
		case 2:
			cfg_uint(r, x, keys[2], 1, 1000000, &l->max_table_rows);
			break;
		case 3:
			cfg_uint(r, x, keys[3], 1, 1000, &l->max_table_cols);
			break;
		case 4:
			cfg_uint(r, x, keys[4], 1, 1000,
			    &l->max_template_depth);
			break;
		default:
			break;
		}
	}
	return 0;
}

/* completeness: { pre_close: percent }. */
static int
cfg_completeness(struct config *c, struct cfgread *r, const struct ynode *v)
{
	static const char *const keys[] = { "pre_close", NULL };
	size_t	 i;

	if (!cfg_mapping(r, v, "completeness"))
		return 0;
	for (i = 0; i + 1 < v->nkid; i += 2)
		if (cfg_key(r, v->kid[i], "completeness", keys) == 0)
			cfg_int(r, v->kid[i + 1], "pre_close", 0, 100,
			    &c->pre_close_threshold);
	return 0;
}

/* commit: { require_complete: true|false }: whether 'commit' and the
 * hooks refuse an unfinished handoff too (default false: only a wrong one). */
static int
cfg_commit(struct config *c, struct cfgread *r, const struct ynode *v)
{
	static const char *const keys[] = { "require_complete", NULL };
	const struct ynode *x;
	size_t	 i;

	if (!cfg_mapping(r, v, "commit"))
		return 0;
	for (i = 0; i + 1 < v->nkid; i += 2) {
		if (cfg_key(r, v->kid[i], "commit", keys) != 0)
			continue;
		x = v->kid[i + 1];
		if (is_null(x))
			continue;
		if (x->kind == Y_SCALAR && strcmp(x->value, "true") == 0)
			c->commit_require_complete = 1;
		else if (x->kind == Y_SCALAR && strcmp(x->value, "false") == 0)
			c->commit_require_complete = 0;
		else
			cfg_error(r, x, "expected true or false",
			    "require_complete");
	}
	return 0;
}

/* playbooks: { builtin: true|false }: whether the built-in playbooks
 * (healthcare, enterprise) apply besides the team's schemas/playbooks/. */
static int
cfg_playbooks(struct config *c, struct cfgread *r, const struct ynode *v)
{
	static const char *const keys[] = { "builtin", NULL };
	const struct ynode *x;
	size_t	 i;

	if (!cfg_mapping(r, v, "playbooks"))
		return 0;
	for (i = 0; i + 1 < v->nkid; i += 2) {
		if (cfg_key(r, v->kid[i], "playbooks", keys) != 0)
			continue;
		x = v->kid[i + 1];
		if (is_null(x))
			continue;
		if (x->kind == Y_SCALAR && strcmp(x->value, "true") == 0)
			c->playbooks_no_builtin = 0;
		else if (x->kind == Y_SCALAR && strcmp(x->value, "false") == 0)
			c->playbooks_no_builtin = 1;
		else
			cfg_error(r, x, "expected true or false", "builtin");
	}
	return 0;
}

/*
 * 'Name <addr@domain>': a name without control characters or angle
 * brackets and an address with one '@' and no spaces.
 */
static int
sender_ok(const char *s)
{
	const char	*lt, *gt, *at, *p;

	if ((lt = strchr(s, '<')) == NULL || (gt = strchr(lt, '>')) == NULL ||
	    gt[1] != '\0' || lt == s || lt[-1] != ' ' ||
	    (at = memchr(lt, '@', (size_t)(gt - lt))) == NULL ||
	    at == lt + 1 || at + 1 == gt)
		return 0;
	for (p = s; p < lt; p++)
		if (*p == '>' || *p == '"' || *p == '\\')
			return 0;
	for (p = lt + 1; p < gt; p++)
		if (*p == ' ' || *p == '<' || (*p == '@' && p != at))
			return 0;
	return 1;
}

/*
 * An IANA time zone name: "UTC" or Area/Location words of letters,
 * digits and "_+-", no "." (so never a path outside the zone database).
 */
static int
timezone_ok(const char *s)
{
	size_t	 word = 0, n = 0;

	if (strlen(s) > 64 || !isupper((unsigned char)s[0]))
		return 0;
	for (; *s != '\0'; s++, n++) {
		if (*s == '/') {
			if (word == 0)
				return 0;
			word = 0;
		} else if (isalnum((unsigned char)*s) || *s == '_' ||
		    *s == '-' || *s == '+')
			word++;
		else
			return 0;
	}
	return word > 0;
}

static int
cfg_timezone(struct config *c, struct cfgread *r, const struct ynode *v)
{
	struct stat	 st;
	char		 path[128];

	if (is_null(v))
		return 0;
	if (v->kind != Y_SCALAR || !timezone_ok(v->value)) {
		cfg_error(r, v, "expected an IANA time zone such as "
		    "'Europe/Berlin'", "timezone");
		return 0;
	}
	/* Where the zone database is installed, a name must be in it. */
	if (stat("/usr/share/zoneinfo", &st) == 0 && S_ISDIR(st.st_mode)) {
		snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s",
		    v->value);
		if (stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
			cfg_error(r, v, "unknown time zone", "timezone");
			return 0;
		}
	}
	return cfg_string(r, v, "timezone", &c->timezone);
}

static int
cfg_sender(struct config *c, struct cfgread *r, const struct ynode *v)
{
	if (is_null(v))
		return 0;
	if (v->kind != Y_SCALAR || !sender_ok(v->value) ||
	    has_control(v->value)) {
		cfg_error(r, v, "expected 'Name <address@domain>'", "sender");
		return 0;
	}
	return cfg_string(r, v, "sender", &c->sender);
}

/* True when the host of an smtp(s):// URL is a loopback address. */
static int
send_loopback(const char *url)
{
	static const char *const hosts[] = { "127.0.0.1", "localhost",
	    "[::1]", NULL };
	const char	*h = strstr(url, "://");
	size_t		 i, n;

	h = h != NULL ? h + 3 : url;
	if (strchr(h, '@') != NULL)
		h = strchr(h, '@') + 1;
	for (i = 0; hosts[i] != NULL; i++) {
		n = strlen(hosts[i]);
		if (strncmp(h, hosts[i], n) == 0 &&
		    (h[n] == '\0' || h[n] == ':' || h[n] == '/'))
			return 1;
	}
	return 0;
}

/* True when the key under send: would hold a secret. */
static int
send_secret_key(const char *k)
{
	static const char *const secret[] = { "password", "pass", "passwd",
	    "token", "bearer", "secret", NULL };
	size_t	 i;

	for (i = 0; secret[i] != NULL; i++)
		if (strcmp(k, secret[i]) == 0)
			return 1;
	return 0;
}

/* True when an smtp(s):// URL carries user:password@. */
static int
send_url_password(const char *url)
{
	const char	*h = strstr(url, "://"), *at, *end;

	if (h == NULL)
		return 0;
	h += 3;
	end = h + strcspn(h, "/?#");
	if ((at = memchr(h, '@', (size_t)(end - h))) == NULL)
		return 0;
	return memchr(h, ':', (size_t)(at - h)) != NULL;
}

/* A secret in the committed handoff.yml: refused, never echoed. */
static void
send_refuse_secret(struct cfgread *r, const struct ynode *n,
    const char *what)
{
	diag_add(r->dl, npos(r, n), RULE_CONFIG, "%s: handoff.yml is "
	    "committed and holds no secrets; set HANDOFF_SMTP_PASSWORD (or "
	    "HANDOFF_SMTP_BEARER for XOAUTH2) in the environment, or put the "
	    "password in ~/.netrc", what);
	r->failed = 1;
}

/* send: { smtp, tls, sendmail, slack_webhook_env, teams_webhook_env,
 * ca, shared: [slack, teams] }: 'handoff send' (deliver/). */
static int
cfg_send(struct config *c, struct cfgread *r, const struct ynode *v)
{
	static const char *const keys[] = { "smtp", "tls", "sendmail",
	    "slack_webhook_env", "teams_webhook_env", "ca", "shared", NULL };
	struct send_config *sc = &c->send;
	const struct ynode *x, *tls = NULL;
	size_t		 i, k;
	int		 rc = 0;

	if (!cfg_mapping(r, v, "send"))
		return 0;
	for (i = 0; rc == 0 && i + 1 < v->nkid; i += 2) {
		x = v->kid[i + 1];
		if (send_secret_key(v->kid[i]->value)) {
			send_refuse_secret(r, v->kid[i], "a password or token "
			    "under send");
			continue;
		}
		switch (cfg_key(r, v->kid[i], "send", keys)) {
		case 0:
			if (x->kind == Y_SCALAR && send_url_password(x->value)) {
				send_refuse_secret(r, x, "'smtp': a password in "
				    "the URL (user:password@)");
				break;
			}
			rc = cfg_string(r, x, keys[0], &sc->smtp);
			if (sc->smtp != NULL && strncmp(sc->smtp, "smtp://", 7)
			    != 0 && strncmp(sc->smtp, "smtps://", 8) != 0)
				cfg_error(r, x, "expected smtp://host:587 or "
				    "smtps://host:465", keys[0]);
			break;
		case 1:
			tls = x;
			if (x->kind != Y_SCALAR || (strcmp(x->value,
			    "required") != 0 && strcmp(x->value, "none") != 0))
				cfg_error(r, x, "expected 'required' or 'none'",
				    keys[1]);
			else
				sc->tls_none = strcmp(x->value, "none") == 0;
			break;
		case 2:
			rc = cfg_string(r, x, keys[2], &sc->sendmail);
			break;
		case 3:
			rc = cfg_string(r, x, keys[3], &sc->slack_env);
			break;
		case 4:
			rc = cfg_string(r, x, keys[4], &sc->teams_env);
			break;
		case 5:
			rc = cfg_string(r, x, keys[5], &sc->ca);
			break;
		case 6:
			if (!cfg_list(r, x, keys[6]))
				break;
			for (k = 0; k < x->nkid; k++) {
				if (x->kid[k]->kind == Y_SCALAR &&
				    strcmp(x->kid[k]->value, "slack") == 0)
					sc->shared_slack = 1;
				else if (x->kid[k]->kind == Y_SCALAR &&
				    strcmp(x->kid[k]->value, "teams") == 0)
					sc->shared_teams = 1;
				else
					cfg_error(r, x->kid[k], "expected slack "
					    "or teams", keys[6]);
			}
			break;
		default:
			break;
		}
	}
	if (rc == 0 && sc->tls_none && (sc->smtp == NULL ||
	    !send_loopback(sc->smtp)))
		cfg_error(r, tls, "'none' is allowed only for a loopback host "
		    "(127.0.0.1, localhost); a real server needs TLS", keys[1]);
	return rc;
}

/* calls: { recording_link: PATTERN }: how a timestamp of 'calls add'
 * links into the recording; {url} is the --recording URL, {seconds} the
 * second of the cue. */
static int
cfg_calls(struct config *c, struct cfgread *r, const struct ynode *v)
{
	static const char *const keys[] = { "recording_link", NULL };
	const struct ynode *x;
	size_t	 i;

	if (!cfg_mapping(r, v, "calls"))
		return 0;
	for (i = 0; i + 1 < v->nkid; i += 2) {
		if (cfg_key(r, v->kid[i], "calls", keys) != 0)
			continue;
		x = v->kid[i + 1];
		if (is_null(x))
			continue;
		if (x->kind != Y_SCALAR || strstr(x->value, "{url}") == NULL ||
		    strstr(x->value, "{seconds}") == NULL ||
		    strpbrk(x->value, " \t()<>") != NULL) {
			cfg_error(r, x, "expected a link pattern with {url} and "
			    "{seconds}, such as \"{url}&t={seconds}\"",
			    "recording_link");
			continue;
		}
		if (cfg_string(r, x, "recording_link", &c->recording_link) != 0)
			return -1;
	}
	return 0;
}

/* date_order: dmy or mdy, how to read 03/04/2027 (default: ask). */
static int
cfg_date_order(struct config *c, struct cfgread *r, const struct ynode *v)
{
	if (is_null(v))
		return 0;
	if (v->kind == Y_SCALAR && strcmp(v->value, "dmy") == 0)
		c->date_order = 1;
	else if (v->kind == Y_SCALAR && strcmp(v->value, "mdy") == 0)
		c->date_order = 2;
	else
		cfg_error(r, v, "expected dmy (03/04/2027 is 3 April) or mdy "
		    "(03/04/2027 is March 4)", "date_order");
	return 0;
}

/* The top-level mapping. */
static int
cfg_root(struct config *c, struct cfgread *r, const struct ynode *root)
{
	static const char *const keys[] = { "company", "logo", "sender",
	    "timezone", "holidays", "completeness", "deadline_business_days",
	    "timelines", "required", "limits", "commit", "date_order",
	    "import", "send", "playbooks", "calls", NULL };
	const struct ynode *v;
	size_t		 i;
	int		 rc = 0;

	if (is_null(root))
		return 0;	/* an empty document */
	if (root->kind != Y_MAP) {
		diag_add(r->dl, npos(r, root), RULE_CONFIG,
		    "the config must be 'key: value' lines");
		r->failed = 1;
		return 0;
	}
	for (i = 0; rc == 0 && i + 1 < root->nkid; i += 2) {
		v = root->kid[i + 1];
		switch (cfg_key(r, root->kid[i], NULL, keys)) {
		case 0:
			c->company_line = v->line;
			rc = cfg_string(r, v, keys[0], &c->company);
			break;
		case 1:
			rc = cfg_string(r, v, keys[1], &c->logo);
			break;
		case 2:
			rc = cfg_sender(c, r, v);
			break;
		case 3:
			rc = cfg_timezone(c, r, v);
			break;
		case 4:
			c->holidays_line = root->kid[i]->line;
			rc = cfg_holidays(c, r, v);
			break;
		case 5:
			rc = cfg_completeness(c, r, v);
			break;
		case 6:
			rc = cfg_int(r, v, keys[6], 1, 30, &c->deadline_days);
			break;
		case 7:
			rc = cfg_timelines(c, r, v);
			break;
		case 8:
			rc = cfg_required(c, r, v);
			break;
		case 9:
			rc = cfg_limits(c, r, v);
			break;
		case 10:
			rc = cfg_commit(c, r, v);
			break;
		case 11:
			rc = cfg_date_order(c, r, v);
			break;
		case 12:	/* read by compiler/import/import_map.c */
			break;
		case 13:
			rc = cfg_send(c, r, v);
			break;
		case 14:
			rc = cfg_playbooks(c, r, v);
			break;
		case 15:
			rc = cfg_calls(c, r, v);
			break;
		default:
			break;
		}
	}
	return rc;
}

int
config_load_mem(struct config *c, const char *file, const char *data,
    size_t len, struct diag_list *dl)
{
	struct cfgread	 r;
	struct ynode	*root = NULL;
	size_t		 before = dl->n;
	int		 s, rc = -1;

	memset(&r, 0, sizeof(r));
	r.file = file != NULL ? file : "handoff.yml";
	r.dl = dl;
	if (len > CONFIG_MAX_SIZE) {
		diag_add(dl, diag_pos_line(r.file, 0), RULE_FILE_TOO_LARGE,
		    "config is larger than %d bytes", CONFIG_MAX_SIZE);
		return -1;
	}
	if (memchr(data, '\0', len) != NULL) {
		diag_add(dl, diag_pos_line(r.file, 0), RULE_BINARY,
		    "NUL byte in the config");
		return -1;
	}
	if (ytree_parse(&root, r.file, data, len, CONFIG_MAX_DEPTH,
	    CONFIG_MAX_NODES, dl) == -1)
		goto out;
	if (root != NULL && cfg_root(c, &r, root) == -1)
		goto out;
	/* The package step is due when the handoff is: the deadline. */
	for (s = 0; s < SEGMENT__MAX; s++)
		c->timelines[s].step[STEP_PACKAGE].to = c->deadline_days;
	rc = r.failed || dl->n > before ? -1 : 0;
out:
	ytree_free(root);
	return rc;
}

int
config_load(struct config *c, const char *path, int must_exist,
    struct diag_list *dl)
{
	char	*data = NULL;
	size_t	 len;
	int	 rc;

	rc = fs_read(path, CONFIG_MAX_SIZE, &data, &len);
	if (rc == -1 && errno == ENOENT && !must_exist)
		return 0;
	if (rc == -2) {
		diag_add(dl, diag_pos_line(path, 0), RULE_FILE_TOO_LARGE,
		    "config is larger than %d bytes", CONFIG_MAX_SIZE);
		return -1;
	}
	if (rc == -1) {
		diag_add(dl, diag_pos_line(path, 0), RULE_IO,
		    "cannot read: %s", fs_strerror(errno));
		return -1;
	}
	free(c->file);
	if ((c->file = strdup(path)) == NULL) {
		free(data);
		return -1;
	}
	rc = config_load_mem(c, path, data, len, dl);
	free(data);
	return rc;
}

void
config_dispose(struct config *c)
{
	size_t	 i;

	free(c->file);
	free(c->company);
	free(c->logo);
	free(c->recording_link);
	free(c->sender);
	free(c->timezone);
	free(c->holidays);
	for (i = 0; i < c->nrequired; i++)
		free(c->required[i]);
	free(c->required);
	free(c->required_line);
	free(c->send.smtp);
	free(c->send.sendmail);
	free(c->send.slack_env);
	free(c->send.teams_env);
	free(c->send.ca);
	config_init(c);
}

const struct timeline *
config_timeline(const struct config *c, const char *segment)
{
	int	 s = segment_from_name(segment);

	return &c->timelines[s < 0 ? SEGMENT_MID_MARKET : s];
}

int
config_company_is_placeholder(const struct config *c)
{
	return c->file != NULL && c->company != NULL &&
	    strcasecmp(c->company, CONFIG_COMPANY_PLACEHOLDER) == 0;
}

void
config_warn(const struct config *c, struct diag_list *dl)
{
	if (config_company_is_placeholder(c))
		diag_add(dl, diag_pos_line(c->file, c->company_line),
		    RULE_COMPANY_PLACEHOLDER, "company: '%s' is the placeholder "
		    "'handoff init' wrote; the client e-mails would sign with "
		    "it", c->company);
	/* An explicit empty list (what init writes without --holidays). */
	if (c->file != NULL && c->holidays_line != 0 && c->nholidays == 0)
		diag_add(dl, diag_pos_line(c->file, c->holidays_line),
		    RULE_HOLIDAYS_EMPTY,
		    "no holidays: the timeline counts every weekday as a "
		    "business day, public holidays included");
}
