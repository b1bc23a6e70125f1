#!/bin/bash
# The standard tolerant-acceptance case, counted: inquiry registered -> converted
# into a case (applicant carried over) -> checklist with one tolerable
# material missing -> tolerant acceptance signed -> commitment printed.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

client_conf_printing
clerk_session
E2E_KEYS=0 E2E_TYPED=0

k F4
wait_for "登记新咨询"
t "钱八"
k Tab Tab
t "110101199003070011"
k Tab Tab Tab Tab
t "新开便利店办食品经营许可"
k F2
wait_for "已登记咨询 SW-"
tap $? "the inquiry is registered"
wait_for "钱八"
k Enter
wait_for "F6"
tap $? "Enter opens the inquiry"
k F6
wait_for "新建办件" && wait_for "钱八" && screen_has "110101199003070011"
tap $? "F6 converts it: the new case carries the applicant over"
k Enter
wait_for "选择事项"
t "食品"
wait_for "找到 1 项"
k Enter F2
wait_for "材料核对" && wait_for "未核对8"
tap $? "item chosen, F2 creates the case (first scenario)"
mark 11111121
tap $? "eight keys check eight materials, one tolerable missing"
k F7
wait_for "✓ 符合容缺受理条件"
t "钱八"
k F2
wait_for "已受理 SL-" && screen_has "CN-"
tap $? "the applicant types the name, F2 signs the tolerant acceptance"
k F6
wait_for "已送打印"
printed_text "$E2E_TMP/printed.txt" | grep -q "CN-"
tap $? "F6 prints the commitment"
echo "# standard tolerant case: $E2E_KEYS keys besides $E2E_TYPED typed characters"
[ "$E2E_KEYS" -le 40 ]
tap $? "keystrokes beyond the typed text: $E2E_KEYS (at most 40)"
quit_clean
tap $? "F10 quits cleanly"
tap_done
