/* SPDX-License-Identifier: MIT */
/*
 * cmd_import.c: 'handoff import hubspot|salesforce FILE... [--dry-run]
 * [--encoding latin1]': read CRM exports (compiler/import/), then create
 * deals/<id>.md from the 'handoff new' skeleton or merge into the file
 * that has the deal's crm_id.  Everything is read and planned first: any
 * error in any export changes no file.  Files are written atomically.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cmd.h"
#include "diag.h"
#include "fsutil.h"
#include "import/import.h"
#include "vcs.h"

static const char usage[] =
    "usage: handoff import hubspot|salesforce FILE... [--dry-run]\n"
    "                     [--encoding utf-8|latin1]\n"
    "\n"
    "Start handoffs from CRM exports, offline, and merge them again later.\n"
    "Each won or late-stage deal becomes deals/<id>.md (the 'handoff new'\n"
    "skeleton with client, stage, signature date, AE, value, crm link,\n"
    "crm_id and the stakeholder table filled in); a deal whose crm_id is\n"
    "already in a file is merged into that file, whatever its name.\n"
    "\n"
    "HubSpot (any order, told apart by their header row or JSON shape):\n"
    "  Deals view > Export (CSV) with Record ID, Deal Name, Deal Stage,\n"
    "    Close Date, Deal owner, Amount, Associated Company and\n"
    "    Associated Contact IDs;\n"
    "  Contacts view > Export (CSV) with Record ID, First Name, Last Name,\n"
    "    Email, Job Title;\n"
    "  or the JSON of GET /crm/v3/objects/deals?associations=contacts and\n"
    "    /crm/v3/objects/contacts, and v4 association reads for labels.\n"
    "Salesforce:\n"
    "  Data Loader or 'sf data export' CSVs: Opportunity (Id, Name,\n"
    "    Account.Name, Amount, CurrencyIsoCode, CloseDate, StageName, IsWon,\n"
    "    Owner.Name, Owner.Email), OpportunityContactRole (OpportunityId,\n"
    "    ContactId, Role, IsPrimary), Contact (Id, FirstName, LastName,\n"
    "    Email, Title);\n"
    "  or a report export (Details Only, CSV) with Opportunity ID,\n"
    "    Opportunity Name, Account Name, Amount, Amount Currency, Close Date,\n"
    "    Stage, Opportunity Owner, and for contacts First Name, Last Name,\n"
    "    Email, Title, Contact Role, Primary.\n"
    "\n"
    "Re-importing updates what the CRM owns (value, signature date, stage,\n"
    "AE, crm link, contacts' e-mail and title) where the file still has the\n"
    "CRM's last value, adds new contacts, and keeps everything else.  A\n"
    "field both sides changed keeps the file's text, with a warning.  The\n"
    "CRM's last values are kept in a comment at the end of each file.\n"
    "\n"
    "  --dry-run          print a unified diff per file; write nothing\n"
    "  --encoding latin1  read a CSV saved as Latin-1 (Windows-1252)\n"
    "\n"
    "Column names, stages, contact roles, owner e-mails, the crm URL and\n"
    "the currency map through the 'import:' block of handoff.yml (the\n"
    "defaults are the built-in schemas/import.yml).  Any error changes no\n"
    "file and exits 1.\n";

/* A deal file already in the repo, with the crm_id it has. */
struct known {
	char	*path;
	char	*crm_id;
};

struct plan {
	char	*path;
	char	*old;		/* NULL: a new file */
	size_t	 oldlen;
	struct buf text;
	const struct imp_deal *d;
	struct imp_merge_result res;
};

struct run {
	enum imp_crm	 crm;
	int		 dry;
	int		 latin1;
	const char	*dir;
	struct known	*k;
	size_t		 nk;
	struct plan	*p;
	size_t		 np;
	char		*tmpl;
	size_t		 tlen;
};

static int
import_args(struct run *r, int argc, char **argv, char ***files, int *nf)
{
	int	 i;

	if (argc < 2 || (strcmp(argv[1], "hubspot") != 0 &&
	    strcmp(argv[1], "salesforce") != 0)) {
		cmd_error("import: which CRM? 'handoff import hubspot FILE...' "
		    "or 'handoff import salesforce FILE...'");
		return 2;
	}
	r->crm = strcmp(argv[1], "hubspot") == 0 ? IMP_HUBSPOT :
	    IMP_SALESFORCE;
	*files = calloc((size_t)argc, sizeof(char *));
	if (*files == NULL)
		return 2;
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0 || strcmp(argv[i], "-n")
		    == 0)
			r->dry = 1;
		else if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "latin1") == 0 ||
			    strcmp(argv[i], "latin-1") == 0 ||
			    strcmp(argv[i], "iso-8859-1") == 0 ||
			    strcmp(argv[i], "windows-1252") == 0)
				r->latin1 = 1;
			else if (strcmp(argv[i], "utf-8") != 0 &&
			    strcmp(argv[i], "utf8") != 0) {
				cmd_error("import: --encoding is utf-8 or "
				    "latin1, not '%s'", argv[i]);
				return 2;
			}
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cmd_error("import: unknown option '%s'", argv[i]);
			return 2;
		} else
			(*files)[(*nf)++] = argv[i];
	}
	if (*nf == 0) {
		cmd_error("import: which exports? name the files");
		return 2;
	}
	return 0;
}

