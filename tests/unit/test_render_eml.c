/* SPDX-License-Identifier: MIT */
/* test_render_eml.c: the intro and notice e-mails from a canonical tree:
 * recipients, the configured sender, header injection refused at the
 * field's line, and the template path when no templates are loaded. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "render.h"
#include "rules.h"

/* A deal with %s for the client name and %s for the stakeholders. */
static const char deal_fmt[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<handoff xmlns=\"urn:x-handoff:1\" version=\"1\">\n"
    "  <deal>\n"
    "    <client>%s</client>\n"			/* line 4 */
    "    <id>nordlicht-energie</id>\n"
    "    <segment>enterprise</segment>\n"
    "    <stage>signed</stage>\n"
    "    <signed>2026-11-18</signed>\n"
    "    <ae><name>Zoë Müller</name>"
    "<email>zoe.mueller@vendor.example</email></ae>\n"
    "    <csm><name>Sam Okafor</name>"
    "<email>sam.okafor@vendor.example</email></csm>\n"
    "  </deal>\n"
    "  <relationships>\n"
    "%s"						/* line 13 */
    "  </relationships>\n"
    "</handoff>\n";

static const char people_primary[] =
    "    <stakeholder><name>Henrik Ærø</name><role>economic-buyer</role>"
    "<email>henrik.aero@nordlicht.example</email>"
    "<notes>Signs off budgets</notes></stakeholder>\n"
    "    <stakeholder primary=\"true\"><name>Katarzyna Wiśniewska</name>"
    "<role>champion</role><email>k.wisniewska@nordlicht.example</email>"
    "</stakeholder>\n";

static struct model *
deal(const char *client, const char *people)
{
	char		*xml;
	int		 n;
	xmlDocPtr	 doc;
	struct model	*m;

	n = snprintf(NULL, 0, deal_fmt, client, people);
	xml = malloc((size_t)n + 1);
	assert_non_null(xml);
	snprintf(xml, (size_t)n + 1, deal_fmt, client, people);
	doc = xmlReadMemory(xml, n, "deal.xml", NULL, XML_PARSE_NONET |
	    XML_PARSE_BIG_LINES);
	assert_non_null(doc);
	m = model_wrap(doc, "deals/nordlicht-energie.xml", MODEL_SRC_XML);
	assert_non_null(m);
	free(xml);
	return m;
}

static void
ctx(struct render_ctx *rc, const struct model *m, const struct config *c)
{
	memset(rc, 0, sizeof(*rc));
	rc->m = m;
	rc->c = c;
	rc->version = "a1b2c3d";
	rc->now = 1794994205LL;
	rc->today = 20775;
}

/* True when the header block of msg has a line starting with name ':'. */
static int
has_header(const char *msg, const char *name)
{
	const char	*end = strstr(msg, "\r\n\r\n"), *p = msg;
	size_t		 n = strlen(name);

	while (p != NULL && p < end) {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':')
			return 1;
		if ((p = strstr(p, "\r\n")) != NULL)
			p += 2;
	}
	return 0;
}

static void
test_render_eml__intro_people(void **state)
{
	struct model	*m = deal("Nordlicht Energie GmbH", people_primary);
	struct config	 c;
	struct render_ctx rc;
	struct diag_list dl;
	struct buf	 out;

	(void)state;
	config_init(&c);
	ctx(&rc, m, &c);
	diag_list_init(&dl);
	buf_init(&out);
	assert_int_equal(render_eml_intro_parts(&out, &rc,
	    "\n  Welcome, Nordlicht Energie GmbH \n", "Hello\n", "<p>Hello</p>\n",
	    &dl), 0);
	assert_int_equal(dl.n, 0);
	assert_non_null(strstr(out.data,
	    "From: =?UTF-8?Q?Zo=C3=AB_M=C3=BCller?= <zoe.mueller@vendor.example>"
	    "\r\n"));
	/* only the primary contact, not the economic buyer */
	assert_non_null(strstr(out.data, "To: =?UTF-8?Q?Katarzyna_Wi=C5=9B"
	    "niewska?= <k.wisniewska@nordlicht.example>\r\n"));
	assert_null(strstr(out.data, "henrik"));
	assert_non_null(strstr(out.data,
	    "Cc: Sam Okafor <sam.okafor@vendor.example>\r\n"));
	/* the subject is trimmed of the template's white space */
	assert_non_null(strstr(out.data,
	    "Subject: Welcome, Nordlicht Energie GmbH\r\n"));
	assert_non_null(strstr(out.data, "Date: Wed, 18 Nov 2026 09:30:05 +0000\r\n"));
	assert_non_null(strstr(out.data, "X-Unsent: 1\r\n"));
	assert_non_null(strstr(out.data, "X-Handoff-Version: a1b2c3d\r\n"));
	assert_non_null(strstr(out.data, "multipart/alternative"));
	/* internal notes never go anywhere near the message */
	assert_null(strstr(out.data, "Signs off"));
	buf_dispose(&out);
	diag_list_dispose(&dl);
	config_dispose(&c);
	model_free(m);
}

