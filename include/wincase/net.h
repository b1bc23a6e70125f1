/* net.h - the REST client of wincase (API.md) on libcurl and jansson.
 *
 * One reused CURL handle per client, connect and total timeouts, the Bearer
 * token after login, JSON in and out. An error answer of the server becomes a
 * struct wc_error with the server's code, field and message; a request that
 * never reached the server becomes code "offline". Text that comes from the
 * server passes text_sanitize once, here, before it reaches any screen.
 * net/ knows curl and core/, never curses. */
#ifndef WINCASE_NET_H
#define WINCASE_NET_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "wincase/catalog.h"
#include "wincase/checklist.h"
#include "wincase/error.h"
#include "wincase/lifecycle.h"

struct net_client;

struct net_options {
	const char *base_url; /* "http://127.0.0.1:8080", without "/v1" */
	long connect_timeout_ms;
	long timeout_ms; /* the whole request */
	/* TLS, all optional: the CA certificate(s) (PEM) that
	 * sign the server's certificate, instead of the system's; libcurl's
	 * pinned public key ("sha256//BASE64;..." or a PEM/DER key file).
	 * Plain http:// is refused (err "plain_http") to anything but a
	 * loopback address unless allow_plain_http. */
	const char *ca_file;
	const char *pinned_public_key;
	bool allow_plain_http;
	/* A stalled link: fewer than low_speed_limit bytes a second for
	 * low_speed_time_ms ends the request (0: only the timeouts). */
	long low_speed_limit;
	long low_speed_time_ms;
	/* Asked every NET_POLL_MS while a request waits (may be NULL), with
	 * the time waited so far: true cuts the wait short, the request then
	 * fails as "offline" (the client: a key is waiting). */
	bool (*interrupt)(void *user, long elapsed_ms);
	void *interrupt_user;
};

#define NET_POLL_MS 20
/* The health probe: first retry after a failure, the longest backoff, and
 * the wait after an answer (the client probes an online link only while
 * journaled changes wait for a replay, offline_ui.c). */
#define NET_PROBE_FIRST_MS  1000
#define NET_PROBE_MAX_MS    30000
#define NET_PROBE_ONLINE_MS 15000

/* What the client knows of the link: nothing yet (no answer so far),
 * online (the last exchange was answered), offline (it was not). */
enum net_link { NET_LINK_UNKNOWN, NET_LINK_ONLINE, NET_LINK_OFFLINE };

/* Is url plain http:// to a host that is not loopback (localhost,
 * 127.0.0.0/8, ::1)? Such a URL needs allow_plain_http. */
bool net_url_plain_remote(const char *url);

/* New client (free with net_client_free), or NULL with err. Cheap:
 * libcurl is opened and set up by the first request, or by
 * net_client_connect. */
struct net_client *net_client_new(const struct net_options *opt,
				  struct wc_error *err);
void net_client_free(struct net_client **client);
/* Opens and sets up libcurl now (the client calls it once its first frame
 * is drawn); 0, or -1 with err (libcurl.so.4 missing). */
int net_client_connect(struct net_client *client, struct wc_error *err);

/* Copies token; NULL forgets it. Returns -1 only when out of memory. */
int net_client_set_token(struct net_client *client, const char *token);
/* True only after an answer from the server (an error answer included)
 * to the last exchange; false before the first answer and after a request
 * that did not reach it. */
bool net_client_online(const struct net_client *client);
enum net_link net_client_link(const struct net_client *client);
/* GET /v1/health straight to the server with the probe's short limits
 * (at most 1.5 s to connect, 3 s in all); sets the link state. 0 when
 * the server answered "ok". */
int net_client_probe(struct net_client *client, struct wc_error *err);
/* True when the link is unknown, or the backoff after the last exchange
 * (1 s doubling to 30 s offline, 15 s online) has passed. */
bool net_client_probe_due(const struct net_client *client);
/* Milliseconds until that backoff has passed (0: the probe is due). Whether
 * an online link is probed at all is the caller's choice: every exchange
 * already tells its state. */
long net_client_probe_due_ms(const struct net_client *client);
/* CLOCK_MONOTONIC in milliseconds. */
long net_monotonic_ms(void);
const char *net_client_url(const struct net_client *client);
/* True once a request with a token was refused with 401 unauthenticated
 * (the session expired or was revoked), until the next set_token. */
