#!/bin/sh
# bench/run.sh: how fast 'handoff build' is at scale, then every other
# benchmark.  Makes a scratch team repo of N synthetic deals in Markdown
# (bench/gen_deals.py: deterministic, non-ASCII names, 3 to 40
# stakeholders), then measures in one run: a cold build on one core and
# on every core, a no-change rebuild, a one-deal-changed rebuild, the peak
# memory of each, the PDF sizes, and pandoc turning a sample of the same
# Markdown into PDF (installed with apt-get when missing, as root), with
# the per-deal ratio.  Prints each number against its target, then runs
# bench/check.sh, bench/mustache/run.sh and bench/git/run.sh when present.
#
# usage: sh bench/run.sh [N] [HANDOFF]       (default N=1000, ./handoff)
#   BENCH_PANDOC=0      no pandoc comparison (and no install)
#   BENCH_SAMPLE=K      deals in the pandoc sample (default 10)
#   BENCH_OTHERS=0      do not run the other benchmarks
N=${1:-1000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
H=${2:-$ROOT/handoff}
case $H in /*) ;; *) H=$(pwd)/$H ;; esac
SAMPLE=${BENCH_SAMPLE:-10}
PY=/usr/bin/python3
CORES=$(nproc)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795510800 LC_ALL=C

[ -x "$H" ] || { echo "bench: no handoff binary at $H (make handoff)"; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)"; exit 2; }

now() { date +%s.%N; }
# run LABEL ARGS...: time one 'handoff build' in the repo; sets $secs,
# $mem (peak resident KB) and $summary (its last line of output)
run() {
	label=$1
	shift
	t0=$(now)
	/usr/bin/time -f %M -o "$T/mem" "$H" build "$@" >"$T/log" 2>"$T/err"
	rc=$?
	t1=$(now)
	secs=$(echo "$t0 $t1" | awk '{printf "%.3f", $2 - $1}')
	mem=$(tail -1 "$T/mem")
	summary=$(tail -1 "$T/log")
	printf '%-22s %8.3f s  %7.2f ms/deal  peak %6d KB  exit %d  [%s]\n' \
	    "$label" "$secs" "$(echo "$secs $N" | awk '{print $1 * 1000 / $2}')" \
	    "$mem" "$rc" "$summary"
}
# verdict WHAT VALUE LIMIT: "ok" when VALUE < LIMIT (or >= for "at least")
verdict() {
	echo "$2 $3" | awk -v what="$1" '{
		ok = what ~ /at least/ ? $1 >= $2 : $1 < $2;
		printf "  target %-44s %s\n", what, ok ? "met" : "MISSED" }'
}

mkdir -p "$T/repo/deals"
cd "$T/repo" || exit 2
t0=$(now)
$PY "$ROOT/bench/gen_deals.py" "$ROOT/examples/deals/nordlicht-energie.md" \
    deals "$N" || { echo "bench: cannot generate the deals"; exit 2; }
t1=$(now)
echo "handoff build: $N synthetic deals, $CORES cores, $(uname -m)," \
    "generated in $(echo "$t0 $t1" | awk '{printf "%.1f", $2 - $1}') s"
stk=$(cat deals/*.md | awk '/^# Relationships/ {r = 1; next} /^# / {r = 0}
    r && /^\| / && !/^\| Name/ {n++} END {print n}')
echo "  $stk stakeholders in all, $(du -sk deals | cut -f1) KB of Markdown"

run "cold, -j 1:" --force -j 1 -o out1
cold1=$secs
run "cold, -j $CORES:" --force -j "$CORES" -o out
coldn=$secs
best=1000
for i in 1 2 3 4 5; do
	run "no change (best of 5):" -o out >"$T/line"
	if [ "$(echo "$secs $best" | awk '{print ($1 < $2)}')" = 1 ]; then
		best=$secs
		bestline=$(cat "$T/line")
	fi
done
echo "$bestline"
nochange=$best
sed -i 's/^term: .*/term: 5 years/' deals/deal-00003.md
run "one deal changed:" -o out
one=$secs
echo "$summary" | grep -q '^built 1, unchanged' ||
	echo "  (expected exactly one deal rebuilt)"
cmp -s out1/deal-00000/handoff-package.pdf out/deal-00000/handoff-package.pdf &&
	echo "  -j 1 and -j $CORES give the same PDF bytes"
ls out/*/handoff-package.pdf | xargs ls -l | awk '{s += $5; n++;
    if ($5 > max) max = $5} END {printf "  PDF sizes: %d files, mean %.1f KB, largest %.1f KB\n",
    n, s / n / 1024, max / 1024}'
mkdir -p "$T/ex/deals"
cp "$ROOT/examples/deals/nordlicht-energie.md" "$T/ex/deals/"
(cd "$T/ex" && "$H" build -o out >/dev/null 2>&1)
echo "  enterprise example PDF: $(wc -c <"$T/ex/out/nordlicht-energie/handoff-package.pdf") bytes"
scale=$(echo "$N" | awk '{print $1 / 1000}')
verdict "cold build of 1,000 deals under 5 s" \
    "$(echo "$coldn $scale" | awk '{print $1 / $2}')" 5
verdict "no-change rebuild under 100 ms" "$(echo "$nochange" | awk '{print $1 * 1000}')" 100
verdict "one-deal-changed rebuild under 100 ms" "$(echo "$one" | awk '{print $1 * 1000}')" 100
verdict "under 20 ms per deal on one core" "$(echo "$cold1 $N" | awk '{print $1 * 1000 / $2}')" 20
verdict "enterprise example PDF at most 150 KB" \
    "$(wc -c <"$T/ex/out/nordlicht-energie/handoff-package.pdf")" 153601

# --- pandoc on a sample of the same Markdown
pandoc_engine() {
	for e in weasyprint wkhtmltopdf; do
		command -v $e >/dev/null 2>&1 && { echo $e; return 0; }
	done
	return 1
}
if [ "${BENCH_PANDOC:-1}" = 0 ]; then
	echo "pandoc: skipped (BENCH_PANDOC=0)"
else
	if ! command -v pandoc >/dev/null 2>&1 || ! pandoc_engine >/dev/null; then
		if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
			echo "pandoc: installing pandoc and weasyprint with apt-get (bench only)"
			DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			    -o DPkg::Lock::Timeout=300 pandoc weasyprint \
			    >"$T/apt.log" 2>&1 || tail -3 "$T/apt.log"
		fi
	fi
	if command -v pandoc >/dev/null 2>&1 && eng=$(pandoc_engine); then
		ls deals/*.md | head -"$SAMPLE" >"$T/sample"
		k=$(wc -l <"$T/sample")
		t0=$(now)
		fails=0
		while read -r f; do
			pandoc "$f" --pdf-engine="$eng" --metadata title="Handoff package" \
			    -o "$T/pandoc.pdf" >/dev/null 2>&1 || fails=$((fails + 1))
		done <"$T/sample"
		t1=$(now)
		pms=$(echo "$t0 $t1 $k" | awk '{print ($2 - $1) * 1000 / $3}')
		# the same sample with handoff: one process per deal, one core
		t0=$(now)
		while read -r f; do
			"$H" build --force -j 1 -o "$T/sample-out" "$f" >/dev/null 2>&1
		done <"$T/sample"
		t1=$(now)
		hms=$(echo "$t0 $t1 $k" | awk '{print ($2 - $1) * 1000 / $3}')
		bms=$(echo "$cold1 $N" | awk '{print $1 * 1000 / $2}')
		echo "pandoc $(pandoc --version | head -1 | cut -d' ' -f2) with $eng:" \
		    "$k deals, $(printf %.1f "$pms") ms per deal ($fails failed)"
		echo "$pms $hms $bms" | awk '{
		    printf "  handoff, one process per deal:  %7.2f ms per deal, %6.0fx faster\n", $2, $1 / $2;
		    printf "  handoff, in one -j 1 build:     %7.2f ms per deal, %6.0fx faster\n", $3, $1 / $3 }'
		# a team builds its deals in one 'handoff build'; pandoc has
		# no such mode, so its per-deal time is one process per deal
		verdict "at least 100x faster than pandoc per deal" \
		    "$(echo "$pms $bms" | awk '{print $1 / $2}')" 100
	else
		echo "pandoc: not available (needs root and apt-get to install), no comparison"
	fi
fi

# --- where the time goes, by phase, for one deal (callgrind when asked)
if [ -n "${BENCH_PROFILE:-}" ] && command -v valgrind >/dev/null 2>&1; then
	valgrind --tool=callgrind --callgrind-out-file="$T/cg" "$H" build \
	    --force -j 1 -o "$T/cg-out" deals/deal-00000.md >/dev/null 2>&1
	callgrind_annotate --inclusive=yes "$T/cg" 2>/dev/null |
	    grep -E 'render_pdf|pdf_init|pdf_finish|session_check|render_eml|vcs_|git_libgit2_init|state_inputs|PROGRAM TOTALS' |
	    head -14
fi

# --- the other benchmarks
if [ "${BENCH_OTHERS:-1}" != 0 ]; then
	cd "$ROOT" || exit 2
	for b in bench/check.sh bench/mustache/run.sh bench/git/run.sh; do
		[ -f "$b" ] || continue
		echo
		echo "== $b"
		case $b in
		bench/git/run.sh) sh "$b" "$H" ;;
		*) sh "$b" ;;
		esac
	done
fi
exit 0
