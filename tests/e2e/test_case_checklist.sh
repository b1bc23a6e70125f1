#!/bin/bash
# The material check in detail: defective asks for the defect (an empty
# one is refused, Esc cancels), shared (免提交) is a state of its own, the
# note appears on the checklist and in the notice preview; a change made
# meanwhile by someone else (412) is read again and said so; a notice
# with materials still unchecked is refused with a clear message.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/case_steps.sh

clerk_session
case_new "食品" "周九" "110101199003070011"
tap $? "a new case is being checked"
k F6
wait_for "【预览】"
k F2
wait_for "还有材料未核对"
tap $? "a notice with unchecked materials is refused, saying what to do"
k Escape
wait_for "1-4标记"
k 1 4
wait_for "免提交1"
screen_has "= 免提交"
tap $? "4 marks a material shared (免提交), with its own symbol"
k 3
wait_for "问题说明："
tap $? "3 asks for the defect"
k Enter
wait_for "请写明材料有什么问题"
tap $? "an empty defect is refused"
k Escape
wait_gone "问题说明："
screen_has "有误0"
tap $? "Esc cancels: nothing is marked"
k 3
wait_for "问题说明："
t "复印件未加盖公章"
k Enter
wait_for "有误1" && screen_has "! 有误：复印件未"
tap $? "the defect is recorded with its note"
k Up
wait_for "问题说明：复印件未加盖公章；获取方式"
tap $? "the selected material's whole defect is shown below the table"
k Down

# Someone else changes the case meanwhile (a second session of clerk1).
token=$(api_token clerk1)
ver=$(curl -s -H "Authorization: Bearer $token" "$E2E_URL/v1/cases/1" |
	sed -n 's/.*"version": *\([0-9]*\).*/\1/p' | head -1)
curl -s -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	-H "If-Match: \"$ver\"" \
	-d '{"items":[{"material_id":"premises_proof","state":"provided"}]}' \
	"$E2E_URL/v1/cases/1/checklist" | grep -q '"version"'
tap $? "another session changes the checklist (version $ver -> $((ver + 1)))"
k 1
wait_for "刚被他人修改，已重新读取"
tap $? "the next key gets 412: the case is read again and the clerk told"
screen_has "已提供2"
tap $? "the other session's change is now shown"
k Home Down Down Down Down
k 1 1 1 1
wait_for "未核对0"
k F6
wait_for "【预览】" && screen_has "法定代表人（负责人）身份证明（有误：复印件未加盖公章）"
tap $? "the notice preview lists the defect with its note"
screen_lacks "营业执照（"
tap $? "the shared material is not listed"
k F2
wait_for "已出具一次性告知书 GZ-" && screen_has "复印件未加盖公章"
tap $? "the issued notice carries the defect"
quit_clean
tap $? "F10 quits cleanly"
tap_done
