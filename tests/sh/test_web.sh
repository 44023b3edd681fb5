#!/bin/sh
# test_web.sh: the static site 'handoff build' writes: index.html lists
# every deal (also those that fail check: the overdue ones), marked by
# status; deal pages hold the package's content; everything interpolated
# is escaped; html5lib (strict) finds no error; headless Chromium from
# file:// finds sorting, filtering and search working, no console error,
# no request but the page, "Internal" on screen; screenshots at 375 and
# 1440 px in tests/out/; -j 1 and -j 4 give identical sites; --no-html
# writes none.  $1: the handoff binary; cwd: the repo root.
H=$1
ROOT=$(pwd)
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1795510800
OUT=$ROOT/tests/out
mkdir -p "$OUT"

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
ok() { if [ "$2" = 0 ]; then pass "$1"; else fail "$1" "$3"; fi; }

. "$ROOT/tests/sh/web_fixtures.sh"
web_fixtures "$T/repo"
cd "$T/repo" || exit 1

"$H" build -j 1 -o "$T/j1" >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 1 ] && [ -s "$T/j1/index.html" ] && [ -s "$T/j1/nordlicht-energie/index.html" ] &&
    [ -s "$T/j1/rejected-deal/index.html" ] && [ ! -e "$T/j1/late-deal/index.html" ]
ok web-build-writes-site $? "exit $rc $(ls "$T/j1") $(tail -1 "$T/out")"

"$H" build -j 4 -o "$T/j4" >/dev/null 2>&1
r=0
(cd "$T/j1" && find . -name '*.html' | sort) >"$T/l1"
(cd "$T/j4" && find . -name '*.html' | sort) >"$T/l4"
cmp -s "$T/l1" "$T/l4" || r=1
while read -r f; do cmp -s "$T/j1/$f" "$T/j4/$f" || { r=1; echo "$f" >>"$T/jd"; }; done <"$T/l1"
[ -s "$T/l1" ] && [ $r = 0 ]
ok web-parallel-identical $? "differ: $(cat "$T/jd" 2>/dev/null)"

"$H" build --no-html -o "$T/nohtml" >/dev/null 2>&1
[ -s "$T/nohtml/nordlicht-energie/handoff-package.pdf" ] &&
    ! find "$T/nohtml" -name '*.html' | grep -q .
ok web-no-html $? "$(find "$T/nohtml" -name '*.html')"

# escaping: the client name with markup arrives as text, never as markup
grep -q 'Rejected &amp; &lt;b&gt;Sons&lt;/b&gt;' "$T/j1/index.html" &&
    ! grep -q '<b>Sons' "$T/j1/index.html" "$T/j1/rejected-deal/index.html" &&
    grep -q 'Rejected &amp; &lt;b&gt;Sons&lt;/b&gt;' "$T/j1/rejected-deal/index.html"
ok web-escaped $? "$(grep -o 'Rejected[^<]*' "$T/j1/index.html" | head -2)"

# the CSP forbids every external load; no external reference at all
r=0
for f in $(find "$T/j1" -name '*.html' ! -path '*/.rows/*'); do
	grep -q "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'" "$f" || r=1
	grep -Eq '<(link|img|iframe|object)[ >]|<script src|@import|url\(' "$f" && r=1
	grep -q 'Internal' "$f" || r=1
done
[ $r = 0 ]
ok web-self-contained-csp $?

# deal page: the package's sections in the PDF's order, links to the files
f=$T/j1/nordlicht-energie/index.html
r=0
prev=0
for s in 'At a glance' 'Context' 'Relationships' 'Power map' 'Stakeholders' \
    'Goals' 'Success plan' 'Risks' 'Timeline' 'Client DNA' 'Process record' \
    'Links and sign-off'; do
	n=$(grep -n ">$s</h" "$f" | head -1 | cut -d: -f1)
	if [ -z "$n" ] || [ "$n" -le "$prev" ]; then r=1; echo "$s" >>"$T/order"; else prev=$n; fi
done
grep -q 'href="handoff-package.pdf"' "$f" && grep -q 'href="timeline.ics"' "$f" &&
    grep -q 'href="intro-email.eml"' "$f" && grep -q 'href="handoff-notice.eml"' "$f" || r=1
grep -q '<svg class="map"' "$f" && grep -q 'class="badge sev-high"' "$f" || r=1
grep -q '@media print' "$f" || r=1
[ $r = 0 ]
ok web-deal-page-order-links $? "out of order or missing: $(cat "$T/order" 2>/dev/null)"

# an invalid deal keeps its row (overdue), without a page
grep -q 'data-status="overdue"' "$T/j1/index.html" &&
    grep -q 'Late Deal Logistik' "$T/j1/index.html" && [ ! -e "$T/j1/late-deal" ]
ok web-failed-deal-row $?

# a deal that is gone loses its row and page
mv deals/soon-deal.md "$T/"
"$H" build -o "$T/j1" >/dev/null 2>&1
! grep -q 'Soon Deal' "$T/j1/index.html" && grep -q 'Nordlicht' "$T/j1/index.html"
ok web-gone-deal-dropped $?
mv "$T/soon-deal.md" deals/
"$H" build -o "$T/j1" >/dev/null 2>&1

timeout 120 $PY "$ROOT/tests/sh/web_browser.py" validate $(find "$T/j1" -name '*.html' ! -path '*/.rows/*' | sort)
timeout 120 $PY "$ROOT/tests/sh/web_browser.py" index "file://$T/j1/index.html" \
    "$OUT/web-index" nordlicht-energie harbourview-clinics brightpath-learning \
    corner-bakery late-deal rejected-deal soon-deal --overdue late-deal \
    --overdue corner-bakery \
    --rejected rejected-deal
timeout 120 $PY "$ROOT/tests/sh/web_browser.py" page \
    "file://$T/j1/nordlicht-energie/index.html" "$OUT/web-deal" \
    'Nordlicht Energie GmbH' 'Power map' 'Success plan' 'SAP PM connector' \
    'Internal' 'Katarzyna'
exit 0
