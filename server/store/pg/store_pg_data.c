/* store_pg_data.c - catalog items, calendar years, inquiries and their
 * handoffs (R1) on PostgreSQL. */
#include "store/pg/store_pg.h"
#include "store/store_columns.h"

#include <stdlib.h>
#include <string.h>

static int pg_blobs_visit(struct store_conn *c, const char *sql,
			  store_text_visitor visit, void *ctx,
			  struct wc_error *err)
{
	PGresult *res = pg_run(c, sql, NULL, err);
	int rc = 0;

	if (!res)
		return -1;
	for (int i = 0; rc == 0 && i < PQntuples(res); i++)
		rc = visit(ctx, PQgetvalue(res, i, 0), err) < 0 ? -1 : 0;
	PQclear(res);
	return rc;
}

int pg_catalog_item_put(struct store_conn *c, const char *code,
			const char *json_text, int64_t now,
			struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO catalog_items (code, json, updated_at)"
	    " VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE"
	    " SET json = EXCLUDED.json, updated_at = EXCLUDED.updated_at";
	struct pgp p = {0};

	pgp_text(&p, code);
	pgp_text(&p, json_text);
	pgp_int(&p, now);
	return pg_done(c, sql, &p, err);
}

int pg_catalog_items_visit(struct store_conn *c, store_text_visitor visit,
			   void *ctx, struct wc_error *err)
{
	return pg_blobs_visit(c, "SELECT json FROM catalog_items ORDER BY code",
			      visit, ctx, err);
}

/* Issue 13.5: where handoffs can go (store.h handoff_targets_visit). */
int pg_handoff_targets_visit(struct store_conn *c, bool departments,
			     store_text_visitor visit, void *ctx,
			     struct wc_error *err)
{
	return pg_blobs_visit(
	    c,
	    departments ? "SELECT DISTINCT department FROM users"
			  " WHERE department <> '' ORDER BY department"
			: "SELECT windows FROM users WHERE windows <> ''"
			  " AND role IN ('clerk', 'trainee') ORDER BY username",
	    visit, ctx, err);
}

int pg_calendar_year_put(struct store_conn *c, int year, const char *json_text,
			 int64_t now, struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO calendar_years (year, json, updated_at)"
	    " VALUES ($1, $2, $3) ON CONFLICT (year) DO UPDATE"
	    " SET json = EXCLUDED.json, updated_at = EXCLUDED.updated_at";
	struct pgp p = {0};

	pgp_int(&p, year);
	pgp_text(&p, json_text);
	pgp_int(&p, now);
	return pg_done(c, sql, &p, err);
}

int pg_calendar_years_visit(struct store_conn *c, store_text_visitor visit,
			    void *ctx, struct wc_error *err)
{
	return pg_blobs_visit(c,
			      "SELECT json FROM calendar_years ORDER BY year",
			      visit, ctx, err);
}

static void pg_read_inquiry(struct pgr *r, void *out)
{
	struct inquiry_record *q = out;

	memset(q, 0, sizeof(*q));
	q->id = pgr_int(r);
	pgr_copy(r, q->no, sizeof(q->no));
	q->version = (int)pgr_int(r);
	pgr_copy(r, q->status, sizeof(q->status));
	pgr_copy(r, q->first_responder, sizeof(q->first_responder));
	pgr_copy(r, q->window, sizeof(q->window));
	pgr_copy(r, q->department, sizeof(q->department));
	q->created_at = pgr_int(r);
	pgr_copy(r, q->channel, sizeof(q->channel));
	q->topic = pgr_dup(r);
	q->item_code = pgr_dup(r);
	q->applicant_name = pgr_dup(r);
	q->applicant_id_type = pgr_dup(r);
	q->applicant_id_no = pgr_dup(r);
	q->applicant_phone = pgr_dup(r);
	q->bounced = pgr_int(r) != 0;
	q->resolution = pgr_dup(r);
	q->note = pgr_dup(r);
	q->case_id = pgr_int(r);
}

