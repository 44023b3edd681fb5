/* SPDX-License-Identifier: MIT */
/*
 * cmd_build_deal.c: one deal of 'handoff build': read it (from the work
 * tree or from git at --rev), skip it when the state says it is
 * unchanged, check it as 'handoff check' does, render every output in
 * memory, then write each file atomically into OUTDIR/<deal id>/, so a
 * deal that fails leaves its previous outputs as they were.  A pre-close
 * deal gets its draft PDF, XML and calendar, no e-mails.  Runs on any
 * worker thread: everything it says goes to the job's own list.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "build_history.h"
#include "build_state.h"
#include "cmd.h"
#include "cmd_build_int.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "pdf_font.h"
#include "render.h"
#include "session.h"
#include "vcs.h"
#include "web/web.h"
#include "web/web_site.h"

/* The outputs of one deal, rendered in memory before anything is written. */
struct outputs {
	struct buf	 b[STATE_NOUTPUTS];	/* by state_output_name */
	int		 have[STATE_NOUTPUTS];
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
	    state_output_name[k]);
	return 0;
}

static int
render_all(struct outputs *o, const struct build *b, const struct render_ctx *rc,
    struct job *j)
{
	char	*xml;
	size_t	 len, n;

	/* The canonical XML, stamped (in a comment, after the declaration)
	 * with the version it was built from, like every output. */
	if ((xml = model_to_xml(rc->m, &len)) == NULL ||
	    (n = strcspn(xml, "\n") + 1) > len ||
	    buf_put(&o->b[0], xml, n) == -1 ||
	    buf_printf(&o->b[0], "<!-- handoff %s, built from %s -->\n",
	    HANDOFF_VERSION, rc->version ? rc->version : "not in git") == -1 ||
	    buf_put(&o->b[0], xml + n, len - n) == -1) {
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
	} else if (rc->v->stage != STAGE_SIGNED) {
		/* A pre-close deal gets a draft package and no e-mails: the
		 * CSM is told, and the client introduced, once it is signed.
		 * Empty outputs remove what an earlier build wrote. */
		o->have[2] = o->have[3] = 1;
	} else if (config_company_is_placeholder(rc->c)) {
		/* A client e-mail signed "Our company" misinforms the client. */
		diag_add_sev(&j->dl, diag_pos_line(rc->c->file,
		    rc->c->company_line), RULE_COMPANY_PLACEHOLDER, SEV_ERROR,
		    NULL, "company: '%s' is the placeholder; the deal is not "
		    "built, so that no client e-mail (%s) signs with it",
		    rc->c->company, state_output_name[2]);
		return -1;
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

/*
 * Write every rendered output into DIR/<id>/; 0 or -1.  An output a
 * renderer left empty (timeline.ics before the signature date) is not
 * written, and the one an earlier build wrote is removed: it would show
 * a timeline the deal no longer has.
 */
static int
write_all(const struct outputs *o, const struct build *b, struct job *j)
{
	char	*dir = NULL, *path = NULL;
	int	 k, rv = -1;

	if ((dir = fs_join(b->outdir, j->id)) == NULL || fs_mkdirs(dir) == -1) {
		diag_add(&j->dl, diag_pos_line(j->path, 0), RULE_OUTPUT,
		    "cannot create '%s': %s", dir ? dir : b->outdir,
		    fs_strerror(errno));
		goto out;
	}
	for (k = 0; k < STATE_NOUTPUTS; k++) {
		if (!o->have[k])
			continue;
		free(path);
		if ((path = fs_join(dir, state_output_name[k])) != NULL &&
		    o->b[k].len == 0) {
			if (unlink(path) == -1 && errno != ENOENT) {
				diag_add(&j->dl, diag_pos_line(j->path, 0),
				    RULE_OUTPUT, "cannot remove '%s': %s",
				    path, fs_strerror(errno));
				goto out;
			}
			continue;
		}
		if (path == NULL ||
		    fs_write_atomic(path, o->b[k].data, o->b[k].len) == -1) {
			diag_add(&j->dl, diag_pos_line(j->path, 0), RULE_OUTPUT,
			    "cannot write '%s': %s", path ? path : dir,
			    fs_strerror(errno));
			goto out;
		}
	}
	rv = 0;
out:
	free(dir);
	free(path);
	return rv;
}

/* The deal's web page and index row, linking to the files written. */
static int
write_site(const struct outputs *o, const struct build *b, struct job *j,
    const struct render_ctx *rc)
{
	struct web_files f;
	char		*dir;
	int		 rv;

	f.pdf = o->have[1] && o->b[1].len > 0;
	f.intro = o->have[2] && o->b[2].len > 0;
	f.notice = o->have[3] && o->b[3].len > 0;
	f.ics = o->have[4] && o->b[4].len > 0;
	if ((dir = fs_join(b->outdir, j->id)) == NULL)
		return -1;
	if ((rv = web_site_deal(b->outdir, j->id, rc, &f)) == -1)
		diag_add(&j->dl, diag_pos_line(j->path, 0), RULE_OUTPUT,
		    "cannot write the web page in '%s': %s", dir,
		    fs_strerror(errno));
	free(dir);
	return rv;
}

/* A deal that fails check still gets its row in the index (an overdue
 * handoff is one the team must see); best effort, it changes no exit
 * status. */
static void
write_failed_row(const struct build *b, struct job *j, const struct model *m,
    const struct verdict *v)
{
	struct render_ctx rc;
	const char	*id = model_get(m, "deal/id");

	if (!fs_deal_id_ok(id) || (j->web_id = strdup(id)) == NULL)
		return;
	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.v = v;
	rc.c = &b->s.config;
	rc.s = b->s.schema;
	rc.today = b->s.today;
	rc.now = b->s.now;
	web_site_row(b->outdir, id, &rc, (int)diag_list_count(&j->dl,
	    SEV_ERROR) > 0 ? (int)diag_list_count(&j->dl, SEV_ERROR) : 1);
}

/* The id the outputs go under: deal/id, which must be a safe name. */
static int
deal_id(struct job *j, const struct model *m)
{
	const char	*id = model_get(m, "deal/id");
	xmlNodePtr	 n = model_find(m, "deal/id");

	if (!fs_deal_id_ok(id)) {
		diag_add(&j->dl, model_pos(m, n != NULL ? n : model_root(m)),
		    RULE_DEAL_ID, *id == '\0' ? "no deal id: nothing to name "
		    "the output folder after" : "deal id '%s' cannot name an "
		    "output folder", id);
		return -1;
	}
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
		    "the revision: %s", b->rev == NULL ? fs_strerror(errno) :
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
	char			*cache;

	pthread_mutex_lock(&b->lock);
	if (!b->fonts_tried) {
		b->fonts_tried = 1;
		cache = fs_join(b->outdir, ".cache/fonts");
		if (pdf_fonts_new_cached(&b->fonts, HANDOFF_FONTDIR, cache) == -1)
			b->fonts = NULL;
		free(cache);
	}
	fs = b->fonts;
	pthread_mutex_unlock(&b->lock);
	return fs;
}

/*
 * True when the deal was last built from these inputs and these bytes.
 * Whether it is committed (the "clean" or "dirty" salt) follows from
 * HEAD, which is among the inputs, and from its bytes: so a match under
 * either salt is a match, and the blob hash behind the stamp is needed
 * only for a deal that is rebuilt.  *id then borrows the deal's id.
 */
static int
deal_unchanged(struct build *b, struct job *j, const char *data,
    size_t len, const char **id)
{
	static const char *const salts[] = { "clean", "dirty" };
	size_t	 i;

	if (b->rev != NULL) {
		state_hash(j->hash, b->inputs, "rev", data, len);
		return state_unchanged(&b->state, j->path, j->hash,
		    b->outdir, id);
	}
	for (i = 0; i < sizeof(salts) / sizeof(salts[0]); i++) {
		state_hash(j->hash, b->inputs, salts[i], data, len);
		if (state_unchanged(&b->state, j->path, j->hash, b->outdir, id))
			return 1;
	}
	return 0;
}

/*
 * Build one deal (force: even when unchanged).  Every problem goes to
 * j->dl; j->result says what happened.  Touches nothing shared but its
 * own outputs and, under the lock, the fonts.
 */
void
build_one(struct build *b, struct job *j, int force)
{
	struct outputs	 o;
	struct build_history hist = { NULL, NULL, 0, NULL };
	struct verdict	 v;
	struct render_ctx rc;
	struct model	*m = NULL;
	char		 stamp[128], *data = NULL, *hcache;
	const char	*id;
	size_t		 len, k;

	memset(&o, 0, sizeof(o));
	for (k = 0; k < STATE_NOUTPUTS; k++)
		buf_init(&o.b[k]);
	j->result = JOB_FAILED;
	if (read_deal(b, j, &data, &len) == -1)
		goto out;
	/* The stamp is part of the hash: committing a deal changes its
	 * stamp from '+dirty' to clean, and that alone rebuilds it. */
	if (!force && deal_unchanged(b, j, data, len, &id)) {
		if ((j->id = strdup(id)) != NULL &&
		    (j->web_id = strdup(id)) != NULL)
			j->result = JOB_UNCHANGED;
		goto out;
	}
	if (b->rev != NULL) {
		snprintf(stamp, sizeof(stamp), "%s", b->rev_short);
		state_hash(j->hash, b->inputs, "rev", data, len);
	} else
		state_hash(j->hash, b->inputs, vcs_stamper_get(b->stamper,
		    j->path, data, len, stamp, sizeof(stamp)) ? "dirty" :
		    "clean", data, len);
	if ((m = session_check(&b->s, j->path, data, len, &v,
	    &j->dl)) == NULL || diag_list_status(&j->dl) != 0) {
		if (m != NULL && b->html)
			write_failed_row(b, j, m, &v);
		goto out;
	}
	/* quiet by default: a valid deal's warnings are check's to show */
	diag_list_move(&j->held, &j->dl);
	if (deal_id(j, m) == -1 || (j->web_id = strdup(j->id)) == NULL)
		goto out;
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
	hcache = fs_join(b->outdir, ".cache/history");
	build_history_load(&hist, &b->s, j->path, b->rev, hcache, data, len,
	    m);
	free(hcache);
	rc.history = (const struct model *const *)hist.m;
	rc.history_time = hist.t;
	rc.nhistory = hist.n;
	if (render_all(&o, b, &rc, j) == -1 || write_all(&o, b, j) == -1 ||
	    (b->html && write_site(&o, b, j, &rc) == -1))
		goto out;
	j->result = JOB_BUILT;
out:
	for (k = 0; k < STATE_NOUTPUTS; k++)
		buf_dispose(&o.b[k]);
	build_history_dispose(&hist);
	model_free(m);
	free(data);
}

