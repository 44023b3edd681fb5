#!/bin/sh
# test_build.sh: 'handoff build': output layout, invalid deals (exit 1,
# reported as check reports them, no outputs), deal id safety, DEAL
# arguments, -o, incremental state (unchanged, changed, --force, deleted),
# unchanged deals not even parsed, -j giving byte-identical outputs,
# duplicate ids resolved the same way at any -j, --shard covering every
# deal once, no timeline.ics before the signature date, quiet by default
# (only a failed deal's warnings are printed), usage errors.  $1: the handoff binary; cwd: the repo root.
H=$1
ROOT=$(pwd)
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795510800

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
ok() { if [ "$2" = 0 ]; then pass "$1"; else fail "$1" "$3"; fi; }

mkdir -p "$T/repo/deals"
cd "$T/repo" || exit 1
cp "$ROOT/examples/deals/nordlicht-energie.md" deals/
"$H" convert deals/nordlicht-energie.md --to xml -o "$T/n.xml" >/dev/null 2>&1
for id in alpha-one beta-two gamma-three delta-four epsilon-five; do
	$PY "$ROOT/tests/sh/gen_deal.py" copy "$T/n.xml" deals/$id.xml $id
done

# --- a whole-repo build
"$H" build >"$T/out" 2>"$T/err"
rc=$?
r=0
for id in nordlicht-energie alpha-one beta-two gamma-three delta-four epsilon-five; do
	for f in handoff.xml handoff-package.pdf timeline.ics; do
		[ -s output/$id/$f ] || { r=1; echo "missing output/$id/$f" >>"$T/m"; }
	done
done
[ $rc = 0 ] && [ $r = 0 ]
ok build-layout $? "exit $rc $(cat "$T/m" 2>/dev/null) $(head -3 "$T/err")"
xmllint --noout --schema "$ROOT/schemas/handoff.xsd" output/alpha-one/handoff.xml 2>"$T/x"
ok build-xml-valid $? "$(head -3 "$T/x")"
grep -q '<client>Client alpha-one</client>' output/alpha-one/handoff.xml &&
    pdftotext output/alpha-one/handoff-package.pdf - | grep -q 'Client alpha-one'
ok build-per-deal-content $? "output/alpha-one holds another deal"
grep -Eq '^built 6, unchanged 0, failed 0, [0-9]+\.[0-9]{2}s$' "$T/out"
ok build-summary $? "$(cat "$T/out")"

# --- incremental
"$H" build >"$T/out" 2>/dev/null
grep -q '^built 0, unchanged 6, failed 0' "$T/out"
ok build-unchanged $? "$(cat "$T/out")"
sed -i 's#<term>3 years</term>#<term>4 years</term>#' deals/beta-two.xml
"$H" build >"$T/out" 2>/dev/null
grep -q '^built 1, unchanged 5, failed 0' "$T/out" &&
    pdftotext output/beta-two/handoff-package.pdf - | grep -q '4 years'
ok build-one-changed $? "$(cat "$T/out")"
"$H" build --force >"$T/out" 2>/dev/null
grep -q '^built 6, unchanged 0' "$T/out"
ok build-force $? "$(cat "$T/out")"
HANDOFF_TODAY=2026-11-25 "$H" build >"$T/out" 2>/dev/null
grep -q '^built 6, unchanged 0' "$T/out"
ok build-new-day-rebuilds $? "$(cat "$T/out")"
rm deals/epsilon-five.xml
"$H" build >"$T/out" 2>/dev/null
[ ! -e output/epsilon-five ] && [ -s output/delta-four/handoff-package.pdf ]
ok build-deleted-deal-outputs-removed $? "$(ls output)"

