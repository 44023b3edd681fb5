#!/bin/sh
# test_workflow_names.sh: issue 11 points 11-13, "one way to name things".
# A deal is named by its id or a path in every command; an unknown id or
# command gets "did you mean"; the team repo is found from a subfolder;
# an id that differs from its file name is an error in check as in
# build; a broken team template fails the build with 1; commit -m and
# log show the messages and the review decisions; init/eject give RevOps
# the files the README tells them to edit; the audit score is explained.
. "$(dirname "$0")/git_lib.sh"
export HANDOFF_TODAY=2026-11-19
at "2026-11-18T10:00:00+01:00"
"$H" init --company "Vendor GmbH" "$T/r" >/dev/null 2>&1 || exit 1
cd "$T/r" || exit 1
deal_full nordlicht-energie > deals/nordlicht-energie.md
deal_full corner-bakery > deals/corner-bakery.md

# --- 11a: every command that takes a deal takes its id
"$H" check nordlicht-energie >out 2>&1; rc=$?
case $rc:$(cat out) in 0:*"deals/nordlicht-energie.md: note: signed, 100% complete"*) ok names_check_by_id ;;
*) no names_check_by_id "rc=$rc" "$(cat out)" ;; esac
"$H" check deals/nordlicht-energie.md >/dev/null 2>&1
check names_check_by_path [ $? -eq 0 ]
"$H" convert nordlicht-energie --to xml >out 2>&1
check names_convert_by_id grep -q '<id>nordlicht-energie</id>' out
"$H" fmt nordlicht-energie >out 2>&1; rc=$?
check names_fmt_by_id [ $rc -eq 0 ]
"$H" build nordlicht-energie >out 2>&1
check names_build_by_id [ -s output/nordlicht-energie/handoff-package.pdf ]
"$H" commit -m "first draft from the CRM" nordlicht-energie corner-bakery >out 2>&1; rc=$?
check names_commit_by_id [ $rc -eq 0 ]
for c in "log" "show" "diff"; do
	"$H" $c nordlicht-energie >out 2>&1; rc=$?
	check "names_${c}_by_id" [ $rc -eq 0 ]
done
"$H" feedback nordlicht-energie 9 "smooth start" >out 2>&1; rc=$?
check names_feedback_by_id [ $rc -eq 0 ]
git checkout -q deals/nordlicht-energie.md
# an unknown id: exit 1, did you mean with the closest ids, for each command
for c in check build convert fmt show log diff commit; do
	extra=; [ $c = convert ] && extra="--to xml"
	"$H" $c nordlicht-energy $extra >out 2>&1; rc=$?
	if [ $rc -eq 1 ] && grep -q "did you mean 'nordlicht-energie'" out; then
		ok "names_unknown_id_${c}"
	else no "names_unknown_id_${c}" "rc=$rc" "$(cat out)"; fi
done
"$H" check nordlicht >out 2>&1
check names_unknown_id_prefix grep -q "deals/: error: no deal 'nordlicht'.*did you mean 'nordlicht-energie'" out

# --- 11c: a mistyped command
"$H" chek nordlicht-energie >out 2>&1; rc=$?
if [ $rc -eq 2 ] && grep -q "'chek' is not a command; did you mean 'check'?" out; then
	ok names_command_did_you_mean
else no names_command_did_you_mean "rc=$rc" "$(cat out)"; fi
"$H" stauts >out 2>&1
check names_command_did_you_mean_status grep -q "did you mean 'status'" out
"$H" frobnicate >out 2>&1; rc=$?
check names_command_unknown_no_guess [ $rc -eq 2 ] && ! grep -q "did you mean" out

# --- 11d: status, log, audit and build from a subfolder of the team repo
mkdir -p docs
for d in deals docs; do
	(cd $d && "$H" status) >out 2>&1
	check "names_status_from_$d" grep -q '^nordlicht-energie  *signed' out
	(cd $d && "$H" log nordlicht-energie) >out 2>&1
	check "names_log_from_$d" grep -q 'first draft from the CRM' out
	(cd $d && "$H" audit) >out 2>&1
	check "names_audit_from_$d" grep -q '^nordlicht-energie ' out
	rm -rf output
	(cd $d && "$H" build) >out 2>&1; rc=$?
	if [ $rc -eq 0 ] && [ -s output/corner-bakery/handoff-package.pdf ] &&
	    [ ! -e $d/output ]; then ok "names_build_from_$d"
	else no "names_build_from_$d" "rc=$rc" "$(cat out)"; fi
	(cd $d && "$H" check nordlicht-energie) >out 2>&1
	check "names_check_from_$d" grep -q '^deals/nordlicht-energie.md: note\|^\.\./deals/nordlicht-energie.md: note' out
done
(cd deals && "$H" build --force -o "$T/o2" nordlicht-energie.md) >out 2>&1
check names_build_path_from_deals [ -s "$T/o2/nordlicht-energie/handoff-package.pdf" ]
# a team repo in a folder of a bigger git repository: its deals/ is found
mkdir -p "$T/mono" && git -C "$T/mono" init -q && mkdir -p "$T/mono/sales/deals" "$T/mono/sales/docs"
cp handoff.yml "$T/mono/sales/" && cp deals/corner-bakery.md "$T/mono/sales/deals/"
(cd "$T/mono/sales/docs" && "$H" status) >out 2>&1
check names_status_team_in_subfolder grep -q '^corner-bakery  *signed' out
(cd "$T/mono/sales/deals" && "$H" build) >out 2>&1
check names_build_team_in_subfolder [ -s "$T/mono/sales/output/corner-bakery/handoff-package.pdf" ]

