/* SPDX-License-Identifier: MIT */
/*
 * cmd_check.c: 'handoff check [--format text|json] FILE...': validate each
 * file, print every diagnostic compiler-style (or as one JSON array) and a
 * completeness line per file.  Exit 0 clean, 1 invalid, 2 usage/system.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "client_fields.h"
#include "cmd.h"
#include "deal_name.h"
#include "diag.h"
#include "fmt_wrap.h"
#include "fsutil.h"
#include "model.h"
#include "render.h"
#include "save_gate.h"
#include "schema.h"
#include "session.h"

static const char usage[] =
    "usage: handoff check [--strict] [--verbose] [--format text|json] DEAL...\n"
    "\n"
    "Validate handoffs against the schema, the stage rules and the\n"
    "playbooks.  DEAL is a deal id (nordlicht-energie: deals/ID.md or\n"
    ".xml of the team repo, found from here up to the git root) or a\n"
    "file.  Prints file:line:col: severity: message [rule-id].\n"
    "check is the completeness gate (the CI job): a handoff below its\n"
    "stage's threshold, a signed deal missing a required field or past\n"
    "its deadline fails.  --strict says so explicitly.  --verbose also\n"
    "notes the values handoff derived (a renewal date from the term)\n"
    "and lists the fields that may reach the client: the shareable ones\n"
    "(h:audience in the schema), such as '## For the client'; the rest\n"
    "stays internal; and the playbooks that apply, built in or the\n"
    "team's schemas/playbooks/NAME.yml.  'handoff commit' and the hooks\n"
    "save an unfinished handoff with warnings.\n"
    "Exit status: 0 clean (warnings allowed), 1 invalid, 2 usage or\n"
    "system error.\n";

/* --verbose: which fields may reach the client. */
static void
check_client_note(struct diag_list *dl, const struct session *s,
    const struct model *m, const char *file)
{
	struct buf	 b;
	int		 n;

	buf_init(&b);
	n = client_fields_list(&b, s->schema, m);
	if (n >= 0)
		diag_add(dl, diag_pos_line(file, 0), RULE_DEADLINE,
		    "reaches the client (shareable fields the client intro "
		    "and the calendar may use): %s", n > 0 ? b.data : "none");
	buf_dispose(&b);
}

/* --verbose: the playbooks that apply to the deal, and where each is from. */
static void
check_playbooks_note(struct diag_list *dl, const struct session *s,
    const struct model *m, const char *file)
{
	const struct playbook	*pbs[16], *pb;
	const char		*ind = model_get(m, "deal/industry");
	const char		*seg = model_get(m, "deal/segment");
	struct buf		 b;
	size_t			 i, n;

	n = schema_playbooks_select(s->schema, ind, seg, pbs,
	    sizeof(pbs) / sizeof(pbs[0]));
	buf_init(&b);
	for (i = 0; i < n; i++) {
		pb = pbs[i];
		buf_printf(&b, "%s%s (%s '%s', %s%s)", i ? ", " : "", pb->name,
		    pb->industry && strcasecmp(pb->industry, ind) == 0 ?
		    "industry" : "segment",
		    pb->industry && strcasecmp(pb->industry, ind) == 0 ?
		    pb->industry : pb->segment,
		    pb->builtin ? "built in" : pb->file,
		    pb->overrides ? ", in place of the built-in one" : "");
	}
	if (n == 0)
		buf_printf(&b, "none (none is for %s%.40s%s%s%s%.40s%s)",
		    *ind ? "industry '" : "", ind, *ind ? "'" : "",
		    *ind && *seg ? " or " : "", *seg ? "segment '" : "", seg,
		    *seg ? "'" : *ind ? "" : "a deal without industry and segment");
	if (s->config.playbooks_no_builtin)
		buf_puts(&b, "; the built-in playbooks are off "
		    "(playbooks: builtin: false in handoff.yml)");
	diag_add(dl, diag_pos_line(file, 0), RULE_DEADLINE,
	    "playbooks applied: %s", b.data ? b.data : "none");
	buf_dispose(&b);
}

/* --verbose: a note for each value handoff derived rather than read. */
static void
check_note_derived(struct diag_list *dl, const struct model *m)
{
	const xmlNode	*r = model_find(m, "deal/renewal");
	const char	*d = model_attr(r, "derived");
	const xmlNode	*base = model_find(m, "deal/start");

	if (d == NULL || strcmp(d, "true") != 0)
		return;
	if (!model_has_text(base))
		base = model_find(m, "deal/signed");
	diag_add(dl, model_pos(m, r), RULE_DERIVED,
	    "renewal date %s derived: %s %s + term '%.60s'", model_text(r),
	    strcmp(model_name(base), "start") == 0 ? "start date" :
	    "signature date", model_text(base),
	    model_get(m, "deal/term"));
}

