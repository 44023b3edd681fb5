/* SPDX-License-Identifier: MIT */
/* test_render_ics.c: timeline.ics: dates in business days with holidays,
 * per-segment timelines, stable UIDs, folding and TEXT escaping. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "render.h"
#include "rules.h"

static const char deal_fmt[] =
    "<handoff xmlns=\"urn:x-handoff:1\" version=\"1\">\n"
    "  <deal>\n"
    "    <client>%s</client>\n"
    "    <id>%s</id>\n"
    "    <segment>%s</segment>\n"
    "    %s\n"
    "    <ae><name>Zoë Müller</name><email>z@v.example</email></ae>\n"
    "    <csm><name>Sam Okafor</name><email>s@v.example</email></csm>\n"
    "  </deal>\n"
    "  <risks><risk><text>Group IT prefers an in-house build</text>"
    "</risk></risks>\n"
    "</handoff>\n";

static struct model *
deal(const char *client, const char *id, const char *segment,
    const char *signed_elem)
{
	char		 xml[4096];
	int		 n;
	xmlDocPtr	 doc;
	struct model	*m;

	n = snprintf(xml, sizeof(xml), deal_fmt, client, id, segment,
	    signed_elem);
	doc = xmlReadMemory(xml, n, "deal.xml", NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	m = model_wrap(doc, "deals/x.xml", MODEL_SRC_XML);
	assert_non_null(m);
	return m;
}

static char *
render(const struct model *m, const struct config *c, int expect)
{
	struct render_ctx rc;
	struct diag_list dl;
	struct buf	 out;
	char		*r;

	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.c = c;
	rc.now = 1794994205LL;
	diag_list_init(&dl);
	buf_init(&out);
	assert_int_equal(render_ics(&out, &rc, &dl), expect);
	diag_list_dispose(&dl);
	r = strdup(out.data != NULL ? out.data : "");
	assert_non_null(r);
	buf_dispose(&out);
	return r;
}

/* The unfolded value of the property name in the event with uid. */
static int
event_date(const char *ics, const char *uid_key, char out[9])
{
	const char	*p, *d;
	char		 uid[80];

	snprintf(uid, sizeof(uid), "UID:%s@handoff\r\n", uid_key);
	if ((p = strstr(ics, uid)) == NULL ||
	    (d = strstr(p, "DTSTART;VALUE=DATE:")) == NULL)
		return -1;
	memcpy(out, d + 19, 8);
	out[8] = '\0';
	return 0;
}

static size_t
count(const char *s, const char *sub)
{
	size_t	 n = 0;

	while ((s = strstr(s, sub)) != NULL) {
		n++;
		s += strlen(sub);
	}
	return n;
}

static void
test_render_ics__events_and_dates(void **state)
{
	struct model	*m = deal("Nordlicht Energie GmbH", "nordlicht-energie",
	    "enterprise", "<signed>2026-11-18</signed>");
	char		*ics, d[9];

	(void)state;
	ics = render(m, NULL, 0);
	assert_int_equal(strncmp(ics, "BEGIN:VCALENDAR\r\nPRODID:-//handoff//"
	    "handoff ", 35), 0);
	assert_non_null(strstr(ics, "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\n"));
	assert_int_equal(count(ics, "BEGIN:VEVENT\r\n"), 6);
	assert_int_equal(count(ics, "END:VEVENT\r\n"), 6);
	assert_int_equal(count(ics, "DTSTAMP:20261118T093005Z\r\n"), 6);
	/* signed Wed 18 Nov: call day 2 = Fri 20, mapping day 3 = Mon 23 */
	assert_int_equal(event_date(ics, "nordlicht-energie-call", d), 0);
	assert_string_equal(d, "20261120");
	assert_non_null(strstr(ics, "DTEND;VALUE=DATE:20261121\r\n"));
	assert_int_equal(event_date(ics, "nordlicht-energie-mapping", d), 0);
	assert_string_equal(d, "20261123");
	assert_int_equal(event_date(ics, "nordlicht-energie-feedback", d), 0);
	assert_string_equal(d, "20261230");
	/* enterprise: the escalation window is 60 business days */
	assert_int_equal(event_date(ics, "nordlicht-energie-escalation", d), 0);
	assert_string_equal(d, "20270210");
	/* the package step (internal acknowledgement) is not an event */
	assert_null(strstr(ics, "-package@handoff"));
	assert_null(strstr(ics, "in-house"));
	assert_non_null(strstr(ics, "SUMMARY:Joint handoff call: Nordlicht "
	    "Energie GmbH\r\n"));
	assert_non_null(strstr(ics, "Zoë Müller (AE) and Sam Okafor (CSM)"));
	assert_string_equal(ics + strlen(ics) - 15, "END:VCALENDAR\r\n");
	free(ics);
	model_free(m);
}

