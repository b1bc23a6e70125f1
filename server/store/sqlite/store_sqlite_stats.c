/* store_sqlite_stats.c - GET /v1/stats on SQLite, and migration 13: the
 * daily aggregates it reads.
 *
 * Every counted event is a row of one of the parts below (an inquiry, a
 * case created, a notice, an acceptance, a commitment closed, an overdue
 * item, a completion, a rating): a time, a department, a key for each
 * grouping, a metric. stats_daily holds their counts per UTC day
 * (at / 86400), grouping, department, key and metric, kept by triggers: a
 * change to a row subtracts the events of the rows it touches before it
 * (BEFORE trigger) and adds them again after (AFTER trigger), with the
 * same SELECT both times, so the counts stay those of the tables whatever
 * the change.
 *
 * A range [from, to) is answered from the whole UTC days inside it and
 * from the rows themselves (indexed by time) for the hours at either end,
 * so any range at any UTC offset gets exactly what counting the rows
 * gives; a year by window of one department reads some 35,000 aggregate
 * rows at a million cases instead of the cases. */
#include "store/sqlite/store_sqlite.h"
#include "store/store_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Migration 13: the aggregates, the groupings they are kept for, and the
 * time indexes the two ends of a range are counted with. The triggers and
 * the counts of the rows already there follow (sq_stats_migrate). */
const char sq_schema_stats[] =
    "CREATE TABLE stats_groups (grp INTEGER PRIMARY KEY);"
    "INSERT INTO stats_groups VALUES (0), (1), (2);"
    "CREATE TABLE stats_daily ("
    " grp INTEGER NOT NULL, department TEXT NOT NULL,"
    " day INTEGER NOT NULL, key TEXT NOT NULL, metric TEXT NOT NULL,"
    " n INTEGER NOT NULL,"
    " PRIMARY KEY (grp, department, day, key, metric)) WITHOUT ROWID;"
    "CREATE INDEX inquiries_created ON inquiries(created_at);"
    "CREATE INDEX cases_created ON cases(created_at);"
    "CREATE INDEX cases_accepted ON cases(accepted_at);"
    "CREATE INDEX cases_completed ON cases(completed_at);"
    "CREATE INDEX cases_rated ON cases(rated_at);"
    "CREATE INDEX notices_issued ON notices(issued_at);"
    "CREATE INDEX commitments_closed ON commitments(closed_at);"
    "CREATE INDEX review_items_kind_created ON review_items(kind, created_at);";

/* The trigger of table t at one moment (before or after) of an event;
 * nothing when no part needs it. */
static void stats_trigger(FILE *f, size_t t, bool before, enum stats_event ev)
{
	static const char *const events[] = {"INSERT", "UPDATE", "DELETE"};
	const char *table = stats_tables[t].table;
	char *body = NULL;
	size_t len = 0;
	FILE *b = open_memstream(&body, &len);

	if (!b)
		return;
	stats_trigger_sql(b, t, before, ev, STATS_SQLITE);
	fclose(b);
	if (len) {
		fprintf(f, "CREATE TRIGGER stats_%s_%s_%s %s %s ON %s", table,
			before ? "before" : "after", events[ev],
			before ? "BEFORE" : "AFTER", events[ev], table);
		if (ev == STATS_UPDATE) {
			fputs(" WHEN ", f);
			stats_changed_sql(f, t, STATS_SQLITE);
		}
		fprintf(f, " BEGIN %s END;", body);
	}
	free(body);
}

/* The counts of every row already there (after an empty stats_daily
 * when rebuilding), and with `triggers` the triggers that keep them. */
static int stats_fill(sqlite3 *db, bool rebuild, bool triggers,
		      struct wc_error *err)
{
	char *sql = NULL, *msg = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&sql, &len);
	int rc;

	if (!f)
		return wc_error_set(err, "internal", NULL, "out of memory");
	if (rebuild)
		fputs("DELETE FROM stats_daily;", f);
	stats_fill_sql(f, STATS_SQLITE);
	for (size_t t = 0; triggers && t < stats_n_tables; t++)
		for (int ev = STATS_INSERT; ev <= STATS_DELETE; ev++) {
			stats_trigger(f, t, true, (enum stats_event)ev);
			stats_trigger(f, t, false, (enum stats_event)ev);
		}
	if (fclose(f) != 0 || !sql) {
		free(sql);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	free(sql);
	if (rc != SQLITE_OK) {
		wc_error_set(err, "internal", NULL, "sqlite: stats: %s",
			     msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int sq_stats_migrate(sqlite3 *db, struct wc_error *err)
{
	return stats_fill(db, false, true, err);
}

int sq_stats_rebuild(sqlite3 *db, struct wc_error *err)
{
	return stats_fill(db, true, false, err);
}

/* The statements, built once per process (the same text for every
 * connection, so each connection's cache keeps its own). */
static char *stats_sqls[3][2];
static pthread_once_t stats_once = PTHREAD_ONCE_INIT;

static void stats_build(void)
{
	for (int g = 0; g < 3; g++)
		for (int d = 0; d < 2; d++)
			stats_sqls[g][d] = stats_query_sql((enum stats_group)g,
							   d, STATS_SQLITE);
}

int sq_stats_visit(struct store_conn *c, const struct stats_query *q,
		   store_stats_visitor visit, void *ctx, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	const char *sql;
	int64_t bounds[4];
	int rc;

	pthread_once(&stats_once, stats_build);
	if ((unsigned)q->group_by > STATS_BY_ITEM ||
	    !(sql = stats_sqls[q->group_by][q->department != NULL]))
		return wc_error_set(err, "internal", NULL, "stats query");
	if (sq_prepare(db, sql, &st, err) < 0)
		return -1;
	stats_query_bounds(q->from, q->to, bounds);
	sqlite3_bind_int64(st, 1, q->from);
	sqlite3_bind_int64(st, 2, q->to);
	sq_bind_text(st, 3, q->department);
	for (int i = 0; i < 4; i++)
		sqlite3_bind_int64(st, 4 + i, bounds[i]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *metric = (const char *)sqlite3_column_text(st, 1);

		if (visit(ctx, key ? key : "", metric ? metric : "",
			  sqlite3_column_int64(st, 2), err) < 0) {
			sq_finish(st);
			return -1;
		}
	}
	sq_finish(st);
	if (rc != SQLITE_DONE)
		return sq_fail(db, err, "stats");
	return 0;
}
