#!/bin/bash
# An invalid resident ID is refused on the form as it is typed, with a
# clear Chinese message, and nothing is created.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

clerk_session
keys F4
wait_for "登记新咨询"
type_text "张三"
keys Tab Tab
type_text "1101051949"
wait_for "身份证号应为18位，已输入10位"
tap $? "a short ID says how many characters are missing"
type_text "12310021"
wait_for "身份证号校验位不正确"
tap $? "a wrong check digit is refused as it is typed"
keys Tab Tab Tab Tab
type_text "办理个体工商户登记"
keys F2
wait_for "还有填写不正确的项目"
tap $? "F2 refuses to send the form"
screen_has "登记新咨询" && screen_has "身份证号校验位不正确"
tap $? "the form stays open with the message on the ID field"
[ "$(api_inquiry_count clerk1)" -eq 0 ]
tap $? "nothing was created on the server"

screen_has "输入时即检查号码"
tap $? "the refused submit puts the cursor on the ID field"

# A birth date that does not exist (1949-02-30) is named as such.
keys C-u
type_text "110105194902300012"
wait_for "出生日期"
tap $? "an impossible birth date is named"
keys C-u
wait_gone "出生日期"
tap $? "an emptied (optional) ID shows no error"
keys Escape
wait_for "填写的内容尚未提交" && keys 2
wait_for "我的待办咨询" && wait_for "目前没有待跟进的咨询"
tap $? "Esc and 2 (放弃) leave the form; the list is still empty"
quit_clean
tap $? "F10 quits cleanly (exit status 0)"
tap_done
