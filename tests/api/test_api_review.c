/* test_api_review.c - the reviewer queue and decisions (R1-R6) and the
 * statistics, against a real wincased: queue by kind, oldest first, pages;
 * decisions and what each applies to; 409 already decided; 403 own_case
 * for a reviewer who handled the case or inquiry at the counter; the
 * department scope; waiving a commitment (R3) and its breach; the
 * rectification of a bad rating (R5); GET /v1/stats by window, clerk and
 * item. Each test has its own server. */
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
#include "../support/test_db.h"

#define PASSWORD "demo-password-1"
#define VALID_ID "11010519491231002X"
#define OTHER_ID "110105198001010016"

static struct test_server srv;
static char *clerk1, *clerk2, *reviewer, *admin;

static const struct test_login logins[] = {{"clerk1", &clerk1},
					   {"clerk2", &clerk2},
					   {"reviewer1", &reviewer},
					   {"admin1", &admin},
					   {NULL, NULL}};

/* Sessions last 12 hours of the fake clock: log in after each move. */
static void login_all(void)
{
	assert_true(test_login(srv.url, logins));
}

TEST_LOGIN_FIXTURE(srv, logins)

static void clock_to(const char *now)
{
	assert_int_equal(http_set_clock(srv.url, now), 200);
	login_all();
}

static long call(const char *token, const char *method, const char *path,
		 const char *body, int version, struct http_reply *r)
{
	assert_int_equal(
	    http_call(srv.url, method, path, token, body, version, r), 0);
	return r->status;
}

/* A call whose answer only matters by status and error code. */
static long call_code(const char *token, const char *method, const char *path,
		      const char *body, char code[48])
{
	struct http_reply r;
	long status = call(token, method, path, body, 0, &r);

	snprintf(code, 48, "%s", http_error_code(&r));
	http_reply_release(&r);
	return status;
}

static json_t *get_json(const char *token, const char *path)
{
	struct http_reply r;
	json_t *out;

	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	if (r.status != 200)
		fail_msg("GET %s: %ld %s", path, r.status, r.body);
	out = json_incref(r.json);
	http_reply_release(&r);
	return out;
}

/* A case of clerk (its window's), accepted normally or tolerantly (the
 * first tolerable material missing, 3 working days). */
static long long accepted_case_of(const char *token, const char *id_no,
				  const char *item, const char *scenario,
				  bool tolerant, int *version)
{
	char body[4096], path[96];
	struct http_reply r;
	json_t *c, *line, *items = json_array();
	bool left_out = false;
	long long id;
	size_t i;
	char *dump;

	snprintf(body, sizeof(body),
		 "{\"item_code\":\"%s\",\"scenario_id\":\"%s\","
		 "\"applicant\":{\"name\":\"张三\",\"id_type\":"
		 "\"resident_id\",\"id_no\":\"%s\"}}",
		 item, scenario, id_no);
	if (call(token, "POST", "/v1/cases", body, 0, &r) != 201)
		fail_msg("create case: %ld %s", r.status, r.body);
	c = json_incref(r.json);
	http_reply_release(&r);
	id = tj_num(c, "id");
	json_array_foreach(json_object_get(c, "checklist"), i, line)
	{
		const char *state = "provided";

		if (tolerant && !left_out &&
		    json_is_true(json_object_get(line, "tolerable"))) {
			state = "missing";
			left_out = true;
		}
		json_array_append_new(items,
				      json_pack("{s:s, s:s}", "material_id",
						tj_str(line, "material_id"),
						"state", state));
	}
	items = json_pack("{s:o}", "items", items);
	dump = json_dumps(items, JSON_COMPACT);
	json_decref(items);
	snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", id);
	assert_int_equal(
	    call(token, "PUT", path, dump, (int)tj_num(c, "version"), &r), 200);
	*version = (int)tj_num(r.json, "version");
	http_reply_release(&r);
	free(dump);
	json_decref(c);
	snprintf(path, sizeof(path), "/v1/cases/%lld/accept", id);
	if (call(token, "POST", path,
		 tolerant ? "{\"mode\":\"tolerant\",\"commitment\":{"
			    "\"deadline_days\":3,"
			    "\"applicant_confirmation\":\"张三\"}}"
			  : "{\"mode\":\"normal\"}",
		 *version, &r) != 200)
		fail_msg("accept: %ld %s", r.status, r.body);
	http_reply_release(&r);
	snprintf(path, sizeof(path), "/v1/cases/%lld", id);
	c = get_json(token, path);
	if (strncmp(tj_str(c, "status"), "accepted", 8) != 0)
		fail_msg("case %lld not accepted: %s", id, tj_str(c, "status"));
	*version = (int)tj_num(c, "version");
	json_decref(c);
	return id;
}

