/* SPDX-License-Identifier: MIT */
/*
 * calls_gong.c: Gong API JSON (phase: calls).  The transcript is
 * callTranscripts[0].transcript[]: monologues with a speakerId, a topic
 * and sentences[] of start/end (ms) and text.  Names and e-mails come
 * from a parties array (id or speakerId, name, emailAddress, affiliation)
 * found beside the transcript, at the top level or in calls[] (the
 * /v2/calls/extensive answer pasted in); a speaker without one is
 * "Speaker N".  The bytes are checked before jansson sees them: nesting
 * deeper than GONG_MAX_DEPTH or more than GONG_MAX_VALUES values is
 * refused with the line where the limit was passed.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "calls/calls.h"
#include "diag.h"

#define GONG_MAX_DEPTH	 32
#define GONG_MAX_VALUES	 2000000u

/* Nesting and value count within bounds; 0 or -1 after a diagnostic. */
static int
gong_check_shape(const char *file, const char *d, size_t len,
    struct diag_list *dl)
{
	size_t		 i, values = 0;
	unsigned	 line = 1, depth = 0;
	int		 in_str = 0;

	for (i = 0; i < len; i++) {
		if (d[i] == '\n')
			line++;
		if (in_str) {
			if (d[i] == '\\')
				i++;
			else if (d[i] == '"')
				in_str = 0;
			continue;
		}
		if (d[i] == '"')
			in_str = 1;
		else if (d[i] == '{' || d[i] == '[') {
			if (++depth > GONG_MAX_DEPTH) {
				diag_add(dl, diag_pos_line(file, line),
				    RULE_TRANSCRIPT, "JSON nested deeper than "
				    "%u levels: not a Gong transcript",
				    GONG_MAX_DEPTH);
				return -1;
			}
		} else if (d[i] == '}' || d[i] == ']')
			depth -= depth > 0;
		if ((d[i] == ',' || d[i] == '[' || d[i] == '{') &&
		    ++values > GONG_MAX_VALUES) {
			diag_add(dl, diag_pos_line(file, line), RULE_TRANSCRIPT,
			    "JSON with more than %u values: not a Gong "
			    "transcript", GONG_MAX_VALUES);
			return -1;
		}
	}
	return 0;
}

