/* store_sqlite.h - private to the SQLite store (store_sqlite*.c). */
#ifndef WINCASED_STORE_SQLITE_H
#define WINCASED_STORE_SQLITE_H

#include <pthread.h>
#include <stdbool.h>

#include <sqlite3.h>

#include "store/store.h"

struct sq_writer;

struct sqlite_conn {
	struct store_conn base;
	sqlite3 *db;	 /* in use: own_db, or the writer's in a transaction */
	sqlite3 *own_db; /* this thread's, for reads */
	struct sq_writer *writer; /* the store's; NULL: plain transactions */
	bool in_turn;		  /* a write transaction is open on writer */
	bool savepoint; /* in turn inside a savepoint (not the group's first) */
};

/* store_sqlite_commit.c: the writer connection and group commit. */
/* The writer on db, checkpointing on checkpoint_db (both the caller's,
 * given back by sq_writer_free); NULL when out of memory. */
struct sq_writer *sq_writer_new(sqlite3 *db, sqlite3 *checkpoint_db);
/* Stops the checkpoints, frees the writer; returns its connection and
 * the checkpoint one for the caller to close. */
sqlite3 *sq_writer_free(struct sq_writer **w, sqlite3 **checkpoint_db);
int sq_begin(struct store_conn *base, struct wc_error *err);
int sq_commit(struct store_conn *base, struct wc_error *err);
void sq_rollback(struct store_conn *base);
int sq_exec(sqlite3 *db, const char *sql, struct wc_error *err);

static inline struct sqlite_conn *sqlite_conn_of(struct store_conn *c)
{
	return (struct sqlite_conn *)c;
}

/* Fill err with the connection's last error; returns -1. */
int sq_fail(sqlite3 *db, struct wc_error *err, const char *what);
int sq_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
	       struct wc_error *err);
/* Done with a statement of sq_prepare: back to the cache (reset, bindings
 * cleared) or finalized. Every statement of sq_prepare ends here; the
 * helpers below that "finalize" call it. */
void sq_finish(sqlite3_stmt *st);
/* Step a statement that returns no rows, finalize it. */
int sq_step_done(sqlite3 *db, sqlite3_stmt *st, struct wc_error *err);
/* Bind text, or NULL for a NULL pointer. */
void sq_bind_text(sqlite3_stmt *st, int idx, const char *text);
/* New copy of a column's text, NULL for SQL NULL. */
char *sq_column_dup(sqlite3_stmt *st, int col);
/* Copy a column's text into a fixed buffer ("" for NULL). */
void sq_column_copy(sqlite3_stmt *st, int col, char *dst, size_t size);
/* Bind text, or NULL for a NULL pointer or "": absent values are SQL
 * NULL. */
void sq_bind_opt_text(sqlite3_stmt *st, int idx, const char *text);
/* Bind an integer, or NULL for 0. */
void sq_bind_opt_int(sqlite3_stmt *st, int idx, int64_t v);
/* Step a statement that changes at most one row, finalize it: 0, or
 * STORE_NOT_FOUND when no row changed. */
int sq_step_changed(sqlite3 *db, sqlite3_stmt *st, struct wc_error *err);
/* Step a statement that returns one integer into *out, finalize it. */
int sq_step_int(sqlite3 *db, sqlite3_stmt *st, int *out, const char *what,
		struct wc_error *err);

/* Reads the current row into out (one record). */
typedef void (*sq_row_reader)(sqlite3_stmt *st, void *out);
/* Step a statement that returns at most one row, read it into out,
 * finalize it: 0, or STORE_NOT_FOUND when there is no row. */
int sq_step_row(sqlite3 *db, sqlite3_stmt *st, sq_row_reader read, void *out,
		const char *what, struct wc_error *err);

