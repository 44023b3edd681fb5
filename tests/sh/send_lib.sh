# send_lib.sh: shared set-up for tests/sh/test_send*.sh (sourced after
# git_lib.sh): a team repo with deals whose events call for mail, a CA
# and a server certificate for 127.0.0.1 made with openssl, and SMTP /
# HTTP servers on 127.0.0.1 that are stopped at exit.
PY=/usr/bin/python3
HERE=$ROOT/tests/sh
PIDS=""
stop_servers() { for p in $PIDS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; PIDS=""; }
trap 'stop_servers; rm -rf "$T"' EXIT
unset HANDOFF_SMTP_USER HANDOFF_SMTP_PASSWORD HANDOFF_SMTP_BEARER HANDOFF_SMTP_CA
export HANDOFF_TODAY=2026-12-02 HANDOFF_SEND_TIMEOUT=5

# make_repo DIR: acme signed 2026-12-01 and incomplete (notice, reminder),
# beta rejected on 2026-11-19 (rejection) and accepted on 2026-11-20.
make_repo() {
	mkdir -p "$1/deals" && (cd "$1" && git init -q . &&
	at 2026-12-01T10:00:00Z &&
	deal_no_why acme | sed 's/^signed: .*/signed: 2026-12-01/' | sed '/^## CS review/,/^date:/d' > deals/acme.md &&
	git add . && git commit -qm acme &&
	at 2026-11-19T10:00:00Z &&
	deal_full beta | sed 's/^decision: accepted/decision: rejected\nreason: missing-context\ncomment: No budget owner <named> \& more./' > deals/beta.md &&
	git add . && git commit -qm rejected &&
	at 2026-11-20T10:00:00Z && deal_full beta > deals/beta.md && git commit -qam accepted)
}

# make_certs DIR: ca.pem, server.pem, server.key (SAN IP 127.0.0.1).
make_certs() {
	(cd "$1" &&
	openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=handoff test CA" >/dev/null 2>&1 &&
	openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" >/dev/null 2>&1 &&
	printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > san.ext &&
	openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext >/dev/null 2>&1)
}

# start_smtp MODE OUTDIR [ARGS]: sets PORT.
start_smtp() {
	m=$1; out=$2; shift 2
	mkdir -p "$out"; rm -f "$T/port"
	timeout 120 $PY "$HERE/smtp_server.py" "$m" "$T/port" "$out" "$@" 2>"$T/smtp.err" &
	PIDS="$PIDS $!"
	i=0; while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
	PORT=$(cat "$T/port")
}

# send_cfg DIR URL [EXTRA-LINE]: handoff.yml with a send block.
send_cfg() {
	printf 'send:\n  smtp: %s\n%s' "$2" "${3:-}" > "$1/handoff.yml"
}
