#!/bin/sh
# test_git_audit.sh: 'handoff status' and 'handoff audit' against a git
# history written across fake days: one handoff complete on time and
# accepted, one complete two business days late after a CS rejection,
# one still overdue, one pre-close.
. "$(dirname "$0")/git_lib.sh"

# process lines for a deal: review, intro, feedback, outcome
process() {	# decision date [reason] [intro] [score] [outcome]
	sed '/^# Process/,$d'
	printf '# Process\n## Handoff call\ndate: 2026-11-19\n'
	[ "$6" = norec ] || printf 'recording: https://calls.vendor.example/r/x\n'
	printf '## CS review\ndecision: %s\nby: Sam Okafor\ndate: %s\n' "$1" "$2"
	[ -n "$3" ] && printf 'reason: %s\ncomment: the why is missing\n' "$3"
	[ -n "$4" ] && printf '## Intro sent\n%s\n' "$4"
	[ -n "$5" ] && printf '## 30-day feedback\nscore: %s\ncomment: fine\n' "$5"
	[ -n "$7" ] && printf '## Outcome\nresult: %s\ndate: 2027-11-01\n' "$7"
	return 0
}
commit() { git add "$1" && git commit -q --no-verify -m "$2"; }

cd "$T" && git init -q team && cd team && mkdir deals || exit 1
# alpha (Zoë): signed Wed 2026-11-18, complete the next day, accepted
at '2026-11-19T10:00:00+0100'
deal_full alpha | process accepted 2026-11-20 "" 2026-11-24 9 "" renewed > deals/alpha.md
commit deals/alpha.md "alpha complete"
# beta (Dana, smb): incomplete at the deadline, rejected, fixed 11-24 (+2 bd)
at '2026-11-18T15:00:00+0100'
deal_no_why beta | sed -e 's/^ae: .*/ae: Dana Reyes <dana@vendor.example>/' -e 's/^segment: enterprise/segment: smb/' |
    process rejected 2026-11-19 missing-context "" "" norec > deals/beta.md
commit deals/beta.md "beta draft"
at '2026-11-24T09:00:00+0100'
deal_full beta | sed -e 's/^ae: .*/ae: Dana Reyes <dana@vendor.example>/' -e 's/^segment: enterprise/segment: smb/' |
    process accepted 2026-11-25 "" "" 6 norec churned > deals/beta.md
commit deals/beta.md "beta complete"
# gamma: signed, never completed (overdue)
at '2026-11-18T11:00:00+0100'
deal_no_why gamma | sed '/^# Process/,$d' > deals/gamma.md
commit deals/gamma.md "gamma"
# delta: pre-close, not audited
deal_draft delta > deals/delta.md
commit deals/delta.md "delta"
check audit_fsck fsck

# ---- status ---------------------------------------------------------------
st=$(HANDOFF_TODAY=2026-12-01 "$H" status); rc=$?
check status_exit [ "$rc" -eq 0 ]
check status_lines [ "$(printf '%s\n' "$st" | wc -l)" -eq 5 ]
case $(printf '%s\n' "$st" | grep '^alpha ') in *signed*"100%"*2026-11-20*" no "*yes*" 9/10"*) ok status_alpha ;;
*) no status_alpha "$st" ;; esac
case $(printf '%s\n' "$st" | grep '^gamma ') in *signed*"97%"*2026-11-20*OVERDUE*" no "*) ok status_overdue ;;
*) no status_overdue "$st" ;; esac
case $(printf '%s\n' "$st" | grep '^delta ') in *pre-close*" - "*) ok status_preclose ;;
*) no status_preclose "$st" ;; esac
js=$(HANDOFF_TODAY=2026-12-01 "$H" status --format json)
case $js in *'"deal": "beta"'*'"acknowledged": true, "review": "accepted", "score": 6'*) ok status_json ;;
*) no status_json "$js" ;; esac

# ---- audit ----------------------------------------------------------------
a=$(HANDOFF_TODAY=2027-01-15 "$H" audit --format json); rc=$?
check audit_exit [ "$rc" -eq 0 ]
if /usr/bin/python3 -c 'import json,sys; json.loads(sys.argv[1])' "$a" 2>/dev/null; then ok audit_json_valid; else no audit_json_valid "$a"; fi
q() { /usr/bin/python3 -c "import json,sys; a=json.loads(sys.argv[1]); d={x['deal']:x for x in a['deals']}; print(($1))" "$a"; }
check audit_three_signed [ "$(q "sorted(d)")" = "['alpha', 'beta', 'gamma']" ]
check audit_alpha_on_time [ "$(q "d['alpha']['on_time'], d['alpha']['complete'], d['alpha']['call']")" = "(True, '2026-11-19', 'recorded')" ]
check audit_beta_late [ "$(q "d['beta']['on_time'], d['beta']['late_business_days'], d['beta']['complete']")" = "(False, 2, '2026-11-24')" ]
check audit_gamma_never [ "$(q "d['gamma']['complete'], d['gamma']['acknowledged']")" = "(None, None)" ]
check audit_review_history [ "$(q "d['beta']['reviews'], d['beta']['accepted_first_time'], d['beta']['rejections']")" = "(2, False, [{'name': 'missing-context', 'count': 1}])" ]
check audit_ack_time [ "$(q "d['alpha']['acknowledged'], d['alpha']['ack_business_days'], d['beta']['ack_business_days']")" = "('2026-11-20', 2, 5)" ]
check audit_intro [ "$(q "d['alpha']['intro_sent'], d['beta']['intro_sent']")" = "('2026-11-24', None)" ]
check audit_scores [ "$(q "d['alpha']['score'], d['beta']['score'], a['summary']['score_at_target']")" = "(9, 6, 1)" ]
check audit_first_time [ "$(q "a['summary']['reviewed'], a['summary']['accepted_first_time']")" = "(2, 1)" ]
check audit_missing_fields [ "$(q "[(g['name'], g['count'], g['late']) for g in a['missing_at_deadline']]")" = "[('why they chose us', 2, 1)]" ]
check audit_by_ae [ "$(q "sorted((g['name'], g['deals'], g['on_time']) for g in a['by_ae'])")" = "[('Dana Reyes', 1, 0), ('Zoë Müller', 2, 1)]" ]
check audit_by_segment [ "$(q "sorted((g['name'], g['deals']) for g in a['by_segment'])")" = "[('enterprise', 2), ('smb', 1)]" ]
check audit_churn_bands [ "$(q "[(c['band'], c['with_outcome'], c['churned']) for c in a['churn_by_band']]")" = "[('high', 1, 0), ('mid', 0, 0), ('low', 1, 1)]" ]
check audit_last_n [ "$(HANDOFF_TODAY=2027-01-15 "$H" audit --last 1 --format json | /usr/bin/python3 -c 'import json,sys; print([x["deal"] for x in json.load(sys.stdin)["deals"]])')" = "['alpha']" ]
t=$(HANDOFF_TODAY=2027-01-15 "$H" audit)
case $t in *"complete by the 48 h deadline  1 of 3 (33%)"*"accepted at first review       1 of 2 (50%) (target 90%: missed)"*"missing-context 1"*"why they chose us"*"by AE"*"by segment"*"churn by handoff score"*) ok audit_text ;;
*) no audit_text "$t" ;; esac
