#!/bin/sh
# test_read.sh: the readers end to end (issue 10).  Dates written the way
# AEs write them are read everywhere a date is read; a date counted from
# a deal date that is not known yet is a warning at pre-close; ambiguous
# and impossible dates are errors that say why; the AE's words survive
# 'convert' and md -> xml -> md -> xml is a fixed point.  Reading more
# forms never lets a real gap pass (placeholders, missing values).
# Usage: sh tests/sh/test_read.sh /abs/path/to/handoff (from the repo root)
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1795500000

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

base=tests/regress/rules/invalid-date.md
# deal NAME SED...: a copy of the clean signed deal, edited.
deal() {
	n=$1; shift
	sed 's/^go_live: 2027-02-30/go_live: 2027-02-01/' "$base" |
	    sed "$@" > "$tmp/$n.md"
}
# expect NAME RC PATTERN [!PATTERN]: check's exit status and output.
expect() {
	"$bin" check "$tmp/$1.md" > "$tmp/$1.out" 2>&1; rc=$?
	if [ "$rc" -ne "$2" ]; then
		ko "$1" "exit $rc, expected $2" "$(grep -E 'error|warning' "$tmp/$1.out" | head -4)"
	elif [ -n "$3" ] && ! grep -qE -- "$3" "$tmp/$1.out"; then
		ko "$1" "no '$3' in:" "$(head -6 "$tmp/$1.out")"
	elif [ -n "$4" ] && grep -qE -- "$4" "$tmp/$1.out"; then
		ko "$1" "unexpected '$4' in:" "$(grep -E -- "$4" "$tmp/$1.out" | head -3)"
	else ok "$1"
	fi
}

# Every absolute form, in the front matter, a table cell and a commitment.
i=0
for d in 'Feb 1, 2027' '1 Feb 2027' 'February 1, 2027' '01.02.2027' \
    '2027/02/01' '1st Feb 2027' '02/13/2027' '13/02/2027'; do
	i=$((i + 1))
	deal "date-form-$i" -e "s|^go_live: .*|go_live: $d|" \
	    -e "s|by 2027-01-15)|by $d)|" -e "s#| 2027-03-31 |#| $d |#"
	expect "date-form-$i" 0 '0 errors' 'invalid-date'
done
deal natural-all -e 's/^signed: .*/signed: Nov 20, 2026/' \
    -e 's/^go_live: .*/go_live: 6 weeks after kickoff/' \
    -e 's/^renewal: .*/renewal: 30.11.2028/' \
    -e 's/(Dana Reyes, by 2027-01-15)/(Dana Reyes, within 2 weeks of go-live)/' \
    -e 's/| 2027-03-31 |/| end of Q1 2027 |/'
expect natural-all 0 '100% complete \(0 errors, 0 warnings\)'
"$bin" convert "$tmp/natural-all.md" --to xml > "$tmp/n1.xml" 2>/dev/null
if grep -q '<go-live written="6 weeks after kickoff">2027-01-12</go-live>' "$tmp/n1.xml" &&
   grep -q '<due written="within 2 weeks of go-live">2027-01-26</due>' "$tmp/n1.xml" &&
   grep -q '<signed>2026-11-20</signed>' "$tmp/n1.xml" &&
   grep -q '<due written="end of Q1 2027">2027-03-31</due>' "$tmp/n1.xml"
then ok relative-dates-resolved-with-words-kept
else ko relative-dates-resolved-with-words-kept "$(grep -E 'signed|go-live|due' "$tmp/n1.xml")"
fi
"$bin" convert "$tmp/n1.xml" --to md > "$tmp/n2.md" 2>/dev/null
"$bin" convert "$tmp/n2.md" --to xml > "$tmp/n3.xml" 2>/dev/null
"$bin" convert "$tmp/n3.xml" --to xml > "$tmp/n4.xml" 2>/dev/null
if cmp -s "$tmp/n1.xml" "$tmp/n3.xml" && cmp -s "$tmp/n1.xml" "$tmp/n4.xml" &&
   grep -q '^go_live: 6 weeks after kickoff$' "$tmp/n2.md" &&
   grep -q '(Dana Reyes, within 2 weeks of go-live)' "$tmp/n2.md"
