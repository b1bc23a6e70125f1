/* test_api_audit.c - the audit trail (R6): GET /v1/audit by entity with
 * pages and who may read what, GET /v1/audit/verify, and tampering: an
 * altered, a deleted and an inserted row in the SQLite file are found by
 * `wincased audit-verify --db` and by a restarted server. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../support/command.h"
#include "../support/http.h"
#include "../support/logins.h"
#include "../support/server.h"
#include "../support/test_db.h"

#define PASSWORD "demo-password-1"

static struct test_server srv;
static char *admin, *clerk1, *clerk2, *reviewer;
static long long inquiry_id;

static const struct test_login logins[] = {{"admin1", &admin},
					   {"clerk1", &clerk1},
					   {"clerk2", &clerk2},
					   {"reviewer1", &reviewer},
					   {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

static json_t *get_json(const char *path, const char *token, long status)
{
	struct http_reply r;
	json_t *j;

	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	if (r.status != status)
		print_message("# GET %s: %ld %s\n", path, r.status, r.body);
	assert_int_equal(r.status, status);
	j = json_incref(r.json);
	http_reply_release(&r);
	return j;
}

static long post(const char *path, const char *token, const char *if_match,
		 const char *body)
{
	struct http_request req = {.method = "POST",
				   .path = path,
				   .token = token,
				   .body = body,
				   .if_match = if_match};
	struct http_reply r;
	long status;

	assert_int_equal(http_do(srv.url, &req, &r), 0);
	status = r.status;
	if (status == 201 && !inquiry_id)
		inquiry_id = tj_num(r.json, "id");
	http_reply_release(&r);
	return status;
}

/* An inquiry registered, handed to window 2 and acknowledged there. */
static void make_history(void)
{
	char path[96];
	json_t *inq;

	inquiry_id = 0;
	assert_int_equal(post("/v1/inquiries", clerk1, NULL,
			      "{\"applicant\":{\"name\":\"张三\"},"
			      "\"topic\":\"咨询\"}"),
			 201);
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs", inquiry_id);
	assert_int_equal(post(path, clerk1, "\"1\"",
			      "{\"to_window\":\"2\",\"reason\":\"住建\"}"),
			 200);
	snprintf(path, sizeof(path), "/v1/inquiries/%lld", inquiry_id);
	inq = get_json(path, clerk1, 200);
	snprintf(
	    path, sizeof(path), "/v1/inquiries/%lld/handoffs/%lld/ack",
	    inquiry_id,
	    tj_num(json_array_get(json_object_get(inq, "handoffs"), 0), "id"));
	json_decref(inq);
	assert_int_equal(post(path, clerk2, "\"2\"", NULL), 200);
}

