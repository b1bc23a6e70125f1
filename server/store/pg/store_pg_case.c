/* store_pg_case.c - cases and their checklist lines on PostgreSQL. */
#include "store/pg/store_pg.h"
#include "store/store_columns.h"

#include <stdlib.h>
#include <string.h>

static void pg_read_case(struct pgr *r, void *out)
{
	struct case_record *k = out;

	memset(k, 0, sizeof(*k));
	k->id = pgr_int(r);
	pgr_copy(r, k->no, sizeof(k->no));
	k->version = (int)pgr_int(r);
	pgr_copy(r, k->status, sizeof(k->status));
	pgr_copy(r, k->item_code, sizeof(k->item_code));
	pgr_copy(r, k->scenario_id, sizeof(k->scenario_id));
	k->inquiry_id = pgr_int(r);
	pgr_copy(r, k->applicant_name, sizeof(k->applicant_name));
	pgr_copy(r, k->applicant_id_type, sizeof(k->applicant_id_type));
	pgr_copy(r, k->applicant_id_no, sizeof(k->applicant_id_no));
	pgr_copy(r, k->applicant_phone, sizeof(k->applicant_phone));
	k->major_project = pgr_int(r) != 0;
	pgr_copy(r, k->created_by, sizeof(k->created_by));
	pgr_copy(r, k->window, sizeof(k->window));
	pgr_copy(r, k->department, sizeof(k->department));
	k->created_at = pgr_int(r);
	k->accepted_at = pgr_int(r);
	pgr_copy(r, k->accepted_by, sizeof(k->accepted_by));
	pgr_copy(r, k->due_date, sizeof(k->due_date));
	k->due_pending = pgr_int(r) != 0;
	pgr_copy(r, k->result, sizeof(k->result));
	k->result_note = pgr_dup(r);
	k->completed_at = pgr_int(r);
	pgr_copy(r, k->completed_by, sizeof(k->completed_by));
	k->rating_level = (int)pgr_int(r);
	k->rating_reasons = pgr_dup(r);
	k->rating_comment = pgr_dup(r);
	k->rated_at = pgr_int(r);
	k->deemed = pgr_int(r) != 0;
	k->deemed_note = pgr_dup(r);
	k->withdraw_note = pgr_dup(r);
	k->closed_at = pgr_int(r);
	k->item_json = pgr_dup(r);
}

/* Columns 2.. of CASE_COLUMNS (all but id) as $1..$31. */
static void pg_params_case(struct pgp *p, const struct case_record *k)
{
	pgp_text(p, k->no);
	pgp_int(p, k->version);
	pgp_text(p, k->status);
	pgp_text(p, k->item_code);
	pgp_text(p, k->scenario_id);
	pgp_opt_int(p, k->inquiry_id);
	pgp_text(p, k->applicant_name);
	pgp_opt_text(p, k->applicant_id_type);
	pgp_opt_text(p, k->applicant_id_no);
	pgp_opt_text(p, k->applicant_phone);
	pgp_int(p, k->major_project);
	pgp_text(p, k->created_by);
	pgp_text(p, k->window);
	pgp_text(p, k->department);
	pgp_int(p, k->created_at);
	pgp_opt_int(p, k->accepted_at);
	pgp_opt_text(p, k->accepted_by);
	pgp_opt_text(p, k->due_date);
	pgp_int(p, k->due_pending);
	pgp_opt_text(p, k->result);
	pgp_text(p, k->result_note);
	pgp_opt_int(p, k->completed_at);
	pgp_opt_text(p, k->completed_by);
	pgp_opt_int(p, k->rating_level);
	pgp_text(p, k->rating_reasons);
	pgp_text(p, k->rating_comment);
	pgp_opt_int(p, k->rated_at);
	pgp_int(p, k->deemed);
	pgp_text(p, k->deemed_note);
	pgp_text(p, k->withdraw_note);
	pgp_opt_int(p, k->closed_at);
}

static int pg_case_lines_write(struct store_conn *c,
			       const struct case_record *k,
			       struct wc_error *err)
{
	static const char delete_sql[] =
	    "DELETE FROM case_lines WHERE case_id = $1";
	static const char insert_sql[] =
	    "INSERT INTO case_lines (case_id, position, material_id, state,"
	    " note, listed_before, resubmitted)"
	    " VALUES ($1, $2, $3, $4, $5, $6, $7)";
	struct pgp d = {0};

	pgp_int(&d, k->id);
	if (pg_done(c, delete_sql, &d, err) < 0)
		return -1;
	for (size_t i = 0; i < k->n_lines; i++) {
		const struct case_line *l = &k->lines[i];
		struct pgp p = {0};

		pgp_int(&p, k->id);
		pgp_int(&p, (int64_t)i);
		pgp_text(&p, l->material_id);
		pgp_text(&p, l->state);
		pgp_text(&p, l->note);
		pgp_int(&p, l->listed_before);
		pgp_int(&p, l->resubmitted);
		if (pg_done(c, insert_sql, &p, err) < 0)
			return -1;
	}
	return 0;
}

