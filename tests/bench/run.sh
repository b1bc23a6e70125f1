#!/bin/bash
# run.sh - benchmarks for `make bench`. They print figures; they never fail on
# a figure (targets live in the issues, not in assertions).
#
#   client start-up: from starting wincase in a terminal to the login screen
#   client memory:   VmRSS / VmHWM of wincase on the home screen after login
#   bytes per key:   bytes the client writes per keystroke (bytes_per_key.sh)
set -u
cd "$(dirname "$0")/../.."
BIN=${BIN:-bin}
export WINCASE_BIN="$PWD/$BIN/wincase" WINCASED_BIN="$PWD/$BIN/wincased"
export WINCASE_CONF="$PWD/conf" LC_ALL=C.UTF-8
RUNS=${RUNS:-10}

# Reuse the terminal-test helpers (private tmux server, real wincased).
. tests/e2e/lib.sh >/dev/null

now_ms() { date +%s%3N; }

server_start || { echo "bench: wincased did not start" >&2; exit 1; }

# Start-up: poll capture-pane as fast as it answers (a few ms per poll).
times=()
for _ in $(seq "$RUNS"); do
	t0=$(now_ms)
	client_start 80 24
	until screen_has "用户名"; do
		[ $(($(now_ms) - t0)) -gt 10000 ] && { echo "bench: no login screen" >&2; exit 1; }
	done
	times+=($(($(now_ms) - t0)))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(((RUNS + 1) / 2))p")
echo "client start-up to login screen (80x24, $RUNS runs): median ${median} ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms"

# Memory on the home screen.
login clerk1 demo-password-1 >/dev/null || { echo "bench: login failed" >&2; exit 1; }
pid=$(client_pid)
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
echo "client memory on the home screen: VmRSS ${rss} KiB, peak VmHWM ${hwm} KiB"
spid=$E2E_SERVER_PID
echo "wincased memory after seeding and one login: VmRSS $(awk '/^VmRSS/ {print $2}' "/proc/$spid/status") KiB"
keys F10

# Bytes written per keystroke; its own server.
bash tests/bench/bytes_per_key.sh
