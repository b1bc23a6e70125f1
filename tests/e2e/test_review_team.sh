#!/bin/bash
# Issue 14.2: the review queue a team works, at 80x24 - who has each item,
# take and release (F7), hand to a colleague (F8), a colleague's item
# offers no decision, several tolerant acceptances approved at once (Space,
# F2; each decision audited on its own), the lists of decided items and of
# my decisions (F9), a decided item offers no F2, the kind filter (Tab).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
admin=$(api_token admin1)
api "$admin" POST /v1/users '{"username":"reviewer2","display_name":"钱七",
"password":"demo-password-1","role":"reviewer","department":"市场监督管理局"}' >/dev/null
reviewer2=$(api_token reviewer2)
a=$(tolerant_case "$clerk" 张三)
b=$(tolerant_case "$clerk" 李四)
c=$(tolerant_case "$clerk" 王五)
d=$(tolerant_case "$clerk" 赵六)
item_of() { # case id -> its review item id
	api "$admin" GET "/v1/review/queue?status=all&limit=200" |
		grep -o "{\"id\":[0-9]*,\"kind\":\"[a-z_]*\",\"created_at\":\"[^\"]*\",\"status\":\"[a-z]*\",\"summary\":\"[^\"]*\",\"department\":\"[^\"]*\",\"window\":\"[^\"]*\",\"case_id\":$1[,}]" |
		json_num id
}
ic=$(item_of "$c")
[ -n "$ic" ] && api "$reviewer2" POST "/v1/review/$ic/take" | grep -q '"owner":"reviewer2"'
tap $? "four tolerant acceptances, one taken by reviewer2 through the API"
owner_of() { # item id -> owner or null
	api "$admin" GET "/v1/review/queue?status=all&limit=200" |
		grep -o "{\"id\":$1,[^{]*" | grep -o '"owner":[^,}]*' | cut -d: -f2 | tr -d '"'
}

client_start 80 24
login_reviewer reviewer1
wait_for "列表：全部待审" && wait_for "处理人" && screen_text | grep "容缺受理" | grep -q reviewer2
tap $? "the queue names who has each item"
keys F7
wait_for "已领取这一项" && [ "$(owner_of "$(item_of "$a")")" = reviewer1 ]
tap $? "F7 takes the selected item"
keys F7
wait_for "已放回" && [ "$(owner_of "$(item_of "$a")")" = null ]
tap $? "F7 on one's own item gives it back"

keys Down Down
keys Enter
wait_for "处理人：reviewer2" && wait_for "王五"
tap $? "a colleague's item says who has it"
tail_line() { screen_text | tail -1; }
! tail_line | grep -qF "审核决定"
tap $? "a colleague's item offers no decision key"
keys F2
wait_for "已由 reviewer2 领取处理" && screen_lacks "审核意见"
tap $? "F2 on it is refused with the colleague's name"
keys Escape
wait_for "列表：全部待审"

# Several at once: the first two.
keys Home
keys Space
wait_for "已选中 1 项"
keys Down Space
wait_for "已选中 2 项" && screen_has "✓容缺受理"
tap $? "Space chooses tolerant acceptances"
keys Down Space
wait_for "只有待审的容缺受理事项可以选中"
tap $? "a colleague's item cannot be chosen"
keys F2
wait_for "批量同意 2 项"
type_text "材料齐全，同意"
keys Enter
wait_for "已同意 2 项"
tap $? "F2 approves the chosen items at once"
n=$(api "$reviewer2" GET "/v1/review/queue?status=done&decided_by=reviewer1" | json_count decision)
[ "$n" = 2 ]
tap $? "the server holds two decisions of reviewer1"
[ "$(api "$admin" GET "/v1/audit?entity=case:$a" | grep -c '"action":"review.decide"')" -ge 1 ] &&
	[ "$(api "$admin" GET "/v1/audit?entity=case:$b" | grep -c '"action":"review.decide"')" -ge 1 ]
tap $? "each decision is in its own case's audit trail"

# Hand the last one (赵六) to reviewer2.
keys End
keys F8
wait_for "转交给"
type_text reviewer2
keys Enter
wait_for "已转交给 reviewer2" && [ "$(owner_of "$(item_of "$d")")" = reviewer2 ]
tap $? "F8 hands an item to a colleague"

keys F9
wait_for "列表：我领取的"
keys F9
wait_for "列表：无人领取"
keys F9
wait_for "列表：已审结" && wait_for "共 2 项"
tap $? "F9 shows the decided items"
keys Enter
wait_for "审核结果：已审结（同意）"
tap $? "a decided item says its decision"
! tail_line | grep -qF "审核决定"
tap $? "a decided item offers no F2"
keys F2
wait_for "已经审核完毕"
tap $? "F2 on a decided item says it is decided"
keys Escape
keys F9
wait_for "列表：我的审核决定" && wait_for "共 2 项"
tap $? "my decisions are listed"
keys Tab
wait_for "类别：容缺受理"
keys Tab
wait_for "类别：告知超范围" && wait_for "共 0 项"
tap $? "Tab filters by kind"
quit_clean
tap $? "F10 quits cleanly"
tap_done
