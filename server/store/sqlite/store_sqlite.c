/* store_sqlite.c - the SQLite store: connections, transactions and the
 * versioned schema. WAL with synchronous=FULL so that a committed answer
 * survives a power cut; one connection per worker thread. */
#include "store/sqlite/store_sqlite.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUSY_TIMEOUT_MS 5000

struct sqlite_store {
	struct store base;
	char *path;
	pthread_key_t key;
	pthread_mutex_t lock; /* guards conns */
	/* Writers of this process queue here rather than in SQLite's busy
	 * handler, whose sleeps grow to 100 ms and made the slow tail, and
	 * commit in groups (store_sqlite_commit.c). */
	struct sq_writer *writer;
	size_t n_conns, cap_conns;
	struct sqlite_conn **conns;
};

/* The schema, one step per version: step i brings PRAGMA user_version
 * from i to i + 1. Never edit a released step; append a new one. */
static const char *const migrations[] = {
    /* 1: users, sessions, login failures, idempotency, reference data,
     * inquiries and their handoffs. */
    "CREATE TABLE users ("
    " username TEXT PRIMARY KEY, display_name TEXT NOT NULL,"
    " role TEXT NOT NULL CHECK (role IN"
    "  ('clerk', 'reviewer', 'admin', 'trainee')),"
    " window_no TEXT NOT NULL DEFAULT '',"
    " department TEXT NOT NULL DEFAULT '',"
    " pwhash TEXT NOT NULL, created_at INTEGER NOT NULL);"
    "CREATE TABLE sessions ("
    " token_hash TEXT PRIMARY KEY,"
    " username TEXT NOT NULL REFERENCES users(username),"
    " window_no TEXT NOT NULL, created_at INTEGER NOT NULL,"
    " expires_at INTEGER NOT NULL);"
    "CREATE INDEX sessions_expiry ON sessions(expires_at);"
    "CREATE TABLE login_failures ("
    " id INTEGER PRIMARY KEY, username TEXT NOT NULL,"
    " at INTEGER NOT NULL);"
    "CREATE INDEX login_failures_user ON login_failures(username, at);"
    "CREATE TABLE idempotency ("
    " username TEXT NOT NULL, key TEXT NOT NULL,"
    " request_hash TEXT NOT NULL, status INTEGER NOT NULL,"
    " body TEXT NOT NULL, etag TEXT NOT NULL, location TEXT NOT NULL,"
    " created_at INTEGER NOT NULL, PRIMARY KEY (username, key));"
    "CREATE INDEX idempotency_age ON idempotency(created_at);"
    "CREATE TABLE catalog_items ("
    " code TEXT PRIMARY KEY, json TEXT NOT NULL,"
    " updated_at INTEGER NOT NULL);"
    "CREATE TABLE calendar_years ("
    " year INTEGER PRIMARY KEY, json TEXT NOT NULL,"
    " updated_at INTEGER NOT NULL);"
    "CREATE TABLE daily_counters ("
    " kind TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,"
    " PRIMARY KEY (kind, day));"
    "CREATE TABLE inquiries ("
    " id INTEGER PRIMARY KEY, no TEXT NOT NULL UNIQUE,"
    " version INTEGER NOT NULL, status TEXT NOT NULL,"
    " first_responder TEXT NOT NULL REFERENCES users(username),"
    " window_no TEXT NOT NULL, department TEXT NOT NULL,"
    " created_at INTEGER NOT NULL, channel TEXT NOT NULL,"
    " topic TEXT NOT NULL, item_code TEXT,"
    " applicant_name TEXT NOT NULL, applicant_id_type TEXT,"
    " applicant_id_no TEXT, applicant_phone TEXT,"
    " bounced INTEGER NOT NULL DEFAULT 0, resolution TEXT, note TEXT,"
    " case_id INTEGER);"
    "CREATE INDEX inquiries_window ON inquiries(window_no, id);"
    "CREATE INDEX inquiries_responder ON inquiries(first_responder, id);"
    "CREATE TABLE inquiry_handoffs ("
    " id INTEGER PRIMARY KEY,"
    " inquiry_id INTEGER NOT NULL REFERENCES inquiries(id),"
    " to_window TEXT, to_department TEXT, reason TEXT NOT NULL,"
    " created_by TEXT NOT NULL REFERENCES users(username),"
    " created_at INTEGER NOT NULL, acknowledged_by TEXT,"
    " acknowledged_at INTEGER);"
    "CREATE INDEX inquiry_handoffs_inquiry ON inquiry_handoffs(inquiry_id);",
    /* 2: the audit trail (store_sqlite_audit.c). */
    sq_schema_audit,
    /* 3: cases, notices, commitments, supplements, credit, review items
     * (store_sqlite_case_schema.c). */
    sq_schema_cases,
    /* 4: signed notices and commitments (store_sqlite_documents.c). */
    sq_schema_documents,
    /* 5: each case keeps its catalog item (store_sqlite_trust.c). */
    sq_schema_case_item,
    /* 6: the windows a user may sit at (store_sqlite_trust.c). */
    sq_schema_user_windows,
    /* 7: signed checkpoints of the audit chain (store_sqlite_audit.c). */
    sq_schema_audit_checkpoints,
    /* 8: throttle counters per address and account (store_sqlite_auth.c). */
    sq_schema_throttle,
    /* 9: review items' owners and rectification steps
     * (store_sqlite_review.c). */
    sq_schema_review_team,
    /* 10: what each document was rendered from (store_sqlite_documents.c). */
    sq_schema_document_data,
    /* 11: the audit trail by actor, for user:NAME (store_sqlite_audit.c). */
    sq_schema_audit_actor,
    /* 12: trigram indexes for q= (store_sqlite_search.c). */
    sq_schema_search,
    /* 13: daily aggregates of the statistics (store_sqlite_stats.c). */
    sq_schema_stats,
};

