/* store_stats.c - the parts of the statistics and the tables they read
 * (store_stats.h), one list for both back ends' aggregates. */
#include "store/store_stats.h"

#include <stdlib.h>
#include <string.h>

const struct stats_part stats_parts[] = {
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

const size_t stats_n_parts = sizeof(stats_parts) / sizeof(stats_parts[0]);

/* The tables with triggers, and the columns the parts read of them (an
 * update that changes none of them changes no count). */
const struct stats_table stats_tables[] = {
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

const size_t stats_n_tables = sizeof(stats_tables) / sizeof(stats_tables[0]);

const char *stats_cond(const struct stats_part *p)
{
	if (strcmp(p->cond, "1") == 0)
		return "true";
	return p->cond[0] == '+' ? p->cond + 1 : p->cond;
}

/* A part's counts over the rows `rows` selects (all without rows_lhs),
 * added (sign "") or subtracted (sign "-"). */
static void stats_delta(FILE *f, const struct stats_part *p,
			enum stats_dialect d, const char *sign,
			const char *rows_lhs, const char *rows)
{
	fprintf(f,
		"INSERT INTO stats_daily (grp, department, day, key, metric, n)"
		" SELECT g.grp, %s, %s / %d, CASE g.grp WHEN 0 THEN %s"
		" WHEN 1 THEN %s ELSE %s END, %s, %sCOUNT(*)"
		" FROM %s CROSS JOIN stats_groups g"
		" WHERE %s IS NOT NULL AND %s",
		p->dept, p->at, STATS_DAY, p->keys[0], p->keys[1], p->keys[2],
		p->metric, sign, p->from, p->at,
		d == STATS_PG ? stats_cond(p) : p->cond);
	if (rows_lhs)
		fprintf(f, " AND %s IN (%s)", rows_lhs, rows);
	fprintf(f,
		" GROUP BY 1, 2, 3, 4, 5 ON CONFLICT"
		" (grp, department, day, key, metric)"
		" DO UPDATE SET n = %sn + excluded.n;",
		d == STATS_PG ? "stats_daily." : "");
}

void stats_fill_sql(FILE *f, enum stats_dialect d)
{
	for (size_t i = 0; i < stats_n_parts; i++)
		stats_delta(f, &stats_parts[i], d, "", NULL, NULL);
}

void stats_trigger_sql(FILE *f, size_t t, bool before, enum stats_event ev,
		       enum stats_dialect d)
{
	const char *table = stats_tables[t].table;

	for (size_t i = 0; i < stats_n_parts; i++) {
		for (size_t k = 0; k < 2; k++) {
			const struct stats_dep *dep = &stats_parts[i].deps[k];
			char rows[96];

			if (!dep->table || strcmp(dep->table, table) != 0)
				continue;
			/* Nothing of the part before an insert, after a
			 * delete. */
			if (!dep->around && ((before && ev == STATS_INSERT) ||
					     (!before && ev == STATS_DELETE)))
				continue;
			if (ev == STATS_UPDATE)
				snprintf(rows, sizeof(rows), "OLD.%s, NEW.%s",
					 dep->col, dep->col);
			else
				snprintf(rows, sizeof(rows), "%s.%s",
					 ev == STATS_INSERT ? "NEW" : "OLD",
					 dep->col);
			stats_delta(f, &stats_parts[i], d, before ? "-" : "",
				    dep->lhs, rows);
		}
	}
}

void stats_changed_sql(FILE *f, size_t t, enum stats_dialect d)
{
	const char *const *col = stats_tables[t].columns;

	for (size_t c = 0; col[c]; c++)
		fprintf(f, "%sOLD.%s IS %s NEW.%s", c ? " OR " : "", col[c],
			d == STATS_PG ? "DISTINCT FROM" : "NOT", col[c]);
}

char *stats_query_sql(enum stats_group g, bool department, enum stats_dialect d)
{
	static const int ranges[][2] = {{1, 4}, {5, 2}};
	const char mark = d == STATS_PG ? '$' : '?';
	char *sql = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&sql, &len);

	if (!f)
		return NULL;
	fputs("SELECT key, metric, SUM(n) FROM (", f);
	for (size_t r = 0; r < 2; r++) {
		for (size_t i = 0; i < stats_n_parts; i++) {
			const struct stats_part *p = &stats_parts[i];

			fprintf(
			    f,
			    "%sSELECT %s AS key, %s AS metric, 1 AS n"
			    " FROM %s WHERE %s >= %c%d AND %s < %c%d AND %s",
			    r || i ? " UNION ALL " : "", p->keys[g], p->metric,
			    p->from, p->at, mark, ranges[r][0], p->at, mark,
			    ranges[r][1],
			    d == STATS_PG ? stats_cond(p) : p->cond);
			/* "+" keeps SQLite's planner on the time indexes. */
			if (department)
				fprintf(f, " AND %s%s = %c3",
					d == STATS_PG ? "" : "+", p->dept,
					mark);
		}
	}
	fprintf(f,
		" UNION ALL SELECT key, metric, n FROM stats_daily"
		" WHERE grp = %d AND ",
		(int)g);
	if (department)
		fprintf(f, "department = %c3 AND ", mark);
	fprintf(f,
		"day >= %c6 AND day < %c7)%s"
		" GROUP BY key, metric HAVING SUM(n) <> 0"
		" ORDER BY key, metric",
		mark, mark, d == STATS_PG ? " AS events" : "");
	if (fclose(f) != 0) {
		free(sql);
		return NULL;
	}
	return sql;
}

void stats_query_bounds(int64_t from, int64_t to, int64_t out[4])
{
	int64_t d0 = from >= 0 ? (from + STATS_DAY - 1) / STATS_DAY
			       : -((-from) / STATS_DAY);
	int64_t d1 =
	    to >= 0 ? to / STATS_DAY : -((-to + STATS_DAY - 1) / STATS_DAY);

	if (d0 >= d1)
		d0 = d1 = 0;
	/* The rows before the first whole day and after the last; without
	 * whole days, all of [from, to) and nothing more. */
	out[0] = d0 < d1 ? d0 * STATS_DAY : to;
	out[1] = d0 < d1 ? d1 * STATS_DAY : to;
	out[2] = d0;
	out[3] = d1;
}
