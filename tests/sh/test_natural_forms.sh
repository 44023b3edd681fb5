#!/bin/sh
# SPDX-License-Identifier: MIT
# test_natural_forms.sh: forms AEs write that a red-team pass over 14
# unseen natural deals found unread (issue 10: if the file says it, read
# it; issue 11 point 10: diagnostics in the user's words).  Each check
# reads the canonical XML or the diagnostics of one small deal.
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-12-02
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
front='---
client: Acme
deal: d
segment: smb
stage: pre-close
signed: 2026-11-20
ae: Ann Lee <ann@vendor.example>
---'
deal() { printf '%s\n%s\n' "$front" "$1" > "$tmp/d.md"; }
xml() { "$bin" convert --to xml "$tmp/d.md" 2>/dev/null | tr -d '\n' | sed 's/  */ /g'; }

# Commitments: owner and date however they are written.
deal '# Context
## Commitments
- [ ] CSV export (Ann Lee by 2026-12-20)
- [ ] SSO (Ann Lee; by 2026-12-20)
- [ ] Free training for admins — Ann Lee, by Dec 20
- [ ] Data import — Ann Lee (2026-12-20)
- [ ] Custom report - Ann Lee - 2026-12-20
- [ ] German templates (Ann Lee, bis 31.01.2027)
- [ ] API access (Ann Lee, by 2026-12-01) ✅ done
- [ ] Samsara integration live - Tom - 1/15/2027'
x=$(xml)
want='<commitment done="false"> <text>CSV export</text> <who>Ann Lee</who> <due>2026-12-20</due>'
bad=
for t in 'CSV export' 'SSO' 'Free training for admins' 'Data import' 'Custom report'; do
	printf '%s' "$x" | grep -q "<text>$t</text> <who>Ann Lee</who> <due[^>]*>2026-12-20</due>" ||
	    bad="$bad [$t]"
done
printf '%s' "$x" | grep -q '<text>German templates</text> <who>Ann Lee</who> <due>2027-01-31</due>' || bad="$bad [bis]"
printf '%s' "$x" | grep -q '<commitment done="true"> <text>API access</text> <who>Ann Lee</who> <due>2026-12-01</due>' || bad="$bad [done after]"
printf '%s' "$x" | grep -q '<text>Samsara integration live</text> <who>Tom</who> <due>2027-01-15</due>' || bad="$bad [name before a date]"
printf '%s' "$x" | grep -q '<who>2026' && bad="$bad [a date as the owner]"
[ -z "$bad" ] && ok natural-commitment-owner-forms || ko natural-commitment-owner-forms "$bad"

# 'done' inside the text is the AE's words, not a status.
deal '# Context
## Commitments
- [ ] Make sure the data migration is done (Ann Lee, by 2026-12-20)
- [x] Kickoff done
- Spanish templates — done (Ann Lee)'
x=$(xml)
cp "$tmp/d.md" "$tmp/f.md"
"$bin" fmt "$tmp/f.md" 2>/dev/null
if printf '%s' "$x" | grep -q '<commitment done="false"> <text>Make sure the data migration is done</text>' &&
    printf '%s' "$x" | grep -q '<commitment done="true"> <text>Kickoff done</text>' &&
    printf '%s' "$x" | grep -q '<commitment done="true"> <text>Spanish templates</text>' &&
    grep -q '^- \[ \] Make sure the data migration is done (Ann Lee' "$tmp/f.md"; then
	ok natural-done-word-is-text
else ko natural-done-word-is-text "$(printf '%s' "$x" | grep -o '<commitments>.*</commitments>' | head -c 400)"
fi

# Headings CRM templates use.
deal '# Context
## What we promised
- [ ] CSV export (Ann Lee, by 2026-12-20)

# Key Players
| Name | Title | Role | Email |
|---|---|---|---|
| Ben Ode | COO | Economic buyer, POC | ben@acme.example |

# Customer Goals
| Metric | Baseline | Target | By |
|---|---|---|---|
| Missed deliveries | 8% | 4% | 2027-06-30 |

# Known Risks
None identified'
x=$(xml)
"$bin" check "$tmp/d.md" > "$tmp/c" 2>&1
if printf '%s' "$x" | grep -q '<commitments> <commitment' &&
    printf '%s' "$x" | grep -q '<stakeholder primary="true"> <name>Ben Ode</name>' &&
    printf '%s' "$x" | grep -q '<success-metrics>\|<metric>' &&
    printf '%s' "$x" | grep -q '<risks none="true"' &&
    ! grep -q 'unknown section' "$tmp/c" &&
    ! grep -q 'commitments is\|stakeholders is\|success metrics is\|risks is' "$tmp/c"; then
	ok natural-crm-headings
else ko natural-crm-headings "$(grep -E 'commitments|stakeholders|metrics|risks|unknown' "$tmp/c" | head -4)"
fi

