#!/bin/bash
# First inquiry (R1): an inquiry answered and closed from its
# view; another handed off to window 2, acknowledged by clerk2 in a second
# client while clerk1's stays open, the chain visible, then closed as
# referred. Every step by keyboard at 80x24.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

# The second client: its own session "wc2" on the same tmux server.
client2_start() {
	tmux -L "$E2E_SOCK" new-session -d -s wc2 -x 80 -y 24 \
		env LC_ALL=C.UTF-8 TERM=xterm-256color HOME="$E2E_TMP/home2" \
		XDG_CONFIG_HOME="$E2E_TMP/config" \
		"$WINCASE_BIN" --config "$WINCASE_CONF/wincase.conf" \
		--server "$E2E_URL"
}
screen2_has() { tmux -L "$E2E_SOCK" capture-pane -p -t wc2 | grep -qF -- "$1"; }
wait2_for() { poll screen2_has "$1"; }
keys2() { tmux -L "$E2E_SOCK" send-keys -t wc2 "$@"; }
type2() { tmux -L "$E2E_SOCK" send-keys -t wc2 -l -- "$1"; }

# register NAME TOPIC: a new inquiry through the form.
register() {
	keys F4
	wait_for "登记新咨询" || return 1
	type_text "$1"
	keys Tab Tab Tab Tab Tab Tab
	type_text "$2"
	keys F2
	wait_for "已登记咨询 SW-"
}

server_start
tap $? "wincased starts"
client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in"

register "张答复" "问营业执照变更要带什么" && register "李转办" "问商品房预售许可"
tap $? "two inquiries are registered"

# --- answered and closed
keys Escape # clear any filter
type_text "张答复"
poll sh -c "! tmux -L $E2E_SOCK capture-pane -p -t wc | grep -q '^ SW-.*李转办'"
tap $? "typing a name filters the queue"
keys Enter
wait_for "咨询详情" && wait_for "首问负责人：clerk1" && screen_has "没有转办"
tap $? "Enter opens the inquiry: first responder, no handoffs yet"
screen_has "F2办结" && screen_has "F3转办" && screen_has "F6转为办件"
tap $? "the key bar shows what can be done"
keys F2
wait_for "办结咨询"
keys F2
wait_for "此项必须填写"
tap $? "a close without a note is refused on the form"
type_text "已告知需带营业执照正副本和变更决议"
keys F2
wait_for "咨询已办结"
tap $? "F2 closes the inquiry as answered"
wait_for "已答复" && screen_has "已告知需带营业执照正副本"
tap $? "the view shows the resolution and the note"
screen_lacks "F3转办"
tap $? "a closed inquiry offers no more actions"
keys Escape
wait_for "工作台"
keys Escape
wait_for "李转办"
screen_lacks "张答复"
tap $? "the closed inquiry left the queue"

# --- hand off to window 2
keys Escape
type_text "李转办"
keys Enter
wait_for "咨询详情"
keys F3
wait_for "转办咨询"
keys Enter
wait_for "选择转办对象"
type_text "2"
wait_for "共 1 个"
keys Enter
wait_for "转办咨询" && wait_for "< 窗口 >"
keys F2
wait_for "此项必须填写"
tap $? "a handoff without a reason is refused"
type_text "商品房预售许可由住建窗口办理"
keys F2
wait_for "已转办"
tap $? "the handoff is sent"
wait_for "1. 11-02 09:00  clerk1 转给 窗口 2：商品房预售许可由住建窗口办理" &&
	screen_has "*待接收"
tap $? "the chain shows the handoff waiting"
keys Escape
wait_for "工作台"
keys Escape
wait_for "*转办待接收"
tap $? "clerk1's queue keeps it, marked as waiting for acknowledgement"

# --- clerk2 acknowledges in a second client
mkdir -p "$E2E_TMP/home2"
client2_start
wait2_for "用户名"
type2 "clerk2"
keys2 Tab
type2 "demo-password-1"
keys2 Enter Enter
wait2_for "待我接收" && wait2_for "李转办"
tap $? "clerk2 sees the handoff in the section waiting for their window"
type2 "李转办"
keys2 Enter
wait2_for "咨询详情" && wait2_for "F4接收"
keys2 F4
wait2_for "已接收转办"
tap $? "clerk2 acknowledges it with F4"
wait2_for "已接收：clerk2"
tap $? "the chain shows who acknowledged"
poll sh -c "! tmux -L $E2E_SOCK capture-pane -p -t wc2 | grep -qF 'F4接收'"
tap $? "with nothing left to acknowledge the key bar drops F4 接收"
keys2 F4
wait2_for "没有转给您窗口或部门、待接收的转办"
tap $? "a second acknowledgement is explained, not sent twice"
keys2 F10

# --- clerk1 sees it, closes as referred
keys F5
wait_for "已转办"
tap $? "after F5 clerk1's queue shows the handoff acknowledged"
keys Enter
wait_for "咨询详情"
keys F2
wait_for "办结咨询"
keys Up Right
wait_for "< 已转办 >"
keys Tab
type_text "已由2号窗口接收办理"
keys F2
wait_for "咨询已办结"
tap $? "clerk1 closes it as referred"

quit_clean
tap $? "F10 quits cleanly"
tap_done
