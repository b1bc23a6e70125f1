#!/bin/bash
# R5 in the reviewer console: a rating of 1 opens a rectification item; the
# reviewer writes it in three steps (核实 → 整改 → 反馈), each required, and
# marks it rectified; the server holds the three steps as the comment.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
reviewer=$(api_token reviewer1)
rated_case "$clerk" 周九 1 >/dev/null
[ "$(api "$reviewer" GET "/v1/review/queue?kind=rectification" | json_count kind)" = 1 ]
tap $? "a rating of 1 made a rectification item"

client_start 80 24
login_reviewer reviewer1
wait_for "待审 1：整改1" && screen_has "差评整改"
tap $? "the queue counts the rectification item on the status line"
keys Enter
wait_for "差评整改 —"
tap $? "the item opens with its reason"
due=$(api "$reviewer" GET "/v1/review/queue?kind=rectification" | json_str due_date)
[ -n "$due" ] && screen_has "整改期限：$due"
tap $? "the rectification deadline (working days, from the server) is shown"
keys F2
wait_for "核实情况" && screen_has "整改措施" && screen_has "反馈结果" && screen_has "已整改"
tap $? "the decision form asks for the three steps, decision 已整改"
type_text "属实，等候超时"
keys F2
wait_for "必须填写"
tap $? "every step is required (the first empty one is focused)"
type_text "增开一个窗口"
keys Tab
type_text "已电话告知申请人"
keys F2
wait_for "已作出审核决定：已整改"
tap $? "the rectification is marked rectified"
comment=$(api "$reviewer" GET "/v1/review/queue?kind=rectification&status=done" | json_str comment)
[ "$comment" = '核实情况：属实，等候超时\n整改措施：增开一个窗口\n反馈结果：已电话告知申请人' ]
tap $? "the server holds the three steps in order"
keys Escape
wait_for "待审 0"
quit_clean
tap $? "F10 quits cleanly"
tap_done
