/* store_sqlite_case.c - cases and their checklist lines on SQLite. */
#include "store/sqlite/store_sqlite.h"
#include "store/store_columns.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sq_read_case(sqlite3_stmt *st, void *out)
{
	struct case_record *r = out;

	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	sq_column_copy(st, 1, r->no, sizeof(r->no));
	r->version = sqlite3_column_int(st, 2);
	sq_column_copy(st, 3, r->status, sizeof(r->status));
	sq_column_copy(st, 4, r->item_code, sizeof(r->item_code));
	sq_column_copy(st, 5, r->scenario_id, sizeof(r->scenario_id));
	r->inquiry_id = sqlite3_column_int64(st, 6);
	sq_column_copy(st, 7, r->applicant_name, sizeof(r->applicant_name));
	sq_column_copy(st, 8, r->applicant_id_type,
		       sizeof(r->applicant_id_type));
	sq_column_copy(st, 9, r->applicant_id_no, sizeof(r->applicant_id_no));
	sq_column_copy(st, 10, r->applicant_phone, sizeof(r->applicant_phone));
	r->major_project = sqlite3_column_int(st, 11) != 0;
	sq_column_copy(st, 12, r->created_by, sizeof(r->created_by));
	sq_column_copy(st, 13, r->window, sizeof(r->window));
	sq_column_copy(st, 14, r->department, sizeof(r->department));
	r->created_at = sqlite3_column_int64(st, 15);
	r->accepted_at = sqlite3_column_int64(st, 16);
	sq_column_copy(st, 17, r->accepted_by, sizeof(r->accepted_by));
	sq_column_copy(st, 18, r->due_date, sizeof(r->due_date));
	r->due_pending = sqlite3_column_int(st, 19) != 0;
	sq_column_copy(st, 20, r->result, sizeof(r->result));
	r->result_note = sq_column_dup(st, 21);
	r->completed_at = sqlite3_column_int64(st, 22);
	sq_column_copy(st, 23, r->completed_by, sizeof(r->completed_by));
	r->rating_level = sqlite3_column_int(st, 24);
	r->rating_reasons = sq_column_dup(st, 25);
	r->rating_comment = sq_column_dup(st, 26);
	r->rated_at = sqlite3_column_int64(st, 27);
	r->deemed = sqlite3_column_int(st, 28) != 0;
	r->deemed_note = sq_column_dup(st, 29);
	r->withdraw_note = sq_column_dup(st, 30);
	r->closed_at = sqlite3_column_int64(st, 31);
	r->item_json = sq_column_dup(st, 32);
}

/* Binds columns 2.. of CASE_COLUMNS (all but id) to ?1.. */
static void sq_bind_case(sqlite3_stmt *st, const struct case_record *r)
{
	sq_bind_text(st, 1, r->no);
	sqlite3_bind_int(st, 2, r->version);
	sq_bind_text(st, 3, r->status);
	sq_bind_text(st, 4, r->item_code);
	sq_bind_text(st, 5, r->scenario_id);
	sq_bind_opt_int(st, 6, r->inquiry_id);
	sq_bind_text(st, 7, r->applicant_name);
	sq_bind_opt_text(st, 8, r->applicant_id_type);
	sq_bind_opt_text(st, 9, r->applicant_id_no);
	sq_bind_opt_text(st, 10, r->applicant_phone);
	sqlite3_bind_int(st, 11, r->major_project);
	sq_bind_text(st, 12, r->created_by);
	sq_bind_text(st, 13, r->window);
	sq_bind_text(st, 14, r->department);
	sqlite3_bind_int64(st, 15, r->created_at);
	sq_bind_opt_int(st, 16, r->accepted_at);
	sq_bind_opt_text(st, 17, r->accepted_by);
	sq_bind_opt_text(st, 18, r->due_date);
	sqlite3_bind_int(st, 19, r->due_pending);
	sq_bind_opt_text(st, 20, r->result);
	sq_bind_text(st, 21, r->result_note);
	sq_bind_opt_int(st, 22, r->completed_at);
	sq_bind_opt_text(st, 23, r->completed_by);
	sq_bind_opt_int(st, 24, r->rating_level);
	sq_bind_text(st, 25, r->rating_reasons);
	sq_bind_text(st, 26, r->rating_comment);
	sq_bind_opt_int(st, 27, r->rated_at);
	sqlite3_bind_int(st, 28, r->deemed);
	sq_bind_text(st, 29, r->deemed_note);
	sq_bind_text(st, 30, r->withdraw_note);
	sq_bind_opt_int(st, 31, r->closed_at);
}

