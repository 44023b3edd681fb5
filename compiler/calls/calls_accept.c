/* SPDX-License-Identifier: MIT */
/*
 * calls_accept.c: the AE's side of the call notes (phase: calls).  The
 * '- [?]' suggestions of '# Call notes' are numbered in file order;
 * accepting one marks it '[x]' where it stands (so the PDF shows it, with
 * its timestamp) and writes it into its pillar, where it counts like
 * anything the AE wrote: a commitment as '- [ ] what — call of DATE,
 * [MM:SS] (Owner, by DATE)', the others as '- what — Speaker, call of
 * DATE, [MM:SS]'.  The field is found through the parsed file, so a
 * '# Red Flags' or '## Promises we made' of the AE's is the one written
 * to.  The edit only inserts lines and turns a '?' into an 'x'.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "calls/calls_accept.h"
#include "calls/calls_cues.h"
#include "calls/calls_heading.h"
#include "model.h"

static int
points_add(struct call_points *p, const struct call_point *pt)
{
	struct call_point	*v;

	if ((v = realloc(p->v, (p->n + 1) * sizeof(*v))) == NULL)
		return -1;
	p->v = v;
	p->v[p->n++] = *pt;
	return 0;
}

/* The date of a '## Call of DATE (file)' heading into date. */
static void
call_date(const char *t, size_t len, char *date, size_t size)
{
	size_t	 k;

	date[0] = '\0';
	if (len < 8 || strncasecmp(t, "call of ", 8) != 0)
		return;
	for (k = 8; k < len && t[k] != ' ' && k - 8 + 1 < size; k++)
		date[k - 8] = t[k];
	date[k - 8] = '\0';
}

int
calls_points_read(struct call_points *p, const char *d)
{
	struct call_point	 pt;
	size_t			 i = 0, e, len;
	const char		*t;
	int			 lv, in = 0, fence = 0, cls = -1;
	unsigned		 line = 1;
	char			 date[16] = "";

	memset(p, 0, sizeof(*p));
	for (; d[i] != '\0'; i = e + (d[e] == '\n'), line++) {
		e = calls_line_end(d, i);
		if (calls_line_fence(d, i))
			fence = !fence;
		if (fence)
			continue;
		if ((lv = calls_heading_level(d, i)) > 0) {
			calls_heading_text(d, i, lv, &t, &len);
			if (lv == 1)
				in = len == 10 && strncasecmp(t, "call notes", 10) == 0;
			else if (in && lv == 2) {
				call_date(t, len, date, sizeof(date));
				cls = -1;
			} else if (in && lv == 3)
				cls = cues_class_of_heading(t, len);
			continue;
		}
		if (!in || e - i < 6 || strncmp(d + i, "- [", 3) != 0 ||
		    (d[i + 3] != '?' && d[i + 3] != 'x' && d[i + 3] != 'X') ||
		    strncmp(d + i + 4, "] ", 2) != 0)
			continue;
		memset(&pt, 0, sizeof(pt));
		pt.mark = i + 3;
		pt.text = i + 6;
		pt.end = e;
		while (pt.end > pt.text && d[pt.end - 1] == '\r')
			pt.end--;
		pt.cls = cls;
		pt.accepted = d[i + 3] != '?';
		pt.line = line;
		memcpy(pt.date, date, sizeof(date));
		if (points_add(p, &pt) != 0)
			return -1;
	}
	return 0;
}

