#!/bin/bash
# The reviewer console at 80x24: the queue by kind with counts, an item with
# its commitment, credit and history, a decision, the own-case refusal
# (R6), search, audit with the chain check, statistics exported to CSV and
# read back; clerks never see any of it.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
reviewer=$(api_token reviewer1)
case_id=$(tolerant_case "$clerk" 张三)
api_clock 2026-11-02T10:00:00+08:00
bounced_inquiry "$clerk" 李四 营业执照变更 >/dev/null
own=$(bounced_inquiry "$reviewer" 王五 咨询食品许可)
api_clock 2026-11-02T11:30:00+08:00
[ "$(api "$reviewer" GET /v1/review/queue | json_count kind)" = 3 ]
tap $? "three review items made through the API"

client_start 80 24
login_reviewer reviewer1
tap $? "reviewer1 lands on the review queue"
# The counts per kind are on the program's status line (the top line),
# beside the user and the server state, kinds with none left out.
status_line() { screen_text | head -1; }
status_line | grep -qF "待审 3：容缺1 推诿2" && status_line | grep -qF reviewer1 &&
	status_line | grep -qF "服务器：在线" && status_line | grep -vqF "失信"
tap $? "the status line counts each kind beside the user and the server"
first=$(screen_text | grep -n "容缺受理" | sed -n 1p | cut -d: -f1)
second=$(screen_text | grep -n "推诿咨询" | sed -n 1p | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ]
tap $? "items are grouped by kind in the queue"

keys Enter
wait_for "承诺书" && screen_has "张三"
tap $? "an item shows the case and its commitment"
keys End
wait_for "办理经过" && screen_has "申请人信用记录" && screen_has "承诺 1 次"
tap $? "the applicant's credit and the history from the audit trail follow"
keys F2
wait_for "审核意见"
tap $? "F2 opens the decision form"
keys F2
wait_for "必须填写"
tap $? "a decision without a comment is refused with the field marked"
type_text "材料齐全，同意容缺受理"
keys F2
wait_for "已作出审核决定：同意"
tap $? "the decision is sent and confirmed"
status_line | grep -qF "待审 2：推诿2" && status_line | grep -vqF "容缺"
tap $? "the decision changes the counts on the status line at once"
[ "$(api "$reviewer" GET "/v1/review/queue?status=done" | json_str comment)" = "材料齐全，同意容缺受理" ]
tap $? "the server holds the decision with its comment"
keys Escape
wait_for "审核队列" && wait_for "待审 2" && status_line | grep -qF "待审 2：推诿2" &&
	[ "$(screen_text | sed -n '4,22p' | grep -c "容缺受理")" = 0 ]
tap $? "back in the queue the item is gone and the counts follow"

# R6: the inquiry reviewer1 registered at the counter.
keys Down
wait_for "推诿"
keys Enter
if wait_for "咨询食品许可"; then :; else keys Escape; keys Up; keys Enter; wait_for "咨询食品许可"; fi
wait_for "不能作出审核决定"
tap $? "an item the reviewer handled says why they cannot decide it"
keys F2 End
wait_for "办理经过" && screen_lacks "审核意见" && screen_has "不能作出审核决定"
tap $? "F2 does not open the decision form on one's own item"
keys Escape
wait_for "待审 2"

keys F3
wait_for "编号或申请人"
type_text "张三"
keys F2
wait_for "找到 1 件" && screen_has "SL-"
tap $? "search by applicant finds the case"
keys Enter
wait_for "承诺书"
tap $? "a search result opens the case"
keys Escape
keys Escape
keys Escape
wait_for "待审 2"

keys F4
wait_for "对象："
type_text "case:$case_id"
keys Enter
wait_for "case.accept" || wait_for "共 "
tap $? "the audit trail of a case is listed"
keys F6
wait_for "审计链完整"
tap $? "verify the chain shows the result on screen"
wait_for "签名检查点"
tap $? "the result says when the server last signed the chain head"
if command -v sqlite3 >/dev/null; then
	sqlite3 -cmd '.timeout 5000' "$E2E_TMP/wc.db" \
		"UPDATE audit SET data = '{\"forged\":true}' WHERE seq = 3"
	keys F6
	wait_for "审计链在第 3 条处断开"
	tap $? "a forged audit entry is reported with its number"
else
	tap 0 "a forged audit entry is reported # SKIP sqlite3 not installed"
fi
keys Escape
wait_for "待审 2"

keys F6
wait_for "起始日期"
keys F2
wait_for "满意率" && wait_for "办件数"
tap $? "statistics by window with satisfaction and text bar charts"
screen_has "#"
tap $? "the bar chart is drawn with text"
keys F6
wait_for "已导出到"
tap $? "F6 exports the statistics to CSV"
csv=$(ls "$E2E_TMP"/.local/share/wincase/stats-*-window.csv 2>/dev/null | head -1)
[ -f "$csv" ] && [ "$(head -c3 "$csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
tap $? "the CSV starts with the UTF-8 byte order mark"
grep -q $'\r$' "$csv" && ! grep -qv $'\r$' "$csv"
tap $? "every CSV record ends in CRLF"
from=$(sed -n 's/.*stats-\([0-9-]\{10\}\)-\([0-9-]\{10\}\)-window.csv/\1/p' <<<"$csv")
to=$(sed -n 's/.*stats-\([0-9-]\{10\}\)-\([0-9-]\{10\}\)-window.csv/\2/p' <<<"$csv")
want=$(stats_lines "$reviewer" "$from" "$to" window)
got=$(tail -n +2 "$csv" | tr -d '\r' | cut -d, -f1-13)
[ -n "$want" ] && [ "$got" = "$want" ]
tap $? "the CSV read back equals the server's statistics"
head -1 "$csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//' | grep -q '^分组,咨询,推诿,办件'
tap $? "the CSV header names the columns in Chinese"
keys Escape
wait_for "待审 2"
quit_clean
tap $? "F10 quits cleanly"

# Clerks never see the reviewer console; the server refuses them anyway.
client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 lands on the counter's home screen"
keys F6 F3 F1
wait_for "常用按键" && screen_lacks "审核队列" && screen_lacks "校验审计链"
tap $? "no key takes a clerk to a reviewer screen"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $clerk" "$E2E_URL/v1/review/queue")" = 403 ]
tap $? "the server refuses the review queue to a clerk (403)"
keys Escape
keys Escape
quit_clean
tap $? "the clerk's client quits cleanly"
tap_done
