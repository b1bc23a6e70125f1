#!/bin/bash
# migrate.sh - the migration row of `make bench`: `wincased migrate-store`
# of MIGRATE_CASES (100000) generated cases from SQLite into PostgreSQL on
# a throwaway cluster (tests/support/pg_cluster.sh, fsync as in
# production), in seconds; no anchor. Skipped without PostgreSQL.
set -u
cd "$(dirname "$0")/../.." || exit 1
. tests/bench/lib.sh

n=${MIGRATE_CASES:-100000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wincase-bench.XXXXXX")
chmod 0755 "$WORK" # the cluster's owner reaches its folder inside
trap 'tests/support/pg_cluster.sh stop "$WORK/pg" >/dev/null 2>&1; rm -rf "$WORK"' EXIT

tests/support/pg_cluster.sh start "$WORK/pg" >/dev/null 2>&1 || exit 0
conninfo=$(tests/support/pg_cluster.sh conninfo "$WORK/pg")
"$(tests/support/pg_cluster.sh bindir -)/psql" "$conninfo" -qc \
	"ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET full_page_writes = on" &&
	tests/support/pg_cluster.sh stop "$WORK/pg" &&
	tests/support/pg_cluster.sh start "$WORK/pg" >/dev/null || exit 1
target=$(tests/support/pg_cluster.sh createdb "$WORK/pg" city) || exit 1
bench_seed "$WORK/hall.db" || exit 1
echo "bench: generating $n cases to migrate" >&2
"$BUILD/bench/gen_cases" --db "$WORK/hall.db" --cases "$n" >&2 || exit 1
out=$("$WINCASED_BIN" migrate-store --from "sqlite:$WORK/hall.db" --to "$target" 2>&1)
secs=$(printf '%s\n' "$out" | sed -n 's/.* copied in \([0-9.]*\) s.*/\1/p')
rows=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) rows in .*/\1/p')
row "migrate-store $n cases ($rows rows) to PostgreSQL (s)" "${secs:-failed}" "-"