static long long accepted_case(const char *token, const char *item,
			       const char *scenario, bool tolerant,
			       int *version)
{
	return accepted_case_of(token, VALID_ID, item, scenario, tolerant,
				version);
}

/* An inquiry by token handed off to window 2, bounced one working hour
 * later (the clock moves). Returns its id. */
static long long bounced_inquiry(const char *who, const char *start,
				 const char *late)
{
	struct http_reply r;
	char path[96], *token;
	long long id;

	clock_to(start);
	token = http_login(srv.url, who, PASSWORD);
	assert_int_equal(call(token, "POST", "/v1/inquiries",
			      "{\"applicant\":{\"name\":\"李四\"},"
			      "\"topic\":\"转办\"}",
			      0, &r),
			 201);
	id = tj_num(r.json, "id");
	http_reply_release(&r);
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs", id);
	assert_int_equal(call(token, "POST", path,
			      "{\"to_window\":\"3\",\"reason\":\"不属本窗口\"}",
			      1, &r),
			 200);
	http_reply_release(&r);
	free(token);
	clock_to(late);
	return id;
}

/* The pending items of the queue as reviewer or admin sees it. */
static json_t *queue(const char *token, const char *query)
{
	char path[160];

	snprintf(path, sizeof(path), "/v1/review/queue%s", query);
	return get_json(token, path);
}

/* The first item of kind in the queue q. */
static const json_t *entry_of(const json_t *q, const char *kind)
{
	const json_t *it;
	size_t i;

	json_array_foreach(json_object_get(q, "items"), i, it)
	{
		if (strcmp(tj_str(it, "kind"), kind) == 0)
			return it;
	}
	fail_msg("no %s item in the queue", kind);
	return NULL;
}

static long long item_of(const json_t *q, const char *kind)
{
	return tj_num(entry_of(q, kind), "id");
}

static long decide(const char *token, long long item, const char *body,
		   struct http_reply *r)
{
	char path[96];

	snprintf(path, sizeof(path), "/v1/review/%lld/decision", item);
	return call(token, "POST", path, body, 0, r);
}

/* Kinds, order, pages and the pending/done filter. */
static void test_queue(void **state)
{
	json_t *q, *page;
	long long bounced, case_id;
	int version;
	char code[48];

	(void)state;
	clock_to("2026-11-04T09:00:00+08:00");
	case_id =
	    accepted_case(clerk1, "000131104000", "food_sales", true, &version);
	bounced = bounced_inquiry("clerk1", "2026-11-04T10:00:00+08:00",
				  "2026-11-04T11:00:00+08:00");
	q = queue(reviewer, "");
	assert_int_equal(json_array_size(json_object_get(q, "items")), 2);
	/* Oldest first. */
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(q, "items"), 0), "kind"),
	    "tolerant_acceptance");
	assert_int_equal(
	    tj_num(json_array_get(json_object_get(q, "items"), 0), "case_id"),
	    case_id);
	assert_int_equal(tj_num(json_array_get(json_object_get(q, "items"), 1),
				"inquiry_id"),
			 bounced);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(q, "items"), 1), "status"),
	    "pending");
	assert_true(json_is_null(json_object_get(q, "next_cursor")));
	json_decref(q);
	q = queue(reviewer, "?kind=bounced");
	assert_int_equal(json_array_size(json_object_get(q, "items")), 1);
	assert_false(json_object_get(
	    json_array_get(json_object_get(q, "items"), 0), "case_id"));
	json_decref(q);
	/* Pages of one. */
	page = queue(reviewer, "?limit=1");
	assert_int_equal(json_array_size(json_object_get(page, "items")), 1);
	assert_true(json_is_string(json_object_get(page, "next_cursor")));
	{
		char next[64];

		snprintf(next, sizeof(next), "?limit=1&cursor=%s",
			 tj_str(page, "next_cursor"));
		json_decref(page);
		page = queue(reviewer, next);
	}
	assert_int_equal(
	    tj_num(json_array_get(json_object_get(page, "items"), 0),
		   "inquiry_id"),
	    bounced);
	assert_true(json_is_null(json_object_get(page, "next_cursor")));
	json_decref(page);
	assert_int_equal(
	    call_code(reviewer, "GET", "/v1/review/queue?kind=x", NULL, code),
	    400);
	assert_int_equal(call_code(reviewer, "GET",
				   "/v1/review/queue?status=open", NULL, code),
			 400);
	assert_int_equal(call_code(reviewer, "GET",
				   "/v1/review/queue?cursor=abc", NULL, code),
			 400);
	assert_int_equal(
	    call_code(reviewer, "GET", "/v1/review/queue?limit=0", NULL, code),
	    400);
}

