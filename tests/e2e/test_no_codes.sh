#!/bin/bash
# No raw codes reach the clerk (issue 13.4): every counter screen is
# visited at 80x24 and its text may hold no ASCII word outside a short
# allowlist (key names, SSH, CSV, the program's name, numbers and the
# codes a clerk types or reads off a document: SW-/SL-/GZ-/CN- numbers,
# user names like clerk1, the server's address), nor a time in its wire
# form.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

ALLOW='F[0-9]+|Esc|Enter|Tab|Shift|Ctrl|Del|Home|End|PgUp|PgDn|Space|SSH|CSV|wincase'

# The ASCII words of the screen that the allowlist does not cover, and
# times in their wire form (issue 13.7: 2026-11-02T09:00:00+08:00 reads
# 11-02 09:00).
stray_words() {
	screen_text | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+[^ ]*'
	# a line that starts with closing punctuation (line-breaking rules)
	screen_text | grep -oE '^ {0,2}[，。、；：？！）」』】》]' | sed 's/^/line-start:/'
	screen_text |
		sed -E 's#https?://[^ ]*##g; s/(SW|SL|GZ|CN)-[0-9-]+//g;
			s/[a-z]+[0-9]+//g' |
		grep -oE '[A-Za-z][A-Za-z_]+' | grep -vxE "$ALLOW" | sort -u |
		tr '\n' ' '
}

# no_codes SCREEN TEXT: once TEXT is on screen (the screen was reached),
# a TAP line; the stray words are printed when it fails.
no_codes() {
	local words rc=0
	wait_for "$2" || rc=1
	words=$(stray_words)
	[ -z "$words" ] || rc=1
	tap $rc "$1: reached, no raw code or English word on screen${words:+ (found: $words)}"
}

MARKS=11111121
client_conf_printing
server_start
tap $? "wincased starts"
client_start 80 24
no_codes "login" "用户名"
login clerk1 demo-password-1
tap $? "clerk1 logs in"
no_codes "home" "我的待办咨询"
keys F1
no_codes "help" "常用按键"
keys Escape
wait_for "我的待办咨询"

# New inquiry, with an error message shown, and the catalog search.
keys F4
wait_for "登记新咨询"
type_text "钱八"
keys Tab Tab
type_text "1234"
keys Tab
no_codes "new inquiry with an error" "已输入4位"
keys BTab C-u
type_text "110101199003070011"
keys Tab Tab Tab
keys Enter
wait_for "选择事项"
no_codes "item search" "找到"
keys Escape
wait_for "登记新咨询"
keys Tab
type_text "新开便利店办食品经营许可"
keys F2
wait_for "已登记咨询 SW-"
tap $? "the inquiry is registered"
wait_for "钱八"
keys Enter
no_codes "inquiry view" "咨询详情"
keys F3
no_codes "handoff form" "转办咨询"
keys Enter
no_codes "handoff target picker" "选择转办对象"
keys Escape
wait_for "转办咨询"
keys Escape
wait_for "咨询详情"
keys F2
no_codes "close form" "办结咨询"
keys Escape
wait_for "咨询详情"

# The case: new, checklist, notice preview, tolerant acceptance.
keys F6
wait_for "新建办件"
no_codes "new case" "钱八"
keys Enter
wait_for "选择事项"
type_text "食品"
wait_for "找到 1 项"
keys Enter F2
wait_for "材料核对"
no_codes "checklist" "未核对8"
for ((i = 0; i < 8; i++)); do keys "${MARKS:i:1}"; done
no_codes "checklist marked" "未核对0"
keys F6
no_codes "notice preview" "一次性告知"
keys Escape
wait_for "材料核对"
keys F7
no_codes "tolerant acceptance" "符合容缺受理条件"
type_text "钱八"
keys F2
no_codes "accepted, commitment shown" "已受理 SL-"
keys Escape
wait_for "[容缺受理]"
keys Escape
wait_for "咨询详情"
keys Escape
no_codes "home with a case" "工作台"

# The case view and its actions, documents, completion and rating.
type_text "钱八"
wait_for "SL-"
keys Enter
no_codes "case view" "F7"
keys Enter
no_codes "documents" "CN-"
keys Escape
keys F6
no_codes "supplement" "补交材料"
keys Enter
no_codes "supplement recorded" "已登记补交"
keys Escape
keys F8
no_codes "withdraw" "撤回"
keys Escape
keys F7
no_codes "completion" "办结：选择审批结果并填写说明"
keys Down Down
type_text "按时补交后准予"
keys F2
no_codes "completed" "现在的状态"
keys F9
no_codes "rating" "请您对本次服务作出评价"
keys 5 Enter
wait_for "感谢您的评价"
keys Escape
no_codes "case view, completed and rated" "已办结"
keys Escape
wait_for "工作台"
keys Escape F3
wait_for "查找办件和咨询"
type_text "钱八"
keys Enter
no_codes "find" "SL-"
keys Escape
wait_for "工作台"
quit_clean
tap $? "F10 quits cleanly"
tap_done
