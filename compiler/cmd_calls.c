/* SPDX-License-Identifier: MIT */
/*
 * cmd_calls.c: 'handoff calls add DEAL FILE... [--date D] [--recording
 * URL] [--dry-run] [--keep]': read call transcripts offline and add the
 * call line and the key points, as '- [?]' suggestions, to the deal file
 * (atomically; nothing the AE wrote is lost).  A transcript already added
 * (same content hash) changes nothing.  'list' and 'accept' are
 * cmd_calls_accept.c's.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "calls/calls.h"
#include "calls/calls_cues.h"
#include "calls/calls_deal.h"
#include "calls/calls_notes.h"
#include "calls/calls_people.h"
#include "cmd.h"
#include "cmd_calls.h"
#include "config.h"
#include "deal_name.h"
#include "diag.h"
#include "fsutil.h"
#include "timeline.h"

static const char usage[] =
    "usage: handoff calls add DEAL FILE... [--date YYYY-MM-DD] "
    "[--recording URL]\n"
    "                         [--dry-run] [--keep]\n"
    "       handoff calls list DEAL\n"
    "       handoff calls accept DEAL N...\n"
    "\n"
    "Read call transcripts (WebVTT from Zoom or Teams, SRT, Otter.ai text,\n"
    "Google Meet text, Gong JSON), recognised by content.  The date is\n"
    "--date, else the one in the transcript (Meet's title), else today.\n"
    "The call gets a line under '# Process' / '## Calls' and its key\n"
    "points land in the internal '# Call notes' section as '- [?]'\n"
    "suggestions, which never fill a field until you accept them.\n"
    "--dry-run prints the suggestions instead; --keep stores the raw\n"
    "transcript under calls/DEAL/.  Nothing is sent anywhere.\n"
    "'list' numbers the suggestions; 'accept' marks them '[x]' and writes\n"
    "each into its pillar (a commitment under '## Commitments', ...).\n";

struct calls_opts {
	const char	*deal;
	const char	*date;
	const char	*recording;
	const char	*today;		/* the date when neither --date nor
					   the transcript gives one */
	int		 dry_run, keep;
	char		**files;
	int		 nfiles;
};

/* A data file: the team's copy under root/schemas/ when there is one,
 * else the built-in one (free()). */
static char *
load_data(const char *root, const char *path)
{
	const struct embedded	*e;
	char			*text = NULL, *full;
	size_t			 len;
	int			 rc;

	if ((full = fs_join(root, path)) == NULL)
		return NULL;
	rc = fs_read(full, 1u << 20, &text, &len);
	free(full);
	if (rc == 0)
		return text;
	if ((e = fs_embedded(path)) == NULL)
		return NULL;
	return strdup((const char *)e->data);
}

struct cues *
cmd_calls_cues(const char *root, struct diag_list *dl)
{
	char		*text;
	struct cues	*c = NULL;

	if ((text = load_data(root, "schemas/call-cues.txt")) != NULL)
		c = cues_load("schemas/call-cues.txt", text, dl);
	free(text);
	if (c == NULL)
		return NULL;
	text = load_data(root, "schemas/call-stopwords.txt");
	if (text == NULL || cues_load_stopwords(c, "schemas/call-stopwords.txt",
	    text, dl) != 0) {
		cues_free(c);
		c = NULL;
	}
	free(text);
	return c;
}

int
cmd_calls_open(struct calls_deal_file *f, const char *deal,
    struct diag_list *dl)
{
	char	*cfgpath;
	int	 r;

	memset(f, 0, sizeof(*f));
	config_init(&f->cfg);
	(void)deal_name_root(f->root, sizeof(f->root));
	if ((r = deal_name_resolve(&f->path, f->root, deal, dl)) != 0)
		return r == 1 ? 1 : 2;
	if (strcmp(fs_ext(f->path), ".md") != 0 &&
	    strcmp(fs_ext(f->path), ".markdown") != 0) {
		cmd_error("%s: calls live in Markdown deals only; convert it "
		    "first (handoff convert %s --to md)", f->path, deal);
		return 1;
	}
	if (fs_read(f->path, 16u << 20, &f->text, &f->len) != 0) {
		cmd_error("%s: cannot read the deal: %s", f->path,
		    fs_strerror(errno));
		return 2;
	}
	if ((cfgpath = fs_join(f->root, "handoff.yml")) == NULL)
		return 2;
	r = config_load(&f->cfg, cfgpath, 0, dl);
	free(cfgpath);
	if (r != 0 || (f->cues = cmd_calls_cues(f->root, dl)) == NULL)
		return 1;
	return 0;
}

