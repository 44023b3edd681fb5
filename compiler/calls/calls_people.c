/* SPDX-License-Identifier: MIT */
/*
 * calls_people.c: match a call's speakers to the deal's people (phase:
 * calls).  The deal file is parsed with the ordinary front end; names are
 * folded with utf8proc (NFKD, marks stripped, case folded, spaces and
 * dots collapsed) so "Jurgen Bohm" is Jürgen Böhm and "zoë" is Zoë.  A
 * first name matches only when one person of the deal has it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "calls/calls_people.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "parse.h"

/* The name folded for comparison (malloc'd), or NULL. */
static char *
fold_name(const char *s)
{
	utf8proc_uint8_t	*r = NULL;
	char			*o;
	size_t			 i, j = 0;

	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &r,
	    UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	    UTF8PROC_CASEFOLD) < 0)
		return NULL;
	o = (char *)r;
	for (i = 0; o[i] != '\0'; i++) {
		if (o[i] == '.' || o[i] == ' ' || o[i] == '\t' || o[i] == '_') {
			if (j > 0 && o[j - 1] != ' ')
				o[j++] = ' ';
			continue;
		}
		o[j++] = o[i];
	}
	while (j > 0 && o[j - 1] == ' ')
		j--;
	o[j] = '\0';
	return o;
}

static char *
lower_dup(const char *s)
{
	char	*r = strdup(s), *p;

	for (p = r; p != NULL && *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

static int
people_add(struct call_people *p, const char *name, const char *email,
    const char *role, enum call_side side)
{
	struct call_person	*np;

	if (name[0] == '\0' && email[0] == '\0')
		return 0;
	if ((np = realloc(p->v, (p->n + 1) * sizeof(*np))) == NULL)
		return -1;
	p->v = np;
	np = &p->v[p->n];
	np->name = strdup(name[0] ? name : email);
	np->key = fold_name(name);
	np->email = lower_dup(email);
	np->role = role;
	np->side = side;
	if (np->name == NULL || np->key == NULL || np->email == NULL) {
		free(np->name);
		free(np->key);
		free(np->email);
		return -1;
	}
	p->n++;
	return 0;
}

/* Our e-mail domain from an AE or CSM address. */
static int
people_domain(struct call_people *p, const char *email)
{
	const char	*at = strchr(email, '@');

	if (p->domain != NULL || at == NULL || at[1] == '\0')
		return 0;
	return (p->domain = lower_dup(at + 1)) == NULL ? -1 : 0;
}

int
calls_people_load(struct call_people *p, const char *file, const char *text,
    size_t len)
{
	struct diag_list	 dl;
	struct limits		 lim;
	struct model		*m;
	xmlNodePtr		 rel, s;
	static const char *const vendor[] = { "ae", "csm" };
	static const char *const role[] = { "AE", "CSM" };
	char			 name[32], email[32];
	int			 rc = 0, i;

	memset(p, 0, sizeof(*p));
	memset(&lim, 0, sizeof(lim));
	lim.max_file_size = 16u << 20;
	lim.max_depth = 32;
	lim.max_table_rows = 1000;
	lim.max_table_cols = 32;
	lim.max_template_depth = 32;
	diag_list_init(&dl);
	m = parse_any(file, text, len, &lim, &dl);
	diag_list_dispose(&dl);
	for (i = 0; m != NULL && i < 2; i++) {
		snprintf(name, sizeof(name), "deal/%s/name", vendor[i]);
		snprintf(email, sizeof(email), "deal/%s/email", vendor[i]);
		rc |= people_add(p, model_get(m, name), model_get(m, email),
		    role[i], SIDE_VENDOR);
		rc |= people_domain(p, model_get(m, email));
	}
	rel = m ? model_find(m, "relationships") : NULL;
	for (s = rel ? model_child(rel, "stakeholder") : NULL; s != NULL;
	    s = model_next(s, "stakeholder"))
		rc |= people_add(p, model_text(model_child(s, "name")),
		    model_text(model_child(s, "email")), "stakeholder",
		    SIDE_CLIENT);
	model_free(m);
	if (p->domain == NULL)
		p->domain = strdup("");
	return rc != 0 || p->domain == NULL ? -1 : 0;
}

void
calls_people_dispose(struct call_people *p)
{
	size_t	 i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].name);
		free(p->v[i].key);
		free(p->v[i].email);
	}
	free(p->v);
	free(p->domain);
	memset(p, 0, sizeof(*p));
}

/* The first word of a folded name is key (folded too). */
static int
first_is(const char *name_key, const char *key)
{
	size_t	 kl = strlen(key);

	return kl > 0 && strncmp(name_key, key, kl) == 0 &&
	    name_key[kl] == ' ';
}

static const struct call_person *
match_key(const struct call_people *p, const char *key)
{
	const struct call_person	*hit = NULL;
	size_t				 i, nfirst = 0;

	for (i = 0; i < p->n; i++)
		if (p->v[i].key[0] != '\0' && strcmp(p->v[i].key, key) == 0)
			return &p->v[i];
	if (strchr(key, ' ') != NULL)
		return NULL;
	for (i = 0; i < p->n; i++)
		if (first_is(p->v[i].key, key)) {
			hit = &p->v[i];
			nfirst++;
		}
	return nfirst == 1 ? hit : NULL;
}

static const struct call_person *
match_email(const struct call_people *p, const char *email)
{
	size_t	 i;

	if (email == NULL || strchr(email, '@') == NULL)
		return NULL;
	for (i = 0; i < p->n; i++)
		if (p->v[i].email[0] && strcasecmp(p->v[i].email, email) == 0)
			return &p->v[i];
	return NULL;
}

const struct call_person *
calls_people_match(const struct call_people *p, const struct call *c,
    const char *speaker)
{
	const struct call_party		*party = call_party_of(c, speaker);
	const struct call_person	*hit;
	char				*key;

	if (speaker[0] == '\0')
		return NULL;
	if ((hit = match_email(p, party ? party->email : NULL)) != NULL ||
	    (hit = match_email(p, speaker)) != NULL)
		return hit;
	if ((key = fold_name(speaker)) == NULL)
		return NULL;
	hit = match_key(p, key);
	free(key);
	return hit;
}

enum call_side
calls_people_side(const struct call_people *p, const struct call *c,
    const char *speaker)
{
	const struct call_person	*hit = calls_people_match(p, c, speaker);
	const struct call_party		*party;
	const char			*at;

	if (hit != NULL)
		return hit->side;
	if ((party = call_party_of(c, speaker)) == NULL)
		return SIDE_UNKNOWN;
	at = strchr(party->email, '@');
	if (at != NULL && p->domain[0] && strcasecmp(at + 1, p->domain) == 0)
		return SIDE_VENDOR;
	if (at != NULL && p->domain[0] && party->side == SIDE_UNKNOWN)
		return SIDE_CLIENT;	/* someone else's domain */
	return party->side;
}

const char *
calls_people_name(const struct call_people *p, const struct call *c,
    const char *speaker)
{
	const struct call_person	*hit = calls_people_match(p, c, speaker);

	return hit ? hit->name : speaker;
}
