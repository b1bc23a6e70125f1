/* test_pg_backup.c - backing up a PostgreSQL store (issue 10,
 * docs/deploy.md "Backups"): `wincased backup` refuses it and names
 * pg_dump; a pg_dump of the running database, restored into a new one,
 * has the whole audit chain (audit-verify: ok, as many entries as the
 * live one had), and a wincased on it verifies the documents; a change to
 * one entry of the restored chain is found. Skipped without
 * WINCASE_TEST_DB (tests/support/pg_pass.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libpq-fe.h>

#include "../support/command.h"
#include "../support/http.h"
#include "../support/logins.h"
#include "../support/pg_pair.h"
#include "../support/server.h"
#include "../support/server_pg.h"

static struct test_server srv, restored_srv;
static char *clerk1;
static char restored_name[64], restored[512], dump[300];

static const struct test_login logins[] = {{"clerk1", &clerk1}, {NULL, NULL}};

static int run(char *out, size_t size, char *const argv[])
{
	int rc = test_run_command(argv, NULL, out, size);

	if (rc != 0)
		print_message("# %s: exit %d: %s\n", argv[0], rc, out);
	return rc;
}

static int verb(char *out, size_t size, const char *name, const char *db,
		const char *a1, const char *a2)
{
	char *argv[] = {getenv("WINCASED_BIN"),
			(char *)name,
			"--db",
			(char *)db,
			(char *)a1,
			(char *)a2,
			NULL};

	return test_run_command(argv, NULL, out, size);
}

/* The program of the cluster's PostgreSQL (pg_dump, pg_restore). */
static char *pg_program(const char *name)
{
	static char path[2][300];
	static int next;
	char *p = path[next++ % 2];

	snprintf(p, sizeof(path[0]), "%s/%s",
		 getenv("WINCASE_PG_BIN") ? getenv("WINCASE_PG_BIN")
					  : "/usr/bin",
		 name);
	return p;
}

/* "ok N entries" of audit-verify on db: N, or -1 when it is not ok. */
static long long chain_entries(const char *db)
{
	char out[1024];
	const char *ok;

	if (verb(out, sizeof(out), "audit-verify", db, NULL, NULL) != 0) {
		print_message("# audit-verify: %s", out);
		return -1;
	}
	ok = strstr(out, "ok ");
	return ok ? strtoll(ok + 3, NULL, 10) : -1;
}

static void restored_sql(const char *sql)
{
	PGconn *db = PQconnectdb(restored);
	PGresult *res = PQexec(db, sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		fail_msg("%s: %s", sql, PQerrorMessage(db));
	PQclear(res);
	PQfinish(db);
}

static void test_dump_restore_verify(void **state)
{
	char out[4096], path[300];
	char *dump_argv[] = {pg_program("pg_dump"),
			     "--format=custom",
			     "--file",
			     dump,
			     "--dbname",
			     srv.pg_conninfo,
			     NULL};
	char *restore_argv[] = {pg_program("pg_restore"),
				"--no-owner",
				"--exit-on-error",
				"--dbname",
				restored,
				dump,
				NULL};
	const char *args[] = {"--db", restored, "--data-dir", srv.dir, NULL};
	json_t *notice, *c;
	long long live;

	(void)state;
	c = pg_case_tolerant(srv.url, clerk1, &notice);
	assert_non_null(c);

	/* The SQLite verb says what to use instead. */
	snprintf(path, sizeof(path), "%s/copy.db", srv.dir);
	assert_int_equal(
	    verb(out, sizeof(out), "backup", srv.pg_conninfo, "--to", path), 1);
	assert_non_null(strstr(out, "pg_dump"));

	/* audit-verify appends its own entry: the dump holds one more. */
	live = chain_entries(srv.pg_conninfo);
	assert_true(live > 0);
	assert_int_equal(run(out, sizeof(out), dump_argv), 0);
	assert_int_equal(run(out, sizeof(out), restore_argv), 0);
	assert_int_equal(chain_entries(restored), live + 1);

	/* A wincased on the copy verifies the documents with the key. */
	assert_int_equal(test_server_start_args(&restored_srv, true, args), 0);
	snprintf(path, sizeof(path), "/v1/documents/verify?code=%s",
		 tj_str(notice, "verify_code"));
	json_decref(notice);
	notice = pg_call(restored_srv.url, NULL, "GET", path, NULL, NULL, 200);
	assert_non_null(notice);
	assert_true(json_is_true(json_object_get(notice, "valid")));
	assert_int_equal(test_server_stop(&restored_srv), 0);

	/* The check can fail: one entry changed in the restored copy. */
	restored_sql("UPDATE audit SET data = '{}' WHERE seq = 2");
	assert_int_equal(
	    verb(out, sizeof(out), "audit-verify", restored, NULL, NULL), 1);
	assert_non_null(strstr(out, "seq 2"));
	json_decref(notice);
	json_decref(c);
}

static int setup(void **state)
{
	(void)state;
	if (test_server_start_login(&srv, logins) < 0)
		return -1;
	snprintf(dump, sizeof(dump), "%s/wincase.dump", srv.dir);
	return test_pg_create(restored_name, sizeof(restored_name), restored,
			      sizeof(restored));
}

static int teardown(void **state)
{
	(void)state;
	test_pg_drop(restored_name);
	return test_server_stop_logout(&srv, logins);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_dump_restore_verify, setup,
					    teardown),
	};

	if (pg_skip_all(1))
		return 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
