/* SPDX-License-Identifier: MIT */
/*
 * cmd_build.c: 'handoff build [-o DIR] [-j N] [--rev REV] [--force]
 * [--shard K/N] [FILE|DEAL...]': compile each deal into DIR/<deal>/
 * (handoff.xml, handoff-package.pdf, intro-email.eml, handoff-notice.eml,
 * timeline.ics).  One deal is one call of build_one(): read -> check ->
 * render everything in memory -> write each file atomically, so a failed
 * deal leaves its previous outputs as they were.  Deals run on N threads,
 * each with its own diagnostics list, printed afterwards in input order,
 * so the output does not depend on -j.  DIR/.handoff-state remembers a
 * hash of every deal file and of the inputs it was built from
 * (build_state.c); an unchanged deal is skipped before it is even parsed.
 * What the workers share is set up once: the session, the templates, the
 * fonts (read on first use, see pdf_font.h) and libgit2, kept initialised
 * for the whole build (each init parses the system's CA certificates).
 * Exit 0, 1 when a deal is invalid, 2 on a usage or system error.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "build_state.h"
#include "cmd.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "pdf_font.h"
#include "render.h"
#include "session.h"
#include "templates.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff build [-o DIR] [-j N] [--rev REV] [--force]\n"
    "                     [--shard K/N] [FILE|DEAL...]\n"
    "\n"
    "Compile deals into DIR/<deal>/ (default output/): handoff.xml,\n"
    "handoff-package.pdf, intro-email.eml, handoff-notice.eml and\n"
    "timeline.ics.  With no FILE or DEAL, every deals/*.md and\n"
    "deals/*.xml.  An invalid deal is reported as 'check' reports it\n"
    "and gets no outputs.\n"
    "\n"
    "  -o DIR       output folder (default: output)\n"
    "  -j N         build N deals at a time (default: the number of cores)\n"
    "  --rev REV    build the deals as they are at git revision REV\n"
    "  --force      rebuild deals that did not change\n"
    "  --shard K/N  build only the K-th of N shards (1 <= K <= N)\n";

enum job_result {
	JOB_BUILT,
	JOB_UNCHANGED,
	JOB_FAILED
};

/* One deal to build: the file, and what building it gave. */
struct job {
	char			*path;	/* as given, or deals/NAME */
	char			*id;	/* deal id once parsed (owned) */
	struct diag_list	 dl;	/* this deal's diagnostics only */
	enum job_result		 result;
	char			 hash[STATE_HASH_LEN];	/* deal + inputs */
};

/* What every worker shares; read-only while the workers run, but for
 * the job counters and the fonts (made on first use), which the mutex
 * guards. */
struct build {
	const struct cli	*cli;
	struct session		 s;
	struct templates	*t;
	const char		*outdir;
	const char		*rev;		/* NULL: the work tree */
	char			 rev_short[64];
	int			 force;
	struct state		 state;		/* previous build */
	char			 inputs[STATE_HASH_LEN];
	struct job		*jobs;
	size_t			 njobs;
	size_t			 next;		/* the next job to take */
	size_t			 done;
	struct pdf_fonts	*fonts;		/* NULL: not read (yet) */
	int			 fonts_tried;
	int			 vcs;		/* vcs_lib_init() held */
	pthread_mutex_t		 lock;
};

/* The outputs of one deal, rendered in memory before anything is written. */
struct outputs {
	struct buf	 b[5];
	int		 have[5];
};

static const char *const out_name[5] = {
	"handoff.xml", "handoff-package.pdf", "intro-email.eml",
	"handoff-notice.eml", "timeline.ics"
};

/* ------------------------------------------------------------ one deal */

/*
 * Run one renderer.  Another helper's renderer may not be written yet:
 * -1 without any diagnostic of its own means "not available", and the
 * output is skipped with a warning; -1 with a diagnostic is a failure.
 */
static int
render_step(struct outputs *o, int k, int rv, size_t before,
    struct job *j, const char *file)
{
	if (rv == 0) {
		o->have[k] = 1;
		return 0;
	}
	if (j->dl.n > before)
		return -1;
	buf_dispose(&o->b[k]);
	diag_add_sev(&j->dl, diag_pos_line(file, 0), RULE_OUTPUT, SEV_WARNING,
	    "this build of handoff cannot write it yet", "%s skipped",
	    out_name[k]);
	return 0;
}

