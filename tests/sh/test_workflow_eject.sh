#!/bin/sh
# test_workflow_eject.sh: issue 11 point 12.  'handoff eject' gives RevOps
# the files the README tells them to edit: the built-in schema, playbooks,
# templates, heading synonyms and call cues, copied into the team repo;
# an existing file is never overwritten; ejected files change nothing
# until edited, and an edit takes effect.
. "$(dirname "$0")/git_lib.sh"

cd "$T" && "$H" init --company "Vendor Inc" team >/dev/null 2>&1 && cd team || exit 1
cp "$EX" deals/nordlicht-energie.md
before=$(HANDOFF_TODAY=2026-12-02 "$H" check deals/nordlicht-energie.md 2>&1)
out=$("$H" eject schema playbooks templates headings cues 2>&1); rc=$?
check eject_exit [ "$rc" -eq 0 ]
for f in schemas/handoff.xsd schemas/playbooks/enterprise.yml schemas/playbooks/healthcare.yml \
    templates/intro.txt.mustache templates/notice.txt.mustache schemas/headings.txt schemas/call-cues.txt; do
	[ -f "$f" ] || no "eject_wrote_$f" "$out"
done
[ -f schemas/handoff.xsd ] && [ -f templates/intro.html.mustache ] && ok eject_wrote_files
cmp -s schemas/handoff.xsd "$ROOT/schemas/handoff.xsd" && ok eject_schema_is_builtin || no eject_schema_is_builtin
# ejected and unedited: the same check, byte for byte
after=$(HANDOFF_TODAY=2026-12-02 "$H" check deals/nordlicht-energie.md 2>&1)
[ "$before" = "$after" ] && ok eject_changes_nothing || no eject_changes_nothing "$before" "---" "$after"
# never overwrites: an edit survives a second eject
echo "# our tweak" >> templates/intro.txt.mustache
out=$("$H" eject templates 2>&1); rc=$?
case $rc/$out in 0/*"kept templates/intro.txt.mustache"*) ok eject_keeps_existing ;;
*) no eject_keeps_existing "rc=$rc" "$out" ;; esac
tail -1 templates/intro.txt.mustache | grep -q '# our tweak' && ok eject_edit_survives || no eject_edit_survives
# an edit takes effect: the ejected schema's hint is the one check shows
sed -i "s/the account executive: /our AE, as /" schemas/handoff.xsd
sed '/^ae: /d' "$EX" > deals/nordlicht-energie.md
out=$(HANDOFF_TODAY=2026-12-02 "$H" check deals/nordlicht-energie.md 2>&1)
case $out in *"our AE, as 'Full Name"*) ok eject_edit_takes_effect ;; *) no eject_edit_takes_effect "$out" ;; esac
# from a subfolder it writes at the team root
cd deals && "$H" eject headings >/dev/null 2>&1; cd ..
[ ! -e deals/schemas ] && ok eject_from_subfolder || no eject_from_subfolder "$(ls deals)"
# a mistyped kind: did you mean, usage exit
out=$("$H" eject shema 2>&1); rc=$?
case $rc/$out in 2/*"did you mean 'schema'"*) ok eject_did_you_mean ;; *) no eject_did_you_mean "rc=$rc" "$out" ;; esac
[ ! -e schemas/shema ] && ok eject_unknown_writes_nothing || no eject_unknown_writes_nothing
