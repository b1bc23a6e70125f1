/* migrate_store.c - copy a SQLite store into PostgreSQL, table by table
 * and column by column (migrate_store.h). The SQLite side is read in one
 * read transaction (a consistent snapshot even while a wincased writes);
 * the PostgreSQL side is written in one transaction with COPY, its tables
 * locked against a wincased already running on it. Both schemas use the
 * same table and column names; a source column the target lacks is an
 * error, a target column the source lacks keeps its default. */
#include "migrate_store.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "store/pg/store_pg.h" /* PG_LOCK_WRITE */

#define COPY_BUFFER (256 * 1024)
#define MAX_COLUMNS 64

/* Sessions are not moved: their tokens belong to the old server. */
static const char *const skipped_tables[] = {"sessions", NULL};
/* What the SQLite store derives from the other tables (migrations 12 and
 * 13: the trigram search indexes with their FTS5 shadow tables, the
 * statistics' daily aggregates), by name prefix: PostgreSQL's trigram
 * indexes follow the copied rows, and its aggregates (step 14) are
 * counted once after the copy (ms_derived). */
static const char *const derived_tables[] = {"cases_search", "inquiries_search",
					     "stats_", NULL};

struct copy_buffer {
	char *data;
	size_t len;
};

static int ms_sqlite_fail(sqlite3 *db, const char *what, struct wc_error *err)
{
	return wc_error_set(err, "internal", NULL, "sqlite: %s: %s", what,
			    sqlite3_errmsg(db));
}

static int ms_pg_fail(PGconn *pg, const char *what, struct wc_error *err)
{
	return wc_error_set(err, "internal", NULL, "postgresql: %s: %s", what,
			    PQerrorMessage(pg));
}

/* Run sql (no parameters, no rows wanted). */
static int ms_exec(PGconn *pg, const char *sql, struct wc_error *err)
{
	PGresult *res = PQexec(pg, sql);
	int rc = PQresultStatus(res) == PGRES_COMMAND_OK ||
			 PQresultStatus(res) == PGRES_TUPLES_OK
		     ? 0
		     : ms_pg_fail(pg, sql, err);

	PQclear(res);
	return rc;
}

/* One integer from sql with one text parameter (or none); -1 on error. */
static int ms_query_int(PGconn *pg, const char *sql, const char *param,
			int64_t *out, struct wc_error *err)
{
	PGresult *res =
	    PQexecParams(pg, sql, param ? 1 : 0, NULL, &param, NULL, NULL, 0);
	int rc = -1;

	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
		ms_pg_fail(pg, sql, err);
	else {
		*out = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

static bool ms_skipped(const char *table)
{
	for (size_t i = 0; skipped_tables[i]; i++)
		if (strcmp(table, skipped_tables[i]) == 0)
			return true;
	for (size_t i = 0; derived_tables[i]; i++)
		if (strncmp(table, derived_tables[i],
			    strlen(derived_tables[i])) == 0)
			return true;
	return false;
}

/* The source's tables in the order they were created, which is the order
 * their references allow. */
static int ms_tables(sqlite3 *db, struct migrate_report *r,
		     struct wc_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db,
			       "SELECT name FROM sqlite_master WHERE type = "
			       "'table' AND name NOT LIKE 'sqlite_%' "
			       "ORDER BY rowid",
			       -1, &st, NULL) != SQLITE_OK)
		return ms_sqlite_fail(db, "tables", err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		if (ms_skipped(name))
			continue;
		if (r->n_tables == MIGRATE_MAX_TABLES) {
			sqlite3_finalize(st);
			return wc_error_set(err, "internal", NULL,
					    "more than %d tables",
					    MIGRATE_MAX_TABLES);
		}
		snprintf(r->tables[r->n_tables++].name,
			 sizeof(r->tables[0].name), "%s", name);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : ms_sqlite_fail(db, "tables", err);
}

/* The target's columns of table: names and whether each is bytea. */
struct target_columns {
	int n;
	char name[MAX_COLUMNS][64];
	bool bytea[MAX_COLUMNS];
};

static int ms_target_columns(PGconn *pg, const char *table,
			     struct target_columns *tc, struct wc_error *err)
{
	const char *sql = "SELECT column_name, data_type FROM "
			  "information_schema.columns WHERE table_schema = "
			  "current_schema() AND table_name = $1";
	PGresult *res = PQexecParams(pg, sql, 1, NULL, &table, NULL, NULL, 0);
	int rc = 0;

	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = ms_pg_fail(pg, "columns", err);
		goto done;
	}
	tc->n = 0;
	for (int i = 0; i < PQntuples(res) && tc->n < MAX_COLUMNS;
	     i++, tc->n++) {
		snprintf(tc->name[tc->n], sizeof(tc->name[0]), "%s",
			 PQgetvalue(res, i, 0));
		tc->bytea[tc->n] = strcmp(PQgetvalue(res, i, 1), "bytea") == 0;
	}
	if (tc->n == 0)
		rc = wc_error_set(err, "schema_mismatch", table,
				  "the target has no table %s", table);
done:
	PQclear(res);
	return rc;
}

