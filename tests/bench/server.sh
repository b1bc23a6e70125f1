#!/bin/bash
# server.sh - the server rows of `make bench`, each beside its anchor
# measured in the same run. Prints rows "figure | ours | anchor | ratio"
# for bench/run.sh's table (tab-separated on stdout); progress on stderr.
#
#   health:    wrk 2 threads 64 connections on GET /v1/health, against
#              nginx serving the same JSON as a static file
#   inquiries: wrk 16 connections POST /v1/inquiries with unique keys,
#              against a plain C loop writing a row and an audit row per
#              transaction with the same pragmas (sqlite_loop)
#   growth:    case list (window scope), substring search with no match,
#              review queue and a year's statistics by window, at each of
#              BENCH_SIZES cases (default 10000 100000 1000000)
#
# Figures only; it never fails on a figure. Every figure is a median.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/bench/lib.sh

SIZES=${BENCH_SIZES:-10000 100000 1000000}
WRK_SECONDS=${WRK_SECONDS:-5}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wincase-bench.XXXXXX")
trap 'bench_stop_all; rm -rf "$WORK"' EXIT

# ---- GET /v1/health against nginx.
health_rows() {
	local url ours nginx_port anchor
	url=$(bench_server_start "$WORK/health.db") || return 1
	ours=$(wrk_rate -t2 -c64 "$url/v1/health")
	curl -s "$url/v1/health" >"$WORK/health.json"
	nginx_port=$(nginx_start "$WORK" "$WORK/health.json") || return 1
	anchor=$(wrk_rate -t2 -c64 "http://127.0.0.1:$nginx_port/v1/health")
	bench_server_stop
	row "GET /v1/health req/s (wrk -t2 -c64)" "$ours" "nginx $anchor"
}

# ---- POST /v1/inquiries against the plain SQLite loop.
inquiry_rows() {
	local url token out rate p50 p99 anchor
	url=$(bench_server_start "$WORK/inq.db") || return 1
	token=$(bench_login "$url" clerk1)
	sed "s/\${TOKEN}/$token/" tests/bench/inquiry.lua >"$WORK/inquiry.lua"
	out=$(wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency -s "$WORK/inquiry.lua" \
		"$url/v1/inquiries" 2>&1)
	rate=$(wrk_field "$out" 'Requests/sec:')
	p50=$(wrk_percentile "$out" 50%)
	p99=$(wrk_percentile "$out" 99%)
	bench_server_stop
	anchor=$(median_of 3 "$BUILD/bench/sqlite_loop" "$WORK/loop.db" 3)
	row "POST /v1/inquiries req/s (wrk -t2 -c16)" "$rate" "sqlite loop $anchor"
	row "POST /v1/inquiries latency p50 / p99" "$p50 / $p99" "-"
}

# ---- How cost grows with the number of cases.
growth_rows() {
	local n db url clerk reviewer from=2025-12-01 to=2026-11-30
	for n in $SIZES; do
		db="$WORK/cases-$n.db"
		bench_seed "$db" || return 1
		echo "bench: generating $n cases" >&2
		"$BUILD/bench/gen_cases" --db "$db" --cases "$n" >&2 || return 1
		url=$(bench_server_start "$db") || return 1
		clerk=$(bench_login "$url" clerk1)
		reviewer=$(bench_login "$url" reviewer1)
		row "case list, window scope, $n cases (ms)" \
			"$(median_ms "$clerk" "$url/v1/cases?scope=window")" "-"
		row "search q= no match, $n cases (ms)" \
			"$(median_ms "$reviewer" "$url/v1/cases?scope=department&q=%E6%97%A0%E6%AD%A4%E4%BA%BA")" "-"
		row "review queue, $n cases (ms)" \
			"$(median_ms "$reviewer" "$url/v1/review/queue")" "-"
		row "statistics, a year by window, $n cases (ms)" \
			"$(median_ms "$reviewer" "$url/v1/stats?from=$from&to=$to&group_by=window")" "-"
		bench_server_stop
		rm -f "$db" "$db-wal" "$db-shm"
	done
}

health_rows
inquiry_rows
growth_rows