void
cmd_calls_close(struct calls_deal_file *f)
{
	free(f->path);
	free(f->text);
	cues_free(f->cues);
	config_dispose(&f->cfg);
}

static int
keep_copy(const char *deal, const char *file, const char *data, size_t len)
{
	char	 dir[512], *stem, *p;
	int	 rc;

	snprintf(dir, sizeof(dir), "calls/%s", deal);
	if (fs_mkdirs(dir) != 0)
		return -1;
	stem = strrchr(file, '/');
	stem = stem ? stem + 1 : (char *)(uintptr_t)file;
	if ((p = fs_join(dir, stem)) == NULL)
		return -1;
	rc = fs_write_atomic(p, data, len);
	free(p);
	return rc;
}

/* The note on stderr naming the speakers the deal does not know. */
static void
note_unmatched(const char *file, const struct call *c,
    const struct call_meta *m, struct diag_list *dl)
{
	struct buf	 un;
	size_t		 n;

	buf_init(&un);
	if ((n = calls_line_unmatched(&un, c, m)) > 0)
		diag_add_sev(dl, diag_pos_line(file, 0), RULE_TRANSCRIPT,
		    SEV_NOTE, "add them to the stakeholder table (or as AE/CSM),"
		    " or rename the speaker in the transcript, and add the call"
		    " again after removing its line",
		    "%zu speaker%s not matched to the deal's people: %s", n,
		    n == 1 ? "" : "s", un.data);
	buf_dispose(&un);
}

/* What every transcript of one 'calls add' shares. */
struct calls_run {
	const char		*deal_text;
	const struct call_deal	*deal;
	const struct cues	*cues;
	const struct config	*cfg;
	const struct call_people *people;
	int			 day;
};

/* One transcript: into line and notes; 1 already added, 0, -1 error. */
static int
calls_one(const struct calls_opts *o, const struct calls_run *run,
    const char *file, struct buf *all_notes, struct buf *lines,
    struct diag_list *dl)
{
	const char		*deal_text = run->deal_text;
	char			*data = NULL, hashtag[32];
	size_t			 len;
	struct call		 c;
	struct call_meta	 m;
	struct buf		 notes;
	int			 rc;

	if ((rc = fs_read(file, CALLS_MAX_BYTES, &data, &len)) != 0) {
		if (rc == -2)
			diag_add(dl, diag_pos_line(file, 1), RULE_TRANSCRIPT,
			    "transcript larger than %u MiB", CALLS_MAX_BYTES >> 20);
		else
			diag_add(dl, diag_pos_line(file, 0), RULE_IO,
			    "cannot read: %s", fs_strerror(errno));
		return -1;
	}
	m.hash = calls_hash(data, len);
	snprintf(hashtag, sizeof(hashtag), "hash:%016llx", m.hash);
	if (strstr(deal_text, hashtag) != NULL ||
	    (lines->data && strstr(lines->data, hashtag) != NULL)) {
		printf("%s: already added (%s), nothing changed\n", file,
		    hashtag);
		free(data);
		return 1;
	}
	call_init(&c);
	if (calls_read(&c, file, data, len, dl) != 0) {
		free(data);
		call_dispose(&c);
		return -1;
	}
	m.file = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	m.date = o->date ? o->date : c.date ? c.date : o->today;
	if (date_parse(m.date, &m.day) != 0)
		m.day = run->day;
	m.recording = o->recording;
	m.link = run->cfg->recording_link;
	m.deal_text = deal_text;
	m.deal = run->deal;
	m.date_order = run->cfg->date_order;
	m.people = run->people;
	note_unmatched(file, &c, &m, dl);
	buf_init(&notes);
	calls_notes_line(lines, &c, &m);
	buf_putc(lines, '\n');
	buf_printf(&notes, "\n## Call of %s (%s)\n", m.date, m.file);
	calls_notes_suggest(&notes, &c, run->cues, &m);
	buf_put(all_notes, notes.data, notes.len);
	buf_dispose(&notes);
	rc = 0;
	if (o->keep && !o->dry_run && keep_copy(o->deal, file, data, len) != 0) {
		diag_add(dl, diag_pos_line(file, 0), RULE_IO,
		    "cannot keep a copy under calls/%s", o->deal);
		rc = -1;
	}
	call_dispose(&c);
	free(data);
	return rc;
}

