#!/bin/bash
# An inquiry converted into a case (R1 -> R2): registered, F6 in
# its view, the new-case form carries the applicant over, item and scenario
# chosen, materials checked, normal acceptance; the server holds the case
# with inquiry_id and the inquiry closed as "converted" with case_id. The
# case view's timeline names every event in Chinese with time and actor,
# never an action code. 80x24.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

clerk_session

k F4
wait_for "登记新咨询"
t "孙食堂"
k Tab Tab
t "110101199003070011"
k Tab Tab Tab Tab
t "单位食堂要办食品经营许可"
k F2
wait_for "已登记咨询 SW-" && wait_for "孙食堂"
tap $? "the inquiry is registered"
k Enter
wait_for "咨询详情" && wait_for "F6转为办件"
tap $? "Enter opens the inquiry, F6 converts"
k F6
wait_for "新建办件" && wait_for "孙食堂" && screen_has "110101199003070011"
tap $? "F6 opens the new-case form with the applicant of the inquiry"
k Enter
wait_for "选择事项"
t "食品"
wait_for "找到 1 项"
k Enter
wait_for "新建办件" && wait_for "食品经营许可"
k Right Right
wait_for "< 单位食堂 >"
tap $? "item chosen by search, the third scenario chosen"
k F2
wait_for "材料核对" && wait_for "未核对7"
tap $? "F2 creates the case: seven materials of the canteen scenario"
mark 1111111
k F7
wait_for "材料齐全，可以正常受理"
k F2
wait_for "已受理 SL-"
tap $? "all provided, F7 F2 accept it normally"

case_json=$(api_get clerk1 /v1/cases/1)
echo "$case_json" | grep -q '"inquiry_id": *1[,}]' &&
	echo "$case_json" | grep -q '"scenario_id": *"canteen"' &&
	echo "$case_json" | grep -q '"status": *"accepted"'
tap $? "the server holds the case with inquiry_id, the scenario, accepted"
# The inquiry is closed as converted at once, not only when the clerk
# goes back to its view.
inq_json=$(api_get clerk1 /v1/inquiries/1)
echo "$inq_json" | grep -q '"status": *"closed"' &&
	echo "$inq_json" | grep -q '"resolution": *"converted"' &&
	echo "$inq_json" | grep -q '"case_id": *1[,}]'
tap $? "the inquiry is closed as converted with case_id" ||
	echo "# $inq_json"

k Escape
wait_for "材料核对"
k Escape
wait_for "咨询详情" && wait_for "已转为办件"
tap $? "back on the inquiry view: converted, no actions left"
screen_lacks "F6转为办件"
tap $? "F6 is no longer offered"
k Escape
wait_for "工作台"

# The case view's timeline.
k Escape
type_text "孙食堂"
wait_for "SL-"
k Enter
wait_for "办件详情" || wait_for "办理经过"
k End
wait_for "办理经过"
wait_for "立案" && screen_has "核验材料" && screen_has "受理"
tap $? "the timeline names the events in Chinese: 立案, 核验材料, 受理"
screen_has "clerk1" && screen_has "11-02 09:"
tap $? "each event with its time and actor"
screen_has "事项 食品经营许可（新办），情形 单位食堂" &&
	screen_has "核验材料  营业执照 已提供"
tap $? "with a short summary: item and scenario, the material checked"
screen_lacks "case.accept" && screen_lacks "case.create" &&
	screen_lacks "case.checklist" && screen_lacks '{"'
tap $? "no action code, no raw JSON"

quit_clean
tap $? "F10 quits cleanly"
tap_done
