#!/bin/sh
# test_web_serve.sh: 'handoff serve': listens on 127.0.0.1 (a random
# free port), the pages in headless Chromium (every deal listed, overdue
# marked, sorting/filtering, no console error, no request but the page's
# own origin), check's diagnostics with their lines on a failing deal's
# page, a deal edited while its page is open changes the page by itself;
# traversal (raw and encoded) 404, GET only, a 1 MB request line, 200
# concurrent connections; --bind elsewhere warns; SIGTERM and SIGINT stop
# it cleanly.  Bounded in time; the server is killed on exit.
# $1: the handoff binary; cwd: the repo root.
H=$1
ROOT=$(pwd)
PY=/usr/bin/python3
T=$(mktemp -d)
SPID=
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT INT TERM
export HANDOFF_TODAY=2026-12-02 SOURCE_DATE_EPOCH=1795510800
OUT=$ROOT/tests/out
mkdir -p "$OUT"

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
ok() { if [ "$2" = 0 ]; then pass "$1"; else fail "$1" "$3"; fi; }

free_port() {
	$PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
# start the server on a free port; waits until it answers
start() {
	PORT=$(free_port)
	timeout 300 "$H" serve --port "$PORT" "$@" >"$T/sout" 2>"$T/serr" &
	SPID=$!
	i=0
	while [ $i -lt 50 ]; do
		curl -s -o /dev/null "http://127.0.0.1:$PORT/_version" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
stop() {
	kill -"$1" "$SPID" 2>/dev/null
	i=0
	while kill -0 "$SPID" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	wait "$SPID"
	rc=$?
	SPID=
	return $rc
}

. "$ROOT/tests/sh/web_fixtures.sh"
web_fixtures "$T/repo"
cd "$T/repo" || exit 1
"$H" build >/dev/null 2>&1

start
ok serve-starts $? "$(cat "$T/serr")"
grep -q "^serving http://127.0.0.1:$PORT/" "$T/sout" && [ ! -s "$T/serr" ] &&
    ss -ltn 2>/dev/null | grep -q "127.0.0.1:$PORT "
ok serve-loopback-default $? "$(cat "$T/sout" "$T/serr")"

timeout 180 $PY "$ROOT/tests/sh/web_http.py" "$PORT"

# curl --path-as-is too: raw and encoded
r=0
for p in '/../handoff.yml' '/%2e%2e/handoff.yml' '/nordlicht-energie/%2e%2e/%2e%2e/handoff.yml'; do
	c=$(curl -s --path-as-is -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$p")
	[ "$c" = 404 ] || { r=1; echo "$p $c" >>"$T/tr"; }
done
ok serve-curl-path-as-is-404 $r "$(cat "$T/tr" 2>/dev/null)"

# check's diagnostics, with their lines, on the page of a failing deal
curl -s "http://127.0.0.1:$PORT/late-deal/" >"$T/late.html"
grep -q 'What check says' "$T/late.html" &&
    grep -Eq 'deals/late-deal.md(:[0-9]+)?: error: ' "$T/late.html"
ok serve-diagnostics-on-page $? "$(grep -o 'late-deal.md[^<]*' "$T/late.html" | head -3)"

timeout 120 $PY "$ROOT/tests/sh/web_browser.py" validate "$T/late.html"
timeout 120 $PY "$ROOT/tests/sh/web_browser.py" index "http://127.0.0.1:$PORT/" \
    "$OUT/serve-index" nordlicht-energie harbourview-clinics brightpath-learning \
    corner-bakery late-deal rejected-deal soon-deal --overdue late-deal \
    --overdue corner-bakery --rejected rejected-deal
timeout 120 $PY "$ROOT/tests/sh/web_browser.py" page \
    "http://127.0.0.1:$PORT/late-deal/" "$OUT/serve-late-deal" \
    'What check says' 'Late Deal Logistik' 'Internal'
# edited while open: the page changes by itself
timeout 120 $PY "$ROOT/tests/sh/web_browser.py" live \
    "http://127.0.0.1:$PORT/nordlicht-energie/" "$T/repo/deals/nordlicht-energie.md" \
    'Field technicians log maintenance on paper' 'Field crews now write it all on paper'

stop TERM
rc=$?
[ $rc = 0 ] && grep -q '^stopped' "$T/sout"
ok serve-sigterm-clean $? "exit $rc"

start
stop INT
rc=$?
[ $rc = 0 ] && grep -q '^stopped' "$T/sout"
ok serve-sigint-clean $? "exit $rc"

start --bind 0.0.0.0
grep -q 'warning: serving on 0.0.0.0' "$T/serr"
ok serve-bind-warns $? "$(cat "$T/serr")"
stop TERM >/dev/null

"$H" serve --bind not-an-address --port 1 >/dev/null 2>"$T/e"
rc=$?
[ $rc = 2 ] && grep -q 'not an IPv4 address' "$T/e"
ok serve-bad-bind $? "exit $rc $(cat "$T/e")"
"$H" serve --port 99999 >/dev/null 2>&1
ok serve-bad-port $([ $? = 2 ] && echo 0 || echo 1)
exit 0
