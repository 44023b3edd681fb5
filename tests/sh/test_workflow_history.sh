#!/bin/sh
# test_workflow_history.sh: issue 11 point 7.  Changing the schema does
# not rewrite history: 'audit' judges each version by the handoff.yml,
# schema and playbooks of its own commit, and a handoff the CSM accepted
# is never overdue, whatever a later rule asks for.
. "$(dirname "$0")/git_lib.sh"

accepted() {	# deal file on stdin, CS review appended
	sed '/^# Process/,$d'
	printf '# Process\n## Handoff call\ndate: 2026-11-19\nrecording: https://calls.vendor.example/r/x\n'
	printf '## CS review\ndecision: accepted\nby: Sam Okafor\ndate: 2026-11-20\n'
}
no_politics() { awk '/^## Internal politics/{s=1;next} /^#/{s=0} !s'; }
commit() { git add "$@" && git commit -q --no-verify -m "update"; }

cd "$T" && git init -q team && cd team && mkdir deals || exit 1
at '2026-11-17T09:00:00+0100'
printf 'deadline_business_days: 2\n' > handoff.yml
commit handoff.yml
# alpha: complete on 2026-11-19 under the rules of the day, accepted
at '2026-11-19T10:00:00+0100'
deal_full alpha | no_politics | accepted > deals/alpha.md
commit deals/alpha.md
# gamma: the same deal, complete then, never reviewed
deal_full gamma | no_politics | sed '/^# Process/,$d' > deals/gamma.md
commit deals/gamma.md
# two weeks later RevOps makes 'internal politics' required
at '2026-12-01T09:00:00+0100'
printf 'deadline_business_days: 2\nrequired: [risks/internal-politics]\n' > handoff.yml
commit handoff.yml

q() { /usr/bin/python3 -c "import json,sys; a=json.load(open('$T/a.json')); d={x['deal']: x for x in a['deals']}; print($1)"; }
HANDOFF_TODAY=2027-01-15 "$H" audit --format json > "$T/a.json"; rc=$?
check history_audit_exit [ "$rc" -eq 0 ]
# judged by the rules of 2026-11-19, both were complete that day
check history_audit_alpha_on_time [ "$(q "d['alpha']['on_time'], d['alpha']['complete']")" = "True 2026-11-19" ]
check history_audit_gamma_on_time [ "$(q "d['gamma']['on_time'], d['gamma']['complete']")" = "True 2026-11-19" ]
check history_audit_no_gaps [ "$(q "a['missing_at_deadline']")" = "[]" ]

# today's rules still apply today: check names the new gap...
out=$(HANDOFF_TODAY=2026-12-02 "$H" check deals/alpha.md 2>&1)
case $out in *"internal politics"*) ok history_check_today_rules ;;
*) no history_check_today_rules "$out" ;; esac
# ...but the accepted handoff is not overdue; the unreviewed one is
case $out in *overdue*) no history_accepted_not_overdue_check "$out" ;;
*) ok history_accepted_not_overdue_check ;; esac
st=$(HANDOFF_TODAY=2026-12-02 "$H" status)
case $(printf '%s\n' "$st" | grep '^alpha ') in *OVERDUE*|"") no history_accepted_not_overdue_status "$st" ;;
*) ok history_accepted_not_overdue_status ;; esac
case $(printf '%s\n' "$st" | grep '^gamma ') in *OVERDUE*) ok history_unreviewed_overdue ;;
*) no history_unreviewed_overdue "$st" ;; esac

# a broken handoff.yml in an old commit: audit judges by today's rules
at '2027-01-02T09:00:00+0100'
printf 'deadline_business_days: [broken\n' > handoff.yml
commit handoff.yml
at '2027-01-03T09:00:00+0100'
printf 'deadline_business_days: 2\nrequired: [risks/internal-politics]\n' > handoff.yml
commit handoff.yml
HANDOFF_TODAY=2027-01-15 "$H" audit --format json > "$T/a.json"; rc=$?
check history_audit_old_broken_config [ "$rc" -eq 0 ]
check history_audit_still_on_time [ "$(q "d['alpha']['on_time']")" = "True" ]
# nothing left behind in TMPDIR
check history_no_temp_left [ -z "$(ls "${TMPDIR:-/tmp}" | grep '^handoff-rules-' | head -1)" ]
