#!/bin/bash
# Returning applicants (issue 13.11): an ID number the server knows fills
# the name and phone for the clerk to confirm and shows the applicant's
# open cases and credit at once; the lookup is audited; an unknown number
# fills nothing.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

clerk_session
tok=$(api_token clerk1)
sc=$(api_get clerk1 /v1/items/000131104000 |
	grep -o '"scenarios": *\[ *{ *"id": *"[^"]*"' | grep -o '"[^"]*"$' | tr -d '"')
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
	-d "{\"item_code\":\"000131104000\",\"scenario_id\":\"$sc\",\"applicant\":{\"name\":\"钱八\",\"id_type\":\"resident_id\",\"id_no\":\"110101199003070011\",\"phone\":\"13800138000\"}}" \
	"$E2E_URL/v1/cases")
[ "$code" = 201 ]
tap $? "钱八 has an open case at window 1"

keys F4
wait_for "登记新咨询"
keys Tab Tab
type_text "110101199003070011"
wait_for "老申请人钱八：已带出姓名和电话，请与申请人核对"
tap $? "the known ID number says who it is"
screen_has "钱八" && screen_has "13800138000"
tap $? "name and phone are filled for the clerk to confirm"
screen_has "本窗口在办件 1 件：SL-20261102-0001 材料核对中" ||
	screen_has "本窗口在办件 1 件：SL-20261102-0001"
tap $? "the open case is shown at once"
screen_has "信用：承诺 0 次，按时补齐 0 次，失信 0 次，可以容缺受理"
tap $? "and the credit summary"
api_get reviewer1 /v1/audit?entity=user:clerk1 | grep -q '"applicant.lookup"'
tap $? "the lookup is audited"
keys Tab Tab Tab Tab
type_text "再次来办"
keys F2
wait_for "已登记咨询 SW-" && wait_for "钱八"
tap $? "the inquiry is registered with the confirmed name"

keys F4
wait_for "登记新咨询"
keys Tab Tab
type_text "11010519491231002X"
wait_for "11010519491231002X"
screen_lacks "老申请人" && screen_lacks "本窗口在办件"
tap $? "an ID number the server does not know fills nothing"
keys Escape
wait_for "填写的内容尚未提交"
keys 2
wait_for "我的待办咨询"

# The new-case form (F6 on the work queue) does the same.
keys F6
wait_for "新建办件"
keys Tab Tab Tab Tab
type_text "110101199003070011"
wait_for "老申请人钱八" && screen_has "13800138000" &&
	screen_has "本窗口在办件 1 件"
tap $? "the new-case form fills a returning applicant too"
keys Escape
wait_for "填写的内容尚未提交"
keys 2
quit_clean
tap $? "F10 quits cleanly"
tap_done