int pg_case_create(struct store_conn *c, struct case_record *k, const char *day,
		   struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO cases (" CASE_COLUMNS ", item_json) VALUES (DEFAULT,"
	    " $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
	    " $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26,"
	    " $27, $28, $29, $30, $31, $32) RETURNING id";
	struct pgp p = {0};

	if (pg_next_number(c, "SL", day, k->no, sizeof(k->no), err) < 0)
		return -1;
	pg_params_case(&p, k);
	pgp_text(&p, k->item_json);
	if (pg_int(c, sql, &p, &k->id, err) < 0)
		return -1;
	return pg_case_lines_write(c, k, err);
}

static void pg_read_case_line(struct pgr *r, void *out)
{
	struct case_line *l = out;

	pgr_copy(r, l->material_id, sizeof(l->material_id));
	pgr_copy(r, l->state, sizeof(l->state));
	l->note = pgr_dup(r);
	l->listed_before = pgr_int(r) != 0;
	l->resubmitted = pgr_int(r) != 0;
}

static const struct pg_row_kind case_line_rows = {
    sizeof(struct case_line), pg_read_case_line, store_release_case_line,
    "case_lines"};

int pg_case_get(struct store_conn *c, int64_t id, struct case_record *out,
		struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " CASE_READ_COLUMNS " FROM cases WHERE id = $1";
	static const char lines_sql[] =
	    "SELECT material_id, state, note, listed_before, resubmitted"
	    " FROM case_lines WHERE case_id = $1 ORDER BY position";
	struct pgp p = {0};
	void *lines = NULL;
	int rc;

	pgp_int(&p, id);
	rc = pg_row(c, sql, &p, pg_read_case, out, err);
	if (rc != 0)
		return rc;
	if (pg_rows(c, lines_sql, &p, &case_line_rows, &lines, &out->n_lines,
		    err) < 0) {
		case_record_release(out);
		return -1;
	}
	out->lines = lines;
	return 0;
}

int pg_case_update(struct store_conn *c, const struct case_record *k,
		   struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE cases SET no = $1, version = $2, status = $3,"
	    " item_code = $4, scenario_id = $5, inquiry_id = $6,"
	    " applicant_name = $7, applicant_id_type = $8,"
	    " applicant_id_no = $9, applicant_phone = $10,"
	    " major_project = $11, created_by = $12, window_no = $13,"
	    " department = $14, created_at = $15, accepted_at = $16,"
	    " accepted_by = $17, due_date = $18, due_pending = $19,"
	    " result = $20, result_note = $21, completed_at = $22,"
	    " completed_by = $23, rating_level = $24, rating_reasons = $25,"
	    " rating_comment = $26, rated_at = $27, deemed = $28,"
	    " deemed_note = $29, withdraw_note = $30, closed_at = $31"
	    " WHERE id = $32";
	struct pgp p = {0};
	int rc;

	pg_params_case(&p, k);
	pgp_int(&p, k->id);
	rc = pg_changed(c, sql, &p, err);
	return rc ? rc : pg_case_lines_write(c, k, err);
}

static const struct pg_row_kind case_rows = {
    sizeof(struct case_record), pg_read_case, store_release_case, "case_list"};

static int pg_case_rows(struct store_conn *c, const char *sql,
			const struct pgp *p, struct case_record **out,
			size_t *n, struct wc_error *err)
{
	void *recs = NULL;

	if (pg_rows(c, sql, p, &case_rows, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

#define CASE_LIST_WHERE(match)                                                 \
	" (($1 = 0 AND created_by = $2) OR ($1 = 1 AND window_no = $3)"        \
	"  OR ($1 = 2 AND department = $4) OR $1 = 3)"                         \
	" AND ($5::text IS NULL OR status = $5)"                               \
	" AND ($6::text IS NULL OR " match ")"                                 \
	" AND ($7::text IS NULL OR (due_date IS NOT NULL AND due_date < $7))"  \
	" AND ($8 = 0 OR id < $8) ORDER BY id DESC LIMIT $9"

static const char case_list_sql[] =
    "SELECT " CASE_READ_COLUMNS " FROM cases WHERE" CASE_LIST_WHERE(
	"strpos(no, $6) > 0 OR strpos(applicant_name, $6) > 0"
	" OR strpos(upper(applicant_id_no), upper($6)) > 0"
	" OR strpos(applicant_phone, $6) > 0");

/* q of three characters or more: the same rows through the trigram
 * indexes (schema step 12), planned for q at every run
 * (pg_rows_planned). */
static const char case_search_sql[] =
    "SELECT " CASE_READ_COLUMNS
    " FROM cases WHERE" CASE_LIST_WHERE(PG_SEARCH_MATCH(6));

int pg_case_list(struct store_conn *c, const struct case_query *q,
		 struct case_record **out, size_t *n, struct wc_error *err)
{
	struct pgp p = {0};

	pgp_int(&p, (int)q->scope);
	pgp_text(&p, q->username ? q->username : "");
	pgp_text(&p, q->window ? q->window : "");
	pgp_text(&p, q->department ? q->department : "");
	pgp_opt_text(&p, q->status);
	pgp_opt_text(&p, q->q);
	pgp_opt_text(&p, q->due_before);
	pgp_int(&p, q->before_id);
	pgp_int(&p, q->limit > 0 ? q->limit : 50);
	if (store_search_indexed(q->q)) {
		void *recs = NULL;

		if (pg_rows_planned(c, case_search_sql, &p, &case_rows, &recs,
				    n, err) < 0)
			return -1;
		*out = recs;
		return 0;
	}
	return pg_case_rows(c, case_list_sql, &p, out, n, err);
}

int pg_case_list_due(struct store_conn *c, const char *before_day,
		     struct case_record **out, size_t *n, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " CASE_READ_COLUMNS " FROM cases WHERE status IN"
	    " ('accepted', 'accepted_tolerant')"
	    " AND due_date IS NOT NULL AND due_date < $1"
	    " ORDER BY due_date, id";
	struct pgp p = {0};

	pgp_text(&p, before_day);
	return pg_case_rows(c, sql, &p, out, n, err);
}

int pg_case_list_due_pending(struct store_conn *c, struct case_record **out,
			     size_t *n, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " CASE_READ_COLUMNS " FROM cases WHERE status IN"
	    " ('accepted', 'accepted_tolerant') AND due_pending = 1"
	    " ORDER BY id";

	return pg_case_rows(c, sql, NULL, out, n, err);
}