static int
render_all(struct outputs *o, const struct build *b, const struct render_ctx *rc,
    struct job *j)
{
	char	*xml;
	size_t	 len, n;

	if ((xml = model_to_xml(rc->m, &len)) == NULL ||
	    buf_put(&o->b[0], xml, len) == -1) {
		free(xml);
		diag_add(&j->dl, diag_pos_line(j->path, 0), RULE_OUTPUT,
		    "out of memory writing handoff.xml");
		return -1;
	}
	free(xml);
	o->have[0] = 1;
	n = j->dl.n;
	if (render_step(o, 1, render_pdf(&o->b[1], rc, &j->dl), n, j,
	    j->path) == -1)
		return -1;
	if (b->t == NULL) {
		/* no templates: the e-mails cannot be written (warned once) */
	} else {
		n = j->dl.n;
		if (render_step(o, 2, render_eml_intro(&o->b[2], rc, &j->dl),
		    n, j, j->path) == -1)
			return -1;
		n = j->dl.n;
		if (render_step(o, 3, render_eml_notice(&o->b[3], rc,
		    o->b[1].data, o->b[1].len, &j->dl), n, j, j->path) == -1)
			return -1;
	}
	n = j->dl.n;
	if (render_step(o, 4, render_ics(&o->b[4], rc, &j->dl), n, j,
	    j->path) == -1)
		return -1;
	return 0;
}

/* Write every rendered output into DIR/<id>/; 0 or -1. */
static int
write_all(const struct outputs *o, const struct build *b, struct job *j)
{
	char	*dir = NULL, *path = NULL;
	int	 k, rv = -1;

	if ((dir = fs_join(b->outdir, j->id)) == NULL || fs_mkdirs(dir) == -1) {
		diag_add(&j->dl, diag_pos_line(j->path, 0), RULE_OUTPUT,
		    "cannot create '%s': %s", dir ? dir : b->outdir,
		    strerror(errno));
		goto out;
	}
	for (k = 0; k < 5; k++) {
		if (!o->have[k])
			continue;
		free(path);
		if ((path = fs_join(dir, out_name[k])) == NULL ||
		    fs_write_atomic(path, o->b[k].data, o->b[k].len) == -1) {
			diag_add(&j->dl, diag_pos_line(j->path, 0), RULE_OUTPUT,
			    "cannot write '%s': %s", path ? path : dir,
			    strerror(errno));
			goto out;
		}
	}
	rv = 0;
out:
	free(dir);
	free(path);
	return rv;
}

/* The id the outputs go under: deal/id, which must be a safe name. */
static int
deal_id(struct job *j, const struct model *m)
{
	const char	*id = model_get(m, "deal/id");
	xmlNodePtr	 n = model_find(m, "deal/id");
	char		*stem;

	if (!fs_deal_id_ok(id)) {
		diag_add(&j->dl, model_pos(m, n != NULL ? n : model_root(m)),
		    RULE_DEAL_ID, *id == '\0' ? "no deal id: nothing to name "
		    "the output folder after" : "deal id '%s' cannot name an "
		    "output folder", id);
		return -1;
	}
	if ((stem = fs_stem(j->path)) != NULL && strcmp(stem, id) != 0)
		diag_add_sev(&j->dl, model_pos(m, n), RULE_DEAL_ID, SEV_WARNING,
		    "rename the file or change the id so that they match",
		    "deal id '%s' differs from the file name '%s'", id, stem);
	free(stem);
	if ((j->id = strdup(id)) == NULL)
		return -1;
	return 0;
}

/* Read the deal's bytes from the work tree or from git at --rev; 0 or -1
 * with a diagnostic. */
