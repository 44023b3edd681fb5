#!/bin/sh
# test_git.sh: handoff init, commit, log, show and diff on real git
# repositories in a temp dir, made by handoff (libgit2) and by the git CLI,
# with commits interleaved and dates pinned across several fake days.
. "$(dirname "$0")/git_lib.sh"

# ---- init -------------------------------------------------------------
at '2026-11-16T09:00:00+0100'
cd "$T" && "$H" init --company "Vendor Inc" team >/dev/null 2>&1; rc=$?
cd "$T/team" || exit 1
check git_init_status [ "$rc" -eq 0 ]
check git_init_files [ -d deals ] && [ -s handoff.yml ] && grep -q '^output/$' .gitignore
check git_init_yml_commented grep -q '^#' handoff.yml
check git_init_hook [ -x .git/hooks/pre-commit ] && grep -q 'hook run pre-commit' .git/hooks/pre-commit
check git_init_one_commit [ "$(git rev-list --count HEAD)" -eq 1 ]
check git_init_clean [ -z "$(git status --porcelain)" ]
check git_init_fsck fsck
echo "# ours" > handoff.yml
"$H" init . >/dev/null 2>&1; rc=$?
check git_init_no_clobber [ "$rc" -ne 0 ] && [ "$(cat handoff.yml)" = "# ours" ]
git checkout -q handoff.yml

# ---- commit -------------------------------------------------------------
at '2026-11-17T10:00:00+0100'
deal_draft nordlicht-energie > deals/nordlicht-energie.md
out=$("$H" commit -m "first draft after the pilot" deals/nordlicht-energie.md 2>&1); rc=$?
check git_commit_draft [ "$rc" -eq 0 ]
subj=$(git log -1 --format=%s)
[ "$subj" = "handoff(nordlicht-energie): pre-close, 95% complete" ] && ok git_commit_subject ||
    no git_commit_subject "got: $subj"
check git_commit_body [ "$(git log -1 --format=%b)" = "first draft after the pilot" ]
[ "$(git log -1 --format='%an|%ae|%aI|%cI')" = "Zoë Müller|zoe.mueller@vendor.example|2026-11-17T10:00:00+01:00|2026-11-17T10:00:00+01:00" ] &&
    ok git_commit_author_config || no git_commit_author_config "$(git log -1 --format='%an|%ae|%aI|%cI')"
check git_commit_fsck fsck
check git_commit_index_clean [ -z "$(git status --porcelain)" ]

# other staged entries stay staged and out of the commit
echo "meeting notes" > notes.txt && git add notes.txt
at '@1794988800 +0000'		# 2026-11-18 08:00 UTC
export GIT_AUTHOR_NAME="Dana Reyes" GIT_AUTHOR_EMAIL=dana@vendor.example
deal_full nordlicht-energie > deals/nordlicht-energie.md
"$H" commit deals/nordlicht-energie.md >/dev/null 2>&1; rc=$?
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL
check git_commit_signed [ "$rc" -eq 0 ]
check git_commit_keeps_staged [ "$(git diff --cached --name-only)" = "notes.txt" ]
check git_commit_only_files [ -z "$(git ls-tree HEAD notes.txt)" ]
[ "$(git log -1 --format='%an|%ae|%at')" = "Dana Reyes|dana@vendor.example|1794988800" ] &&
    ok git_commit_author_env || no git_commit_author_env "$(git log -1 --format='%an|%ae|%at')"
check git_commit_subject_signed [ "$(git log -1 --format=%s)" = "handoff(nordlicht-energie): signed, 100% complete" ]

# an invalid file: exit 1, diagnostics, nothing committed, index untouched
deal_bad acme > deals/acme.md
head=$(git rev-parse HEAD); idx=$(git diff --cached --name-status)
err=$("$H" commit deals/acme.md 2>&1 >/dev/null); rc=$?
check git_commit_invalid_status [ "$rc" -eq 1 ]
case $err in *"deals/acme.md:4:"*"[invalid-value]"*) ok git_commit_invalid_diag ;;
*) no git_commit_invalid_diag "$err" ;; esac
check git_commit_invalid_head [ "$(git rev-parse HEAD)" = "$head" ]
check git_commit_invalid_index [ "$(git diff --cached --name-status)" = "$idx" ]
# two files, one invalid: neither is committed
deal_full zeta > deals/zeta.md
"$H" commit deals/zeta.md deals/acme.md >/dev/null 2>&1; rc=$?
check git_commit_all_or_nothing [ "$rc" -eq 1 ] && [ "$(git rev-parse HEAD)" = "$head" ] && [ -z "$(git ls-tree HEAD deals/zeta.md)" ]
rm -f deals/acme.md deals/zeta.md
git reset -q notes.txt

