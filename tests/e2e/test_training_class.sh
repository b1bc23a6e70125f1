#!/bin/bash
# Training mode, the trainer's view of a class (issue 14.10) through the
# real client at 80x24: with [training] results_dir naming a shared folder,
# a trainee's attempt goes to this PC's file there (results-HOST.json),
# beside one another PC left; trainer1 sees both trainees counted against
# all 13 scenarios, opens trainee1's scenarios (attempts and the checks
# lost), the stored debrief of one, and exports the class as CSV.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/training_steps.sh

SHARE="$E2E_TMP/share"
mkdir -p "$SHARE"
E2E_CLIENT_CONF="$E2E_TMP/wincase-class.conf"
sed "s|^; results_dir = .*|results_dir = $SHARE|" "$WINCASE_CONF/wincase.conf" \
	>"$E2E_CLIENT_CONF"
grep -q "^results_dir = $SHARE" "$E2E_CLIENT_CONF"
tap $? "the configuration names a shared results folder"
# What another counter PC left there: trainee2 did t01 right.
cat >"$SHARE/results-pc2.json" <<'JSON'
{"version": 1, "trainees": {"trainee2": [{"scenario": "t01_inquiry_answered",
 "title": "咨询当场答复", "score": 100, "max_points": 100, "earned": 100,
 "hint_cost": 0, "seconds": 95, "at": "2026-12-01T02:00:00Z", "hints": 0,
 "checks": [
  {"check": "inquiry_registered", "rule": "R1", "points": 30, "earned": 30,
   "passed": true, "explain": "x", "found": ""},
  {"check": "inquiry_closed", "rule": "R1", "points": 50, "earned": 50,
   "passed": true, "explain": "x", "found": ""},
  {"check": "no_case", "rule": "R1", "points": 20, "earned": 20,
   "passed": true, "explain": "x", "found": ""}]}]}}
JSON

tr_client_start 80 24
tr_login trainee1 && tr_pick 3 &&
	inq_register "孙立强" "321283197801053532" "问食品经营许可（餐饮）怎么办" &&
	inq_handoff 3 "去住建局问问" && tr_finish && wait_for "得分 30 / 100" &&
	wait_for "成绩已保存"
tap $? "trainee1 takes t03's bounce trap: 30 of 100, saved"
quit_clean
[ "$(ls "$SHARE"/results-*.json | wc -l)" -eq 2 ] &&
	[ ! -e "$TRAINING_DIR/results.json" ] &&
	grep -q '"trainee1"' "$(ls "$SHARE"/results-*.json | grep -v pc2)"
tap $? "the attempt went to this PC's own file in the shared folder"

tr_client_start 80 24
tr_login trainer1 && screen_has "trainee1" && screen_has "trainee2" &&
	screen_has "1/13" && screen_has "30/1300" && screen_has "100/1300" &&
	screen_has "已练情景"
tap $? "trainer1 sees both PCs' trainees counted against all 13 scenarios"
keys Enter
wait_for "学员 trainee1：已练 1/13 个情景，总分 30/1300" &&
	screen_has "未练习" && screen_has "不转办、办结咨询" && screen_has "30/100"
tap $? "Enter: trainee1's scenarios, attempts, best and the checks lost"
keys Down Down Enter
wait_for "学员 trainee1 的最好一次练习" && screen_has "得分 30 / 100" &&
	screen_has "✗ 未通过  R1 首问负责  0/40 分" && screen_has "实际：转办 1 次"
tap $? "Enter on t03: the stored debrief of trainee1's best attempt"
keys Enter
wait_for "学员成绩" && keys Escape && wait_for "学员进度"
tap $? "Enter and Esc lead back to the class"
keys F6
wait_for "已导出到 $TRAINING_DIR/training-class.csv"
tap $? "F6 exports the class as CSV"
csv="$TRAINING_DIR/training-class.csv"
[ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
	[ "$(wc -l <"$csv")" -eq 27 ] &&
	grep -q "^trainee1,t03_bounce_trap,推诿陷阱,1,30,100,不转办、办结咨询," "$csv" &&
	grep -q "^trainee2,t01_inquiry_answered,咨询当场答复,1,100,100,," "$csv" &&
	grep -q "^trainee2,t02_inquiry_handoff,他部门事项转办,0,,100,," "$csv"
tap $? "the CSV: BOM, a header and one row per trainee and scenario (26)"
quit_clean
tap $? "F10 quits cleanly"
tap_done
