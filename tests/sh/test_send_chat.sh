#!/bin/sh
# test_send_chat.sh: Slack and Teams notes through an HTTP server on
# 127.0.0.1 standing in for the webhooks: Slack {"text","blocks"} with
# &<> escaped, Teams an Adaptive Card 1.4; a channel marked shared never
# gets an internal field; a non-2xx answer fails with the service's
# error word (400: fix, 503: try later); each note goes once.
. "$(dirname "$0")/git_lib.sh"
. "$(dirname "$0")/send_lib.sh"
R=$T/repo; make_repo "$R"; cd "$R"
mkdir -p "$T/hooks"; rm -f "$T/wport"
timeout 120 $PY "$HERE/webhook_server.py" "$T/wport" "$T/hooks" 2>"$T/web.err" &
PIDS="$PIDS $!"
i=0; while [ ! -s "$T/wport" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
W=http://127.0.0.1:$(cat "$T/wport")
mkdir -p "$T/sm"
cfg() { printf 'send:\n  sendmail: cat > %s/$$.eml\n  slack_webhook_env: TEST_SLACK\n  teams_webhook_env: TEST_TEAMS\n%s' "$T/sm" "${1:-}" > handoff.yml; }
cfg
out=$(TEST_SLACK=$W/slack TEST_TEAMS=$W/teams timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && $PY - "$T/hooks" <<'PY'
import glob, json, sys
slack, teams = [], []
for p in glob.glob(sys.argv[1] + "/*.json"):
    path, body = open(p).read().split("\n", 1)
    (slack if path == "/slack" else teams).append(json.loads(body))
assert len(slack) == 4 and len(teams) == 4, (len(slack), len(teams))
rej = [s for s in slack if s["text"].startswith("Handoff rejected")][0]
assert set(rej) == {"text", "blocks"}
assert "No budget owner &lt;named&gt; &amp; more." in rej["text"], rej["text"]
assert rej["blocks"][0]["type"] == "section" and "&lt;named&gt;" in rej["blocks"][0]["text"]["text"]
for t in teams:
    c = t["attachments"][0]
    assert t["type"] == "message" and c["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert c["content"]["type"] == "AdaptiveCard" and c["content"]["version"] == "1.4"
trej = [t for t in teams if t["attachments"][0]["content"]["body"][0]["text"].startswith("Handoff rejected")][0]
assert any("No budget owner <named> & more." in b["text"] for b in trej["attachments"][0]["content"]["body"])
PY
then ok send-chat-slack-teams; else no send-chat-slack-teams "rc=$rc" "$out"; fi
out=$(TEST_SLACK=$W/slack TEST_TEAMS=$W/teams timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(ls "$T/hooks"/*.json | wc -l)" -eq 8 ]; then ok send-chat-once; else no send-chat-once "rc=$rc" "$out"; fi

# A shared channel: no completeness, no rejection reason (internal fields).
git update-ref -d refs/handoff/sent; rm -f "$T/hooks"/*.json
cfg "  shared: [slack]
"
out=$(TEST_SLACK=$W/slack TEST_TEAMS=$W/teams timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 0 ] && ! grep -l '^/slack' "$T/hooks"/*.json | xargs grep -l 'complete\|budget\|missing-context' >/dev/null &&
    grep -l '^/slack' "$T/hooks"/*.json | xargs grep -l 'Handoff rejected' >/dev/null &&
    grep -l '^/teams' "$T/hooks"/*.json | xargs grep -l 'missing-context' >/dev/null; then ok send-chat-shared-no-internal
else no send-chat-shared-no-internal "rc=$rc" "$out"; fi

# Slack says invalid_payload (400): fix; a 503: try later.  Both stay unsent.
git update-ref -d refs/handoff/sent
cfg
out=$(TEST_SLACK=$W/slack-bad TEST_TEAMS=$W/teams timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -q 'Slack answered 400: invalid_payload' &&
    ! git show refs/handoff/sent:sent | grep -q 'slack	sent'; then ok send-chat-slack-error-word
else no send-chat-slack-error-word "rc=$rc" "$out"; fi
git update-ref -d refs/handoff/sent
out=$(TEST_SLACK=$W/busy TEST_TEAMS=$W/teams timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 75 ] && printf '%s\n' "$out" | grep -q 'Slack answered 503'; then ok send-chat-503-later
else no send-chat-503-later "rc=$rc" "$out"; fi
# The webhook variable unset: a message to fix, nothing claimed.
git update-ref -d refs/handoff/sent
out=$(TEST_TEAMS=$W/teams timeout 60 "$H" send 2>&1); rc=$?
if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -q 'slack_webhook_env'; then ok send-chat-env-missing
else no send-chat-env-missing "rc=$rc" "$out"; fi
