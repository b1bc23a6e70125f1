#!/bin/bash
# Issue 13 point 3: a clerk finds any case or inquiry of the window once it
# has left the home screen - completed cases and closed inquiries too - by
# number, applicant name, ID number or phone (F3 on the home screen), and
# jumps to one by typing its number with Ctrl-F from any screen.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

clerk_session
# A case accepted and completed: it leaves the home screen.
case_new "食品" "孙七" "110101199003070011" && mark 11111111 && k F7 &&
	wait_for "可以正常受理" && k F2 && wait_for "已受理 SL-"
k Escape
wait_for "[已受理]"
k Escape
wait_for "工作台"
t "孙七"
wait_for "SL-20261102-0001"
k Enter
wait_for "办件详情"
k F7
wait_for "办结：选择审批结果并填写说明"
t "材料齐全，准予许可"
k F2
wait_for "现在的状态：已办结"
tap $? "a case is accepted and completed"
k Escape
wait_for "工作台"
keys Escape
wait_for "我的待办咨询" && screen_lacks "SL-20261102-0001"
tap $? "the completed case is no longer on the home screen"

# An inquiry registered and closed through the API (it leaves the home
# screen too).
tok=$(api_token clerk1)
curl -s -X POST -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
	-H 'Idempotency-Key: find-inquiry-1' \
	-d '{"applicant":{"name":"周八","phone":"13912345678"},"topic":"咨询营业执照办理"}' \
	"$E2E_URL/v1/inquiries" >"$E2E_TMP/inq.json"
curl -s -X POST -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
	-H 'If-Match: "1"' -H 'Idempotency-Key: find-inquiry-2' \
	-d '{"resolution":"answered","note":"已当场答复"}' \
	"$E2E_URL/v1/inquiries/1/close" | grep -q '"closed"'
tap $? "an inquiry is registered and closed"

k F3
wait_for "查找办件和咨询" && screen_has "号码或姓名"
tap $? "F3 on the home screen opens the search"
k Enter
wait_for "请先输入编号、姓名、证件号码或电话"
tap $? "an empty search says what to type"
t "110101199003070011"
k Enter
wait_for "找到 1 件" && screen_has "SL-20261102-0001" && screen_has "已办结" &&
	screen_has "孙七"
tap $? "by ID number: the completed case is found with its status in Chinese"
screen_has "11-02 09:00" && screen_lacks "2026-11-02T"
tap $? "its time reads 11-02 09:00"

for _ in $(seq 18); do keys BSpace; done
t "13912345678"
k Enter
wait_for "SW-" && screen_has "周八" && screen_has "咨询" && screen_has "已办结"
tap $? "by phone: the closed inquiry is found"
for _ in $(seq 11); do keys BSpace; done
t "没有这个人"
k Enter
wait_for "本窗口没有与“没有这个人”相符的办件或咨询"
tap $? "no match is said, with the query"
for _ in $(seq 5); do keys BSpace; done
t "孙"
k Enter
wait_for "找到 1 件"
k Enter
wait_for "办件详情" && screen_has "SL-20261102-0001"
tap $? "by part of the name, then Enter opens the case"
k Escape
wait_for "我的待办咨询"
tap $? "Esc from the case returns to the home screen"

# Ctrl-F from another screen: the whole number opens it at once.
k F4
wait_for "登记新咨询"
keys C-f
wait_for "查找办件和咨询"
tap $? "Ctrl-F opens the search from the inquiry form"
t "SL-20261102-0001"
k Enter
wait_for "办件详情" && screen_has "SL-20261102-0001"
tap $? "a whole number and Enter opens that case at once"
k Escape
wait_for "登记新咨询"
tap $? "Esc returns to the form the clerk was on"
quit_clean
tap $? "F10 quits cleanly"
tap_done