/* How sq_step_rows reads each row of a list into an array element. */
struct sq_row_kind {
	size_t size; /* of one element */
	sq_row_reader read;
	void (*release)(void *elem); /* what read owns; NULL: nothing */
	const char *what;	     /* names the query in errors */
};
/* Step a statement to its end, or to limit rows when limit > 0, reading
 * each row into a new element; finalize it. On success *out is a new
 * array of *n elements (NULL when none; the caller frees it); on failure
 * nothing is kept and *out, *n are untouched. */
int sq_step_rows(sqlite3 *db, sqlite3_stmt *st, const struct sq_row_kind *kind,
		 int limit, void **out, size_t *n, struct wc_error *err);

/* "KIND-DAY-NNNN" into out: the next number of kind on day (numbers are
 * per server-local day). */
int sq_next_number(sqlite3 *db, const char *kind, const char *day, char *out,
		   size_t size, struct wc_error *err);

/* Operations in store_sqlite_trust.c. */
int sq_user_windows_get(struct store_conn *c, const char *username, char *out,
			size_t size, struct wc_error *err);
int sq_user_windows_set(struct store_conn *c, const char *username,
			const char *windows, const char *window,
			struct wc_error *err);

/* Operations in store_sqlite_auth.c. */
int sq_user_get(struct store_conn *c, const char *username,
		struct user_record *out, struct wc_error *err);
int sq_user_add_if_missing(struct store_conn *c, const struct user_record *u,
			   int64_t now, struct wc_error *err);
int sq_session_create(struct store_conn *c, const char *token_hash,
		      const char *username, const char *window, int64_t now,
		      int64_t expires_at, struct wc_error *err);
int sq_session_get(struct store_conn *c, const char *token_hash, int64_t now,
		   struct session_record *out, struct wc_error *err);
int sq_session_delete(struct store_conn *c, const char *token_hash,
		      struct wc_error *err);
int sq_login_failure_add(struct store_conn *c, const char *username, int64_t at,
			 struct wc_error *err);
int sq_login_failure_count(struct store_conn *c, const char *username,
			   int64_t since, int *out, struct wc_error *err);
int sq_login_failure_clear(struct store_conn *c, const char *username,
			   struct wc_error *err);
int sq_idempotency_get(struct store_conn *c, const char *username,
		       const char *key, int64_t since,
		       struct idempotency_record *out, struct wc_error *err);
int sq_idempotency_put(struct store_conn *c, const char *username,
		       const char *key, const struct idempotency_record *rec,
		       int64_t expire_before, struct wc_error *err);

/* Operations in store_sqlite_data.c. */
int sq_catalog_item_put(struct store_conn *c, const char *code,
			const char *json_text, int64_t now,
			struct wc_error *err);
int sq_catalog_items_visit(struct store_conn *c, store_text_visitor visit,
			   void *ctx, struct wc_error *err);
int sq_calendar_year_put(struct store_conn *c, int year, const char *json_text,
			 int64_t now, struct wc_error *err);
int sq_calendar_years_visit(struct store_conn *c, store_text_visitor visit,
			    void *ctx, struct wc_error *err);
int sq_inquiry_create(struct store_conn *c, struct inquiry_record *rec,
		      const char *day, struct wc_error *err);
int sq_inquiry_get(struct store_conn *c, int64_t id, struct inquiry_record *out,
		   struct wc_error *err);
int sq_inquiry_handed_to(struct store_conn *c, int64_t id, const char *window,
			 const char *department, bool *out,
			 struct wc_error *err);
int sq_inquiry_list(struct store_conn *c, const struct inquiry_query *q,
		    struct inquiry_record **out, size_t *n,
		    struct wc_error *err);

/* Operations in store_sqlite_inquiry.c. */
int sq_inquiry_update(struct store_conn *c, const struct inquiry_record *rec,
		      struct wc_error *err);
int sq_inquiry_handoffs(struct store_conn *c, int64_t inquiry_id,
			struct handoff_record **out, size_t *n,
			struct wc_error *err);
int sq_inquiry_handoff_add(struct store_conn *c, struct handoff_record *rec,
			   struct wc_error *err);
