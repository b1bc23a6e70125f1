#!/bin/bash
# Training mode, the material-check scenarios through the real
# client (wincase --training, 80x24), each ideal path scored 100: t04
# complete case accepted normally (one material shared), t05 one notice
# for three missing materials, t06 a defective copy, t07 tolerant
# acceptance, t08 a main material missing, t09 a breach on record, t10 an
# item not on the tolerant list; the commitment saved carries 培训样张.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/training_steps.sh

tr_client_start 80 24
tr_login trainee1
tap $? "trainee1 logs in"

# scenario N, item code, scenario steps, name, id type steps, id, marks
case_ideal() { # N CODE SC NAME TYPE ID MARKS [DEFECT]
	tr_pick "$1" && case_open "$2" "$3" "$4" "$5" "$6" && case_mark "$7" "${8:-}"
}

case_ideal 4 000131101000 0 王桂芳 0 321202199211080443 141 && case_accept
tap $? "t04: one material shared from the e-licence, accepted normally"
tr_finish && full_marks && screen_has "实际：办件状态为“已受理”" && screen_lacks "status="
tap $? "t04: 100 of 100"
tr_back

case_ideal 5 000117002000 0 赵丽娟 0 321203198704162254 11111222 && case_notice
tap $? "t05: one notice for the three missing materials"
tr_finish && full_marks && screen_has "一次性告知"
tap $? "t05: 100 of 100"
tr_back

case_ideal 6 000145002000 0 吴海涛 0 321282199306201262 11311 \
	"行驶证复印件检验有效期已过" && case_notice
tap $? "t06: the vehicle licence copy recorded defective with its defect, notice issued"
tr_finish && full_marks
tap $? "t06: 100 of 100"
tr_back

case_ideal 7 000131104000 0 钱志明 0 321204198109304170 11111121 &&
	case_tolerant 钱志明
tap $? "t07: tolerant acceptance, the applicant signs the commitment"
keys F7
wait_for "已保存：" && f=$(ls "$TRAINING_DIR"/CN-*.txt | head -1) &&
	[ "$(grep -c '培训样张' "$f")" -ge 2 ] && head -1 "$f" | grep -q '培训样张'
tap $? "t07: the saved commitment carries 培训样张 across it"
tr_finish && full_marks && screen_has "实际：承诺补交：主要设备设施清单"
tap $? "t07: 100 of 100"
tr_back

case_ideal 8 000131104000 1 郑国华 0 321202199502141584 111211112 && case_notice
tap $? "t08: a main material missing - a notice for both, no acceptance"
tr_finish && full_marks
tap $? "t08: 100 of 100"
tr_back

case_ideal 9 000150011000 0 泰州市光彩广告有限公司 1 91321202MA1XK3P5A7 111211 &&
	keys F7 && wait_for "不符合容缺受理条件" && screen_has "失信"
tap $? "t09: the acceptance screen refuses tolerance because of the breach on record"
keys Escape
wait_for "材料核对" && case_notice
tap $? "t09: a notice instead"
tr_finish && full_marks
tap $? "t09: 100 of 100"
tr_back

case_ideal 10 000131206000 1 冯雅琴 0 321202197608233699 111121 && case_notice
tap $? "t10: item not on the tolerant list - a notice"
tr_finish && full_marks
tap $? "t10: 100 of 100"
tr_back

quit_clean
tap $? "F10 quits cleanly"
tap_done