static int ms_target_index(const struct target_columns *tc, const char *name)
{
	for (int i = 0; i < tc->n; i++)
		if (strcmp(tc->name[i], name) == 0)
			return i;
	return -1;
}

static int ms_quote(PGconn *pg, const char *name, char *out, size_t size,
		    struct wc_error *err)
{
	char *q = PQescapeIdentifier(pg, name, strlen(name));

	if (!q)
		return ms_pg_fail(pg, "identifier", err);
	snprintf(out, size, "%s", q);
	PQfreemem(q);
	return 0;
}

/* The target holds no row in any table the copy fills. */
static int ms_check_empty(PGconn *pg, const struct migrate_report *r,
			  struct wc_error *err)
{
	char table[160], sql[256];
	int64_t any;

	for (size_t i = 0; i < r->n_tables; i++) {
		if (ms_quote(pg, r->tables[i].name, table, sizeof(table), err) <
		    0)
			return -1;
		snprintf(sql, sizeof(sql),
			 "SELECT EXISTS (SELECT 1 FROM %s)::int", table);
		if (ms_query_int(pg, sql, NULL, &any, err) < 0)
			return -1;
		if (any)
			return wc_error_set(err, "target_not_empty",
					    r->tables[i].name,
					    "the target already holds rows "
					    "(table %s); migrate into an "
					    "empty database",
					    r->tables[i].name);
	}
	return 0;
}

static int ms_put(PGconn *pg, struct copy_buffer *b, const char *s, size_t n,
		  struct wc_error *err)
{
	if (b->len + n > COPY_BUFFER) {
		if (PQputCopyData(pg, b->data, (int)b->len) != 1)
			return ms_pg_fail(pg, "copy", err);
		b->len = 0;
	}
	if (n > COPY_BUFFER) /* one huge value: straight through */
		return PQputCopyData(pg, s, (int)n) == 1
			   ? 0
			   : ms_pg_fail(pg, "copy", err);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	return 0;
}

/* One value in COPY's text format: \N for NULL, bytea as \\x hex, text
 * with backslash, tab, newline and carriage return escaped. */
static int ms_put_value(PGconn *pg, struct copy_buffer *b, sqlite3_stmt *st,
			int col, bool bytea, struct wc_error *err)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *v;
	int n;
	int rc = 0;

	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return ms_put(pg, b, "\\N", 2, err);
	if (bytea) {
		v = sqlite3_column_blob(st, col);
		n = sqlite3_column_bytes(st, col);
		rc = ms_put(pg, b, "\\\\x", 3, err);
		for (int i = 0; rc == 0 && i < n; i++) {
			char esc[2] = {hex[v[i] >> 4], hex[v[i] & 15]};

			rc = ms_put(pg, b, esc, 2, err);
		}
		return rc;
	}
	v = sqlite3_column_text(st, col);
	n = sqlite3_column_bytes(st, col);
	for (int i = 0, from = 0; rc == 0 && i <= n; i++) {
		char c = i < n ? (char)v[i] : '\0';
		const char *rep = c == '\\'   ? "\\\\"
				  : c == '\t' ? "\\t"
				  : c == '\n' ? "\\n"
				  : c == '\r' ? "\\r"
					      : NULL;

		if (!rep && i < n)
			continue;
		rc = ms_put(pg, b, (const char *)v + from, (size_t)(i - from),
			    err);
		if (rc == 0 && rep)
			rc = ms_put(pg, b, rep, 2, err);
		from = i + 1;
	}
	return rc;
}

