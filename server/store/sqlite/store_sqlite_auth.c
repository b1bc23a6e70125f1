/* store_sqlite_auth.c - users, sessions, failed logins and idempotency
 * records on SQLite. */
#include "store/sqlite/store_sqlite.h"

#include <string.h>

static void sq_read_user(sqlite3_stmt *st, int col, struct user_record *u)
{
	sq_column_copy(st, col, u->username, sizeof(u->username));
	sq_column_copy(st, col + 1, u->display_name, sizeof(u->display_name));
	sq_column_copy(st, col + 2, u->role, sizeof(u->role));
	sq_column_copy(st, col + 3, u->window, sizeof(u->window));
	sq_column_copy(st, col + 4, u->department, sizeof(u->department));
	sq_column_copy(st, col + 5, u->pwhash, sizeof(u->pwhash));
}

static void sq_read_user_row(sqlite3_stmt *st, void *out)
{
	sq_read_user(st, 0, out);
}

int sq_user_get(struct store_conn *c, const char *username,
		struct user_record *out, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT username, display_name, role, window_no,"
		       " department, pwhash FROM users WHERE username = ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, username);
	return sq_step_row(db, st, sq_read_user_row, out, "user_get", err);
}

int sq_user_add_if_missing(struct store_conn *c, const struct user_record *u,
			   int64_t now, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "INSERT OR IGNORE INTO users (username, display_name,"
		       " role, window_no, department, pwhash, created_at)"
		       " VALUES (?, ?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, u->username);
	sq_bind_text(st, 2, u->display_name);
	sq_bind_text(st, 3, u->role);
	sq_bind_text(st, 4, u->window);
	sq_bind_text(st, 5, u->department);
	sq_bind_text(st, 6, u->pwhash);
	sqlite3_bind_int64(st, 7, now);
	return sq_step_done(db, st, err);
}

int sq_session_create(struct store_conn *c, const char *token_hash,
		      const char *username, const char *window, int64_t now,
		      int64_t expires_at, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "INSERT INTO sessions (token_hash, username, window_no,"
		       " created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, token_hash);
	sq_bind_text(st, 2, username);
	sq_bind_text(st, 3, window);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, expires_at);
	return sq_step_done(db, st, err);
}

static void sq_read_session(sqlite3_stmt *st, void *rec)
{
	struct session_record *out = rec;

	sq_column_copy(st, 0, out->window, sizeof(out->window));
	out->expires_at = sqlite3_column_int64(st, 1);
	sq_read_user(st, 2, &out->user);
}

int sq_session_get(struct store_conn *c, const char *token_hash, int64_t now,
		   struct session_record *out, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT s.window_no, s.expires_at, u.username,"
		       " u.display_name, u.role, u.window_no, u.department,"
		       " u.pwhash FROM sessions s JOIN users u"
		       " ON u.username = s.username"
		       " WHERE s.token_hash = ? AND s.expires_at > ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, token_hash);
	sqlite3_bind_int64(st, 2, now);
	return sq_step_row(db, st, sq_read_session, out, "session_get", err);
}

int sq_session_delete(struct store_conn *c, const char *token_hash,
		      struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db, "DELETE FROM sessions WHERE token_hash = ?", &st,
		       err) < 0)
		return -1;
	sq_bind_text(st, 1, token_hash);
	return sq_step_done(db, st, err);
}

int sq_login_failure_add(struct store_conn *c, const char *username, int64_t at,
			 struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(
		db, "INSERT INTO login_failures (username, at) VALUES (?, ?)",
		&st, err) < 0)
		return -1;
	sq_bind_text(st, 1, username);
	sqlite3_bind_int64(st, 2, at);
	return sq_step_done(db, st, err);
}

int sq_login_failure_count(struct store_conn *c, const char *username,
			   int64_t since, int *out, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "SELECT count(*) FROM login_failures"
		       " WHERE username = ? AND at >= ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, username);
	sqlite3_bind_int64(st, 2, since);
	return sq_step_int(db, st, out, "login_failure_count", err);
}

int sq_login_failure_clear(struct store_conn *c, const char *username,
			   struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db, "DELETE FROM login_failures WHERE username = ?", &st,
		       err) < 0)
		return -1;
	sq_bind_text(st, 1, username);
	return sq_step_done(db, st, err);
}

static void sq_read_idempotency(sqlite3_stmt *st, void *rec)
{
	struct idempotency_record *out = rec;

	memset(out, 0, sizeof(*out));
	sq_column_copy(st, 0, out->request_hash, sizeof(out->request_hash));
	out->status = sqlite3_column_int(st, 1);
	out->body = sq_column_dup(st, 2);
	sq_column_copy(st, 3, out->etag, sizeof(out->etag));
	sq_column_copy(st, 4, out->location, sizeof(out->location));
	out->created_at = sqlite3_column_int64(st, 5);
}

