#!/bin/sh
# test_workflow2_init.sh: issue 11 point 4.  'handoff init' without
# --company writes the placeholder 'Our company': 'check' warns about it
# (and about an empty holiday list) and 'build' refuses to write a client
# e-mail signed with it; '--company NAME --holidays DE' fills both, and
# the holidays come from schemas/holidays.txt.  $1 is the handoff binary.
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1796200000
export GIT_AUTHOR_NAME=T GIT_AUTHOR_EMAIL=t@example.com
export GIT_COMMITTER_NAME=T GIT_COMMITTER_EMAIL=t@example.com
nfail=0
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; nfail=$((nfail + 1)); }

deal() {
	cat > "$1" <<'MD'
---
client: Acme Logistics
deal: acme-logistics
segment: smb
stage: signed
signed: 2026-11-30
ae: Dana Reyes <dana.reyes@vendor.example>
csm: Sam Okafor <sam.okafor@vendor.example>
value: 24000 USD/year
---
# Context
## Pain points
- Dispatchers re-key orders from email into the TMS, about 4 hours a day.
## Why they chose us
The TMS integration worked in the trial.
## Commitments
None
# Relationships
| Name | Title | Role | Influence | Stance | Email |
|---|---|---|---|---|---|
| Priya Nair | VP Operations | Economic buyer, champion, primary | High | Champion | priya.nair@acme.example |
# Goals
| Metric | Baseline | Target | By |
|---|---|---|---|
| Re-keying time | 4 h/day | 30 min/day | 2027-03-31 |
# Risks
None identified
MD
}

# 1. init without options: the placeholder, warned about by check.
(cd "$tmp" && timeout 30 "$bin" init r1) > "$tmp/init1" 2>&1
deal "$tmp/r1/deals/acme-logistics.md"
(cd "$tmp/r1" && timeout 30 "$bin" check deals/acme-logistics.md) > "$tmp/c1" 2>&1
if grep -q "^handoff.yml:[0-9][0-9]*: warning: company: 'Our company' is the placeholder.*\[company-placeholder\]" "$tmp/c1"
then ok "check warns about company: Our company, with its line"
else ko "check warns about company: Our company, with its line" "$(cat "$tmp/c1")"; fi
if grep -q "^handoff.yml:[0-9][0-9]*: warning: no holidays.*\[holidays-empty\]" "$tmp/c1"
then ok "check warns about holidays: []"
else ko "check warns about holidays: []" "$(cat "$tmp/c1")"; fi

# 2. build refuses the client e-mail while the company is the placeholder.
(cd "$tmp/r1" && timeout 60 "$bin" build deals/acme-logistics.md; echo "exit $?") > "$tmp/b1" 2>&1
if grep -q '^exit 1$' "$tmp/b1" && grep -q 'company-placeholder' "$tmp/b1" &&
    [ ! -e "$tmp/r1/output/acme-logistics/intro-email.eml" ]
then ok "build refuses to write a client e-mail signed 'Our company' (exit 1)"
else ko "build refuses to write a client e-mail signed 'Our company' (exit 1)" "$(cat "$tmp/b1")"; fi

# 3. --company and --holidays: the e-mail signs with the name, the
#    holidays of the next two years are in handoff.yml, no warning.
(cd "$tmp" && timeout 30 "$bin" init --company 'Nordlicht "Software" GmbH' --holidays DE r2) > "$tmp/init2" 2>&1
if grep -q '^company: "Nordlicht \\"Software\\" GmbH"$' "$tmp/r2/handoff.yml" &&
    grep -q '^  - 2027-10-03  # Tag der Deutschen Einheit$' "$tmp/r2/handoff.yml" &&
    grep -q '^  - 2028-10-03  ' "$tmp/r2/handoff.yml" &&
    ! grep -q '^  - 2029-' "$tmp/r2/handoff.yml" &&
    ! grep -q '^  - 2026-11-' "$tmp/r2/handoff.yml"
then ok "init --company --holidays DE fills company and two years of holidays"
else ko "init --company --holidays DE fills company and two years of holidays" "$(sed -n '1,40p' "$tmp/r2/handoff.yml")"; fi
if grep -q 'source\|Sources' "$(dirname "$0")/../../schemas/holidays.txt" 2>/dev/null ||
    grep -q 'Sources' schemas/holidays.txt 2>/dev/null
then ok "schemas/holidays.txt names its sources"
else ko "schemas/holidays.txt names its sources"; fi
deal "$tmp/r2/deals/acme-logistics.md"
(cd "$tmp/r2" && timeout 30 "$bin" check deals/acme-logistics.md) > "$tmp/c2" 2>&1
if ! grep -q 'company-placeholder\|holidays-empty' "$tmp/c2"
then ok "no placeholder or holiday warning once init was given both"
else ko "no placeholder or holiday warning once init was given both" "$(cat "$tmp/c2")"; fi
(cd "$tmp/r2" && timeout 60 "$bin" build deals/acme-logistics.md; echo "exit $?") > "$tmp/b2" 2>&1
eml=$tmp/r2/output/acme-logistics/intro-email.eml
if grep -q '^exit 0$' "$tmp/b2" && [ -f "$eml" ] &&
    /usr/bin/python3 - "$eml" <<'PY'
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
text = m.as_string()
body = m.get_body(('plain',)).get_content()
sys.exit(0 if 'Nordlicht "Software" GmbH' in body + str(m['Subject'])
         and 'Our company' not in text else 1)
PY
then ok "the client e-mail names the company given to init"
else ko "the client e-mail names the company given to init" "$(cat "$tmp/b2")"; fi

# 4. A country with no data is refused with the list of known ones.
(cd "$tmp" && timeout 30 "$bin" init --holidays XX r3; echo "exit $?") > "$tmp/init3" 2>&1
if grep -q '^exit 1$' "$tmp/init3" && grep -q "no holidays for 'XX'" "$tmp/init3" &&
    [ ! -e "$tmp/r3/handoff.yml" ]
then ok "init --holidays XX is refused before anything is written"
else ko "init --holidays XX is refused before anything is written" "$(cat "$tmp/init3")"; fi

[ "$nfail" -eq 0 ]
