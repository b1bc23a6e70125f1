/* test_pg_migrate.c - `wincased migrate-store` (issue 10): a hall's SQLite
 * store with an inquiry, a case with its signed notice and commitment, a
 * breach (credit entry, review items) and generated cases moves into an
 * empty PostgreSQL database. A run that fails half-way (a value the
 * target refuses) leaves the target empty and can be run again; the copy
 * verifies (row counts, audit chain); a second run is refused; a wincased
 * on the target serves the hall's case, verifies its documents, keeps the
 * chain and continues the day's numbers, and old sessions are gone.
 * Skipped without WINCASE_TEST_DB (tests/support/pg_pass.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "../support/command.h"
#include "../support/http.h"
#include "../support/logins.h"
#include "../support/pg_pair.h"
#include "../support/server.h"
#include "../support/server_pg.h"

static struct test_server hall, city;
static char hall_dir[256], hall_db[300], from[310];
static char target_name[64], target[512], slow_db[300];

/* The hall as it was before the move. */
static struct {
	long long case_id;
	char case_no[32], notice_sig[128], notice_code[32], commitment_code[32];
	char *old_token;
} before;

static int run_verb(char *out, size_t size, const char *verb, const char *a1,
		    const char *a2, const char *a3, const char *a4)
{
	char *argv[] = {getenv("WINCASED_BIN"),
			(char *)verb,
			(char *)a1,
			(char *)a2,
			(char *)a3,
			(char *)a4,
			NULL};

	return test_run_command(argv, NULL, out, size);
}

/* pg_call that must answer want. */
static json_t *call_json(const char *url, const char *token, const char *method,
			 const char *path, const char *body, long want)
{
	json_t *j = pg_call(url, token, method, path, body, NULL, want);

	if (!j)
		fail_msg("%s %s: not %ld (see the log)", method, path, want);
	return j;
}

/* A case accepted tolerantly with its notice, through the hall. */
static void hall_case(const char *clerk)
{
	json_t *notice, *c = pg_case_tolerant(hall.url, clerk, &notice);

	assert_non_null(c);
	before.case_id = tj_num(c, "id");
	snprintf(before.case_no, sizeof(before.case_no), "%s", tj_str(c, "no"));
	snprintf(before.notice_sig, sizeof(before.notice_sig), "%s",
		 tj_str(notice, "signature"));
	snprintf(before.notice_code, sizeof(before.notice_code), "%s",
		 tj_str(notice, "verify_code"));
	snprintf(before.commitment_code, sizeof(before.commitment_code), "%s",
		 tj_str(json_object_get(c, "commitment"), "verify_code"));
	json_decref(notice);
	json_decref(c);
}

