#!/bin/sh
# run_sh.sh: run every tests/sh/test_*.sh with the handoff binary as $1.
# A script prints 'PASS name' or 'FAIL name' per check; this totals them
# and ends with 'sh: N passed, N failed'.  A script that exits non-zero
# without printing a FAIL counts as one failure.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
pass=0; fail=0
for s in "$here"/sh/test_*.sh; do
	[ -f "$s" ] || continue
	out=$(cd "$here/.." && sh "$s" "$bin" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | grep -c '^PASS ')
	f=$(printf '%s\n' "$out" | grep -c '^FAIL ')
	pass=$((pass + p)); fail=$((fail + f))
	printf '%s\n' "$out" | grep -A8 '^FAIL ' | head -60
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		fail=$((fail + 1))
		printf '%s\n' "$out" | tail -20
		echo "FAIL $(basename "$s") exited $rc"
	fi
done
echo "sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
