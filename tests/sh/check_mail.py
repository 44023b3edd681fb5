#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# check_mail.py: check the e-mails and the calendar of one built deal as a
# mail client and a calendar would (Debian's python3: email with the strict
# policy, icalendar).  Prints 'PASS name' / 'FAIL name' lines.
#
#   check_mail.py DEAL.xml OUTDIR [SCHEMA.xsd]
#
# DEAL.xml is the canonical XML of the deal (names, recipients and, with the
# schema's h:audience, the internal texts that must never reach the intro).
import email
import email.policy
import re
import sys
import xml.etree.ElementTree as ET

NS = '{urn:x-handoff:1}'
XS = '{http://www.w3.org/2001/XMLSchema}'
HA = '{urn:x-handoff:schema:1}audience'
fails = 0


def check(name, ok, detail=''):
    global fails
    if ok:
        print('PASS ' + name)
    else:
        fails += 1
        print('FAIL ' + name)
        if detail:
            print('  ' + str(detail)[:600])


def local(tag):
    return tag.split('}', 1)[-1]


def text_of(node, path):
    n = node.find('/'.join(NS + p for p in path.split('/')))
    return (n.text or '').strip() if n is not None else ''


def raw_lines(data):
    """The lines of a message; every one must end with CRLF."""
    bare = re.search(rb'(?<!\r)\n', data) is not None
    return data.split(b'\r\n'), bare


def check_wire(tag, data):
    lines, bare = raw_lines(data)
    check(tag + ': CRLF line ends only', not bare and b'\r' not in
          data.replace(b'\r\n', b''))
    long_ = [l for l in lines if len(l) > 998]
    check(tag + ': no line over 998 octets', not long_)
    head = data.split(b'\r\n\r\n', 1)[0].split(b'\r\n')
    wide = [l for l in head if len(l) >= 78]
    check(tag + ': header lines under 78 characters', not wide, wide)
    check(tag + ': headers are ASCII', all(max(l, default=0) < 128
                                           for l in head))
    names = [l.split(b':', 1)[0].lower() for l in head
             if l[:1] not in (b' ', b'\t')]
    check(tag + ': no Bcc header', b'bcc' not in names)
    for h in (b'date', b'from', b'to', b'subject', b'message-id',
              b'mime-version'):
        check(tag + ': one %s header' % h.decode(), names.count(h) == 1,
              names)


def all_defects(msg):
    out = list(msg.defects)
    for part in msg.walk():
        out += list(part.defects)
    return out


def parse(tag, path):
    data = open(path, 'rb').read()
    check_wire(tag, data)
    try:
        msg = email.message_from_bytes(data, policy=email.policy.strict)
        d = all_defects(msg)
        # The strict policy raises on header defects when a header is read.
        for k in msg.keys():
            msg[k]
        for part in msg.walk():
            for k in part.keys():
                part[k]
    except Exception as e:  # noqa: BLE001 - any parse error is a failure
        check(tag + ': parses with policy=strict', False, repr(e))
        return None
    check(tag + ': parses with policy=strict, no defects', not d, d)
    return msg


def person(node, path):
    return (text_of(node, path + '/name'), text_of(node, path + '/email'))


def addrs(msg, header):
    h = msg[header]
    if h is None:
        return []
    return [(a.display_name, a.addr_spec) for a in h.addresses]


def internal_texts(deal, schema_path):
    """Texts of every internal field of the deal (schema h:audience)."""
    xsd = ET.parse(schema_path).getroot()
    types = {t.get('name'): t for t in xsd.iter(XS + 'complexType')
             if t.get('name')}
    aud = {}

    def walk(el, path, internal, depth=0):
        if depth > 20:
            return
        for child in el:
            if child.tag == XS + 'element' and child.get('name'):
                p = path + [child.get('name')]
                inn = internal or child.get(HA) == 'internal'
                aud['/'.join(p)] = inn
                walk(child, p, inn, depth + 1)
                t = child.get('type')
                if t in types:
                    walk(types[t], p, inn, depth + 1)
            else:
                walk(child, path, internal, depth + 1)

    for top in xsd.findall(XS + 'element'):
        walk(top, [], False)
    shareable, internal = set(), set()

    def collect(node, path):
        for child in node:
            p = path + [local(child.tag)]
            key = '/'.join(p)
            txt = ' '.join(''.join(child.itertext()).split())
            if key in aud and len(child) == 0 and txt:
                (internal if aud[key] else shareable).add(txt)
            collect(child, p)

    root = deal.getroot()
    collect(root, [local(root.tag)] if local(root.tag) != 'handoff' else [])
    # Short words (stages, enumerations) and dates may rightly appear in
    # a warm intro; a value that is also a shareable field is no leak.
    out = set()
    for t in internal:
        if t in shareable or any(t in s for s in shareable):
            continue
        if len(t) >= 12 or (t.isdigit() and len(t) >= 4):
            out.add(t)
    return out


