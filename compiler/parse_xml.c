/* SPDX-License-Identifier: MIT */
/*
 * parse_xml.c: the XML front end.  Reads a handoff written directly in the
 * canonical vocabulary (namespace urn:x-handoff:1, schemas/handoff.xsd)
 * from memory into the canonical tree of model.h.  Types and required
 * fields are not checked here: validate.c runs the XSD for both fronts.
 *
 * Hostile input is the normal case, so libxml2 is held on a short leash:
 *   - a new parser context per call, options NONET | BIG_LINES | NOCDATA
 *     and never NOENT, DTDLOAD, DTDATTR, DTDVALID or HUGE;
 *   - any <!DOCTYPE> is refused, first by a linear scan of the bytes and
 *     again by a SAX hook that stops the parser (this disposes of XXE and
 *     billion-laughs: no entity is ever declared), and an external entity
 *     loader denies everything our contexts ask for;
 *   - the same scan refuses an element with more than 256 attributes,
 *     which libxml2 2.9 would check for duplicates in quadratic time;
 *   - nesting deeper than limits.max_depth stops the parser (libxml2's own
 *     256-level limit is reported the same way, once);
 *   - libxml2's errors come to a structured handler and become one
 *     diagnostic with its line; nothing is printed.
 * Safe to call from several threads at once (see xml_install_loader).
 * The tree is then normalised so that its canonical XML is byte-identical
 * to what the Markdown front end builds: comments, processing
 * instructions and white-space-only text go, text is trimmed with runs of
 * white space collapsed, and every element ends up in one default
 * namespace declared on the root (an author's prefixes are rebuilt).
 */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "parse.h"

#define XML_OPTIONS	(XML_PARSE_NONET | XML_PARSE_BIG_LINES | \
			 XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC)
#define XML_DEPTH	32	/* when no limits are given */
#define XML_MAX_SIZE	(1024 * 1024)
#define XML_MAX_WARN	10	/* libxml2 warnings kept per file */
#define XML_MAX_ATTR	256	/* attributes on one element */
#define XML_MSG_MAX	160	/* bytes of a libxml2 message kept */
#define XSI_NS		"http://www.w3.org/2001/XMLSchema-instance"

/* An element past line 65535, where libxml2's 16-bit line gives out. */
struct xml_bigline {
	xmlNodePtr	 n;
	unsigned	 line;
};

/* What one call of parse_xml() keeps while libxml2 runs (ctxt->_private). */
struct xml_state {
	const char		*file;
	struct diag_list	*dl;
	unsigned		 max_depth;
	unsigned		 depth;		/* current element depth */
	int			 failed;	/* an error was reported */
	unsigned		 nwarn;
	startElementNsSAX2Func	 start;		/* libxml2's own handlers */
	endElementNsSAX2Func	 end;
	struct xml_bigline	*big;
	size_t			 nbig;
	size_t			 capbig;
};

static void	xml_sax_subset(void *, const xmlChar *, const xmlChar *,
		    const xmlChar *);

/* ---- refusing before parsing ------------------------------------------ */

static int
xml_starts(const char *p, size_t n, const char *lit, int nocase)
{
	size_t	 i, k = strlen(lit);
	int	 a, b;

	if (n < k)
		return 0;
	for (i = 0; i < k; i++) {
		a = (unsigned char)p[i];
		b = (unsigned char)lit[i];
		if (nocase && a >= 'a' && a <= 'z')
			a -= 'a' - 'A';
		if (a != b)
			return 0;
	}
	return 1;
}

/*
 * Find the end of lit in data[i..len), counting newlines into *line.
 * Returns the offset just past lit, or 0 when it does not occur.
 */
static size_t
xml_skip_past(const char *data, size_t len, size_t i, const char *lit,
    unsigned *line)
{
	for (; i < len; i++) {
		if (xml_starts(data + i, len - i, lit, 0))
			return i + strlen(lit);
		if (data[i] == '\n')
			(*line)++;
	}
	return 0;
}

/*
 * Scan the attributes of the start tag whose name begins at i: count the
 * '=' outside quoted values into *nattr, up to the closing '>'.  Returns
 * the offset past the tag (or of a stray '<', left to libxml2).
 */
