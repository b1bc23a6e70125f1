/* http.c - libmicrohttpd glue and the wrapper around every handler:
 * routing (404/405), body limit (413), authentication (401), roles (403),
 * content type (415), JSON parsing (400), idempotency keys and the one
 * error format. No reply is ever HTML. */
#include "http.h"

#include <netdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include <microhttpd.h>
#include <sodium.h>

#include "api.h"
#include "audit.h"
#include "http_limits.h"
#include "http_tls.h"
#include "log.h"
#include "routes.h"

#define PATH_MAX_BYTES	    512
#define PARAM_MAX_BYTES	    128
#define IDEMPOTENCY_SECONDS (24 * 3600)

struct http_server {
	struct app *app;
	struct MHD_Daemon *daemon;
	struct http_watch *watch; /* header and body deadlines */
	int port;
};

/* One request's state across the access handler's calls. */
struct request_state {
	char *body;
	size_t len, cap;
	bool too_large;
};

/* The wrapper's view of one dispatch. */
struct dispatch {
	struct api_request req;
	struct api_reply rep;
	const struct route *route;
	char params[API_MAX_PARAMS][PARAM_MAX_BYTES];
	struct session_record session;
	char token_hash[65];
	char allow[64];
	/* Replay of an earlier answer (Idempotency-Key): sent verbatim. */
	char *replay_body;
	bool replayed;
	char request_id[65]; /* echoed as X-Request-Id, logged */
};

/* Match path against pattern, copying {x} segments into params. */
static bool route_match(const char *pattern, const char *path,
			char params[][PARAM_MAX_BYTES])
{
	size_t n = 0;

	while (*pattern && *path) {
		if (*pattern == '{') {
			const char *after = strchr(pattern, '}') + 1;
			size_t len = strcspn(path, "/"),
			       suffix = strcspn(after, "/");

			/* {no}.pdf: a literal after the name ends the
			 * segment. */
			if (suffix &&
			    (len <= suffix ||
			     strncmp(path + len - suffix, after, suffix) != 0))
				return false;
			len -= suffix;

			if (len == 0 || len >= PARAM_MAX_BYTES ||
			    n == API_MAX_PARAMS)
				return false;
			memcpy(params[n], path, len);
			params[n++][len] = '\0';
			path += len;
			pattern = after;
			continue;
		}
		if (*pattern++ != *path++)
			return false;
	}
	return *pattern == '\0' && *path == '\0';
}

/* Find the route; 404 or 405 (with the allowed methods) otherwise. */
static bool dispatch_route(struct dispatch *d, const char *method,
			   const char *path)
{
	char params[API_MAX_PARAMS][PARAM_MAX_BYTES];
	bool path_known = false;

	for (size_t i = 0; i < routes_count; i++) {
		const struct route *r = &routes[i];

		if ((r->flags & ROUTE_FAKE_CLOCK) && !d->req.app->clock.fake)
			continue;
		if (!route_match(r->pattern, path, params))
			continue;
		if (strcmp(r->method, method) != 0) {
			size_t used = strlen(d->allow);

			snprintf(d->allow + used, sizeof(d->allow) - used,
				 "%s%s", used ? ", " : "", r->method);
			path_known = true;
			continue;
		}
		d->route = r;
		memcpy(d->params, params, sizeof(params));
		for (size_t k = 0; k < API_MAX_PARAMS; k++)
			d->req.params[k] = d->params[k];
		return true;
	}
	if (path_known)
		api_error(&d->rep, 405, "method_not_allowed", NULL,
			  "%s is not allowed here", method);
	else
		api_error(&d->rep, 404, "not_found", NULL, "no such resource");
	return false;
}

/* Bearer token to session; 401 when missing, unknown or expired, 403
 * when the role may not call the route (R6). */
