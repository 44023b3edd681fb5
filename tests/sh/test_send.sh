#!/bin/sh
# test_send.sh: 'handoff send' over SMTP with STARTTLS and AUTH to an
# aiosmtpd server on 127.0.0.1 whose certificate a test CA signed: what
# goes where, parsed with Python's email module; a rerun sends nothing;
# a bad password, an untrusted certificate, a server without STARTTLS and
# 'tls: none' for a real host are each an error with exit 1.
. "$(dirname "$0")/git_lib.sh"
. "$(dirname "$0")/send_lib.sh"
make_certs "$T"
start_smtp good "$T/mail" "$T/server.pem" "$T/server.key" robot s3cret
GOOD=$PORT
R=$T/repo; make_repo "$R"; cd "$R"
send_cfg "$R" "smtp://127.0.0.1:$PORT" "  ca: $T/ca.pem
"
export HANDOFF_SMTP_USER=robot HANDOFF_SMTP_PASSWORD=s3cret

out=$(timeout 60 "$H" send --dry-run 2>&1); rc=$?
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q 'would send acme/signed/.*/mail: notice to sam.okafor@vendor.example via smtp://127.0.0.1' &&
    printf '%s\n' "$out" | grep -q 'would send beta/rejected/.*/mail: rejection to zoe.mueller@vendor.example' &&
    [ -z "$(ls "$T/mail")" ] && ! git rev-parse -q --verify refs/handoff/sent >/dev/null; then
	ok send-dry-run
else no send-dry-run "rc=$rc" "$out"; fi

