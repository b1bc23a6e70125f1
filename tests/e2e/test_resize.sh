#!/bin/bash
# The same registration at 120x40 with NO_COLOR and TERM=screen; the
# terminal shrinks to 80x24 in the middle of typing and grows again, and
# nothing typed is lost.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

server_start
tap $? "wincased starts"
client_start 120 40 NO_COLOR=1 TERM=screen
login clerk1 demo-password-1
tap $? "clerk1 logs in at 120x40 with TERM=screen and NO_COLOR"
screen_text | head -1 | grep -q "服务器：在线" &&
	[ "$(screen_text | head -1 | wc -L)" -gt 100 ]
tap $? "the status line spans the wide terminal"
! screen_coloured
tap $? "NO_COLOR: no colour at all, the monochrome scheme"
keys F4
wait_for "登记新咨询"
type_text "欧阳娜娜"
keys Tab Tab
type_text "1101051949"
wait_for "1101051949"
tap $? "half an ID is typed"

tmux -L "$E2E_SOCK" resize-window -t wc -x 80 -y 24
poll sh -c "[ \$(tmux -L $E2E_SOCK display -p -t wc '#{pane_width}') = 80 ]"
wait_for "F2提交" && screen_has "欧阳娜娜" && screen_has "1101051949"
tap $? "after shrinking to 80x24 the typed name and ID are still there"
[ "$(screen_text | wc -l)" -le 24 ] && screen_text | tail -1 | grep -q "F10退出"
tap $? "the key bar is on the bottom line of the smaller terminal"
type_text "12310020"
wait_for "身份证号校验位不正确"
tap $? "typing goes on in the same field after the resize"
keys BSpace
type_text "X"
wait_gone "身份证号校验位不正确"
tap $? "the corrected ID is accepted"

tmux -L "$E2E_SOCK" resize-window -t wc -x 100 -y 30
poll sh -c "[ \$(tmux -L $E2E_SOCK display -p -t wc '#{pane_width}') = 100 ]"
wait_for "11010519491231002X" && screen_has "欧阳娜娜"
tap $? "growing again keeps the text too"
keys Tab Tab Tab Tab
type_text "想了解公共场所卫生许可的办理时限"
keys F2
wait_for "已登记咨询 SW-"
tap $? "the inquiry is registered"
wait_for "欧阳娜娜" && screen_has "想了解公共场所卫生许可"
tap $? "it is listed on the home screen"
quit_clean
tap $? "F10 quits cleanly (exit status 0)"
tap_done
