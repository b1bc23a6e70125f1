#!/bin/bash
# Issue 12: two clerks on one computer account. clerk1's draft (with an
# applicant's ID number) is neither shown nor restorable to clerk2, not
# even when the file is copied into clerk2's folder; a journal copied over
# is refused with a clear message and set aside, never replayed.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

LOCAL="$E2E_TMP/.local/share/wincase/local"
clerk_session
keys F4
wait_for "登记新咨询"
type_text "甲方草稿人"
keys Tab Tab
type_text "11010519491231002X"
draft_saved inquiry "11010519491231002X"
tap $? "clerk1's draft is saved, encrypted"
kill -9 "$(client_pid)"
poll pane_dead

client_start 80 24
login clerk2 demo-password-1
tap $? "clerk2 logs in on the same computer account"
screen_lacks "未提交的草稿" && screen_lacks "甲方草稿人"
tap $? "clerk2's work queue offers no draft of clerk1"
one=$(dirname "$(draft_path inquiry)")
two=$(ls -d "$LOCAL"/*/* | grep -v "^$one\$" | grep -v '\.old-' | head -1)
[ -n "$one" ] && [ -n "$two" ] && [ "$one" != "$two" ]
tap $? "each clerk has a folder of their own"
keys F10
poll pane_dead
cp "$one/draft-inquiry.wce" "$two/"
cp "$one/journal.wcj" "$two/journal.wcj"
client_start 80 24
login clerk2 demo-password-1
screen_lacks "甲方草稿人" && screen_lacks "未提交的草稿"
tap $? "a draft file copied from clerk1 is refused (not shown)"
wait_for "离线日志无法用您的密钥打开"
tap $? "a journal copied from clerk1 is refused with a clear message"
ls "$two"/journal.wcj.refused-* >/dev/null 2>&1
tap $? "and set aside, not replayed"
keys F10
poll pane_dead

client_start 80 24
login clerk1 demo-password-1
wait_for "未提交的草稿" && screen_has "甲方草稿人"
tap $? "clerk1 gets the draft back"
keys Enter
wait_for "11010519491231002X"
tap $? "and restores it with Enter"

tap_done