def body_text(msg):
    parts = []
    for part in msg.walk():
        if part.get_content_maintype() == 'text':
            t = part.get_content()
            if part.get_content_subtype() == 'html':
                import html
                t = html.unescape(re.sub(r'<[^>]*>', ' ', t))
            parts.append(' '.join(t.split()))
    return ' '.join(parts)


def check_intro(deal, outdir, schema):
    msg = parse('intro', outdir + '/intro-email.eml')
    if msg is None:
        return
    d = deal.getroot().find(NS + 'deal')
    ae = person(d, 'ae')
    csm = person(d, 'csm')
    prim, champ = [], []
    for s in deal.getroot().iter(NS + 'stakeholder'):
        who = (text_of(s, 'name'), text_of(s, 'email'))
        if not who[1]:
            continue
        if s.get('primary') == 'true':
            prim.append(who)
        if 'champion' in [r.text for r in s.findall(NS + 'role')]:
            champ.append(who)
    prim = prim or champ
    check('intro: From is the AE, name decoded exactly',
          addrs(msg, 'From') == [ae], (addrs(msg, 'From'), ae))
    if prim:
        check('intro: To is the primary contact(s), names decoded exactly',
              addrs(msg, 'To') == prim, (addrs(msg, 'To'), prim))
    check('intro: Cc has the CSM', csm in addrs(msg, 'Cc'),
          addrs(msg, 'Cc'))
    check('intro: multipart/alternative',
          msg.get_content_type() == 'multipart/alternative')
    kids = [p for p in msg.iter_parts()]
    check('intro: text/plain then text/html',
          [p.get_content_type() for p in kids] ==
          ['text/plain', 'text/html'], [p.get_content_type() for p in kids])
    for p in kids:
        check('intro: %s is UTF-8 quoted-printable' % p.get_content_type(),
              p.get_content_charset() == 'utf-8' and
              p['Content-Transfer-Encoding'] == 'quoted-printable')
    subj = str(msg['Subject'])
    check('intro: subject decodes to one line', subj and '\n' not in subj,
          subj)
    mid = str(msg['Message-ID'])
    check('intro: Message-ID is <id@domain>',
          re.fullmatch(r'<[^<>@\s]+@[^<>@\s]+>', mid) is not None, mid)
    if schema:
        body = subj + ' ' + body_text(msg)
        leaks = [t for t in internal_texts(deal, schema) if t in body]
        check('intro: no internal field value in the e-mail', not leaks,
              leaks)


def check_notice(deal, outdir):
    msg = parse('notice', outdir + '/handoff-notice.eml')
    if msg is None:
        return
    d = deal.getroot().find(NS + 'deal')
    deal_id = text_of(d, 'id')
    check('notice: To is the CSM', addrs(msg, 'To') == [person(d, 'csm')],
          addrs(msg, 'To'))
    check('notice: From is the AE', addrs(msg, 'From') == [person(d, 'ae')],
          addrs(msg, 'From'))
    check('notice: multipart/mixed',
          msg.get_content_type() == 'multipart/mixed')
    att = [p for p in msg.iter_attachments()]
    check('notice: one attachment', len(att) == 1, len(att))
    if att:
        a = att[0]
        check('notice: attachment is application/pdf base64',
              a.get_content_type() == 'application/pdf' and
              a['Content-Transfer-Encoding'] == 'base64')
        check('notice: attachment name handoff-package-<deal>.pdf',
              a.get_filename() == 'handoff-package-%s.pdf' % deal_id,
              a.get_filename())
        check('notice: attachment decodes to %PDF',
              a.get_payload(decode=True)[:5] == b'%PDF-')
    text = [p for p in msg.walk() if p.get_content_type() == 'text/plain']
    check('notice: has a text/plain part', len(text) == 1)


