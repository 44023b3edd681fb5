#!/bin/sh
# run_unit.sh: run the cmocka unit-test binaries given as arguments and
# total their cases.  Ends with 'unit: N passed, N failed'.
pass=0; fail=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
	if [ "$rc" -ne 0 ]; then
		printf '%s\n' "$out" | grep -E 'FAIL|ERROR|error|Sanitizer|runtime error' | head -20
		[ -z "$f" ] && fail=$((fail + 1))
		echo "FAIL $t (exit $rc)"
	fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
