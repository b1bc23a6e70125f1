#!/bin/bash
# test_training_isolation.sh - training never reaches production:
# with a production wincased running and configured, training sessions of
# the real client (wincase --training in tmux: login, a scenario's ideal
# path, its debrief) make zero requests to it (counted in its request log)
# and leave its SQLite files byte-identical; after F10, after SIGHUP and
# after kill -9 of the client no training process and no temporary folder
# remain.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh && . tests/e2e/training_steps.sh

requests() { grep -c 'wincased: request ' "$E2E_TMP/server.log"; }
snapshot() { # NAME: copies of the production store files
	mkdir -p "$E2E_TMP/$1"
	for f in "$E2E_TMP"/wc.db*; do cp "$f" "$E2E_TMP/$1/"; done
}
same_store() { # NAME
	local f
	for f in "$E2E_TMP"/wc.db*; do
		cmp -s "$f" "$E2E_TMP/$1/$(basename "$f")" || return 1
	done
	[ "$(ls "$E2E_TMP"/wc.db* | wc -l)" -eq "$(ls "$E2E_TMP/$1" | wc -l)" ]
}
gone() { ! kill -0 "$1" 2>/dev/null && [ ! -e "$2" ]; }
no_store_dirs() { ! ls -d "$TRAINING_DIR"/srv-* >/dev/null 2>&1; }
no_training_server() { ! pgrep -f -- "--db $TRAINING_DIR/" >/dev/null; }
private_read() { # PRIV_PID, PRIV_DIR: the running training server
	PRIV_PID=$(pgrep -f -- "--db $TRAINING_DIR/srv-" | head -1)
	PRIV_DIR=$(ls -d "$TRAINING_DIR"/srv-* 2>/dev/null | head -1)
	[ -n "$PRIV_PID" ] && [ -n "$PRIV_DIR" ]
}

# session_start: the client in training mode, logged in as trainee1.
session_start() {
	tr_client_start 80 24
	E2E_TIMEOUT=30 wait_for "【培训模式 TRAINING】" || return 1
	PRIV_URL=$(screen_text | sed -n 's/.*服务器：\(http:[^ ]*\).*/\1/p' | head -1)
	private_read && tr_login trainee1
}

server_start
tap $? "production wincased runs"
# The production server is the configured one.
mkdir -p "$E2E_TMP/config/wincase"
sed "s|^url *=.*|url = $E2E_URL|" "$WINCASE_CONF/wincase.conf" \
	>"$E2E_TMP/config/wincase/wincase.conf"
export E2E_CLIENT_CONF="$E2E_TMP/config/wincase/wincase.conf"
grep -q "^url = $E2E_URL" "$E2E_CLIENT_CONF"
tap $? "the client's configuration names the production server"
# Without --training this configuration is the production server (the
# login screen names it; it makes no request before a login).
tmux -L "$E2E_SOCK" -f /dev/null new-session -d -s plain -x 80 -y 24 \
	env LC_ALL=C.UTF-8 TERM=xterm-256color HOME="$E2E_TMP" \
	"$WINCASE_BIN" --config "$E2E_CLIENT_CONF"
plain_has() { tmux -L "$E2E_SOCK" capture-pane -p -t plain | grep -qF -- "$1"; }
poll plain_has "服务器：$E2E_URL"
tap $? "an ordinary client with it shows the production server"
tmux -L "$E2E_SOCK" send-keys -t plain F10
curl -s "$E2E_URL/v1/health" >/dev/null
poll test "$(requests)" -ge 1
tap $? "production logs one line per request"
before=$(requests)
snapshot before

session_start
tap $? "wincase --training starts and trainee1 logs in"
[ -n "$PRIV_URL" ] && [ "$PRIV_URL" != "$E2E_URL" ] &&
	case "$PRIV_URL" in http://127.0.0.1:*) true ;; *) false ;; esac
tap $? "the client talks to a private server on loopback ($PRIV_URL), not $E2E_URL"
case "$PRIV_DIR" in "$TRAINING_DIR"/srv-*) [ -d "$PRIV_DIR" ] ;; *) false ;; esac
tap $? "its store is in a fresh folder under the training data folder"
tr_pick 1 && inq_register "陈美华" "321202198503124618" "问食品经营许可要带什么材料" &&
	inq_close 0 "已告知所需材料" && tr_finish && full_marks
tap $? "a trainee works a scenario through to its debrief"
quit_clean
tap $? "F10 ends the session cleanly"
poll gone "$PRIV_PID" "$PRIV_DIR"
tap $? "after exit the private server and its folder are gone"

session_start
tap $? "a second session starts"
kill -HUP "$(client_pid)"
exited_clean
tap $? "SIGHUP ends the client"
poll gone "$PRIV_PID" "$PRIV_DIR"
tap $? "after SIGHUP the private server and its folder are gone"

# A scenario runs on a server of its own (issue 14.8): the one of the
# login is gone, the attempt's is the one to watch.
login_pid=$PRIV_PID
session_start && login_pid=$PRIV_PID && tr_pick 4 && private_read &&
	[ "$PRIV_PID" != "$login_pid" ] && ! kill -0 "$login_pid" 2>/dev/null
tap $? "a third session starts a scenario on a fresh private server"
kill -9 "$(client_pid)"
E2E_TIMEOUT=15 poll gone "$PRIV_PID" "$PRIV_DIR"
tap $? "after kill -9 of the client the private server stops and deletes its store"
poll no_store_dirs && poll no_training_server
tap $? "no training process and no temporary folder remain"

[ "$(requests)" -eq "$before" ]
tap $? "zero requests reached production during training ($(requests) = $before)"
same_store before
tap $? "the production SQLite files are byte-identical"

tap_done