#define N_MIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))

/* What a step runs after its SQL, in its transaction: SQL built in code. */
static int (*const migration_code[N_MIGRATIONS])(sqlite3 *,
						 struct wc_error *) = {
    [12] = sq_stats_migrate,
};

int sq_fail(sqlite3 *db, struct wc_error *err, const char *what)
{
	return wc_error_set(err, "internal", NULL, "sqlite: %s: %s", what,
			    db ? sqlite3_errmsg(db) : "out of memory");
}

/* Prepared statements are kept per thread and connection, keyed by their
 * SQL, and reset instead of finalized (sq_finish): parsing and planning
 * the same statement for every request cost more than running it. A
 * statement still in use when its SQL is prepared again (a nested call)
 * gets a fresh one; a full cache prepares without keeping. */
#define STMT_CACHE_SIZE 128

struct stmt_slot {
	sqlite3 *db;
	const char *sql; /* the caller's text, compared by address first */
	sqlite3_stmt *st;
	bool in_use;
};

static _Thread_local struct stmt_slot stmt_cache[STMT_CACHE_SIZE];

/* Every cached statement of every thread, so that closing a connection
 * finalizes exactly ours: the other statements of a connection belong to
 * its virtual tables (the FTS5 search indexes), which finalize their own
 * when sqlite3_close disconnects them. */
static struct {
	pthread_mutex_t lock;
	sqlite3_stmt **v;
	size_t n, cap;
} kept_stmts = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};

static bool stmt_keep(sqlite3_stmt *st)
{
	bool ok = true;

	pthread_mutex_lock(&kept_stmts.lock);
	if (kept_stmts.n == kept_stmts.cap) {
		size_t cap = kept_stmts.cap ? kept_stmts.cap * 2 : 64;
		void *p = realloc(kept_stmts.v, cap * sizeof(*kept_stmts.v));

		if (p) {
			kept_stmts.v = p;
			kept_stmts.cap = cap;
		}
		ok = p != NULL;
	}
	if (ok)
		kept_stmts.v[kept_stmts.n++] = st;
	pthread_mutex_unlock(&kept_stmts.lock);
	return ok;
}

