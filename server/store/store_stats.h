/* store_stats.h - what GET /v1/stats counts, for both back ends' daily
 * aggregates (SQLite step 13, PostgreSQL step 14; store/README.md): the
 * parts, each a kind of event with its time, department, grouping keys
 * and metric, and the tables whose rows the parts read. Private to
 * server/store/. */
#ifndef WINCASED_STORE_STATS_H
#define WINCASED_STORE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store/store.h"

#define STATS_DAY 86400

/* A table whose rows a part's events come from or depend on: lhs IN (the
 * changed row's col) picks the part's rows a change touches. Without
 * `around`, none of them exist before the row is inserted or after it is
 * deleted (the row itself, or a parent its rows reference). */
struct stats_dep {
	const char *table, *lhs, *col;
	bool around;
};

/* cond may start with SQLite's "+" (keep the planner off an index), or
 * be SQLite's true "1": a PostgreSQL statement reads stats_cond. */
struct stats_part {
	const char *from, *at, *cond, *metric, *dept;
	const char *keys[3]; /* by window, clerk, item (enum stats_group) */
	struct stats_dep deps[2];
};

struct stats_table {
	const char *table;
	const char *columns[13]; /* the columns the parts read */
};

extern const struct stats_part stats_parts[];
extern const size_t stats_n_parts;
extern const struct stats_table stats_tables[];
extern const size_t stats_n_tables;

/* The SQL text differs a little: parameters ?N or $N, SQLite's "+"
 * (kept or dropped), the upsert's column qualified for PostgreSQL. */
enum stats_dialect { STATS_SQLITE, STATS_PG };
enum stats_event { STATS_INSERT, STATS_UPDATE, STATS_DELETE };

/* A part's condition in PostgreSQL's words. */
const char *stats_cond(const struct stats_part *p);

/* The statements adding every row's events to stats_daily (an empty one:
 * the first fill, or a rebuild after a bulk load without triggers). */
void stats_fill_sql(FILE *f, enum stats_dialect d);
/* The statements of table t's trigger at one moment (before or after) of
 * an event, each ending in ';': subtract (before) or add (after) the
 * events of the rows the change touches. Nothing when no part needs it;
 * the WHEN condition of an update (any read column changed) is
 * stats_changed_sql. */
void stats_trigger_sql(FILE *f, size_t t, bool before, enum stats_event ev,
		       enum stats_dialect d);
void stats_changed_sql(FILE *f, size_t t, enum stats_dialect d);
/* The query of a grouping, with or without a department: the rows of
 * [P1, P4) and [P5, P2), the aggregates of days [P6, P7), department P3;
 * its rows key, metric, count, ordered. malloc'd, NULL without memory. */
char *stats_query_sql(enum stats_group g, bool department,
		      enum stats_dialect d);
/* The query's parameters 4 to 7 for [from, to): the ends of the rows
 * counted before the first whole UTC day and after the last, the whole
 * days [d0, d1) (empty when none: then the rows of all of [from, to)). */
void stats_query_bounds(int64_t from, int64_t to, int64_t out[4]);

#endif
