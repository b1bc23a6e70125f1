/* api.h - one HTTP request as a handler sees it, the reply it fills, and
 * the helpers handlers share. The wrapper in http.c does authentication,
 * roles, body limits, JSON parsing, idempotency and error bodies once for
 * every route (STYLE.md 5); a handler only does its own work. */
#ifndef WINCASED_API_H
#define WINCASED_API_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "app.h"
#include "store/store.h"

struct MHD_Connection;

#define API_MAX_PARAMS 4

enum api_role {
	ROLE_CLERK = 1 << 0,
	ROLE_REVIEWER = 1 << 1,
	ROLE_ADMIN = 1 << 2,
	ROLE_TRAINEE = 1 << 3,
	ROLE_ANY = ROLE_CLERK | ROLE_REVIEWER | ROLE_ADMIN | ROLE_TRAINEE,
};

struct api_request {
	struct app *app;
	struct store_conn *db;
	struct MHD_Connection *connection;
	const char *method;
	const char *path;
	const char *params[API_MAX_PARAMS];   /* the {name} parts of the path */
	json_t *body;			      /* borrowed; NULL without body */
	const struct session_record *session; /* NULL on public routes */
	const char *token_hash;		      /* the caller's session */
	int64_t now;			      /* the clock at the start */
};

struct api_reply {
	unsigned status;
	json_t *body; /* owned; NULL for no body (204) */
	char etag[32];
	char location[128];
	int64_t retry_after; /* > 0: a Retry-After header (429), seconds */
	/* Keep the handler's writes even though status >= 400 (a failed
	 * login is recorded for the rate limit). */
	bool commit_on_error;
	/* Write routes: called once the transaction has ended, committed
	 * or not (in-memory state follows the store only after a commit). */
	void (*after_commit)(struct api_request *req, void *ctx,
			     bool committed);
	void *after_commit_ctx;
	/* A body that is not JSON (GET /v1/openapi.yaml): static bytes sent
	 * as they are, with this content type; body stays NULL. */
	const char *raw_body;
	size_t raw_len;
	const char *raw_type;
	bool raw_owned;	   /* raw_body is malloc'd: freed once sent */
	bool raw_on_error; /* sent at a status >= 400 too (an HTML page) */
	const char *csp;   /* static Content-Security-Policy of raw_body */
};

typedef void (*api_handler)(struct api_request *req, struct api_reply *rep);

/* Make s valid UTF-8 in place: '?' for each invalid byte, a character cut
 * at the end dropped (jansson refuses strings that are not UTF-8). */
void api_utf8_clean(char *s);
/* Set an error reply {"error":{"code","message","field"?}}; the message
 * and field are made valid UTF-8 (api_utf8_clean). */
