/* SPDX-License-Identifier: MIT */
/* test_parse_xml.c: the hardened XML front end and the canonical XML out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "model.h"
#include "parse.h"
#include "render.h"

#define NS	"<handoff xmlns=\"urn:x-handoff:1\" version=\"1\">"
#define DECL	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

struct fx {
	struct limits		 lim;
	struct diag_list	 dl;
	struct model		*m;
	char			*xml;	/* canonical output */
};

static int
setup(void **state)
{
	struct fx	*f = calloc(1, sizeof(*f));

	f->lim.max_file_size = 1024 * 1024;
	f->lim.max_depth = 32;
	diag_list_init(&f->dl);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*f = *state;

	model_free(f->m);
	free(f->xml);
	diag_list_dispose(&f->dl);
	free(f);
	return 0;
}

/* Parse s as "t.xml"; keep the canonical output when there is a model. */
static struct model *
parse(struct fx *f, const char *s)
{
	f->m = parse_xml("t.xml", s, strlen(s), &f->lim, &f->dl);
	if (f->m != NULL)
		f->xml = model_to_xml(f->m, NULL);
	return f->m;
}

/* The only diagnostic has this rule and line. */
static void
assert_one(const struct fx *f, enum rule_id rule, unsigned line)
{
	assert_int_equal(f->dl.n, 1);
	assert_string_equal(rule_get(f->dl.v[0].rule)->id, rule_get(rule)->id);
	assert_int_equal(f->dl.v[0].line, line);
	assert_string_equal(f->dl.v[0].file, "t.xml");
	assert_null(strchr(f->dl.v[0].msg, '\n'));
}

static void
test_parse_xml__canonical_file_is_a_fixed_point(void **state)
{
	struct fx	*f = *state;
	char		*data = NULL;
	size_t		 len;

	assert_int_equal(fs_read("tests/regress/xml/nordlicht-prefixed.out_xml",
	    1 << 20, &data, &len), 0);
	f->m = parse_xml("n.xml", data, len, &f->lim, &f->dl);
	assert_non_null(f->m);
	assert_int_equal(f->dl.n, 0);
	f->xml = model_to_xml(f->m, NULL);
	assert_string_equal(f->xml, data);
	/* positions are the source lines */
	assert_int_equal(model_pos(f->m, model_find(f->m, "deal/client")).line,
	    4);
	assert_int_equal(model_pos(f->m,
	    model_find(f->m, "process/review/decision")).line, 198);
	free(data);
}

static void
test_parse_xml__prefixes_comments_and_space_are_normalised(void **state)
{
	struct fx	*f = *state;

	assert_non_null(parse(f,
	    "<?xml version='1.0' standalone='yes'?>\n<!-- c -->\n<?pi x?>\n"
	    "<h:handoff xmlns:h='urn:x-handoff:1'\n"
	    "  xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'\n"
	    "  xsi:schemaLocation='urn:x-handoff:1 handoff.xsd'>\n"
	    "  <h:deal><h:client>\n   Acme \t\n  Logistics </h:client>"
	    "<h:id><![CDATA[acme]]>-logistics</h:id></h:deal>\n"
	    "  <context xmlns='urn:x-handoff:1'><why-us><p>a <!-- x -->b"
	    " &amp; &#233;<?p?> c</p><p>   </p></why-us></context>\n"
	    "  <h:extra heading='  Compliance\n notes '/>\n"
	    "</h:handoff>\n<!-- after -->\n"));
	assert_int_equal(f->dl.n, 0);
	assert_string_equal(f->xml, DECL NS "\n"
	    "  <deal>\n    <client>Acme Logistics</client>\n"
	    "    <id>acme-logistics</id>\n  </deal>\n"
	    "  <context>\n    <why-us>\n      <p>a b &amp; \xc3\xa9 c</p>\n"
	    "      <p/>\n    </why-us>\n  </context>\n"
	    "  <extra heading=\"Compliance notes\"/>\n</handoff>\n");
}

