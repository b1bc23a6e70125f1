#!/bin/bash
# tests/fuzz/run.sh NAME... - run each libFuzzer target $FUZZ_DIR/fuzz_NAME
# for $FUZZ_TIME seconds over its seeds (tests/fuzz/corpus/NAME, read
# only; what it finds new goes to $FUZZ_DIR/corpus/NAME), $FUZZ_JOBS at a
# time. Prints one line per target with the executions run; a crash,
# leak or sanitizer report fails the run and leaves its input in
# $FUZZ_DIR/artifacts/ (the log in $FUZZ_DIR/logs/NAME.log).
set -uo pipefail
cd "$(dirname "$0")/../.."
: "${FUZZ_DIR:=build/fuzz}" "${FUZZ_TIME:=60}" "${FUZZ_JOBS:=1}"
mkdir -p "$FUZZ_DIR/logs" "$FUZZ_DIR/artifacts"

run_one() {
	local name=$1 log="$FUZZ_DIR/logs/$1.log" rc runs secs dict=()
	mkdir -p "$FUZZ_DIR/corpus/$name"
	case $name in
	text | utf8 | draft | template) ;;
	*) dict=(-dict=tests/fuzz/json.dict) ;;
	esac
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$FUZZ_DIR/fuzz_$name" -max_total_time="$FUZZ_TIME" \
		-timeout=10 -rss_limit_mb=2048 "${dict[@]}" \
		-artifact_prefix="$FUZZ_DIR/artifacts/$name-" \
		"$FUZZ_DIR/corpus/$name" "tests/fuzz/corpus/$name" \
		>"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log")
	secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log")
	if [ "$rc" -eq 0 ] && [ -n "$runs" ]; then
		printf 'fuzz_%-11s %10s executions in %s s, no crash\n' \
			"$name" "$runs" "$secs"
	else
		printf 'fuzz_%-11s FAILED (exit %s), see %s\n' "$name" "$rc" "$log"
		grep -m3 -E 'ERROR|runtime error|SUMMARY' "$log" | sed 's/^/    /'
		return 1
	fi
}
export -f run_one
export FUZZ_DIR FUZZ_TIME

failed=0
printf '%s\n' "$@" | xargs -P "$FUZZ_JOBS" -I{} bash -c 'run_one {}' || failed=1
[ "$failed" -eq 0 ] && echo "fuzz: $# targets, ${FUZZ_TIME} s each, no crash"
exit "$failed"