/* Finalize the kept statements of db. */
static void stmt_drop_kept(sqlite3 *db)
{
	size_t j = 0;

	pthread_mutex_lock(&kept_stmts.lock);
	for (size_t i = 0; i < kept_stmts.n; i++) {
		if (sqlite3_db_handle(kept_stmts.v[i]) == db)
			sqlite3_finalize(kept_stmts.v[i]);
		else
			kept_stmts.v[j++] = kept_stmts.v[i];
	}
	kept_stmts.n = j;
	if (!j) {
		free(kept_stmts.v);
		kept_stmts.v = NULL;
		kept_stmts.cap = 0;
	}
	pthread_mutex_unlock(&kept_stmts.lock);
}

static struct stmt_slot *stmt_cache_find(sqlite3 *db, const char *sql)
{
	for (size_t i = 0; i < STMT_CACHE_SIZE; i++) {
		struct stmt_slot *s = &stmt_cache[i];

		if (s->db == db && !s->in_use && s->sql == sql &&
		    strcmp(sqlite3_sql(s->st), sql) == 0)
			return s;
	}
	return NULL;
}

static struct stmt_slot *stmt_cache_free_slot(void)
{
	for (size_t i = 0; i < STMT_CACHE_SIZE; i++)
		if (!stmt_cache[i].db)
			return &stmt_cache[i];
	return NULL;
}

int sq_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
	       struct wc_error *err)
{
	struct stmt_slot *slot = stmt_cache_find(db, sql);

	if (slot) {
		slot->in_use = true;
		*st = slot->st;
		return 0;
	}
	slot = stmt_cache_free_slot();
	if (sqlite3_prepare_v3(db, sql, -1,
			       slot ? SQLITE_PREPARE_PERSISTENT : 0, st,
			       NULL) != SQLITE_OK)
		return sq_fail(db, err, "prepare");
	if (slot && stmt_keep(*st))
		*slot = (struct stmt_slot){db, sql, *st, true};
	return 0;
}

void sq_finish(sqlite3_stmt *st)
{
	for (size_t i = 0; st && i < STMT_CACHE_SIZE; i++) {
		if (stmt_cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			stmt_cache[i].in_use = false;
			return;
		}
	}
	sqlite3_finalize(st);
}

/* Every cached statement of db goes, so that sqlite3_close succeeds (the
 * others were finalized by sq_finish); this thread's slots for db are
 * emptied (another thread's slots are gone with it: connections close
 * after the workers stop). Never finalize what sqlite3_next_stmt shows:
 * a virtual table's own statements would be finalized twice. */
static void sq_close_db(sqlite3 *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < STMT_CACHE_SIZE; i++)
		if (stmt_cache[i].db == db)
			stmt_cache[i] = (struct stmt_slot){0};
	stmt_drop_kept(db);
	if (sqlite3_close(db) != SQLITE_OK)
		sqlite3_close_v2(db);
}

int sq_step_done(sqlite3 *db, sqlite3_stmt *st, struct wc_error *err)
{
	int rc = sqlite3_step(st);

	sq_finish(st);
	if (rc != SQLITE_DONE)
		return sq_fail(db, err, "step");
	return 0;
}

void sq_bind_text(sqlite3_stmt *st, int idx, const char *text)
{
	if (text)
		sqlite3_bind_text(st, idx, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, idx);
}

char *sq_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *text = sqlite3_column_text(st, col);

	return text ? strdup((const char *)text) : NULL;
}

void sq_column_copy(sqlite3_stmt *st, int col, char *dst, size_t size)
{
	store_copy(dst, size, (const char *)sqlite3_column_text(st, col));
}

void sq_bind_opt_text(sqlite3_stmt *st, int idx, const char *text)
{
	sq_bind_text(st, idx, text && *text ? text : NULL);
}

void sq_bind_opt_int(sqlite3_stmt *st, int idx, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, idx, v);
	else
		sqlite3_bind_null(st, idx);
}

int sq_step_changed(sqlite3 *db, sqlite3_stmt *st, struct wc_error *err)
{
	if (sq_step_done(db, st, err) < 0)
		return -1;
	return sqlite3_changes(db) ? 0 : STORE_NOT_FOUND;
}

