#!/bin/bash
# test_training_isolation.sh - training never reaches production (issue 6):
# with a production wincased running and configured, a training session
# (through the harness tui/training.c, driven by test_training_harness
# --session until wincase --training is wired) makes zero requests to it
# (counted in its request log) and leaves its SQLite files byte-identical;
# after a clean exit and after kill -9 of the client no training process
# and no temporary folder remain.
. "$(dirname "$0")/lib.sh"

DRIVER="${BUILD:-build}/tests/test_training_harness"
export XDG_DATA_HOME="$E2E_TMP/data" HOME="$E2E_TMP"
TRAINING_DIR="$XDG_DATA_HOME/wincase/training"

requests() { grep -c '^wincased: request ' "$E2E_TMP/server.log"; }
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
session_line() { grep -q "$1" "$E2E_TMP/session.out"; }

# session_start: the driver with its stdin on a fifo held open by fd 3.
session_start() {
	rm -f "$E2E_TMP/session.in" "$E2E_TMP/session.out"
	mkfifo "$E2E_TMP/session.in"
	"$DRIVER" --session >"$E2E_TMP/session.out" 2>&1 <"$E2E_TMP/session.in" &
	DRIVER_PID=$!
	exec 3>"$E2E_TMP/session.in"
	poll session_line '^done' || return 1
	read -r _ PRIV_PID _ PRIV_DIR _ PRIV_URL <"$E2E_TMP/session.out"
}

[ -x "$DRIVER" ] || { echo "# no $DRIVER"; echo "1..0"; exit 1; }
server_start
tap $? "production wincased runs"
# The production server is the configured one.
mkdir -p "$E2E_TMP/config/wincase"
sed "s|^server *=.*|server = $E2E_URL|" "$WINCASE_CONF/wincase.conf" \
	>"$E2E_TMP/config/wincase/wincase.conf"
export XDG_CONFIG_HOME="$E2E_TMP/config"
curl -s "$E2E_URL/v1/health" >/dev/null
poll test "$(requests)" -ge 1
tap $? "production logs one line per request"
before=$(requests)
snapshot before

session_start
tap $? "a training session starts and a trainee works in it"
[ -n "$PRIV_URL" ] && [ "$PRIV_URL" != "$E2E_URL" ] &&
	case "$PRIV_URL" in http://127.0.0.1:*) true ;; *) false ;; esac
tap $? "the training server is private, on loopback ($PRIV_URL)"
case "$PRIV_DIR" in "$TRAINING_DIR"/srv-*) [ -d "$PRIV_DIR" ] ;; *) false ;; esac
tap $? "its store is in a fresh folder under the training data folder"
echo stop >&3
exec 3>&-
wait "$DRIVER_PID"
tap $? "the session stops cleanly"
poll gone "$PRIV_PID" "$PRIV_DIR"
tap $? "after exit the private server and its folder are gone"

session_start
tap $? "a second session starts"
kill -9 "$DRIVER_PID"
wait "$DRIVER_PID" 2>/dev/null
exec 3>&-
E2E_TIMEOUT=15 poll gone "$PRIV_PID" "$PRIV_DIR"
tap $? "after kill -9 of the client the private server stops and deletes its store"
no_store_dirs && no_training_server
tap $? "no training process and no temporary folder remain"

[ "$(requests)" -eq "$before" ]
tap $? "zero requests reached production during training ($(requests) = $before)"
same_store before
tap $? "the production SQLite files are byte-identical"

tap_done