int pg_inquiry_create(struct store_conn *c, struct inquiry_record *q,
		      const char *day, struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO inquiries (no, version, status, first_responder,"
	    " window_no, department, created_at, channel, topic, item_code,"
	    " applicant_name, applicant_id_type, applicant_id_no,"
	    " applicant_phone, bounced) VALUES ($1, $2, $3, $4, $5, $6, $7,"
	    " $8, $9, $10, $11, $12, $13, $14, 0) RETURNING id";
	struct pgp p = {0};

	/* R1 numbers are per server-local day. */
	if (pg_next_number(c, "SW", day, q->no, sizeof(q->no), err) < 0)
		return -1;
	pgp_text(&p, q->no);
	pgp_int(&p, q->version);
	pgp_text(&p, q->status);
	pgp_text(&p, q->first_responder);
	pgp_text(&p, q->window);
	pgp_text(&p, q->department);
	pgp_int(&p, q->created_at);
	pgp_text(&p, q->channel);
	pgp_text(&p, q->topic);
	pgp_text(&p, q->item_code);
	pgp_text(&p, q->applicant_name);
	pgp_text(&p, q->applicant_id_type);
	pgp_text(&p, q->applicant_id_no);
	pgp_text(&p, q->applicant_phone);
	return pg_int(c, sql, &p, &q->id, err);
}

int pg_inquiry_get(struct store_conn *c, int64_t id, struct inquiry_record *out,
		   struct wc_error *err)
{
	static const char sql[] =
	    "SELECT " INQUIRY_COLUMNS " FROM inquiries WHERE id = $1";
	struct pgp p = {0};

	pgp_int(&p, id);
	return pg_row(c, sql, &p, pg_read_inquiry, out, err);
}

int pg_inquiry_handed_to(struct store_conn *c, int64_t id, const char *window,
			 const char *department, bool *out,
			 struct wc_error *err)
{
	static const char sql[] =
	    "SELECT count(*) FROM inquiry_handoffs"
	    " WHERE inquiry_id = $1 AND acknowledged_at IS NULL"
	    " AND (($2 <> '' AND to_window = $2)"
	    " OR ($3 <> '' AND to_department = $3))";
	struct pgp p = {0};
	int64_t count = 0;

	pgp_int(&p, id);
	pgp_text(&p, window ? window : "");
	pgp_text(&p, department ? department : "");
	if (pg_int(c, sql, &p, &count, err) < 0)
		return -1;
	*out = count > 0;
	return 0;
}

/* R1: "mine" is what I registered, what waits for my acknowledgement, and
 * what I hold (the last acknowledged handoff is to me). */
#define INQUIRY_LIST_WHERE(match)                                              \
	" (($1 = 0 AND (first_responder = $2 OR id IN"                         \
	"   (SELECT inquiry_id FROM inquiry_handoffs h"                        \
	"    WHERE (($3 <> '' AND to_window = $3)"                             \
	"     OR ($4 <> '' AND to_department = $4))"                           \
	"    AND (acknowledged_at IS NULL OR id ="                             \
	"     (SELECT max(id) FROM inquiry_handoffs g"                         \
	"      WHERE g.inquiry_id = h.inquiry_id"                              \
	"      AND g.acknowledged_at IS NOT NULL)))))"                         \
	"  OR ($1 = 1 AND window_no = $3) OR $1 = 2)"                          \
	" AND ($5::text IS NULL OR status = $5) AND ($6 = 0 OR id < $6)"       \
	" AND ($8::text IS NULL OR " match ") ORDER BY id DESC LIMIT $7"

static const char inquiry_list_sql[] =
    "SELECT " INQUIRY_COLUMNS " FROM inquiries WHERE" INQUIRY_LIST_WHERE(
	"strpos(no, $8) > 0 OR strpos(applicant_name, $8) > 0"
	" OR strpos(upper(applicant_id_no), upper($8)) > 0"
	" OR strpos(applicant_phone, $8) > 0");

/* q of three characters or more: through the trigram indexes (planned
 * for q at every run: pg_rows_planned). */
static const char inquiry_search_sql[] =
    "SELECT " INQUIRY_COLUMNS
    " FROM inquiries WHERE" INQUIRY_LIST_WHERE(PG_SEARCH_MATCH(8));

static const struct pg_row_kind inquiry_rows = {
    sizeof(struct inquiry_record), pg_read_inquiry, store_release_inquiry,
    "inquiry_list"};

int pg_inquiry_list(struct store_conn *c, const struct inquiry_query *q,
		    struct inquiry_record **out, size_t *n,
		    struct wc_error *err)
{
	struct pgp p = {0};
	void *recs = NULL;

	pgp_int(&p, (int)q->scope);
	pgp_text(&p, q->username ? q->username : "");
	pgp_text(&p, q->window ? q->window : "");
	pgp_text(&p, q->department ? q->department : "");
	pgp_text(&p, q->status);
	pgp_int(&p, q->before_id);
	pgp_limit(&p, q->limit);
	pgp_opt_text(&p, q->q);
	if ((store_search_indexed(q->q)
		 ? pg_rows_planned(c, inquiry_search_sql, &p, &inquiry_rows,
				   &recs, n, err)
		 : pg_rows(c, inquiry_list_sql, &p, &inquiry_rows, &recs, n,
			   err)) < 0)
		return -1;
	*out = recs;
	return 0;
}

int pg_inquiry_update(struct store_conn *c, const struct inquiry_record *q,
		      struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE inquiries SET version = $1, status = $2, bounced = $3,"
	    " resolution = $4, note = $5, case_id = $6 WHERE id = $7";
	struct pgp p = {0};

	pgp_int(&p, q->version);
	pgp_text(&p, q->status);
	pgp_int(&p, q->bounced ? 1 : 0);
	pgp_text(&p, q->resolution);
	pgp_text(&p, q->note);
	pgp_opt_int(&p, q->case_id);
	pgp_int(&p, q->id);
	return pg_changed(c, sql, &p, err);
}

static void pg_read_handoff(struct pgr *r, void *out)
{
	struct handoff_record *h = out;

	h->id = pgr_int(r);
	h->inquiry_id = pgr_int(r);
	pgr_copy(r, h->to_window, sizeof(h->to_window));
	pgr_copy(r, h->to_department, sizeof(h->to_department));
	h->reason = pgr_dup(r);
	pgr_copy(r, h->created_by, sizeof(h->created_by));
	h->created_at = pgr_int(r);
	pgr_copy(r, h->acknowledged_by, sizeof(h->acknowledged_by));
	h->acknowledged_at = pgr_int(r);
}

static const struct pg_row_kind handoff_rows = {
    sizeof(struct handoff_record), pg_read_handoff, store_release_handoff,
    "inquiry_handoffs"};

int pg_inquiry_handoffs(struct store_conn *c, int64_t inquiry_id,
			struct handoff_record **out, size_t *n,
			struct wc_error *err)
{
	static const char sql[] =
	    "SELECT id, inquiry_id, to_window, to_department, reason,"
	    " created_by, created_at, acknowledged_by, acknowledged_at"
	    " FROM inquiry_handoffs WHERE inquiry_id = $1 ORDER BY id";
	struct pgp p = {0};
	void *recs = NULL;

	*out = NULL;
	*n = 0;
	pgp_int(&p, inquiry_id);
	if (pg_rows(c, sql, &p, &handoff_rows, &recs, n, err) < 0)
		return -1;
	*out = recs;
	return 0;
}

int pg_inquiry_handoff_add(struct store_conn *c, struct handoff_record *h,
			   struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO inquiry_handoffs (inquiry_id, to_window,"
	    " to_department, reason, created_by, created_at)"
	    " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
	struct pgp p = {0};

	pgp_int(&p, h->inquiry_id);
	pgp_opt_text(&p, h->to_window);
	pgp_opt_text(&p, h->to_department);
	pgp_text(&p, h->reason);
	pgp_text(&p, h->created_by);
	pgp_int(&p, h->created_at);
	return pg_int(c, sql, &p, &h->id, err);
}

int pg_inquiry_handoff_ack(struct store_conn *c, int64_t handoff_id,
			   const char *username, int64_t at,
			   struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE inquiry_handoffs SET acknowledged_by = $1,"
	    " acknowledged_at = $2 WHERE id = $3 AND acknowledged_at IS NULL";
	struct pgp p = {0};

	pgp_text(&p, username);
	pgp_int(&p, at);
	pgp_int(&p, handoff_id);
	return pg_changed(c, sql, &p, err);
}

/* A pending handoff recalled by its sender (issue 13.5). */
int pg_inquiry_handoff_recall(struct store_conn *c, int64_t handoff_id,
			      struct wc_error *err)
{
	static const char sql[] = "DELETE FROM inquiry_handoffs WHERE id = $1"
				  " AND acknowledged_at IS NULL";
	struct pgp p = {0};

	pgp_int(&p, handoff_id);
	return pg_changed(c, sql, &p, err);
}
