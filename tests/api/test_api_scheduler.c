/* test_api_scheduler.c - the deadline scheduler through --fake-clock: a
 * commitment breached on the right day across the 2026 National Day
 * holiday and its make-up Saturday (R3), overdue and deemed cases (R4),
 * handoffs bounced after one working hour across lunch and a weekend with
 * a make-up Sunday (R1), each exactly on its day and not before, and a
 * second run changing nothing. Each test has its own server.
 *
 * The 2026 calendar: 9/25-27 and 10/1-7 rest; 9/20 (Sunday) and 10/10
 * (Saturday) are make-up workdays. */
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

#define VALID_ID "11010519491231002X"

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

/* PUT /v1/admin/clock; returns what the scheduler did as "name" count. */
static long long clock_to(const char *now, const char *counter)
{
	char body[96];
	struct http_reply r;
	long long n;

	snprintf(body, sizeof(body), "{\"now\":\"%s\"}", now);
	assert_int_equal(
	    http_send_json(srv.url, "PUT", "/v1/admin/clock", admin, body, &r),
	    0);
	if (r.status != 200)
		fail_msg("clock %s: %ld %s", now, r.status, r.body);
	n = tj_num(json_object_get(r.json, "scheduler"), counter);
	http_reply_release(&r);
	login_all();
	return n;
}

