#!/bin/sh
# test_workflow_save.sh: issue 11 point 1.  Saving progress is never
# blocked: 'handoff commit', the pre-commit and the pre-receive hooks
# refuse a WRONG file (a placeholder, an invalid value, a signed deal that
# loses a required field it had) and never an UNFINISHED one (a fresh
# 'handoff new' draft, a late signed deal); they say how complete it is.
# 'check --strict' stays the completeness gate; handoff.yml's
# 'commit: { require_complete: true }' makes saves strict.
. "$(dirname "$0")/git_lib.sh"

at '2026-12-02T09:00:00+0100'
cd "$T" && "$H" init --company "Vendor Inc" team >/dev/null 2>&1
cd team || exit 1

# a fresh draft from 'handoff new' is saved, with its completeness
"$H" new acme --client "Acme GmbH" >/dev/null 2>&1
out=$("$H" commit -m "first notes" deals/acme.md 2>&1); rc=$?
case $rc:$out in 0:*"pre-close, "*"% complete"*) ok save_new_draft_commits ;;
*) no save_new_draft_commits "rc=$rc" "$out" ;; esac
case $(git log --format=%s -1) in *"handoff(acme): pre-close"*) ok save_new_draft_in_history ;;
*) no save_new_draft_in_history "$(git log --oneline -3)" ;; esac
# and 'check --strict' still fails it: the gate is CI's, not the save's
"$H" check --strict deals/acme.md >/dev/null 2>&1; rc=$?
check save_check_strict_gates [ "$rc" -eq 1 ]

# the pre-commit hook lets the draft through too, and says how far it is
echo "- Brno does its own thing" >> deals/acme.md
git add deals/acme.md
out=$(git commit -q -m "more notes" 2>&1); rc=$?
case $rc:$out in 0:*"% complete"*) ok save_hook_draft_commits ;;
*) no save_hook_draft_commits "rc=$rc" "$out" ;; esac

# a placeholder is wrong: refused by commit and by the hook
sed -i 's/^csm:.*/csm: TBD/' deals/acme.md
out=$("$H" commit deals/acme.md 2>&1); rc=$?
case $rc:$out in 1:*"[placeholder]"*"nothing committed"*) ok save_placeholder_refused ;;
*) no save_placeholder_refused "rc=$rc" "$out" ;; esac
git add deals/acme.md
git commit -q -m "tbd" >/dev/null 2>&1; rc=$?
check save_hook_placeholder_refused [ "$rc" -ne 0 ]
git checkout -q HEAD -- deals/acme.md

# a header injection is wrong: refused by commit and by the hook
sed 's/^client: .*/client: "Acme\\r\\nBcc: x@evil.example"/' deals/acme.md > deals/inj.md
sed -i 's/^deal: .*/deal: inj/' deals/inj.md
out=$("$H" commit deals/inj.md 2>&1); rc=$?
case $rc:$out in 1:*"[header-injection]"*"nothing committed"*) ok save_header_injection_refused ;;
*) no save_header_injection_refused "rc=$rc" "$out" ;; esac
git add deals/inj.md
git commit -q -m "inj" >/dev/null 2>&1; rc=$?
check save_hook_header_injection_refused [ "$rc" -ne 0 ]
git rm -q --cached deals/inj.md && rm deals/inj.md
# an invalid value is wrong: refused by commit
deal_bad bad > deals/bad.md
out=$("$H" commit deals/bad.md 2>&1); rc=$?
case $rc:$out in 1:*"[invalid-value]"*"nothing committed"*) ok save_invalid_value_refused ;;
*) no save_invalid_value_refused "rc=$rc" "$out" ;; esac
rm deals/bad.md
# a leak is wrong: a team template for the client that names an internal
# field is refused by the pre-commit hook; the same template fixed is saved
"$H" eject templates >/dev/null 2>&1
echo '{{#context.pain-points}}{{.}}{{/context.pain-points}}' >> templates/intro.txt.mustache
git add templates
out=$(git commit -q -m "leak" 2>&1); rc=$?
case $rc:$out in [1-9]*:*"[template-audience]"*"templates have errors"*) ok save_hook_template_leak_refused ;;
*) no save_hook_template_leak_refused "rc=$rc" "$out" ;; esac
rm templates/intro.txt.mustache && "$H" eject templates >/dev/null 2>&1 && git add templates
git commit -q -m "team templates" >/dev/null 2>&1; rc=$?
check save_hook_templates_saved [ "$rc" -eq 0 ]

# a signed deal past its deadline, not yet complete (and not accepted by
# CS: an accepted handoff is never overdue): saved, said overdue
deal_no_why late | sed '/^## CS review/,$d' > deals/late.md
out=$("$H" commit deals/late.md 2>&1); rc=$?
case $rc:$out in 0:*"(overdue)"*"missing [required-field]"*) ok save_late_signed_partial ;;
*) no save_late_signed_partial "rc=$rc" "$out" ;; esac
# a signed deal that LOSES a required field it had: refused
deal_full sig > deals/sig.md && "$H" commit deals/sig.md >/dev/null 2>&1
deal_no_why sig > deals/sig.md
out=$("$H" commit deals/sig.md 2>&1); rc=$?
case $rc:$out in 1:*"error: why they chose us is missing (the last committed version had it"*) ok save_signed_loses_field ;;
*) no save_signed_loses_field "rc=$rc" "$out" ;; esac
git add deals/sig.md
git commit -q -m "lose why" >/dev/null 2>&1; rc=$?
check save_hook_signed_loses_field [ "$rc" -ne 0 ]
git checkout -q HEAD -- deals/sig.md

# pre-receive: an unfinished draft is pushed, a wrong file is not
cd "$T" && git init -q --bare shared.git && (cd shared.git && "$H" hook install --pre-receive >/dev/null 2>&1)
cd team
git push -q ../shared.git main >/dev/null 2>&1; rc=$?
check save_push_drafts [ "$rc" -eq 0 ]
deal_bad bad > deals/bad.md && git add deals/bad.md && git commit -q --no-verify -m bad
git push -q ../shared.git main >/dev/null 2>&1; rc=$?
check save_push_wrong_refused [ "$rc" -ne 0 ]
git reset -q --hard HEAD~1

# a team can make drafts strict
printf 'commit:\n  require_complete: true\n' >> handoff.yml
"$H" new beta >/dev/null 2>&1
out=$("$H" commit deals/beta.md 2>&1); rc=$?
case $rc:$out in 1:*"[completeness]"*) ok save_require_complete ;;
*) no save_require_complete "rc=$rc" "$out" ;; esac
printf 'commit:\n  require_complete: maybe\n' > "$T/bad.yml"
cp "$T/bad.yml" handoff.yml
out=$("$H" check deals/acme.md 2>&1); rc=$?
case $out in *"expected true or false"*) ok save_require_complete_checked ;;
*) no save_require_complete_checked "$out" ;; esac
# documented
check save_documented_readme grep -q "require_complete" "$ROOT/README.md"
check save_documented_yml grep -q "require_complete" "$ROOT/templates/handoff.yml"
