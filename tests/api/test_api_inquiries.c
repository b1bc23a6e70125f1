/* test_api_inquiries.c - inquiries (R1): register, number, list, read,
 * who may see what (R6), every kind of bad input, and idempotency keys,
 * against a real wincased over HTTP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../support/http.h"
#include "../support/logins.h"
#include "../support/server.h"

#define PASSWORD "demo-password-1"
#define VALID_ID "11010519491231002X"

static struct test_server srv;
static char *clerk1, *clerk2, *reviewer;

static const struct test_login logins[] = {{"clerk1", &clerk1},
					   {"clerk2", &clerk2},
					   {"reviewer1", &reviewer},
					   {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

static long create(const char *token, const char *body, struct http_reply *r)
{
	assert_int_equal(
	    http_send_json(srv.url, "POST", "/v1/inquiries", token, body, r),
	    0);
	return r->status;
}

/* Every inquiry, as the reviewer sees them. */
static size_t count_all(void)
{
	struct http_reply r;
	size_t n;

	assert_int_equal(http_get(srv.url, "/v1/inquiries?scope=all&limit=200",
				  reviewer, &r),
			 0);
	assert_int_equal(r.status, 200);
	n = json_array_size(json_object_get(r.json, "items"));
	http_reply_release(&r);
	return n;
}

/* R1: the caller is the first responder whatever the body claims. */
static void test_create(void **state)
{
	struct http_reply r;
	const json_t *a;
	char location[64];

	(void)state;
	assert_int_equal(
	    create(clerk1,
		   "{\"applicant\":{\"name\":\"张三\",\"id_type\":"
		   "\"resident_id\",\"id_no\":\"" VALID_ID "\","
		   "\"phone\":\"13800138000\"},\"channel\":\"counter\","
		   "\"topic\":\"想开一家小餐馆，需要什么材料？\","
		   "\"item_code\":\"000131104000\","
		   "\"first_responder\":\"clerk2\",\"window\":\"9\"}",
		   &r),
	    201);
	assert_true(json_integer_value(json_object_get(r.json, "id")) > 0);
	assert_string_equal(tj_str(r.json, "first_responder"), "clerk1");
	assert_string_equal(tj_str(r.json, "window"), "1");
	assert_string_equal(tj_str(r.json, "status"), "open");
	assert_int_equal(json_integer_value(json_object_get(r.json, "version")),
			 1);
	assert_string_equal(r.etag, "\"1\"");
	snprintf(location, sizeof(location), "/v1/inquiries/%lld",
		 (long long)json_integer_value(json_object_get(r.json, "id")));
	assert_string_equal(r.location, location);
	assert_string_equal(tj_str(r.json, "created_at"),
			    TEST_SERVER_START_TIME);
	assert_string_equal(tj_str(r.json, "channel"), "counter");
	assert_string_equal(tj_str(r.json, "item_code"), "000131104000");
	assert_true(json_is_false(json_object_get(r.json, "bounced")));
	assert_int_equal(json_array_size(json_object_get(r.json, "handoffs")),
			 0);
	a = json_object_get(r.json, "applicant");
	assert_string_equal(tj_str(a, "name"), "张三");
	assert_string_equal(tj_str(a, "id_type"), "resident_id");
	assert_string_equal(tj_str(a, "id_no"), VALID_ID);
	assert_string_equal(tj_str(a, "phone"), "13800138000");
	assert_int_equal(strncmp(tj_str(r.json, "no"), "SW-20261102-", 12), 0);
	http_reply_release(&r);
}

/* SW-YYYYMMDD-NNNN per server-local (+08:00) day. */
static void test_numbering(void **state)
{
	static const char body[] =
	    "{\"applicant\":{\"name\":\"李四\"},\"topic\":\"咨询\"}";
	static const struct {
		const char *now;
		const char *no;
	} steps[] = {
	    {"2026-11-05T10:00:00+08:00", "SW-20261105-0001"},
	    {"2026-11-05T23:59:59+08:00", "SW-20261105-0002"},
	    /* 16:30 UTC is 00:30 of the next day in +08:00. */
	    {"2026-11-05T16:30:00Z", "SW-20261106-0001"},
	    {"2026-11-06T11:00:00+08:00", "SW-20261106-0002"},
	};
	struct http_reply r;
	char *token;

	(void)state;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		assert_int_equal(http_set_clock(srv.url, steps[i].now), 200);
		token = http_login(srv.url, "clerk1", PASSWORD);
		assert_int_equal(create(token, body, &r), 201);
		assert_string_equal(tj_str(r.json, "no"), steps[i].no);
		http_reply_release(&r);
		free(token);
	}
	/* Later tests log in again; keep the clock where sessions live. */
	assert_int_equal(http_set_clock(srv.url, TEST_SERVER_START_TIME), 200);
}