static int
read_deal(const struct build *b, struct job *j, char **data, size_t *len)
{
	int	 rc;

	*data = NULL;
	*len = 0;
	if (b->rev == NULL) {
		rc = fs_read(j->path, b->s.config.limits.max_file_size, data,
		    len);
		if (rc == -2) {
			diag_add(&j->dl, diag_pos_line(j->path, 0),
			    RULE_FILE_TOO_LARGE, "file is larger than %zu bytes",
			    b->s.config.limits.max_file_size);
			return -1;
		}
	} else
		rc = vcs_read_at(".", b->rev, j->path, data, len);
	if (rc != 0) {
		diag_add(&j->dl, diag_pos_line(j->path, 0), RULE_IO,
		    b->rev == NULL ? "cannot read: %s" : "cannot read at "
		    "the revision: %s", b->rev == NULL ? strerror(errno) :
		    vcs_strerror());
		return -1;
	}
	return 0;
}

/* The build's fonts, read by the first deal that needs them; NULL when
 * they cannot be read (render_pdf then says why, deal by deal). */
static struct pdf_fonts *
build_fonts(struct build *b)
{
	struct pdf_fonts	*fs;

	pthread_mutex_lock(&b->lock);
	if (!b->fonts_tried) {
		b->fonts_tried = 1;
		if (pdf_fonts_new(&b->fonts, HANDOFF_FONTDIR) == -1)
			b->fonts = NULL;
	}
	fs = b->fonts;
	pthread_mutex_unlock(&b->lock);
	return fs;
}

/*
 * Build one deal (force: even when unchanged).  Every problem goes to
 * j->dl; j->result says what happened.  Touches nothing shared but its
 * own outputs and, under the lock, the fonts.
 */
static void
build_one(struct build *b, struct job *j, int force)
{
	struct outputs	 o;
	struct verdict	 v;
	struct render_ctx rc;
	struct model	*m = NULL;
	char		 stamp[128], *data = NULL;
	const char	*id;
	size_t		 len, k;

	memset(&o, 0, sizeof(o));
	for (k = 0; k < 5; k++)
		buf_init(&o.b[k]);
	j->result = JOB_FAILED;
	if (read_deal(b, j, &data, &len) == -1)
		goto out;
	state_hash(j->hash, b->inputs, data, len);
	if (!force && state_unchanged(&b->state, j->path, j->hash,
	    b->outdir, &id)) {
		if ((j->id = strdup(id)) != NULL)
			j->result = JOB_UNCHANGED;
		goto out;
	}
	if ((m = session_check(&b->s, j->path, data, len, &v,
	    &j->dl)) == NULL || diag_list_status(&j->dl) != 0 ||
	    deal_id(j, m) == -1)
		goto out;
	if (b->rev != NULL)
		snprintf(stamp, sizeof(stamp), "%s", b->rev_short);
	else
		vcs_stamp(stamp, sizeof(stamp), j->path);
	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.v = &v;
	rc.c = &b->s.config;
	rc.s = b->s.schema;
	rc.t = b->t;
	rc.version = stamp;
	rc.today = b->s.today;
	rc.now = b->s.now;
	rc.fonts = build_fonts(b);
	if (render_all(&o, b, &rc, j) == -1 || write_all(&o, b, j) == -1)
		goto out;
	j->result = JOB_BUILT;
out:
	for (k = 0; k < 5; k++)
		buf_dispose(&o.b[k]);
	model_free(m);
	free(data);
}

/* ------------------------------------------------------------ workers */

static void
progress(const struct build *b)
{
	char	 bar[41];
	size_t	 i, fill = b->njobs ? b->done * 40 / b->njobs : 40;

	for (i = 0; i < 40; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[40] = '\0';
	fprintf(stderr, "\r[%s] %zu/%zu", bar, b->done, b->njobs);
	fflush(stderr);
}

static void *
worker(void *arg)
{
	struct build	*b = arg;
	size_t		 i;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		i = b->next < b->njobs ? b->next++ : b->njobs;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->njobs)
			break;
		build_one(b, &b->jobs[i], b->force);
		pthread_mutex_lock(&b->lock);
		b->done++;
		if (b->cli->tty && b->njobs > 1)
			progress(b);
		pthread_mutex_unlock(&b->lock);
	}
	return NULL;
}