def check_ics(deal, outdir, uids_file):
    from icalendar import Calendar
    d = deal.getroot().find(NS + 'deal')
    try:
        data = open(outdir + '/timeline.ics', 'rb').read()
    except FileNotFoundError:
        data = b''
    if not text_of(d, 'signed'):
        check('ics: no timeline before the signature', data == b'')
        return
    check('ics: written for a signed deal', data != b'')
    lines, bare = raw_lines(data)
    check('ics: CRLF line ends only', not bare)
    check('ics: lines folded at 75 octets',
          all(len(l) <= 75 for l in lines), max(len(l) for l in lines))
    try:
        for l in lines:
            l.decode('utf-8')
        ok = True
    except UnicodeDecodeError:
        ok = False
    check('ics: no UTF-8 sequence split by folding', ok)
    try:
        cal = Calendar.from_ical(data)
    except Exception as e:  # noqa: BLE001
        check('ics: parses with icalendar', False, repr(e))
        return
    check('ics: parses with icalendar', True)
    allev = cal.walk('VEVENT')
    steps = ('call', 'mapping', 'metrics', 'intro', 'feedback', 'escalation')
    deal_id, client = text_of(d, 'id'), text_of(d, 'client')
    ev = [e for e in allev
          if str(e['UID']).rsplit('@', 1)[0][len(deal_id) + 1:] in steps]
    extra = [e for e in allev if e not in ev]
    check('ics: six timeline steps', len(ev) == 6, len(ev))
    uids = [str(e['UID']) for e in allev]
    check('ics: UIDs are <deal>-<event>@handoff',
          all(re.fullmatch(re.escape(deal_id) + r'-[a-z0-9-]+@handoff', u)
              for u in uids) and len(set(uids)) == len(uids), uids)
    check('ics: summaries name the client',
          all(client in str(e['SUMMARY']) for e in allev))
    check('ics: all-day events, DTEND the next day',
          all((e['DTEND'].dt - e['DTSTART'].dt).days == 1 and
              not hasattr(e['DTSTART'].dt, 'hour') for e in allev))
    check('ics: no timeline step on a weekend',
          all(e['DTSTART'].dt.weekday() < 5 for e in ev))
    check('ics: every event has SEQUENCE, STATUS, LAST-MODIFIED, CLASS',
          all(k in e for e in allev
              for k in ('SEQUENCE', 'STATUS', 'LAST-MODIFIED', 'CLASS')))
    gl = text_of(d, 'go-live')
    if gl:
        check('ics: go-live is in the calendar',
              any(str(e['UID']) == deal_id + '-go-live@handoff' and
                  e['DTSTART'].dt.isoformat() == gl for e in extra))
    check('ics: internal dates (renewal, commitments) are PRIVATE',
          all(str(e['CLASS']) == 'PRIVATE' for e in extra
              if not str(e['UID']).endswith('-go-live@handoff')))
    if uids_file:
        try:
            old = open(uids_file).read().split()
            check('ics: UIDs stable across builds', old == uids, (old, uids))
        except FileNotFoundError:
            open(uids_file, 'w').write('\n'.join(uids))
    internal = internal_texts(deal, sys.argv[3]) if len(sys.argv) > 3 \
        else set()
    # what may be shared: the PUBLIC events (internal ones are PRIVATE)
    pub = Calendar()
    for e in allev:
        if str(e.get('CLASS', 'PUBLIC')) == 'PUBLIC':
            pub.add_component(e)
    flat = pub.to_ical().replace(b'\r\n ', b'').decode('utf-8').replace('\\', '')
    leaks = [t for t in internal if t.replace(',', '').replace(';', '')
             in flat.replace(',', '').replace(';', '')]
    check('ics: no internal field value in a PUBLIC event', not leaks, leaks)


def main():
    deal = ET.parse(sys.argv[1])
    outdir = sys.argv[2]
    schema = sys.argv[3] if len(sys.argv) > 3 else None
    uids = sys.argv[4] if len(sys.argv) > 4 else None
    stage = deal.find(NS + 'deal/' + NS + 'stage')
    if stage is not None and (stage.text or '').strip() != 'signed':
        # a pre-close deal builds a draft package and no e-mails
        import os
        check('pre-close: no intro e-mail',
              not os.path.exists(outdir + '/intro-email.eml'))
        check('pre-close: no notice e-mail',
              not os.path.exists(outdir + '/handoff-notice.eml'))
        return 1 if fails else 0
    check_intro(deal, outdir, schema)
    check_notice(deal, outdir)
    check_ics(deal, outdir, uids)
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
