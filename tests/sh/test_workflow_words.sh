#!/bin/sh
# test_workflow_words.sh: issue 11 point 10, diagnostics in the user's
# words: "did you mean" for handoff.yml keys with a word left out or
# misspelt, one diagnostic per mistake.
H=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
ok() { echo "PASS $1"; }
no() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
EX=$(pwd)/examples/deals/nordlicht-energie.md
cd "$T" && cp "$EX" . || exit 1

key() {	# name key expected-suggestion
	printf '%s: 2\n' "$2" > handoff.yml
	out=$("$H" check nordlicht-energie.md 2>&1); rc=$?
	case $out in *"unknown key '$2'; did you mean '$3'?"*) ok "$1" ;;
	*) no "$1" "$out" ;; esac
	[ "$rc" -eq 1 ] || no "$1_exit" "rc=$rc"
	[ "$(printf '%s\n' "$out" | grep -c 'error:')" -eq 1 ] && ok "$1_one" ||
	    no "$1_one" "$out"
}
key words_key_word_left_out deadline_days deadline_business_days
key words_key_typo date_ordr date_order
key words_key_other_word business_days deadline_business_days
rm handoff.yml

# one mistake, one diagnostic: 'csm: TBD' is a placeholder, not also a
# malformed person
sed 's/^csm: .*/csm: TBD/' "$EX" > tbd.md
out=$("$H" check tbd.md 2>&1)
n=$(printf '%s\n' "$out" | grep -c ': error:')
case $n/$out in 1/*"'TBD' is a placeholder"*) ok words_tbd_one_error ;;
*) no words_tbd_one_error "$out" ;; esac
# still an error: a placeholder never fills the field
"$H" check tbd.md >/dev/null 2>&1; check_rc=$?
[ "$check_rc" -eq 1 ] && ok words_tbd_still_error || no words_tbd_still_error "rc=$check_rc"

# a misspelt column header is one warning, not an error per row
sed '/^| Name | Title/s/| Email |/| Emial |/' "$EX" > col.md
out=$("$H" check col.md 2>&1); rc=$?
case $rc/$out in 0/*"column 'Emial' read as 'Email' in the stakeholder table"*) ok words_column_read_as ;;
*) no words_column_read_as "rc=$rc" "$out" ;; esac
[ "$(printf '%s\n' "$out" | grep -c 'warning:\|error:')" -eq 1 ] && ok words_column_one_diag ||
    no words_column_one_diag "$out"
# fmt writes the column as handoff spells it, and only that changes words
"$H" fmt col.md >/dev/null 2>&1 && grep -q '^| Name | Title | Role | Influence | Stance | Email |' col.md &&
    ! grep -q Emial col.md && ok words_column_fmt || no words_column_fmt "$(grep '^| Name' col.md)"
# a header that is no typo of a known column stays an extra column
sed '/^| Name | Title/s/| Notes |/| Parking |/' "$EX" > extra.md
out=$("$H" check extra.md 2>&1)
case $out in *"unknown column 'Parking'"*) ok words_column_unknown_kept ;;
*) no words_column_unknown_kept "$out" ;; esac
# two free columns equally near ('Nole': Role or Notes?): no guess
sed '/^| Name | Title/s/| Role |\(.*\)| Notes |/| Parking |\1| Nole |/' "$EX" > tie.md
out=$("$H" check tie.md 2>&1)
case $out in *"unknown column 'Nole'"*) ok words_column_no_guess ;; *) no words_column_no_guess "$out" ;; esac

# a misspelt heading is read as the section it is a typo of: one warning,
# not 'unknown section' plus 'pain points is missing'
sed -e 's/^## Pain points/## Pain pionts/' -e 's/^# Goals/# Goal/' "$EX" > head.md
out=$("$H" check head.md 2>&1); rc=$?
case $rc/$out in 0/*"section 'Pain pionts' read as 'Pain points'"*"section 'Goal' read as 'Goals'"*) ok words_heading_read_as ;;
*) no words_heading_read_as "rc=$rc" "$out" ;; esac
[ "$(printf '%s\n' "$out" | grep -c 'warning:\|error:')" -eq 2 ] && ok words_heading_one_diag_each ||
    no words_heading_one_diag_each "$out"
"$H" fmt head.md >/dev/null 2>&1 && grep -q '^## Pain points$' head.md && grep -q '^# Goals$' head.md &&
    ok words_heading_fmt || no words_heading_fmt "$(grep '^#' head.md)"
# a heading that is no typo stays an unknown section, kept
sed 's/^## Pain points/## Parking/' "$EX" > park.md
out=$("$H" check park.md 2>&1)
case $out in *"unknown section 'Parking'"*"pain points is missing"*|*"pain points is missing"*"unknown section 'Parking'"*) ok words_heading_unknown_kept ;;
*) no words_heading_unknown_kept "$out" ;; esac
# strict stays strict: a section read by its typo still has to say something
sed -e 's/^## Pain points/## Pain pionts/' "$EX" | awk '/^## Pain pionts/{print; s=1; next} /^## /{s=0} !s' > empty.md
out=$("$H" check empty.md 2>&1); rc=$?
case $rc/$out in 1/*"pain points is missing"*) ok words_heading_gap_still_error ;;
*) no words_heading_gap_still_error "rc=$rc" "$out" ;; esac
# fmt writes a heading synonym and a key alias as handoff spells them
sed -e 's/^# Relationships/# Key Contacts/' -e 's/^go_live:/golive:/' "$EX" > syn.md
"$H" convert --to xml syn.md > syn1.xml 2>/dev/null
"$H" fmt syn.md >/dev/null 2>&1 && grep -q '^# Relationships$' syn.md && grep -q '^go_live:' syn.md &&
    "$H" convert --to xml syn.md 2>/dev/null | cmp -s - syn1.xml && ok words_fmt_synonyms ||
    no words_fmt_synonyms "$(grep -n '^# Rel\|^# Key\|^go' syn.md)"

# "did you mean" for a front-matter key: 'segmnt' is a typo of the key
# the file does not give yet
sed 's/^segment:/segmnt:/' "$EX" > fkey.md
out=$("$H" check fkey.md 2>&1)
case $out in *"unknown key 'segmnt'; did you mean 'segment'?"*) ok words_front_key_did_you_mean ;;
*) no words_front_key_did_you_mean "$out" ;; esac
# a key the file already gives is no suggestion ('stagee' beside stage:)
sed 's/^segment:\(.*\)/segment:\1\nstagee: x/' "$EX" > fkey2.md
out=$("$H" check fkey2.md 2>&1)
case $out in *"unknown key 'stagee' ["*) ok words_front_key_no_taken_guess ;;
*) no words_front_key_no_taken_guess "$out" ;; esac

# a misspelt role: one error, in the table's words, with "did you mean";
# not also "signed deals require ... the economic buyer"
sed 's/| Economic buyer |/| Economic buyr |/' "$EX" > role.md
out=$("$H" check role.md 2>&1)
case $out in *"role: 'economic buyr' is not one of: "*"; did you mean 'economic buyer'?"*) ok words_role_did_you_mean ;;
*) no words_role_did_you_mean "$out" ;; esac
[ "$(printf '%s\n' "$out" | grep -c ': error:')" -eq 1 ] && ok words_role_one_error ||
    no words_role_one_error "$out"
# the same for influence, stance and severity values
sed -e 's/| High | Supporter |/| Hihg | Suporter |/' "$EX" > enum.md
out=$("$H" check enum.md 2>&1)
case $out in *"influence: 'hihg' is not one of: high, medium, low; did you mean 'high'?"*"stance: 'suporter' is not one of: "*"; did you mean 'supporter'?"*) ok words_enum_did_you_mean ;;
*) no words_enum_did_you_mean "$out" ;; esac

# prose where a field wants a table: one warning at its line, in the
# user's words (no 'Objections (notes)' section nobody wrote)
sed 's/^## Objections/## Objections\nWe answered every objection on the call.\n/' "$EX" > stray.md
out=$("$H" check stray.md 2>&1)
ln=$(grep -n '^We answered every' stray.md | cut -d: -f1)
case $out in *"stray.md:$ln:1: warning: paragraph under 'Objections' where a table is expected"*) ok words_stray_under_field ;;
*) no words_stray_under_field "$out" ;; esac
[ "$(printf '%s\n' "$out" | grep -c 'warning:\|error:')" -eq 1 ] && ! printf '%s' "$out" | grep -q '(notes)' &&
    ok words_stray_one_diag || no words_stray_one_diag "$out"
# a table under '## CS review' (key: value lines): the note does not say
# the section expects a table
printf '\n| a | b |\n|---|---|\n| 1 | 2 |\n' | cat "$EX" - > stray2.md
out=$("$H" check stray2.md 2>&1)
case $out in *"table under 'CS review' where a 'key: value' line is expected"*) ok words_stray_key_value ;;
*) no words_stray_key_value "$out" ;; esac
printf '%s' "$out" | grep -q 'expects a table' && no words_stray_note_agrees "$out" ||
    ok words_stray_note_agrees
[ "$(printf '%s\n' "$out" | grep -c 'warning:\|error:')" -eq 1 ] && ok words_stray_key_value_one_diag ||
    no words_stray_key_value_one_diag "$out"
# prose before the first heading: no section name the user did not write
awk '{print} /^---$/ && ++n == 2 {print "A line before any heading."}' "$EX" > stray3.md
out=$("$H" check stray3.md 2>&1)
case $out in *"paragraph before the first section, where an H1 section is expected"*) ok words_stray_before_sections ;;
*) no words_stray_before_sections "$out" ;; esac
printf '%s' "$out" | grep -q "under 'Notes'" && no words_stray_no_internal_name "$out" ||
    ok words_stray_no_internal_name

# a section given twice in Markdown is one error ('appears twice'), not
# also "element out of place or unknown here" for its lines
printf '\n## Intro sent\ndate: 2026-11-21\n\n## Intro sent\ndate: 2026-11-22\n' | cat "$EX" - > twice.md
out=$("$H" check twice.md 2>&1); rc=$?
case $rc/$out in 1/*"section 'Intro sent' appears twice under 'Process'"*) ok words_twice_said ;;
*) no words_twice_said "rc=$rc" "$out" ;; esac
[ "$(printf '%s\n' "$out" | grep -c ': error:')" -eq 1 ] && ! printf '%s' "$out" | grep -q 'out of place' &&
    ok words_twice_one_error || no words_twice_one_error "$out"

# prose right above a table (no blank line between) is reported at its
# own line, not at the pillar heading (cmark-gfm leaves it no position)
sed 's/^## Objections/## Objections\nWe answered these on the call./' "$EX" > glued.md
ln=$(grep -n '^We answered these' glued.md | cut -d: -f1)
out=$("$H" check glued.md 2>&1)
case $out in *"glued.md:$ln:1: warning: paragraph under 'Objections' where a table is expected"*) ok words_stray_glued_line ;;
*) no words_stray_glued_line "want line $ln" "$out" ;; esac

# prose instead of the table (no table at all under '## Objections'):
# the stray-content warning, and no 'unknown section' named by handoff
awk '/^## Objections/{print; print "They had no objections worth writing down."; s=1; next} /^#/{s=0} !s' "$EX" > prose.md
out=$("$H" check prose.md 2>&1)
case $out in *"paragraph under 'Objections' where a table is expected"*) ok words_stray_prose_only ;;
*) no words_stray_prose_only "$out" ;; esac
printf '%s' "$out" | grep -q "unknown section 'Objections (notes)'" &&
    no words_stray_prose_only_no_notes_section "$out" || ok words_stray_prose_only_no_notes_section