/* Run every job on n threads (the calling one among them). */
static int
run_jobs(struct build *b, int n)
{
	pthread_t	*th;
	int		 i, started = 0;

	if (n > (int)b->njobs)
		n = (int)b->njobs;
	if (n <= 1) {
		worker(b);
		return 0;
	}
	if ((th = calloc((size_t)n, sizeof(*th))) == NULL)
		return -1;
	for (i = 0; i < n - 1; i++, started++)
		if (pthread_create(&th[i], NULL, worker, b) != 0)
			break;
	worker(b);
	for (i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
	return 0;
}

/* ------------------------------------------------------------ deal list */

/* A string of one job, for finding repeats by sorting. */
struct keyed {
	const char	*key;
	size_t		 i;
};

/* By key, then by input order. */
static int
keyed_cmp(const void *a, const void *b)
{
	const struct keyed	*x = a, *y = b;
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_deal_file(const char *name)
{
	const char	*ext = fs_ext(name);

	return name[0] != '.' && (strcmp(ext, ".md") == 0 ||
	    strcmp(ext, ".xml") == 0);
}

/* Every .md and .xml file in deals/, sorted (at --rev: in that tree). */
static int
list_deals(char ***out, size_t *np, const char *rev)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL, **nv, **names = NULL;
	size_t		 n = 0, cap = 0, i, nn = 0;
	int		 rc;

	*out = NULL;
	*np = 0;
	if (rev != NULL) {
		if ((rc = vcs_list_at(".", rev, "deals", &names, &nn)) != 0)
			return -1;
		for (i = 0; i < nn; i++) {
			if (!is_deal_file(names[i]))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
					break;
				v = nv;
			}
			if ((v[n] = fs_join("deals", names[i])) != NULL)
				n++;
		}
		vcs_names_free(names, nn);
	} else {
		if ((d = opendir("deals")) == NULL)
			return errno == ENOENT ? 0 : -1;
		while ((e = readdir(d)) != NULL) {
			if (!is_deal_file(e->d_name))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
					break;
				v = nv;
			}
			if ((v[n] = fs_join("deals", e->d_name)) != NULL)
				n++;
		}
		closedir(d);
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), str_cmp);
	*out = v;
	*np = n;
	return 0;
}

/* A FILE argument, or a DEAL id naming deals/DEAL.md or .xml. */
static char *
resolve_arg(const char *arg, const char *rev)
{
	char	 path[4096];

	if (strchr(arg, '/') != NULL || is_deal_file(arg) || !fs_deal_id_ok(arg))
		return strdup(arg);
	snprintf(path, sizeof(path), "deals/%s.md", arg);
	if (rev != NULL || fs_exists(path))
		return strdup(path);
	snprintf(path, sizeof(path), "deals/%s.xml", arg);
	if (fs_exists(path))
		return strdup(path);
	return strdup(arg);
}

/* Stable across machines and runs: FNV-1a of the file's stem. */
static unsigned long long
shard_hash(const char *path)
{
	unsigned long long	 h = 0xcbf29ce484222325ULL;
	char			*stem = fs_stem(path);
	const char		*p;

	for (p = stem != NULL ? stem : path; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	free(stem);
	return h;
}

/* ------------------------------------------------------------ options */

struct opts {
	const char	*outdir;
	const char	*rev;
	int		 jobs;
	int		 force;
	unsigned	 shard_k, shard_n;	/* 0: no sharding */
	int		 first;			/* first operand */
};

static int
parse_shard(struct opts *o, const char *s)
{
	char		*end;
	unsigned long	 k, n;

	k = strtoul(s, &end, 10);
	if (end == s || *end != '/')
		return -1;
	n = strtoul(end + 1, &end, 10);
	if (*end != '\0' || n == 0 || n > 100000 || k < 1 || k > n)
		return -1;
	o->shard_k = (unsigned)k;
	o->shard_n = (unsigned)n;
	return 0;
}

static int
parse_opts(struct opts *o, int argc, char **argv)
{
	const char	*val;
	long		 n;
	char		*end;
	int		 i;

	memset(o, 0, sizeof(*o));
	o->outdir = "output";
	n = sysconf(_SC_NPROCESSORS_ONLN);
	o->jobs = n > 0 && n < 256 ? (int)n : 1;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "--force") == 0)
			o->force = 1;
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			o->outdir = argv[++i];
		else if (strcmp(argv[i], "--rev") == 0 && i + 1 < argc)
			o->rev = argv[++i];
		else if (strcmp(argv[i], "--shard") == 0 && i + 1 < argc) {
			if (parse_shard(o, argv[++i]) == -1) {
				cmd_error("build: --shard wants K/N with "
				    "1 <= K <= N, not '%s'", argv[i]);
				return -1;
			}
		} else if ((strcmp(argv[i], "-j") == 0 && i + 1 < argc) ||
		    (strncmp(argv[i], "-j", 2) == 0 && argv[i][2] != '\0')) {
			/* "-j 4" or "-j4", as make takes it */
			val = argv[i][2] == '\0' ? argv[++i] : argv[i] + 2;
			n = strtol(val, &end, 10);
			if (*end != '\0' || n < 1 || n > 256) {
				cmd_error("build: -j wants 1 to 256, not '%s'",
				    val);
				return -1;
			}
			o->jobs = (int)n;
		} else {
			cmd_error("build: unknown option '%s'\n%s", argv[i],
			    usage);
			return -1;
		}
	}
	o->first = i;
	return 0;
}