static size_t
xml_scan_tag(const char *data, size_t len, size_t i, unsigned *line,
    size_t *nattr)
{
	char	 q = '\0';

	*nattr = 0;
	for (; i < len; i++) {
		if (data[i] == '\n')
			(*line)++;
		if (q != '\0') {
			if (data[i] == q)
				q = '\0';
		} else if (data[i] == '"' || data[i] == '\'')
			q = data[i];
		else if (data[i] == '=')
			(*nattr)++;
		else if (data[i] == '>')
			return i + 1;
		else if (data[i] == '<')
			return i;
	}
	return len;
}

/*
 * One linear pass over the bytes before libxml2 sees them, for what it
 * must never be given: a <!DOCTYPE> (anywhere outside comments and CDATA)
 * and a start tag with more than XML_MAX_ATTR attributes (libxml2 2.9
 * checks duplicate attributes in quadratic time: 90,000 of them in 900 KB
 * take ten seconds).  Returns RULE_XML_DOCTYPE or RULE_XML_SYNTAX with
 * *linep set, or RULE__MAX when the input may be parsed.  Whatever is
 * malformed is left to the parser to report.
 */
static enum rule_id
xml_scan(const char *data, size_t len, unsigned *linep)
{
	size_t		 i = 0, nattr;
	unsigned	 line = 1, at;
	const char	*p;

	while (i < len) {
		p = data + i;
		at = line;
		if (*p != '<') {
			line += *p == '\n';
			i++;
		} else if (xml_starts(p, len - i, "<!--", 0))
			i = xml_skip_past(data, len, i + 4, "-->", &line);
		else if (xml_starts(p, len - i, "<![CDATA[", 0))
			i = xml_skip_past(data, len, i + 9, "]]>", &line);
		else if (xml_starts(p, len - i, "<?", 0))
			i = xml_skip_past(data, len, i + 2, "?>", &line);
		else if (xml_starts(p, len - i, "<!DOCTYPE", 1)) {
			*linep = line;
			return RULE_XML_DOCTYPE;
		} else if (len - i < 2 || p[1] == '!' || p[1] == '/')
			i++;
		else {
			i = xml_scan_tag(data, len, i + 1, &line, &nattr);
			if (nattr > XML_MAX_ATTR) {
				*linep = at;
				return RULE_XML_SYNTAX;
			}
		}
		if (i == 0)	/* an unterminated comment, CDATA or PI */
			break;
	}
	return RULE__MAX;
}

/* The checks that need no parser: size, emptiness, the scan.  0 or -1. */
static int
xml_precheck(const char *file, const char *data, size_t len, size_t max,
    struct diag_list *dl)
{
	unsigned	 line = 0;

	if (len == 0 || data == NULL) {
		diag_add(dl, diag_pos_line(file, 0), RULE_EMPTY_FILE,
		    "file is empty");
		return -1;
	}
	if (len > max || len > INT_MAX) {
		diag_add(dl, diag_pos_line(file, 0), RULE_FILE_TOO_LARGE,
		    "file is larger than %zu bytes", max);
		return -1;
	}
	switch (xml_scan(data, len, &line)) {
	case RULE_XML_DOCTYPE:
		diag_add(dl, diag_pos_line(file, line), RULE_XML_DOCTYPE,
		    "a <!DOCTYPE> is not allowed in a handoff");
		return -1;
	case RULE_XML_SYNTAX:
		diag_add(dl, diag_pos_line(file, line), RULE_XML_SYNTAX,
		    "element has more than %d attributes", XML_MAX_ATTR);
		return -1;
	default:
		return 0;
	}
}

/* ---- libxml2 hooks ----------------------------------------------------- */

/* Our state, when ctxt is one of our contexts (recognised by its hook). */
static struct xml_state *
xml_state_of(void *ctx)
{
	xmlParserCtxtPtr	 ctxt = ctx;

	if (ctxt == NULL || ctxt->sax == NULL ||
	    ctxt->sax->internalSubset != xml_sax_subset)
		return NULL;
	return ctxt->_private;
}

