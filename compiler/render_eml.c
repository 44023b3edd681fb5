/* SPDX-License-Identifier: MIT */
/*
 * render_eml.c: the two e-mails of a deal (RFC 5322 / MIME).  The texts
 * come from the team's Mustache templates (templates.h); this file picks
 * the people from the canonical tree, refuses any value that would carry
 * a line break into a header (RULE_HEADER_INJECTION, at the field's
 * source position), and hands the pieces to mime.c for assembly.
 *
 *   intro-email.eml     client-facing: From the AE (or the configured
 *                       sender, the AE then in Cc), To the primary
 *                       contact(s), Cc the CSM; text + HTML alternatives.
 *   handoff-notice.eml  internal: From the AE, To the CSM, the package
 *                       PDF attached.
 * Both carry X-Unsent: 1, so a mail client opens them as drafts to send.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "diag.h"
#include "fsutil.h"
#include "mime.h"
#include "model.h"
#include "render.h"
#include "templates.h"

/* The people of one e-mail, borrowed from the tree and the config. */
struct people {
	struct mime_addr	 from;
	struct mime_addr	*to;
	size_t			 nto;
	struct mime_addr	 cc[2];
	size_t			 ncc;
	const char		*towho;		/* "CSM", … */
	char			*sender;	/* config sender (owned) */
};

static void
people_dispose(struct people *p)
{
	free(p->to);
	free(p->sender);
	memset(p, 0, sizeof(*p));
}

static struct srcpos
origin_pos(const struct render_ctx *rc, const void *origin)
{
	if (origin == NULL)
		return diag_pos_line(rc->m->file, 0);
	return model_pos(rc->m, origin);
}

/* A printable copy of s for a message: controls shown as \r, \n, \xNN;
 * at most 60 bytes of s.  Never NULL (a static "" when out of memory). */
static char *
printable(const char *s)
{
	struct buf	 b;
	size_t		 i;
	char		*r;

	buf_init(&b);
	for (i = 0; s[i] != '\0' && i < 60; i++) {
		if (s[i] == '\r')
			buf_puts(&b, "\\r");
		else if (s[i] == '\n')
			buf_puts(&b, "\\n");
		else if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			buf_printf(&b, "\\x%02x", (unsigned char)s[i]);
		else
			buf_putc(&b, s[i]);
	}
	if (s[i] != '\0')
		buf_puts(&b, "...");
	r = strdup(b.data != NULL ? b.data : "");
	buf_dispose(&b);
	return r;
}

static void
report_injection(const struct render_ctx *rc, const void *origin,
    const char *what, const char *value, struct diag_list *dl)
{
	char	*p = printable(value);

	diag_add(dl, origin_pos(rc, origin), RULE_HEADER_INJECTION,
	    "%s '%s' has a line break or control character and cannot go "
	    "into an e-mail header", what, p ? p : "");
	free(p);
}

/*
 * Check one mailbox before it reaches mime.c: the name may not hold a
 * control character, the address must be a plain addr-spec.  0 or -1
 * after a diagnostic.
 */
static int
check_addr(const struct render_ctx *rc, const struct mime_addr *a,
    const char *who, struct diag_list *dl)
{
	const void	*nnode = NULL;
	int		 bad = 0;

	if (a->origin != NULL)
		nnode = model_child(a->origin, "name");
	if (a->name != NULL && mime_value_ok(a->name, NULL) == -1) {
		report_injection(rc, nnode ? nnode : a->origin, who, a->name,
		    dl);
		bad = -1;
	}
	if (a->email == NULL || a->email[0] == '\0') {
		diag_add(dl, origin_pos(rc, a->origin), RULE_REQUIRED_FIELD,
		    "%s '%s' has no e-mail address", who,
		    a->name ? a->name : "");
		return -1;
	}
	if (mime_value_ok(a->email, NULL) == -1) {
		report_injection(rc, a->origin, who, a->email, dl);
		return -1;
	}
	if (mime_email_ok(a->email) == -1) {
		diag_add(dl, origin_pos(rc, a->origin), RULE_INVALID_EMAIL,
		    "%s e-mail '%s' is not an address a mail client accepts",
		    who, a->email);
		return -1;
	}
	return bad;
}

/* A person of the deal (deal/ae, deal/csm, a stakeholder) as a mailbox. */
static void
person_addr(struct mime_addr *a, const xmlNode *n)
{
	a->name = model_text(model_child(n, "name"));
	a->email = model_text(model_child(n, "email"));
	a->origin = n;
}

