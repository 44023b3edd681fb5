#!/bin/sh
# test_stamp.sh: every output of 'handoff build' is stamped with the git
# version it came from (short id, '+dirty' when the deal differs from HEAD,
# 'not in git' outside a repository).  $1 is the handoff binary.
bin=$1
root=$(pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" GIT_CONFIG_NOSYSTEM=1 HANDOFF_TODAY=2026-11-24
mkdir -p "$HOME"
git config --global user.name "Zoë Müller"
git config --global user.email "zoe.mueller@vendor.example"
git config --global init.defaultBranch main
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }

stamps() {	# DIR STAMP LABEL: the stamp in all five outputs
	d=$1/nordlicht-energie
	grep -q "^<!-- handoff .*, built from $2 -->" "$d/handoff.xml" &&
	    ok "$3: handoff.xml" || ko "$3: handoff.xml" "$(sed -n 2p "$d/handoff.xml")"
	pdftotext "$d/handoff-package.pdf" - 2>/dev/null | grep -q "$2" &&
	    ok "$3: handoff-package.pdf" || ko "$3: handoff-package.pdf"
	grep -q "^X-Handoff-Version: $2" "$d/intro-email.eml" &&
	    ok "$3: intro-email.eml" || ko "$3: intro-email.eml"
	grep -q "^X-Handoff-Version: $2" "$d/handoff-notice.eml" &&
	    ok "$3: handoff-notice.eml" || ko "$3: handoff-notice.eml"
	tr -d '\r' < "$d/timeline.ics" | grep -q "^X-HANDOFF-VERSION:$2" &&
	    ok "$3: timeline.ics" || ko "$3: timeline.ics"
}

mkdir -p "$tmp/plain/deals"
cp "$root/examples/deals/nordlicht-energie.md" "$tmp/plain/deals/"
(cd "$tmp/plain" && "$bin" build -o out >/dev/null 2>&1)
stamps "$tmp/plain/out" "not in git" "outside git"

(cd "$tmp" && "$bin" init --company "Vendor Inc" team >/dev/null 2>&1)
cp "$root/examples/deals/nordlicht-energie.md" "$tmp/team/deals/"
(cd "$tmp/team" && "$bin" commit deals/nordlicht-energie.md >/dev/null 2>&1)
id=$(cd "$tmp/team" && git rev-parse --short=7 HEAD)
(cd "$tmp/team" && "$bin" build -o out >/dev/null 2>&1)
stamps "$tmp/team/out" "$id" "committed"
sed -i 's/^term: 3 years/term: 4 years/' "$tmp/team/deals/nordlicht-energie.md"
(cd "$tmp/team" && "$bin" build -o out >/dev/null 2>&1)
stamps "$tmp/team/out" "$id+dirty" "edited"
# Committing the edit refreshes the stamp on the next (incremental) build.
(cd "$tmp/team" && "$bin" commit deals/nordlicht-energie.md >/dev/null 2>&1)
id2=$(cd "$tmp/team" && git rev-parse --short=7 HEAD)
out=$(cd "$tmp/team" && "$bin" build -o out 2>&1)
case $out in *"built 1, unchanged 0"*) ok "committing a deal rebuilds it" ;;
*) ko "committing a deal rebuilds it" "$out" ;; esac
stamps "$tmp/team/out" "$id2" "committed again"
out=$(cd "$tmp/team" && "$bin" build -o out 2>&1)
case $out in *"built 0, unchanged 1"*) ok "then nothing to rebuild" ;;
*) ko "then nothing to rebuild" "$out" ;; esac
exit 0
