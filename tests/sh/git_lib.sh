# git_lib.sh: shared set-up for tests/sh/test_git*.sh (sourced, not run).
# Gives: $H (the handoff binary), $T (a fresh temp dir removed at exit),
# ok/no (print PASS/FAIL), at DATE (pin author and committer dates),
# deal_* (make variants of the example deal).
H=$1
ROOT=$(pwd)
EX=$ROOT/examples/deals/nordlicht-energie.md
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE HANDOFF_TODAY SOURCE_DATE_EPOCH
export GIT_CONFIG_NOSYSTEM=1 HOME="$T/home" LC_ALL=C.UTF-8
mkdir -p "$HOME"
git config --global user.name "Zoë Müller"
git config --global user.email "zoe.mueller@vendor.example"
git config --global init.defaultBranch main
git config --global advice.detachedHead false

ok() { echo "PASS $1"; }
no() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
# check NAME CMD...: PASS when the command succeeds.
check() { n=$1; shift; if "$@"; then ok "$n"; else no "$n" "command: $*"; fi; }
# at DATE: pin both git dates (ISO 8601 with zone).
at() { export GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1"; }
fsck() { git fsck --strict >/dev/null 2>&1; }

# The example deal, signed and complete.
deal_full() { sed "s/^deal: nordlicht-energie/deal: $1/" "$EX"; }
# The same without a 'Why they chose us' section (a required field).
deal_no_why() { deal_full "$1" | awk '/^## Why they chose us/{s=1;next} /^## /{s=0} !s'; }
# A pre-close draft: no signature, term or renewal, no Henrik (economic buyer).
deal_draft() { deal_full "$1" | sed -e 's/^stage: signed/stage: pre-close/' -e '/^signed: /d' -e '/^term: /d' -e '/^renewal: /d' -e '/Henrik Ærø/d'; }
# Invalid: a segment that does not exist.
deal_bad() { deal_full "$1" | sed 's/^segment: enterprise/segment: galactic/'; }