/* "COPY t (a, b) FROM STDIN" and the matching SELECT on the source, with
 * each column's bytea flag. */
static int ms_statements(sqlite3 *db, PGconn *pg, const char *table, char *copy,
			 char *select, size_t size, bool *bytea, int *n_cols,
			 struct wc_error *err)
{
	struct target_columns tc;
	sqlite3_stmt *st;
	char quoted[160], src_sql[200];
	size_t cl, sl;
	int rc = 0;

	if (ms_target_columns(pg, table, &tc, err) < 0 ||
	    ms_quote(pg, table, quoted, sizeof(quoted), err) < 0)
		return -1;
	cl = (size_t)snprintf(copy, size, "COPY %s (", quoted);
	sl = (size_t)snprintf(select, size, "SELECT ");
	snprintf(src_sql, sizeof(src_sql), "SELECT * FROM \"%s\" LIMIT 0",
		 table);
	if (sqlite3_prepare_v2(db, src_sql, -1, &st, NULL) != SQLITE_OK)
		return ms_sqlite_fail(db, table, err);
	*n_cols = sqlite3_column_count(st);
	for (int i = 0; i < *n_cols && rc == 0; i++) {
		const char *name = sqlite3_column_name(st, i);
		int k = ms_target_index(&tc, name);

		if (k < 0) {
			rc = wc_error_set(err, "schema_mismatch", table,
					  "the target's table %s has no "
					  "column %s",
					  table, name);
			break;
		}
		/* Room for this name (a target column's: < 64 bytes, quoted
		 * < 160) and the statements' ends. */
		if (cl + 200 >= size || sl + 200 >= size || i >= MAX_COLUMNS) {
			rc = wc_error_set(err, "internal", table,
					  "too many columns in %s", table);
			break;
		}
		bytea[i] = tc.bytea[k];
		rc = ms_quote(pg, name, quoted, sizeof(quoted), err);
		cl += (size_t)snprintf(copy + cl, size - cl, "%s%s",
				       i ? ", " : "", quoted);
		sl += (size_t)snprintf(select + sl, size - sl, "%s\"%s\"",
				       i ? ", " : "", name);
	}
	sqlite3_finalize(st);
	snprintf(copy + cl, size - cl, ") FROM STDIN");
	snprintf(select + sl, size - sl, " FROM \"%s\"", table);
	return rc;
}

/* Stream the source rows of one table into the target's COPY. */
static int ms_copy_rows(sqlite3 *db, PGconn *pg, const char *select,
			const bool *bytea, int n_cols, int64_t *rows,
			struct wc_error *err)
{
	struct copy_buffer b = {malloc(COPY_BUFFER), 0};
	sqlite3_stmt *st = NULL;
	int rc = 0, step;

	if (!b.data)
		return wc_error_set(err, "internal", NULL, "out of memory");
	if (sqlite3_prepare_v2(db, select, -1, &st, NULL) != SQLITE_OK) {
		rc = ms_sqlite_fail(db, select, err);
		goto done;
	}
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; rc == 0 && i < n_cols; i++) {
			if (i)
				rc = ms_put(pg, &b, "\t", 1, err);
			if (rc == 0)
				rc = ms_put_value(pg, &b, st, i, bytea[i], err);
		}
		if (rc == 0)
			rc = ms_put(pg, &b, "\n", 1, err);
		(*rows)++;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = ms_sqlite_fail(db, select, err);
	if (rc == 0 && b.len && PQputCopyData(pg, b.data, (int)b.len) != 1)
		rc = ms_pg_fail(pg, "copy", err);
done:
	sqlite3_finalize(st);
	free(b.data);
	return rc;
}

