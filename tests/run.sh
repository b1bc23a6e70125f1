#!/bin/bash
# run.sh - run every test program and script, read their TAP lines
# ("ok N ..." / "not ok N ..."), and end with "N passed, N failed".
# A program that exits non-zero without reporting a failure counts as one.
# TEST_STORES (default "sqlite pg"): the SQLite pass runs everything; the
# PostgreSQL pass (tests/support/pg_pass.sh) runs the API suite and the
# tests/pg programs again on a cluster of its own, when PostgreSQL is
# installed and wincased has the PostgreSQL store.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
BIN=${BIN:-bin}
export WINCASE_BIN="$PWD/$BIN/wincase" WINCASED_BIN="$PWD/$BIN/wincased"
export WINCASE_CONF="$PWD/conf" WINCASE_TESTS="$PWD/tests"
export CMOCKA_MESSAGE_OUTPUT=TAP LC_ALL=C.UTF-8
logdir=${TEST_LOGS:-$BUILD/test-logs}
rm -rf "$logdir" && mkdir -p "$logdir"
# Tests that leave files for a person to look at (PDF pages, screenshots).
export WINCASE_TEST_LOGS="$(cd "$logdir" && pwd)"

passed=0 failed=0 skipped=0
only=${1:-}
run_one() { # name command...
	local name=$1 log="$logdir/$1.log" rc ok notok skip
	shift
	case "$name" in *"$only"*) ;; *) return ;; esac
	"$@" >"$log" 2>&1 </dev/null
	rc=$?
	# A skipped test (cmocka's "not ok N # SKIP", TAP's "ok N # SKIP") is
	# neither passed nor failed.
	skip=$(grep -cE '^(not )?ok [0-9]+ # SKIP' "$log")
	ok=$(grep '^ok ' "$log" | grep -vc '^ok [0-9]* # SKIP')
	notok=$(grep '^not ok ' "$log" | grep -vc '^not ok [0-9]* # SKIP')
	if [ "$rc" -ne 0 ] && [ "$notok" -eq 0 ]; then
		notok=1
		echo "not ok - $name exited with status $rc" >>"$log"
	fi
	passed=$((passed + ok))
	skipped=$((skipped + skip))
	failed=$((failed + notok))
	if [ "$notok" -gt 0 ]; then
		printf 'FAIL %-28s %3d passed, %d failed (log: %s)\n' "$name" "$ok" "$notok" "$log"
		grep -E '^not ok|^# ' "$log" | head -40 | sed 's/^/    /'
	else
		printf 'ok   %-28s %3d passed\n' "$name" "$ok"
	fi
}

stores=${TEST_STORES:-sqlite pg}
case " $stores " in *" sqlite "*)
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		run_one "$(basename "$t")" "$t"
	done
	for t in tests/e2e/test_*.sh; do
		[ -f "$t" ] || continue
		run_one "e2e-$(basename "$t" .sh)" bash "$t"
	done
	;;
esac
case " $stores " in *" pg "*) . tests/support/pg_pass.sh ;; esac

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
