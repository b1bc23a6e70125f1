/* test_api_review_team.c - the reviewer queue worked by a team (issue 14),
 * against a real wincased: take, release and hand an item to a colleague;
 * two reviewers never decide one item unknowingly (409 taken_by_other);
 * own_case items are handed on; the queue filtered by owner and by who
 * decided; a rectification written step by step (R5). */
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

#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\"}"

static struct test_server srv;
static char *clerk1, *reviewer, *admin;

static const struct test_login logins[] = {{"clerk1", &clerk1},
					   {"reviewer1", &reviewer},
					   {"admin1", &admin},
					   {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

/* A call whose answer only matters by status and error code. */
static long call_code(const char *token, const char *method, const char *path,
		      const char *body, char code[48])
{
	struct http_reply r;
	long status;

	assert_int_equal(http_call(srv.url, method, path, token, body, 0, &r),
			 0);
	status = r.status;
	snprintf(code, 48, "%s", http_error_code(&r));
	http_reply_release(&r);
	return status;
}

/* POST /v1/review/ID/verb with body; the answer in *r. */
static long on_item(const char *token, long long id, const char *verb,
		    const char *body, struct http_reply *r)
{
	char path[96];

	snprintf(path, sizeof(path), "/v1/review/%lld/%s", id, verb);
	assert_int_equal(http_call(srv.url, "POST", path, token, body, 0, r),
			 0);
	return r->status;
}

/* on_item when only the status and the code matter. */
static long on_item_code(const char *token, long long id, const char *verb,
			 const char *body, char code[48])
{
	struct http_reply r;
	long status = on_item(token, id, verb, body, &r);

	snprintf(code, 48, "%s", http_error_code(&r));
	http_reply_release(&r);
	return status;
}

/* A second reviewer of 市场监督管理局, logged in. */
static char *reviewer2_login(void)
{
	char code[48];

	assert_int_equal(
	    call_code(admin, "POST", "/v1/users",
		      "{\"username\":\"reviewer2\",\"display_name\":\"钱七\","
		      "\"password\":\"" TEST_PASSWORD "\",\"role\":"
		      "\"reviewer\",\"department\":\"市场监督管理局\"}",
		      code),
	    201);
	return http_login(srv.url, "reviewer2", TEST_PASSWORD);
}

/* How many items GET /v1/review/queue + query lists for token. */
static size_t queue_count(const char *token, const char *query)
{
	char path[160];
	struct http_reply r;
	size_t n;

	snprintf(path, sizeof(path), "/v1/review/queue%s", query);
	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	assert_int_equal(r.status, 200);
	n = json_array_size(json_object_get(r.json, "items"));
	http_reply_release(&r);
	return n;
}

/* The id of the only (first) queue item of kind. */
static long long first_item(const char *kind)
{
	char path[96];
	struct http_reply r;
	long long id;

	snprintf(path, sizeof(path), "/v1/review/queue?kind=%s", kind);
	assert_int_equal(http_get(srv.url, path, reviewer, &r), 0);
	assert_int_equal(r.status, 200);
	id = tj_num(json_array_get(json_object_get(r.json, "items"), 0), "id");
	http_reply_release(&r);
	assert_true(id > 0);
	return id;
}

/* A food licence accepted tolerantly (equipment_list missing) by clerk1:
 * a tolerant_acceptance item. With complete, accepted normally instead,
 * completed and rated 1: a rectification item. */
static void counter_case(bool rate_badly)
{
	struct test_case c;
	struct http_reply r;

	assert_int_equal(tc_create(srv.url, clerk1, "000131104000",
				   "food_sales", APPLICANT, &c, &r),
			 201);
	http_reply_release(&r);
	assert_int_equal(
	    tc_checklist(srv.url, clerk1, &c,
			 rate_badly ? "application_form=provided,"
				      "business_licence=provided,"
				      "legal_rep_id=provided,premises_proof="
				      "provided,layout_flow=provided,"
				      "safety_manager_proof=provided,"
				      "equipment_list=provided,"
				      "safety_rules=provided"
				    : "application_form=provided,"
				      "business_licence=provided,"
				      "legal_rep_id=provided,premises_proof="
				      "provided,layout_flow=provided,"
				      "safety_manager_proof=provided,"
				      "equipment_list=missing,"
				      "safety_rules=provided",
			 &r),
	    200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/accept",
		      rate_badly ? "{\"mode\":\"normal\"}"
				 : "{\"mode\":\"tolerant\",\"commitment\":{"
				   "\"applicant_confirmation\":\"张三\"}}",
		      &r),
	    200);
	http_reply_release(&r);
	if (!rate_badly)
		return;
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/complete",
		      "{\"result\":\"approved\",\"note\":\"准予\"}", &r),
	    200);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/rating",
				   "{\"level\":1,\"reasons\":[\"态度差\"]}",
				   &r),
			 200);
	http_reply_release(&r);
}