static int
parse_opts(struct calls_opts *o, int argc, char **argv)
{
	int	 i;

	memset(o, 0, sizeof(*o));
	o->files = calloc((size_t)argc, sizeof(char *));
	if (o->files == NULL)
		return -1;
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0)
			o->dry_run = 1;
		else if (strcmp(argv[i], "--keep") == 0)
			o->keep = 1;
		else if ((strcmp(argv[i], "--date") == 0 ||
		    strcmp(argv[i], "--recording") == 0) && i + 1 < argc) {
			if (argv[i][2] == 'd')
				o->date = argv[++i];
			else
				o->recording = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cmd_error("calls add: unknown option '%s'", argv[i]);
			return -1;
		} else if (o->deal == NULL)
			o->deal = argv[i];
		else
			o->files[o->nfiles++] = argv[i];
	}
	if (o->deal == NULL || o->nfiles == 0) {
		fputs(usage, stderr);
		return -1;
	}
	if (o->recording != NULL && (strpbrk(o->recording, " \t\r\n()<>")
	    != NULL || strncmp(o->recording, "http", 4) != 0)) {
		cmd_error("--recording: '%s' is not an http(s) URL", o->recording);
		return -1;
	}
	return 0;
}

static int
calls_add(const struct cli *cli, int argc, char **argv)
{
	struct calls_opts	 o;
	struct diag_list	 dl;
	struct buf		 notes, lines, out;
	struct calls_deal_file	 f;
	struct call_deal	 cd;
	struct calls_run	 run;
	struct call_people	 people;
	char			 today[16];
	int			 i, r, status = 2, added = 0;
	time_t			 t;
	struct tm		 tm;

	diag_list_init(&dl);
	memset(&f, 0, sizeof(f));
	config_init(&f.cfg);
	memset(&cd, 0, sizeof(cd));
	memset(&people, 0, sizeof(people));
	buf_init(&notes);
	buf_init(&lines);
	buf_init(&out);
	if (parse_opts(&o, argc, argv) != 0)
		goto done;
	t = cli->today >= 0 ? (time_t)cli->today * 86400 : time(NULL);
	gmtime_r(&t, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	o.today = today;
	if (date_parse(o.date ? o.date : today, &run.day) != 0) {
		cmd_error("--date: '%s' is not a date (YYYY-MM-DD)", o.date);
		goto done;
	}
	if ((status = cmd_calls_open(&f, o.deal, &dl)) != 0)
		goto fail;
	status = 1;	/* from here on, a bad file is the user's to fix */
	if (calls_deal_read(&cd, f.text) != 0)
		goto fail;
	if (calls_people_load(&people, f.path, f.text, f.len) != 0) {
		cmd_error("out of memory");
		goto fail;
	}
	run.deal_text = f.text;
	run.deal = &cd;
	run.cues = f.cues;
	run.cfg = &f.cfg;
	run.people = &people;
	for (i = 0; i < o.nfiles; i++) {
		r = calls_one(&o, &run, o.files[i], &notes, &lines, &dl);
		if (r < 0)
			goto fail;
		added += r == 0;
	}
	status = 0;
	if (added == 0)
		goto fail;
	if (lines.len > 0)
		lines.data[--lines.len] = '\0';
	if (o.dry_run) {
		printf("## Calls\n%s\n\n# Call notes%s", lines.data, notes.data);
		goto fail;
	}
	status = 2;
	if (calls_notes_merge(&out, f.text, lines.data, notes.data) != 0 ||
	    fs_write_atomic(f.path, out.data, out.len) != 0) {
		cmd_error("%s: cannot write the deal: %s", f.path,
		    fs_strerror(errno));
		goto fail;
	}
	printf("%s: added %d call(s); review the '- [?]' suggestions under "
	    "'# Call notes'\n", f.path, added);
	status = 0;
fail:
	diag_list_sort(&dl);
	diag_print_text(stderr, &dl);
done:
	cmd_calls_close(&f);
	calls_deal_dispose(&cd);
	calls_people_dispose(&people);
	buf_dispose(&notes);
	buf_dispose(&lines);
	buf_dispose(&out);
	free(o.files);
	diag_list_dispose(&dl);
	return status;
}

int
cmd_calls(const struct cli *cli, int argc, char **argv)
{
	if (cmd_wants_help(argc, argv, usage))
		return 0;
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return calls_add(cli, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return cmd_calls_list(cli, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "accept") == 0)
		return cmd_calls_accept(cli, argc, argv);
	fputs(usage, stderr);
	return 2;
}
