#!/bin/sh
# test_feedback.sh: 'handoff feedback DEAL SCORE [COMMENT]' writes
# '## 30-day feedback' into the deal (replacing an old one, keeping every
# other line), 'handoff approve intro DEAL' writes '## Intro sent' with
# today; bad scores and multi-line comments are refused and write nothing;
# once committed, 'handoff events' sees them (no feedback-due, intro-approved).
. "$(dirname "$0")/git_lib.sh"
R=$T/repo; mkdir -p "$R/deals"; cd "$R"; git init -q .
at 2026-10-01T10:00:00Z
deal_full old | sed 's/^signed: .*/signed: 2026-10-01/' > deals/old.md
git add . && git commit -qm old
export HANDOFF_TODAY=2026-12-02
cp deals/old.md "$T/before.md"
out=$("$H" feedback old 8 "Goals were clear; the SAP contact was missing." 2>&1); rc=$?
if [ $rc -eq 0 ] && grep -q '^## 30-day feedback$' deals/old.md && grep -q '^score: 8$' deals/old.md &&
    grep -q '^comment: Goals were clear; the SAP contact was missing.$' deals/old.md &&
    [ "$(diff "$T/before.md" deals/old.md | grep -c "^<")" -eq 0 ] && [ "$(grep -c "^# Process" deals/old.md)" -eq 1 ] &&
    "$H" check deals/old.md >/dev/null 2>&1; then ok feedback-writes
else no feedback-writes "rc=$rc" "$out" "$(diff "$T/before.md" deals/old.md)"; fi
"$H" feedback old 6 >/dev/null 2>&1
if [ "$(grep -c '^## 30-day feedback' deals/old.md)" -eq 1 ] && grep -q '^score: 6$' deals/old.md && ! grep -q '^score: 8$' deals/old.md; then ok feedback-replaces
else no feedback-replaces "$(sed -n '/^# Process/,$p' deals/old.md)"; fi
cp deals/old.md "$T/mid.md"
"$H" feedback old 11 >/dev/null 2>&1; r1=$?
"$H" feedback old 7 "two
lines" >/dev/null 2>&1; r2=$?
if [ $r1 -eq 1 ] && [ $r2 -eq 1 ] && cmp -s "$T/mid.md" deals/old.md; then ok feedback-refuses
else no feedback-refuses "r1=$r1 r2=$r2"; fi
"$H" approve intro old >/dev/null 2>&1; rc=$?
if [ $rc -eq 0 ] && grep -A1 '^## Intro sent$' deals/old.md | grep -q '^2026-12-02$'; then ok approve-intro-writes
else no approve-intro-writes "rc=$rc" "$(sed -n '/^# Process/,$p' deals/old.md)"; fi
at 2026-12-02T10:00:00Z
git commit -qam feedback
out=$("$H" events)
if printf '%s\n' "$out" | grep -q 'intro-approved  *old' && ! printf '%s\n' "$out" | grep -q 'feedback-due'; then ok feedback-events
else no feedback-events "$out"; fi
