#!/bin/bash
# Limits said, not applied silently (issue 13.8): a name at its 100
# characters says so when more is typed; a name takes CJK Extension B (𠮷)
# and the middle dot, and refuses emoji and symbols with a message.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

clerk_session
keys F4
wait_for "登记新咨询"
type_text "张三😀"
keys Tab
wait_for "不能有表情或符号"
tap $? "an emoji in the name is refused with a message"
keys BTab C-u
type_text "张★三"
keys Tab
wait_for "不能有表情或符号"
tap $? "a symbol too"
keys BTab C-u
type_text "𠮷大吉·阿卜杜拉"
keys Tab
wait_gone "不能有表情或符号"
tap $? "Extension B and the middle dot are accepted"
keys BTab C-u
long=$(printf '张%.0s' $(seq 1 105))
type_text "$long"
wait_for "申请人姓名最多100个字，已到上限"
tap $? "typing past 100 characters says the limit"
keys Tab Tab Tab Tab Tab Tab
type_text "超长姓名测试"
keys F2
wait_for "已登记咨询 SW-"
tap $? "the form is sent with what fitted"
token=$(curl -s -X POST -H 'Content-Type: application/json' \
	-d '{"username":"clerk1","password":"demo-password-1"}' \
	"$E2E_URL/v1/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
name=$(curl -s -H "Authorization: Bearer $token" "$E2E_URL/v1/inquiries/1" |
	sed -n 's/.*"name" *: *"\([^"]*\)".*/\1/p')
[ "${#name}" -eq 100 ]
tap $? "the server holds the 100 characters the clerk was told about"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	-d '{"applicant":{"name":"张三😀"},"topic":"t"}' "$E2E_URL/v1/inquiries")
[ "$code" = 422 ]
tap $? "the server refuses an emoji name too (422)"
quit_clean
tap $? "F10 quits cleanly"
tap_done