bool net_client_session_lost(const struct net_client *client);

/* What net_request_ex adds to net_request: all optional. */
struct net_request_options {
	const char *idempotency_key; /* NULL: none */
	int if_match;		     /* > 0: If-Match: "N" (the version) */
	/* The clerk's time of the change (RFC 3339), sent as X-Client-Time
	 * and kept by the server beside its own (a replayed write). */
	const char *client_time;
	/* Not NULL: on an error answer *details gets a new reference to the
	 * error's "details" (NULL when it has none); the caller decrefs. */
	json_t **details;
};

/* THE WRITE SEAM. Every request that changes something on the server
 * (POST, PUT, DELETE) goes through this one function, whichever typed
 * call of net/ makes it (and training's calls through net_request_ex):
 * method, path ("/v1/..."), the JSON body (borrowed, may be NULL), and in
 * opt the Idempotency-Key the caller keeps for a retry of the same intent
 * and the If-Match version of the record it changes. A future offline
 * journal sits here: it can record (method, path, body, key, version),
 * answer "offline" later with the write queued, and replay it with the
 * same key, which the server answers like the first time. Only the
 * session calls (login, logout) write without a key. Returns as
 * net_request_ex. */
int net_write(struct net_client *client, const char *method, const char *path,
	      const json_t *body, const struct net_request_options *opt,
	      json_t **out, struct wc_error *err);

/* One request. method "GET", "POST", "PUT" or "DELETE"; path starts with
 * "/v1/"; body is borrowed and may be NULL; idempotency_key may be NULL.
 * Returns 0 for a 2xx answer with *out a new reference to its JSON (NULL
 * when the answer has no body; out may be NULL). Otherwise -1 and err holds
 * the server's error, or "offline" (transport failure) or "bad_response"
 * (an answer that is not the JSON error format). Writes pass net_write.
 * The typed calls below are what the client's screens use; these two stay
 * for training's calls (net_training.h) until they are typed too. */
int net_request(struct net_client *client, const char *method, const char *path,
		const json_t *body, const char *idempotency_key, json_t **out,
		struct wc_error *err);
int net_request_ex(struct net_client *client, const char *method,
		   const char *path, const json_t *body,
		   const struct net_request_options *opt, json_t **out,
		   struct wc_error *err);

/* The error codes of API.md (and the client's own: offline, bad_response,
 * bad_url), mapped from the code word once, here. NET_ERR_OTHER: a code
 * this client does not know (err->code still has the word). */
enum net_error {
	NET_ERR_OTHER,
	NET_ERR_OFFLINE,
	NET_ERR_BAD_RESPONSE,
	NET_ERR_BAD_URL,
	NET_ERR_INTERNAL,
	NET_ERR_BAD_CREDENTIALS,
	NET_ERR_RATE_LIMITED,
	NET_ERR_UNAUTHENTICATED,
	NET_ERR_FORBIDDEN,
	NET_ERR_NOT_FOUND,
	NET_ERR_INVALID_FIELD,
	NET_ERR_BAD_REQUEST,
	NET_ERR_IDEMPOTENCY_KEY_REUSED,
	NET_ERR_TOO_LARGE,
	NET_ERR_VERSION_CONFLICT,
	NET_ERR_PRECONDITION_REQUIRED,
	NET_ERR_METHOD_NOT_ALLOWED,
	NET_ERR_UNSUPPORTED_MEDIA_TYPE,
	NET_ERR_INVALID_STATE,
	NET_ERR_CHECKLIST_UNCHECKED,
	NET_ERR_CHECKLIST_INCOMPLETE,
	NET_ERR_NOTICE_ONCE_VIOLATION,
	NET_ERR_NOTHING_MISSING,
	NET_ERR_NOT_TOLERABLE,
	NET_ERR_NO_OPEN_COMMITMENT,
	NET_ERR_ALREADY_SUPPLIED,
	NET_ERR_COMMITMENT_OPEN,
	NET_ERR_ALREADY_RATED,
	NET_ERR_CALENDAR_MISSING,
	NET_ERR_CATALOG_CHANGED,
	NET_ERR_INQUIRY_CLOSED,
	NET_ERR_ALREADY_ACKNOWLEDGED,
	NET_ERR_RESOLUTION_NOT_ALLOWED,
	NET_ERR_HANDOFF_PENDING,
	NET_ERR_OWN_CASE,
	NET_ERR_ALREADY_DECIDED,
	NET_ERR_DECISION_NOT_ALLOWED,
	NET_ERR_WINDOW_NOT_ALLOWED,
	NET_ERR_TRAINING_ONLY,
	NET_ERR_PLAIN_HTTP,
	/* issue 14: the reviewer queue for a team */
	NET_ERR_TAKEN_BY_OTHER,
	NET_ERR_NOT_TAKEN,
	NET_ERR_STEP_OUT_OF_ORDER,
	/* issue 12: journaled while offline, to be applied by the server */
	NET_ERR_QUEUED,
	NET_ERR_DEADLINE_TOO_LONG,
	NET_ERROR_COUNT
};

