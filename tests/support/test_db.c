/* test_db.c - SQL on a test server's SQLite file or PostgreSQL database. */
#include "test_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "server_pg.h"

#define TEST_DB_MAX_COLS 32

static sqlite3 *sq_open(const struct test_server *srv)
{
	char path[300];
	sqlite3 *db = NULL;

	snprintf(path, sizeof(path), "%s/wincased.db", srv->dir);
	if (sqlite3_open(path, &db) != SQLITE_OK) {
		fprintf(stderr, "test_db: %s: %s\n", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 5000);
	return db;
}

static PGconn *pg_open(const struct test_server *srv)
{
	PGconn *db = PQconnectdb(srv->pg_conninfo);

	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "test_db: %s", PQerrorMessage(db));
		PQfinish(db);
		return NULL;
	}
	return db;
}

/* One statement on SQLite: each row to row (if any). */
static int sq_run(sqlite3 *db, const char *sql, int n,
		  const char *const *params, test_db_row row, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "test_db: %s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	for (int i = 0; i < n; i++)
		sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *vals[TEST_DB_MAX_COLS];
		int cols = sqlite3_column_count(st);

		if (cols > TEST_DB_MAX_COLS)
			cols = TEST_DB_MAX_COLS;
		for (int i = 0; i < cols; i++)
			vals[i] = (const char *)sqlite3_column_text(st, i);
		if (row && row(ctx, cols, vals) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "test_db: %s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static int pg_run(PGconn *db, const char *sql, int n, const char *const *params,
		  test_db_row row, void *ctx, long long *changes)
{
	PGresult *res =
	    n ? PQexecParams(db, sql, n, NULL, params, NULL, NULL, 0)
	      : PQexec(db, sql);
	ExecStatusType st = PQresultStatus(res);
	int rc = 0;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		fprintf(stderr, "test_db: %s: %s", sql,
			PQresultErrorMessage(res));
		PQclear(res);
		return -1;
	}
	for (int r = 0; row && r < PQntuples(res); r++) {
		const char *vals[TEST_DB_MAX_COLS];
		int cols = PQnfields(res);

		if (cols > TEST_DB_MAX_COLS)
			cols = TEST_DB_MAX_COLS;
		for (int i = 0; i < cols; i++)
			vals[i] = PQgetisnull(res, r, i)
				      ? NULL
				      : PQgetvalue(res, r, i);
		if (row(ctx, cols, vals) != 0)
			break;
	}
	if (changes)
		*changes = atoll(PQcmdTuples(res));
	PQclear(res);
	return rc;
}

int test_db_exec(const struct test_server *srv, const char *sql, int n,
		 const char *const *params, long long *changes)
{
	int rc;

	if (srv->pg_name[0]) {
		PGconn *db = pg_open(srv);

		if (!db)
			return -1;
		rc = pg_run(db, sql, n, params, NULL, NULL, changes);
		PQfinish(db);
		return rc;
	}
	sqlite3 *db = sq_open(srv);
	char *msg = NULL;

	if (!db)
		return -1;
	if (n)
		rc = sq_run(db, sql, n, params, NULL, NULL);
	else if ((rc = sqlite3_exec(db, sql, NULL, NULL, &msg)) != SQLITE_OK) {
		fprintf(stderr, "test_db: %s: %s\n", sql, msg ? msg : "");
		rc = -1;
	}
	sqlite3_free(msg);
	if (changes)
		*changes = sqlite3_changes(db);
	sqlite3_close(db);
	return rc;
}

int test_db_rows(const struct test_server *srv, const char *sql,
		 test_db_row row, void *ctx)
{
	int rc;

	if (srv->pg_name[0]) {
		PGconn *db = pg_open(srv);

		if (!db)
			return -1;
		rc = pg_run(db, sql, 0, NULL, row, ctx, NULL);
		PQfinish(db);
		return rc;
	}
	sqlite3 *db = sq_open(srv);

	if (!db)
		return -1;
	rc = sq_run(db, sql, 0, NULL, row, ctx);
	sqlite3_close(db);
	return rc;
}

static int first_int(void *ctx, int ncols, const char *const *vals)
{
	*(long long *)ctx = ncols > 0 && vals[0] ? atoll(vals[0]) : 0;
	return 1;
}

int test_db_int(const struct test_server *srv, const char *sql, long long *out)
{
	*out = 0;
	return test_db_rows(srv, sql, first_int, out);
}

int test_db_copy(const struct test_server *srv, const char *name,
		 struct test_server *copy)
{
	char sql[600], path[400];
	FILE *f;

	memset(copy, 0, sizeof(*copy));
	if ((size_t)snprintf(copy->dir, sizeof(copy->dir), "%.200s/%.40s",
			     srv->dir, name) >= sizeof(copy->dir))
		return -1;
	if (mkdir(copy->dir, 0700) != 0) {
		perror("test_db_copy");
		return -1;
	}
	if (!srv->pg_name[0]) {
		snprintf(sql, sizeof(sql), "VACUUM INTO '%s/wincased.db'",
			 copy->dir);
		return test_db_exec(srv, sql, 0, NULL, NULL);
	}
	/* The verbs read this (test_server_db_argv): the server's key. */
	snprintf(path, sizeof(path), "%s/wincased.conf", copy->dir);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fprintf(f, "data_dir = %s\naudit_checkpoint_file = %s/none\n", srv->dir,
		copy->dir);
	if (fclose(f) != 0)
		return -1;
	return test_pg_copy(srv->pg_name, copy->pg_name, sizeof(copy->pg_name),
			    name, copy->pg_conninfo, sizeof(copy->pg_conninfo));
}

void test_db_copy_drop(struct test_server *copy)
{
	test_pg_drop(copy->pg_name);
	copy->pg_name[0] = '\0';
}