static long long create_id(const char *token, const char *name)
{
	char body[256];
	struct http_reply r;
	long long id;

	snprintf(body, sizeof(body),
		 "{\"applicant\":{\"name\":\"%s\"},\"topic\":\"咨询\","
		 "\"channel\":\"phone\"}",
		 name);
	assert_int_equal(create(token, body, &r), 201);
	id = (long long)json_integer_value(json_object_get(r.json, "id"));
	http_reply_release(&r);
	return id;
}

/* R6: clerks read their own window's inquiries; reviewers read all. */
static void test_get_and_visibility(void **state)
{
	long long id = create_id(clerk1, "王五");
	struct http_reply r;
	char path[64];

	(void)state;
	snprintf(path, sizeof(path), "/v1/inquiries/%lld", id);
	assert_int_equal(http_get(srv.url, path, clerk1, &r), 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.etag, "\"1\"");
	assert_string_equal(
	    tj_str(json_object_get(r.json, "applicant"), "name"), "王五");
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, path, clerk2, &r), 0);
	assert_int_equal(r.status, 403);
	assert_string_equal(http_error_code(&r), "forbidden");
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, path, reviewer, &r), 0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, "/v1/inquiries/99999", clerk1, &r),
			 0);
	assert_int_equal(r.status, 404);
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, "/v1/inquiries/abc", clerk1, &r), 0);
	assert_int_equal(r.status, 404);
	http_reply_release(&r);
}

static bool list_has(const struct http_reply *r, long long id)
{
	const json_t *it;
	size_t i;

	json_array_foreach(
	    json_object_get(r->json, "items"), i,
	    it) if (json_integer_value(json_object_get(it, "id")) ==
		    id) return true;
	return false;
}

static void list(const char *token, const char *query, long status,
		 struct http_reply *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/v1/inquiries%s", query);
	assert_int_equal(http_get(srv.url, path, token, r), 0);
	assert_int_equal(r->status, status);
}

static void test_list_scopes(void **state)
{
	long long mine = create_id(clerk1, "赵六");
	long long other = create_id(clerk2, "孙七");
	struct http_reply r;
	const json_t *items;

	(void)state;
	list(clerk1, "", 200, &r);
	assert_true(list_has(&r, mine));
	assert_false(list_has(&r, other));
	assert_true(json_is_null(json_object_get(r.json, "next_cursor")));
	/* Newest first. */
	items = json_object_get(r.json, "items");
	for (size_t i = 1; i < json_array_size(items); i++)
		assert_true(json_integer_value(json_object_get(
				json_array_get(items, i - 1), "id")) >
			    json_integer_value(json_object_get(
				json_array_get(items, i), "id")));
	http_reply_release(&r);
	list(clerk2, "?scope=window", 200, &r);
	assert_true(list_has(&r, other));
	assert_false(list_has(&r, mine));
	http_reply_release(&r);
	list(clerk1, "?scope=all", 403, &r);
	assert_string_equal(http_error_code(&r), "forbidden");
	http_reply_release(&r);
	list(reviewer, "?scope=all&status=open", 200, &r);
	assert_true(list_has(&r, mine) && list_has(&r, other));
	http_reply_release(&r);
	list(reviewer, "?scope=all&status=closed", 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 0);
	http_reply_release(&r);
	list(clerk1, "?scope=everything", 400, &r);
	http_reply_release(&r);
	list(clerk1, "?status=lost", 400, &r);
	http_reply_release(&r);
	list(clerk1, "?cursor=zz", 400, &r);
	http_reply_release(&r);
}

static void test_list_pagination(void **state)
{
	struct http_reply all, page;
	char query[96], cursor[32] = "";
	size_t seen = 0, total;

	(void)state;
	create_id(clerk1, "周八");
	create_id(clerk1, "吴九");
	list(clerk1, "?scope=mine&limit=200", 200, &all);
	total = json_array_size(json_object_get(all.json, "items"));
	assert_true(total >= 3);
	for (int guard = 0; guard < 200; guard++) {
		const json_t *next, *items;

		snprintf(query, sizeof(query), "?limit=2%s%s",
			 cursor[0] ? "&cursor=" : "", cursor);
		list(clerk1, query, 200, &page);
		items = json_object_get(page.json, "items");
		for (size_t i = 0; i < json_array_size(items); i++, seen++)
			assert_int_equal(
			    json_integer_value(json_object_get(
				json_array_get(items, i), "id")),
			    json_integer_value(json_object_get(
				json_array_get(
				    json_object_get(all.json, "items"), seen),
				"id")));
		next = json_object_get(page.json, "next_cursor");
		if (json_is_null(next)) {
			http_reply_release(&page);
			break;
		}
		snprintf(cursor, sizeof(cursor), "%s", json_string_value(next));
		http_reply_release(&page);
	}
	assert_int_equal(seen, total);
	http_reply_release(&all);
}

