/* gen_cases.c - fills a case store with N generated cases for the
 * benchmarks (and for migration tests): a realistic spread over the demo
 * catalog's items and scenarios, twelve windows, every status, a year of
 * creation dates, checklists, ratings and the review items they cause. Writes
 * through the store interface (store_open), so it follows every schema
 * migration.
 *
 *   gen_cases --db PATH --cases N [--seed S] [--slow]
 *
 * The store must already hold the catalog (start wincased --seed-demo on it
 * once). Nothing here is committed data: the same seed gives the same
 * store.
 *
 * On SQLite the rows go in without the triggers that keep the derived
 * tables (the search indexes of migration 12, the statistics' aggregates
 * of 13), which cost most of the time; both are then built from the rows
 * in one transaction and the triggers put back, so the store is the one
 * the slow way (--slow: every row through the triggers) gives, and a
 * server on it finds and counts the same (tests/bench/gen_check.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wincase/catalog.h"
#include "wincase/date.h"
#include "wincase/lifecycle.h"

#include <sqlite3.h>

#include "app.h"
#include "store/sqlite/store_sqlite.h"
#include "store/store.h"

#define BATCH	  50000
#define N_WINDOWS 12
#define DAY	  86400
/* 2025-12-01 00:00 +08:00: a year of cases ending 2026-11-30. */
#define FIRST_DAY_UNIX 1764518400LL

static unsigned long long rng_state;

static unsigned rng_next(void)
{
	/* xorshift64*: deterministic for a given seed, good enough spread. */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717ULL) >> 32);
}

static unsigned rng_below(unsigned n)
{
	return rng_next() % n;
}

/* The status spread of a year's cases: most are finished. */
static enum case_status pick_status(void)
{
	static const struct {
		enum case_status status;
		unsigned weight;
	} spread[] = {
	    {CASE_CHECKING, 4},	  {CASE_NOTIFIED, 4},
	    {CASE_ACCEPTED, 12},  {CASE_ACCEPTED_TOLERANT, 5},
	    {CASE_COMPLETED, 64}, {CASE_DENIED, 5},
	    {CASE_WITHDRAWN, 6},
	};
	unsigned r = rng_below(100);

	for (size_t i = 0; i < sizeof(spread) / sizeof(spread[0]); i++) {
		if (r < spread[i].weight)
			return spread[i].status;
		r -= spread[i].weight;
	}
	return CASE_COMPLETED;
}

static void fill_lines(struct case_record *r, const struct item *it,
		       const struct scenario *sc, bool accepted)
{
	static struct case_line lines[CATALOG_MAX_MATERIALS];

	r->n_lines = sc->n_materials;
	r->lines = lines;
	for (size_t i = 0; i < sc->n_materials; i++) {
		const struct material *m = &it->materials[sc->materials[i]];
		const char *state = accepted		? "provided"
				    : rng_below(4) == 0 ? "missing"
							: "provided";

		memset(&lines[i], 0, sizeof(lines[i]));
		store_copy(lines[i].material_id, sizeof(lines[i].material_id),
			   m->id);
		store_copy(lines[i].state, sizeof(lines[i].state), state);
	}
}

/* The +08:00 civil day of a time, "YYYY-MM-DD". */
static void day_of(int64_t at, char out[DATE_TEXT_SIZE])
{
	date_format((wc_day)((at + 8 * 3600) / DAY), out);
}

static void fill_case(struct case_record *r, const struct catalog *cat,
		      size_t n)
{
	const struct item *it = &cat->items[rng_below((unsigned)cat->n_items)];
	const struct scenario *sc =
	    &it->scenarios[rng_below((unsigned)it->n_scenarios)];
	enum case_status status = pick_status();
	unsigned window = 1 + rng_below(N_WINDOWS);

	memset(r, 0, sizeof(*r));
	r->version = 1;
	store_copy(r->status, sizeof(r->status), case_status_word(status));
	store_copy(r->item_code, sizeof(r->item_code), it->code);
	store_copy(r->scenario_id, sizeof(r->scenario_id), sc->id);
	snprintf(r->applicant_name, sizeof(r->applicant_name), "申请人%zu", n);
	store_copy(r->applicant_id_type, sizeof(r->applicant_id_type),
		   "resident_id");
	snprintf(r->applicant_id_no, sizeof(r->applicant_id_no),
		 "33100219%02u%02u%02u%04zu", 60 + rng_below(40),
		 1 + rng_below(12), 1 + rng_below(28), n % 10000);
	snprintf(r->applicant_phone, sizeof(r->applicant_phone), "139%08zu",
		 n % 100000000);
	snprintf(r->created_by, sizeof(r->created_by), "clerk%u", window);
	snprintf(r->window, sizeof(r->window), "%u", window);
	store_copy(r->department, sizeof(r->department), it->department);
	r->created_at = FIRST_DAY_UNIX + (int64_t)rng_below(365) * DAY +
			9 * 3600 + rng_below(8 * 3600);
	fill_lines(r, it, sc,
		   status != CASE_CHECKING && status != CASE_NOTIFIED);
	if (status == CASE_CHECKING || status == CASE_NOTIFIED)
		return;
	r->accepted_at = r->created_at + rng_below(3600);
	store_copy(r->accepted_by, sizeof(r->accepted_by), r->created_by);
	day_of(r->accepted_at + (int64_t)it->promised_days * DAY * 7 / 5,
	       r->due_date);
	if (status == CASE_COMPLETED || status == CASE_DENIED) {
		r->completed_at = r->accepted_at + (int64_t)rng_below(10) * DAY;
		r->closed_at = r->completed_at;
		store_copy(r->completed_by, sizeof(r->completed_by),
			   r->created_by);
		store_copy(r->result, sizeof(r->result),
			   case_result_word(status == CASE_COMPLETED
						? RESULT_APPROVED
						: RESULT_DENIED));
		if (rng_below(10) < 8) {
			r->rating_level =
			    5 - (int)(rng_below(100) < 70   ? 0
				      : rng_below(100) < 80 ? 1
							    : rng_below(4));
			r->rated_at = r->completed_at + 600;
		}
	} else if (status == CASE_WITHDRAWN) {
		r->closed_at = r->accepted_at + DAY;
	}
}

