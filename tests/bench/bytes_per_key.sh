#!/bin/bash
# bytes_per_key.sh - bytes the client writes to its terminal per keystroke
#. A pty harness
# (bytes_per_key.c) runs the real client at 80x24 against a real wincased
# with 16 review items and prints, per kind of key, the mean and the
# largest count. Figures only; it never fails on a figure.
#
#   BIN=build/bin BUILD=build tests/bench/bytes_per_key.sh
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
BIN=${BIN:-bin}
export WINCASE_BIN=${WINCASE_BIN:-$PWD/$BIN/wincase}
export WINCASED_BIN=${WINCASED_BIN:-$PWD/$BIN/wincased}
export WINCASE_CONF=${WINCASE_CONF:-$PWD/conf} LC_ALL=C.UTF-8
. tests/e2e/lib.sh >/dev/null
. tests/e2e/review_api.sh

harness="$BUILD/bench/bytes_per_key"
mkdir -p "$BUILD/bench"
cc -std=c11 -O2 -Wall -Wextra -o "$harness" tests/bench/bytes_per_key.c -lutil ||
	{ echo "bytes_per_key: cannot build the harness" >&2; exit 1; }
server_start || { echo "bytes_per_key: wincased did not start" >&2; exit 1; }
clerk=$(api_token clerk1)
for i in $(seq 16); do tolerant_case "$clerk" "申请人$i" >/dev/null; done

cat >"$E2E_TMP/keys" <<'KEYS'
settle
type typing-ascii-login-field reviewer1
send \t
send demo-password-1
send \r\r
settle
quiet idle-in-queue 2000
repeat list-move-down-queue 12 \eOB
repeat list-move-up-queue 12 \eOA
send \r
settle
repeat list-scroll-item-text 10 \eOB
send \eOQ
settle
type typing-cjk-comment-field 材料齐全同意容缺受理
type typing-ascii-comment-field ok-checked
repeat cursor-left-in-field 5 \eOD
repeat backspace-in-field 5 \x7f
KEYS
echo "bytes written per key, client at 80x24, TERM=xterm-256color:"
"$harness" "$E2E_TMP/keys" env TERM=xterm-256color LC_ALL=C.UTF-8 \
	HOME="$E2E_TMP" XDG_CONFIG_HOME="$E2E_TMP/config" "$WINCASE_BIN" \
	--config "$WINCASE_CONF/wincase.conf" --server "$E2E_URL" | sed 's/^/  /'