static void
test_render_eml__champion_fallback_and_no_contact(void **state)
{
	static const char champion[] =
	    "    <stakeholder><name>Aoife Byrne</name><role>user</role>"
	    "<email>aoife@nordlicht.example</email></stakeholder>\n"
	    "    <stakeholder><name>Jürgen Böhm</name><role>technical</role>"
	    "<role>champion</role><email>juergen@nordlicht.example</email>"
	    "</stakeholder>\n";
	static const char nobody[] =
	    "    <stakeholder primary=\"true\"><name>No Mail</name>"
	    "<role>champion</role></stakeholder>\n";
	struct model	*m = deal("Nordlicht", champion);
	struct render_ctx rc;
	struct diag_list dl;
	struct buf	 out;

	(void)state;
	ctx(&rc, m, NULL);
	diag_list_init(&dl);
	buf_init(&out);
	assert_int_equal(render_eml_intro_parts(&out, &rc, "Hi", "x\n", "y\n",
	    &dl), 0);
	assert_non_null(strstr(out.data, "To: =?UTF-8?Q?J=C3=BCrgen_B=C3=B6hm?="
	    " <juergen@nordlicht.example>\r\n"));
	assert_null(strstr(out.data, "aoife@"));
	model_free(m);
	buf_dispose(&out);
	m = deal("Nordlicht", nobody);
	ctx(&rc, m, NULL);
	assert_int_equal(render_eml_intro_parts(&out, &rc, "Hi", "x\n", "y\n",
	    &dl), -1);
	assert_int_equal(out.len, 0);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].rule, RULE_PRIMARY_CONTACT);
	assert_int_equal(dl.v[0].line, 12);	/* <relationships> */
	diag_list_dispose(&dl);
	model_free(m);
}

static void
test_render_eml__configured_sender(void **state)
{
	struct model	*m = deal("Nordlicht", people_primary);
	struct config	 c;
	struct render_ctx rc;
	struct diag_list dl;
	struct buf	 out;

	(void)state;
	config_init(&c);
	c.sender = strdup("Vendor Success <success@vendor.example>");
	ctx(&rc, m, &c);
	diag_list_init(&dl);
	buf_init(&out);
	assert_int_equal(render_eml_intro_parts(&out, &rc, "Hi", "x\n", "y\n",
	    &dl), 0);
	assert_non_null(strstr(out.data,
	    "From: Vendor Success <success@vendor.example>\r\n"));
	assert_non_null(strstr(out.data, "<zoe.mueller@vendor.example>"));
	assert_non_null(strstr(out.data, "<sam.okafor@vendor.example>"));
	assert_non_null(strstr(out.data, "Message-ID: <nordlicht-energie.intro."));
	assert_non_null(strstr(out.data, "@vendor.example>\r\n"));
	buf_dispose(&out);
	diag_list_dispose(&dl);
	config_dispose(&c);
	model_free(m);
}

static void
test_render_eml__client_header_injection(void **state)
{
	struct model	*m = deal("Acme&#13;&#10;Bcc: attacker@evil.example",
	    people_primary);
	struct render_ctx rc;
	struct diag_list dl;
	struct buf	 out;

	(void)state;
	/* the XML front end keeps the CR LF of character references */
	assert_non_null(strstr(model_get(m, "deal/client"), "\r\nBcc:"));
	ctx(&rc, m, NULL);
	diag_list_init(&dl);
	buf_init(&out);
	assert_int_equal(render_eml_intro_parts(&out, &rc,
	    "Welcome, Acme\r\nBcc: attacker@evil.example", "x\n", "y\n", &dl),
	    -1);
	assert_int_equal(out.len, 0);
	assert_true(dl.n >= 1);
	assert_int_equal(dl.v[0].rule, RULE_HEADER_INJECTION);
	assert_int_equal(dl.v[0].line, 4);
	assert_string_equal(dl.v[0].file, "deals/nordlicht-energie.xml");
	/* the message shows the value without breaking the diagnostic line */
	assert_non_null(strstr(dl.v[0].msg, "Acme\\r\\nBcc"));
	assert_null(strchr(dl.v[0].msg, '\n'));
	diag_list_dispose(&dl);
	diag_list_init(&dl);
	assert_int_equal(render_eml_notice_parts(&out, &rc, "Handoff", "x\n",
	    "%PDF-1.4", 8, &dl), -1);
	assert_int_equal(out.len, 0);
	assert_int_equal(dl.v[0].rule, RULE_HEADER_INJECTION);
	buf_dispose(&out);
	diag_list_dispose(&dl);
	model_free(m);
}