static unsigned
xml_cur_line(const xmlParserCtxt *ctxt)
{
	if (ctxt->input == NULL || ctxt->input->line < 0)
		return 0;
	return (unsigned)ctxt->input->line;
}

/* Report one error that stops the parse. */
static void
xml_stop(xmlParserCtxtPtr ctxt, struct xml_state *st, enum rule_id rule,
    const char *msg)
{
	if (!st->failed)
		diag_add(st->dl, diag_pos_line(st->file, xml_cur_line(ctxt)),
		    rule, "%s", msg);
	st->failed = 1;
	xmlStopParser(ctxt);
}

/*
 * Make a libxml2 message fit a one-line diagnostic: its first line, no
 * control characters, trimmed, at most XML_MSG_MAX bytes (cut on a UTF-8
 * boundary), starting lowercase as gcc's do.
 */
static void
xml_clean_msg(char *out, size_t outsz, const char *msg)
{
	const char	*p;
	size_t		 n = 0;

	if (msg == NULL)
		msg = "not well-formed";
	/* libxml2 names its function in some: "xmlParseCharRef: ..." */
	if (strncmp(msg, "xml", 3) == 0 &&
	    (p = strchr(msg, ':')) != NULL && p[1] == ' ' &&
	    strcspn(msg, " ") > (size_t)(p - msg))
		msg = p + 1;
	while (*msg == ' ')
		msg++;
	for (; *msg != '\0' && *msg != '\n' && n + 1 < outsz; msg++)
		out[n++] = (unsigned char)*msg < 0x20 ? ' ' : *msg;
	/* Cut in the middle of a character: drop its first bytes too. */
	if (((unsigned char)*msg & 0xC0) == 0x80) {
		while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0)
			n--;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '!' ||
	    out[n - 1] == '.'))
		n--;
	out[n] = '\0';
	if (out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z')
		out[0] += 'a' - 'A';
}

/* Where libxml2 says the error is: its line, and column when it has one. */
static struct srcpos
xml_err_pos(const struct xml_state *st, const xmlError *err)
{
	unsigned	 line = err->line > 0 ? (unsigned)err->line : 0;

	if (line > 0 && err->int2 > 0 && err->domain == XML_FROM_PARSER)
		return diag_pos(st->file, line, (unsigned)err->int2 - 1);
	return diag_pos_line(st->file, line);
}

/*
 * The structured error handler, for the context and (scoped to the call)
 * for the thread.  The first error is reported and the rest dropped:
 * after one, libxml2's follow-on errors only repeat it.
 */
static void
xml_on_error(void *ctx, xmlErrorPtr err)
{
	struct xml_state	*st = xml_state_of(ctx);
	char			 msg[XML_MSG_MAX + 1];
	enum rule_id		 rule = RULE_XML_SYNTAX;

	if (st == NULL || err == NULL || st->failed)
		return;
	xml_clean_msg(msg, sizeof(msg), err->message);
	if (err->level == XML_ERR_WARNING) {
		if (st->nwarn++ < XML_MAX_WARN)
			diag_add_sev(st->dl, xml_err_pos(st, err),
			    RULE_XML_SYNTAX, SEV_WARNING, NULL, "%s", msg);
		return;
	}
	st->failed = 1;
	if (err->code == XML_ERR_NO_MEMORY) {
		diag_add(st->dl, diag_pos_line(st->file, 0), RULE_IO,
		    "out of memory reading XML");
		return;
	}
	if (strstr(msg, "xcessive depth") != NULL) {
		diag_add(st->dl, xml_err_pos(st, err), RULE_NESTING,
		    "elements nested deeper than 256 levels");
		return;
	}
	if (err->code == XML_ERR_NAME_REQUIRED &&
	    strstr(err->message, "EntityRef") != NULL)
		snprintf(msg, sizeof(msg), "a bare '&': write it as &amp;");
	if (strstr(msg, "not proper UTF-8") != NULL) {
		rule = RULE_ENCODING;
		snprintf(msg, sizeof(msg), "invalid UTF-8");
	}
	if (err->code == XML_ERR_UNDECLARED_ENTITY ||
	    err->code == XML_WAR_UNDECLARED_ENTITY)
		diag_add_hint(st->dl, xml_err_pos(st, err), rule, "XML "
		    "knows only &amp; &lt; &gt; &quot; &apos; and &#NNN;: "
		    "write the character itself", "%s", msg);
	else
		diag_add(st->dl, xml_err_pos(st, err), rule, "%s", msg);
}