# interleave a git CLI commit, then ours on top of it
at '2026-11-19T11:30:00+0100'
sed -i 's/| SAP PM connector for custom order types | High |/| SAP PM connector for custom order types | Medium |/' deals/nordlicht-energie.md
git commit -q -m "cli: severity" deals/nordlicht-energie.md
cli=$(git rev-parse HEAD)
at '2026-11-20T16:00:00+0100'
deal_full nordlicht-energie > deals/nordlicht-energie.md
"$H" commit -m "workshop: connector risk is high" deals/nordlicht-energie.md >/dev/null 2>&1
high=$(git rev-parse HEAD)
check git_commit_after_cli [ "$(git rev-parse HEAD~1)" = "$cli" ]
check git_commit_interleaved_fsck fsck
# nothing changed: nothing to commit, exit 0, no new commit
h=$(git rev-parse HEAD)
"$H" commit deals/nordlicht-energie.md >/dev/null 2>&1; rc=$?
check git_commit_unchanged [ "$rc" -eq 0 ] && [ "$(git rev-parse HEAD)" = "$h" ]

# a repository made by the git CLI with no commits yet
mkdir "$T/empty" && cd "$T/empty" && git init -q && mkdir deals
deal_full solo > deals/solo.md
"$H" commit deals/solo.md >/dev/null 2>&1; rc=$?
check git_commit_unborn [ "$rc" -eq 0 ] && [ "$(git rev-list --count HEAD)" -eq 1 ] && [ "$(git branch --show-current)" = main ]
check git_commit_unborn_fsck fsck
check git_commit_unborn_tree [ "$(git ls-tree --name-only -r HEAD)" = "deals/solo.md" ]
cd "$T" && "$H" commit "$T/empty/deals/solo.md" >/dev/null 2>&1; rc=$?
mkdir "$T/nogit" && cd "$T/nogit" && deal_full x > x.md
"$H" commit x.md >/dev/null 2>&1; rc=$?
check git_commit_outside_repo [ "$rc" -eq 2 ]
cd "$T/team"

# ---- log ----------------------------------------------------------------
# a version with errors, committed past the hook (one error: the missing
# section; the CSM accepted this handoff, so it is never overdue)
at '2026-11-21T09:00:00+0100'
deal_no_why nordlicht-energie > deals/nordlicht-energie.md
git commit -q --no-verify -m "cli: lost a section" deals/nordlicht-energie.md
log=$("$H" log nordlicht-energie); rc=$?
check git_log_status [ "$rc" -eq 0 ]
# one row per version; under a row the message and a review decision
rows=$(printf '%s\n' "$log" | grep '^[0-9a-f]\{7\}  ')
n=$(printf '%s\n' "$rows" | wc -l)
check git_log_versions [ "$n" -eq 5 ]
first=$(printf '%s\n' "$log" | sed -n 2p)
case $first in "$(git rev-parse --short=7 HEAD)  2026-11-21 09:00  Zoë Müller"*"signed"*"97%  1") ok git_log_newest ;;
*) no git_log_newest "$first" ;; esac
last=$(printf '%s\n' "$rows" | tail -1)
case $last in *"2026-11-17 10:00  Zoë Müller"*"pre-close"*"95%  0") ok git_log_oldest ;;
*) no git_log_oldest "$last" ;; esac
case $(printf '%s\n' "$rows" | sed -n 4p) in *"2026-11-18 08:00  Dana Reyes"*"signed"*"100%  0") ok git_log_env_author ;;
*) no git_log_env_author "$log" ;; esac
json=$("$H" log --format json deals/nordlicht-energie.md)
case $json in *'"errors": 1'*'"percent": 95, "errors": 0, "message": "first draft after the pilot"'*) ok git_log_json ;; *) no git_log_json "$json" ;; esac
"$H" log nosuchdeal >/dev/null 2>&1; check git_log_unknown [ $? -eq 1 ]

