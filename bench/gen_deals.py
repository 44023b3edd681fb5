#!/usr/bin/python3
"""gen_deals.py TEMPLATE.md OUTDIR N: write N synthetic deals as Markdown
(OUTDIR/deal-00000.md ...), derived from the enterprise example so they
stay valid as it evolves.  Deterministic (a fixed seed per deal), with
non-ASCII client and people names, 3 to 40 stakeholders, 2 to 8 pain
points, 1 to 5 goals and 1 to 6 risks, across the three segments."""
import os
import random
import re
import sys

FIRST = ['Zoë', 'Łukasz', 'Søren', 'Małgorzata', 'José', 'Ingrid', 'Björn',
         'Çağla', 'Dörte', 'Émilie', 'Ñuño', 'Oğuz', 'Šárka', 'Aoife',
         'Henrik', 'Katarzyna', 'Jürgen', 'Siobhán', 'Aleksandra', 'Matthäus',
         'Håkon', 'Renée', 'Tomás', 'Ana', 'Priya', 'Kenji', 'Ólafur']
LAST = ['Müller', 'Wiśniewska', 'Ærøskøbing', 'Łódź-Nowak', 'Grønlund',
        'Håkansson', 'Ibáñez', 'Kovačević', 'Ørsted', 'Szczęsny', 'Böhm',
        'Nuñez', 'Dvořák', 'Çelik', 'Byrne', 'Lefèvre', 'Štěpánek', 'Öztürk']
CLIENT = ['Nordlicht Energie', 'Ærø Vind', 'Łódzkie Wodociągi', 'Müller & Söhne',
          'Société Générale des Fromages', 'Kraków Logistyka', 'Göteborgs Hamn',
          'Zürcher Präzision', 'Île-de-France Santé', 'Brøndby Bryggeri',
          'Peñalara Turismo', 'Českomoravská Ocel', 'İzmir Tekstil']
FORM = ['GmbH', 'A/S', 'S.A.', 'sp. z o.o.', 'AB', 'AG', 'SAS', 'a.s.', 'A.Ş.']
TITLES = ['CFO', 'COO', 'Head of Field Service', 'IT Director', 'Procurement Lead',
          'Operations Manager', 'Site Lead', 'Data Protection Officer',
          'Head of Customer Care', 'Finance Controller', 'Regional Manager']
ROLES = ['Influencer', 'User', 'Technical', 'Decision maker', 'Legal/procurement']
LEVEL = ['High', 'Medium', 'Low']
STANCE = ['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Detractor']
CHANNEL = ['Email', 'Teams', 'Phone', 'Slack']
PAINS = ['Technicians log work on paper; orders reach the ERP days late.',
         'Outages are found by the control room, not predicted.',
         'Two offices keep separate spreadsheets of spare parts.',
         'Month-end close takes nine days because invoices are keyed by hand.',
         'Customer complaints live in three inboxes and nobody owns them.',
         'The audit trail for safety checks is a shared drive of scans.',
         'Planners re-enter the same schedule into four tools every Monday.',
         'Field reports arrive in Polish, German and Danish; nobody can search them.']
METRICS = [('Work-order lag to the ERP', '5 days', 'Same day'),
           ('Unplanned stops per winter', '11', '6 or fewer'),
           ('Invoices keyed by hand', '1,200 a month', 'under 100'),
           ('First-response time on complaints', '3 days', '4 hours'),
           ('Safety checks with a digital record', '35 %', '100 %')]
RISKS = [('ERP connector for custom order types', 'CSM'),
         ('IT still prefers an in-house build', 'AE'),
         ('Winter peak leaves no time for training', 'CSM'),
         ('Champion changes jobs before go-live', 'AE'),
         ('Data-residency review drags on', 'CSM'),
         ('Budget freeze in the second quarter', 'AE')]
SEV = ['Critical', 'High', 'Medium', 'Low']


def ascii_slug(s):
    table = str.maketrans('ëęėéèêäåæáàâãöøóòôõüúùûłńñśšźżžćčçğıíìîďřťůýþðß',
                          'eeeeeeaaaaaaaoooooouuuulnnsszzzcccgiiiidrtuytds')
    s = s.lower().translate(table)
    return re.sub(r'[^a-z0-9]+', '.', s).strip('.')


