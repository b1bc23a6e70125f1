#!/bin/bash
# client.sh - the client rows of `make bench`, each beside dialog(1) run
# the same way in the same run: start to first full frame, private memory,
# bytes per key typing Chinese; and for the client alone bytes per move in
# a 500-row list, bytes for a full screen change and wakeups per second
# while idle. Rows "figure<TAB>ours<TAB>anchor" on stdout.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/bench/lib.sh
export LC_ALL=C.UTF-8 TERM=xterm-256color
WINCASE_BIN=${WINCASE_BIN:-$PWD/$BIN/wincase}
HARNESS="$BUILD/bench/bytes_per_key"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wincase-bench.XXXXXX")
trap 'bench_stop_all; rm -rf "$WORK"' EXIT
mkdir -p "$BUILD/bench"
cc -std=c11 -O2 -Wall -Wextra -o "$HARNESS" tests/bench/bytes_per_key.c -lutil ||
	{ echo "client.sh: cannot build the harness" >&2; exit 1; }

# harness SCRIPT COMMAND...: the harness's lines for one run.
harness() {
	local script=$1
	shift
	"$HARNESS" "$script" env HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" \
		XDG_DATA_HOME="$WORK/data" "$@"
}
# field OUTPUT LABEL N: the Nth word after "LABEL:".
field() { awk -v l="$2:" -v n="$3" '$1 == l {print $(n + 1)}' <<<"$1" | head -1; }

wincase() { harness "$1" "$WINCASE_BIN" --config "$WINCASE_CONF/wincase.conf" --server "$URL"; }
dialog_box() { harness "$1" dialog --inputbox '请输入申请人姓名' 10 50; }

db="$WORK/client.db"
bench_seed "$db" && "$BUILD/bench/gen_cases" --db "$db" --cases 10000 >/dev/null || exit 1
URL=$(bench_server_start "$db") || exit 1

# A program just linked has its pages dirty in the page cache until they
# are written back, and a process mapping them alone counts them as its own
# Private_Dirty (~400 KiB of bin/wincase right after `make`): write them
# back first, so that the figure is the program's and not the build's.
sync "$WINCASE_BIN" 2>/dev/null || sync
printf 'frame start\nmemory start\n' >"$WORK/start"
ours_ms=() dialog_ms=()
for _ in $(seq "$RUNS"); do
	ours_ms+=("$(field "$(wincase "$WORK/start")" start 1)")
	dialog_ms+=("$(field "$(dialog_box "$WORK/start")" start 1)")
done
row "client start to first full frame (ms)" \
	"$(printf '%s\n' "${ours_ms[@]}" | median)" \
	"dialog $(printf '%s\n' "${dialog_ms[@]}" | median)"

cat >"$WORK/login" <<'KEYS'
settle
send reviewer1\t
send demo-password-1
send \r\r
settle
memory home
wakeups idle 3000
repeat list-move 20 \eOB
send \r
settle
repeat screen-change 4 \e\r
KEYS
out=$(wincase "$WORK/login")
printf 'settle\nmemory home\ntype cjk 材料齐全同意容缺受理\n' >"$WORK/dialog"
dout=$(dialog_box "$WORK/dialog")
row "private memory on the home screen (Private_Dirty KiB)" \
	"$(field "$out" home 2)" "dialog $(field "$dout" home 2)"
printf 'settle\nsend \\eOQ\nsettle\ntype cjk 材料齐全同意容缺受理\n' >"$WORK/typing"
# The reviewer's decision comment field: Chinese typed into a field.
typing=$(printf 'settle\nsend reviewer1\\t\nsend demo-password-1\nsend \\r\\r\nsettle\nsend \\r\nsettle\nsend \\eOQ\nsettle\ntype cjk 材料齐全同意容缺受理\n' >"$WORK/cjk" && wincase "$WORK/cjk")
row "bytes per key typing Chinese into a field" \
	"$(field "$typing" cjk 4)" "dialog $(field "$dout" cjk 4)"
row "bytes per move in the review queue (~500 rows)" "$(field "$out" list-move 4)" "-"
row "bytes for a full screen change (item <-> queue)" "$(field "$out" screen-change 4)" "-"
row "wakeups per second, idle client" "$(field "$out" idle 1)" "-"