static int sq_case_lines_write(sqlite3 *db, const struct case_record *r,
			       struct wc_error *err)
{
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db, "DELETE FROM case_lines WHERE case_id = ?", &st,
		       err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	for (size_t i = 0; i < r->n_lines; i++) {
		const struct case_line *l = &r->lines[i];

		if (sq_prepare(db,
			       "INSERT INTO case_lines (case_id, position,"
			       " material_id, state, note, listed_before,"
			       " resubmitted) VALUES (?, ?, ?, ?, ?, ?, ?)",
			       &st, err) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_int(st, 2, (int)i);
		sq_bind_text(st, 3, l->material_id);
		sq_bind_text(st, 4, l->state);
		sq_bind_text(st, 5, l->note);
		sqlite3_bind_int(st, 6, l->listed_before);
		sqlite3_bind_int(st, 7, l->resubmitted);
		if (sq_step_done(db, st, err) < 0)
			return -1;
	}
	return 0;
}

int sq_case_create(struct store_conn *c, struct case_record *r, const char *day,
		   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_next_number(db, "SL", day, r->no, sizeof(r->no), err) < 0)
		return -1;
	if (sq_prepare(db,
		       "INSERT INTO cases (" CASE_COLUMNS ") VALUES (NULL,"
		       " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		       " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_case(st, r);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(db);
	if (r->item_json) {
		if (sq_prepare(db,
			       "UPDATE cases SET item_json = ? WHERE id = ?",
			       &st, err) < 0)
			return -1;
		sq_bind_text(st, 1, r->item_json);
		sqlite3_bind_int64(st, 2, r->id);
		if (sq_step_done(db, st, err) < 0)
			return -1;
	}
	return sq_case_lines_write(db, r, err);
}

static void sq_read_case_line(sqlite3_stmt *st, void *out)
{
	struct case_line *l = out;

	sq_column_copy(st, 0, l->material_id, sizeof(l->material_id));
	sq_column_copy(st, 1, l->state, sizeof(l->state));
	l->note = sq_column_dup(st, 2);
	l->listed_before = sqlite3_column_int(st, 3) != 0;
	l->resubmitted = sqlite3_column_int(st, 4) != 0;
}

static const struct sq_row_kind case_line_rows = {
    sizeof(struct case_line), sq_read_case_line, store_release_case_line,
    "case_lines"};

static int sq_case_lines_read(sqlite3 *db, struct case_record *r,
			      struct wc_error *err)
{
	sqlite3_stmt *st = NULL;
	void *lines;

	if (sq_prepare(db,
		       "SELECT material_id, state, note, listed_before,"
		       " resubmitted FROM case_lines WHERE case_id = ?"
		       " ORDER BY position",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	if (sq_step_rows(db, st, &case_line_rows, 0, &lines, &r->n_lines, err) <
	    0)
		return -1;
	r->lines = lines;
	return 0;
}

int sq_case_get(struct store_conn *c, int64_t id, struct case_record *out,
		struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int rc;

	if (sq_prepare(db,
		       "SELECT " CASE_READ_COLUMNS " FROM cases WHERE id = ?",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sq_step_row(db, st, sq_read_case, out, "case_get", err);
	if (rc == 0 && sq_case_lines_read(db, out, err) < 0) {
		case_record_release(out);
		return -1;
	}
	return rc;
}

int sq_case_update(struct store_conn *c, const struct case_record *r,
		   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int rc;

	if (sq_prepare(
		db,
		"UPDATE cases SET no = ?1, version = ?2, status = ?3,"
		" item_code = ?4, scenario_id = ?5, inquiry_id = ?6,"
		" applicant_name = ?7, applicant_id_type = ?8,"
		" applicant_id_no = ?9, applicant_phone = ?10,"
		" major_project = ?11, created_by = ?12, window_no = ?13,"
		" department = ?14, created_at = ?15, accepted_at = ?16,"
		" accepted_by = ?17, due_date = ?18, due_pending = ?19,"
		" result = ?20, result_note = ?21, completed_at = ?22,"
		" completed_by = ?23, rating_level = ?24, rating_reasons = ?25,"
		" rating_comment = ?26, rated_at = ?27, deemed = ?28,"
		" deemed_note = ?29, withdraw_note = ?30, closed_at = ?31"
		" WHERE id = ?32",
		&st, err) < 0)
		return -1;
	sq_bind_case(st, r);
	sqlite3_bind_int64(st, 32, r->id);
	rc = sq_step_changed(db, st, err);
	return rc ? rc : sq_case_lines_write(db, r, err);
}

static const struct sq_row_kind case_rows = {
    sizeof(struct case_record), sq_read_case, store_release_case, "case_list"};

/* Run a case query; the statement is finalized. */
static int sq_case_rows(sqlite3 *db, sqlite3_stmt *st, int limit,
			struct case_record **out, size_t *n,
			struct wc_error *err)
{
	void *recs;

	if (sq_step_rows(db, st, &case_rows, limit, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

/* The conditions of a case list; id < ?8 and the order are the caller's
 * (on the trigram index's rowid when it leads). */
#define CASE_LIST_FILTER                                                       \
	" ((?1 = 0 AND created_by = ?2) OR (?1 = 1 AND window_no = ?3)"        \
	"  OR (?1 = 2 AND department = ?4) OR ?1 = 3)"                         \
	" AND (?5 IS NULL OR status = ?5)"                                     \
	" AND (?6 IS NULL OR instr(no, ?6) > 0 OR instr(applicant_name, ?6) "  \
	"> 0"                                                                  \
	"  OR instr(upper(applicant_id_no), upper(?6)) > 0"                    \
	"  OR instr(applicant_phone, ?6) > 0)"                                 \
	" AND (?7 IS NULL OR (due_date IS NOT NULL AND due_date < ?7))"

static const char case_list_sql[] =
    "SELECT " CASE_READ_COLUMNS " FROM cases WHERE" CASE_LIST_FILTER
    " AND (?8 = 0 OR id < ?8) ORDER BY id DESC LIMIT ?9";

/* q of three characters or more: the trigram index gives the candidates,
 * newest first, and the same conditions keep the exact ones. */
static const char case_search_sql[] =
    "SELECT " CASE_READ_COLUMNS " FROM cases_search"
    " JOIN cases ON id = cases_search.rowid"
    " WHERE cases_search MATCH " SQ_SEARCH_PHRASE(
	6) " AND" CASE_LIST_FILTER " AND (?8 = 0 OR cases_search.rowid < ?8)"
	   " ORDER BY cases_search.rowid DESC LIMIT ?9";

int sq_case_list(struct store_conn *c, const struct case_query *q,
		 struct case_record **out, size_t *n, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       store_search_indexed(q->q) ? case_search_sql
						  : case_list_sql,
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int(st, 1, (int)q->scope);
	sq_bind_text(st, 2, q->username ? q->username : "");
	sq_bind_text(st, 3, q->window ? q->window : "");
	sq_bind_text(st, 4, q->department ? q->department : "");
	sq_bind_opt_text(st, 5, q->status);
	sq_bind_opt_text(st, 6, q->q);
	sq_bind_opt_text(st, 7, q->due_before);
	sqlite3_bind_int64(st, 8, q->before_id);
	sqlite3_bind_int(st, 9, q->limit > 0 ? q->limit : 50);
	return sq_case_rows(db, st, q->limit, out, n, err);
}

int sq_case_list_due(struct store_conn *c, const char *before_day,
		     struct case_record **out, size_t *n, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT " CASE_READ_COLUMNS " FROM cases WHERE status IN"
		       " ('accepted', 'accepted_tolerant')"
		       " AND due_date IS NOT NULL AND due_date < ?"
		       " ORDER BY due_date, id",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, before_day);
	return sq_case_rows(db, st, 0, out, n, err);
}

int sq_case_list_due_pending(struct store_conn *c, struct case_record **out,
			     size_t *n, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT " CASE_READ_COLUMNS " FROM cases WHERE status IN"
		       " ('accepted', 'accepted_tolerant') AND due_pending = 1"
		       " ORDER BY id",
		       &st, err) < 0)
		return -1;
	return sq_case_rows(db, st, 0, out, n, err);
}
