/* store_pg_docs.c - notices, commitments, supplements and credit entries
 * (R2, R3) on PostgreSQL. */
#include "store/pg/store_pg.h"
#include "store/store_columns.h"

#include <stdlib.h>
#include <string.h>

int pg_notice_create(struct store_conn *c, struct notice_record *k,
		     const char *day, struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO notices (no, case_id, items, issued_by, window_no,"
	    " issued_at, text, signature, verify_code, once_violation,"
	    " override_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
	    " $10, $11) RETURNING id";
	struct pgp p = {0};

	if (!k->no[0] &&
	    pg_next_number(c, "GZ", day, k->no, sizeof(k->no), err) < 0)
		return -1;
	pgp_text(&p, k->no);
	pgp_int(&p, k->case_id);
	pgp_text(&p, k->items ? k->items : "[]");
	pgp_text(&p, k->issued_by);
	pgp_text(&p, k->window);
	pgp_int(&p, k->issued_at);
	pgp_text(&p, k->text ? k->text : "");
	pgp_text(&p, k->signature ? k->signature : "");
	pgp_text(&p, k->verify_code);
	pgp_int(&p, k->once_violation);
	pgp_text(&p, k->override_reason);
	return pg_int(c, sql, &p, &k->id, err);
}

static void pg_read_notice(struct pgr *r, void *out)
{
	struct notice_record *k = out;

	k->id = pgr_int(r);
	pgr_copy(r, k->no, sizeof(k->no));
	k->case_id = pgr_int(r);
	k->items = pgr_dup(r);
	pgr_copy(r, k->issued_by, sizeof(k->issued_by));
	pgr_copy(r, k->window, sizeof(k->window));
	k->issued_at = pgr_int(r);
	k->text = pgr_dup(r);
	k->signature = pgr_dup(r);
	pgr_copy(r, k->verify_code, sizeof(k->verify_code));
	k->once_violation = pgr_int(r) != 0;
	k->override_reason = pgr_dup(r);
}

static const struct pg_row_kind notice_rows = {
    sizeof(struct notice_record), pg_read_notice, store_release_notice,
    "notice_list"};

int pg_notice_list(struct store_conn *c, int64_t case_id,
		   struct notice_record **out, size_t *n, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT id, no, case_id, items, issued_by, window_no, issued_at,"
	    " text, signature, verify_code, once_violation, override_reason"
	    " FROM notices WHERE case_id = $1 ORDER BY id";
	struct pgp p = {0};
	void *recs = NULL;

	pgp_int(&p, case_id);
	if (pg_rows(c, sql, &p, &notice_rows, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

static void pg_read_commitment(struct pgr *r, void *out)
{
	struct commitment_record *k = out;

	memset(k, 0, sizeof(*k));
	k->id = pgr_int(r);
	pgr_copy(r, k->no, sizeof(k->no));
	k->case_id = pgr_int(r);
	k->materials = pgr_dup(r);
	k->deadline_days = (int)pgr_int(r);
	pgr_copy(r, k->due_date, sizeof(k->due_date));
	pgr_copy(r, k->status, sizeof(k->status));
	pgr_copy(r, k->applicant_name, sizeof(k->applicant_name));
	pgr_copy(r, k->applicant_id_type, sizeof(k->applicant_id_type));
	pgr_copy(r, k->applicant_id_no, sizeof(k->applicant_id_no));
	k->confirmation = pgr_dup(r);
	k->text = pgr_dup(r);
	k->signature = pgr_dup(r);
	pgr_copy(r, k->verify_code, sizeof(k->verify_code));
	pgr_copy(r, k->created_by, sizeof(k->created_by));
	pgr_copy(r, k->window, sizeof(k->window));
	pgr_copy(r, k->department, sizeof(k->department));
	k->created_at = pgr_int(r);
	k->closed_at = pgr_int(r);
}

int pg_commitment_create(struct store_conn *c, struct commitment_record *k,
			 const char *day, struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO commitments (" COMMITMENT_COLUMNS ") VALUES (DEFAULT,"
	    " $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
	    " $15, $16, $17, $18) RETURNING id";
	struct pgp p = {0};

	if (!k->no[0] &&
	    pg_next_number(c, "CN", day, k->no, sizeof(k->no), err) < 0)
		return -1;
	pgp_text(&p, k->no);
	pgp_int(&p, k->case_id);
	pgp_text(&p, k->materials ? k->materials : "[]");
	pgp_int(&p, k->deadline_days);
	pgp_opt_text(&p, k->due_date);
	pgp_text(&p, k->status[0] ? k->status : "open");
	pgp_text(&p, k->applicant_name);
	pgp_opt_text(&p, k->applicant_id_type);
	pgp_opt_text(&p, k->applicant_id_no);
	pgp_text(&p, k->confirmation ? k->confirmation : "");
	pgp_text(&p, k->text ? k->text : "");
	pgp_text(&p, k->signature ? k->signature : "");
	pgp_text(&p, k->verify_code);
	pgp_text(&p, k->created_by);
	pgp_text(&p, k->window);
	pgp_text(&p, k->department);
	pgp_int(&p, k->created_at);
	pgp_opt_int(&p, k->closed_at);
	return pg_int(c, sql, &p, &k->id, err);
}

int pg_commitment_get_by_case(struct store_conn *c, int64_t case_id,
			      struct commitment_record *out,
			      struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " COMMITMENT_COLUMNS " FROM commitments WHERE case_id = $1";
	struct pgp p = {0};

	pgp_int(&p, case_id);
	return pg_row(c, sql, &p, pg_read_commitment, out, err);
}

static const struct pg_row_kind commitment_rows = {
    sizeof(struct commitment_record), pg_read_commitment,
    store_release_commitment, "commitment_list_due"};

int pg_commitment_list_due(struct store_conn *c, const char *before_day,
			   struct commitment_record **out, size_t *n,
			   struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " COMMITMENT_COLUMNS " FROM commitments"
	    " WHERE status = 'open' AND due_date IS NOT NULL"
	    " AND due_date < $1 ORDER BY due_date, id";
	struct pgp p = {0};
	void *recs = NULL;

	pgp_text(&p, before_day);
	if (pg_rows(c, sql, &p, &commitment_rows, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

int pg_commitment_set_status(struct store_conn *c, int64_t id,
			     const char *status, int64_t at,
			     struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE commitments SET status = $1, closed_at ="
	    " CASE WHEN $1 = 'open' THEN NULL ELSE $2 END WHERE id = $3";
	struct pgp p = {0};

	pgp_text(&p, status);
	pgp_int(&p, at);
	pgp_int(&p, id);
	return pg_changed(c, sql, &p, err);
}

int pg_commitment_set_due(struct store_conn *c, int64_t id,
			  const char *due_date, struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE commitments SET due_date = $1 WHERE id = $2";
	struct pgp p = {0};

	pgp_opt_text(&p, due_date);
	pgp_int(&p, id);
	return pg_changed(c, sql, &p, err);
}

int pg_commitment_count(struct store_conn *c, const char *id_type,
			const char *id_no, const char *status, int *out,
			struct wc_error *err)
{
	static const char sql[] =
	    "SELECT count(*) FROM commitments WHERE applicant_id_type = $1"
	    " AND applicant_id_no = $2 AND ($3::text IS NULL OR status = $3)";
	struct pgp p = {0};

	pgp_text(&p, id_type);
	pgp_text(&p, id_no);
	pgp_text(&p, status);
	return pg_int32(c, sql, &p, out, err);
}

int pg_supplement_add(struct store_conn *c, int64_t case_id,
		      int64_t commitment_id, const char *material_id,
		      const char *by, int64_t at, struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO supplements (case_id, commitment_id, material_id,"
	    " created_by, created_at) VALUES ($1, $2, $3, $4, $5)";
	struct pgp p = {0};

	pgp_int(&p, case_id);
	pgp_opt_int(&p, commitment_id);
	pgp_text(&p, material_id);
	pgp_text(&p, by);
	pgp_int(&p, at);
	return pg_done(c, sql, &p, err);
}

int pg_credit_add(struct store_conn *c, struct credit_record *k,
		  struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO credit_entries (id_type, id_no, applicant_name, kind,"
	    " case_id, commitment_id, at, note)"
	    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
	struct pgp p = {0};

	pgp_text(&p, k->id_type);
	pgp_text(&p, k->id_no);
	pgp_text(&p, k->applicant_name);
	pgp_text(&p, k->kind[0] ? k->kind : "breach");
	pgp_opt_int(&p, k->case_id);
	pgp_opt_int(&p, k->commitment_id);
	pgp_int(&p, k->at);
	pgp_text(&p, k->note);
	return pg_int(c, sql, &p, &k->id, err);
}

int pg_credit_breaches(struct store_conn *c, const char *id_type,
		       const char *id_no, int64_t since, int *out,
		       struct wc_error *err)
{
	static const char sql[] =
	    "SELECT count(*) FROM credit_entries WHERE id_type = $1"
	    " AND id_no = $2 AND kind = 'breach' AND at >= $3";
	struct pgp p = {0};

	pgp_text(&p, id_type);
	pgp_text(&p, id_no);
	pgp_int(&p, since);
	return pg_int32(c, sql, &p, out, err);
}

static void pg_read_credit(struct pgr *r, void *out)
{
	struct credit_record *k = out;

	k->id = pgr_int(r);
	pgr_copy(r, k->id_type, sizeof(k->id_type));
	pgr_copy(r, k->id_no, sizeof(k->id_no));
	pgr_copy(r, k->applicant_name, sizeof(k->applicant_name));
	pgr_copy(r, k->kind, sizeof(k->kind));
	k->case_id = pgr_int(r);
	k->commitment_id = pgr_int(r);
	k->at = pgr_int(r);
	pgr_copy(r, k->note, sizeof(k->note));
}

static const struct pg_row_kind credit_rows = {
    sizeof(struct credit_record), pg_read_credit, NULL, "credit_list"};

int pg_credit_list(struct store_conn *c, const char *id_type, const char *id_no,
		   int limit, struct credit_record **out, size_t *n,
		   struct wc_error *err)
{
	static const char sql[] =
	    "SELECT id, id_type, id_no, applicant_name, kind, case_id,"
	    " commitment_id, at, note FROM credit_entries"
	    " WHERE id_type = $1 AND id_no = $2 ORDER BY id DESC LIMIT $3";
	struct pgp p = {0};
	void *recs = NULL;

	pgp_text(&p, id_type);
	pgp_text(&p, id_no);
	pgp_limit(&p, limit);
	if (pg_rows(c, sql, &p, &credit_rows, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

int pg_credit_waive(struct store_conn *c, int64_t commitment_id,
		    struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE credit_entries SET kind = 'waived'"
	    " WHERE commitment_id = $1 AND kind = 'breach'";
	struct pgp p = {0};

	pgp_int(&p, commitment_id);
	return pg_done(c, sql, &p, err);
}

int pg_number_next(struct store_conn *c, const char *kind, const char *day,
		   char *out, size_t size, struct wc_error *err)
{
	return pg_next_number(c, kind, day, out, size, err);
}
