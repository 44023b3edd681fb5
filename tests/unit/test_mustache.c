/* SPDX-License-Identifier: MIT */
/*
 * test_mustache.c: the Mustache engine against the official spec suite
 * (every case of every .yml file in MUSTACHE_SPEC_DIR, by default
 * ../shared/mustache-spec from the repo root), its syntax diagnostics,
 * and the handoff side: type and audience checks of templates.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <cmocka.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "mustache.h"

static const char *const spec_files[] = {
	"comments.yml", "delimiters.yml", "interpolation.yml",
	"inverted.yml", "partials.yml", "sections.yml",
	"~inheritance.yml", "~dynamic-names.yml", NULL
};

static const char *
spec_dir(void)
{
	const char	*d = getenv("MUSTACHE_SPEC_DIR");

	return d != NULL && *d != '\0' ? d : "../shared/mustache-spec";
}

/* One spec case: 1 when it passes. */
static int
spec_case(const char *file, const struct myaml *tc)
{
	const struct myaml	*name, *data, *tpl, *exp, *parts;
	struct mustache_set	*set;
	struct mustache		*t, *p;
	struct mustache_render	 r;
	struct mustache_val	 root;
	struct diag_list	 dl;
	struct buf		 out;
	size_t			 i;
	int			 ok = 0;

	name = mustache_yaml_get(tc, "name");
	data = mustache_yaml_get(tc, "data");
	tpl = mustache_yaml_get(tc, "template");
	exp = mustache_yaml_get(tc, "expected");
	parts = mustache_yaml_get(tc, "partials");
	if (name == NULL || data == NULL || tpl == NULL || exp == NULL)
		return 0;
	diag_list_init(&dl);
	buf_init(&out);
	set = mustache_set_new();
	assert_non_null(set);
	for (i = 0; parts != NULL && i < parts->n; i++) {
		p = mustache_compile(parts->keys[i], "partial",
		    parts->v[i].s ? parts->v[i].s : "", parts->v[i].len, &dl);
		if (p != NULL)
			assert_int_equal(mustache_set_add(set, p), 0);
	}
	t = mustache_compile("test", "template", tpl->s ? tpl->s : "",
	    tpl->len, &dl);
	memset(&r, 0, sizeof(r));
	r.data = &mustache_yaml_data;
	r.partials = set;
	r.max_depth = 32;
	r.flags = MUSTACHE_HTML;
	root = mustache_yaml_val(data);
	if (t != NULL && mustache_render(&out, t, &root, &r, &dl) == 0 &&
	    out.len == exp->len &&
	    memcmp(out.data ? out.data : "", exp->s ? exp->s : "",
	    out.len) == 0)
		ok = 1;
	if (!ok) {
		printf("FAIL %s: %s\n  expected: [%s]\n  got:      [%s]\n",
		    file, name->s, exp->s ? exp->s : "",
		    out.data ? out.data : "");
		diag_print_text(stdout, &dl);
	}
	mustache_free(t);
	mustache_set_free(set);
	buf_dispose(&out);
	diag_list_dispose(&dl);
	return ok;
}

/* Run every case of one spec file; -1 when it cannot be read. */
static int
spec_file(const char *base, int *pass, int *fail)
{
	struct diag_list	 dl;
	struct myaml		*y;
	const struct myaml	*tests;
	char			*path, *data = NULL;
	size_t			 len, i;

	path = fs_join(spec_dir(), base);
	assert_non_null(path);
	if (fs_read(path, 1 << 20, &data, &len) != 0) {
		free(path);
		return -1;
	}
	diag_list_init(&dl);
	y = mustache_yaml_load(path, data, len, 64, &dl);
	diag_print_text(stdout, &dl);
	assert_non_null(y);
	tests = mustache_yaml_get(y, "tests");
	assert_non_null(tests);
	for (i = 0; i < tests->n; i++) {
		if (spec_case(base, &tests->v[i]))
			(*pass)++;
		else
			(*fail)++;
	}
	mustache_yaml_free(y);
	diag_list_dispose(&dl);
	free(data);
	free(path);
	return 0;
}

