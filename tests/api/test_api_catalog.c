/* test_api_catalog.c - items (list, search, get) and the working-day
 * calendar (year, due dates across the 2026 National Day holiday) against
 * a real wincased seeded with conf/'s demo catalog and calendars. */
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

static struct test_server srv;
static char *token;

static const struct test_login logins[] = {{"clerk1", &token}, {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

static void get_ok(const char *path, struct http_reply *r)
{
	assert_int_equal(http_get(srv.url, path, token, r), 0);
	assert_int_equal(r->status, 200);
	assert_non_null(r->json);
}

static void test_items_list(void **state)
{
	struct http_reply r;
	const json_t *items, *it;
	size_t i;

	(void)state;
	get_ok("/v1/items", &r);
	items = json_object_get(r.json, "items");
	assert_true(json_array_size(items) >= 8);
	assert_true(json_is_null(json_object_get(r.json, "next_cursor")));
	json_array_foreach(items, i, it)
	{
		assert_true(strlen(tj_str(it, "code")) > 0);
		assert_true(strlen(tj_str(it, "name")) > 0);
		assert_true(strlen(tj_str(it, "department")) > 0);
		assert_true(json_is_integer(json_object_get(it, "legal_days")));
		assert_true(
		    json_is_integer(json_object_get(it, "promised_days")));
		assert_true(json_is_boolean(json_object_get(it, "tolerant")));
		assert_true(
		    json_is_boolean(json_object_get(it, "major_project")));
		/* The list form leaves the materials out. */
		assert_null(json_object_get(it, "materials"));
	}
	http_reply_release(&r);
}

/* q matches the name in Chinese (URL-encoded UTF-8 "食品"). */
static void test_items_search_chinese(void **state)
{
	struct http_reply r;
	const json_t *items, *it;
	size_t i;

	(void)state;
	get_ok("/v1/items?q=%E9%A3%9F%E5%93%81", &r);
	items = json_object_get(r.json, "items");
	assert_true(json_array_size(items) >= 1);
	json_array_foreach(items, i, it)
	    assert_non_null(strstr(tj_str(it, "name"), "食品"));
	http_reply_release(&r);
	get_ok("/v1/items?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA", &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 0);
	http_reply_release(&r);
}

static void test_items_search_code_and_get(void **state)
{
	struct http_reply all, one, full;
	char path[256], code[64];
	const json_t *item;

	(void)state;
	get_ok("/v1/items", &all);
	snprintf(code, sizeof(code), "%s",
		 tj_str(json_array_get(json_object_get(all.json, "items"), 2),
			"code"));
	snprintf(path, sizeof(path), "/v1/items?q=%s", code);
	get_ok(path, &one);
	assert_int_equal(json_array_size(json_object_get(one.json, "items")),
			 1);
	snprintf(path, sizeof(path), "/v1/items/%s", code);
	get_ok(path, &full);
	assert_string_equal(tj_str(full.json, "code"), code);
	assert_true(json_array_size(json_object_get(full.json, "materials")) >
		    0);
	item = json_array_get(json_object_get(full.json, "scenarios"), 0);
	assert_non_null(item);
	assert_true(json_array_size(json_object_get(item, "materials")) > 0);
	assert_true(
	    json_is_integer(json_object_get(full.json, "commitment_days")));
	http_reply_release(&full);
	http_reply_release(&one);
	http_reply_release(&all);
}

static void test_item_not_found(void **state)
{
	struct http_reply r;

	(void)state;
	assert_int_equal(http_get(srv.url, "/v1/items/999999999999", token, &r),
			 0);
	assert_int_equal(r.status, 404);
	assert_string_equal(http_error_code(&r), "not_found");
	http_reply_release(&r);
}

/* Following next_cursor visits every item once. */
static void test_items_pagination(void **state)
{
	struct http_reply all, page;
	char path[256], cursor[64] = "";
	size_t seen = 0, total;

	(void)state;
	get_ok("/v1/items", &all);
	total = json_array_size(json_object_get(all.json, "items"));
	for (int guard = 0; guard < 100; guard++) {
		const json_t *next;

		snprintf(path, sizeof(path), "/v1/items?limit=3%s%s",
			 cursor[0] ? "&cursor=" : "", cursor);
		get_ok(path, &page);
		for (size_t i = 0;
		     i < json_array_size(json_object_get(page.json, "items"));
		     i++, seen++)
			assert_string_equal(
			    tj_str(json_array_get(
				       json_object_get(page.json, "items"), i),
				   "code"),
			    tj_str(
				json_array_get(
				    json_object_get(all.json, "items"), seen),
				"code"));
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

static void test_items_bad_limit(void **state)
{
	static const char *const paths[] = {
	    "/v1/items?limit=0", "/v1/items?limit=201", "/v1/items?limit=ten"};
	struct http_reply r;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(http_get(srv.url, paths[i], token, &r), 0);
		assert_int_equal(r.status, 400);
		assert_string_equal(http_error_field(&r), "limit");
		http_reply_release(&r);
	}
}

static bool has_date(const json_t *array, const char *date)
{
	size_t i;
	const json_t *v;

	json_array_foreach(array, i, v) if (strcmp(json_string_value(v),
						   date) == 0) return true;
	return false;
}

static void test_calendar_year(void **state)
{
	struct http_reply r;

	(void)state;
	get_ok("/v1/calendar/2026", &r);
	assert_int_equal(json_integer_value(json_object_get(r.json, "year")),
			 2026);
	assert_true(
	    has_date(json_object_get(r.json, "holidays"), "2026-10-01"));
	assert_true(
	    has_date(json_object_get(r.json, "holidays"), "2026-10-07"));
	assert_true(
	    has_date(json_object_get(r.json, "workdays"), "2026-10-10"));
	assert_false(
	    has_date(json_object_get(r.json, "holidays"), "2026-10-08"));
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, "/v1/calendar/2031", token, &r), 0);
	assert_int_equal(r.status, 404);
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, "/v1/calendar/twenty", token, &r),
			 0);
	assert_int_equal(r.status, 400);
	http_reply_release(&r);
}

