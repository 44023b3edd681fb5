#!/bin/sh
# test_examples.sh: the four deals in examples/deals/ behave as the README
# and 'make demo' say: the enterprise deal (Markdown) and the XML deal are
# clean and complete, the mid-market pre-close deal passes between 70 and
# 85 %, and the SMB deal fails with each of its planted mistakes reported
# on the line that holds it.  --format json says the same as the text.
# Checked from the repo root (as 'make demo' runs it) and from examples/
# (a team repo with its handoff.yml).  $1 is the handoff binary.
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795500000
nfail=0
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; nfail=$((nfail + 1)); }
ex=examples/deals

# chk DIR FILE: 'handoff check FILE' in DIR; output in $tmp/out, status in rc.
chk() {
	(cd "$1" && timeout 30 "$bin" check "$2") > "$tmp/out" 2>&1; rc=$?
}
# The percentage of the summary line in $tmp/out ('' when there is none).
pct() {
	sed -n 's/.*: note: [a-z -]*, \([0-9]*\)% complete .*\[summary\]$/\1/p' "$tmp/out"
}
# The stage the summary line in $tmp/out names.
stage() {
	sed -n 's/^[^ ]*: note: \([a-z -]*\), [0-9]*% complete .*\[summary\]$/\1/p' "$tmp/out"
}

for where in root team; do
	if [ $where = root ]; then d=.; p=$ex; else d=examples; p=deals; fi

	# The complete, signed deals: exit 0, nothing to say but the summary
	# (and, for the hand-wrapped Markdown one, the note that 'handoff fmt'
	# would change its form).
	for f in nordlicht-energie.md harbourview-clinics.xml; do
		chk $d $p/$f
		n=$(grep -v ': note: .*\[fmt\]$' "$tmp/out" | grep -c '\[[a-z-]*\]$')
		if [ $rc -eq 0 ] && [ "$(stage)" = signed ] && [ "$(pct)" -ge 95 ] 2>/dev/null &&
		    [ "$n" -eq 1 ]; then
			ok "examples ($where): $f is signed, $(pct)% complete, no diagnostic"
		else
			ko "examples ($where): $f is signed, complete and clean" "exit $rc" "$(cat "$tmp/out")"
		fi
	done

	# The mid-market deal at pre-close: passes, at 70 to 85 %.
	chk $d $p/brightpath-learning.md
	c=$(pct)
	if [ $rc -eq 0 ] && [ "$(stage)" = pre-close ] && [ "$c" -ge 70 ] 2>/dev/null &&
	    [ "$c" -le 85 ] && ! grep -q ': error: ' "$tmp/out"; then
		ok "examples ($where): brightpath-learning.md passes pre-close at $c%"
	else
		ko "examples ($where): brightpath-learning.md passes pre-close at 70-85 %" \
		    "exit $rc, $c%" "$(cat "$tmp/out")"
	fi

	# The SMB deal: exit 1 and each planted mistake, on its line.
	chk $d $p/corner-bakery.md
	if [ $rc -eq 1 ] && [ "$(stage)" = signed ]; then
		ok "examples ($where): corner-bakery.md fails with exit 1"
	else
		ko "examples ($where): corner-bakery.md fails with exit 1" "exit $rc" "$(cat "$tmp/out")"
	fi
	# rule, severity, the source line it must point at (a pattern).
	while read -r rule sev pat; do
		line=$(grep -n -e "$pat" $ex/corner-bakery.md | head -1 | cut -d: -f1)
		if [ -z "$line" ]; then
			ko "examples ($where): corner-bakery.md still has the mistake for [$rule]" \
			    "no line matches '$pat'"
		elif grep -q "^$p/corner-bakery.md:$line:[0-9]*: $sev: .*\[$rule\]\$" "$tmp/out"; then
			ok "examples ($where): corner-bakery.md:$line reports [$rule]"
		else
			ko "examples ($where): corner-bakery.md:$line reports [$rule] ($sev)" "$(cat "$tmp/out")"
		fi
	done <<'EOF'
economic-buyer error ^# Relationships
stakeholder-email warning ^| Ben Okoro |
placeholder error ^crm: TBD$
invalid-date error ^go_live: 2026-02-30$
unknown-section warning ^# Bakery notes$
column-spelling warning Stnace
EOF
done

# JSON: parses, same exit status, and one entry per text diagnostic, with
# the same file, line, severity and rule in the same order.
for f in nordlicht-energie.md harbourview-clinics.xml brightpath-learning.md corner-bakery.md; do
	(timeout 30 "$bin" check $ex/$f) > "$tmp/text" 2>&1; trc=$?
	(timeout 30 "$bin" check --format json $ex/$f) > "$tmp/json" 2>"$tmp/err"; jrc=$?
	sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: \([a-z]*\): .*\[\([a-z-]*\)\]$/\1 \2 \3 \4/p; s/^\([^:]*\): \([a-z]*\): .*\[\([a-z-]*\)\]$/\1 0 \2 \3/p' \
	    "$tmp/text" > "$tmp/text.rows"
	/usr/bin/python3 - "$tmp/json" > "$tmp/json.rows" 2> "$tmp/pyerr" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as fp:
    d = json.load(fp)
assert isinstance(d, list), "not an array"
keys = {"file", "line", "column", "severity", "rule", "message", "hint"}
for x in d:
    assert keys <= set(x), "missing keys in %r" % (x,)
    assert isinstance(x["line"], int) and isinstance(x["column"], int)
    print(x["file"], x["line"], x["severity"], x["rule"])
PY
	pyrc=$?
	nt=$(wc -l < "$tmp/text.rows"); nj=$(wc -l < "$tmp/json.rows")
	nr=$(grep -c '\[[a-z-]*\]$' "$tmp/text")
	if [ $pyrc -eq 0 ] && [ $trc -eq $jrc ] && [ "$nt" -eq "$nr" ] && [ "$nt" -gt 0 ] &&
	    cmp -s "$tmp/text.rows" "$tmp/json.rows" && [ ! -s "$tmp/err" ]; then
		ok "examples: $f --format json parses and matches the text ($nj entries, exit $jrc)"
	else
		ko "examples: $f --format json parses and matches the text" \
		    "text exit $trc, $nt of $nr rows; json exit $jrc, $nj rows" \
		    "$(cat "$tmp/pyerr" "$tmp/err")" "$(diff "$tmp/text.rows" "$tmp/json.rows" | head -20)"
	fi
done

# A complete deal is never overdue, however late it is checked.
for f in nordlicht-energie.md harbourview-clinics.xml; do
	(HANDOFF_TODAY=2027-06-01 timeout 30 "$bin" check $ex/$f) > "$tmp/out" 2>&1; rc=$?
	if [ $rc -eq 0 ] && ! grep -q '\[overdue\]' "$tmp/out"; then
		ok "examples: $f is not overdue on 2027-06-01"
	else
		ko "examples: $f is not overdue on 2027-06-01" "exit $rc" "$(cat "$tmp/out")"
	fi
done

# The four together: the worst status wins, every file gets its summary.
(timeout 30 "$bin" check $ex/*.md $ex/*.xml) > "$tmp/out" 2>&1; rc=$?
n=$(grep -c ': note: .*\[summary\]$' "$tmp/out")
if [ $rc -eq 1 ] && [ "$n" -eq 4 ]; then
	ok "examples: checking all four exits 1 with four summaries"
else
	ko "examples: checking all four exits 1 with four summaries" "exit $rc, $n summaries" "$(cat "$tmp/out")"
fi

[ "$nfail" -eq 0 ]
