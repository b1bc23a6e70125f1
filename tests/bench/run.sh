#!/bin/bash
# run.sh - `make bench`: one table of figures, each beside its anchor run in
# the same invocation (dialog, nginx, a plain SQLite loop), with the ratio.
# Every figure is a median of several runs; none is a pass or fail.
#
#   client.sh   start-up, memory, bytes per key, per move, per screen,
#               idle wakeups (against dialog)
#   server.sh   health and write throughput (against nginx and the loop),
#               list, search, review queue, statistics at 10k..1M cases
#   migrate.sh  migrate-store of 100,000 cases into PostgreSQL (when
#               PostgreSQL is installed)
#   bytes_per_key.sh  the detailed bytes-per-key figures
#
# BENCH_SIZES="10000 100000" shortens the growth rows; RUNS sets repeats.
set -u
cd "$(dirname "$0")/../.." || exit 1
export BUILD=${BUILD:-build} BIN=${BIN:-bin}

table() {
	awk -F'\t' '
	function num(s) { sub(/^[a-z ]+ /, "", s); return s + 0 }
	{
		ratio = "-"
		if ($3 != "-" && num($3) > 0 && $2 + 0 > 0)
			ratio = sprintf("%.2fx", ($2 + 0) / num($3))
		printf "| %-52s | %14s | %22s | %6s |\n", $1, $2, $3, ratio
	}'
}

echo "| figure (80x24, loopback, $(nproc) cores) | wincase/wincased | anchor, same run | ratio |"
echo "|---|---|---|---|"
{
	bash tests/bench/client.sh
	bash tests/bench/server.sh
	bash tests/bench/migrate.sh
} | table
echo
bash tests/bench/bytes_per_key.sh
