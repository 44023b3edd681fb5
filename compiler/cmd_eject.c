/* SPDX-License-Identifier: MIT */
/*
 * cmd_eject.c: 'handoff eject schema|playbooks|templates|headings|cues':
 * copy the built-in files into the team repo, where RevOps edits them
 * and handoff reads them instead (or, for playbooks, on top).  A file
 * that is already there is never overwritten.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "deal_name.h"
#include "fsutil.h"
#include "near.h"

static const char usage[] =
    "usage: handoff eject schema|playbooks|templates|headings|cues...\n"
    "\n"
    "Copy built-in files into the team repo to edit them:\n"
    "  schema      schemas/handoff.xsd (fields, levels, labels, hints)\n"
    "  playbooks   schemas/playbooks/*.yml (a team file overrides the\n"
    "              built-in one of the same name)\n"
    "  templates   templates/*.mustache (the e-mails)\n"
    "  headings    schemas/headings.txt (other names for the headings)\n"
    "  cues        schemas/call-cues.txt (what 'calls add' looks for)\n"
    "A file that exists is kept, never overwritten.\n";

/* What each kind copies: built-in paths with this prefix and suffix. */
static const struct kind {
	const char	*name;
	const char	*prefix;
	const char	*suffix;
} kinds[] = {
	{ "schema", "schemas/handoff.xsd", "" },
	{ "playbooks", "schemas/playbooks/", ".yml" },
	{ "templates", "templates/", ".mustache" },
	{ "headings", "schemas/headings.txt", "" },
	{ "cues", "schemas/call-cues.txt", "" },
};

static int
eject_match(const struct kind *k, const char *path)
{
	size_t	 n = strlen(path), ls = strlen(k->suffix);

	return strncmp(path, k->prefix, strlen(k->prefix)) == 0 &&
	    n >= ls && strcmp(path + n - ls, k->suffix) == 0;
}

/* Write one built-in file under root unless it exists; 0 or -1. */
static int
eject_one(const char *root, const struct embedded *e)
{
	char	*path;
	int	 rc;

	if ((path = fs_join(root, e->path)) == NULL)
		return -1;
	if (fs_exists(path)) {
		printf("kept %s (it exists; delete it to take the built-in "
		    "one)\n", path);
		free(path);
		return 0;
	}
	if ((rc = fs_write_atomic_dirs(path, e->data, e->len)) != 0)
		cmd_error("eject: %s: %s", path, fs_strerror(errno));
	else
		printf("wrote %s\n", path);
	free(path);
	return rc;
}

static void
eject_unknown(const char *word)
{
	const char	*names[sizeof(kinds) / sizeof(kinds[0])], *best[1];
	size_t		 k;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		names[k] = kinds[k].name;
	if (near_best(word, names, k, best, 1) == 1)
		cmd_error("eject: no '%s'; did you mean '%s'?", word, best[0]);
	else
		cmd_error("eject: no '%s': it is one of schema, playbooks, "
		    "templates, headings, cues", word);
}

int
cmd_eject(const struct cli *cli, int argc, char **argv)
{
	const struct embedded	*e;
	char			 root[128];
	size_t			 i, k;
	int			 a;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (a = 1; a < argc; a++) {
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
			if (strcmp(argv[a], kinds[k].name) == 0)
				break;
		if (k == sizeof(kinds) / sizeof(kinds[0])) {
			eject_unknown(argv[a]);
			return 2;
		}
	}
	(void)deal_name_root(root, sizeof(root));
	for (a = 1; a < argc; a++)
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			if (strcmp(argv[a], kinds[k].name) != 0)
				continue;
			for (i = 0; (e = fs_embedded_at(i)) != NULL; i++)
				if (eject_match(&kinds[k], e->path) &&
				    eject_one(root, e) != 0)
					return 1;
		}
	return 0;
}
