/* cases.h - calls on cases for the API tests: each keeps the case's
 * ETag so the next change sends a current If-Match. */
#ifndef WINCASE_TEST_CASES_H
#define WINCASE_TEST_CASES_H

#include <stdbool.h>

#include <jansson.h>

#include "http.h"

struct test_case {
	long long id;
	char etag[64]; /* "\"N\"" of the last answer */
};

/* One call with an optional If-Match (NULL: none); returns the status, or
 * -1 when the call failed. */
long tc_call(const char *url, const char *method, const char *path,
	     const char *token, const char *body, const char *if_match,
	     struct http_reply *r);
/* POST /v1/cases; fills c on 201. applicant is JSON text. */
long tc_create(const char *url, const char *token, const char *item,
	       const char *scenario, const char *applicant, struct test_case *c,
	       struct http_reply *r);
/* A change on c: method path "/v1/cases/ID" + suffix with If-Match
 * c->etag; c->etag follows a 2xx answer. */
long tc_change(const char *url, const char *token, struct test_case *c,
	       const char *method, const char *suffix, const char *body,
	       struct http_reply *r);
/* PUT checklist: states is "id=state,id=state:note,..." (note after ':'). */
long tc_checklist(const char *url, const char *token, struct test_case *c,
		  const char *states, struct http_reply *r);
/* GET the case; refreshes c->etag. */
long tc_get(const char *url, const char *token, struct test_case *c,
	    struct http_reply *r);
/* Does details (an error's) hold an entry with "reason" (or, if
 * reason is NULL, "material_id") equal to value? */
bool tc_details_have(const struct http_reply *r, const char *key,
		     const char *value);
size_t tc_details_count(const struct http_reply *r);
/* The state of material id in a case answer's checklist, or "". */
const char *tc_line_state(const json_t *kase, const char *material_id);

#endif
