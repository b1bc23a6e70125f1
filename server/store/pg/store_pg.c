/* store_pg.c - the PostgreSQL store: connections (one per worker thread,
 * reconnected after the database restarts or fails over), transactions
 * and the operations table. Several wincased instances may share one
 * database: every write transaction takes one advisory transaction lock
 * first, so writes are serialised across instances exactly as SQLite
 * serialises them within one (per-day numbers, the audit chain, the
 * idempotency records and If-Match versions stay right). */
#include "store/pg/store_pg.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pg_store {
	struct store base;
	char *conninfo;
	pthread_key_t key;
	pthread_mutex_t lock; /* guards conns */
	size_t n_conns, cap_conns;
	struct pg_conn **conns;
};

/* A conninfo or URI, with our defaults before it (the caller's own
 * settings win): a short connect timeout, the application name. */
static PGconn *pg_connect_db(const char *conninfo)
{
	const char *keys[] = {"connect_timeout", "application_name", "dbname",
			      NULL};
	const char *values[] = {"3", "wincased", conninfo, NULL};

	return PQconnectdbParams(keys, values, 1);
}

/* A connection for this thread. One that cannot reach the database now
 * is kept (unless must_reach, at start) and connects again on its next
 * statement (store_pg_exec.c), so that a server started while the
 * database restarts, or a worker thread new then, recovers by itself. */
static struct pg_conn *pg_conn_open(struct pg_store *s, bool must_reach,
				    struct wc_error *err)
{
	struct pg_conn *c = calloc(1, sizeof(*c));

	if (!c) {
		wc_error_set(err, "internal", NULL, "out of memory");
		return NULL;
	}
	c->base.ops = &store_pg_ops;
	c->store = s;
	c->db = pg_connect_db(s->conninfo);
	if (!c->db || (must_reach && PQstatus(c->db) != CONNECTION_OK)) {
		wc_error_set(err, "store_unavailable", "db",
			     "the case database cannot be reached: %s",
			     c->db ? PQerrorMessage(c->db) : "out of memory");
		PQfinish(c->db);
		free(c);
		return NULL;
	}
	if (PQstatus(c->db) == CONNECTION_OK)
		pg_session_setup(c->db);
	return c;
}

static void pg_conn_close(struct pg_conn **c)
{
	if (!*c)
		return;
	PQfinish((*c)->db);
	free((*c)->prepared);
	free(*c);
	*c = NULL;
}

static int pg_register(struct pg_store *s, struct pg_conn *c,
		       struct wc_error *err)
{
	int rc = 0;

	pthread_mutex_lock(&s->lock);
	if (s->n_conns == s->cap_conns) {
		size_t cap = s->cap_conns ? s->cap_conns * 2 : 8;
		void *p = realloc(s->conns, cap * sizeof(*s->conns));

		if (!p) {
			rc = wc_error_set(err, "internal", NULL, "no memory");
			goto done;
		}
		s->conns = p;
		s->cap_conns = cap;
	}
	s->conns[s->n_conns++] = c;
	pthread_setspecific(s->key, c);
done:
	pthread_mutex_unlock(&s->lock);
	return rc;
}

static struct store_conn *pg_connect(struct store *st, struct wc_error *err)
{
	struct pg_store *s = (struct pg_store *)st;
	struct pg_conn *c = pthread_getspecific(s->key);

	if (c)
		return &c->base;
	c = pg_conn_open(s, s->n_conns == 0, err);
	if (!c)
		return NULL;
	if (pg_register(s, c, err) < 0) {
		pg_conn_close(&c);
		return NULL;
	}
	return &c->base;
}

static void pg_close(struct store **st)
{
	struct pg_store *s = (struct pg_store *)*st;

	if (!s)
		return;
	for (size_t i = 0; i < s->n_conns; i++)
		pg_conn_close(&s->conns[i]);
	free(s->conns);
	pthread_key_delete(s->key);
	pthread_mutex_destroy(&s->lock);
	free(s->conninfo);
	free(s);
	*st = NULL;
}

static int pg_open(const char *conninfo, struct store **out,
		   struct wc_error *err)
{
	struct pg_store *s = calloc(1, sizeof(*s));
	struct store_conn *c;