/* libxml2's generic (printing) error channel, silenced during the call. */
static void
xml_on_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* SAX: a <!DOCTYPE> the byte scan missed.  Stop before its subset. */
static void
xml_sax_subset(void *ctx, const xmlChar *name, const xmlChar *eid,
    const xmlChar *sid)
{
	struct xml_state	*st = ((xmlParserCtxtPtr)ctx)->_private;

	(void)name;
	(void)eid;
	(void)sid;
	if (st != NULL)
		xml_stop(ctx, st, RULE_XML_DOCTYPE,
		    "a <!DOCTYPE> is not allowed in a handoff");
}

/* Remember the exact line of an element past libxml2's 16-bit limit. */
static void
xml_note_bigline(xmlParserCtxtPtr ctxt, struct xml_state *st,
    unsigned line)
{
	struct xml_bigline	*v;
	size_t			 cap;

	if (ctxt->node == NULL)
		return;
	if (st->nbig == st->capbig) {
		cap = st->capbig ? st->capbig * 2 : 256;
		if ((v = realloc(st->big, cap * sizeof(*v))) == NULL)
			return;		/* the line stays approximate */
		st->big = v;
		st->capbig = cap;
	}
	st->big[st->nbig].n = ctxt->node;
	st->big[st->nbig++].line = line;
}

/* SAX: an element starts.  Bound the depth, then let libxml2 build it. */
static void
xml_sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
    int ndefaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct xml_state	*st = ctxt->_private;
	unsigned		 line = xml_cur_line(ctxt);
	char			 msg[64];

	if (++st->depth > st->max_depth) {
		snprintf(msg, sizeof(msg),
		    "elements nested deeper than %u levels", st->max_depth);
		xml_stop(ctxt, st, RULE_NESTING, msg);
		return;
	}
	st->start(ctx, localname, prefix, uri, nns, ns, nattr, ndefaulted,
	    attrs);
	if (line >= 65535)
		xml_note_bigline(ctxt, st, line);
}

/* SAX: an element ends. */
static void
xml_sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr	 ctxt = ctx;
	struct xml_state	*st = ctxt->_private;

	if (st->depth > 0)
		st->depth--;
	st->end(ctx, localname, prefix, uri);
}

/*
 * The external entity loader while we parse: nothing for our contexts
 * (with no DTD nothing should ask; this is the second lock), and no
 * network for anyone else's.
 */
static xmlParserInputPtr
xml_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	struct xml_state	*st = xml_state_of(ctxt);

	if (st == NULL)
		return xmlNoNetExternalEntityLoader(url, id, ctxt);
	if (!st->failed)
		diag_add(st->dl, diag_pos_line(st->file, xml_cur_line(ctxt)),
		    RULE_XML_DOCTYPE, "refused to load external entity '%.80s'",
		    url != NULL ? url : id != NULL ? id : "");
	st->failed = 1;
	return NULL;
}

/* Put our hooks on a fresh context. */
static void
xml_hook(xmlParserCtxtPtr ctxt, struct xml_state *st)
{
	ctxt->_private = st;
	st->start = ctxt->sax->startElementNs;
	st->end = ctxt->sax->endElementNs;
	ctxt->sax->startElementNs = xml_sax_start;
	ctxt->sax->endElementNs = xml_sax_end;
	ctxt->sax->internalSubset = xml_sax_subset;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->serror = xml_on_error;
	ctxt->sax->warning = NULL;
	ctxt->sax->error = NULL;
	ctxt->sax->fatalError = NULL;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
}

/*
 * The entity loader is process-wide in libxml2 (the error channels are
 * per thread), and 'build -j' parses on several threads: swapping it per
 * call would race.  So it is installed once, before the first parse, and
 * stays: for any context but ours it is libxml2's own no-network loader.
 */
