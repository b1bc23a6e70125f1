#!/bin/bash
# Terminals (issue 13.9): TERM=dumb is refused with a clear message;
# on TERM=vt100 (no alternate screen) the screen is left blank on exit, so
# the prompt does not land on the key bar; Ctrl-C quits nothing and says
# how to quit.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

server_start
tap $? "wincased starts"

# What the pane printed, its scrolled-off lines included.
printed() { tmux -L "$E2E_SOCK" capture-pane -p -S -50 -t wc; }
status_written() { [ -s "$E2E_TMP/client.status" ]; }

client_start 80 24 TERM=dumb
poll pane_dead && poll status_written
[ "$(pane_status)" = 2 ] && printed | grep -q "终端类型 dumb 不能显示全屏界面" &&
	printed | grep -q "vt100"
tap $? "TERM=dumb: refused with a message naming terminals that work (status 2)"

client_start 80 24 TERM=vt100
login clerk1 demo-password-1
tap $? "TERM=vt100: clerk1 logs in"
keys C-c
wait_for "Ctrl-C 不会退出" && screen_has "要退出请按 F10"
tap $? "Ctrl-C says how to quit"
! pane_dead && screen_has "我的待办咨询"
tap $? "and quits nothing"
keys Escape 0 # vt100 has no F10: the key bar's Esc+digit
poll pane_dead && poll status_written && [ "$(pane_status)" = 0 ]
tap $? "Esc 0 (F10) quits cleanly"
screen_lacks "F10退出" && screen_lacks "我的待办咨询"
tap $? "on vt100 the screen is left blank: nothing of the key bar remains"
tap_done