int sq_inquiry_handoff_ack(struct store_conn *c, int64_t handoff_id,
			   const char *username, int64_t at,
			   struct wc_error *err);
int sq_inquiry_handoff_recall(struct store_conn *c, int64_t handoff_id,
			      struct wc_error *err);
int sq_handoff_targets_visit(struct store_conn *c, bool departments,
			     store_text_visitor visit, void *ctx,
			     struct wc_error *err);

/* Operations in store_sqlite_admin.c. */
int sq_backup(struct store_conn *c, const char *to_path, struct wc_error *err);

/* Operations in store_sqlite_audit.c. */
extern const char sq_schema_audit[];
int sq_audit_last(struct store_conn *c, struct audit_record *out,
		  struct wc_error *err);
int sq_audit_insert(struct store_conn *c, const struct audit_record *rec,
		    struct wc_error *err);
int sq_audit_visit(struct store_conn *c, const char *entity, int64_t after_seq,
		   int limit, store_audit_visitor visit, void *ctx,
		   struct wc_error *err);

/* Operations in store_sqlite_documents.c. */
extern const char sq_schema_audit_checkpoints[];
int sq_audit_checkpoint_add(struct store_conn *c, struct audit_checkpoint *cp,
			    struct wc_error *err);
int sq_audit_checkpoint_last(struct store_conn *c, struct audit_checkpoint *out,
			     struct wc_error *err);
int sq_audit_checkpoint_visit(struct store_conn *c, bool unexported,
			      store_checkpoint_visitor visit, void *ctx,
			      struct wc_error *err);
int sq_audit_checkpoint_exported(struct store_conn *c, int64_t id,
				 struct wc_error *err);
int sq_audit_count(struct store_conn *c, int64_t *out, struct wc_error *err);
extern const char sq_schema_throttle[];
extern const char sq_schema_review_team[];
extern const char sq_schema_document_data[];
extern const char sq_schema_audit_actor[];
int sq_throttle_hit(struct store_conn *c, const char *key,
		    const struct throttle_rule *rule, int64_t now, bool force,
		    int *count, int64_t *retry_after, struct wc_error *err);
int sq_throttle_undo(struct store_conn *c, const char *key,
		     const struct throttle_rule *rule, struct wc_error *err);
int sq_throttle_clear(struct store_conn *c, const char *key,
		      struct wc_error *err);
extern const char sq_schema_documents[];
extern const char sq_schema_case_item[];
extern const char sq_schema_user_windows[];
int sq_document_put(struct store_conn *c, struct document_record *rec,
		    struct wc_error *err);
int sq_document_find_by_code(struct store_conn *c, const char *code,
			     struct document_record *out, struct wc_error *err);
int sq_document_find_by_no(struct store_conn *c, const char *no,
			   struct document_record *out, struct wc_error *err);

/* Operations in store_sqlite_case*.c (R2-R5). */
extern const char sq_schema_cases[];
/* store_sqlite_search.c: migration 12, the trigram indexes of q=. */
extern const char sq_schema_search[];
/* In SQL, SQ_SEARCH_PHRASE(n) is ?n as one FTS5 phrase (for q that
 * store_search_indexed finds long enough). */
#define SQ_SEARCH_PHRASE(n) "'\"' || replace(?" #n ", '\"', '\"\"') || '\"'"
int sq_case_create(struct store_conn *c, struct case_record *rec,
		   const char *day, struct wc_error *err);
int sq_case_get(struct store_conn *c, int64_t id, struct case_record *out,
		struct wc_error *err);
int sq_case_update(struct store_conn *c, const struct case_record *rec,
		   struct wc_error *err);
int sq_case_list(struct store_conn *c, const struct case_query *q,
		 struct case_record **out, size_t *n, struct wc_error *err);
int sq_case_list_due(struct store_conn *c, const char *before_day,
		     struct case_record **out, size_t *n, struct wc_error *err);
