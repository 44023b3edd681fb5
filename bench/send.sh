#!/bin/sh
# bench/send.sh: messages per second of 'handoff send' to a local SMTP
# server (aiosmtpd, tests/sh/smtp_server.py, on 127.0.0.1 only, stopped
# at exit).  A scratch team repo gets N copies of the enterprise example,
# each signed yesterday and complete but not yet reviewed, so each calls
# for one Day-0 notice to the CSM with the package PDF attached.  Timed, in order:
#   render   'send --dry-run' (events, deal checks, PDFs, MIME; no ledger)
#   plain    'send' over SMTP without TLS ('tls: none', loopback)
#   rerun    the same again: the ledger says all sent, nothing rendered
#   tls      'send' to a fresh ledger over STARTTLS with AUTH PLAIN
# Each message is one SMTP connection and two ledger commits (pending,
# sent) in refs/handoff/sent.
#
# usage: sh bench/send.sh [N] [HANDOFF]      (default N=50, ./handoff)
N=${1:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
H=${2:-$ROOT/handoff}
case $H in /*) ;; *) H=$(pwd)/$H ;; esac
PY=/usr/bin/python3
T=$(mktemp -d)
PIDS=""
stop() { for p in $PIDS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$T"; }
trap stop EXIT INT TERM
export HANDOFF_TODAY=2026-12-02 LC_ALL=C.UTF-8 GIT_CONFIG_NOSYSTEM=1 HOME="$T/home"
unset HANDOFF_SMTP_USER HANDOFF_SMTP_PASSWORD HANDOFF_SMTP_BEARER HANDOFF_SMTP_CA
mkdir -p "$HOME"
[ -x "$H" ] || { echo "bench: no handoff binary at $H (make handoff)"; exit 2; }
$PY -c 'import aiosmtpd' 2>/dev/null || { echo "bench: needs python3-aiosmtpd"; exit 2; }

now() { date +%s.%N; }
# server MODE OUTDIR [ARGS]: start one, set PORT.
server() {
	m=$1; out=$2; shift 2
	mkdir -p "$out"; rm -f "$T/port"
	timeout 600 $PY "$ROOT/tests/sh/smtp_server.py" "$m" "$T/port" "$out" "$@" 2>>"$T/smtp.err" &
	PIDS="$PIDS $!"
	i=0; while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
	PORT=$(cat "$T/port")
}
# timed LABEL ARGS...: one 'handoff send', sets $secs and $sent.
timed() {
	label=$1; shift
	t0=$(now)
	"$H" send "$@" > "$T/$label.out" 2>&1
	rc=$?
	t1=$(now)
	secs=$(echo "$t0 $t1" | awk '{printf "%.3f", $2 - $1}')
	sent=$(grep -c '^sent ' "$T/$label.out")
	[ "$rc" -eq 0 ] || { echo "bench: $label: exit $rc"; tail -5 "$T/$label.out"; exit 1; }
}
rate() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.1f", $1 / $2; else print "-" }'; }

R=$T/repo
mkdir -p "$R/deals"
cd "$R" || exit 2
git init -q . && git config user.name Bench && git config user.email bench@vendor.example
i=0
while [ $i -lt "$N" ]; do
	sed -e "s/^deal: nordlicht-energie/deal: bench-$i/" -e 's/^signed: .*/signed: 2026-12-01/' \
	    -e '/^## CS review/,$d' "$ROOT/examples/deals/nordlicht-energie.md" > "deals/bench-$i.md"
	i=$((i + 1))
done
GIT_AUTHOR_DATE=2026-12-01T10:00:00Z GIT_COMMITTER_DATE=2026-12-01T10:00:00Z \
    git add . && GIT_AUTHOR_DATE=2026-12-01T10:00:00Z GIT_COMMITTER_DATE=2026-12-01T10:00:00Z git commit -qm deals

server plain "$T/m-plain"
printf 'send:\n  smtp: smtp://127.0.0.1:%s\n  tls: none\n' "$PORT" > handoff.yml
timed render --dry-run
msgs=$(grep -c '^would send ' "$T/render.out")
rsecs=$secs
timed plain
psecs=$secs; psent=$sent
timed rerun
resecs=$secs
[ "$sent" -eq 0 ] || { echo "bench: the rerun sent $sent"; exit 1; }

(cd "$T" && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=bench CA" >/dev/null 2>&1 &&
	openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" >/dev/null 2>&1 &&
	printf 'subjectAltName=IP:127.0.0.1\n' > san.ext &&
	openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext >/dev/null 2>&1)
server good "$T/m-tls" "$T/server.pem" "$T/server.key" bench pw
printf 'send:\n  smtp: smtp://127.0.0.1:%s\n  ca: %s\n' "$PORT" "$T/ca.pem" > handoff.yml
git update-ref -d refs/handoff/sent
HANDOFF_SMTP_USER=bench HANDOFF_SMTP_PASSWORD=pw timed tls
tsecs=$secs; tsent=$sent

echo "send: $N deals, $msgs messages ($(nproc) cores, $(uname -m))"
printf '  render only (--dry-run)     %8.3f s  %6s msg/s\n' "$rsecs" "$(rate "$msgs" "$rsecs")"
printf '  send, SMTP without TLS      %8.3f s  %6s msg/s  (%d sent)\n' "$psecs" "$(rate "$psent" "$psecs")" "$psent"
printf '  rerun, all sent before      %8.3f s\n' "$resecs"
printf '  send, STARTTLS + AUTH PLAIN %8.3f s  %6s msg/s  (%d sent)\n' "$tsecs" "$(rate "$tsent" "$tsecs")" "$tsent"
printf '  ledger commits              %8d\n' "$(git rev-list --count refs/handoff/sent)"
