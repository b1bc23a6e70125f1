# shellcheck shell=bash
# shellcheck disable=SC2154 # only, logdir, run_one: tests/run.sh's
# pg_pass.sh - sourced by tests/run.sh: the API suite ($BUILD/tests/test_api_*)
# once more and the PostgreSQL tests ($BUILD/tests/pg/test_pg_*,
# tests/pg/test_*.sh), on a throwaway cluster of their own
# (tests/support/pg_cluster.sh), reported as "pg-NAME". The terminal tests
# stay on SQLite (they test the client). Skipped with a note when
# PostgreSQL is not installed or wincased was built without its
# PostgreSQL store.

pg_pass_names() {
	local t
	for t in "$BUILD"/tests/test_api_* "$BUILD"/tests/pg/test_pg_* tests/pg/test_*.sh; do
		case $t in
		*.sh) [ -f "$t" ] || continue ;;
		*) [ -x "$t" ] || continue ;;
		esac
		case "pg-$(basename "$t" .sh)" in *"$only"*) echo "$t" ;; esac
	done
}

pg_pass() {
	local programs t conninfo rc
	programs=$(pg_pass_names)
	[ -n "$programs" ] || return 0
	# A wincased built before its PostgreSQL store refuses such names
	# with this text (server/store/store.c).
	if grep -q 'has no PostgreSQL store' "$WINCASED_BIN"; then
		echo "note: $WINCASED_BIN has no PostgreSQL store; PostgreSQL pass skipped"
		return 0
	fi
	pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/wincase-pg-XXXXXX")
	trap 'tests/support/pg_cluster.sh stop "$pg_dir" >/dev/null 2>&1; rm -rf "$pg_dir"' EXIT
	conninfo=$(tests/support/pg_cluster.sh start "$pg_dir" 2>"$logdir/pg-cluster.log")
	rc=$?
	if [ $rc -eq 3 ]; then
		echo "note: PostgreSQL is not installed; PostgreSQL pass skipped"
		return 0
	elif [ $rc -ne 0 ]; then
		echo "not ok - the test cluster did not start" >>"$logdir/pg-cluster.log"
		printf 'FAIL %-28s the test cluster did not start (log: %s)\n' pg-cluster "$logdir/pg-cluster.log"
		failed=$((failed + 1))
		return 0
	fi
	echo "PostgreSQL pass on $conninfo"
	export WINCASE_TEST_DB="$conninfo" WINCASE_TEST_PG_DIR="$pg_dir"
	export WINCASE_PG_CLUSTER="$PWD/tests/support/pg_cluster.sh" BUILD
	WINCASE_PG_BIN=$(tests/support/pg_cluster.sh bindir -)
	export WINCASE_PG_BIN
	for t in $programs; do
		case $t in
		*.sh) run_one "pg-$(basename "$t" .sh)" bash "$t" ;;
		*) run_one "pg-$(basename "$t")" "$t" ;;
		esac
	done
	unset WINCASE_TEST_DB WINCASE_TEST_PG_DIR WINCASE_PG_BIN
	tests/support/pg_cluster.sh stop "$pg_dir" >/dev/null 2>&1
}

pg_pass
