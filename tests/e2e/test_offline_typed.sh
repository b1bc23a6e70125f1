#!/bin/bash
# Issue 12 fault test: wincased stopped while OFFLINE_TYPED_OPS (200)
# inquiries are typed through the real client, then started: every one is
# replayed, none twice, in the order typed (the server's numbers follow the
# typing order).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

OPS=${OFFLINE_TYPED_OPS:-200}
CONF="$E2E_TMP/wincase-fast.conf"
sed -e 's/^timeout = .*/timeout = 2/' -e 's/^connect_timeout = .*/connect_timeout = 1/' \
	"$WINCASE_CONF/wincase.conf" >"$CONF"
server_start
tap $? "wincased starts"
PORT=${E2E_URL##*:}
E2E_CLIENT_CONF=$CONF client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in"
kill -9 "$E2E_SERVER_PID"
wait "$E2E_SERVER_PID" 2>/dev/null
E2E_SERVER_PID=""

start=$(date +%s)
typed=0
for i in $(seq 1 "$OPS"); do
	name=$(printf '停机%03d' "$i")
	keys F4
	wait_for "登记新咨询" || break
	type_text "$name"
	keys Tab Tab Tab Tab Tab Tab
	type_text "停机时登记"
	keys F2
	wait_for "待同步 $i" || break
	typed=$i
done
echo "# $typed inquiries typed with the server stopped in $(($(date +%s) - start)) s"
[ "$typed" = "$OPS" ]
tap $? "$OPS inquiries typed and journaled with the server stopped"

"$WINCASED_BIN" --config "$E2E_TMP/wincased.conf" --db "$E2E_TMP/wc.db" \
	--listen "127.0.0.1:$PORT" --fake-clock=2026-11-02T09:00:00+08:00 \
	--conf-dir "$WINCASE_CONF" >"$E2E_TMP/server2.out" 2>"$E2E_TMP/server2.log" &
E2E_SERVER_PID=$!
E2E_TIMEOUT=60 wait_for "服务器：在线" && E2E_TIMEOUT=60 wait_gone "待同步"
tap $? "the server is back: all replayed"
token=$(curl -s -X POST -H 'Content-Type: application/json' \
	-d '{"username":"clerk1","password":"demo-password-1"}' \
	"$E2E_URL/v1/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
names=$(curl -s -H "Authorization: Bearer $token" \
	"$E2E_URL/v1/inquiries?scope=mine&limit=200" |
	grep -o '停机[0-9][0-9][0-9]')
[ "$(echo "$names" | wc -l)" = "$OPS" ] &&
	[ "$(echo "$names" | sort -u | wc -l)" = "$OPS" ]
tap $? "each of the $OPS is on the server once"
# newest first: the server's order is the typing order reversed
[ "$names" = "$(echo "$names" | sort -r)" ]
tap $? "in the order typed"
echo "# server stopped for $OPS typed operations: replayed $(echo "$names" | sort -u | wc -l), duplicated $(( $(echo "$names" | wc -l) - $(echo "$names" | sort -u | wc -l) ))"

tap_done
