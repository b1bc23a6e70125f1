#!/bin/bash
# Issue 13 point 2: every document of a case is listed on the case view and
# can be reopened, reprinted (补打 on the paper, the reprint audited) and
# saved; the print command names a printer with a space in it ("Front
# Desk" as a file name here), still run without a shell.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

E2E_CLIENT_CONF="$E2E_TMP/wincase-print.conf"
mkdir -p "$E2E_TMP/Front Desk"
sed -e "s|^print_command = .*|print_command = tee -a \"$E2E_TMP/Front Desk/printed.txt\"|" \
	-e "s|^;* *data_dir = .*|data_dir = $E2E_TMP/data|" \
	"$WINCASE_CONF/wincase.conf" >"$E2E_CLIENT_CONF"
printed="$E2E_TMP/Front Desk/printed.txt"
clerk_session

# A notice on a case, then tolerant acceptance with a commitment.
case_new "食品" "赵六" "440304197801010045" && mark 11111121 && k F6 &&
	wait_for "【预览】一次性告知书" && k F2 && wait_for "已出具一次性告知书 GZ-"
tap $? "a notice is issued"
k Escape
wait_for "已一次性告知"
k F7
wait_for "✓ 符合容缺受理条件"
t "赵六"
k F2
wait_for "CN-20261102-0001"
tap $? "the case is accepted tolerantly with commitment CN-20261102-0001"
k Escape
wait_for "[已容缺受理]"
k Escape
wait_for "工作台"
rm -f "$printed"

t "赵六"
wait_for "SL-20261102-0001"
k Enter
wait_for "办件详情" && wait_for "Enter文书"
tap $? "the case view offers Enter 文书 for a case with documents"
k Enter
wait_for "办件文书" && screen_has "一次性告知书" && screen_has "GZ-20261102-0001" &&
	screen_has "容缺受理承诺书" && screen_has "CN-20261102-0001"
tap $? "Enter lists every document of the case: the notice and the commitment"
screen_has "11-02 09:00" && screen_lacks "2026-11-02T"
tap $? "their times read 11-02 09:00"
screen_has "编号：GZ-20261102-0001"
tap $? "the selected notice's signed text is shown below the list"
screen_has "F6补打" && screen_has "F7存文件"
tap $? "the key bar offers F6 补打 and F7 存文件"
k F6
wait_for "已送打印"
paper=$(printed_text "$printed")
[[ $paper == *"补打11-02"* && $paper == *"编号：GZ-20261102-0001"* ]]
tap $? "F6 reprints the notice to the printer named with a space, marked 补打"
api_get clerk1 "/v1/audit?entity=case:1" | grep -q '"document.reprint"'
tap $? "the server audited the reprint (document.reprint on the case)"
k Down
wait_for "编号：CN-20261102-0001"
tap $? "Down selects the commitment and shows its text"
k F7
wait_for "已保存："
f="$E2E_TMP/data/CN-20261102-0001.txt"
[ -f "$f" ] && [ "$(stat -c %a "$f")" = 600 ] && grep -q "赵六" "$f"
tap $? "F7 saves the commitment as a text file (0600)"
f="$E2E_TMP/data/CN-20261102-0001.pdf"
[ -f "$f" ] && [ "$(stat -c %a "$f")" = 600 ] &&
	[ "$(head -c 5 "$f")" = "%PDF-" ]
tap $? "and the server's PDF beside it (0600)"
rm -f "$printed"
k F6
wait_for "已送打印"
paper=$(printed_text "$printed")
[[ $paper == *"补打11-02"*"编号：CN-20261102-0001"* ]]
tap $? "the commitment is reprinted too"
n=$(api_get clerk1 "/v1/audit?entity=case:1" | grep -o '"document.reprint"' | wc -l)
[ "$n" -eq 2 ]
tap $? "two reprints, two audit entries (got $n)"
k Escape
wait_for "办件详情"
tap $? "Esc returns to the case view"
keys End
wait_for "补打文书  告知书 GZ-20261102-0001" &&
	screen_has "补打文书  承诺书 CN-20261102-0001"
tap $? "the timeline names both reprints in Chinese"
screen_lacks "document.reprint"
tap $? "no action code in the timeline"
quit_clean
tap $? "F10 quits cleanly"
tap_done
