#!/bin/bash
# Completion and rating (R5): a case accepted, completed from the case view
# with a note, then rated 2 (不满意) on the large rating screen with reasons;
# the server keeps the rating and opens a rectification review item
# (completion and a rating of 2 with reasons).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

clerk_session
case_new "食品" "孙七" "110101199003070011" && mark 11111111 && k F7 &&
	wait_for "可以正常受理" && k F2 && wait_for "已受理 SL-"
tap $? "a complete case is accepted"
k Escape
wait_for "[已受理]"
k Escape
wait_for "工作台"
t "孙七"
wait_for "SL-20261102-0001"
k Enter
wait_for "办件详情" || wait_for "F7"
tap $? "the case view opens"
k F7
wait_for "办结：选择审批结果并填写说明" && screen_has "< 准予批准 >"
tap $? "F7 opens completion with the result choice"
k F2
wait_for "还有填写不正确的项目"
tap $? "completion needs a note"
t "材料齐全，准予食品经营许可"
k F2
wait_for "现在的状态：已办结"
tap $? "F2 completes the case"
api_get clerk1 /v1/cases/1 | grep -q '"status": *"completed"'
tap $? "the server holds the case as completed"
k F9
wait_for "请您对本次服务作出评价" && screen_has "非常满意" &&
	screen_has "基本满意" && screen_has "非常不满意"
tap $? "F9 opens the rating screen with the five labels"
screen_has "1-5评价"
tap $? "before the rating the key bar offers 1-5 评价"
k Enter
wait_for "请先按数字键 1 至 5"
tap $? "Enter without a level asks for one"
k 2
wait_for "请告诉我们哪里不满意" && screen_has "[ ] 办理时间太长"
tap $? "level 2 asks for reasons"
k Enter
wait_for "请至少勾选一个原因"
tap $? "a rating of 2 without reasons is not sent"
k Space Down Down Space
wait_for "[x] 服务态度不好" && screen_has "[x] 办理时间太长"
tap $? "Space ticks reasons"
k Down Down Down
t "等候时间太长"
k Enter
wait_for "感谢您的评价" && wait_for "已记录评价：2 不满意"
tap $? "Enter sends the rating: thanks on screen"
wait_gone "1-5评价" && screen_lacks "Enter提交"
tap $? "after the rating the key bar no longer offers 1-5 评价 (R5: once)"
api_get clerk1 /v1/cases/1 | grep -q '"level": *2' ||
	api_get clerk1 /v1/cases/1 | grep -q '"rating": *2'
tap $? "the server holds rating 2"
api_get reviewer1 "/v1/review/queue?kind=rectification" | grep -q '"rectification"'
tap $? "a rectification review item is opened"
k Escape
wait_for "已办结" && wait_for "评价"
screen_lacks "F9"
tap $? "back on the case view, a rated case offers no second rating"
quit_clean
tap $? "F10 quits cleanly"
tap_done
