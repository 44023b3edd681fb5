#!/bin/sh
# test_git_hooks.sh: the pre-commit and pre-receive hooks, driven by the
# git command line: 'git commit' and 'git push' to a local bare repository
# are refused for an invalid deal and accepted for a valid one.
. "$(dirname "$0")/git_lib.sh"

at '2026-11-18T09:00:00+0100'
cd "$T" && git init -q work && cd work || exit 1
mkdir deals && deal_full alpha > deals/alpha.md && git add . && git commit -q -m start
out=$("$H" hook install); rc=$?
check hook_install [ "$rc" -eq 0 ] && [ -x .git/hooks/pre-commit ]
check hook_absolute_binary grep -q "^handoff='/" .git/hooks/pre-commit

# refused for an invalid staged deal, with the diagnostics
deal_bad beta > deals/beta.md && git add deals/beta.md
err=$(git commit -q -m "bad" 2>&1); rc=$?
check hook_pre_commit_refuses [ "$rc" -ne 0 ] && [ "$(git rev-list --count HEAD)" -eq 1 ]
case $err in *"deals/beta.md:4:"*"[invalid-value]"*"commit refused"*) ok hook_pre_commit_diag ;;
*) no hook_pre_commit_diag "$err" ;; esac
# the staged content counts, not the work tree: fixed on disk, still staged bad
deal_full beta > deals/beta.md
git commit -q -m "bad staged" >/dev/null 2>&1; rc=$?
check hook_checks_index_not_worktree [ "$rc" -ne 0 ]
git add deals/beta.md
deal_bad beta > deals/beta.md		# broken on disk, good in the index
git commit -q -m "good staged" >/dev/null 2>&1; rc=$?
check hook_accepts_valid [ "$rc" -eq 0 ] && [ "$(git rev-list --count HEAD)" -eq 2 ]
check hook_committed_staged_blob [ "$(git show HEAD:deals/beta.md | grep '^segment:')" = "segment: enterprise" ]
# 'git commit FILE' runs the hook on a temporary index (GIT_INDEX_FILE)
git commit -q -m "only" deals/beta.md >/dev/null 2>&1; rc=$?
check hook_temp_index_refuses [ "$rc" -ne 0 ]
deal_full beta > deals/beta.md
# non-deal files are not checked
echo "not a deal" > README.md && git add README.md
git commit -q -m readme >/dev/null 2>&1; check hook_ignores_other_files [ $? -eq 0 ]
# deleting a deal is fine
git rm -q deals/beta.md && git commit -q -m "drop beta" >/dev/null 2>&1
check hook_allows_delete [ $? -eq 0 ]
check hook_fsck fsck

# a hook someone else wrote is kept unless --force
printf '#!/bin/sh\nexit 0\n' > .git/hooks/pre-commit
"$H" hook install >/dev/null 2>&1; rc=$?
check hook_keeps_foreign [ "$rc" -ne 0 ] && grep -q 'exit 0' .git/hooks/pre-commit
"$H" hook install --force >/dev/null 2>&1
check hook_force grep -q 'hook run pre-commit' .git/hooks/pre-commit
# the binary moved: the hook falls back to handoff on PATH
sed -i "s|^handoff='.*'|handoff='/nonexistent/handoff'|" .git/hooks/pre-commit
mkdir -p "$T/bin" && ln -sf "$H" "$T/bin/handoff"
deal_bad gamma > deals/gamma.md && git add deals/gamma.md
err=$(PATH="$T/bin:$PATH" git commit -q -m "bad via PATH" 2>&1); rc=$?
case $rc:$err in [1-9]*"[invalid-value]"*) ok hook_path_fallback ;; *) no hook_path_fallback "$err" ;; esac
git rm -q --cached deals/gamma.md && rm deals/gamma.md
"$H" hook install --force >/dev/null 2>&1

# ---- pre-receive --------------------------------------------------------
cd "$T" && git init -q --bare shared.git
(cd shared.git && "$H" hook install --pre-receive >/dev/null); rc=$?
check hook_pre_receive_install [ "$rc" -eq 0 ] && [ -x shared.git/hooks/pre-receive ]
cd work
git push -q ../shared.git main >/dev/null 2>&1; rc=$?
check hook_push_valid [ "$rc" -eq 0 ] && [ "$(git -C ../shared.git rev-parse main)" = "$(git rev-parse main)" ]
# an invalid deal in any pushed commit refuses the push, even if fixed later
at '2026-11-19T09:00:00+0100'
deal_bad delta > deals/delta.md && git add deals/delta.md && git commit -q --no-verify -m "bad delta"
deal_full delta > deals/delta.md && git add deals/delta.md && git commit -q -m "fixed delta"
err=$(git push ../shared.git main 2>&1); rc=$?
check hook_push_refused [ "$rc" -ne 0 ] && [ "$(git -C ../shared.git rev-parse main)" = "$(git rev-parse main~2)" ]
case $err in *"deals/delta.md:4:"*"[invalid-value]"*"push refused"*) ok hook_push_diag ;;
*) no hook_push_diag "$err" ;; esac
# a new branch with the same history is refused too
git push -q ../shared.git main:refs/heads/topic >/dev/null 2>&1; rc=$?
check hook_push_new_branch_refused [ "$rc" -ne 0 ] && ! git -C ../shared.git rev-parse -q --verify topic >/dev/null
# rewrite without the bad commit: accepted
git reset -q --hard main~2
deal_full delta > deals/delta.md && git add deals/delta.md && git commit -q -m "delta"
git push -q ../shared.git main >/dev/null 2>&1; rc=$?
check hook_push_accepted [ "$rc" -eq 0 ] && [ "$(git -C ../shared.git rev-parse main)" = "$(git rev-parse main)" ]
git push -q ../shared.git main:refs/heads/topic >/dev/null 2>&1
git push -q ../shared.git :topic >/dev/null 2>&1; rc=$?
check hook_push_delete [ "$rc" -eq 0 ] && ! git -C ../shared.git rev-parse -q --verify topic >/dev/null
check hook_bare_fsck git -C ../shared.git fsck --strict