/* A call with If-Match "version" (when > 0); the reply is the caller's. */
static long call(const char *token, const char *method, const char *path,
		 const char *body, int version, struct http_reply *r)
{
	assert_int_equal(
	    http_call(srv.url, method, path, token, body, version, r), 0);
	return r->status;
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

/* Pending queue items of kind for the case (or inquiry) id. */
static size_t queue_count(const char *kind, const char *id_key, long long id)
{
	char path[96];
	json_t *q, *it;
	size_t i, n = 0;

	snprintf(path, sizeof(path), "/v1/review/queue?kind=%s&limit=200",
		 kind);
	q = get_json(admin, path);
	json_array_foreach(json_object_get(q, "items"), i, it)
	{
		assert_string_equal(tj_str(it, "kind"), kind);
		n += tj_num(it, id_key) == id;
	}
	json_decref(q);
	return n;
}

/* Create a case and mark its checklist: every material provided, except
 * (tolerant) the first tolerable secondary material, missing. Returns
 * the case id; *version its version. */
static long long case_ready(const char *item, const char *scenario, bool major,
			    bool tolerant, int *version)
{
	char body[4096], path[96];
	struct http_reply r;
	json_t *c, *line, *items = json_array();
	long long id;
	bool left_out = false;
	size_t i;
	char *dump;

	snprintf(body, sizeof(body),
		 "{\"item_code\":\"%s\",\"scenario_id\":\"%s\","
		 "\"applicant\":{\"name\":\"张三\",\"id_type\":"
		 "\"resident_id\",\"id_no\":\"" VALID_ID "\"},"
		 "\"major_project\":%s}",
		 item, scenario, major ? "true" : "false");
	if (call(clerk1, "POST", "/v1/cases", body, 0, &r) != 201)
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
	assert_true(left_out == tolerant);
	items = json_pack("{s:o}", "items", items);
	dump = json_dumps(items, JSON_COMPACT);
	json_decref(items);
	snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", id);
	if (call(clerk1, "PUT", path, dump, (int)tj_num(c, "version"), &r) !=
	    200)
		fail_msg("checklist: %ld %s", r.status, r.body);
	*version = (int)tj_num(r.json, "version");
	http_reply_release(&r);
	free(dump);
	json_decref(c);
	return id;
}

static json_t *case_accept(long long id, int version, const char *body)
{
	char path[96];
	struct http_reply r;
	json_t *c;

	snprintf(path, sizeof(path), "/v1/cases/%lld/accept", id);
	if (call(clerk1, "POST", path, body, version, &r) != 200)
		fail_msg("accept: %ld %s", r.status, r.body);
	c = json_incref(r.json);
	http_reply_release(&r);
	return c;
}

static json_t *case_get(long long id)
{
	char path[64];

	snprintf(path, sizeof(path), "/v1/cases/%lld", id);
	return get_json(clerk1, path);
}

static const char *commitment_status(long long id, json_t **keep)
{
	*keep = case_get(id);
	return tj_str(json_object_get(*keep, "commitment"), "status");
}

/* R3: accepted on Thursday 9/24 with 5 working days: 9/25-27 rest,
 * 9/28, 9/29, 9/30, then 10/1-7 rest, 10/8, 10/9. Due Friday 10/9: open
 * all that day, breached on 10/10, the make-up Saturday (the next working
 * day), not before. */
static void test_breach_across_national_day(void **state)
{
	json_t *c, *keep, *credit;
	char path[96];
	int version;
	long long id;

	(void)state;
	assert_int_equal(clock_to("2026-09-24T10:00:00+08:00", "breached"), 0);
	id = case_ready("000131104000", "food_sales", false, true, &version);
	c = case_accept(id, version,
			"{\"mode\":\"tolerant\",\"commitment\":{"
			"\"deadline_days\":5,\"applicant_confirmation\":"
			"\"张三\"}}");
	assert_string_equal(tj_str(c, "status"), "accepted_tolerant");
	assert_string_equal(
	    tj_str(json_object_get(c, "commitment"), "due_date"), "2026-10-09");
	assert_string_equal(tj_str(json_object_get(c, "commitment"), "status"),
			    "open");
	version = (int)tj_num(c, "version");
	json_decref(c);
	keep = get_json(clerk1, "/v1/calendar/due?from=2026-09-24&days=5");
	assert_string_equal(tj_str(keep, "due"), "2026-10-09");
	json_decref(keep);

	/* Through the holiday and the whole last day: still open. */
	assert_int_equal(clock_to("2026-09-30T17:00:00+08:00", "breached"), 0);
	assert_int_equal(clock_to("2026-10-08T12:00:00+08:00", "breached"), 0);
	assert_int_equal(clock_to("2026-10-09T23:59:59+08:00", "breached"), 0);
	assert_string_equal(commitment_status(id, &keep), "open");
	json_decref(keep);
	assert_int_equal(queue_count("breach", "case_id", id), 0);

	/* The make-up Saturday: breached, credit entry, review item. */
	assert_int_equal(clock_to("2026-10-10T00:00:00+08:00", "breached"), 1);
	assert_string_equal(commitment_status(id, &keep), "breached");
	assert_true(tj_num(keep, "version") > version);
	json_decref(keep);
	assert_int_equal(queue_count("breach", "case_id", id), 1);
	credit = get_json(reviewer, "/v1/applicants/credit?id_type="
				    "resident_id&id_no=" VALID_ID);
	assert_int_equal(tj_num(credit, "breached"), 1);
	assert_true(json_is_false(json_object_get(credit, "eligible")));
	json_decref(credit);
	snprintf(path, sizeof(path), "/v1/audit?entity=case:%lld&limit=200",
		 id);
	keep = get_json(reviewer, path);
	{
		const json_t *e;
		size_t i;
		bool found = false;

		json_array_foreach(json_object_get(keep, "items"), i, e)
		{
			found |= strcmp(tj_str(e, "action"),
					"commitment.breach") == 0 &&
				 strcmp(tj_str(e, "actor"), "scheduler") == 0;
		}
		assert_true(found);
	}
	json_decref(keep);

	/* Idempotent: later runs add nothing. */
	assert_int_equal(clock_to("2026-10-10T00:00:00+08:00", "breached"), 0);
	assert_int_equal(clock_to("2026-10-12T09:00:00+08:00", "breached"), 0);
	assert_int_equal(queue_count("breach", "case_id", id), 1);
	credit = get_json(reviewer, "/v1/applicants/credit?id_type="
				    "resident_id&id_no=" VALID_ID);
	assert_int_equal(tj_num(credit, "breached"), 1);
	json_decref(credit);

	/* Withdrawing the case afterwards does not undo the breach: the
	 * commitment stays breached and the credit entry counts. */
	keep = case_get(id);
	version = (int)tj_num(keep, "version");
	json_decref(keep);
	snprintf(path, sizeof(path), "/v1/cases/%lld/withdraw", id);
	{
		struct http_reply r;

		assert_int_equal(call(clerk1, "POST", path,
				      "{\"note\":\"申请人撤回\"}", version, &r),
				 200);
		assert_string_equal(tj_str(r.json, "status"), "withdrawn");
		http_reply_release(&r);
	}
	assert_string_equal(commitment_status(id, &keep), "breached");
	json_decref(keep);
	credit = get_json(reviewer, "/v1/applicants/credit?id_type="
				    "resident_id&id_no=" VALID_ID);
	assert_int_equal(tj_num(credit, "breached"), 1);
	json_decref(credit);
}

/* R4: 个体工商户设立登记 promises 1 working day: accepted Wednesday 9/30,
 * due 10/8 (after the holiday week). Overdue from 10/9, once. */
static void test_overdue_across_national_day(void **state)
{
	json_t *c;
	int version;
	long long id;

	(void)state;
	assert_int_equal(clock_to("2026-09-30T10:00:00+08:00", "overdue"), 0);
	id = case_ready("000131101000", "in_person", false, false, &version);
	c = case_accept(id, version, "{\"mode\":\"normal\"}");
	assert_string_equal(tj_str(c, "status"), "accepted");
	assert_string_equal(tj_str(c, "due_date"), "2026-10-08");
	json_decref(c);

	assert_int_equal(clock_to("2026-10-07T12:00:00+08:00", "overdue"), 0);
	assert_int_equal(clock_to("2026-10-08T23:59:59+08:00", "overdue"), 0);
	assert_int_equal(queue_count("overdue", "case_id", id), 0);
	assert_int_equal(clock_to("2026-10-09T00:00:00+08:00", "overdue"), 1);
	assert_int_equal(queue_count("overdue", "case_id", id), 1);
	c = case_get(id);
	/* Not a major project: overdue, but not deemed. */
	assert_string_equal(tj_str(c, "status"), "accepted");
	assert_true(json_is_false(json_object_get(c, "deemed")));
	json_decref(c);
	assert_int_equal(clock_to("2026-10-12T09:00:00+08:00", "overdue"), 0);
	assert_int_equal(clock_to("2026-10-13T09:00:00+08:00", "deemed"), 0);
	assert_int_equal(queue_count("overdue", "case_id", id), 1);
}

/* R4 超时默认: 建筑工程施工许可证核发 promises 3 working days; accepted
 * Friday 10/9: 10/10 (make-up Saturday), 10/12, 10/13. A major project
 * still open after 10/13 is deemed done, the late stage recorded. */
static void test_deemed_major_project(void **state)
{
	json_t *c, *rec;
	int version, v2;
	long long id, plain;

	(void)state;
	assert_int_equal(clock_to("2026-10-09T10:00:00+08:00", "deemed"), 0);
	id = case_ready("000142003000", "municipal", true, false, &version);
	c = case_accept(id, version, "{\"mode\":\"normal\"}");
	assert_true(json_is_true(json_object_get(c, "major_project")));
	assert_string_equal(tj_str(c, "due_date"), "2026-10-13");
	json_decref(c);
	plain = case_ready("000142003000", "municipal", false, false, &v2);
	json_decref(case_accept(plain, v2, "{\"mode\":\"normal\"}"));

	assert_int_equal(clock_to("2026-10-13T23:59:59+08:00", "deemed"), 0);
	c = case_get(id);
	assert_string_equal(tj_str(c, "status"), "accepted");
	assert_true(json_is_false(json_object_get(c, "deemed")));
	version = (int)tj_num(c, "version");
	json_decref(c);

	assert_int_equal(clock_to("2026-10-14T00:00:00+08:00", "deemed"), 1);
	c = case_get(id);
	assert_string_equal(tj_str(c, "status"), "completed");
	assert_string_equal(tj_str(c, "result"), "approved");
	assert_true(json_is_true(json_object_get(c, "deemed")));
	assert_true(tj_num(c, "version") > version);
	rec = json_object_get(c, "deemed_record");
	assert_string_equal(tj_str(rec, "stage"), "accepted");
	assert_string_equal(tj_str(rec, "party"), "department");
	assert_string_equal(tj_str(rec, "due_date"), "2026-10-13");
	json_decref(c);
	assert_int_equal(queue_count("overdue", "case_id", id), 1);
	/* The same item without the flag is only overdue. */
	c = case_get(plain);
	assert_string_equal(tj_str(c, "status"), "accepted");
	assert_true(json_is_false(json_object_get(c, "deemed")));
	json_decref(c);
	assert_int_equal(queue_count("overdue", "case_id", plain), 1);
	assert_int_equal(clock_to("2026-10-15T09:00:00+08:00", "deemed"), 0);
}

/* A new inquiry by clerk1 handed off to window 2; its id (and the
 * handoff's in *hid) and version. */
static long long handed_off(long long *hid, int *version)
{
	struct http_reply r;
	char path[96];
	long long id;

	assert_int_equal(
	    call(clerk1, "POST", "/v1/inquiries",
		 "{\"applicant\":{\"name\":\"李四\"},\"topic\":\"转办测试\"}",
		 0, &r),
	    201);
	id = tj_num(r.json, "id");
	http_reply_release(&r);
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs", id);
	if (call(clerk1, "POST", path,
		 "{\"to_window\":\"2\",\"reason\":\"属于二号窗口\"}", 1,
		 &r) != 201 &&
	    r.status != 200)
		fail_msg("handoff: %ld %s", r.status, r.body);
	*hid = tj_num(json_array_get(json_object_get(r.json, "handoffs"), 0),
		      "id");
	*version = (int)tj_num(r.json, "version");
	http_reply_release(&r);
	return id;
}

static bool inquiry_bounced(long long id)
{
	char path[64];
	json_t *q;
	bool b;

	snprintf(path, sizeof(path), "/v1/inquiries/%lld", id);
	q = get_json(clerk1, path);
	b = json_is_true(json_object_get(q, "bounced"));
	json_decref(q);
	return b;
}

/* R1: handed off at 17:00 on Friday 9/18: 30 minutes that day, Saturday
 * rests, Sunday 9/20 is a make-up workday: due 09:30 on Sunday. */
static void test_bounced_across_makeup_sunday(void **state)
{
	long long id, hid;
	int version;

	(void)state;
	assert_int_equal(clock_to("2026-09-18T17:00:00+08:00", "bounced"), 0);
	id = handed_off(&hid, &version);
	assert_int_equal(clock_to("2026-09-18T18:30:00+08:00", "bounced"), 0);
	assert_int_equal(clock_to("2026-09-19T12:00:00+08:00", "bounced"), 0);
	assert_int_equal(clock_to("2026-09-20T09:29:59+08:00", "bounced"), 0);
	assert_false(inquiry_bounced(id));
	assert_int_equal(queue_count("bounced", "inquiry_id", id), 0);
	assert_int_equal(clock_to("2026-09-20T09:30:00+08:00", "bounced"), 1);
	assert_true(inquiry_bounced(id));
	assert_int_equal(queue_count("bounced", "inquiry_id", id), 1);
	assert_int_equal(clock_to("2026-09-20T09:30:00+08:00", "bounced"), 0);
	assert_int_equal(clock_to("2026-09-21T10:00:00+08:00", "bounced"), 0);
	assert_int_equal(queue_count("bounced", "inquiry_id", id), 1);
}

/* R1: handed off at 11:30: 30 minutes before lunch, 30 after 13:30. An
 * acknowledged handoff never bounces. */
static void test_bounced_across_lunch(void **state)
{
	long long id, acked, hid;
	int version;
	char path[96];
	struct http_reply r;

	(void)state;
	assert_int_equal(clock_to("2026-11-04T11:30:00+08:00", "bounced"), 0);
	id = handed_off(&hid, &version);
	acked = handed_off(&hid, &version);
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs/%lld/ack",
		 acked, hid);
	assert_int_equal(clock_to("2026-11-04T11:59:00+08:00", "bounced"), 0);
	if (call(clerk2, "POST", path, "{}", version, &r) != 200)
		fail_msg("ack: %ld %s", r.status, r.body);
	http_reply_release(&r);
	assert_int_equal(clock_to("2026-11-04T13:59:59+08:00", "bounced"), 0);
	assert_false(inquiry_bounced(id));
	assert_int_equal(clock_to("2026-11-04T14:00:00+08:00", "bounced"), 1);
	assert_true(inquiry_bounced(id));
	assert_int_equal(clock_to("2026-11-06T14:00:00+08:00", "bounced"), 0);
	assert_false(inquiry_bounced(acked));
	assert_int_equal(queue_count("bounced", "inquiry_id", acked), 0);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(test_breach_across_national_day),
	    T(test_overdue_across_national_day),
	    T(test_deemed_major_project),
	    T(test_bounced_across_makeup_sunday),
	    T(test_bounced_across_lunch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
