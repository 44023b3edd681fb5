#!/bin/sh
# SPDX-License-Identifier: MIT
# test_calls_points.sh: what 'handoff calls add' makes of a call beyond the
# cue words: the extracted summary (labelled, at most five sentences, in
# time order), the owner and date of a commitment (valid once accepted),
# competitors the deal already names, and the recording link pattern of
# handoff.yml.
HO=${1:-./handoff}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$SRC/tests/sh/calls_lib.sh"
calls_setup 2026-11-10 brightpath-learning

"$HO" calls add brightpath-learning "$FX/brightpath-short.vtt" --date 2026-11-10 \
    --recording https://rec.example/b1 --dry-run >out 2>err
[ $? -eq 0 ] && ok points-exit || { ko points-exit; cat err; }
# summary: labelled as extracted, 1..5 plain bullets, timestamps ascending
sed -n '/^### Extracted summary (sentences from the call, not generated)$/,/^#/p' out |
    grep '^- \[' > sum
n=$(wc -l < sum)
[ "$n" -ge 1 ] && [ "$n" -le 5 ] && ok points-summary-size || { ko points-summary-size; cat out; }
grep -q '^- \[?\]' sum && ko points-summary-not-suggestion || ok points-summary-not-suggestion
sed 's/^- \[\([0-9:]*\)\].*/\1/' sum > ts
sort ts | cmp -s - ts && ok points-summary-time-order || ko points-summary-time-order
grep -q 'spreadsheets' sum && ok points-summary-central || { ko points-summary-central; cat sum; }
"$HO" calls add brightpath-learning "$FX/brightpath-short.vtt" --date 2026-11-10 \
    --recording https://rec.example/b1 --dry-run >out2 2>&1
cmp -s out out2 && ok points-deterministic || ko points-deterministic

# commitments: owner and date, resolved from the call's date
grep -q '^- \[?\] \[00:24\](https://rec.example/b1#t=24) Marcus Bell: I will send you the SSO setup guide by Friday, and Priya will set up the sandbox within two weeks. (Marcus Bell, by 2026-11-13)$' out \
    && ok points-commit-owner-date || { ko points-commit-owner-date; grep '00:24' out; }
# competitors: Coursewise is in the deal's list, no cue word needed
grep -q '^- \[?\] \[00:11\].*Coursewise is cheaper' out && ok points-known-competitor \
    || ko points-known-competitor

# accepted (moved into Commitments), the suggestion is a valid commitment
line=$(grep '00:24' out | head -1 | sed 's/^- \[?\] \[[^]]*\]([^)]*) [^:]*: //')
awk -v l="- $line" '{print} /^## Commitments$/{print l}' deals/brightpath-learning.md > acc.md
"$HO" convert acc.md --to xml > acc.xml 2>/dev/null
grep -q '<who>Marcus Bell</who>' acc.xml && grep -q '<due>2026-11-13</due>' acc.xml \
    && ok points-accepted-valid || { ko points-accepted-valid; grep -A4 sandbox acc.xml; }

# the recording link pattern of handoff.yml
printf 'calls:\n  recording_link: "{url}?start={seconds}s"\n' > handoff.yml
"$HO" calls add brightpath-learning "$FX/brightpath-short.vtt" --recording https://rec.example/b1 \
    --dry-run >out3 2>err
grep -q '\[00:24\](https://rec.example/b1?start=24s)' out3 && ok points-link-pattern \
    || { ko points-link-pattern; cat err; }
printf 'calls:\n  recording_link: "{url}#start"\n' > handoff.yml
cp deals/brightpath-learning.md before.md
"$HO" calls add brightpath-learning "$FX/brightpath-short.vtt" --recording https://rec.example/b1 \
    >out4 2>err
rc=$?
[ $rc -ne 0 ] && grep -q 'handoff.yml:2:.*recording_link' err && cmp -s before.md deals/brightpath-learning.md \
    && ok points-link-pattern-bad || { ko points-link-pattern-bad; cat err; }
rm -f handoff.yml
"$HO" calls add brightpath-learning "$FX/brightpath-short.vtt" --dry-run >out5 2>&1
grep -q '^- \[?\] \[00:24\] Marcus Bell' out5 && ok points-no-recording-no-link || ko points-no-recording-no-link

# a team's own cue and stopword files are read; a bad line is file:line, exit 1
mkdir -p schemas
cp "$SRC/schemas/call-cues.txt" schemas/
echo 'risk en cue lower quote' >> schemas/call-cues.txt
"$HO" calls add brightpath-learning "$FX/brightpath-short.vtt" --dry-run >out6 2>&1
grep -q '^- \[?\] \[00:03\] Marcus Bell: Last time you mentioned Coursewise had a lower quote' out6 \
    && ok points-team-cues || { ko points-team-cues; cat out6; }
echo 'objection xx cue whatever' >> schemas/call-cues.txt
n=$(wc -l < schemas/call-cues.txt)
cp deals/brightpath-learning.md before.md
"$HO" calls add brightpath-learning "$FX/brightpath-short.vtt" >out7 2>err
rc=$?
[ $rc -eq 1 ] && grep -q "schemas/call-cues.txt:$n:" err && cmp -s before.md deals/brightpath-learning.md \
    && ok points-team-cues-bad-line || { ko points-team-cues-bad-line; echo "rc=$rc"; cat err; }
rm schemas/call-cues.txt
printf 'en the a\nfr le la\n' > schemas/call-stopwords.txt
"$HO" calls add brightpath-learning "$FX/brightpath-short.vtt" >out8 2>err
rc=$?
[ $rc -eq 1 ] && grep -q 'schemas/call-stopwords.txt:2:' err && cmp -s before.md deals/brightpath-learning.md \
    && ok points-team-stopwords-bad-line || { ko points-team-stopwords-bad-line; echo "rc=$rc"; cat err; }
rm -r schemas
