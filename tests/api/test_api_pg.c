/* test_api_pg.c - issue 10 on PostgreSQL: two wincased on one database
 * (per-day numbers, idempotency keys, If-Match, the audit chain, login
 * throttling and the fake clock are shared), and the database going away
 * (503 store_unavailable, nothing half-written) and coming back. Skipped
 * unless WINCASE_TEST_DB names a cluster (tests/support/server_pg.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/cases.h"
#include "../support/http.h"
#include "../support/logins.h"
#include "../support/server.h"
#include "../support/server_pg.h"
#include "../support/test_db.h"

#define FOOD "000131104000"
#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\",\"phone\":\"13800138000\"}"
#define INQUIRY	   "{\"applicant\":{\"name\":\"李四\"},\"topic\":\"咨询\"}"
#define PER_THREAD 12

static struct test_server a, b;

static int group_setup(void **state)
{
	(void)state;
	if (!test_pg_wanted())
		return 0;
	if (test_server_start(&a, true) < 0)
		return -1;
	return test_server_start_shared(&b, &a, true);
}

static int group_teardown(void **state)
{
	int rc = 0;

	(void)state;
	if (!test_pg_wanted())
		return 0;
	rc |= test_server_stop(&b);
	rc |= test_server_stop(&a);
	return rc == 0 ? 0 : -1;
}

static void need_pg(void)
{
	if (!test_pg_wanted())
		skip();
}

/* Inquiries registered on one server, from one thread. */
struct writer {
	const char *url;
	const char *key; /* Idempotency-Key, or NULL */
	int n;
	int created;
	long long last_id;
	bool replayed;
};

static void *write_inquiries(void *arg)
{
	struct writer *w = arg;
	char *token = http_login(w->url, "clerk1", TEST_PASSWORD);

	for (int i = 0; token && i < w->n; i++) {
		struct http_request req = {.method = "POST",
					   .path = "/v1/inquiries",
					   .token = token,
					   .body = INQUIRY,
					   .idempotency_key = w->key};
		struct http_reply r;

		if (http_do(w->url, &req, &r) == 0 && r.status == 201) {
			w->created++;
			w->last_id = tj_num(r.json, "id");
			w->replayed |= r.replayed;
		}
		http_reply_release(&r);
	}
	free(token);
	return NULL;
}

static int inquiry_count(const struct test_server *srv)
{
	long long n = 0;

	assert_int_equal(test_db_int(srv, "SELECT count(*) FROM inquiries", &n),
			 0);
	return (int)n;
}

/* Both servers at once: every number of the day once, none skipped. */
static void test_numbers_across_instances(void **state)
{
	struct writer wa = {.url = a.url, .n = PER_THREAD};
	struct writer wb = {.url = b.url, .n = PER_THREAD};
	pthread_t ta, tb;
	long long bad = -1;

	(void)state;
	need_pg();
	pthread_create(&ta, NULL, write_inquiries, &wa);
	pthread_create(&tb, NULL, write_inquiries, &wb);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_int_equal(wa.created, PER_THREAD);
	assert_int_equal(wb.created, PER_THREAD);
	/* SW-20261102-0001 .. 0024: as many distinct numbers as rows, the
	 * highest one the count. */
	assert_int_equal(
	    test_db_int(&a,
			"SELECT count(*) - count(DISTINCT no) +"
			" max(substr(no, 13)::int) - count(*) FROM inquiries"
			" WHERE no LIKE 'SW-20261102-%'",
			&bad),
	    0);
	assert_int_equal(bad, 0);
	assert_int_equal(inquiry_count(&a), 2 * PER_THREAD);
}

/* One key sent to both servers at the same moment: one inquiry, the
 * same answer twice, one of them a replay. */
static void test_idempotency_across_instances(void **state)
{
	struct writer wa = {.url = a.url, .key = "pg-key-1", .n = 1};
	struct writer wb = {.url = b.url, .key = "pg-key-1", .n = 1};
	pthread_t ta, tb;
	int before;

	(void)state;
	need_pg();
	before = inquiry_count(&a);
	pthread_create(&ta, NULL, write_inquiries, &wa);
	pthread_create(&tb, NULL, write_inquiries, &wb);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_int_equal(wa.created, 1);
	assert_int_equal(wb.created, 1);
	assert_int_equal(wa.last_id, wb.last_id);
	assert_true(wa.replayed != wb.replayed);
	assert_int_equal(inquiry_count(&a), before + 1);
}

/* A version changed on one server is stale on the other. */
static void test_if_match_across_instances(void **state)
{
	char *ta = http_login(a.url, "clerk1", TEST_PASSWORD);
	char *tb = http_login(b.url, "clerk1", TEST_PASSWORD);
	struct test_case c, stale;
	struct http_reply r;

	(void)state;
	need_pg();
	assert_non_null(ta);
	assert_non_null(tb);
	assert_int_equal(
	    tc_create(a.url, ta, FOOD, "canteen", APPLICANT, &c, &r), 201);
	http_reply_release(&r);
	stale = c;
	assert_int_equal(
	    tc_checklist(b.url, tb, &c, "application_form=provided", &r), 200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_checklist(a.url, ta, &stale, "application_form=missing", &r),
	    412);
	assert_string_equal(http_error_code(&r), "version_conflict");
	http_reply_release(&r);
	free(ta);
	free(tb);
}