/* Split the config's 'Name <addr>' sender into p->from. */
static int
sender_addr(struct people *p, const char *sender)
{
	char	*lt, *gt;

	if ((p->sender = strdup(sender)) == NULL)
		return -1;
	if ((lt = strrchr(p->sender, '<')) == NULL ||
	    (gt = strchr(lt, '>')) == NULL)
		return -1;
	*gt = '\0';
	p->from.email = lt + 1;
	while (lt > p->sender && lt[-1] == ' ')
		lt--;
	*lt = '\0';
	p->from.name = p->sender;
	p->from.origin = NULL;
	return 0;
}

/* From the AE, or from the configured sender with the AE in Cc. */
static int
people_from(struct people *p, const struct render_ctx *rc)
{
	const xmlNode	*ae = model_find(rc->m, "deal/ae");

	if (rc->c != NULL && rc->c->sender != NULL) {
		if (sender_addr(p, rc->c->sender) == -1)
			return -1;
		if (ae != NULL)
			person_addr(&p->cc[p->ncc++], ae);
		return 0;
	}
	person_addr(&p->from, ae);
	return 0;
}

static int
has_role(const xmlNode *s, const char *role)
{
	const xmlNode	*r;

	for (r = model_child(s, "role"); r != NULL; r = model_next(r, "role"))
		if (strcmp(model_text(r), role) == 0)
			return 1;
	return 0;
}

/*
 * The intro's recipients: the stakeholders marked primary="true" that
 * have an e-mail; when none is, the champions that have one.
 */
static int
people_primary(struct people *p, const struct render_ctx *rc)
{
	const xmlNode	*rel, *s;
	size_t		 n = 0;
	int		 pass;

	rel = model_find(rc->m, "relationships");
	for (s = model_child(rel, "stakeholder"); s != NULL;
	    s = model_next(s, "stakeholder"))
		n++;
	if (n == 0)
		return 0;
	if ((p->to = calloc(n, sizeof(*p->to))) == NULL)
		return -1;
	for (pass = 0; pass < 2 && p->nto == 0; pass++)
		for (s = model_child(rel, "stakeholder"); s != NULL;
		    s = model_next(s, "stakeholder")) {
			const char *pr = model_attr(s, "primary");

			if (pass == 0 && (pr == NULL || strcmp(pr, "true")))
				continue;
			if (pass == 1 && !has_role(s, "champion"))
				continue;
			if (model_text(model_child(s, "email"))[0] == '\0')
				continue;
			person_addr(&p->to[p->nto++], s);
		}
	return 0;
}

/* Check every mailbox of p; 0 or -1 after diagnostics. */
static int
people_check(const struct people *p, const struct render_ctx *rc,
    struct diag_list *dl)
{
	size_t	 i;
	int	 bad = 0;

	if (check_addr(rc, &p->from, p->sender ? "sender" : "AE", dl))
		bad = -1;
	for (i = 0; i < p->nto; i++)
		if (check_addr(rc, &p->to[i], p->towho, dl))
			bad = -1;
	for (i = 0; i < p->ncc; i++)
		if (check_addr(rc, &p->cc[i], p->cc[i].origin ==
		    model_find(rc->m, "deal/csm") ? "CSM" : "AE", dl))
			bad = -1;
	return bad;
}

/* The client name reaches the subjects: refuse a line break in it. */
static int
check_client(const struct render_ctx *rc, struct diag_list *dl)
{
	const xmlNode	*n = model_find(rc->m, "deal/client");

	if (n != NULL && mime_value_ok(model_text(n), NULL) == -1) {
		report_injection(rc, n, "client name", model_text(n), dl);
		return -1;
	}
	return 0;
}

/*
 * The rendered subject without the white space around it (a template
 * file ends with a newline); a line break inside is refused.  Returns a
 * new string, or NULL (after a diagnostic when it was refused).
 */
static char *
subject_clean(const struct render_ctx *rc, const char *s,
    struct diag_list *dl)
{
	size_t	 n;
	char	*r;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if ((r = strndup(s, n)) == NULL)
		return NULL;
	if (r[0] == '\0' || mime_value_ok(r, NULL) == -1) {
		if (r[0] == '\0')
			diag_add(dl, diag_pos_line(rc->m->file, 0),
			    RULE_TEMPLATE_SYNTAX,
			    "the e-mail subject is empty");
		else
			report_injection(rc, model_find(rc->m, "deal/client"),
			    "subject", r, dl);
		free(r);
		return NULL;
	}
	return r;
}

