#!/bin/bash
# Typed work is never lost silently (issue 13.6): Esc or F10 on a form
# that holds typing asks 1 保存草稿 / 2 放弃 / Esc 继续填写; a form left
# untouched closes at once.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

clerk_session

# Untouched: Esc leaves at once.
keys F4
wait_for "登记新咨询"
keys Escape
wait_for "我的待办咨询" && screen_lacks "尚未提交"
tap $? "Esc on an untouched form goes back without a question"

# Typed, Esc: asked; Esc again goes on typing with nothing lost.
keys F4
wait_for "登记新咨询"
type_text "上官留稿"
keys Escape
wait_for "填写的内容尚未提交：1 保存草稿  2 放弃  Esc 继续填写"
tap $? "Esc on a filled form asks 保存草稿 / 放弃 / 继续填写"
keys x
wait_for "填写的内容尚未提交" && screen_lacks "上官留稿x"
tap $? "another key is not typed into the form: the question stays"
keys Escape
wait_for "请继续填写" && screen_has "登记新咨询" && screen_has "上官留稿"
tap $? "Esc answers 继续填写: the form and its text stay"
type_text "甲"
wait_for "上官留稿甲"
tap $? "typing goes on in the same field"

# 1: a draft kept, offered on the work queue, restored with Enter.
keys Escape
wait_for "填写的内容尚未提交"
keys 1
wait_for "已保存草稿" && wait_for "未提交的草稿" && screen_has "上官留稿甲"
tap $? "1 keeps a draft: the work queue offers it"
[ -n "$(draft_path inquiry)" ]
tap $? "the draft is on disk"
keys F4
wait_for "登记新咨询"
keys Escape
wait_for "我的待办咨询"
[ -n "$(draft_path inquiry)" ] && screen_has "上官留稿甲"
tap $? "opening and leaving an empty form keeps the saved draft"
keys Up Up Up Up Up Up Up Up Up Up
keys Enter
wait_for "已恢复上次未提交的内容" && screen_has "上官留稿甲"
tap $? "Enter restores the draft"

# 2: thrown away on purpose.
keys Escape
wait_for "填写的内容尚未提交"
keys 2
wait_for "已放弃刚才填写的内容" && wait_for "我的待办咨询"
screen_lacks "未提交的草稿" && draft_gone inquiry
tap $? "2 discards: no draft left"

# F10 mid-form asks too; 1 keeps the draft and quits.
keys F4
wait_for "登记新咨询"
type_text "诸葛退出"
keys F10
wait_for "退出前：1 保存草稿  2 放弃  Esc 继续填写"
tap $? "F10 on a filled form asks before quitting"
keys Escape
wait_for "请继续填写"
! pane_dead
tap $? "Esc: the client goes on"
keys F10
wait_for "退出前"
keys 1
exited_clean
tap $? "1 keeps the draft and quits cleanly"
f=$(draft_path inquiry)
[ -n "$f" ] && ! grep -qF "诸葛退出" "$f"
tap $? "the draft is kept, encrypted (what was typed is not in it in clear)"
client_start 80 24
login clerk1 demo-password-1
wait_for "未提交的草稿" && screen_has "诸葛退出"
tap $? "the next start offers it"
quit_clean
tap $? "F10 on the work queue quits at once"
tap_done