/* Bad input gets a clear error and changes nothing (DESIGN.md 6). */
static void test_bad_input(void **state)
{
	static const struct {
		const char *body;
		long status;
		const char *code;
		const char *field;
	} cases[] = {
	    {"{\"applicant\":{\"name\":\"张三\"},\"topic\":", 400,
	     "bad_request", ""},
	    {"[]", 400, "bad_request", ""},
	    {"{\"topic\":\"t\"}", 400, "bad_request", "applicant"},
	    {"{\"applicant\":\"张三\",\"topic\":\"t\"}", 400, "bad_request",
	     "applicant"},
	    {"{\"applicant\":{\"name\":42},\"topic\":\"t\"}", 400,
	     "bad_request", "applicant.name"},
	    {"{\"applicant\":{\"name\":\"张三\"},\"topic\":true}", 400,
	     "bad_request", "topic"},
	    {"{\"applicant\":{\"name\":\"张三\"}}", 400, "bad_request",
	     "topic"},
	    {"{\"applicant\":{\"name\":\"张三\"},\"topic\":\"t\","
	     "\"channel\":\"fax\"}",
	     400, "bad_request", "channel"},
	    {"{\"applicant\":{\"name\":\"张三\",\"id_type\":\"dna\","
	     "\"id_no\":\"1\"},\"topic\":\"t\"}",
	     400, "bad_request", "applicant.id_type"},
	    {"{\"applicant\":{\"name\":\"张三\",\"id_type\":"
	     "\"resident_id\",\"id_no\":\"110105194912310021\"},"
	     "\"topic\":\"t\"}",
	     422, "invalid_field", "applicant.id_no"},
	    {"{\"applicant\":{\"name\":\"张三\",\"id_type\":"
	     "\"resident_id\",\"id_no\":\"11010519491231002\"},"
	     "\"topic\":\"t\"}",
	     422, "invalid_field", "applicant.id_no"},
	    {"{\"applicant\":{\"name\":\"张三\",\"phone\":\"12345\"},"
	     "\"topic\":\"t\"}",
	     422, "invalid_field", "applicant.phone"},
	    {"{\"applicant\":{\"name\":\"张\\u0007三\"},\"topic\":\"t\"}", 422,
	     "invalid_field", "applicant.name"},
	    {"{\"applicant\":{\"name\":\"张三\"},"
	     "\"topic\":\"\\u001b[31mred\"}",
	     422, "invalid_field", "topic"},
	    {"{\"applicant\":{\"name\":\"\"},\"topic\":\"t\"}", 422,
	     "invalid_field", "applicant.name"},
	    /* issue 13.8: emoji and symbols are no part of a name */
	    {"{\"applicant\":{\"name\":\"张三\\ud83d\\ude00\"},\"topic\":"
	     "\"t\"}",
	     422, "invalid_field", "applicant.name"},
	    {"{\"applicant\":{\"name\":\"张★三\"},\"topic\":\"t\"}", 422,
	     "invalid_field", "applicant.name"},
	    {"{\"applicant\":{\"name\":\"张三\"},\"topic\":\"\"}", 422,
	     "invalid_field", "topic"},
	    {"{\"applicant\":{\"name\":\"张三\"},\"topic\":\"t\","
	     "\"item_code\":\"no-such-item\"}",
	     422, "invalid_field", "item_code"},
	};
	size_t before = count_all();

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct http_reply r;

		create(clerk1, cases[i].body, &r);
		if (r.status != cases[i].status)
			fprintf(stderr, "# case %zu: %s\n", i, r.body);
		assert_int_equal(r.status, cases[i].status);
		assert_string_equal(http_error_code(&r), cases[i].code);
		assert_string_equal(http_error_field(&r), cases[i].field);
		http_reply_release(&r);
	}
	assert_int_equal(count_all(), before);
}

