# fill_pillars.py FILE: what an AE writes into the imported nordlicht-logistik
# skeleton (the pillars the CRM cannot know), for the pre-close check test.
import sys
p=sys.argv[1]
s=open(p).read()
s=s.replace('segment:\n','segment: mid-market\n',1)
s=s.replace('industry:\n','industry: Logistics\n',1)
s=s.replace("'- ...' -->\n","'- ...' -->\n- Manual route planning takes two days a week\n",1)
s=s.replace("over the alternatives. -->\n","over the alternatives. -->\nFastest rollout and a local support team.\n",1)
s=s.replace("the single word: None\n-->\n","the single word: None\n-->\n- [ ] Weekly check-in during the pilot (Tom Fischer, by 2027-01-15)\n",1)
s=s.replace('| Sofie Lindqvist | COO |  |','| Sofie Lindqvist | COO | Economic buyer, champion, primary |',1)
s=s.replace('| Metric | Baseline | Target | By | Measured by |\n|---|---|---|---|---|\n','| Metric | Baseline | Target | By | Measured by |\n|---|---|---|---|---|\n| Planning time | 2 days/week | 2 hours/week | 2027-03-31 | Time sheets |\n',1)
s=s.replace("words 'None identified'. -->\n| Risk | Severity | Likelihood | Mitigation | Owner |\n|---|---|---|---|---|\n","words 'None identified'. -->\n| Risk | Severity | Likelihood | Mitigation | Owner |\n|---|---|---|---|---|\n| Depot Wi-Fi is patchy | medium | medium | Offline mode in the first rollout | CSM |\n",1)
open(p,'w').write(s)
s=open(p).read()
s=s.replace('term:\n','term: 2 years\n',1).replace('go_live:\n','go_live: 2027-02-01\n',1)
s=s.replace("who signed off. -->\n","who signed off. -->\nPilot, then a board decision in November.\n",1)
s=s.replace("should see first. -->\n","should see first. -->\nFirst depot planned in the tool by February.\n",1)
s=s.replace('Economic buyer, champion, primary |  |  |','Economic buyer, champion, primary | High | Champion |',1)
open(p,'w').write(s)
