#!/bin/bash
# Acceptance (R3, R4): normal acceptance of a complete case; tolerant
# acceptance refused with every reason shown (local check, then the
# server's); tolerant acceptance with a commitment (deadline with its
# working-day due date, the applicant's typed name), printed, then the
# supplement that fulfils it.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

client_conf_printing
clerk_session

# Normal acceptance.
case_new "食品" "李四" "110101199003070011" && mark 11111111
tap $? "a case with every material provided"
screen_has "材料齐全，可以受理"
tap $? "the checklist says it can be accepted"
k F7
wait_for "材料齐全，可以正常受理" && screen_has "5 个工作日" &&
	screen_has "2026-11-09"
tap $? "F7 shows normal acceptance with the due date (5 working days from 11-02)"
k F2
wait_for "已受理 SL-20261102-0001，办结期限 2026-11-09"
tap $? "F2 accepts: number and due date"
api_get clerk1 /v1/cases/1 | grep -q '"status": *"accepted"'
tap $? "the server holds the case as accepted"
k Escape
wait_for "[已受理]"
tap $? "back on the checklist the case is accepted"
k Escape
wait_for "工作台"

# Tolerant acceptance refused: every reason at once.
case_new "食品" "王五" "320102198506120034" && mark 22111121
tap $? "a case with a main and a non-tolerable material missing"
screen_has "材料不齐且不能容缺"
tap $? "the checklist says it cannot be accepted tolerantly"
k F7
wait_for "不符合容缺受理条件" &&
	screen_has "主要材料未提供" && screen_has "「食品经营许可申请书」" &&
	screen_has "该材料不可容缺" && screen_has "「营业执照」"
tap $? "the eligibility panel lists every reason, with the materials"
screen_has "信用记录：承诺 0 次" && screen_has "可以容缺受理"
tap $? "the applicant's credit record is shown"
t "王六"
k F2
wait_for "服务器核验不符合容缺受理条件" &&
	screen_has "「食品经营许可申请书」" && screen_has "「营业执照」" &&
	screen_has "确认姓名与申请人姓名不一致"
tap $? "the server's refusal lists all three reasons"
screen_has "! 申请人输入的确认姓名"
tap $? "the confirmation field carries its error"
api_get clerk1 /v1/cases/2 | grep -q '"status": *"checking"'
tap $? "the case is still being checked"
k Escape
wait_for "材料核对"
k Escape
wait_for "工作台"

# Tolerant acceptance with a commitment, printed, then the supplement.
case_new "食品" "赵六" "440304197801010045" && mark 11111121
tap $? "a case with one tolerable material missing"
k F7
wait_for "✓ 符合容缺受理条件" && screen_has "承诺补交 主要设备设施清单" &&
	screen_has "3 个工作日，截止 2026-11-05"
tap $? "eligible: the commitment with the item's default deadline and its date"
k BTab
t "5"
wait_for "5 个工作日，截止 2026-11-09"
tap $? "a longer deadline shows its working-day due date at once"
k BSpace
t "9"
wait_for "补交期限应为 1 至 5 个工作日"
tap $? "a deadline above the item's cap is refused while typing"
k BSpace
t "4"
k Tab
t "赵六"
k F2
wait_for "已受理 SL-20261102-0003" && screen_has "CN-20261102-0001"
tap $? "F2 signs: the case is accepted tolerantly with commitment CN-"
screen_has "赵六"
tap $? "the commitment text is shown"
k F6
wait_for "已送打印"
printed_text "$E2E_TMP/printed.txt" | grep -q "CN-20261102-0001"
tap $? "F6 prints the commitment"
api_get clerk1 /v1/cases/3 | grep -q '"status": *"accepted_tolerant"'
tap $? "the server holds the case as accepted_tolerant"
k Escape
wait_for "[已容缺受理]"
k Escape
wait_for "工作台"
t "赵六"
wait_for "SL-20261102-0003"
k Enter
wait_for "待补交"
tap $? "the case view shows the open commitment"
k F6
wait_for "补交材料" && wait_for "1. 主要设备设施清单"
tap $? "F6 on the case view lists the materials to supplement"
k Enter
wait_for "已登记补交“主要设备设施清单”；承诺书状态：已履约"
tap $? "Enter records the supplement: the commitment is fulfilled"
api_get clerk1 /v1/cases/3 | grep -q '"status": *"fulfilled"'
tap $? "the server holds the commitment as fulfilled"
keys Escape
wait_for "办件详情"
keys End
wait_for "容缺受理  补交期限 4 个工作日" && screen_has "签发文书  承诺书 CN-" &&
	screen_has "补交材料  补交：主要设备设施清单"
tap $? "the timeline: tolerant acceptance, the signed commitment, the supplement"
screen_lacks "case.supplement" && screen_lacks "document.issue"
tap $? "no action codes in the timeline"
echo "# keystrokes: $E2E_KEYS keys, $E2E_TYPED typed characters"
quit_clean
tap $? "F10 quits cleanly"
tap_done
