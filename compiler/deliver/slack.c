/* SPDX-License-Identifier: MIT */
/*
 * slack.c: the body of a Slack incoming-webhook post (see chat.h):
 * "text" is the fallback for notifications, "blocks" one section with
 * the title in bold and the lines under it.  Slack reads &, < and > as
 * markup, so they are escaped before jansson encodes the JSON.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "chat.h"

/* s with &, <, > escaped for Slack's mrkdwn, appended to b. */
static int
slack_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if ((*s == '&' ? buf_puts(b, "&amp;") : *s == '<' ?
		    buf_puts(b, "&lt;") : *s == '>' ? buf_puts(b, "&gt;") :
		    buf_putc(b, *s)) == -1)
			return -1;
	}
	return 0;
}

int
slack_json(struct buf *out, const struct chat_note *note, int shared)
{
	struct buf	 text, md;
	json_t		*root = NULL;
	char		*s = NULL;
	size_t		 i;
	int		 rc = -1;

	buf_init(&text);
	buf_init(&md);
	if (slack_escape(&text, note->title) == -1 || buf_puts(&md, "*") ==
	    -1 || slack_escape(&md, note->title) == -1 ||
	    buf_puts(&md, "*") == -1)
		goto out;
	for (i = 0; i < note->n; i++) {
		if (shared && note->internal[i])
			continue;
		if (buf_puts(&text, "\n") == -1 || slack_escape(&text,
		    note->line[i]) == -1 || buf_puts(&md, "\n") == -1 ||
		    slack_escape(&md, note->line[i]) == -1)
			goto out;
	}
	root = json_pack("{s:s, s:[{s:s, s:{s:s, s:s}}]}", "text", text.data,
	    "blocks", "type", "section", "text", "type", "mrkdwn", "text",
	    md.data);
	if (root == NULL || (s = json_dumps(root, JSON_COMPACT)) == NULL)
		goto out;
	rc = buf_puts(out, s);
out:
	free(s);
	json_decref(root);
	buf_dispose(&text);
	buf_dispose(&md);
	return rc;
}