then ok relative-dates-round-trip-fixed-point
else ko relative-dates-round-trip-fixed-point "$(diff "$tmp/n1.xml" "$tmp/n3.xml" | head -6)"
fi

# A date with no year: the next such day after the signature.
deal noyear -e 's/(Dana Reyes, by 2027-01-15)/(Dana Reyes, by Jan 15)/'
"$bin" convert "$tmp/noyear.md" --to xml 2>/dev/null | grep -q '<due written="Jan 15">2027-01-15</due>' &&
    ok no-year-after-signature || ko no-year-after-signature

# Pre-close without go-live: 'by go-live' is a warning naming go-live.
deal preclose -e 's/^stage: signed/stage: pre-close/' -e '/^signed:/d' \
    -e '/^go_live:/d' -e '/^renewal:/d' \
    -e 's/(Dana Reyes, by 2027-01-15)/(Dana Reyes, by go-live)/'
expect preclose 0 "warning: due date 'go-live': the deal has no go-live date" ': error: '

# Ambiguous: an error that says both readings; date_order settles it.
deal ambiguous -e 's/| 2027-03-31 |/| 03\/04\/2027 |/'
expect ambiguous 1 "error: target date: '03/04/2027' could be 3 April or March 4: write 2027-04-03 \(3 April\) or 2027-03-04 \(March 4\)"
mkdir "$tmp/team" && cp "$tmp/ambiguous.md" "$tmp/team/" &&
    printf 'date_order: dmy\n' > "$tmp/team/handoff.yml"
(cd "$tmp/team" && "$bin" convert ambiguous.md --to xml 2>&1) | grep -q '<due>2027-04-03</due>' &&
    ok date-order-dmy || ko date-order-dmy
printf 'date_order: mdy\n' > "$tmp/team/handoff.yml"
(cd "$tmp/team" && "$bin" convert ambiguous.md --to xml 2>&1) | grep -q '<due>2027-03-04</due>' &&
    ok date-order-mdy || ko date-order-mdy
printf 'date_order: ymd\n' > "$tmp/team/handoff.yml"
(cd "$tmp/team" && "$bin" check ambiguous.md > out 2>&1; echo "rc=$?" >> out)
grep -q 'expected dmy' "$tmp/team/out" && ok date-order-bad-value ||
    ko date-order-bad-value "$(head -3 "$tmp/team/out")"

# Impossible days stay errors, with the reason.
deal feb30 -e 's/^go_live: .*/go_live: Feb 30, 2027/'
expect feb30 1 "go-live target: 'Feb 30, 2027' is not a day: February 2027 has 28 days"
deal feb30iso -e 's/^go_live: .*/go_live: 2027-02-30/'
expect feb30iso 1 "'2027-02-30' is not a day"
# Unreadable: an error; the note uses the deal's own signature date.
deal unreadable -e 's/^go_live: .*/go_live: sometime in spring/'
expect unreadable 1 "'sometime in spring' is not a date I can read"
grep -q "e.g. '2026-11-20' for the signature date" "$tmp/unreadable.out" &&
    ok fixit-uses-deal-date || ko fixit-uses-deal-date "$(cat "$tmp/unreadable.out" | head -4)"

# Strict gates: reading more forms lets no gap pass.
deal placeholder -e 's/^signed: .*/signed: TBD/'
expect placeholder 1 "placeholder"
deal nosigned -e '/^signed:/d'
expect nosigned 1 "signature date is missing"
deal signed-relative-missing -e '/^go_live:/d' \
    -e 's/| 2027-03-31 |/| 2 weeks after go-live |/'
expect signed-relative-missing 1 "error: .*target date"

# ---- money, terms and the derived renewal --------------------------------
for v in '$84k ARR' '€240.000 / Jahr' '240,000 EUR per year' \
    'USD 12,500/month' '1.2M USD over 3 years'; do
	i=$((i + 1))
	deal "money-$i" -e "s|^value: .*|value: $v|"
	expect "money-$i" 0 '100% complete \(0 errors, 0 warnings\)'
