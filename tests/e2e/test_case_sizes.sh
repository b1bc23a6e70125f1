#!/bin/bash
# The case flow at 120x40 with TERM=screen and NO_COLOR, then at 80x24
#; the terminal is resized in the middle of the commitment form
# and of the override reason and nothing typed is lost; states are marked by
# a symbol as well as a word, never by colour alone; CJK is never cut.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

resize() { # cols rows
	tmux -L "$E2E_SOCK" resize-window -t wc -x "$1" -y "$2"
	poll sh -c "[ \$(tmux -L $E2E_SOCK display -p -t wc '#{pane_width}') = $1 ]"
}

# No line of the screen is wider than the terminal (a cut CJK character
# or an overflow would show as a longer line).
fits() { # cols
	[ "$(screen_text | wc -L)" -le "$1" ]
}

server_start
tap $? "wincased starts"
client_start 120 40 NO_COLOR=1 TERM=screen
login clerk1 demo-password-1
tap $? "clerk1 logs in at 120x40, TERM=screen, NO_COLOR"
case_new "公共场所" "欧阳娜娜" "110101199003070011"
tap $? "a case of 公共场所卫生许可 is opened"
screen_has "材料核对" && ! screen_coloured
tap $? "the checklist has no colour with NO_COLOR"
n=$(screen_text | grep -c "? 未核对")
[ "$n" -ge 5 ]
tap $? "every unchecked material is marked '?' ($n), not only by colour"
tolerable=$(screen_text | grep -n "可容缺" | grep -v "容缺   核对" | head -1 | cut -d: -f1)
header=$(screen_text | grep -n "材料名称" | head -1 | cut -d: -f1)
pos=$((tolerable - header))
[ "$pos" -ge 1 ]
tap $? "a tolerable material is at position $pos"
marks=""
for ((i = 1; i <= n; i++)); do
	if [ "$i" -eq "$pos" ]; then marks="${marks}2"; else marks="${marks}1"; fi
done
mark "$marks"
screen_has "x 缺少" && screen_has "+ 已提供"
tap $? "provided and missing carry symbols"
fits 120
tap $? "nothing overflows 120 columns"

k F6
wait_for "【预览】"
k F2
wait_for "已出具一次性告知书 GZ-"
tap $? "the notice is issued at 120x40"
k Escape
wait_for "[已一次性告知]"
k F7
wait_for "✓ 符合容缺受理条件"
tap $? "tolerant acceptance is offered"
t "欧阳"
resize 80 24
wait_for "F2受理" && screen_has "欧阳" && screen_has "申请人确认姓名"
tap $? "shrunk to 80x24 in the middle of the name: what was typed is kept"
fits 80
tap $? "nothing overflows 80 columns"
t "娜娜"
resize 100 30
wait_for "欧阳娜娜"
tap $? "grown again, the full name is there"
k F2
wait_for "已受理 SL-" && screen_has "CN-"
tap $? "the case is accepted tolerantly"
fits 100
tap $? "the commitment text fits 100 columns"
k Escape
wait_for "[已容缺受理]"
quit_clean
tap $? "F10 quits cleanly"
tap_done
