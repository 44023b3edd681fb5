#!/bin/sh
# SPDX-License-Identifier: MIT
# test_calls.sh: 'handoff calls add': formats recognised by content, key
# points as '- [?]' suggestions, idempotence by content hash, nothing the
# AE wrote is lost, bad input leaves the deal untouched, suggestions never
# fill a field or reach the intro e-mail.
HO=${1:-./handoff}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$SRC/tests/sh/calls_lib.sh"
calls_setup 2026-12-02 corner-bakery
cp deals/corner-bakery.md orig.md

"$HO" calls add corner-bakery "$FX/zoom-discovery.vtt" "$FX/teams-followup.vtt" \
    "$FX/meeting.srt" --date 2026-11-10 --recording https://rec.example/z1 >out 2>err
[ $? -eq 0 ] && ok calls-add-exit || ko calls-add-exit
# every original line is kept, in order (a subsequence of the new file)
/usr/bin/python3 - orig.md deals/corner-bakery.md <<'PY' && ok calls-keeps-every-line || ko calls-keeps-every-line
import sys
a=open(sys.argv[1]).read().splitlines(); b=iter(open(sys.argv[2]).read().splitlines())
sys.exit(0 if all(any(x==y for y in b) for x in a) else 1)
PY
D=deals/corner-bakery.md
grep -q '^## Calls$' $D && grep -q 'hash:' $D && ok calls-line || ko calls-line
grep -q 'talk time: vendor' $D && ok calls-talk-time || ko calls-talk-time
grep -q '^- \[?\] \[00:44\](https://rec.example/z1#t=44) Jamie Fox: We.ll import' $D \
    && ok calls-commitment-zoom || ko calls-commitment-zoom
grep -q '^- \[?\] \[00:05\].*Jamie Fox: I can commit to' $D && ok calls-teams-voice || ko calls-teams-voice
grep -q 'Rosa Delgado: Wir haben Bedenken' $D && ok calls-srt-german || ko calls-srt-german
grep "won't be able" $D | grep -q '\[?\]' && ko calls-negation || ok calls-negation
grep -q 'weather' $D && ko calls-no-noise || ok calls-no-noise
grep -q 'OrderLane' $D && ok calls-competitor || ko calls-competitor

cp $D before.md
"$HO" calls add corner-bakery "$FX/zoom-discovery.vtt" >out 2>err
[ $? -eq 0 ] && cmp -s $D before.md && ok calls-idempotent || ko calls-idempotent
"$HO" calls add corner-bakery "$FX/teams-followup.vtt" --dry-run >out 2>err
cmp -s $D before.md && ok calls-dry-run-untouched || ko calls-dry-run-untouched

for f in bad-timestamp.vtt out-of-order.vtt empty.vtt invalid-utf8.vtt junk.bin; do
	"$HO" calls add corner-bakery "$FX/$f" >out 2>err
	rc=$?
	if [ $rc -eq 1 ] && cmp -s $D before.md && grep -q "$f" err; then
		ok "calls-bad-$f"
	else
		ko "calls-bad-$f"; cat err
	fi
done
grep -q 'bad-timestamp.vtt:4: error: broken cue timing' err 2>/dev/null || true
"$HO" calls add corner-bakery "$FX/bad-timestamp.vtt" 2>err >/dev/null
grep -q 'bad-timestamp.vtt:4: error: broken cue timing' err && ok calls-bad-line || ko calls-bad-line
"$HO" calls add corner-bakery "$FX/out-of-order.vtt" 2>err >/dev/null
grep -q 'out-of-order.vtt:9: error: cue out of order' err && ok calls-order-line || ko calls-order-line
dd if=/dev/zero bs=1048576 count=200 2>/dev/null | tr '\0' a > big.vtt
"$HO" calls add corner-bakery big.vtt >out 2>err
[ $? -eq 1 ] && cmp -s $D before.md && grep -q 'big.vtt:1: error: transcript larger' err \
    && ok calls-200mb || ko calls-200mb
rm -f big.vtt

# suggestions fill no field and change no completeness
"$HO" check orig.md 2>&1 | grep -o '[0-9]*% complete' > c1
cp orig.md plain.md; cp $D plain2.md
"$HO" check plain2.md 2>&1 | grep -o '[0-9]*% complete' > c2
[ -s c1 ] && cmp -s c1 c2 && ok calls-no-completeness-change || { ko calls-no-completeness-change; cat c1 c2; }

# no suggestion reaches the intro e-mail or the PDF (a signed Markdown
# deal: calls are added to Markdown deals only)
mkdir -p b && cp -r "$SRC/examples/deals" "$SRC/examples/handoff.yml" b/
cd b || exit 1
"$HO" calls add nordlicht-energie "$FX/nordlicht-heldout.vtt" --date 2026-11-10 >/dev/null 2>&1
added=$?
"$HO" build nordlicht-energie >/dev/null 2>&1
E=output/nordlicht-energie/intro-email.eml
P=output/nordlicht-energie/handoff-package.pdf
S=$(sed -n 's/^- \[?\] \[[0-9:]*\]\(([^)]*)\)\{0,1\} [^:]*: \(.\{20\}\).*/\2/p' deals/nordlicht-energie.md | head -20)
leak=
pdftotext "$P" pdf.txt 2>/dev/null
printf '%s\n' "$S" > sugg.txt
while IFS= read -r s; do
	[ -n "$s" ] || continue
	grep -qF -- "$s" "$E" && leak="$leak [intro: $s]"
	tr '\n' ' ' < pdf.txt | grep -qF -- "$s" && leak="$leak [pdf: $s]"
done < sugg.txt
if [ "$added" -eq 0 ] && [ -s "$E" ] && [ "$(wc -l < sugg.txt)" -ge 5 ] &&
    [ -z "$leak" ] && ! grep -q '\[?\]' "$E"; then
	ok calls-not-client-facing
else
	ko calls-not-client-facing; echo "  added=$added leak:$leak"
fi
cd ..
