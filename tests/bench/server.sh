#!/bin/bash
# server.sh - the server rows of `make bench`, each beside its anchor
# measured in the same run. Prints rows "figure | ours | anchor" for
# bench/run.sh's table (tab-separated on stdout); progress on stderr.
#
#   health:    wrk 2 threads 64 connections on GET /v1/health, against
#              nginx serving the same JSON as a static file
#   inquiries: wrk 16 connections POST /v1/inquiries with unique keys,
#              against a plain C loop writing a row and an audit row per
#              transaction with the same pragmas (sqlite_loop)
#   both again on PostgreSQL (a throwaway cluster, tests/support/
#              pg_cluster.sh) and through nginx balancing two instances on
#              it (as scripts/run-city.sh), when PostgreSQL is installed
#   growth:    case list (window scope), substring search with no match,
#              review queue and a year's statistics by window, at each of
#              BENCH_SIZES cases (default 10000 100000 1000000) from
#              gen_cases; on PostgreSQL at BENCH_PG_SIZES (default 10000
#              100000: the copy of a million cases by migrate-store alone
#              takes minutes), the same SQLite store copied over by
#              `wincased migrate-store`
#
# BENCH_SKIP_RATES=1 skips the health and inquiry rows, BENCH_SKIP_GROWTH=1
# the growth rows (BENCH_SIZES="" cannot: an empty value means the default),
# BENCH_SKIP_PG=1 every PostgreSQL row.
#
# Figures only; it never fails on a figure. Every figure is a median.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/bench/lib.sh

SIZES=${BENCH_SIZES:-10000 100000 1000000}
PG_SIZES=${BENCH_PG_SIZES:-10000 100000}
WRK_SECONDS=${WRK_SECONDS:-5}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wincase-bench.XXXXXX")
chmod a+rx "$WORK"
trap 'bench_stop_all; rm -rf "$WORK"' EXIT
PG_CONN="" PG_PORT=""

# rate_rows LABEL ANCHOR-NAME ANCHOR-COMMAND WRK-OPTIONS... URL: "LABEL
# req/s" against the anchor, and its p50 / p99. Each of WRK_RUNS rounds
# runs the anchor (a command printing a rate) and then wrk on ours, so
# that both meet the same load of a shared machine: ours is the round with
# the median rate, the anchor the median of its rounds.
rate_rows() {
	local label=$1 name=$2 anchor=$3 i m a
	shift 3
	: >"$WORK/rounds-ours" && : >"$WORK/rounds-anchor"
	for i in $(seq "${WRK_RUNS:-3}"); do
		$anchor >>"$WORK/rounds-anchor"
		WRK_RUNS=1 wrk_median "$@" >>"$WORK/rounds-ours"
	done
	m=$(sort -n "$WORK/rounds-ours" | awk '{v[NR] = $0} END {if (NR) print v[int((NR + 1) / 2)]}')
	a=$(median <"$WORK/rounds-anchor")
	row "$label req/s" "$(cut -f1 <<<"$m")" "$name $a"
	row "$label p50 / p99 (ms)" "$(cut -f2 <<<"$m") / $(cut -f3 <<<"$m")" "-"
}

# inquiry_script URL USER: the wrk script posting inquiries as USER.
inquiry_script() {
	local token
	token=$(bench_login "$1" "$2")
	sed "s/\${TOKEN}/$token/" tests/bench/inquiry.lua >"$WORK/inquiry-$2.lua"
	echo "$WORK/inquiry-$2.lua"
}

# ---- The anchors, run in turn with ours: nginx on the same JSON (kept
# running until the end), the plain SQLite loop.
NGINX_PORT=""
anchors() {
	curl -s "$1/v1/health" >"$WORK/health.json"
	NGINX_PORT=$(nginx_start "$WORK" "$WORK/health.json")
}

nginx_rate() {
	WRK_RUNS=1 wrk_rate -t2 -c64 "http://127.0.0.1:$NGINX_PORT/v1/health"
}

loop_rate() {
	"$BUILD/bench/sqlite_loop" "$WORK/loop.db" 3
	rm -f "$WORK"/loop.db*
}

# server_rows URL LABEL: health and inquiries of one wincased (or a
# balancer) at URL.
server_rows() {
	local url=$1 label=$2
	rate_rows "GET /v1/health$label (wrk -t2 -c64)" nginx nginx_rate \
		-t2 -c64 "$url/v1/health"
	rate_rows "POST /v1/inquiries$label (wrk -t2 -c16)" "sqlite loop" \
		loop_rate -t2 -c16 -s "$(inquiry_script "$url" clerk1)" \
		"$url/v1/inquiries"
}

sqlite_rows() {
	local url
	url=$(bench_server_start "$WORK/health.db") || return 1
	anchors "$url" || return 1
	server_rows "$url" ""
	bench_server_stop
}

