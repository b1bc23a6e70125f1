#!/bin/bash
# Issue 14.6: statistics at 80x24 - every one of the 13 columns reachable
# (F8 moves the columns right, F7 back; the group column stays), item
# codes never cut, the message line says which columns are shown.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
tolerant_case "$clerk" 张三 >/dev/null
rated_case "$clerk" 周九 1 >/dev/null

client_start 80 24
login_reviewer reviewer1
keys F6
wait_for "起始日期"
keys Tab Tab Right Right
wait_for "按事项"
keys F2
wait_for "显示第 1–" && wait_for "共 13 列"
tap $? "the query says which of the 13 columns are shown"
header() { screen_text | grep "^ *分组 "; }
header | grep -q "办件" && ! header | grep -q "满意率"
tap $? "at 80 columns the first columns are shown, not yet the last"
screen_text | grep -q "^ *000131104000 "
tap $? "the item code is whole"
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do keys F8; done
wait_for "–13 列" && header | grep -q "满意率" && header | grep -q "超时默认" && ! header | grep -q " 办件 "
tap $? "F8 reaches the last columns (超时默认, 满意率)"
screen_text | grep "^ *000131104000 " | grep -q "0.0%"
tap $? "the key column stays, with the row's satisfaction"
screen_text | grep -q "^ *000131104000 #"
tap $? "the bar chart's key is whole too"
seen="$(header)"
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
	keys F7
	seen="$seen $(header)"
done
wait_for "显示第 1–" && header | grep -q "办件"
tap $? "F7 goes back to the first column"
for t in 办件 受理 容缺受理 办结 咨询 推诿 告知 超范围告知 承诺履约 承诺失信 超期 超时默认 满意率; do
	echo "$seen" | grep -q "$t" || { echo "# never shown: $t"; false; } || break
done
tap $? "every column title was on the screen at some point"
quit_clean
tap $? "F10 quits cleanly"
tap_done
