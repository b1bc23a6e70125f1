# shellcheck shell=bash
# tap.sh - sourced by the tests/pg scripts: `check DESCRIPTION COMMAND...`
# prints one numbered TAP line for COMMAND's success; on a failure the
# last lines of $TAP_LOG (a file the script names) follow as comments.
n=0
check() {
	local what=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $what"
	else
		echo "not ok $n - $what"
		tail -"${TAP_LOG_LINES:-40}" "${TAP_LOG:-/dev/null}" 2>/dev/null | sed 's/^/# /'
	fi
}
