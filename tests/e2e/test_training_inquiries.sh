#!/bin/bash
# Training mode, the inquiry scenarios through the real client
# (wincase --training at 80x24): the TRAINING banner on every screen, the
# scenario list, the side panel (brief, what the applicant says), then the
# ideal paths of t01 (answered on the spot), t02 (handed off to window 3,
# acknowledged by the simulated colleague, closed as referred) and t03 (the
# bounce trap: answered, no handoff), each scored 100 in the debrief.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/training_steps.sh

tr_client_start 80 24
E2E_TIMEOUT=30 wait_for "【培训模式 TRAINING】" && screen_has "http://127.0.0.1:" &&
	screen_has "学员 trainee1 / 老师 trainer1，密码 training-only-1"
tap $? "wincase --training starts a private server on loopback; the banner shows at login"
tr_login trainee1
tap $? "trainee1 logs in with the training password and sees the scenario list"
screen_has "t01" && screen_has "t13" && screen_has "未练习"
tap $? "the list holds the 13 scenarios, none tried yet"

# --- t01: answered on the spot
keys Enter
wait_for "情景说明 1/2" && screen_has "申请人说：" && screen_has "“" &&
	screen_has "【培训模式 TRAINING】"
tap $? "a scenario opens the work queue with the brief and what the applicant says beside it"
keys F11
wait_for "情景说明 2/2" && screen_has "申请人：陈美华" && screen_has "321202198503124618"
tap $? "F11 turns to the applicant's identity"
keys F11
wait_gone "情景说明 2/2" && screen_has "【培训模式 TRAINING】"
tap $? "F11 again hides the panel; the banner stays"
inq_register "陈美华" "321202198503124618" "问食品经营许可要带什么材料" &&
	screen_has "【培训模式 TRAINING】"
tap $? "t01: the inquiry is registered on the ordinary form and opens"
inq_close 0 "已告知需带申请书、营业执照、场所证明等材料"
tap $? "t01: closed as answered"
tr_finish && full_marks && screen_has "首问负责" && screen_has "用时"
tap $? "t01: the debrief gives 100 of 100, the rule and the time taken"
tr_back && screen_has "100/100"
tap $? "back on the list, t01 shows its best score"

# --- t02: handed off to window 3, acknowledged by the colleague
tr_pick 2
inq_register "刘建国" "321204199007251826" "问建筑工程施工许可在哪里办" &&
	inq_handoff 3 "施工许可由住建局3号窗口办理"
tap $? "t02: handed off to window 3 with a reason"
wait_for "周晓（3号窗口） 已接收你的转办"
tap $? "t02: the simulated colleague of window 3 acknowledges it"
keys F5
wait_for "已接收：window3" && inq_close 1 "已转住建局3号窗口并已接收"
tap $? "t02: after the acknowledgement, closed as referred"
tr_finish && full_marks && screen_has "实际：转给3号窗口，对方已接收"
tap $? "t02: 100 of 100, the handoff found acknowledged"
tr_back

# --- t03: the bounce trap
tr_pick 3
inq_register "孙立强" "321283197801053532" "问食品经营许可（餐饮）怎么办" &&
	inq_close 0 "本窗口受理，已告知材料清单"
tap $? "t03: answered here, no handoff"
tr_finish && full_marks && screen_has "实际：转办 0 次"
tap $? "t03: 100 of 100"
tr_back

grep -q '"t03_bounce_trap"' "$TRAINING_DIR/results.json" &&
	[ "$(stat -c %a "$TRAINING_DIR/results.json")" = 600 ]
tap $? "results are kept for trainee1 in results.json (0600)"
quit_clean
tap $? "F10 quits cleanly"
! ls -d "$TRAINING_DIR"/srv-* >/dev/null 2>&1 &&
	! pgrep -f -- "--db $TRAINING_DIR/" >/dev/null
tap $? "the private server and its store are gone"
tap_done
