#!/bin/sh
# test_check.sh: 'handoff check' end to end: exit status, text and JSON
# diagnostics, the schema as data (RevOps edits a level, no recompiling),
# the config's threshold and holidays.  $1 is the handoff binary.
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-11-24
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

# A small signed deal that is complete but has no contract term.
cat > "$tmp/tiny.md" <<'MD'
---
client: Acme Logistics
deal: tiny
segment: smb
stage: signed
signed: 2026-11-20
ae: Dana Reyes <dana.reyes@vendor.example>
csm: Sam Okafor <sam.okafor@vendor.example>
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
| Priya Nair | VP Operations | Economic buyer, champion, primary | High | Champion | priya@acme.example |
# Goals
| Metric | Baseline | Target | By |
|---|---|---|---|
| Re-keying time | 4 h/day | 30 min/day | 2027-03-31 |
# Risks
None identified
MD

out=$(cd "$tmp" && "$bin" check tiny.md 2>&1); rc=$?
if [ $rc -eq 0 ]; then ok "check: a complete signed deal exits 0"
else ko "check: a complete signed deal exits 0" "exit $rc" "$out"; fi
case $out in *"signed, "*"% complete"*) ok "check: completeness line" ;;
*) ko "check: completeness line" "$out" ;; esac

# RevOps makes 'term' required by editing the schema: no recompiling.
mkdir -p "$tmp/team/schemas"
cp "$tmp/tiny.md" "$tmp/team/"
sed 's/name="term" type="text" minOccurs="0"/&/' schemas/handoff.xsd |
    awk '/name="term"/ { f = 1 } f && /h:level="recommended"/ { sub(/h:level="recommended"/, "h:level=\"required\""); f = 0 } { print }' \
    > "$tmp/team/schemas/handoff.xsd"
out=$(cd "$tmp/team" && "$bin" check tiny.md 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s' "$out" | grep -q "term is missing \[required-field\]"; then
	ok "schema: a level edited in schemas/handoff.xsd applies without recompiling"
else ko "schema: a level edited in schemas/handoff.xsd applies without recompiling" "exit $rc" "$out"; fi

# A broken team schema is a clear error (the team's input: exit 1).
echo '<xs:schema' > "$tmp/team/schemas/handoff.xsd"
out=$(cd "$tmp/team" && "$bin" check tiny.md 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s' "$out" | grep -q "schema-file"; then
	ok "schema: a malformed team schema is reported, exit 1"
else ko "schema: a malformed team schema is reported, exit 1" "exit $rc" "$out"; fi

# JSON: the same diagnostics, as an array.
sed -e 's/^| Priya Nair .*$/| Priya Nair | VP Operations | Champion | High | Champion | |/' \
    -e 's/^The TMS integration.*$/TBD/' "$tmp/tiny.md" > "$tmp/bad.md"
text=$(cd "$tmp" && "$bin" check bad.md 2>&1); trc=$?
json=$(cd "$tmp" && "$bin" check --format json bad.md 2>/dev/null); jrc=$?
n_text=$(printf '%s\n' "$text" | grep -c '^bad.md:[0-9]*:.*\]$')
n_json=$(printf '%s' "$json" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
assert all({"file","line","column","severity","rule","message","hint"} <= set(x) for x in d)
print(sum(1 for x in d if x["line"] > 0))' 2>&1)
if [ $trc -eq 1 ] && [ $jrc -eq 1 ] && [ "$n_text" = "$n_json" ] && [ "$n_text" -gt 0 ]; then
	ok "check: --format json gives the same diagnostics as text"
else ko "check: --format json gives the same diagnostics as text" "text exit $trc ($n_text), json exit $jrc ($n_json)" "$text" "$json"; fi
for rule in placeholder economic-buyer primary-contact; do
	if printf '%s' "$text" | grep -q "\[$rule\]"; then ok "check: bad.md reports [$rule]"
	else ko "check: bad.md reports [$rule]" "$text"; fi
done
# Every problem in a file, and in every file, not just the first.
out=$(cd "$tmp" && "$bin" check bad.md tiny.md bad.md 2>&1)
if [ "$(printf '%s\n' "$out" | grep -c '\[placeholder\]')" -eq 2 ]; then
	ok "check: several files, every problem of each"
else ko "check: several files, every problem of each" "$out"; fi

# Holidays move the 48 h deadline (signed Friday 2026-11-20).
sed -e 's/^The TMS integration.*$//' "$tmp/tiny.md" > "$tmp/late.md"
out=$(cd "$tmp" && HANDOFF_TODAY=2026-11-25 "$bin" check late.md 2>&1)
case $out in *"due by end of 2026-11-24"*"[overdue]"*) ok "deadline: overdue after the second business day" ;;
*) ko "deadline: overdue after the second business day" "$out" ;; esac
mkdir -p "$tmp/hol"; cp "$tmp/late.md" "$tmp/hol/"
printf 'holidays:\n  - 2026-11-23\n' > "$tmp/hol/handoff.yml"
out=$(cd "$tmp/hol" && HANDOFF_TODAY=2026-11-25 "$bin" check late.md 2>&1)
case $out in *"[overdue]"*) ko "deadline: a configured holiday is skipped" "$out" ;;
*) ok "deadline: a configured holiday is skipped" ;; esac

