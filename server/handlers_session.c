/* handlers_session.c - health, sessions, the caller, and the fake clock. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "admin.h"
#include "api.h"
#include "scheduler.h"
#include "throttle.h"
#include "wincase/calendar.h"
#include "wincase/validate.h"

#define TOKEN_BYTES	   32
#define PASSWORD_MAX_BYTES 1024

int auth_hash_password(const struct app *app, const char *password,
		       char out[128], struct wc_error *err)
{
	unsigned long long ops = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
	size_t mem = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;

	if (app->cfg.pwhash_cost == PWHASH_MIN) {
		ops = crypto_pwhash_argon2id_OPSLIMIT_MIN;
		mem = crypto_pwhash_argon2id_MEMLIMIT_MIN;
	} else if (app->cfg.pwhash_cost == PWHASH_MODERATE) {
		ops = crypto_pwhash_argon2id_OPSLIMIT_MODERATE;
		mem = crypto_pwhash_argon2id_MEMLIMIT_MODERATE;
	}
	if (crypto_pwhash_str_alg(out, password, strlen(password), ops, mem,
				  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return wc_error_set(err, "internal", NULL,
				    "password hashing ran out of memory");
	return 0;
}

/* Issue 16: each worker thread asks the store at most every
 * HEALTH_STORE_MS; the answers between repeat what it saw. A load
 * balancer polling health thousands of times a second otherwise costs a
 * database round trip (a read lock on SQLite) per poll. A store failure
 * answered to any request (api_store_failures) makes the next health
 * ask again at once, so "connected" never outlives a failure seen. */
#define HEALTH_STORE_MS 100

static long long health_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void health_store_status(struct store_conn *db, struct store_status *out)
{
	static _Thread_local struct {
		bool valid;
		long long at_ms;
		unsigned failures;
		struct store_status st;
	} seen;
	long long now = health_now_ms();
	unsigned failures = api_store_failures();

	if (!seen.valid || now - seen.at_ms >= HEALTH_STORE_MS ||
	    now < seen.at_ms || failures != seen.failures) {
		memset(&seen.st, 0, sizeof(seen.st));
		if (db && db->ops->status)
			db->ops->status(db, &seen.st);
		seen.valid = true;
		seen.at_ms = now;
		seen.failures = failures;
	}
	*out = seen.st;
}

/* Issue 10: is the database reachable, is it the primary, and which
 * schema version it has. */
static json_t *health_store(struct store_conn *db)
{
	struct store_status st = {0};

	health_store_status(db, &st);
	return json_pack(
	    "{s:b, s:o, s:o}", "connected", st.connected, "role",
	    st.role[0] ? json_string(st.role) : json_null(), "schema_version",
	    st.connected ? json_integer(st.schema_version) : json_null());
}

void handle_health(struct api_request *req, struct api_reply *rep)
{
	struct app *app = req->app;
	char now[CLOCK_TEXT_SIZE], until[DATE_TEXT_SIZE];
	wc_day last;

	pthread_rwlock_rdlock(&app->reference_lock);
	last = calendar_last_covered(app->calendar);
	pthread_rwlock_unlock(&app->reference_lock);
	if (last >= 0)
		date_format(last, until);
	clock_format(&app->clock, req->now, now);
	api_ok(rep, 200,
	       json_pack("{s:s, s:s, s:s, s:s, s:o, s:b, s:o}", "status", "ok",
			 "version", WINCASED_VERSION, "store",
			 app->store->ops->name, "time", now, "calendar_until",
			 last >= 0 ? json_string(until) : json_null(),
			 "fake_clock", app->clock.fake, "database",
			 health_store(req->db)));
}

/* Throttled per address and account before the hash (throttle.h); the
 * answer is the same whether the user is unknown or the password wrong,
 * and takes as long. */
static bool session_check_password(struct api_request *req,
				   struct api_reply *rep, const char *username,
				   const char *password,
				   struct user_record *user)
{
	struct store_conn *db = req->db;
	struct login_attempt attempt;
	struct wc_error err;
	bool right = false;
	int rc;

	if (!throttle_login_begin(req, rep, username, &attempt))
		return false;
	rc = db->ops->user_get(db, username, user, &err);
	if (rc < 0) {
		throttle_login_end(req, &attempt, false);
		api_internal(rep, &err);
		return false;
	}
	if (rc == STORE_NOT_FOUND) {
		/* Spend the same time as for a known user; always fails. */
		rc = crypto_pwhash_str_verify(req->app->dummy_pwhash, password,
					      strlen(password));
		(void)rc;
	} else {
		right = crypto_pwhash_str_verify(user->pwhash, password,
						 strlen(password)) == 0;
	}
	throttle_login_end(req, &attempt, right);
	if (!right)
		api_error(rep, 401, "bad_credentials", NULL,
			  "unknown user or wrong password");
	return right;
}

static bool session_window(const json_t *body, struct api_reply *rep,
			   const char **window)
{
	if (!api_get_string(body, "window", "window", false, rep, window))
		return false;
	if (*window && (validate_text(*window, 16, false) != VALID_OK ||
			strlen(*window) >= 32)) {
		api_error(rep, 422, "invalid_field", "window",
			  "window must be 1-16 characters without controls");
		return false;
	}
	if (*window && !**window)
		*window = NULL;
	return true;
}

/* A user sits only at the windows the administrator gave
 * them; a trainee works only on a training server (one started with the
 * training seed), never on the production one. False after a 403. */