# ---- show ---------------------------------------------------------------
"$H" show nordlicht-energie@HEAD~1 > "$T/shown"
git show HEAD~1:deals/nordlicht-energie.md > "$T/git-shown"
check git_show_rev cmp -s "$T/shown" "$T/git-shown"
echo "scribble" >> deals/nordlicht-energie.md
"$H" show nordlicht-energie > "$T/shown"
git show HEAD:deals/nordlicht-energie.md > "$T/git-shown"
check git_show_head_not_worktree cmp -s "$T/shown" "$T/git-shown"
git checkout -q deals/nordlicht-energie.md
x=$("$H" show "nordlicht-energie@$(git rev-list --reverse HEAD | sed -n 2p)" --to xml)
case $x in *"<stage>pre-close</stage>"*) ok git_show_xml ;; *) no git_show_xml "$(printf '%s' "$x" | head -5)" ;; esac
m=$("$H" show nordlicht-energie@HEAD~1 --to md)
case $m in *"# Relationships"*"Henrik Ærø"*) ok git_show_md ;; *) no git_show_md "$(printf '%s' "$m" | head -5)" ;; esac
"$H" show nordlicht-energie@nosuchrev >/dev/null 2>&1; check git_show_badrev [ $? -ne 0 ]
# checkout filters: with eol=crlf, show writes what a checkout writes
printf 'deals/*.md text eol=crlf\n' > .gitattributes
git add .gitattributes && git commit -q -m attrs
rm deals/nordlicht-energie.md && git checkout -q deals/nordlicht-energie.md
"$H" show nordlicht-energie > "$T/shown"
check git_show_checkout_filters cmp -s "$T/shown" deals/nordlicht-energie.md
check git_show_crlf grep -q "$(printf '\r')" "$T/shown"
git rm -q --cached .gitattributes && rm .gitattributes && git commit -q -m "no attrs"
git checkout -q -- . && rm deals/nordlicht-energie.md && git checkout -q deals/nordlicht-energie.md

# ---- diff ---------------------------------------------------------------
d=$("$H" diff nordlicht-energie "$cli" "$high")
case $d in *"risk 'SAP PM connector for custom order types' severity medium → high"*) ok git_diff_severity ;;
*) no git_diff_severity "$d" ;; esac
first=$(git rev-list --reverse HEAD | sed -n 2p)
d=$("$H" diff nordlicht-energie "$first" "$(git rev-list --reverse HEAD | sed -n 3p)")
case $d in *"stage pre-close → signed"*) ok git_diff_stage ;; *) no git_diff_stage "$d" ;; esac
case $d in *"stakeholder added: Henrik Ærø (CFO, economic buyer)"*) ok git_diff_stakeholder ;; *) no git_diff_stakeholder "$d" ;; esac
case $d in *"completeness 95% → 100%"*) ok git_diff_completeness ;; *) no git_diff_completeness "$d" ;; esac
# default: the last two versions (the lost section)
d=$("$H" diff nordlicht-energie)
case $d in *"why they chose us removed"*) ok git_diff_default ;; *) no git_diff_default "$d" ;; esac
# reordering table rows and reformatting changes nothing
at '2026-11-22T09:00:00+0100'
deal_full nordlicht-energie > deals/nordlicht-energie.md
git commit -q -m "back" deals/nordlicht-energie.md
awk '/^\| Henrik/{h=$0;next} /^\| Aoife/{print;print h;next} {print}' deals/nordlicht-energie.md |
    sed 's/| Work-order lag to SAP PM | 5 days |/|   Work-order lag to SAP PM   |   5 days   |/' > "$T/re" && cp "$T/re" deals/nordlicht-energie.md
d=$("$H" diff nordlicht-energie)
case $d in *"→ work tree"*"no field-level changes"*) ok git_diff_reorder ;; *) no git_diff_reorder "$d" ;; esac
# work tree changes: target changed, commitment done, stakeholder title
sed -i -e 's/| 1 shared inventory |/| 1 shared inventory at all sites |/' \
    -e 's/- \[ \] Polish-language/- [x] Polish-language/' \
    -e 's/| Aoife Byrne | Procurement Lead |/| Aoife Byrne | Head of Procurement |/' deals/nordlicht-energie.md
d=$("$H" diff nordlicht-energie)
case $d in *"metric 'Spare-parts lists' target '1 shared inventory' → '1 shared inventory at all sites'"*) ok git_diff_metric_target ;;
*) no git_diff_metric_target "$d" ;; esac
case $d in *"commitment 'Polish-language technician app at go-live' done"*) ok git_diff_commitment_done ;;
*) no git_diff_commitment_done "$d" ;; esac
case $d in *"stakeholder 'Aoife Byrne' title 'Procurement Lead' → 'Head of Procurement'"*) ok git_diff_field ;;
*) no git_diff_field "$d" ;; esac
n=$(printf '%s\n' "$d" | tail -n +2 | wc -l)
check git_diff_only_changes [ "$n" -eq 3 ]
git checkout -q deals/nordlicht-energie.md
check git_final_fsck fsck
