#!/bin/bash
# Issue 14.4: nothing the reviewer types is lost. A half-typed decision and
# the rectification's fields survive a dropped connection (SIGHUP, as when
# SSH goes away): the draft is kept in the data folder, the queue says so
# after the next login, and opening the item's decision restores it (with
# the steps the server already saved). Esc and a sent decision remove it.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

DRAFT="$E2E_TMP/.local/share/wincase/draft-review_decide.txt"
server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
reviewer=$(api_token reviewer1)
tolerant_case "$clerk" 张三 >/dev/null
tol=$(api "$reviewer" GET "/v1/review/queue?kind=tolerant_acceptance" | json_num id)

drop() { # SIGHUP, and the client must end cleanly
	kill -HUP "$(client_pid)"
	poll pane_dead && [ "$(pane_status)" = 0 ]
}

client_start 80 24
login_reviewer reviewer1
keys Enter
wait_for "容缺受理 —"
keys F2
wait_for "审核意见"
type_text "材料基本齐全，设备清单"
poll grep -q "设备清单" "$DRAFT"
tap $? "the half-typed decision is kept as it is typed"
drop && grep -q "context $tol" "$DRAFT"
tap $? "the connection drops (SIGHUP): clean exit, the draft kept for item $tol"

client_start 80 24
login_reviewer reviewer1
wait_for "未提交的审核意见：第 $tol 项"
tap $? "after the next login the queue says a decision waits"
keys Enter
wait_for "容缺受理 —"
keys F2
wait_for "材料基本齐全，设备清单" && wait_for "已恢复"
tap $? "the item's decision form restores what was typed"
type_text "三日内补交"
keys F2
wait_for "已作出审核决定：同意"
tap $? "the restored decision is sent"
[ "$(api "$reviewer" GET "/v1/review/queue?status=done" | json_str comment)" = "材料基本齐全，设备清单三日内补交" ] &&
	poll test ! -e "$DRAFT"
tap $? "the server holds the whole comment; the draft is gone"
quit_clean

# A rectification: 核实 saved on the server, 整改 only typed.
rated_case "$clerk" 周九 1 >/dev/null
client_start 80 24
login_reviewer reviewer1
wait_for "差评整改"
keys Enter
wait_for "差评整改 —"
keys F2
wait_for "核实情况"
type_text "经查属实"
keys Tab
wait_for "已保存：核实情况"
type_text "窗口人员培训"
keys Tab
type_text "待回访"
poll grep -q "待回访" "$DRAFT"
drop
tap $? "a rectification half done; the connection drops"
client_start 80 24
login_reviewer reviewer1
wait_for "未提交的审核意见"
keys Enter
wait_for "差评整改 —"
keys F2
wait_for "经查属实" && wait_for "窗口人员培训" && screen_has "待回访"
tap $? "all three fields are back: the saved step and the two typed"
keys Escape
wait_for "审核事项" && poll test ! -e "$DRAFT"
tap $? "Esc leaves the form on purpose: the draft is removed"
quit_clean
tap $? "F10 quits cleanly"
tap_done