static void
test_render_ics__config_timelines_and_holidays(void **state)
{
	struct model	*m = deal("Acme", "acme", "smb",
	    "<signed>2026-12-22</signed>");
	struct config	 c;
	struct diag_list dl;
	static const char yml[] = "holidays: [2026-12-24, 2026-12-25, "
	    "2026-12-31, 2027-01-01]\ntimelines:\n  smb: { call: 1, "
	    "escalation: 10 }\n";
	char		*ics, d[9];

	(void)state;
	config_init(&c);
	diag_list_init(&dl);
	assert_int_equal(config_load_mem(&c, "handoff.yml", yml, strlen(yml),
	    &dl), 0);
	ics = render(m, &c, 0);
	/* Tue 22: +1 is Wed 23 */
	assert_int_equal(event_date(ics, "acme-call", d), 0);
	assert_string_equal(d, "20261223");
	/* +3 skips 24, 25 (holidays) and the weekend: 23, 28, 29 */
	assert_int_equal(event_date(ics, "acme-mapping", d), 0);
	assert_string_equal(d, "20261229");
	/* +10: 23 28 29 30 | 4 5 6 7 8 11 (31 and 1 are holidays) */
	assert_int_equal(event_date(ics, "acme-escalation", d), 0);
	assert_string_equal(d, "20270111");
	free(ics);
	/* the same deal without holidays gives other dates */
	ics = render(m, NULL, 0);
	assert_int_equal(event_date(ics, "acme-mapping", d), 0);
	assert_string_equal(d, "20261225");
	free(ics);
	config_dispose(&c);
	diag_list_dispose(&dl);
	model_free(m);
}

static void
test_render_ics__folding_and_escaping(void **state)
{
	struct model	*m = deal("Łódź Wiśniewska, Ærø &amp; Söhne; "
	    "Back\\slash Zażółć gęślą jaźń Zażółć gęślą jaźń Zażółć gęślą jaźń",
	    "lodz", "mid-market", "<signed>2026-11-18</signed>");
	char		*ics, *p, *e, *flat, *q;

	(void)state;
	ics = render(m, NULL, 0);
	/* at most 75 octets a line, never cut inside a UTF-8 sequence */
	for (p = ics; *p != '\0'; p = e + 2) {
		e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_true(e - p <= 75);
		assert_true(((unsigned char)*p & 0xc0) != 0x80);
		if (p != ics && p[-2] == '\r' && *p == ' ')
			assert_true(((unsigned char)p[1] & 0xc0) != 0x80);
	}
	flat = strdup(ics);
	while ((q = strstr(flat, "\r\n ")) != NULL)
		memmove(q, q + 3, strlen(q + 3) + 1);
	assert_non_null(strstr(flat, "SUMMARY:Joint handoff call: Łódź "
	    "Wiśniewska\\, Ærø & Söhne\\; Back\\\\slash Zażółć"));
	assert_non_null(strstr(flat, "\\nDone when: recorded\\, notes shared"));
	free(flat);
	free(ics);
	model_free(m);
}

static void
test_render_ics__unsigned_and_bad_id(void **state)
{
	struct model	*m = deal("Acme", "acme", "smb", "<stage>pre-close</stage>");
	char		*ics;

	(void)state;
	/* not signed: no timeline, no error */
	ics = render(m, NULL, 0);
	assert_string_equal(ics, "");
	free(ics);
	model_free(m);
	m = deal("Acme", "../etc/x", "smb", "<signed>2026-11-18</signed>");
	ics = render(m, NULL, -1);
	assert_string_equal(ics, "");
	free(ics);
	model_free(m);
}

static void
test_render_ics__uids_stable(void **state)
{
	struct model	*m = deal("Acme", "acme", "smb",
	    "<signed>2026-11-18</signed>");
	struct model	*m2 = deal("Acme Renamed", "acme", "smb",
	    "<signed>2026-11-20</signed>");
	char		*a, *b;
	const char	*pa, *pb;

	(void)state;
	a = render(m, NULL, 0);
	b = render(m2, NULL, 0);
	/* the same deal with new dates: the same UIDs in the same order */
	for (pa = a, pb = b; (pa = strstr(pa, "UID:")) != NULL; pa++, pb++) {
		pb = strstr(pb, "UID:");
		assert_non_null(pb);
		assert_memory_equal(pa, pb, (size_t)(strchr(pa, '\r') - pa));
	}
	free(a);
	free(b);
	model_free(m);
	model_free(m2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_ics__events_and_dates),
		cmocka_unit_test(test_render_ics__config_timelines_and_holidays),
		cmocka_unit_test(test_render_ics__folding_and_escaping),
		cmocka_unit_test(test_render_ics__unsigned_and_bad_id),
		cmocka_unit_test(test_render_ics__uids_stable),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