static void
test_parse_xml__attribute_values_keep_ampersands(void **state)
{
	struct fx	*f = *state;

	assert_non_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\">"
	    "<extra heading=\" R&amp;D\t&amp;x [*a]&#9;&lt;b&gt; \"/>"
	    "<extra heading=\"Q&amp;A\"/></handoff>"));
	assert_int_equal(f->dl.n, 0);
	assert_string_equal(f->xml, DECL NS "\n"
	    "  <extra heading=\"R&amp;D &amp;x [*a] &lt;b&gt;\"/>\n"
	    "  <extra heading=\"Q&amp;A\"/>\n</handoff>\n");
}

static void
test_parse_xml__same_tree_as_model_new(void **state)
{
	struct fx	*f = *state;
	struct model	*m = model_new("x", MODEL_SRC_MD);
	char		*want;

	model_add(m, model_root(m), "deal", NULL, 1, 0, 0);
	model_add(m, model_find(m, "deal"), "client", "Zo\xc3\xab", 1, 0, 0);
	want = model_to_xml(m, NULL);
	assert_non_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\">"
	    "<deal>  <client> Zo\xc3\xab </client></deal></handoff>"));
	assert_string_equal(f->xml, want);
	free(want);
	model_free(m);
}

static void
test_parse_xml__doctype_is_refused(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, "<?xml version=\"1.0\"?>\n<!-- a\n b -->\n"
	    "<!DOCTYPE h [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
	    "<handoff xmlns=\"urn:x-handoff:1\">&x;</handoff>\n"));
	assert_one(f, RULE_XML_DOCTYPE, 4);
}

static void
test_parse_xml__doctype_any_case_no_subset(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, "\xef\xbb\xbf<!doctype handoff>\n<handoff/>"));
	assert_one(f, RULE_XML_DOCTYPE, 1);
}

static void
test_parse_xml__billion_laughs_is_refused(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
	    "<handoff xmlns=\"urn:x-handoff:1\">&c;</handoff>"));
	assert_one(f, RULE_XML_DOCTYPE, 1);
}

static void
test_parse_xml__doctype_words_in_comment_or_cdata_are_text(void **state)
{
	struct fx	*f = *state;

	assert_non_null(parse(f, "<!-- no <!DOCTYPE here -->\n"
	    "<handoff xmlns=\"urn:x-handoff:1\"><deal><client a=\"x>y\">"
	    "<![CDATA[<!DOCTYPE x>]]></client></deal></handoff>"));
	assert_int_equal(f->dl.n, 0);
	assert_string_equal(model_get(f->m, "deal/client"), "<!DOCTYPE x>");
}

static void
test_parse_xml__attribute_bomb_is_refused_before_libxml2(void **state)
{
	struct fx	*f = *state;
	struct buf	 b;
	int		 i;

	buf_init(&b);
	buf_puts(&b, "<handoff xmlns=\"urn:x-handoff:1\">\n<deal\n");
	for (i = 0; i < 90000; i++)
		buf_printf(&b, " a%d='>'", i);
	buf_puts(&b, "/></handoff>");
	assert_null(parse(f, b.data));	/* in quadratic time: 10 s */
	assert_one(f, RULE_XML_SYNTAX, 2);
	assert_non_null(strstr(f->dl.v[0].msg, "256 attributes"));
	buf_dispose(&b);
}

static void
test_parse_xml__undeclared_entity_is_a_syntax_error(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\">\n"
	    "<deal><client>&xxe;</client></deal></handoff>"));
	assert_one(f, RULE_XML_SYNTAX, 2);
	assert_non_null(strstr(f->dl.v[0].msg, "xxe"));
}

