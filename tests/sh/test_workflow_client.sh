#!/bin/sh
# test_workflow_client.sh: issue 11 point 6.  The client intro uses only
# what the AE wrote FOR the client ('## For the client'); pain points and
# everything else stay internal unless the schema marks them shareable.
# The PDF and 'check --verbose' show which fields reach the client; the
# template compiler refuses an internal field in a client template.
. "$(dirname "$0")/git_lib.sh"
export HANDOFF_TODAY=2026-11-19
PY=/usr/bin/python3
MT=$ROOT/tests/sh/mail_text.py
mkdir -p "$T/c/deals" && cd "$T/c" && cp "$ROOT/examples/handoff.yml" .
deal_full nordlicht-energie | sed 's/^- The Łódź service hub and the Hamburg office keep separate spreadsheets of spare parts./- Brno does its own thing./' > deals/nordlicht-energie.md
"$H" build deals/nordlicht-energie.md >/dev/null 2>&1
i=$($PY "$MT" output/nordlicht-energie/intro-email.eml)
case $i in *"Brno does its own thing"*|*"Field technicians log maintenance on paper"*) no client_no_pain_points "$i" ;;
"") no client_no_pain_points "no intro" ;; *) ok client_no_pain_points ;; esac
h=$(grep -c "Brno does its own thing" output/nordlicht-energie/intro-email.eml)
check client_no_pain_points_html [ "$h" -eq 0 ]
case $i in *"You want work orders in SAP PM the same day they are done"*) ok client_summary_used ;;
*) no client_summary_used "$i" ;; esac
# the PDF (internal) still has the pain points, and says what is shared
p=$(pdftotext -layout output/nordlicht-energie/handoff-package.pdf - 2>/dev/null | tr -s ' \n' ' ')
case $p in *"Brno does its own thing"*) ok client_pdf_keeps_pain_points ;; *) no client_pdf_keeps_pain_points ;; esac
case $p in *"Reaches the client"*"for the client"*"Everything else in this package stays internal"*) ok client_pdf_shows_shared ;;
*) no client_pdf_shows_shared "$p" ;; esac
case $p in *"Reaches the client"*"pain points"*"stays internal"*) no client_pdf_pain_not_shared ;; *) ok client_pdf_pain_not_shared ;; esac
v=$("$H" check --verbose deals/nordlicht-energie.md 2>&1)
case $v in *"reaches the client"*"for the client"*) ok client_check_verbose ;; *) no client_check_verbose "$v" ;; esac
case $v in *"reaches the client"*"pain points"*"complete"*) no client_check_verbose_no_pain "$v" ;; *) ok client_check_verbose_no_pain ;; esac
# a team template that quotes pain points to the client is refused
mkdir -p templates && cp "$ROOT/templates/intro.txt.mustache" templates/
printf '{{#context.pain-points.li}}- {{.}}\n{{/context.pain-points.li}}\n' >> templates/intro.txt.mustache
out=$("$H" templates check 2>&1); rc=$?
case $rc:$out in 1:*"pain"*"[template-audience]"*) ok client_template_refuses_pain_points ;;
*) no client_template_refuses_pain_points "rc=$rc" "$out" ;; esac
# unless the team's schema marks them shareable
rm -rf templates && mkdir -p schemas templates && cp "$ROOT/templates/intro.txt.mustache" templates/
sed 's/h:level="required" h:audience="internal" h:label="pain points"/h:level="required" h:audience="shareable" h:label="pain points"/' "$ROOT/schemas/handoff.xsd" > schemas/handoff.xsd
printf '{{#context.pain-points.li}}- {{.}}\n{{/context.pain-points.li}}\n' >> templates/intro.txt.mustache
"$H" templates check >/dev/null 2>&1; rc=$?
check client_schema_can_share [ "$rc" -eq 0 ]
# Markdown and XML agree on the new field
"$H" convert deals/nordlicht-energie.md --to xml > "$T/n.xml" 2>/dev/null
case $(cat "$T/n.xml") in *"<client-summary>"*) ok client_summary_in_xml ;; *) no client_summary_in_xml ;; esac
"$H" convert "$T/n.xml" --to md 2>/dev/null | grep -q '^## For the client' && ok client_summary_roundtrip || no client_summary_roundtrip
# client_summary: in the front matter fills the same field: the intro uses
# it, the pain points still stay out, fmt writes it as '## For the client'
cd "$T/c" && rm -rf schemas templates output
deal_full fm | sed 's/^- The Łódź service hub and the Hamburg office keep separate spreadsheets of spare parts./- Brno does its own thing./' |
    awk '/^## For the client/{s=1;next} /^## /{s=0} !s' |
    sed 's/^recordings:/client_summary: |\
  Your technicians close work orders in SAP PM the day they do them.\
\
  One inventory for Hamburg and Łódź.\
recordings:/' > deals/fm.md
"$H" build deals/fm.md > "$T/fm.out" 2>&1
i=$($PY "$MT" output/fm/intro-email.eml 2>&1)
case $i in *"Your technicians close work orders in SAP PM the day they do them."*"One inventory for Hamburg and Łódź."*) ok client_summary_front_matter_used ;;
*) no client_summary_front_matter_used "$i" "$(cat "$T/fm.out")" ;; esac
case $i in *"Brno does its own thing"*|*"Field technicians log maintenance on paper"*|*"SAP PM the same day they are done"*) no client_summary_front_matter_no_pain "$i" ;;
"") no client_summary_front_matter_no_pain "no intro" ;; *) ok client_summary_front_matter_no_pain ;; esac
h=$(grep -c "Brno does its own thing" output/fm/intro-email.eml)
check client_summary_front_matter_no_pain_html [ "$h" -eq 0 ]
"$H" convert deals/fm.md --to xml 2>/dev/null | tr -d '\n ' |
    grep -q '<client-summary><p>Yourtechniciansclose.*</p><p>OneinventoryforHamburgandŁódź.</p></client-summary><pain-points>' &&
    ok client_summary_front_matter_xml || no client_summary_front_matter_xml
cp deals/fm.md "$T/fm.md"
"$H" fmt deals/fm.md >/dev/null 2>&1
if ! grep -q '^client_summary:' deals/fm.md &&
   grep -A1 '^## For the client' deals/fm.md | grep -q 'Your technicians close work orders' &&
   "$H" convert "$T/fm.md" --to xml 2>/dev/null > "$T/fm1.xml" &&
   "$H" convert deals/fm.md --to xml 2>/dev/null > "$T/fm2.xml" && cmp -s "$T/fm1.xml" "$T/fm2.xml"
then ok client_summary_fmt_canonical
else no client_summary_fmt_canonical "$(diff "$T/fm.md" deals/fm.md | head -20)"
fi
# both ways at once: one error that says which is used, at the section
deal_full both | sed 's/^recordings:/client_summary: Something else.\
recordings:/' > deals/both.md
out=$("$H" check deals/both.md 2>&1); rc=$?
n=$(printf '%s\n' "$out" | grep -c 'duplicate-section')
case $rc:$n:$out in 1:1:*"both.md:"*": error: section 'For the client' and 'client_summary:' on line "*" both say what the client intro tells the client; the section is used [duplicate-section]"*) ok client_summary_twice ;;
*) no client_summary_twice "rc=$rc n=$n" "$out" ;; esac
"$H" convert deals/both.md --to xml 2>/dev/null | grep -q 'Something else' &&
    no client_summary_twice_section_used || ok client_summary_twice_section_used
