#!/bin/sh
# test_events.sh: 'handoff events' derives Day 0, reviews, deadlines, intro,
# feedback and commitments from git history and HANDOFF_TODAY only.
. "$(dirname "$0")/git_lib.sh"
R=$T/repo
mkdir -p "$R/deals" && cd "$R" && git init -q .
nocs() { sed '/^## CS review/,/^date:/d'; }
at 2026-11-30T10:00:00Z
deal_draft acme | nocs > deals/acme.md
git add . && git commit -qm draft
at 2026-12-01T10:00:00Z
deal_no_why acme | sed 's/^signed: .*/signed: 2026-12-01/' | nocs > deals/acme.md
git commit -qam signed
at 2026-11-19T10:00:00Z
deal_full beta | sed 's/^decision: accepted/decision: rejected\nreason: missing-context\ncomment: No budget owner named./' > deals/beta.md
git add . && git commit -qm rejected
at 2026-11-20T10:00:00Z
deal_full beta | sed 's/by 2027-01-31)/by 2026-12-05)/' > deals/beta.md
git commit -qam accepted
# An old deal whose 30-day feedback window is open and whose deadline passed incomplete.
at 2026-10-01T10:00:00Z
deal_no_why old | sed 's/^signed: .*/signed: 2026-10-01/' | nocs > deals/old.md
git add . && git commit -qm old
export HANDOFF_TODAY=2026-12-02
out=$("$H" events 2>&1); rc=$?
has() { printf '%s\n' "$out" | grep -q -- "$1"; }
if [ $rc -eq 0 ] && has '^2026-12-01  signed  *acme' && has '^2026-12-03  due-tomorrow  *acme' &&
    has 'rejected  *beta .*missing-context: No budget owner named.' && has 'accepted  *beta' &&
    has 'signed  *beta' && has 'commitment-due  *beta  *2026-12-05#2  SAP PM' &&
    has 'overdue  *old  *2026-10-05' && has 'feedback-due  *old' && has 'intro-due  *old' &&
    ! has 'overdue  *acme' && ! has 'overdue  *beta' && ! has 'feedback-due  *beta'; then
	ok events-text
else
	no events-text "rc=$rc" "$out"
fi
# JSON parses and carries the same events; --since leaves out older history.
js=$("$H" events --format json --since HEAD~2)
if printf '%s' "$js" | /usr/bin/python3 -c '
import json,sys
ev=json.load(sys.stdin)
k=[(e["event"],e["deal"]) for e in ev]
assert ("accepted","beta") in k, k
assert ("rejected","beta") not in k and ("signed","acme") not in k, k
assert ("due-tomorrow","acme") in k and ("signed","old") in k, k
assert all(len(e["commit"])==40 for e in ev)
'; then ok events-json-since; else no events-json-since "$js"; fi
# The next day the unfinished handoff is overdue; nothing else changed.
out=$(HANDOFF_TODAY=2026-12-04 "$H" events)
if printf '%s\n' "$out" | grep -q 'overdue  *acme  *2026-12-03' &&
    ! printf '%s\n' "$out" | grep -q 'due-tomorrow'; then ok events-overdue; else no events-overdue "$out"; fi
"$H" events --since nosuchrev >/dev/null 2>"$T/err"; rc=$?
if [ $rc -eq 2 ] && grep -q 'nosuchrev' "$T/err"; then ok events-bad-since; else no events-bad-since "rc=$rc" "$(cat "$T/err")"; fi
