/* SPDX-License-Identifier: MIT */
/*
 * import_merge.c: merge a CRM deal into the text of deals/<id>.md without
 * losing or moving a byte the AE wrote.  The file is edited as lines: the
 * front-matter lines of the CRM-owned keys (stage, signed, ae, value,
 * crm, crm_id; client only when empty) and the Email and Title cells of
 * the stakeholder rows the CRM knows are rewritten, new contacts become
 * rows at the end of the Relationships table, and every other line is
 * copied as it was.
 *
 * A three-way decision needs the CRM's value at the last import: it is
 * kept in a comment at the end of the file ('<!-- handoff import: ...').
 * A field the file still has as the CRM last said (or has empty) takes
 * the CRM's new value; a field the AE changed keeps the AE's text, with a
 * warning when the CRM changed it too.  Without that comment (a file
 * written by hand) every differing filled field counts as the AE's.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "diag.h"
#include "mdform.h"
#include "import.h"

#define BASE_OPEN	"<!-- handoff import:"

struct lines {
	char		**v;
	size_t		 n;
	size_t		 cap;
	int		 crlf;
};

struct base {
	char		*f[IMP_F__MAX];
	char		**cname, **cemail, **ctitle;
	size_t		 nc;
};

struct mctx {
	struct lines		 l;
	struct base		 b;
	const char		*path;
	struct diag_list	*dl;
	struct imp_merge_result	*res;
	int			 fresh;		/* a new file: the CRM's values */
	int			 err;
};

/* ---- lines --------------------------------------------------------- */

static int
lines_insert(struct lines *l, size_t at, const char *s)
{
	char	**v;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		if ((v = realloc(l->v, l->cap * sizeof(*v))) == NULL)
			return -1;
		l->v = v;
	}
	memmove(l->v + at + 1, l->v + at, (l->n - at) * sizeof(*l->v));
	if ((l->v[at] = strdup(s)) == NULL) {
		memmove(l->v + at, l->v + at + 1, (l->n - at) * sizeof(*l->v));
		return -1;
	}
	l->n++;
	return 0;
}

static void
lines_remove(struct lines *l, size_t at)
{
	free(l->v[at]);
	memmove(l->v + at, l->v + at + 1, (l->n - at - 1) * sizeof(*l->v));
	l->n--;
}

static int
lines_set(struct lines *l, size_t at, char *s)
{
	if (s == NULL)
		return -1;
	free(l->v[at]);
	l->v[at] = s;
	return 0;
}

static int
lines_split(struct lines *l, const char *s, size_t len)
{
	const char	*end = s + len, *nl;
	char		*t;
	size_t		 n;

	memset(l, 0, sizeof(*l));
	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (n > 0 && s[n - 1] == '\r') {
			l->crlf = 1;
			n--;
		}
		if ((t = strndup(s, n)) == NULL ||
		    lines_insert(l, l->n, "") == -1) {
			free(t);
			return -1;
		}
		lines_set(l, l->n - 1, t);
		s = nl ? nl + 1 : end;
	}
	return 0;
}

