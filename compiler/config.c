/* SPDX-License-Identifier: MIT */
/*
 * config.c: handoff.yml.  (Defaults only for now: the YAML reader is
 * being written; see doc/TEAM.md.)
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "diag.h"

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

int
config_load(struct config *c, const char *path, int must_exist,
    struct diag_list *dl)
{
	(void)c; (void)path; (void)must_exist; (void)dl;
	return 0;
}

void
config_dispose(struct config *c)
{
	size_t	 i;

	free(c->file);
	free(c->company);
	free(c->logo);
	free(c->sender);
	free(c->timezone);
	free(c->holidays);
	for (i = 0; i < c->nrequired; i++)
		free(c->required[i]);
	free(c->required);
	config_init(c);
}

const struct timeline *
config_timeline(const struct config *c, const char *segment)
{
	int	 s = segment_from_name(segment);

	return &c->timelines[s < 0 ? SEGMENT_MID_MARKET : s];
}