static void test_list_for_inquiry(void **state)
{
	static const char *const actions[] = {"inquiry.create",
					      "inquiry.handoff", "inquiry.ack"};
	static const char *const actors[] = {"clerk1", "clerk1", "clerk2"};
	char path[128], entity[48];
	json_t *page, *items, *e;

	(void)state;
	make_history();
	snprintf(entity, sizeof(entity), "inquiry:%lld", inquiry_id);
	snprintf(path, sizeof(path), "/v1/audit?entity=%s", entity);
	page = get_json(path, reviewer, 200);
	items = json_object_get(page, "items");
	assert_int_equal(json_array_size(items), 3);
	assert_true(json_is_null(json_object_get(page, "next_cursor")));
	for (size_t i = 0; i < 3; i++) {
		e = json_array_get(items, i);
		assert_string_equal(tj_str(e, "action"), actions[i]);
		assert_string_equal(tj_str(e, "actor"), actors[i]);
		assert_string_equal(tj_str(e, "entity"), entity);
		assert_string_equal(tj_str(e, "at"), TEST_SERVER_START_TIME);
		assert_int_equal(strlen(tj_str(e, "hash")), 64);
		assert_int_equal(strlen(tj_str(e, "prev_hash")), 64);
		assert_true(json_is_object(json_object_get(e, "data")));
		if (i)
			assert_true(
			    tj_num(e, "seq") >
			    tj_num(json_array_get(items, i - 1), "seq"));
	}
	assert_string_equal(
	    tj_str(json_object_get(json_array_get(items, 1), "data"),
		   "to_window"),
	    "2");
	json_decref(page);

	/* Two per page: the cursor is the last seq. */
	snprintf(path, sizeof(path), "/v1/audit?entity=%s&limit=2", entity);
	page = get_json(path, admin, 200);
	assert_int_equal(json_array_size(json_object_get(page, "items")), 2);
	assert_true(json_is_string(json_object_get(page, "next_cursor")));
	assert_int_equal(
	    atoll(tj_str(page, "next_cursor")),
	    tj_num(json_array_get(json_object_get(page, "items"), 1), "seq"));
	snprintf(path, sizeof(path), "/v1/audit?entity=%s&limit=2&cursor=%s",
		 entity, tj_str(page, "next_cursor"));
	json_decref(page);
	page = get_json(path, admin, 200);
	assert_int_equal(json_array_size(json_object_get(page, "items")), 1);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(page, "items"), 0), "action"),
	    "inquiry.ack");
	assert_true(json_is_null(json_object_get(page, "next_cursor")));
	json_decref(page);
}

/* R6: clerks read only their own entries (user:<me>). */
static void test_who_reads(void **state)
{
	char path[96];
	json_t *page;

	(void)state;
	snprintf(path, sizeof(path), "/v1/audit?entity=inquiry:%lld",
		 inquiry_id);
	json_decref(get_json(path, clerk1, 403));
	json_decref(get_json("/v1/audit", clerk1, 403));
	json_decref(get_json("/v1/audit?entity=user:clerk2", clerk1, 403));
	page = get_json("/v1/audit?entity=user:clerk1", clerk1, 200);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(page, "items"), 0), "action"),
	    "session.create");
	json_decref(page);
	page = get_json("/v1/audit?limit=200", admin, 200);
	assert_true(json_array_size(json_object_get(page, "items")) >= 7);
	assert_int_equal(
	    tj_num(json_array_get(json_object_get(page, "items"), 0), "seq"),
	    1);
	json_decref(page);
	json_decref(get_json("/v1/audit?entity=nothing", reviewer, 400));
	json_decref(get_json("/v1/audit?entity=case:", reviewer, 400));
	json_decref(get_json("/v1/audit?cursor=x", reviewer, 400));
	json_decref(get_json("/v1/audit?limit=0", reviewer, 400));
	json_decref(get_json("/v1/audit", NULL, 401));
	json_decref(get_json("/v1/audit/verify", clerk1, 403));
}

/* A case made by clerk1 (window 1): its id, its number into no. */
static long long case_new(char no[32])
{
	struct http_request req = {.method = "POST",
				   .path = "/v1/cases",
				   .token = clerk1,
				   .body =
				       "{\"item_code\":\"000131104000\","
				       "\"scenario_id\":\"food_sales\","
				       "\"applicant\":{\"name\":\"李四\"}}"};
	struct http_reply r;
	long long id;

	assert_int_equal(http_do(srv.url, &req, &r), 0);
	assert_int_equal(r.status, 201);
	id = tj_num(r.json, "id");
	snprintf(no, 32, "%s", tj_str(r.json, "no"));
	http_reply_release(&r);
	return id;
}

/* The counter's case view: a clerk reads the history of a case of their
 * window, not of another window's. */
static void test_clerk_reads_case(void **state)
{
	char path[96], no[32];
	long long case_id;
	json_t *page;

	(void)state;
	case_id = case_new(no);
	snprintf(path, sizeof(path), "/v1/audit?entity=case:%lld", case_id);
	page = get_json(path, clerk1, 200);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(page, "items"), 0), "action"),
	    "case.create");
	json_decref(page);
	json_decref(get_json(path, clerk2, 403));
	json_decref(get_json("/v1/audit?entity=case:999999", clerk1, 403));
	json_decref(get_json("/v1/audit?entity=case:x1", clerk1, 403));
}

