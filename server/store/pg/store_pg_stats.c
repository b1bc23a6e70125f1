/* store_pg_stats.c - GET /v1/stats on PostgreSQL, and schema step 14: the
 * daily aggregates it reads, as SQLite's step 13 (store_sqlite_stats.c;
 * the parts counted and the SQL are shared, store/store_stats.c).
 *
 * stats_daily holds the events' counts per UTC day, grouping, department,
 * key and metric, kept by row triggers: a BEFORE trigger subtracts the
 * events of the rows a change touches, an AFTER trigger adds them again,
 * with the same SELECT both times. Writes are serialised (PG_LOCK_WRITE),
 * and each part's rows are picked by the changed row's own id, so a
 * statement changing several rows (whose AFTER triggers run at its end)
 * counts each row once before and once after.
 *
 * stats_rebuild() counts everything again (migrate-store copies with the
 * triggers off, stats_triggers(false), and rebuilds once). */
#include "store/pg/store_pg.h"
#include "store/store_stats.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Step 14's tables; the functions and triggers follow (pg_stats_migrate).
 * SQLite's stats_groups and stats_daily, and its time indexes (PostgreSQL
 * step 13). */
const char pg_schema_stats[] =
    "CREATE TABLE stats_groups (grp INTEGER PRIMARY KEY);"
    "INSERT INTO stats_groups VALUES (0), (1), (2);"
    "CREATE TABLE stats_daily ("
    " grp INTEGER NOT NULL, department TEXT NOT NULL,"
    " day BIGINT NOT NULL, key TEXT NOT NULL, metric TEXT NOT NULL,"
    " n BIGINT NOT NULL,"
    " PRIMARY KEY (grp, department, day, key, metric));"
    /* On or off, every stats_ trigger of the schema's tables. */
    "CREATE FUNCTION stats_triggers(enable boolean) RETURNS void"
    " LANGUAGE plpgsql AS $$ DECLARE t record; BEGIN"
    " FOR t IN SELECT g.tgrelid::regclass AS tab, g.tgname FROM pg_trigger g"
    "  JOIN pg_class c ON c.oid = g.tgrelid"
    "  WHERE NOT g.tgisinternal AND g.tgname LIKE 'stats\\_%'"
    "  AND c.relnamespace = current_schema()::regnamespace LOOP"
    "  EXECUTE format('ALTER TABLE %s %s TRIGGER %I', t.tab,"
    "   CASE WHEN enable THEN 'ENABLE' ELSE 'DISABLE' END, t.tgname);"
    " END LOOP; END $$;";

static void pg_stats_trigger(FILE *f, size_t t, bool before,
			     enum stats_event ev)
{
	static const char *const events[] = {"INSERT", "UPDATE", "DELETE"};
	static const char *const names[] = {"insert", "update", "delete"};
	const char *table = stats_tables[t].table;
	const char *moment = before ? "before" : "after";
	char *body = NULL;
	size_t len = 0;
	FILE *b = open_memstream(&body, &len);

	if (!b)
		return;
	stats_trigger_sql(b, t, before, ev, STATS_PG);
	fclose(b);
	if (len) {
		/* A BEFORE trigger's row goes on unchanged. */
		fprintf(f,
			"CREATE FUNCTION stats_%s_%s_%s() RETURNS trigger"
			" LANGUAGE plpgsql AS $$ BEGIN %s RETURN %s; END $$;"
			"CREATE TRIGGER stats_%s_%s_%s %s %s ON %s"
			" FOR EACH ROW",
			table, moment, names[ev], body,
			!before		     ? "NULL"
			: ev == STATS_DELETE ? "OLD"
					     : "NEW",
			table, moment, names[ev], before ? "BEFORE" : "AFTER",
			events[ev], table);
		if (ev == STATS_UPDATE) {
			fputs(" WHEN (", f);
			stats_changed_sql(f, t, STATS_PG);
			fputc(')', f);
		}
		fprintf(f, " EXECUTE FUNCTION stats_%s_%s_%s();", table, moment,
			names[ev]);
	}
	free(body);
}

int pg_stats_migrate(PGconn *db, struct wc_error *err)
{
	char *sql = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&sql, &len);
	PGresult *res;
	int rc = 0;

	if (!f)
		return wc_error_set(err, "internal", NULL, "out of memory");
	/* Sorting a million cases' events: more than the default 4MB. */
	fputs("CREATE FUNCTION stats_rebuild() RETURNS void"
	      " LANGUAGE plpgsql SET work_mem = '64MB'"
	      " AS $$ BEGIN DELETE FROM stats_daily;",
	      f);
	stats_fill_sql(f, STATS_PG);
	fputs(" END $$;", f);
	for (size_t t = 0; t < stats_n_tables; t++)
		for (int ev = STATS_INSERT; ev <= STATS_DELETE; ev++) {
			pg_stats_trigger(f, t, true, (enum stats_event)ev);
			pg_stats_trigger(f, t, false, (enum stats_event)ev);
		}
	fputs("SELECT stats_rebuild();", f);
	if (fclose(f) != 0 || !sql) {
		free(sql);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	res = PQexec(db, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK)
		rc =
		    wc_error_set(err, "internal", NULL, "postgresql: stats: %s",
				 PQresultErrorMessage(res));
	PQclear(res);
	free(sql);
	return rc;
}

/* The statements, built once per process (fixed text: prepared per
 * connection by address). */
static char *stats_sqls[3][2];
static pthread_once_t stats_once = PTHREAD_ONCE_INIT;

static void stats_build(void)
{
	for (int g = 0; g < 3; g++)
		for (int d = 0; d < 2; d++)
			stats_sqls[g][d] =
			    stats_query_sql((enum stats_group)g, d, STATS_PG);
}

int pg_stats_visit(struct store_conn *c, const struct stats_query *q,
		   store_stats_visitor visit, void *ctx, struct wc_error *err)
{
	struct pgp p = {0};
	int64_t bounds[4];
	const char *sql;
	PGresult *res;
	int rc = 0;

	pthread_once(&stats_once, stats_build);
	if ((unsigned)q->group_by > STATS_BY_ITEM ||
	    !(sql = stats_sqls[q->group_by][q->department != NULL]))
		return wc_error_set(err, "internal", NULL, "stats query");
	stats_query_bounds(q->from, q->to, bounds);
	pgp_int(&p, q->from);
	pgp_int(&p, q->to);
	pgp_text(&p, q->department);
	for (int i = 0; i < 4; i++)
		pgp_int(&p, bounds[i]);
	res = pg_run(c, sql, &p, err);
	if (!res)
		return -1;
	for (int i = 0; rc == 0 && i < PQntuples(res); i++) {
		struct pgr r = {res, i, 2};

		rc = visit(ctx, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
			   pgr_int(&r), err) < 0
			 ? -1
			 : 0;
	}
	PQclear(res);
	return rc;
}