static void
spec_run(const char *base)
{
	int	 pass = 0, fail = 0;

	if (!fs_exists(spec_dir())) {
		printf("skipped: no Mustache spec at %s (set MUSTACHE_SPEC_DIR)\n",
		    spec_dir());
		skip();
	}
	assert_int_equal(spec_file(base, &pass, &fail), 0);
	printf("%s: %d passed, %d failed\n", base, pass, fail);
	assert_true(pass > 0);
	assert_int_equal(fail, 0);
}

static void test_mustache__spec_comments(void **s) { (void)s; spec_run("comments.yml"); }
static void test_mustache__spec_delimiters(void **s) { (void)s; spec_run("delimiters.yml"); }
static void test_mustache__spec_interpolation(void **s) { (void)s; spec_run("interpolation.yml"); }
static void test_mustache__spec_inverted(void **s) { (void)s; spec_run("inverted.yml"); }
static void test_mustache__spec_partials(void **s) { (void)s; spec_run("partials.yml"); }
static void test_mustache__spec_sections(void **s) { (void)s; spec_run("sections.yml"); }
static void test_mustache__spec_inheritance(void **s) { (void)s; spec_run("~inheritance.yml"); }
static void test_mustache__spec_dynamic_names(void **s) { (void)s; spec_run("~dynamic-names.yml"); }

/* Every file of the suite, with the total line. */
static void
test_mustache__spec_total(void **state)
{
	int	 pass = 0, fail = 0, i;

	(void)state;
	if (!fs_exists(spec_dir())) {
		printf("skipped: no Mustache spec at %s (set MUSTACHE_SPEC_DIR)\n",
		    spec_dir());
		skip();
	}
	for (i = 0; spec_files[i] != NULL; i++)
		assert_int_equal(spec_file(spec_files[i], &pass, &fail), 0);
	printf("mustache spec: %d passed, %d failed\n", pass, fail);
	assert_true(pass > 100);
	assert_int_equal(fail, 0);
}

/* ===== syntax errors ===================================================== */

/* Compile src; expect failure with one template-syntax error at line:col
 * (col from 1, as printed). */
static void
expect_syntax(const char *src, unsigned line, unsigned col, const char *what)
{
	struct diag_list	 dl;
	struct mustache		*t;

	diag_list_init(&dl);
	t = mustache_compile("t", "t.mustache", src, strlen(src), &dl);
	assert_null(t);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].rule, RULE_TEMPLATE_SYNTAX);
	assert_int_equal(dl.v[0].line, line);
	assert_int_equal(dl.v[0].col + 1, col);
	assert_non_null(strstr(dl.v[0].msg, what));
	diag_list_dispose(&dl);
}

static void
test_mustache__syntax_errors(void **state)
{
	(void)state;
	expect_syntax("Hello {{name", 1, 7, "unclosed tag");
	expect_syntax("a\n  {{#list}}\nx\n", 2, 3, "not closed");
	expect_syntax("{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}", 3, 1,
	    "does not close");
	expect_syntax("x {{/a}}", 1, 3, "closes no section");
	expect_syntax("\n\n {{=<% =}}", 3, 2, "invalid delimiter");
	expect_syntax("{{=<% %>=}}\n<% a b %>", 2, 1, "invalid tag name");
	expect_syntax("{{}}", 1, 1, "invalid tag name");
	expect_syntax("{{! a\ncomment }}\n{{{x}}\n", 3, 1, "unclosed tag");
	/* a NUL inside a name: no data could match it */
	{
		struct diag_list	 dl;
		static const char	 nul[] = "ok\n{{de\0al}}";

		diag_list_init(&dl);
		assert_null(mustache_compile("t", "t", nul, sizeof(nul) - 1,
		    &dl));
		assert_int_equal(dl.n, 1);
		assert_int_equal(dl.v[0].line, 2);
		assert_non_null(strstr(dl.v[0].msg, "invalid tag name"));
		diag_list_dispose(&dl);
	}
}

