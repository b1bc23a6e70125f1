/* store_pg_review.c - the reviewer queue, what the deadline scheduler
 * looks for (R1, R3-R5) and the statistics aggregates, on PostgreSQL. */
#include "store/pg/store_pg.h"
#include "store/store_columns.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pg_review_add(struct store_conn *c, struct review_record *k,
		  struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO review_items (kind, case_id, inquiry_id, department,"
	    " window_no, created_at, status, summary, decision, comment,"
	    " decided_by, decided_at, due_date) VALUES ($1, $2, $3, $4, $5,"
	    " $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
	struct pgp p = {0};

	if (!k->status[0])
		store_copy(k->status, sizeof(k->status), "pending");
	pgp_text(&p, k->kind);
	pgp_opt_int(&p, k->case_id);
	pgp_opt_int(&p, k->inquiry_id);
	pgp_text(&p, k->department);
	pgp_text(&p, k->window);
	pgp_int(&p, k->created_at);
	pgp_text(&p, k->status);
	pgp_text(&p, k->summary ? k->summary : "");
	pgp_opt_text(&p, k->decision);
	pgp_text(&p, k->comment);
	pgp_opt_text(&p, k->decided_by);
	pgp_opt_int(&p, k->decided_at);
	pgp_opt_text(&p, k->due_date);
	return pg_int(c, sql, &p, &k->id, err);
}

static void pg_review_row(struct pgr *r, void *rec)
{
	struct review_record *out = rec;

	memset(out, 0, sizeof(*out));
	out->id = pgr_int(r);
	pgr_copy(r, out->kind, sizeof(out->kind));
	out->case_id = pgr_int(r);
	out->inquiry_id = pgr_int(r);
	pgr_copy(r, out->department, sizeof(out->department));
	pgr_copy(r, out->window, sizeof(out->window));
	out->created_at = pgr_int(r);
	pgr_copy(r, out->status, sizeof(out->status));
	out->summary = pgr_dup(r);
	pgr_copy(r, out->decision, sizeof(out->decision));
	out->comment = pgr_dup(r);
	pgr_copy(r, out->decided_by, sizeof(out->decided_by));
	out->decided_at = pgr_int(r);
	pgr_copy(r, out->due_date, sizeof(out->due_date));
	pgr_copy(r, out->owner, sizeof(out->owner));
	out->owned_at = pgr_int(r);
	for (int i = 0; i < REVIEW_STEPS; i++)
		out->steps[i] = pgr_dup(r);
}

static const struct pg_row_kind review_rows = {
    sizeof(struct review_record), pg_review_row, store_release_review,
    "review_list"};

