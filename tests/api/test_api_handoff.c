/* test_api_handoff.c - R1 after registration: handoffs to a window or a
 * department, acknowledgement only by the target, bounced after the third
 * handoff, closing with each resolution and its conditions, and If-Match
 * (428, 412 with the current object) on every change, against a real
 * wincased over HTTP. */
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

static struct test_server srv;
/* clerk1: window 1, 市场监督管理局; clerk2: window 2, 住房和城乡建设局;
 * clerk1_w3: clerk1 signed in at window 3. */
static char *clerk1, *clerk2, *clerk1_w3, *reviewer;

static char *login_at(const char *username, const char *window)
{
	struct http_reply r;
	char body[160];
	char *token = NULL;

	snprintf(body, sizeof(body),
		 "{\"username\":\"%s\",\"password\":\"" PASSWORD
		 "\",\"window\":\"%s\"}",
		 username, window);
	if (http_send_json(srv.url, "POST", "/v1/sessions", NULL, body, &r) ==
		0 &&
	    r.status == 201)
		token =
		    strdup(json_string_value(json_object_get(r.json, "token")));
	http_reply_release(&r);
	return token;
}

static const struct test_login logins[] = {{"clerk1", &clerk1},
					   {"clerk2", &clerk2},
					   {"reviewer1", &reviewer},
					   {NULL, NULL}};

static int setup(void **state)
{
	(void)state;
	if (test_server_start_login(&srv, logins) < 0)
		return -1;
	clerk1_w3 = login_at("clerk1", "3");
	return clerk1_w3 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(clerk1_w3);
	return test_server_stop_logout(&srv, logins);
}

/* One call; version > 0 sends If-Match "version". Returns the status. */
static long call(const char *method, const char *path, const char *token,
		 int version, const char *body, struct http_reply *r)
{
	assert_int_equal(
	    http_call(srv.url, method, path, token, body, version, r), 0);
	return r->status;
}

/* POST on /v1/inquiries/ID/what and release the reply. */
static long act(long long id, const char *what, const char *token, int version,
		const char *body, const char *code)
{
	struct http_reply r;
	char path[96];
	long status;

	snprintf(path, sizeof(path), "/v1/inquiries/%lld/%s", id, what);
	status = call("POST", path, token, version, body, &r);
	if (code)
		assert_string_equal(http_error_code(&r), code);
	http_reply_release(&r);
	return status;
}

static long long create(const char *token)
{
	struct http_reply r;
	long long id;

	assert_int_equal(call("POST", "/v1/inquiries", token, 0,
			      "{\"applicant\":{\"name\":\"张三\"},"
			      "\"topic\":\"办理营业执照\"}",
			      &r),
			 201);
	id = tj_num(r.json, "id");
	http_reply_release(&r);
	return id;
}

static json_t *get(long long id, const char *token)
{
	struct http_reply r;
	char path[64];
	json_t *obj;

	snprintf(path, sizeof(path), "/v1/inquiries/%lld", id);
	assert_int_equal(call("GET", path, token, 0, NULL, &r), 200);
	obj = json_incref(r.json);
	http_reply_release(&r);
	return obj;
}

static long long last_handoff_id(long long id)
{
	json_t *obj = get(id, reviewer);
	json_t *list = json_object_get(obj, "handoffs");
	long long hid =
	    tj_num(json_array_get(list, json_array_size(list) - 1), "id");

	json_decref(obj);
	return hid;
}

static long ack(long long id, long long hid, const char *token, int version,
		const char *code)
{
	char what[64];

	snprintf(what, sizeof(what), "handoffs/%lld/ack", hid);
	return act(id, what, token, version, NULL, code);
}

static bool in_mine(const char *token, long long id)
{
	struct http_reply r;
	const json_t *it;
	bool found = false;
	size_t i;

	assert_int_equal(call("GET", "/v1/inquiries?scope=mine&limit=200",
			      token, 0, NULL, &r),
			 200);
	json_array_foreach(json_object_get(r.json, "items"), i, it)
	{
		if (tj_num(it, "id") == id)
			found = true;
	}
	http_reply_release(&r);
	return found;
}

