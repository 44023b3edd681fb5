#!/bin/sh
# SPDX-License-Identifier: MIT
# test_calls_accept.sh: 'handoff calls list' numbers the suggestions of
# '# Call notes'; 'handoff calls accept DEAL N...' marks them '[x]' and
# writes each into its pillar, found by what the file's headings mean
# (a '# Red Flags' H1 is risks/red-flags); nothing else of the file
# changes; a bad number or a second accept changes nothing.  Accepted
# points, with their timestamps, and only they, reach the PDF and the
# deal page; the call sections raise no 'unknown section' warning.
HO=${1:-./handoff}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$SRC/tests/sh/calls_lib.sh"
calls_setup 2026-12-04 brightpath-learning
D=deals/brightpath-learning.md
"$HO" calls add brightpath-learning "$FX/brightpath-discovery.vtt" \
    --date 2026-12-03 --recording https://rec.example/r/9 >/dev/null 2>&1
"$HO" check $D > chk 2>&1
grep -q "unknown section 'Call" chk && ko calls-sections-known || ok calls-sections-known

"$HO" calls list brightpath-learning > list 2>&1; rc=$?
total=$(grep -c '^ *[0-9]* *\[?\]' list)
[ "$rc" -eq 0 ] && [ "$total" -eq "$(grep -c '^- \[?\]' $D)" ] && [ "$total" -ge 10 ] &&
    grep -q "$total suggestions, $total open" list && ok calls-list || { ko calls-list; head -3 list; }

# The numbers of one commitment with an owner and a due date, one
# objection, one risk.
num() { grep "$1" list | grep "$2" | head -1 | awk '{print $1}'; }
nc=$(num ' commitment ' 'DPA and the sub-processor list by Friday. (Marcus Bell, by')
no=$(num ' objection ' 'adopt another password')
nr=$(num ' risk ' 'needs to approve any new system')
cp $D before.md
"$HO" pdf > /dev/null 2>&1
"$HO" build brightpath-learning >/dev/null 2>&1
pdftotext output/brightpath-learning/handoff-package.pdf before.txt
"$HO" calls accept brightpath-learning "$nc" "$no" "$nr" > out 2>&1; rc=$?
[ "$rc" -eq 0 ] && grep -q 'accepted 3 suggestions' out && ok calls-accept-exit ||
    { ko calls-accept-exit; cat out; }
grep -c '^- \[x\]' $D | grep -qx 3 && [ "$(grep -c '^- \[?\]' $D)" -eq $((total - 3)) ] &&
    ok calls-accept-marks || ko calls-accept-marks
# Only insertions and '?' -> 'x': every old line, with the marks read
# as '?', is in the new file in order, and nothing else changed.
/usr/bin/python3 - before.md $D <<'PY' && ok calls-accept-keeps-file || ko calls-accept-keeps-file
import sys
a = open(sys.argv[1]).read().splitlines()
b = [l.replace("- [x] ", "- [?] ", 1) if l.startswith("- [x] [") else l
     for l in open(sys.argv[2]).read().splitlines()]
it = iter(b)
ok = all(any(x == y for y in it) for x in a) and len(b) - len(a) <= 8
sys.exit(0 if ok else 1)
PY
# The commitment is a commitment now: owner and due date read.
"$HO" convert --to xml $D > x.xml 2>/dev/null
/usr/bin/python3 - x.xml <<'PY' && ok calls-accept-commitment || ko calls-accept-commitment
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
ns = "{urn:x-handoff:1}"
t = lambda e, n: e.findtext(ns + n) or ""
c = [c for c in r.iter(ns + "commitment") if "sub-processor list" in t(c, "text")]
sys.exit(0 if len(c) == 1 and t(c[0], "who") == "Marcus Bell" and
         t(c[0], "due") == "2026-12-04" and "Marcus Bell:" not in t(c[0], "text") and
         "call of 2026-12-03" in t(c[0], "text") else 1)
PY
grep -q '^## Objections$' $D && sed -n '/^## Objections$/,/^#/p' $D |
    grep -q "^- I'm worried the coordinators won't adopt another password. — Dana Whitfield, call of 2026-12-03, \[07:55\](https://rec.example/r/9#t=475)$" &&
    ok calls-accept-objection || ko calls-accept-objection
sed -n '/^## Red flags$/,/^#/p' $D | grep -q 'needs to approve any new system' &&
    ok calls-accept-risk || ko calls-accept-risk
grep -c '^# Context$' $D | grep -qx 1 && ok calls-accept-one-pillar || ko calls-accept-one-pillar

# The PDF: the accepted points with their timestamps under 'From the
# calls', the others counted, not shown.
"$HO" build brightpath-learning >/dev/null 2>&1
pdftotext output/brightpath-learning/handoff-package.pdf after.txt
tr '\n' ' ' < after.txt > after1.txt
if grep -q 'From the calls' after1.txt && grep -q '\[07:55\] Dana Whitfield: I.m worried' after1.txt &&
    grep -q "$((total - 3)) suggestions from the calls are not accepted yet" after1.txt &&
    ! grep -q 'We can do a two-year price lock' after1.txt &&
    ! tr '\n' ' ' < before.txt | grep -q 'adopt another password'; then
	ok calls-accept-pdf
