#!/bin/bash
# Untrusted text never reaches the terminal raw: names, summaries
# and comments holding ESC, CSI, OSC 52 (clipboard), OSC 2 (title), C1
# controls and bidi overrides are shown as visible escapes on the reviewer
# screens, and the terminal (tmux) does not act on them. The server refuses
# control characters, so the hostile bytes are written straight into its
# database, as a compromised or foreign back end could send them; the bidi
# override too, since the API refuses it in a name (issue 13.8: only
# letters, digits and a few marks make a name).
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/review_api.sh

server_start
tap $? "wincased starts"
clerk=$(api_token clerk1)
case_id=$(tolerant_case "$clerk" 赵六)
# U+202E RIGHT-TO-LEFT OVERRIDE through the API (UTF-8 e2 80 ae).
rlo=$'\xe2\x80\xae'
q=$(api "$clerk" POST /v1/inquiries "{\"applicant\":{\"name\":\"钱${rlo}七gpj.exe\"},\"topic\":\"bidi\"}")
q_bad=$(json_num id <<<"$q")
q=$(api "$clerk" POST /v1/inquiries "{\"applicant\":{\"name\":\"钱七gpj.exe\"},\"topic\":\"bidi\"}")
q_id=$(json_num id <<<"$q")
[ -z "$q_bad" ] && [ -n "$q_id" ]
tap $? "a name with a bidi override is refused by the API; a plain one is made"

if ! command -v sqlite3 >/dev/null; then
	echo "ok 3 - hostile bytes in the store # SKIP sqlite3 not installed"
	tap_done
	exit
fi
esc=$'\e' bel=$'\a' c1=$'\xc2\x9b' # C1 CSI (U+009B)
osc52="${esc}]52;c;cHduZWQ=${bel}"    # clipboard := "pwned"
title="${esc}]2;PWNED-TITLE${bel}"
name="孙八${osc52}${title}${esc}[2J${esc}[31m红${c1}31m${rlo}末"
summary="审核${esc}]52;c;c3VtbWFyeQ==${bel}${esc}[1;1H摘要"
sql() { sqlite3 -cmd '.timeout 5000' "$E2E_TMP/wc.db" "$1"; }
# SQL literals: a quote doubled; the bytes pass through untouched.
sql "UPDATE cases SET applicant_name = '${name//\'/\'\'}' WHERE id = $case_id;
     UPDATE review_items SET summary = '${summary//\'/\'\'}' WHERE case_id = $case_id;
     UPDATE inquiries SET applicant_name = '钱${rlo}七gpj.exe' WHERE id = $q_id;"
[ "$(sql "SELECT instr(applicant_name, char(27)) > 0 FROM cases WHERE id = $case_id")" = 1 ]
tap $? "the store now holds ESC, OSC 52, OSC 2, CSI and C1 in a name and a summary"

client_start 80 24
# Let OSC 52 through to tmux's buffers and OSC 2 to the pane title, so that
# a raw sequence would show.
tmux -L "$E2E_SOCK" set -g set-clipboard on
tmux -L "$E2E_SOCK" set -g allow-rename on 2>/dev/null
tmux -L "$E2E_SOCK" set -g allow-passthrough off 2>/dev/null
tmux -L "$E2E_SOCK" delete-buffer 2>/dev/null
title_before=$(tmux -L "$E2E_SOCK" display -p -t wc '#{pane_title}')
login_reviewer reviewer1
wait_for "^[]52;c;c3VtbWFyeQ==^G^[[1;1" # the summary column cuts the rest
tap $? "the queue shows the hostile summary as visible escapes"
# The text view wraps long lines: look at the screen as one string.
joined_has() { screen_text | sed 's/^ //; s/ *$//' | tr -d '\n' | grep -qF -- "$1"; }
keys Enter
poll joined_has "孙八^[]52;c;cHduZWQ=^G^[]2;PWNED-TITLE^G^[[2J^[[31m红<U+009B>31m<U+202E>末"
tap $? "the item shows ESC as ^[, BEL as ^G, C1 CSI and the bidi override as <U+...>"
screen_has "审核事项" && screen_has "F2审核决定"
tap $? "the screen was not cleared or moved by the CSI sequences"
! tmux -L "$E2E_SOCK" list-buffers 2>/dev/null | grep -q .
tap $? "OSC 52 did not set tmux's clipboard buffer"
[ "$(tmux -L "$E2E_SOCK" display -p -t wc '#{pane_title}')" = "$title_before" ]
tap $? "OSC 2 did not change the title"
! tmux -L "$E2E_SOCK" capture-pane -e -p -t wc | grep -q $'\e\\[31m'
tap $? "no red from the name's SGR reached the terminal"
keys Escape
wait_for "审核队列"

keys F3
wait_for "编号或申请人"
keys Tab
keys Right Right
keys F2
wait_for "<U+202E>"
tap $? "search results show the stored bidi override visibly"
keys Escape
keys Escape
wait_for "审核队列"
quit_clean
tap $? "F10 quits cleanly"
tap_done