	if (!s)
		return wc_error_set(err, "internal", NULL, "out of memory");
	s->base.ops = &store_pg_ops;
	pthread_mutex_init(&s->lock, NULL);
	s->conninfo = strdup(conninfo);
	if (!s->conninfo || pthread_key_create(&s->key, NULL) != 0) {
		free(s->conninfo);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	*out = &s->base;
	c = pg_connect(*out, err);
	if (!c || pg_migrate(pg_conn_of(c)->db, err) < 0) {
		pg_close(out);
		return -1;
	}
	return 0;
}

static int pg_begin(struct store_conn *base, struct wc_error *err)
{
	static const char lock_sql[] = "SELECT pg_advisory_xact_lock($1)";
	struct pg_conn *c = pg_conn_of(base);
	struct pgp p = {0};
	PGresult *res;

	res = pg_run_once(base, "BEGIN ISOLATION LEVEL READ COMMITTED", NULL,
			  err);
	if (!res)
		return -1;
	PQclear(res);
	c->in_tx = true;
	pgp_int(&p, PG_LOCK_WRITE);
	if (pg_done(base, lock_sql, &p, err) < 0) {
		res = PQexec(c->db, "ROLLBACK");
		PQclear(res);
		c->in_tx = false;
		return -1;
	}
	return 0;
}

static int pg_commit(struct store_conn *base, struct wc_error *err)
{
	struct pg_conn *c = pg_conn_of(base);
	PGresult *res = pg_run_once(base, "COMMIT", NULL, err);

	c->in_tx = false;
	if (!res)
		return -1;
	PQclear(res);
	return 0;
}

static void pg_rollback(struct store_conn *base)
{
	struct pg_conn *c = pg_conn_of(base);

	if (c->db && PQtransactionStatus(c->db) != PQTRANS_IDLE &&
	    PQstatus(c->db) == CONNECTION_OK) {
		PGresult *res = PQexec(c->db, "ROLLBACK");

		PQclear(res);
	}
	c->in_tx = false;
}

/* The scheduler runs where this session holds the scheduler lock; it is
 * kept while the connection lives, and another instance takes over when
 * this one stops or loses the database. */
static int pg_scheduler_claim(struct store_conn *base, bool *mine,
			      struct wc_error *err)
{
	static const char sql[] = "SELECT pg_try_advisory_lock($1)::int";
	struct pg_conn *c = pg_conn_of(base);
	struct pgp p = {0};
	int got = 0;

	*mine = false;
	if (c->scheduler_lock && PQstatus(c->db) == CONNECTION_OK) {
		*mine = true;
		return 0;
	}
	pgp_int(&p, PG_LOCK_SCHEDULER);
	if (pg_int32(base, sql, &p, &got, err) < 0)
		return -1;
	c->scheduler_lock = got == 1;
	*mine = c->scheduler_lock;
	return 0;
}

/* The fake clock, shared by every instance on the database. */
static int pg_clock_get(struct store_conn *c, int64_t *now, bool *set,
			struct wc_error *err)
{
	static const char sql[] = "SELECT now_at FROM fake_clock WHERE id = 1";
	int64_t v = 0;
	PGresult *res = pg_run(c, sql, NULL, err);
	struct pgr r = {res, 0, 0};

	if (!res)
		return -1;
	*set = PQntuples(res) > 0;
	if (*set)
		v = pgr_int(&r);
	PQclear(res);
	*now = v;
	return 0;
}

static int pg_clock_put(struct store_conn *c, int64_t now, bool only_if_unset,
			struct wc_error *err)
{
	static const char sql_set[] =
	    "INSERT INTO fake_clock (id, now_at) VALUES (1, $1)"
	    " ON CONFLICT (id) DO UPDATE SET now_at = EXCLUDED.now_at";
	static const char sql_init[] =
	    "INSERT INTO fake_clock (id, now_at) VALUES (1, $1)"
	    " ON CONFLICT (id) DO NOTHING";
	struct pgp p = {0};