# The pre-close threshold comes from the config.
sed -e 's/^stage: signed/stage: pre-close/' "$tmp/tiny.md" > "$tmp/hol/pre.md"
printf 'completeness:\n  pre_close: 40\n' > "$tmp/hol/handoff.yml"
out=$(cd "$tmp/hol" && "$bin" check pre.md 2>&1); rc=$?
printf 'completeness:\n  pre_close: 99\n' > "$tmp/hol/handoff.yml"
out2=$(cd "$tmp/hol" && "$bin" check pre.md 2>&1); rc2=$?
if [ $rc -eq 0 ] && [ $rc2 -eq 1 ] && printf '%s' "$out2" | grep -q '\[completeness\]'; then
	ok "config: completeness.pre_close sets the pre-close threshold"
else ko "config: completeness.pre_close sets the pre-close threshold" "$rc: $out" "$rc2: $out2"; fi
printf 'completeness:\n  pre_close: [\n' > "$tmp/hol/handoff.yml"
out=$(cd "$tmp/hol" && "$bin" check pre.md 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s' "$out" | grep -q 'handoff.yml:[0-9]'; then
	ok "config: a malformed handoff.yml is an error with its line"
else ko "config: a malformed handoff.yml is an error with its line" "exit $rc" "$out"; fi

# The limits are the team's to see and set, each with a clear error.
mkdir -p "$tmp/lim"; cp "$tmp/tiny.md" "$tmp/lim/"
awk '{ print } /^- Dispatchers/ { print "  - one\n    - two\n      - three\n        - four\n          - five\n            - six" }' \
    "$tmp/tiny.md" > "$tmp/lim/deep.md"
limit() {	# key value rule [file]
	f=${4:-tiny.md}
	printf 'limits:\n  %s: %s\n' "$1" "$2" > "$tmp/lim/handoff.yml"
	out=$(cd "$tmp/lim" && "$bin" check "$f" 2>&1); rc=$?
	if [ $rc -eq 1 ] && printf '%s' "$out" | grep -q "^$f.*\[$3\]"; then
		ok "limits: $1 in handoff.yml gives [$3]"
	else ko "limits: $1 in handoff.yml gives [$3]" "exit $rc" "$out"; fi
}
{ cat "$tmp/tiny.md"; printf '# Notes\n'; i=0; while [ $i -lt 40 ]; do
	printf 'Steering committee minutes, week %d: nothing new.\n' $i; i=$((i + 1)); done; } > "$tmp/lim/big.md"
limit max_file_size 1024 file-too-large big.md
limit max_table_rows 1 table-too-large
limit max_table_cols 3 table-too-large
limit max_depth 4 nesting-too-deep deep.md
rm -f "$tmp/lim/handoff.yml"
out=$(cd "$tmp/lim" && "$bin" check tiny.md deep.md 2>&1); rc=$?
[ $rc -eq 0 ] && ok "limits: the defaults accept the deal" || ko "limits: the defaults accept the deal" "$out"

# Usage and system errors exit 2.
"$bin" check >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "check: no file is a usage error (2)" || ko "check: no file is a usage error (2)" "exit $rc"
"$bin" check --format yaml x.md >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && ok "check: unknown format is a usage error (2)" || ko "check: unknown format is a usage error (2)" "exit $rc"
out=$("$bin" check "$tmp/nope.md" 2>&1); rc=$?
if [ $rc -eq 2 ] && printf '%s' "$out" | grep -q "nope.md"; then ok "check: a missing file names it, exit 2"
else ko "check: a missing file names it, exit 2" "exit $rc" "$out"; fi
"$bin" check --help | grep -q "usage: handoff check" && ok "check: --help" || ko "check: --help"
"$bin" --version | grep -q "^handoff [0-9]" && ok "--version" || ko "--version"

# The examples: enterprise clean, mid-market passes at pre-close, SMB fails.
for f in examples/deals/nordlicht-energie.md; do
	out=$("$bin" check "$f" 2>&1); rc=$?
	[ $rc -eq 0 ] && ok "examples: $f is clean" || ko "examples: $f is clean" "$out"
done
exit 0