static void
test_parse_xml__syntax_error_once_with_line_and_column(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\">\n<deal>\n"
	    "  <client>x</deal>\n<<<>>></handoff"));
	assert_one(f, RULE_XML_SYNTAX, 3);
	assert_true(f->dl.v[0].col_known);
	assert_string_equal(f->dl.v[0].msg, "opening and ending tag "
	    "mismatch: client line 3 and deal");
}

static void
test_parse_xml__messages_are_for_people(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\">\n"
	    "<deal><client>Smith & Sons</client></deal></handoff>"));
	assert_one(f, RULE_XML_SYNTAX, 2);
	assert_string_equal(f->dl.v[0].msg, "a bare '&': write it as &amp;");
	diag_list_dispose(&f->dl);
	assert_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\">&#0;"
	    "</handoff>"));
	assert_one(f, RULE_XML_SYNTAX, 1);
	assert_string_equal(f->dl.v[0].msg, "invalid xmlChar value 0");
}

static void
test_parse_xml__nesting_is_bounded(void **state)
{
	struct fx	*f = *state;
	struct buf	 b;
	int		 i;

	buf_init(&b);
	buf_puts(&b, "<handoff xmlns=\"urn:x-handoff:1\">\n");
	for (i = 0; i < 100000; i++)
		buf_puts(&b, "<p>");
	assert_null(parse(f, b.data));
	assert_one(f, RULE_NESTING, 2);
	assert_non_null(strstr(f->dl.v[0].msg, "32"));
	buf_dispose(&b);
}

static void
test_parse_xml__libxml2_depth_limit_reported_once(void **state)
{
	struct fx	*f = *state;
	struct buf	 b;
	int		 i;

	f->lim.max_depth = 100000;
	buf_init(&b);
	buf_puts(&b, "<handoff xmlns=\"urn:x-handoff:1\">");
	for (i = 0; i < 1000; i++)
		buf_puts(&b, "<p>");
	for (i = 0; i < 1000; i++)
		buf_puts(&b, "</p>");
	buf_puts(&b, "</handoff>");
	assert_null(parse(f, b.data));
	assert_one(f, RULE_NESTING, 1);
	buf_dispose(&b);
}

static void
test_parse_xml__root_must_be_handoff_in_namespace(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, "<handoff version=\"1\"/>"));
	assert_one(f, RULE_XML_ROOT, 1);
	diag_list_dispose(&f->dl);
	assert_null(parse(f, "\n<deal xmlns=\"urn:x-handoff:1\"/>"));
	assert_one(f, RULE_XML_ROOT, 2);
}

static void
test_parse_xml__foreign_elements_warned_and_dropped(void **state)
{
	struct fx	*f = *state;

	assert_non_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\">\n"
	    "<deal><x:crm xmlns:x=\"urn:crm\">1</x:crm>\n<client x:a=\"b\" "
	    "xmlns:x=\"urn:y\">A</client></deal></handoff>"));
	assert_int_equal(f->dl.n, 2);
	assert_int_equal(f->dl.v[0].rule, RULE_XML_UNKNOWN);
	assert_int_equal(f->dl.v[0].line, 2);
	assert_int_equal(f->dl.v[1].line, 3);
	assert_string_equal(f->xml, DECL NS "\n  <deal>\n"
	    "    <client>A</client>\n  </deal>\n</handoff>\n");
}

static void
test_parse_xml__lines_past_65535(void **state)
{
	struct fx	*f = *state;
	struct buf	 b;
	int		 i;

	buf_init(&b);
	buf_puts(&b, "<handoff xmlns=\"urn:x-handoff:1\">\n");
	for (i = 0; i < 70000; i++)
		buf_putc(&b, '\n');
	buf_puts(&b, "<deal>\n<client>X</client></deal></handoff>\n");
	assert_non_null(parse(f, b.data));
	assert_int_equal(model_pos(f->m, model_find(f->m, "deal")).line,
	    70002);
	assert_int_equal(model_pos(f->m, model_find(f->m, "deal/client")).line,
	    70003);
	buf_dispose(&b);
}

