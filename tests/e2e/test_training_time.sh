#!/bin/bash
# Training mode, the scenarios that need time or a rating,
# through the real client (wincase --training, 80x24), each scored 100:
# t11 tolerant acceptance, time advanced 2 working days from the training
# menu, the supplement registered -> fulfilled; t12 time advanced 4 working
# days -> breached and in the credit record; t13 completed, rated 2 with a
# reason. The printed commitment carries 培训样张; the trainer (trainer1)
# then sees trainee1's progress table.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/training_steps.sh

client_conf_printing
tr_client_start 80 24
tr_login trainee1
tap $? "trainee1 logs in"

# --- t11: supplemented in time
tr_pick 11
bar=$(screen_text | tail -1)
[[ $bar == *"F1提示"*"F11情景说明"*"F12培训菜单"* && $bar != *"帮助"* ]]
tap $? "in a scenario the key bar offers F1 提示, F11 情景说明, F12 培训菜单 (F1 is not 帮助)"
case_open 000150008000 0 褚卫东 0 321283198805174301 &&
	case_mark 1111121 && case_tolerant 褚卫东
tap $? "t11: tolerant acceptance"
keys F6
wait_for "已送打印" && paper=$(printed_text "$E2E_TMP/printed.txt") &&
	[[ $paper == *"CN-"* && $paper == *"培训样张"*"培训样张"* ]]
tap $? "t11: the printed commitment carries 培训样张"
tr_time 2
tap $? "t11: the training menu moves the clock 2 working days ahead"
case_view 褚卫东 && keys F6 && wait_for "补交材料" && keys Enter &&
	wait_for "承诺书状态：已履约"
tap $? "t11: the applicant is back: the supplement is registered, fulfilled"
tr_finish && full_marks && screen_has "实际：承诺书状态为“已履约”"
tap $? "t11: 100 of 100"
tr_back

# --- t12: breached when time passes
tr_pick 12 && case_open 000142003000 0 泰州市海陵城投建设有限公司 1 91321204MA20Q7R8BL &&
	case_mark 111112111 && case_tolerant 泰州市海陵城投建设有限公司
tap $? "t12: tolerant acceptance"
tr_time 4
tap $? "t12: 4 working days ahead"
case_view 泰州市海陵 && wait_for "失信"
tap $? "t12: the case view shows the commitment breached"
tr_finish && full_marks && screen_has "实际：承诺书状态为“已失信”" &&
	screen_has "实际：信用记录中失信 1 次"
tap $? "t12: 100 of 100, the breach in the credit record"
tr_back

# --- t13: a bad rating
tr_pick 13 && case_open 000131101000 1 卫红霞 0 321204199112012413 &&
	case_mark 11111 && case_accept
tap $? "t13: accepted normally"
case_view 卫红霞 && keys F7 && wait_for "办结：选择审批结果并填写说明" &&
	type_text "材料齐全，准予登记" && keys F2 && wait_for "现在的状态：已办结"
tap $? "t13: completed as approved"
keys F9
wait_for "请您对本次服务作出评价" && keys 2 && wait_for "请告诉我们哪里不满意" &&
	keys Space && keys Enter && wait_for "感谢您的评价"
tap $? "t13: rated 2 with a reason"
tr_finish && full_marks && screen_has "好差评"
tap $? "t13: 100 of 100"
tr_back

quit_clean
tap $? "F10 quits cleanly"

# --- the trainer
tr_client_start 80 24
tr_login trainer1 && screen_has "trainee1" && screen_has "300/1300" &&
	screen_has "3/13" &&
	screen_has "t11 100" && screen_has "t13 100" && screen_has "练习次数"
tap $? "trainer1 sees trainee1's progress: 3 of 13 scenarios, 300 of 1300"
quit_clean
tap $? "F10 quits cleanly"
tap_done
