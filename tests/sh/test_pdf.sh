#!/bin/sh
# test_pdf.sh: the handoff package PDF, read back with poppler and qpdf:
# content (pdftotext), structure (qpdf --check, pdfinfo metadata,
# bookmarks, links), layout (every word box inside the margins, none
# overlapping, via pdftotext -bbox-layout) on the enterprise example and
# on a synthetic stress deal (40 stakeholders, a 2,000-word pain point, a
# 300-character URL), and atomicity (a failed build keeps the old PDF).
# $1: the handoff binary; cwd: the repo root.
H=$1
ROOT=$(pwd)
PY=/usr/bin/python3
CHECK="$PY $ROOT/tests/sh/pdf_check.py"
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795510800

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
ok() { if [ "$2" = 0 ]; then pass "$1"; else fail "$1" "$3"; fi; }

mkdir -p "$T/repo/deals"
cp examples/deals/nordlicht-energie.md "$T/repo/deals/"
cd "$T/repo" || exit 1
"$H" build nordlicht-energie >"$T/out" 2>"$T/err"
rc=$?
PDF=output/nordlicht-energie/handoff-package.pdf
if [ $rc != 0 ] || [ ! -s $PDF ]; then
	fail pdf-build "exit $rc" "$(cat "$T/err")"
	exit 0
fi
pass pdf-build

# --- structure
qpdf --check $PDF >"$T/q" 2>&1
ok pdf-qpdf-check $? "$(tail -3 "$T/q")"
pdftoppm -r 30 -png $PDF "$T/pg" 2>"$T/pperr"
n=$(ls "$T"/pg-*.png 2>/dev/null | wc -l)
pages=$(pdfinfo $PDF | sed -n 's/^Pages: *//p')
[ ! -s "$T/pperr" ] && [ "$n" = "$pages" ] && [ "$pages" -ge 6 ]
ok pdf-renders-clean $? "pages=$pages rendered=$n: $(head -3 "$T/pperr")"
pdfinfo $PDF >"$T/info"
ver=$("$H" --version | sed 's/^handoff //')
grep -q '^Title: *Handoff package: Nordlicht Energie GmbH$' "$T/info" &&
    grep -q '^Author: *Zoë Müller$' "$T/info" &&
    grep -q "^Creator: *handoff $ver\$" "$T/info" &&
    grep -q '^Subject: .*Nordlicht Energie GmbH' "$T/info" &&
    grep -q '^Keywords: .*nordlicht-energie' "$T/info"
ok pdf-metadata $? "$(cat "$T/info")"
# small: both faces embedded as subsets (a few dozen glyphs, not the
# whole face), the package well under 150 KB
size=$(wc -c <$PDF)
pdffonts $PDF >"$T/fonts" 2>&1
nsub=$(grep -c 'CID TrueType .* yes yes yes' "$T/fonts")
[ "$size" -le 153600 ] && [ "$nsub" = 2 ] &&
    grep -q '^HPDF.*+DejaVuSans,' "$T/fonts" &&
    grep -q '^HPDF.*+DejaVuSans-Bold,' "$T/fonts"
ok pdf-size-subset-fonts $? "$size bytes; $(cat "$T/fonts")"
$PY - $PDF >"$T/ff" 2>&1 <<'PYEOF'
import re, sys, zlib
data = open(sys.argv[1], 'rb').read()
# every embedded font program (FontFile2) and its uncompressed length
n = 0
for m in re.finditer(rb'/Length1 (\d+)', data):
    n += 1
    if int(m.group(1)) > 40000:
        print('font program of %s bytes: not a subset' % m.group(1).decode())
        sys.exit(1)
sys.exit(0 if n == 2 else 1)
PYEOF
ok pdf-font-programs-small $? "$(cat "$T/ff")"
# compressed: every stream has the Flate filter
ns=$(grep -a -c endstream $PDF)
nf=$(grep -a -c FlateDecode $PDF)
[ "$ns" -gt 5 ] && [ "$ns" = "$nf" ]
ok pdf-compressed $? "$ns streams, $nf compressed"
$CHECK outlines $PDF >"$T/ol" 2>&1
r=0
for s in Cover 'At a glance' Context Relationships '  Power map' \
    '  Stakeholders' Goals Risks Timeline 'Client DNA' 'Process record' \
    '  Sign-off' '  Pain points' '  Commitments'; do
	grep -q "^$s\$" "$T/ol" || { r=1; echo "  missing bookmark '$s'" >>"$T/olm"; }
