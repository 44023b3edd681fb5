/* SPDX-License-Identifier: MIT */
/*
 * chat.h: a short note about an event for a chat channel, and its JSON
 * for Slack (slack.c) and Teams (teams.c).  A line is marked internal
 * when it carries an internal field of the deal; a channel the config
 * marks shared gets the note without those lines.
 */
#ifndef HANDOFF_CHAT_H
#define HANDOFF_CHAT_H

#include <stddef.h>

struct buf;

#define CHAT_LINES	6

struct chat_note {
	const char	*title;		/* "Signed: Nordlicht Energie GmbH" */
	const char	*line[CHAT_LINES];
	int		 internal[CHAT_LINES];
	size_t		 n;
};

/*
 * The Slack incoming-webhook body {"text", "blocks"} of note, with &, <
 * and > escaped as Slack asks; shared leaves the internal lines out.
 * 0 or -1 (out of memory).
 */
int	slack_json(struct buf *out, const struct chat_note *note, int shared);
/* The Teams Workflows body: a message with one Adaptive Card 1.4. */
int	teams_json(struct buf *out, const struct chat_note *note, int shared);

#endif
