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
 * The audit page (web_site_audit_make()) is the first job a worker takes,
 * made beside the deals and written after the index.
 * Exit 0, 1 when a deal is invalid, 2 on a usage or system error.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build_state.h"
#include "cmd.h"
#include "cmd_build_int.h"
#include "cmd_git.h"
#include "deal_name.h"
#include "diag.h"
#include "fsutil.h"
#include "pdf_font.h"
#include "session.h"
#include "templates.h"
#include "vcs.h"
#include "web/web_site.h"

static const char usage[] =
    "usage: handoff build [-o DIR] [-j N] [--rev REV] [--force] [--no-html]\n"
    "                     [--shard K/N] [FILE|DEAL...]\n"
    "\n"
    "Compile deals into DIR/<deal>/ (default output/): handoff.xml,\n"
    "handoff-package.pdf, intro-email.eml, handoff-notice.eml and\n"
    "timeline.ics, and the internal web pages: DIR/<deal>/index.html\n"
    "and DIR/index.html (every deal).  With no FILE or DEAL, every deals/*.md and\n"
    "deals/*.xml.  An invalid deal is reported as 'check' reports it\n"
    "and gets no outputs.\n"
    "\n"
    "  -o DIR       output folder (default: output)\n"
    "  -j N         build N deals at a time (default: the number of cores)\n"
    "  --rev REV    build the deals as they are at git revision REV\n"
    "  --force      rebuild deals that did not change\n"
    "  --no-html    do not write the web pages\n"
    "  --shard K/N  build only the K-th of N shards (1 <= K <= N)\n";

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

/*
 * Take jobs until none is left.  The audit page, when wanted, is the
 * first job taken: it is the longest (it checks every version of every
 * deal in the history), so the other workers build deals meanwhile.
 */
