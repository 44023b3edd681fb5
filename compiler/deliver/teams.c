/* SPDX-License-Identifier: MIT */
/*
 * teams.c: the body of a Teams Workflows webhook post (see chat.h): a
 * message with one attachment, an Adaptive Card of version 1.4 with the
 * title as a bold TextBlock and one TextBlock per line.
 */
#include <stdlib.h>

#include <jansson.h>

#include "buf.h"
#include "chat.h"

int
teams_json(struct buf *out, const struct chat_note *note, int shared)
{
	json_t		*root, *body;
	char		*s = NULL;
	size_t		 i;
	int		 rc = -1;

	body = json_pack("[{s:s, s:s, s:s, s:b}]", "type", "TextBlock",
	    "text", note->title, "weight", "Bolder", "wrap", 1);
	for (i = 0; body != NULL && i < note->n; i++) {
		if (shared && note->internal[i])
			continue;
		if (json_array_append_new(body, json_pack("{s:s, s:s, s:b}",
		    "type", "TextBlock", "text", note->line[i], "wrap", 1)) ==
		    -1)
			break;
	}
	root = json_pack("{s:s, s:[{s:s, s:n, s:{s:s, s:s, s:s, s:o}}]}",
	    "type", "message", "attachments", "contentType",
	    "application/vnd.microsoft.card.adaptive", "contentUrl",
	    "content", "$schema",
	    "http://adaptivecards.io/schemas/adaptive-card.json", "type",
	    "AdaptiveCard", "version", "1.4", "body", body);
	if (root != NULL && (s = json_dumps(root, JSON_COMPACT)) != NULL)
		rc = buf_puts(out, s);
	free(s);
	json_decref(root);
	return rc;
}