/* R4 across National Day 2026: 10/1-10/7 rest, Saturday 10/10 works. */
static void test_calendar_due(void **state)
{
	static const struct {
		const char *query;
		const char *due;
	} cases[] = {
	    {"from=2026-09-30&days=1", "2026-10-08"},
	    {"from=2026-09-28&days=5", "2026-10-10"},
	    {"from=2026-09-24&days=1", "2026-09-28"},
	    {"from=2026-10-09&days=2", "2026-10-12"},
	    {"from=2026-11-02&days=0", "2026-11-02"},
	    {"from=2026-11-02&days=5", "2026-11-09"},
	};
	char path[128];
	struct http_reply r;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(path, sizeof(path), "/v1/calendar/due?%s",
			 cases[i].query);
		get_ok(path, &r);
		assert_string_equal(tj_str(r.json, "due"), cases[i].due);
		http_reply_release(&r);
	}
}

static void test_calendar_due_errors(void **state)
{
	static const struct {
		const char *query;
		long status;
		const char *code;
	} cases[] = {
	    /* 2027 is not loaded: an error, never a guess. */
	    {"from=2026-12-20&days=30", 422, "calendar_missing"},
	    {"from=2031-03-02&days=1", 422, "calendar_missing"},
	    {"from=2026-02-30&days=1", 400, "bad_request"},
	    {"from=2026-11-02&days=-1", 400, "bad_request"},
	    {"from=2026-11-02&days=x", 400, "bad_request"},
	    {"days=3", 400, "bad_request"},
	    {"from=2026-11-02", 400, "bad_request"},
	};
	char path[128];
	struct http_reply r;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(path, sizeof(path), "/v1/calendar/due?%s",
			 cases[i].query);
		assert_int_equal(http_get(srv.url, path, token, &r), 0);
		assert_int_equal(r.status, cases[i].status);
		assert_string_equal(http_error_code(&r), cases[i].code);
		http_reply_release(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_items_list),
	    cmocka_unit_test(test_items_search_chinese),
	    cmocka_unit_test(test_items_search_code_and_get),
	    cmocka_unit_test(test_item_not_found),
	    cmocka_unit_test(test_items_pagination),
	    cmocka_unit_test(test_items_bad_limit),
	    cmocka_unit_test(test_calendar_year),
	    cmocka_unit_test(test_calendar_due),
	    cmocka_unit_test(test_calendar_due_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