void api_error(struct api_reply *rep, unsigned status, const char *code,
	       const char *field, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The same from a wc_error (status chosen by the caller). */
void api_error_from(struct api_reply *rep, unsigned status,
		    const struct wc_error *err);
/* 500 internal; err is logged, not shown. */
void api_internal(struct api_reply *rep, const struct wc_error *err);
/* How many errors api_internal has answered (store failures among them)
 * since the start: GET /v1/health asks the store again when it moved. */
unsigned api_store_failures(void);
/* Set a 2xx reply; steals body. */
void api_ok(struct api_reply *rep, unsigned status, json_t *body);

/* A query-string argument, or NULL. */
const char *api_query(const struct api_request *req, const char *name);
/* ?limit= (1-200, default 50); false after setting a 400 reply. */
bool api_query_limit(const struct api_request *req, struct api_reply *rep,
		     int *limit);

/* JSON body fields. Each returns false after setting a 400 bad_request
 * reply naming field when the value has the wrong type, or (required)
 * is missing. *out is NULL / untouched when absent and optional. */
bool api_body_object(struct api_request *req, struct api_reply *rep);
bool api_get_string(const json_t *obj, const char *key, const char *field,
		    bool required, struct api_reply *rep, const char **out);
bool api_get_object(const json_t *obj, const char *key, const char *field,
		    bool required, struct api_reply *rep, const json_t **out);
/* The same for a string where "" counts as absent (*out NULL). */
bool api_get_optional_text(const json_t *obj, const char *key,
			   const char *field, struct api_reply *rep,
			   const char **out);

/* Non-empty text of at most max characters, no control characters but
 * newline when newline is true (core/validate). False after a 422
 * invalid_field naming field. */
bool api_check_text(const char *text, size_t max, bool newline,
		    const char *field, struct api_reply *rep);

/* The body's "applicant" object (API.md conventions), strings borrowed
 * from the body: name required; id_type and id_no together or not at all,
 * "" counting as absent; id_no, phone checked by core/validate. With
 * id_no_size > 0 an id_no that does not fit in that many bytes is too
 * long. False after a 400 or 422 reply. */
struct api_applicant {
	const char *name, *id_type, *id_no, *phone;
};
bool api_read_applicant(struct api_request *req, struct api_reply *rep,
			size_t id_no_size, struct api_applicant *out);

/* A record id in a path or a cursor: decimal, positive, no sign, no
 * leading zero or space. */
bool api_parse_id(const char *text, int64_t *out);
/* True if value is one of the n names. */
bool api_is_one_of(const char *value, const char *const *names, size_t n);

/* R6: record this request's change in the audit trail, inside its write
 * transaction. actor is the caller (or actor when not NULL, for a login).
 * data is borrowed. False after setting a 500 reply. */
bool api_audit(struct api_request *req, struct api_reply *rep,
	       const char *actor, const char *action, const char *entity,
	       const json_t *data);

/* Add "details" (stolen; a JSON array) to the error reply in rep. */
void api_error_details(struct api_reply *rep, json_t *details);
/* Optimistic concurrency on an inquiry or case at version: true when the
 * request's If-Match is "N" (or N) for that version. Otherwise false after
 * setting 428 precondition_required (missing) or 412 version_conflict with
 * details [current] (current is borrowed). */
bool api_check_if_match(const struct api_request *req, struct api_reply *rep,
			int version, const json_t *current);
/* ETag "N" of a version into rep. */
void api_set_etag(struct api_reply *rep, int version);

/* {"items":[...],"next_cursor":cursor|null}; steals items. */
json_t *api_list(json_t *items, const char *next_cursor);
/* Keyset pages by id: a list handler asks its store for limit + 1 rows,
 * the extra one only telling that a next page exists. api_page_shown is
 * how many of the n rows to show; api_list_next is api_list whose
 * next_cursor is last_id, the id of the last row shown when more follow
 * (0: none). */
size_t api_page_shown(size_t n, int asked);
json_t *api_list_next(json_t *items, int64_t last_id);

int api_role_bit(const char *role);
/* The stored form of a session token: hex BLAKE2b-256 of its text. */
void api_token_hash(const char *token, char out[65]);
json_t *api_user_json(const struct user_record *user, const char *window);

/* Handlers (handlers_*.c). */
void handle_health(struct api_request *req, struct api_reply *rep);
void handle_session_create(struct api_request *req, struct api_reply *rep);
void handle_session_delete(struct api_request *req, struct api_reply *rep);
void handle_me(struct api_request *req, struct api_reply *rep);
void handle_clock_put(struct api_request *req, struct api_reply *rep);
void handle_items_list(struct api_request *req, struct api_reply *rep);
void handle_item_get(struct api_request *req, struct api_reply *rep);
void handle_calendar_due(struct api_request *req, struct api_reply *rep);
void handle_calendar_get(struct api_request *req, struct api_reply *rep);
void handle_inquiry_create(struct api_request *req, struct api_reply *rep);
void handle_inquiries_list(struct api_request *req, struct api_reply *rep);
void handle_inquiry_get(struct api_request *req, struct api_reply *rep);
void handle_documents_verify(struct api_request *req, struct api_reply *rep);
void handle_review_queue(struct api_request *req, struct api_reply *rep);
void handle_review_decision(struct api_request *req, struct api_reply *rep);
/* For queue summaries in words (no JSON): the strings of arr, or each
 * object's key member when key is not NULL, joined with "、" into out
 * (cut at a whole character when it does not fit). */
void review_summary_join(const json_t *arr, const char *key, char *out,
			 size_t size);
void handle_stats(struct api_request *req, struct api_reply *rep);
void handle_inquiry_handoff(struct api_request *req, struct api_reply *rep);
void handle_inquiry_ack(struct api_request *req, struct api_reply *rep);
void handle_inquiry_recall(struct api_request *req, struct api_reply *rep);
void handle_handoff_targets(struct api_request *req, struct api_reply *rep);
void handle_applicant_lookup(struct api_request *req, struct api_reply *rep);
void handle_inquiry_close(struct api_request *req, struct api_reply *rep);
void handle_user_create(struct api_request *req, struct api_reply *rep);
void handle_user_windows_put(struct api_request *req, struct api_reply *rep);
void handle_item_put(struct api_request *req, struct api_reply *rep);
void handle_calendar_put(struct api_request *req, struct api_reply *rep);
void handle_audit_list(struct api_request *req, struct api_reply *rep);
void handle_audit_verify(struct api_request *req, struct api_reply *rep);
void handle_openapi_get(struct api_request *req, struct api_reply *rep);

#endif