static void *
worker(void *arg)
{
	struct build	*b = arg;
	size_t		 i;
	int		 audit;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		audit = b->audit_wanted;
		b->audit_wanted = 0;
		i = audit || b->next >= b->njobs ? b->njobs : b->next++;
		pthread_mutex_unlock(&b->lock);
		if (audit) {
			b->audit = web_site_audit_make(b->outdir, &b->s,
			    b->inputs);
			continue;
		}
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

	if (n > (int)b->njobs + b->audit_wanted)
		n = (int)b->njobs + b->audit_wanted;
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

/* ------------------------------------------------------------ options */

struct opts {
	const char	*outdir;
	const char	*rev;
	int		 jobs;
	int		 force;
	int		 no_html;
	unsigned	 shard_k, shard_n;	/* 0: no sharding */
	int		 first;			/* first operand */
	int		 outdir_given;		/* -o: from where the user stands */
	char		*prefix;		/* where the user stands, from
						 * the team repo root */
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
		else if (strcmp(argv[i], "--no-html") == 0)
			o->no_html = 1;
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			o->outdir = argv[++i];
			o->outdir_given = 1;
		}
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

/* One FILE or DEAL argument (given from where the user stands): a path
 * from the team repo root; at --rev an id names deals/ID.md there.
 * 0, 1 no such deal (in dl), -1. */
static int
collect_arg(char **out, const struct opts *o, const char *arg,
    struct diag_list *dl)
{
	char	*p;
	int	 rv;

	if (!deal_name_is_path(arg) && o->rev != NULL && fs_deal_id_ok(arg)) {
		if ((*out = malloc(strlen(arg) + 10)) == NULL)
			return -1;
		sprintf(*out, "deals/%s.md", arg);
		return 0;
	}
	if ((p = deal_name_rebase(o->prefix, arg)) == NULL)
		return -1;
	rv = deal_name_resolve(out, ".", deal_name_is_path(arg) ? p : arg,
	    dl);
	free(p);
	return rv;
}

/* The deal files to consider, all of them (before sharding).  0, 1 (an
 * argument names no deal: in dl), -1. */
static int
collect(const struct opts *o, int argc, char **argv, char ***all,
    size_t *nall, struct diag_list *dl)
{
	char	**v;
	int	 i, r, bad = 0;

	if (o->first >= argc)
		return build_list_deals(all, nall, o->rev);
	if ((v = calloc((size_t)(argc - o->first), sizeof(*v))) == NULL)
		return -1;
	*all = v;
	for (i = o->first; i < argc; i++) {
		if ((r = collect_arg(&v[*nall], o, argv[i], dl)) == -1)
			return -1;
		if (r == 0)
			(*nall)++;
		bad |= r;
	}
	return bad;
}

/* The inputs every deal depends on, hashed once. */
static void
build_inputs(struct build *b)
{
	char		 today[11], head[128];
	const char	*extra[4], *id;

	date_format(b->s.today, today);
	if (b->rev != NULL)
		snprintf(head, sizeof(head), "rev %s", b->rev_short);
	else if ((id = vcs_stamper_head(b->stamper)) != NULL)
		snprintf(head, sizeof(head), "%s", id);
	else
		snprintf(head, sizeof(head), "not in git");
	extra[0] = "handoff " HANDOFF_VERSION;
	extra[1] = today;
	extra[2] = head;
	extra[3] = b->outdir;
	state_inputs(b->inputs, b->s.root, HANDOFF_FONTDIR, extra, 4);
}


/*
 * Print each deal's diagnostics, in input order; count the results.
 * Quiet by default: a deal that failed gets everything check would say
 * of it and what stopped the build; one that was built gets only what
 * the build itself found (e.g. an id that differs from the file name),
 * not check's warnings.
 */
static int
report(struct build *b, size_t count[3])
{
	struct diag_list keep;
	struct job	*j;
	size_t		 i;
	int		 worst = 0, st;

	for (i = 0; i < b->njobs; i++) {
		j = &b->jobs[i];
		count[j->result]++;
		if (j->result == JOB_FAILED) {
			/* check's first, as check orders them */
			diag_list_move(&j->held, &j->dl);
			keep = j->dl;
			j->dl = j->held;
			j->held = keep;
		}
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

/* The stamper, cached under OUTDIR/.cache/stamps. */
static struct vcs_stamper *
build_stamper(const struct build *b)
{
	struct vcs_stamper	*st;
	char			*cache;

	if ((cache = fs_join(b->outdir, ".cache/stamps")) == NULL)
		return NULL;
	if ((st = vcs_stamper_new_cached(".", cache)) == NULL)
		cmd_error("build: cannot read the repository: %s",
		    vcs_strerror());
	free(cache);
	return st;
}

static int
build_open(struct build *b, const struct cli *cli, const struct opts *o,
    struct diag_list *dl)
{
	char	 cwd[PATH_MAX];

	memset(b, 0, sizeof(*b));
	b->cli = cli;
	b->outdir = o->outdir;
	b->rev = o->rev;
	b->force = o->force;
	b->html = !o->no_html;
	state_init(&b->state);
	pthread_mutex_init(&b->lock, NULL);
	/* libgit2 is set up only to read another revision: the work tree's
	 * stamps come from the stamp cache while HEAD stays put */
	b->vcs = b->rev != NULL && vcs_lib_init() == 0;
	if (session_open(&b->s, ".", cli->today, cli->now, dl) == -1)
		return -1;
	if (b->rev != NULL && vcs_rev_short(b->rev_short, sizeof(b->rev_short),
	    ".", b->rev) != 0) {
		diag_add_hint(dl, diag_pos_line(git_cmd_where(cwd,
		    sizeof(cwd), "."), 0), RULE_GIT, "--rev takes a commit, "
		    "branch or tag of the repository handoff runs in",
		    "no revision '%s': %s", b->rev, vcs_strerror());
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
	if (b->rev == NULL && (b->stamper = build_stamper(b)) == NULL)
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
		free(b->jobs[i].web_id);
		diag_list_dispose(&b->jobs[i].dl);
		diag_list_dispose(&b->jobs[i].held);
	}
	free(b->jobs);
	templates_free(b->t);
	state_dispose(&b->state);
	session_close(&b->s);
	pdf_fonts_free(b->fonts);
	web_site_audit_free(b->audit);
	vcs_stamper_free(b->stamper);
	if (b->vcs)
		vcs_lib_shutdown();
	pthread_mutex_destroy(&b->lock);
}

/* True when OUTDIR/index.html exists. */
static int
site_written(const char *outdir)
{
	char	 p[4096];

	snprintf(p, sizeof(p), "%s/index.html", outdir);
	return fs_exists(p);
}

/* OUTDIR/index.html; whole: every deal was considered, so the rows of
 * deals that are gone are dropped. */
static int
write_index(struct build *b, int whole)
{
	char	**ids = NULL;
	size_t	 i;
	int	 rv;

	if (whole && (ids = calloc(b->njobs + 1, sizeof(*ids))) == NULL)
		return -1;
	for (i = 0; whole && i < b->njobs; i++)
		ids[i] = b->jobs[i].web_id;
	rv = web_site_index(b->outdir, b->s.today, ids, b->njobs);
	free(ids);
	return rv;
}

/* OUTDIR/audit.html: the page a worker made, or made now; 0 or -1. */
static int
write_audit(struct build *b)
{
	if (b->audit == NULL &&
	    (b->audit = web_site_audit_make(b->outdir, &b->s,
	    b->inputs)) == NULL)
		return -1;
	return web_site_audit_write(b->audit);
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
		    build_shard_hash(all[i]) % o->shard_n != o->shard_k - 1)
			continue;
		if ((b->jobs[b->njobs].path = strdup(all[i])) == NULL)
			return -1;
		diag_list_init(&b->jobs[b->njobs].dl);
		diag_list_init(&b->jobs[b->njobs].held);
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
	char		**all = NULL, root[128], *outdir;
	size_t		 nall = 0, i, count[3] = { 0, 0, 0 };
	int		 rc = 2, st;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	if (parse_opts(&o, argc, argv) == -1)
		return 2;
	/* from a folder of the team repo (deals/, docs/): work at its root */
	(void)deal_name_root(root, sizeof(root));
	if (deal_name_enter(root, &o.prefix) == -1) {
		cmd_error("build: cannot go to the team repo at %s: %s", root,
		    strerror(errno));
		return 2;
	}
	if ((outdir = deal_name_rebase(o.outdir_given ? o.prefix : "",
	    o.outdir)) == NULL) {
		free(o.prefix);
		return 2;
	}
	o.outdir = outdir;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	diag_list_init(&dl);
	if (build_open(&b, cli, &o, &dl) == -1) {
		/* the team's handoff.yml, schema or templates: its input, 1 */
		if (diag_list_status(&dl) == 1)
			rc = 1;
		diag_list_sort(&dl);
		diag_print_text(stderr, &dl);
		goto out;
	}
	if ((st = collect(&o, argc, argv, &all, &nall, &dl)) == -1) {
		cmd_error("build: cannot list the deals: %s", o.rev != NULL ?
		    vcs_strerror() : strerror(errno));
		goto out;
	}
	if (st == 1) {		/* a DEAL that names no deal: nothing built */
		diag_list_sort(&dl);
		diag_print_text(stderr, &dl);
		rc = 1;
		goto out;
	}
	if (make_jobs(&b, &o, all, nall) == -1) {
		cmd_error("build: out of memory");
		goto out;
	}
	build_check_stems(&b);
	/* made beside the deals when there is (or will be) an index */
	b.audit_wanted = b.html && (b.njobs > 0 || site_written(o.outdir));
	if (run_jobs(&b, o.jobs) == -1) {
		cmd_error("build: cannot start the workers");
		goto out;
	}
	if (cli->tty && b.njobs > 1)
		fputs("\r\033[K", stderr);
	build_check_duplicates(&b);
	diag_list_sort(&dl);
	diag_print_text(stderr, &dl);
	rc = report(&b, count);
	if (build_update_state(&b, all, nall, o.first >= argc) == -1) {
		cmd_error("build: cannot write %s/.handoff-state: %s",
		    o.outdir, strerror(errno));
		rc = 2;
	}
	if (b.html && write_index(&b, o.first >= argc && o.shard_n == 0) == -1) {
		cmd_error("build: cannot write %s/index.html: %s", o.outdir,
		    strerror(errno));
		rc = 2;
	}
	/* the audit goes with the index: not in an output that has none */
	if (b.html && site_written(o.outdir) && write_audit(&b) == -1) {
		cmd_error("build: cannot write %s/audit.html: %s", o.outdir,
		    strerror(errno));
		rc = 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("built %zu, unchanged %zu, failed %zu, %.2fs\n",
	    count[JOB_BUILT], count[JOB_UNCHANGED], count[JOB_FAILED],
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
out:
	st = diag_list_status(&dl);
	if (st > rc && count[0] + count[1] + count[2] > 0)
		rc = st;
	for (i = 0; i < nall; i++)
		free(all[i]);
	free(all);
	build_close(&b);
	diag_list_dispose(&dl);
	free(outdir);
	free(o.prefix);
	return rc;
}

