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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400

/* A table whose rows a part's events come from or depend on: lhs IN (the
 * changed row's col) picks the part's rows a change touches. Without
 * `around`, none of them exist before the row is inserted or after it is
 * deleted (the row itself, or a parent its rows reference). */
struct stats_dep {
	const char *table, *lhs, *col;
	bool around;
};

static const struct stats_part {
	const char *from, *at, *cond, *metric, *dept;
	const char *keys[3]; /* by window, clerk, item (enum stats_group) */
	struct stats_dep deps[2];
} stats_parts[] = {
    {"inquiries i",
     "i.created_at",
     "1",
     "CASE WHEN i.bounced = 1 THEN 'inquiries+bounced' ELSE 'inquiries' END",
     "i.department",
     {"i.window_no", "i.first_responder", "COALESCE(i.item_code, '')"},
     {{"inquiries", "i.id", "id", false}}},
    {"cases c",
     "c.created_at",
     "1",
     "'cases'",
     "c.department",
     {"c.window_no", "c.created_by", "c.item_code"},
     {{"cases", "c.id", "id", false}}},
    {"notices n JOIN cases c ON c.id = n.case_id",
     "n.issued_at",
     "1",
     "CASE WHEN n.once_violation = 1 THEN 'notices+once_violations'"
     " ELSE 'notices' END",
     "c.department",
     {"n.window_no", "n.issued_by", "c.item_code"},
     {{"notices", "n.id", "id", false}, {"cases", "c.id", "id", false}}},
    /* Tolerant: the case has a commitment, which may come after it. */
    {"cases c",
     "c.accepted_at",
     "1",
     "CASE WHEN EXISTS (SELECT 1 FROM commitments t WHERE t.case_id = c.id)"
     " THEN 'accepted+tolerant' ELSE 'accepted' END",
     "c.department",
     {"c.window_no", "c.created_by", "c.item_code"},
     {{"cases", "c.id", "id", false},
      {"commitments", "c.id", "case_id", true}}},
    {"commitments m JOIN cases c ON c.id = m.case_id",
     "m.closed_at",
     "+m.status IN ('fulfilled', 'breached')",
     "m.status",
     "c.department",
     {"m.window_no", "m.created_by", "c.item_code"},
     {{"commitments", "m.id", "id", false}, {"cases", "c.id", "id", false}}},
    {"review_items r JOIN cases c ON c.id = r.case_id",
     "r.created_at",
     "r.kind = 'overdue'",
     "'overdue'",
     "c.department",
     {"c.window_no", "c.created_by", "c.item_code"},
     {{"review_items", "r.id", "id", false}, {"cases", "c.id", "id", false}}},
    {"cases c",
     "c.completed_at",
     "+c.status IN ('completed', 'denied')",
     "CASE WHEN c.deemed = 1 THEN 'completed+deemed' ELSE 'completed' END",
     "c.department",
     {"c.window_no", "c.created_by", "c.item_code"},
     {{"cases", "c.id", "id", false}}},
    {"cases c",
     "c.rated_at",
     "c.rating_level BETWEEN 1 AND 5",
     "'rating_' || c.rating_level",
     "c.department",
     {"c.window_no", "c.created_by", "c.item_code"},
     {{"cases", "c.id", "id", false}}},
};

#define N_PARTS (sizeof(stats_parts) / sizeof(stats_parts[0]))

/* The tables with triggers, and the columns the parts read of them (an
 * update that changes none of them changes no count). */
static const struct {
	const char *table;
	const char *columns[13];
} stats_tables[] = {
    {"inquiries",
     {"id", "created_at", "bounced", "department", "window_no",
      "first_responder", "item_code"}},
    {"cases",
     {"id", "created_at", "accepted_at", "completed_at", "rated_at",
      "rating_level", "status", "deemed", "department", "window_no",
      "created_by", "item_code"}},
    {"notices",
     {"id", "case_id", "issued_at", "once_violation", "window_no",
      "issued_by"}},
    {"commitments",
     {"id", "case_id", "status", "closed_at", "window_no", "created_by"}},
    {"review_items", {"id", "kind", "case_id", "created_at"}},
};

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

/* A part's counts over the rows `rows` selects, added (sign "") or
 * subtracted (sign "-"). */
static void stats_delta(FILE *f, const struct stats_part *p, const char *sign,
			const char *rows_lhs, const char *rows)
{
	fprintf(f,
		"INSERT INTO stats_daily (grp, department, day, key, metric, n)"
		" SELECT g.grp, %s, %s / %d, CASE g.grp WHEN 0 THEN %s"
		" WHEN 1 THEN %s ELSE %s END, %s, %sCOUNT(*)"
		" FROM %s CROSS JOIN stats_groups g"
		" WHERE %s IS NOT NULL AND %s",
		p->dept, p->at, DAY, p->keys[0], p->keys[1], p->keys[2],
		p->metric, sign, p->from, p->at, p->cond);
	if (rows_lhs)
		fprintf(f, " AND %s IN (%s)", rows_lhs, rows);
	fputs(" GROUP BY 1, 2, 3, 4, 5 ON CONFLICT"
	      " (grp, department, day, key, metric)"
	      " DO UPDATE SET n = n + excluded.n;",
	      f);
}