# ---- PostgreSQL: one instance, then two behind nginx.
pg_start() {
	local out rc
	out=$(tests/support/pg_cluster.sh start "$WORK/pg" 2>"$WORK/pg.err")
	rc=$?
	if [ "$rc" -ne 0 ]; then
		if [ "$rc" -eq 3 ]; then
			row "PostgreSQL rows" "skipped: PostgreSQL is not installed" "-"
		else
			row "PostgreSQL rows" "skipped: the cluster did not start" "-"
			tail -3 "$WORK/pg.err" >&2
		fi
		return 1
	fi
	PG_PORT=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$out")
	return 0
}

# pg_db NAME: a new database's conninfo.
pg_db() { tests/support/pg_cluster.sh createdb "$WORK/pg" "$1"; }

pg_rows() {
	local conn url1 url2 port
	conn=$(pg_db bench_health) || return 1
	mkdir -p "$WORK/keys" && chmod 0700 "$WORK/keys"
	url1=$(bench_server_start "$conn" pg1 --data-dir "$WORK/keys") || return 1
	[ -n "$NGINX_PORT" ] || anchors "$url1" || return 1
	server_rows "$url1" " (PostgreSQL)"
	url2=$(bench_server_start "$conn" pg2 --no-seed --data-dir "$WORK/keys") || return 1
	port=$(balancer_start "$WORK/balancer" "$url1" "$url2") || return 1
	server_rows "http://127.0.0.1:$port" " (2 instances, nginx, PostgreSQL)"
	kill "$(cat "$WORK/balancer/nginx.pid")" 2>/dev/null
	rm -f "$WORK/balancer/nginx.pid"
	bench_server_stop pg2
	bench_server_stop pg1
}

# ---- How cost grows with the number of cases.
# growth_rows URL N LABEL: the four queries on a store of N cases.
growth_rows() {
	local url=$1 n=$2 label=$3 clerk reviewer from=2025-12-01 to=2026-11-30
	clerk=$(bench_login "$url" clerk1)
	reviewer=$(bench_login "$url" reviewer1)
	row "case list, window scope, $n cases$label (ms)" \
		"$(median_ms "$clerk" "$url/v1/cases?scope=window")" "-"
	row "search q= no match, $n cases$label (ms)" \
		"$(median_ms "$reviewer" "$url/v1/cases?scope=department&q=%E6%97%A0%E6%AD%A4%E4%BA%BA")" "-"
	row "review queue, $n cases$label (ms)" \
		"$(median_ms "$reviewer" "$url/v1/review/queue")" "-"
	row "statistics, a year by window, $n cases$label (ms)" \
		"$(median_ms "$reviewer" "$url/v1/stats?from=$from&to=$to&group_by=window")" "-"
}

growth() {
	local n db url t0 t1 conn
	for n in $SIZES; do
		db="$WORK/cases-$n.db"
		bench_seed "$db" || return 1
		echo "bench: generating $n cases" >&2
		"$BUILD/bench/gen_cases" --db "$db" --cases "$n" >"$WORK/gen-$n.log" 2>&1 ||
			{ cat "$WORK/gen-$n.log" >&2; return 1; }
		row "gen_cases of $n cases (s)" \
			"$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$WORK/gen-$n.log")" "-"
		url=$(bench_server_start "$db") || return 1
		growth_rows "$url" "$n" ""
		bench_server_stop
		if [ -n "$PG_PORT" ] && [[ " $PG_SIZES " == *" $n "* ]]; then
			echo "bench: copying $n cases to PostgreSQL" >&2
			conn=$(pg_db "bench_$n") || return 1
			t0=$(date +%s.%N)
			"$WINCASED_BIN" migrate-store \
				--from "sqlite:$db" \
				--to "postgresql://wincase@127.0.0.1:$PG_PORT/bench_$n" \
				>"$WORK/migrate-$n.log" 2>&1 ||
				{ echo "bench: migrate-store failed:" >&2; tail -5 "$WORK/migrate-$n.log" >&2; continue; }
			t1=$(date +%s.%N)
			row "migrate-store of $n cases to PostgreSQL (s)" \
				"$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')" "-"
			mkdir -p "$WORK/keys" && chmod 0700 "$WORK/keys"
			url=$(bench_server_start "$conn" pg --no-seed \
				--data-dir "$WORK/keys") || return 1
			growth_rows "$url" "$n" " (PostgreSQL)"
			bench_server_stop pg
		fi
		rm -f "$db" "$db-wal" "$db-shm"
	done
}

[ -z "${BENCH_SKIP_RATES:-}" ] && sqlite_rows
[ -z "${BENCH_SKIP_PG:-}" ] && pg_start && { [ -n "${BENCH_SKIP_RATES:-}" ] || pg_rows; }
[ -z "${BENCH_SKIP_GROWTH:-}" ] && growth
exit 0