int sq_idempotency_get(struct store_conn *c, const char *username,
		       const char *key, int64_t since,
		       struct idempotency_record *out, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int rc;

	if (sq_prepare(db,
		       "SELECT request_hash, status, body, etag, location,"
		       " created_at FROM idempotency"
		       " WHERE username = ? AND key = ? AND created_at >= ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, username);
	sq_bind_text(st, 2, key);
	sqlite3_bind_int64(st, 3, since);
	rc = sq_step_row(db, st, sq_read_idempotency, out, "idempotency_get",
			 err);
	if (rc == 0 && !out->body)
		return sq_fail(NULL, err, "idempotency_get");
	return rc;
}

int sq_idempotency_put(struct store_conn *c, const char *username,
		       const char *key, const struct idempotency_record *rec,
		       int64_t expire_before, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db, "DELETE FROM idempotency WHERE created_at < ?", &st,
		       err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, expire_before);
	if (sq_step_done(db, st, err) < 0)
		return -1;
	if (sq_prepare(db,
		       "INSERT OR REPLACE INTO idempotency (username, key,"
		       " request_hash, status, body, etag, location,"
		       " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, username);
	sq_bind_text(st, 2, key);
	sq_bind_text(st, 3, rec->request_hash);
	sqlite3_bind_int(st, 4, rec->status);
	sq_bind_text(st, 5, rec->body ? rec->body : "");
	sq_bind_text(st, 6, rec->etag);
	sq_bind_text(st, 7, rec->location);
	sqlite3_bind_int64(st, 8, rec->created_at);
	return sq_step_done(db, st, err);
}

/* Migration 6: throttle counters ("login:addr:IP", "login:user:NAME",
 * "verify:addr:IP"). Rows of runs long over are removed as others are
 * counted. */
const char sq_schema_throttle[] =
    "CREATE TABLE throttle ("
    " key TEXT PRIMARY KEY, count INTEGER NOT NULL,"
    " last_at INTEGER NOT NULL, blocked_until INTEGER NOT NULL);"
    "CREATE INDEX throttle_age ON throttle(last_at);";

/* Rows idle for a day are forgotten (a run ends long before). */
#define THROTTLE_KEEP_SECONDS 86400

/* One statement, so that concurrent attempts each see their own count:
 * a new run starts after the quiet time; the n-th attempt of a run with
 * n >= free blocks the key for base << (n - free), at most max. The
 * update does nothing while the key is blocked (unless forced). */
static const char throttle_hit_sql[] =
    "INSERT INTO throttle (key, count, last_at, blocked_until)"
    " VALUES (?1, 1, ?2, CASE WHEN 1 >= ?3 THEN ?2 + ?4 ELSE 0 END)"
    " ON CONFLICT (key) DO UPDATE SET"
    "  count = CASE WHEN last_at < ?2 - ?6 THEN 1 ELSE count + 1 END,"
    "  blocked_until = CASE"
    "   WHEN (CASE WHEN last_at < ?2 - ?6 THEN 1 ELSE count + 1 END) < ?3"
    "   THEN 0"
    "   ELSE ?2 + min(?5, ?4 << min(20, (CASE WHEN last_at < ?2 - ?6"
    "    THEN 1 ELSE count + 1 END) - ?3)) END,"
    "  last_at = ?2"
    " WHERE ?7 OR blocked_until <= ?2"
    " RETURNING count";

static int sq_throttle_forget(sqlite3 *db, int64_t now, struct wc_error *err)
{
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db,
		       "DELETE FROM throttle WHERE last_at < ?"
		       " AND blocked_until <= ?",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, now - THROTTLE_KEEP_SECONDS);
	sqlite3_bind_int64(st, 2, now);
	return sq_step_done(db, st, err);
}

static int sq_throttle_blocked(sqlite3 *db, const char *key, int64_t now,
			       int64_t *retry_after, struct wc_error *err)
{
	sqlite3_stmt *st = NULL;
	int64_t until = 0;
	int rc;

	if (sq_prepare(db, "SELECT blocked_until FROM throttle WHERE key = ?",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		until = sqlite3_column_int64(st, 0);
	sq_finish(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_fail(db, err, "throttle_blocked");
	*retry_after = until > now ? until - now : 1;
	return 0;
}

int sq_throttle_hit(struct store_conn *c, const char *key,
		    const struct throttle_rule *rule, int64_t now, bool force,
		    int *count, int64_t *retry_after, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;
	int rc;

	*count = 0;
	*retry_after = 0;
	if (sq_throttle_forget(db, now, err) < 0 ||
	    sq_prepare(db, throttle_hit_sql, &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int(st, 3, rule->free);
	sqlite3_bind_int(st, 4, rule->base_seconds);
	sqlite3_bind_int(st, 5, rule->max_seconds);
	sqlite3_bind_int(st, 6, rule->quiet_seconds);
	sqlite3_bind_int(st, 7, force);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int(st, 0);
	sq_finish(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_fail(db, err, "throttle_hit");
	if (rc == SQLITE_DONE) /* blocked: nothing was updated */
		return sq_throttle_blocked(db, key, now, retry_after, err);
	return 0;
}

int sq_throttle_undo(struct store_conn *c, const char *key,
		     const struct throttle_rule *rule, struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	/* The attempt given back no longer blocks; earlier ones may. */
	if (sq_prepare(db,
		       "UPDATE throttle SET count = max(0, count - 1),"
		       " blocked_until = CASE WHEN count - 1 < ?2 THEN 0"
		       "  ELSE blocked_until END"
		       " WHERE key = ?1",
		       &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, key);
	sqlite3_bind_int(st, 2, rule->free);
	return sq_step_done(db, st, err);
}

int sq_throttle_clear(struct store_conn *c, const char *key,
		      struct wc_error *err)
{
	sqlite3 *db = sqlite_conn_of(c)->db;
	sqlite3_stmt *st = NULL;

	if (sq_prepare(db, "DELETE FROM throttle WHERE key = ?", &st, err) < 0)
		return -1;
	sq_bind_text(st, 1, key);
	return sq_step_done(db, st, err);
}