/* Whether entity KIND:ID has an audit entry of action by actor. */
static bool audited(long long id, const char *kind, const char *action,
		    const char *actor)
{
	char path[96];
	json_t *list, *e;
	size_t i;
	bool found = false;

	snprintf(path, sizeof(path), "/v1/audit?entity=%s:%lld&limit=200", kind,
		 id);
	list = get_json(reviewer, path);
	json_array_foreach(json_object_get(list, "items"), i, e)
	{
		found |= strcmp(tj_str(e, "action"), action) == 0 &&
			 strcmp(tj_str(e, "actor"), actor) == 0;
	}
	json_decref(list);
	return found;
}

/* Which decision fits which item; done once; bad bodies. */
static void test_decisions(void **state)
{
	struct http_reply r;
	json_t *q;
	long long item, inquiry;
	char code[48];

	(void)state;
	inquiry = bounced_inquiry("clerk1", "2026-11-04T10:00:00+08:00",
				  "2026-11-04T11:00:00+08:00");
	q = queue(reviewer, "?kind=bounced");
	item = item_of(q, "bounced");
	json_decref(q);
	assert_int_equal(decide(reviewer, item, "{\"decision\":\"waive\"}", &r),
			 422);
	assert_string_equal(http_error_code(&r), "decision_not_allowed");
	http_reply_release(&r);
	assert_int_equal(
	    decide(reviewer, item, "{\"decision\":\"rectified\"}", &r), 422);
	http_reply_release(&r);
	assert_int_equal(decide(reviewer, item, "{\"decision\":\"maybe\"}", &r),
			 400);
	http_reply_release(&r);
	assert_int_equal(decide(reviewer, item, "{\"comment\":\"x\"}", &r),
			 400);
	assert_string_equal(http_error_field(&r), "decision");
	http_reply_release(&r);
	assert_int_equal(decide(reviewer, item,
				"{\"decision\":\"return\",\"comment\":"
				"\"a\\u001bb\"}",
				&r),
			 422);
	assert_string_equal(http_error_field(&r), "comment");
	http_reply_release(&r);
	assert_int_equal(
	    decide(reviewer, 999999, "{\"decision\":\"approve\"}", &r), 404);
	http_reply_release(&r);
	assert_int_equal(call_code(reviewer, "POST", "/v1/review/abc/decision",
				   "{\"decision\":\"approve\"}", code),
			 404);
	/* Approve; then it is done and leaves the pending queue. */
	assert_int_equal(decide(reviewer, item,
				"{\"decision\":\"approve\",\"comment\":"
				"\"已约谈窗口\"}",
				&r),
			 200);
	assert_string_equal(tj_str(r.json, "status"), "done");
	assert_string_equal(tj_str(r.json, "decision"), "approve");
	assert_string_equal(tj_str(r.json, "decided_by"), "reviewer1");
	assert_string_equal(tj_str(r.json, "comment"), "已约谈窗口");
	http_reply_release(&r);
	assert_int_equal(
	    decide(reviewer, item,
		   "{\"decision\":\"return\",\"comment\":\"再看\"}", &r),
	    409);
	assert_string_equal(http_error_code(&r), "already_decided");
	http_reply_release(&r);
	q = queue(reviewer, "?kind=bounced");
	assert_int_equal(json_array_size(json_object_get(q, "items")), 0);
	json_decref(q);
	q = queue(reviewer, "?kind=bounced&status=done");
	assert_int_equal(json_array_size(json_object_get(q, "items")), 1);
	json_decref(q);
	/* R6: the decision is in the inquiry's audit history. */
	assert_true(audited(inquiry, "inquiry", "review.decide", "reviewer1"));
	assert_true(
	    audited(inquiry, "inquiry", "inquiry.bounced", "scheduler"));
}

