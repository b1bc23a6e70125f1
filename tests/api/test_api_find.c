/* test_api_find.c - the q of GET /v1/cases and GET /v1/inquiries (issue
 * 13.3) against a real wincased: a part of the number, the applicant's
 * name, ID number (letters in any case) or phone finds cases and inquiries
 * in any state; the window scope still holds; bad q is 400. A q of three
 * characters or more goes through the trigram index (issue 16): its answer
 * is the scan's, the same rows in the same order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ctype.h>

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

/* Does hay hold needle, letters in any case (ASCII)? */
static bool holds_any_case(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] &&
		       toupper((unsigned char)hay[i]) ==
			   toupper((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

static bool field_holds(const json_t *o, const char *key, const char *q,
			bool any_case)
{
	const char *v = json_string_value(json_object_get(o, key));

	return v && (any_case ? holds_any_case(v, q) : strstr(v, q) != NULL);
}

/* q's meaning, as the scan has it: the number, the name or the phone hold
 * q, or the ID number holds it in any case. */
static bool row_matches(const json_t *row, const char *q)
{
	const json_t *a = json_object_get(row, "applicant");

	return field_holds(row, "no", q, false) ||
	       field_holds(a, "name", q, false) ||
	       field_holds(a, "id_no", q, true) ||
	       field_holds(a, "phone", q, false);
}

/* The ids GET list?q=Q answers (at most cap), as token. */
static size_t list_ids(const char *list, const char *q_url, const char *q,
		       const char *token, long long *ids, size_t cap)
{
	struct http_reply r;
	char path[256];
	const json_t *row;
	size_t i, n = 0;

	snprintf(path, sizeof(path), "%s&limit=100&q=%s", list, q_url);
	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	assert_int_equal(r.status, 200);
	json_array_foreach(json_object_get(r.json, "items"), i, row)
	{
		if (q && !row_matches(row, q))
			continue;
		assert_true(n < cap);
		ids[n++] = json_integer_value(json_object_get(row, "id"));
	}
	http_reply_release(&r);
	return n;
}

/* Cases and inquiries whose fields share parts; each long q is asked
 * through the index and against the scan of its first two characters,
 * kept to the rows that hold the whole q. */
static void test_index_is_scan(void **state)
{
	static const char *const applicants[] = {
	    "{\"name\":\"王小明\",\"id_type\":\"other\","
	    "\"id_no\":\"33010219800101123x\",\"phone\":\"13700001111\"}",
	    "{\"name\":\"王小红\",\"id_type\":\"other\","
	    "\"id_no\":\"33010219800101123X\",\"phone\":\"13700002222\"}",
	    "{\"name\":\"小明王\",\"id_type\":\"other\","
	    "\"id_no\":\"330102198001011234\",\"phone\":\"13811112222\"}",
	    "{\"name\":\"Wang Ming\",\"id_type\":\"other\","
	    "\"id_no\":\"E12345678\",\"phone\":\"0571-88137000\"}",
	};
	/* q (URL-encoded), q, its first two characters (URL-encoded). */
	static const char *const queries[][3] = {
	    {"%E7%8E%8B%E5%B0%8F%E6%98%8E", "王小明", "%E7%8E%8B%E5%B0%8F"},
	    {"%E5%B0%8F%E6%98%8E", "小明", NULL},
	    {"%E5%B0%8F%E6%98%8E%E7%8E%8B", "小明王", "%E5%B0%8F%E6%98%8E"},
	    {"123x", "123x", "12"},
	    {"123X", "123X", "12"},
	    {"137000", "137000", "13"},
	    {"0101123", "0101123", "01"},
	    {"wang", "wang", "wa"},
	    {"Wang%20M", "Wang M", "Wa"},
	    {"SL-", "SL-", "SL"},
	    {"SW-", "SW-", "SW"},
	    {"%22%2A%29", "\"*)", "%22%2A"},
	    {"NEAR%28", "NEAR(", "NE"},
	    /* LIKE's own characters mean themselves (PostgreSQL). */
	    {"3_0", "3_0", "3_"},
	    {"12%25", "12%", "12"},
	    {"1%5C3", "1\\3", "1%5C"},
	};
	static const char *const lists[] = {"/v1/cases?scope=window",
					    "/v1/inquiries?scope=window"};
	long long fast[100], scan[100];
	struct test_case c;
	struct http_reply r;
	char body[512];

	(void)state;
	for (size_t i = 0; i < sizeof(applicants) / sizeof(applicants[0]);
	     i++) {
		long st = tc_create(srv.url, clerk1, FOOD, "canteen",
				    applicants[i], &c, &r);

		if (st != 201)
			fprintf(stderr, "%s\n", r.body);
		assert_int_equal(st, 201);
		http_reply_release(&r);
		snprintf(body, sizeof(body),
			 "{\"applicant\":%s,\"topic\":\"咨询\"}",
			 applicants[i]);
		assert_int_equal(http_send_json(srv.url, "POST",
						"/v1/inquiries", clerk1, body,
						&r),
				 0);
		assert_int_equal(r.status, 201);
		http_reply_release(&r);
	}
	for (size_t l = 0; l < 2; l++) {
		for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]);
		     i++) {
			size_t nf, ns;

			if (!queries[i][2])
				continue;
			nf = list_ids(lists[l], queries[i][0], NULL, clerk1,
				      fast, 100);
			ns = list_ids(lists[l], queries[i][2], queries[i][1],
				      clerk1, scan, 100);
			assert_int_equal(nf, ns);
			for (size_t k = 0; k < nf; k++)
				assert_int_equal(fast[k], scan[k]);
		}
	}
	/* The answers are not empty where the fields hold q. */
	assert_int_equal(list_ids(lists[0], "%E7%8E%8B%E5%B0%8F%E6%98%8E", NULL,
				  clerk1, fast, 100),
			 1);
	assert_int_equal(list_ids(lists[0], "123x", NULL, clerk1, fast, 100),
			 2);
	assert_int_equal(list_ids(lists[1], "137000", NULL, clerk1, fast, 100),
			 3);
	assert_int_equal(
	    list_ids(lists[0], "%E5%B0%8F%E6%98%8E", NULL, clerk1, fast, 100),
	    2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_find),
	    cmocka_unit_test(test_index_is_scan),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