enum stats_event { EV_INSERT, EV_UPDATE, EV_DELETE };

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
	for (size_t i = 0; i < N_PARTS; i++) {
		for (size_t d = 0; d < 2; d++) {
			const struct stats_dep *dep = &stats_parts[i].deps[d];
			char rows[96];

			if (!dep->table || strcmp(dep->table, table) != 0)
				continue;
			/* Nothing of the part before an insert, after a
			 * delete. */
			if (!dep->around && ((before && ev == EV_INSERT) ||
					     (!before && ev == EV_DELETE)))
				continue;
			if (ev == EV_UPDATE)
				snprintf(rows, sizeof(rows), "OLD.%s, NEW.%s",
					 dep->col, dep->col);
			else
				snprintf(rows, sizeof(rows), "%s.%s",
					 ev == EV_INSERT ? "NEW" : "OLD",
					 dep->col);
			stats_delta(b, &stats_parts[i], before ? "-" : "",
				    dep->lhs, rows);
		}
	}
	fclose(b);
	if (len) {
		fprintf(f, "CREATE TRIGGER stats_%s_%s_%s %s %s ON %s", table,
			before ? "before" : "after", events[ev],
			before ? "BEFORE" : "AFTER", events[ev], table);
		for (size_t c = 0;
		     ev == EV_UPDATE && stats_tables[t].columns[c]; c++)
			fprintf(f, "%s OLD.%s IS NOT NEW.%s",
				c ? " OR" : " WHEN", stats_tables[t].columns[c],
				stats_tables[t].columns[c]);
		fprintf(f, " BEGIN %s END;", body);
	}
	free(body);
}

int sq_stats_migrate(sqlite3 *db, struct wc_error *err)
{
	char *sql = NULL, *msg = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&sql, &len);
	int rc;

	if (!f)
		return wc_error_set(err, "internal", NULL, "out of memory");
	for (size_t i = 0; i < N_PARTS; i++)
		stats_delta(f, &stats_parts[i], "", NULL, NULL);
	for (size_t t = 0; t < sizeof(stats_tables) / sizeof(stats_tables[0]);
	     t++)
		for (int ev = EV_INSERT; ev <= EV_DELETE; ev++) {
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

/* The query of a grouping, with or without a department: the rows of
 * [?1, ?4) and [?5, ?2), the aggregates of days [?6, ?7). Department is
 * ?3; "+" keeps the planner on the time indexes. */
static char *stats_sql(enum stats_group g, bool department)
{
	char *sql = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&sql, &len);
	static const char *const ranges[][2] = {{"?1", "?4"}, {"?5", "?2"}};

	if (!f)
		return NULL;
	fputs("SELECT key, metric, SUM(n) FROM (", f);
	for (size_t r = 0; r < 2; r++) {
		for (size_t i = 0; i < N_PARTS; i++) {
			const struct stats_part *p = &stats_parts[i];

			fprintf(f,
				"%sSELECT %s AS key, %s AS metric, 1 AS n"
				" FROM %s WHERE %s >= %s AND %s < %s AND %s",
				r || i ? " UNION ALL " : "", p->keys[g],
				p->metric, p->from, p->at, ranges[r][0], p->at,
				ranges[r][1], p->cond);
			if (department)
				fprintf(f, " AND +%s = ?3", p->dept);
		}
	}
	fprintf(f,
		" UNION ALL SELECT key, metric, n FROM stats_daily"
		" WHERE grp = %d AND %s day >= ?6 AND day < ?7)"
		" GROUP BY key, metric HAVING SUM(n) <> 0"
		" ORDER BY key, metric",
		(int)g, department ? "department = ?3 AND" : "");
	if (fclose(f) != 0) {
		free(sql);
		return NULL;
	}
	return sql;
}

/* The statements, built once per process (the same text for every
 * connection, so each connection's cache keeps its own). */
static char *stats_sqls[3][2];
static pthread_once_t stats_once = PTHREAD_ONCE_INIT;

static void stats_build(void)
{
	for (int g = 0; g < 3; g++)
		for (int d = 0; d < 2; d++)
			stats_sqls[g][d] = stats_sql((enum stats_group)g, d);
}

/* Whole UTC days inside [from, to): [*d0, *d1), empty when none. */
static void stats_days(int64_t from, int64_t to, int64_t *d0, int64_t *d1)
{
	*d0 = from >= 0 ? (from + DAY - 1) / DAY : -((-from) / DAY);
	*d1 = to >= 0 ? to / DAY : -((-to + DAY - 1) / DAY);
	if (*d0 >= *d1)
		*d0 = *d1 = 0;
}

int sq_stats_visit(struct store_conn *c, const struct stats_query *q,
		   store_stats_visitor visit, void *ctx, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	const char *sql;
	int64_t d0, d1;
	int rc;

	pthread_once(&stats_once, stats_build);
	if ((unsigned)q->group_by > STATS_BY_ITEM ||
	    !(sql = stats_sqls[q->group_by][q->department != NULL]))
		return wc_error_set(err, "internal", NULL, "stats query");
	if (sq_prepare(db, sql, &st, err) < 0)
		return -1;
	stats_days(q->from, q->to, &d0, &d1);
	sqlite3_bind_int64(st, 1, q->from);
	sqlite3_bind_int64(st, 2, q->to);
	sq_bind_text(st, 3, q->department);
	/* The rows before the first whole day and after the last; without
	 * whole days, all of [from, to) and nothing more. */
	sqlite3_bind_int64(st, 4, d0 < d1 ? d0 * DAY : q->to);
	sqlite3_bind_int64(st, 5, d0 < d1 ? d1 * DAY : q->to);
	sqlite3_bind_int64(st, 6, d0);
	sqlite3_bind_int64(st, 7, d1);
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