else ko calls-accept-pdf
fi
H=output/brightpath-learning/index.html
if grep -q 'From the calls' $H && grep -q '\[07:55\] Dana Whitfield' $H &&
    ! grep -q 'We can do a two-year price lock' $H; then ok calls-accept-page
else ko calls-accept-page
fi

# Again, and a number out of range: nothing changes.
cp $D after.md
"$HO" calls accept brightpath-learning "$nc" > out 2>&1; rc=$?
[ "$rc" -eq 0 ] && cmp -s $D after.md && grep -q 'accepted already' out &&
    ok calls-accept-twice || ko calls-accept-twice
"$HO" calls accept brightpath-learning 0 > out 2>&1; rc1=$?
"$HO" calls accept brightpath-learning $((total + 1)) > out 2>&1; rc2=$?
"$HO" calls accept brightpath-learning 2x > out 2>&1; rc3=$?
[ "$rc1" -eq 1 ] && [ "$rc2" -eq 1 ] && [ "$rc3" -eq 1 ] && cmp -s $D after.md &&
    grep -q "not a suggestion number: the deal has $total" out &&
    ok calls-accept-bad-number || ko calls-accept-bad-number

# A deal whose risks are an H1 '# Red Flags' and that has no Context:
# the risk goes under '# Red Flags', the commitment and the objection
# into one new '# Context'.
cat > deals/lean.md <<'MD'
---
client: Lean Co
deal: lean
segment: smb
stage: pre-close
ae: Marcus Bell <marcus.bell@vendor.example>
---
# Red Flags
- The CFO was absent from every call.

# Call notes

## Call of 2026-12-03 (x.vtt)

### Commitments we made
- [?] [01:00] Marcus Bell: We'll import the history before go-live. (Marcus Bell, by go-live)

### Objections and concerns
- [?] [02:00] Ann Lee: My concern is the price.

### Risks and blockers
- [?] [03:00] Ann Lee: Legal review takes three weeks.
MD
cp deals/lean.md lean.orig
"$HO" calls accept lean 1 2 3 > out 2>&1; rc=$?
if [ "$rc" -eq 0 ] && [ "$(grep -c '^# Context$' deals/lean.md)" -eq 1 ] &&
    [ "$(grep -c '^## Red flags$' deals/lean.md)" -eq 0 ] &&
    sed -n '/^# Red Flags$/,/^#/p' deals/lean.md | grep -q 'Legal review takes three weeks' &&
    sed -n '/^## Commitments$/,/^#/p' deals/lean.md | grep -q '^- \[ \] We.ll import the history before go-live. — call of 2026-12-03, \[01:00\] (Marcus Bell, by go-live)$' &&
    sed -n '/^## Objections$/,/^#/p' deals/lean.md | grep -q 'My concern is the price' &&
    "$HO" check deals/lean.md >/dev/null 2>&1; [ $? -le 1 ]; then
	ok calls-accept-headings
else ko calls-accept-headings; cat out; cat deals/lean.md
fi
"$HO" convert --to xml deals/lean.md 2>/dev/null | grep -q '<red-flags>' &&
    ok calls-accept-red-flags-read || ko calls-accept-red-flags-read

# A '# Process' or '# Call notes' inside a code fence is text, not a
# heading: calls add writes its sections outside the fence, which stays
# as it was.
cat > deals/fence-co.md <<'MD'
---
client: Fence Co
deal: fence-co
segment: smb
stage: pre-close
ae: Nora Berg <nora.berg@vendor.example>
---
# Context
## Pain points
- Invoices are typed twice.

## Why they chose us
The old template, pasted:

```
# Process
## Calls
# Call notes
```
MD
cp deals/fence-co.md fence.before
"$HO" calls add fence-co "$FX/brightpath-short.vtt" --date 2026-12-03 >/dev/null 2>&1; rc=$?
fence=$(sed -n '/^```$/,/^```$/p' deals/fence-co.md)
want=$(sed -n '/^```$/,/^```$/p' fence.before)
if [ "$rc" -eq 0 ] && [ "$fence" = "$want" ] &&
    [ "$(grep -c '^# Process$' deals/fence-co.md)" -eq 2 ] &&
    [ "$(grep -c '^# Call notes$' deals/fence-co.md)" -eq 2 ] &&
    awk '/^```$/ { f = !f } !f && /^# Call notes$/ { n++ } END { exit n != 1 }' deals/fence-co.md &&
    grep -q '^- \[?\]' deals/fence-co.md; then ok calls-add-skips-fences
else ko calls-add-skips-fences; tail -15 deals/fence-co.md
fi