static bool dispatch_authenticate(struct dispatch *d)
{
	const char *auth = MHD_lookup_connection_value(
	    d->req.connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	struct wc_error err;
	int rc;

	if (d->route->flags & ROUTE_PUBLIC)
		return true;
	if (!auth || strncasecmp(auth, "Bearer ", 7) != 0 || !auth[7]) {
		api_error(&d->rep, 401, "unauthenticated", NULL,
			  "a bearer token is required");
		return false;
	}
	api_token_hash(auth + 7, d->token_hash);
	rc = d->req.db->ops->session_get(d->req.db, d->token_hash, d->req.now,
					 &d->session, &err);
	if (rc < 0) {
		api_internal(&d->rep, &err);
		return false;
	}
	if (rc == STORE_NOT_FOUND) {
		api_error(&d->rep, 401, "unauthenticated", NULL,
			  "the token is unknown or expired");
		return false;
	}
	d->req.session = &d->session;
	d->req.token_hash = d->token_hash;
	if (!(api_role_bit(d->session.user.role) & d->route->roles)) {
		api_error(&d->rep, 403, "forbidden", NULL,
			  "role %s may not do this", d->session.user.role);
		return false;
	}
	return true;
}

static bool is_json_type(const char *type)
{
	size_t len = strlen("application/json");

	if (!type || strncasecmp(type, "application/json", len) != 0)
		return false;
	return type[len] == '\0' || type[len] == ';' || type[len] == ' ';
}

/* 415 for a body that is not declared JSON, 400 for one that is not. */
static bool dispatch_parse_body(struct dispatch *d,
				const struct request_state *rs)
{
	const char *type = MHD_lookup_connection_value(
	    d->req.connection, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	json_error_t jerr;

	if (rs->len == 0)
		return true;
	if (!is_json_type(type)) {
		api_error(&d->rep, 415, "unsupported_media_type", NULL,
			  "the body must be application/json");
		return false;
	}
	d->req.body =
	    json_loadb(rs->body, rs->len, JSON_REJECT_DUPLICATES, &jerr);
	if (!d->req.body) {
		api_error(&d->rep, 400, "bad_request", NULL,
			  "malformed JSON at line %d column %d: %s", jerr.line,
			  jerr.column, jerr.text);
		return false;
	}
	return true;
}

static bool idempotency_key_valid(const char *key)
{
	size_t len = strlen(key);

	if (len < 1 || len > 64)
		return false;
	return strspn(key,
		      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		      "0123456789_-") == len;
}

/* Inside the write transaction: replay the first answer for a known key
 * and body, refuse the key with another body. Returns false when the
 * reply is already decided. */
static bool dispatch_idempotency_check(struct dispatch *d, const char *key,
				       const struct request_state *rs,
				       char hash[65])
{
	crypto_generichash_state st;
	unsigned char h[32];
	struct idempotency_record rec;
	struct wc_error err;
	int rc;

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)d->req.method,
				  strlen(d->req.method) + 1);
	crypto_generichash_update(&st, (const unsigned char *)d->req.path,
				  strlen(d->req.path) + 1);
	if (rs->len)
		crypto_generichash_update(&st, (const unsigned char *)rs->body,
					  rs->len);
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(hash, 65, h, sizeof(h));
	rc = d->req.db->ops->idempotency_get(
	    d->req.db, d->session.user.username, key,
	    d->req.now - IDEMPOTENCY_SECONDS, &rec, &err);
	if (rc < 0) {
		api_internal(&d->rep, &err);
		return false;
	}
	if (rc == STORE_NOT_FOUND)
		return true;
	if (strcmp(rec.request_hash, hash) != 0) {
		api_error(&d->rep, 422, "idempotency_key_reused",
			  "Idempotency-Key",
			  "this key was used with another request");
	} else {
		d->replayed = true;
		d->rep.status = (unsigned)rec.status;
		store_copy(d->rep.etag, sizeof(d->rep.etag), rec.etag);
		store_copy(d->rep.location, sizeof(d->rep.location),
			   rec.location);
		d->replay_body = rec.body;
		rec.body = NULL;
	}
	idempotency_record_release(&rec);
	return false;
}

static bool dispatch_idempotency_save(struct dispatch *d, const char *key,
				      const char hash[65])
{
	struct idempotency_record rec = {.status = (int)d->rep.status,
					 .created_at = d->req.now};
	struct wc_error err;
	int rc;

	store_copy(rec.request_hash, sizeof(rec.request_hash), hash);
	store_copy(rec.etag, sizeof(rec.etag), d->rep.etag);
	store_copy(rec.location, sizeof(rec.location), d->rep.location);
	rec.body = d->rep.body ? json_dumps(d->rep.body, JSON_COMPACT) : NULL;
	rc = d->req.db->ops->idempotency_put(
	    d->req.db, d->session.user.username, key, &rec,
	    d->req.now - IDEMPOTENCY_SECONDS, &err);
	idempotency_record_release(&rec);
	if (rc < 0)
		api_internal(&d->rep, &err);
	return rc == 0;
}

