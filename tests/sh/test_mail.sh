#!/bin/sh
# SPDX-License-Identifier: MIT
# test_mail.sh: the e-mails and the calendar of the examples, checked the
# way a mail client and a calendar read them (tests/sh/check_mail.py with
# Debian's python3: email with policy=strict, icalendar), plus determinism,
# stable UIDs across rebuilds, and header injection through both front
# ends.  $1 is the handoff binary; the cwd is the repo root.
bin=$1
py=/usr/bin/python3
here=tests/sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HANDOFF_TODAY=2026-11-20 SOURCE_DATE_EPOCH=1795430400

pass() { echo "PASS mail: $1"; }
fail() {
	echo "FAIL mail: $1"
	shift
	for l in "$@"; do printf '  %s\n' "$l"; done
}

build() {	# build OUTDIR FILE... -> status in $rc, stderr in OUTDIR.err
	out=$1; shift
	"$bin" build -o "$out" "$@" >"$out.log" 2>"$out.err"
	rc=$?
}

# ---- every example deal ----------------------------------------------------
build "$tmp/a" examples/deals/*.md examples/deals/*.xml
if [ -f "$tmp/a/nordlicht-energie/intro-email.eml" ]; then
	pass "build writes intro-email.eml"
else
	fail "build writes intro-email.eml" "$(cat "$tmp/a.err")"
fi
ndeals=0
for d in "$tmp"/a/*/; do
	[ -f "$d/handoff.xml" ] || continue
	ndeals=$((ndeals + 1))
	deal=$(basename "$d")
	"$py" "$here/check_mail.py" "$d/handoff.xml" "$d" schemas/handoff.xsd \
	    "$tmp/uids-$deal" | sed "s/^\(PASS\|FAIL\) /\1 mail: $deal: /"
done
[ "$ndeals" -ge 2 ] && pass "examples built: $ndeals" ||
    fail "examples built: $ndeals" "$(cat "$tmp/a.err")"

# ---- the same input gives the same bytes; a rebuild keeps the UIDs --------
build "$tmp/b" examples/deals/*.md examples/deals/*.xml
same=1
for f in "$tmp"/a/*/*.eml "$tmp"/a/*/*.ics; do
	[ -f "$f" ] || continue
	g="$tmp/b/${f#"$tmp"/a/}"
	cmp -s "$f" "$g" || { same=0; diffs="$diffs $f"; }
done
[ "$same" = 1 ] && pass "e-mails and calendars are byte-identical across builds" ||
    fail "e-mails and calendars are byte-identical across builds" "$diffs"
SOURCE_DATE_EPOCH=1795516800 build "$tmp/c" examples/deals/nordlicht-energie.md
for d in "$tmp"/c/*/; do
	deal=$(basename "$d")
	[ -f "$d/timeline.ics" ] || continue
	"$py" "$here/check_mail.py" "$d/handoff.xml" "$d" schemas/handoff.xsd \
	    "$tmp/uids-$deal" | grep 'UIDs stable' | sed "s/^\(PASS\|FAIL\) /\1 mail: $deal (a day later): /"
	if grep -q 'DTSTAMP:20261124T' "$d/timeline.ics" &&
	    ! cmp -s "$d/timeline.ics" "$tmp/a/$deal/timeline.ics"; then
		pass "a later build stamps a new DTSTAMP"
	else
		fail "a later build stamps a new DTSTAMP"
	fi
done

# ---- header injection: a client name with CR LF in it ----------------------
# XML: character references survive parsing as real CR and LF.
sed -e 's|<client>[^<]*</client>|<client>Acme\&#13;\&#10;Bcc: attacker@evil.example</client>|' \
    -e 's|<id>[^<]*</id>|<id>acme-evil</id>|' \
    "$tmp/a/nordlicht-energie/handoff.xml" >"$tmp/acme-evil.xml"
line=$(grep -n '<client>' "$tmp/acme-evil.xml" | head -1 | cut -d: -f1)
# Markdown: a YAML double-quoted string with \r\n escapes.
sed -e 's|^client: .*|client: "Acme\\r\\nBcc: attacker@evil.example"|' \
    -e 's|^deal: .*|deal: acme-evil-md|' \
    examples/deals/nordlicht-energie.md >"$tmp/acme-evil-md.md"