/* Render src against YAML data (HTML when html). */
static char *
render_yaml(const char *src, const char *yaml, int flags)
{
	struct diag_list	 dl;
	struct mustache		*t;
	struct myaml		*y;
	struct mustache_render	 r;
	struct mustache_val	 root;
	struct buf		 out;

	diag_list_init(&dl);
	buf_init(&out);
	t = mustache_compile("t", "t", src, strlen(src), &dl);
	y = mustache_yaml_load("d.yml", yaml, strlen(yaml), 32, &dl);
	assert_non_null(t);
	assert_non_null(y);
	memset(&r, 0, sizeof(r));
	r.data = &mustache_yaml_data;
	r.max_depth = 8;
	r.flags = flags;
	root = mustache_yaml_val(y);
	assert_int_equal(mustache_render(&out, t, &root, &r, &dl), 0);
	mustache_free(t);
	mustache_yaml_free(y);
	diag_list_dispose(&dl);
	return buf_detach(&out);
}

static void
test_mustache__escaping(void **state)
{
	char	*s;

	(void)state;
	s = render_yaml("{{x}}|{{{x}}}|{{&x}}", "x: \"<a href='q'>&\\\"\"",
	    MUSTACHE_HTML);
	assert_string_equal(s, "&lt;a href=&#39;q&#39;&gt;&amp;&quot;|"
	    "<a href='q'>&\"|<a href='q'>&\"");
	free(s);
	s = render_yaml("{{x}}", "x: \"<b>&\"", 0);
	assert_string_equal(s, "<b>&");
	free(s);
}

/* A template that recurses forever stops at the depth limit, whether
 * the context stack fits on the C stack (10) or not (100). */
static void
test_mustache__depth_limit(void **state)
{
	static const unsigned	 limits[] = { 10, 100 };
	struct diag_list	 dl;
	struct mustache_set	*set;
	struct mustache		*t;
	struct myaml		*y;
	struct mustache_render	 r;
	struct mustache_val	 root;
	struct buf		 out;
	const char		*src = "x{{#a}}{{>loop}}{{/a}}";
	size_t			 i;

	(void)state;
	diag_list_init(&dl);
	buf_init(&out);
	set = mustache_set_new();
	t = mustache_compile("loop", "loop.mustache", src, strlen(src), &dl);
	assert_non_null(t);
	assert_int_equal(mustache_set_add(set, t), 0);
	y = mustache_yaml_load("d", "a: true", 7, 8, &dl);
	for (i = 0; i < 2; i++) {
		memset(&r, 0, sizeof(r));
		r.data = &mustache_yaml_data;
		r.partials = set;
		r.max_depth = limits[i];
		root = mustache_yaml_val(y);
		buf_clear(&out);
		assert_int_equal(mustache_render(&out, t, &root, &r, &dl), -1);
		assert_int_equal(dl.n, i + 1);
		assert_int_equal(dl.v[i].rule, RULE_TEMPLATE_DEPTH);
		/* one x per level before the limit */
		assert_int_equal(out.len, limits[i] / 2 + 1);
	}
	mustache_set_free(set);
	mustache_yaml_free(y);
	buf_dispose(&out);
	diag_list_dispose(&dl);
}

/* Compiled once, rendered many times, identical output. */
static void
test_mustache__render_twice(void **state)
{
	char	*a, *b;

	(void)state;
	a = render_yaml("{{#l}}{{n}},{{/l}}{{^l}}none{{/l}}",
	    "l: [{n: 1}, {n: 2.50}]", 0);
	b = render_yaml("{{#l}}{{n}},{{/l}}{{^l}}none{{/l}}",
	    "l: []", 0);
	assert_string_equal(a, "1,2.5,");
	assert_string_equal(b, "none");
	free(a);
	free(b);
}

/* ===== templates.c: type and audience checks ============================== */

#include <sys/stat.h>
#include "model.h"
#include "render.h"
#include "schema.h"
#include "templates.h"
#include "templates_data.h"
#include "validate.h"

/* A team repo in a temp folder with templates/NAME.mustache files given
 * as name, text pairs (NULL-terminated); returns the repo path. */