void
calls_points_dispose(struct call_points *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

/* ------------------------------------------------------------ the line */

/*
 * A point's line as its field reads it.  The point is '[MM:SS](url)
 * Speaker: sentence (Owner, by DATE)'; a commitment keeps its owner and
 * due date last, where the commitment reader finds them.
 */
static int
point_line(struct buf *b, const char *d, const struct call_point *pt)
{
	const char	*s = d + pt->text, *e = d + pt->end, *stamp_end, *colon;
	const char	*said, *own = NULL;
	int		 rc = 0;

	stamp_end = s;
	if (*s == '[' && (stamp_end = memchr(s, ']', (size_t)(e - s))) != NULL) {
		stamp_end++;
		if (stamp_end < e && *stamp_end == '(' &&
		    (stamp_end = memchr(stamp_end, ')', (size_t)(e - stamp_end)))
		    != NULL)
			stamp_end++;
	}
	if (stamp_end == NULL)
		stamp_end = s;
	said = stamp_end;
	while (said < e && *said == ' ')
		said++;
	colon = said;
	while (colon + 1 < e && !(colon[0] == ':' && colon[1] == ' '))
		colon++;
	if (colon + 1 >= e)
		colon = NULL;
	if (pt->cls == CUE_COMMITMENT && e > said && e[-1] == ')') {
		for (own = e - 1; own > said && *own != '('; own--)
			;
		if (own == said)
			own = NULL;
	}
	rc |= buf_puts(b, pt->cls == CUE_COMMITMENT ? "- [ ] " : "- ");
	if (colon != NULL)
		rc |= buf_put(b, colon + 2, (size_t)((own ? own : e) -
		    (colon + 2)));
	else
		rc |= buf_put(b, said, (size_t)((own ? own : e) - said));
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	rc |= buf_puts(b, " \xe2\x80\x94 ");
	if (pt->cls != CUE_COMMITMENT && colon != NULL) {
		rc |= buf_put(b, said, (size_t)(colon - said));
		rc |= buf_puts(b, ", ");
	}
	rc |= buf_printf(b, "call of %s, ", pt->date[0] ? pt->date : "(no date)");
	rc |= buf_put(b, s, (size_t)(stamp_end - s));
	if (own != NULL) {
		rc |= buf_putc(b, ' ');
		rc |= buf_put(b, own, (size_t)(e - own));
	}
	rc |= buf_putc(b, '\n');
	return rc;
}

/* ------------------------------------------------------------ placing it */

/* One insertion: text at offset at of the old text. */
struct edit {
	size_t	 at;
	size_t	 order;
	struct buf text;
};

/* End of the section whose heading (level lv) starts at i: the end of
 * its last line that is not empty (the blank lines before the next
 * heading stay after what is written there). */
static size_t
section_end(const char *d, size_t i, int lv)
{
	size_t	 next = calls_section_next(d, i, lv), last, e;

	last = calls_line_end(d, i);
	for (i = last + (d[last] == '\n'); i < next; i = e + (d[e] == '\n')) {
		e = calls_line_end(d, i);
		if (e > i && !(e == i + 1 && d[i] == '\r'))
			last = e;
	}
	return last;
}

/* The offset of line n (from 1) of d, or (size_t)-1. */
static size_t
line_offset(const char *d, unsigned n)
{
	size_t	 i = 0;

	while (n > 1 && d[i] != '\0') {
		i = calls_line_end(d, i);
		if (d[i] == '\n')
			i++;
		n--;
	}
	return n == 1 ? i : (size_t)-1;
}

/* The heading line of element n of m in d: its offset and level, or -1. */
static int
elem_heading(const struct model *m, const xmlNode *n, const char *d,
    size_t *at)
{
	struct srcpos	 pos;
	size_t		 i;
	int		 lv;

	if (n == NULL)
		return -1;
	pos = model_pos(m, n);
	if (pos.line == 0 || (i = line_offset(d, pos.line)) == (size_t)-1 ||
	    (lv = calls_heading_level(d, i)) == 0)
		return -1;
	*at = i;
	return lv;
}

/* The offset of '# Call notes' (or the end): where new pillars go. */
static size_t
notes_offset(const char *d)
{
	size_t	 len = strlen(d);

	return calls_heading_find(d, 0, len, 1, "call notes");
}

/*
 * Where the lines of target t go, and what to write around them.  *newp
 * is set when a new '# H1' was written; with *h1_done, a new pillar of
 * the same H1 was written already and this one goes under it.
 */
static int
place(struct edit *ed, const char *d, const struct model *m,
    const struct cue_target *t, const struct buf *lines, int h1_done,
    int *newp)
{
	char		 pillar[64];
	size_t		 at, k = strcspn(t->path, "/");
	int		 lv, rc = 0;

	memcpy(pillar, t->path, k);
	pillar[k] = '\0';
	if ((lv = elem_heading(m, model_find(m, t->path), d, &at)) > 0) {
		ed->at = section_end(d, at, lv);
		rc |= buf_putc(&ed->text, '\n');
		rc |= buf_put(&ed->text, lines->data, lines->len - 1);
	} else if ((lv = elem_heading(m, model_find(m, pillar), d, &at)) > 0) {
		ed->at = section_end(d, at, lv);
		rc |= buf_printf(&ed->text, "\n\n## %s\n", t->h2);
		rc |= buf_put(&ed->text, lines->data, lines->len - 1);
	} else {
		ed->at = notes_offset(d);
		if (ed->at > 0 && d[ed->at - 1] != '\n')
			rc |= buf_putc(&ed->text, '\n');
		if (!h1_done)
			rc |= buf_printf(&ed->text, "# %s\n\n", t->h1);
		*newp = 1;
		rc |= buf_printf(&ed->text, "## %s\n", t->h2);
		rc |= buf_put(&ed->text, lines->data, lines->len);
		rc |= buf_putc(&ed->text, '\n');
	}
	return rc;
}

static int
edit_cmp(const void *a, const void *b)
{
	const struct edit	*x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

int
calls_accept(struct buf *out, const char *d, const struct call_points *p,
    const size_t *which, size_t n, const struct model *m,
    const struct cues *cues)
{
	const struct cue_target	*tg[CUE__MAX];
	struct buf		 lines[CUE__MAX];
	struct edit		 ed[CUE__MAX];
	int			 used[CUE__MAX], newp[CUE__MAX], k, j, rc = 0;
	int			 h1_done;
	size_t			 i, ne = 0, from = 0, len = strlen(d);
	char			*copy;

	for (k = 0; k < CUE__MAX; k++) {
		tg[k] = cues_class_target(cues, (enum cue_class)k);
		buf_init(&lines[k]);
		used[k] = newp[k] = 0;
	}
	for (i = 0; i < n; i++) {
		const struct call_point *pt = &p->v[which[i]];

		if (pt->accepted || pt->cls < 0 || tg[pt->cls] == NULL)
			continue;
		rc |= point_line(&lines[pt->cls], d, pt);
		used[pt->cls] = 1;
	}
	for (k = 0; k < CUE__MAX && rc == 0; k++) {
		if (!used[k])
			continue;
		buf_init(&ed[ne].text);
		ed[ne].order = (size_t)k;
		for (h1_done = 0, j = 0; j < k; j++)
			h1_done |= newp[j] && strcmp(tg[j]->h1, tg[k]->h1) == 0;
		rc |= place(&ed[ne], d, m, tg[k], &lines[k], h1_done, &newp[k]);
		ne++;
	}
	qsort(ed, ne, sizeof(*ed), edit_cmp);
	if (rc == 0 && (copy = strdup(d)) != NULL) {
		for (i = 0; i < n; i++)
			copy[p->v[which[i]].mark] = 'x';
		for (i = 0; i < ne; i++) {
			rc |= buf_put(out, copy + from, ed[i].at - from);
			rc |= buf_put(out, ed[i].text.data, ed[i].text.len);
			from = ed[i].at;
		}
		rc |= buf_put(out, copy + from, len - from);
		free(copy);
	} else
		rc = -1;
	for (i = 0; i < ne; i++)
		buf_dispose(&ed[i].text);
	for (k = 0; k < CUE__MAX; k++)
		buf_dispose(&lines[k]);
	return rc;
}