/* Assemble with mime.c and report a refused value at its field. */
static int
assemble(struct buf *out, const struct render_ctx *rc,
    struct mime_msg *msg, struct diag_list *dl)
{
	const void	*bad = NULL;
	int		 r;

	msg->seed = model_get(rc->m, "deal/id");
	msg->date = rc->now;
	msg->version = rc->version;
	msg->unsent = 1;
	msg->subject_origin = model_find(rc->m, "deal/client");
	r = mime_message(out, msg, &bad);
	if (r == MIME_EVALUE) {
		diag_add(dl, origin_pos(rc, bad), RULE_HEADER_INJECTION,
		    "a value cannot go into an e-mail header");
		return -1;
	}
	return r;
}

int
render_eml_intro_parts(struct buf *out, const struct render_ctx *rc,
    const char *subject, const char *text, const char *html,
    struct diag_list *dl)
{
	struct people	 p;
	struct mime_msg	 msg;
	const xmlNode	*csm;
	char		*subj = NULL;
	int		 r = -1;

	memset(&p, 0, sizeof(p));
	memset(&msg, 0, sizeof(msg));
	p.towho = "primary contact";
	if (people_from(&p, rc) == -1 || people_primary(&p, rc) == -1)
		goto out;
	if ((csm = model_find(rc->m, "deal/csm")) != NULL)
		person_addr(&p.cc[p.ncc++], csm);
	if (p.nto == 0) {
		diag_add(dl, origin_pos(rc, model_find(rc->m, "relationships")),
		    RULE_PRIMARY_CONTACT, "no primary contact with an e-mail "
		    "to address the intro to");
		goto out;
	}
	if (people_check(&p, rc, dl) == -1 || check_client(rc, dl) == -1 ||
	    (subj = subject_clean(rc, subject, dl)) == NULL)
		goto out;
	msg.kind = "intro";
	msg.from = p.from;
	msg.to = p.to;
	msg.nto = p.nto;
	msg.cc = p.cc;
	msg.ncc = p.ncc;
	msg.subject = subj;
	msg.text = text;
	msg.html = html;
	r = assemble(out, rc, &msg, dl);
out:
	free(subj);
	people_dispose(&p);
	return r;
}

int
render_eml_notice_parts(struct buf *out, const struct render_ctx *rc,
    const char *subject, const char *text, const void *pdf, size_t pdflen,
    struct diag_list *dl)
{
	struct people	 p;
	struct mime_msg	 msg;
	struct buf	 name;
	const xmlNode	*csm;
	const char	*id;
	char		*subj = NULL;
	int		 r = -1;

	memset(&p, 0, sizeof(p));
	memset(&msg, 0, sizeof(msg));
	buf_init(&name);
	p.towho = "CSM";
	if (people_from(&p, rc) == -1)
		goto out;
	if ((csm = model_find(rc->m, "deal/csm")) == NULL) {
		diag_add(dl, diag_pos_line(rc->m->file, 0), RULE_REQUIRED_FIELD,
		    "the deal names no CSM to send the notice to");
		goto out;
	}
	if ((p.to = calloc(1, sizeof(*p.to))) == NULL)
		goto out;
	person_addr(&p.to[p.nto++], csm);
	if (people_check(&p, rc, dl) == -1 || check_client(rc, dl) == -1 ||
	    (subj = subject_clean(rc, subject, dl)) == NULL)
		goto out;
	id = model_get(rc->m, "deal/id");
	if (pdf != NULL && pdflen > 0) {
		if ((fs_deal_id_ok(id) ? buf_printf(&name,
		    "handoff-package-%s.pdf", id) :
		    buf_puts(&name, "handoff-package.pdf")) == -1)
			goto out;
		msg.attach = pdf;
		msg.attachlen = pdflen;
		msg.attach_name = name.data;
		msg.attach_type = "application/pdf";
	}
	msg.kind = "notice";
	msg.from = p.from;
	msg.to = p.to;
	msg.nto = p.nto;
	msg.cc = p.cc;
	msg.ncc = p.ncc;
	msg.subject = subj;
	msg.text = text;
	r = assemble(out, rc, &msg, dl);
out:
	free(subj);
	buf_dispose(&name);
	people_dispose(&p);
	return r;
}