#define TO_WINDOW2 "{\"to_window\":\"2\",\"reason\":\"属住建业务\"}"
#define TO_WINDOW3 "{\"to_window\":\"3\",\"reason\":\"转三号窗口\"}"

/* Handed to window 2, acknowledged there by clerk2 and nobody else. */
static void test_handoff_and_ack(void **state)
{
	long long id = create(clerk1), hid;
	struct http_reply r;
	const json_t *h, *current;
	char path[96];

	(void)state;
	assert_false(in_mine(clerk2, id));
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs", id);
	assert_int_equal(call("POST", path, clerk1, 0, TO_WINDOW2, &r), 428);
	assert_string_equal(http_error_code(&r), "precondition_required");
	http_reply_release(&r);
	assert_int_equal(call("POST", path, clerk1, 1, TO_WINDOW2, &r), 200);
	assert_string_equal(tj_str(r.json, "status"), "handed_off");
	assert_int_equal(tj_num(r.json, "version"), 2);
	assert_string_equal(r.etag, "\"2\"");
	assert_int_equal(json_array_size(json_object_get(r.json, "handoffs")),
			 1);
	h = json_array_get(json_object_get(r.json, "handoffs"), 0);
	assert_string_equal(tj_str(h, "to_window"), "2");
	assert_null(json_object_get(h, "to_department"));
	assert_string_equal(tj_str(h, "reason"), "属住建业务");
	assert_string_equal(tj_str(h, "created_by"), "clerk1");
	assert_string_equal(tj_str(h, "created_at"), TEST_SERVER_START_TIME);
	assert_null(json_object_get(h, "acknowledged_by"));
	assert_true(json_is_false(json_object_get(r.json, "bounced")));
	hid = tj_num(h, "id");
	http_reply_release(&r);

	/* The target sees it and has it on its list; others may not ack. */
	json_decref(get(id, clerk2));
	assert_true(in_mine(clerk2, id));
	assert_int_equal(ack(id, hid, clerk1, 2, "forbidden"), 403);
	assert_int_equal(ack(id, hid, reviewer, 2, "forbidden"), 403);
	assert_int_equal(ack(id, hid + 1000, clerk2, 2, "not_found"), 404);
	assert_int_equal(ack(id, hid, clerk2, 0, "precondition_required"), 428);

	/* Stale: 412 with the current object in details. */
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs/%lld/ack", id,
		 hid);
	assert_int_equal(call("POST", path, clerk2, 1, NULL, &r), 412);
	assert_string_equal(http_error_code(&r), "version_conflict");
	current = json_array_get(
	    json_object_get(json_object_get(r.json, "error"), "details"), 0);
	assert_int_equal(tj_num(current, "version"), 2);
	assert_int_equal(tj_num(current, "id"), id);
	assert_string_equal(tj_str(current, "status"), "handed_off");
	http_reply_release(&r);

	assert_int_equal(call("POST", path, clerk2, 2, NULL, &r), 200);
	assert_string_equal(tj_str(r.json, "status"), "referred");
	assert_int_equal(tj_num(r.json, "version"), 3);
	assert_string_equal(r.etag, "\"3\"");
	h = json_array_get(json_object_get(r.json, "handoffs"), 0);
	assert_string_equal(tj_str(h, "acknowledged_by"), "clerk2");
	assert_string_equal(tj_str(h, "acknowledged_at"),
			    TEST_SERVER_START_TIME);
	http_reply_release(&r);
	assert_int_equal(ack(id, hid, clerk2, 3, "already_acknowledged"), 409);
	/* The holder keeps it on its list and may read it. */
	assert_true(in_mine(clerk2, id));
	json_decref(get(id, clerk2));
}

/* A department handoff is acknowledged by a user of that department. */
static void test_department_handoff(void **state)
{
	long long id = create(clerk2), hid;

	(void)state;
	assert_int_equal(act(id, "handoffs", clerk2, 1,
			     "{\"to_department\":\"市场监督管理局\","
			     "\"reason\":\"属市场监管\"}",
			     NULL),
			 200);
	hid = last_handoff_id(id);
	assert_true(in_mine(reviewer, id));
	assert_int_equal(ack(id, hid, clerk2, 2, "forbidden"), 403);
	assert_int_equal(ack(id, hid, clerk1, 2, NULL), 200);
}

