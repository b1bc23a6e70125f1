#!/bin/bash
# Drafts: what the clerk types survives a kill -9 of the client
# and a closed terminal; the next start offers the draft on the work
# queue, Enter restores it, submitting removes it, Del discards one.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

DRAFTS="$E2E_TMP/.local/share/wincase"

clerk_session
screen_lacks "未提交的草稿"
tap $? "no draft on a first start"

keys F4
wait_for "登记新咨询"
type_text "司马草稿"
keys Tab Tab
type_text "11010519491231002X"
keys Tab
type_text "13800138000"
keys Tab Tab Tab
type_text "断电前正在登记的咨询内容"
draft_saved inquiry "断电前正在登记的咨询内容"
tap $? "the draft is written as the clerk types"
[ "$(stat -c %a "$(draft_path inquiry)")" = 600 ] &&
	[ "$(stat -c %a "$DRAFTS")" = 700 ]
tap $? "the draft file is private (0600, folder 0700)"
! grep -q "demo-password" "$(draft_path inquiry)"
tap $? "the draft holds no password"

kill -9 "$(client_pid)"
poll pane_dead
tap $? "the client is killed with SIGKILL in the middle of the form"

client_start 80 24
login clerk1 demo-password-1
tap $? "the client starts again"
wait_for "未提交的草稿" && screen_has "司马草稿"
tap $? "the work queue offers the draft with what was typed"
keys Enter
wait_for "登记新咨询" && wait_for "已恢复上次未提交的内容"
tap $? "Enter restores the draft into the new-inquiry form"
screen_has "司马草稿" && screen_has "11010519491231002X" &&
	screen_has "13800138000" && screen_has "断电前正在登记的咨询内容"
tap $? "every field typed before the crash is back"
keys F2
wait_for "已登记咨询 SW-"
tap $? "the restored form is submitted"
poll draft_gone inquiry
tap $? "submitting removes the draft"
wait_for "司马草稿" && screen_lacks "未提交的草稿"
tap $? "the queue lists the inquiry and no draft any more"

# A closed terminal (SSH session gone): SIGHUP, the draft stays.
keys F4
wait_for "登记新咨询"
type_text "欧阳断线"
draft_saved inquiry "欧阳断线"
tap $? "a second form is being typed"
kill -HUP "$(client_pid)"
poll pane_dead
[ "$(pane_status)" = 0 ] && test -n "$(draft_path inquiry)"
tap $? "after SIGHUP (terminal closed) the client exits cleanly, the draft kept"
client_start 80 24
login clerk1 demo-password-1
wait_for "未提交的草稿" && screen_has "欧阳断线"
tap $? "the next start offers it"
keys DC
wait_for "草稿已丢弃"
poll draft_gone inquiry
tap $? "Del discards the draft"
screen_lacks "欧阳断线"
tap $? "and it is gone from the queue"

# Esc, then 2 (放弃, issue 13.6): the clerk leaves on purpose, no draft
# is kept.
keys F4
wait_for "登记新咨询"
type_text "放弃的"
poll test -n "$(draft_path inquiry)"
keys Escape
wait_for "填写的内容尚未提交"
keys 2
wait_for "工作台"
poll draft_gone inquiry
tap $? "Esc and 2 (放弃) abandon the form and its draft"

quit_clean
tap $? "F10 quits cleanly"
tap_done