static char *
repo_with(const char *const *files)
{
	char	 tmpl[] = "/tmp/test_mustache.XXXXXX", *dir, *tdir, *p;
	size_t	 i;

	dir = mkdtemp(tmpl);
	assert_non_null(dir);
	dir = strdup(dir);
	tdir = fs_join(dir, "templates");
	assert_int_equal(mkdir(tdir, 0700), 0);
	for (i = 0; files[i] != NULL; i += 2) {
		char name[128];

		snprintf(name, sizeof(name), "%s.mustache", files[i]);
		p = fs_join(tdir, name);
		assert_int_equal(fs_write_atomic(p, files[i + 1],
		    strlen(files[i + 1])), 0);
		free(p);
	}
	free(tdir);
	return dir;
}

static void
repo_remove(char *dir)
{
	char	 cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

/* Load the templates of files against the built-in schema; the first
 * error's rule (or -1 when it loaded cleanly) and its text in msg. */
static int
load_first_error(const char *const *files, char *msg, size_t size,
    unsigned *line, unsigned *col)
{
	struct diag_list	 dl;
	struct schema		*s;
	struct templates	*t;
	struct config		 c;
	char			*dir = repo_with(files);
	size_t			 i;
	int			 rule = -1;

	diag_list_init(&dl);
	config_init(&c);
	s = schema_load(NULL, &dl);
	assert_non_null(s);
	t = templates_load(dir, s, &c.limits, &dl);
	for (i = 0; i < dl.n; i++)
		if (dl.v[i].sev >= SEV_ERROR) {
			rule = (int)dl.v[i].rule;
			snprintf(msg, size, "%s:%u:%u: %s", dl.v[i].file,
			    dl.v[i].line, dl.v[i].col + 1, dl.v[i].msg);
			*line = dl.v[i].line;
			*col = dl.v[i].col + 1;
			break;
		}
	if (rule == -1)
		assert_non_null(t);
	else
		assert_null(t);
	templates_free(t);
	schema_free(s);
	config_dispose(&c);
	diag_list_dispose(&dl);
	repo_remove(dir);
	return rule;
}

static void
expect_error(const char *const *files, int rule, unsigned line,
    unsigned col, const char *what)
{
	char		 msg[512];
	unsigned	 l = 0, c = 0;

	assert_int_equal(load_first_error(files, msg, sizeof(msg), &l, &c),
	    rule);
	if (rule == -1)
		return;
	if (strstr(msg, what) == NULL || l != line || c != col) {
		printf("unexpected: %s\n", msg);
		fail();
	}
}

static void
test_mustache__builtin_templates_check(void **state)
{
	const char *const none[] = { NULL };

	(void)state;
	expect_error(none, -1, 0, 0, NULL);
}

static void
test_mustache__audience_direct(void **state)
{
	const char *const f[] = { "intro.txt",
	    "Hi {{deal.client}},\n{{context.emotional-drivers}}\n", NULL };

	(void)state;
	expect_error(f, RULE_TEMPLATE_AUDIENCE, 2, 1,
	    "intro.txt.mustache:2:1: 'context.emotional-drivers' is internal");
}

static void
test_mustache__audience_section(void **state)
{
	const char *const f[] = { "intro.txt",
	    "{{#relationships.stakeholder}}\n{{name}}: {{notes}}\n"
	    "{{/relationships.stakeholder}}\n", NULL };
	const char *const g[] = { "intro.html",
	    "{{#risks}}we have risks{{/risks}}", NULL };

	(void)state;
	expect_error(f, RULE_TEMPLATE_AUDIENCE, 2, 11,
	    "'notes' is internal (relationships.stakeholder.notes)");
	expect_error(g, RULE_TEMPLATE_AUDIENCE, 1, 1, "'risks' is internal");
}

static void
test_mustache__audience_partial(void **state)
{
	const char *const f[] = { "intro.txt", "Hi\n  {{>signature}}\n",
	    "signature", "{{#top_risks}}{{text}}{{/top_risks}}\n", NULL };

	(void)state;
	expect_error(f, RULE_TEMPLATE_AUDIENCE, 1, 1,
	    "reaches client-facing template 'intro.txt'");
}

static void
test_mustache__audience_inheritance(void **state)
{
	/* the child passes an internal field in a block */
	const char *const f[] = { "intro.txt",
	    "{{<layout}}{{$body}}{{risks.red-flags}}{{/body}}{{/layout}}",
	    "layout", "Hello,\n{{$body}}{{/body}}\nBye\n", NULL };
	/* the parent itself names one */
	const char *const g[] = { "intro.txt",
	    "{{<layout}}{{$body}}fine{{/body}}{{/layout}}",
	    "layout", "{{$body}}{{/body}} {{value}}\n", NULL };

	(void)state;
	expect_error(f, RULE_TEMPLATE_AUDIENCE, 1, 21,
	    "'risks.red-flags' is internal");
	expect_error(g, RULE_TEMPLATE_AUDIENCE, 1, 20,
	    "'value' is internal");
}

static void
test_mustache__audience_dynamic(void **state)
{
	const char *const f[] = { "intro.subject", "{{>*deal.client}}", NULL };
	const char *const g[] = { "notice.subject", "{{>*deal.client}}",
	    NULL };

	(void)state;
	expect_error(f, RULE_TEMPLATE_AUDIENCE, 1, 1, "dynamic partial");
	expect_error(g, -1, 0, 0, NULL);	/* internal: allowed */
}

static void
test_mustache__audience_declared(void **state)
{
	const char *const f[] = { "notice.txt",
	    "{{! audience: client }}\n{{deal.value}}\n", NULL };
	const char *const g[] = { "notice.txt",
	    "{{deal.value}} {{risks.red-flags}}\n", NULL };
	const char *const h[] = { "intro.txt",
	    "{{! audience: internal }}\nhi\n", NULL };

	(void)state;
	expect_error(f, RULE_TEMPLATE_AUDIENCE, 2, 1, "'deal.value'");
	expect_error(g, -1, 0, 0, NULL);
	expect_error(h, RULE_TEMPLATE_AUDIENCE, 1, 1, "cannot be internal");
}

static void
test_mustache__unknown_field(void **state)
{
	const char *const f[] = { "notice.txt", "Hi\n  {{deal.cleint}}\n",
	    NULL };
	const char *const g[] = { "notice.txt",
	    "{{#relationships.stakeholder}}{{titel}}"
	    "{{/relationships.stakeholder}}", NULL };
	const char *const h[] = { "notice.txt", "{{>nowhere}}", NULL };
	const char *const k[] = { "notice.txt", "{{#deal}}{{/dael}}", NULL };

	(void)state;
	expect_error(f, RULE_TEMPLATE_FIELD, 2, 3,
	    "no field 'deal.cleint'; did you mean 'deal.client'?");
	expect_error(g, RULE_TEMPLATE_FIELD, 1, 31,
	    "did you mean 'title'?");
	expect_error(h, RULE_TEMPLATE_PARTIAL, 1, 1, "no template 'nowhere'");
	expect_error(k, RULE_TEMPLATE_SYNTAX, 1, 10, "does not close");
}

/* A small hand-made deal: a client with markup, a CSM, two
 * stakeholders (the first primary, the second not), an internal note
 * and two risks. */
static struct model *
small_deal(void)
{
	struct model	*m;
	xmlNodePtr	 deal, p, st;

	m = model_new("x.md", MODEL_SRC_MD);
	deal = model_add(m, model_root(m), "deal", NULL, 1, 0, 0);
	model_add(m, deal, "client", "Fish & <Chips>", 1, 0, 0);
	model_add(m, deal, "segment", "smb", 1, 0, 0);
	model_add(m, deal, "signed", "2026-11-20", 1, 0, 0);
	p = model_add(m, deal, "csm", NULL, 1, 0, 0);
	model_add(m, p, "name", "Sam Okafor", 1, 0, 0);
	model_add(m, p, "email", "sam@v.example", 1, 0, 0);
	p = model_add(m, model_root(m), "relationships", NULL, 1, 0, 0);
	st = model_add(m, p, "stakeholder", NULL, 1, 0, 0);
	model_set_attr(st, "primary", "true");
	model_add(m, st, "name", "Priya Nair", 1, 0, 0);
	model_add(m, st, "notes", "SECRET-NOTE", 1, 0, 0);
	st = model_add(m, p, "stakeholder", NULL, 1, 0, 0);
	model_add(m, st, "name", "Olu Ade", 1, 0, 0);
	model_add(m, st, "notes", "OTHER-NOTE", 1, 0, 0);
	p = model_add(m, model_root(m), "risks", NULL, 1, 0, 0);
	st = model_add(m, p, "risk", NULL, 1, 0, 0);
	model_add(m, st, "text", "LOW-RISK", 1, 0, 0);
	model_add(m, st, "severity", "low", 1, 0, 0);
	st = model_add(m, p, "risk", NULL, 1, 0, 0);
	model_add(m, st, "text", "CRITICAL-RISK", 1, 0, 0);
	model_add(m, st, "severity", "critical", 1, 0, 0);
	return m;
}

/* Render the built-in intro against a small hand-made deal. */
static void
test_mustache__render_deal(void **state)
{
	struct diag_list	 dl;
	struct schema		*s;
	struct templates	*t;
	struct config		 c;
	struct model		*m;
	struct verdict		 v;
	struct render_ctx	 rc;
	struct buf		 txt, html;
	const char *const	 none[] = { NULL };
	char			*dir = repo_with(none);

	(void)state;
	diag_list_init(&dl);
	config_init(&c);
	s = schema_load(NULL, &dl);
	t = templates_load(dir, s, &c.limits, &dl);
	assert_non_null(t);
	m = small_deal();
	memset(&v, 0, sizeof(v));
	v.deadline = -1;
	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.v = &v;
	rc.c = &c;
	rc.s = s;
	rc.t = t;
	buf_init(&txt);
	buf_init(&html);
	assert_int_equal(templates_render(&txt, t, "intro.txt", &rc, &dl), 0);
	assert_int_equal(templates_render(&html, t, "intro.html", &rc, &dl),
	    0);
	assert_non_null(strstr(txt.data, "Hi Priya,"));
	assert_non_null(strstr(txt.data, "the Fish & <Chips> team"));
	assert_non_null(strstr(txt.data, "reach Sam directly at sam@v.example"));
	/* Friday 2026-11-20 + 2 business days */
	assert_non_null(strstr(txt.data, "By Tuesday, 24 November 2026"));
	assert_null(strstr(txt.data, "SECRET"));
	assert_non_null(strstr(html.data, "Fish &amp; &lt;Chips&gt;"));
	assert_null(strstr(html.data, "<Chips>"));
	buf_dispose(&txt);
	buf_dispose(&html);
	model_free(m);
	templates_free(t);
	schema_free(s);
	config_dispose(&c);
	diag_list_dispose(&dl);
	repo_remove(dir);
}

/*
 * One view serves every template of a deal, any number of times, with
 * the same bytes as a fresh view per render.
 */
static void
test_mustache__view_reuse(void **state)
{
	static const char *const names[] = { "intro.subject", "intro.txt",
	    "intro.html", "notice.subject", "notice.txt" };
	struct diag_list	 dl;
	struct schema		*s;
	struct templates	*t;
	struct templates_view	*tv;
	struct config		 c;
	struct model		*m;
	struct verdict		 v;
	struct render_ctx	 rc;
	struct buf		 a, b;
	const char *const	 none[] = { NULL };
	char			*dir = repo_with(none);
	size_t			 i, round;

	(void)state;
	diag_list_init(&dl);
	config_init(&c);
	s = schema_load(NULL, &dl);
	t = templates_load(dir, s, &c.limits, &dl);
	assert_non_null(t);
	m = small_deal();
	memset(&v, 0, sizeof(v));
	v.deadline = 20413;
	v.percent = 42;
	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.v = &v;
	rc.c = &c;
	rc.s = s;
	rc.t = t;
	rc.version = "abc1234";
	tv = templates_view_new(t, &rc);
	assert_non_null(tv);
	buf_init(&a);
	buf_init(&b);
	for (round = 0; round < 3; round++)
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			buf_clear(&a);
			buf_clear(&b);
			assert_int_equal(templates_render_view(&a, t, names[i],
			    tv, &dl), 0);
			assert_int_equal(templates_render(&b, t, names[i], &rc,
			    &dl), 0);
			assert_true(a.len > 0);
			assert_int_equal(a.len, b.len);
			assert_memory_equal(a.data, b.data, a.len);
		}
	/* the notice lists the critical risk first, and both risks */
	buf_clear(&a);
	assert_int_equal(templates_render_view(&a, t, "notice.txt", tv, &dl),
	    0);
	assert_non_null(strstr(a.data, "42% complete, version abc1234"));
	assert_non_null(strstr(a.data, "CRITICAL-RISK"));
	assert_true(strstr(a.data, "CRITICAL-RISK") <
	    strstr(a.data, "LOW-RISK"));
	/* and only the primary contact */
	assert_non_null(strstr(a.data, "- Priya Nair"));
	assert_null(strstr(a.data, "Olu Ade"));
	assert_int_equal(templates_render_view(&a, t, "nowhere", tv, &dl),
	    -1);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].rule, RULE_TEMPLATE_PARTIAL);
	templates_view_free(tv);
	templates_view_free(NULL);
	buf_dispose(&a);
	buf_dispose(&b);
	model_free(m);
	templates_free(t);
	schema_free(s);
	config_dispose(&c);
	diag_list_dispose(&dl);
	repo_remove(dir);
}

