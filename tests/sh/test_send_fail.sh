#!/bin/sh
# test_send_fail.sh: a server that answers 421, drops the connection
# mid-DATA or stalls leaves the messages pending with exit 75 and the
# reason printed; the next run retries after the backoff the ledger
# records.  Two senders at once send each message once; a sender killed
# with -9 mid-send leaves at most one duplicate and a rerun after that
# sends nothing.  Plain SMTP ('tls: none', loopback only) to keep the
# failure servers simple; TLS is test_send.sh's part.
. "$(dirname "$0")/git_lib.sh"
. "$(dirname "$0")/send_lib.sh"
R=$T/repo; make_repo "$R"; cd "$R"
count() { ls "$1"/*.eml 2>/dev/null | wc -l; }
later() { SOURCE_DATE_EPOCH=$(date -d "2026-12-02 $1Z" +%s); export SOURCE_DATE_EPOCH; }
nolater() { unset SOURCE_DATE_EPOCH; }

for mode in 421 drop stall; do
	start_smtp $mode "$T/m-$mode"
	send_cfg "$R" "smtp://127.0.0.1:$PORT" "  tls: none
"
	t0=$(date +%s)
	out=$(HANDOFF_SEND_TIMEOUT=2 timeout 60 "$H" send 2>&1); rc=$?
	t1=$(date +%s)
	st=$(git show refs/handoff/sent:sent 2>/dev/null)
	if [ $rc -eq 75 ] && [ "$(count "$T/m-$mode")" -eq 0 ] &&
	    printf '%s\n' "$out" | grep -q 'try later; attempt 1' &&
	    ! printf '%s\n' "$st" | grep -q '	sent	' && [ $((t1 - t0)) -lt 30 ]; then
		ok "send-$mode-stays-pending"
	else no "send-$mode-stays-pending" "rc=$rc" "$out" "$st"; fi
	# A server that stalls costs one timeout, not one per message.
	if [ $mode = stall ]; then
		if printf '%s\n' "$out" | grep -q '3 messages not tried, left for the next run' &&
		    [ "$(printf '%s\n' "$st" | wc -l)" -eq 1 ] && [ $((t1 - t0)) -lt 8 ]; then ok send-stall-one-timeout
		else no send-stall-one-timeout "$out" "$st" "$((t1 - t0)) s"; fi
	fi
	stop_servers
	git update-ref -d refs/handoff/sent
done
# Each failure mode above said why.
start_smtp 421 "$T/m-421b"; send_cfg "$R" "smtp://127.0.0.1:$PORT" "  tls: none
"
out=$(timeout 60 "$H" send 2>&1)
if printf '%s\n' "$out" | grep -q '421'; then ok send-421-reason; else no send-421-reason "$out"; fi
# Retry: before the backoff ends nothing is tried; after it, a good server gets each message once.
stop_servers; start_smtp plain "$T/m-ok"; send_cfg "$R" "smtp://127.0.0.1:$PORT" "  tls: none
"
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 75 ] && [ "$(count "$T/m-ok")" -eq 0 ] && printf '%s\n' "$out" | grep -q 'retrying after 2026-12-02 09:05'; then ok send-backoff-waits
else no send-backoff-waits "rc=$rc" "$out"; fi
later 09:06
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(count "$T/m-ok")" -eq 4 ] && git show refs/handoff/sent:sent | grep -q '	sent	2	'; then ok send-retry-after-backoff
else no send-retry-after-backoff "rc=$rc" "$out"; fi
nolater
# sendmail: exit 75 is try later, 0 is sent.
git update-ref -d refs/handoff/sent
printf 'send:\n  sendmail: exit 75\n' > handoff.yml
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 75 ] && printf '%s\n' "$out" | grep -q 'exit 75'; then ok send-sendmail-75; else no send-sendmail-75 "rc=$rc" "$out"; fi
git update-ref -d refs/handoff/sent
mkdir -p "$T/sm"
printf 'send:\n  sendmail: cat > %s/$$.eml\n' "$T/sm" > handoff.yml
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(count "$T/sm")" -eq 4 ] && grep -l '^To: .*sam.okafor@vendor.example' "$T/sm"/*.eml >/dev/null; then ok send-sendmail
else no send-sendmail "rc=$rc" "$out"; fi

# Two senders at once, on one repository: each message once.
stop_servers; start_smtp plain "$T/m-two"; send_cfg "$R" "smtp://127.0.0.1:$PORT" "  tls: none
"
git update-ref -d refs/handoff/sent
( timeout 60 "$H" send > "$T/a.out" 2>&1; echo $? > "$T/a.rc" ) &
a=$!
( timeout 60 "$H" send > "$T/b.out" 2>&1; echo $? > "$T/b.rc" ) &
b=$!
wait $a $b
ids=$($PY -c '
import email,glob,sys
ids=[email.message_from_bytes(open(p,"rb").read())["Message-ID"] for p in glob.glob(sys.argv[1]+"/*.eml")]
print(len(ids), len(set(ids)))' "$T/m-two")
if [ "$ids" = "4 4" ] && [ "$(git show refs/handoff/sent:sent | grep -c '	sent	')" -eq 4 ]; then ok send-two-senders-once
else no send-two-senders-once "ids=$ids" "$(cat "$T/a.out" "$T/b.out")"; fi

# kill -9 mid-send: the server stalls after DATA; the sender dies; the
# rerun (to a good server) sends the stuck message once more at most, then nothing.
stop_servers; start_smtp stall "$T/m-stall"; send_cfg "$R" "smtp://127.0.0.1:$PORT" "  tls: none
"
git update-ref -d refs/handoff/sent
HANDOFF_SEND_TIMEOUT=30 "$H" send > "$T/k.out" 2>&1 &
k=$!
i=0; while ! git show refs/handoff/sent:sent 2>/dev/null | grep -q pending && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
sleep 0.3
kill -9 $k 2>/dev/null; wait $k 2>/dev/null
pend=$(git show refs/handoff/sent:sent | grep -c '	pending	')
stop_servers; start_smtp plain "$T/m-after"; send_cfg "$R" "smtp://127.0.0.1:$PORT" "  tls: none
"
out=$(timeout 60 "$H" send 2>&1); rc=$?
out2=$(timeout 60 "$H" send 2>&1); rc2=$?
if [ "$pend" -eq 1 ] && [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q '^resend' &&
    [ "$(count "$T/m-after")" -eq 4 ] && [ $rc2 -eq 0 ] && [ "$(count "$T/m-after")" -eq 4 ] &&
    printf '%s\n' "$out2" | grep -q '0 sent, 4 sent before'; then ok send-kill-9-rerun
else no send-kill-9-rerun "pending=$pend rc=$rc rc2=$rc2" "$out" "$out2"; fi