static void
lines_dispose(struct lines *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* ---- values ------------------------------------------------------- */

/* A front-matter value as text: trimmed, one pair of quotes removed. */
static char *
fm_unquote(const char *s)
{
	char	*t = import_value_trim(s), *o;
	size_t	 n;

	if (t == NULL || (n = strlen(t)) < 2 || !((t[0] == '"' &&
	    t[n - 1] == '"') || (t[0] == '\'' && t[n - 1] == '\'')))
		return t;
	memmove(t, t + 1, n - 2);
	t[n - 2] = '\0';
	for (o = t; *o != '\0'; o++)	/* "\"" and "\\" */
		if (*o == '\\' && (o[1] == '"' || o[1] == '\\'))
			memmove(o, o + 1, strlen(o));
	return t;
}

/* The index of the front-matter line of key, or -1. */
static long
fm_find(const struct lines *l, size_t close, const char *key)
{
	size_t	 i, k = strlen(key);
	char	*p;

	for (i = 1; i < close; i++) {
		p = l->v[i];
		if (strncmp(p, key, k) != 0)
			continue;
		p += k;
		while (*p == ' ')
			p++;
		if (*p == ':')
			return (long)i;
	}
	return -1;
}

static char *
fm_line(const char *key, const char *val)
{
	struct buf	 b;

	buf_init(&b);
	buf_printf(&b, "%s:", key);
	if (*val != '\0') {
		buf_putc(&b, ' ');
		md_put_yaml(&b, val);
	}
	return buf_detach(&b);
}

static void
merge_note(struct mctx *x, const char *what)
{
	size_t	 n = strlen(x->res->fields);

	snprintf(x->res->fields + n, sizeof(x->res->fields) - n, "%s%s",
	    n ? ", " : "", what);
}

/*
 * The three-way decision for one value: 1 take the CRM's, 0 keep the
 * file's (warning at line when both changed).
 */
static int
merge_decide(struct mctx *x, unsigned line, const char *what,
    const char *cur, const char *crm, const char *base)
{
	if (*crm == '\0' || strcmp(cur, crm) == 0)
		return 0;
	if (x->fresh || *cur == '\0' || (base != NULL && strcmp(cur, base) == 0))
		return 1;
	if (base != NULL && strcmp(crm, base) == 0)
		return 0;
	diag_add_sev(x->dl, diag_pos_line(x->path, line), RULE_INVALID_VALUE,
	    SEV_WARNING, "edit the file if the CRM is right; the next import "
	    "will not ask again", "%s: the file says '%s', the CRM now says "
	    "'%s'%s%s%s; kept the file's", what, cur, crm,
	    base ? " (it said '" : "", base ? base : "", base ? "')" : "");
	x->res->nconflict++;
	return 0;
}

/* ---- the stored CRM values ----------------------------------------- */

static int
base_add_contact(struct base *b, const char *name, const char *email,
    const char *title)
{
	char	**n, **e, **t;

	n = realloc(b->cname, (b->nc + 1) * sizeof(*n));
	if (n != NULL)
		b->cname = n;
	e = realloc(b->cemail, (b->nc + 1) * sizeof(*e));
	if (e != NULL)
		b->cemail = e;
	t = realloc(b->ctitle, (b->nc + 1) * sizeof(*t));
	if (t != NULL)
		b->ctitle = t;
	if (n == NULL || e == NULL || t == NULL)
		return -1;
	n[b->nc] = strdup(name);
	e[b->nc] = strdup(email);
	t[b->nc] = strdup(title);
	b->nc++;
	return n[b->nc - 1] && e[b->nc - 1] && t[b->nc - 1] ? 0 : -1;
}

/* One 'contact: Name | email | title' line. */
static int
base_contact(struct base *b, const char *s)
{
	char	*p[3] = { NULL, NULL, NULL }, *copy = strdup(s), *bar, *at;
	int	 i, rc;

	if (copy == NULL)
		return -1;
	at = copy;
	for (i = 0; i < 3; i++) {
		bar = i < 2 ? strstr(at, " | ") : NULL;
		if (bar != NULL)
			*bar = '\0';
		p[i] = import_value_trim(at);
		at = bar ? bar + 3 : at + strlen(at);
	}
	rc = p[0] && p[1] && p[2] ? base_add_contact(b, p[0], p[1], p[2]) : -1;
	for (i = 0; i < 3; i++)
		free(p[i]);
	free(copy);
	return rc;
}

/* Read and remove the stored comment. */
static int
base_read(struct mctx *x)
{
	size_t	 i, k;
	char	*v;
	int	 f;

	for (i = 0; i < x->l.n; i++)
		if (strncmp(x->l.v[i], BASE_OPEN, strlen(BASE_OPEN)) == 0)
			break;
	if (i == x->l.n)
		return 0;
	while (i < x->l.n && strcmp(x->l.v[i], "-->") != 0) {
		for (f = 0; f < IMP_F__MAX; f++) {
			k = strlen(import_field_keys[f]);
			if (strncmp(x->l.v[i], import_field_keys[f], k) == 0 &&
			    x->l.v[i][k] == ':') {
				if ((v = import_value_trim(x->l.v[i] + k + 1))
				    == NULL)
					return -1;
				free(x->b.f[f]);
				x->b.f[f] = v;
			}
		}
		if (strncmp(x->l.v[i], "contact:", 8) == 0 &&
		    base_contact(&x->b, x->l.v[i] + 8) == -1)
			return -1;
		lines_remove(&x->l, i);
	}
	if (i < x->l.n)
		lines_remove(&x->l, i);
	while (x->l.n > 0 && x->l.v[x->l.n - 1][0] == '\0')
		lines_remove(&x->l, x->l.n - 1);
	return 0;
}

static void
base_dispose(struct base *b)
{
	size_t	 i;

	for (i = 0; i < IMP_F__MAX; i++)
		free(b->f[i]);
	for (i = 0; i < b->nc; i++) {
		free(b->cname[i]);
		free(b->cemail[i]);
		free(b->ctitle[i]);
	}
	free(b->cname);
	free(b->cemail);
	free(b->ctitle);
}

/* The stored contact named name, or -1. */
static long
base_find(const struct base *b, const char *name)
{
	size_t	 i;

	for (i = 0; i < b->nc; i++)
		if (strcasecmp(b->cname[i], name) == 0)
			return (long)i;
	return -1;
}

/* ---- front matter ------------------------------------------------- */

static int
merge_front(struct mctx *x, const struct imp_fields *f)
{
	size_t	 close, i;
	long	 at;
	char	*cur;
	int	 k, take;

	if (x->l.n == 0 || strcmp(x->l.v[0], "---") != 0) {
		diag_add_hint(x->dl, diag_pos_line(x->path, 1),
		    RULE_FRONT_MATTER, "the import writes the CRM's values "
		    "into the front matter", "no front matter ('---' on the "
		    "first line); not merging");
		return -1;
	}
	for (close = 1; close < x->l.n; close++)
		if (strcmp(x->l.v[close], "---") == 0)
			break;
	if (close == x->l.n) {
		diag_add(x->dl, diag_pos_line(x->path, 1), RULE_FRONT_MATTER,
		    "the front matter is not closed with '---'; not merging");
		return -1;
	}
	for (k = 0; k < IMP_F__MAX; k++) {
		at = fm_find(&x->l, close, import_field_keys[k]);
		if (at == -1) {
			if (*f->v[k] == '\0')
				continue;
			i = close;
			if (k == IMP_F_CRM_ID && (at = fm_find(&x->l, close,
			    "crm")) != -1)
				i = (size_t)at + 1;
			if (lines_insert(&x->l, i, "") == -1 ||
			    lines_set(&x->l, i, fm_line(import_field_keys[k],
			    f->v[k])) == -1)
				return -1;
			close++;
			merge_note(x, import_field_keys[k]);
			continue;
		}
		cur = fm_unquote(strchr(x->l.v[at], ':') + 1);
		if (cur == NULL)
			return -1;
		take = k == IMP_F_CLIENT ? *cur == '\0' && *f->v[k] != '\0' :
		    merge_decide(x, (unsigned)at + 1, import_field_keys[k],
		    cur, f->v[k], x->b.f[k]);
		free(cur);
		if (take) {
			if (lines_set(&x->l, (size_t)at,
			    fm_line(import_field_keys[k], f->v[k])) == -1)
				return -1;
			merge_note(x, import_field_keys[k]);
		}
	}
	return 0;
}

/* ---- the stakeholder table ---------------------------------------- */

/* The cells of a table row, unescaped and trimmed; *n of them. */
static char **
row_cells(const char *line, size_t *n)
{
	char		**v = NULL, **nv;
	struct buf	 c;
	const char	*p = line;

	*n = 0;
	while (*p == ' ')
		p++;
	if (*p == '|')
		p++;
	buf_init(&c);
	for (;; p++) {
		if (*p == '\\' && p[1] != '\0' && ispunct((unsigned char)p[1])) {
			buf_putc(&c, p[1]);
			p++;
			continue;
		}
		if (*p != '|' && *p != '\0') {
			buf_putc(&c, *p);
			continue;
		}
		if (*p == '\0' && (c.data == NULL ||
		    strspn(c.data, " \t") == c.len))
			break;
		if ((nv = realloc(v, (*n + 1) * sizeof(*v))) == NULL)
			break;
		v = nv;
		v[(*n)++] = import_value_trim(c.data ? c.data : "");
		buf_clear(&c);
		if (*p == '\0')
			break;
	}
	buf_dispose(&c);
	return v;
}

static void
cells_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static char *
row_line(char *const *cell, size_t n)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		buf_puts(&b, "| ");
		md_put_text(&b, cell[i] ? cell[i] : "", 1);
		buf_putc(&b, ' ');
	}
	buf_puts(&b, "|");
	return buf_detach(&b);
}

