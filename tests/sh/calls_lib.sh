# calls_lib.sh: shared set-up for tests/sh/test_calls*.sh (sourced, not
# run).  Call calls_setup TODAY DEAL: $HO (the handoff binary, absolute),
# $SRC (the repo), $FX (tests/calls), $T (a temp dir removed at exit,
# the working directory, holding deals/DEAL.md from examples/deals/),
# HANDOFF_TODAY=TODAY, and ok/ko (print PASS/FAIL).
calls_setup() {
	export HANDOFF_TODAY=$1
	mkdir -p "$T/deals"
	cp "$SRC/examples/deals/$2.md" "$T/deals/"
	cd "$T" || exit 1
}
HO=${HO:-./handoff}
case $HO in /*) ;; *) HO=$PWD/$HO ;; esac
FX=$SRC/tests/calls
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1"; }
