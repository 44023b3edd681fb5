#!/bin/sh
# test_renewal_derived.sh: a renewal date handoff works out from the
# signature (or start) date and the term is shown as derived, with its
# basis, wherever the CSM or a template reads it (issue 10 point 3):
# 'check --verbose', the PDF cover ('Renewal 2029-11-20 (derived: signed
# + 36 months)') and 'templates data' (renewal_derived, renewal_basis).
# A renewal the AE wrote is shown as written, never labelled derived.
# Usage: sh tests/sh/test_renewal_derived.sh /abs/path/to/handoff
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1795500000

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

base=tests/regress/rules/invalid-date.md
mkdir -p "$tmp/team/deals"
# deal NAME SED...: the clean signed deal (signed 2026-11-20, renewal
# 2028-11-30 written), edited, as deals/NAME.md of a team repo.
deal() {
	n=$1; shift
	sed -e 's/^go_live: 2027-02-30/go_live: 2027-02-01/' \
	    -e "s/^deal: .*/deal: $n/" "$base" | sed "$@" > "$tmp/team/deals/$n.md"
}
deal bysig -e '/^renewal:/d' -e '/^start:/d' -e 's/^term: .*/term: 36 months/'
deal fromstart -e '/^renewal:/d' -e 's/^start: .*/start: 2026-12-01/' \
    -e 's/^term: .*/term: 3 years/'
deal written -e 's/^term: .*/term: 36 months/'
cd "$tmp/team" || exit 1

# check --verbose: a note with the basis; without --verbose, nothing.
"$bin" check --verbose bysig > v.out 2>&1
if grep -q "note: renewal date 2029-11-20 derived: signature date 2026-11-20 + term '36 months' \[derived\]" v.out &&
   ! "$bin" check bysig 2>&1 | grep -q derived
then ok check-verbose-derived
else ko check-verbose-derived "$(cat v.out)"
fi
"$bin" check --verbose written > w.out 2>&1
grep -q 'derived' w.out && ko check-verbose-written-not-derived "$(grep derived w.out)" ||
    ok check-verbose-written-not-derived

# the PDF cover
"$bin" build -o out bysig fromstart written > build.out 2>&1 ||
    ko build "$(cat build.out)"
pdftext() { pdftotext -layout "out/$1/handoff-package.pdf" - 2>/dev/null | tr -s ' '; }
pdftext bysig > d.txt
if grep -q 'Renewal 2029-11-20' d.txt && grep -q '(derived: signed + 36 months)' d.txt
then ok pdf-renewal-derived-from-signature
else ko pdf-renewal-derived-from-signature "$(grep -i -A1 renewal d.txt)"
fi
pdftext fromstart > s.txt
if grep -q 'Renewal 2029-12-01' s.txt && grep -q '(derived: start + 3 years)' s.txt
then ok pdf-renewal-derived-from-start
else ko pdf-renewal-derived-from-start "$(grep -i -A1 renewal s.txt)"
fi
pdftext written > w.txt
if grep -q 'Renewal 2028-11-30' w.txt && ! grep -q 'derived' w.txt
then ok pdf-renewal-written-not-derived
else ko pdf-renewal-written-not-derived "$(grep -i -A1 renewal w.txt)"
fi

# the deal page says it as the PDF cover does (issue 11: every sentence
# an output says is true): derived with its basis, a written one plain
webren() { tr -d '\n' < "out/$1/index.html" |
    grep -o '<dt>Renewal</dt><dd>[^/]*/[a-z]*>' | sed 's/<[^>]*>/ /g' |
    tr -s ' ' | sed 's/^ //; s/ $//'; }
r=$(webren bysig)
[ "$r" = 'Renewal 2029-11-20 (derived: signed + 36 months)' ] &&
    ok web-renewal-derived || ko web-renewal-derived "got '$r'"
r=$(webren written)
[ "$r" = 'Renewal 2028-11-30' ] && ok web-renewal-written-not-derived ||
    ko web-renewal-written-not-derived "got '$r'"

# the calendar's renewal event says so too (RFC 5545 lines unfolded)
icsren() { /usr/bin/python3 -c '
import sys
t = open(sys.argv[1], newline="").read().replace("\r\n ", "")
print([l for l in t.split("\r\n") if l.startswith("DESCRIPTION:Renewal")][0][12:])' "out/$1/timeline.ics" 2>&1; }
r=$(icsren bysig)
[ "$r" = 'Renewal of Acme Logistics on 2029-11-20 (derived: signed + 36 months)' ] &&
    ok ics-renewal-derived || ko ics-renewal-derived "got '$r'"
r=$(icsren written)
case $r in *derived*) ko ics-renewal-written-not-derived "got '$r'" ;;
"Renewal of "*" on 2028-11-30") ok ics-renewal-written-not-derived ;;
*) ko ics-renewal-written-not-derived "got '$r'" ;; esac

# templates data: the value, a boolean and the basis
tdata() {
	"$bin" templates data "$1" 2>/dev/null | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["deal"]["renewal"], json.dumps(d["renewal_derived"]), d["renewal_basis"] or "-")'
}
r=$(tdata bysig)
[ "$r" = '2029-11-20 true signed + 36 months' ] && ok templates-data-derived ||
    ko templates-data-derived "got '$r'"
r=$(tdata written)
[ "$r" = '2028-11-30 false -' ] && ok templates-data-written ||
    ko templates-data-written "got '$r'"

# a team template sees it too (and it is internal: a notice may use it)
mkdir -p templates
printf '%s\n' 'Renewal {{deal.renewal}}{{#renewal_derived}} (derived: {{renewal_basis}}){{/renewal_derived}}' \
    > templates/notice.txt.mustache
"$bin" build --force -o out2 bysig written > b2.out 2>&1
body() { /usr/bin/python3 -c '
import email, sys
m = email.message_from_file(open(sys.argv[1]))
for p in m.walk():
    if p.get_content_type() == "text/plain":
        print(p.get_payload(decode=True).decode().strip()); break' "out2/$1/handoff-notice.eml"; }
r=$(body bysig 2>&1)
[ "$r" = 'Renewal 2029-11-20 (derived: signed + 36 months)' ] &&
    ok template-renders-derived || ko template-renders-derived "got '$r'" "$(cat b2.out)"
r=$(body written 2>&1)
[ "$r" = 'Renewal 2028-11-30' ] && ok template-renders-written ||
    ko template-renders-written "got '$r'"