struct table {
	size_t	 head;		/* header line */
	size_t	 end;		/* after the last row */
	size_t	 ncol;
	int	 name, title, role, email;
};

static int
table_find(const struct lines *l, struct table *t)
{
	size_t	 i, n, k;
	char	**c;

	for (i = 0; i < l->n; i++)
		if (strncmp(l->v[i], "# ", 2) == 0 &&
		    strncasecmp(l->v[i] + 2 + strspn(l->v[i] + 2, " "),
		    "relationships", 13) == 0)
			break;
	for (i++; i < l->n && l->v[i][0] != '|'; i++)
		if (strncmp(l->v[i], "# ", 2) == 0)
			return -1;
	if (i >= l->n || i + 1 >= l->n || l->v[i + 1][0] != '|')
		return -1;
	t->head = i;
	if ((c = row_cells(l->v[i], &n)) == NULL)
		return -1;
	t->ncol = n;
	t->name = t->title = t->role = t->email = -1;
	for (k = 0; k < n; k++) {
		if (strcasecmp(c[k], "name") == 0)
			t->name = (int)k;
		else if (strcasecmp(c[k], "title") == 0)
			t->title = (int)k;
		else if (strcasecmp(c[k], "role") == 0)
			t->role = (int)k;
		else if (strcasecmp(c[k], "email") == 0 ||
		    strcasecmp(c[k], "e-mail") == 0)
			t->email = (int)k;
	}
	cells_free(c, n);
	for (i += 2; i < l->n && l->v[i][0] == '|'; i++)
		;
	t->end = i;
	return t->name == -1 ? -1 : 0;
}

