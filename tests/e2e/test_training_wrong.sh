#!/bin/bash
# Training mode, wrong paths through the real client (wincase
# --training, 80x24): each loses exactly the points of the checks it
# breaks, and the debrief marks them ✗ with the rule and its one-sentence
# explanation - t03 the bounce trap taken (handed off), t01 an inquiry
# turned into a case, t09 the breach on record ignored (no notice), t10 no
# notice for an item off the tolerant list after a hint (F1) that costs 10;
# then t01 tried again and done right scores 100 (attempts are apart).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/training_steps.sh

tr_client_start 80 24
tr_login trainee1
tap $? "trainee1 logs in"

# --- t03: handed off instead of answered
tr_pick 3 && inq_register "孙立强" "321283197801053532" "问食品经营许可（餐饮）怎么办" &&
	inq_handoff 3 "去住建局问问"
tap $? "t03 wrong: the trainee hands the inquiry on to window 3"
tr_finish && wait_for "得分 30 / 100" && screen_has "✗ 未通过  R1 首问负责  0/40 分" &&
	screen_has "本窗口能办的事项不得转办，否则就是推诿。" &&
	screen_has "✗ 未通过  R1 首问负责  0/30 分" && screen_has "✓ 通过  R1 首问负责  10/10 分"
tap $? "t03 wrong: 30 of 100 - no_handoff (40) and inquiry_closed (30) lost, with R1 explained"
tr_back

# --- t01: converted to a case instead of answered
tr_pick 1 && inq_register "陈美华" "321202198503124618" "问食品经营许可要带什么材料" &&
	keys F6 && wait_for "选择事项" && type_text 000131104000 &&
	wait_for "找到 1 项" && keys Enter && wait_for "办事情形" &&
	screen_has "陈美华" && keys F2 && wait_for "材料核对"
tap $? "t01 wrong: the inquiry is converted into a case"
tr_finish && wait_for "得分 30 / 100" &&
	screen_has "能当场答复的咨询应当场答复" && screen_has "不应立案" &&
	screen_has "✗ 未通过  R1 首问负责  0/50 分" && screen_has "✗ 未通过  R1 首问负责  0/20 分"
tap $? "t01 wrong: 30 of 100 - inquiry_closed (50) and no_case (20) lost, explained"
tr_back

# --- t09: the breach ignored: tolerant refused, no notice
tr_pick 9 && case_open 000150011000 0 泰州市光彩广告有限公司 1 91321202MA1XK3P5A7 &&
	case_mark 111211 && keys F7 && wait_for "不符合容缺受理条件"
tap $? "t09 wrong: tolerant acceptance tried and refused"
keys Escape
wait_for "材料核对" && tr_finish && wait_for "得分 60 / 100" &&
	screen_has "✗ 未通过  R2 一次性告知  0/40 分" &&
	screen_has "不能容缺时，要一次性告知缺少的材料。" &&
	screen_has "✓ 通过  R3 容缺受理  50/50 分"
tap $? "t09 wrong: 60 of 100 - notice_lists (40) lost, R2 explained"
tr_back

# --- t10: a hint, then no notice
tr_pick 10 && keys F1 && wait_for "提示 1（扣 10 分）"
tap $? "t10: F1 shows the first hint and its cost"
keys F1
wait_for "本情景没有更多提示了"
tap $? "t10: a second F1 says there is no more (nothing more is charged)"
case_open 000131206000 1 冯雅琴 0 321202197608233699 && case_mark 111121 &&
	wait_for "材料不齐且不能容缺"
tap $? "t10 wrong: the check says a notice is due; the trainee stops there"
tr_finish && wait_for "得分 40 / 100（做对 50 分，提示扣 10 分）" &&
	screen_has "✗ 未通过  R2 一次性告知  0/40 分" && screen_has "缺件要一次性告知。" &&
	screen_has "✗ 未通过  R2 一次性告知  0/10 分" && screen_has "✓ 通过  R3 容缺受理  50/50 分"
tap $? "t10 wrong: 40 of 100 - notices (40+10) lost and the hint's 10 taken off"
tr_back && screen_has "40/100" && screen_has "30/100"
tap $? "the list shows the best scores so far"

# --- t01 again on the same server: only this attempt is scored, so the
# case made by the wrong attempt above no longer costs points.
tr_pick 1 && inq_register "陈美华" "321202198503124618" "问食品经营许可要带什么材料" &&
	inq_close 0 "已告知需带申请书、营业执照、场所证明等材料"
tap $? "t01 again: this time the inquiry is answered on the spot"
tr_finish && full_marks
tap $? "t01 again: 100 of 100 - the earlier attempt's case is not held against it"
tr_back && screen_has "100/100"
tap $? "the list shows t01's new best score"

quit_clean
tap $? "F10 quits cleanly"
tap_done
