/* test_api_find.c - the q of GET /v1/cases and GET /v1/inquiries (issue
 * 13.3) against a real wincased: a part of the number, the applicant's
 * name, ID number (letters in any case) or phone finds cases and inquiries
 * in any state; the window scope still holds; bad q is 400. */
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
#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\",\"phone\":\"13800138000\"}"

static struct test_server srv;
static char *clerk1, *clerk2;

static const struct test_login logins[] = {
    {"clerk1", &clerk1}, {"clerk2", &clerk2}, {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

/* The number of rows of GET path as token; -1 for a non-200 answer. */
static long rows(const char *path, const char *token)
{
	struct http_reply r;
	long n;

	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	n = r.status == 200
		? (long)json_array_size(json_object_get(r.json, "items"))
		: -r.status;
	http_reply_release(&r);
	return n;
}

static void test_find(void **state)
{
	struct test_case c;
	struct http_reply r;

	(void)state;
	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "canteen", APPLICANT, &c, &r),
	    201);
	http_reply_release(&r);
	assert_int_equal(
	    http_send_json(srv.url, "POST", "/v1/inquiries", clerk1,
			   "{\"applicant\":{\"name\":\"李四\",\"phone\":"
			   "\"13912345678\"},\"topic\":\"咨询\"}",
			   &r),
	    0);
	assert_int_equal(r.status, 201);
	http_reply_release(&r);
	assert_int_equal(
	    http_call(srv.url, "POST", "/v1/inquiries/1/close", clerk1,
		      "{\"resolution\":\"answered\",\"note\":\"已答复\"}", 1,
		      &r),
	    0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);

	/* Cases: number, name, ID number (x in any case), phone. */
	assert_int_equal(rows("/v1/cases?scope=window&q=SL-", clerk1), 1);
	assert_int_equal(rows("/v1/cases?scope=window&q=%E5%BC%A0", clerk1), 1);
	assert_int_equal(rows("/v1/cases?scope=window&q=1231002x", clerk1), 1);
	assert_int_equal(rows("/v1/cases?scope=window&q=13800138000", clerk1),
			 1);
	assert_int_equal(rows("/v1/cases?scope=window&q=13912345678", clerk1),
			 0);
	/* Inquiries, the closed one too. */
	assert_int_equal(
	    rows("/v1/inquiries?scope=window&q=13912345678", clerk1), 1);
	assert_int_equal(rows("/v1/inquiries?scope=window&q=SW-", clerk1), 1);
	assert_int_equal(
	    rows("/v1/inquiries?scope=window&q=%E6%9D%8E&status=closed",
		 clerk1),
	    1);
	assert_int_equal(
	    rows("/v1/inquiries?scope=window&q=13800138000", clerk1), 0);
	assert_int_equal(rows("/v1/inquiries?scope=window", clerk1), 1);
	/* Another window finds nothing of window 1. */
	assert_int_equal(rows("/v1/cases?scope=window&q=13800138000", clerk2),
			 0);
	assert_int_equal(
	    rows("/v1/inquiries?scope=window&q=13912345678", clerk2), 0);
	/* A control character in q is refused. */
	assert_int_equal(rows("/v1/inquiries?scope=window&q=a%01b", clerk1),
			 -400);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