done
ok pdf-bookmarks $r "$(cat "$T/olm" 2>/dev/null; head -5 "$T/ol")"
$CHECK uris $PDF >"$T/uris" 2>&1
r=0
for u in mailto:k.wisniewska@nordlicht.example mailto:zoe.mueller@vendor.example \
    mailto:sam.okafor@vendor.example mailto:aoife.byrne@nordlicht.example \
    https://crm.vendor.example/opportunities/0061x00000NordL \
    https://docs.vendor.example/proposals/nordlicht-energie-v4.pdf \
    https://calls.vendor.example/r/nordlicht-discovery; do
	grep -qxF "$u" "$T/uris" || { r=1; echo "missing link $u" >>"$T/um"; }
done
ok pdf-links $r "$(cat "$T/um" 2>/dev/null)"

# --- content
pdftotext $PDF "$T/txt"
pdftotext -layout $PDF "$T/lay"
r=0
for s in 'Zoë Müller' 'Katarzyna Wiśniewska' 'Łódź' 'Henrik Ærø' 'Jürgen Böhm'; do
	grep -qF "$s" "$T/txt" || { r=1; echo "missing '$s'" >>"$T/nm"; }
done
ok pdf-utf8-names $r "$(cat "$T/nm" 2>/dev/null)"
r=0
i=1
while [ $i -le "$pages" ]; do
	pdftotext -f $i -l $i $PDF - >"$T/p"
	grep -qF "Page $i of $pages" "$T/p" &&
	    grep -qF 'Internal — do not forward' "$T/p" &&
	    grep -qF 'Nordlicht Energie GmbH' "$T/p" || { r=1; echo "page $i" >>"$T/pm"; }
	i=$((i + 1))
done
ok pdf-page-furniture $r "header or 'Page X of Y' missing on: $(cat "$T/pm" 2>/dev/null)"
r=0
for s in 'EUR 240,000 / year' 'Handoff due' '2026-11-20 Fri' 'Offline-first' \
    'FieldPro' 'Data residency' 'Frankfurt region' 'Ran the pilot' \
    'Work-order lag to SAP PM' 'Control-room outage log' 'Husum technicians' \
    'Jürgen skipped' 'Become the most reliable' 'Send data, not decks' \
    'Accepted' 'Sam Okafor'; do
	grep -qF "$s" "$T/txt" || { r=1; echo "missing '$s'" >>"$T/cm"; }
done
ok pdf-every-field $r "$(cat "$T/cm" 2>/dev/null)"
grep -q '☑ done.*EU-only data residency' "$T/lay" &&
    grep -q '☐ open.*SAP PM connector configured' "$T/lay"
ok pdf-commitment-state $? "$(grep -E '☑|☐' "$T/lay")"
# timeline: business days after 2026-11-18 (Wed): day 2 = Fri 11-20, day 5 =
# Wed 11-25, day 30 = Wed 2026-12-30, enterprise escalation day 60 = 2027-02-10
grep -q 'Handoff package.*2026-11-20 Fri' "$T/lay" &&
    grep -q 'Joint handoff call.*done' "$T/lay" &&
    grep -q 'Warm client intro.*2026-11-25 Wed.*due' "$T/lay" &&
    grep -q '30-day feedback.*2026-12-30 Wed' "$T/lay" &&
    grep -q 'End of AE.*day 1–60.*2027-02-10 Wed' "$T/lay"
ok pdf-timeline-dates $? "$(grep -E 'day [0-9]' "$T/lay")"
HANDOFF_TODAY=2026-12-10 "$H" build --force -o "$T/later" nordlicht-energie >/dev/null 2>&1
pdftotext -layout "$T/later/nordlicht-energie/handoff-package.pdf" - 2>/dev/null |
    grep -q 'Warm client intro.*overdue'
