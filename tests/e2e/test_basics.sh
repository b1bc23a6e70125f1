#!/bin/bash
# The client's frame: a refused login in Chinese, help, the Esc-digit
# fallback for terminals without F-keys, clean exits on SIGTERM, a non-UTF-8
# locale refused with a fix, a server that is down shown as offline.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

out=$(env -u LANG LC_ALL=C "$WINCASE_BIN" --server http://127.0.0.1:9 2>&1 </dev/null)
rc=$?
[ "$rc" -ne 0 ] && printf '%s' "$out" | grep -q "LC_ALL=C.UTF-8" &&
	printf '%s' "$out" | grep -q "不是 UTF-8"
tap $? "a non-UTF-8 locale is refused, in Chinese and English, with the fix"

server_start
tap $? "wincased starts"
client_start 80 24 TERM=vt100
wait_for "用户名"
tap $? "the login screen shows with TERM=vt100"
type_text "clerk1"
keys Tab
type_text "wrong-password"
wait_for "**************"
screen_lacks "wrong-password"
tap $? "the password is never echoed"
keys Enter Enter
wait_for "用户名或密码不正确"
tap $? "a refused login is explained in Chinese"
screen_lacks "bad_credentials" && screen_lacks "{"
tap $? "no error code or JSON on screen"
type_text "demo-password-1"
keys Enter Enter
wait_for "我的待办咨询"
tap $? "the corrected password logs in"

keys Escape 1
wait_for "常用按键" && screen_has "Esc 1 = F1"
tap $? "Esc 1 opens the help screen (no F-keys needed)"
keys Escape
wait_for "我的待办咨询"
tap $? "Esc closes the help"
keys Escape 4
wait_for "登记新咨询"
tap $? "Esc 4 stands for F4"
type_text "王五"
keys F1
wait_for "带 * 的项目必须填写"
tap $? "F1 on the form shows the form's own help"
keys F1
wait_for "王五"
tap $? "F1 again returns to the form with the text kept"
keys Escape 0
wait_for "退出前：1 保存草稿  2 放弃"
tap $? "Esc 0 (F10) on a filled form asks first (issue 13.6)"
keys 2
exited_clean
tap $? "Esc 0 quits like F10"

client_start 80 24
login clerk1 demo-password-1
pid=$(client_pid)
[ -n "$pid" ] && kill -TERM "$pid"
exited_clean
tap $? "SIGTERM ends the client cleanly (status 0)"

kill "$E2E_SERVER_PID" && wait "$E2E_SERVER_PID" 2>/dev/null
E2E_SERVER_PID=""
client_start 80 24
wait_for "用户名"
# clerk2 never logged in on this PC: no offline login (issue 12)
type_text "clerk2"
keys Tab
type_text "demo-password-1"
keys Enter Enter
wait_for "无法连接服务器"
tap $? "a server that is down is explained"
screen_has "服务器：离线"
tap $? "the status line shows the server offline"
quit_clean
tap $? "F10 quits cleanly (exit status 0)"
tap_done