/* ------------------------------------------------------------ the command */

/* The deal files to consider, all of them (before sharding). */
static int
collect(struct build *b, const struct opts *o, int argc, char **argv,
    char ***all, size_t *nall)
{
	char	**v;
	int	 i;

	if (o->first >= argc)
		return list_deals(all, nall, o->rev);
	if ((v = calloc((size_t)(argc - o->first), sizeof(*v))) == NULL)
		return -1;
	for (i = o->first; i < argc; i++)
		if ((v[i - o->first] = resolve_arg(argv[i], o->rev)) == NULL)
			return -1;
	*all = v;
	*nall = (size_t)(argc - o->first);
	(void)b;
	return 0;
}

/*
 * Two files with one deal id write over each other: the first (in input
 * order) keeps it; the others fail.  Which one wrote last depends on the
 * threads, so when a later one wrote anything the first is built again:
 * the outputs are always the first one's.
 */
static void
check_duplicates(struct build *b)
{
	struct keyed		*v;
	struct job		*j, *first;
	struct diag_list	 keep;
	size_t			 n = 0, i, k;
	int			 again;

	if ((v = calloc(b->njobs + 1, sizeof(*v))) == NULL)
		return;
	for (i = 0; i < b->njobs; i++)
		if (b->jobs[i].id != NULL && b->jobs[i].result != JOB_FAILED) {
			v[n].key = b->jobs[i].id;
			v[n++].i = i;
		}
	qsort(v, n, sizeof(*v), keyed_cmp);
	for (i = 0; i < n; i = k) {
		first = &b->jobs[v[i].i];
		again = 0;
		for (k = i + 1; k < n && strcmp(v[k].key, v[i].key) == 0; k++) {
			j = &b->jobs[v[k].i];
			diag_add(&j->dl, diag_pos_line(j->path, 0),
			    RULE_DEAL_ID, "deal id '%s' is also the id of "
			    "'%s'; their outputs collide", j->id, first->path);
			again |= j->result == JOB_BUILT;
			j->result = JOB_FAILED;
		}
		if (!again)
			continue;
		keep = first->dl;
		diag_list_init(&first->dl);
		free(first->id);
		first->id = NULL;
		build_one(b, first, 1);
		diag_list_dispose(&first->dl);
		first->dl = keep;
	}
	free(v);
}

/* deals/x.md and deals/x.xml are one deal twice: the later one fails
 * before anything is built. */
static void
check_stems(struct build *b)
{
	struct keyed	*v;
	struct job	*j;
	size_t		 n = 0, i, k, m;

	if ((v = calloc(b->njobs + 1, sizeof(*v))) == NULL)
		return;
	for (i = 0; i < b->njobs; i++)
		if ((v[n].key = fs_stem(b->jobs[i].path)) != NULL)
			v[n++].i = i;
	qsort(v, n, sizeof(*v), keyed_cmp);
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && strcmp(v[k].key, v[i].key) == 0; k++) {
			j = &b->jobs[v[k].i];
			for (m = i; m < k; m++)
				if (strcmp(b->jobs[v[m].i].path, j->path) != 0)
					break;
			if (m < k)
				diag_add(&j->dl, diag_pos_line(j->path, 0),
				    RULE_DEAL_ID, "'%s' is the same deal as "
				    "'%s'; keep one", j->path,
				    b->jobs[v[m].i].path);
		}
	}
	for (i = 0; i < n; i++)
		free((char *)(uintptr_t)v[i].key);
	free(v);
}

