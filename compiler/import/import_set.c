/* SPDX-License-Identifier: MIT */
/*
 * import_set.c: the deals and contacts read from every export of one run,
 * joined: links (contact roles, associations) attached to their deal,
 * every linked contact checked to exist, and every deal given its id.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fsutil.h"
#include "import.h"

void
import_set_init(struct imp_set *s)
{
	memset(s, 0, sizeof(*s));
}

static void
set_link_dispose(struct imp_link *l)
{
	free(l->contact);
	free(l->role);
	free(l->file);
}

void
import_set_dispose(struct imp_set *s)
{
	size_t	 i, j;

	for (i = 0; i < s->ndeal; i++) {
		struct imp_deal *d = &s->deal[i];

		free(d->crm_id); free(d->name); free(d->client);
		free(d->amount); free(d->currency); free(d->close);
		free(d->stage); free(d->skip_why); free(d->owner);
		free(d->owner_email); free(d->id); free(d->file);
		for (j = 0; j < d->nlink; j++)
			set_link_dispose(&d->link[j]);
		free(d->link);
	}
	free(s->deal);
	for (i = 0; i < s->ncontact; i++) {
		free(s->contact[i].id); free(s->contact[i].name);
		free(s->contact[i].email); free(s->contact[i].title);
		free(s->contact[i].file);
	}
	free(s->contact);
	for (i = 0; i < s->npending; i++) {
		set_link_dispose(&s->pending[i]);
		free(s->pending_deal[i]);
	}
	free(s->pending);
	free(s->pending_deal);
	import_set_init(s);
}

/* Grow *v (of *n elements of size sz) by one zeroed element. */
static void *
set_grow(void **v, size_t *n, size_t sz)
{
	char	*p;

	if ((p = realloc(*v, (*n + 1) * sz)) == NULL)
		return NULL;
	*v = p;
	memset(p + *n * sz, 0, sz);
	return p + (*n)++ * sz;
}

struct imp_deal *
import_set_deal(struct imp_set *s, const char *file, unsigned line)
{
	struct imp_deal	*d;

	if ((d = set_grow((void **)&s->deal, &s->ndeal, sizeof(*d))) == NULL)
		return NULL;
	d->line = line;
	if ((d->file = strdup(file)) == NULL)
		return NULL;
	return d;
}

struct imp_contact *
import_set_contact(struct imp_set *s, const char *file, unsigned line)
{
	struct imp_contact *c;

	c = set_grow((void **)&s->contact, &s->ncontact, sizeof(*c));
	if (c == NULL)
		return NULL;
	c->line = line;
	if ((c->file = strdup(file)) == NULL)
		return NULL;
	return c;
}

int
import_set_link(struct imp_set *s, const char *deal, const char *contact,
    const char *role, int primary, const char *file, unsigned line)
{
	struct imp_link	*l;
	char		**pd;

	if ((pd = realloc(s->pending_deal, (s->npending + 1) *
	    sizeof(*pd))) == NULL)
		return -1;
	s->pending_deal = pd;
	l = set_grow((void **)&s->pending, &s->npending, sizeof(*l));
	if (l == NULL)
		return -1;
	pd[s->npending - 1] = strdup(deal);
	l->contact = strdup(contact);
	l->role = strdup(role ? role : "");
	l->primary = primary;
	l->file = strdup(file);
	l->line = line;
	return pd[s->npending - 1] && l->contact && l->role && l->file ?
	    0 : -1;
}

struct imp_deal *
import_set_find_deal(struct imp_set *s, const char *crm_id)
{
	size_t	 i;

	for (i = 0; i < s->ndeal; i++)
		if (s->deal[i].crm_id != NULL &&
		    strcmp(s->deal[i].crm_id, crm_id) == 0)
			return &s->deal[i];
	return NULL;
}

struct imp_contact *
import_set_find_contact(const struct imp_set *s, const char *id)
{
	size_t	 i;

	for (i = 0; i < s->ncontact; i++)
		if (strcmp(s->contact[i].id, id) == 0)
			return &s->contact[i];
	return NULL;
}

/* Move a pending link to its deal, merging a repeat of a contact. */
static int
set_attach(struct imp_deal *d, struct imp_link *l)
{
	struct imp_link	*t;
	size_t		 i;

	for (i = 0; i < d->nlink; i++) {
		t = &d->link[i];
		if (strcmp(t->contact, l->contact) != 0)
			continue;
		t->primary |= l->primary;
		if (t->role[0] == '\0' && l->role[0] != '\0') {
			free(t->role);
			t->role = l->role;
			l->role = NULL;
		}
		set_link_dispose(l);
		return 0;
	}
	if ((t = set_grow((void **)&d->link, &d->nlink, sizeof(*t))) == NULL)
		return -1;
	*t = *l;
	return 0;
}

static int
set_links(struct imp_set *s, struct diag_list *dl)
{
	struct imp_deal	*d;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < s->npending; i++) {
		struct imp_link *l = &s->pending[i];

		if ((d = import_set_find_deal(s, s->pending_deal[i])) == NULL) {
			/* a contact of a deal not exported: not ours */
			set_link_dispose(l);
		} else if (import_set_find_contact(s, l->contact) == NULL) {
			diag_add_hint(dl, diag_pos_line(l->file, l->line),
			    RULE_INVALID_VALUE, "export the contacts too and "
			    "name both files: 'handoff import CRM DEALS.csv "
			    "CONTACTS.csv'", "contact %s of deal %s is not "
			    "in any contacts file given", l->contact,
			    d->crm_id);
			set_link_dispose(l);
			rc = -1;
		} else if (set_attach(d, l) == -1)
			return -1;
		free(s->pending_deal[i]);
	}
	s->npending = 0;
	return rc;
}

/* Give every imported deal its id; one id for two deals is an error. */
static int
set_ids(struct imp_set *s, const struct imp_map *m, struct diag_list *dl)
{
	const char	*fixed;
	size_t		 i, j;
	int		 rc = 0;

	for (i = 0; i < s->ndeal; i++) {
		struct imp_deal *d = &s->deal[i];

		if (d->stage == NULL)
			continue;
		fixed = import_map_id(m, d->crm_id);
		d->id = fixed ? strdup(fixed) : import_slug(d->client, m);
		if (d->id == NULL || !fs_deal_id_ok(d->id)) {
			diag_add_hint(dl, diag_pos_line(d->file, d->line),
			    RULE_DEAL_ID, "name it under 'import: ids:' in "
			    "handoff.yml", "client '%s' gives no deal id",
			    d->client);
			rc = -1;
			continue;
		}
		for (j = 0; j < i; j++)
			if (s->deal[j].id != NULL &&
			    strcmp(s->deal[j].id, d->id) == 0) {
				diag_add_hint(dl, diag_pos_line(d->file,
				    d->line), RULE_DEAL_ID, "give one of them "
				    "its own id under 'import: ids:' in "
				    "handoff.yml ('CRM-ID: deal-id')",
				    "deals %s and %s (line %u) would both be "
				    "deals/%s.md", d->crm_id, s->deal[j].crm_id,
				    s->deal[j].line, d->id);
				rc = -1;
			}
	}
	return rc;
}

int
import_set_resolve(struct imp_set *s, const struct imp_map *m,
    struct diag_list *dl)
{
	int	 rc = set_links(s, dl);

	return set_ids(s, m, dl) | rc;
}