/* Copy one table; the target's count is taken after it. */
static int ms_copy_table(sqlite3 *db, PGconn *pg, struct migrate_table *t,
			 struct wc_error *err)
{
	char copy[4096], select[4096], quoted[160], count[256];
	bool bytea[MAX_COLUMNS];
	int n_cols = 0, rc;
	PGresult *res;

	if (ms_statements(db, pg, t->name, copy, select, sizeof(copy), bytea,
			  &n_cols, err) < 0)
		return -1;
	res = PQexec(pg, copy);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		PQclear(res);
		return ms_pg_fail(pg, copy, err);
	}
	PQclear(res);
	rc = ms_copy_rows(db, pg, select, bytea, n_cols, &t->rows, err);
	if (PQputCopyEnd(pg, rc == 0 ? NULL : "source read failed") != 1 &&
	    rc == 0)
		rc = ms_pg_fail(pg, "copy end", err);
	while ((res = PQgetResult(pg))) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == 0)
			rc = wc_error_set(err, "internal", t->name,
					  "postgresql: copy into %s: %s",
					  t->name, PQresultErrorMessage(res));
		PQclear(res);
	}
	if (rc < 0)
		return -1;
	if (ms_quote(pg, t->name, quoted, sizeof(quoted), err) < 0)
		return -1;
	snprintf(count, sizeof(count), "SELECT count(*) FROM %s", quoted);
	return ms_query_int(pg, count, NULL, &t->target_rows, err);
}

/* Serial and identity columns go on after the highest copied value. */
static int ms_fix_sequences(PGconn *pg, const char *table, struct wc_error *err)
{
	const char *sql =
	    "SELECT quote_ident(column_name), "
	    "pg_get_serial_sequence(quote_ident(table_name), column_name) "
	    "FROM information_schema.columns WHERE table_schema = "
	    "current_schema() AND table_name = $1";
	PGresult *res = PQexecParams(pg, sql, 1, NULL, &table, NULL, NULL, 0);
	char quoted[160], set[700];
	int rc = 0;

	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		PQclear(res);
		return ms_pg_fail(pg, "sequences", err);
	}
	rc = ms_quote(pg, table, quoted, sizeof(quoted), err);
	for (int i = 0; rc == 0 && i < PQntuples(res); i++) {
		const char *col = PQgetvalue(res, i, 0);
		char *seq;

		if (PQgetisnull(res, i, 1))
			continue;
		seq = PQescapeLiteral(pg, PQgetvalue(res, i, 1),
				      strlen(PQgetvalue(res, i, 1)));
		if (!seq) {
			rc = ms_pg_fail(pg, "sequence", err);
			break;
		}
		snprintf(set, sizeof(set),
			 "SELECT setval(%s, COALESCE((SELECT max(%s) FROM "
			 "%s), 1), (SELECT max(%s) FROM %s) IS NOT NULL)",
			 seq, col, quoted, col, quoted);
		PQfreemem(seq);
		rc = ms_exec(pg, set, err);
	}
	PQclear(res);
	return rc;
}

/* The write lock every wincased takes first (store_pg.c), then the
 * tables: instances on the target wait, readers go on. */
static int ms_lock_targets(PGconn *pg, const struct migrate_report *r,
			   struct wc_error *err)
{
	char quoted[160], sql[256];

	snprintf(sql, sizeof(sql), "SELECT pg_advisory_xact_lock(%d)",
		 PG_LOCK_WRITE);
	if (ms_exec(pg, sql, err) < 0)
		return -1;
	for (size_t i = 0; i < r->n_tables; i++) {
		if (ms_quote(pg, r->tables[i].name, quoted, sizeof(quoted),
			     err) < 0)
			return -1;
		snprintf(sql, sizeof(sql), "LOCK TABLE %s IN EXCLUSIVE MODE",
			 quoted);
		if (ms_exec(pg, sql, err) < 0)
			return -1;
	}
	return 0;
}

/* The target's derived tables (schema step 14's statistics aggregates)
 * are not kept row by row during the copy, and counted once after it:
 * pause (before) or rebuild and resume (after). */
