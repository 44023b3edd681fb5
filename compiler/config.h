/* SPDX-License-Identifier: MIT */
/*
 * config.h: the team's handoff.yml (libyaml), with defaults that work with
 * no file at all.  A malformed config is a diagnostic with its line.
 */
#ifndef HANDOFF_CONFIG_H
#define HANDOFF_CONFIG_H

#include <stddef.h>

#include "timeline.h"

struct diag_list;

/* Limits a user can see and set (handoff.yml 'limits:'). */
struct limits {
	size_t		 max_file_size;		/* bytes; default 1 MiB */
	unsigned	 max_depth;		/* nesting; default 32 */
	unsigned	 max_table_rows;	/* default 1000 */
	unsigned	 max_table_cols;	/* default 32 */
	unsigned	 max_template_depth;	/* partial/section depth; 32 */
};

/* Delivery ('send:' in handoff.yml): where 'handoff send' sends. */
struct send_config {
	char		*smtp;		/* smtp://host:587 or smtps://host:465 */
	int		 tls_none;	/* send.tls: none (loopback only) */
	char		*sendmail;	/* a sendmail-compatible command */
	char		*slack_env;	/* env var holding the Slack webhook */
	char		*teams_env;	/* env var holding the Teams webhook */
	char		*ca;		/* CA bundle to verify the server */
	int		 shared_slack;	/* the Slack channel is shared */
	int		 shared_teams;	/* the Teams channel is shared */
};

struct config {
	char		*file;		/* the handoff.yml read, or NULL */
	char		*company;	/* "Our company" by default */
	char		*logo;		/* path to a PNG, or NULL */
	char		*sender;	/* optional From override 'Name <addr>' */
	char		*timezone;	/* IANA name; "UTC" by default */
	int		*holidays;	/* sorted days since 1970-01-01 */
	size_t		 nholidays;
	int		 pre_close_threshold;	/* percent; default 70 */
	int		 deadline_days;		/* business days; default 2 */
	int		 date_order;	/* enum read_date_order: 0 none, 1 dmy, 2 mdy */
	struct timeline	 timelines[SEGMENT__MAX];	/* per segment */
	char		**required;	/* extra required field paths */
	unsigned	*required_line;	/* of each, in handoff.yml */
	size_t		 nrequired;
	struct limits	 limits;
	int		 commit_require_complete;	/* commit: { require_complete } */
	int		 playbooks_no_builtin;	/* playbooks: { builtin: false } */
	struct send_config send;
	/* calls: { recording_link: "{url}&t={seconds}" } (NULL: the default) */
	char		*recording_link;
	/* issue 11: where company: and holidays: are written (0: nowhere) */
	unsigned	 company_line;
	unsigned	 holidays_line;
};

/* Fill *c with the defaults (no file).  Never fails. */
void	config_init(struct config *c);
/*
 * Read path into *c (which config_init has set).  A missing file is not
 * an error when must_exist is 0.  Problems go to dl with their line;
 * returns 0, or -1 when the file is malformed or unreadable.
 */
int	config_load(struct config *c, const char *path, int must_exist,
	    struct diag_list *dl);
/*
 * The same from memory (file is the name shown in diagnostics): for tests
 * and the fuzzer.  Unknown keys, duplicate keys, anchors and aliases are
 * errors.  0, or -1 after a diagnostic (or when out of memory).
 */
int	config_load_mem(struct config *c, const char *file, const char *data,
	    size_t len, struct diag_list *dl);
void	config_dispose(struct config *c);
/* The placeholder 'handoff init' writes when no --company is given. */
#define CONFIG_COMPANY_PLACEHOLDER	"Our company"
/* True when handoff.yml names the company with the placeholder. */
int	config_company_is_placeholder(const struct config *c);
/*
 * Warnings about settings that are valid but misinform the client or
 * the timeline: the placeholder company, an empty holiday list.  For
 * 'handoff check'; adds to dl, never fails.
 */
void	config_warn(const struct config *c, struct diag_list *dl);
/* The timeline of a segment name ("smb", …); the mid-market one for an
 * unknown or NULL name. */
const struct timeline	*config_timeline(const struct config *c,
			    const char *segment);

#endif
