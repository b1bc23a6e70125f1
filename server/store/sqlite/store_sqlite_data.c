/* store_sqlite_data.c - catalog items, calendar years and inquiries on
 * SQLite. */
#include "store/sqlite/store_sqlite.h"
#include "store/store_columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sq_blob_put(struct store_conn *c, const char *sql, const char *key,
		       int year, const char *json_text, int64_t now,
		       struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db, sql, &st, err) < 0)
		return -1;
	if (key)
		sq_bind_text(st, 1, key);
	else
		sqlite3_bind_int(st, 1, year);
	sq_bind_text(st, 2, json_text);
	sqlite3_bind_int64(st, 3, now);
	return sq_step_done(db, st, err);
}

static int sq_blobs_visit(struct store_conn *c, const char *sql,
			  store_text_visitor visit, void *ctx,
			  struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int rc;

	if (sq_prepare(db, sql, &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (visit(ctx, (const char *)sqlite3_column_text(st, 0), err) <
		    0) {
			sq_finish(st);
			return -1;
		}
	}
	sq_finish(st);
	if (rc != SQLITE_DONE)
		return sq_fail(db, err, "visit");
	return 0;
}

int sq_catalog_item_put(struct store_conn *c, const char *code,
			const char *json_text, int64_t now,
			struct wc_error *err)
{
	return sq_blob_put(c,
			   "INSERT OR REPLACE INTO catalog_items"
			   " (code, json, updated_at) VALUES (?, ?, ?)",
			   code, 0, json_text, now, err);
}

int sq_catalog_items_visit(struct store_conn *c, store_text_visitor visit,
			   void *ctx, struct wc_error *err)
{
	return sq_blobs_visit(c, "SELECT json FROM catalog_items ORDER BY code",
			      visit, ctx, err);
}

int sq_handoff_targets_visit(struct store_conn *c, bool departments,
			     store_text_visitor visit, void *ctx,
			     struct wc_error *err)
{
	return sq_blobs_visit(
	    c,
	    departments ? "SELECT DISTINCT department FROM users"
			  " WHERE department <> '' ORDER BY department"
			: "SELECT windows FROM users WHERE windows <> ''"
			  " AND role IN ('clerk', 'trainee') ORDER BY username",
	    visit, ctx, err);
}

int sq_calendar_year_put(struct store_conn *c, int year, const char *json_text,
			 int64_t now, struct wc_error *err)
{
	return sq_blob_put(c,
			   "INSERT OR REPLACE INTO calendar_years"
			   " (year, json, updated_at) VALUES (?, ?, ?)",
			   NULL, year, json_text, now, err);
}

int sq_calendar_years_visit(struct store_conn *c, store_text_visitor visit,
			    void *ctx, struct wc_error *err)
{
	return sq_blobs_visit(c,
			      "SELECT json FROM calendar_years ORDER BY year",
			      visit, ctx, err);
}

static void sq_read_inquiry(sqlite3_stmt *st, void *out)
{
	struct inquiry_record *r = out;

	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	sq_column_copy(st, 1, r->no, sizeof(r->no));
	r->version = sqlite3_column_int(st, 2);
	sq_column_copy(st, 3, r->status, sizeof(r->status));
	sq_column_copy(st, 4, r->first_responder, sizeof(r->first_responder));
	sq_column_copy(st, 5, r->window, sizeof(r->window));
	sq_column_copy(st, 6, r->department, sizeof(r->department));
	r->created_at = sqlite3_column_int64(st, 7);
	sq_column_copy(st, 8, r->channel, sizeof(r->channel));
	r->topic = sq_column_dup(st, 9);
	r->item_code = sq_column_dup(st, 10);
	r->applicant_name = sq_column_dup(st, 11);
	r->applicant_id_type = sq_column_dup(st, 12);
	r->applicant_id_no = sq_column_dup(st, 13);
	r->applicant_phone = sq_column_dup(st, 14);
	r->bounced = sqlite3_column_int(st, 15) != 0;
	r->resolution = sq_column_dup(st, 16);
	r->note = sq_column_dup(st, 17);
	r->case_id = sqlite3_column_int64(st, 18);
}

int sq_inquiry_create(struct store_conn *c, struct inquiry_record *r,
		      const char *day, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	/* R1 numbers are per server-local day. */
	if (sq_next_number(db, "SW", day, r->no, sizeof(r->no), err) < 0)
		return -1;
	if (sq_prepare(db,
		       "INSERT INTO inquiries (no, version, status,"
		       " first_responder, window_no, department, created_at,"
		       " channel, topic, item_code, applicant_name,"
		       " applicant_id_type, applicant_id_no, applicant_phone,"
		       " bounced) VALUES"
		       " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, r->no);
	sqlite3_bind_int(st, 2, r->version);
	sq_bind_text(st, 3, r->status);
	sq_bind_text(st, 4, r->first_responder);
	sq_bind_text(st, 5, r->window);
	sq_bind_text(st, 6, r->department);
	sqlite3_bind_int64(st, 7, r->created_at);
	sq_bind_text(st, 8, r->channel);
	sq_bind_text(st, 9, r->topic);
	sq_bind_text(st, 10, r->item_code);
	sq_bind_text(st, 11, r->applicant_name);
	sq_bind_text(st, 12, r->applicant_id_type);
	sq_bind_text(st, 13, r->applicant_id_no);
	sq_bind_text(st, 14, r->applicant_phone);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int sq_inquiry_get(struct store_conn *c, int64_t id, struct inquiry_record *out,
		   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT " INQUIRY_COLUMNS " FROM inquiries WHERE id = ?",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return sq_step_row(db, st, sq_read_inquiry, out, "inquiry_get", err);
}

int sq_inquiry_handed_to(struct store_conn *c, int64_t id, const char *window,
			 const char *department, bool *out,
			 struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int count = 0;

	if (sq_prepare(db,
		       "SELECT count(*) FROM inquiry_handoffs"
		       " WHERE inquiry_id = ?1 AND acknowledged_at IS NULL"
		       " AND ((?2 <> '' AND to_window = ?2)"
		       " OR (?3 <> '' AND to_department = ?3))",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, window);
	sq_bind_text(st, 3, department);
	if (sq_step_int(db, st, &count, "inquiry_handed_to", err) < 0)
		return -1;
	*out = count > 0;
	return 0;
}

/* R1: "mine" is what I registered, what waits for my acknowledgement, and
 * what I hold (the last acknowledged handoff is to me). */
#define INQUIRY_LIST_FILTER                                                    \
	" ((?1 = 0 AND (first_responder = ?2 OR id IN"                         \
	"   (SELECT inquiry_id FROM inquiry_handoffs h"                        \
	"    WHERE ((?3 <> '' AND to_window = ?3)"                             \
	"     OR (?4 <> '' AND to_department = ?4))"                           \
	"    AND (acknowledged_at IS NULL OR id ="                             \
	"     (SELECT max(id) FROM inquiry_handoffs g"                         \
	"      WHERE g.inquiry_id = h.inquiry_id"                              \
	"      AND g.acknowledged_at IS NOT NULL)))))"                         \
	"  OR (?1 = 1 AND window_no = ?3) OR ?1 = 2)"                          \
	" AND (?5 IS NULL OR status = ?5)"                                     \
	" AND (?8 IS NULL OR instr(no, ?8) > 0 OR instr(applicant_name, ?8) "  \
	"> 0"                                                                  \
	"  OR instr(upper(applicant_id_no), upper(?8)) > 0"                    \
	"  OR instr(applicant_phone, ?8) > 0)"

static const char inquiry_list_sql[] =
    "SELECT " INQUIRY_COLUMNS " FROM inquiries WHERE" INQUIRY_LIST_FILTER
    " AND (?6 = 0 OR id < ?6) ORDER BY id DESC LIMIT ?7";

/* q of three characters or more: candidates from the trigram index
 * (store_sqlite_search.c), the same conditions, the same order. */
static const char inquiry_search_sql[] =
    "SELECT " INQUIRY_COLUMNS " FROM inquiries_search"
    " JOIN inquiries ON id = inquiries_search.rowid"
    " WHERE inquiries_search MATCH " SQ_SEARCH_PHRASE(
	8) " AND" INQUIRY_LIST_FILTER
	   " AND (?6 = 0 OR inquiries_search.rowid < ?6)"
	   " ORDER BY inquiries_search.rowid DESC LIMIT ?7";

static const struct sq_row_kind inquiry_rows = {
    sizeof(struct inquiry_record), sq_read_inquiry, store_release_inquiry,
    "inquiry_list"};

int sq_inquiry_list(struct store_conn *c, const struct inquiry_query *q,
		    struct inquiry_record **out, size_t *n,
		    struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	void *recs;

	if (sq_prepare(db,
		       store_search_indexed(q->q) ? inquiry_search_sql
						  : inquiry_list_sql,
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int(st, 1, (int)q->scope);
	sq_bind_text(st, 2, q->username ? q->username : "");
	sq_bind_text(st, 3, q->window ? q->window : "");
	sq_bind_text(st, 4, q->department ? q->department : "");
	sq_bind_text(st, 5, q->status);
	sqlite3_bind_int64(st, 6, q->before_id);
	sqlite3_bind_int(st, 7, q->limit);
	sq_bind_opt_text(st, 8, q->q);
	if (sq_step_rows(db, st, &inquiry_rows, q->limit, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}
