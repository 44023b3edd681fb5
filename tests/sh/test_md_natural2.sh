#!/bin/sh
# test_md_natural2.sh: the rest of issue 10's natural forms.  Success
# metrics as bullets, objections as 'objection -> answer' bullets,
# commitments as a table, 'Label: value' lines filling a playbook's
# sub-sections, 'executive sponsor' and bare 'high'/'phone' in a
# stakeholder bullet.  Each form reads like its table; each real gap
# written in the new form (no target, a placeholder, no owner, a BAA line
# with no value, a bare 'sponsor') is still an error; fmt of each is a
# fixed point with the same canonical XML.
# Usage: sh tests/sh/test_md_natural2.sh /abs/path/to/handoff (repo root)
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1795500000

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
xml() { (cd "$tmp" && "$bin" convert --to xml "$1") 2>/dev/null; }
chk() { (cd "$tmp" && "$bin" check "$1") 2>&1; }

# deal NAME GOALS OBJECTIONS COMPLIANCE CONTACT COMMITMENTS: a signed
# healthcare deal with those sections (each a file).
deal() {
	{
	cat <<'X'
---
client: Sunny Smiles Dental
deal: sunny-smiles
segment: smb
industry: healthcare
stage: signed
signed: Nov 20, 2026
go_live: Jan 11, 2027
ae: Jamie Fox <jamie.fox@vendor.example>
csm: Ola Nordmann <ola.nordmann@vendor.example>
value: $18k ARR
term: 1 year
---
# Context
## Pain points
No-shows at 18%, reminders by hand.
## Why they chose us
Two-way SMS in the demo.
## Buying process
Demo, trial, owner signs.
## Competitors
- Weave
## Objections
X
	cat "$tmp/$3"
	printf '\n## Compliance\n'
	cat "$tmp/$4"
	printf '\n# Key Contacts\n'
	cat "$tmp/$5"
	printf '%s\n' '- Dana Ortiz — Office manager, user, supporter, medium — dana@sunny.example — prefers e-mail' \
	    '- Lee Park — Privacy officer, legal/procurement, neutral, low — lee@sunny.example — prefers e-mail'
	printf '\n# Success Criteria\n'
	cat "$tmp/$2"
	printf '\n## First milestone\nFirst reminder batch sent.\n\n# Risks\nNone identified\n\n# Promises\n'
	cat "$tmp/$6"
	} > "$tmp/$1.md"
}

printf '%s\n' '- Cut no-shows from 18% to 9% by Jun 30, 2027. Measured by: PMS report' \
    '- Reminder calls per week: 120 -> 10 by Mar 31, 2027 (front desk log)' > "$tmp/goals"
printf '%s\n' '| Metric | Baseline | Target | By | Measured by |' '|---|---|---|---|---|' \
    '| Cut no-shows | 18% | 9% | 2027-06-30 | PMS report |' \
    '| Reminder calls per week (front desk log) | 120 | 10 | 2027-03-31 | |' > "$tmp/goals_t"
printf '%s\n' '- Price vs. Weave -> matched year one' \
    '- PMS sync is new — answered: reference call with a Dentrix clinic' > "$tmp/obj"
printf '%s\n' '| Objection | How we answered |' '|---|---|' \
    '| Price vs. Weave | matched year one |' \
    '| PMS sync is new | reference call with a Dentrix clinic |' > "$tmp/obj_t"
printf '%s\n' 'BAA signed on Nov 20, 2026, stored in the contract folder' \
    'PHI in scope: scheduling data only' 'Data retention: 7 years' > "$tmp/comp"
printf '%s\n' '- **Dr. Anika Rao** — Owner, executive sponsor, champion, primary, high — anika@sunny.example — phone' > "$tmp/stk"
printf '%s\n' '| Commitment | Owner | Due | Status |' '|---|---|---|---|' \
    '| Dentrix sync for both clinics | Ola | by go-live | |' \
    '| Spanish templates | Jamie Fox | within 2 weeks of go-live | open |' \
    '| 10% off year one in the order form | Jamie | | done |' > "$tmp/com_t"
printf '%s\n' '- [ ] Dentrix sync for both clinics (Ola Nordmann, by go-live)' \
    '- [ ] Spanish templates (Jamie Fox, within 2 weeks of go-live)' \
    '- [x] 10% off year one in the order form (Jamie Fox)' > "$tmp/com_l"

deal nat goals obj comp stk com_t
deal ref goals_t obj_t comp stk com_l

# The natural forms read like their tables.
xml nat.md > "$tmp/nat.xml"; xml ref.md > "$tmp/ref.xml"
for what in metric objection commitment; do
	# (a due date keeps the words as written: 'by go-live', 'go-live')
	a=$(sed -n "/<$what[ >]/,/<\/$what>/p" "$tmp/nat.xml" | sed 's/ written="[^"]*"//')
	b=$(sed -n "/<$what[ >]/,/<\/$what>/p" "$tmp/ref.xml" | sed 's/ written="[^"]*"//')
	if [ -n "$a" ] && [ "$a" = "$b" ]; then ok "$what-like-table"
	else ko "$what-like-table" "$(diff "$tmp/ref.xml" "$tmp/nat.xml" | head -12)"
	fi
