#!/bin/bash
# test_run_city.sh - `make run-city` (scripts/run-city.sh) without the
# client: PostgreSQL with a streaming standby, two wincased and nginx come
# up; through the balancer the health says postgres and connected, writes
# reach both instances and the standby; with one instance stopped the
# balancer sends everything to the other; SIGTERM stops it all and
# removes the folder. Needs nginx;
# skipped without WINCASE_TEST_DB (tests/support/pg_pass.sh).
set -u
cd "$(dirname "$0")/../.." || exit 1
echo "1..6"
if [ -z "${WINCASE_TEST_DB:-}" ]; then
	for i in 1 2 3 4 5 6; do echo "ok $i # SKIP WINCASE_TEST_DB is not set"; done
	exit 0
fi
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
	for i in 1 2 3 4 5 6; do echo "ok $i # SKIP nginx is not installed"; done
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/wincase-city-XXXXXX")
chmod 0755 "$work" # the cluster's owner reaches its folder inside
out=$work/run-city.out
WINCASE_CITY_DIR=$work/city WINCASE_CITY_CLIENT=none scripts/run-city.sh >"$out" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT

TAP_LOG="$out" TAP_LOG_LINES=400
. tests/pg/tap.sh

# Bounded waits on the script's output, never a fixed sleep.
wait_for() { # TEXT
	local i
	for i in $(seq 1 600); do
		grep -q "$1" "$out" && return 0
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

post_inquiry() { # URL TOKEN: the status
	curl -s -o /dev/null -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
		-d '{"applicant":{"name":"张三"},"channel":"counter","topic":"市里"}' \
		"$1/v1/inquiries"
}

started() { wait_for 'Ctrl-C stops the city'; }
check "the city starts" started
url=$(sed -n 's/^nginx on \(http:[^ ]*\) .*/\1/p' "$out")

health_ok() {
	local h
	h=$(curl -s "$url/v1/health")
	case $h in *'"store":"postgres"'*'"connected":true'*) return 0 ;; esac
	echo "# health: $h"
	return 1
}
check "the balancer's health: postgres, connected" health_ok

token=$(curl -s -X POST -H 'Content-Type: application/json' \
	-d '{"username":"clerk1","password":"demo-password-1"}' "$url/v1/sessions" |
	sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
balanced() {
	local i
	for i in 1 2 3 4; do
		[ "$(post_inquiry "$url" "$token")" = 201 ] || return 1
	done
	grep -q 'POST /v1/inquiries 201' "$work/city/wincased-1.log" &&
		grep -q 'POST /v1/inquiries 201' "$work/city/wincased-2.log"
}
check "writes go to both instances" balanced

psql=$(tests/support/pg_cluster.sh bindir -)/psql
standby_has_them() {
	local primary standby i n
	primary=$(sed -n 's/^PostgreSQL primary: //p' "$out")
	standby=$(sed -n 's/^PostgreSQL standby (streaming, read-only): //p' "$out")
	[ "$("$psql" "$primary" -Atc 'SELECT state FROM pg_stat_replication')" = streaming ] ||
		return 1
	for i in $(seq 1 100); do
		n=$("$psql" "$standby" -Atc 'SELECT count(*) FROM inquiries' 2>/dev/null)
		[ "$n" = 4 ] && return 0
		sleep 0.1
	done
	echo "# the standby has $n inquiries"
	return 1
}
check "the standby streams them" standby_has_them

one_down() {
	local first i
	first=$(sed -n 's/^wincased 1 on .*(pid \([0-9]*\),.*/\1/p' "$out")
	[ -n "$first" ] && kill "$first" || return 1
	for i in 1 2 3 4; do
		[ "$(post_inquiry "$url" "$token")" = 201 ] || return 1
	done
}
check "with one instance stopped the other serves" one_down

stopped() {
	local i
	kill "$pid"
	for i in $(seq 1 300); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	! kill -0 "$pid" 2>/dev/null && [ ! -e "$work/city" ] &&
		! pgrep -f "$work/city/pg" >/dev/null
}
check "SIGTERM stops everything and removes the folder" stopped