/*
 * What check reads back from the file itself: where each fix-it's words
 * stand (the 'fix' of --format json), and one note when a Markdown deal
 * that reads without a format error is not in the canonical form 'handoff
 * fmt' writes (a note, not a warning per line).
 */
static void
check_source(struct diag_list *dl, const struct model *m, const char *file,
    const struct config *c)
{
	struct diag_list	 quiet;
	struct buf		 b;
	char			*data = NULL;
	size_t			 len, i;
	int			 md, form_ok = 1;

	if (fs_read(file, c->limits.max_file_size, &data, &len) != 0)
		return;
	diag_list_resolve_fixes(dl, file, data, len);
	md = strcmp(fs_ext(file), ".md") == 0 ||
	    strcmp(fs_ext(file), ".markdown") == 0;
	for (i = 0; i < dl->n; i++)
		if (dl->v[i].sev >= SEV_ERROR &&
		    dl->v[i].rule <= RULE_UNKNOWN_FORMAT)
			form_ok = 0;	/* the file's form is the first to fix */
	buf_init(&b);
	diag_list_init(&quiet);
	if (md && form_ok && render_md(&b, m, &quiet) == 0 &&
	    (b.len != len || memcmp(b.data, data, len) != 0) &&
	    fmt_wrap_keep(&b, data, len) == 0 &&
	    (b.len != len || memcmp(b.data, data, len) != 0))
		diag_add(dl, diag_pos_line(file, 0), RULE_NOT_CANONICAL,
		    "not in the canonical form: 'handoff fmt --diff %s' shows "
		    "what 'handoff fmt' would change", file);
	diag_list_dispose(&quiet);
	buf_dispose(&b);
	free(data);
}

int
cmd_check(const struct cli *cli, int argc, char **argv)
{
	struct session	 s;
	struct diag_list dl, one;
	struct verdict	 v;
	struct model	*m;
	struct buf	 json;
	char		 rootbuf[128], *file = NULL;
	const char	*root;
	int		 i, json_fmt = 0, first = 1, rc, nfiles = 0, verbose = 0;
	int		 r;

	if (cmd_wants_help(argc, argv, usage))
		return 0;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "json") == 0)
				json_fmt = 1;
			else if (strcmp(argv[i], "text") != 0) {
				cmd_error("check: unknown format '%s'", argv[i]);
				return 2;
			}
		} else if (strcmp(argv[i], "--strict") == 0)
			continue;	/* what check always does: the CI gate */
		else if (strcmp(argv[i], "--verbose") == 0 ||
		    strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "--format=json") == 0)
			json_fmt = 1;
		else if (strcmp(argv[i], "--format=text") != 0) {
			cmd_error("check: unknown option '%s'\n%s", argv[i], usage);
			return 2;
		}
	}
	if (i >= argc) {
		fputs(usage, stderr);
		return 2;
	}
	diag_list_init(&dl);
	(void)deal_name_root(rootbuf, sizeof(rootbuf));
	root = rootbuf;
	if (session_open(&s, root, cli->today, cli->now, &dl) == -1) {
		/* A broken handoff.yml or schema is the team's input: 1. */
		rc = diag_list_status(&dl);
		diag_list_sort(&dl);
		diag_print_text(stderr, &dl);
		diag_list_dispose(&dl);
		session_close(&s);
		return rc == 0 ? 2 : rc;
	}
	config_warn(&s.config, &dl);
	for (; i < argc; i++, nfiles++) {
		diag_list_init(&one);
		if ((r = deal_name_resolve(&file, root, argv[i], &one)) == -1) {
			cmd_error("check: out of memory");
			rc = 2;
			diag_list_dispose(&one);
			goto out;
		}
		m = r == 0 ? session_check_file(&s, file, &v, &one) : NULL;
		diag_list_sort(&one);
		if (m != NULL && verbose) {
			check_note_derived(&one, m);
			check_playbooks_note(&one, &s, m, file);
			check_client_note(&one, &s, m, file);
		}
		if (m != NULL)
			check_source(&one, m, file, &s.config);
		if (m != NULL)	/* last, after the file's diagnostics */
			save_gate_summary(&one, file, &v);
		model_free(m);
		free(file);
		file = NULL;
		diag_list_move(&dl, &one);
	}
	rc = diag_list_status(&dl);
	if (json_fmt) {
		buf_init(&json);
		buf_putc(&json, '[');
		diag_json_append(&json, &dl, &first);
		buf_puts(&json, first ? "]\n" : "\n]\n");
		fputs(json.data ? json.data : "[]\n", stdout);
		buf_dispose(&json);
	} else
		diag_print_text(rc == 0 ? stdout : stderr, &dl);
out:
	diag_list_dispose(&dl);
	session_close(&s);
	(void)nfiles;
	return rc;
}