/* The enum of err's code (NET_ERR_OTHER for NULL, "" or an unknown one). */
enum net_error net_error_of(const struct wc_error *err);
/* The code word of e ("offline"); "" for NET_ERR_OTHER. */
const char *net_error_word(enum net_error e);
/* True when the request may not have reached the server (offline, or
 * queued in the journal): a retry must use the same idempotency key (a
 * queued one is then not journaled twice). After any answer a new intent needs
 * a new key. */
bool net_error_unsent(const struct wc_error *err);

#define NET_IDEMPOTENCY_KEY_SIZE 33 /* 32 hex digits and NUL */
/* A fresh random Idempotency-Key (libsodium). */
void net_idempotency_key_new(char out[NET_IDEMPOTENCY_KEY_SIZE]);

/* ---- The model as the client needs it (all strings owned, sanitised). */

/* The roles of API.md; NET_ROLE_OTHER for a word this client does not
 * know. */
enum net_role {
	NET_ROLE_CLERK,
	NET_ROLE_REVIEWER,
	NET_ROLE_ADMIN,
	NET_ROLE_OTHER
};

/* Statuses, states, modes and results below are core's enums
 * (lifecycle.h, checklist.h), decoded once in net/ with core's codec. A
 * word core does not know decodes to the enum's _COUNT value. */

struct net_user {
	char *username;
	char *display_name;
	enum net_role role;
	char *window;
	char *department;
};

struct net_inquiry {
	char *id;
	char *no;
	enum inquiry_status status;
	char *channel;
	char *topic;
	char *item_code;
	char *window;
	char *created_at;
	char *applicant_name;
	int version;
};

struct net_inquiry_list {
	size_t n;
	struct net_inquiry *items;
};

/* Items in the list form of GET /v1/items: code, name, department, days and
 * flags are set; materials and scenarios are empty. */
struct net_item_list {
	size_t n;
	struct item *items;
};

/* What the new-inquiry form sends; NULL or "" fields are left out. */
struct net_inquiry_draft {
	const char *applicant_name;
	const char *id_type; /* API name: "resident_id", ... */
	const char *id_no;
	const char *phone;
	const char *channel; /* "counter", "phone", "online" */
	const char *topic;
	const char *item_code;
};

/* POST /v1/sessions; on success the client keeps the token and *user is
 * filled (release with net_user_release). window may be NULL or "". */
int net_login(struct net_client *client, const char *username,
	      const char *password, const char *window, struct net_user *user,
	      struct wc_error *err);
/* DELETE /v1/sessions/current, then forget the token. */
int net_logout(struct net_client *client, struct wc_error *err);
/* GET /v1/health: 0 when the server answers "ok". */
int net_health(struct net_client *client, struct wc_error *err);

/* GET /v1/inquiries?scope=mine, every page, leaving out closed ones. */
int net_inquiries_mine(struct net_client *client, struct net_inquiry_list *out,
		       struct wc_error *err);
/* POST /v1/inquiries with the key; *out gets the created inquiry. */
int net_inquiry_create(struct net_client *client,
		       const struct net_inquiry_draft *draft,
		       const char *idempotency_key, struct net_inquiry *out,
		       struct wc_error *err);
/* GET /v1/items, every page. */
int net_items_list(struct net_client *client, struct net_item_list *out,
		   struct wc_error *err);

/* Parse one object of the API (exposed for tests). 0 or -1 with err. */
int net_user_from_json(const json_t *obj, struct net_user *out,
		       struct wc_error *err);