# A front end may refuse the value (then the build fails with the field's
# file:line and writes no e-mail) or fold the line break into a space
# (then the e-mail is written and must hold no extra header).  Either way
# no Bcc header may ever appear.
for f in "$tmp/acme-evil.xml" "$tmp/acme-evil-md.md"; do
	name=$(basename "$f")
	build "$tmp/evil" "$f"
	bcc=$(grep -rlai '^bcc:' "$tmp/evil" 2>/dev/null)
	[ -z "$bcc" ] && pass "$name: no Bcc header anywhere" ||
	    fail "$name: no Bcc header anywhere" "$bcc"
	if [ "$rc" -ne 0 ]; then
		[ "$rc" -eq 1 ] && pass "$name: refused with exit 1" ||
		    fail "$name: refused with exit 1" "exit $rc"
		if ls "$tmp"/evil/*/*.eml >/dev/null 2>&1; then
			fail "$name: no e-mail written when refused"
		else
			pass "$name: no e-mail written when refused"
		fi
		grep -q "^$f:[1-9][0-9]*:.*error:" "$tmp/evil.err" &&
		    pass "$name: refused with file:line" ||
		    fail "$name: refused with file:line" "$(cat "$tmp/evil.err")"
	else
		"$py" - "$tmp"/evil/*/intro-email.eml <<'PYEOF' &&
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(),
                             policy=email.policy.strict)
s = str(m['Subject'])
assert '\r' not in s and '\n' not in s, s
assert m['Bcc'] is None
assert [a.addr_spec for a in m['To'].addresses] == \
    ['k.wisniewska@nordlicht.example'], m['To']
PYEOF
		    pass "$name: folded into one subject line, no new header" ||
		    fail "$name: folded into one subject line, no new header"
	fi
	if [ "$name" = acme-evil.xml ] && [ "$rc" -ne 0 ]; then
		grep -q "^$f:$line:.*\[header-injection\]" "$tmp/evil.err" &&
		    pass "$name: header-injection on the <client> line" ||
		    fail "$name: header-injection on the <client> line" \
		    "$(cat "$tmp/evil.err")"
	fi
	rm -rf "$tmp/evil" "$tmp/evil.err" "$tmp/evil.log"
done

# ---- the team's handoff.yml moves the calendar -----------------------------
mkdir -p "$tmp/team/deals"
cp examples/deals/nordlicht-energie.md "$tmp/team/deals/"
printf 'holidays:\n  - 2026-11-20\ntimelines:\n  enterprise: { call: 1, escalation: 45 }\n' \
    >"$tmp/team/handoff.yml"
(cd "$tmp/team" && "$bin" build -o out deals/nordlicht-energie.md \
    >/dev/null 2>"$tmp/team.err")
ics="$tmp/team/out/nordlicht-energie/timeline.ics"
# signed Wed 2026-11-18: call +1 = Thu 19; mapping +3 skips Fri 20 = Tue 24
if [ -f "$ics" ] && "$py" - "$ics" <<'PYEOF'
import sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = {str(e['UID']).split('@')[0].rsplit('-', 1)[1]: str(e['DTSTART'].dt)
      for e in cal.walk('VEVENT')}
assert ev['call'] == '2026-11-19', ev
assert ev['mapping'] == '2026-11-24', ev
assert ev['escalation'] == '2027-01-21', ev  # 45 = 9 weeks, +1 holiday
PYEOF
then
	pass "handoff.yml holidays and timelines move the events"
else
	fail "handoff.yml holidays and timelines move the events" \
	    "$(cat "$tmp/team.err")"
fi
printf 'company: Acme\ntimelines:\n  smb:\n    cal: 3\n' >"$tmp/team/handoff.yml"
(cd "$tmp/team" && "$bin" build -o out2 deals/nordlicht-energie.md \
    >/dev/null 2>"$tmp/team.err")
rc=$?
if [ "$rc" -ne 0 ] && grep -q "^handoff.yml:4:5: error: unknown key 'cal' in smb; did you mean 'call'? \[config\]" "$tmp/team.err" &&
    [ ! -e "$tmp/team/out2/nordlicht-energie/timeline.ics" ]; then
	pass "a bad handoff.yml stops the build with file:line:col"
else
	fail "a bad handoff.yml stops the build with file:line:col" \
	    "exit $rc" "$(cat "$tmp/team.err")"
fi

# ---- no sanitizer report in any run (make asan runs this file too) ---------
san=$(cat "$tmp"/*.err 2>/dev/null | grep -E 'Sanitizer|runtime error' | head -3)
[ -z "$san" ] && pass "no sanitizer reports" ||
    fail "no sanitizer reports" "$san"
exit 0
