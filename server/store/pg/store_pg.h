/* store_pg.h - private to the PostgreSQL store (store_pg*.c). */
#ifndef WINCASED_STORE_PG_H
#define WINCASED_STORE_PG_H

#include <stdbool.h>
#include <stddef.h>

#include <libpq-fe.h>

#include "store/store.h"

/* Advisory lock keys (pg_advisory_*): one database, several wincased. */
#define PG_LOCK_WRITE	  0x77696e01 /* every write transaction */
#define PG_LOCK_MIGRATE	  0x77696e02 /* schema migrations at start */
#define PG_LOCK_SCHEDULER 0x77696e03 /* the deadline scheduler */

#define PG_MAX_PARAMS 40

/* q= of the case and inquiry lists when store_search_indexed finds it long
 * enough: $n as a LIKE pattern ('%q%', q's own % _ and \ escaped), on the
 * columns schema step 12 gives trigram indexes. It means what strpos(col,
 * $n) > 0 means (the ID number in any case), so the answer is the same. */
#define PG_SEARCH_PATTERN(n)                                                   \
	"('%' || replace(replace(replace($" #n "::text, '\\', '\\\\'),"        \
	" '%', '\\%'), '_', '\\_') || '%')"
/* clang-format off */
#define PG_SEARCH_MATCH(n)                                                     \
	"(no LIKE " PG_SEARCH_PATTERN(n)                                       \
	" OR applicant_name LIKE " PG_SEARCH_PATTERN(n)                        \
	" OR upper(applicant_id_no) LIKE upper(" PG_SEARCH_PATTERN(n) ")"      \
	" OR applicant_phone LIKE " PG_SEARCH_PATTERN(n) ")"
/* clang-format on */

struct pg_prepared {
	const char *sql; /* the caller's text, compared by address and text */
	char name[16];
};

struct pg_conn {
	struct store_conn base;
	struct pg_store *store;
	PGconn *db;
	bool in_tx;
	bool lost;	     /* a failure that needs a new session (failover) */
	bool scheduler_lock; /* this session holds PG_LOCK_SCHEDULER */
	size_t n_prepared, cap_prepared;
	struct pg_prepared *prepared;
};

static inline struct pg_conn *pg_conn_of(struct store_conn *c)
{
	return (struct pg_conn *)c;
}

/* A statement's parameters, each with its type (text or int8). */
struct pgp {
	int n;
	const char *v[PG_MAX_PARAMS];
	Oid types[PG_MAX_PARAMS];
	char num[PG_MAX_PARAMS][24];
};

void pgp_text(struct pgp *p, const char *text);	    /* NULL: SQL NULL */
void pgp_opt_text(struct pgp *p, const char *text); /* NULL or "": NULL */
void pgp_int(struct pgp *p, int64_t v);
void pgp_opt_int(struct pgp *p, int64_t v); /* 0: NULL */
void pgp_limit(struct pgp *p, int limit);   /* <= 0: NULL (no limit) */

/* Reads the columns of one row in order. */
struct pgr {
	const PGresult *res;
	int row, col;
};

void pgr_copy(struct pgr *r, char *dst, size_t size); /* NULL: "" */
char *pgr_dup(struct pgr *r);			      /* NULL: NULL */
int64_t pgr_int(struct pgr *r);			      /* NULL: 0 */

typedef void (*pg_row_reader)(struct pgr *r, void *out);

struct pg_row_kind {
	size_t size; /* of one element */
	pg_row_reader read;
	void (*release)(void *elem); /* NULL: nothing owned */
	const char *what;
};

/* What every session (new, or reset after a loss) is set to. */
void pg_session_setup(PGconn *db);

/* Run a prepared statement (prepared once per connection): the result,
 * or NULL with err ("store_unavailable" when the server is gone). */
PGresult *pg_run(struct store_conn *c, const char *sql, const struct pgp *p,
		 struct wc_error *err);
/* Run without preparing (SQL built at run time). */
PGresult *pg_run_once(struct store_conn *c, const char *sql,
		      const struct pgp *p, struct wc_error *err);
int pg_done(struct store_conn *c, const char *sql, const struct pgp *p,
	    struct wc_error *err);
/* 0, or STORE_NOT_FOUND when no row changed. */
int pg_changed(struct store_conn *c, const char *sql, const struct pgp *p,
	       struct wc_error *err);
/* The first column of the first row (an error without a row). */
int pg_int(struct store_conn *c, const char *sql, const struct pgp *p,
	   int64_t *out, struct wc_error *err);
int pg_int32(struct store_conn *c, const char *sql, const struct pgp *p,
	     int *out, struct wc_error *err);