/* clerk1..clerk12, one per window, that the cases name as their creator
 * (no password: nobody logs in as them). */
static int add_clerks(struct store_conn *db, struct wc_error *err)
{
	struct user_record u;

	for (unsigned w = 1; w <= N_WINDOWS; w++) {
		memset(&u, 0, sizeof(u));
		snprintf(u.username, sizeof(u.username), "clerk%u", w);
		snprintf(u.display_name, sizeof(u.display_name), "窗口%u", w);
		store_copy(u.role, sizeof(u.role), "clerk");
		snprintf(u.window, sizeof(u.window), "%u", w);
		store_copy(u.pwhash, sizeof(u.pwhash), "!");
		if (db->ops->user_add_if_missing(db, &u, FIRST_DAY_UNIX, err) <
		    0)
			return -1;
	}
	return 0;
}

/* The reviewer's queue: a tolerant acceptance to confirm, a bad rating to
 * rectify; a quarter of them already decided. */
static int add_review_item(struct store_conn *db, const struct case_record *r,
			   struct wc_error *err)
{
	const char *kind =
	    !strcmp(r->status, case_status_word(CASE_ACCEPTED_TOLERANT))
		? "tolerant_acceptance"
	    : r->rating_level > 0 && r->rating_level <= 2 ? "rectification"
							  : NULL;
	struct review_record rv = {0};

	if (!kind)
		return 0;
	store_copy(rv.kind, sizeof(rv.kind), kind);
	rv.case_id = r->id;
	store_copy(rv.department, sizeof(rv.department), r->department);
	store_copy(rv.window, sizeof(rv.window), r->window);
	rv.created_at = r->accepted_at;
	rv.summary = (char *)"";
	store_copy(
	    rv.status, sizeof(rv.status),
	    review_status_word(rng_below(4) ? REVIEW_PENDING : REVIEW_DONE));
	return db->ops->review_add(db, &rv, err);
}

/* The triggers of the derived tables (names stats_*, *_search_*) while
 * the rows go in: their CREATE statements, to put them back. */
struct bulk {
	sqlite3 *db;
	char *triggers; /* "CREATE TRIGGER ...;" each */
};

static int bulk_fail(struct bulk *b, const char *what, struct wc_error *err)
{
	return wc_error_set(err, "internal", NULL, "%s: %s", what,
			    sqlite3_errmsg(b->db));
}

static const char bulk_triggers[] =
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
    " AND (name LIKE 'stats\\_%' ESCAPE '\\'"
    "  OR name LIKE '%\\_search\\_%' ESCAPE '\\')";