out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(ls "$T/mail"/*.eml | wc -l)" -eq 4 ]; then ok send-smtp-starttls-auth
else no send-smtp-starttls-auth "rc=$rc" "$out" "$(cat "$T/smtp.err")"; fi

if $PY - "$T/mail" <<'PY'
import email, email.policy, glob, sys
msgs = {}
for p in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    m = email.message_from_bytes(open(p, "rb").read(), policy=email.policy.default)
    rcpt = open(p[:-4] + ".rcpt").read().split("\n")
    assert m["X-Unsent"] is None, p
    assert m["Message-ID"] and m["Date"], p
    kind = m["Message-ID"].strip("<>").split(".")[1]
    msgs.setdefault(kind, []).append((m, rcpt))
assert sorted(msgs) == ["notice", "rejection", "reminder"], msgs.keys()
assert len(msgs["notice"]) == 2
msgs = {k: v[0] for k, v in msgs.items()}
n, r = msgs["notice"]
assert n["To"].addresses[0].addr_spec == "sam.okafor@vendor.example"
assert "sam.okafor@vendor.example" in r[1:]
assert any(p.get_content_type() == "application/pdf" for p in n.walk())
rem, r = msgs["reminder"]
assert rem["To"].addresses[0].addr_spec == "zoe.mueller@vendor.example", rem["To"]
assert "due by 2026-12-03" in rem["Subject"], rem["Subject"]
body = rem.get_body(("plain",)).get_content()
assert "2026-12-03" in body and "% complete" in body
# the deadline is the team's (deadline_business_days), never a count the
# template assumes ("two business days after the signature")
assert "business days after" not in body and "(signed on 2026-12-01)" in body, body
rej, r = msgs["rejection"]
assert "missing-context" in rej["Subject"]
b = rej.get_body(("plain",)).get_content()
assert "No budget owner <named> & more." in b, b
PY
then ok send-messages-parse; else no send-messages-parse; fi

out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(ls "$T/mail"/*.eml | wc -l)" -eq 4 ] && printf '%s\n' "$out" | grep -q '0 sent, 4 sent before'; then ok send-rerun-sends-nothing
else no send-rerun-sends-nothing "rc=$rc" "$out"; fi
if git show refs/handoff/sent:sent | grep -c '	sent	1	' | grep -qx 4 && git log --oneline refs/handoff/sent | grep -q 'pending'; then ok send-ledger-in-git
else no send-ledger-in-git "$(git show refs/handoff/sent:sent)"; fi

# The ledger is read before anything is rendered: with every message sent,
# a template that would now fail to render (a header injection) is never
# reached, so the rerun still sends nothing and exits 0.
mkdir -p templates
printf '{{! audience: internal }}\nRejected: {{deal.client}}\nBcc: attacker@evil.example\n' > templates/rejection.subject.mustache
out=$(timeout 60 "$H" send 2>&1); rc=$?
dry=$(timeout 60 "$H" send --dry-run 2>&1)
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q '0 sent, 4 sent before' && ! printf '%s\n' "$out" | grep -q 'header-injection' &&
    printf '%s\n' "$dry" | grep -q '^nothing to send' && printf '%s\n' "$dry" | grep -q '^4 sent before'; then ok send-rerun-renders-nothing
else no send-rerun-renders-nothing "rc=$rc" "$out" "$dry"; fi
rm -r templates

# A fresh clone has no ledger: each failure below must leave its messages unsent.
fresh() { cd "$T"; rm -rf "$T/c"; git clone -q "$R" "$T/c"; cp "$R/handoff.yml" "$T/c/"; cd "$T/c"; }
fresh
out=$(HANDOFF_SMTP_PASSWORD=wrong timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -qi 'login\|auth' && [ "$(ls "$T/mail"/*.eml | wc -l)" -eq 4 ]; then ok send-bad-password
else no send-bad-password "rc=$rc" "$out"; fi
fresh; send_cfg "$T/c" "smtp://127.0.0.1:$PORT"
out=$(timeout 60 "$H" send 2>&1); rc=$?
# A certificate failure is the server's as a whole: the first message
# fails, the other three are not tried (nor claimed) in this run.
if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -qi 'certificate\|SSL' && [ "$(ls "$T/mail"/*.eml | wc -l)" -eq 4 ] &&
    printf '%s\n' "$out" | grep -q '3 messages not tried, left for the next run' &&
    [ "$(git show refs/handoff/sent:sent | wc -l)" -eq 1 ]; then ok send-untrusted-cert
else no send-untrusted-cert "rc=$rc" "$out"; fi
# The failed one backs off: right away it is not tried (75, try later),
# the three untried ones go ...
out=$(HANDOFF_SMTP_CA=$T/ca.pem timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 75 ] && printf '%s\n' "$out" | grep -q 'retrying after 2026-12-02 09:05 UTC' &&
    [ "$(ls "$T/mail"/*.eml | wc -l)" -eq 7 ]; then ok send-backoff
else no send-backoff "rc=$rc" "$out"; fi
# ... and six minutes later it goes too: the CA from the environment works as send.ca does.
out=$(SOURCE_DATE_EPOCH=$(date -d '2026-12-02 09:06Z' +%s) HANDOFF_SMTP_CA=$T/ca.pem timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(ls "$T/mail"/*.eml | wc -l)" -eq 8 ]; then ok send-ca-from-env
else no send-ca-from-env "rc=$rc" "$out"; fi

start_smtp notls "$T/mail2"
fresh; send_cfg "$T/c" "smtp://127.0.0.1:$PORT"
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && [ -z "$(ls "$T/mail2")" ]; then ok send-starttls-required
else no send-starttls-required "rc=$rc" "$out"; fi
send_cfg "$T/c" "smtp://mail.example.com:587" "  tls: none
"
out=$(timeout 60 "$H" send --dry-run 2>&1); rc=$?
if [ $rc -ne 0 ] && printf '%s\n' "$out" | grep -q "handoff.yml:3.*loopback"; then ok send-tls-none-only-loopback
else no send-tls-none-only-loopback "rc=$rc" "$out"; fi

# Header injection stays impossible in the new templates: a team's
# rejection subject that would put a line break (and a Bcc) into the
# header is refused with the rule, and nothing of it is sent.
fresh; send_cfg "$T/c" "smtp://127.0.0.1:$GOOD" "  ca: $T/ca.pem
"
mkdir -p templates
printf '{{! audience: internal }}\nRejected: {{deal.client}}\nBcc: attacker@evil.example\n' > templates/rejection.subject.mustache
before=$(ls "$T/mail"/*.eml | wc -l)
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -q 'header-injection' &&
    ! grep -l 'attacker@evil' "$T/mail"/*.eml >/dev/null 2>&1 &&
    [ "$(ls "$T/mail"/*.eml | wc -l)" -eq $((before + 3)) ]; then ok send-header-injection-refused
else no send-header-injection-refused "rc=$rc" "$out"; fi