def person(r, used):
    while True:
        name = '%s %s' % (r.choice(FIRST), r.choice(LAST))
        if name not in used:
            used.add(name)
            return name


def deal(base, i):
    r = random.Random(1000003 * i + 17)
    ident = 'deal-%05d' % i
    client = '%s %d %s' % (r.choice(CLIENT), i, r.choice(FORM))
    domain = 'client%05d.example' % i
    d = base
    d = re.sub(r'(?m)^client: .*$', 'client: ' + client, d)
    d = re.sub(r'(?m)^deal: .*$', 'deal: ' + ident, d)
    d = re.sub(r'(?m)^segment: .*$', 'segment: ' +
               r.choice(['enterprise', 'mid-market', 'smb']), d)
    d = re.sub(r'(?m)^value: .*$', 'value: %d EUR/year' %
               (r.randrange(12, 600) * 1000), d)
    used = set()
    ae = person(r, used)
    d = re.sub(r'(?m)^ae: .*$', 'ae: %s <%s@vendor.example>' %
               (ae, ascii_slug(ae)), d)
    d = d.replace('Zoë Müller, by', '%s, by' % ae)
    d = re.sub(r'(?m)^crm: .*$', 'crm: https://crm.vendor.example/opportunities/%s'
               % ident, d)
    d = re.sub(r'(?m)^proposal: .*$', 'proposal: https://docs.vendor.example/'
               'proposals/%s-v%d.pdf' % (ident, r.randrange(1, 6)), d)
    # pain points
    pains = r.sample(PAINS, r.randrange(2, 9))
    d = re.sub(r'(?s)(## Pain points\n).*?(\n## )',
               lambda m: m.group(1) + ''.join('- %s\n' % p for p in pains)
               + m.group(2), d)
    # stakeholders: one economic buyer, one primary champion, the rest mixed
    n = r.randrange(3, 41)
    rows = []
    for k in range(n):
        name = person(r, used)
        if k == 0:
            role, inf, st = 'Economic buyer', 'High', r.choice(STANCE[:3])
        elif k == 1:
            role, inf, st = 'Champion, primary', r.choice(LEVEL[:2]), 'Champion'
        elif k == 2:
            role, inf, st = 'Legal/procurement', 'Low', r.choice(STANCE[1:4])
        else:
            role, inf, st = r.choice(ROLES), r.choice(LEVEL), r.choice(STANCE)
        note = r.choice(['', 'Ran the pilot at the %s site' % r.choice(LAST),
                         'Wants numbers first', 'Joined in the last month',
                         'Prefers short calls; send an agenda'])
        rows.append('| %s | %s | %s | %s | %s | %s@%s | %s | %s |' % (
            name, r.choice(TITLES), role, inf, st, ascii_slug(name), domain,
            r.choice(CHANNEL), note))
    d = re.sub(r'(?s)(# Relationships\n\|[^\n]*\n\|[^\n]*\n)(?:\|[^\n]*\n)+',
               lambda m: m.group(1) + '\n'.join(rows) + '\n', d)
    # goals
    goals = r.sample(METRICS, r.randrange(1, 6))
    grow = ['| %s | %s | %s | 2027-%02d-%02d | Monthly report |' %
            (m, b, t, r.randrange(3, 13), r.randrange(1, 29)) for m, b, t in goals]
    d = re.sub(r'(?s)(# Goals\n\|[^\n]*\n\|[^\n]*\n)(?:\|[^\n]*\n)+',
               lambda m: m.group(1) + '\n'.join(grow) + '\n', d)
    # risks
    risks = r.sample(RISKS, r.randrange(1, 7))
    rrow = ['| %s | %s | %s | Weekly check-in; escalate early | %s |' %
            (t, r.choice(SEV), r.choice(LEVEL), o) for t, o in risks]
    d = re.sub(r'(?s)(# Risks\n\|[^\n]*\n\|[^\n]*\n)(?:\|[^\n]*\n)+',
               lambda m: m.group(1) + '\n'.join(rrow) + '\n', d)
    return d


def main():
    base = open(sys.argv[1], encoding='utf-8').read()
    out, n = sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, 'deal-%05d.md' % i), 'w',
                  encoding='utf-8') as f:
            f.write(deal(base, i))


if __name__ == '__main__':
    main()