/* The fake clock moved to t, everyone signed in again (sessions expire
 * after 12 hours). */
static void clock_at(const char *t)
{
	assert_int_equal(http_set_clock(srv.url, t), 200);
	assert_true(test_login(srv.url, logins));
}

/* Take, the colleague refused, hand on, decide, my decisions. */
static void test_take_assign_decide(void **state)
{
	struct http_reply r;
	long long id;
	char code[48], *reviewer2;

	(void)state;
	clock_at("2026-11-04T09:00:00+08:00");
	reviewer2 = reviewer2_login();
	counter_case(false);
	id = first_item("tolerant_acceptance");
	assert_int_equal(queue_count(reviewer, "?owner=none"), 1);

	assert_int_equal(on_item(reviewer, id, "take", NULL, &r), 200);
	assert_string_equal(tj_str(r.json, "owner"), "reviewer1");
	assert_non_null(json_object_get(r.json, "owned_at"));
	http_reply_release(&r);
	assert_int_equal(queue_count(reviewer, "?owner=me"), 1);
	assert_int_equal(queue_count(reviewer2, "?owner=me"), 0);
	assert_int_equal(queue_count(reviewer2, "?owner=reviewer1"), 1);
	assert_int_equal(queue_count(reviewer, "?owner=none"), 0);
	assert_int_equal(call_code(reviewer, "GET",
				   "/v1/review/queue?owner=a%20b", NULL, code),
			 400);

	/* The colleague can neither take, release nor decide it. */
	assert_int_equal(on_item(reviewer2, id, "take", NULL, &r), 409);
	assert_string_equal(http_error_code(&r), "taken_by_other");
	assert_string_equal(
	    tj_str(
		json_array_get(json_object_get(json_object_get(r.json, "error"),
					       "details"),
			       0),
		"owner"),
	    "reviewer1");
	http_reply_release(&r);
	assert_int_equal(on_item_code(reviewer2, id, "release", NULL, code),
			 409);
	assert_int_equal(on_item_code(reviewer2, id, "decision",
				      "{\"decision\":\"approve\",\"comment\":"
				      "\"同意\"}",
				      code),
			 409);
	assert_string_equal(code, "taken_by_other");
	assert_int_equal(queue_count(reviewer, "?status=pending"), 1);

	/* Hand it on: only to a reviewer of the department. */
	assert_int_equal(
	    on_item_code(reviewer, id, "assign", "{\"to\":\"clerk1\"}", code),
	    422);
	assert_int_equal(
	    on_item_code(reviewer, id, "assign", "{\"to\":\"nobody\"}", code),
	    422);
	assert_int_equal(on_item_code(reviewer, id, "assign", "{}", code), 400);
	assert_int_equal(
	    on_item(reviewer, id, "assign", "{\"to\":\"reviewer2\"}", &r), 200);
	assert_string_equal(tj_str(r.json, "owner"), "reviewer2");
	http_reply_release(&r);
	assert_int_equal(on_item_code(reviewer, id, "decision",
				      "{\"decision\":\"approve\",\"comment\":"
				      "\"同意\"}",
				      code),
			 409);
	assert_int_equal(on_item_code(reviewer2, id, "decision",
				      "{\"decision\":\"approve\",\"comment\":"
				      "\"材料齐全\"}",
				      code),
			 200);
	assert_int_equal(queue_count(reviewer2, "?status=done&decided_by=me"),
			 1);
	assert_int_equal(queue_count(reviewer, "?status=done&decided_by=me"),
			 0);
	assert_int_equal(on_item_code(reviewer, id, "take", NULL, code), 409);
	assert_string_equal(code, "already_decided");
	free(reviewer2);
}

