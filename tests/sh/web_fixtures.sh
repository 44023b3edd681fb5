# web_fixtures.sh: a repo for the site's tests (sourced): the examples,
# a signed deal past its deadline and incomplete (late-deal), one due
# within a day (soon-deal), one rejected by CS with a client name full of
# markup (rejected-deal).  $1: the folder to make.
web_fixtures() {
	mkdir -p "$1/deals"
	cp "$ROOT"/examples/deals/* "$1/deals/"
	[ -f "$ROOT/examples/handoff.yml" ] && cp "$ROOT/examples/handoff.yml" "$1/"
	n=$ROOT/examples/deals/nordlicht-energie.md
	# late: signed 2026-11-18, no goals, no CS review
	sed -e 's/^deal: .*/deal: late-deal/' -e 's/^client: .*/client: Late Deal Logistik/' \
	    -e '/^# Goals/,/^# Risks/{/^# Risks/!d}' -e '/^## CS review/,$d' \
	    "$n" >"$1/deals/late-deal.md"
	sed -e 's/^deal: .*/deal: soon-deal/' -e 's/^client: .*/client: Soon Deal Bau/' \
	    -e 's/^signed: .*/signed: 2026-12-01/' \
	    -e '/^# Goals/,/^# Risks/{/^# Risks/!d}' -e '/^## CS review/,$d' \
	    "$n" >"$1/deals/soon-deal.md"
	sed -e 's/^deal: .*/deal: rejected-deal/' \
	    -e 's/^client: .*/client: Rejected \& <b>Sons<\/b>/' \
	    -e 's/^decision: accepted/decision: rejected\nreason: unclear-goals\ncomment: success metrics have no baseline/' \
	    "$n" >"$1/deals/rejected-deal.md"
}