static pthread_once_t	 xml_loader_once = PTHREAD_ONCE_INIT;

static void
xml_install_loader(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(xml_deny_loader);
}

/*
 * Run libxml2 with the thread's error channels swapped for ours, and put
 * them back.  The document, or NULL.
 */
static xmlDocPtr
xml_read(xmlParserCtxtPtr ctxt, const char *data, size_t len)
{
	xmlStructuredErrorFunc	 serr;
	xmlGenericErrorFunc	 gerr;
	void			*sctx, *gctx;
	xmlDocPtr		 doc;

	serr = xmlStructuredError;
	sctx = xmlStructuredErrorContext;
	gerr = xmlGenericError;
	gctx = xmlGenericErrorContext;
	xmlSetStructuredErrorFunc(ctxt, xml_on_error);
	xmlSetGenericErrorFunc(ctxt, xml_on_generic);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, "UTF-8",
	    XML_OPTIONS);
	xmlSetGenericErrorFunc(gctx, gerr);
	xmlSetStructuredErrorFunc(sctx, serr);
	return doc;
}

/* ---- normalising the tree ---------------------------------------------- */

struct xml_norm {
	struct model		*m;
	struct diag_list	*dl;
	xmlNsPtr		 ns;	/* the one declaration, on the root */
};

static int
xml_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Trim s in place and collapse each run of white space to one space. */
static void
xml_collapse(char *s)
{
	char	*r = s, *w = s;

	while (xml_is_space((unsigned char)*r))
		r++;
	while (*r != '\0') {
		if (xml_is_space((unsigned char)*r)) {
			while (xml_is_space((unsigned char)*r))
				r++;
			if (*r != '\0')
				*w++ = ' ';
		} else
			*w++ = *r++;
	}
	*w = '\0';
}

static int
xml_in_ns(const xmlNode *n)
{
	return n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, MODEL_NS) == 0;
}

