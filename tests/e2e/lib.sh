# lib.sh - helpers for the terminal tests (sourced by tests/e2e/test_*.sh).
#
# Starts a real wincased on a temporary SQLite file and a free loopback
# port, runs the real client in a private tmux server, sends keys and polls
# capture-pane for the expected text with a bound (never a fixed sleep).
# Prints TAP lines; everything is cleaned up on exit.
set -u

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/wincase-e2e.XXXXXX")
E2E_SOCK="wincase-e2e-$$"
E2E_SERVER_PID=""
E2E_URL=""
E2E_N=0
E2E_FAILED=0
E2E_TIMEOUT=${E2E_TIMEOUT:-10} # seconds to wait for a screen

e2e_cleanup() {
	tmux -L "$E2E_SOCK" kill-server 2>/dev/null
	if [ -n "$E2E_SERVER_PID" ]; then
		kill "$E2E_SERVER_PID" 2>/dev/null
		wait "$E2E_SERVER_PID" 2>/dev/null
	fi
	rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT
trap 'exit 130' INT TERM HUP

# ok CONDITION-STATUS DESCRIPTION: one TAP line.
tap() { # status description
	E2E_N=$((E2E_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $E2E_N - $2"
	else
		echo "not ok $E2E_N - $2"
		E2E_FAILED=$((E2E_FAILED + 1))
		echo "# screen at failure:"
		screen_text | sed 's/^/#   |/'
	fi
}

tap_done() {
	echo "1..$E2E_N"
	[ "$E2E_FAILED" -eq 0 ]
}

# Polls until cond (a command) succeeds, at most E2E_TIMEOUT seconds.
poll() {
	local tries=$((E2E_TIMEOUT * 20))
	while [ "$tries" -gt 0 ]; do
		"$@" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# An empty configuration of its own, so that an installed
# /etc/wincase/wincased.conf never changes a test.
server_start() {
	[ -x "$WINCASED_BIN" ] || { echo "# no $WINCASED_BIN"; return 1; }
	: >"$E2E_TMP/wincased.conf"
	"$WINCASED_BIN" --config "$E2E_TMP/wincased.conf" \
		--db "$E2E_TMP/wc.db" --listen 127.0.0.1:0 --seed-demo \
		--fake-clock=2026-11-02T09:00:00+08:00 \
		--conf-dir "$WINCASE_CONF" >"$E2E_TMP/server.out" \
		2>"$E2E_TMP/server.log" &
	E2E_SERVER_PID=$!
	poll server_url_read || { cat "$E2E_TMP/server.log" | sed 's/^/# /'; return 1; }
}

server_url_read() {
	E2E_URL=$(sed -n 's/^wincased: listening on //p' "$E2E_TMP/server.out")
	[ -n "$E2E_URL" ]
}

# client_spawn COLS ROWS [VAR=value...] PROGRAM [ARG...]: PROGRAM in a
# fresh private tmux server of COLS x ROWS, with LC_ALL=C.UTF-8,
# TERM=xterm-256color, HOME=$E2E_TMP and XDG_CONFIG_HOME=$E2E_TMP/config,
# then the VARs (a later one wins). A shell around it records its exit
# status in $E2E_TMP/client.status (tmux itself may miss the status of a
# program that closed its terminal).
client_spawn() {
	local cols=$1 rows=$2
	shift 2
	local old
	old=$(tmux -L "$E2E_SOCK" display-message -p '#{pid}' 2>/dev/null)
	tmux -L "$E2E_SOCK" kill-server 2>/dev/null
	# kill-server returns before the old server is gone: a new-session
	# that reaches it then fails ("server exited unexpectedly"). Wait for
	# the process (the socket file stays behind, so it tells nothing).
	[ -z "$old" ] || E2E_TIMEOUT=5 poll eval "! kill -0 $old 2>/dev/null"
	rm -f "$E2E_TMP/client.status"
	printf 'set -g status off\nset -g remain-on-exit on\n' >"$E2E_TMP/tmux.conf"
	tmux -L "$E2E_SOCK" -f "$E2E_TMP/tmux.conf" new-session -d -s wc \
		-x "$cols" -y "$rows" \
		sh -c '"$@"; echo $? >"$0"' "$E2E_TMP/client.status" \
		env -u XDG_DATA_HOME -u XDG_CONFIG_DIRS LC_ALL=C.UTF-8 TERM=xterm-256color HOME="$E2E_TMP" \
		XDG_CONFIG_HOME="$E2E_TMP/config" "$@"
}

# client_start COLS ROWS [VAR=value...]: the client (client_spawn), with the
# example configuration (or $E2E_CLIENT_CONF) and --server pointing at our
# wincased.
client_start() {
	local cols=$1 rows=$2
	shift 2
	client_spawn "$cols" "$rows" "$@" \
		"$WINCASE_BIN" --config "${E2E_CLIENT_CONF:-$WINCASE_CONF/wincase.conf}" \
		--server "$E2E_URL"
}

# The pid of the client itself (the child of the recording shell).
client_pid() {
	pgrep -P "$(tmux -L "$E2E_SOCK" display -p -t wc '#{pane_pid}')"
}

screen_text() {
	tmux -L "$E2E_SOCK" capture-pane -p -t wc 2>/dev/null
}

# True when the screen uses any foreground or background colour (SGR 30-38,
# 40-48, 90-107; 39 and 49 are the defaults), as capture-pane -e shows it.
screen_coloured() {
	tmux -L "$E2E_SOCK" capture-pane -e -p -t wc 2>/dev/null |
		grep -qE $'\e\\[([0-9]+;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]+)*m'
}

screen_has() {
	screen_text | grep -qF -- "$1"
}

screen_lacks() {
	! screen_has "$1"
}

# wait_for TEXT: true once TEXT is on the screen (bounded).
wait_for() {
	poll screen_has "$1"
}

# wait_gone TEXT: true once TEXT has left the screen (bounded).
wait_gone() {
	poll screen_lacks "$1"
}

keys() {
	tmux -L "$E2E_SOCK" send-keys -t wc "$@"
}

# type_text TEXT: sends TEXT literally (UTF-8 Chinese included).
type_text() {
	tmux -L "$E2E_SOCK" send-keys -t wc -l -- "$1"
}

pane_dead() {
	[ "$(tmux -L "$E2E_SOCK" display-message -p -t wc '#{pane_dead}' 2>/dev/null)" = 1 ]
}

# The client's exit status once it has ended ("" while it runs).
pane_status() {
	cat "$E2E_TMP/client.status" 2>/dev/null
}

# exited_clean: the client has ended with status 0 (under ASan a leak or an
# error would make it non-zero).
exited_clean() {
	poll pane_dead && [ "$(pane_status)" = 0 ] && return 0
	echo "# client exit status: '$(pane_status)'"
	return 1
}

# quit_clean: F10, then the client must end with status 0.
quit_clean() {
	keys F10
	exited_clean
}

# clerk_session: wincased started and clerk1 logged in on an 80x24 client,
# each step a TAP line ("wincased starts", "clerk1 logs in").
clerk_session() {
	server_start
	tap $? "wincased starts"
	client_start 80 24
	login clerk1 demo-password-1
	tap $? "clerk1 logs in"
}

# login USER PASSWORD: from the login screen to the home screen.
login() {
	wait_for "用户名" || return 1
	type_text "$1"
	keys Tab
	type_text "$2"
	keys Enter Enter
	wait_for "我的待办咨询"
}

# The number of inquiries of USER's list as the server sees them.
api_inquiry_count() { # user
	local token
	token=$(curl -s -X POST -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"demo-password-1\"}" \
		"$E2E_URL/v1/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
	curl -s -H "Authorization: Bearer $token" \
		"$E2E_URL/v1/inquiries?scope=mine" | grep -o '"no" *:' | wc -l
}

# printed_text FILE: what the print command received into FILE (tee -a),
# as text without blanks or line breaks: each PDF in it (the server's, the
# client prints those) through pdftotext, text as it is.
printed_text() {
	local dir part
	dir=$(mktemp -d "$E2E_TMP/printed.XXXXXX")
	csplit -s -z -f "$dir/part" "$1" '/^%PDF-/' '{*}' 2>/dev/null ||
		cp "$1" "$dir/part00"
	for part in "$dir"/part*; do
		if [ "$(head -c 5 "$part")" = "%PDF-" ]; then
			pdftotext -raw "$part" - 2>/dev/null
		else
			cat "$part"
		fi
	done | tr -d ' \f\n'
	rm -rf "$dir"
}

# client_conf_printing: a client configuration whose print command writes
# the printed text to $E2E_TMP/printed.txt (tee, run without a shell) and
# whose data folder is $E2E_TMP/data; sets E2E_CLIENT_CONF.
client_conf_printing() {
	E2E_CLIENT_CONF="$E2E_TMP/wincase-print.conf"
	sed -e "s|^print_command = .*|print_command = tee -a $E2E_TMP/printed.txt|" \
		-e "s|^;* *data_dir = .*|data_dir = $E2E_TMP/data|" \
		"$WINCASE_CONF/wincase.conf" >"$E2E_CLIENT_CONF"
}

# Drafts live encrypted in the clerk's local store (issue 12):
# $HOME/.local/share/wincase/local/SERVER/USER/draft-SCREEN.wce.
# draft_path SCREEN: that file, or "" when there is none.
draft_path() {
	ls "$E2E_TMP"/.local/share/wincase/local/*/*/draft-"$1".wce 2>/dev/null | head -1
}
# draft_saved SCREEN TEXT: TEXT is on the screen (the draft is written
# before the redraw that shows it), the file is there, and TEXT is not in
# it in clear.
draft_saved() {
	local f
	wait_for "$2" || return 1
	f=$(draft_path "$1")
	[ -n "$f" ] && ! grep -qF -- "$2" "$f"
}
draft_gone() {
	[ -z "$(draft_path "$1")" ]
}

# Issue 12's offline tests. server_kill: wincased gone at once (SIGKILL).
# server_restart_same: wincased again on the same port and database (the
# client's URL stays). api_token USER: a session token for USER.
# fast_client_conf: the example client configuration with short network
# limits (2 s, connect 1 s), for the offline tests; prints its path.
fast_client_conf() {
	sed -e 's/^timeout = .*/timeout = 2/' -e 's/^connect_timeout = .*/connect_timeout = 1/' \
		"$WINCASE_CONF/wincase.conf" >"$E2E_TMP/wincase-fast.conf"
	echo "$E2E_TMP/wincase-fast.conf"
}
server_kill() {
	kill -9 "$E2E_SERVER_PID"
	wait "$E2E_SERVER_PID" 2>/dev/null
	E2E_SERVER_PID=""
}
server_restart_same() {
	"$WINCASED_BIN" --config "$E2E_TMP/wincased.conf" --db "$E2E_TMP/wc.db" \
		--listen "127.0.0.1:${E2E_URL##*:}" \
		--fake-clock=2026-11-02T09:00:00+08:00 --conf-dir "$WINCASE_CONF" \
		>>"$E2E_TMP/server.out" 2>>"$E2E_TMP/server.log" &
	E2E_SERVER_PID=$!
}
api_token() {
	curl -s -X POST -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"demo-password-1\"}" \
		"$E2E_URL/v1/sessions" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p'
}
