/* store_sqlite_case_docs.c - notices, commitments, supplements, credit
 * entries and reviewer-queue items on SQLite (R2, R3, R5). */
#include "store/sqlite/store_sqlite.h"
#include "store/store_columns.h"

#include <stdlib.h>
#include <string.h>

int sq_notice_create(struct store_conn *c, struct notice_record *r,
		     const char *day, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (!r->no[0] &&
	    sq_next_number(db, "GZ", day, r->no, sizeof(r->no), err) < 0)
		return -1;
	if (sq_prepare(db,
		       "INSERT INTO notices (no, case_id, items, issued_by,"
		       " window_no, issued_at, text, signature, verify_code,"
		       " once_violation, override_reason)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, r->no);
	sqlite3_bind_int64(st, 2, r->case_id);
	sq_bind_text(st, 3, r->items ? r->items : "[]");
	sq_bind_text(st, 4, r->issued_by);
	sq_bind_text(st, 5, r->window);
	sqlite3_bind_int64(st, 6, r->issued_at);
	sq_bind_text(st, 7, r->text ? r->text : "");
	sq_bind_text(st, 8, r->signature ? r->signature : "");
	sq_bind_text(st, 9, r->verify_code);
	sqlite3_bind_int(st, 10, r->once_violation);
	sq_bind_text(st, 11, r->override_reason);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(db);
	return 0;
}

static void sq_read_notice(sqlite3_stmt *st, void *out)
{
	struct notice_record *r = out;

	r->id = sqlite3_column_int64(st, 0);
	sq_column_copy(st, 1, r->no, sizeof(r->no));
	r->case_id = sqlite3_column_int64(st, 2);
	r->items = sq_column_dup(st, 3);
	sq_column_copy(st, 4, r->issued_by, sizeof(r->issued_by));
	sq_column_copy(st, 5, r->window, sizeof(r->window));
	r->issued_at = sqlite3_column_int64(st, 6);
	r->text = sq_column_dup(st, 7);
	r->signature = sq_column_dup(st, 8);
	sq_column_copy(st, 9, r->verify_code, sizeof(r->verify_code));
	r->once_violation = sqlite3_column_int(st, 10) != 0;
	r->override_reason = sq_column_dup(st, 11);
}

static const struct sq_row_kind notice_rows = {
    sizeof(struct notice_record), sq_read_notice, store_release_notice,
    "notice_list"};

int sq_notice_list(struct store_conn *c, int64_t case_id,
		   struct notice_record **out, size_t *n, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	void *recs;

	if (sq_prepare(db,
		       "SELECT id, no, case_id, items, issued_by, window_no,"
		       " issued_at, text, signature, verify_code,"
		       " once_violation, override_reason FROM notices"
		       " WHERE case_id = ? ORDER BY id",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	if (sq_step_rows(db, st, &notice_rows, 0, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

static void sq_read_commitment(sqlite3_stmt *st, void *out)
{
	struct commitment_record *r = out;

	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	sq_column_copy(st, 1, r->no, sizeof(r->no));
	r->case_id = sqlite3_column_int64(st, 2);
	r->materials = sq_column_dup(st, 3);
	r->deadline_days = sqlite3_column_int(st, 4);
	sq_column_copy(st, 5, r->due_date, sizeof(r->due_date));
	sq_column_copy(st, 6, r->status, sizeof(r->status));
	sq_column_copy(st, 7, r->applicant_name, sizeof(r->applicant_name));
	sq_column_copy(st, 8, r->applicant_id_type,
		       sizeof(r->applicant_id_type));
	sq_column_copy(st, 9, r->applicant_id_no, sizeof(r->applicant_id_no));
	r->confirmation = sq_column_dup(st, 10);
	r->text = sq_column_dup(st, 11);
	r->signature = sq_column_dup(st, 12);
	sq_column_copy(st, 13, r->verify_code, sizeof(r->verify_code));
	sq_column_copy(st, 14, r->created_by, sizeof(r->created_by));
	sq_column_copy(st, 15, r->window, sizeof(r->window));
	sq_column_copy(st, 16, r->department, sizeof(r->department));
	r->created_at = sqlite3_column_int64(st, 17);
	r->closed_at = sqlite3_column_int64(st, 18);
}

int sq_commitment_create(struct store_conn *c, struct commitment_record *r,
			 const char *day, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (!r->no[0] &&
	    sq_next_number(db, "CN", day, r->no, sizeof(r->no), err) < 0)
		return -1;
	if (sq_prepare(db,
		       "INSERT INTO commitments (" COMMITMENT_COLUMNS ")"
		       " VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		       " ?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, r->no);
	sqlite3_bind_int64(st, 2, r->case_id);
	sq_bind_text(st, 3, r->materials ? r->materials : "[]");
	sqlite3_bind_int(st, 4, r->deadline_days);
	sq_bind_opt_text(st, 5, r->due_date);
	sq_bind_text(st, 6, r->status[0] ? r->status : "open");
	sq_bind_text(st, 7, r->applicant_name);
	sq_bind_opt_text(st, 8, r->applicant_id_type);
	sq_bind_opt_text(st, 9, r->applicant_id_no);
	sq_bind_text(st, 10, r->confirmation ? r->confirmation : "");
	sq_bind_text(st, 11, r->text ? r->text : "");
	sq_bind_text(st, 12, r->signature ? r->signature : "");
	sq_bind_text(st, 13, r->verify_code);
	sq_bind_text(st, 14, r->created_by);
	sq_bind_text(st, 15, r->window);
	sq_bind_text(st, 16, r->department);
	sqlite3_bind_int64(st, 17, r->created_at);
	sq_bind_opt_int(st, 18, r->closed_at);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int sq_commitment_get_by_case(struct store_conn *c, int64_t case_id,
			      struct commitment_record *out,
			      struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT " COMMITMENT_COLUMNS
		       " FROM commitments WHERE case_id = ?",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	return sq_step_row(db, st, sq_read_commitment, out, "commitment_get",
			   err);
}

static const struct sq_row_kind commitment_rows = {
    sizeof(struct commitment_record), sq_read_commitment,
    store_release_commitment, "commitment_list_due"};

int sq_commitment_list_due(struct store_conn *c, const char *before_day,
			   struct commitment_record **out, size_t *n,
			   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	void *recs;

	if (sq_prepare(db,
		       "SELECT " COMMITMENT_COLUMNS " FROM commitments"
		       " WHERE status = 'open' AND due_date IS NOT NULL"
		       " AND due_date < ? ORDER BY due_date, id",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, before_day);
	if (sq_step_rows(db, st, &commitment_rows, 0, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

int sq_commitment_set_status(struct store_conn *c, int64_t id,
			     const char *status, int64_t at,
			     struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "UPDATE commitments SET status = ?1, closed_at ="
		       " CASE WHEN ?1 = 'open' THEN NULL ELSE ?2 END"
		       " WHERE id = ?3",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, status);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_int64(st, 3, id);
	return sq_step_changed(db, st, err);
}

int sq_commitment_set_due(struct store_conn *c, int64_t id,
			  const char *due_date, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db, "UPDATE commitments SET due_date = ? WHERE id = ?",
		       &st, err) < 0)
		return -1;
	sq_bind_opt_text(st, 1, due_date);
	sqlite3_bind_int64(st, 2, id);
	return sq_step_changed(db, st, err);
}

int sq_commitment_count(struct store_conn *c, const char *id_type,
			const char *id_no, const char *status, int *out,
			struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT count(*) FROM commitments"
		       " WHERE applicant_id_type = ? AND applicant_id_no = ?"
		       " AND (?3 IS NULL OR status = ?3)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, id_type);
	sq_bind_text(st, 2, id_no);
	sq_bind_text(st, 3, status);
	return sq_step_int(db, st, out, "count", err);
}

int sq_supplement_add(struct store_conn *c, int64_t case_id,
		      int64_t commitment_id, const char *material_id,
		      const char *by, int64_t at, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "INSERT INTO supplements (case_id, commitment_id,"
		       " material_id, created_by, created_at)"
		       " VALUES (?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, case_id);
	sq_bind_opt_int(st, 2, commitment_id);
	sq_bind_text(st, 3, material_id);
	sq_bind_text(st, 4, by);
	sqlite3_bind_int64(st, 5, at);
	return sq_step_done(db, st, err);
}

int sq_credit_add(struct store_conn *c, struct credit_record *r,
		  struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "INSERT INTO credit_entries (id_type, id_no,"
		       " applicant_name, kind, case_id, commitment_id, at,"
		       " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, r->id_type);
	sq_bind_text(st, 2, r->id_no);
	sq_bind_text(st, 3, r->applicant_name);
	sq_bind_text(st, 4, r->kind[0] ? r->kind : "breach");
	sq_bind_opt_int(st, 5, r->case_id);
	sq_bind_opt_int(st, 6, r->commitment_id);
	sqlite3_bind_int64(st, 7, r->at);
	sq_bind_text(st, 8, r->note);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int sq_credit_breaches(struct store_conn *c, const char *id_type,
		       const char *id_no, int64_t since, int *out,
		       struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT count(*) FROM credit_entries WHERE id_type = ?"
		       " AND id_no = ? AND kind = 'breach' AND at >= ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, id_type);
	sq_bind_text(st, 2, id_no);
	sqlite3_bind_int64(st, 3, since);
	return sq_step_int(db, st, out, "count", err);
}

static void sq_read_credit(sqlite3_stmt *st, void *out)
{
	struct credit_record *r = out;

	r->id = sqlite3_column_int64(st, 0);
	sq_column_copy(st, 1, r->id_type, sizeof(r->id_type));
	sq_column_copy(st, 2, r->id_no, sizeof(r->id_no));
	sq_column_copy(st, 3, r->applicant_name, sizeof(r->applicant_name));
	sq_column_copy(st, 4, r->kind, sizeof(r->kind));
	r->case_id = sqlite3_column_int64(st, 5);
	r->commitment_id = sqlite3_column_int64(st, 6);
	r->at = sqlite3_column_int64(st, 7);
	sq_column_copy(st, 8, r->note, sizeof(r->note));
}

static const struct sq_row_kind credit_rows = {
    sizeof(struct credit_record), sq_read_credit, NULL, "credit_list"};

int sq_credit_list(struct store_conn *c, const char *id_type, const char *id_no,
		   int limit, struct credit_record **out, size_t *n,
		   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	void *recs;

	if (sq_prepare(db,
		       "SELECT id, id_type, id_no, applicant_name, kind,"
		       " case_id, commitment_id, at, note FROM credit_entries"
		       " WHERE id_type = ? AND id_no = ? ORDER BY id DESC"
		       " LIMIT ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, id_type);
	sq_bind_text(st, 2, id_no);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	if (sq_step_rows(db, st, &credit_rows, 0, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

int sq_review_add(struct store_conn *c, struct review_record *r,
		  struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (!r->status[0])
		store_copy(r->status, sizeof(r->status), "pending");
	if (sq_prepare(db,
		       "INSERT INTO review_items (kind, case_id, inquiry_id,"
		       " department, window_no, created_at, status, summary,"
		       " decision, comment, decided_by, decided_at, due_date)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, r->kind);
	sq_bind_opt_int(st, 2, r->case_id);
	sq_bind_opt_int(st, 3, r->inquiry_id);
	sq_bind_text(st, 4, r->department);
	sq_bind_text(st, 5, r->window);
	sqlite3_bind_int64(st, 6, r->created_at);
	sq_bind_text(st, 7, r->status);
	sq_bind_text(st, 8, r->summary ? r->summary : "");
	sq_bind_opt_text(st, 9, r->decision);
	sq_bind_text(st, 10, r->comment);
	sq_bind_opt_text(st, 11, r->decided_by);
	sq_bind_opt_int(st, 12, r->decided_at);
	sq_bind_opt_text(st, 13, r->due_date);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int sq_number_next(struct store_conn *c, const char *kind, const char *day,
		   char *out, size_t size, struct wc_error *err)
{
	return sq_next_number(sqlite_conn_of(c)->db, kind, day, out, size, err);
}