/* True when some entry of page has action. */
static bool page_has_action(const json_t *page, const char *action)
{
	const json_t *e;
	size_t i;

	json_array_foreach(json_object_get(page, "items"), i, e)
	{
		if (strcmp(tj_str(e, "action"), action) == 0)
			return true;
	}
	return false;
}

/* Issue 14.7: lookups by what people know - case and inquiry numbers,
 * and user:NAME as what that user did, not only their logins. */
static void test_lookups(void **state)
{
	char path[128], no[32], entity[48];
	json_t *page, *inq;

	(void)state;
	make_history();
	snprintf(path, sizeof(path), "/v1/inquiries/%lld", inquiry_id);
	inq = get_json(path, clerk1, 200);
	snprintf(no, sizeof(no), "%s", tj_str(inq, "no"));
	json_decref(inq);
	snprintf(entity, sizeof(entity), "inquiry:%lld", inquiry_id);
	snprintf(path, sizeof(path), "/v1/audit?entity=%s", no);
	page = get_json(path, reviewer, 200);
	assert_int_equal(json_array_size(json_object_get(page, "items")), 3);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(page, "items"), 0), "entity"),
	    entity);
	json_decref(page);
	snprintf(path, sizeof(path), "/v1/audit?entity=inquiry:%s", no);
	page = get_json(path, reviewer, 200);
	assert_int_equal(json_array_size(json_object_get(page, "items")), 3);
	json_decref(page);
	snprintf(path, sizeof(path), "/v1/audit?entity=case:%s", no);
	json_decref(get_json(path, reviewer, 400));
	json_decref(
	    get_json("/v1/audit?entity=SL-20991231-0001", reviewer, 404));
	json_decref(get_json("/v1/audit?entity=SW-", reviewer, 404));

	case_new(no);
	assert_int_equal(strncmp(no, "SL-", 3), 0);
	snprintf(path, sizeof(path), "/v1/audit?entity=%s", no);
	page = get_json(path, clerk1, 200);
	assert_true(page_has_action(page, "case.create"));
	json_decref(page);
	json_decref(get_json(path, clerk2, 403));

	/* What clerk1 did, with the logins; clerk2 acknowledged. */
	page =
	    get_json("/v1/audit?entity=user:clerk1&limit=200", reviewer, 200);
	assert_true(page_has_action(page, "session.create"));
	assert_true(page_has_action(page, "inquiry.create"));
	assert_true(page_has_action(page, "inquiry.handoff"));
	assert_true(page_has_action(page, "case.create"));
	assert_false(page_has_action(page, "inquiry.ack"));
	json_decref(page);
	page =
	    get_json("/v1/audit?entity=user:clerk2&limit=200", reviewer, 200);
	assert_true(page_has_action(page, "inquiry.ack"));
	assert_false(page_has_action(page, "case.create"));
	json_decref(page);
	/* a clerk reads what they did themselves */
	page = get_json("/v1/audit?entity=user:clerk1", clerk1, 200);
	assert_true(page_has_action(page, "inquiry.create"));
	json_decref(page);
}

static void test_verify_intact(void **state)
{
	json_t *v, *page;

	(void)state;
	page = get_json("/v1/audit?limit=200", admin, 200);
	v = get_json("/v1/audit/verify", reviewer, 200);
	assert_true(json_is_true(json_object_get(v, "ok")));
	/* The listing (one read earlier) is no longer than the trail. */
	assert_true(tj_num(v, "entries") >=
		    (long long)json_array_size(json_object_get(page, "items")));
	assert_null(json_object_get(v, "broken_at"));
	json_decref(v);
	json_decref(page);
	v = get_json("/v1/audit/verify", admin, 200);
	assert_true(json_is_true(json_object_get(v, "ok")));
	json_decref(v);
}