static int ms_derived(PGconn *pg, bool after, struct wc_error *err)
{
	int64_t kept;

	if (ms_query_int(
		pg, "SELECT (to_regproc('stats_rebuild') IS NOT NULL)::int",
		NULL, &kept, err) < 0)
		return -1;
	if (!kept)
		return 0;
	return ms_exec(pg,
		       after ? "SELECT stats_rebuild(), stats_triggers(true)"
			     : "SELECT stats_triggers(false)",
		       err);
}

/* Everything after both ends are open, inside both transactions. */
static int ms_copy_all(sqlite3 *db, PGconn *pg, struct migrate_report *r,
		       struct wc_error *err)
{
	if (ms_tables(db, r, err) < 0 || ms_lock_targets(pg, r, err) < 0 ||
	    ms_check_empty(pg, r, err) < 0 || ms_derived(pg, false, err) < 0)
		return -1;
	for (size_t i = 0; i < r->n_tables; i++) {
		struct migrate_table *t = &r->tables[i];

		if (ms_copy_table(db, pg, t, err) < 0 ||
		    ms_fix_sequences(pg, t->name, err) < 0)
			return -1;
		if (t->target_rows != t->rows)
			return wc_error_set(err, "internal", t->name,
					    "table %s: %lld rows read, %lld "
					    "on the target",
					    t->name, (long long)t->rows,
					    (long long)t->target_rows);
		r->rows += t->rows;
	}
	/* And the planner's statistics of the copy: without them the first
	 * queries (before autovacuum comes by) miss the indexes, q= the
	 * trigram ones. */
	return ms_derived(pg, true, err) < 0 ? -1 : ms_exec(pg, "ANALYZE", err);
}

static double ms_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int migrate_store_copy(const char *sqlite_path, const char *conninfo,
		       struct migrate_report *out, struct wc_error *err)
{
	double start = ms_now();
	sqlite3 *db = NULL;
	PGconn *pg = NULL;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (sqlite3_open_v2(sqlite_path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		ms_sqlite_fail(db, sqlite_path, err);
		goto done;
	}
	sqlite3_busy_timeout(db, 10000);
	pg = PQconnectdb(conninfo);
	if (PQstatus(pg) != CONNECTION_OK) {
		wc_error_set(err, "store_unavailable", "to",
			     "the target database cannot be reached: %s",
			     PQerrorMessage(pg));
		goto done;
	}
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		ms_sqlite_fail(db, "begin", err);
		goto done;
	}
	if (ms_exec(pg, "SET client_min_messages = warning", err) < 0 ||
	    ms_exec(pg, "BEGIN", err) < 0)
		goto done;
	rc = ms_copy_all(db, pg, out, err);
	if (rc == 0)
		rc = ms_exec(pg, "COMMIT", err);
	else
		ms_exec(pg, "ROLLBACK", &(struct wc_error){0});
done:
	sqlite3_close(db);
	PQfinish(pg);
	out->seconds = ms_now() - start;
	return rc;
}

int migrate_store_undo(const char *conninfo, const struct migrate_report *r,
		       struct wc_error *err)
{
	PGconn *pg = PQconnectdb(conninfo);
	char sql[4096], quoted[160];
	size_t n = (size_t)snprintf(sql, sizeof(sql), "TRUNCATE ");
	int rc = -1;

	if (PQstatus(pg) != CONNECTION_OK) {
		ms_pg_fail(pg, "connect", err);
		goto done;
	}
	for (size_t i = 0; i < r->n_tables && n < sizeof(sql); i++) {
		if (ms_quote(pg, r->tables[i].name, quoted, sizeof(quoted),
			     err) < 0)
			goto done;
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s",
				      i ? ", " : "", quoted);
	}
	if (n + 40 >= sizeof(sql)) {
		wc_error_set(err, "internal", NULL, "too many tables");
		goto done;
	}
	snprintf(sql + n, sizeof(sql) - n, " RESTART IDENTITY CASCADE");
	rc = r->n_tables ? ms_exec(pg, sql, err) : 0;
done:
	PQfinish(pg);
	return rc;
}
