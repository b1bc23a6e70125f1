/* store_pg_auth.c - users and their windows, sessions, failed logins,
 * throttle counters and idempotency records on PostgreSQL. */
#include "store/pg/store_pg.h"

#include <string.h>

static void pg_read_user(struct pgr *r, struct user_record *u)
{
	pgr_copy(r, u->username, sizeof(u->username));
	pgr_copy(r, u->display_name, sizeof(u->display_name));
	pgr_copy(r, u->role, sizeof(u->role));
	pgr_copy(r, u->window, sizeof(u->window));
	pgr_copy(r, u->department, sizeof(u->department));
	pgr_copy(r, u->pwhash, sizeof(u->pwhash));
}

static void pg_read_user_row(struct pgr *r, void *out)
{
	pg_read_user(r, out);
}

int pg_user_get(struct store_conn *c, const char *username,
		struct user_record *out, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT username, display_name, role, window_no, department,"
	    " pwhash FROM users WHERE username = $1";
	struct pgp p = {0};

	pgp_text(&p, username);
	return pg_row(c, sql, &p, pg_read_user_row, out, err);
}

int pg_user_add_if_missing(struct store_conn *c, const struct user_record *u,
			   int64_t now, struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO users (username, display_name, role, window_no,"
	    " department, pwhash, created_at)"
	    " VALUES ($1, $2, $3, $4, $5, $6, $7)"
	    " ON CONFLICT (username) DO NOTHING";
	struct pgp p = {0};

	pgp_text(&p, u->username);
	pgp_text(&p, u->display_name);
	pgp_text(&p, u->role);
	pgp_text(&p, u->window);
	pgp_text(&p, u->department);
	pgp_text(&p, u->pwhash);
	pgp_int(&p, now);
	return pg_done(c, sql, &p, err);
}

struct pg_text_out {
	char *buf;
	size_t size;
};

static void pg_read_text(struct pgr *r, void *out)
{
	struct pg_text_out *dst = out;

	pgr_copy(r, dst->buf, dst->size);
}

int pg_user_windows_get(struct store_conn *c, const char *username, char *out,
			size_t size, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT windows FROM users WHERE username = $1";
	struct pg_text_out dst = {out, size};
	struct pgp p = {0};

	out[0] = '\0';
	pgp_text(&p, username);
	return pg_row(c, sql, &p, pg_read_text, &dst, err);
}

int pg_user_windows_set(struct store_conn *c, const char *username,
			const char *windows, const char *window,
			struct wc_error *err)
{
	static const char sql[] =
	    "UPDATE users SET windows = $1, window_no = $2"
	    " WHERE username = $3";
	struct pgp p = {0};

	pgp_text(&p, windows);
	pgp_text(&p, window);
	pgp_text(&p, username);
	return pg_changed(c, sql, &p, err);
}

int pg_session_create(struct store_conn *c, const char *token_hash,
		      const char *username, const char *window, int64_t now,
		      int64_t expires_at, struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO sessions (token_hash, username, window_no,"
	    " created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
	struct pgp p = {0};

	pgp_text(&p, token_hash);
	pgp_text(&p, username);
	pgp_text(&p, window);
	pgp_int(&p, now);
	pgp_int(&p, expires_at);
	return pg_done(c, sql, &p, err);
}

static void pg_read_session(struct pgr *r, void *rec)
{
	struct session_record *out = rec;

	pgr_copy(r, out->window, sizeof(out->window));
	out->expires_at = pgr_int(r);
	pg_read_user(r, &out->user);
}

int pg_session_get(struct store_conn *c, const char *token_hash, int64_t now,
		   struct session_record *out, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT s.window_no, s.expires_at, u.username, u.display_name,"
	    " u.role, u.window_no, u.department, u.pwhash"
	    " FROM sessions s JOIN users u ON u.username = s.username"
	    " WHERE s.token_hash = $1 AND s.expires_at > $2";
	struct pgp p = {0};

	pgp_text(&p, token_hash);
	pgp_int(&p, now);
	return pg_row(c, sql, &p, pg_read_session, out, err);
}

/* One statement on one key (token, user, throttle key). */
static int pg_by_key(struct store_conn *c, const char *sql, const char *key,
		     struct wc_error *err)
{
	struct pgp p = {0};

	pgp_text(&p, key);
	return pg_done(c, sql, &p, err);
}

int pg_session_delete(struct store_conn *c, const char *token_hash,
		      struct wc_error *err)
{
	static const char sql[] = "DELETE FROM sessions WHERE token_hash = $1";

	return pg_by_key(c, sql, token_hash, err);
}

int pg_login_failure_add(struct store_conn *c, const char *username, int64_t at,
			 struct wc_error *err)
{
	static const char sql[] =
	    "INSERT INTO login_failures (username, at) VALUES ($1, $2)";
	struct pgp p = {0};

	pgp_text(&p, username);
	pgp_int(&p, at);
	return pg_done(c, sql, &p, err);
}

int pg_login_failure_count(struct store_conn *c, const char *username,
			   int64_t since, int *out, struct wc_error *err)
{
	static const char sql[] = "SELECT count(*) FROM login_failures"
				  " WHERE username = $1 AND at >= $2";
	struct pgp p = {0};

	pgp_text(&p, username);
	pgp_int(&p, since);
	return pg_int32(c, sql, &p, out, err);
}

int pg_login_failure_clear(struct store_conn *c, const char *username,
			   struct wc_error *err)
{
	static const char sql[] =
	    "DELETE FROM login_failures WHERE username = $1";

	return pg_by_key(c, sql, username, err);
}

/* Rows idle for a day are forgotten (a run ends long before). */
#define THROTTLE_KEEP_SECONDS 86400

/* As on SQLite (store_sqlite_auth.c): one statement, so that concurrent
 * attempts of every instance each see their own count. $7 is force. */
#define THROTTLE_RUN_COUNT                                                     \
	"(CASE WHEN throttle.last_at < $2 - $6 THEN 1"                         \
	" ELSE throttle.count + 1 END)"
static const char throttle_hit_sql[] =
    "INSERT INTO throttle (key, count, last_at, blocked_until)"
    " VALUES ($1, 1, $2, CASE WHEN 1 >= $3 THEN $2 + $4 ELSE 0 END)"
    " ON CONFLICT (key) DO UPDATE SET"
    "  count = " THROTTLE_RUN_COUNT ","
    "  blocked_until = CASE WHEN " THROTTLE_RUN_COUNT " < $3 THEN 0"
    "   ELSE $2 + LEAST($5, $4 << LEAST(20, " THROTTLE_RUN_COUNT
    " - $3)::int) END,"
    "  last_at = $2"
    " WHERE $7 <> 0 OR throttle.blocked_until <= $2"
    " RETURNING count";

int pg_throttle_hit(struct store_conn *c, const char *key,
		    const struct throttle_rule *rule, int64_t now, bool force,
		    int *count, int64_t *retry_after, struct wc_error *err)
{
	static const char forget_sql[] =
	    "DELETE FROM throttle WHERE last_at < $1 AND blocked_until <= $2";
	static const char blocked_sql[] =
	    "SELECT blocked_until FROM throttle WHERE key = $1";
	struct pgp p = {0}, f = {0};
	PGresult *res;
	struct pgr r;
	int64_t until = 0;

	*count = 0;
	*retry_after = 0;
	pgp_int(&f, now - THROTTLE_KEEP_SECONDS);
	pgp_int(&f, now);
	if (pg_done(c, forget_sql, &f, err) < 0)
		return -1;
	pgp_text(&p, key);
	pgp_int(&p, now);
	pgp_int(&p, rule->free);
	pgp_int(&p, rule->base_seconds);
	pgp_int(&p, rule->max_seconds);
	pgp_int(&p, rule->quiet_seconds);
	pgp_int(&p, force ? 1 : 0);
	res = pg_run(c, throttle_hit_sql, &p, err);
	if (!res)
		return -1;
	r = (struct pgr){res, 0, 0};
	if (PQntuples(res) > 0) {
		*count = (int)pgr_int(&r);
		PQclear(res);
		return 0;
	}
	PQclear(res);
	/* Blocked: nothing was updated. */
	p.n = 1;
	res = pg_run(c, blocked_sql, &p, err);
	if (!res)
		return -1;
	r = (struct pgr){res, 0, 0};
	if (PQntuples(res) > 0)
		until = pgr_int(&r);
	PQclear(res);
	*retry_after = until > now ? until - now : 1;
	return 0;
}

int pg_throttle_undo(struct store_conn *c, const char *key,
		     const struct throttle_rule *rule, struct wc_error *err)
{
	/* The attempt given back no longer blocks; earlier ones may. */
	static const char sql[] =
	    "UPDATE throttle SET count = GREATEST(0, count - 1),"
	    " blocked_until = CASE WHEN count - 1 < $2 THEN 0"
	    "  ELSE blocked_until END WHERE key = $1";
	struct pgp p = {0};

	pgp_text(&p, key);
	pgp_int(&p, rule->free);
	return pg_done(c, sql, &p, err);
}

int pg_throttle_clear(struct store_conn *c, const char *key,
		      struct wc_error *err)
{
	static const char sql[] = "DELETE FROM throttle WHERE key = $1";

	return pg_by_key(c, sql, key, err);
}

static void pg_read_idempotency(struct pgr *r, void *rec)
{
	struct idempotency_record *out = rec;

	memset(out, 0, sizeof(*out));
	pgr_copy(r, out->request_hash, sizeof(out->request_hash));
	out->status = (int)pgr_int(r);
	out->body = pgr_dup(r);
	pgr_copy(r, out->etag, sizeof(out->etag));
	pgr_copy(r, out->location, sizeof(out->location));
	out->created_at = pgr_int(r);
}

int pg_idempotency_get(struct store_conn *c, const char *username,
		       const char *key, int64_t since,
		       struct idempotency_record *out, struct wc_error *err)
{
	static const char sql[] =
	    "SELECT request_hash, status, body, etag, location, created_at"
	    " FROM idempotency"
	    " WHERE username = $1 AND key = $2 AND created_at >= $3";
	struct pgp p = {0};
	int rc;

	pgp_text(&p, username);
	pgp_text(&p, key);
	pgp_int(&p, since);
	rc = pg_row(c, sql, &p, pg_read_idempotency, out, err);
	if (rc == 0 && !out->body)
		return wc_error_set(err, "internal", NULL, "out of memory");
	return rc;
}

int pg_idempotency_put(struct store_conn *c, const char *username,
		       const char *key, const struct idempotency_record *rec,
		       int64_t expire_before, struct wc_error *err)
{
	static const char expire_sql[] =
	    "DELETE FROM idempotency WHERE created_at < $1";
	static const char sql[] =
	    "INSERT INTO idempotency (username, key, request_hash, status,"
	    " body, etag, location, created_at)"
	    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
	    " ON CONFLICT (username, key) DO UPDATE SET"
	    " request_hash = EXCLUDED.request_hash, status = EXCLUDED.status,"
	    " body = EXCLUDED.body, etag = EXCLUDED.etag,"
	    " location = EXCLUDED.location, created_at = EXCLUDED.created_at";
	struct pgp e = {0}, p = {0};

	pgp_int(&e, expire_before);
	if (pg_done(c, expire_sql, &e, err) < 0)
		return -1;
	pgp_text(&p, username);
	pgp_text(&p, key);
	pgp_text(&p, rec->request_hash);
	pgp_int(&p, rec->status);
	pgp_text(&p, rec->body ? rec->body : "");
	pgp_text(&p, rec->etag);
	pgp_text(&p, rec->location);
	pgp_int(&p, rec->created_at);
	return pg_done(c, sql, &p, err);
}
