#!/usr/bin/python3
# gen_deal.py: synthetic deals for the PDF and build tests, derived from
# the canonical enterprise example (so they stay valid as it evolves).
#   gen_deal.py stress SRC.xml OUT.xml   40 stakeholders, a 2,000-word pain
#                                        point (tokens p1..p2000), a
#                                        300-character CRM URL
#   gen_deal.py copy SRC.xml OUT.xml ID  the example under another id
import sys
import xml.etree.ElementTree as ET

NS = 'urn:x-handoff:1'
ET.register_namespace('', NS)
q = lambda n: '{%s}%s' % (NS, n)

FIRST = ['Zoë', 'Łukasz', 'Ærø', 'Søren', 'Małgorzata', 'José', 'Ingrid',
         'Björn', 'Çağla', 'Dörte', 'Émilie', 'Ñuño', 'Oğuz', 'Šárka']
LAST = ['Müller', 'Wiśniewska', 'Ærøskøbing', 'Łódź-Nowak', 'Grønlund',
        'Håkansson', 'Ibáñez', 'Kovačević', 'Ørsted', 'Szczęsny']
ROLES = ['influencer', 'user', 'technical', 'decision-maker', 'blocker']
LEVELS = ['high', 'medium', 'low']
STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'detractor']


def stress(src, out):
    tree = ET.parse(src)
    root = tree.getroot()
    deal = root.find(q('deal'))
    deal.find(q('crm')).text = ('https://crm.vendor.example/opportunities/'
                                + 'x' * 240 + '/view?tab=all&amp=1')
    pp = root.find(q('context')).find(q('pain-points'))
    li = ET.SubElement(pp, q('li'))
    li.text = ' '.join('p%d' % i for i in range(1, 2001))
    rel = root.find(q('relationships'))
    for i in range(36):
        st = ET.SubElement(rel, q('stakeholder'))
        for name, text in (
                ('name', '%s %s %d' % (FIRST[i % len(FIRST)], LAST[i % len(LAST)], i + 5)),
                ('title', 'Regional lead, site %d' % (i + 1)),
                ('role', ROLES[i % len(ROLES)]),
                ('influence', LEVELS[i % 3]),
                ('stance', STANCES[(i // 3) % 5] if i % 7 else 'champion'),
                ('email', 'person%d@nordlicht.example' % (i + 5)),
                ('channel', 'Email'),
                ('notes', 'Met at the pilot; ' * (1 + i % 4))):
            ET.SubElement(st, q(name)).text = text
    tree.write(out, encoding='UTF-8', xml_declaration=True)


def copy(src, out, ident):
    tree = ET.parse(src)
    deal = tree.getroot().find(q('deal'))
    deal.find(q('id')).text = ident
    deal.find(q('client')).text = 'Client %s' % ident
    tree.write(out, encoding='UTF-8', xml_declaration=True)


if __name__ == '__main__':
    if sys.argv[1] == 'stress':
        stress(sys.argv[2], sys.argv[3])
    else:
        copy(sys.argv[2], sys.argv[3], sys.argv[4])