/* R1: only the first responder or the current holder hands off, and one
 * handoff waits at a time. */
static void test_who_hands_off(void **state)
{
	long long id = create(clerk1);

	(void)state;
	assert_int_equal(
	    act(id, "handoffs", clerk2, 1, TO_WINDOW3, "forbidden"), 403);
	assert_int_equal(
	    act(id, "handoffs", reviewer, 1, TO_WINDOW3, "forbidden"), 403);
	/* Who may act is checked before If-Match: 403, not 428. */
	assert_int_equal(
	    act(id, "handoffs", clerk2, 0, TO_WINDOW3, "forbidden"), 403);
	assert_int_equal(act(id, "close", clerk2, 0,
			     "{\"resolution\":\"answered\",\"note\":\"x\"}",
			     "forbidden"),
			 403);
	assert_int_equal(act(id, "handoffs", clerk1, 1, TO_WINDOW2, NULL), 200);
	assert_int_equal(
	    act(id, "handoffs", clerk1, 2, TO_WINDOW3, "handoff_pending"), 409);
	assert_int_equal(ack(id, last_handoff_id(id), clerk2, 2, NULL), 200);
	/* Now window 2 holds it: clerk2 may pass it on. */
	assert_int_equal(act(id, "handoffs", clerk2, 3, TO_WINDOW3, NULL), 200);
}

/* R1: handed off more than twice is bounced (推诿). */
static void test_bounced_after_third_handoff(void **state)
{
	long long id = create(clerk1);
	json_t *obj;
	struct http_reply r;
	const json_t *it;
	bool queued = false;
	size_t i;

	(void)state;
	assert_int_equal(act(id, "handoffs", clerk1, 1, TO_WINDOW2, NULL), 200);
	assert_int_equal(ack(id, last_handoff_id(id), clerk2, 2, NULL), 200);
	assert_int_equal(act(id, "handoffs", clerk2, 3, TO_WINDOW3, NULL), 200);
	assert_int_equal(ack(id, last_handoff_id(id), clerk1_w3, 4, NULL), 200);
	obj = get(id, clerk1);
	assert_true(json_is_false(json_object_get(obj, "bounced")));
	json_decref(obj);
	assert_int_equal(act(id, "handoffs", clerk1, 5, TO_WINDOW2, NULL), 200);
	obj = get(id, clerk1);
	assert_true(json_is_true(json_object_get(obj, "bounced")));
	assert_int_equal(json_array_size(json_object_get(obj, "handoffs")), 3);
	assert_int_equal(tj_num(obj, "version"), 6);
	json_decref(obj);
	/* The reviewer queue has it, when the queue is served. */
	call("GET", "/v1/review/queue?kind=bounced", reviewer, 0, NULL, &r);
	if (r.status == 200) {
		json_array_foreach(json_object_get(r.json, "items"), i, it)
		{
			if (tj_num(it, "inquiry_id") == id &&
			    strcmp(tj_str(it, "kind"), "bounced") == 0)
				queued = true;
		}
		assert_true(queued);
	} else {
		print_message("# review queue not served yet (%ld)\n",
			      r.status);
	}
	http_reply_release(&r);
}

static void test_close_answered_and_no_action(void **state)
{
	long long id = create(clerk1), other = create(clerk1);
	struct http_reply r;
	char path[96];

	(void)state;
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/close", id);
	assert_int_equal(
	    call("POST", path, clerk1, 0,
		 "{\"resolution\":\"answered\",\"note\":\"已答复\"}", &r),
	    428);
	http_reply_release(&r);
	assert_int_equal(
	    call("POST", path, clerk1, 1,
		 "{\"resolution\":\"answered\",\"note\":\"已答复\"}", &r),
	    200);
	assert_string_equal(tj_str(r.json, "status"), "closed");
	assert_string_equal(tj_str(r.json, "resolution"), "answered");
	assert_string_equal(tj_str(r.json, "note"), "已答复");
	assert_int_equal(tj_num(r.json, "version"), 2);
	http_reply_release(&r);
	assert_int_equal(act(id, "close", clerk1, 2,
			     "{\"resolution\":\"no_action\",\"note\":\"x\"}",
			     "inquiry_closed"),
			 409);
	assert_int_equal(
	    act(id, "handoffs", clerk1, 2, TO_WINDOW2, "inquiry_closed"), 409);
	assert_int_equal(act(other, "close", clerk1, 1,
			     "{\"resolution\":\"no_action\","
			     "\"note\":\"申请人不再办理\"}",
			     NULL),
			 200);
}

