/* test_api_sessions.c - health, sessions, the caller, the rate limit and
 * the fake clock, against a real wincased over HTTP. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../support/http.h"
#include "../support/server.h"

#define PASSWORD "demo-password-1"

static struct test_server srv;

static int setup(void **state)
{
	(void)state;
	return test_server_start(&srv, true);
}

static int teardown(void **state)
{
	(void)state;
	/* A clean stop on SIGTERM exits with status 0. */
	return test_server_stop(&srv) == 0 ? 0 : -1;
}

static void test_health(void **state)
{
	struct http_reply r;
	json_t *db;

	(void)state;
	assert_int_equal(http_get(srv.url, "/v1/health", NULL, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.content_type, "application/json"));
	assert_string_equal(tj_str(r.json, "status"), "ok");
	assert_string_equal(tj_str(r.json, "store"),
			    srv.pg_name[0] ? "postgres" : "sqlite");
	/* Issue 10: the store's own report, the schema at its newest. */
	db = json_object_get(r.json, "database");
	assert_true(json_is_true(json_object_get(db, "connected")));
	assert_string_equal(tj_str(db, "role"), "primary");
	assert_true(json_integer_value(json_object_get(db, "schema_version")) >=
		    9);
	assert_string_equal(tj_str(r.json, "time"), TEST_SERVER_START_TIME);
	assert_string_equal(tj_str(r.json, "calendar_until"), "2026-12-31");
	assert_true(json_is_true(json_object_get(r.json, "fake_clock")));
	assert_true(strlen(tj_str(r.json, "version")) > 0);
	http_reply_release(&r);
}

static long login(const char *user, const char *password, const char *window,
		  struct http_reply *r)
{
	json_t *body =
	    json_pack("{s:s, s:s}", "username", user, "password", password);
	char *text;

	if (window)
		json_object_set_new(body, "window", json_string(window));
	text = json_dumps(body, 0);
	assert_int_equal(
	    http_send_json(srv.url, "POST", "/v1/sessions", NULL, text, r), 0);
	free(text);
	json_decref(body);
	return r->status;
}

static void test_login_ok(void **state)
{
	struct http_reply r;
	const json_t *user;

	(void)state;
	assert_int_equal(login("clerk1", PASSWORD, NULL, &r), 201);
	assert_true(strlen(tj_str(r.json, "token")) >= 43);
	/* Sessions last session_hours (12 by default) of server time. */
	assert_string_equal(tj_str(r.json, "expires_at"),
			    "2026-11-02T21:00:00+08:00");
	user = json_object_get(r.json, "user");
	assert_string_equal(tj_str(user, "username"), "clerk1");
	assert_string_equal(tj_str(user, "display_name"), "王小明");
	assert_string_equal(tj_str(user, "role"), "clerk");
	assert_string_equal(tj_str(user, "window"), "1");
	assert_string_equal(tj_str(user, "department"), "市场监督管理局");
	http_reply_release(&r);
}

static void test_login_window_override(void **state)
{
	struct http_reply r, me;
	char *token;

	(void)state;
	assert_int_equal(login("clerk2", PASSWORD, "7", &r), 201);
	assert_string_equal(tj_str(json_object_get(r.json, "user"), "window"),
			    "7");
	token = strdup(tj_str(r.json, "token"));
	assert_int_equal(http_get(srv.url, "/v1/me", token, &me), 0);
	assert_int_equal(me.status, 200);
	assert_string_equal(tj_str(me.json, "username"), "clerk2");
	assert_string_equal(tj_str(me.json, "window"), "7");
	assert_string_equal(tj_str(me.json, "display_name"), "李娜");
	http_reply_release(&me);
	http_reply_release(&r);
	free(token);
}

/* Unknown user and wrong password get the very same answer. */
static void test_login_bad_credentials(void **state)
{
	struct http_reply wrong, unknown;

	(void)state;
	assert_int_equal(login("clerk1", "not-the-password", NULL, &wrong),
			 401);
	assert_int_equal(login("nobody", PASSWORD, NULL, &unknown), 401);
	assert_string_equal(http_error_code(&wrong), "bad_credentials");
	assert_string_equal(wrong.body, unknown.body);
	assert_null(json_object_get(wrong.json, "token"));
	http_reply_release(&wrong);
	http_reply_release(&unknown);
}

