#!/bin/sh
# bench/check.sh: checks per second on the examples.  Copies every example
# deal N times into a temp folder, then times one 'handoff check' over all
# of them (the rate a CI job or a pre-commit hook sees) and one process
# per file (the rate an editor integration sees).
# usage: sh bench/check.sh [N]   (default 200 copies of each example)
n=${1:-200}
bin=$(pwd)/handoff
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-11-24
i=0
while [ $i -lt "$n" ]; do
	for f in examples/deals/*.md examples/deals/*.xml; do
		[ -f "$f" ] || continue
		b=$(basename "$f"); cp "$f" "$tmp/$i-$b"
	done
	i=$((i + 1))
done
files=$(ls "$tmp" | wc -l)
now() { date +%s.%N; }
t0=$(now)
(cd "$tmp" && "$bin" check * > /dev/null 2>&1)
t1=$(now)
one=$(ls "$tmp" | head -50)
t2=$(now)
for f in $one; do (cd "$tmp" && "$bin" check "$f" > /dev/null 2>&1); done
t3=$(now)
echo "$files $t0 $t1 $t2 $t3" | awk '{
	batch = $3 - $2; single = ($5 - $4) / 50;
	printf "check: %d files in one process: %.3f s, %.0f checks/s (%.3f ms per file)\n", $1, batch, $1 / batch, 1000 * batch / $1;
	printf "check: one process per file: %.2f ms per check (%.0f checks/s)\n", 1000 * single, 1 / single }'