/* R1: referred needs an acknowledged handoff. */
static void test_close_referred(void **state)
{
	long long id = create(clerk1);
	static const char body[] =
	    "{\"resolution\":\"referred\",\"note\":\"已转住建窗口\"}";
	struct http_reply r;
	char path[96];

	(void)state;
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/close", id);
	assert_int_equal(call("POST", path, clerk1, 1, body, &r), 422);
	assert_string_equal(http_error_code(&r), "resolution_not_allowed");
	assert_string_equal(
	    json_string_value(json_array_get(
		json_object_get(json_object_get(r.json, "error"), "details"),
		0)),
	    "no_acknowledged_handoff");
	http_reply_release(&r);
	assert_int_equal(act(id, "handoffs", clerk1, 1, TO_WINDOW2, NULL), 200);
	assert_int_equal(
	    act(id, "close", clerk1, 2, body, "resolution_not_allowed"), 422);
	assert_int_equal(ack(id, last_handoff_id(id), clerk2, 2, NULL), 200);
	/* Someone neither first responder nor holder may not close it. */
	assert_int_equal(act(id, "close", reviewer, 3, body, "forbidden"), 403);
	assert_int_equal(act(id, "close", clerk1, 3, body, NULL), 200);
}

/* R1: converted needs a case made from this inquiry. */
static void test_close_converted(void **state)
{
	long long id = create(clerk1), other = create(clerk1), case_id;
	struct http_reply r;
	char body[256];

	(void)state;
	assert_int_equal(act(id, "close", clerk1, 1,
			     "{\"resolution\":\"converted\",\"note\":\"受理\"}",
			     "resolution_not_allowed"),
			 422);
	assert_int_equal(act(id, "close", clerk1, 1,
			     "{\"resolution\":\"converted\",\"note\":\"受理\","
			     "\"case_id\":999999}",
			     "resolution_not_allowed"),
			 422);
	assert_int_equal(act(id, "close", clerk1, 1,
			     "{\"resolution\":\"answered\",\"note\":\"x\","
			     "\"case_id\":1}",
			     "invalid_field"),
			 422);
	snprintf(body, sizeof(body),
		 "{\"item_code\":\"000131104000\",\"scenario_id\":\"catering\","
		 "\"applicant\":{\"name\":\"张三\"},\"inquiry_id\":%lld}",
		 id);
	call("POST", "/v1/cases", clerk1, 0, body, &r);
	if (r.status != 201) {
		print_message("# cases not served yet (%ld): converted with a "
			      "real case not tested\n",
			      r.status);
		http_reply_release(&r);
		return;
	}
	case_id = tj_num(r.json, "id");
	http_reply_release(&r);
	snprintf(body, sizeof(body),
		 "{\"resolution\":\"converted\",\"note\":\"已受理\","
		 "\"case_id\":%lld}",
		 case_id);
	assert_int_equal(
	    act(other, "close", clerk1, 1, body, "resolution_not_allowed"),
	    422);
	snprintf(body, sizeof(body), "/v1/inquiries/%lld/close", id);
	assert_int_equal(
	    call("POST", body, clerk1, 1,
		 "{\"resolution\":\"converted\",\"note\":\"已受理\","
		 "\"case_id\":0}",
		 &r),
	    400);
	http_reply_release(&r);
	snprintf(body, sizeof(body),
		 "{\"resolution\":\"converted\",\"note\":\"已受理\","
		 "\"case_id\":%lld}",
		 case_id);
	assert_int_equal(act(id, "close", clerk1, 1, body, NULL), 200);
}

