# case_steps.sh - steps shared by the case tests (sourced after lib.sh):
# keystroke counting, a new case from the home screen, the material check.

E2E_KEYS=0  # keystrokes that are not typed text (function keys, Enter, 1-4)
E2E_TYPED=0 # characters of typed text

# k KEY...: keys, counted one per argument.
k() {
	E2E_KEYS=$((E2E_KEYS + $#))
	keys "$@"
}

# t TEXT: typed text, counted per character.
t() {
	E2E_TYPED=$((E2E_TYPED + ${#1}))
	type_text "$1"
}

# case_new ITEM_QUERY NAME ID_NO: from the home screen, a new case of the
# first item matching ITEM_QUERY (its first scenario) for NAME; waits for
# the material check.
case_new() {
	k F6
	wait_for "新建办件" || return 1
	k Enter
	wait_for "选择事项" || return 1
	t "$1"
	wait_for "找到 1 项" || return 1
	k Enter
	wait_for "新建办件" || return 1
	k Tab
	t "$2"
	if [ -n "$3" ]; then
		k Tab Tab
		t "$3"
	fi
	k F2
	wait_for "材料核对" && wait_for "未核对"
}

# mark STATES: one key per material, in order ("11111121"); waits until
# nothing is left unchecked.
mark() {
	local s=$1 i
	for ((i = 0; i < ${#s}; i++)); do
		k "${s:i:1}"
	done
	wait_for "未核对0"
}

# The case id of the newest case of clerk1, as the server sees it.
api_token() { # user
	curl -s -X POST -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"demo-password-1\"}" \
		"$E2E_URL/v1/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}

# api_get USER PATH: the JSON answer of GET PATH as USER.
api_get() {
	curl -s -H "Authorization: Bearer $(api_token "$1")" "$E2E_URL$2"
}
