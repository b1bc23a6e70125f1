#!/bin/bash
# The work queue's own check for handoffs (queue_check_seconds) draws
# nothing when nothing changed: in a pseudo-terminal (tests/bench/
# bytes_per_key.c, built as $BUILD/tests/pty_bytes) the client on the home
# screen writes 0 bytes in 3.5 s while it asks the server at least twice,
# and then, once a colleague hands an inquiry to this window, the next
# check draws it without a key.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

PTY=${BUILD:-build}/tests/pty_bytes
server_start
tap $? "wincased starts"
[ -x "$PTY" ] || { echo "# no $PTY"; tap 1 "the pty harness is built"; tap_done; exit; }
CONF="$E2E_TMP/wincase-check.conf"
sed 's/^; queue_check_seconds = .*/queue_check_seconds = 1/' \
	"$WINCASE_CONF/wincase.conf" >"$CONF"
grep -q '^queue_check_seconds = 1' "$CONF"
tap $? "a configuration checking every second"

cat >"$E2E_TMP/script" <<'KEYS'
settle
send clerk1\t
send demo-password-1
send \r\r
settle
quiet unchanged 3500
quiet changed 3000
KEYS
# The handoff to window 1 comes while the second quiet step runs.
(
	E2E_TIMEOUT=60 poll grep -q 'unchanged:' "$E2E_TMP/pty.out" || exit 1
	token=$(api_token clerk2)
	id=$(curl -s -X POST -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' -H 'Idempotency-Key: quiet-1' \
		-d '{"applicant":{"name":"安静测试"},"channel":"counter","topic":"转来"}' \
		"$E2E_URL/v1/inquiries" | sed -n 's/^{"id":\([0-9]*\).*/\1/p')
	curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' -H 'If-Match: "1"' \
		-H 'Idempotency-Key: quiet-2' \
		-d '{"to_window":"1","reason":"属一号窗口"}' \
		"$E2E_URL/v1/inquiries/$id/handoffs"
) &
helper=$!
checks_before=$(grep -c 'GET /v1/inquiries 200' "$E2E_TMP/server.log")
env -u XDG_DATA_HOME HOME="$E2E_TMP" XDG_CONFIG_HOME="$E2E_TMP/config" \
	LC_ALL=C.UTF-8 TERM=xterm-256color \
	"$PTY" "$E2E_TMP/script" "$WINCASE_BIN" --config "$CONF" --server "$E2E_URL" \
	>"$E2E_TMP/pty.out" 2>&1
wait "$helper"
tap $? "the handoff was made while the client watched"
sed 's/^/# /' "$E2E_TMP/pty.out"
checks=$(($(grep -c 'GET /v1/inquiries 200' "$E2E_TMP/server.log") - checks_before))
echo "# the client listed the inquiries $checks times"
[ "$checks" -ge 4 ]
tap $? "the client asked the server on its own (login, then every second)"
grep -q '^unchanged: 0 bytes' "$E2E_TMP/pty.out"
tap $? "nothing changed: nothing was drawn"
bytes=$(sed -n 's/^changed: \([0-9]*\) bytes.*/\1/p' "$E2E_TMP/pty.out")
[ "${bytes:-0}" -gt 0 ]
tap $? "a handoff to this window came: it was drawn without a key ($bytes bytes)"

tap_done