/* R6: a reviewer never decides on what they handled at the counter. */
static void test_own_case(void **state)
{
	struct http_reply r;
	json_t *q;
	long long inquiry_item, case_item;
	int version;

	(void)state;
	/* A reviewer who registered the inquiry (first responder). */
	bounced_inquiry("reviewer1", "2026-11-04T10:00:00+08:00",
			"2026-11-04T11:00:00+08:00");
	q = queue(reviewer, "?kind=bounced");
	inquiry_item = item_of(q, "bounced");
	json_decref(q);
	assert_int_equal(
	    decide(reviewer, inquiry_item, "{\"decision\":\"approve\"}", &r),
	    403);
	assert_string_equal(http_error_code(&r), "own_case");
	http_reply_release(&r);

	/* A clerk who accepted a case, then promoted to reviewer. */
	accepted_case(clerk1, "000131104000", "food_sales", true, &version);
	q = queue(reviewer, "?kind=tolerant_acceptance");
	case_item = item_of(q, "tolerant_acceptance");
	json_decref(q);
	assert_int_equal(test_db_exec(&srv,
				      "UPDATE users SET role = 'reviewer',"
				      " window_no = '' WHERE username ="
				      " 'clerk1'",
				      0, NULL, NULL),
			 0);
	assert_int_equal(
	    decide(clerk1, case_item, "{\"decision\":\"approve\"}", &r), 403);
	assert_string_equal(http_error_code(&r), "own_case");
	http_reply_release(&r);
	/* Nothing changed: another reviewer may decide. */
	assert_int_equal(
	    decide(reviewer, case_item, "{\"decision\":\"approve\"}", &r), 200);
	http_reply_release(&r);
}

/* R6: a reviewer's queue is their department's; clerks have none. */
static void test_scope(void **state)
{
	struct http_reply r;
	json_t *q;
	long long item;
	char code[48];

	(void)state;
	/* clerk2 is in 住房和城乡建设局, reviewer1 in 市场监督管理局. */
	bounced_inquiry("clerk2", "2026-11-04T10:00:00+08:00",
			"2026-11-04T11:00:00+08:00");
	q = queue(reviewer, "");
	assert_int_equal(json_array_size(json_object_get(q, "items")), 0);
	json_decref(q);
	q = queue(admin, "");
	item = item_of(q, "bounced");
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(q, "items"), 0),
		   "department"),
	    "住房和城乡建设局");
	json_decref(q);
	assert_int_equal(
	    decide(reviewer, item, "{\"decision\":\"approve\"}", &r), 403);
	assert_string_equal(http_error_code(&r), "forbidden");
	http_reply_release(&r);
	assert_int_equal(
	    call_code(clerk1, "GET", "/v1/review/queue", NULL, code), 403);
	assert_int_equal(call_code(NULL, "GET", "/v1/review/queue", NULL, code),
			 401);
	assert_int_equal(decide(clerk2, item, "{\"decision\":\"approve\"}", &r),
			 403);
	http_reply_release(&r);
	/* R6: decisions are the reviewer's, not the administrator's. */
	assert_int_equal(decide(admin, item, "{\"decision\":\"approve\"}", &r),
			 403);
	http_reply_release(&r);
}

/* R3: waiving a breach sets the commitment to waived and frees the
 * applicant's credit; waiving an open commitment (tolerant acceptance
 * item) stops the scheduler from breaching it. */