/* The inputs every deal depends on, hashed once. */
static void
build_inputs(struct build *b)
{
	char		 today[11], head[128];
	const char	*extra[4];

	date_format(b->s.today, today);
	if (b->rev != NULL)
		snprintf(head, sizeof(head), "rev %s", b->rev_short);
	else if (vcs_rev_short(head, sizeof(head), ".", NULL) != 0)
		snprintf(head, sizeof(head), "not in git");
	extra[0] = "handoff " HANDOFF_VERSION;
	extra[1] = today;
	extra[2] = head;
	extra[3] = b->outdir;
	state_inputs(b->inputs, b->s.root, HANDOFF_FONTDIR, extra, 4);
}

/*
 * Record what was built; forget what failed; remove the outputs of deals
 * that are gone (only when every deal was considered: a deal is gone
 * when no file of this build has its id as stem or its recorded path,
 * and no deal of this build has its id).
 */
static int
update_state(struct build *b, char **all, size_t nall, int whole)
{
	struct state_entry	*e;
	struct job		*j;
	char			**stems = NULL, **ids = NULL, *key;
	size_t			 i, ns = 0, ni = 0;
	int			 rv = -1, found;

	for (i = 0; i < b->njobs; i++) {
		j = &b->jobs[i];
		if (j->id == NULL)
			continue;
		if (j->result == JOB_FAILED)
			state_drop(&b->state, j->id);
		else if (state_set(&b->state, j->id, j->hash, j->path) == -1)
			return -1;
	}
	if (!whole)
		return state_save(&b->state, b->outdir);
	if ((stems = calloc(nall + 1, sizeof(*stems))) == NULL ||
	    (ids = calloc(b->njobs + 1, sizeof(*ids))) == NULL)
		goto out;
	for (i = 0; i < nall; i++)
		if ((stems[ns] = fs_stem(all[i])) != NULL)
			ns++;
	for (i = 0; i < b->njobs; i++)
		if (b->jobs[i].id != NULL)
			ids[ni++] = b->jobs[i].id;
	qsort(stems, ns, sizeof(*stems), str_cmp);
	qsort(ids, ni, sizeof(*ids), str_cmp);
	/* all is sorted when every deal is considered (list_deals) */
	for (i = 0; i < b->state.n; ) {
		e = &b->state.v[i];
		key = e->id;
		found = bsearch(&key, stems, ns, sizeof(*stems),
		    str_cmp) != NULL || bsearch(&key, ids, ni, sizeof(*ids),
		    str_cmp) != NULL;
		key = e->path;
		if (!found && key != NULL)
			found = bsearch(&key, all, nall, sizeof(*all),
			    str_cmp) != NULL;
		if (found) {
			i++;
			continue;
		}
		state_remove_outputs(b->outdir, e->id);
		state_drop(&b->state, e->id);
	}
	rv = state_save(&b->state, b->outdir);
out:
	for (i = 0; i < ns; i++)
		free(stems[i]);
	free(stems);
	free(ids);
	return rv;
}

/* Print each deal's diagnostics, in input order, as check does for an
 * invalid one; count the results. */
static int
report(struct build *b, size_t count[3])
{
	struct job	*j;
	size_t		 i;
	int		 worst = 0, st;

	for (i = 0; i < b->njobs; i++) {
		j = &b->jobs[i];
		count[j->result]++;
		diag_list_sort(&j->dl);
		diag_print_text(stderr, &j->dl);
		st = diag_list_status(&j->dl);
		if (j->result == JOB_FAILED && st == 0)
			st = 2;
		if (st > worst)
			worst = st;
	}
	return worst;
}

