#!/bin/bash
# The reviewer console and its terminals: idle logout after the configured
# time (2 s here), and in restricted mode the end of the program when the
# login screen stays idle too; TERM=linux says once that Chinese cannot be
# shown and uses ASCII words for the key bar, status line and headings;
# xterm-256color, screen, tmux-256color and vt100 show the queue;
# 120x40 shows more statistics columns than 80x24.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
tolerant_case "$(api_token clerk1)" 张三 >/dev/null
conf="$E2E_TMP/idle.conf"
printf '[client]\nidle_logout_seconds = 2\n' >"$conf"

client_start_conf 80 24 "$conf"
login_reviewer reviewer1
tap $? "reviewer1 logs in"
wait_for "秒没有操作" && screen_has "自动退出登录" && screen_has "用户名"
tap $? "after 2 idle seconds the session is logged out, back at the login screen"
[ "$(api "$(api_token reviewer1)" GET /v1/me | json_str username)" = reviewer1 ]
tap $? "(the server still answers reviewer1; only that session ended)"
quit_clean
tap $? "F10 quits cleanly after the idle logout"

client_start_conf 80 24 "$conf" --restricted
login_reviewer reviewer1
wait_for "自动退出登录"
exited_clean
tap $? "restricted: an idle login screen then ends the program (status 0)"

E2E_TERM=linux client_start_conf 80 24 "$WINCASE_CONF/wincase.conf"
wait_for "This console cannot show Chinese"
tap $? "TERM=linux: the client says once that Chinese cannot be shown"
screen_has "Help" && screen_has "Quit" && screen_has "User"
tap $? "TERM=linux: ASCII labels on the key bar and the form"
type_text reviewer1
keys Tab
type_text demo-password-1
keys Enter Enter
wait_for "Review queue"
tap $? "TERM=linux: the review queue's heading is ASCII"
screen_has "pending 1: tol1" && screen_has "tolerant" && screen_has "Search" && screen_has "Stats"
tap $? "TERM=linux: counts and keys readable in ASCII"
quit_clean
tap $? "TERM=linux: F10 quits cleanly"

# The reviewers' terminals: the queue, its counts and the selection mark.
for term in xterm-256color screen tmux-256color vt100; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		tap 0 "TERM=$term: the review queue works # SKIP no terminfo entry"
		continue
	fi
	E2E_TERM=$term client_start_conf 80 24 "$WINCASE_CONF/wincase.conf"
	login_reviewer reviewer1 && wait_for "待审 1" &&
		screen_text | grep -q '^>' && keys Escape 0 && exited_clean
	tap $? "TERM=$term: the review queue, its counts and the '>' mark; clean exit"
done

client_start 120 40
login_reviewer reviewer1
keys F6
wait_for "起始日期"
keys F2
wait_for "超时默认" && wait_for "办结"
tap $? "120x40: the statistics table shows every column"
quit_clean
tap $? "F10 quits cleanly at 120x40"
tap_done