static void test_waive(void **state)
{
	struct http_reply r;
	json_t *q, *c, *credit;
	long long breached_case, open_case, item;
	int version;
	char path[64];

	(void)state;
	clock_to("2026-11-02T10:00:00+08:00");
	breached_case =
	    accepted_case(clerk1, "000131104000", "food_sales", true, &version);
	/* Due 11/5 (3 working days); breached on 11/6. */
	clock_to("2026-11-06T09:00:00+08:00");
	open_case = accepted_case_of(clerk1, OTHER_ID, "000131104000",
				     "catering", true, &version);
	credit = get_json(reviewer, "/v1/applicants/credit?id_type="
				    "resident_id&id_no=" VALID_ID);
	assert_true(json_is_false(json_object_get(credit, "eligible")));
	json_decref(credit);
	q = queue(reviewer, "?kind=breach");
	item = item_of(q, "breach");
	json_decref(q);
	assert_int_equal(decide(reviewer, item,
				"{\"decision\":\"waive\",\"comment\":"
				"\"因病延误，已补交\"}",
				&r),
			 200);
	http_reply_release(&r);
	snprintf(path, sizeof(path), "/v1/cases/%lld", breached_case);
	c = get_json(clerk1, path);
	assert_string_equal(tj_str(json_object_get(c, "commitment"), "status"),
			    "waived");
	json_decref(c);
	credit = get_json(reviewer, "/v1/applicants/credit?id_type="
				    "resident_id&id_no=" VALID_ID);
	assert_true(json_is_true(json_object_get(credit, "eligible")));
	json_decref(credit);

	/* The open commitment of the second case, waived from its
	 * tolerant-acceptance item: never breached afterwards. */
	q = queue(reviewer, "?kind=tolerant_acceptance");
	item = tj_num(json_array_get(json_object_get(q, "items"), 1), "id");
	assert_int_equal(
	    tj_num(json_array_get(json_object_get(q, "items"), 1), "case_id"),
	    open_case);
	json_decref(q);
	assert_int_equal(decide(reviewer, item, "{\"decision\":\"waive\"}", &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(decide(reviewer, item, "{\"decision\":\"waive\"}", &r),
			 409);
	http_reply_release(&r);
	clock_to("2026-11-20T09:00:00+08:00");
	snprintf(path, sizeof(path), "/v1/cases/%lld", open_case);
	c = get_json(clerk1, path);
	assert_string_equal(tj_str(json_object_get(c, "commitment"), "status"),
			    "waived");
	json_decref(c);
	q = queue(reviewer, "?kind=breach&status=all");
	assert_int_equal(json_array_size(json_object_get(q, "items")), 1);
	json_decref(q);
}

/* Complete a case and rate it; returns the case's version after. */
static void complete_and_rate(long long id, int version, const char *rating)
{
	struct http_reply r;
	char path[96];

	snprintf(path, sizeof(path), "/v1/cases/%lld/complete", id);
	if (call(clerk1, "POST", path,
		 "{\"result\":\"approved\",\"note\":\"准予许可\"}", version,
		 &r) != 200)
		fail_msg("complete: %ld %s", r.status, r.body);
	version = (int)tj_num(r.json, "version");
	http_reply_release(&r);
	snprintf(path, sizeof(path), "/v1/cases/%lld/rating", id);
	if (call(clerk1, "POST", path, rating, version, &r) != 200)
		fail_msg("rating: %ld %s", r.status, r.body);
	http_reply_release(&r);
}

/* R5: a rating of 1 opens a rectification item due in 5 working days
 * (rectification_days); "rectified" closes it. */
static void test_rectification(void **state)
{
	struct http_reply r;
	json_t *q, *it;
	long long id;
	int version;

	(void)state;
	/* Friday 2026-09-18: +5 working days = 9/20 (make-up Sunday), 9/21,
	 * 9/22, 9/23, 9/24. */
	clock_to("2026-09-18T10:00:00+08:00");
	id =
	    accepted_case(clerk1, "000131101000", "in_person", false, &version);
	complete_and_rate(id, version,
			  "{\"level\":1,\"reasons\":[\"态度差\"],"
			  "\"comment\":\"等了很久\"}");
	q = queue(reviewer, "?kind=rectification");
	assert_int_equal(json_array_size(json_object_get(q, "items")), 1);
	it = json_array_get(json_object_get(q, "items"), 0);
	assert_int_equal(tj_num(it, "case_id"), id);
	assert_string_equal(tj_str(it, "due_date"), "2026-09-24");
	assert_int_equal(
	    decide(reviewer, tj_num(it, "id"), "{\"decision\":\"waive\"}", &r),
	    422);
	http_reply_release(&r);
	assert_int_equal(decide(reviewer, tj_num(it, "id"),
				"{\"decision\":\"rectified\",\"comment\":"
				"\"已整改并回访\"}",
				&r),
			 200);
	assert_string_equal(tj_str(r.json, "decision"), "rectified");
	http_reply_release(&r);
	json_decref(q);
}

static const json_t *row_of(const json_t *stats, const char *key)
{
	const json_t *row;
	size_t i;

	json_array_foreach(json_object_get(stats, "items"), i, row)
	{
		if (strcmp(tj_str(row, "key"), key) == 0)
			return row;
	}
	fail_msg("no row %s", key);
	return NULL;
}

/* GET /v1/stats: every column, by window, clerk and item. */
static void test_stats(void **state)
{
	static const char *const columns[] = {
	    "inquiries",       "bounced",  "cases",    "notices",
	    "once_violations", "accepted", "tolerant", "fulfilled",
	    "breached",	       "overdue",  "deemed",   "completed",
	};
	json_t *s;
	const json_t *row;
	long long a, b;
	int va, vb, vt;
	char code[48];

	(void)state;
	clock_to("2026-11-03T09:00:00+08:00");
	a = accepted_case(clerk1, "000131101000", "in_person", false, &va);
	b = accepted_case(clerk1, "000131101000", "in_person", false, &vb);
	accepted_case(clerk1, "000131104000", "food_sales", true, &vt);
	complete_and_rate(a, va, "{\"level\":5}");
	complete_and_rate(b, vb, "{\"level\":2,\"reasons\":[\"多次跑腿\"]}");
	bounced_inquiry("clerk1", "2026-11-03T10:00:00+08:00",
			"2026-11-03T11:00:00+08:00");

	s = get_json(reviewer, "/v1/stats?from=2026-11-01&to=2026-11-30"
			       "&group_by=window");
	assert_string_equal(tj_str(s, "from"), "2026-11-01");
	assert_string_equal(tj_str(s, "group_by"), "window");
	row = row_of(s, "1");
	for (size_t i = 0; i < sizeof(columns) / sizeof(columns[0]); i++)
		if (!json_is_integer(json_object_get(row, columns[i])))
			fail_msg("column %s missing", columns[i]);
	assert_int_equal(tj_num(row, "inquiries"), 1);
	assert_int_equal(tj_num(row, "bounced"), 1);
	assert_int_equal(tj_num(row, "cases"), 3);
	assert_int_equal(tj_num(row, "accepted"), 3);
	assert_int_equal(tj_num(row, "tolerant"), 1);
	assert_int_equal(tj_num(row, "completed"), 2);
	assert_int_equal(tj_num(row, "breached"), 0);
	assert_int_equal(tj_num(json_object_get(row, "ratings"), "5"), 1);
	assert_int_equal(tj_num(json_object_get(row, "ratings"), "2"), 1);
	assert_int_equal(tj_num(json_object_get(row, "ratings"), "3"), 0);
	assert_true(json_real_value(json_object_get(row, "satisfaction")) ==
		    0.5);
	json_decref(s);

	s = get_json(reviewer, "/v1/stats?from=2026-11-01&to=2026-11-30"
			       "&group_by=item");
	assert_int_equal(tj_num(row_of(s, "000131101000"), "cases"), 2);
	assert_int_equal(tj_num(row_of(s, "000131104000"), "tolerant"), 1);
	assert_true(json_is_null(
	    json_object_get(row_of(s, "000131104000"), "satisfaction")));
	json_decref(s);
	s = get_json(admin, "/v1/stats?from=2026-11-01&to=2026-11-30"
			    "&group_by=clerk");
	assert_int_equal(tj_num(row_of(s, "clerk1"), "cases"), 3);
	json_decref(s);
	/* Outside the range: nothing. */
	s = get_json(reviewer, "/v1/stats?from=2026-10-01&to=2026-11-02");
	assert_int_equal(json_array_size(json_object_get(s, "items")), 0);
	json_decref(s);
	/* Another department's reviewer would see none of it; bad input. */
	assert_int_equal(
	    call_code(reviewer, "GET", "/v1/stats?group_by=day", NULL, code),
	    400);
	assert_int_equal(call_code(reviewer, "GET",
				   "/v1/stats?from=2026-11-30&to=2026-11-01",
				   NULL, code),
			 422);
	assert_int_equal(
	    call_code(reviewer, "GET", "/v1/stats?from=2026-13-01", NULL, code),
	    400);
	assert_int_equal(call_code(clerk1, "GET", "/v1/stats", NULL, code),
			 403);
}

/* A once_violation item: a notice, then a second one that adds a defect
 * in a material no notice listed, with an override reason. */
static void once_violation_case(void)
{
	struct test_case c;
	struct http_reply r;

	assert_int_equal(tc_create(srv.url, clerk1, "000131104000", "canteen",
				   "{\"name\":\"张三\",\"id_type\":"
				   "\"resident_id\",\"id_no\":\"" VALID_ID
				   "\"}",
				   &c, &r),
			 201);
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      "application_form=provided,"
				      "business_licence=missing,"
				      "legal_rep_id=provided,premises_proof="
				      "provided,layout_flow=provided,"
				      "safety_manager_proof=provided,"
				      "safety_rules=provided",
				      &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/notices", "{}", &r), 201);
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      "business_licence=provided,"
				      "premises_proof=defective:地址不符",
				      &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/notices",
				   "{\"override_reason\":\"场所证明当场发现"
				   "问题\"}",
				   &r),
			 201);
	http_reply_release(&r);
}