static void
test_render_eml__stakeholder_and_subject_injection(void **state)
{
	static const char evil[] =
	    "    <stakeholder primary=\"true\">\n"
	    "      <name>Kat&#10;Bcc: x@evil.example</name>\n"	/* line 14 */
	    "      <email>k@nordlicht.example</email>\n"
	    "    </stakeholder>\n";
	static const char evil_mail[] =
	    "    <stakeholder primary=\"true\"><name>Kat</name>"
	    "<email>k@nordlicht.example&#13;&#10;Bcc: x@evil.example</email>"
	    "</stakeholder>\n";
	struct model	*m = deal("Nordlicht", evil);
	struct render_ctx rc;
	struct diag_list dl;
	struct buf	 out;

	(void)state;
	ctx(&rc, m, NULL);
	diag_list_init(&dl);
	buf_init(&out);
	assert_int_equal(render_eml_intro_parts(&out, &rc, "Hi", "x\n", "y\n",
	    &dl), -1);
	assert_int_equal(out.len, 0);
	assert_int_equal(dl.v[0].rule, RULE_HEADER_INJECTION);
	assert_int_equal(dl.v[0].line, 14);
	diag_list_dispose(&dl);
	model_free(m);
	m = deal("Nordlicht", evil_mail);
	ctx(&rc, m, NULL);
	diag_list_init(&dl);
	assert_int_equal(render_eml_intro_parts(&out, &rc, "Hi", "x\n", "y\n",
	    &dl), -1);
	assert_int_equal(dl.v[0].rule, RULE_HEADER_INJECTION);
	assert_int_equal(dl.v[0].line, 13);
	assert_int_equal(out.len, 0);
	diag_list_dispose(&dl);
	model_free(m);
	/* a template that puts a line break inside the subject */
	m = deal("Nordlicht", people_primary);
	ctx(&rc, m, NULL);
	diag_list_init(&dl);
	assert_int_equal(render_eml_intro_parts(&out, &rc,
	    "Hi\nBcc: x@evil.example\n", "x\n", "y\n", &dl), -1);
	assert_int_equal(dl.v[0].rule, RULE_HEADER_INJECTION);
	assert_int_equal(out.len, 0);
	buf_dispose(&out);
	diag_list_dispose(&dl);
	model_free(m);
}

static void
test_render_eml__notice_attachment(void **state)
{
	struct model	*m = deal("Nordlicht Energie GmbH", people_primary);
	struct render_ctx rc;
	struct diag_list dl;
	struct buf	 out;

	(void)state;
	ctx(&rc, m, NULL);
	diag_list_init(&dl);
	buf_init(&out);
	assert_int_equal(render_eml_notice_parts(&out, &rc, "Handoff ready",
	    "Please acknowledge.\n", "%PDF-1.4\n", 9, &dl), 0);
	assert_non_null(strstr(out.data,
	    "To: Sam Okafor <sam.okafor@vendor.example>\r\n"));
	assert_false(has_header(out.data, "Cc"));
	assert_non_null(strstr(out.data, "multipart/mixed"));
	assert_non_null(strstr(out.data,
	    "filename=\"handoff-package-nordlicht-energie.pdf\""));
	assert_non_null(strstr(out.data, "JVBERi0xLjQK"));	/* %PDF-1.4\n */
	assert_non_null(strstr(out.data, "Message-ID: <nordlicht-energie.notice."));
	buf_clear(&out);
	/* no PDF: a plain text message */
	assert_int_equal(render_eml_notice_parts(&out, &rc, "Handoff ready",
	    "Please acknowledge.\n", NULL, 0, &dl), 0);
	assert_null(strstr(out.data, "multipart"));
	assert_non_null(strstr(out.data, "Content-Type: text/plain; "
	    "charset=UTF-8\r\n"));
	assert_int_equal(dl.n, 0);
	buf_dispose(&out);
	diag_list_dispose(&dl);
	model_free(m);
}

static void
test_render_eml__no_templates_is_an_error(void **state)
{
	struct model	*m = deal("Nordlicht", people_primary);
	struct render_ctx rc;
	struct diag_list dl;
	struct buf	 out;

	(void)state;
	ctx(&rc, m, NULL);
	diag_list_init(&dl);
	buf_init(&out);
	assert_int_equal(render_eml_intro(&out, &rc, &dl), -1);
	assert_int_equal(dl.n, 1);
	assert_int_equal(render_eml_notice(&out, &rc, "%PDF", 4, &dl), -1);
	assert_int_equal(dl.n, 2);
	assert_int_equal(out.len, 0);
	buf_dispose(&out);
	diag_list_dispose(&dl);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_eml__intro_people),
		cmocka_unit_test(test_render_eml__champion_fallback_and_no_contact),
		cmocka_unit_test(test_render_eml__configured_sender),
		cmocka_unit_test(test_render_eml__client_header_injection),
		cmocka_unit_test(test_render_eml__stakeholder_and_subject_injection),
		cmocka_unit_test(test_render_eml__notice_attachment),
		cmocka_unit_test(test_render_eml__no_templates_is_an_error),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
