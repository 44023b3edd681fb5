#!/bin/sh
# test_md_headings.sh: heading synonyms (issue 10, point 6).  The headings
# of other CRMs' templates (schemas/headings.txt) read as the handoff's
# own: the canonical XML is the same as with the reference headings.  An
# H1 that is a known H2 (# Red Flags) lands in its pillar.  A team's own
# schemas/headings.txt is read without recompiling.  A synonym never
# makes a missing section pass.
# Usage: sh tests/sh/test_md_headings.sh /abs/path/to/handoff (repo root)
bin=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1795500000

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

src=examples/deals/nordlicht-energie.md
xml() { (cd "$2" && "$bin" convert --to xml "$1") 2>/dev/null; }
cp "$src" "$tmp/ref.md"
xml "$tmp/ref.md" "$tmp" > "$tmp/ref.xml" || ko setup "convert failed"

# same NAME SED...: the reference deal with its headings renamed gives
# the same canonical XML.
same() {
	n=$1; shift
	sed "$@" "$src" > "$tmp/$n.md"
	xml "$tmp/$n.md" "$tmp" > "$tmp/$n.xml"
	if cmp -s "$tmp/ref.xml" "$tmp/$n.xml"; then ok "$n"
	else ko "$n" "$(diff "$tmp/ref.xml" "$tmp/$n.xml" | head -6)"
	fi
}

same relationships-key-contacts -e 's/^# Relationships$/# Key Contacts/'
same relationships-buying-committee -e 's/^# Relationships$/# Buying Committee/'
same relationships-people -e 's/^# Relationships$/# People/'
same relationships-contacts -e 's/^# Relationships$/# Contacts/'
same goals-kpis -e 's/^# Goals$/# KPIs/'
same goals-outcomes -e 's/^# Goals$/# Outcomes/'
same goals-success-criteria -e 's/^# Goals$/# Success Criteria/'
same risks-and-concerns -e 's/^# Risks$/# Risks \& Concerns/'
same risks-watch-outs -e 's/^# Risks$/# Watch-outs/'
same why-we-won -e 's/^## Why they chose us$/## Why We Won/'
same why-us -e 's/^## Why they chose us$/## Why Us/'
same promises -e 's/^## Commitments$/## Promises/'
same custom-requests -e 's/^## Commitments$/## Custom Requests/'
same case-and-emoji -e 's/^# Risks$/# ⚠️ RISKS \& CONCERNS/'
# An H1 that is an H2: '## Red flags' written as '# Red Flags' right
# where it was (it stays in Risks, then Internal politics follows).
same h1-red-flags -e 's/^## Red flags$/# Red Flags/' \
    -e 's/^## Internal politics$/# Internal Politics/'

# A team's own synonyms, from its repo, without recompiling.
mkdir -p "$tmp/team/schemas"
printf 'h1 the humans = relationships\nh2 goals: north stars = success metrics\n' \
    > "$tmp/team/schemas/headings.txt"
sed -e 's/^# Relationships$/# The Humans/' "$src" > "$tmp/team/deal.md"
xml deal.md "$tmp/team" > "$tmp/team.xml"
if cmp -s "$tmp/ref.xml" "$tmp/team.xml"; then ok team-headings
else ko team-headings "$(diff "$tmp/ref.xml" "$tmp/team.xml" | head -6)"
fi
# ... and outside that repo, the same heading is an unknown section.
cp "$tmp/team/deal.md" "$tmp/deal.md"
xml "$tmp/deal.md" "$tmp" > "$tmp/noteam.xml"
if grep -q 'heading="The Humans"' "$tmp/noteam.xml"; then ok team-headings-local
else ko team-headings-local "'The Humans' read without the team's list"
fi

# A synonym heading with nothing under it is still missing.
awk '/^# Relationships$/{print "# Key Contacts"; skip=1; next}
    /^# /{skip=0} !skip' "$src" > "$tmp/empty.md"
(cd "$tmp" && "$bin" check empty.md) > "$tmp/empty.out" 2>&1; rc=$?
if [ "$rc" -eq 1 ] && grep -q 'stakeholder' "$tmp/empty.out"; then
	ok empty-synonym-still-missing
else ko empty-synonym-still-missing "exit $rc" "$(head -5 "$tmp/empty.out")"
fi