/* Add a stats answer's counts into acc: key -> column -> count (the
 * ratings as rating_N). */
static void stats_add(json_t *acc, const json_t *stats)
{
	const json_t *row, *v;
	const char *col;
	size_t i;

	json_array_foreach(json_object_get(stats, "items"), i, row)
	{
		const char *key = tj_str(row, "key");
		json_t *to = json_object_get(acc, key);

		if (!to) {
			to = json_object();
			json_object_set_new(acc, key, to);
		}
		json_object_foreach((json_t *)row, col, v)
		{
			char name[32];
			const json_t *r;
			const char *level;

			/* Counts add up; a ratio (satisfaction) does not, and
			 * reads as an integer when it is whole (1.0 through a
			 * proxy that writes JSON numbers its own way). */
			if (json_is_integer(v) &&
			    strcmp(col, "satisfaction") != 0) {
				json_object_set_new(
				    to, col,
				    json_integer(json_integer_value(
						     json_object_get(to, col)) +
						 json_integer_value(v)));
				continue;
			}
			if (strcmp(col, "ratings") != 0)
				continue;
			json_object_foreach((json_t *)v, level, r)
			{
				snprintf(name, sizeof(name), "rating_%s",
					 level);
				json_object_set_new(
				    to, name,
				    json_integer(
					json_integer_value(
					    json_object_get(to, name)) +
					json_integer_value(r)));
			}
		}
	}
}