ok pdf-timeline-overdue $? "intro not overdue on 2026-12-10"
# the power map: a marker number for every stakeholder, names beside them
sed -n '/^Power map$/,/^Stakeholders$/p' "$T/txt" >"$T/map"
grep -q 'K. Wiśniewska\|Katarzyna Wiśniewska' "$T/map" && grep -q 'Aoife Byrne' "$T/map" &&
    grep -q 'economic buyer' "$T/map" && grep -q 'primary contact' "$T/map"
ok pdf-power-map $? "$(head -20 "$T/map")"
$CHECK layout $PDF >"$T/lo" 2>&1
ok pdf-layout-example $? "$(head -5 "$T/lo")"

# --- the stress deal
"$H" convert deals/nordlicht-energie.md --to xml -o "$T/n.xml" >/dev/null 2>&1
$PY "$ROOT/tests/sh/gen_deal.py" stress "$T/n.xml" deals/stress-test.xml
sed -i 's#<id>nordlicht-energie</id>#<id>stress-test</id>#' deals/stress-test.xml
"$H" build stress-test >"$T/out" 2>"$T/err"
rc=$?
S=output/stress-test/handoff-package.pdf
if [ $rc != 0 ] || [ ! -s $S ]; then
	fail pdf-stress-build "exit $rc" "$(head -5 "$T/err")"
else
	pass pdf-stress-build
	$CHECK layout $S >"$T/lo" 2>&1
	ok pdf-layout-stress $? "$(head -5 "$T/lo")"
	qpdf --check $S >/dev/null 2>&1
	ok pdf-stress-qpdf $? "qpdf --check failed"
	pdftotext $S "$T/st"
	r=0
	i=1
	while [ $i -le 2000 ]; do
		echo "p$i"
		i=$((i + 1))
	done >"$T/want"
	tr -s ' \n' '\n\n' <"$T/st" | grep -x 'p[0-9]*' | sort -u >"$T/got"
	sort -u "$T/want" | cmp -s - "$T/got"
	ok pdf-stress-long-text $? "$(sort -u "$T/want" | comm -23 - "$T/got" | head -3)"
	url="https://crm.vendor.example/opportunities/$(printf 'x%.0s' $(seq 240))/view?tab=all&amp=1"
	tr -d ' \n' <"$T/st" | grep -qF "$url" &&
	    $CHECK uris $S 2>/dev/null | grep -qxF "$url"
	ok pdf-stress-long-url $? "the 300-character URL is broken or not linked"
	n=$(grep -c 'Regional lead' "$T/st")
	heads=0
	p=1
	sp=$(pdfinfo $S | sed -n 's/^Pages: *//p')
	while [ $p -le "$sp" ]; do
		pdftotext -f $p -l $p -layout $S - | grep -q '#  *Name  *Role  *Influence  *Stance  *Contact  *Notes' &&
		    heads=$((heads + 1))
		p=$((p + 1))
	done
	[ "$n" -ge 36 ] && [ "$heads" -ge 2 ]
	ok pdf-stress-table-header-repeated $? "rows=$n header on $heads pages"
fi

# --- atomicity: a failed build leaves the previous PDF as it was
cp $PDF "$T/before.pdf"
printf '\n<!-- broken\n' >>deals/stress-test.xml
sed -i 's/^client: .*/client: /' deals/nordlicht-energie.md
"$H" build --force nordlicht-energie >/dev/null 2>&1
rc=$?
cmp -s $PDF "$T/before.pdf" && [ $rc = 1 ] && ! ls output/nordlicht-energie | grep -q tmp
ok pdf-atomic-invalid $? "exit $rc; the PDF changed or a temp file is left"
cp "$ROOT/examples/deals/nordlicht-energie.md" deals/
rm -f output/nordlicht-energie/handoff.xml
mkdir output/nordlicht-energie/handoff.xml
echo '<!-- changed -->' >>deals/nordlicht-energie.md
"$H" build --force nordlicht-energie >/dev/null 2>"$T/err"
rc=$?
cmp -s $PDF "$T/before.pdf" && [ $rc = 2 ] && ! ls output/nordlicht-energie | grep -q tmp
ok pdf-atomic-write-failure $? "exit $rc; $(head -2 "$T/err")"
exit 0