/* "2026-11-02T09:30:00+08:00" (or Z, fractions allowed), at most 39. */
static bool client_time_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 20 || n > 39)
		return false;
	for (size_t i = 0; i < 19; i++)
		if (!(i == 4 || i == 7	   ? s[i] == '-'
		      : i == 10		   ? s[i] == 'T'
		      : i == 13 || i == 16 ? s[i] == ':'
					   : s[i] >= '0' && s[i] <= '9'))
			return false;
	return strspn(s + 19, "0123456789.:+-Z") == n - 19;
}

/* Run the handler in one write transaction with the idempotency record,
 * so that an answered request is stored exactly once (DESIGN.md 6). */
static void dispatch_write(struct dispatch *d, const struct request_state *rs)
{
	const char *key = NULL, *client_time;
	char hash[65] = "";
	struct wc_error err;
	bool keep;

	if (d->route->flags & ROUTE_IDEMPOTENT)
		key = MHD_lookup_connection_value(
		    d->req.connection, MHD_HEADER_KIND, "Idempotency-Key");
	if (key && !idempotency_key_valid(key)) {
		api_error(&d->rep, 400, "bad_request", "Idempotency-Key",
			  "the key must be 1-64 of A-Za-z0-9_-");
		return;
	}
	client_time = MHD_lookup_connection_value(
	    d->req.connection, MHD_HEADER_KIND, "X-Client-Time");
	if (client_time && !client_time_valid(client_time)) {
		api_error(&d->rep, 400, "bad_request", "X-Client-Time",
			  "X-Client-Time must be an RFC 3339 time");
		return;
	}
	if (d->req.db->ops->begin(d->req.db, &err) < 0) {
		api_internal(&d->rep, &err);
		return;
	}
	if (key && !dispatch_idempotency_check(d, key, rs, hash))
		goto rollback;
	audit_client_time_set(client_time);
	d->route->handler(&d->req, &d->rep);
	audit_client_time_set(NULL);
	keep = d->rep.status < 400 || d->rep.commit_on_error;
	if (!keep)
		goto rollback;
	if (key && d->rep.status < 400 &&
	    !dispatch_idempotency_save(d, key, hash))
		goto rollback;
	if (d->req.db->ops->commit(d->req.db, &err) < 0) {
		api_internal(&d->rep, &err);
		goto rollback;
	}
	if (d->rep.after_commit)
		d->rep.after_commit(&d->req, d->rep.after_commit_ctx, true);
	return;
rollback:
	d->req.db->ops->rollback(d->req.db);
	if (d->rep.after_commit)
		d->rep.after_commit(&d->req, d->rep.after_commit_ctx, false);
}

/* A fake clock kept in the store (PostgreSQL: several servers on one
 * database move it together); the last one read when the store does
 * not answer. */
static void dispatch_shared_clock(struct dispatch *d)
{
	struct store_conn *db = d->req.db;
	struct wc_error err;
	int64_t t;
	bool set = false;

	if (!d->req.app->clock.fake || !db->ops->clock_get ||
	    db->ops->clock_get(db, &t, &set, &err) < 0 || !set)
		return;
	clock_set(&d->req.app->clock, t);
	d->req.now = t;
}

static bool dispatch_prepare(struct dispatch *d, const struct request_state *rs)
{
	struct wc_error err;

	if (rs->too_large) {
		api_error(&d->rep, 413, "too_large", NULL,
			  "the body is over %d bytes", HTTP_BODY_LIMIT);
		return false;
	}
	d->req.db = d->req.app->store->ops->connect(d->req.app->store, &err);
	if (!d->req.db) {
		api_internal(&d->rep, &err);
		return false;
	}
	d->req.now = clock_now(&d->req.app->clock);
	dispatch_shared_clock(d);
	return dispatch_authenticate(d) && dispatch_parse_body(d, rs);
}