/* Issue 16: a range of days is answered from daily aggregates kept by
 * triggers, the hours at its ends from the rows; one day (no whole UTC day
 * in it: days start at 16:00 UTC here) from the rows alone. The range
 * must count what its days count, by every grouping, after changes that
 * move counts on days already past (completion, rating, breach, bounce). */
static void test_stats_days(void **state)
{
	static const char *const groups[] = {"window", "clerk", "item"};
	static const char *const ranges[][2] = {{"2026-11-01", "2026-11-07"},
						{"2026-11-03", "2026-11-06"}};
	const char *tokens[2];
	long long a, b, c;
	int va, vb, vc, vt;
	char path[160];

	(void)state;
	clock_to("2026-11-02T09:00:00+08:00");
	/* Tolerant, due 11/5: breached on 11/6. */
	accepted_case(clerk1, "000131104000", "food_sales", true, &vt);
	a = accepted_case(clerk1, "000131101000", "in_person", false, &va);
	once_violation_case();
	bounced_inquiry("clerk1", "2026-11-02T10:00:00+08:00",
			"2026-11-02T11:00:00+08:00");
	/* Either side of a UTC midnight (08:00 here). */
	clock_to("2026-11-04T07:59:00+08:00");
	b = accepted_case_of(clerk2, OTHER_ID, "000131101000", "in_person",
			     false, &vb);
	clock_to("2026-11-04T08:01:00+08:00");
	c = accepted_case(clerk1, "000131101000", "in_person", false, &vc);
	complete_and_rate(a, va, "{\"level\":5}");
	clock_to("2026-11-05T15:00:00+08:00");
	complete_and_rate(c, vc, "{\"level\":2,\"reasons\":[\"多次跑腿\"]}");
	(void)b;
	(void)vb;
	clock_to("2026-11-06T09:00:00+08:00");
	bounced_inquiry("clerk2", "2026-11-06T09:30:00+08:00",
			"2026-11-06T10:30:00+08:00");
	clock_to("2026-11-07T23:59:00+08:00");

	tokens[0] = reviewer;
	tokens[1] = admin;
	for (size_t t = 0; t < 2; t++) {
		for (size_t g = 0; g < 3; g++) {
			for (size_t r = 0; r < 2; r++) {
				json_t *whole = json_object(),
				       *days = json_object(), *s;
				int from = atoi(ranges[r][0] + 8),
				    to = atoi(ranges[r][1] + 8);

				snprintf(path, sizeof(path),
					 "/v1/stats?from=%s&to=%s&group_by=%s",
					 ranges[r][0], ranges[r][1], groups[g]);
				s = get_json(tokens[t], path);
				stats_add(whole, s);
				json_decref(s);
				for (int d = from; d <= to; d++) {
					snprintf(path, sizeof(path),
						 "/v1/stats?from=2026-11-%02d"
						 "&to=2026-11-%02d&group_by=%s",
						 d, d, groups[g]);
					s = get_json(tokens[t], path);
					stats_add(days, s);
					json_decref(s);
				}
				if (!json_equal(whole, days)) {
					char *w = json_dumps(whole,
							     JSON_SORT_KEYS),
					     *dd = json_dumps(days,
							      JSON_SORT_KEYS);

					fail_msg("%s by %s: range %s, days %s",
						 ranges[r][0], groups[g], w,
						 dd);
				}
				/* Not vacuous: the range holds cases. */
				assert_true(json_object_size(whole) > 0);
				json_decref(whole);
				json_decref(days);
			}
		}
	}
	/* The whole week's figures themselves. */
	{
		json_t *s = get_json(admin, "/v1/stats?from=2026-11-01"
					    "&to=2026-11-07&group_by=window");
		const json_t *w1 = row_of(s, "1");

		assert_int_equal(tj_num(w1, "cases"), 4);
		assert_int_equal(tj_num(w1, "tolerant"), 1);
		assert_int_equal(tj_num(w1, "breached"), 1);
		assert_int_equal(tj_num(w1, "completed"), 2);
		assert_int_equal(tj_num(w1, "bounced"), 1);
		assert_int_equal(tj_num(w1, "once_violations"), 1);
		assert_int_equal(tj_num(row_of(s, "2"), "cases"), 1);
		assert_int_equal(tj_num(row_of(s, "2"), "bounced"), 1);
		json_decref(s);
	}
}

