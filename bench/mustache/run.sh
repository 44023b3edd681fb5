#!/bin/sh
# run.sh: renders per second of the intro e-mail template against the
# enterprise example, handoff's engine against mustache.js on node, same
# template, same data, same run; checks that both give the same text.
#   sh bench/mustache/run.sh [N]      (from anywhere; default N=200000)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-200000}
deal=examples/deals/nordlicht-energie.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$root"

make --no-print-directory -s handoff >/dev/null
objs=$(ls build/obj/*.o | grep -v '/main\.o$')
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    $(pkg-config --cflags libxml-2.0) -Icompiler -o "$tmp/bench_render" \
    "$here/bench_render.c" $objs \
    $(pkg-config --libs libxml-2.0 libgit2 libcmark-gfm yaml-0.1) \
    -lcmark-gfm-extensions -lhpdf -lm

if [ ! -d "$here/node_modules/mustache" ]; then
	(cd "$here" && npm install --silent --no-save --no-audit --no-fund \
	    mustache@4 >/dev/null)
fi
HANDOFF_TODAY=2026-11-19 ./handoff templates data "$deal" > "$tmp/data.json"

for kind in txt html; do
	tpl=templates/intro.$kind.mustache
	c=$("$tmp/bench_render" "$deal" "intro.$kind" "$n" "$tmp/c.$kind")
	js=$(node "$here/bench.js" "$tpl" "$tmp/data.json" "$n" \
	    "$tmp/js.$kind" "$kind")
	ratio=$(awk -v a="$c" -v b="$js" 'BEGIN { printf "%.1f", a / b }')
	echo "intro.$kind: handoff $c renders/s, mustache.js $js renders/s," \
	    "ratio ${ratio}x"
	if [ "$kind" = txt ]; then
		if cmp -s "$tmp/c.txt" "$tmp/js.txt"; then
			echo "intro.txt: identical output"
		else
			echo "intro.txt: OUTPUTS DIFFER"; diff -u "$tmp/c.txt" \
			    "$tmp/js.txt" | head -20; exit 1
		fi
	fi
done
