#!/bin/bash
# Register an inquiry for 张三 with a valid resident ID at 80x24 and see it
# in the home list.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

server_start
tap $? "wincased starts on a free loopback port"
client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in and sees the home screen"
screen_has "王小明" || screen_has "clerk1"
tap $? "the status line names the user"
screen_has "服务器：在线"
tap $? "the status line shows the server online"
screen_coloured
tap $? "with TERM=xterm-256color and no NO_COLOR the screen has colours"

keys F4
wait_for "登记新咨询"
tap $? "F4 opens the new-inquiry form"
type_text "张三"
keys Tab Tab
type_text "11010519491231002x" # lower-case x is taken as X
wait_for "11010519491231002X"
tap $? "the ID is typed, its check character upper-cased"
screen_lacks "!"
tap $? "a valid resident ID shows no error"
keys Tab
type_text "13800138000"
keys Tab Tab Tab
type_text "咨询食品经营许可证新办需要哪些材料"
keys F2
wait_for "已登记咨询 SW-"
tap $? "F2 registers the inquiry and confirms its number"
wait_for "我的待办咨询" && screen_has "张三"
tap $? "back on the home screen, the inquiry is listed for 张三"
screen_text | grep -E '^ SW-[0-9]{8}-[0-9]{4} +张三 +咨询食品' >/dev/null
tap $? "the row shows number, applicant and topic"
screen_has "办理中"
tap $? "the row shows the status in Chinese"
[ "$(api_inquiry_count clerk1)" -eq 1 ]
tap $? "the server holds exactly one inquiry"

quit_clean
tap $? "F10 quits cleanly (exit status 0)"
tap_done