# CRM keys in the front matter; an unknown key with a list is kept.
printf -- '---\nAccount Name: Acme\ndeal: d\nDeal Stage: Closed Won\nClose Date: Nov 16, 2026\nDeal Owner: Ann Lee, ann@vendor.example\nARR: $96,000\ncompetitors:\n  - FieldPro\n  - RouteMax\n---\n# Context\n' > "$tmp/d.md"
x=$(xml)
"$bin" check "$tmp/d.md" > "$tmp/c" 2>&1
if printf '%s' "$x" | grep -q '<client>Acme</client>' &&
    printf '%s' "$x" | grep -q '<stage>signed</stage> <signed>2026-11-16</signed>' &&
    printf '%s' "$x" | grep -q '<ae> <name>Ann Lee</name> <email>ann@vendor.example</email> </ae>' &&
    printf '%s' "$x" | grep -q '<value currency="USD" per="year">96000</value>' &&
    printf '%s' "$x" | grep -q '<extra name="competitors">FieldPro, RouteMax</extra>' &&
    grep -q "warning: unknown key 'competitors'" "$tmp/c" && ! grep -q 'yaml-syntax' "$tmp/c"; then
	ok natural-crm-keys
else ko natural-crm-keys "$(head -c 600 "$tmp/c")"
fi

# The gate stays strict: a signed deal that truly lacks an owner or a CSM
# is still an error.
printf -- '---\nclient: Acme\ndeal: d\nsegment: smb\nstage: signed\nsigned: 2026-11-20\nae: Ann Lee <ann@vendor.example>\n---\n# Context\n## Commitments\n- [ ] CSV export - by 2026-12-20\n' > "$tmp/d.md"
"$bin" check "$tmp/d.md" > "$tmp/c" 2>&1; rc=$?
if [ "$rc" -eq 1 ] && grep -q 'CSM is missing' "$tmp/c" && grep -q 'who promised it' "$tmp/c"; then
	ok natural-gaps-still-errors
else ko natural-gaps-still-errors "exit $rc" "$(grep -E 'error' "$tmp/c" | head -3)"
fi

# Diagnostics name what the user wrote: a quote (not 'block_quote'), a
# section (not an element name like 'p').
deal '# Risks
> the union may push back

# Parking
N/A'
"$bin" check "$tmp/d.md" > "$tmp/c" 2>&1
if grep -q "quote under 'Risks'" "$tmp/c" && ! grep -q 'block_quote' "$tmp/c" &&
    grep -q "'N/A' is a placeholder, not a value for the section 'Parking'" "$tmp/c"; then
	ok natural-diagnostics-user-words
else ko natural-diagnostics-user-words "$(grep -E 'quote|placeholder' "$tmp/c" | head -3)"
fi

# Risk bullets: the severity however it is written.
deal '# Risks
- Union pushback on rollout (med)
- IT backlog [HIGH]
- High: budget freeze in Q1
- Low risk: summer holidays
- Champion may leave — High
- Data migration slips, severity low
- Carl blocks SSO -> med
- Night shift adoption - high - Lisa to run extra training'
x=$(xml)
bad=
for t in 'Union pushback on rollout</text> <severity>medium' 'IT backlog</text> <severity>high' \
    'budget freeze in Q1</text> <severity>high' 'summer holidays</text> <severity>low' \
    'Champion may leave</text> <severity>high' 'Data migration slips</text> <severity>low' \
    'Carl blocks SSO</text> <severity>medium' \
    'Night shift adoption - Lisa to run extra training</text> <severity>high'; do
	printf '%s' "$x" | grep -q "<text>$t</severity>" || bad="$bad [$t]"
done
[ -z "$bad" ] && ok natural-risk-severity-forms || ko natural-risk-severity-forms "$bad"

# Stakeholder bullets: a title in brackets or after a colon, an address
# beside the name or in brackets.
deal '# Relationships
- Fay Hill <fay@probe.example> - Head of IT - skeptic
- Dee Eff (VP Ops), economic buyer
- **Kari Nilsen** (Editor-in-Chief) — champion
- Jon Lu: Director of Sales
- Kim Mo, COO (kim@acme.example)'
x=$(xml)
bad=
for t in '<name>Fay Hill</name> <title>Head of IT</title> <stance>skeptic</stance> <email>fay@probe.example</email>' \
    '<name>Dee Eff</name> <title>VP Ops</title> <role>economic-buyer</role>' \
    '<name>Kari Nilsen</name> <title>Editor-in-Chief</title> <role>champion</role>' \
    '<name>Jon Lu</name> <title>Director of Sales</title>' \
    '<name>Kim Mo</name> <title>COO</title> <email>kim@acme.example</email>'; do
	printf '%s' "$x" | grep -qF "$t" || bad="$bad [$t]"
done
[ -z "$bad" ] && ok natural-stakeholder-bullets || ko natural-stakeholder-bullets "$bad"