/* Render src against the small deal through the deal view directly
 * (no compile-time check): client-facing or not, names interned or not. */
static char *
render_view(const char *src, int client, int intern)
{
	struct diag_list	 dl;
	struct schema		*s;
	struct fnode		*tree;
	struct templates_view	*tv;
	struct mustache_set	*set;
	struct mustache		*t;
	struct mustache_render	 r;
	struct tview_render	 d;
	struct mustache_val	 root;
	struct config		 c;
	struct model		*m;
	struct verdict		 v;
	struct render_ctx	 rc;
	struct buf		 out;

	diag_list_init(&dl);
	config_init(&c);
	s = schema_load(NULL, &dl);
	assert_non_null(s);
	tree = tdata_tree_new(s);
	assert_non_null(tree);
	m = small_deal();
	memset(&v, 0, sizeof(v));
	v.deadline = -1;
	memset(&rc, 0, sizeof(rc));
	rc.m = m;
	rc.v = &v;
	rc.c = &c;
	rc.s = s;
	set = mustache_set_new();
	t = mustache_compile("t", "t", src, strlen(src), &dl);
	assert_non_null(t);
	assert_int_equal(mustache_set_add(set, t), 0);
	if (intern)
		mustache_set_intern(set, tdata_intern, tree);
	tv = tview_new(&rc, tree);
	assert_non_null(tv);
	d.view = tv;
	d.client = client;
	root = tview_root(tv);
	memset(&r, 0, sizeof(r));
	r.data = &tview_data;
	r.ud = &d;
	r.partials = set;
	r.max_depth = 16;
	buf_init(&out);
	assert_int_equal(mustache_render(&out, t, &root, &r, &dl), 0);
	tview_free(tv);
	mustache_set_free(set);
	model_free(m);
	tdata_tree_free(tree);
	schema_free(s);
	config_dispose(&c);
	diag_list_dispose(&dl);
	return buf_detach(&out);
}