static void
xml_drop(xmlNodePtr n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/*
 * Attributes: those in another namespace go (xsi: ones, editor hints,
 * silently); values are trimmed and collapsed like text.  0 or -1.
 */
static int
xml_norm_attrs(struct xml_norm *nm, xmlNodePtr n)
{
	xmlAttrPtr	 a, next;
	xmlChar		*v;
	const char	*pfx;
	size_t		 len;
	int		 rc;

	for (a = n->properties; a != NULL; a = next) {
		next = a->next;
		if (a->ns != NULL) {
			pfx = a->ns->prefix != NULL ?
			    (const char *)a->ns->prefix : "";
			if (a->ns->href == NULL ||
			    strcmp((const char *)a->ns->href, XSI_NS) != 0)
				diag_add(nm->dl, model_pos(nm->m, n),
				    RULE_XML_UNKNOWN, "attribute '%s:%s' on "
				    "<%s> is not part of a handoff; ignored",
				    pfx, a->name, n->name);
			xmlRemoveProp(a);
			continue;
		}
		if ((v = xmlNodeGetContent((xmlNodePtr)a)) == NULL)
			return -1;
		len = strlen((char *)v);
		xml_collapse((char *)v);
		/* Not xmlNodeSetContent(): it would read '&' as markup. */
		rc = strlen((char *)v) == len ||
		    xmlSetNsProp(n, NULL, a->name, v) != NULL ? 0 : -1;
		xmlFree(v);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/*
 * A run of character data starting at c: the text pieces, with comments
 * and processing instructions between them removed, become one text node
 * (trimmed and collapsed), or none when only white space is left.  *nextp
 * is set past the run.  0 or -1.
 */
static int
xml_norm_text(xmlNodePtr c, xmlNodePtr *nextp)
{
	struct buf	 b;
	xmlNodePtr	 p, next, t;
	int		 rc = -1;

	buf_init(&b);
	for (p = c; p != NULL; p = next) {
		next = p->next;
		if (p->type == XML_TEXT_NODE ||
		    p->type == XML_CDATA_SECTION_NODE) {
			if (p->content != NULL &&
			    buf_puts(&b, (const char *)p->content) == -1)
				goto out;
		} else if (p->type != XML_COMMENT_NODE &&
		    p->type != XML_PI_NODE)
			break;
		if (p != c)
			xml_drop(p);
	}
	*nextp = p;
	if (b.data != NULL)
		xml_collapse(b.data);
	if (b.data == NULL || b.data[0] == '\0')
		xml_drop(c);
	else if (c->type == XML_TEXT_NODE)
		xmlNodeSetContent(c, BAD_CAST b.data);
	else {
		if ((t = xmlNewDocText(c->doc, BAD_CAST b.data)) == NULL)
			goto out;
		xmlReplaceNode(c, t);
		xmlFreeNode(c);
	}
	rc = 0;
out:
	buf_dispose(&b);
	return rc;
}

/* An element from another namespace (or none): warned about, removed. */
static void
xml_norm_foreign(struct xml_norm *nm, xmlNodePtr c)
{
	if (c->ns != NULL && c->ns->href != NULL)
		diag_add(nm->dl, model_pos(nm->m, c), RULE_XML_UNKNOWN,
		    "element <%s> in namespace '%.80s' is not part of a "
		    "handoff; ignored", c->name, c->ns->href);
	else
		diag_add(nm->dl, model_pos(nm->m, c), RULE_XML_UNKNOWN,
		    "element <%s> is in no namespace, not in %s; ignored",
		    c->name, MODEL_NS);
	xml_drop(c);
}

/*
 * Normalise element n and its subtree (depth is bounded by the parse):
 * put it in the root's namespace, clean its attributes and text, drop
 * comments, processing instructions and foreign elements, and free the
 * namespace declarations it carried.  0 or -1.
 */
static int
xml_norm_elem(struct xml_norm *nm, xmlNodePtr n)
{
	xmlNodePtr	 c, next;

	n->ns = nm->ns;
	if (xml_norm_attrs(nm, n) == -1)
		return -1;
	/* Foreign elements go first, so that the text around one
	 * ('A<x:b/>B') is one run below and no piece of it is lost. */
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE && !xml_in_ns(c))
			xml_norm_foreign(nm, c);
	}
	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE) {
			if (xml_norm_elem(nm, c) == -1)
				return -1;
		} else if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE ||
		    c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
			if (xml_norm_text(c, &next) == -1)
				return -1;
		} else
			xml_drop(c);	/* entity references and the like */
	}
	if (n->nsDef != NULL && n->parent != NULL &&
	    n->parent->type == XML_ELEMENT_NODE) {
		xmlFreeNsList(n->nsDef);
		n->nsDef = NULL;
	}
	return 0;
}

/*
 * Normalise the whole document: one default namespace declaration on the
 * root, as model_new() makes it, version="1" when the author left it out,
 * and no comments or processing instructions outside the root.  0 or -1.
 */
static int
xml_normalise(struct model *m, struct diag_list *dl)
{
	struct xml_norm	 nm;
	xmlNodePtr	 root = model_root(m), c, next;
	xmlNsPtr	 old = root->nsDef;
	int		 rc;

	for (c = m->doc->children; c != NULL; c = next) {
		next = c->next;
		if (c != root)
			xml_drop(c);
	}
	root->nsDef = NULL;
	nm.m = m;
	nm.dl = dl;
	if ((nm.ns = xmlNewNs(root, BAD_CAST MODEL_NS, NULL)) == NULL) {
		root->nsDef = old;
		return -1;
	}
	rc = xml_norm_elem(&nm, root);
	if (old != NULL)
		xmlFreeNsList(old);
	if (rc == 0 && xmlHasProp(root, BAD_CAST "version") == NULL &&
	    xmlSetProp(root, BAD_CAST "version", BAD_CAST "1") == NULL)
		rc = -1;
	/* The declaration as model_new() writes it. */
	xmlFree((xmlChar *)m->doc->version);
	m->doc->version = xmlStrdup(BAD_CAST "1.0");
	m->doc->standalone = -1;
	return rc;
}

/* ---- the front end ----------------------------------------------------- */