int sq_case_list_due_pending(struct store_conn *c, struct case_record **out,
			     size_t *n, struct wc_error *err);
int sq_notice_create(struct store_conn *c, struct notice_record *rec,
		     const char *day, struct wc_error *err);
int sq_notice_list(struct store_conn *c, int64_t case_id,
		   struct notice_record **out, size_t *n, struct wc_error *err);
int sq_commitment_create(struct store_conn *c, struct commitment_record *rec,
			 const char *day, struct wc_error *err);
int sq_commitment_get_by_case(struct store_conn *c, int64_t case_id,
			      struct commitment_record *out,
			      struct wc_error *err);
int sq_commitment_list_due(struct store_conn *c, const char *before_day,
			   struct commitment_record **out, size_t *n,
			   struct wc_error *err);
int sq_commitment_set_status(struct store_conn *c, int64_t id,
			     const char *status, int64_t at,
			     struct wc_error *err);
int sq_commitment_set_due(struct store_conn *c, int64_t id,
			  const char *due_date, struct wc_error *err);
int sq_commitment_count(struct store_conn *c, const char *id_type,
			const char *id_no, const char *status, int *out,
			struct wc_error *err);
int sq_supplement_add(struct store_conn *c, int64_t case_id,
		      int64_t commitment_id, const char *material_id,
		      const char *by, int64_t at, struct wc_error *err);
int sq_credit_add(struct store_conn *c, struct credit_record *rec,
		  struct wc_error *err);
int sq_credit_breaches(struct store_conn *c, const char *id_type,
		       const char *id_no, int64_t since, int *out,
		       struct wc_error *err);
int sq_credit_list(struct store_conn *c, const char *id_type, const char *id_no,
		   int limit, struct credit_record **out, size_t *n,
		   struct wc_error *err);
int sq_review_add(struct store_conn *c, struct review_record *rec,
		  struct wc_error *err);
int sq_number_next(struct store_conn *c, const char *kind, const char *day,
		   char *out, size_t size, struct wc_error *err);

/* Operations in store_sqlite_review.c. */
int sq_review_list(struct store_conn *c, const struct review_query *q,
		   struct review_record **out, size_t *n, struct wc_error *err);
int sq_review_get(struct store_conn *c, int64_t id, struct review_record *out,
		  struct wc_error *err);
int sq_review_decide(struct store_conn *c, int64_t id, const char *decision,
		     const char *comment, const char *by, int64_t at,
		     struct wc_error *err);
int sq_review_exists(struct store_conn *c, const char *kind, int64_t case_id,
		     int64_t inquiry_id, bool *out, struct wc_error *err);
int sq_review_set_owner(struct store_conn *c, int64_t id, const char *expect,
			const char *owner, int64_t at, struct wc_error *err);
int sq_review_set_step(struct store_conn *c, int64_t id, enum review_step step,
		       const char *text, struct wc_error *err);
int sq_review_set_due(struct store_conn *c, int64_t id, const char *due_date,
		      struct wc_error *err);
int sq_handoff_list_waiting(struct store_conn *c, int64_t created_before,
			    struct handoff_wait **out, size_t *n,
			    struct wc_error *err);
int sq_credit_waive(struct store_conn *c, int64_t commitment_id,
		    struct wc_error *err);
/* store_sqlite_stats.c: migration 13 (its SQL, then its triggers and the
 * counts of the rows already there) and the statistics. */
extern const char sq_schema_stats[];
int sq_stats_migrate(sqlite3 *db, struct wc_error *err);
/* stats_daily counted again from the rows (a bulk load without the
 * triggers: tests/bench/gen_cases.c), in the caller's transaction. */
int sq_stats_rebuild(sqlite3 *db, struct wc_error *err);
/* The same for the search indexes (SQL for sqlite3_exec). */
extern const char sq_search_rebuild[];
int sq_stats_visit(struct store_conn *c, const struct stats_query *q,
		   store_stats_visitor visit, void *ctx, struct wc_error *err);
#endif
