/* SPDX-License-Identifier: MIT */
/*
 * session.c: load what every command shares (config, schema, today) and
 * chain the phases for one deal: bytes -> front end -> canonical tree ->
 * validation.  The command prints; nothing here does.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "deal_name.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "parse.h"
#include "schema.h"
#include "read/read_resolve.h"
#include "session.h"

/* Today's date in the team's time zone, from the clock. */
static int
session_local_today(long long now, const char *tz)
{
	struct tm	 tm;
	time_t		 t = (time_t)now;
	char		*old = NULL;
	const char	*cur;
	int		 day;

	if (tz != NULL && *tz != '\0') {
		if ((cur = getenv("TZ")) != NULL)
			old = strdup(cur);
		setenv("TZ", tz, 1);
		tzset();
	}
	localtime_r(&t, &tm);
	day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	if (tz != NULL && *tz != '\0') {
		if (old != NULL)
			setenv("TZ", old, 1);
		else
			unsetenv("TZ");
		tzset();
		free(old);
	}
	return day;
}

/*
 * handoff.yml's 'required:' names schema fields: a typo ('deal/go_live')
 * would raise nothing, silently.  0, or -1 after a diagnostic.
 */
static int
session_check_required(const struct session *s, struct diag_list *dl)
{
	const struct field	*near;
	size_t			 i;
	int			 rc = 0;

	for (i = 0; i < s->config.nrequired; i++) {
		if (schema_field(s->schema, s->config.required[i]) != NULL)
			continue;
		near = schema_field_near(s->schema, s->config.required[i]);
		diag_add(dl, diag_pos_line(s->config.file ? s->config.file :
		    "handoff.yml", s->config.required_line[i]), RULE_CONFIG,
		    "required: no field '%s' in the schema%s%s%s",
		    s->config.required[i], near ? "; did you mean '" : "",
		    near ? near->path : "", near ? "'?" : "");
		rc = -1;
	}
	return rc;
}

int
session_open(struct session *s, const char *root, int today, long long now,
    struct diag_list *dl)
{
	char	*cfg = NULL, *dir = NULL;
	int	 rc = -1;

	memset(s, 0, sizeof(*s));
	config_init(&s->config);
	if ((s->root = strdup(root ? root : ".")) == NULL ||
	    (cfg = fs_join(s->root, "handoff.yml")) == NULL ||
	    (dir = fs_join(s->root, "schemas")) == NULL)
		goto out;
	if (config_load(&s->config, cfg, 0, dl) == -1)
		goto out;
	if ((s->schema = schema_load_team(dir, !s->config.playbooks_no_builtin,
	    dl)) == NULL ||
	    session_check_required(s, dl) == -1)
		goto out;
	s->now = now;
	s->today = today >= 0 ? today :
	    session_local_today(now, s->config.timezone);
	rc = 0;
out:
	free(cfg);
	free(dir);
	return rc;
}

void
session_close(struct session *s)
{
	schema_free(s->schema);
	config_dispose(&s->config);
	free(s->root);
	memset(s, 0, sizeof(*s));
}

struct model *
session_check(const struct session *s, const char *file, const char *data,
    size_t len, struct verdict *v, struct diag_list *dl)
{
	struct model	*m;
	size_t		 before;

	memset(v, 0, sizeof(*v));
	v->signed_day = v->deadline = -1;
	if (parse_check_bytes(file, data, len, &s->config.limits, dl) == -1)
		return NULL;
	if ((m = parse_any(file, data, len, &s->config.limits, dl)) == NULL)
		return NULL;
	if (read_resolve(m, &s->config, s->today) == -1) {
		diag_add(dl, diag_pos_line(file, 0), RULE_IO,
		    "out of memory reading the dates");
		model_free(m);
		return NULL;
	}
	if (validate_model(v, m, s->schema, &s->config, s->today, dl) == -1) {
		model_free(m);
		return NULL;
	}
	before = diag_list_count(dl, SEV_ERROR);
	deal_name_check(dl, m, file);
	v->errors += diag_list_count(dl, SEV_ERROR) - before;
	return m;
}

struct model *
session_check_file(const struct session *s, const char *path,
    struct verdict *v, struct diag_list *dl)
{
	struct model	*m;
	char		*data = NULL;
	size_t		 len;
	int		 rc;

	memset(v, 0, sizeof(*v));
	v->signed_day = v->deadline = -1;
	rc = fs_read(path, s->config.limits.max_file_size, &data, &len);
	if (rc == -2) {
		diag_add(dl, diag_pos_line(path, 0), RULE_FILE_TOO_LARGE,
		    "file is larger than %zu bytes",
		    s->config.limits.max_file_size);
		return NULL;
	}
	if (rc == -1) {
		diag_add(dl, diag_pos_line(path, 0), RULE_IO,
		    "cannot read: %s", fs_strerror(errno));
		return NULL;
	}
	m = session_check(s, path, data, len, v, dl);
	free(data);
	return m;
}
