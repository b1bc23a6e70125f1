/* store_sqlite_inquiry.c - inquiry changes and handoffs (R1 首问负责) on
 * SQLite. Registration, reading and listing are in store_sqlite_data.c. */
#include "store/sqlite/store_sqlite.h"

#include <stdlib.h>
#include <string.h>

int sq_inquiry_update(struct store_conn *c, const struct inquiry_record *r,
		      struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "UPDATE inquiries SET version = ?, status = ?,"
		       " bounced = ?, resolution = ?, note = ?, case_id = ?"
		       " WHERE id = ?",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int(st, 1, r->version);
	sq_bind_text(st, 2, r->status);
	sqlite3_bind_int(st, 3, r->bounced ? 1 : 0);
	sq_bind_text(st, 4, r->resolution);
	sq_bind_text(st, 5, r->note);
	sq_bind_opt_int(st, 6, r->case_id);
	sqlite3_bind_int64(st, 7, r->id);
	return sq_step_changed(db, st, err);
}

static void sq_read_handoff(sqlite3_stmt *st, void *out)
{
	struct handoff_record *h = out;

	h->id = sqlite3_column_int64(st, 0);
	h->inquiry_id = sqlite3_column_int64(st, 1);
	sq_column_copy(st, 2, h->to_window, sizeof(h->to_window));
	sq_column_copy(st, 3, h->to_department, sizeof(h->to_department));
	h->reason = sq_column_dup(st, 4);
	sq_column_copy(st, 5, h->created_by, sizeof(h->created_by));
	h->created_at = sqlite3_column_int64(st, 6);
	sq_column_copy(st, 7, h->acknowledged_by, sizeof(h->acknowledged_by));
	h->acknowledged_at = sqlite3_column_int64(st, 8);
}

static const struct sq_row_kind handoff_rows = {
    sizeof(struct handoff_record), sq_read_handoff, store_release_handoff,
    "inquiry_handoffs"};

int sq_inquiry_handoffs(struct store_conn *c, int64_t inquiry_id,
			struct handoff_record **out, size_t *n,
			struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	void *recs;

	*out = NULL;
	*n = 0;
	if (sq_prepare(db,
		       "SELECT id, inquiry_id, to_window, to_department,"
		       " reason, created_by, created_at, acknowledged_by,"
		       " acknowledged_at FROM inquiry_handoffs"
		       " WHERE inquiry_id = ? ORDER BY id",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, inquiry_id);
	if (sq_step_rows(db, st, &handoff_rows, 0, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

int sq_inquiry_handoff_add(struct store_conn *c, struct handoff_record *h,
			   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "INSERT INTO inquiry_handoffs (inquiry_id, to_window,"
		       " to_department, reason, created_by, created_at)"
		       " VALUES (?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, h->inquiry_id);
	sq_bind_opt_text(st, 2, h->to_window);
	sq_bind_opt_text(st, 3, h->to_department);
	sq_bind_text(st, 4, h->reason);
	sq_bind_text(st, 5, h->created_by);
	sqlite3_bind_int64(st, 6, h->created_at);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	h->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int sq_inquiry_handoff_ack(struct store_conn *c, int64_t handoff_id,
			   const char *username, int64_t at,
			   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "UPDATE inquiry_handoffs SET acknowledged_by = ?,"
		       " acknowledged_at = ? WHERE id = ?"
		       " AND acknowledged_at IS NULL",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, username);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_int64(st, 3, handoff_id);
	return sq_step_changed(db, st, err);
}

int sq_inquiry_handoff_recall(struct store_conn *c, int64_t handoff_id,
			      struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "DELETE FROM inquiry_handoffs WHERE id = ?"
		       " AND acknowledged_at IS NULL",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, handoff_id);
	return sq_step_changed(db, st, err);
}

void handoff_records_free(struct handoff_record **recs, size_t n)
{
	if (!*recs)
		return;
	for (size_t i = 0; i < n; i++)
		free((*recs)[i].reason);
	free(*recs);
	*recs = NULL;
}