# --- an unchanged deal is skipped before it is parsed: nothing is
# reported for it again, and the state names its file
"$H" build >/dev/null 2>&1
touch deals/*.xml
"$H" build >"$T/out" 2>"$T/err"
grep -q '^built 0, unchanged 5, failed 0' "$T/out" && [ ! -s "$T/err" ] &&
    grep -q '^alpha-one [0-9a-f]\{32\} deals/alpha-one.xml$' output/.handoff-state
ok build-unchanged-not-reparsed $? "$(cat "$T/out") $(head -3 "$T/err") $(head -2 output/.handoff-state)"

# --- -j N gives the same bytes as -j 1
"$H" build --force -j 1 -o "$T/j1" >/dev/null 2>&1
"$H" build --force -j 4 -o "$T/j4" >/dev/null 2>&1
(cd "$T/j1" && find . -type f ! -name .handoff-state | sort) >"$T/l1"
(cd "$T/j4" && find . -type f ! -name .handoff-state | sort) >"$T/l4"
r=0
cmp -s "$T/l1" "$T/l4" || r=1
while read -r f; do cmp -s "$T/j1/$f" "$T/j4/$f" || { r=1; echo "$f" >>"$T/jd"; }; done <"$T/l1"
[ -s "$T/l1" ] && [ $r = 0 ]
ok build-parallel-identical $? "differ: $(cat "$T/jd" 2>/dev/null)"

# --- shards: disjoint, and together every deal
for k in 1 2 3; do
	"$H" build --force --shard $k/3 -o "$T/s$k" >/dev/null 2>&1
done
# (the site's index.html and audit.html are per output folder, not per deal)
(for k in 1 2 3; do ls "$T/s$k"; done) | grep -vx 'index.html\|audit.html' |
    sort >"$T/sh"
ls "$T/j1" | grep -vx 'index.html\|audit.html' | sort >"$T/all"
cmp -s "$T/sh" "$T/all"
ok build-shards-cover-once $? "shards: $(tr '\n' ' ' <"$T/sh") all: $(tr '\n' ' ' <"$T/all")"

# --- a DEAL argument and -o
"$H" build -o "$T/one" alpha-one >/dev/null 2>&1
[ "$(ls "$T/one" | grep -vx 'index.html\|audit.html')" = alpha-one ]
ok build-deal-argument $? "$(ls "$T/one")"

# --- an invalid deal: exit 1, check's diagnostics, no outputs
mkdir -p "$T/bad/deals"
sed -e 's/^segment: .*/segment: galactic/' -e 's/^ae: .*/ae: nobody/' \
    deals/nordlicht-energie.md >"$T/bad/deals/broken-deal.md"
sed -i 's/^deal: .*/deal: broken-deal/' "$T/bad/deals/broken-deal.md"
cd "$T/bad" || exit 1
"$H" check deals/broken-deal.md >/dev/null 2>"$T/check"
"$H" build >"$T/out" 2>"$T/err"
rc=$?
r=0
grep ': error: ' "$T/check" >"$T/ce"
while read -r l; do grep -qxF "$l" "$T/err" || { r=1; echo "$l" >>"$T/miss"; }; done <"$T/ce"
[ $rc = 1 ] && [ -s "$T/ce" ] && [ $r = 0 ] && [ ! -e output/broken-deal ] &&
    grep -q '^built 0, unchanged 0, failed 1' "$T/out"
ok build-invalid-deal $? "exit $rc; missing: $(cat "$T/miss" 2>/dev/null)"

# --- deal id safety: an id that is a path is refused, nothing written
mkdir -p "$T/evil/deals"
sed 's#<id>alpha-one</id>#<id>../../escaped</id>#' "$T/repo/deals/alpha-one.xml" \
    >"$T/evil/deals/alpha-one.xml"
cd "$T/evil" || exit 1
"$H" build >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 1 ] && [ ! -e "$T/escaped" ] && [ ! -e "$T/evil/escaped" ] &&
    ! ls output 2>/dev/null | grep -q . && grep -q 'deal-id\|schema' "$T/err"
ok build-deal-id-safety $? "exit $rc $(head -2 "$T/err")"
# an id that differs from the file name in deals/: an error, as in check
# (issue 11 point 11), and no outputs under either name
mkdir -p "$T/mm/deals"
cp "$T/repo/deals/alpha-one.xml" "$T/mm/deals/other-name.xml"
cd "$T/mm" || exit 1
"$H" build >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 1 ] && [ ! -e output/alpha-one ] && [ ! -e output/other-name ] &&
    grep -q "error: deal id 'alpha-one' differs from the file name" "$T/err"
ok build-id-stem-mismatch $? "exit $rc $(head -2 "$T/err")"

# --- two files with one deal id (given as paths outside deals/, where a
# file need not be named after its id): the first always keeps the
# outputs, whatever the threads did; the other fails
mkdir -p "$T/dup/a" "$T/dup/b"
cp "$T/repo/deals/alpha-one.xml" "$T/dup/a/"
sed 's#<client>Client alpha-one</client>#<client>Impostor AG</client>#' \
    "$T/repo/deals/alpha-one.xml" >"$T/dup/b/zz-alpha.xml"