/* Roles as the Role cell writes them: 'Economic buyer, primary'. */
static void
role_text(struct buf *b, const struct imp_link *k)
{
	if (k->role[0] != '\0')
		buf_puts(b, md_role_label(k->role) ? md_role_label(k->role) :
		    k->role);
	if (k->primary)
		buf_printf(b, "%sprimary", b->len ? ", " : "");
}

/* A cell the CRM owns (email, title) of the row at line i. */
static int
merge_cell(struct mctx *x, char **cells, size_t ncell, int col, size_t i,
    const char *who, const char *what, const char *crm, const char *base)
{
	char	 label[160];

	if (col < 0 || (size_t)col >= ncell)
		return 0;
	snprintf(label, sizeof(label), "%s's %s", who, what);
	if (!merge_decide(x, (unsigned)i + 1, label, cells[col], crm, base))
		return 0;
	free(cells[col]);
	cells[col] = strdup(crm);
	return 1;
}

/* One CRM contact: its row updated, or a new row appended. */
static int
merge_contact(struct mctx *x, struct table *t, const struct imp_contact *c,
    const struct imp_link *k)
{
	char		**cells, *nv[64];
	size_t		 i, n;
	long		 b = base_find(&x->b, c->name);
	int		 ch;
	struct buf	 role;

	for (i = t->head + 2; i < t->end; i++) {
		if ((cells = row_cells(x->l.v[i], &n)) == NULL)
			continue;
		if (((size_t)t->name < n && strcasecmp(cells[t->name],
		    c->name) == 0) || (t->email >= 0 && (size_t)t->email < n &&
		    *c->email != '\0' && strcasecmp(cells[t->email],
		    c->email) == 0)) {
			ch = merge_cell(x, cells, n, t->email, i, c->name,
			    "email", c->email, b >= 0 ? x->b.cemail[b] : NULL);
			ch |= merge_cell(x, cells, n, t->title, i, c->name,
			    "title", c->title, b >= 0 ? x->b.ctitle[b] : NULL);
			if (ch && lines_set(&x->l, i, row_line(cells, n)) == -1)
				ch = -1;
			if (ch == 1)
				merge_note(x, c->name);
			cells_free(cells, n);
			return ch == -1 ? -1 : 0;
		}
		cells_free(cells, n);
	}
	if (t->ncol > 64)
		return 0;
	memset(nv, 0, sizeof(nv));
	buf_init(&role);
	role_text(&role, k);
	nv[t->name] = c->name;
	if (t->title >= 0)
		nv[t->title] = c->title;
	if (t->email >= 0)
		nv[t->email] = c->email;
	if (t->role >= 0)
		nv[t->role] = role.data;
	if (lines_insert(&x->l, t->end, "") == -1 ||
	    lines_set(&x->l, t->end, row_line(nv, t->ncol)) == -1) {
		buf_dispose(&role);
		return -1;
	}
	buf_dispose(&role);
	t->end++;
	buf_init(&role);
	buf_printf(&role, "new contact %s", c->name);
	merge_note(x, role.data ? role.data : "new contact");
	buf_dispose(&role);
	return 0;
}

static int
merge_table(struct mctx *x, const struct imp_deal *d,
    const struct imp_set *s)
{
	struct table		 t;
	const struct imp_contact *c;
	size_t			 i;

	if (d->nlink == 0)
		return 0;
	if (table_find(&x->l, &t) == -1) {
		diag_add_sev(x->dl, diag_pos_line(x->path, 0),
		    RULE_TABLE_COLUMNS, SEV_WARNING, "add the table of the "
		    "'handoff new' skeleton under '# Relationships'",
		    "no stakeholder table with a Name column: the CRM's "
		    "contacts were not added");
		return 0;
	}
	for (i = 0; i < d->nlink; i++)
		if ((c = import_set_find_contact(s, d->link[i].contact))
		    != NULL && *c->name != '\0' &&
		    merge_contact(x, &t, c, &d->link[i]) == -1)
			return -1;
	return 0;
}