	pgp_int(&p, now);
	return pg_done(c, only_if_unset ? sql_init : sql_set, &p, err);
}

/* GET /v1/health: reachable, primary or standby, the schema version. */
static void pg_status(struct store_conn *base, struct store_status *out)
{
	static const char sql[] =
	    "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby'"
	    " ELSE 'primary' END, (SELECT version FROM schema_version)";
	struct wc_error err;
	PGresult *res = pg_run(base, sql, NULL, &err);
	struct pgr r = {res, 0, 0};

	memset(out, 0, sizeof(*out));
	if (!res)
		return;
	if (PQntuples(res) == 1) {
		out->connected = true;
		pgr_copy(&r, out->role, sizeof(out->role));
		out->schema_version = (int)pgr_int(&r);
	}
	PQclear(res);
}

const struct store_ops store_pg_ops = {
    .name = "postgres",
    .open = pg_open,
    .close = pg_close,
    .connect = pg_connect,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .scheduler_claim = pg_scheduler_claim,
    .clock_get = pg_clock_get,
    .clock_put = pg_clock_put,
    .user_get = pg_user_get,
    .user_add_if_missing = pg_user_add_if_missing,
    .user_windows_get = pg_user_windows_get,
    .user_windows_set = pg_user_windows_set,
    .session_create = pg_session_create,
    .session_get = pg_session_get,
    .session_delete = pg_session_delete,
    .login_failure_add = pg_login_failure_add,
    .login_failure_count = pg_login_failure_count,
    .login_failure_clear = pg_login_failure_clear,
    .throttle_hit = pg_throttle_hit,
    .throttle_undo = pg_throttle_undo,
    .throttle_clear = pg_throttle_clear,
    .idempotency_get = pg_idempotency_get,
    .idempotency_put = pg_idempotency_put,
    .catalog_item_put = pg_catalog_item_put,
    .catalog_items_visit = pg_catalog_items_visit,
    .calendar_year_put = pg_calendar_year_put,
    .calendar_years_visit = pg_calendar_years_visit,
    .inquiry_create = pg_inquiry_create,
    .inquiry_get = pg_inquiry_get,
    .inquiry_handed_to = pg_inquiry_handed_to,
    .inquiry_list = pg_inquiry_list,
    .inquiry_update = pg_inquiry_update,
    .inquiry_handoffs = pg_inquiry_handoffs,
    .inquiry_handoff_add = pg_inquiry_handoff_add,
    .inquiry_handoff_ack = pg_inquiry_handoff_ack,
    .inquiry_handoff_recall = pg_inquiry_handoff_recall,
    .handoff_targets_visit = pg_handoff_targets_visit,
    .backup = pg_backup,
    .audit_last = pg_audit_last,
    .audit_insert = pg_audit_insert,
    .audit_visit = pg_audit_visit,
    .audit_checkpoint_add = pg_audit_checkpoint_add,
    .audit_checkpoint_last = pg_audit_checkpoint_last,
    .audit_checkpoint_visit = pg_audit_checkpoint_visit,
    .audit_checkpoint_exported = pg_audit_checkpoint_exported,
    .audit_count = pg_audit_count,
    .document_put = pg_document_put,
    .document_find_by_code = pg_document_find_by_code,
    .document_find_by_no = pg_document_find_by_no,
    .case_create = pg_case_create,
    .case_get = pg_case_get,
    .case_update = pg_case_update,
    .case_list = pg_case_list,
    .case_list_due = pg_case_list_due,
    .case_list_due_pending = pg_case_list_due_pending,
    .notice_create = pg_notice_create,
    .notice_list = pg_notice_list,
    .commitment_create = pg_commitment_create,
    .commitment_get_by_case = pg_commitment_get_by_case,
    .commitment_list_due = pg_commitment_list_due,
    .commitment_set_status = pg_commitment_set_status,
    .commitment_set_due = pg_commitment_set_due,
    .commitment_count = pg_commitment_count,
    .supplement_add = pg_supplement_add,
    .credit_add = pg_credit_add,
    .credit_breaches = pg_credit_breaches,
    .credit_list = pg_credit_list,
    .review_add = pg_review_add,
    .number_next = pg_number_next,
    .review_list = pg_review_list,
    .review_get = pg_review_get,
    .review_decide = pg_review_decide,
    .review_exists = pg_review_exists,
    .review_set_due = pg_review_set_due,
    .handoff_list_waiting = pg_handoff_list_waiting,
    .credit_waive = pg_credit_waive,
    .stats_visit = pg_stats_visit,
    .review_set_owner = pg_review_set_owner,
    .review_set_step = pg_review_set_step,
    .status = pg_status,
};