static void test_login_malformed(void **state)
{
	static const struct {
		const char *body;
		const char *field;
	} cases[] = {
	    {"{}", "username"},
	    {"{\"username\":\"clerk1\"}", "password"},
	    {"{\"username\":5,\"password\":\"x\"}", "username"},
	    {"{\"username\":\"clerk1\",\"password\":[]}", "password"},
	    {"[1,2]", ""},
	    {"{\"username\":", ""},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct http_reply r;

		assert_int_equal(http_send_json(srv.url, "POST", "/v1/sessions",
						NULL, cases[i].body, &r),
				 0);
		assert_int_equal(r.status, 400);
		assert_string_equal(http_error_code(&r), "bad_request");
		assert_string_equal(http_error_field(&r), cases[i].field);
		http_reply_release(&r);
	}
}

static void test_token_required(void **state)
{
	static const char *const paths[] = {
	    "/v1/me", "/v1/items", "/v1/inquiries", "/v1/calendar/2026"};
	struct http_reply r;

	(void)state;
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(http_get(srv.url, paths[i], NULL, &r), 0);
		assert_int_equal(r.status, 401);
		assert_string_equal(http_error_code(&r), "unauthenticated");
		http_reply_release(&r);
		assert_int_equal(http_get(srv.url, paths[i], "bogus", &r), 0);
		assert_int_equal(r.status, 401);
		http_reply_release(&r);
	}
}

static void test_logout(void **state)
{
	char *token = http_login(srv.url, "clerk1", PASSWORD);
	struct http_reply r;

	(void)state;
	assert_non_null(token);
	assert_int_equal(http_get(srv.url, "/v1/me", token, &r), 0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);
	assert_int_equal(http_send_json(srv.url, "DELETE",
					"/v1/sessions/current", token, NULL,
					&r),
			 0);
	assert_int_equal(r.status, 204);
	assert_string_equal(r.body, "");
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, "/v1/me", token, &r), 0);
	assert_int_equal(r.status, 401);
	http_reply_release(&r);
	free(token);
}

/* Five failures in five minutes; the sixth attempt is refused even with
 * the right password, until the window has passed. */
static void test_rate_limit(void **state)
{
	struct http_reply r;

	(void)state;
	assert_int_equal(http_set_clock(srv.url, "2026-11-03T09:00:00+08:00"),
			 200);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(login("reviewer1", "wrong", NULL, &r), 401);
		assert_string_equal(http_error_code(&r), "bad_credentials");
		http_reply_release(&r);
	}
	assert_int_equal(login("reviewer1", PASSWORD, NULL, &r), 429);
	assert_string_equal(http_error_code(&r), "rate_limited");
	http_reply_release(&r);
	/* Another user is not affected. */
	assert_int_equal(login("clerk1", PASSWORD, NULL, &r), 201);
	http_reply_release(&r);
	assert_int_equal(http_set_clock(srv.url, "2026-11-03T09:05:01+08:00"),
			 200);
	assert_int_equal(login("reviewer1", PASSWORD, NULL, &r), 201);
	http_reply_release(&r);
}

static void test_fake_clock(void **state)
{
	char *clerk;
	struct http_reply r;

	(void)state;
	assert_int_equal(http_set_clock(srv.url, "2026-11-20T10:30:00+08:00"),
			 200);
	assert_int_equal(http_get(srv.url, "/v1/health", NULL, &r), 0);
	assert_string_equal(tj_str(r.json, "time"),
			    "2026-11-20T10:30:00+08:00");
	http_reply_release(&r);
	/* Another offset is converted to the server's +08:00. */
	assert_int_equal(http_set_clock(srv.url, "2026-11-20T16:00:00Z"), 200);
	assert_int_equal(http_get(srv.url, "/v1/health", NULL, &r), 0);
	assert_string_equal(tj_str(r.json, "time"),
			    "2026-11-21T00:00:00+08:00");
	http_reply_release(&r);
	/* R6: only an administrator moves the clock. */
	clerk = http_login(srv.url, "clerk1", PASSWORD);
	assert_non_null(clerk);
	assert_int_equal(
	    http_send_json(srv.url, "PUT", "/v1/admin/clock", clerk,
			   "{\"now\":\"2027-01-01T00:00:00Z\"}", &r),
	    0);
	assert_int_equal(r.status, 403);
	assert_string_equal(http_error_code(&r), "forbidden");
	http_reply_release(&r);
	assert_int_equal(http_set_clock(srv.url, "tomorrow"), 422);
	assert_int_equal(http_get(srv.url, "/v1/health", NULL, &r), 0);
	assert_string_equal(tj_str(r.json, "time"),
			    "2026-11-21T00:00:00+08:00");
	http_reply_release(&r);
	free(clerk);
}