static void
test_parse_xml__empty_and_oversized(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, ""));
	assert_one(f, RULE_EMPTY_FILE, 0);
	diag_list_dispose(&f->dl);
	f->lim.max_file_size = 10;
	assert_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\"/>"));
	assert_one(f, RULE_FILE_TOO_LARGE, 0);
}

static void
test_parse_xml__invalid_utf8(void **state)
{
	struct fx	*f = *state;

	assert_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\">\n"
	    "<deal><client>Caf\xe9</client></deal></handoff>"));
	assert_one(f, RULE_ENCODING, 2);
}

/*
 * Nothing on stderr; the thread's error handlers are put back; the deny
 * loader stays installed but leaves other parsers their local files.
 */
static void
test_parse_xml__silent_and_restores_hooks(void **state)
{
	struct fx		*f = *state;
	xmlExternalEntityLoader	 loader;
	xmlStructuredErrorFunc	 serr = xmlStructuredError;
	xmlGenericErrorFunc	 gerr = xmlGenericError;
	xmlDocPtr		 doc;
	char			 path[] = "/tmp/test_parse_xml.XXXXXX";
	int			 fd = mkstemp(path), saved = dup(2);
	const char		*odd = "<?xml version=\"1.0\" encoding="
				    "\"EBCDIC\"?><x:handoff xmlns:x=\"\"/>";

	assert_true(fd >= 0);
	dup2(fd, 2);
	assert_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\"><a></b>"
	    "&undefined; <<</handoff>"));
	loader = xmlGetExternalEntityLoader();
	assert_null(parse_xml("u.xml", odd, strlen(odd), &f->lim, &f->dl));
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	assert_int_equal(lseek(fd, 0, SEEK_END), 0);
	assert_true(xmlGetExternalEntityLoader() == loader);
	assert_true(xmlStructuredError == serr);
	assert_true(xmlGenericError == gerr);
	/* someone else's parser still reads a local file */
	assert_int_equal(write(fd, "<a/>", 4), 4);
	close(fd);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	unlink(path);
}

static void
test_parse_xml__render_xml_appends_canonical(void **state)
{
	struct fx	*f = *state;
	struct buf	 b;

	assert_non_null(parse(f, "<handoff xmlns=\"urn:x-handoff:1\"/>"));
	buf_init(&b);
	buf_puts(&b, "X");
	assert_int_equal(render_xml(&b, f->m, &f->dl), 0);
	assert_string_equal(b.data, "X" DECL
	    "<handoff xmlns=\"urn:x-handoff:1\" version=\"1\"/>\n");
	buf_dispose(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_parse_xml__canonical_file_is_a_fixed_point),
		T(test_parse_xml__prefixes_comments_and_space_are_normalised),
		T(test_parse_xml__attribute_values_keep_ampersands),
		T(test_parse_xml__same_tree_as_model_new),
		T(test_parse_xml__doctype_is_refused),
		T(test_parse_xml__doctype_any_case_no_subset),
		T(test_parse_xml__billion_laughs_is_refused),
		T(test_parse_xml__doctype_words_in_comment_or_cdata_are_text),
		T(test_parse_xml__attribute_bomb_is_refused_before_libxml2),
		T(test_parse_xml__undeclared_entity_is_a_syntax_error),
		T(test_parse_xml__syntax_error_once_with_line_and_column),
		T(test_parse_xml__messages_are_for_people),
		T(test_parse_xml__nesting_is_bounded),
		T(test_parse_xml__libxml2_depth_limit_reported_once),
		T(test_parse_xml__root_must_be_handoff_in_namespace),
		T(test_parse_xml__foreign_elements_warned_and_dropped),
		T(test_parse_xml__lines_past_65535),
		T(test_parse_xml__empty_and_oversized),
		T(test_parse_xml__invalid_utf8),
		T(test_parse_xml__silent_and_restores_hooks),
		T(test_parse_xml__render_xml_appends_canonical),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
