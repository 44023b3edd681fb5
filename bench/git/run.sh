#!/bin/sh
# run.sh [HANDOFF]: build a repository of 1,000 deals with 5 versions each
# (git fast-import, a few seconds) and time 'handoff log', 'diff', 'audit'
# and 'status' on it.  Prints one line per measurement.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
H=${1:-$root/handoff}
case $H in /*) ;; *) H=$(pwd)/$H ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HANDOFF_TODAY=2027-01-15
cd "$T" && git init -q repo && cd repo
s=$(date +%s.%N)
/usr/bin/python3 "$here/gen.py" "$root/examples/deals/nordlicht-energie.md" |
    git fast-import --quiet
git checkout -q main 2>/dev/null || git checkout -q -f main
e=$(date +%s.%N)
printf 'setup   %6.2f s  (%s commits, %s deals)\n' "$(echo "$e - $s" | bc)" \
    "$(git rev-list --count HEAD)" "$(ls deals | wc -l)"
run() { label=$1; shift; s=$(date +%s.%N); "$@" > "$T/out" 2>&1 || { echo "$label failed:"; tail "$T/out"; exit 1; }
	e=$(date +%s.%N); printf '%-28s %6.2f s\n' "$label" "$(echo "$e - $s" | bc)"; }
run "log deal-0500 (5 versions)" "$H" log deal-0500
run "diff deal-0500 (last two)" "$H" diff deal-0500
run "diff deal-0500 v1..v5" "$H" diff deal-0500 HEAD~4000 HEAD
run "audit --last 10" "$H" audit --last 10
run "audit --last 0 (all 1000)" "$H" audit --last 0
run "status (1000 deals)" "$H" status