/* Sessions expire by the server clock. */
static void test_session_expiry(void **state)
{
	char *token;
	struct http_reply r;

	(void)state;
	assert_int_equal(http_set_clock(srv.url, "2026-11-04T09:00:00+08:00"),
			 200);
	token = http_login(srv.url, "clerk2", PASSWORD);
	assert_non_null(token);
	assert_int_equal(http_set_clock(srv.url, "2026-11-04T20:59:59+08:00"),
			 200);
	assert_int_equal(http_get(srv.url, "/v1/me", token, &r), 0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);
	assert_int_equal(http_set_clock(srv.url, "2026-11-04T21:00:00+08:00"),
			 200);
	assert_int_equal(http_get(srv.url, "/v1/me", token, &r), 0);
	assert_int_equal(r.status, 401);
	http_reply_release(&r);
	free(token);
}

static void test_unknown_route_and_method(void **state)
{
	struct http_reply r;

	(void)state;
	assert_int_equal(http_get(srv.url, "/v1/nothing", NULL, &r), 0);
	assert_int_equal(r.status, 404);
	assert_string_equal(http_error_code(&r), "not_found");
	assert_non_null(strstr(r.content_type, "application/json"));
	http_reply_release(&r);
	assert_int_equal(
	    http_send_json(srv.url, "DELETE", "/v1/health", NULL, NULL, &r), 0);
	assert_int_equal(r.status, 405);
	assert_string_equal(http_error_code(&r), "method_not_allowed");
	http_reply_release(&r);
}

/* Without --fake-clock the clock endpoint does not exist; seeding twice on
 * the same database works. */
static void test_real_clock_and_reseed(void **state)
{
	struct test_server real;
	char *admin;
	struct http_reply r;

	(void)state;
	assert_int_equal(test_server_start(&real, false), 0);
	assert_int_equal(http_get(real.url, "/v1/health", NULL, &r), 0);
	assert_true(json_is_false(json_object_get(r.json, "fake_clock")));
	http_reply_release(&r);
	admin = http_login(real.url, "admin1", PASSWORD);
	assert_non_null(admin);
	assert_int_equal(
	    http_send_json(real.url, "PUT", "/v1/admin/clock", admin,
			   "{\"now\":\"2027-01-01T00:00:00Z\"}", &r),
	    0);
	assert_int_equal(r.status, 404);
	http_reply_release(&r);
	free(admin);
	assert_int_equal(test_server_stop_keep(&real), 0);
	assert_int_equal(test_server_restart(&real), 0);
	admin = http_login(real.url, "admin1", PASSWORD);
	assert_non_null(admin);
	free(admin);
	assert_int_equal(test_server_stop(&real), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_health),
	    cmocka_unit_test(test_login_ok),
	    cmocka_unit_test(test_login_window_override),
	    cmocka_unit_test(test_login_bad_credentials),
	    cmocka_unit_test(test_login_malformed),
	    cmocka_unit_test(test_token_required),
	    cmocka_unit_test(test_logout),
	    cmocka_unit_test(test_unknown_route_and_method),
	    cmocka_unit_test(test_rate_limit),
	    cmocka_unit_test(test_session_expiry),
	    cmocka_unit_test(test_fake_clock),
	    cmocka_unit_test(test_real_clock_and_reseed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