int pg_review_list(struct store_conn *c, const struct review_query *q,
		   struct review_record **out, size_t *n, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " REVIEW_COLUMNS " FROM review_items"
	    " WHERE id > $1 AND ($2::text IS NULL OR kind = $2)"
	    " AND ($3::text IS NULL OR status = $3)"
	    " AND ($4::text IS NULL OR department = $4)"
	    " AND ($5 = 0 OR due_date IS NULL OR due_date = '')"
	    " AND ($7::text IS NULL OR owner = $7)"
	    " AND ($8::text IS NULL OR decided_by = $8)"
	    " AND ($9::text IS NULL OR decision = $9)"
	    " AND ($10::text IS NULL OR window_no = $10)"
	    " AND ($11 = 0 OR decided_at >= $11)"
	    " ORDER BY id LIMIT $6";
	struct pgp p = {0};
	void *recs = NULL;

	*out = NULL;
	*n = 0;
	pgp_int(&p, q->after_id);
	pgp_text(&p, q->kind);
	pgp_text(&p, q->status);
	pgp_text(&p, q->department);
	pgp_int(&p, q->undated ? 1 : 0);
	pgp_limit(&p, q->limit);
	pgp_text(&p, q->owner);
	pgp_text(&p, q->decided_by);
	pgp_text(&p, q->decision);
	pgp_text(&p, q->window);
	pgp_int(&p, q->decided_after);
	if (pg_rows(c, sql, &p, &review_rows, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

int pg_review_get(struct store_conn *c, int64_t id, struct review_record *out,
		  struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " REVIEW_COLUMNS " FROM review_items WHERE id = $1";
	struct pgp p = {0};

	pgp_int(&p, id);
	return pg_row(c, sql, &p, pg_review_row, out, err);
}

int pg_review_decide(struct store_conn *c, int64_t id, const char *decision,
		     const char *comment, const char *by, int64_t at,
		     struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE review_items SET status = 'done', decision = $1,"
	    " comment = $2, decided_by = $3, decided_at = $4"
	    " WHERE id = $5 AND status = 'pending'";
	struct pgp p = {0};

	pgp_text(&p, decision);
	pgp_text(&p, comment);
	pgp_text(&p, by);
	pgp_int(&p, at);
	pgp_int(&p, id);
	return pg_changed(c, sql, &p, err);
}

int pg_review_set_owner(struct store_conn *c, int64_t id, const char *expect,
			const char *owner, int64_t at, struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE review_items SET owner = $1,"
	    " owned_at = CASE WHEN $1 = '' THEN NULL ELSE $2 END"
	    " WHERE id = $3 AND status = 'pending'"
	    " AND ($4::text IS NULL OR owner = $4)";
	struct pgp p = {0};

	pgp_text(&p, owner);
	pgp_int(&p, at);
	pgp_int(&p, id);
	pgp_text(&p, expect);
	return pg_changed(c, sql, &p, err);
}

int pg_review_set_step(struct store_conn *c, int64_t id, enum review_step step,
		       const char *text, struct wc_error *err)
{
	/* Fixed SQL per step: the column is never built from input. */
	static const char *const sql[REVIEW_STEPS] = {
	    "UPDATE review_items SET step_verify = $1"
	    " WHERE id = $2 AND status = 'pending'",
	    "UPDATE review_items SET step_fix = $1"
	    " WHERE id = $2 AND status = 'pending'",
	    "UPDATE review_items SET step_feedback = $1"
	    " WHERE id = $2 AND status = 'pending'",
	};
	struct pgp p = {0};

	if ((unsigned)step >= REVIEW_STEPS)
		return wc_error_set(err, "internal", NULL, "review step");
	pgp_text(&p, text);
	pgp_int(&p, id);
	return pg_changed(c, sql[step], &p, err);
}

int pg_review_exists(struct store_conn *c, const char *kind, int64_t case_id,
		     int64_t inquiry_id, bool *out, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT count(*) FROM review_items WHERE kind = $1 AND"
	    " (($2 <> 0 AND case_id = $2) OR ($2 = 0 AND inquiry_id = $3))";
	struct pgp p = {0};
	int64_t n = 0;

	pgp_text(&p, kind);
	pgp_int(&p, case_id);
	pgp_int(&p, inquiry_id);
	if (pg_int(c, sql, &p, &n, err) < 0)
		return -1;
	*out = n > 0;
	return 0;
}

int pg_review_set_due(struct store_conn *c, int64_t id, const char *due_date,
		      struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE review_items SET due_date = $1 WHERE id = $2";
	struct pgp p = {0};

	pgp_text(&p, due_date);
	pgp_int(&p, id);
	return pg_done(c, sql, &p, err);
}

static void pg_read_handoff_wait(struct pgr *r, void *out)
{
	struct handoff_wait *w = out;

	w->handoff_id = pgr_int(r);
	w->inquiry_id = pgr_int(r);
	w->created_at = pgr_int(r);
}

static const struct pg_row_kind handoff_wait_rows = {
    sizeof(struct handoff_wait), pg_read_handoff_wait, NULL,
    "handoff_list_waiting"};

int pg_handoff_list_waiting(struct store_conn *c, int64_t created_before,
			    struct handoff_wait **out, size_t *n,
			    struct wc_error *err)
{
	static const char sql[] =
	    "SELECT h.id, h.inquiry_id, h.created_at FROM inquiry_handoffs h"
	    " JOIN inquiries i ON i.id = h.inquiry_id"
	    " WHERE h.acknowledged_at IS NULL AND h.created_at <= $1"
	    " AND i.status <> 'closed' AND NOT (i.bounced = 1 AND"
	    "  EXISTS (SELECT 1 FROM review_items r"
	    "   WHERE r.kind = 'bounced' AND r.inquiry_id = i.id))"
	    " ORDER BY h.created_at, h.id";
	struct pgp p = {0};
	void *list = NULL;

	*out = NULL;
	*n = 0;
	pgp_int(&p, created_before);
	if (pg_rows(c, sql, &p, &handoff_wait_rows, &list, n, err) < 0)
		return -1;
	*out = list;
	return 0;
}
