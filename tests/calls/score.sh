#!/bin/sh
# SPDX-License-Identifier: MIT
# score.sh: precision and recall of the suggestions 'handoff calls add'
# makes for a transcript, against a hand-labelled list.
#   sh tests/calls/score.sh HANDOFF DEAL.md TRANSCRIPT EXPECTED [MIN_P MIN_R]
# EXPECTED has one line per key point: 'CLASS [MM:SS] Speaker: sentence'
# (CLASS commitment, objection, competitor, goal, risk or decision).  A
# suggestion counts when its class, timestamp, speaker and sentence are
# the same (the '(Owner, by DATE)' of a commitment is not compared).
# Prints one line per class and a total; exits 1 when the total precision
# or recall (percent) is below MIN_P or MIN_R.
HO=$1 DEAL=$2 TR=$3 EXP=$4 MINP=${5:-0} MINR=${6:-0}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/deals"
cp "$DEAL" "$T/deals/"
id=$(basename "$DEAL" .md)
(cd "$T" && "$HO" calls add "$id" "$TR" --date 2026-11-10 --dry-run) > "$T/out" ||
    { echo "score: calls add failed" >&2; exit 1; }
awk '
/^### Commitments/ { k = "commitment"; next }
/^### Objections/ { k = "objection"; next }
/^### Competitors/ { k = "competitor"; next }
/^### Goals/ { k = "goal"; next }
/^### Risks/ { k = "risk"; next }
/^### Decision/ { k = "decision"; next }
/^#/ { k = ""; next }
k != "" && /^- \[\?\] / {
	s = substr($0, 7)
	sub(/^\[[0-9:]+\]\([^)]*\)/, substr(s, 1, index(s, "]")), s)
	if (k == "commitment") sub(/ \([^()]*\)$/, "", s)
	print k " " s
}' "$T/out" | sort -u > "$T/got"
sort -u "$EXP" > "$T/want"
comm -12 "$T/got" "$T/want" > "$T/hit"
awk -v minp="$MINP" -v minr="$MINR" -v got="$T/got" -v want="$T/want" \
    -v hit="$T/hit" '
function count(f, a,   l) { while ((getline l < f) > 0) { split(l, w, " "); a[w[1]]++; a["total"]++ } }
BEGIN {
	count(got, G); count(want, W); count(hit, H)
	n = split("commitment objection competitor goal risk decision total", ks, " ")
	for (i = 1; i <= n; i++) {
		k = ks[i]
		p = G[k] ? 100 * H[k] / G[k] : 100
		r = W[k] ? 100 * H[k] / W[k] : 100
		printf "%-10s suggested %2d  labelled %2d  right %2d  precision %5.1f%%  recall %5.1f%%\n", k, G[k], W[k], H[k], p, r
	}
	exit (p < minp || r < minr) ? 1 : 0
}'
rc=$?
if [ -n "$SCORE_VERBOSE" ]; then
	echo "--- suggested, not labelled"; comm -23 "$T/got" "$T/want"
	echo "--- labelled, not suggested"; comm -13 "$T/got" "$T/want"
fi
exit $rc