# --- 11e: an id that differs from its file name: the same error in check and build
deal_full nordlicht > deals/other-name.md
"$H" check other-name >out 2>&1; rc=$?
msg="deals/other-name.md:3:1: error: deal id 'nordlicht' differs from the file name 'other-name' \[deal-id\]"
if [ $rc -eq 1 ] && grep -q "$msg" out; then ok names_id_mismatch_check
else no names_id_mismatch_check "rc=$rc" "$(cat out)"; fi
"$H" build other-name >out 2>&1; rc=$?
if [ $rc -eq 1 ] && grep -q "$msg" out && [ ! -e output/nordlicht ]; then ok names_id_mismatch_build
else no names_id_mismatch_build "rc=$rc" "$(cat out)"; fi
"$H" commit other-name >out 2>&1; rc=$?
check names_id_mismatch_commit [ $rc -eq 1 ]
rm deals/other-name.md
# a loose file outside deals/ is named by its id alone
deal_full nordlicht > "$T/loose.md"
"$H" check "$T/loose.md" >/dev/null 2>&1
check names_id_loose_file_ok [ $? -eq 0 ]

# --- 11f: a build that fails on a team template exits 1
mkdir -p templates
printf 'Hello {{#deal}}{{deal.id}\n' > templates/intro.txt.mustache
"$H" build --force >out 2>&1; rc=$?
if [ $rc -eq 1 ] && grep -q 'templates/intro.txt.mustache:1:.*error' out; then ok names_template_build_exit_1
else no names_template_build_exit_1 "rc=$rc" "$(cat out)"; fi
printf 'Hello {{deal.no_such_field}}\n' > templates/intro.txt.mustache
"$H" build --force >out 2>&1; rc=$?
check names_template_field_exit_1 [ $rc -eq 1 ]
rm -rf templates

# --- 11g: commit -m shows the message; log shows messages and reviews
printf '\n' >> deals/corner-bakery.md
"$H" commit -m "Henrik confirmed the budget" corner-bakery >out 2>&1
check names_commit_shows_message grep -q '^    Henrik confirmed the budget$' out
awk '/^decision: accepted/{print "decision: rejected"; print "reason: Missing context"; print "comment: Nothing on the SAP connector."; next} {print}' \
    deals/corner-bakery.md > x && mv x deals/corner-bakery.md
git commit -qam "CS review: sent back" >/dev/null 2>&1
"$H" log corner-bakery >out 2>&1
check names_log_shows_commit_message grep -q '| Henrik confirmed the budget' out
check names_log_shows_git_message grep -q '| CS review: sent back' out
check names_log_shows_rejection grep -q 'review: rejected by .*(reason: missing-context): Nothing on the SAP connector.' out
check names_log_shows_acceptance grep -q 'review: accepted by ' out
"$H" log --format json corner-bakery >out 2>&1
check names_log_json_review grep -q '"review": {"decision": "rejected"' out

# --- 11b: one templates command (render, check, data); 'template' is an old spelling
printf 'Hi {{name}}\n' > "$T/t.mustache"; printf 'name: Ada\n' > "$T/t.yml"
"$H" templates render "$T/t.mustache" --data "$T/t.yml" >out 2>&1
check names_templates_render grep -qx 'Hi Ada' out
"$H" templates data nordlicht-energie >out 2>&1
check names_templates_data_by_id grep -q '"client"' out
"$H" templates --help >out 2>&1
check names_templates_help_one_spelling grep -q '^       handoff templates render' out
"$H" --help >out 2>&1
check names_help_one_templates [ "$(grep -c '^  template' out)" -eq 1 ]

# --- 13: the scores explained; "complete" means the same in status and audit
"$H" audit --help >out 2>&1
check names_audit_help_score grep -q 'the handoff score: the share of the checks' out
check names_audit_help_bands grep -q 'high 80-100, mid' out
"$H" status --help >out 2>&1
check names_status_help_complete grep -q 'yes when every field the stage requires is filled' out
grep -q 'share of the checks' "$ROOT/doc/handoff.1" && grep -q 'share of the checks' "$ROOT/README.md"
check names_score_documented [ $? -eq 0 ]
# a signed deal with every required field but a recommended one missing:
# status says complete yes (at less than 100 %), audit says on time
mkdir -p "$T/c" && cd "$T/c" && git init -q && cp "$T/r/handoff.yml" .
mkdir deals && deal_full gamma | awk '/^## Objections/{s=1;next} /^## /{s=0} !s' > deals/gamma.md
at "2026-11-18T10:00:00+01:00"; git add -A && git commit -q --no-verify -m gamma
"$H" check gamma >out 2>&1
pc=$(sed -n 's/.*signed, \([0-9]*\)% complete.*/\1/p' out)
"$H" status >out 2>&1
st=$(grep '^gamma ' out)
HANDOFF_TODAY=2026-12-30 "$H" audit >out 2>&1
au=$(grep '^gamma ' out)
case $pc:$st:$au in 100:*) no names_complete_fixture "the fixture is 100% filled" ;;
*:*"$pc%  yes"*:*"on time"*) ok names_complete_same_in_status_and_audit ;;
*) no names_complete_same_in_status_and_audit "check $pc%" "$st" "$au" ;; esac
"$H" status --format json >out 2>&1
check names_status_json_complete grep -q '"complete": true' out
