# training_steps.sh - steps of the training tests (sourced after lib.sh):
# the real client started as `wincase --training` in tmux, the trainee's
# login, picking a scenario, the ordinary screens' steps of each scenario's
# ideal path, and the debrief (docs/training.md).

export XDG_DATA_HOME="$E2E_TMP/data"
TRAINING_DIR="$XDG_DATA_HOME/wincase/training"
TRAINING_PW="training-only-1"

# tr_client_start COLS ROWS: wincase --training in a fresh tmux server
# (lib.sh client_spawn: a shell around it records its exit status). The
# configuration is the example one (or $E2E_CLIENT_CONF); whatever server
# it names is never used.
tr_client_start() {
	client_spawn "$1" "$2" XDG_DATA_HOME="$XDG_DATA_HOME" \
		WINCASE_TRAINING_LOG="$E2E_TMP/training-server.log" \
		"$WINCASE_BIN" --config "${E2E_CLIENT_CONF:-$WINCASE_CONF/wincase.conf}" \
		--training
}

# tr_login USER: from the login screen to the user's first screen.
tr_login() {
	E2E_TIMEOUT=30 wait_for "用户名" || return 1
	type_text "$1"
	keys Tab
	type_text "$TRAINING_PW"
	keys Enter Enter
	if [ "$1" = trainer1 ]; then wait_for "学员进度"; else wait_for "培训情景"; fi
}

# tr_pick N: the Nth scenario of the list (1 = t01); the work queue opens
# with the side panel, which is closed (F11 twice) for the steps.
tr_pick() {
	local i
	wait_for "培训情景" || return 1
	for ((i = 1; i < $1; i++)); do keys Down; done
	keys Enter
	wait_for "情景说明 1/2" || return 1
	keys F11
	wait_for "情景说明 2/2" || return 1
	keys F11
	wait_gone "情景说明 2/2" && wait_for "工作台"
}

# tr_finish: the training menu's 完成练习 (Ctrl-T, 4); waits for the debrief.
tr_finish() {
	keys C-t
	wait_for "培训菜单" || return 1
	keys 4
	wait_for "练习讲评"
}

# tr_back: from the debrief to the scenario list.
tr_back() {
	keys Enter
	wait_for "培训情景"
}

# tr_home: Esc until the work queue shows.
tr_home() {
	local i
	for ((i = 0; i < 5; i++)); do
		screen_has " 工作台" && return 0
		keys Escape
		E2E_TIMEOUT=2 poll screen_has " 工作台" && return 0
	done
	return 1
}

# tr_time: the travel entry of the training menu (Ctrl-T, 3).
tr_time() { # days
	keys C-t
	wait_for "培训菜单" || return 1
	keys 3
	wait_for "时间已前进 $1 个工作日"
}

# --- inquiries

# inq_register NAME ID_NO TOPIC: a new inquiry from the queue; it opens.
inq_register() {
	keys F4
	wait_for "登记新咨询" || return 1
	type_text "$1"
	keys Tab Tab
	type_text "$2"
	keys Tab Tab Tab Tab
	type_text "$3"
	keys F2
	wait_for "已登记咨询 SW-" || return 1
	keys Enter
	wait_for "咨询详情"
}

# inq_close RIGHTS NOTE: close with the resolution RIGHTS steps right of
# 已答复 (0 answered, 1 referred).
inq_close() {
	local i
	keys F2
	wait_for "办结咨询" || return 1
	keys BTab
	for ((i = 0; i < $1; i++)); do keys Right; done
	keys Tab
	type_text "$2"
	keys F2
	wait_for "咨询已办结"
}

# inq_handoff WINDOW REASON: hand off to a window.
inq_handoff() {
	keys F3
	wait_for "转办咨询" || return 1
	keys Enter
	wait_for "选择转办对象" || return 1
	type_text "$1"
	wait_for "共 1 个" || return 1
	keys Enter
	wait_for "转办咨询" || return 1
	type_text "$2"
	keys F2
	wait_for "待接收"
}

# --- cases

# case_open CODE SC_RIGHTS NAME TYPE_RIGHTS ID_NO: a new case from the
# queue of item CODE, its scenario SC_RIGHTS steps right of the first, for
# the applicant; waits for the material check.
case_open() {
	local i
	keys F6
	wait_for "新建办件" || return 1
	keys Enter
	wait_for "选择事项" || return 1
	type_text "$1"
	wait_for "找到 1 项" || return 1
	keys Enter
	wait_for "办事情形" || return 1
	for ((i = 0; i < $2; i++)); do keys Right; done
	keys Tab
	type_text "$3"
	keys Tab
	for ((i = 0; i < $4; i++)); do keys Right; done
	keys Tab
	type_text "$5"
	keys F2
	wait_for "材料核对" && wait_for "未核对"
}

# case_mark STATES [DEFECT]: one key per material in order; 3 (defective)
# is followed by the defect.
case_mark() {
	local s=$1 i
	for ((i = 0; i < ${#s}; i++)); do
		keys "${s:i:1}"
		if [ "${s:i:1}" = 3 ]; then
			wait_for "有误" || return 1
			type_text "$2"
			keys Enter
		fi
	done
	wait_for "未核对0"
}

# case_notice: from the material check, issue the one-time notice.
case_notice() {
	keys F6
	wait_for "【预览】" || return 1
	keys F2
	wait_for "已出具一次性告知书 GZ-"
}

# case_accept: from the material check, normal acceptance.
case_accept() {
	keys F7
	wait_for "可以正常受理" || return 1
	keys F2
	wait_for "已受理 SL-"
}

# case_tolerant NAME: from the material check, tolerant acceptance signed
# by the applicant's typed name.
case_tolerant() {
	keys F7
	wait_for "✓ 符合容缺受理条件" || return 1
	type_text "$1"
	keys F2
	wait_for "已受理 SL-"
}

# case_view NAME: from anywhere, the queue filtered by NAME, its first
# case opened.
case_view() {
	tr_home || return 1
	type_text "$1"
	wait_for "SL-" || return 1
	keys Enter
	wait_for "F5刷新"
}

# full_marks: the debrief shows 100 of 100 and no failed check.
full_marks() {
	wait_for "得分 100 / 100" && screen_lacks "✗ 未通过"
}
