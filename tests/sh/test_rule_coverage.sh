#!/bin/sh
# test_rule_coverage.sh: every rule id of the table in compiler/rules.c is
# exercised by a test (STYLE.md section 9: each rule id has at least one
# regress case that triggers it).  A rule is covered when
#   - an expected file under tests/regress/ shows it ('[id]' in an
#     .out_check, '"rule": "id"' in an .out_json; run_regress.sh proves
#     those expected files are still what handoff prints), or
#   - one of the commands below, run here in a scratch team repo, emits it
#     (rules that only handoff.yml, schemas/, templates/ or 'build' can
#     trigger), or
#   - it is listed in UNREACHABLE with a reason, and no compiler file but
#     rules.c names its enum constant (a listed rule that gains a call site
#     fails until it gets a test).
# One 'PASS rule [id]: where' or 'FAIL rule [id]' line per rule.  $1 is the
# handoff binary; the repo root is the working directory.
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795500000
nfail=0
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; nfail=$((nfail + 1)); }

# Rules no input or command can trigger today, one 'id: reason' a line.
UNREACHABLE=''

# ---- the rule table -------------------------------------------------------

# '[RULE_X] = { "id", SEV_...' -> 'RULE_X id'
sed -n 's/^[[:space:]]*\[\(RULE_[A-Z0-9_]*\)\][[:space:]]*=[[:space:]]*{[[:space:]]*"\([^"]*\)".*/\1 \2/p' \
    compiler/rules.c > "$tmp/table"
# Every enum constant but RULE__MAX, in order.
sed -n '/^enum rule_id {/,/^};/p' compiler/rules.h |
    sed -n 's/^[[:space:]]*\(RULE_[A-Z0-9_]*\),.*/\1/p' | grep -v '^RULE__MAX$' \
    > "$tmp/enum"
n_table=$(wc -l < "$tmp/table"); n_enum=$(wc -l < "$tmp/enum")
sort "$tmp/enum" > "$tmp/enum.s"
if [ "$n_table" -gt 0 ] && [ "$n_table" -eq "$n_enum" ] &&
    cut -d' ' -f1 "$tmp/table" | sort | cmp -s - "$tmp/enum.s"; then
	ok "rule table: $n_table rules, one table entry per enum constant"
else
	ko "rule table: one table entry per enum constant" \
	    "table $n_table, enum $n_enum" \
	    "$(cut -d' ' -f1 "$tmp/table" | sort | diff - "$tmp/enum.s")"
fi
bad=$(cut -d' ' -f2 "$tmp/table" | grep -v '^[a-z][a-z0-9]*\(-[a-z0-9]\{1,\}\)*$')
dups=$(cut -d' ' -f2 "$tmp/table" | sort | uniq -d)
if [ -z "$bad$dups" ]; then ok "rule table: ids are unique, lowercase with hyphens"
else ko "rule table: ids are unique, lowercase with hyphens" "bad: $bad" "duplicate: $dups"; fi

# ---- rules that commands other than 'check FILE' emit ----------------------

# run DIR RC FILE CMD...: run CMD in DIR; FILE gets the output (both
# streams) and the line 'exit N'.  Bounded in time.
run() {
	d=$1; f=$2; shift 2
	(cd "$d" && timeout 30 "$bin" "$@"; echo "exit $?") > "$f" 2>&1
}
# trigger ID RC WHERE TEXT WHAT: the output in $tmp/out must exit RC and
# hold a diagnostic line starting with WHERE that carries [ID].
: > "$tmp/triggered"
trigger() {
	id=$1; rc=$2; where=$3; what=$4
	if grep -q "^exit $rc\$" "$tmp/out" &&
	    grep -F "[$id]" "$tmp/out" | grep -q -F "$where"; then
		printf '%s %s\n' "$id" "$what" >> "$tmp/triggered"
	else
		ko "trigger [$id]: $what (expected exit $rc, '$where... [$id]')" \
		    "$(cat "$tmp/out")"
	fi
}