int sq_step_int(sqlite3 *db, sqlite3_stmt *st, int *out, const char *what,
		struct wc_error *err)
{
	int rc = 0;

	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	else
		rc = sq_fail(db, err, what);
	sq_finish(st);
	return rc;
}

int sq_step_row(sqlite3 *db, sqlite3_stmt *st, sq_row_reader read, void *out,
		const char *what, struct wc_error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		read(st, out);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = STORE_NOT_FOUND;
	} else {
		rc = sq_fail(db, err, what);
	}
	sq_finish(st);
	return rc;
}

/* Grow *arr (of size elements) to hold one more; false when out of memory. */
static bool sq_grow(char **arr, size_t size, size_t count, size_t *cap)
{
	size_t ncap;
	void *p;

	if (count < *cap)
		return true;
	ncap = *cap ? *cap * 2 : 16;
	p = realloc(*arr, ncap * size);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

int sq_step_rows(sqlite3 *db, sqlite3_stmt *st, const struct sq_row_kind *kind,
		 int limit, void **out, size_t *n, struct wc_error *err)
{
	char *recs = NULL;
	size_t count = 0, cap = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	       (limit <= 0 || count < (size_t)limit)) {
		if (!sq_grow(&recs, kind->size, count, &cap)) {
			rc = SQLITE_NOMEM;
			break;
		}
		memset(recs + count * kind->size, 0, kind->size);
		kind->read(st, recs + count * kind->size);
		count++;
	}
	sq_finish(st);
	/* SQLITE_ROW: stopped at the limit. */
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		for (size_t i = 0; kind->release && i < count; i++)
			kind->release(recs + i * kind->size);
		free(recs);
		return sq_fail(db, err, kind->what);
	}
	*out = recs;
	*n = count;
	return 0;
}

