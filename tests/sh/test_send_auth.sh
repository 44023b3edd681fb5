#!/bin/sh
# test_send_auth.sh: 'handoff send' over smtps:// (TLS from the first
# byte, port 465 style) to aiosmtpd servers on 127.0.0.1 that log which
# AUTH mechanism was used with which secret: PLAIN and LOGIN with the
# password from HANDOFF_SMTP_PASSWORD, XOAUTH2 with the token from
# HANDOFF_SMTP_BEARER (the server checks the exact SASL payload), the
# login and password from ~/.netrc (mode 600; one others can read is
# refused).  A certificate that does not verify (unknown CA, wrong host
# name) is exit 1 with nothing sent; a password in handoff.yml is refused
# with the line and without echoing it.
. "$(dirname "$0")/git_lib.sh"
. "$(dirname "$0")/send_lib.sh"
make_certs "$T"
R=$T/repo; make_repo "$R"; cd "$R"
count() { ls "$1"/*.eml 2>/dev/null | wc -l; }
fresh() { git update-ref -d refs/handoff/sent 2>/dev/null; }
cfg() { send_cfg "$R" "smtps://127.0.0.1:$1" "  ca: ${2:-$T/ca.pem}
"; }
# mechs LOG: the distinct 'MECH LOGIN SECRET' lines of an auth.log.
mechs() { sort -u "$1" 2>/dev/null | tr '\n' ';'; }

# PLAIN and LOGIN offered: libcurl takes PLAIN; the secret is the environment's.
start_smtp smtps "$T/m-both" "$T/server.pem" "$T/server.key" robot env-pw-1 LOGIN,PLAIN
fresh; cfg "$PORT"
out=$(HANDOFF_SMTP_USER=robot HANDOFF_SMTP_PASSWORD=env-pw-1 timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(count "$T/m-both")" -eq 4 ] && [ "$(mechs "$T/m-both/auth.log")" = "PLAIN robot env-pw-1;" ]; then ok send-smtps-plain
else no send-smtps-plain "rc=$rc" "$out" "$(mechs "$T/m-both/auth.log")" "$(tail -3 "$T/smtp.err")"; fi

# Only LOGIN offered: AUTH LOGIN.
start_smtp smtps "$T/m-login" "$T/server.pem" "$T/server.key" robot env-pw-2 LOGIN
fresh; cfg "$PORT"
out=$(HANDOFF_SMTP_USER=robot HANDOFF_SMTP_PASSWORD=env-pw-2 timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(count "$T/m-login")" -eq 4 ] && [ "$(mechs "$T/m-login/auth.log")" = "LOGIN robot env-pw-2;" ]; then ok send-smtps-login
else no send-smtps-login "rc=$rc" "$out" "$(mechs "$T/m-login/auth.log")"; fi
LOGIN_PORT=$PORT

# A wrong password: exit 1, the reason printed, nothing sent, and one
# failed login only (the rest are not tried: no lock-out for the account).
fresh
out=$(HANDOFF_SMTP_USER=robot HANDOFF_SMTP_PASSWORD=wrong timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && [ "$(count "$T/m-login")" -eq 4 ] && printf '%s\n' "$out" | grep -qi 'login denied' &&
    [ "$(grep -c '^FAILED-LOGIN robot' "$T/m-login/auth.log")" -eq 1 ] &&
    printf '%s\n' "$out" | grep -q '3 messages not tried'; then ok send-smtps-wrong-password
else no send-smtps-wrong-password "rc=$rc" "$out" "$(cat "$T/m-login/auth.log")"; fi

# XOAUTH2: the token from HANDOFF_SMTP_BEARER, user=robot in the payload.
start_smtp smtps "$T/m-oauth" "$T/server.pem" "$T/server.key" robot tok-3.xyz XOAUTH2
fresh; cfg "$PORT"
out=$(HANDOFF_SMTP_USER=robot HANDOFF_SMTP_BEARER=tok-3.xyz timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(count "$T/m-oauth")" -eq 4 ] && [ "$(mechs "$T/m-oauth/auth.log")" = "XOAUTH2 robot tok-3.xyz;" ]; then ok send-smtps-xoauth2
else no send-smtps-xoauth2 "rc=$rc" "$out" "$(mechs "$T/m-oauth/auth.log")" "$(tail -3 "$T/smtp.err")"; fi
fresh
out=$(HANDOFF_SMTP_USER=robot HANDOFF_SMTP_BEARER=expired timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && [ "$(count "$T/m-oauth")" -eq 4 ] && printf '%s\n' "$out" | grep -q 'fix this'; then ok send-xoauth2-bad-token
else no send-xoauth2-bad-token "rc=$rc" "$out"; fi
# A token without the account it is for: a clear error, said once, before
# any connection, the ledger untouched; --dry-run says it too.
fresh
out=$(HANDOFF_SMTP_BEARER=tok-3.xyz timeout 60 "$H" send 2>&1); rc=$?
dry=$(HANDOFF_SMTP_BEARER=tok-3.xyz timeout 60 "$H" send --dry-run 2>&1); drc=$?
if [ $rc -eq 1 ] && [ "$(printf '%s\n' "$out" | grep -c 'HANDOFF_SMTP_BEARER is set but HANDOFF_SMTP_USER is not')" -eq 1 ] &&
    ! git rev-parse -q --verify refs/handoff/sent >/dev/null && [ "$(count "$T/m-oauth")" -eq 4 ] &&
    [ $drc -eq 1 ] && printf '%s\n' "$dry" | grep -q 'HANDOFF_SMTP_BEARER is set'; then ok send-bearer-needs-user
else no send-bearer-needs-user "rc=$rc drc=$drc" "$out" "$dry"; fi

# ~/.netrc (HOME is $T/home): login and password for the host, nothing in the environment.
start_smtp smtps "$T/m-netrc" "$T/server.pem" "$T/server.key" netrc-user netrc-pw-4 LOGIN,PLAIN
fresh; cfg "$PORT"
printf 'machine 127.0.0.1\n  login netrc-user\n  password netrc-pw-4\n' > "$HOME/.netrc"
chmod 600 "$HOME/.netrc"
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(count "$T/m-netrc")" -eq 4 ] && [ "$(mechs "$T/m-netrc/auth.log")" = "PLAIN netrc-user netrc-pw-4;" ]; then ok send-netrc
else no send-netrc "rc=$rc" "$out" "$(mechs "$T/m-netrc/auth.log")"; fi
chmod 644 "$HOME/.netrc"; fresh
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && [ "$(count "$T/m-netrc")" -eq 4 ] && printf '%s\n' "$out" | grep -q '\.netrc can be read by others.*chmod 600'; then ok send-netrc-readable-refused
else no send-netrc-readable-refused "rc=$rc" "$out"; fi
# A user without a password: libcurl would then not read ~/.netrc, so
# it is an error that says what to do, before any connection.
chmod 600 "$HOME/.netrc"; fresh
out=$(HANDOFF_SMTP_USER=netrc-user timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && [ "$(count "$T/m-netrc")" -eq 4 ] && printf '%s\n' "$out" | grep -q 'HANDOFF_SMTP_USER is set without HANDOFF_SMTP_PASSWORD or HANDOFF_SMTP_BEARER'; then ok send-user-without-password
else no send-user-without-password "rc=$rc" "$out"; fi
rm -f "$HOME/.netrc"

# Certificates that do not verify: a CA nobody trusts, a name that is not the host's.
fresh; send_cfg "$R" "smtps://127.0.0.1:$LOGIN_PORT"
out=$(HANDOFF_SMTP_USER=robot HANDOFF_SMTP_PASSWORD=env-pw-2 timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && [ "$(count "$T/m-login")" -eq 4 ] && printf '%s\n' "$out" | grep -qi 'certificate\|SSL'; then ok send-smtps-untrusted-cert
else no send-smtps-untrusted-cert "rc=$rc" "$out"; fi
(cd "$T" && openssl req -newkey rsa:2048 -nodes -keyout other.key -out other.csr -subj "/CN=mail.other.example" >/dev/null 2>&1 &&
	printf 'subjectAltName=DNS:mail.other.example\n' > other.ext &&
	openssl x509 -req -in other.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out other.pem -days 2 -extfile other.ext >/dev/null 2>&1)
start_smtp smtps "$T/m-name" "$T/other.pem" "$T/other.key" robot env-pw-5 LOGIN,PLAIN
fresh; cfg "$PORT"
out=$(HANDOFF_SMTP_USER=robot HANDOFF_SMTP_PASSWORD=env-pw-5 timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && [ "$(count "$T/m-name")" -eq 0 ] && printf '%s\n' "$out" | grep -qi 'certificate\|SSL\|name'; then ok send-smtps-wrong-host-name
else no send-smtps-wrong-host-name "rc=$rc" "$out"; fi

# Never from handoff.yml: a password key, or one inside the URL, is refused
# with its line, the secret not repeated, nothing sent.
fresh
printf 'send:\n  smtp: smtps://127.0.0.1:%s\n  ca: %s\n  password: env-pw-2\n' "$LOGIN_PORT" "$T/ca.pem" > handoff.yml
out=$(HANDOFF_SMTP_USER=robot timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -q 'handoff.yml:4:3: .*holds no secrets; set HANDOFF_SMTP_PASSWORD' &&
    ! printf '%s\n' "$out" | grep -q 'env-pw-2' && [ "$(count "$T/m-login")" -eq 4 ]; then ok send-password-in-config-refused
else no send-password-in-config-refused "rc=$rc" "$out"; fi
printf 'send:\n  smtp: smtps://robot:env-pw-2@127.0.0.1:%s\n  ca: %s\n' "$LOGIN_PORT" "$T/ca.pem" > handoff.yml
out=$(timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -q 'handoff.yml:2:.*password in the URL' &&
    ! printf '%s\n' "$out" | grep -q 'env-pw-2' && [ "$(count "$T/m-login")" -eq 4 ]; then ok send-password-in-url-refused
else no send-password-in-url-refused "rc=$rc" "$out"; fi
