#!/bin/bash
# Drafts of the case forms: a new case half typed (item, a
# scenario other than the first, applicant) survives kill -9 and comes back
# with the scenario still chosen; a completion note survives too and comes
# back on the same case and action.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

DRAFTS="$E2E_TMP/.local/share/wincase"

clerk_session
k F6
wait_for "新建办件"
k Enter
wait_for "选择事项"
t "食品"
wait_for "找到 1 项"
k Enter
wait_for "食品销售经营者"
k Right
wait_for "餐饮服务经营者"
k Tab
t "上官草稿"
k Tab Tab
t "110101199003070011"
draft_saved case_new "110101199003070011"
tap $? "the new-case form is kept as a draft while typing"
[ "$(stat -c %a "$(draft_path case_new)")" = 600 ]
tap $? "the draft is private (0600)"
kill -9 "$(client_pid)"
poll pane_dead
tap $? "the client is killed in the middle of the form"

client_start 80 24
login clerk1 demo-password-1
wait_for "未提交的草稿" && screen_has "000131104000 食品经营许可" &&
	screen_has "新建办件"
tap $? "the next start offers the draft"
k Enter
wait_for "新建办件" && wait_for "上官草稿"
tap $? "Enter restores it into the new-case form"
screen_has "000131104000 食品经营许可" && screen_has "< 餐饮服务经营者" &&
	screen_has "110101199003070011"
tap $? "item, the second scenario and the ID are back"
k F2
wait_for "材料核对" && wait_for "未核对9"
tap $? "the restored case is created with the scenario's nine materials"
poll draft_gone case_new
tap $? "creating the case removes the draft"

mark 111111111 && k F7 && wait_for "可以正常受理" && k F2 &&
	wait_for "已受理 SL-"
tap $? "the case is accepted"
k Escape
wait_for "[已受理]"
k Escape
wait_for "工作台"
t "上官草稿"
wait_for "SL-20261102-0001"
k Enter
wait_for "F7"
k F7
wait_for "办结：选择审批结果"
k BTab Left
wait_for "< 不予批准 >"
k Tab
t "场所面积不符合要求"
draft_saved case_actions "场所面积不符合要求"
tap $? "the completion note is kept as a draft"
kill -9 "$(client_pid)"
poll pane_dead
client_start 80 24
login clerk1 demo-password-1
wait_for "未提交的草稿"
# The queue lists the drafts first: the completion note is the only one.
k Enter
wait_for "办结：选择审批结果" && wait_for "场所面积不符合要求" &&
	screen_has "< 不予批准 >" && screen_has "SL-20261102-0001"
tap $? "after a crash the note comes back on the same case, result kept"
k F2
wait_for "现在的状态：不予批准"
tap $? "the case is completed as denied"
poll draft_gone case_actions
tap $? "submitting removes the draft"
quit_clean
tap $? "F10 quits cleanly"
tap_done
