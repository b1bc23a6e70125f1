#!/bin/bash
# One-time notice (R2): a material missing, the notice previewed, issued,
# printed (without a shell) and saved; then a second notice that adds a
# material no earlier notice listed is refused by the once-rule, the new
# material is named, and the notice is issued with an override reason
# (notice issued, refused for a new material, override).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

client_conf_printing
clerk_session
case_new "食品" "张三" "11010519491231002X"
tap $? "F6 on the home screen makes a new case and opens its material check"
screen_has "SL-" && screen_has "食品经营许可申请书" && screen_has "可容缺" &&
	screen_has "主要" && screen_has "复印件" && screen_has "1份"
tap $? "the checklist shows number, materials, role, form, copies, tolerable"
mark 11111121
tap $? "one key per material marks the whole list"
screen_has "x 缺少" && screen_has "缺少1" && screen_has "F6 出具一次性告知书"
tap $? "the missing material is marked by a symbol and the summary says what is open"

k F6
wait_for "【预览】一次性告知书" && screen_has "1. 主要设备设施清单（缺少）" &&
	screen_has "获取方式"
tap $? "F6 previews the notice: every missing material with how to obtain it"
screen_has "F2出具" && screen_lacks "F6打印" && screen_lacks "F7存文件"
tap $? "the preview's key bar offers F2 出具, not print or save yet"
k F2
wait_for "已出具一次性告知书 GZ-" && screen_has "核验码"
tap $? "F2 issues the notice: the server's number and verify code are shown"
screen_has "编号：GZ-"
tap $? "the signed text of the server is shown"
screen_lacks "F2出具" && screen_has "F6打印" && screen_has "F7存文件"
tap $? "once issued the key bar drops F2 出具 and offers print and save"
k F6
wait_for "已送打印"
paper=$(printed_text "$E2E_TMP/printed.txt")
[[ $paper == *"编号：GZ-"* && $paper == *"主要设备设施清单"* ]]
tap $? "F6 prints: the print command got the notice text on its standard input"
k F7
wait_for "已保存："
f=$(ls "$E2E_TMP"/data/GZ-*.txt 2>/dev/null | head -1)
[ -n "$f" ] && [ "$(stat -c %a "$f")" = 600 ] && grep -q "主要设备设施清单" "$f"
tap $? "F7 saves the notice as a text file (mode 0600) in the data folder"

k Escape
wait_for "已一次性告知"
tap $? "back on the checklist the case is notified"
k F6
wait_for "【预览】" && screen_lacks "F2出具"
tap $? "a new preview with nothing new missing offers no F2 出具"
k F2
screen_lacks "已出具一次性告知书 GZ-20261102-0002"
tap $? "and F2 there issues nothing"
k Escape
wait_for "已一次性告知"
k Home Down Down Down Down
k 2
wait_for "缺少2"
tap $? "a main material is now marked missing too"
k F6
wait_for "【预览】" && screen_has "经营设施布局图和操作流程说明（缺少）"
tap $? "the second preview lists both materials"
k F2
wait_for "此前的告知书没有列出下列材料" && screen_has "· 经营设施布局图和操作流程说明"
tap $? "the once-rule refuses: the new material is named"
screen_lacks "· 主要设备设施清单"
tap $? "the material listed before is not among the new ones"
k F2
wait_for "请写明补充告知的理由"
tap $? "an override needs a reason"
t "申请人更换了经营场所，布局图需重新提交"
k Enter
wait_for "已出具一次性告知书 GZ-" && screen_has "GZ-20261102-0002"
tap $? "with a reason the notice is issued (second number)"
api_get clerk1 "/v1/cases?scope=mine" | grep -q '"once_violation": *true' ||
	api_get clerk1 "/v1/cases/1" | grep -q '"once_violation": *true'
tap $? "the server marks the second notice once_violation"
echo "# keystrokes: $E2E_KEYS keys, $E2E_TYPED typed characters"
k Escape
wait_for "材料核对"
quit_clean
tap $? "F10 quits cleanly"
tap_done