/* Issue 14.1: a summary is words a reviewer reads, no API words, no JSON
 * (no run of three ASCII letters: numbers like SL-20261104-0001 pass). */
static bool summary_in_words(const char *s)
{
	int letters = 0;

	for (; *s; s++) {
		if (strchr("{}[]\"_", *s))
			return false;
		letters = ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
			      ? letters + 1
			      : 0;
		if (letters >= 3)
			return false;
	}
	return true;
}

static const char *summary_of(const json_t *q, const char *kind)
{
	return tj_str(entry_of(q, kind), "summary");
}

/* Every kind of item the counter makes has its summary in Chinese with
 * labelled fields: tolerant acceptance, once violation, rectification,
 * bounced. */
static void test_summaries_in_words(void **state)
{
	static const struct {
		const char *kind, *has;
	} want[] = {
	    {"tolerant_acceptance", "容缺受理：办件 SL-"},
	    {"tolerant_acceptance", "个工作日内补交"},
	    {"once_violation", "新列入此前未告知的材料："},
	    {"once_violation", "理由：场所证明当场发现问题"},
	    {"rectification", "评价为非常不满意（1 级），原因：态度差、等太久"},
	    {"bounced", "推诿：咨询 SW-"},
	};
	json_t *q;
	long long id;
	int version;

	(void)state;
	clock_to("2026-11-04T09:00:00+08:00");
	accepted_case(clerk1, "000131104000", "food_sales", true, &version);
	once_violation_case();
	id = accepted_case_of(clerk1, OTHER_ID, "000131101000", "in_person",
			      false, &version);
	complete_and_rate(id, version,
			  "{\"level\":1,\"reasons\":[\"态度差\",\"等太久\"]}");
	bounced_inquiry("clerk1", "2026-11-04T10:00:00+08:00",
			"2026-11-04T11:30:00+08:00");
	q = queue(reviewer, "?limit=200");
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *s = summary_of(q, want[i].kind);

		if (!strstr(s, want[i].has) || !summary_in_words(s))
			fail_msg("%s: '%s' lacks '%s' or is not in words",
				 want[i].kind, s, want[i].has);
	}
	if (strstr(summary_of(q, "once_violation"), "经营场所使用证明") == NULL)
		fail_msg("the once violation names the material");
	json_decref(q);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(test_queue), T(test_decisions),  T(test_own_case),
	    T(test_scope), T(test_waive),      T(test_rectification),
	    T(test_stats), T(test_stats_days), T(test_summaries_in_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
