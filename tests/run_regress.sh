#!/bin/sh
# run_regress.sh: golden-file tests.  For every input
# tests/regress/AREA/CASE.md|.xml, each expected file beside it is compared
# with what handoff prints now (diff -u):
#   CASE.out_check   'handoff check CASE' (stdout + stderr, then 'exit N')
#   CASE.out_json    'handoff check --format json CASE'
#   CASE.out_xml     'handoff convert CASE --to xml'
#   CASE.out_md      'handoff convert CASE --to md'
#   CASE.out_eml     output/<deal>/intro-email.eml of 'handoff build'
#   CASE.out_notice  output/<deal>/handoff-notice.eml (attachment elided)
#   CASE.out_ics     output/<deal>/timeline.ics
#   CASE.out_pdftxt  pdftotext -layout of output/<deal>/handoff-package.pdf
# A missing expected file means that output is not tested.  HANDOFF_TODAY
# is 2026-11-24 unless AREA/env sets it.  Each run is bounded in time (and
# memory, outside ASan).  --update rewrites the expected files: review the
# result with 'git diff' before committing.
# Ends with 'regress: N passed, N failed'.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
update=0; [ "$2" = "--update" ] && update=1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0

bounded() {
	if [ -z "$HANDOFF_ASAN" ] && [ -z "$ASAN_OPTIONS" ]; then
		( ulimit -v 2000000; timeout 20 "$@" )
	else
		timeout 60 "$@"
	fi
}

check_one() {	# expected-file actual-file label
	if [ "$update" -eq 1 ]; then
		cp "$2" "$1"; return
	fi
	if diff -u "$1" "$2" > "$tmp/diff"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "FAIL $3"; head -40 "$tmp/diff"
	fi
}

run_case() {	# input
	in=$1; base=${in%.*}; dir=$(dirname "$in"); name=$(basename "$in")
	today=2026-11-24
	[ -f "$dir/env" ] && today=$(sed -n 's/^HANDOFF_TODAY=//p' "$dir/env")
	export HANDOFF_TODAY=$today SOURCE_DATE_EPOCH=1795500000
	if [ -f "$base.out_check" ]; then
		(cd "$dir" && bounded "$bin" check "$name"; echo "exit $?") \
		    > "$tmp/out" 2>&1
		check_one "$base.out_check" "$tmp/out" "$in (check)"
	fi
	if [ -f "$base.out_json" ]; then
		(cd "$dir" && bounded "$bin" check --format json "$name"; echo "exit $?") \
		    > "$tmp/out" 2>&1
		check_one "$base.out_json" "$tmp/out" "$in (json)"
	fi
	if [ -f "$base.out_xml" ]; then
		(cd "$dir" && bounded "$bin" convert "$name" --to xml) > "$tmp/out" 2>&1
		check_one "$base.out_xml" "$tmp/out" "$in (xml)"
	fi
	if [ -f "$base.out_md" ]; then
		(cd "$dir" && bounded "$bin" convert "$name" --to md) > "$tmp/out" 2>&1
		check_one "$base.out_md" "$tmp/out" "$in (md)"
	fi
	if [ -f "$base.out_eml" ] || [ -f "$base.out_ics" ] || \
	    [ -f "$base.out_pdftxt" ] || [ -f "$base.out_notice" ]; then
		# Built from a copy outside git, so that the version stamp
		# is the same ('not in git') at every commit.
		rm -rf "$tmp/o" "$tmp/case"; mkdir -p "$tmp/o"
		cp -R "$dir" "$tmp/case"
		(cd "$tmp/case" && bounded "$bin" build --force -o "$tmp/o" "$name") \
		    > "$tmp/build.log" 2>&1
		deal=$(ls "$tmp/o" | grep -v '^\.\|\.html$' | head -1)
		for kind in eml notice ics pdftxt; do
			[ -f "$base.out_$kind" ] || continue
			case $kind in
			eml) cp "$tmp/o/$deal/intro-email.eml" "$tmp/out" 2>/dev/null ;;
			notice) sed '/^Content-Disposition: attachment/,$d' \
			    "$tmp/o/$deal/handoff-notice.eml" > "$tmp/out" 2>/dev/null ;;
			ics) cp "$tmp/o/$deal/timeline.ics" "$tmp/out" 2>/dev/null ;;
			pdftxt) pdftotext -layout "$tmp/o/$deal/handoff-package.pdf" \
			    "$tmp/out" 2>/dev/null ;;
			esac || cat "$tmp/build.log" > "$tmp/out"
			check_one "$base.out_$kind" "$tmp/out" "$in ($kind)"
		done
	fi
}

for in in "$here"/regress/*/*.md "$here"/regress/*/*.xml; do
	[ -f "$in" ] || continue
	case $in in *.out_*) continue ;; esac
	run_case "$in"
done
echo "regress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
