#!/bin/sh
# test_workflow_risks.sh: issue 11 point 3.  A '# Risks' section with only
# '## Red flags' is not "no risks": the red flags show in the PDF's At a
# glance and in the CSM notice; "None identified" appears only where the
# AE wrote it.
. "$(dirname "$0")/git_lib.sh"
export HANDOFF_TODAY=2026-11-19
PY=/usr/bin/python3
MT=$ROOT/tests/sh/mail_text.py
mkdir -p "$T/r/deals" && cd "$T/r" && cp "$ROOT/examples/handoff.yml" .

# only red flags under # Risks
awk '/^# Risks/{print; print ""; print "## Red flags"; print "Jürgen skipped the last two steering calls."; print "- The budget owner changed twice."; s=1; next} /^# Client DNA/{s=0} !s' "$EX" > deals/nordlicht-energie.md
"$H" build deals/nordlicht-energie.md >/dev/null 2>&1; rc=$?
check risks_flags_only_builds [ "$rc" -eq 0 ]
n=$($PY "$MT" output/nordlicht-energie/handoff-notice.eml)
case $n in *"None identified"*|*"No risks"*) no risks_notice_no_none "$n" ;; *) ok risks_notice_no_none ;; esac
case $n in *"red flag] Jürgen skipped the last two steering calls."*"red flag] The budget owner changed twice."*) ok risks_notice_shows_flags ;;
*) no risks_notice_shows_flags "$n" ;; esac
g=$(pdftotext -layout -f 2 -l 2 output/nordlicht-energie/handoff-package.pdf - 2>/dev/null | sed -n '/Top risks/,/Open commitments/p')
case $g in *"None identified"*|*"No risks recorded"*) no risks_glance_no_none "$g" ;; *) ok risks_glance_no_none ;; esac
case $g in *"Jürgen skipped the last two steering calls."*"Red flag"*) ok risks_glance_shows_flags ;;
*) no risks_glance_shows_flags "$g" ;; esac

# a risk table and red flags: both reach the notice
deal_full nordlicht-energie > deals/nordlicht-energie.md
"$H" build --force deals/nordlicht-energie.md >/dev/null 2>&1
n=$($PY "$MT" output/nordlicht-energie/handoff-notice.eml)
case $n in *"[high] SAP PM connector"*"[red flag] Jürgen skipped"*) ok risks_table_and_flags ;;
*) no risks_table_and_flags "$n" ;; esac

# "None identified" only where the AE wrote it
awk '/^# Risks/{print; print ""; print "None identified"; s=1; next} /^# Client DNA/{s=0} !s' "$EX" > deals/nordlicht-energie.md
"$H" build --force deals/nordlicht-energie.md >/dev/null 2>&1
n=$($PY "$MT" output/nordlicht-energie/handoff-notice.eml)
case $n in *"- None identified."*) ok risks_none_written_is_said ;; *) no risks_none_written_is_said "$n" ;; esac
g=$(pdftotext -layout -f 2 -l 2 output/nordlicht-energie/handoff-package.pdf - 2>/dev/null)
case $g in *"None identified."*) ok risks_glance_none_written ;; *) no risks_glance_none_written "$g" ;; esac
