#!/bin/sh
# test_md.sh: the Markdown front end and its inverse, and 'handoff new'.
#   - md -> xml -> md -> xml is a fixed point and loses no field, for every
#     example and every Markdown regress input that converts;
#   - the XML form of an example gives the same Markdown;
#   - 'handoff new' writes a skeleton that passes 'check' at pre-close once
#     its blanks are filled, refuses to overwrite, refuses bad ids;
#   - 'convert -o' writes atomically and writes nothing when it refuses;
#   - hostile Markdown is refused within a time and memory bound.
# $1 is the handoff binary; the cwd is the repo root.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795500000

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

bounded() {
	if [ -z "$HANDOFF_ASAN" ]; then
		( ulimit -v 1000000; timeout 10 "$@" )
	else
		timeout 60 "$@"
	fi
}

# ---- fixed point ---------------------------------------------------
n=0
for f in examples/deals/*.md tests/regress/md/*.md tests/regress/roundtrip/*.md; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .md)
	d=$tmp/fp/$name; mkdir -p "$d"
	"$bin" convert "$f" --to xml > "$d/x1.xml" 2>/dev/null || continue
	n=$((n + 1))
	if ! "$bin" convert "$f" --to md > "$d/m1.md" 2>/dev/null; then
		fail "roundtrip $f: md" "convert --to md failed"; continue
	fi
	"$bin" convert "$d/m1.md" --to xml > "$d/x2.xml" 2>/dev/null
	"$bin" convert "$d/m1.md" --to md > "$d/m2.md" 2>/dev/null
	"$bin" convert "$d/m2.md" --to xml > "$d/x3.xml" 2>/dev/null
	if cmp -s "$d/x1.xml" "$d/x2.xml" && cmp -s "$d/m1.md" "$d/m2.md" &&
	    cmp -s "$d/x2.xml" "$d/x3.xml"; then
		pass "roundtrip $f"
	else
		fail "roundtrip $f" "$(diff "$d/x1.xml" "$d/x2.xml" | head -10)" \
		    "$(diff "$d/m1.md" "$d/m2.md" | head -10)"
	fi
done
[ "$n" -ge 20 ] && pass "roundtrip covers $n files" ||
    fail "roundtrip covers only $n files"

# The md and xml forms of one deal give the same canonical XML and Markdown.
for f in tests/regress/roundtrip/*.xml; do
	md=${f%-x.xml}.md
	[ -f "$md" ] || continue
	"$bin" convert "$f" --to xml > "$tmp/a.xml" 2>&1
	"$bin" convert "$md" --to xml > "$tmp/b.xml" 2>&1
	"$bin" convert "$f" --to md > "$tmp/a.md" 2>&1
	"$bin" convert "$md" --to md > "$tmp/b.md" 2>&1
	if cmp -s "$tmp/a.xml" "$tmp/b.xml" && cmp -s "$tmp/a.md" "$tmp/b.md"; then
		pass "both forms agree: $f"
	else
		fail "both forms agree: $f" "$(diff "$tmp/a.xml" "$tmp/b.xml" | head)"
	fi
done

# An XML example: xml -> md -> xml gives the XML's own canonical form.
for f in examples/deals/*.xml; do
	[ -f "$f" ] || continue
	"$bin" convert "$f" --to xml > "$tmp/a.xml" 2>/dev/null || continue
	"$bin" convert "$f" --to md > "$tmp/a.md" 2>/dev/null
	"$bin" convert "$tmp/a.md" --to xml > "$tmp/b.xml" 2>/dev/null
	if cmp -s "$tmp/a.xml" "$tmp/b.xml"; then
		pass "xml -> md -> xml: $f"
	else
		fail "xml -> md -> xml: $f" "$(diff "$tmp/a.xml" "$tmp/b.xml" | head)"
	fi
done

# ---- convert ---------------------------------------------------------
cp examples/deals/nordlicht-energie.md "$tmp/n.md"
if "$bin" convert "$tmp/n.md" --to xml -o "$tmp/n.xml" 2>/dev/null &&
    cmp -s "$tmp/n.xml" tests/regress/roundtrip/nordlicht-energie.out_xml; then
	pass "convert -o writes the file"
else
	fail "convert -o writes the file"
fi
ls -a "$tmp" | grep -q '^\.n\.xml\|\.tmp' && fail "convert -o leaves a temp file" ||
    pass "convert -o leaves no temp file"
printf '%s\n' '---' 'client: x' > "$tmp/bad.md"
"$bin" convert "$tmp/bad.md" --to xml -o "$tmp/bad.xml" 2>"$tmp/err"; rc=$?
if [ "$rc" = 1 ] && [ ! -e "$tmp/bad.xml" ] && grep -q 'front-matter' "$tmp/err"; then
	pass "convert refuses unclosed front matter"
else
	fail "convert refuses unclosed front matter" "exit $rc" "$(cat "$tmp/err")"
fi
"$bin" convert "$tmp/n.md" --to pdf >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] && pass "convert --to pdf is a usage error" ||
    fail "convert --to pdf is a usage error" "exit $rc"
"$bin" convert "$tmp/n.md" >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] && pass "convert without --to is a usage error" ||
    fail "convert without --to is a usage error" "exit $rc"
"$bin" convert --help | grep -q 'usage: handoff convert' &&
    pass "convert --help" || fail "convert --help"
# A draft with an incomplete commitment still converts (exit 0); since
# issue 10 a plain-list commitment is read, not warned about, and the
# 'Stnace' column is read as Stance (one warning).
"$bin" convert examples/deals/corner-bakery.md --to xml > "$tmp/cb.xml" 2>"$tmp/err"; rc=$?
if [ "$rc" = 0 ] && ! grep -q 'commitment-format' "$tmp/err" &&
    grep -q '<stance>champion</stance>' "$tmp/cb.xml" &&
    grep -q "column 'Stnace' read as 'Stance'" "$tmp/err"; then
	pass "convert keeps a draft's problems and reads its misspelt column"
else
	fail "convert keeps a draft's problems and reads its misspelt column" "exit $rc"
fi

# ---- new -----------------------------------------------------------
mkdir -p "$tmp/repo/deals"
cd "$tmp/repo" || exit 1
out=$("$bin" new acme-logistics --client 'Acme & "Logistics": Inc' \
    --segment 'Mid Market'); rc=$?
if [ "$rc" = 0 ] && [ "$out" = deals/acme-logistics.md ] &&
    grep -q '^client: "Acme & \\"Logistics\\": Inc"$' deals/acme-logistics.md &&
    grep -q '^segment: mid-market$' deals/acme-logistics.md &&
    "$bin" convert deals/acme-logistics.md --to xml 2>/dev/null |
    grep -q '<client>Acme &amp; "Logistics": Inc</client>'; then
	pass "new writes deals/DEAL.md with the client escaped"
else
	fail "new writes deals/DEAL.md with the client escaped" "exit $rc $out"
fi
cp deals/acme-logistics.md "$tmp/before"
echo extra >> deals/acme-logistics.md
cp deals/acme-logistics.md "$tmp/before"
"$bin" new acme-logistics 2>"$tmp/err"; rc=$?
if [ "$rc" = 1 ] && cmp -s deals/acme-logistics.md "$tmp/before" &&
    grep -q 'already exists' "$tmp/err"; then
	pass "new refuses to overwrite"
else
	fail "new refuses to overwrite" "exit $rc"
fi
for id in ../../etc/x a/b Acme acme- acme--x ''; do
	"$bin" new "$id" 2>"$tmp/err" >/dev/null; rc=$?
	if [ "$rc" = 1 ] && grep -q 'error: .*is not a deal id.*\[deal-id\]' "$tmp/err" &&
	    [ ! -e "deals/$id.md" ] && [ ! -e "$tmp/etc/x.md" ]; then
		pass "new refuses deal id '$id'"
	elif [ -z "$id" ] && [ "$rc" = 1 ]; then
		pass "new refuses deal id '$id'"
	else
		fail "new refuses deal id '$id'" "exit $rc" "$(cat "$tmp/err")"
	fi
done
"$bin" new nl-client --client "$(printf 'Acme\nBcc: x')" 2>/dev/null; rc=$?
[ "$rc" = 1 ] && [ ! -e deals/nl-client.md ] &&
    pass "new refuses a client name with a newline" ||
    fail "new refuses a client name with a newline" "exit $rc"
"$bin" new seg-x --segment huge 2>/dev/null; rc=$?
[ "$rc" = 1 ] && [ ! -e deals/seg-x.md ] && pass "new refuses an unknown segment" ||
    fail "new refuses an unknown segment" "exit $rc"
"$bin" new acme-xml --xml --client 'A&B <Co>' >/dev/null; rc=$?
if [ "$rc" = 0 ] && grep -q '<client>A&amp;B &lt;Co&gt;</client>' deals/acme-xml.xml &&
    grep -q '<!-- <segment>segment</segment> -->' deals/acme-xml.xml &&
    "$bin" convert deals/acme-xml.xml --to xml >/dev/null 2>&1; then
	pass "new --xml writes well-formed XML, blanks as comments"
else
	fail "new --xml writes well-formed XML, blanks as comments" "exit $rc"
fi
"$bin" new solo -o solo-file.md >/dev/null && [ -f solo-file.md ] &&
    pass "new -o FILE" || fail "new -o FILE"
cd "$tmp" && "$bin" new no-deals-dir >/dev/null && [ -f no-deals-dir.md ] &&
    pass "new writes ./DEAL.md without deals/" || fail "new writes ./DEAL.md without deals/"
cd "$tmp/repo" || exit 1

# The skeleton: blanks do not count; filled, it passes check at pre-close.
"$bin" new fill-me --client 'Harbor Freight Lines' --segment smb >/dev/null
"$bin" check deals/fill-me.md >"$tmp/err" 2>&1; rc=$?
[ "$rc" = 1 ] && grep -q 'completeness' "$tmp/err" &&
    pass "an empty skeleton does not pass check" ||
    fail "an empty skeleton does not pass check" "exit $rc"
awk '
/^ae:$/ { print "ae: Dana Reyes <dana.reyes@vendor.example>"; next }
/^csm:$/ { print "csm: Sam Okafor <sam.okafor@vendor.example>"; next }
/^value:$/ { print "value: 24000 USD/year"; next }
/^term:$/ { print "term: 1 year"; next }
/^go_live:$/ { print "go_live: 2027-01-15"; next }
/^renewal:$/ { print "renewal: 2027-12-31"; next }
/^crm:$/ { print "crm: https://crm.vendor.example/opp/42"; next }
{ print }
/^## Pain points$/ { print "- Dispatch re-keys every order from e-mail."; }
/^## Why they chose us$/ { print "Live in a week, and the TMS connector."; }
/^## Buying process$/ { print "Ops manager decided; owner signed."; }
/^## Commitments$/ { print "- [ ] Import of the customer list (Dana Reyes, by 2027-01-10)"; }
/^\| Name \| Title/ { getline; print; print "| Lee Park | Owner | Economic buyer, champion, primary | High | Champion | lee@harbor.example | Phone | |"; }
/^\| Metric \|/ { getline; print; print "| Re-keying time | 4 h/day | 30 min/day | 2027-03-31 | Time study |"; }
/^\| Risk \|/ { getline; print; print "| Owner is the only user | Medium | Medium | Train the dispatcher too | CSM |"; }
/^## First milestone$/ { print "First 100 orders without re-keying."; }
' deals/fill-me.md > "$tmp/filled.md" && mv "$tmp/filled.md" deals/fill-me.md
"$bin" check deals/fill-me.md >"$tmp/err" 2>&1; rc=$?
if [ "$rc" = 0 ] && grep -q 'pre-close' "$tmp/err"; then
	pass "a filled skeleton passes check at pre-close"
else
	fail "a filled skeleton passes check at pre-close" "exit $rc" \
	    "$(head -20 "$tmp/err")"
fi
cd "$root" || exit 1

# ---- hostile Markdown: refused fast, small -------------------------
{ printf '%s\n' '---' 'client: x' '---' '# Risks'; printf '|'; i=0; while [ $i -lt 1000 ]; do printf 'c|'; i=$((i+1)); done
  printf '\n|'; i=0; while [ $i -lt 1000 ]; do printf '%s' '-|'; i=$((i+1)); done
  printf '\n'; i=0; while [ $i -lt 8000 ]; do printf 'w\n'; i=$((i+1)); done; } > "$tmp/bomb.md"
start=$(date +%s)
bounded "$bin" convert "$tmp/bomb.md" --to xml >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" = 1 ] && grep -q 'table-too-large' "$tmp/err" &&
    [ $(( $(date +%s) - start )) -le 5 ] && pass "table bomb refused" ||
    fail "table bomb refused" "exit $rc" "$(head -3 "$tmp/err")"
/usr/bin/python3 -c "
import sys
sys.stdout.write('---\nclient: x\n---\n# Context\n## Pain points\n' + '- ' * 100000 + 'x\n')" > "$tmp/deep.md"
bounded "$bin" convert "$tmp/deep.md" --to xml >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" = 1 ] && grep -q 'nesting-too-deep' "$tmp/err" &&
    pass "100,000 nested list levels refused" ||
    fail "100,000 nested list levels refused" "exit $rc"
/usr/bin/python3 -c "
import sys
sys.stdout.write('---\nclient: x\n---\n# Context\n## Pain points\n' + ''.join('  ' * i + '- x\n' for i in range(600)))" > "$tmp/deep2.md"
bounded "$bin" convert "$tmp/deep2.md" --to xml >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" = 1 ] && grep -q 'nesting-too-deep' "$tmp/err" &&
    pass "indented nesting refused" || fail "indented nesting refused" "exit $rc"
/usr/bin/python3 -c "
import sys
sys.stdout.write('---\nclient: x\n---\n# Context\n## Pain points\n' + '[' * 200000 + '*a' * 100000 + '\n')" > "$tmp/inline.md"
start=$(date +%s)
bounded "$bin" convert "$tmp/inline.md" --to xml >/dev/null 2>&1; rc=$?
[ "$rc" -le 1 ] && [ $(( $(date +%s) - start )) -le 5 ] &&
    pass "pathological inlines parse in bounded time" ||
    fail "pathological inlines parse in bounded time" "exit $rc"
{ echo '---'; echo 'a: &a ["x","x","x","x","x","x","x","x","x"]'
  echo 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]'
  echo 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]'; echo '---'; } > "$tmp/alias.md"
bounded "$bin" convert "$tmp/alias.md" --to xml >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" = 1 ] && grep -q 'yaml-alias' "$tmp/err" && pass "YAML alias bomb refused" ||
    fail "YAML alias bomb refused" "exit $rc"
exit 0
