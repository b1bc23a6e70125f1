/* store_sqlite_review.c - the reviewer queue's reads and decisions, what
 * the deadline scheduler looks for (R1, R3-R5), on SQLite (the statistics
 * are in store_sqlite_stats.c). The review_items table itself is created by
 * migration 3 (store_sqlite_case_schema.c); migration 9 (here) adds the
 * owner and the rectification steps. */
#include "store/sqlite/store_sqlite.h"
#include "store/store_columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Migration 9 (issue 14): who works an item, and R5's steps. */
const char sq_schema_review_team[] =
    "ALTER TABLE review_items ADD COLUMN owner TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE review_items ADD COLUMN owned_at INTEGER;"
    "ALTER TABLE review_items ADD COLUMN step_verify TEXT;"
    "ALTER TABLE review_items ADD COLUMN step_fix TEXT;"
    "ALTER TABLE review_items ADD COLUMN step_feedback TEXT;"
    "CREATE INDEX review_items_owner ON review_items(owner, status, id);"
    "CREATE INDEX review_items_decided ON review_items(decided_by, id);";

static void sq_review_row(sqlite3_stmt *st, void *rec)
{
	struct review_record *out = rec;

	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	sq_column_copy(st, 1, out->kind, sizeof(out->kind));
	out->case_id = sqlite3_column_int64(st, 2);
	out->inquiry_id = sqlite3_column_int64(st, 3);
	sq_column_copy(st, 4, out->department, sizeof(out->department));
	sq_column_copy(st, 5, out->window, sizeof(out->window));
	out->created_at = sqlite3_column_int64(st, 6);
	sq_column_copy(st, 7, out->status, sizeof(out->status));
	out->summary = sq_column_dup(st, 8);
	sq_column_copy(st, 9, out->decision, sizeof(out->decision));
	out->comment = sq_column_dup(st, 10);
	sq_column_copy(st, 11, out->decided_by, sizeof(out->decided_by));
	out->decided_at = sqlite3_column_int64(st, 12);
	sq_column_copy(st, 13, out->due_date, sizeof(out->due_date));
	sq_column_copy(st, 14, out->owner, sizeof(out->owner));
	out->owned_at = sqlite3_column_int64(st, 15);
	for (int i = 0; i < REVIEW_STEPS; i++)
		out->steps[i] = sq_column_dup(st, 16 + i);
}

void review_records_free(struct review_record **recs, size_t n)
{
	if (!*recs)
		return;
	for (size_t i = 0; i < n; i++)
		review_record_release(&(*recs)[i]);
	free(*recs);
	*recs = NULL;
}

static const struct sq_row_kind review_rows = {
    sizeof(struct review_record), sq_review_row, store_release_review,
    "review_list"};

