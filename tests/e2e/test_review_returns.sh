#!/bin/bash
# Issue 14.7 at 80x24: the clerk's work queue shows a case review returned
# (审核退回) with the reviewer's comment and opens it; the reviewer's
# audit lookup takes the numbers people know (SL-…, SW-…) and user:NAME
# shows what that user did, each entry naming its case or inquiry.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
reviewer=$(api_token reviewer1)
c=$(tolerant_case "$clerk" 张三)
no=$(api "$clerk" GET "/v1/cases/$c" | json_str no)
q=$(api "$clerk" POST /v1/inquiries '{"applicant":{"name":"李四"},"topic":"营业执照变更"}')
qno=$(json_str no <<<"$q")
item=$(api "$reviewer" GET "/v1/review/queue?kind=tolerant_acceptance" | json_num id)
api "$reviewer" POST "/v1/review/$item/decision" \
	'{"decision":"return","comment":"设备清单须提交原件"}' | grep -q '"decision":"return"'
tap $? "reviewer1 returns the tolerant acceptance of $no with a comment"

client_start 80 24
login clerk1 demo-password-1
wait_for "审核退回（请按审核意见处理）" && wait_for "设备清单须提交原件" &&
	screen_text | grep "$no" | grep "reviewer1" | grep -q "审核退回 11-02"
tap $? "the clerk's home shows 审核退回 with the number, reviewer, comment and day"
keys Enter
wait_for "张三" && screen_has "$no"
tap $? "the returned case comes first; Enter opens it"
quit_clean
tap $? "the clerk quits cleanly"

client_start 80 24
login_reviewer reviewer1
keys F4
wait_for "对象："
type_text "$no"
keys Enter
wait_for "条记录" && screen_has "clerk1" && screen_lacks "请输入办件编号"
tap $? "the audit trail by the case number $no"
keys Escape
keys F4
wait_for "对象："
type_text "$qno"
keys Enter
wait_for "共 1 条记录"
tap $? "the audit trail by the inquiry number $qno"
keys Escape
keys F4
wait_for "对象："
type_text "user:clerk1"
keys Enter
wait_for "条记录" && screen_has "办件#$c：" && screen_has "咨询#"
tap $? "user:clerk1 shows what clerk1 did, naming each case and inquiry"
keys Escape
keys F4
wait_for "对象："
type_text "SL-20991231-0009"
keys Enter
wait_for "没有找到"
tap $? "an unknown number is said to be not found"
quit_clean
tap $? "F10 quits cleanly"
tap_done