static void exec_sql(const struct test_server *db, const char *sql)
{
	assert_int_equal(test_db_exec(db, sql, 0, NULL, NULL), 0);
}

/* `wincased audit-verify` on db: its exit status and output. */
static int verify_cli(struct test_server *db, char *out, size_t size)
{
	char *argv[8] = {getenv("WINCASED_BIN"), "audit-verify"};

	test_server_db_argv(db, argv + 2);
	return test_run_command(argv, NULL, out, size);
}

static void expect_broken(struct test_server *db, long long seq)
{
	char out[512], want[64];

	snprintf(want, sizeof(want), "broken at seq %lld\n", seq);
	assert_int_equal(verify_cli(db, out, sizeof(out)), 1);
	assert_string_equal(out, want);
}

/* Copies of the stopped server's database, each tampered one way. */
static void test_tampering(void **state)
{
	struct test_server deleted, inserted, appended;
	char sql[1024], out[512];
	long long n;
	json_t *v;
	char *token;

	(void)state;
	make_history();
	assert_int_equal(test_server_stop_keep(&srv), 0);
	assert_int_equal(test_db_int(&srv, "SELECT max(seq) FROM audit", &n),
			 0);
	assert_true(n >= 10);
	assert_int_equal(test_db_copy(&srv, "deleted", &deleted), 0);
	assert_int_equal(test_db_copy(&srv, "inserted", &inserted), 0);
	assert_int_equal(test_db_copy(&srv, "appended", &appended), 0);
	assert_int_equal(verify_cli(&srv, out, sizeof(out)), 0);
	snprintf(sql, sizeof(sql), "ok %lld entries\n", n);
	assert_string_equal(out, sql);

	/* Altered: one entry's data. */
	exec_sql(&srv, "UPDATE audit SET data = '{\"topic\":\"改过\"}'"
		       " WHERE seq = 5");
	expect_broken(&srv, 5);
	/* Deleted: entry 6 gone. */
	exec_sql(&deleted, "DELETE FROM audit WHERE seq = 6");
	expect_broken(&deleted, 6);
	/* Inserted: a new entry 4, the later ones renumbered. */
	snprintf(sql, sizeof(sql),
		 "UPDATE audit SET seq = seq + 1000000 WHERE seq >= 4;"
		 "UPDATE audit SET seq = seq - 999999 WHERE seq > 1000000;"
		 "INSERT INTO audit (seq, at, actor, action, entity, data,"
		 " prev_hash, hash) SELECT 4, at, 'admin1', 'user.create',"
		 " 'user:mallory', '{}', hash, hash FROM audit WHERE seq = 3;");
	exec_sql(&inserted, sql);
	expect_broken(&inserted, 4);
	/* Appended with a made-up hash. */
	snprintf(sql, sizeof(sql),
		 "INSERT INTO audit (seq, at, actor, action, entity, data,"
		 " prev_hash, hash) SELECT seq + 1, at, 'admin1', 'x', 'y',"
		 " '{}', hash, hash FROM audit WHERE seq = %lld;",
		 n);
	exec_sql(&appended, sql);
	expect_broken(&appended, n + 1);
	test_db_copy_drop(&deleted);
	test_db_copy_drop(&inserted);
	test_db_copy_drop(&appended);

	/* The restarted server finds the altered entry too. */
	assert_int_equal(test_server_restart(&srv), 0);
	token = http_login(srv.url, "reviewer1", PASSWORD);
	assert_non_null(token);
	v = get_json("/v1/audit/verify", token, 200);
	assert_true(json_is_false(json_object_get(v, "ok")));
	assert_int_equal(tj_num(v, "broken_at"), 5);
	json_decref(v);
	free(token);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_list_for_inquiry),
	    cmocka_unit_test(test_who_reads),
	    cmocka_unit_test(test_clerk_reads_case),
	    cmocka_unit_test(test_lookups),
	    cmocka_unit_test(test_verify_intact),
	    cmocka_unit_test(test_tampering),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