/* One row read into out, or STORE_NOT_FOUND. */
int pg_row(struct store_conn *c, const char *sql, const struct pgp *p,
	   pg_row_reader read, void *out, struct wc_error *err);
/* Every row into a new array of *n elements (NULL when none). */
int pg_rows(struct store_conn *c, const char *sql, const struct pgp *p,
	    const struct pg_row_kind *kind, void **out, size_t *n,
	    struct wc_error *err);
/* The same, planned for these parameters at every run (not prepared): a
 * prepared statement's generic plan cannot use the trigram indexes for
 * LIKE '%' || $n || '%' (it scans the table), a plan for the value can. */
int pg_rows_planned(struct store_conn *c, const char *sql, const struct pgp *p,
		    const struct pg_row_kind *kind, void **out, size_t *n,
		    struct wc_error *err);
/* "KIND-DAY-NNNN": the next number of kind on day. */
int pg_next_number(struct store_conn *c, const char *kind, const char *day,
		   char *out, size_t size, struct wc_error *err);

/* The schema (store_pg_schema.c), brought to the newest version at
 * start. */
int pg_migrate(PGconn *db, struct wc_error *err);
/* Step 14 (store_pg_stats.c): the statistics' daily aggregates; its SQL,
 * then the functions and triggers built from the shared parts. */
extern const char pg_schema_stats[];
int pg_stats_migrate(PGconn *db, struct wc_error *err);

/* Operations, by file. */
#define PG_OP(name, ...) int pg_##name(struct store_conn *c, __VA_ARGS__)

/* store_pg_auth.c */
PG_OP(user_get, const char *username, struct user_record *out,
      struct wc_error *err);
PG_OP(user_add_if_missing, const struct user_record *u, int64_t now,
      struct wc_error *err);
PG_OP(user_windows_get, const char *username, char *out, size_t size,
      struct wc_error *err);
PG_OP(user_windows_set, const char *username, const char *windows,
      const char *window, struct wc_error *err);
PG_OP(session_create, const char *token_hash, const char *username,
      const char *window, int64_t now, int64_t expires_at,
      struct wc_error *err);
PG_OP(session_get, const char *token_hash, int64_t now,
      struct session_record *out, struct wc_error *err);
PG_OP(session_delete, const char *token_hash, struct wc_error *err);
PG_OP(login_failure_add, const char *username, int64_t at,
      struct wc_error *err);
PG_OP(login_failure_count, const char *username, int64_t since, int *out,
      struct wc_error *err);
PG_OP(login_failure_clear, const char *username, struct wc_error *err);
PG_OP(throttle_hit, const char *key, const struct throttle_rule *rule,
      int64_t now, bool force, int *count, int64_t *retry_after,
      struct wc_error *err);
PG_OP(throttle_undo, const char *key, const struct throttle_rule *rule,
      struct wc_error *err);
PG_OP(throttle_clear, const char *key, struct wc_error *err);
PG_OP(idempotency_get, const char *username, const char *key, int64_t since,
      struct idempotency_record *out, struct wc_error *err);
PG_OP(idempotency_put, const char *username, const char *key,
      const struct idempotency_record *rec, int64_t expire_before,
      struct wc_error *err);

/* store_pg_data.c */
PG_OP(catalog_item_put, const char *code, const char *json_text, int64_t now,
      struct wc_error *err);
PG_OP(catalog_items_visit, store_text_visitor visit, void *ctx,
      struct wc_error *err);
PG_OP(calendar_year_put, int year, const char *json_text, int64_t now,
      struct wc_error *err);
PG_OP(calendar_years_visit, store_text_visitor visit, void *ctx,
      struct wc_error *err);
PG_OP(inquiry_create, struct inquiry_record *rec, const char *day,
      struct wc_error *err);
PG_OP(inquiry_get, int64_t id, struct inquiry_record *out,
      struct wc_error *err);
PG_OP(inquiry_handed_to, int64_t id, const char *window, const char *department,
      bool *out, struct wc_error *err);
PG_OP(inquiry_list, const struct inquiry_query *q, struct inquiry_record **out,
      size_t *n, struct wc_error *err);
PG_OP(inquiry_update, const struct inquiry_record *rec, struct wc_error *err);
PG_OP(inquiry_handoffs, int64_t inquiry_id, struct handoff_record **out,
      size_t *n, struct wc_error *err);
PG_OP(inquiry_handoff_add, struct handoff_record *rec, struct wc_error *err);
PG_OP(inquiry_handoff_ack, int64_t handoff_id, const char *username, int64_t at,
      struct wc_error *err);
