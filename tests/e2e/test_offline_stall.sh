#!/bin/bash
# Issue 12: a stalling link (tests/support/proxy/stall_proxy between the
# client and wincased, which delays, stalls and drops): keys keep answering
# while a request or the probe hangs, the client goes offline, keeps the
# change in its journal, and comes back by itself when the link does
# (同步中 on the status line while the journal is replayed).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

PROXY_BIN=${BUILD:-build}/tests/stall_proxy
CTL="$E2E_TMP/proxy.ctl"
echo pass >"$CTL"
server_start
tap $? "wincased starts"
[ -x "$PROXY_BIN" ] || { echo "# no $PROXY_BIN"; tap 1 "the stall proxy is built"; tap_done; exit; }
"$PROXY_BIN" "${E2E_URL##*:}" "$CTL" >"$E2E_TMP/proxy.out" 2>&1 &
PROXY_PID=$!
trap 'kill $PROXY_PID 2>/dev/null; e2e_cleanup' EXIT
poll grep -q "listening on" "$E2E_TMP/proxy.out"
PPORT=$(sed -n 's/^stall_proxy: listening on //p' "$E2E_TMP/proxy.out")
CONF="$E2E_TMP/wincase-stall.conf"
sed -e 's/^timeout = .*/timeout = 4/' -e 's/^connect_timeout = .*/connect_timeout = 1/' \
	-e 's/^low_speed_time = .*/low_speed_time = 2/' \
	"$WINCASE_CONF/wincase.conf" >"$CONF"
client_spawn 80 24 "$WINCASE_BIN" --config "$CONF" --server "http://127.0.0.1:$PPORT"
login clerk1 demo-password-1
tap $? "clerk1 logs in through the proxy"
wait_for "服务器：在线"
tap $? "online"

now_ms() { date +%s%3N; }
# key_latency KEY TEXT: ms from sending KEY until TEXT is on the screen.
key_latency() {
	local start=$(now_ms) tries=400
	keys "$1"
	while [ $tries -gt 0 ]; do
		screen_has "$2" && { echo $(($(now_ms) - start)); return 0; }
		tries=$((tries - 1))
	done
	echo 99999
}

keys F4
wait_for "登记新咨询"
type_text "卡顿甲"
keys Tab Tab Tab Tab Tab Tab
type_text "链路卡住时提交的咨询"
wait_for "链路卡住时提交的咨询"
echo stall >"$CTL"
keys F2
# The submit hangs on the stalled link; the next key cuts the wait short:
# the change is journaled and the form closes.
first=$(key_latency Escape "我的待办咨询")
echo "# first key during the stalled submit answered in $first ms"
[ "$first" -lt 1000 ]
tap $? "a key during a stalled request is answered at once ($first ms)"
wait_for "服务器：离线 · 待同步 1"
tap $? "the client is offline with the change kept"

# While the link hangs the probe runs in the background of the loop: every
# key still answers quickly.
worst=0
for ch in 甲 乙 丙 丁 戊 己 庚 辛; do
	sleep 0.4 # let a probe start on the hanging link
	t=$(key_latency "$ch" "$ch")
	[ "$t" -gt "$worst" ] && worst=$t
done
echo "# 8 keys typed while the probe hung on the stalled link: worst $worst ms"
[ "$worst" -lt 300 ]
tap $? "keys keep answering while the link stalls (worst $worst ms)"
keys Escape

# The link comes back slow (each chunk 600 ms late): the replay takes a
# moment, and the status line says so while it runs.
echo "delay 600" >"$CTL"
E2E_TIMEOUT=45 wait_for "服务器：同步中"
tap $? "the link is back by itself: 同步中 while the journal is replayed"
E2E_TIMEOUT=20 wait_gone "待同步"
tap $? "the journaled change was sent"
E2E_TIMEOUT=20 wait_for "服务器：在线"
tap $? "online again"
# The list read at the end of the slow replay may still be on its way (a
# key cuts it short, and the cached list is shown): F5 on a plain link
# until the work queue has the server's number (bounded).
echo pass >"$CTL"
refresh_until() {
	local i
	for i in 1 2 3 4 5 6 7 8 9 10; do
		keys F5
		E2E_TIMEOUT=2 wait_for "$1" && return 0
	done
	return 1
}
refresh_until "SW-"
tap $? "the work queue shows the replayed inquiry with its number"
[ "$(api_inquiry_count clerk1 | tr -d ' ')" = 1 ]
tap $? "the server holds it once"

# A link that drops every connection: offline, the lists from the cache.
echo drop >"$CTL"
keys F5
wait_for "服务器：离线"
tap $? "a dropping link is offline"
screen_has "卡顿甲"
tap $? "the work queue still shows what it had (cache)"
screen_text | head -1 | grep -qE '资料 [0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}'
tap $? "the status line shows the age of the cached data"
echo "delay 100" >"$CTL"
E2E_TIMEOUT=45 wait_for "服务器：在线"
tap $? "a slow but working link is online again"

tap_done