done
deal money-canon -e 's|^value: .*|value: 1.2M USD over 3 years|'
"$bin" convert "$tmp/money-canon.md" --to xml 2>/dev/null |
    grep -q '<value currency="USD" per="year">400000</value>' &&
    ok money-over-term-is-per-year || ko money-over-term-is-per-year
deal money-bad -e 's|^value: .*|value: 84000|'
expect money-bad 1 "error: value: '84000' has no currency: write it as '84000 USD/year'"
deal money-vague -e 's|^value: .*|value: about 120k a year|'
expect money-vague 1 "error: value: 'about 120k a year' is not amount, currency and period \(read 'about'"

# term + start, no renewal: derived (no warning), noted by --verbose, and
# re-derived from the XML so that a changed term moves it.
for t in '36 months' '3 years' '3 yrs'; do
	i=$((i + 1))
	deal "renewal-$i" -e '/^renewal:/d' -e "s/^term: .*/term: $t/"
	expect "renewal-$i" 0 '100% complete \(0 errors, 0 warnings\)' 'renewal date is missing'
done
deal renewal -e '/^renewal:/d' -e 's/^term: .*/term: 36 months/'
"$bin" check --verbose "$tmp/renewal.md" > "$tmp/renewal.v" 2>&1
grep -q "note: renewal date 2029-12-01 derived: start date 2026-12-01 + term '36 months' \[derived\]" "$tmp/renewal.v" &&
    ! "$bin" check "$tmp/renewal.md" 2>&1 | grep -q derived &&
    ok renewal-derived-noted-in-verbose || ko renewal-derived-noted-in-verbose "$(cat "$tmp/renewal.v")"
"$bin" convert "$tmp/renewal.md" --to xml > "$tmp/r1.xml" 2>/dev/null
"$bin" convert "$tmp/r1.xml" --to md > "$tmp/r2.md" 2>/dev/null
"$bin" convert "$tmp/r2.md" --to xml > "$tmp/r3.xml" 2>/dev/null
if grep -q '<renewal derived="true">2029-12-01</renewal>' "$tmp/r1.xml" &&
   ! grep -q '^renewal:' "$tmp/r2.md" && cmp -s "$tmp/r1.xml" "$tmp/r3.xml"
then ok renewal-derived-round-trip
else ko renewal-derived-round-trip "$(grep renewal "$tmp/r1.xml" "$tmp/r2.md")"
fi
sed 's|<term>36 months</term>|<term>2 years</term>|' "$tmp/r1.xml" > "$tmp/r4.xml"
"$bin" convert "$tmp/r4.xml" --to xml 2>/dev/null | grep -q '<renewal derived="true">2028-12-01</renewal>' &&
    ok renewal-follows-term || ko renewal-follows-term
# No start: from the signature.
deal renewal-signed -e '/^renewal:/d' -e '/^start:/d' -e 's/^term: .*/term: 2 yrs/'
"$bin" convert "$tmp/renewal-signed.md" --to xml 2>/dev/null | grep -q '<renewal derived="true">2028-11-20</renewal>' &&
    ok renewal-from-signature || ko renewal-from-signature
# A renewal the AE wrote wins over the derived one.
deal renewal-own -e 's/^term: .*/term: 36 months/'
"$bin" convert "$tmp/renewal-own.md" --to xml 2>/dev/null | grep -q '<renewal>2028-11-30</renewal>' &&
    ok renewal-written-wins || ko renewal-written-wins
# Strict: no term (or an unreadable one) and no renewal is still missing.
deal renewal-noterm -e '/^renewal:/d' -e '/^term:/d'
expect renewal-noterm 0 'warning: renewal date is missing'
deal renewal-vague -e '/^renewal:/d' -e 's/^term: .*/term: multi-year/'
expect renewal-vague 0 'warning: renewal date is missing'
deal renewal-enterprise -e '/^renewal:/d' -e 's/^term: .*/term: 36 months/' -e 's/^segment: .*/segment: enterprise/'
expect renewal-enterprise 1 'playbook' 'renewal date'
deal renewal-enterprise-noterm -e '/^renewal:/d' -e '/^term:/d' -e 's/^segment: .*/segment: enterprise/'
expect renewal-enterprise-noterm 1 'error: the enterprise playbook requires renewal date'