cd "$T/dup" || exit 1
r=0
for i in 1 2 3 4; do
	"$H" build --force -j2 a/alpha-one.xml b/zz-alpha.xml >"$T/out" 2>"$T/err"
	rc=$?
	[ $rc = 1 ] && grep -q '<client>Client alpha-one</client>' \
	    output/alpha-one/handoff.xml &&
	    grep -q "zz-alpha.xml.*deal id 'alpha-one' is also the id of 'a/alpha-one.xml'" "$T/err" &&
	    grep -q '^built 1, unchanged 0, failed 1' "$T/out" || r=1
done
[ $r = 0 ]
ok build-duplicate-id-first-wins $? "exit $rc $(cat "$T/out") $(grep error "$T/err" | head -2)"

# --- a deal not signed yet has no timeline: no timeline.ics at all (not
# an empty one), and the one an earlier build wrote when it was signed
# goes away
mkdir -p "$T/pre/deals"
cp "$ROOT/examples/deals/nordlicht-energie.md" "$T/pre/deals/"
cd "$T/pre" || exit 1
"$H" build >/dev/null 2>&1
had=0; [ -s output/nordlicht-energie/timeline.ics ] && had=1
sed -i -e 's/^stage: signed$/stage: pre-close/' -e '/^signed: /d' \
    deals/nordlicht-energie.md
"$H" build >"$T/out" 2>"$T/err"
rc=$?
[ $had = 1 ] && [ $rc = 0 ] && grep -q '^built 1, unchanged 0, failed 0' "$T/out" &&
    [ -s output/nordlicht-energie/handoff-package.pdf ] &&
    [ ! -e output/nordlicht-energie/timeline.ics ]
ok build-no-timeline-before-signature $? "had $had, exit $rc, $(ls output/nordlicht-energie) $(head -2 "$T/err")"
"$H" build --force -o "$T/pre-fresh" >/dev/null 2>&1
[ -s "$T/pre-fresh/nordlicht-energie/handoff.xml" ] &&
    [ ! -e "$T/pre-fresh/nordlicht-energie/timeline.ics" ]
ok build-no-empty-timeline-file $? "$(ls -l "$T/pre-fresh/nordlicht-energie" 2>&1)"

# --- every deal gone: their outputs go too, and nothing else breaks
# (under UBSan this once passed NULL to bsearch)
rm -f deals/nordlicht-energie.md
"$H" build >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 0 ] && [ ! -e output/nordlicht-energie ] &&
    grep -q '^built 0, unchanged 0, failed 0' "$T/out" && [ ! -s "$T/err" ]
ok build-all-deals-gone $? "exit $rc $(ls output) $(head -3 "$T/err")"

# --- quiet by default: a valid deal's warnings are check's to show, so
# build prints nothing for it; a deal that fails gets all of check's
# diagnostics, its warnings too
mkdir -p "$T/quiet/deals"
cp "$ROOT/examples/deals/brightpath-learning.md" "$T/quiet/deals/"
cd "$T/quiet" || exit 1
"$H" check deals/brightpath-learning.md >"$T/check" 2>&1
"$H" build >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 0 ] && grep -q ': warning: ' "$T/check" && [ ! -s "$T/err" ] &&
    grep -Eq '^built 1, unchanged 0, failed 0, [0-9]+\.[0-9]{2}s$' "$T/out"
ok build-quiet-valid-deal $? "exit $rc; stderr: $(head -3 "$T/err")"
sed -i 's/^segment: .*/segment: galactic/' deals/brightpath-learning.md
"$H" check deals/brightpath-learning.md >/dev/null 2>"$T/check"
"$H" build >"$T/out" 2>"$T/err"
rc=$?
grep -v ': note: .*\[\(summary\|fmt\)\]$' "$T/check" >"$T/ce"	# check's own notes
grep -q ': warning: ' "$T/ce" && grep -q ': error: ' "$T/ce" && [ $rc = 1 ] &&
    cmp -s "$T/ce" "$T/err" && grep -q '^built 0, unchanged 0, failed 1' "$T/out"
ok build-failed-deal-full-diagnostics $? "exit $rc; $(diff "$T/ce" "$T/err" | head -4)"

# --- usage
"$H" build -j 0 >/dev/null 2>&1
r1=$?
"$H" build --shard 4/3 >/dev/null 2>&1
r2=$?
"$H" build --bogus >/dev/null 2>&1
r3=$?
[ $r1 = 2 ] && [ $r2 = 2 ] && [ $r3 = 2 ]
ok build-usage-errors $? "exits $r1 $r2 $r3"
exit 0
