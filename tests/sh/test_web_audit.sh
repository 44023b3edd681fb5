#!/bin/sh
# test_web_audit.sh: output/audit.html from a git history across fake
# days (two months of signatures, a rejection, scores, outcomes): the
# five charts are drawn from the audit's numbers (first-time acceptance
# per month with the 90 % line, completeness at signature against the
# 30-day score, days to acceptance per AE, rejection reasons, outcome by
# score band), each an SVG with title and description and a table; valid
# HTML; in Chromium no console error, no request; screenshots.  A folder
# outside git gets a page that says why.
. "$(dirname "$0")/git_lib.sh"
PY=/usr/bin/python3
OUT=$ROOT/tests/out
mkdir -p "$OUT"

process() {	# decision date [reason] [score] [outcome]
	sed '/^# Process/,$d'
	printf '# Process\n## Handoff call\ndate: 2026-11-19\nrecording: https://calls.vendor.example/r/x\n'
	printf '## CS review\ndecision: %s\nby: Sam Okafor\ndate: %s\n' "$1" "$2"
	[ -n "$3" ] && printf 'reason: %s\ncomment: the why is missing\n' "$3"
	[ -n "$4" ] && printf '## 30-day feedback\nscore: %s\ncomment: fine\n' "$4"
	[ -n "$5" ] && printf '## Outcome\nresult: %s\ndate: 2027-11-01\n' "$5"
	return 0
}
commit() { git add "$1" && git commit -q --no-verify -m "$2"; }

cd "$T" && git init -q team && cd team && mkdir deals || exit 1
at '2026-11-19T10:00:00+0100'
deal_full alpha | process accepted 2026-11-20 "" 9 renewed > deals/alpha.md
commit deals/alpha.md "alpha complete"
at '2026-11-18T15:00:00+0100'
deal_no_why beta | sed -e 's/^ae: .*/ae: Dana Reyes <dana@vendor.example>/' |
    process rejected 2026-11-19 missing-context > deals/beta.md
commit deals/beta.md "beta draft"
at '2026-11-24T09:00:00+0100'
deal_full beta | sed -e 's/^ae: .*/ae: Dana Reyes <dana@vendor.example>/' |
    process accepted 2026-11-25 "" 6 churned > deals/beta.md
commit deals/beta.md "beta complete"
at '2026-10-15T10:00:00+0100'
deal_full gamma | sed 's/^signed: .*/signed: 2026-10-14/' |
    process accepted 2026-10-16 "" 8 expanded > deals/gamma.md
commit deals/gamma.md "gamma complete"

HANDOFF_TODAY=2027-01-15 "$H" build -o "$T/o1" >/dev/null 2>"$T/err"
HANDOFF_TODAY=2027-01-15 "$H" build -j 1 --force -o "$T/o2" >/dev/null 2>&1
f=$T/o1/audit.html
check web_audit_written [ -s "$f" ]
check web_audit_deterministic cmp -s "$f" "$T/o2/audit.html"
n=$(grep -o '<svg class="chart"[^>]*role="img"' "$f" | wc -l)
check web_audit_five_charts [ "$n" -eq 5 ]
check web_audit_target_line grep -q 'class="target"' "$f"
check web_audit_months sh -c "grep -q '>2026-10<' '$f' && grep -q '>2026-11<' '$f'"
# November: alpha accepted first time, beta not: 50 %; October: 100 %
check web_audit_rates sh -c "grep -q '2026-11</th><td>50 % (1/2)' '$f' && grep -q '2026-10</th><td>100 % (1/1)' '$f'"
check web_audit_reasons grep -q 'Missing context</th><td>1<' "$f"
check web_audit_scatter [ "$(grep -o '<circle class="series"' "$f" | wc -l)" -eq 3 ]
check web_audit_per_ae sh -c "grep -q 'Dana Reyes' '$f' && grep -q 'Zoë Müller' '$f'"
check web_audit_outcomes sh -c "grep -q 'class=\"o-renewed\"' '$f' && grep -q 'class=\"o-churned\"' '$f' && grep -q 'class=\"o-expanded\"' '$f'"
check web_audit_csp grep -q "content=\"default-src 'none'" "$f"

cd "$ROOT" || exit 1
timeout 120 $PY tests/sh/web_browser.py validate "$f"
timeout 120 $PY tests/sh/web_browser.py page "file://$f" "$OUT/web-audit" \
    'First-time acceptance per month' 'Rejection reasons' 'Outcome by handoff score' \
    'Internal'

# outside git: a page that says why, and no chart
mkdir -p "$T/plain/deals" && cp "$EX" "$T/plain/deals/"
cd "$T/plain" && HANDOFF_TODAY=2026-12-02 "$H" build >/dev/null 2>&1
check web_audit_not_git grep -q 'not in a git repository' "$T/plain/output/audit.html"
exit 0