/*
 * The second guard: should a client-facing template reach an internal
 * field at render time (the compile-time check refuses it first), every
 * route gives an empty value, a false section and an empty list.
 */
static void
test_mustache__client_guard_render(void **state)
{
	const char	*src = "[{{relationships.stakeholder.notes}}]"
	    "[{{#relationships.stakeholder}}{{name}}:{{notes}};"
	    "{{/relationships.stakeholder}}]"
	    "[{{#top_risks}}{{text}}{{/top_risks}}]"
	    "[{{#risks}}R{{/risks}}{{^risks}}none{{/risks}}]"
	    "[{{value}}{{completeness}}]";
	char		*in, *cl;
	size_t		 i;

	(void)state;
	in = render_view(src, 0, 1);
	cl = render_view(src, 1, 1);
	/* internal: everything is there (a list has no fields itself) */
	assert_non_null(strstr(in, "Priya Nair:SECRET-NOTE;"));
	assert_non_null(strstr(in, "Olu Ade:OTHER-NOTE;"));
	assert_non_null(strstr(in, "[CRITICAL-RISKLOW-RISK]"));
	assert_non_null(strstr(in, "[R]"));
	/* client: names stay, internal fields are empty */
	assert_string_equal(cl, "[][Priya Nair:;Olu Ade:;][][none][]");
	/* interned or not, the same bytes */
	for (i = 0; i < 2; i++) {
		char *raw = render_view(src, (int)i, 0);

		assert_string_equal(raw, i ? cl : in);
		free(raw);
	}
	free(in);
	free(cl);
}

