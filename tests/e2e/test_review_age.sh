#!/bin/bash
# Issue 14.2: the review queue at 80x24 says how long each item has waited
# in working hours, an item past review_warn_hours (8) in the warning
# colour with '!'; 'a' filters by age, 's' sorts (by kind, oldest, newest,
# owner, deadline), Home/End reach the ends; a rectification shows its
# deadline (期限): a commitment's or a rectification's.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
a=$(tolerant_case "$clerk" 张三)         # Monday 09:00
api_clock 2026-11-03T10:00:00+08:00     # Tuesday 10:00: 7 h + 1 h
clerk=$(api_token clerk1)               # the first session has expired
b=$(tolerant_case "$clerk" 李四)
r=$(rated_case "$clerk" 周九 1)
[ -n "$a" ] && [ -n "$b" ] && [ -n "$r" ]
tap $? "two tolerant acceptances (one waiting since Monday) and a rectification"
due=$(api "$(api_token reviewer1)" GET "/v1/review/queue?kind=rectification" | json_str due_date)

row_of() { screen_text | grep -F "办件#$1 "; }
line_of() { screen_text | grep -nF "办件#$1 " | cut -d: -f1; }
# The row of case $1 is drawn in red (SGR 31), as capture-pane -e shows it.
row_red() {
	tmux -L "$E2E_SOCK" capture-pane -e -p -t wc | grep -F "办件#$1 " |
		grep -qE $'\e\\[([0-9]+;)*31(;[0-9]+)*m'
}

client_start 80 24
login_reviewer reviewer1
wait_for "已等待" && wait_for "期限" && wait_for "办件#$r "
tap $? "the queue has the columns 已等待 and 期限 at 80 columns"
row_of "$a" | grep -q '!8工时' && row_of "$b" | grep -q ' 0工时'
tap $? "the waiting time in working hours; the old item marked '!'"
row_red "$a" && ! row_red "$b"
tap $? "the item past the warning is in the warning colour, the fresh one not"
row_of "$r" | grep -qF "${due:5}"
tap $? "the rectification's deadline ($due) is on its row"

keys a
wait_for "时长：超时预警" && wait_for "共 1 项" && [ -n "$(row_of "$a")" ] && [ -z "$(row_of "$b")" ]
tap $? "'a' shows only the items past the warning"
keys a
wait_for "时长：未超时" && wait_for "共 2 项" && [ -z "$(row_of "$a")" ]
tap $? "'a' again: only those not past it"
keys a
wait_for "时长：全部" && wait_for "共 3 项"

# Default: by kind (tolerant acceptances, then rectification), oldest first.
[ "$(line_of "$a")" -lt "$(line_of "$b")" ] && [ "$(line_of "$b")" -lt "$(line_of "$r")" ]
tap $? "by kind, each oldest first, at the start"
keys s s
wait_for "排序：最新在前" && [ "$(line_of "$b")" -lt "$(line_of "$a")" ] &&
	[ "$(line_of "$r")" -lt "$(line_of "$a")" ]
tap $? "'s' sorts newest first"
keys s s
# Deadlines: the commitments' 11-05 and 11-06, the rectification's later.
wait_for "排序：按期限" && [ "$(line_of "$a")" -lt "$(line_of "$b")" ] &&
	[ "$(line_of "$b")" -lt "$(line_of "$r")" ]
tap $? "'s' sorts by deadline, soonest first"
keys End
keys Enter
wait_for "差评整改 —" && wait_for "周九"
tap $? "End then Enter opens the last row"
keys Escape
wait_for "排序：按期限"
keys Home
keys Enter
wait_for "张三"
tap $? "Home then Enter opens the first row"
keys Escape
keys s
wait_for "排序：按类别" && [ "$(line_of "$a")" -lt "$(line_of "$b")" ]
tap $? "'s' comes back to the order by kind"
quit_clean
tap $? "F10 quits cleanly"
tap_done