static void test_bad_bodies(void **state)
{
	long long id = create(clerk1);
	static const struct {
		const char *what, *body;
		long status;
		const char *code;
	} cases[] = {
	    {"handoffs", "{\"reason\":\"x\"}", 400, "bad_request"},
	    {"handoffs",
	     "{\"to_window\":\"2\",\"to_department\":\"d\",\"reason\":\"x\"}",
	     400, "bad_request"},
	    {"handoffs", "{\"to_window\":\"2\"}", 400, "bad_request"},
	    {"handoffs", "{\"to_window\":2,\"reason\":\"x\"}", 400,
	     "bad_request"},
	    {"handoffs", "{\"to_window\":\"2\",\"reason\":\"\"}", 422,
	     "invalid_field"},
	    {"handoffs", "{\"to_window\":\"2\\u001b[2J\",\"reason\":\"x\"}",
	     422, "invalid_field"},
	    {"handoffs", "[]", 400, "bad_request"},
	    {"close", "{\"resolution\":\"solved\",\"note\":\"x\"}", 400,
	     "bad_request"},
	    {"close", "{\"resolution\":\"answered\"}", 400, "bad_request"},
	    {"close", "{\"resolution\":\"answered\",\"note\":\"\"}", 422,
	     "invalid_field"},
	    {"close",
	     "{\"resolution\":\"answered\",\"note\":\"x\","
	     "\"case_id\":\"7\"}",
	     400, "bad_request"},
	};
	json_t *obj;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(act(id, cases[i].what, clerk1, 1,
				     cases[i].body, cases[i].code),
				 cases[i].status);
	/* Nothing changed. */
	obj = get(id, clerk1);
	assert_int_equal(tj_num(obj, "version"), 1);
	assert_string_equal(tj_str(obj, "status"), "open");
	json_decref(obj);
	assert_int_equal(
	    act(999999, "handoffs", clerk1, 1, TO_WINDOW2, "not_found"), 404);
	/* Another window's clerk cannot even see it. */
	assert_int_equal(
	    act(id, "handoffs", clerk2, 1, TO_WINDOW2, "forbidden"), 403);
}

/* The same Idempotency-Key replays the first answer: one handoff. */
static void test_idempotent_handoff(void **state)
{
	long long id = create(clerk1);
	struct http_request req = {.method = "POST",
				   .token = clerk1,
				   .body = TO_WINDOW2,
				   .if_match = "\"1\"",
				   .idempotency_key = "handoff-once-1"};
	struct http_reply first, again;
	char path[96];
	json_t *obj;

	(void)state;
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs", id);
	req.path = path;
	assert_int_equal(http_do(srv.url, &req, &first), 0);
	assert_int_equal(first.status, 200);
	assert_int_equal(http_do(srv.url, &req, &again), 0);
	assert_int_equal(again.status, 200);
	assert_true(again.replayed);
	assert_string_equal(first.body, again.body);
	http_reply_release(&first);
	http_reply_release(&again);
	obj = get(id, clerk1);
	assert_int_equal(json_array_size(json_object_get(obj, "handoffs")), 1);
	json_decref(obj);
}

/* Issue 13.5: the targets are the windows clerks sit at and the
 * departments users belong to; any other is refused with 422. */
static void test_targets_and_unknown_target(void **state)
{
	long long id = create(clerk1);
	struct http_reply r;
	const json_t *it;
	size_t i;
	char seen[256] = "";

	(void)state;
	assert_int_equal(
	    call("GET", "/v1/handoff-targets", clerk1, 0, NULL, &r), 200);
	json_array_foreach(json_object_get(r.json, "items"), i, it)
	{
		strncat(seen, json_string_value(json_object_get(it, "kind")),
			sizeof(seen) - strlen(seen) - 1);
		strncat(seen, ":", sizeof(seen) - strlen(seen) - 1);
		strncat(seen, json_string_value(json_object_get(it, "name")),
			sizeof(seen) - strlen(seen) - 1);
		strncat(seen, " ", sizeof(seen) - strlen(seen) - 1);
	}
	assert_true(json_is_null(json_object_get(r.json, "next_cursor")));
	http_reply_release(&r);
	assert_string_equal(seen, "window:1 window:2 window:3 window:7 "
				  "department:住房和城乡建设局 "
				  "department:市场监督管理局 ");
	assert_int_equal(act(id, "handoffs", clerk1, 1,
			     "{\"to_window\":\"99\",\"reason\":\"无此窗口\"}",
			     "handoff_target_unknown"),
			 422);
	assert_int_equal(act(id, "handoffs", clerk1, 1,
			     "{\"to_department\":\"月球管理局\","
			     "\"reason\":\"无此部门\"}",
			     "handoff_target_unknown"),
			 422);
	/* Refused means unchanged: still version 1, no handoff. */
	assert_int_equal(act(id, "handoffs", clerk1, 1, TO_WINDOW2, NULL), 200);
}