/* Names the tree does not have find nothing, interned or not; a dotted
 * name whose head is found stops there (spec: context precedence). */
static void
test_mustache__view_unknown_names(void **state)
{
	const char	*src = "[{{nope}}|{{deal.nope}}|{{deal..client}}|"
	    "{{#deal.csm}}{{deal.client}}/{{csm.name}}/{{name}}{{/deal.csm}}|"
	    "{{deal.csm.first_name}}|{{#deal}}{{client}}{{/deal}}]";
	char		*a, *b;

	(void)state;
	a = render_view(src, 0, 1);
	b = render_view(src, 0, 0);
	assert_string_equal(a, "[|||Fish & <Chips>//Sam Okafor|Sam|"
	    "Fish & <Chips>]");
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/* Step dates are computed on first use, in whatever order: the first day
 * and the due date of a step do not overwrite each other. */
static void
test_mustache__view_timeline(void **state)
{
	char	*a, *b;

	(void)state;
	a = render_view("{{timeline.mapping.date}}|{{timeline.mapping.from}}|"
	    "{{timeline.mapping.when}}", 0, 1);
	b = render_view("{{timeline.mapping.from}}|{{timeline.mapping.when}}|"
	    "{{timeline.mapping.date}}|{{timeline.mapping.from}}", 0, 1);
	/* signed Friday 2026-11-20 */
	assert_string_equal(a, "2026-11-25|2026-11-23|"
	    "Wednesday, 25 November 2026");
	assert_string_equal(b, "2026-11-23|Wednesday, 25 November 2026|"
	    "2026-11-25|2026-11-23");
	free(a);
	free(b);
}

#define TEMPLATE_TESTS \
	cmocka_unit_test(test_mustache__builtin_templates_check), \
	cmocka_unit_test(test_mustache__audience_direct), \
	cmocka_unit_test(test_mustache__audience_section), \
	cmocka_unit_test(test_mustache__audience_partial), \
	cmocka_unit_test(test_mustache__audience_inheritance), \
	cmocka_unit_test(test_mustache__audience_dynamic), \
	cmocka_unit_test(test_mustache__audience_declared), \
	cmocka_unit_test(test_mustache__unknown_field), \
	cmocka_unit_test(test_mustache__render_deal), \
	cmocka_unit_test(test_mustache__view_reuse), \
	cmocka_unit_test(test_mustache__client_guard_render), \
	cmocka_unit_test(test_mustache__view_unknown_names), \
	cmocka_unit_test(test_mustache__view_timeline),

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mustache__spec_comments),
		cmocka_unit_test(test_mustache__spec_delimiters),
		cmocka_unit_test(test_mustache__spec_interpolation),
		cmocka_unit_test(test_mustache__spec_inverted),
		cmocka_unit_test(test_mustache__spec_partials),
		cmocka_unit_test(test_mustache__spec_sections),
		cmocka_unit_test(test_mustache__spec_inheritance),
		cmocka_unit_test(test_mustache__spec_dynamic_names),
		cmocka_unit_test(test_mustache__spec_total),
		cmocka_unit_test(test_mustache__syntax_errors),
		cmocka_unit_test(test_mustache__escaping),
		cmocka_unit_test(test_mustache__depth_limit),
		cmocka_unit_test(test_mustache__render_twice),
		TEMPLATE_TESTS
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