static int
build_open(struct build *b, const struct cli *cli, const struct opts *o,
    struct diag_list *dl)
{
	memset(b, 0, sizeof(*b));
	b->cli = cli;
	b->outdir = o->outdir;
	b->rev = o->rev;
	b->force = o->force;
	state_init(&b->state);
	pthread_mutex_init(&b->lock, NULL);
	b->vcs = vcs_lib_init() == 0;
	if (session_open(&b->s, ".", cli->today, cli->now, dl) == -1)
		return -1;
	if (b->rev != NULL && vcs_rev_short(b->rev_short, sizeof(b->rev_short),
	    ".", b->rev) != 0) {
		cmd_error("build: no revision '%s': %s", b->rev,
		    vcs_strerror());
		return -1;
	}
	b->t = templates_load(b->s.root, b->s.schema, &b->s.config.limits, dl);
	if (b->t == NULL && diag_list_status(dl) != 0)
		return -1;
	if (b->t == NULL)
		diag_add_sev(dl, diag_pos_line("templates", 0), RULE_OUTPUT,
		    SEV_WARNING, "this build of handoff has no e-mail "
		    "templates yet", "the e-mails are skipped");
	if (state_load(&b->state, b->outdir) == -1)
		return -1;
	build_inputs(b);
	return 0;
}

static void
build_close(struct build *b)
{
	size_t	 i;

	for (i = 0; i < b->njobs; i++) {
		free(b->jobs[i].path);
		free(b->jobs[i].id);
		diag_list_dispose(&b->jobs[i].dl);
	}
	free(b->jobs);
	templates_free(b->t);
	state_dispose(&b->state);
	session_close(&b->s);
	pdf_fonts_free(b->fonts);
	if (b->vcs)
		vcs_lib_shutdown();
	pthread_mutex_destroy(&b->lock);
}

/* Take the deals of this shard from all (moving the strings). */
static int
make_jobs(struct build *b, const struct opts *o, char **all, size_t nall)
{
	size_t	 i;

	if ((b->jobs = calloc(nall + 1, sizeof(*b->jobs))) == NULL)
		return -1;
	for (i = 0; i < nall; i++) {
		if (o->shard_n > 0 &&
		    shard_hash(all[i]) % o->shard_n != o->shard_k - 1)
			continue;
		if ((b->jobs[b->njobs].path = strdup(all[i])) == NULL)
			return -1;
		diag_list_init(&b->jobs[b->njobs].dl);
		b->njobs++;
	}
	return 0;
}

int
cmd_build(const struct cli *cli, int argc, char **argv)
{
	struct build	 b;
	struct opts	 o;
	struct diag_list dl;
	struct timespec	 t0, t1;
	char		**all = NULL;
	size_t		 nall = 0, i, count[3] = { 0, 0, 0 };
	int		 rc = 2, st;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	if (parse_opts(&o, argc, argv) == -1)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	diag_list_init(&dl);
	if (build_open(&b, cli, &o, &dl) == -1)
		goto out;
	if (collect(&b, &o, argc, argv, &all, &nall) == -1) {
		cmd_error("build: cannot list the deals: %s", o.rev != NULL ?
		    vcs_strerror() : strerror(errno));
		goto out;
	}
	if (make_jobs(&b, &o, all, nall) == -1) {
		cmd_error("build: out of memory");
		goto out;
	}
	check_stems(&b);
	if (run_jobs(&b, o.jobs) == -1) {
		cmd_error("build: cannot start the workers");
		goto out;
	}
	if (cli->tty && b.njobs > 1)
		fputs("\r\033[K", stderr);
	check_duplicates(&b);
	diag_list_sort(&dl);
	diag_print_text(stderr, &dl);
	rc = report(&b, count);
	if (update_state(&b, all, nall, o.first >= argc) == -1) {
		cmd_error("build: cannot write %s/.handoff-state: %s",
		    o.outdir, strerror(errno));
		rc = 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("built %zu, unchanged %zu, failed %zu, %.2fs\n",
	    count[JOB_BUILT], count[JOB_UNCHANGED], count[JOB_FAILED],
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
out:
	if (rc == 2 && dl.n > 0 && count[0] + count[1] + count[2] == 0) {
		diag_list_sort(&dl);
		diag_print_text(stderr, &dl);
	}
	st = diag_list_status(&dl);
	if (st > rc && count[0] + count[1] + count[2] > 0)
		rc = st;
	for (i = 0; i < nall; i++)
		free(all[i]);
	free(all);
	build_close(&b);
	diag_list_dispose(&dl);
	return rc;
}