/* Issue 13.5: the sender recalls a waiting handoff; it leaves the inquiry
 * (and the count toward bounced), the audit keeps it. */
static void test_recall(void **state)
{
	long long id = create(clerk1), hid;
	char what[64];
	json_t *obj;
	struct http_reply r;

	(void)state;
	assert_int_equal(act(id, "handoffs", clerk1, 1, TO_WINDOW2, NULL), 200);
	hid = last_handoff_id(id);
	snprintf(what, sizeof(what), "handoffs/%lld/recall", hid);
	assert_int_equal(act(id, what, clerk2, 2, NULL, "forbidden"), 403);
	assert_int_equal(act(id, what, clerk1, 0, NULL, NULL), 428);
	assert_int_equal(act(id, what, clerk1, 1, NULL, NULL), 412);
	assert_int_equal(act(id, what, clerk1, 2, NULL, NULL), 200);
	obj = get(id, clerk1);
	assert_string_equal(json_string_value(json_object_get(obj, "status")),
			    "open");
	assert_int_equal(json_array_size(json_object_get(obj, "handoffs")), 0);
	json_decref(obj);
	assert_false(in_mine(clerk2, id));
	assert_int_equal(act(id, what, clerk1, 3, NULL, "not_found"), 404);
	/* Audited, with the target. */
	snprintf(what, sizeof(what), "/v1/audit?entity=inquiry:%lld", id);
	assert_int_equal(call("GET", what, reviewer, 0, NULL, &r), 200);
	assert_non_null(strstr(r.body, "inquiry.recall"));
	http_reply_release(&r);
	/* Recalls do not count: three more handoffs, the third bounces. */
	assert_int_equal(act(id, "handoffs", clerk1, 3, TO_WINDOW2, NULL), 200);
	assert_int_equal(ack(id, last_handoff_id(id), clerk2, 4, NULL), 200);
	/* Acknowledged: no recall any more (409), and a recall after an
	 * acknowledged one goes back to referred. */
	snprintf(what, sizeof(what), "handoffs/%lld/recall",
		 last_handoff_id(id));
	assert_int_equal(act(id, what, clerk1, 5, NULL, "handoff_not_pending"),
			 409);
	assert_int_equal(act(id, "handoffs", clerk2, 5, TO_WINDOW3, NULL), 200);
	snprintf(what, sizeof(what), "handoffs/%lld/recall",
		 last_handoff_id(id));
	assert_int_equal(act(id, what, clerk2, 6, NULL, NULL), 200);
	obj = get(id, clerk1);
	assert_string_equal(json_string_value(json_object_get(obj, "status")),
			    "referred");
	assert_true(json_is_false(json_object_get(obj, "bounced")));
	assert_int_equal(json_array_size(json_object_get(obj, "handoffs")), 1);
	json_decref(obj);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_handoff_and_ack),
	    cmocka_unit_test(test_department_handoff),
	    cmocka_unit_test(test_who_hands_off),
	    cmocka_unit_test(test_bounced_after_third_handoff),
	    cmocka_unit_test(test_close_answered_and_no_action),
	    cmocka_unit_test(test_close_referred),
	    cmocka_unit_test(test_close_converted),
	    cmocka_unit_test(test_bad_bodies),
	    cmocka_unit_test(test_idempotent_handoff),
	    cmocka_unit_test(test_targets_and_unknown_target),
	    cmocka_unit_test(test_recall),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
