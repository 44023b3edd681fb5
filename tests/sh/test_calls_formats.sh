#!/bin/sh
# SPDX-License-Identifier: MIT
# test_calls_formats.sh: 'handoff calls' on Otter.ai text, Google Meet
# text and Gong JSON: each reader on its fixture (suggestions, call line),
# the format found by content whatever the extension, bad input (empty,
# junk, JSON bomb, invalid UTF-8) exits 1 with file:line and leaves the
# deal byte-identical.
HO=${1:-./handoff}
case $HO in /*) ;; *) HO=$PWD/$HO ;; esac
SRC=$(cd "$(dirname "$0")/../.." && pwd)
FX=$SRC/tests/calls
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HANDOFF_TODAY=2026-12-02
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; }
mkdir -p "$T/deals"
cp "$SRC/examples/deals/nordlicht-energie.md" "$T/deals/"
cd "$T" || exit 1
D=deals/nordlicht-energie.md
cp $D orig.md

# --- each reader on its fixture (dry run: the deal is not touched) ---
"$HO" calls add nordlicht-energie "$FX/otter-discovery.txt" --dry-run \
    --date 2026-09-30 >otter.out 2>otter.err
[ $? -eq 0 ] && cmp -s $D orig.md && ok otter-dry-run || { ko otter-dry-run; cat otter.err; }
grep -q '^- 2026-09-30 · 21:.* · Otter.ai text otter-discovery.txt · hash:' otter.out \
    && ok otter-call-line || ko otter-call-line
grep -q '^- \[?\] .*\[13:02\] Jurgen Bohm: But I.m not convinced yet' otter.out \
    && ok otter-objection || ko otter-objection
grep -q '^- \[?\] .*\[04:40\] Jurgen Bohm: We.re also looking at FieldPro' otter.out \
    && ok otter-competitor || ko otter-competitor
grep -q '^- \[?\] .*\[11:20\] Sam Okafor: I.ll make sure the training' otter.out \
    && ok otter-commitment || ko otter-commitment
# a turn's text lines are one cue: Katarzyna's 1:05 turn is one sentence run
grep -q 'Speaker 4' otter.out && ok otter-speaker-label || ko otter-speaker-label

"$HO" calls add nordlicht-energie "$FX/meet-techdive.txt" --dry-run >meet.out 2>meet.err
[ $? -eq 0 ] && ok meet-exit || { ko meet-exit; cat meet.err; }
# the date comes from Meet's title when --date is not given
grep -q '^- 2026-10-14 · 22:41 · .*Google Meet text meet-techdive.txt' meet.out \
    && ok meet-date-duration || ko meet-date-duration
grep -q "Presentation" meet.out && ko meet-no-presentation || ok meet-no-presentation
grep -q 'This editable transcript' meet.out && ko meet-no-notice || ok meet-no-notice
grep -q '^- \[?\] .*\[1[0-9]:[0-5][0-9]\] Sam Okafor: We will run a load test' meet.out \
    && ok meet-commitment-timed || ko meet-commitment-timed
grep -q "Jürgen Böhm: My concern is the timeline" meet.out && ok meet-objection || ko meet-objection

"$HO" calls add nordlicht-energie "$FX/gong-pricing.json" --dry-run \
    --date 2026-11-04 >gong.out 2>gong.err
[ $? -eq 0 ] && ok gong-exit || { ko gong-exit; cat gong.err; }
grep -q '^- 2026-11-04 · 20:5[0-9] · .*Gong JSON gong-pricing.json' gong.out \
    && ok gong-call-line || ko gong-call-line
grep -q '^- \[?\] .*\[05:31\] Henrik .*worried the CTO will push back' gong.out \
    && ok gong-objection || ko gong-objection
grep -q 'Marta Lindqvist' gong.out && ok gong-party-names || ko gong-party-names
grep -q '7810341937261' gong.out && ko gong-no-raw-ids || ok gong-no-raw-ids

# --- recognised by content, not by extension ---
cp "$FX/otter-discovery.txt" otter.vtt
cp "$FX/meet-techdive.txt" meet.srt
cp "$FX/gong-pricing.json" gong.txt
cp "$FX/zoom-discovery.vtt" zoom.json
"$HO" calls add nordlicht-energie otter.vtt meet.srt gong.txt zoom.json --dry-run \
    >ext.out 2>ext.err
if [ $? -eq 0 ] && grep -q 'Otter.ai text otter.vtt' ext.out &&
    grep -q 'Google Meet text meet.srt' ext.out && grep -q 'Gong JSON gong.txt' ext.out &&
    grep -q 'WebVTT zoom.json' ext.out; then
	ok formats-by-content
else
	ko formats-by-content; cat ext.err
fi
# an Otter export with hours ("Name  1:02:03")
printf 'Rosa Delgado  59:58\nWe will send the list.\n\nJamie Fox  1:02:03\nThanks, I will review it.\n' > long.txt
"$HO" calls add nordlicht-energie long.txt --dry-run >long.out 2>&1
grep -q '^- 2026-12-02 · 1:02:0[0-9] · spoke: Rosa Delgado, Jamie Fox' long.out && ok otter-hours || { ko otter-hours; cat long.out; }

# --- bad input: exit 1, file:line, deal byte-identical ---
printf '{"callTranscripts": [{"transcript": [' > wide.json
python3 -c "import sys; sys.stdout.write('[],' * 2100000)" >> wide.json
printf '[]]}]}\n' >> wide.json
: > empty.txt
head -c 3000 /dev/urandom > junk.json
printf '\x00\x01binary' >> junk.json
for f in "$FX/json-bomb.json:2" "$FX/gong-truncated.json:6" \
    "$FX/gong-no-transcript.json:1" "$FX/otter-invalid-utf8.txt:2" \
    "wide.json:1" "empty.txt:1" "junk.json:[0-9]*"; do
	file=${f%:*}; line=${f##*:}
	name=$(basename "$file")
	"$HO" calls add nordlicht-energie "$file" >bad.out 2>bad.err
	rc=$?
	if [ $rc -eq 1 ] && cmp -s $D orig.md &&
	    grep -q "$name:$line[:0-9]* error: " bad.err; then
		ok "bad-$name"
	else
		ko "bad-$name"; echo "rc=$rc"; cat bad.err
	fi
done
grep -q 'nested deeper' /dev/null
"$HO" calls add nordlicht-energie "$FX/json-bomb.json" 2>&1 | grep -q 'nested deeper than' \
    && ok bad-bomb-message || ko bad-bomb-message
# a bad file among good ones: nothing is written
"$HO" calls add nordlicht-energie "$FX/otter-discovery.txt" "$FX/json-bomb.json" >/dev/null 2>&1
[ $? -eq 1 ] && cmp -s $D orig.md && ok bad-among-good || ko bad-among-good
