/* http.h - one HTTP call to wincased for the API tests (libcurl), with the
 * status, the headers the tests check and the parsed JSON answer. */
#ifndef WINCASE_TEST_HTTP_H
#define WINCASE_TEST_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

struct http_request {
	const char *method;	     /* "GET" when NULL */
	const char *path;	     /* "/v1/health" */
	const char *token;	     /* Authorization: Bearer, when not NULL */
	const char *body;	     /* sent as is, when not NULL */
	size_t body_len;	     /* 0: strlen(body) */
	const char *content_type;    /* default application/json */
	const char *idempotency_key; /* Idempotency-Key, when not NULL */
	const char *if_match;	     /* If-Match, when not NULL */
	const char *source_addr;     /* bind to it ("127.0.0.2"), or NULL */
};

struct http_reply {
	long status;
	char *body;   /* NUL-terminated, owned */
	json_t *json; /* parsed body, NULL if not JSON; owned */
	char etag[64];
	char location[128];
	char content_type[128];
	bool replayed; /* Idempotent-Replayed: true */
	char retry_after[32];
	long long content_length; /* Content-Length, -1 when absent */
	char violations[1024]; /* Prism's sl-violations (tests/support/prism.h)
				*/
};

/* 0 with *out filled (release with http_reply_release), -1 if the call
 * itself failed. */
int http_do(const char *base_url, const struct http_request *req,
	    struct http_reply *out);
void http_reply_release(struct http_reply *r);
/* http_do of method path with a body (or NULL), sending If-Match
 * "version" when version > 0. */
int http_call(const char *base_url, const char *method, const char *path,
	      const char *token, const char *body, int version,
	      struct http_reply *out);

int http_get(const char *base_url, const char *path, const char *token,
	     struct http_reply *out);
int http_send_json(const char *base_url, const char *method, const char *path,
		   const char *token, const char *json_text,
		   struct http_reply *out);

/* obj.key as a string ("" when absent or not a string), as an integer
 * (0 when absent). */
const char *tj_str(const json_t *obj, const char *key);
long long tj_num(const json_t *obj, const char *key);

/* error.code / error.field of an error answer, or "". */
const char *http_error_code(const struct http_reply *r);
const char *http_error_field(const struct http_reply *r);

/* Log in; a new token string (caller frees) or NULL. */
char *http_login(const char *base_url, const char *username,
		 const char *password);
/* PUT /v1/admin/clock as admin1; returns the status. */
long http_set_clock(const char *base_url, const char *rfc3339);

#endif
