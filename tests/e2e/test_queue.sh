#!/bin/bash
# The work queue: open cases sorted by working days left with
# "!" (<= 1 day) and "!!" (overdue) in the text, not only in colour; the
# tolerant-acceptance commitment due within 3 working days; after the fake
# clock passes its deadline the breach is shown; the filter; the case view
# with its header, checklist, commitment, timeline and only the keys of its
# state. Then the same queue at 120x40 with TERM=screen and NO_COLOR.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

TOKEN=""
# api METHOD PATH [BODY [VERSION]]: the answer's body, as clerk1.
api() {
	curl -s -X "$1" -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' \
		${4:+-H "If-Match: \"$4\""} ${3:+-d "$3"} "$E2E_URL$2"
}
token_of() {
	curl -s -X POST -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"demo-password-1\"}" \
		"$E2E_URL/v1/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}
json_int() { # KEY: the first integer member KEY of stdin
	grep -o "\"$1\": *[0-9]*" | head -1 | grep -o '[0-9]*$'
}

# new_case ITEM SCENARIO NAME: prints "id version".
new_case() {
	local out
	out=$(api POST /v1/cases "{\"item_code\":\"$1\",\"scenario_id\":\"$2\",\"applicant\":{\"name\":\"$3\",\"id_type\":\"resident_id\",\"id_no\":\"11010519491231002X\"}}")
	echo "$(echo "$out" | json_int id) $(echo "$out" | json_int version)"
}
# mark_all ID VERSION MISSING MATERIAL...: every material provided except
# MISSING; prints the new version.
mark_all() {
	local id=$1 version=$2 missing=$3 items="" m state
	shift 3
	for m in "$@"; do
		state=provided
		[ "$m" = "$missing" ] && state=missing
		items="$items${items:+,}{\"material_id\":\"$m\",\"state\":\"$state\"}"
	done
	api PUT "/v1/cases/$id/checklist" "{\"items\":[$items]}" "$version" |
		json_int version
}

server_start
tap $? "wincased starts"
TOKEN=$(token_of clerk1)

FOOD="application_form business_licence legal_rep_id premises_proof layout_flow safety_manager_proof equipment_list safety_rules"
read -r A VA <<<"$(new_case 000131104000 food_sales 张容缺)"
VA=$(mark_all "$A" "$VA" equipment_list $FOOD)
api POST "/v1/cases/$A/accept" '{"mode":"tolerant","commitment":{"deadline_days":3,"applicant_confirmation":"张容缺"}}' "$VA" |
	grep -q '"accepted_tolerant"'
tap $? "case A is accepted tolerantly with a commitment (via the API)"
read -r B VB <<<"$(new_case 000131101000 in_person 王一天)"
VB=$(mark_all "$B" "$VB" none application_form operator_id premises_proof)
api POST "/v1/cases/$B/accept" '{"mode":"normal"}' "$VB" | grep -q '"accepted"'
tap $? "case B (promised 1 working day) is accepted normally"
read -r C VC <<<"$(new_case 000117002000 accommodation_beauty 赵核验)"
[ -n "$C" ]
tap $? "case C is still being checked"

client_start 80 24
login clerk1 demo-password-1
tap $? "clerk1 logs in"
wait_for "我的在办件" && wait_for "王一天"
tap $? "the queue lists the open cases"
screen_text | grep -A3 "我的在办件" | sed -n 2p | grep -q "王一天.*!剩1个工作日"
tap $? "the case with 1 working day left is first, marked ! in the text"
screen_text | grep -A3 "我的在办件" | sed -n 3p | grep -q "张容缺.*剩5个工作日"
tap $? "then the case with 5 days left"
screen_text | grep -A3 "我的在办件" | sed -n 4p | grep -q "赵核验.*材料"
tap $? "a case not yet accepted comes last, with its status"
screen_text | grep -A1 "3个工作日内到期" | sed -n 2p | grep -q "张容缺.*!11-05前补交"
tap $? "the commitment due within 3 working days is listed with its date"

type_text "王一"
poll sh -c "! tmux -L $E2E_SOCK capture-pane -p -t wc | grep -q '张容缺'"
tap $? "typing part of a name filters the cases"
keys Escape
wait_for "张容缺"
tap $? "Esc clears the filter"

# The fake clock passes the commitment's deadline and B's due date.
curl -s -X PUT -H "Authorization: Bearer $(token_of admin1)" \
	-H 'Content-Type: application/json' \
	-d '{"now":"2026-11-06T10:00:00+08:00"}' "$E2E_URL/v1/admin/clock" |
	grep -q fake_clock
tap $? "admin1 moves the fake clock to Friday 6 November"
# four days later the 12-hour session has expired: a new working day
keys F5
wait_for "登录已过期，请重新登录" && screen_has "用户名"
tap $? "the expired session is explained on the login screen, not a bare 401"
quit_clean
client_start 80 24
login clerk1 demo-password-1
wait_for "!!已失信"
tap $? "the next login shows the breached commitment with !! in the text"
screen_text | grep -q "王一天.*!!超期3个工作日"
tap $? "the overdue case is marked !! with the working days past due"

type_text "张容缺"
keys Enter
wait_for "办件详情" && wait_for "容缺受理"
tap $? "Enter opens the case view"
screen_has "张容缺" && screen_has "食品经营许可"
tap $? "the header names the applicant and the item"
screen_has "到期 2026-11-09"
tap $? "the header shows the due date"
screen_has "[×]" && screen_has "已失信"
tap $? "the checklist marks the missing material; the commitment is breached"
screen_has "办理经过"
tap $? "the timeline from the audit trail is shown"
screen_has "F7办结" && screen_lacks "F2材料核验" && screen_lacks "F6补交"
tap $? "the key bar offers only what this state allows"
keys Escape
wait_for "工作台"

# The same queue on a large terminal without colour (TERM=screen).
quit_clean
tap $? "the client quits"
client_start 120 40 NO_COLOR=1 TERM=screen
login clerk1 demo-password-1
wait_for "!!已失信" && screen_has "!!超期3个工作日"
tap $? "at 120x40 with TERM=screen the marks are the same text"
! screen_coloured
tap $? "with NO_COLOR nothing relies on colour"

quit_clean
tap $? "F10 quits cleanly"
tap_done