/* After both servers wrote: one chain, no fork. */
static void test_audit_chain_one(void **state)
{
	char *token;
	struct http_reply r;

	(void)state;
	need_pg();
	token = http_login(b.url, "reviewer1", TEST_PASSWORD);
	assert_non_null(token);
	assert_int_equal(http_get(b.url, "/v1/audit/verify", token, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(json_is_true(json_object_get(r.json, "ok")));
	http_reply_release(&r);
	free(token);
}

static long login_status(const char *url, const char *password)
{
	char body[160];
	struct http_request req = {.method = "POST",
				   .path = "/v1/sessions",
				   .body = body,
				   .source_addr = "127.0.0.3"};
	struct http_reply r;
	long status = -1;

	snprintf(body, sizeof(body),
		 "{\"username\":\"reviewer2\",\"password\":\"%s\"}", password);
	if (http_do(url, &req, &r) == 0)
		status = r.status;
	http_reply_release(&r);
	return status;
}

/* Wrong guesses on one server count on the other. */
static void test_throttle_across_instances(void **state)
{
	int tries = 0;

	(void)state;
	need_pg();
	while (tries < 30 && login_status(a.url, "wrong-guess") != 429)
		tries++;
	assert_true(tries < 30);
	assert_int_equal(login_status(b.url, "wrong-guess"), 429);
}

/* The fake clock moved on one server is the other's too. */
static void test_clock_across_instances(void **state)
{
	struct http_reply r;

	(void)state;
	need_pg();
	assert_int_equal(http_set_clock(a.url, "2026-11-03T10:00:00+08:00"),
			 200);
	assert_int_equal(http_get(b.url, "/v1/health", NULL, &r), 0);
	assert_string_equal(tj_str(r.json, "time"),
			    "2026-11-03T10:00:00+08:00");
	http_reply_release(&r);
}

static void end_sessions(void)
{
	char sql[200];

	snprintf(sql, sizeof(sql),
		 "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
		 " WHERE datname = '%s'",
		 a.pg_name);
	assert_int_equal(test_pg_admin(sql), 0);
}

static long post_inquiry(const char *url, const char *token,
			 struct http_reply *r)
{
	assert_int_equal(
	    http_send_json(url, "POST", "/v1/inquiries", token, INQUIRY, r), 0);
	return r->status;
}

/* Every session of the database ended (a restart, a failover): the next
 * requests find a new one. */
static void test_reconnect(void **state)
{
	char *token = http_login(a.url, "clerk1", TEST_PASSWORD);
	struct http_reply r;

	(void)state;
	need_pg();
	assert_non_null(token);
	end_sessions();
	for (int i = 0; i < 6; i++) {
		assert_int_equal(post_inquiry(a.url, token, &r), 201);
		http_reply_release(&r);
	}
	assert_int_equal(http_get(a.url, "/v1/health", NULL, &r), 0);
	assert_true(json_is_true(
	    json_object_get(json_object_get(r.json, "database"), "connected")));
	http_reply_release(&r);
	free(token);
}

/* The database unreachable: writes answer 503 store_unavailable, health
 * says so, nothing is written; then it comes back. */
static void test_unreachable(void **state)
{
	char sql[160];
	char *token = http_login(a.url, "clerk1", TEST_PASSWORD);
	struct http_reply r;
	int before;

	(void)state;
	need_pg();
	assert_non_null(token);
	before = inquiry_count(&a);
	snprintf(sql, sizeof(sql), "ALTER DATABASE %s ALLOW_CONNECTIONS false",
		 a.pg_name);
	assert_int_equal(test_pg_admin(sql), 0);
	end_sessions();
	assert_int_equal(post_inquiry(a.url, token, &r), 503);
	assert_string_equal(http_error_code(&r), "store_unavailable");
	http_reply_release(&r);
	assert_int_equal(http_get(a.url, "/v1/health", NULL, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(json_is_false(
	    json_object_get(json_object_get(r.json, "database"), "connected")));
	http_reply_release(&r);
	snprintf(sql, sizeof(sql), "ALTER DATABASE %s ALLOW_CONNECTIONS true",
		 a.pg_name);
	assert_int_equal(test_pg_admin(sql), 0);
	assert_int_equal(inquiry_count(&a), before);
	assert_int_equal(post_inquiry(a.url, token, &r), 201);
	http_reply_release(&r);
	assert_int_equal(inquiry_count(&a), before + 1);
	free(token);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_numbers_across_instances),
	    cmocka_unit_test(test_idempotency_across_instances),
	    cmocka_unit_test(test_if_match_across_instances),
	    cmocka_unit_test(test_audit_chain_one),
	    cmocka_unit_test(test_throttle_across_instances),
	    cmocka_unit_test(test_clock_across_instances),
	    cmocka_unit_test(test_reconnect),
	    cmocka_unit_test(test_unreachable),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
