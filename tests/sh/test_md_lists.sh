#!/bin/sh
# test_md_lists.sh: stakeholders and risks written as bullet lists (issue
# 10, point 5).  The reference deal with its stakeholder and risk tables
# rewritten as lists gives the same canonical XML; an item with no name
# (or no risk text) is an error with its line; an empty list and a
# stakeholder without an e-mail are still reported; the md round trip is
# a fixed point.
# Usage: sh tests/sh/test_md_lists.sh /abs/path/to/handoff (repo root)
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1795500000

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

src=examples/deals/nordlicht-energie.md
xml() { (cd "$2" && "$bin" convert --to xml "$1") 2>/dev/null; }
chk() { (cd "$tmp" && "$bin" check "$1") 2>&1; }
cp "$src" "$tmp/ref.md"
xml "$tmp/ref.md" "$tmp" > "$tmp/ref.xml" || ko setup "convert failed"

cat > "$tmp/stk.txt" <<'X'
- **Henrik Ærø** — CFO — economic buyer, high influence, supporter — henrik.aero@nordlicht.example — prefers Email — Signs off budgets; wants one page, numbers first
- Katarzyna Wiśniewska | Head of Field Service, Łódź | champion, primary, high influence | k.wisniewska@nordlicht.example | prefers Teams | Ran the pilot; invite her to every steering call
- **Jürgen Böhm**; Group IT Director; technical, decision maker; medium influence; skeptic; juergen.boehm@nordlicht.example; channel: Email; Backed the in-house build; needs to own the integration
- Aoife Byrne - Procurement Lead - legal/procurement, low influence, neutral - <aoife.byrne@nordlicht.example> - prefers Email
X
cat > "$tmp/risk.txt" <<'X'
- SAP PM connector for custom order types. Severity: high. Likelihood: medium. Mitigation: Technical workshop with Jürgen in week 1; Vestavind's config as a starting point. Owner: CSM
- Group IT still prefers an in-house build — Owner: AE — Severity: Medium — Likelihood: Medium — Mitigation: Give IT ownership of the integration roadmap
- Winter peak: technicians have no time for training (medium) Likelihood: high. Mitigation: 20-minute in-app training, roll out site by site. Owner: CSM
X
# splice FILE-WITH-LIST HEADER-PREFIX < md: the table starting with that
# header line replaced by the file's lines.
splice() {
	awk -v f="$1" -v h="$2" '
	skip && /^$/ { skip = 0 }
	skip { next }
	index($0, h) == 1 { while ((getline l < f) > 0) print l; skip = 1; next }
	{ print }'
}
splice "$tmp/stk.txt" "| Name | Title" < "$src" > "$tmp/s.md"
splice "$tmp/risk.txt" "| Risk | Severity" < "$tmp/s.md" > "$tmp/list.md"

same() {
	xml "$tmp/$1.md" "$tmp" > "$tmp/$1.xml"
	if [ -s "$tmp/$1.xml" ] && cmp -s "$tmp/ref.xml" "$tmp/$1.xml"; then
		ok "$1"
	else ko "$1" "$(diff "$tmp/ref.xml" "$tmp/$1.xml" | head -8)"
	fi
}
same s
same list

# check: no stray-content warning, and the same verdict as the table form.
chk ref.md > "$tmp/ref.out"; rr=$?
chk list.md > "$tmp/list.out"; rl=$?
if [ $rr = $rl ] && ! grep -q stray-content "$tmp/list.out"; then
	ok list-check-same
else ko list-check-same "ref rc $rr, list rc $rl" "$(head -5 "$tmp/list.out")"
fi

# Under '## Stakeholders' (an H2 of Relationships) too.
sed 's/^# Relationships$/# Relationships\n## Stakeholders/' "$tmp/list.md" \
    > "$tmp/h2.md"
xml "$tmp/h2.md" "$tmp" > "$tmp/h2.xml"
if grep -q '<name>Aoife Byrne</name>' "$tmp/h2.xml" &&
    ! chk h2.md | grep -q stray-content; then ok list-under-h2
else ko list-under-h2 "$(chk h2.md | grep -i stake | head -3)"
fi

# An item with no name: an error that names its line, never dropped.
printf '%s\n' '- — CFO, economic buyer, champion' >> "$tmp/stk.txt"
splice "$tmp/stk.txt" "| Name | Title" < "$src" > "$tmp/noname.md"
line=$(grep -n '^- — CFO' "$tmp/noname.md" | cut -d: -f1)
out=$(chk noname.md); rc=$?
if [ $rc = 1 ] && printf '%s\n' "$out" |
    grep -q "noname.md:$line:1: error: this stakeholder item has no name"; then
	ok noname-reported
else ko noname-reported "rc $rc line $line" "$(printf '%s\n' "$out" | head -4)"
fi

# A risk item with labels but no text.
printf '%s\n' '- Severity: high. Owner: CSM' >> "$tmp/risk.txt"
splice "$tmp/risk.txt" "| Risk | Severity" < "$src" > "$tmp/notext.md"
line=$(grep -n '^- Severity: high' "$tmp/notext.md" | cut -d: -f1)
if chk notext.md | grep -q "notext.md:$line:1: error: this risk item has no text"
then ok risk-notext-reported
else ko risk-notext-reported "$(chk notext.md | head -4)"
fi

# An empty list is still missing.
printf '%s\n' '- ' > "$tmp/empty.txt"
splice "$tmp/empty.txt" "| Name | Title" < "$src" > "$tmp/empty.md"
out=$(chk empty.md); rc=$?
if [ $rc = 1 ] && printf '%s\n' "$out" | grep -q "stakeholder"; then
	ok empty-list-still-error
else ko empty-list-still-error "rc $rc" "$(printf '%s\n' "$out" | head -4)"
fi
splice "$tmp/empty.txt" "| Risk | Severity" < "$src" > "$tmp/empty2.md"
out=$(chk empty2.md); rc=$?
if [ $rc = 1 ] && printf '%s\n' "$out" | grep -qi "risk"; then
	ok empty-risk-list-still-error
else ko empty-risk-list-still-error "rc $rc" "$(printf '%s\n' "$out" | head -4)"
fi

# A stakeholder with no e-mail is reported as in the table form.
sed 's/ — henrik.aero@nordlicht.example//' "$tmp/list.md" > "$tmp/nomail.md"
sed 's/| henrik.aero@nordlicht.example |/| |/' "$src" > "$tmp/nomail_t.md"
a=$(chk nomail.md | grep -ci mail); b=$(chk nomail_t.md | grep -ci mail)
if [ "$a" -gt 0 ] && [ "$a" = "$b" ]; then ok nomail-still-reported
else ko nomail-still-reported "list $a, table $b"
fi

# convert --to md round trip is a fixed point (the writer writes tables).
(cd "$tmp" && "$bin" convert --to md list.xml > rt.md 2>/dev/null)
xml "$tmp/rt.md" "$tmp" > "$tmp/rt.xml"
if [ -s "$tmp/rt.xml" ] && cmp -s "$tmp/list.xml" "$tmp/rt.xml"; then
	ok roundtrip-fixed-point
else ko roundtrip-fixed-point "$(diff "$tmp/list.xml" "$tmp/rt.xml" | head -6)"
fi