int sq_review_list(struct store_conn *c, const struct review_query *q,
		   struct review_record **out, size_t *n, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	void *recs;

	*out = NULL;
	*n = 0;
	if (sq_prepare(db,
		       "SELECT " REVIEW_COLUMNS " FROM review_items"
		       " WHERE id > ?1 AND (?2 IS NULL OR kind = ?2)"
		       " AND (?3 IS NULL OR status = ?3)"
		       " AND (?4 IS NULL OR department = ?4)"
		       " AND (?5 = 0 OR due_date IS NULL OR due_date = '')"
		       " AND (?7 IS NULL OR owner = ?7)"
		       " AND (?8 IS NULL OR decided_by = ?8)"
		       " AND (?9 IS NULL OR decision = ?9)"
		       " AND (?10 IS NULL OR window_no = ?10)"
		       " AND (?11 = 0 OR decided_at >= ?11)"
		       " ORDER BY id LIMIT ?6",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, q->after_id);
	sq_bind_text(st, 2, q->kind);
	sq_bind_text(st, 3, q->status);
	sq_bind_text(st, 4, q->department);
	sqlite3_bind_int(st, 5, q->undated);
	sqlite3_bind_int(st, 6, q->limit > 0 ? q->limit : -1);
	sq_bind_text(st, 7, q->owner);
	sq_bind_text(st, 8, q->decided_by);
	sq_bind_text(st, 9, q->decision);
	sq_bind_text(st, 10, q->window);
	sqlite3_bind_int64(st, 11, q->decided_after);
	if (sq_step_rows(db, st, &review_rows, 0, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

int sq_review_get(struct store_conn *c, int64_t id, struct review_record *out,
		  struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT " REVIEW_COLUMNS " FROM review_items"
		       " WHERE id = ?",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return sq_step_row(db, st, sq_review_row, out, "review_get", err);
}

int sq_review_decide(struct store_conn *c, int64_t id, const char *decision,
		     const char *comment, const char *by, int64_t at,
		     struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "UPDATE review_items SET status = 'done', decision = ?,"
		       " comment = ?, decided_by = ?, decided_at = ?"
		       " WHERE id = ? AND status = 'pending'",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, decision);
	sq_bind_text(st, 2, comment);
	sq_bind_text(st, 3, by);
	sqlite3_bind_int64(st, 4, at);
	sqlite3_bind_int64(st, 5, id);
	return sq_step_changed(db, st, err);
}

int sq_review_set_owner(struct store_conn *c, int64_t id, const char *expect,
			const char *owner, int64_t at, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "UPDATE review_items SET owner = ?1,"
		       " owned_at = CASE WHEN ?1 = '' THEN NULL ELSE ?2 END"
		       " WHERE id = ?3 AND status = 'pending'"
		       " AND (?4 IS NULL OR owner = ?4)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, owner);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_int64(st, 3, id);
	sq_bind_text(st, 4, expect);
	return sq_step_changed(db, st, err);
}

int sq_review_set_step(struct store_conn *c, int64_t id, enum review_step step,
		       const char *text, struct wc_error *err)
{
	/* Fixed SQL per step: the column is never built from input. */
	static const char *const sql[REVIEW_STEPS] = {
	    "UPDATE review_items SET step_verify = ?"
	    " WHERE id = ? AND status = 'pending'",
	    "UPDATE review_items SET step_fix = ?"
	    " WHERE id = ? AND status = 'pending'",
	    "UPDATE review_items SET step_feedback = ?"
	    " WHERE id = ? AND status = 'pending'",
	};
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if ((unsigned)step >= REVIEW_STEPS)
		return wc_error_set(err, "internal", NULL, "review step");
	if (sq_prepare(db, sql[step], &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, text);
	sqlite3_bind_int64(st, 2, id);
	return sq_step_changed(db, st, err);
}

int sq_review_exists(struct store_conn *c, const char *kind, int64_t case_id,
		     int64_t inquiry_id, bool *out, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int rc;

	if (sq_prepare(db,
		       "SELECT 1 FROM review_items WHERE kind = ?1 AND"
		       " ((?2 <> 0 AND case_id = ?2) OR"
		       "  (?2 = 0 AND inquiry_id = ?3)) LIMIT 1",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, case_id);
	sqlite3_bind_int64(st, 3, inquiry_id);
	rc = sqlite3_step(st);
	sq_finish(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_fail(db, err, "review_exists");
	*out = rc == SQLITE_ROW;
	return 0;
}

int sq_review_set_due(struct store_conn *c, int64_t id, const char *due_date,
		      struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db, "UPDATE review_items SET due_date = ? WHERE id = ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, due_date);
	sqlite3_bind_int64(st, 2, id);
	return sq_step_done(db, st, err);
}

static void sq_read_handoff_wait(sqlite3_stmt *st, void *out)
{
	struct handoff_wait *w = out;

	w->handoff_id = sqlite3_column_int64(st, 0);
	w->inquiry_id = sqlite3_column_int64(st, 1);
	w->created_at = sqlite3_column_int64(st, 2);
}

static const struct sq_row_kind handoff_wait_rows = {
    sizeof(struct handoff_wait), sq_read_handoff_wait, NULL,
    "handoff_list_waiting"};

/* R1: handoffs still waiting for acknowledgement, made at or before
 * created_before, on open inquiries that are not both bounced and in the
 * reviewer queue already. Oldest first. */
int sq_handoff_list_waiting(struct store_conn *c, int64_t created_before,
			    struct handoff_wait **out, size_t *n,
			    struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	void *list;

	*out = NULL;
	*n = 0;
	if (sq_prepare(db,
		       "SELECT h.id, h.inquiry_id, h.created_at"
		       " FROM inquiry_handoffs h"
		       " JOIN inquiries i ON i.id = h.inquiry_id"
		       " WHERE h.acknowledged_at IS NULL AND h.created_at <= ?"
		       " AND i.status <> 'closed' AND NOT (i.bounced = 1 AND"
		       "  EXISTS (SELECT 1 FROM review_items r"
		       "   WHERE r.kind = 'bounced' AND r.inquiry_id = i.id))"
		       " ORDER BY h.created_at, h.id",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, created_before);
	if (sq_step_rows(db, st, &handoff_wait_rows, 0, &list, n, err) < 0)
		return -1;
	*out = list;
	return 0;
}

int sq_credit_waive(struct store_conn *c, int64_t commitment_id,
		    struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "UPDATE credit_entries SET kind = 'waived'"
		       " WHERE commitment_id = ? AND kind = 'breach'",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, commitment_id);
	return sq_step_done(db, st, err);
}