static void test_text_limits(void **state)
{
	char name[160 * 3 + 1] = "", topic[2101 * 3 + 64];
	char body[sizeof(topic) + sizeof(name) + 128];
	struct http_reply r;

	(void)state;
	for (int i = 0; i < 101; i++)
		strcat(name, "张");
	snprintf(body, sizeof(body),
		 "{\"applicant\":{\"name\":\"%s\"},\"topic\":\"t\"}", name);
	assert_int_equal(create(clerk1, body, &r), 422);
	assert_string_equal(http_error_field(&r), "applicant.name");
	http_reply_release(&r);
	/* 2,000 characters with newlines are fine; 2,001 are not. */
	topic[0] = '\0';
	for (int i = 0; i < 1000; i++)
		strcat(topic, i % 10 ? "问" : "\\n");
	for (int i = 0; i < 1000; i++)
		strcat(topic, "答");
	snprintf(body, sizeof(body),
		 "{\"applicant\":{\"name\":\"张三\"},\"topic\":\"%s\"}", topic);
	assert_int_equal(create(clerk1, body, &r), 201);
	http_reply_release(&r);
	strcat(topic, "多");
	snprintf(body, sizeof(body),
		 "{\"applicant\":{\"name\":\"张三\"},\"topic\":\"%s\"}", topic);
	assert_int_equal(create(clerk1, body, &r), 422);
	assert_string_equal(http_error_field(&r), "topic");
	http_reply_release(&r);
}

static void test_transport_errors(void **state)
{
	size_t big_len = 70 * 1024, before = count_all();
	char *big = malloc(big_len + 1);
	struct http_request req = {
	    .method = "POST", .path = "/v1/inquiries", .token = clerk1};
	struct http_reply r;

	(void)state;
	memset(big, ' ', big_len);
	memcpy(big, "{\"topic\":\"", 10);
	big[big_len] = '\0';
	req.body = big;
	assert_int_equal(http_do(srv.url, &req, &r), 0);
	assert_int_equal(r.status, 413);
	assert_string_equal(http_error_code(&r), "too_large");
	http_reply_release(&r);
	req.body = "{\"applicant\":{\"name\":\"张三\"},\"topic\":\"t\"}";
	req.content_type = "text/plain";
	assert_int_equal(http_do(srv.url, &req, &r), 0);
	assert_int_equal(r.status, 415);
	assert_string_equal(http_error_code(&r), "unsupported_media_type");
	http_reply_release(&r);
	req.content_type = NULL;
	req.token = NULL;
	assert_int_equal(http_do(srv.url, &req, &r), 0);
	assert_int_equal(r.status, 401);
	http_reply_release(&r);
	free(big);
	assert_int_equal(count_all(), before);
}

static long create_keyed(const char *token, const char *key, const char *body,
			 struct http_reply *r)
{
	struct http_request req = {.method = "POST",
				   .path = "/v1/inquiries",
				   .token = token,
				   .body = body,
				   .idempotency_key = key};

	assert_int_equal(http_do(srv.url, &req, r), 0);
	return r->status;
}

static void test_idempotency(void **state)
{
	static const char body[] =
	    "{\"applicant\":{\"name\":\"钱十\"},\"topic\":\"重试\"}";
	size_t before = count_all();
	struct http_reply first, again, other;

	(void)state;
	assert_int_equal(create_keyed(clerk1, "retry-1_A", body, &first), 201);
	assert_false(first.replayed);
	assert_int_equal(create_keyed(clerk1, "retry-1_A", body, &again), 201);
	assert_true(again.replayed);
	assert_string_equal(again.body, first.body);
	assert_string_equal(again.etag, first.etag);
	assert_string_equal(again.location, first.location);
	assert_int_equal(count_all(), before + 1);
	/* The same key with another body. */
	assert_int_equal(create_keyed(clerk1, "retry-1_A",
				      "{\"applicant\":{\"name\":\"钱十\"},"
				      "\"topic\":\"别的\"}",
				      &other),
			 422);
	assert_string_equal(http_error_code(&other), "idempotency_key_reused");
	http_reply_release(&other);
	/* Keys are per user. */
	assert_int_equal(create_keyed(clerk2, "retry-1_A", body, &other), 201);
	assert_false(other.replayed);
	http_reply_release(&other);
	assert_int_equal(create_keyed(clerk1, "bad key!", body, &other), 400);
	assert_string_equal(http_error_field(&other), "Idempotency-Key");
	http_reply_release(&other);
	assert_int_equal(count_all(), before + 2);
	http_reply_release(&first);
	http_reply_release(&again);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_create),
	    cmocka_unit_test(test_numbering),
	    cmocka_unit_test(test_get_and_visibility),
	    cmocka_unit_test(test_list_scopes),
	    cmocka_unit_test(test_list_pagination),
	    cmocka_unit_test(test_bad_input),
	    cmocka_unit_test(test_text_limits),
	    cmocka_unit_test(test_transport_errors),
	    cmocka_unit_test(test_idempotency),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
