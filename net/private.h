/* private.h - helpers shared by the files of net/ and by nothing else:
 * reading a field of a server answer (sanitised where it enters, DESIGN.md
 * 4), writing a request body, building a path, reading a paged list. */
#ifndef WINCASE_NET_PRIVATE_H
#define WINCASE_NET_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "wincase/error.h"
#include "wincase/lifecycle.h"
#include "wincase/net.h"

struct net_client;

/* The offline layer (net_offline.c) under net_write and the reads: NULL
 * members send straight to the server. */
struct net_journal_hook {
	int (*write)(struct net_client *client, const char *method,
		     const char *path, const json_t *body,
		     const struct net_request_options *opt, json_t **out,
		     struct wc_error *err);
	int (*read)(struct net_client *client, const char *path,
		    const struct net_request_options *opt, json_t **out,
		    struct wc_error *err);
	void *state;
};
struct net_journal_hook *net_client_hook(struct net_client *client);

/* Keeps the login's answer (token, expires_at, user) for
 * net_session_save; answer borrowed. */
void net_client_session_note(struct net_client *client, const json_t *answer);
/* A session answer ({"token","user",...}, online or kept for an offline
 * login) made the client's own: user parsed, token set, noted. */
int net_session_adopt(struct net_client *client, const json_t *answer,
		      const char *token, struct net_user *user,
		      struct wc_error *err);
const json_t *net_client_session_answer(const struct net_client *client);

/* Seconds since the epoch of an RFC 3339 time, -1 when it is not one. */
long long net_rfc3339_seconds(const char *s);
/* The server's clock minus this PC's, in seconds, from the last health
 * answer (0 before one). */
long long net_client_clock_offset(const struct net_client *client);
bool net_client_clock_known(const struct net_client *client);
/* The HTTP status of the last answer (0: none came). */
long net_client_last_status(const struct net_client *client);

/* The HTTP exchange itself, with no hook. */
int net_transport(struct net_client *client, const char *method,
		  const char *path, const json_t *body,
		  const struct net_request_options *opt, json_t **out,
		  struct wc_error *err);

/* s percent-encoded for a URL (all but A-Z a-z 0-9 - . _ ~, as
 * curl_easy_escape), malloc'd; NULL when out of memory. Paths are built
 * without libcurl, which is loaded with the first request (curl_lib.h). */
char *net_url_escape(const char *s);
/* Sets err to internal "out of memory"; returns -1. */
int net_oom(struct wc_error *err);
/* GET path; a 2xx answer's bytes as they are (not JSON) into *data (free
 * it; NUL-terminated after *len bytes). -1 with err as net_request. */
int net_get_bytes(struct net_client *client, const char *path, char **data,
		  size_t *len, struct wc_error *err);

/* *out = a sanitised copy of obj[key] (text_sanitize with flags): strings
 * as they are, integers in decimal, missing, null or obj not an object as
 * NULL. The caller frees *out. Returns -1 only when out of memory. */
int net_text_get_flags(const json_t *obj, const char *key, unsigned flags,
		       char **out);
/* net_text_get_flags with no flags (one line, no newlines). */
int net_text_get(const json_t *obj, const char *key, char **out);

/* Core's enums from obj[key] with core's codec (lifecycle.h,
 * checklist.h); a missing or unknown word gives the enum's _COUNT value
 * (STATE_PENDING for a material state). */
enum case_status net_case_status_get(const json_t *obj, const char *key);
enum inquiry_status net_inquiry_status_get(const json_t *obj, const char *key);
enum commitment_status net_commitment_status_get(const json_t *obj,
						 const char *key);
enum review_status net_review_status_get(const json_t *obj, const char *key);

/* obj[key] = value when value is not empty. -1 when out of memory. */
int net_body_put(json_t *obj, const char *key, const char *value);

/* obj[key] = an id: a number when it is all digits (ids are integers in
 * wincased), else the string; nothing when empty. -1 when out of memory. */
int net_id_put(json_t *obj, const char *key, const char *id);

/* A new {"applicant"} object for a request body: name, id_no and phone
 * when not empty, id_type only with an id_no. NULL when out of memory. */
json_t *net_applicant_body_new(const char *name, const char *id_type,
			       const char *id_no, const char *phone);

/* out = prefix + URL-escaped(part) + suffix; -1 when it does not fit or
 * out of memory. */
int net_path_build(char *out, size_t size, const char *prefix, const char *part,
		   const char *suffix);

/* How net_list_collect reads one kind of list element. parse fills the
 * elem-sized *out from obj (0, or -1 with err, *out untouched); keep (NULL:
 * keep every one) says whether a parsed element stays in the list; release
 * frees a parsed element's fields. user is net_list_collect's. */
struct net_list_kind {
	size_t elem;
	int (*parse)(const json_t *obj, void *out, const void *user,
		     struct wc_error *err);
	bool (*keep)(const void *elem, const void *user);
	void (*release)(void *elem);
};

/* GET path, every page, each element parsed and appended to the array
 * *items of *n elements (both may start empty, NULL and 0), grown as
 * needed; the caller owns the array. On failure every element of the
 * array is released, the array freed and *items, *n set to NULL, 0. */
int net_list_collect(struct net_client *client, const char *path,
		     const struct net_list_kind *kind, const void *user,
		     void **items, size_t *n, struct wc_error *err);

/* method (POST or PUT) on /v1/cases/{c->id}/{action} through net_write
 * with If-Match of c->version, body borrowed; the answer, a case, replaces
 * *c on success. details as in net_request_options (may be NULL). */
int net_case_action(struct net_client *client, struct net_case *c,
		    const char *method, const char *action, const json_t *body,
		    const char *idempotency_key, json_t **details,
		    struct wc_error *err);
/* POST /v1/inquiries/{q->id}/{action} through net_write with If-Match of
 * q->base.version; on success *q is replaced by the inquiry as the server
 * now holds it. */
int net_inquiry_action(struct net_client *client, struct net_inquiry_full *q,
		       const char *action, const json_t *body,
		       const char *idempotency_key, struct wc_error *err);

/* POST /v1/inquiries/{q->id}/handoffs/{handoff_id}/{verb} (ack, recall)
 * as net_inquiry_action; not_found for an id that is not a number. */
int net_handoff_action(struct net_client *client, struct net_inquiry_full *q,
		       const char *handoff_id, const char *verb,
		       const char *idempotency_key, struct wc_error *err);

/* The counts and eligibility of a credit object (GET
 * /v1/applicants/credit, or the lookup's "credit"). */
struct net_credit;
void net_credit_from_json(const json_t *obj, struct net_credit *out);

#endif
