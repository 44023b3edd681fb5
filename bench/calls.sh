#!/bin/sh
# bench/calls.sh: 'handoff calls add --dry-run' on a one-hour transcript
# (the 20-minute discovery call of tests/calls three times over, 483
# cues), as a whole process, against the issue-13 target of 50 ms.
# Uses hyperfine when installed, else the median of 11 timed runs.
# usage: sh bench/calls.sh [HANDOFF]
ROOT=$(cd "$(dirname "$0")/.." && pwd)
H=${1:-$ROOT/handoff}
case $H in /*) ;; *) H=$(pwd)/$H ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
export HANDOFF_TODAY=2026-11-10 LC_ALL=C.UTF-8
[ -x "$H" ] || { echo "calls bench: no handoff binary at $H"; exit 2; }
mkdir -p "$T/deals" && cp "$ROOT/examples/deals/brightpath-learning.md" "$T/deals/"
# three copies, each 1230 s later than the one before
awk 'function ms(t, a) { split(t, a, ":"); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 }
function ts(x) { return sprintf("%02d:%02d:%06.3f", int(x / 3600000), int(x / 60000) % 60, (x % 60000) / 1000) }
{ lines[NR] = $0 } END {
	print "WEBVTT\n"; c = 0
	for (r = 0; r < 3; r++) for (i = 1; i <= NR; i++) {
		l = lines[i]
		if (l ~ / --> /) { split(l, p, " --> "); c++
			print c; print ts(ms(p[1]) + r * 1230000) " --> " ts(ms(p[2]) + r * 1230000)
			getline_text = 1; continue }
		if (getline_text) { print l "\n"; getline_text = 0 }
	}
}' "$ROOT/tests/calls/brightpath-discovery.vtt" > "$T/hour.vtt"
grep -c -- " --> " "$T/hour.vtt" | sed "s/^/cues: /"
cd "$T" || exit 2
run="$H calls add brightpath-learning hour.vtt --dry-run"
$run >/dev/null 2>&1 || { echo "calls bench: calls add failed"; $run; exit 2; }
if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -N --style basic -w 3 -r 20 "$run"
	exit 0
fi
i=0
while [ $i -lt 11 ]; do
	a=$(date +%s%N); $run >/dev/null 2>&1; b=$(date +%s%N)
	echo $(( (b - a) / 1000 ))
	i=$((i + 1))
done | sort -n | awk '{ v[NR] = $1 } END {
	printf "calls add, one-hour transcript (%d cues): median %.1f ms (min %.1f, max %.1f); target 50 ms: %s\n",
	    483, v[6] / 1000, v[1] / 1000, v[NR] / 1000, v[6] <= 50000 ? "met" : "MISSED" }'
