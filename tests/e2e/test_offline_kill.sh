#!/bin/bash
# Issue 12 fault test: the real client killed with kill -9 while it writes
# its journal, OFFLINE_KILLS (50) times. wincased is down; each round the
# clerk logs in offline, registers an inquiry (shown saved: 待同步 N), then
# submits another and is killed a random 0-29 ms after F2, inside or near
# the journal's write and fsync. Every next start opens the journal (no
# refusal), a torn last entry at most is dropped, and nothing shown saved
# is lost; at the end wincased returns and each journaled inquiry is on
# the server once, whole (no entry half-applied).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

KILLS=${OFFLINE_KILLS:-50}
CONF=$(fast_client_conf)
server_start
tap $? "wincased starts"
E2E_CLIENT_CONF=$CONF client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in online once (the offline login needs it)"
# Killed, not F10: F10 would end the session the offline login keeps.
kill -9 "$(client_pid)"
poll pane_dead
server_kill

# pending: N of the status line's 待同步 N ("" when not shown).
pending() { screen_text | head -1 | sed -n 's/.*待同步 \([0-9]*\).*/\1/p'; }
register() { # NAME
	keys F4
	wait_for "登记新咨询" || return 1
	type_text "$1"
	keys Tab Tab Tab Tab Tab Tab
	type_text "杀进程时登记"
	wait_for "杀进程时登记" || return 1
	keys F2
}

shown=0 opened=0 torn=0 refused=0 seq=0
for _ in $(seq 1 "$KILLS"); do
	E2E_CLIENT_CONF=$CONF client_start 80 24
	login clerk1 demo-password-1 || break
	[ "$shown" = 0 ] || wait_for "待同步" || break
	have=$(pending)
	have=${have:-0}
	# The journal opened: what was shown saved is all there (the entry
	# killed in the last round may or may not have made it).
	[ "$have" -ge "$shown" ] && [ "$have" -le $((shown + 1)) ] || break
	screen_has "无法用您的密钥打开" && refused=$((refused + 1))
	screen_has "最后一项未写完" && torn=$((torn + 1))
	opened=$((opened + 1))
	seq=$((seq + 1))
	register "$(printf '杀%03d' "$seq")" || break
	wait_for "待同步 $((have + 1))" || break
	shown=$((have + 1))
	seq=$((seq + 1))
	register "$(printf '杀%03d' "$seq")" || break
	sleep "0.0$(printf %02d $((RANDOM % 30)))" # a random moment, 0-29 ms
	kill -9 "$(client_pid)"
	poll pane_dead
done
echo "# $opened of $KILLS starts after a kill -9 opened the journal; torn last entries dropped: $torn; refused: $refused; shown saved: $shown"
[ "$opened" = "$KILLS" ] && [ "$refused" = 0 ]
tap $? "after each of $KILLS kill -9 the journal opens, nothing shown saved is lost"

# The last state: the journal's entries, then the server.
E2E_CLIENT_CONF=$CONF client_start 80 24
login clerk1 demo-password-1
wait_for "待同步"
final=$(pending)
server_restart_same
E2E_TIMEOUT=60 wait_for "服务器：在线" && E2E_TIMEOUT=60 wait_gone "待同步" &&
	screen_has "我的待办咨询"
tap $? "the server is back: the $final journaled inquiries replayed"
token=$(api_token clerk1)
body=$(curl -s -H "Authorization: Bearer $token" \
	"$E2E_URL/v1/inquiries?scope=mine&limit=200")
names=$(grep -o '杀[0-9][0-9][0-9]' <<<"$body")
whole=$(grep -o '"topic":"杀进程时登记"' <<<"$body" | wc -l)
echo "# journaled $final, on the server $(echo "$names" | sort -u | wc -l), duplicated $(($(echo "$names" | wc -l) - $(echo "$names" | sort -u | wc -l))), whole $whole"
[ "$(echo "$names" | wc -l)" = "$final" ] &&
	[ "$(echo "$names" | sort -u | wc -l)" = "$final" ] && [ "$whole" = "$final" ]
tap $? "each journaled inquiry is on the server once and whole"

tap_done
