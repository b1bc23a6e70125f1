#!/bin/bash
# Issue 12: the server's state on the status line comes from answers only;
# a clerk registers inquiries while wincased is down (journaled, marked
# 未生效), and when it is back they are replayed once each, in order; the
# same clerk logs in offline on this PC, another clerk cannot.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

# A server that does not exist: never "在线".
CONF=$(fast_client_conf)
client_spawn 80 24 "$WINCASE_BIN" --config "$CONF" --server http://127.0.0.1:9
wait_for "用户名"
tap $? "the client starts against a server that does not exist"
screen_lacks "服务器：在线"
tap $? "the status line never says online before an answer"
wait_for "服务器：离线"
tap $? "the probe finds it offline"

server_start
tap $? "wincased starts"
E2E_CLIENT_CONF=$CONF client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in online"
wait_for "服务器：在线"
tap $? "online after the server answered"

# The server goes away (the process is stopped for good).
server_kill
register() { # name topic
	keys F4
	wait_for "登记新咨询" || return 1
	type_text "$1"
	keys Tab Tab Tab Tab Tab Tab
	type_text "$2"
	keys F2
	wait_for "我的待办咨询"
}
register "离线甲" "断网时登记的第一件"
tap $? "an inquiry is registered while the server is down"
wait_for "服务器：离线 · 待同步 1"
tap $? "the status line says offline with one change waiting"
screen_text | grep -E '未生效 +离线甲' >/dev/null
tap $? "the home list shows it, marked 未生效 (no official number)"
register "离线乙" "断网时登记的第二件"
wait_for "待同步 2"
tap $? "a second one waits too"
ls "$E2E_TMP"/.local/share/wincase/local/*/*/journal.wcj >/dev/null &&
	! grep -q "离线甲" "$E2E_TMP"/.local/share/wincase/local/*/*/journal.wcj
tap $? "the journal is on disk, encrypted"

# Ctrl-O: the journal screen lists them.
keys C-o
wait_for "离线日志" && screen_has "登记咨询" && screen_has "待同步（未生效）"
tap $? "the journal screen lists the waiting changes"
keys Escape
wait_for "我的待办咨询"

# The server is back on the same port with the same data.
server_restart_same
E2E_TIMEOUT=40 wait_for "服务器：在线"
tap $? "the client comes back online by itself"
screen_lacks "待同步"
tap $? "nothing waits any more"
[ "$(api_inquiry_count clerk1 | tr -d ' ')" = 2 ]
tap $? "the server holds each of the two inquiries once"
keys F5
wait_for "SW-" && screen_has "离线甲" && screen_has "离线乙" && screen_lacks "未生效"
tap $? "after a refresh they show the server's numbers"
token=$(api_token reviewer1)
curl -s -H "Authorization: Bearer $token" "$E2E_URL/v1/audit?entity=inquiry:1" |
	grep -q '"client_time"'
tap $? "the audit trail keeps the clerk's recorded time (client_time)"

# Offline login: the same clerk on this PC; another clerk cannot.
keys F10
poll pane_dead
server_kill
E2E_CLIENT_CONF=$CONF client_start 80 24
wait_for "用户名"
type_text "clerk2"
keys Tab
type_text "demo-password-1"
keys Enter Enter
wait_for "本机没有您的登录记录"
tap $? "another clerk without an online login here cannot log in offline"
E2E_CLIENT_CONF=$CONF client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in offline with the password of the last online login"
screen_has "离线登录"
tap $? "the status line says it is an offline login"
register "离线丙" "离线登录后登记的"
wait_for "待同步 1"
tap $? "an offline login journals like the rest"
keys F10
poll pane_dead

# wincase journal list|export|replay, for support staff.
cli() { # verb: the password on stdin
	echo demo-password-1 | env -u XDG_DATA_HOME HOME="$E2E_TMP" \
		XDG_CONFIG_HOME="$E2E_TMP/config" LC_ALL=C.UTF-8 \
		"$WINCASE_BIN" journal "$1" --user clerk1 --config "$CONF" \
		--server "$E2E_URL"
}
out=$(cli list)
echo "$out" | grep -q "登记咨询" && echo "$out" | grep -q "待同步（未生效）"
tap $? "wincase journal list shows the waiting change in words"
cli export | grep -q '"path":"/v1/inquiries"'
tap $? "wincase journal export writes it as JSON lines"
echo wrong | env -u XDG_DATA_HOME HOME="$E2E_TMP" LC_ALL=C.UTF-8 \
	"$WINCASE_BIN" journal list --user clerk1 --config "$CONF" \
	--server "$E2E_URL" >/dev/null 2>&1
[ $? -eq 1 ]
tap $? "a wrong password opens nothing (exit status 1)"
server_restart_same
poll curl -sf "$E2E_URL/v1/health" -o /dev/null
cli replay | grep -q "1 项离线记录已提交生效"
tap $? "wincase journal replay sends it"
[ "$(api_inquiry_count clerk1 | tr -d ' ')" = 3 ]
tap $? "the server holds the three inquiries once each"
cli list | grep -q "没有待同步的离线记录"
tap $? "and nothing waits any more"

tap_done