static const char *
str_of(json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* The id of a speaker or party as text (Gong ids are numbers or strings). */
static void
id_of(json_t *v, char *out, size_t max)
{
	if (json_is_string(v))
		snprintf(out, max, "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(out, max, "%lld", (long long)json_integer_value(v));
	else
		out[0] = '\0';
}

/* The party array that names the speakers, or NULL. */
static json_t *
gong_parties(json_t *root, json_t *ct)
{
	json_t	*p, *calls;

	if (json_is_array(p = json_object_get(ct, "parties")))
		return p;
	if (json_is_array(p = json_object_get(root, "parties")))
		return p;
	calls = json_object_get(root, "calls");
	if (json_is_array(calls) &&
	    json_is_array(p = json_object_get(json_array_get(calls, 0),
	    "parties")))
		return p;
	return NULL;
}

/* The party of speaker id sid, or NULL. */
static json_t *
gong_party(json_t *parties, const char *sid)
{
	size_t	 i;
	json_t	*p;
	char	 a[64], b[64];

	json_array_foreach(parties, i, p) {
		id_of(json_object_get(p, "speakerId"), a, sizeof(a));
		id_of(json_object_get(p, "id"), b, sizeof(b));
		if ((a[0] && strcmp(a, sid) == 0) || (b[0] && strcmp(b, sid) == 0))
			return p;
	}
	return NULL;
}

/*
 * The speaker label of sid into name: the party's name (recorded as a
 * call party with its e-mail and side), else its e-mail, else
 * "Speaker N" in order of first words.
 */
static int
gong_speaker(struct call *out, json_t *parties, const char *sid,
    char ids[][64], size_t *nids, char *name, size_t max)
{
	json_t		*p = parties ? gong_party(parties, sid) : NULL;
	const char	*aff, *nm, *em;
	enum call_side	 side = SIDE_UNKNOWN;
	size_t		 i;

	nm = p ? str_of(p, "name") : "";
	em = p ? str_of(p, "emailAddress") : "";
	if (nm[0] || em[0]) {
		snprintf(name, max, "%s", nm[0] ? nm : em);
		if (call_party_of(out, name) != NULL)
			return 0;
		aff = str_of(p, "affiliation");
		if (strcasecmp(aff, "internal") == 0)
			side = SIDE_VENDOR;
		else if (strcasecmp(aff, "external") == 0)
			side = SIDE_CLIENT;
		return call_add_party(out, name, em, side);
	}
	for (i = 0; i < *nids && strcmp(ids[i], sid) != 0; i++)
		;
	if (i == *nids && *nids < 64)
		snprintf(ids[(*nids)++], 64, "%s", sid);
	snprintf(name, max, "Speaker %zu", i + 1);
	return 0;
}

/* The line of the next '"start"' key from *cur (advancing it). */
static unsigned
gong_line(const char *d, size_t len, size_t *cur, unsigned *line)
{
	size_t	 i;

	for (i = *cur; i + 7 <= len; i++) {
		if (d[i] == '\n')
			(*line)++;
		else if (d[i] == '"' && memcmp(d + i, "\"start\"", 7) == 0) {
			*cur = i + 7;
			return *line;
		}
	}
	return *line;
}

static int
gong_sentences(struct call *out, const char *file, const char *data,
    size_t len, json_t *mono, const char *spk, size_t *cur, unsigned *line,
    struct diag_list *dl)
{
	json_t		*sents = json_object_get(mono, "sentences"), *s;
	json_t		*st, *en;
	size_t		 i;
	unsigned	 l;
	const char	*text;

	json_array_foreach(sents, i, s) {
		l = gong_line(data, len, cur, line);
		st = json_object_get(s, "start");
		en = json_object_get(s, "end");
		text = json_string_value(json_object_get(s, "text"));
		if (!json_is_integer(st) || text == NULL ||
		    json_integer_value(st) < 0 || (en != NULL &&
		    (!json_is_integer(en) ||
		    json_integer_value(en) < json_integer_value(st)))) {
			diag_add(dl, diag_pos_line(file, l), RULE_TRANSCRIPT,
			    "Gong sentence without a start, an end after it "
			    "and a text");
			return -1;
		}
		if (text[0] == '\0')
			continue;
		if (call_add_cue(out, (long)json_integer_value(st),
		    en ? (long)json_integer_value(en) : -1, spk, strlen(spk),
		    text, strlen(text), l) != 0) {
			diag_add(dl, diag_pos_line(file, l), RULE_TRANSCRIPT,
			    "too many cues");
			return -1;
		}
	}
	return 0;
}

static int
gong_walk(struct call *out, const char *file, const char *data, size_t len,
    json_t *root, struct diag_list *dl)
{
	json_t		*cts, *ct, *tr, *mono, *parties;
	char		 ids[64][64], sid[64], spk[256];
	size_t		 nids = 0, i, cur = 0;
	unsigned	 line = 1;

	cts = json_object_get(root, "callTranscripts");
	if (!json_is_array(cts) || json_array_size(cts) == 0 ||
	    !json_is_array(tr = json_object_get(ct = json_array_get(cts, 0),
	    "transcript"))) {
		diag_add(dl, diag_pos_line(file, 1), RULE_TRANSCRIPT,
		    "JSON without callTranscripts[].transcript[]: not a Gong "
		    "transcript");
		return -1;
	}
	if (json_array_size(cts) > 1) {
		diag_add(dl, diag_pos_line(file, 1), RULE_TRANSCRIPT,
		    "%zu calls in one Gong file: handoff reads one call a "
		    "file", json_array_size(cts));
		return -1;
	}
	parties = gong_parties(root, ct);
	json_array_foreach(tr, i, mono) {
		id_of(json_object_get(mono, "speakerId"), sid, sizeof(sid));
		if (gong_speaker(out, parties, sid, ids, &nids, spk,
		    sizeof(spk)) != 0 ||
		    gong_sentences(out, file, data, len, mono, spk, &cur, &line,
		    dl) != 0) {
			if (diag_list_count(dl, SEV_ERROR) == 0)
				diag_add(dl, diag_pos_line(file, line),
				    RULE_TRANSCRIPT, "out of memory");
			return -1;
		}
	}
	return 0;
}

int
calls_read_gong(struct call *out, const char *file, const char *data,
    size_t len, struct diag_list *dl)
{
	json_t		*root;
	json_error_t	 err;
	int		 rc;

	if (gong_check_shape(file, data, len, dl) != 0)
		return -1;
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		diag_add(dl, diag_pos(file, err.line > 0 ? (unsigned)err.line :
		    1, err.column > 0 ? (unsigned)err.column : 0),
		    RULE_TRANSCRIPT, "not valid JSON: %s", err.text);
		return -1;
	}
	rc = gong_walk(out, file, data, len, root, dl);
	json_decref(root);
	return rc;
}