/*
 * Render the named templates into the bufs (NULL names are skipped).
 * 0, or -1 after a diagnostic.
 */
static int
render_texts(const struct render_ctx *rc, const char *const *names,
    struct buf *outs, size_t n, struct diag_list *dl)
{
	size_t	 i, before = dl->n;

	if (rc->t == NULL) {
		diag_add_hint(dl, diag_pos_line(rc->m->file, 0), RULE_OUTPUT,
		    "run 'handoff templates check'",
		    "no e-mail templates are loaded");
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (templates_render(&outs[i], rc->t, names[i], rc, dl) == -1 ||
		    buf_putc(&outs[i], '\0') == -1) {
			if (dl->n == before)
				diag_add(dl, diag_pos_line(rc->m->file, 0),
				    RULE_OUTPUT, "template '%s' did not render",
				    names[i]);
			return -1;
		}
		outs[i].len--;	/* keep the NUL out of the length */
	}
	return 0;
}

int
render_eml_intro(struct buf *out, const struct render_ctx *rc,
    struct diag_list *dl)
{
	static const char *const names[] = { "intro.subject", "intro.txt",
	    "intro.html" };
	struct buf	 t[3];
	size_t		 i;
	int		 r = -1;

	for (i = 0; i < 3; i++)
		buf_init(&t[i]);
	if (render_texts(rc, names, t, 3, dl) == 0)
		r = render_eml_intro_parts(out, rc, t[0].data, t[1].data,
		    t[2].data, dl);
	for (i = 0; i < 3; i++)
		buf_dispose(&t[i]);
	return r;
}

int
render_eml_notice(struct buf *out, const struct render_ctx *rc,
    const void *pdf, size_t pdflen, struct diag_list *dl)
{
	static const char *const names[] = { "notice.subject", "notice.txt" };
	struct buf	 t[2];
	size_t		 i;
	int		 r = -1;

	for (i = 0; i < 2; i++)
		buf_init(&t[i]);
	if (render_texts(rc, names, t, 2, dl) == 0)
		r = render_eml_notice_parts(out, rc, t[0].data, t[1].data,
		    pdf, pdflen, dl);
	for (i = 0; i < 2; i++)
		buf_dispose(&t[i]);
	return r;
}

int
render_eml_internal(struct buf *out, const struct render_ctx *rc,
    const char *kind, const char *to_path, struct diag_list *dl)
{
	struct people	 p;
	struct mime_msg	 msg;
	struct buf	 t[2], names[2];
	const char	*nm[2];
	const xmlNode	*to;
	char		*subj = NULL;
	int		 r = -1, i;

	memset(&p, 0, sizeof(p));
	memset(&msg, 0, sizeof(msg));
	for (i = 0; i < 2; i++) {
		buf_init(&t[i]);
		buf_init(&names[i]);
	}
	if (buf_printf(&names[0], "%s.subject", kind) == -1 ||
	    buf_printf(&names[1], "%s.txt", kind) == -1)
		goto out;
	nm[0] = names[0].data;
	nm[1] = names[1].data;
	if (render_texts(rc, nm, t, 2, dl) == -1)
		goto out;
	p.towho = strcmp(to_path, "deal/ae") == 0 ? "AE" : "CSM";
	if (people_from(&p, rc) == -1)
		goto out;
	if ((to = model_find(rc->m, to_path)) == NULL) {
		diag_add(dl, diag_pos_line(rc->m->file, 0), RULE_REQUIRED_FIELD,
		    "the deal names no %s to send the %s to", p.towho, kind);
		goto out;
	}
	if ((p.to = calloc(1, sizeof(*p.to))) == NULL)
		goto out;
	person_addr(&p.to[p.nto++], to);
	if (people_check(&p, rc, dl) == -1 || check_client(rc, dl) == -1 ||
	    (subj = subject_clean(rc, t[0].data, dl)) == NULL)
		goto out;
	msg.kind = kind;
	msg.from = p.from;
	msg.to = p.to;
	msg.nto = p.nto;
	msg.cc = p.cc;
	msg.ncc = p.ncc;
	msg.subject = subj;
	msg.text = t[1].data;
	r = assemble(out, rc, &msg, dl);
out:
	free(subj);
	for (i = 0; i < 2; i++) {
		buf_dispose(&t[i]);
		buf_dispose(&names[i]);
	}
	people_dispose(&p);
	return r;
}