int net_inquiry_from_json(const json_t *obj, struct net_inquiry *out,
			  struct wc_error *err);
int net_item_from_json(const json_t *obj, struct item *out,
		       struct wc_error *err);

void net_user_release(struct net_user *user);
void net_inquiry_release(struct net_inquiry *inquiry);
void net_inquiry_list_release(struct net_inquiry_list *list);
void net_item_list_release(struct net_item_list *list);
/* Frees what net_item_from_json allocated in *item. */
void net_item_release(struct item *item);

/* ---- Cases, notices, commitments (API.md), for the case screens. All
 * strings owned and sanitised; a missing member is NULL. */

struct net_applicant {
	char *name;
	char *id_type; /* "resident_id", ... */
	char *id_no;
	char *phone;
};

struct net_case_line {
	char *material_id;
	char *name;
	bool main_material;	   /* role "main" (else "secondary") */
	enum material_state state; /* STATE_PENDING for an unknown word */
	char *note;
	bool tolerable;
};

struct net_notice {
	char *id;
	char *no;
	char *issued_at;
	char *issued_by;
	char *text;
	char *verify_code;
	bool once_violation;
	size_t n_items;
	char **item_names; /* the materials it lists */
};

struct net_commitment {
	char *id;
	char *no;
	char *due_date;
	enum commitment_status status;
	char *text;
	char *verify_code;
	char *created_at; /* when it was issued */
};

struct net_case {
	char *id;
	char *no;
	enum case_status status;
	char *item_code;
	char *scenario_id;
	char *inquiry_id;
	char *created_by;
	char *window;
	char *created_at;
	char *accepted_at;
	char *due_date;
	enum case_result result; /* CASE_RESULT_COUNT: none yet */
	struct net_applicant applicant;
	int version;
	int working_days_left;
	bool has_days_left;
	bool major_project;
	bool deemed;
	int rating; /* 0: not rated */
	size_t n_lines;
	struct net_case_line *lines;
	size_t n_notices;
	struct net_notice *notices;
	bool has_commitment;
	struct net_commitment commitment;
};

/* What POST /v1/cases sends; NULL or "" members are left out. */
struct net_case_draft {
	const char *item_code;
	const char *scenario_id;
	const char *inquiry_id;
	bool major_project;
	const char *applicant_name;
	const char *id_type;
	const char *id_no;
	const char *phone;
};

/* GET /v1/applicants/credit. */
struct net_credit {
	int commitments, fulfilled, breached, open;
	bool eligible;
};

/* GET /v1/items/{code}: the full item (release with item_release). */
int net_item_get(struct net_client *client, const char *code, struct item *out,
		 struct wc_error *err);
/* POST /v1/cases; *out the created case (release with net_case_release). */
int net_case_create(struct net_client *client,
		    const struct net_case_draft *draft,
		    const char *idempotency_key, struct net_case *out,
		    struct wc_error *err);
int net_case_get(struct net_client *client, const char *id,
		 struct net_case *out, struct wc_error *err);
/* The writes of a case (checklist, notices, acceptance...): net_case.h. */
int net_credit_get(struct net_client *client, const char *id_type,
		   const char *id_no, struct net_credit *out,
		   struct wc_error *err);
/* GET /v1/calendar/due: out "YYYY-MM-DD". */
int net_calendar_due(struct net_client *client, const char *from, int days,
		     char out[11], struct wc_error *err);
/* The server's date today (from GET /v1/health), "YYYY-MM-DD". */
int net_server_date(struct net_client *client, char out[11],
		    struct wc_error *err);
/* The same, and the last date the server's loaded calendars cover
 * (health's calendar_until), "YYYY-MM-DD". */
int net_calendar_horizon(struct net_client *client, char today[11],
			 char until[11], struct wc_error *err);

int net_case_from_json(const json_t *obj, struct net_case *out,
		       struct wc_error *err);
int net_notice_from_json(const json_t *obj, struct net_notice *out,
			 struct wc_error *err);
/* Sanitises every string of an item parsed by core's item_from_json. */
int net_item_sanitize(struct item *it, struct wc_error *err);
void net_case_release(struct net_case *c);
void net_notice_release(struct net_notice *n);

/* ---- The work queue: inquiries with their handoffs, case lists and the
 * audit trail (the queue, inquiry and case view screens). */

