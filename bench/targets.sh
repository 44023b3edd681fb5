#!/bin/sh
# bench/targets.sh: the per-process targets of issue 16, each measured as
# a whole process with hyperfine (paired runs, min / median / max) and
# against pandoc + wkhtmltopdf on the same deal in the same run:
#   one deal cold (build --force -j 1 of one file)     <= 5 ms, >= 30x pandoc
#   check of one file cold                              <= 3 ms
#   1,000 deals cold at -j 2                            <= 1.5 s
#   no-change rebuild of 1,000 deals                    <= 20 ms
#   peak memory of the one-deal build                   no higher than 17 MiB
# pandoc and wkhtmltopdf are installed with apt-get when missing (root,
# bench only).  usage: sh bench/targets.sh [HANDOFF]
ROOT=$(cd "$(dirname "$0")/.." && pwd)
H=${1:-$ROOT/handoff}
case $H in /*) ;; *) H=$(pwd)/$H ;; esac
PY=/usr/bin/python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795510800 LC_ALL=C.UTF-8
export GIT_CONFIG_NOSYSTEM=1 HOME="$T/home"
mkdir -p "$HOME"
[ -x "$H" ] || { echo "targets: no handoff binary at $H (make handoff)"; exit 2; }
for p in hyperfine pandoc wkhtmltopdf; do
	command -v $p >/dev/null 2>&1 && continue
	if [ "$(id -u)" = 0 ]; then
		echo "targets: installing $p with apt-get (bench only)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		    -o DPkg::Lock::Timeout=300 $p >"$T/apt.log" 2>&1 || tail -3 "$T/apt.log"
	fi
done
command -v hyperfine >/dev/null 2>&1 || { echo "targets: needs hyperfine"; exit 2; }

# median NAME: the median of hyperfine's JSON export NAME, in ms
median() { $PY -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"];
print(" ".join("%.2f/%.2f/%.2f" % (x["min"]*1e3, x["median"]*1e3, x["max"]*1e3) for x in r))' "$1"; }
med() { $PY -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("%.3f" % (r[int(sys.argv[2])]["median"]*1e3))' "$1" "$2"; }
verdict() {	# WHAT VALUE LIMIT [atleast]
	echo "$2 $3 $4" | awk -v what="$1" '{ ok = $3 == "atleast" ? $1 >= $2 : $1 <= $2;
	    printf "  %-46s %10.2f  %s\n", what, $1, ok ? "met" : "MISSED" }'
}

# A team repo with the enterprise example, committed.
mkdir -p "$T/one" && cd "$T/one" || exit 2
git init -q && git config user.name bench && git config user.email b@x.example
mkdir deals && cp "$ROOT/examples/deals/nordlicht-energie.md" deals/
git add -A && git commit -qm deal
"$H" build -j 1 -o out >/dev/null 2>&1	# fills the caches
HF="hyperfine -N --style none -i"
$HF -w 3 -r ${BENCH_RUNS:-15} --export-json "$T/one.json" \
    "$H build --force -j 1 -o out deals/nordlicht-energie.md" \
    "$H check deals/nordlicht-energie.md" >/dev/null 2>&1
if command -v pandoc >/dev/null && command -v wkhtmltopdf >/dev/null; then
	$HF -r 10 --export-json "$T/pandoc.json" \
	    "pandoc deals/nordlicht-energie.md --pdf-engine=wkhtmltopdf --metadata title=Handoff -o $T/p.pdf" \
	    >/dev/null 2>&1
	pan=$(med "$T/pandoc.json" 0)
else
	pan=
fi
mem=$(/usr/bin/time -f %M "$H" build --force -j 1 -o out deals/nordlicht-energie.md 2>&1 >/dev/null | tail -1)

# 1,000 deals.
mkdir -p "$T/k/deals" && cd "$T/k" || exit 2
$PY "$ROOT/bench/gen_deals.py" "$ROOT/examples/deals/nordlicht-energie.md" deals 1000 >/dev/null
git init -q && git config user.name bench && git config user.email b@x.example
git add -A && git commit -qm deals
$HF -r 3 --export-json "$T/cold.json" \
    --prepare "rm -rf out" "$H build -j 2 -o out" >/dev/null 2>&1
$HF -w 3 -r ${BENCH_RUNS:-15} --export-json "$T/noop.json" "$H build -o out" >/dev/null 2>&1

one=$(med "$T/one.json" 0); chk=$(med "$T/one.json" 1)
cold=$(med "$T/cold.json" 0); noop=$(med "$T/noop.json" 0)
echo "handoff targets ($(nproc) cores; min/median/max in ms)"
echo "  one deal cold, build -j 1:  $(median "$T/one.json" | cut -d' ' -f1)"
echo "  check one file cold:        $(median "$T/one.json" | cut -d' ' -f2)"
[ -n "$pan" ] && echo "  pandoc + wkhtmltopdf:       $(median "$T/pandoc.json")"
echo "  1,000 deals cold, -j 2:     $(median "$T/cold.json")"
echo "  1,000 deals, no change:     $(median "$T/noop.json")"
echo "  peak memory, one deal:      $mem KB"
echo "targets (median):"
verdict "one deal cold (ms) <= 5" "$one" 5
[ -n "$pan" ] && verdict "... as a ratio to pandoc + wkhtmltopdf >= 30" \
    "$(echo "$pan $one" | awk '{print $1 / $2}')" 30 atleast
verdict "check one file cold (ms) <= 3" "$chk" 3
verdict "1,000 deals cold at -j 2 (ms) <= 1500" "$cold" 1500
verdict "no-change rebuild of 1,000 (ms) <= 20" "$noop" 20
verdict "peak memory one deal (KB) <= 17408" "$mem" 17408
