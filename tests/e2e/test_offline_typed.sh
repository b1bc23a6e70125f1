#!/bin/bash
# Issue 12 fault test: wincased stopped while OFFLINE_TYPED_OPS (200)
# inquiries are typed through the real client, then started: every one is
# replayed, none twice, in the order typed (the server's numbers follow the
# typing order).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

OPS=${OFFLINE_TYPED_OPS:-200}
CONF=$(fast_client_conf)
server_start
tap $? "wincased starts"
E2E_CLIENT_CONF=$CONF client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in"
server_kill

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

server_restart_same
E2E_TIMEOUT=60 wait_for "服务器：在线" && E2E_TIMEOUT=60 wait_gone "待同步"
tap $? "the server is back: all replayed"
token=$(api_token clerk1)
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
