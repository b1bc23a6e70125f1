#!/bin/bash
# Issue 14.3 in the reviewer console at 80x24: a rectification written as
# steps, 核实 → 整改 → 反馈, each saved on the server when the reviewer leaves
# its field (F3 saves what is typed); the deadline set within the
# configured maximum (rectification_max_days, 15 working days) and shown on
# the queue (期限); the steps come back from the server when the form is
# opened again; the decision repeats the three steps.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
reviewer=$(api_token reviewer1)
rated_case "$clerk" 周九 1 >/dev/null
item() { api "$reviewer" GET "/v1/review/queue?kind=rectification&status=all"; }
steps() { item | grep -o '"steps":{[^}]*}'; }
[ "$(item | json_str due_date)" = 2026-11-09 ]
tap $? "a rectification item, due in 5 working days (2026-11-09)"

client_start 80 24
login_reviewer reviewer1
keys Enter
wait_for "差评整改 —"
keys F2
wait_for "核实情况" && wait_for "整改期限" && screen_has "2026-11-09" && screen_has "F3保存"
tap $? "the form has the three steps and the deadline, F3 saves"
type_text "属实，等候超时"
keys Tab
wait_for "已保存：核实情况" && steps | grep -q '"verify":"属实，等候超时","fix":null'
tap $? "leaving 核实 saves it on the server"
type_text "增开一个窗口"
keys F3
wait_for "已保存填写的各步和期限" && steps | grep -q '"fix":"增开一个窗口"'
tap $? "F3 saves 整改 (the focus stays)"
keys Tab Tab
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text 2026-11-30
keys F3
wait_for "整改期限最晚为 2026-11-23" && [ "$(item | json_str due_date)" = 2026-11-09 ]
tap $? "a deadline past 15 working days is refused with the latest date"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text 2026-11-20
keys F3
wait_for "已保存填写的各步和期限" && [ "$(item | json_str due_date)" = 2026-11-20 ]
tap $? "a deadline within it is saved"
keys Escape
wait_for "审核事项"
keys Escape
wait_for "已等待" && screen_text | grep "差评整改" | grep -q "11-20"
tap $? "the queue shows the new deadline (期限)"
keys Enter
wait_for "差评整改 —"
keys F2
wait_for "核实情况" && wait_for "属实，等候超时" && screen_has "增开一个窗口" && screen_has "2026-11-20"
tap $? "opened again, the form holds what the server saved"
keys Tab Tab
type_text "已电话告知申请人"
keys F2
wait_for "已作出审核决定：已整改"
tap $? "F2 saves the last step and decides"
steps | grep -q '"feedback":"已电话告知申请人"' &&
	[ "$(item | json_str comment)" = '核实情况：属实，等候超时\n整改措施：增开一个窗口\n反馈结果：已电话告知申请人' ]
tap $? "the server holds the three steps and the decision repeats them"
quit_clean
tap $? "F10 quits cleanly"
tap_done