/* Release gives it back to nobody; an administrator may release any. */
static void test_release(void **state)
{
	struct http_reply r;
	long long id;
	char code[48];

	(void)state;
	counter_case(false);
	id = first_item("tolerant_acceptance");
	assert_int_equal(on_item_code(reviewer, id, "release", NULL, code),
			 409);
	assert_string_equal(code, "not_taken");
	assert_int_equal(on_item_code(reviewer, id, "take", NULL, code), 200);
	assert_int_equal(on_item_code(admin, id, "release", NULL, code), 200);
	assert_int_equal(on_item_code(reviewer, id, "take", NULL, code), 200);
	assert_int_equal(on_item(reviewer, id, "release", NULL, &r), 200);
	assert_true(json_is_null(json_object_get(r.json, "owner")));
	http_reply_release(&r);
	assert_int_equal(queue_count(reviewer, "?owner=none"), 1);
	assert_int_equal(on_item_code(clerk1, id, "take", NULL, code), 403);
	assert_int_equal(on_item_code(reviewer, 9999, "take", NULL, code), 404);
}

/* R5: 核实 -> 整改 -> 反馈 saved one by one, in order, by the owner. */
static void test_rectification_steps(void **state)
{
	struct http_reply r;
	const json_t *steps;
	long long id, tolerant;
	char code[48], *reviewer2;

	(void)state;
	reviewer2 = reviewer2_login();
	counter_case(false);
	counter_case(true);
	id = first_item("rectification");
	tolerant = first_item("tolerant_acceptance");
	assert_int_equal(on_item_code(reviewer, id, "steps",
				      "{\"step\":\"fix\",\"text\":\"培训\"}",
				      code),
			 409);
	assert_string_equal(code, "step_out_of_order");
	assert_int_equal(on_item_code(reviewer, id, "steps",
				      "{\"step\":\"check\",\"text\":\"x\"}",
				      code),
			 400);
	assert_int_equal(on_item_code(reviewer, id, "steps",
				      "{\"step\":\"verify\",\"text\":\"\"}",
				      code),
			 422);
	assert_int_equal(on_item_code(reviewer, tolerant, "steps",
				      "{\"step\":\"verify\",\"text\":\"属实\"}",
				      code),
			 422);
	assert_int_equal(on_item(reviewer, id, "steps",
				 "{\"step\":\"verify\",\"text\":\"经查属实\"}",
				 &r),
			 200);
	assert_string_equal(tj_str(r.json, "owner"), "reviewer1");
	steps = json_object_get(r.json, "steps");
	assert_string_equal(tj_str(steps, "verify"), "经查属实");
	assert_true(json_is_null(json_object_get(steps, "fix")));
	http_reply_release(&r);
	assert_int_equal(on_item_code(reviewer2, id, "steps",
				      "{\"step\":\"fix\",\"text\":\"培训\"}",
				      code),
			 409);
	assert_string_equal(code, "taken_by_other");
	assert_int_equal(
	    on_item_code(reviewer, id, "steps",
			 "{\"step\":\"fix\",\"text\":\"窗口培训\"}", code),
	    200);
	assert_int_equal(on_item(reviewer, id, "steps",
				 "{\"step\":\"feedback\",\"text\":\"已回访\"}",
				 &r),
			 200);
	steps = json_object_get(r.json, "steps");
	assert_string_equal(tj_str(steps, "fix"), "窗口培训");
	assert_string_equal(tj_str(steps, "feedback"), "已回访");
	http_reply_release(&r);
	free(reviewer2);
}

