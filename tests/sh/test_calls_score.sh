#!/bin/sh
# SPDX-License-Identifier: MIT
# test_calls_score.sh: precision and recall of 'calls add' on the
# hand-labelled 20-minute discovery call (tests/calls/brightpath-discovery.*)
# must not fall below what they were when the cue words were last tuned on
# it (2026-12-04: 98.0% and 88.9%): precision 90%, recall 85% over all
# classes.  The held-out call
# (tests/calls/nordlicht-heldout.*, labelled before any cue word was
# looked at against it; measured 100% and 62.5%) must stay above precision
# 90%, recall 55%.
HO=${1:-./handoff}
case $HO in /*) ;; *) HO=$PWD/$HO ;; esac
SRC=$(cd "$(dirname "$0")/../.." && pwd)
FX=$SRC/tests/calls
score() {
	name=$1 deal=$2 fx=$3 minp=$4 minr=$5
	if out=$(sh "$FX/score.sh" "$HO" "$SRC/examples/deals/$deal" "$FX/$fx.vtt" \
	    "$FX/$fx.expected" "$minp" "$minr" 2>&1); then
		echo "PASS $name"
	else
		echo "FAIL $name"; echo "$out"
	fi
}
score calls-score-discovery brightpath-learning.md brightpath-discovery 90 85
[ -f "$FX/nordlicht-heldout.vtt" ] &&
    score calls-score-heldout nordlicht-energie.md nordlicht-heldout 90 55
# the score must be able to fail: an empty transcript scores nothing
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
printf 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nMarcus Bell: Hello.\n' > "$T/hello.vtt"
if sh "$FX/score.sh" "$HO" "$SRC/examples/deals/brightpath-learning.md" "$T/hello.vtt" \
    "$FX/brightpath-discovery.expected" 90 70 >/dev/null 2>&1; then
	echo "FAIL calls-score-can-fail"
else
	echo "PASS calls-score-can-fail"
fi