/* The deal files in dir with their crm_id. */
static int
import_scan(struct run *r, struct diag_list *dl)
{
	DIR		*d;
	struct dirent	*e;
	struct known	*k;
	char		*path, *data;
	size_t		 len;

	if ((d = opendir(r->dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(fs_ext(e->d_name), ".md") != 0)
			continue;
		if ((path = fs_join(r->dir, e->d_name)) == NULL)
			break;
		if (fs_read(path, 1 << 20, &data, &len) != 0) {
			free(path);
			continue;
		}
		if ((k = realloc(r->k, (r->nk + 1) * sizeof(*k))) == NULL) {
			free(data);
			free(path);
			break;
		}
		r->k = k;
		r->k[r->nk].path = path;
		r->k[r->nk++].crm_id = import_merge_crm_id(data, len);
		free(data);
	}
	closedir(d);
	(void)dl;
	return 0;
}

static int
import_template(struct run *r)
{
	const struct embedded	*e;

	if (fs_exists("templates/new.md"))
		return fs_read("templates/new.md", 1 << 20, &r->tmpl,
		    &r->tlen) == 0 ? 0 : -1;
	if ((e = fs_embedded("templates/new.md")) == NULL ||
	    (r->tmpl = strdup((const char *)e->data)) == NULL)
		return -1;
	r->tlen = e->len;
	return 0;
}

/* The file of d: the one with its crm_id, else deals/<id>.md. */
static char *
import_target(struct run *r, const struct imp_deal *d, struct diag_list *dl)
{
	char	 name[80];
	char	*path;
	size_t	 i;

	for (i = 0; i < r->nk; i++)
		if (r->k[i].crm_id != NULL &&
		    strcmp(r->k[i].crm_id, d->crm_id) == 0)
			return strdup(r->k[i].path);
	snprintf(name, sizeof(name), "%s.md", d->id);
	if ((path = fs_join(r->dir, name)) == NULL)
		return NULL;
	for (i = 0; i < r->nk; i++)
		if (strcmp(r->k[i].path, path) == 0 && r->k[i].crm_id != NULL) {
			diag_add_hint(dl, diag_pos_line(d->file, d->line),
			    RULE_DEAL_ID, "give it its own id under 'import: "
			    "ids:' in handoff.yml ('CRM-ID: deal-id')",
			    "deal %s ('%s') would be %s, which is CRM record %s",
			    d->crm_id, d->name, path, r->k[i].crm_id);
			free(path);
			return NULL;
		}
	return path;
}

static int
import_plan_one(struct run *r, const struct imp_set *s,
    const struct imp_map *m, const struct imp_deal *d, struct diag_list *dl)
{
	struct plan	*p;
	struct buf	 skel;
	int		 rc;

	if ((p = realloc(r->p, (r->np + 1) * sizeof(*p))) == NULL)
		return -1;
	r->p = p;
	p = &r->p[r->np];
	memset(p, 0, sizeof(*p));
	buf_init(&p->text);
	p->d = d;
	if ((p->path = import_target(r, d, dl)) == NULL)
		return dl->n ? 0 : -1;
	r->np++;
	if (fs_exists(p->path)) {
		rc = fs_read(p->path, 1 << 20, &p->old, &p->oldlen);
		if (rc != 0) {
			diag_add(dl, diag_pos_line(p->path, 0), RULE_IO,
			    "cannot read: %s", rc == -2 ? "larger than 1 MB" :
			    fs_strerror(errno));
			return 0;
		}
		return import_merge(&p->text, &p->res, p->path, p->old,
		    p->oldlen, d, s, m, r->crm, 0, dl);
	}
	buf_init(&skel);
	rc = import_skeleton(&skel, r->tmpl, r->tlen, d->client, d->id);
	if (rc == 0)
		rc = import_merge(&p->text, &p->res, p->path, skel.data,
		    skel.len, d, s, m, r->crm, 1, dl);
	buf_dispose(&skel);
	return rc;
}

/* Print the summary line of every deal, skipped ones included. */
static void
import_summary(const struct run *r, const struct imp_set *s)
{
	size_t	 i, j;

	for (i = 0; i < s->ndeal; i++) {
		const struct imp_deal *d = &s->deal[i];

		if (d->stage == NULL) {
			printf("skipped   %s (%s): %s\n", d->name, d->crm_id,
			    d->skip_why ? d->skip_why : "not imported");
			continue;
		}
		for (j = 0; j < r->np; j++)
			if (r->p[j].d == d)
				break;
		if (j == r->np)
			continue;
		if (r->p[j].old == NULL)
			printf("created   %s (%s, %s)\n", r->p[j].path,
			    d->client, d->stage);
		else if (r->p[j].res.changed)
			printf("updated   %s: %s%s\n", r->p[j].path,
			    r->p[j].res.fields[0] ? r->p[j].res.fields :
			    "import record", r->p[j].res.nconflict ?
			    " (kept your text where both changed)" : "");
		else
			printf("unchanged %s\n", r->p[j].path);
	}
}

static int
import_write(struct run *r)
{
	struct buf	 diff;
	size_t		 i;
	int		 rc = 0;

	buf_init(&diff);
	if (r->dry && vcs_lib_init() == -1)
		return -1;
	for (i = 0; i < r->np && rc == 0; i++) {
		struct plan *p = &r->p[i];

		if (p->old != NULL && !p->res.changed)
			continue;
		if (r->dry) {
			buf_clear(&diff);
			rc = vcs_diff_text(&diff, p->path, p->old, p->oldlen,
			    p->text.data, p->text.len);
			if (rc == 0 && diff.len)
				fwrite(diff.data, 1, diff.len, stdout);
			continue;
		}
		if (fs_mkdirs(r->dir) == -1 || fs_write_atomic(p->path,
		    p->text.data, p->text.len) == -1) {
			cmd_error("import: cannot write %s: %s", p->path,
			    strerror(errno));
			rc = -1;
		}
	}
	buf_dispose(&diff);
	if (r->dry)
		vcs_lib_shutdown();
	return rc;
}

static void
import_dispose(struct run *r)
{
	size_t	 i;

	for (i = 0; i < r->nk; i++) {
		free(r->k[i].path);
		free(r->k[i].crm_id);
	}
	free(r->k);
	for (i = 0; i < r->np; i++) {
		free(r->p[i].path);
		free(r->p[i].old);
		buf_dispose(&r->p[i].text);
	}
	free(r->p);
	free(r->tmpl);
}

int
cmd_import(const struct cli *cli, int argc, char **argv)
{
	struct run		 r;
	struct imp_set		 s;
	struct imp_map		*m = NULL;
	struct diag_list	 dl;
	struct stat		 st;
	char			**files = NULL;
	int			 nf = 0, i, rc;
	size_t			 k;

	(void)cli;
	if (cmd_wants_help(argc, argv, usage))
		return 0;
	memset(&r, 0, sizeof(r));
	import_set_init(&s);
	diag_list_init(&dl);
	if ((rc = import_args(&r, argc, argv, &files, &nf)) != 0) {
		fputs(usage, stderr);
		goto out;
	}
	r.dir = stat("deals", &st) == 0 && S_ISDIR(st.st_mode) ? "deals" : ".";
	rc = 1;
	if ((m = import_map_load("handoff.yml", &dl)) == NULL)
		goto report;
	for (i = 0; i < nf; i++)
		(void)(r.crm == IMP_HUBSPOT ? import_hubspot_file(&s, m,
		    files[i], r.latin1, &dl) : import_salesforce_file(&s, m,
		    files[i], r.latin1, &dl));
	if (diag_list_worst(&dl) >= SEV_ERROR)
		goto report;
	if (import_set_resolve(&s, m, &dl) == -1 || import_scan(&r, &dl) == -1
	    || import_template(&r) == -1)
		goto report;
	for (k = 0; k < s.ndeal; k++)
		if (s.deal[k].stage != NULL &&
		    import_plan_one(&r, &s, m, &s.deal[k], &dl) == -1) {
			rc = 2;
			goto report;
		}
	if (diag_list_worst(&dl) >= SEV_ERROR)
		goto report;
	rc = import_write(&r) == -1 ? 2 : 0;
	if (rc == 0 && !r.dry)
		import_summary(&r, &s);
report:
	diag_list_sort(&dl);
	diag_print_text(stderr, &dl);
	if (rc == 1 && diag_list_worst(&dl) >= SEV_ERROR)
		fprintf(stderr, "handoff import: nothing was changed\n");
	else if (rc == 1)
		rc = 2;
out:
	import_map_free(m);
	import_set_dispose(&s);
	import_dispose(&r);
	diag_list_dispose(&dl);
	free(files);
	return rc;
}