/* GET /v1/review/ID: the item as the queue lists it. */
static long item_get(const char *token, long long id, struct http_reply *r)
{
	char path[96];

	snprintf(path, sizeof(path), "/v1/review/%lld", id);
	assert_int_equal(http_get(srv.url, path, token, r), 0);
	return r->status;
}

/* Issue 14.2: the age in working minutes, aged past review_warn_hours
 * (8 by default); a decided item's age stops at its decision. */
static void test_age(void **state)
{
	struct http_reply r;
	long long id;
	char code[48];

	(void)state;
	/* Wednesday 09:00 */
	clock_at("2026-11-04T09:00:00+08:00");
	counter_case(false);
	id = first_item("tolerant_acceptance");
	assert_int_equal(item_get(reviewer, id, &r), 200);
	assert_int_equal(tj_num(r.json, "age_minutes"), 0);
	assert_true(json_is_false(json_object_get(r.json, "aged")));
	assert_string_equal(tj_str(r.json, "kind"), "tolerant_acceptance");
	http_reply_release(&r);
	/* 16:00: 3 h before lunch, 2.5 h after */
	assert_int_equal(http_set_clock(srv.url, "2026-11-04T16:00:00+08:00"),
			 200);
	assert_int_equal(item_get(reviewer, id, &r), 200);
	assert_int_equal(tj_num(r.json, "age_minutes"), 330);
	assert_true(json_is_false(json_object_get(r.json, "aged")));
	http_reply_release(&r);
	/* Thursday 11:00: 7 h of Wednesday and 2 h */
	clock_at("2026-11-05T11:00:00+08:00");
	assert_int_equal(item_get(reviewer, id, &r), 200);
	assert_int_equal(tj_num(r.json, "age_minutes"), 540);
	assert_true(json_is_true(json_object_get(r.json, "aged")));
	http_reply_release(&r);
	assert_int_equal(on_item_code(reviewer, id, "decision",
				      "{\"decision\":\"approve\",\"comment\":"
				      "\"同意\"}",
				      code),
			 200);
	/* Monday: the age stays at the decision's */
	clock_at("2026-11-09T11:00:00+08:00");
	assert_int_equal(item_get(reviewer, id, &r), 200);
	assert_int_equal(tj_num(r.json, "age_minutes"), 540);
	assert_true(json_is_false(json_object_get(r.json, "aged")));
	http_reply_release(&r);
	assert_int_equal(item_get(reviewer, 99999, &r), 404);
	http_reply_release(&r);
	assert_int_equal(item_get(clerk1, id, &r), 403);
	http_reply_release(&r);
}

/* Issue 14.3: the reviewer sets a rectification's deadline, at most
 * rectification_max_days (15) working days after the item; not in the
 * past, not on another kind, not on a colleague's item. */
