#!/bin/sh
# fuzz/run.sh SECONDS TARGET...: run each libFuzzer harness
# build/fuzz/fuzz_TARGET for SECONDS, one at a time (one job), on a corpus
# seeded from examples/ and tests/regress/ (and fuzz/TARGET.dict when there
# is one).  Prints each harness's last status line (execs, cov, ft) and
# exits 1 when one of them found a crash, leak or timeout; the input is
# kept in build/fuzz/artifacts/ (add it to tests/regress/hostile/ as
# fuzz-TARGET-NAME).  'fuzz/run.sh replay TARGET...' runs those saved
# inputs once each and says PASS or FAIL per file.
secs=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
rc=0
if [ "$secs" = replay ]; then	# fuzz/run.sh replay TARGET...
	for t in "$@"; do
		for f in tests/regress/hostile/fuzz-"$t"-*; do
			[ -f "$f" ] || continue
			if timeout 60 "build/fuzz/fuzz_$t" "$f" > "build/fuzz/replay.log" 2>&1
			then echo "PASS $f"
			else echo "FAIL $f"; rc=1
				grep -E 'ERROR|SUMMARY|runtime error|not a fixed' \
				    build/fuzz/replay.log | head -3
			fi
		done
	done
	exit $rc
fi
for t in "$@"; do
	bin=build/fuzz/fuzz_$t
	corpus=build/fuzz/corpus/$t
	art=build/fuzz/artifacts/$t
	mkdir -p "$corpus" "$art"
	case $t in
	md)	seeds=$(find examples tests/regress templates -name '*.md' 2>/dev/null) ;;
	xml)	seeds=$(find examples tests/regress templates -name '*.xml' 2>/dev/null) ;;
	config)	seeds=$(find examples tests templates fuzz/seeds -name '*.yml' 2>/dev/null) ;;
	mustache) seeds=$(find templates tests/regress -name '*.mustache' 2>/dev/null) ;;
	*)	seeds=$(find fuzz/seeds/$t -type f 2>/dev/null) ;;
	esac
	for s in $seeds fuzz/seeds/$t/*; do
		[ -f "$s" ] && cp "$s" "$corpus/seed-$(echo "$s" | tr / _)"
	done
	dict=; [ -f "fuzz/$t.dict" ] && dict=-dict=fuzz/$t.dict
	echo "fuzz $t: ${secs}s"
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	UBSAN_OPTIONS=print_stacktrace=1 \
	    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix="$art/" \
	    $dict "$corpus" > "build/fuzz/$t.log" 2>&1
	st=$?
	grep -E '^#[0-9]+' "build/fuzz/$t.log" | tail -1
	grep -E 'stat::number_of_executed_units' "build/fuzz/$t.log"
	if [ "$st" -ne 0 ]; then
		echo "fuzz $t: FAILED (exit $st), see build/fuzz/$t.log"
		grep -E 'ERROR|SUMMARY|Test unit written' "build/fuzz/$t.log" | head -5
		rc=1
	fi
done
exit $rc