# A small complete deal for the team repos below.
deal() {
	cat > "$1" <<'MD'
---
client: Acme Logistics
deal: acme-logistics
segment: smb
stage: signed
signed: 2026-11-20
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

t=$tmp/team; mkdir -p "$t"; deal "$t/acme-logistics.md"

# io: a file that is not there.
run "$t" "$tmp/out" check nothere.md
trigger io 2 "nothere.md: error: cannot read" "handoff check nothere.md"

# unknown-format: neither .md nor .xml.
cp "$t/acme-logistics.md" "$t/acme-logistics.txt"
run "$t" "$tmp/out" check acme-logistics.txt
trigger unknown-format 2 "acme-logistics.txt: error:" "handoff check acme-logistics.txt"
rm -f "$t/acme-logistics.txt"

# derived: check --verbose notes a renewal date worked out from the term.
sed 's/^value: .*/&\nterm: 2 years/' "$t/acme-logistics.md" > "$t/derived.md"
run "$t" "$tmp/out" check --verbose derived.md
trigger derived 0 "derived.md:10:1: note: renewal date 2028-11-20 derived" "handoff check --verbose (term, no renewal)"
rm -f "$t/derived.md"

# config: a threshold that is not a number, with its line and column.
printf 'completeness:\n  pre_close: seventy\n' > "$t/handoff.yml"
run "$t" "$tmp/out" check acme-logistics.md
trigger config 1 "handoff.yml:2:14: error:" "handoff.yml with 'pre_close: seventy'"
rm -f "$t/handoff.yml"

# company-placeholder, holidays-empty: handoff.yml as 'handoff init' writes
# it without --company and --holidays.
printf 'company: Our company\nholidays: []\n' > "$t/handoff.yml"
run "$t" "$tmp/out" check acme-logistics.md
trigger company-placeholder 0 "handoff.yml:1: warning:" "handoff.yml with 'company: Our company'"
trigger holidays-empty 0 "handoff.yml:2: warning:" "handoff.yml with 'holidays: []'"
rm -f "$t/handoff.yml"

# playbook-file: a level that is neither required nor recommended.
mkdir -p "$t/schemas/playbooks"
printf 'name: retail\nindustry: retail\nfields:\n  - section: Store list\n    level: mandatory\n' \
    > "$t/schemas/playbooks/retail.yml"
run "$t" "$tmp/out" check acme-logistics.md
trigger playbook-file 1 "schemas/playbooks/retail.yml:5:12: error:" \
    "schemas/playbooks/retail.yml with 'level: mandatory'"
rm -rf "$t/schemas"

# schema-file: a team schema naming a type that does not exist.
mkdir -p "$t/schemas"
printf '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n<xs:element name="handoff" type="nope"/>\n</xs:schema>\n' \
    > "$t/schemas/handoff.xsd"
run "$t" "$tmp/out" check acme-logistics.md
trigger schema-file 1 "schemas/handoff.xsd:" "schemas/handoff.xsd with an unknown type"
rm -rf "$t/schemas"

# The template rules: 'handoff templates check' on a team's templates/.
tpl() {	# ID WHERE WHAT SUBJECT-TEMPLATE [PARTIAL-NAME PARTIAL]
	rm -rf "$t/templates" "$t/handoff.yml"; mkdir -p "$t/templates"
	printf '%s\n' "$4" > "$t/templates/intro.subject.mustache"
	[ $# -ge 6 ] && printf '%s\n' "$6" > "$t/templates/$5.mustache"
	[ "$1" = template-depth ] &&
	    printf 'limits:\n  max_template_depth: 3\n' > "$t/handoff.yml"
	run "$t" "$tmp/out" templates check
	trigger "$1" 1 "$2" "templates check: $3"
	rm -rf "$t/templates" "$t/handoff.yml"
}
tpl template-syntax "templates/intro.subject.mustache:1:9: error:" \
    "a section that is never closed" 'Welcome {{#deal.client}}{{deal.client}}'
tpl template-field "templates/intro.subject.mustache:1:12: error:" \
    "a misspelt field" 'Welcome to {{deal.cleint}}'
tpl template-audience "templates/intro.subject.mustache:1:27: error:" \
    "the contract value in a client e-mail" 'Welcome, {{deal.client}} ({{deal.value}})'
tpl template-partial "templates/intro.subject.mustache:1:9: error:" \
    "a partial that does not exist" 'Welcome {{> greeting}}'
tpl template-depth "templates/intro.subject.mustache:1:" \
    "sections nested deeper than max_template_depth" \
    'Welcome {{#deal}}{{#ae}}{{#name}}{{#deal.client}}{{deal.client}}{{/deal.client}}{{/name}}{{/ae}}{{/deal}}'

# header-injection: a client name with a line break cannot become a
# Subject; 'build' refuses the deal and names the line.
sed 's/^client: Acme Logistics$/client: "Acme Logistics\\nBcc: leak@evil.example"/' \
    "$t/acme-logistics.md" > "$t/injected.md"
sed -i 's/^deal: acme-logistics$/deal: injected/' "$t/injected.md"
run "$t" "$tmp/out" build --force -o out injected.md
trigger header-injection 1 "injected.md:2:1: error:" "build of a client name with a line break"
rm -f "$t/injected.md"; rm -rf "$t/out"

# output: the output folder is a regular file.
: > "$t/blocker"
run "$t" "$tmp/out" build --force -o blocker acme-logistics.md
trigger output 2 "acme-logistics.md: error:" "build -o onto a regular file"
rm -f "$t/blocker"

# git: a git command outside any repository.
run "$t" "$tmp/out" log acme-logistics
trigger git 2 ": error: not in a git repository" "log outside a git repository"

# ---- coverage, rule by rule -------------------------------------------------

while read -r const id; do
	where=$(sed -n "s/^$id //p" "$tmp/triggered" | head -1)
	if [ -n "$where" ]; then
		ok "rule [$id]: $where"
		continue
	fi
	# The cases named after their rule first, then any other area.
	where=$(grep -l -F "[$id]" tests/regress/rules*/"$id".out_check \
	    tests/regress/rules*/*.out_check tests/regress/*/*.out_check \
	    2>/dev/null | head -1)
	[ -z "$where" ] && where=$(grep -l -F "\"rule\": \"$id\"" \
	    tests/regress/*/*.out_json 2>/dev/null | head -1)
	if [ -n "$where" ]; then
		ok "rule [$id]: $where"
		continue
	fi
	reason=$(printf '%s\n' "$UNREACHABLE" | sed -n "s/^$id: //p")
	if [ -n "$reason" ]; then
		sites=$(grep -l -w "$const" compiler/*.c | grep -v '^compiler/rules\.c$')
		if [ -z "$sites" ]; then
			ok "rule [$id]: not reachable: $reason"
		else
			ko "rule [$id]: listed as not reachable, but emitted by" $sites \
			    "add a regress case or a trigger here and drop it from UNREACHABLE"
		fi
		continue
	fi
	ko "rule [$id]: no regress case, trigger or reason" \
	    "add tests/regress/rules/$id.md (or .xml) with a .out_check"
done < "$tmp/table"

[ "$nfail" -eq 0 ]