static bool session_may_sit(struct api_request *req, struct api_reply *rep,
			    const struct user_record *user, const char *window)
{
	char windows[ADMIN_WINDOWS_TEXT_MAX];
	struct wc_error err;

	if (strcmp(user->role, "trainee") == 0 &&
	    !req->app->cfg.training_seed_dir[0]) {
		api_error(rep, 403, "training_only", NULL,
			  "a trainee signs in on a training server only");
		return false;
	}
	if (!window)
		return true;
	if (req->db->ops->user_windows_get(req->db, user->username, windows,
					   sizeof(windows), &err) != 0) {
		api_internal(rep, &err);
		return false;
	}
	if (!admin_window_listed(windows, window)) {
		api_error(rep, 403, "window_not_allowed", "window",
			  "you may not sit at window %.32s", window);
		return false;
	}
	return true;
}

/* The session and its audit entry in one write transaction: both or
 * neither (the route is not ROUTE_WRITE so that the password hash above
 * runs without holding the store's write lock). */
static bool session_store(struct api_request *req, struct api_reply *rep,
			  const struct user_record *user, const char *hash,
			  const char *window, int64_t expires_at)
{
	struct store_conn *db = req->db;
	char entity[80];
	json_t *data;
	bool audited;
	struct wc_error err;

	if (db->ops->begin(db, &err) < 0) {
		api_internal(rep, &err);
		return false;
	}
	if (db->ops->session_create(db, hash, user->username, window, req->now,
				    expires_at, &err) < 0) {
		api_internal(rep, &err);
		db->ops->rollback(db);
		return false;
	}
	snprintf(entity, sizeof(entity), "user:%s", user->username);
	data = json_pack("{s:s}", "window", window);
	audited =
	    api_audit(req, rep, user->username, "session.create", entity, data);
	json_decref(data);
	if (!audited) {
		db->ops->rollback(db);
		return false;
	}
	if (db->ops->commit(db, &err) < 0) {
		api_internal(rep, &err);
		db->ops->rollback(db);
		return false;
	}
	return true;
}

void handle_session_create(struct api_request *req, struct api_reply *rep)
{
	const char *username, *password, *window;
	unsigned char raw[TOKEN_BYTES];
	char token[sodium_base64_ENCODED_LEN(
	    TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
	char hash[65], expires[CLOCK_TEXT_SIZE];
	struct user_record user;
	int64_t expires_at;

	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "username", "username", true, rep,
			    &username) ||
	    !api_get_string(req->body, "password", "password", true, rep,
			    &password) ||
	    !session_window(req->body, rep, &window))
		return;
	if (strlen(username) >= sizeof(user.username) ||
	    strlen(password) > PASSWORD_MAX_BYTES) {
		api_error(rep, 401, "bad_credentials", NULL,
			  "unknown user or wrong password");
		return;
	}
	if (!session_check_password(req, rep, username, password, &user) ||
	    !session_may_sit(req, rep, &user, window))
		return;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(token, sizeof(token), raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	api_token_hash(token, hash);
	if (!window)
		window = user.window;
	expires_at = req->now + (int64_t)req->app->cfg.session_hours * 3600;
	if (session_store(req, rep, &user, hash, window, expires_at)) {
		clock_format(&req->app->clock, expires_at, expires);
		api_ok(rep, 201,
		       json_pack("{s:s, s:s, s:o}", "token", token,
				 "expires_at", expires, "user",
				 api_user_json(&user, window)));
	}
	sodium_memzero(token, sizeof(token));
}

void handle_session_delete(struct api_request *req, struct api_reply *rep)
{
	struct wc_error err;

	char entity[80];

	if (req->db->ops->session_delete(req->db, req->token_hash, &err) < 0) {
		api_internal(rep, &err);
		return;
	}
	snprintf(entity, sizeof(entity), "user:%s",
		 req->session->user.username);
	if (!api_audit(req, rep, NULL, "session.delete", entity, NULL))
		return;
	api_ok(rep, 204, NULL);
}

void handle_me(struct api_request *req, struct api_reply *rep)
{
	api_ok(rep, 200,
	       api_user_json(&req->session->user, req->session->window));
}

/* Only routed with --fake-clock (ROUTE_FAKE_CLOCK). */
void handle_clock_put(struct api_request *req, struct api_reply *rep)
{
	const char *text;
	char now[CLOCK_TEXT_SIZE];
	int64_t t;
	json_t *data;
	bool audited;
	struct scheduler_counts counts;
	struct wc_error err;

	/* API.md: in a server started for training, the trainee too. */
	if (strcmp(req->session->user.role, "trainee") == 0 &&
	    !req->app->cfg.training_seed_dir[0]) {
		api_error(rep, 403, "forbidden", NULL,
			  "role trainee may not do this");
		return;
	}
	if (!api_body_object(req, rep) ||
	    !api_get_string(req->body, "now", "now", true, rep, &text))
		return;
	if (!clock_parse_rfc3339(text, &t)) {
		api_error(rep, 422, "invalid_field", "now",
			  "now must be an RFC 3339 time with offset");
		return;
	}
	clock_format(&req->app->clock, t, now);
	data = json_pack("{s:s}", "now", now);
	audited = api_audit(req, rep, NULL, "clock.set", "clock", data);
	json_decref(data);
	if (!audited)
		return;
	/* The deadline scheduler runs at the new time before the answer, in
	 * this request's transaction (it commits with the clock change). */
	if (scheduler_run(req->app, req->db, t, &counts, &err) < 0 ||
	    (req->db->ops->clock_put &&
	     req->db->ops->clock_put(req->db, t, false, &err) < 0)) {
		api_internal(rep, &err);
		return;
	}
	clock_set(&req->app->clock, t);
	api_ok(rep, 200,
	       json_pack("{s:s, s:b, s:o}", "now", now, "fake_clock", 1,
			 "scheduler", scheduler_counts_json(&counts)));
}
