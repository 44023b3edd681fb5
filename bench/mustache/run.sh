#!/bin/sh
# run.sh: renders per second of the intro e-mail templates (intro.txt and
# intro.html) against the enterprise example, handoff's engine against
# mustache.js on node, same template, same data, same run; checks that
# both give the same bytes.
#   sh bench/mustache/run.sh [N]      (from anywhere; default N=200000)
#
# handoff: the template compiled once, the deal's view built once (as
# build does for the e-mails of one deal), then N renders; "fresh view"
# also builds the view in every render.  mustache.js: the template parsed
# once (its cache), the data object built once from 'handoff templates
# data', then N renders.  For intro.html both escape the five characters
# the Mustache spec names (& < > " '); mustache.js's default escape also
# rewrites / ` and =, which no spec asks for, so it is given the same
# five, written the way its own escapeHtml is.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-200000}
deal=examples/deals/nordlicht-energie.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$root"

make --no-print-directory -s handoff >/dev/null
# the objects and libraries exactly as the Makefile links handoff
objs=$(make --no-print-directory -s \
    --eval 'bench-objs: ; @echo $(LIB_OBJS)' bench-objs)
libs=$(make --no-print-directory -s \
    --eval 'bench-libs: ; @echo $(HO_LIBS)' bench-libs)
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    $(pkg-config --cflags libxml-2.0) -Icompiler -o "$tmp/bench_render" \
    "$here/bench_render.c" $objs $libs

if [ ! -d "$here/node_modules/mustache" ]; then
	(cd "$here" && npm install --silent --no-save --no-audit --no-fund \
	    mustache@4 >/dev/null)
fi
HANDOFF_TODAY=2026-11-19 ./handoff templates data "$deal" > "$tmp/data.json"
echo "mustache.js $(node -p 'require(process.argv[1]).version' \
    "$here/node_modules/mustache/mustache.js"), node $(node --version)," \
    "N=$n, $(basename "$deal")"

status=0
for kind in txt html; do
	tpl=templates/intro.$kind.mustache
	c=$("$tmp/bench_render" "$deal" "intro.$kind" "$n" "$tmp/c.$kind" \
	    2>/dev/null)
	f=$("$tmp/bench_render" -f "$deal" "intro.$kind" "$n" 2>/dev/null)
	js=$(node "$here/bench.js" "$tpl" "$tmp/data.json" "$n" \
	    "$tmp/js.$kind" "$kind" 2>/dev/null)
	echo "intro.$kind: handoff $c renders/s (fresh view: $f)," \
	    "mustache.js $js renders/s, ratio" \
	    "$(awk -v a="$c" -v b="$js" 'BEGIN { printf "%.1f", a / b }')x" \
	    "(fresh view: $(awk -v a="$f" -v b="$js" \
	    'BEGIN { printf "%.1f", a / b }')x)"
	if cmp -s "$tmp/c.$kind" "$tmp/js.$kind"; then
		echo "intro.$kind: identical output," \
		    "$(wc -c < "$tmp/c.$kind") bytes"
	else
		echo "intro.$kind: OUTPUTS DIFFER"
		diff -u "$tmp/c.$kind" "$tmp/js.$kind" | head -20
		status=1
	fi
done
exit $status