static enum MHD_Result http_send(struct MHD_Connection *conn,
				 struct dispatch *d)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	char *text = d->replay_body;
	size_t len;
	bool raw;

	d->replay_body = NULL;
	if (!text && d->rep.body)
		text = json_dumps(d->rep.body, JSON_COMPACT);
	if (d->rep.status == 0) {
		free(text);
		text = strdup("{\"error\":{\"code\":\"internal\","
			      "\"message\":\"no answer\"}}");
		d->rep.status = 500;
	}
	/* Every answer but 204 has a JSON body: one that could not be
	 * encoded (a string jansson refused) is an internal error, never an
	 * empty answer. A raw body (the OpenAPI file) is not JSON. */
	if (!text && d->rep.status != 204 && !d->rep.raw_body) {
		fprintf(stderr,
			"wincased: internal error: the %u answer "
			"could not be encoded\n",
			d->rep.status);
		text = strdup("{\"error\":{\"code\":\"internal\","
			      "\"message\":\"the answer could not be "
			      "encoded\"}}");
		d->rep.status = 500;
	}
	raw = d->rep.raw_body && (d->rep.status < 400 || d->rep.raw_on_error);
	len = text ? strlen(text) : 0;
	if (len == 0) {
		free(text);
		text = NULL;
	}
	if (raw) {
		free(text);
		text = NULL;
		resp = MHD_create_response_from_buffer(
		    d->rep.raw_len, (void *)d->rep.raw_body,
		    d->rep.raw_owned ? MHD_RESPMEM_MUST_FREE
				     : MHD_RESPMEM_PERSISTENT);
		if (resp)
			d->rep.raw_owned = false; /* MHD frees it now */
	} else
		resp = MHD_create_response_from_buffer(len, text,
						       MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(text);
		return MHD_NO;
	}
	if (raw)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
					d->rep.raw_type);
	if (raw && d->rep.csp)
		MHD_add_response_header(resp, "Content-Security-Policy",
					d->rep.csp);
	else if (len)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
					"application/json; charset=utf-8");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
				"no-store");
	if (d->rep.etag[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG,
					d->rep.etag);
	if (d->rep.location[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION,
					d->rep.location);
	if (d->replayed)
		MHD_add_response_header(resp, "Idempotent-Replayed", "true");
	if (d->request_id[0])
		MHD_add_response_header(resp, "X-Request-Id", d->request_id);
	if (d->rep.status == 405)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, d->allow);
	if (d->rep.status == 401)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
					"Bearer");
	if (d->rep.retry_after > 0) {
		char secs[24];

		snprintf(secs, sizeof(secs), "%lld",
			 (long long)d->rep.retry_after);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER,
					secs);
	}
	ret = MHD_queue_response(conn, d->rep.status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* splitmix64's finaliser: a bijection of 64 bits that spreads a counter
 * over all of them. */
static uint64_t http_mix64(uint64_t x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* The client's X-Request-Id when it is 1-64 of A-Za-z0-9_- (a proxy's
 * id follows the request through), else 16 hex digits. An id tells log
 * lines apart and is no secret: each thread draws a random start once
 * and mixes a counter from it (distinct within the thread, and across
 * threads unless two random starts fall within a few counts), instead of
 * a getrandom(2) call per request. */
static void http_request_id(struct MHD_Connection *conn, char out[65])
{
	static _Thread_local uint64_t next;
	static _Thread_local bool seeded;
	const char *given =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Request-Id");

	if (given && idempotency_key_valid(given)) {
		snprintf(out, 65, "%s", given);
		return;
	}
	if (!seeded) {
		randombytes_buf(&next, sizeof(next));
		seeded = true;
	}
	snprintf(out, 65, "%016llx", (unsigned long long)http_mix64(next++));
}

static long long http_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Copy text without control characters, spaces or '"' (a log line is
 * split on blanks), cut to size. */
static void http_log_clean(char *out, size_t size, const char *text)
{
	size_t n = 0;

	for (; text && text[n] && n < size - 1; n++)
		out[n] = (unsigned char)text[n] <= 0x20 || text[n] == 0x7f ||
				 text[n] == '"'
			     ? '?'
			     : text[n];
	out[n] = '\0';
}

/* One line per request (the operator's log; the training isolation test
 * counts them): "request METHOD PATH STATUS MSms" then key=value fields.
 * 5xx are errors, 4xx notices, the rest info. d may be NULL (a body
 * refused before dispatch). */
static void http_log_request(struct MHD_Connection *conn,
			     const struct dispatch *d, const char *method,
			     const char *url, unsigned status,
			     long long started_us)
{
	const union MHD_ConnectionInfo *info =
	    MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char path[160], verb[16], client[64] = "-", user[80] = "-";
	long long us = started_us ? http_now_us() - started_us : 0;
	enum log_level level = status >= 500   ? LOG_LEVEL_ERROR
			       : status >= 400 ? LOG_LEVEL_NOTICE
					       : LOG_LEVEL_INFO;

	http_log_clean(path, sizeof(path), url);
	http_log_clean(verb, sizeof(verb), method);
	if (info && info->client_addr &&
	    getnameinfo(info->client_addr,
			info->client_addr->sa_family == AF_INET6
			    ? sizeof(struct sockaddr_in6)
			    : sizeof(struct sockaddr_in),
			client, sizeof(client), NULL, 0, NI_NUMERICHOST) != 0)
		snprintf(client, sizeof(client), "-");
	if (d && d->req.session)
		http_log_clean(user, sizeof(user),
			       d->req.session->user.username);
	log_write(level,
		  "request %s %s %u %lld.%03lldms client=%s user=%s route=%s "
		  "id=%s",
		  verb, path, status, us / 1000, us % 1000, client, user,
		  d && d->route ? d->route->pattern : "-",
		  d && d->request_id[0] ? d->request_id : "-");
}

static enum MHD_Result http_dispatch(struct http_server *srv,
				     struct MHD_Connection *conn,
				     const char *url, const char *method,
				     const struct request_state *rs)
{
	long long started_us = http_now_us();
	struct dispatch *d = calloc(1, sizeof(*d));
	enum MHD_Result ret;

	if (!d)
		return MHD_NO;
	http_request_id(conn, d->request_id);
	d->req.app = srv->app;
	d->req.connection = conn;
	d->req.method = method;
	d->req.path = url;
	if (strlen(url) > PATH_MAX_BYTES)
		api_error(&d->rep, 404, "not_found", NULL, "no such resource");
	else if (dispatch_route(d, method, url) && dispatch_prepare(d, rs)) {
		if (d->route->flags & ROUTE_WRITE)
			dispatch_write(d, rs);
		else
			d->route->handler(&d->req, &d->rep);
	}
	ret = http_send(conn, d);
	http_log_request(conn, d, method, url, d->rep.status, started_us);
	json_decref(d->req.body);
	json_decref(d->rep.body);
	if (d->rep.raw_owned) /* not sent: an error replaced it */
		free((void *)d->rep.raw_body);
	free(d->replay_body);
	free(d);
	return ret;
}

static enum MHD_Result error_now(struct MHD_Connection *conn, unsigned status,
				 const char *code, const char *message)
{
	struct dispatch d = {0};
	enum MHD_Result ret;

	api_error(&d.rep, status, code, NULL, "%s", message);
	ret = http_send(conn, &d);
	json_decref(d.rep.body);
	return ret;
}

/* Collect the body (up to the limit, discarding the rest), then dispatch
 * once it is complete. */
static enum MHD_Result http_access(void *cls, struct MHD_Connection *conn,
				   const char *url, const char *method,
				   const char *version, const char *upload_data,
				   size_t *upload_data_size, void **con_cls)
{
	struct request_state *rs = *con_cls;
	const char *length;

	(void)version;
	if (!rs) {
		rs = calloc(1, sizeof(*rs));
		if (!rs)
			return MHD_NO;
		*con_cls = rs;
		http_watch_phase(conn, HTTP_PHASE_BODY);
		length = MHD_lookup_connection_value(
		    conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		/* Refuse a declared oversize body before reading it. */
		if (length && strtoull(length, NULL, 10) > HTTP_BODY_LIMIT) {
			rs->too_large = true;
			http_log_request(conn, NULL, method, url, 413, 0);
			return error_now(conn, 413, "too_large",
					 "the body is over 65536 bytes");
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (rs->too_large)
			return MHD_YES;
		if (rs->len + n > HTTP_BODY_LIMIT) {
			rs->too_large = true;
			free(rs->body);
			rs->body = NULL;
			rs->len = rs->cap = 0;
			return MHD_YES;
		}
		if (rs->len + n > rs->cap) {
			size_t cap =
			    rs->len + n > 4096 ? HTTP_BODY_LIMIT : 4096;
			char *p = realloc(rs->body, cap);

			if (!p)
				return MHD_NO;
			rs->body = p;
			rs->cap = cap;
		}
		memcpy(rs->body + rs->len, upload_data, n);
		rs->len += n;
		return MHD_YES;
	}
	http_watch_phase(conn, HTTP_PHASE_ANSWER);
	return http_dispatch(cls, conn, url, method, rs);
}

static void http_completed(void *cls, struct MHD_Connection *conn,
			   void **con_cls, enum MHD_RequestTerminationCode code)
{
	struct request_state *rs = *con_cls;

	(void)cls;
	(void)code;
	/* Keep-alive: the next request's headers have their deadline. */
	http_watch_phase(conn, HTTP_PHASE_HEADERS);
	if (!rs)
		return;
	free(rs->body);
	free(rs);
	*con_cls = NULL;
}

static int http_resolve(const struct server_config *cfg,
			struct sockaddr_storage *addr, bool *ipv6,
			struct wc_error *err)
{
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM,
				 .ai_flags = AI_PASSIVE};
	struct addrinfo *res = NULL;
	char port[8];
	int rc;

	snprintf(port, sizeof(port), "%d", cfg->listen_port);
	rc = getaddrinfo(cfg->listen_host, port, &hints, &res);
	if (rc != 0)
		return wc_error_set(err, "invalid_field", "listen",
				    "cannot resolve %s: %s", cfg->listen_host,
				    gai_strerror(rc));
	memcpy(addr, res->ai_addr, res->ai_addrlen);
	*ipv6 = res->ai_family == AF_INET6;
	freeaddrinfo(res);
	return 0;
}

int http_start(struct app *app, struct http_server **out, struct wc_error *err)
{
	struct http_server *srv = calloc(1, sizeof(*srv));
	struct sockaddr_storage addr;
	const union MHD_DaemonInfo *info;
	unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
	struct MHD_OptionItem tls[3] = {{MHD_OPTION_END, 0, NULL},
					{MHD_OPTION_END, 0, NULL},
					{MHD_OPTION_END, 0, NULL}};
	bool ipv6 = false;

	if (!srv)
		return wc_error_set(err, "internal", NULL, "out of memory");
	if (http_resolve(&app->cfg, &addr, &ipv6, err) < 0) {
		free(srv);
		return -1;
	}
	if (ipv6)
		flags |= MHD_USE_IPv6;
	/* HTTPS when tls_cert is set. */
	if (http_tls_enabled(app)) {
		if (http_tls_reload(app, err) < 0) {
			free(srv);
			return -1;
		}
		flags |= MHD_USE_TLS;
		tls[0] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_CERT_CALLBACK,
						 0, http_tls_callback()};
		tls[1] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_PRIORITIES, 0,
						 (void *)http_tls_priorities};
	}
	srv->app = app;
	if (http_watch_start(app->cfg.http_header_seconds,
			     app->cfg.http_body_seconds, &srv->watch,
			     err) < 0) {
		free(srv);
		return -1;
	}
	/* Limits (docs/api.md "Limits"): idle timeout, connections in all
	 * and per client address, and the watch's header/body deadlines. */
	srv->daemon = MHD_start_daemon(
	    flags, (uint16_t)app->cfg.listen_port, NULL, NULL, http_access, srv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)app->cfg.threads,
	    MHD_OPTION_NOTIFY_COMPLETED, http_completed, srv,
	    MHD_OPTION_NOTIFY_CONNECTION, http_watch_notify, srv->watch,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
	    MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned int)app->cfg.http_connection_limit,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT,
	    (unsigned int)app->cfg.http_connections_per_address,
	    MHD_OPTION_ARRAY, tls, MHD_OPTION_END);
	if (!srv->daemon) {
		http_tls_release();
		http_watch_stop(&srv->watch);
		free(srv);
		return wc_error_set(err, "internal", "listen",
				    "cannot listen on %s:%d",
				    app->cfg.listen_host, app->cfg.listen_port);
	}
	info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = info ? info->port : app->cfg.listen_port;
	/* Port 0 picked one: the verify URL without public_url names it. */
	app->cfg.listen_port = srv->port;
	*out = srv;
	return 0;
}

int http_port(const struct http_server *srv)
{
	return srv->port;
}

void http_stop(struct http_server **srv)
{
	if (!*srv)
		return;
	MHD_stop_daemon((*srv)->daemon);
	http_tls_release();
	http_watch_stop(&(*srv)->watch);
	free(*srv);
	*srv = NULL;
}