struct net_handoff {
	char *id;
	char *to_window;     /* NULL when to a department */
	char *to_department; /* NULL when to a window */
	char *reason;
	char *created_by;
	char *created_at;
	char *acknowledged_by; /* NULL while it waits */
	char *acknowledged_at;
};

/* An inquiry with everything GET /v1/inquiries/{id} tells. */
struct net_inquiry_full {
	struct net_inquiry base; /* id, no, status, topic, applicant_name... */
	char *first_responder;
	/* INQUIRY_RESOLUTION_COUNT while open */
	enum inquiry_resolution resolution;
	char *note;
	char *case_id;
	char *applicant_id_type;
	char *applicant_id_no;
	char *applicant_phone;
	bool bounced;
	size_t n_handoffs;
	struct net_handoff *handoffs;
};

struct net_inquiry_full_list {
	size_t n;
	struct net_inquiry_full *items;
};

struct net_case_list {
	size_t n;
	struct net_case *items;
};

/* One material of a case.checklist entry. */
struct net_audit_mark {
	char *material_id;
	enum material_state state; /* STATE_PENDING for an unknown word */
	char *note;
};

/* The members of an audit entry's data the client shows, parsed once
 * here (each NULL, 0 or false when the entry has none). Which ones an
 * action has: API.md's audit section. */
struct net_audit_data {
	char *item_code, *scenario_id; /* case.create */
	size_t n_marks;		       /* case.checklist */
	struct net_audit_mark *marks;
	char *notice; /* case.notice: its number */
	bool once_violation;
	bool commitment_document; /* document.issue: kind commitment */
	char *no;		  /* document.issue */
	bool tolerant;		  /* case.accept: mode tolerant */
	bool has_deadline_days;	  /* case.accept: commitment's days */
	int deadline_days;
	char *material_id;	 /* case.supplement */
	enum case_result result; /* case.complete; COUNT: none */
	char *note;
	int level; /* case.rating, 0: none */
	size_t n_reasons;
	char **reasons;
	char *commitment_no; /* commitment.breach */
	char *due_date;
	char *decision, *comment;	 /* review.decide: the API's word */
	char *to_window, *to_department; /* inquiry.handoff */
	char *reason;
	char *resolution; /* inquiry.close: the API's word */
};

struct net_audit_entry {
	char *seq;
	char *at;
	char *actor;
	char *action;
	char *entity; /* "case:12", "user:clerk1", ... */
	char *data;   /* the entry's data as compact JSON text, sanitised */
	struct net_audit_data d; /* the same, parsed */
};

struct net_audit_list {
	size_t n;
	struct net_audit_entry *items;
};

/* Calls each(obj, user, err) for every element of every page of the list
 * at base (a path with its query, without limit and cursor); stops at the
 * first -1. */
int net_list_each(struct net_client *client, const char *base,
		  int (*each)(const json_t *obj, void *user,
			      struct wc_error *err),
		  void *user, struct wc_error *err);

/* GET /v1/inquiries?scope=mine, every page, closed ones left out. */
int net_inquiries_queue(struct net_client *client,
			struct net_inquiry_full_list *out,
			struct wc_error *err);
int net_inquiry_get(struct net_client *client, const char *id,
		    struct net_inquiry_full *out, struct wc_error *err);
/* The writes of an inquiry (handoff, ack, close): net_case.h. */
/* GET /v1/cases?scope=mine, every page; open (not finished) cases only
 * when open_only. */
int net_cases_mine(struct net_client *client, bool open_only,
		   struct net_case_list *out, struct wc_error *err);
/* GET /v1/audit?entity=ENTITY ("case:12"), every page. */
int net_audit_list(struct net_client *client, const char *entity,
		   struct net_audit_list *out, struct wc_error *err);

int net_inquiry_full_from_json(const json_t *obj, struct net_inquiry_full *out,
			       struct wc_error *err);
int net_audit_entry_from_json(const json_t *obj, struct net_audit_entry *out,
			      struct wc_error *err);
void net_inquiry_full_release(struct net_inquiry_full *q);
void net_inquiry_full_list_release(struct net_inquiry_full_list *list);
void net_case_list_release(struct net_case_list *list);
void net_audit_entry_release(struct net_audit_entry *e);
void net_audit_list_release(struct net_audit_list *list);

#endif