static void hall_sql(const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(hall_db, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* The hall: demo seed, an inquiry, the case, a breach, generated cases. */
static void hall_make(void)
{
	const char *args[] = {"--db",	hall_db,       "--data-dir",
			      hall_dir, "--seed-demo", NULL};
	char *clerk, out[512];
	char *gen[] = {NULL, "--db", hall_db, "--cases", "200", NULL, NULL};
	char gen_path[300], vacuum[360];
	json_t *j;

	assert_int_equal(test_server_start_args(&hall, true, args), 0);
	clerk = http_login(hall.url, "clerk1", TEST_PASSWORD);
	assert_non_null(clerk);
	j = call_json(hall.url, clerk, "POST", "/v1/inquiries",
		      "{\"applicant\":{\"name\":\"张三\"},\"channel\":"
		      "\"counter\",\"topic\":\"开餐馆\"}",
		      201);
	assert_string_equal(tj_str(j, "no"), "SW-20261102-0001");
	json_decref(j);
	hall_case(clerk);
	free(clerk);
	/* R3: due 11-09, breached on 11-10: a credit entry, a review item. */
	assert_int_equal(http_set_clock(hall.url, "2026-11-10T09:00:00+08:00"),
			 200);
	before.old_token = http_login(hall.url, "clerk1", TEST_PASSWORD);
	assert_non_null(before.old_token);
	assert_int_equal(test_server_stop_keep(&hall), 0);
	/* The same store for gen_cases --slow (every row through the
	 * triggers). */
	snprintf(slow_db, sizeof(slow_db), "%s/slow.db", hall_dir);
	snprintf(vacuum, sizeof(vacuum), "VACUUM INTO '%s'", slow_db);
	hall_sql(vacuum);
	snprintf(gen_path, sizeof(gen_path), "%s/bench/gen_cases",
		 getenv("BUILD") ? getenv("BUILD") : "build");
	gen[0] = gen_path;
	if (test_run_command(gen, NULL, out, sizeof(out)) != 0)
		fail_msg("gen_cases: %s", out);
	gen[2] = slow_db;
	gen[5] = "--slow";
	if (test_run_command(gen, NULL, out, sizeof(out)) != 0)
		fail_msg("gen_cases --slow: %s", out);
}

/* The statistics' aggregates in one line (both dialects), and what a few
 * searches find (SQLite's trigram indexes). */
#define STATS_PRINT                                                            \
	"SELECT count(*) || ':' || sum(n) || ':' || sum(n * day) || ':' ||"    \
	" sum(n * length(department || key || metric)) FROM stats_daily"       \
	" WHERE n <> 0"
#define SEARCH_PRINT(q)                                                        \
	"(SELECT count(*) FROM cases_search WHERE cases_search MATCH '\"" q    \
	"\"')"
/* clang-format off */
static const char search_print[] =
    "SELECT " SEARCH_PRINT("申请人1")
    " || ':' || " SEARCH_PRINT("1390000")
    " || ':' || " SEARCH_PRINT("331002")
    " || ':' || " SEARCH_PRINT("-0001");
/* clang-format on */

static void sqlite_text(const char *path, const char *sql, char *out,
			size_t size)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* The first value of a query on the target as text; -1 without one. */
static int target_text(const char *sql, char *out, size_t size)
{
	PGconn *db = PQconnectdb(target);
	PGresult *res = PQexec(db, sql);
	int rc = -1;

	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1) {
		snprintf(out, size, "%s", PQgetvalue(res, 0, 0));
		rc = 0;
	} else
		print_message("# %s: %s", sql, PQerrorMessage(db));
	PQclear(res);
	PQfinish(db);
	return rc;
}

/* One value of an integer query on the target. */
static long long target_count(const char *sql)
{
	char text[32];

	return target_text(sql, text, sizeof(text)) < 0
		   ? -1
		   : strtoll(text, NULL, 10);
}

/* "ok N entries" of audit-verify on db; N. */
static long long chain_entries(const char *db)
{
	char out[1024];
	long long n = -1;
	const char *ok;

	if (run_verb(out, sizeof(out), "audit-verify", "--db", db, NULL,
		     NULL) != 0)
		fail_msg("audit-verify %s: %s", db, out);
	ok = strstr(out, "ok ");
	assert_non_null(ok);
	n = strtoll(ok + 3, NULL, 10);
	return n;
}

static void test_migrate(void **state)
{
	char out[8192];
	long long hall_entries;
	int rc;

	(void)state;
	hall_make();
	/* audit-verify appends its own entry after counting. */
	hall_entries = chain_entries(hall_db) + 1;

	/* A hall whose chain does not verify is not moved. */
	hall_sql("UPDATE audit SET actor = actor || 'x' WHERE seq = 2");
	rc = run_verb(out, sizeof(out), "migrate-store", "--from", from, "--to",
		      target);
	if (rc != 1 || !strstr(out, "nothing was copied"))
		fail_msg("a broken source chain: %d %s", rc, out);
	assert_int_equal(target_count("SELECT count(*) FROM users"), -1);
	hall_sql("UPDATE audit SET actor = rtrim(actor, 'x') WHERE seq = 2");

	/* A value PostgreSQL refuses half-way: nothing stays behind. */
	hall_sql("UPDATE cases SET created_at = created_at || 'x' WHERE id = "
		 "150");
	rc = run_verb(out, sizeof(out), "migrate-store", "--from", from, "--to",
		      target);
	if (rc != 1 || !strstr(out, "nothing was written"))
		fail_msg("a failing copy: %d %s", rc, out);
	assert_int_equal(target_count("SELECT count(*) FROM users"), 0);
	assert_int_equal(target_count("SELECT count(*) FROM cases"), 0);

	/* Mended, run again: copied and verified. */
	hall_sql("UPDATE cases SET created_at = CAST(rtrim(created_at, 'x') "
		 "AS INTEGER) WHERE id = 150");
	rc = run_verb(out, sizeof(out), "migrate-store", "--from", from, "--to",
		      target);
	if (rc != 0 || !strstr(out, "target verified"))
		fail_msg("migrate-store: %d %s", rc, out);
	print_message("# %s", strstr(out, "rows in") ? out : "");
	assert_int_equal(target_count("SELECT count(*) FROM cases"), 201);
	assert_int_equal(target_count("SELECT count(*) FROM sessions"), 0);
	assert_int_equal(target_count("SELECT count(*) FROM credit_entries"),
			 1);
	/* gen_cases' bulk load left the store its slow way leaves; the
	 * target's aggregates, counted once after the copy, are the hall's,
	 * and their triggers are on again. */
	{
		char fast[128], slow[128], pg[128];

		sqlite_text(hall_db, STATS_PRINT, fast, sizeof(fast));
		sqlite_text(slow_db, STATS_PRINT, slow, sizeof(slow));
		assert_string_equal(fast, slow);
		assert_int_equal(target_text(STATS_PRINT, pg, sizeof(pg)), 0);
		assert_string_equal(pg, fast);
		print_message("# stats_daily %s\n", fast);
		sqlite_text(hall_db, search_print, fast, sizeof(fast));
		sqlite_text(slow_db, search_print, slow, sizeof(slow));
		assert_string_equal(fast, slow);
		print_message("# search %s\n", fast);
		assert_int_equal(target_count("SELECT count(*) FROM pg_trigger"
					      " WHERE tgname LIKE 'stats%'"
					      " AND tgenabled = 'D'"),
				 0);
	}
	/* The hall's entries and the migration's own. */
	assert_int_equal(chain_entries(target), hall_entries + 1);
	/* The hall's checkpoint file still vouches for the moved chain. */
	{
		char checkpoints[320];

		snprintf(checkpoints, sizeof(checkpoints), "%s.checkpoints",
			 hall_db);
		rc = run_verb(out, sizeof(out), "audit-verify", "--db", target,
			      "--checkpoints", checkpoints);
		if (rc != 0 || !strstr(out, "ok "))
			fail_msg("audit-verify --checkpoints: %d %s", rc, out);
		print_message("# against the hall's checkpoints: %s", out);
	}

	/* Not twice into the same database. */
	rc = run_verb(out, sizeof(out), "migrate-store", "--from", from, "--to",
		      target);
	if (rc != 1 || !strstr(out, "already holds rows"))
		fail_msg("a second run: %d %s", rc, out);
	assert_int_equal(target_count("SELECT count(*) FROM cases"), 201);
}

/* A wincased on the target carries on where the hall stopped. */
static void test_city_serves_the_hall(void **state)
{
	const char *args[] = {"--db", target, "--data-dir", hall_dir, NULL};
	char path[128];
	struct http_reply r;
	char *clerk, *reviewer;
	long long events;
	json_t *j;

	(void)state;
	assert_int_equal(test_server_start_args(&city, true, args), 0);
	assert_int_equal(http_get(city.url, "/v1/me", before.old_token, &r), 0);
	assert_int_equal(r.status, 401); /* sessions were dropped */
	http_reply_release(&r);
	clerk = http_login(city.url, "clerk1", TEST_PASSWORD);
	reviewer = http_login(city.url, "reviewer1", TEST_PASSWORD);
	assert_non_null(clerk);
	assert_non_null(reviewer);
	snprintf(path, sizeof(path), "/v1/cases/%lld", before.case_id);
	j = call_json(city.url, clerk, "GET", path, NULL, 200);
	assert_string_equal(tj_str(j, "no"), before.case_no);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(j, "notices"), 0),
		   "signature"),
	    before.notice_sig);
	assert_string_equal(tj_str(json_object_get(j, "commitment"), "status"),
			    "breached");
	json_decref(j);
	/* The documents still verify with the hall's key. */
	snprintf(path, sizeof(path), "/v1/documents/verify?code=%s",
		 before.notice_code);
	j = call_json(city.url, NULL, "GET", path, NULL, 200);
	assert_true(json_is_true(json_object_get(j, "valid")));
	json_decref(j);
	snprintf(path, sizeof(path), "/v1/documents/verify?code=%s",
		 before.commitment_code);
	j = call_json(city.url, NULL, "GET", path, NULL, 200);
	assert_true(json_is_true(json_object_get(j, "valid")));
	json_decref(j);
	j = call_json(
	    city.url, reviewer, "GET",
	    "/v1/applicants/credit?id_type=resident_id&id_no=" PG_VALID_ID,
	    NULL, 200);
	assert_int_equal(tj_num(j, "breached"), 1);
	json_decref(j);
	/* The day's numbers go on; ids do not collide; the aggregates count
	 * the new inquiry (once per grouping). */
	events = target_count("SELECT sum(n) FROM stats_daily");
	j = call_json(city.url, clerk, "POST", "/v1/inquiries",
		      "{\"applicant\":{\"name\":\"李四\"},\"channel\":"
		      "\"phone\",\"topic\":\"搬到市里以后\"}",
		      201);
	assert_string_equal(tj_str(j, "no"), "SW-20261102-0002");
	assert_true(tj_num(j, "id") > 1);
	json_decref(j);
	assert_int_equal(target_count("SELECT sum(n) FROM stats_daily"),
			 events + 3);
	j = call_json(city.url, reviewer, "GET", "/v1/audit/verify", NULL, 200);
	assert_true(json_is_true(json_object_get(j, "ok")));
	json_decref(j);
	free(clerk);
	free(reviewer);
	assert_int_equal(test_server_stop(&city), 0);
}

static int setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(hall_dir, sizeof(hall_dir), "%s/wincase-migrate-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(hall_dir))
		return -1;
	snprintf(hall_db, sizeof(hall_db), "%s/hall.db", hall_dir);
	snprintf(from, sizeof(from), "sqlite:%s", hall_db);
	return test_pg_create(target_name, sizeof(target_name), target,
			      sizeof(target));
}

static int teardown(void **state)
{
	char *rm[] = {"/bin/rm", "-rf", hall_dir, NULL};
	char out[256];

	(void)state;
	free(before.old_token);
	test_server_stop(&hall);
	test_pg_drop(target_name);
	return test_run_command(rm, NULL, out, sizeof(out));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_migrate),
	    cmocka_unit_test(test_city_serves_the_hall),
	};

	if (pg_skip_all(2))
		return 0;
	return cmocka_run_group_tests(tests, setup, teardown);
}
