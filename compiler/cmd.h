/* SPDX-License-Identifier: MIT */
/*
 * cmd.h: the subcommands.  Each cmd_<name>.c has one main-like entry
 * point listed in the table in main.c.  A command returns the exit status:
 * 0 clean, 1 invalid input, 2 usage or system error.
 */
#ifndef HANDOFF_CMD_H
#define HANDOFF_CMD_H

#include <stdio.h>

#define HANDOFF_VERSION	"0.1.0"

/* What main.c works out once for every command: the only global state. */
struct cli {
	const char	*prog;		/* "handoff" */
	int		 today;		/* HANDOFF_TODAY as days, or -1: the clock */
	long long	 now;		/* seconds since epoch (SOURCE_DATE_EPOCH or the clock) */
	int		 pinned;	/* HANDOFF_TODAY or SOURCE_DATE_EPOCH was set */
	int		 tty;		/* stderr is a terminal (progress bars) */
};

int	cmd_init(const struct cli *, int, char **);
int	cmd_eject(const struct cli *, int, char **);
int	cmd_new(const struct cli *, int, char **);
int	cmd_import(const struct cli *, int, char **);
int	cmd_check(const struct cli *, int, char **);
int	cmd_convert(const struct cli *, int, char **);
int	cmd_fmt(const struct cli *, int, char **);
int	cmd_build(const struct cli *, int, char **);
int	cmd_commit(const struct cli *, int, char **);
int	cmd_log(const struct cli *, int, char **);
int	cmd_show(const struct cli *, int, char **);
int	cmd_diff(const struct cli *, int, char **);
int	cmd_status(const struct cli *, int, char **);
int	cmd_audit(const struct cli *, int, char **);
int	cmd_events(const struct cli *, int, char **);
int	cmd_send(const struct cli *, int, char **);
int	cmd_feedback(const struct cli *, int, char **);
int	cmd_approve(const struct cli *, int, char **);
int	cmd_serve(const struct cli *, int, char **);
int	cmd_hook(const struct cli *, int, char **);
int	cmd_templates(const struct cli *, int, char **);
int	cmd_calls(const struct cli *, int, char **);

/*
 * True when argv[1..] holds -h or --help; then the usage text has been
 * printed to stdout.  Every command calls it first.
 */
int	cmd_wants_help(int argc, char **argv, const char *usage);
/* Print "handoff: " and a message to stderr (the command layer only). */
void	cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
