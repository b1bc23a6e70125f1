#!/bin/bash
# Issue 14.1: the reviewer's screens speak Chinese words, never API codes
# or JSON: queue summaries, the item's states and its history (办理经过),
# and the audit screen's actions and data.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
case_id=$(tolerant_case "$clerk" 张三)
[ -n "$case_id" ]
tap $? "a tolerant acceptance made through the API"

# Codes of the API and of the audit trail that must never show.
codes='accepted|tolerant|commitment|material|case\.|inquiry\.|review\.|\{"|\[provided\]|\(open\)|handed_off|equipment_list'

client_start 80 24
login_reviewer reviewer1
tap $? "reviewer1 lands on the review queue"
wait_for "容缺受理：办件 SL-"
tap $? "the queue's summary is in words with labelled fields"
! screen_text | grep -qE "$codes"
tap $? "the queue shows no API word"
keys Enter
wait_for "承诺书" && screen_has "食品经营许可"
tap $? "the item names the catalog item, not its code"
keys End
wait_for "办理经过" && screen_has "容缺受理" && screen_has "缺"
tap $? "the history names each event in Chinese"
for page in 1 2 3 4 5 6; do
	if screen_text | grep -qE "$codes"; then break; fi
	keys PPage
done
! screen_text | grep -qE "$codes"
tap $? "no page of the item shows an API word or JSON"
keys F4
wait_for "共 " && screen_has "立案"
tap $? "the audit screen names the actions in Chinese"
! screen_text | grep -qE "$codes"
tap $? "the audit screen shows no action code or raw data"
keys Escape Escape
wait_for "待审"
quit_clean
tap $? "F10 quits cleanly"
tap_done
