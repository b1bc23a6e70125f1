#!/bin/bash
# Training mode's leftovers (issue 14.11) through the real client:
# a draft typed in training lives in the private server's folder (the
# trainee's local store there) and is gone with it (also after kill -9 of
# the client), and one an older version left in the training folder is
# removed, never offered; the side panel
# at 80x24 is a page over the body, never over part of the work queue,
# and beside the queue at 120 columns; F6 培训模式 is not offered (and
# says why) on a restricted login screen; wincase(1) documents
# --training.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/training_steps.sh

# The trainee's drafts are entries of the encrypted local store
# (localstore.h: local/SERVER/USER/draft-SCREEN.wce).
drafts_in() { find "$@" -name 'draft-*' 2>/dev/null | grep -q .; }
outside_servers() { find "$TRAINING_DIR" -name 'draft-*' -not -path '*/srv-*' | grep -q .; }
no_store_dirs() { ! ls -d "$TRAINING_DIR"/srv-* >/dev/null 2>&1; }

# --- drafts
tr_client_start 80 24
tr_login trainee1 && tr_pick 1 && keys F4 && wait_for "登记新咨询" &&
	type_text "草稿测试" && poll drafts_in "$TRAINING_DIR"/srv-*
tap $? "a draft of the inquiry form is kept in the private server's folder"
! outside_servers
tap $? "no draft in the training folder itself"
# What versions before the encrypted store left there, in plain text.
printf 'wincase-draft 1\nscreen inquiry\ncontext \nsaved 2026-11-02T09:30:00\ntext applicant.name 旧草稿\n' \
	>"$TRAINING_DIR/draft-inquiry.txt"
kill -9 "$(client_pid)"
E2E_TIMEOUT=15 poll no_store_dirs
tap $? "after kill -9 of the client the server removes the draft with its folder"
tr_client_start 80 24
tr_login trainee1 && ! outside_servers && tr_pick 1 &&
	screen_lacks "草稿测试" && screen_lacks "旧草稿" && screen_lacks "未提交的草稿"
tap $? "the next training session offers no draft (the old one is removed)"

# --- the side panel at 80x24: a page, then the whole queue
keys Escape
wait_for "培训情景" || { keys C-t && wait_for "培训菜单" && keys 5 && wait_for "培训情景"; }
keys Down Enter
wait_for "情景说明 1/2" && screen_lacks "我的待办咨询" &&
	screen_has "其他键回到工作台"
tap $? "80x24: the brief is a page over the body, nothing of the queue under it"
keys Down
wait_gone "情景说明 1/2" && screen_has "我的待办咨询" && screen_has "状态"
tap $? "80x24: the next key closes it and the whole queue shows"
quit_clean

# --- at 120 columns it stands beside the queue
tr_client_start 120 30
tr_login trainee1 && keys Enter && wait_for "情景说明 1/2"
header=$(screen_text | grep "^ *编号" | head -1)
screen_has "我的待办咨询" && [[ $header == *"状态"*"咨询当场答复"* ]]
tap $? "120x30: the panel is beside the queue, whose columns end before it"
keys F11 && wait_for "情景说明 2/2" && keys F11 && wait_gone "情景说明 2/2"
wide=$(screen_text | grep "^ *编号" | head -1)
before=${header%%状态*} after=${wide%%状态*}
[ "${#after}" -gt "${#before}" ]
tap $? "120x30: hidden (F11 twice), the queue takes the whole width again"
quit_clean

# --- F6 on the login screen
client_spawn 80 24 "$WINCASE_BIN" --config "$WINCASE_CONF/wincase.conf"
wait_for "用户名" && [[ $(screen_text | tail -1) == *"F6培训模式"* ]]
tap $? "an ordinary login screen offers F6 培训模式"
quit_clean
client_spawn 80 24 "$WINCASE_BIN" --restricted --config "$WINCASE_CONF/wincase.conf"
wait_for "用户名" && [[ $(screen_text | tail -1) != *"F6"* ]]
tap $? "a restricted login screen does not offer F6"
keys F6
wait_for "受限模式下不能从登录界面进入培训模式"
tap $? "F6 there says why instead of doing nothing"
quit_clean

# --- wincase(1)
page=$(MANWIDTH=80 man -l docs/man/wincase.1 2>/dev/null)
[[ $page == *"TRAINING MODE"* && $page == *"--training"* &&
	$page == *"results_dir"* && $page == *"WINCASE_TRAINING_LOG"* ]]
tap $? "wincase(1) documents --training, its results folder and log"
tap_done
