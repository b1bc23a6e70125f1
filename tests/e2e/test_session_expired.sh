#!/bin/bash
# An expired session: the clerk is typing
# a new inquiry when the fake clock passes the session's 12 hours; the
# submit is refused with 401, the client goes back to the login screen with
# a Chinese message (once, in the main loop), the user name kept; after the
# next login the draft is offered and restores every field. A 401 on any
# other call (F5 on the queue) does the same. 80x24.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

DRAFTS="$E2E_TMP/.local/share/wincase"

# clock RFC3339: admin1 moves the server's fake clock.
clock() {
	curl -s -X PUT -H 'Content-Type: application/json' \
		-H "Authorization: Bearer $(api_token admin1)" \
		-d "{\"now\":\"$1\"}" "$E2E_URL/v1/admin/clock" | grep -q fake_clock
}

server_start
tap $? "wincased starts"
client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in at 09:00"

keys F4
wait_for "登记新咨询"
type_text "周过期"
keys Tab Tab
type_text "11010519491231002X"
keys Tab
type_text "13800138000"
keys Tab Tab Tab
type_text "过期前正在登记的咨询内容"
draft_saved inquiry "过期前正在登记的咨询内容"
tap $? "the clerk types a new inquiry (kept as a draft)"

clock 2026-11-02T22:00:00+08:00
tap $? "admin1 moves the fake clock 13 hours ahead"
keys F2
wait_for "登录已过期，请重新登录" && screen_has "用户名" &&
	screen_lacks "登记新咨询"
tap $? "the submit is refused: back on the login screen with the message"
screen_has "clerk1" && screen_lacks '"error"' && screen_lacks "unauthenticated"
tap $? "the user name is kept, no code or JSON on the screen"
test -n "$(draft_path inquiry)" &&
	test -n "$(draft_path inquiry)"
tap $? "the draft stays on disk"
[ "$(api_inquiry_count clerk1)" -eq 0 ]
tap $? "nothing was registered"

type_text "demo-password-1"
keys Enter Enter
wait_for "我的待办咨询" && wait_for "未提交的草稿" && screen_has "周过期"
tap $? "after the password the work queue offers the draft"
keys Enter
wait_for "登记新咨询" && wait_for "已恢复上次未提交的内容"
screen_has "周过期" && screen_has "11010519491231002X" &&
	screen_has "13800138000" && screen_has "过期前正在登记的咨询内容"
tap $? "Enter restores every field typed before the session expired"
keys F2
wait_for "已登记咨询 SW-"
tap $? "the clerk continues: the inquiry is registered"
[ "$(api_inquiry_count clerk1)" -eq 1 ]
tap $? "the server holds it once"
poll draft_gone inquiry
tap $? "the draft is removed on submit"

# Any call: F5 on the queue after the next 12 hours.
clock 2026-11-03T11:00:00+08:00
keys F5
wait_for "登录已过期，请重新登录" && screen_has "用户名"
tap $? "a refresh with an expired session also leads to the login screen"
type_text "demo-password-1"
keys Enter Enter
wait_for "我的待办咨询" && wait_for "周过期"
tap $? "logged in again, the queue is back"

quit_clean
tap $? "F10 quits cleanly"
tap_done