/* ---- the result --------------------------------------------------- */

static int
merge_base_write(struct mctx *x, const struct imp_fields *f,
    const struct imp_deal *d, const struct imp_set *s)
{
	const struct imp_contact *c;
	struct buf	 b;
	size_t		 i;
	int		 k, rc = 0;

	rc |= lines_insert(&x->l, x->l.n, "");
	rc |= lines_insert(&x->l, x->l.n, BASE_OPEN " what the CRM said at "
	    "the last import; the next import compares it");
	rc |= lines_insert(&x->l, x->l.n, "with this file to keep your "
	    "edits.  Leave it here.");
	for (k = 0; k < IMP_F__MAX && rc == 0; k++) {
		const char *v = *f->v[k] != '\0' ? f->v[k] :
		    x->b.f[k] ? x->b.f[k] : "";

		buf_init(&b);
		buf_printf(&b, "%s: %s", import_field_keys[k], v);
		rc |= lines_insert(&x->l, x->l.n, b.data);
		buf_dispose(&b);
	}
	for (i = 0; i < d->nlink && rc == 0; i++) {
		if ((c = import_set_find_contact(s, d->link[i].contact))
		    == NULL || *c->name == '\0')
			continue;
		buf_init(&b);
		buf_printf(&b, "contact: %s | %s | %s", c->name, c->email,
		    c->title);
		if (strstr(b.data, "-->") == NULL)
			rc |= lines_insert(&x->l, x->l.n, b.data);
		buf_dispose(&b);
	}
	rc |= lines_insert(&x->l, x->l.n, "-->");
	return rc ? -1 : 0;
}

int
import_merge(struct buf *out, struct imp_merge_result *res,
    const char *path, const char *old, size_t len, const struct imp_deal *d,
    const struct imp_set *s, const struct imp_map *m, enum imp_crm crm,
    int fresh, struct diag_list *dl)
{
	struct imp_fields	 f;
	struct mctx		 x;
	size_t			 i;
	int			 rc = -1;

	memset(&x, 0, sizeof(x));
	memset(res, 0, sizeof(*res));
	x.path = path;
	x.dl = dl;
	x.res = res;
	x.fresh = fresh;
	if (import_fields_of(&f, d, m, crm) == -1)
		return -1;
	if (lines_split(&x.l, old, len) == -1 || base_read(&x) == -1 ||
	    merge_front(&x, &f) == -1 || merge_table(&x, d, s) == -1 ||
	    merge_base_write(&x, &f, d, s) == -1)
		goto out;
	for (i = 0; i < x.l.n; i++)
		if (buf_puts(out, x.l.v[i]) == -1 ||
		    buf_puts(out, x.l.crlf ? "\r\n" : "\n") == -1)
			goto out;
	res->changed = out->len != len || memcmp(out->data, old, len) != 0;
	rc = 0;
out:
	import_fields_dispose(&f);
	lines_dispose(&x.l);
	base_dispose(&x.b);
	return rc;
}

char *
import_merge_crm_id(const char *text, size_t len)
{
	struct lines	 l;
	size_t		 close;
	long		 at;
	char		*id = NULL;

	if (lines_split(&l, text, len) == -1 || l.n == 0 ||
	    strcmp(l.v[0], "---") != 0) {
		lines_dispose(&l);
		return NULL;
	}
	for (close = 1; close < l.n && strcmp(l.v[close], "---") != 0; close++)
		;
	if ((at = fm_find(&l, close, "crm_id")) != -1)
		id = fm_unquote(strchr(l.v[at], ':') + 1);
	lines_dispose(&l);
	if (id != NULL && *id == '\0') {
		free(id);
		id = NULL;
	}
	return id;
}

int
import_skeleton(struct buf *out, const char *tmpl, size_t tlen,
    const char *client, const char *id)
{
	const char	*p = tmpl, *end = tmpl + tlen;
	int		 rc = 0;

	while (p < end && rc == 0) {
		if (end - p >= 10 && strncmp(p, "{{client}}", 10) == 0) {
			rc = md_put_yaml(out, client);
			p += 10;
		} else if (end - p >= 8 && strncmp(p, "{{deal}}", 8) == 0) {
			rc = buf_puts(out, id);
			p += 8;
		} else if (end - p >= 12 && strncmp(p, " {{segment}}", 12)
		    == 0)
			p += 12;
		else
			rc = buf_putc(out, *p++);
	}
	return rc;
}
