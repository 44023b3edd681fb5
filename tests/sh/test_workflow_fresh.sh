#!/bin/sh
# test_workflow_fresh.sh: issue 11 point 5.  Every sentence of every output
# is true as of the build day: the intro does not promise to find a time
# for a call the process already records; a notice past its
# acknowledgement day says the handoff is overdue; timeline.ics says done
# steps are done, carries SEQUENCE (bumped when a date changes, from git
# history), STATUS and LAST-MODIFIED, and holds go-live, renewal and every
# open commitment.
. "$(dirname "$0")/git_lib.sh"
PY=/usr/bin/python3
MT=$ROOT/tests/sh/mail_text.py
at '2026-11-18T09:00:00+0100'
cd "$T" && "$H" init --company "Vendor Inc" team >/dev/null 2>&1 && cd team || exit 1
sed -i 's/^company:.*/company: Fjordline Software/' handoff.yml
# not accepted yet: no CS review
deal_full nordlicht-energie | awk '/^## CS review/{s=1;next} /^## /{s=0} !s' > deals/nordlicht-energie.md
git add -A && git commit -q --no-verify -m deal

# the call is recorded (2026-11-19): the intro no longer offers to find a time
HANDOFF_TODAY=2026-11-19 "$H" build deals/nordlicht-energie.md >/dev/null 2>&1
i=$($PY "$MT" output/nordlicht-energie/intro-email.eml)
case $i in *"find a time for the call"*) no fresh_intro_no_call_promise "$i" ;;
"") no fresh_intro_no_call_promise "no intro written" ;;
*) ok fresh_intro_no_call_promise ;; esac
case $i in *"joint call with"*) no fresh_intro_no_done_call_step "$i" ;; *) ok fresh_intro_no_done_call_step ;; esac
# without the call recorded, the offer stands
sed '/^## Handoff call/,/^recording:/d' deals/nordlicht-energie.md > "$T/nocall.md"
mkdir -p "$T/nc/deals" && cp handoff.yml "$T/nc/" && cp "$T/nocall.md" "$T/nc/deals/nordlicht-energie.md"
(cd "$T/nc" && HANDOFF_TODAY=2026-11-19 "$H" build deals/nordlicht-energie.md >/dev/null 2>&1)
i=$($PY "$MT" "$T/nc/output/nordlicht-energie/intro-email.eml")
case $i in *"find a time for the call"*) ok fresh_intro_offers_open_call ;; *) no fresh_intro_offers_open_call "$i" ;; esac

# the notice 8 days after the acknowledgement day says overdue
HANDOFF_TODAY=2026-11-30 "$H" build --force deals/nordlicht-energie.md >/dev/null 2>&1
n=$($PY "$MT" output/nordlicht-energie/handoff-notice.eml)
s=$($PY "$MT" output/nordlicht-energie/handoff-notice.eml Subject)
case $n in *"This handoff is overdue"*"2026-11-20"*) ok fresh_notice_overdue ;; *) no fresh_notice_overdue "$n" ;; esac
case $n in *"Please acknowledge it by the end of"*) no fresh_notice_no_past_ask "$n" ;; *) ok fresh_notice_no_past_ask ;; esac
case $s in Overdue*) ok fresh_notice_subject_overdue ;; *) no fresh_notice_subject_overdue "$s" ;; esac
# its timeline says the recorded call is done and a past step was due,
# never a past date as if it were still ahead
case $n in *"- Joint handoff call: done (AE + CSM)"*) ok fresh_notice_done_step ;;
*) no fresh_notice_done_step "$n" ;; esac
case $n in *"- Success metrics review: was due 2026-11-25 (CSM)"*"- 30-day feedback: 2026-12-30 (CSM)"*) ok fresh_notice_past_step ;;
*) no fresh_notice_past_step "$n" ;; esac
# on time, it asks by the day
HANDOFF_TODAY=2026-11-19 "$H" build --force deals/nordlicht-energie.md >/dev/null 2>&1
n=$($PY "$MT" output/nordlicht-energie/handoff-notice.eml)
case $n in *"Please acknowledge it by the end of 2026-11-20"*) ok fresh_notice_on_time ;; *) no fresh_notice_on_time "$n" ;; esac

# the calendar
ics_dump() {	# FILE: 'key status sequence date summary-prefix' per event
	$PY - "$1" <<'PYEOF'
import sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    key = str(e['UID']).split('@')[0].split('-', 2)[-1]
    print(key, e.get('STATUS'), e.get('X-HANDOFF-STATUS'), e.get('SEQUENCE'),
          e['DTSTART'].dt.isoformat(), 'LM' if 'LAST-MODIFIED' in e else 'noLM',
          str(e['SUMMARY']).split(':')[0])
PYEOF
}
HANDOFF_TODAY=2026-11-30 "$H" build --force deals/nordlicht-energie.md >/dev/null 2>&1
c=$(ics_dump output/nordlicht-energie/timeline.ics)
case $c in *"call CONFIRMED DONE 0 2026-11-20 LM Done"*) ok fresh_ics_done_step_status ;; *) no fresh_ics_done_step_status "$c" ;; esac
case $c in *"metrics CONFIRMED OVERDUE"*"Overdue"*) ok fresh_ics_overdue_step ;; *) no fresh_ics_overdue_step "$c" ;; esac
case $c in *"go-live"*"2027-02-15"*) ok fresh_ics_go_live ;; *) no fresh_ics_go_live "$c" ;; esac
case $c in *"renewal"*"2029-11-30"*) ok fresh_ics_renewal ;; *) no fresh_ics_renewal "$c" ;; esac
nc=$(printf '%s\n' "$c" | grep -c '^commitment-')
check fresh_ics_open_commitments [ "$nc" -eq 2 ]	# the third is done
case $c in *noLM*) no fresh_ics_last_modified "$c" ;; *) ok fresh_ics_last_modified ;; esac
# the signature moves a day: every step's SEQUENCE goes up, go-live's not
at '2026-11-20T09:00:00+0100'
sed -i 's/^signed: 2026-11-18/signed: 2026-11-19/' deals/nordlicht-energie.md
git commit -q --no-verify -am "signed a day later"
HANDOFF_TODAY=2026-11-30 "$H" build deals/nordlicht-energie.md >/dev/null 2>&1
c2=$(ics_dump output/nordlicht-energie/timeline.ics)
case $c2 in *"call CONFIRMED DONE 1 "*) ok fresh_ics_sequence_bumped ;; *) no fresh_ics_sequence_bumped "$c2" ;; esac
case $c2 in *"go-live CONFIRMED "*" 0 2027-02-15"*) ok fresh_ics_sequence_kept ;; *) no fresh_ics_sequence_kept "$c2" ;; esac
# deterministic: a fresh clone builds the same calendar
git clone -q . "$T/clone" && (cd "$T/clone" && HANDOFF_TODAY=2026-11-30 "$H" build deals/nordlicht-energie.md >/dev/null 2>&1)
check fresh_ics_same_in_clone cmp -s output/nordlicht-energie/timeline.ics "$T/clone/output/nordlicht-energie/timeline.ics"
