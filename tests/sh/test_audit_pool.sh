#!/bin/sh
# test_audit_pool.sh: the audit page of 'build' is made on one of the -j
# workers while the others build deals, and the audit's replay takes the
# HEAD version from the check that chose the deal.  Neither may change a
# byte: the site is the same at -j 1, 2 and 4, over a history with a
# change of rules, rejections and a late completion; the page a worker
# made is the one the cache gives back; two builds at once leave the
# page and a cache entry the next build trusts; the audit's figures
# for the HEAD versions are those of a full replay.  $1: the binary.
. "$(dirname "$0")/git_lib.sh"
export HANDOFF_TODAY=2027-01-15

process() {	# decision date [reason]
	sed '/^# Process/,$d'
	printf '# Process\n## Handoff call\ndate: 2026-11-19\n'
	printf 'recording: https://calls.vendor.example/r/x\n'
	printf '## CS review\ndecision: %s\nby: Sam Okafor\ndate: %s\n' "$1" "$2"
	[ -n "$3" ] && printf 'reason: %s\ncomment: the why is missing\n' "$3"
	return 0
}
commit() { git add -A && git commit -q --no-verify -m "$1"; }
site_same() {	# NAME DIR1 DIR2
	if diff -r -x .cache -x .handoff-state "$2" "$3" >"$T/diff" 2>&1
	then ok "$1"; else no "$1" "$(head -5 "$T/diff")"; fi
}
loads() { LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -q 'file=libgit2'; }

(cd "$T" && "$H" init --company "Vendor Inc" team >/dev/null 2>&1)
cd "$T/team" || exit 1
# alpha: one version, complete and accepted
at '2026-11-19T10:00:00+0100'
deal_full alpha | process accepted 2026-11-20 > deals/alpha.md
commit "alpha"
# beta: rejected at the deadline, then complete and accepted (HEAD)
at '2026-11-18T15:00:00+0100'
deal_no_why beta | process rejected 2026-11-19 missing-context > deals/beta.md
commit "beta draft"
# the rules change: older commits are judged by the old ones
sed 's/^company: .*/company: Vendor Group Inc/' handoff.yml > "$T/y" &&
    cp "$T/y" handoff.yml
at '2026-11-24T09:00:00+0100'
deal_full beta | process accepted 2026-11-25 > deals/beta.md
commit "beta complete, new company name"
# gamma: one version, never complete; delta: pre-close, not audited
at '2026-11-18T11:00:00+0100'
deal_no_why gamma | sed '/^# Process/,$d' > deals/gamma.md
deal_draft delta > deals/delta.md
i=0
while [ $i -lt 12 ]; do		# deals for the other workers meanwhile
	deal_full "extra-$i" > "deals/extra-$i.md"
	i=$((i + 1))
done
commit "gamma, delta and the rest"
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE

for j in 1 2 4; do "$H" build -j $j -o "$T/j$j" >/dev/null 2>&1; done
[ -s "$T/j1/audit.html" ] && ok "build -j 1 writes the audit page" ||
    no "build -j 1 writes the audit page"
site_same "the site at -j 2 is the site at -j 1" "$T/j1" "$T/j2"
site_same "the site at -j 4 is the site at -j 1" "$T/j1" "$T/j4"
# 15 signed (delta is not), 13 of the 14 reviewed accepted at once
grep -q '15 signed handoffs' "$T/j4/audit.html" &&
    grep -q '92 % (13/14)' "$T/j4/audit.html" &&
    grep -q 'Missing context: 1' "$T/j4/audit.html" &&
    ok "the page counts the signed deals and their reviews" ||
    no "the page counts the signed deals and their reviews"

# The page a worker made is what the cache gives back, and the cache is
# trusted: a warm build does not load libgit2 and writes the same page.
cp "$T/j4/audit.html" "$T/page.good"
loads "$H" build --force -j 4 -o "$T/j4" &&
    no "a warm build takes the page from the cache" ||
    ok "a warm build takes the page from the cache"
cmp -s "$T/j4/audit.html" "$T/page.good" &&
    ok "the cached page is the page the worker made" ||
    no "the cached page is the page the worker made"

# Two builds at once into one folder: the page and a trusted cache.
rm -rf "$T/two"
"$H" build -j 2 -o "$T/two" >/dev/null 2>&1 &
"$H" build -j 2 -o "$T/two" >/dev/null 2>&1 &
wait
cmp -s "$T/two/audit.html" "$T/page.good" &&
    ok "two builds at once write the page" ||
    no "two builds at once write the page"
loads "$H" build --force -j 2 -o "$T/two" &&
    no "after two builds at once the cache is trusted" ||
    ok "after two builds at once the cache is trusted"
cmp -s "$T/two/audit.html" "$T/page.good" &&
    ok "and it gives the same page" || no "and it gives the same page"

"$H" build --no-html -j 4 -o "$T/nohtml" >/dev/null 2>&1
[ ! -e "$T/nohtml/audit.html" ] && [ ! -e "$T/nohtml/.cache/audit" ] &&
    ok "--no-html makes no audit page" || no "--no-html makes no audit page"

# The figures the replay takes from the HEAD version's check.
a=$("$H" audit --last 50 --format json)
q() { /usr/bin/python3 -c 'import json,sys
a = json.loads(sys.argv[1]); d = {x["deal"]: x for x in a["deals"]}
print(eval(sys.argv[2]))' "$a" "$1"; }
check "audit: alpha, one version, complete the day it was committed" \
    [ "$(q "d['alpha']['versions'], d['alpha']['complete'], d['alpha']['reviews']")" = "(1, '2026-11-19', 1)" ]
check "audit: beta, rejected then accepted in its HEAD version" \
    [ "$(q "d['beta']['versions'], d['beta']['reviews'], d['beta']['accepted_first_time'], d['beta']['acknowledged']")" = "(2, 2, False, '2026-11-25')" ]
check "audit: gamma, missing at the deadline what its HEAD version lacks" \
    [ "$(q "d['gamma']['complete'], [g['name'] for g in d['gamma']['missing_at_deadline']]")" = "(None, ['why they chose us'])" ]
check "audit: the pre-close deal is not audited" \
    [ "$(q "'delta' in d")" = "False" ]