PG_OP(inquiry_handoff_recall, int64_t handoff_id, struct wc_error *err);
PG_OP(handoff_targets_visit, bool departments, store_text_visitor visit,
      void *ctx, struct wc_error *err);

/* store_pg_audit.c */
PG_OP(audit_last, struct audit_record *out, struct wc_error *err);
PG_OP(audit_insert, const struct audit_record *rec, struct wc_error *err);
PG_OP(audit_visit, const char *entity, int64_t after_seq, int limit,
      store_audit_visitor visit, void *ctx, struct wc_error *err);
PG_OP(audit_checkpoint_add, struct audit_checkpoint *cp, struct wc_error *err);
PG_OP(audit_checkpoint_last, struct audit_checkpoint *out,
      struct wc_error *err);
PG_OP(audit_checkpoint_visit, bool unexported, store_checkpoint_visitor visit,
      void *ctx, struct wc_error *err);
PG_OP(audit_checkpoint_exported, int64_t id, struct wc_error *err);
PG_OP(audit_count, int64_t *out, struct wc_error *err);
PG_OP(document_put, struct document_record *rec, struct wc_error *err);
PG_OP(document_find_by_code, const char *code, struct document_record *out,
      struct wc_error *err);
PG_OP(document_find_by_no, const char *no, struct document_record *out,
      struct wc_error *err);
PG_OP(backup, const char *to_path, struct wc_error *err);

/* store_pg_case.c */
PG_OP(case_create, struct case_record *rec, const char *day,
      struct wc_error *err);
PG_OP(case_get, int64_t id, struct case_record *out, struct wc_error *err);
PG_OP(case_update, const struct case_record *rec, struct wc_error *err);
PG_OP(case_list, const struct case_query *q, struct case_record **out,
      size_t *n, struct wc_error *err);
PG_OP(case_list_due, const char *before_day, struct case_record **out,
      size_t *n, struct wc_error *err);
PG_OP(case_list_due_pending, struct case_record **out, size_t *n,
      struct wc_error *err);

/* store_pg_docs.c */
PG_OP(notice_create, struct notice_record *rec, const char *day,
      struct wc_error *err);
PG_OP(notice_list, int64_t case_id, struct notice_record **out, size_t *n,
      struct wc_error *err);
PG_OP(commitment_create, struct commitment_record *rec, const char *day,
      struct wc_error *err);
PG_OP(commitment_get_by_case, int64_t case_id, struct commitment_record *out,
      struct wc_error *err);
PG_OP(commitment_list_due, const char *before_day,
      struct commitment_record **out, size_t *n, struct wc_error *err);
PG_OP(commitment_set_status, int64_t id, const char *status, int64_t at,
      struct wc_error *err);
PG_OP(commitment_set_due, int64_t id, const char *due_date,
      struct wc_error *err);
PG_OP(commitment_count, const char *id_type, const char *id_no,
      const char *status, int *out, struct wc_error *err);
PG_OP(supplement_add, int64_t case_id, int64_t commitment_id,
      const char *material_id, const char *by, int64_t at,
      struct wc_error *err);
PG_OP(credit_add, struct credit_record *rec, struct wc_error *err);
PG_OP(credit_breaches, const char *id_type, const char *id_no, int64_t since,
      int *out, struct wc_error *err);
PG_OP(credit_list, const char *id_type, const char *id_no, int limit,
      struct credit_record **out, size_t *n, struct wc_error *err);
PG_OP(credit_waive, int64_t commitment_id, struct wc_error *err);
PG_OP(number_next, const char *kind, const char *day, char *out, size_t size,
      struct wc_error *err);

/* store_pg_review.c */
PG_OP(review_add, struct review_record *rec, struct wc_error *err);
PG_OP(review_list, const struct review_query *q, struct review_record **out,
      size_t *n, struct wc_error *err);
PG_OP(review_get, int64_t id, struct review_record *out, struct wc_error *err);
PG_OP(review_decide, int64_t id, const char *decision, const char *comment,
      const char *by, int64_t at, struct wc_error *err);
PG_OP(review_exists, const char *kind, int64_t case_id, int64_t inquiry_id,
      bool *out, struct wc_error *err);
PG_OP(review_set_due, int64_t id, const char *due_date, struct wc_error *err);
PG_OP(handoff_list_waiting, int64_t created_before, struct handoff_wait **out,
      size_t *n, struct wc_error *err);
PG_OP(stats_visit, const struct stats_query *q, store_stats_visitor visit,
      void *ctx, struct wc_error *err);
PG_OP(review_set_owner, int64_t id, const char *expect, const char *owner,
      int64_t at, struct wc_error *err);
PG_OP(review_set_step, int64_t id, enum review_step step, const char *text,
      struct wc_error *err);

#endif
