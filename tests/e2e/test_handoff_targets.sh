#!/bin/bash
# Handoffs go somewhere and can come back (issue 13.5): the target is
# picked from the server's windows and departments (filtered as typed, the
# own window left out); window 2 sees the handoff arrive without F5; the
# sender recalls it with F7 and window 2 sees it go; the handoff that
# would be judged 推诿 is announced and needs F2 twice.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

# Both clients look for new handoffs every second.
E2E_CLIENT_CONF="$E2E_TMP/wincase-quick.conf"
sed -e "s|^; queue_check_seconds = .*|queue_check_seconds = 1|" \
	"$WINCASE_CONF/wincase.conf" >"$E2E_CLIENT_CONF"
grep -q "^queue_check_seconds = 1" "$E2E_CLIENT_CONF"
tap $? "a configuration checking the queue every second"

client2_start() {
	mkdir -p "$E2E_TMP/home2"
	tmux -L "$E2E_SOCK" new-session -d -s wc2 -x 80 -y 24 \
		env LC_ALL=C.UTF-8 TERM=xterm-256color HOME="$E2E_TMP/home2" \
		XDG_CONFIG_HOME="$E2E_TMP/config" \
		"$WINCASE_BIN" --config "$E2E_CLIENT_CONF" --server "$E2E_URL"
}
screen2() { tmux -L "$E2E_SOCK" capture-pane -p -t wc2; }
screen2_has() { screen2 | grep -qF -- "$1"; }
screen2_lacks() { ! screen2_has "$1"; }
keys2() { tmux -L "$E2E_SOCK" send-keys -t wc2 "$@"; }
type2() { tmux -L "$E2E_SOCK" send-keys -t wc2 -l -- "$1"; }

clerk_session
keys F4
wait_for "登记新咨询"
type_text "欧阳转办"
keys Tab Tab Tab Tab Tab Tab
type_text "问商品房预售许可"
keys F2
wait_for "已登记咨询 SW-"

# clerk2 at window 2 waits on the work queue.
client2_start
poll screen2_has "用户名"
type2 "clerk2"
keys2 Tab
type2 "demo-password-1"
keys2 Enter Enter
poll screen2_has "我的待办咨询" && screen2_lacks "欧阳转办"
tap $? "clerk2's work queue has nothing for window 2"

keys Enter
wait_for "咨询详情"
keys F3
wait_for "转办咨询"
keys Enter
wait_for "选择转办对象" && wait_for "住房和城乡建设局" &&
	screen_has "窗口   2" && screen_has "窗口   7"
tap $? "Enter on the target opens the server's windows and departments"
! screen_text | grep -qE "窗口 +1( |$)"
tap $? "the clerk's own window is not offered"
type_text "住房"
wait_for "共 1 个" && screen_lacks "窗口   2"
tap $? "typing filters the list"
keys BSpace BSpace
type_text "2"
wait_for "共 1 个" && screen_has "窗口   2"
keys Enter
wait_for "转办咨询" && wait_for "< 窗口 >" && screen_has "2"
tap $? "Enter picks window 2 into the form"
type_text "商品房预售许可由住建窗口办理"
keys F2
wait_for "可按 F7 撤回"
tap $? "F2 hands it off; the message says it can be recalled"
poll screen2_has "欧阳转办" && screen2_has "有新转给本窗口的咨询待接收"
tap $? "window 2 sees it arrive without pressing F5"

wait_for "F7撤回转办"
keys F7
wait_for "已撤回转办"
tap $? "F7 recalls the waiting handoff"
api_get clerk1 /v1/audit?entity=inquiry:1 | grep -q '"inquiry.recall"' ||
	api_get reviewer1 /v1/audit?entity=inquiry:1 | grep -q '"inquiry.recall"'
tap $? "the recall is audited"
poll screen2_lacks "欧阳转办"
tap $? "window 2 sees it go without pressing F5"

# Two acknowledged handoffs by API: the next one would be 推诿.
tok1=$(api_token clerk1) tok2=$(api_token clerk2)
post() { # token path body version
	curl -s -o /dev/null -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
		-H "If-Match: \"$4\"" -d "$3" "$E2E_URL$2"
}
hid() { api_get clerk1 /v1/inquiries/1 | grep -o '"id": *[0-9]*' | sed -n '2,$p' | tail -1 | grep -o '[0-9]*$'; }
[ "$(post "$tok1" /v1/inquiries/1/handoffs '{"to_window":"2","reason":"一"}' 3)" = 200 ] &&
	[ "$(post "$tok2" "/v1/inquiries/1/handoffs/$(hid)/ack" '{}' 4)" = 200 ] &&
	[ "$(post "$tok1" /v1/inquiries/1/handoffs '{"to_department":"住房和城乡建设局","reason":"二"}' 5)" = 200 ] &&
	[ "$(post "$tok2" "/v1/inquiries/1/handoffs/$(hid)/ack" '{}' 6)" = 200 ]
tap $? "two handoffs are made and acknowledged"
keys F5
wait_for "已转办"
keys F3
wait_for "再转将认定为推诿"
tap $? "the third handoff's form warns that it would be judged 推诿"
keys Enter
wait_for "选择转办对象"
type_text "7"
wait_for "共 1 个"
keys Enter
wait_for "转办咨询"
type_text "仍须转七号窗口"
keys F2
wait_for "确需转办请再按 F2"
tap $? "the first F2 asks again"
api_get clerk1 /v1/inquiries/1 | grep -q '"bounced": *false'
tap $? "nothing is sent yet"
keys F2
wait_for "可按 F7 撤回"
api_get clerk1 /v1/inquiries/1 | grep -q '"bounced": *true'
tap $? "the second F2 sends it; the server marks it bounced"
keys2 F10
quit_clean
tap $? "F10 quits cleanly"
tap_done