static void test_due(void **state)
{
	struct http_reply r;
	long long id, tolerant;
	char code[48], path[96], *reviewer2;
	const char *d;

	(void)state;
	/* Wednesday 2026-11-04 */
	clock_at("2026-11-04T09:00:00+08:00");
	reviewer2 = reviewer2_login();
	counter_case(false);
	counter_case(true);
	id = first_item("rectification");
	tolerant = first_item("tolerant_acceptance");
	/* Opened with rectification_days (5) working days: 11-11 */
	assert_int_equal(item_get(reviewer, id, &r), 200);
	assert_string_equal(tj_str(r.json, "due_date"), "2026-11-11");
	http_reply_release(&r);
	assert_int_equal(on_item_code(reviewer, id, "due", "{}", code), 400);
	assert_int_equal(on_item_code(reviewer, id, "due",
				      "{\"due_date\":\"2026-13-01\"}", code),
			 422);
	assert_string_equal(code, "invalid_field");
	assert_int_equal(on_item_code(reviewer, id, "due",
				      "{\"due_date\":\"2026-11-03\"}", code),
			 422);
	assert_string_equal(code, "invalid_field");
	/* 15 working days after 11-04 is 11-25 */
	assert_int_equal(
	    on_item(reviewer, id, "due", "{\"due_date\":\"2026-11-26\"}", &r),
	    422);
	assert_string_equal(http_error_code(&r), "deadline_too_long");
	d = tj_str(
	    json_array_get(
		json_object_get(json_object_get(r.json, "error"), "details"),
		0),
	    "max");
	assert_string_equal(d, "2026-11-25");
	http_reply_release(&r);
	assert_int_equal(on_item_code(reviewer, tolerant, "due",
				      "{\"due_date\":\"2026-11-20\"}", code),
			 422);
	assert_string_equal(code, "decision_not_allowed");
	assert_int_equal(
	    on_item(reviewer, id, "due", "{\"due_date\":\"2026-11-25\"}", &r),
	    200);
	assert_string_equal(tj_str(r.json, "due_date"), "2026-11-25");
	assert_string_equal(tj_str(r.json, "owner"), "reviewer1");
	snprintf(path, sizeof(path), "/v1/audit?entity=case:%lld",
		 (long long)tj_num(r.json, "case_id"));
	http_reply_release(&r);
	assert_int_equal(on_item_code(reviewer2, id, "due",
				      "{\"due_date\":\"2026-11-20\"}", code),
			 409);
	assert_string_equal(code, "taken_by_other");
	/* The queue lists the new deadline; the change is audited. */
	assert_int_equal(http_get(srv.url,
				  "/v1/review/queue?kind=rectification",
				  reviewer, &r),
			 0);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(r.json, "items"), 0),
		   "due_date"),
	    "2026-11-25");
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, path, reviewer, &r), 0);
	assert_non_null(strstr(r.body, "review.due_date"));
	http_reply_release(&r);
	free(reviewer2);
}

/* How many items GET /v1/review/returns + query answers token; the first
 * into *first (a new reference, may be NULL). */
static size_t returns_count(const char *token, const char *query,
			    json_t **first)
{
	char path[96];
	struct http_reply r;
	size_t n;

	snprintf(path, sizeof(path), "/v1/review/returns%s", query);
	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	assert_int_equal(r.status, 200);
	n = json_array_size(json_object_get(r.json, "items"));
	if (first)
		*first = json_incref(
		    json_array_get(json_object_get(r.json, "items"), 0));
	http_reply_release(&r);
	return n;
}

/* Issue 14.7: the clerk sees what review returned, with the comment. */
static void test_returns(void **state)
{
	json_t *it = NULL;
	long long id;
	char code[48];

	(void)state;
	clock_at("2026-11-04T09:00:00+08:00");
	counter_case(false);
	id = first_item("tolerant_acceptance");
	assert_int_equal(returns_count(clerk1, "", NULL), 0);
	assert_int_equal(on_item_code(reviewer, id, "decision",
				      "{\"decision\":\"return\",\"comment\":"
				      "\"设备清单须提交原件\"}",
				      code),
			 200);
	assert_int_equal(returns_count(clerk1, "", &it), 1);
	assert_string_equal(tj_str(it, "decision"), "return");
	assert_string_equal(tj_str(it, "comment"), "设备清单须提交原件");
	assert_string_equal(tj_str(it, "decided_by"), "reviewer1");
	assert_int_equal(strncmp(tj_str(it, "no"), "SL-", 3), 0);
	json_decref(it);
	assert_int_equal(returns_count(reviewer, "", NULL), 1);
	assert_int_equal(returns_count(admin, "", NULL), 1);
	assert_int_equal(
	    call_code(clerk1, "GET", "/v1/review/returns?days=0", NULL, code),
	    400);
	assert_int_equal(
	    call_code(clerk1, "GET", "/v1/review/returns?days=x", NULL, code),
	    400);
	/* Eight days on: out of the default week, in a month. */
	clock_at("2026-11-12T09:00:00+08:00");
	assert_int_equal(returns_count(clerk1, "", NULL), 0);
	assert_int_equal(returns_count(clerk1, "?days=30", NULL), 1);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(test_take_assign_decide),
	    T(test_release),
	    T(test_rectification_steps),
	    T(test_age),
	    T(test_due),
	    T(test_returns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
