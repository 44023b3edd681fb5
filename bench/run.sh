#!/bin/sh
# bench/run.sh: how fast 'handoff build' is.  Makes a scratch team repo
# with the examples and N synthetic deals (deterministic: copies of the
# enterprise example under new ids, every 10th one a stress deal with 40
# stakeholders), then times a cold build on one core, a cold build on
# every core, a no-change rebuild and a one-deal-changed rebuild, and the
# peak memory.  Usage: sh bench/run.sh [N] [HANDOFF]   (default 200)
N=${1:-200}
H=${2:-$(pwd)/handoff}
ROOT=$(pwd)
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795510800

mkdir -p "$T/deals"
cd "$T" || exit 2
"$H" convert "$ROOT/examples/deals/nordlicht-energie.md" --to xml -o base.xml \
    >/dev/null 2>&1 || { echo "bench: convert failed"; exit 2; }
$PY "$ROOT/tests/sh/gen_deal.py" stress base.xml stress.xml
$PY - "$N" <<'PYEOF'
import sys
n = int(sys.argv[1])
base = open('base.xml', encoding='utf-8').read()
stress = open('stress.xml', encoding='utf-8').read()
for i in range(n):
    ident = 'deal-%05d' % i
    src = stress if i % 10 == 9 else base
    s = src.replace('<id>nordlicht-energie</id>', '<id>%s</id>' % ident)
    s = s.replace('Nordlicht Energie GmbH', 'Nordlicht Energie %d GmbH' % i)
    open('deals/%s.xml' % ident, 'w', encoding='utf-8').write(s)
PYEOF

now() { date +%s.%N; }
run() {	# label, then the build arguments
	label=$1
	shift
	t0=$(now)
	/usr/bin/time -f '%M' -o "$T/mem" "$H" build "$@" >"$T/log" 2>"$T/err"
	rc=$?
	t1=$(now)
	echo "$label" "$(echo "$t0 $t1 $N" | awk '{printf "%.3f s total, %.2f ms per deal", $2-$1, ($2-$1)*1000/$3}')," \
	    "peak $(cat "$T/mem") KB, exit $rc: $(tail -1 "$T/log")"
}
echo "handoff build, $N synthetic deals ($(nproc) cores)"
run "cold, -j 1:        " --force -j 1 -o out1
run "cold, -j $(nproc):        " --force -o out
run "no change:         " -o out
sed -i 's#<term>3 years</term>#<term>5 years</term>#' deals/deal-00003.xml
run "one deal changed:  " -o out
ls -l out/deal-00000/handoff-package.pdf out/deal-00009/handoff-package.pdf |
    awk '{print "PDF size " $NF ": " $5 " bytes"}'
if command -v pandoc >/dev/null 2>&1; then
	t0=$(now)
	for i in 1 2 3 4 5; do
		pandoc "$ROOT/examples/deals/nordlicht-energie.md" -o "$T/p$i.pdf" \
		    >/dev/null 2>&1 || break
	done
	t1=$(now)
	echo "pandoc (5 runs): $(echo "$t0 $t1" | awk '{printf "%.1f ms per deal", ($2-$1)*200}')"
else
	echo "pandoc: not installed, no comparison"
fi