/* The root must be {urn:x-handoff:1}handoff.  0 or -1. */
static int
xml_check_root(const char *file, xmlDocPtr doc, struct diag_list *dl)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc);
	unsigned	 line;

	if (root == NULL) {
		diag_add(dl, diag_pos_line(file, 0), RULE_XML_SYNTAX,
		    "no document element");
		return -1;
	}
	if (xml_in_ns(root) && strcmp((const char *)root->name, "handoff") == 0)
		return 0;
	line = xmlGetLineNo(root) > 0 ? (unsigned)xmlGetLineNo(root) : 0;
	if (xml_in_ns(root))
		diag_add(dl, diag_pos_line(file, line), RULE_XML_ROOT,
		    "document element is <%s>, not <handoff>", root->name);
	else if (root->ns != NULL && root->ns->href != NULL)
		diag_add(dl, diag_pos_line(file, line), RULE_XML_ROOT,
		    "document element is <%s> in namespace '%.80s', "
		    "not <handoff> in %s", root->name, root->ns->href,
		    MODEL_NS);
	else
		diag_add(dl, diag_pos_line(file, line), RULE_XML_ROOT,
		    "document element <%s> is not <handoff xmlns=\"%s\">",
		    root->name, MODEL_NS);
	return -1;
}

/*
 * Whether libxml2 gave a usable document: well-formed, no error reported
 * on the way, no DTD.  0, or -1 with the reason in the diagnostics.
 */
static int
xml_check_doc(const xmlParserCtxt *ctxt, const xmlDoc *doc,
    struct xml_state *st)
{
	if (st->failed)
		return -1;
	if (doc == NULL || !ctxt->wellFormed || !ctxt->nsWellFormed) {
		diag_add(st->dl, diag_pos_line(st->file, xml_cur_line(ctxt)),
		    RULE_XML_SYNTAX, "not well-formed XML");
		return -1;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		diag_add(st->dl, diag_pos_line(st->file, 0), RULE_XML_DOCTYPE,
		    "a <!DOCTYPE> is not allowed in a handoff");
		return -1;
	}
	return 0;
}

static void
xml_oom(const char *file, struct diag_list *dl)
{
	diag_add(dl, diag_pos_line(file, 0), RULE_IO,
	    "out of memory reading XML");
}

/* Wrap a well-formed document into a model and normalise it. */
static struct model *
xml_to_model(const char *file, xmlDocPtr doc, const struct xml_state *st,
    struct diag_list *dl)
{
	struct model	*m;
	size_t		 i;

	if ((m = model_wrap(doc, file, MODEL_SRC_XML)) == NULL) {
		xml_oom(file, dl);
		return NULL;
	}
	for (i = 0; i < st->nbig; i++)
		if (model_set_loc(m, st->big[i].n, st->big[i].line, 0, 0) == -1)
			break;
	if (i < st->nbig || xml_normalise(m, dl) == -1) {
		xml_oom(file, dl);
		model_free(m);
		return NULL;
	}
	return m;
}

struct model *
parse_xml(const char *file, const char *data, size_t len,
    const struct limits *lim, struct diag_list *dl)
{
	struct xml_state	 st;
	xmlParserCtxtPtr	 ctxt = NULL;
	xmlDocPtr		 doc = NULL;
	struct model		*m = NULL;

	/* Before any other libxml2 call: xmlInitParser() is in there. */
	pthread_once(&xml_loader_once, xml_install_loader);
	memset(&st, 0, sizeof(st));
	st.file = file;
	st.dl = dl;
	st.max_depth = lim != NULL && lim->max_depth > 0 ? lim->max_depth :
	    XML_DEPTH;
	if (xml_precheck(file, data, len, lim != NULL ?
	    lim->max_file_size : XML_MAX_SIZE, dl) == -1)
		return NULL;
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		xml_oom(file, dl);
		return NULL;
	}
	xml_hook(ctxt, &st);
	doc = xml_read(ctxt, data, len);
	if (xml_check_doc(ctxt, doc, &st) == -1 ||
	    xml_check_root(file, doc, dl) == -1)
		goto out;
	m = xml_to_model(file, doc, &st, dl);
	doc = NULL;
out:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	free(st.big);
	return m;
}