/* Take the derived tables' triggers off a SQLite store at path. */
static int bulk_begin(struct bulk *b, const char *path, struct wc_error *err)
{
	sqlite3_stmt *st = NULL;
	char *drops = NULL, *creates = NULL;
	size_t dl = 0, cl = 0;
	FILE *d = open_memstream(&drops, &dl),
	     *c = open_memstream(&creates, &cl);
	int rc = 0;

	if (!d || !c) {
		if (d)
			fclose(d);
		if (c)
			fclose(c);
		free(drops);
		free(creates);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	if (sqlite3_open(path, &b->db) != SQLITE_OK ||
	    sqlite3_busy_timeout(b->db, 10000) != SQLITE_OK ||
	    sqlite3_prepare_v2(b->db, bulk_triggers, -1, &st, NULL) !=
		SQLITE_OK)
		rc = bulk_fail(b, "triggers", err);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		fprintf(d, "DROP TRIGGER \"%s\";", sqlite3_column_text(st, 0));
		fprintf(c, "%s;", sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	fclose(d);
	fclose(c);
	b->triggers = rc == 0 ? creates : NULL;
	if (rc < 0)
		free(creates);
	/* All or none: bulk_end puts back what was there. */
	if (rc == 0 &&
	    (sqlite3_exec(b->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	     sqlite3_exec(b->db, drops, NULL, NULL, NULL) != SQLITE_OK ||
	     sqlite3_exec(b->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)) {
		rc = bulk_fail(b, "drop triggers", err);
		sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
		free(b->triggers);
		b->triggers = NULL;
	}
	free(drops);
	return rc;
}

/* Build the derived tables from the rows and put the triggers back, in
 * one transaction: the search indexes emptied and filled again, the
 * aggregates counted again. */
static int bulk_end(struct bulk *b, struct wc_error *err)
{
	int rc = 0;

	/* Only the rebuild's own commit: the rows are committed already. */
	if (sqlite3_exec(b->db, "PRAGMA synchronous = OFF; BEGIN IMMEDIATE",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(b->db, sq_search_rebuild, NULL, NULL, NULL) !=
		SQLITE_OK)
		rc = bulk_fail(b, "search indexes", err);
	if (rc == 0 && sq_stats_rebuild(b->db, err) < 0)
		rc = -1;
	if (rc == 0 &&
	    sqlite3_exec(b->db, b->triggers, NULL, NULL, NULL) != SQLITE_OK)
		rc = bulk_fail(b, "triggers", err);
	if (rc == 0 && sqlite3_exec(b->db, "COMMIT; PRAGMA synchronous = FULL",
				    NULL, NULL, NULL) != SQLITE_OK)
		rc = bulk_fail(b, "commit", err);
	if (rc < 0)
		sqlite3_exec(b->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static void bulk_close(struct bulk *b)
{
	sqlite3_close(b->db);
	free(b->triggers);
	b->db = NULL;
	b->triggers = NULL;
}

static int generate(struct store_conn *db, const struct catalog *cat,
		    size_t n_cases, struct wc_error *err)
{
	struct case_record r;
	char day[DATE_TEXT_SIZE];

	for (size_t n = 0; n < n_cases; n++) {
		if (n % BATCH == 0 && db->ops->begin(db, err) < 0)
			return -1;
		fill_case(&r, cat, n);
		day_of(r.created_at, day);
		memmove(day + 4, day + 5, 2); /* YYYYMMDD for the number */
		memmove(day + 6, day + 8, 3);
		if (db->ops->case_create(db, &r, day, err) < 0 ||
		    add_review_item(db, &r, err) < 0)
			return -1;
		if ((n + 1) % BATCH == 0 || n + 1 == n_cases) {
			if (db->ops->commit(db, err) < 0)
				return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct app app;
	const char *db_path = NULL;
	size_t n_cases = 0;
	struct wc_error err = {0};
	struct store_conn *db;
	struct timespec t0, t1;
	struct bulk bulk = {0};
	bool slow = false;
	int rc = 0;

	rng_state = 0x9e3779b97f4a7c15ULL;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--slow") == 0)
			slow = true;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--slow") == 0)
			i--;
		else if (strcmp(argv[i], "--db") == 0)
			db_path = argv[i + 1];
		else if (strcmp(argv[i], "--cases") == 0)
			n_cases = strtoull(argv[i + 1], NULL, 10);
		else if (strcmp(argv[i], "--seed") == 0)
			rng_state ^= strtoull(argv[i + 1], NULL, 10);
	}
	if (!db_path || !n_cases) {
		fprintf(stderr, "usage: gen_cases --db PATH --cases N "
				"[--seed S] [--slow]\n");
		return 2;
	}
	pthread_rwlock_init(&app.reference_lock, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (store_open(db_path, &app.store, &err) < 0 ||
	    !(db = app.store->ops->connect(app.store, &err)) ||
	    app_load_reference(&app, db, &err) < 0 || !app.catalog->n_items ||
	    add_clerks(db, &err) < 0)
		rc = -1;
	/* SQLite: without the derived tables' triggers. */
	if (rc == 0 && !slow && !store_url_is_postgresql(db_path))
		rc = bulk_begin(
		    &bulk,
		    strncmp(db_path, "sqlite:", 7) == 0 ? db_path + 7 : db_path,
		    &err);
	if (rc == 0)
		rc = generate(db, app.catalog, n_cases, &err);
	/* The triggers go back even after a failure (over the rows there
	 * are). */
	if (bulk.triggers && bulk_end(&bulk, rc < 0 ? NULL : &err) < 0)
		rc = -1;
	bulk_close(&bulk);
	if (rc < 0) {
		fprintf(stderr, "gen_cases: %s: %s\n", db_path,
			err.message[0] ? err.message
				       : "no catalog in the store");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("gen_cases: %zu cases in %.1f s\n", n_cases,
	       (double)(t1.tv_sec - t0.tv_sec) +
		   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	app_release_reference(&app);
	app.store->ops->close(&app.store);
	return 0;
}
