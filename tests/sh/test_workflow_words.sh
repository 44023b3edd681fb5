#!/bin/sh
# test_workflow_words.sh: issue 11 point 10, diagnostics in the user's
# words: "did you mean" for handoff.yml keys with a word left out or
# misspelt, one diagnostic per mistake.
H=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
ok() { echo "PASS $1"; }
no() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
EX=$(pwd)/examples/deals/nordlicht-energie.md
cd "$T" && cp "$EX" . || exit 1

key() {	# name key expected-suggestion
	printf '%s: 2\n' "$2" > handoff.yml
	out=$("$H" check nordlicht-energie.md 2>&1); rc=$?
	case $out in *"unknown key '$2'; did you mean '$3'?"*) ok "$1" ;;
	*) no "$1" "$out" ;; esac
	[ "$rc" -eq 1 ] || no "$1_exit" "rc=$rc"
	[ "$(printf '%s\n' "$out" | grep -c 'error:')" -eq 1 ] && ok "$1_one" ||
	    no "$1_one" "$out"
}
key words_key_word_left_out deadline_days deadline_business_days
key words_key_typo date_ordr date_order
key words_key_other_word business_days deadline_business_days
