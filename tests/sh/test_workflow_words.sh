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
