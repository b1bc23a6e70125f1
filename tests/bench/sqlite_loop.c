/* sqlite_loop.c - the anchor of the write benchmark: what a plain C loop
 * gets from SQLite with wincased's pragmas (WAL, synchronous=FULL), one
 * transaction per write holding a row and an audit row, statements
 * prepared once. Prints writes per second.
 *
 *   sqlite_loop DB SECONDS */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "sqlite_loop: %s\n", msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *row, *audit;
	double seconds = argc > 2 ? atof(argv[2]) : 3, t0, t;
	long n = 0;

	if (argc < 2 || sqlite3_open(argv[1], &db) != SQLITE_OK)
		return 2;
	if (exec(db,
		 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
		 "CREATE TABLE IF NOT EXISTS inquiries (id INTEGER PRIMARY"
		 " KEY, no TEXT, window_no TEXT, topic TEXT, name TEXT,"
		 " created_at INTEGER);"
		 "CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY,"
		 " at INTEGER, actor TEXT, action TEXT, entity TEXT,"
		 " data TEXT, prev_hash TEXT, hash TEXT);") < 0)
		return 1;
	sqlite3_prepare_v2(db,
			   "INSERT INTO inquiries (no, window_no, topic, name,"
			   " created_at) VALUES ('SW-20261130-0001', '1',"
			   " '营业执照办理咨询', '张三', ?)",
			   -1, &row, NULL);
	sqlite3_prepare_v2(db,
			   "INSERT INTO audit (at, actor, action, entity, data,"
			   " prev_hash, hash) VALUES (?, 'clerk1',"
			   " 'inquiry.create', 'inquiry:1', '{}', 'x', 'y')",
			   -1, &audit, NULL);
	t0 = now_s();
	while ((t = now_s()) - t0 < seconds) {
		exec(db, "BEGIN IMMEDIATE");
		sqlite3_bind_int64(row, 1, (sqlite3_int64)t);
		sqlite3_bind_int64(audit, 1, (sqlite3_int64)t);
		sqlite3_step(row);
		sqlite3_reset(row);
		sqlite3_step(audit);
		sqlite3_reset(audit);
		if (exec(db, "COMMIT") < 0)
			return 1;
		n++;
	}
	printf("%.0f\n", (double)n / (t - t0));
	sqlite3_finalize(row);
	sqlite3_finalize(audit);
	sqlite3_close(db);
	return 0;
}