done
if grep -q '<name>Cut no-shows</name>' "$tmp/nat.xml" &&
    grep -q '<baseline>18%</baseline>' "$tmp/nat.xml" &&
    grep -q '<measured-by>PMS report</measured-by>' "$tmp/nat.xml"; then
	ok goal-from-to-by
else ko goal-from-to-by "$(grep -A7 '<metric>' "$tmp/nat.xml" | head -8)"
fi
if grep -q '<due written="by go-live">2027-01-11</due>' "$tmp/nat.xml" &&
    grep -c '<commitment done="true">' "$tmp/nat.xml" | grep -qx 1; then
	ok commit-table-dates-done
else ko commit-table-dates-done "$(grep -A5 '<commitment' "$tmp/nat.xml" | head -16)"
fi

# The whole natural deal: no error, no stray content, no form warning.
out=$(chk nat.md); rc=$?
if [ $rc = 0 ] && ! printf '%s\n' "$out" | grep -qE 'stray-content|unknown-section|playbook-field|table-columns'; then
	ok natural-deal-clean
else ko natural-deal-clean "rc $rc" "$(printf '%s\n' "$out" | grep -E 'error|warning' | head -6)"
fi

# Role words: executive sponsor is the economic buyer, bare 'high' the
# influence, bare 'phone' the channel.
if sed -n '/Anika/,/<\/stakeholder>/p' "$tmp/nat.xml" | tr -d '\n ' |
    grep -q '<role>economic-buyer</role><role>champion</role><influence>high</influence>.*<channel>Phone</channel>'; then
	ok stakeholder-role-words
else ko stakeholder-role-words "$(sed -n '/Anika/,/<\/stakeholder>/p' "$tmp/nat.xml")"
fi

# fmt: the canonical XML is the same after, and a second fmt changes
# nothing.
cp "$tmp/nat.md" "$tmp/f.md"
(cd "$tmp" && "$bin" fmt f.md >/dev/null 2>&1)
xml f.md > "$tmp/f.xml"
cp "$tmp/f.md" "$tmp/f1.md"
(cd "$tmp" && "$bin" fmt f.md >/dev/null 2>&1)
if [ -s "$tmp/f.xml" ] && cmp -s "$tmp/nat.xml" "$tmp/f.xml" &&
    cmp -s "$tmp/f.md" "$tmp/f1.md"; then ok fmt-lossless-idempotent
else ko fmt-lossless-idempotent "$(diff "$tmp/nat.xml" "$tmp/f.xml" | head -8)" \
    "$(diff "$tmp/f1.md" "$tmp/f.md" | head -6)"
fi

# ---- the gates stay as strict ----------------------------------------
# gate NAME RULE-REGEX: the deal NAME fails check with that message.
gate() {
	out=$(chk "$1.md"); rc=$?
	if [ $rc = 1 ] && printf '%s\n' "$out" | grep -qE "error: .*$2"; then
		ok "gate-$1"
	else ko "gate-$1" "rc $rc" "$(printf '%s\n' "$out" | grep -E 'error' | head -4)"
	fi
}
printf '%s\n' '- Fewer no-shows' > "$tmp/g_notarget"
deal notarget g_notarget obj comp stk com_t
gate notarget 'no success metric has both a target and a date|target is missing'
printf '%s\n' '- No-shows: 18% -> TBD by Jun 30, 2027' > "$tmp/g_tbd"
deal tbd g_tbd obj comp stk com_t
gate tbd "placeholder|target"
sed 's/| Ola | by go-live | |/| | by go-live | |/' "$tmp/com_t" > "$tmp/c_noowner"
deal noowner goals obj comp stk c_noowner
gate noowner 'Dentrix sync for both clinics: who promised it is missing'
printf '%s\n' '| Commitment | Due |' '|---|---|' '| Dentrix sync | by go-live |' > "$tmp/c_nocol"
deal nocol goals obj comp stk c_nocol
gate nocol 'Dentrix sync: who promised it is missing'
printf '%s\n' 'BAA signed: TBD' 'PHI in scope: scheduling data only' > "$tmp/comp_tbd"
deal baatbd goals obj comp_tbd stk com_t
gate baatbd "requires a section 'Compliance/BAA signed'"
printf '%s\n' 'PHI in scope:' 'BAA signed: yes, Nov 20' > "$tmp/comp_empty"
deal phiempty goals obj comp_empty stk com_t
gate phiempty "requires a section 'Compliance/PHI in scope'"
printf '%s\n' 'We talked about the BAA signed by legal later.' 'PHI in scope: scheduling data only' > "$tmp/comp_prose"
deal baaprose goals obj comp_prose stk com_t
gate baaprose "requires a section 'Compliance/BAA signed'"
sed 's/executive sponsor/sponsor/' "$tmp/stk" > "$tmp/stk_sponsor"
deal sponsor goals obj comp stk_sponsor com_t
gate sponsor 'economic buyer'
printf '%s\n' '- Price vs. Weave ->' > "$tmp/obj_noanswer"
deal noanswer goals obj_noanswer comp stk com_t
out=$(chk noanswer.md)
if printf '%s\n' "$out" | grep -qi 'answer'; then ok objection-noanswer-reported
else ko objection-noanswer-reported "$(printf '%s\n' "$out" | grep -i objection | head -3)"
fi