# 'No special commitments' says there are none; an owner 'someone' and a
# target 'to be agreed' are placeholders, not values (the gate stays
# strict).
printf -- '---\nclient: Acme\ndeal: d\nsegment: smb\nstage: signed\nsigned: 2026-11-20\nae: Ann Lee <ann@vendor.example>\n---\n# Context\n## Commitments\nNo special commitments\n# Risks\nNone known\n' > "$tmp/d.md"
x=$(xml)
"$bin" check "$tmp/d.md" > "$tmp/c" 2>&1
printf -- '---\nclient: Acme\ndeal: d\nsegment: smb\nstage: signed\nsigned: 2026-11-20\nae: Ann Lee <ann@vendor.example>\n---\n# Context\n## Commitments\n- [ ] Training (someone, by 2026-12-20)\n# Goals\n| Metric | Baseline | Target | By |\n|---|---|---|---|\n| Churn | 8%% | to be agreed | 2027-06-30 |\n' > "$tmp/d.md"
"$bin" check "$tmp/d.md" > "$tmp/c2" 2>&1
if printf '%s' "$x" | grep -q '<commitments none="true"' && printf '%s' "$x" | grep -q '<risks none="true"' &&
    ! grep -q 'commitments is\|risks is' "$tmp/c" &&
    grep -q "error: 'someone' is a placeholder" "$tmp/c2" &&
    grep -q "error: 'to be agreed' is a placeholder" "$tmp/c2"; then
	ok natural-none-and-placeholders
else ko natural-none-and-placeholders "$(grep -E 'commitments|risks|placeholder' "$tmp/c" "$tmp/c2" | head -4)"
fi

# A numeric date that could be either order is read in the order the
# file's own dates show ('11/25/2026' is month first); when the file
# shows both orders, or none, it stays an error that says why.
printf -- '---\nclient: Acme\ndeal: d\nsegment: smb\nstage: pre-close\nsigned: 11/25/2026\ngo_live: 02/01/2027\nae: Ann Lee <ann@vendor.example>\n---\n# Context\n' > "$tmp/d.md"
x=$(xml)
printf -- '---\nclient: Acme\ndeal: d\nsegment: smb\nstage: pre-close\nsigned: 25/11/2026\nstart: 11/26/2026\ngo_live: 02/01/2027\nae: Ann Lee <ann@vendor.example>\n---\n# Context\n' > "$tmp/d.md"
"$bin" check "$tmp/d.md" > "$tmp/c" 2>&1
printf -- '---\nclient: Acme\ndeal: d\nsegment: smb\nstage: pre-close\ngo_live: 02/01/2027\nae: Ann Lee <ann@vendor.example>\n---\n# Context\n' > "$tmp/d.md"
"$bin" check "$tmp/d.md" > "$tmp/c2" 2>&1
if printf '%s' "$x" | grep -q '<signed>2026-11-25</signed>' &&
    printf '%s' "$x" | grep -q '<go-live>2027-02-01</go-live>' &&
    grep -q "error: go-live target: '02/01/2027' could be 2 January or February 1" "$tmp/c" &&
    grep -q "error: go-live target: '02/01/2027' could be" "$tmp/c2"; then
	ok natural-date-order-from-the-file
else ko natural-date-order-from-the-file "$(printf '%s' "$x" | grep -o '<signed>.*</go-live>')" "$(grep could "$tmp/c" "$tmp/c2")"
fi

# 'Label: text' lines under a pillar fill the prose fields they name
# ('**Pain:** …', 'Why us: …'); other prose there stays notes, and a
# placeholder is still one.
deal '# Deal Summary
Kestrel is a 40-person MSP.

**Pain:** techs lose track of tickets across 3 tools.
**Why us:** native ConnectWise sync + price.

Note: call them Monday'
x=$(xml)
deal '# Context
Pain: TBD'
"$bin" check "$tmp/d.md" > "$tmp/c" 2>&1
if printf '%s' "$x" | grep -q '<pain-points> <p>techs lose track of tickets across 3 tools.</p> </pain-points> <why-us> <p>native ConnectWise sync + price.</p> </why-us>' &&
    printf '%s' "$x" | grep -q '<p>Kestrel is a 40-person MSP.</p> <p>Note: call them Monday</p>' &&
    grep -q "'TBD' is a placeholder, not a value for pain points" "$tmp/c"; then
	ok natural-label-lines-fill-fields
else ko natural-label-lines-fill-fields "$(printf '%s' "$x" | grep -o '<context>.*</context>')" "$(grep TBD "$tmp/c")"
fi

# A plain nested bullet with no owner, date or box of its own is a detail
# of the commitment above it, not a commitment with no owner; a nested
# task item is a commitment of its own.
deal '# Context
## Commitments
- [ ] Validation package delivered before go-live (Ann Lee, by 2027-02-01)
  - includes the traceability matrix
  - and the vendor audit report
- [ ] SSO rollout (Ann Lee, by 2027-01-20)
  - [ ] SAML setup (Ann Lee, by 2027-01-10)'
x=$(xml)
"$bin" check "$tmp/d.md" > "$tmp/c" 2>&1
if printf '%s' "$x" | grep -q '<text>Validation package delivered before go-live; includes the traceability matrix; and the vendor audit report</text> <who>Ann Lee</who>' &&
    printf '%s' "$x" | grep -q '<text>SAML setup</text> <who>Ann Lee</who> <due>2027-01-10</due>' &&
    ! grep -q 'who promised it is missing' "$tmp/c"; then
	ok natural-commitment-details
else ko natural-commitment-details "$(printf '%s' "$x" | grep -o '<commitments>.*</commitments>' | head -c 500)"
fi