int sq_next_number(sqlite3 *db, const char *kind, const char *day, char *out,
		   size_t size, struct wc_error *err)
{
	sqlite3_stmt *st = NULL;
	int number = 0;

	if (sq_prepare(db,
		       "INSERT INTO daily_counters (kind, day, last)"
		       " VALUES (?, ?, 1) ON CONFLICT (kind, day)"
		       " DO UPDATE SET last = last + 1 RETURNING last",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, kind);
	sq_bind_text(st, 2, day);
	if (sq_step_int(db, st, &number, "next_number", err) < 0)
		return -1;
	snprintf(out, size, "%s-%s-%04d", kind, day, number);
	return 0;
}

int sq_exec(sqlite3 *db, const char *sql, struct wc_error *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		wc_error_set(err, "internal", NULL, "sqlite: %s",
			     msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Open one connection with the pragmas every connection needs. */
static struct sqlite_conn *sq_conn_open(const char *path, struct wc_error *err)
{
	struct sqlite_conn *c = calloc(1, sizeof(*c));
	int flags =
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

	if (!c) {
		wc_error_set(err, "internal", NULL, "out of memory");
		return NULL;
	}
	c->base.ops = &store_sqlite_ops;
	if (sqlite3_open_v2(path, &c->db, flags, NULL) != SQLITE_OK) {
		sq_fail(c->db, err, path);
		goto fail;
	}
	c->own_db = c->db;
	sqlite3_busy_timeout(c->db, BUSY_TIMEOUT_MS);
	if (sq_exec(c->db,
		    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
		    "PRAGMA foreign_keys=ON;",
		    err) < 0)
		goto fail;
	return c;
fail:
	sq_close_db(c->db);
	free(c);
	return NULL;
}

static void sq_conn_close(struct sqlite_conn **c)
{
	if (!*c)
		return;
	sq_close_db((*c)->own_db);
	free(*c);
	*c = NULL;
}

static int sq_migrate(sqlite3 *db, struct wc_error *err)
{
	sqlite3_stmt *st = NULL;
	int version;
	char sql[64];

	if (sq_prepare(db, "PRAGMA user_version", &st, err) < 0)
		return -1;
	version =
	    sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sq_finish(st);
	if (version < 0)
		return sq_fail(db, err, "user_version");
	if ((size_t)version > N_MIGRATIONS)
		return wc_error_set(err, "internal", NULL,
				    "database schema %d is newer than this "
				    "wincased (%zu)",
				    version, N_MIGRATIONS);
	for (size_t i = (size_t)version; i < N_MIGRATIONS; i++) {
		snprintf(sql, sizeof(sql), "PRAGMA user_version=%zu", i + 1);
		if (sq_exec(db, "BEGIN IMMEDIATE", err) < 0)
			return -1;
		if (sq_exec(db, migrations[i], err) < 0 ||
		    (migration_code[i] && migration_code[i](db, err) < 0) ||
		    sq_exec(db, sql, err) < 0) {
			sq_exec(db, "ROLLBACK", NULL);
			return -1;
		}
		if (sq_exec(db, "COMMIT", err) < 0)
			return -1;
	}
	return 0;
}

/* Register c as the calling thread's connection. */
static int sq_register(struct sqlite_store *s, struct sqlite_conn *c,
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

static struct store_conn *sq_connect(struct store *st, struct wc_error *err)
{
	struct sqlite_store *s = (struct sqlite_store *)st;
	struct sqlite_conn *c = pthread_getspecific(s->key);

	if (c)
		return &c->base;
	c = sq_conn_open(s->path, err);
	if (!c)
		return NULL;
	c->writer = s->writer;
	if (sq_register(s, c, err) < 0) {
		sq_conn_close(&c);
		return NULL;
	}
	return &c->base;
}

/* The writer connection, opened after the schema is current. */
static int sq_writer_open(struct sqlite_store *s, struct wc_error *err)
{
	struct sqlite_conn *w = sq_conn_open(s->path, err), *ck = NULL;

	if (!w || !(ck = sq_conn_open(s->path, err))) {
		sq_conn_close(&w);
		return -1;
	}
	/* Each member's savepoint journal in memory: over 64 KiB SQLite
	 * spilled it to a temporary file, created and removed per member. */
	if (sq_exec(w->db, "PRAGMA temp_store=MEMORY", err) < 0) {
		sq_conn_close(&w);
		sq_conn_close(&ck);
		return -1;
	}
	s->writer = sq_writer_new(w->db, ck->db);
	if (!s->writer) {
		sq_conn_close(&w);
		sq_conn_close(&ck);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	free(w); /* their connections are the writer's now */
	free(ck);
	return 0;
}

static void sq_close(struct store **st)
{
	struct sqlite_store *s = (struct sqlite_store *)*st;
	sqlite3 *checkpoint_db = NULL;

	if (!s)
		return;
	for (size_t i = 0; i < s->n_conns; i++)
		sq_conn_close(&s->conns[i]);
	free(s->conns);
	sq_close_db(sq_writer_free(&s->writer, &checkpoint_db));
	sq_close_db(checkpoint_db);
	pthread_key_delete(s->key);
	pthread_mutex_destroy(&s->lock);
	free(s->path);
	free(s);
	*st = NULL;
}

static int sq_open(const char *path, struct store **out, struct wc_error *err)
{
	struct sqlite_store *s = calloc(1, sizeof(*s));
	struct store_conn *c;

	if (!s)
		return wc_error_set(err, "internal", NULL, "out of memory");
	s->base.ops = &store_sqlite_ops;
	pthread_mutex_init(&s->lock, NULL);
	s->path = strdup(path);
	if (!s->path || pthread_key_create(&s->key, NULL) != 0) {
		free(s->path);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return wc_error_set(err, "internal", NULL, "out of memory");
	}
	*out = &s->base;
	c = sq_connect(*out, err);
	if (!c || sq_migrate(sqlite_conn_of(c)->db, err) < 0 ||
	    sq_writer_open(s, err) < 0) {
		sq_close(out);
		return -1;
	}
	sqlite_conn_of(c)->writer = s->writer;
	return 0;
}

/* GET /v1/health: a file is always there; its schema version. */
static void sq_status(struct store_conn *base, struct store_status *out)
{
	sqlite3 *db = sqlite_conn_of(base)->db;
	sqlite3_stmt *st = NULL;

	memset(out, 0, sizeof(*out));
	if (sq_prepare(db, "PRAGMA user_version", &st, NULL) < 0)
		return;
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->connected = true;
		store_copy(out->role, sizeof(out->role), "primary");
		out->schema_version = sqlite3_column_int(st, 0);
	}
	sq_finish(st);
}

const struct store_ops store_sqlite_ops = {
    .name = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .connect = sq_connect,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .user_get = sq_user_get,
    .user_add_if_missing = sq_user_add_if_missing,
    .user_windows_get = sq_user_windows_get,
    .user_windows_set = sq_user_windows_set,
    .session_create = sq_session_create,
    .session_get = sq_session_get,
    .session_delete = sq_session_delete,
    .login_failure_add = sq_login_failure_add,
    .login_failure_count = sq_login_failure_count,
    .login_failure_clear = sq_login_failure_clear,
    .throttle_hit = sq_throttle_hit,
    .throttle_undo = sq_throttle_undo,
    .throttle_clear = sq_throttle_clear,
    .idempotency_get = sq_idempotency_get,
    .idempotency_put = sq_idempotency_put,
    .catalog_item_put = sq_catalog_item_put,
    .catalog_items_visit = sq_catalog_items_visit,
    .calendar_year_put = sq_calendar_year_put,
    .calendar_years_visit = sq_calendar_years_visit,
    .inquiry_create = sq_inquiry_create,
    .inquiry_get = sq_inquiry_get,
    .inquiry_handed_to = sq_inquiry_handed_to,
    .inquiry_list = sq_inquiry_list,
    .inquiry_update = sq_inquiry_update,
    .inquiry_handoffs = sq_inquiry_handoffs,
    .inquiry_handoff_add = sq_inquiry_handoff_add,
    .inquiry_handoff_ack = sq_inquiry_handoff_ack,
    .inquiry_handoff_recall = sq_inquiry_handoff_recall,
    .handoff_targets_visit = sq_handoff_targets_visit,
    .backup = sq_backup,
    .audit_last = sq_audit_last,
    .audit_insert = sq_audit_insert,
    .audit_visit = sq_audit_visit,
    .audit_checkpoint_add = sq_audit_checkpoint_add,
    .audit_checkpoint_last = sq_audit_checkpoint_last,
    .audit_checkpoint_visit = sq_audit_checkpoint_visit,
    .audit_checkpoint_exported = sq_audit_checkpoint_exported,
    .audit_count = sq_audit_count,
    .document_put = sq_document_put,
    .document_find_by_code = sq_document_find_by_code,
    .document_find_by_no = sq_document_find_by_no,
    .case_create = sq_case_create,
    .case_get = sq_case_get,
    .case_update = sq_case_update,
    .case_list = sq_case_list,
    .case_list_due = sq_case_list_due,
    .case_list_due_pending = sq_case_list_due_pending,
    .notice_create = sq_notice_create,
    .notice_list = sq_notice_list,
    .commitment_create = sq_commitment_create,
    .commitment_get_by_case = sq_commitment_get_by_case,
    .commitment_list_due = sq_commitment_list_due,
    .commitment_set_status = sq_commitment_set_status,
    .commitment_set_due = sq_commitment_set_due,
    .commitment_count = sq_commitment_count,
    .supplement_add = sq_supplement_add,
    .credit_add = sq_credit_add,
    .credit_breaches = sq_credit_breaches,
    .credit_list = sq_credit_list,
    .review_add = sq_review_add,
    .number_next = sq_number_next,
    .review_list = sq_review_list,
    .review_get = sq_review_get,
    .review_decide = sq_review_decide,
    .review_exists = sq_review_exists,
    .review_set_due = sq_review_set_due,
    .handoff_list_waiting = sq_handoff_list_waiting,
    .credit_waive = sq_credit_waive,
    .stats_visit = sq_stats_visit,
    .review_set_owner = sq_review_set_owner,
    .review_set_step = sq_review_set_step,
    .status = sq_status,
};
