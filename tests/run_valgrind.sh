#!/bin/sh
# run_valgrind.sh: check and build every example under valgrind; any leak
# or error fails.  Ends with 'valgrind: N passed, N failed'.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-11-24 SOURCE_DATE_EPOCH=1795500000
pass=0; fail=0
vg() {
	valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
	    "$@" > "$tmp/log" 2>&1
	if [ $? -eq 99 ]; then fail=$((fail + 1)); echo "FAIL valgrind: $*"; head -40 "$tmp/log"
	else pass=$((pass + 1)); fi
}
for f in examples/deals/*.md examples/deals/*.xml; do
	[ -f "$f" ] || continue
	vg "$bin" check "$f"
	vg "$bin" convert "$f" --to xml
done
(cd examples && vg "$bin" build --force -o "$tmp/out")
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
