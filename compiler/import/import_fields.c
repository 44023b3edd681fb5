/* SPDX-License-Identifier: MIT */
/*
 * import_fields.c: a CRM deal as the front-matter values handoff writes
 * (the canonical forms the Markdown reader accepts: ISO dates, '84000
 * USD/year', 'Name <email>'), shared by the new file and the merge.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "import.h"

const char *const import_field_keys[IMP_F__MAX] = {
	"client", "stage", "signed", "ae", "value", "crm", "crm_id",
};

/* url with every '{id}' replaced by id. */
static char *
fields_url(const char *url, const char *id)
{
	struct buf	 b;
	const char	*p;

	buf_init(&b);
	while ((p = strstr(url, "{id}")) != NULL) {
		buf_put(&b, url, (size_t)(p - url));
		buf_puts(&b, id);
		url = p + 4;
	}
	buf_puts(&b, url);
	return buf_detach(&b);
}

int
import_fields_of(struct imp_fields *f, const struct imp_deal *d,
    const struct imp_map *m, enum imp_crm crm)
{
	struct buf	 b;
	const char	*url;

	memset(f, 0, sizeof(*f));
	f->v[IMP_F_CLIENT] = strdup(d->client ? d->client : "");
	f->v[IMP_F_STAGE] = strdup(d->stage);
	f->v[IMP_F_SIGNED] = strdup(strcmp(d->stage, "signed") == 0 &&
	    d->close ? d->close : "");
	buf_init(&b);
	if (d->owner_email != NULL && strchr(d->owner_email, '<') != NULL)
		buf_puts(&b, d->owner_email);	/* 'Name <email>' from the map */
	else if (d->owner != NULL || d->owner_email != NULL) {
		if (d->owner != NULL && strchr(d->owner, '@') == NULL &&
		    strspn(d->owner, "0123456789") != strlen(d->owner))
			buf_puts(&b, d->owner);
		if (d->owner_email != NULL)
			buf_printf(&b, b.len ? " <%s>" : "%s",
			    d->owner_email);
	}
	f->v[IMP_F_AE] = b.data ? buf_detach(&b) : strdup("");
	buf_dispose(&b);
	buf_init(&b);
	if (d->amount != NULL)
		buf_printf(&b, "%s %s/%s", d->amount, d->currency,
		    import_map_period(m));
	f->v[IMP_F_VALUE] = b.data ? buf_detach(&b) : strdup("");
	buf_dispose(&b);
	url = import_map_url(m, crm);
	f->v[IMP_F_CRM] = url ? fields_url(url, d->crm_id) : strdup("");
	f->v[IMP_F_CRM_ID] = strdup(d->crm_id);
	for (int i = 0; i < IMP_F__MAX; i++)
		if (f->v[i] == NULL)
			return -1;
	return 0;
}

void
import_fields_dispose(struct imp_fields *f)
{
	for (int i = 0; i < IMP_F__MAX; i++)
		free(f->v[i]);
}
