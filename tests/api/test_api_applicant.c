/* test_api_applicant.c - GET /v1/applicants/lookup (issue 13.11) against
 * a real wincased: a known ID number gives the name and phone, the open
 * cases and the credit summary; scoped like case reads (another window
 * sees nothing); bad parameters are 400/422; every lookup is audited on
 * the caller. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../support/cases.h"
#include "../support/http.h"
#include "../support/logins.h"
#include "../support/server.h"

#define FOOD "000131104000"
#define ID   "11010519491231002X"
#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\",\"id_no\":\"" ID       \
	"\",\"phone\":\"13800138000\"}"
#define LOOKUP "/v1/applicants/lookup?id_type=resident_id&id_no="

static struct test_server srv;
static char *clerk1, *clerk2, *reviewer;

static const struct test_login logins[] = {{"clerk1", &clerk1},
					   {"clerk2", &clerk2},
					   {"reviewer1", &reviewer},
					   {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

static long lookup(const char *query, const char *token, struct http_reply *r)
{
	char path[160];

	snprintf(path, sizeof(path), LOOKUP "%s", query);
	assert_int_equal(http_get(srv.url, path, token, r), 0);
	return r->status;
}

static void test_lookup(void **state)
{
	struct test_case c;
	struct http_reply r;
	const json_t *who, *credit;

	(void)state;
	/* Unknown yet: nothing, credit all zero. */
	assert_int_equal(lookup(ID, clerk1, &r), 200);
	assert_true(json_is_false(json_object_get(r.json, "known")));
	assert_true(json_is_null(json_object_get(r.json, "applicant")));
	http_reply_release(&r);

	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "canteen", APPLICANT, &c, &r),
	    201);
	http_reply_release(&r);
	/* A lower-case x is no valid ID number (the client upper-cases it). */
	assert_int_equal(lookup("11010519491231002x", clerk1, &r), 422);
	http_reply_release(&r);
	assert_int_equal(lookup(ID, clerk1, &r), 200);
	assert_true(json_is_true(json_object_get(r.json, "known")));
	who = json_object_get(r.json, "applicant");
	assert_string_equal(json_string_value(json_object_get(who, "name")),
			    "张三");
	assert_string_equal(json_string_value(json_object_get(who, "phone")),
			    "13800138000");
	assert_int_equal(json_array_size(json_object_get(r.json, "open_cases")),
			 1);
	credit = json_object_get(r.json, "credit");
	assert_true(json_is_true(json_object_get(credit, "eligible")));
	assert_int_equal(
	    json_integer_value(json_object_get(credit, "breached")), 0);
	http_reply_release(&r);

	/* Scoped like case reads: window 2 does not see window 1's case. */
	assert_int_equal(lookup(ID, clerk2, &r), 200);
	assert_true(json_is_false(json_object_get(r.json, "known")));
	assert_int_equal(json_array_size(json_object_get(r.json, "open_cases")),
			 0);
	http_reply_release(&r);
	/* A reviewer of the department does. */
	assert_int_equal(lookup(ID, reviewer, &r), 200);
	assert_true(json_is_true(json_object_get(r.json, "known")));
	http_reply_release(&r);

	/* Audited on the caller. */
	assert_int_equal(
	    http_get(srv.url, "/v1/audit?entity=user:clerk1", reviewer, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "applicant.lookup"));
	assert_non_null(strstr(r.body, ID));
	http_reply_release(&r);
}

static void test_bad_parameters(void **state)
{
	struct http_reply r;

	(void)state;
	assert_int_equal(http_get(srv.url, "/v1/applicants/lookup", clerk1, &r),
			 0);
	assert_int_equal(r.status, 400);
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url,
				  "/v1/applicants/lookup?id_type=dna&id_no=1",
				  clerk1, &r),
			 0);
	assert_int_equal(r.status, 400);
	http_reply_release(&r);
	assert_int_equal(lookup("123", clerk1, &r), 422);
	assert_string_equal(http_error_code(&r), "invalid_field");
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, LOOKUP ID, NULL, &r), 0);
	assert_int_equal(r.status, 401);
	http_reply_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookup),
	    cmocka_unit_test(test_bad_parameters),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