# ---- commitments as AEs write them ---------------------------------------
commit() {
	n=$1; shift
	deal "$n" -e '/^- \[ \] TMS connector/d' -e "/^## Commitments/r $tmp/$n.items" "$@"
}
cat > "$tmp/commit-natural.items" <<'MD'
- Dentrix sync for all 14 clinics by go-live (Priya)
- Spanish templates within 2 weeks of go-live — promised by Sam on the pilot review call
- 10% off year one, already in the order form (Dana, done)
- SAP connector by 2027-03-15 (promised by Dana on the Nov 5 call)
- Sam to deliver the onboarding plan due Dec 15
- Weekly status report, owner: PN ✓
MD
commit commit-natural
expect commit-natural 0 '99% complete \(0 errors, 1 warning\)'
"$bin" convert "$tmp/commit-natural.md" --to xml > "$tmp/c1.xml" 2>/dev/null
for want in '<text>Dentrix sync for all 14 clinics</text>' \
    '<who>Priya Nair</who>' '<due written="go-live">2027-02-01</due>' \
    '<text>Spanish templates — on the pilot review call</text>' \
    '<due written="within 2 weeks of go-live">2027-02-15</due>' \
    '<commitment done="true">' '<text>SAP connector (on the Nov 5 call)</text>' \
    '<due>2027-03-15</due>' '<text>deliver the onboarding plan</text>' \
    '<who>Sam Okafor</who>' '<due written="Dec 15">2026-12-15</due>' \
    '<text>Weekly status report</text>'; do
	grep -qF "$want" "$tmp/c1.xml" || { ko "commit-lifted: $want" "$(sed -n '/<commitments/,/<\/commitments/p' "$tmp/c1.xml")"; continue; }
	ok "commit-lifted: $want"
done
"$bin" convert "$tmp/c1.xml" --to md > "$tmp/c2.md" 2>/dev/null
"$bin" convert "$tmp/c2.md" --to xml > "$tmp/c3.xml" 2>/dev/null
cmp -s "$tmp/c1.xml" "$tmp/c3.xml" && ok commitments-fixed-point ||
    ko commitments-fixed-point "$(diff "$tmp/c1.xml" "$tmp/c3.xml" | head -6)"
# The issue's pre-close case: no go-live yet is a warning, not an error.
cat > "$tmp/commit-preclose.items" <<'MD'
- [ ] SSO at launch (promised by Priya, by go-live)
MD
commit commit-preclose -e 's/^stage: signed/stage: pre-close/' -e '/^go_live:/d'
expect commit-preclose 0 "warning: due date 'go-live': the deal has no go-live date" ': error: '
# Strict: a commitment with no owner is still an error once signed.
cat > "$tmp/commit-noowner.items" <<'MD'
- Free onboarding for the second depot by go-live
MD
commit commit-noowner
expect commit-noowner 1 'error: .*who promised it'
# Two people it can mean: a warning naming both.
cat > "$tmp/commit-ambiguous.items" <<'MD'
- TMS connector (Sam, by 2027-01-15)
MD
commit commit-ambiguous -e 's/^| Priya Nair .*/&\n| Sam Lee | IT Director | Technical | Medium | Neutral | sam.lee@acme.example |/'
expect commit-ambiguous 0 "warning: commitment 'TMS connector': 'Sam' could be Sam Okafor or Sam Lee: write the full name"
# Someone outside the deal stays as written.
cat > "$tmp/commit-outsider.items" <<'MD'
- Legal review of the DPA (promised by Kwame, by 2027-01-15)
MD
commit commit-outsider
"$bin" convert "$tmp/commit-outsider.md" --to xml 2>/dev/null | grep -q '<who>Kwame</who>' &&
    ok commit-outsider-kept || ko commit-outsider-kept
