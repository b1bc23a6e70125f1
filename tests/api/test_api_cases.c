/* test_api_cases.c - cases (R2): create from an item and scenario, the
 * checklist, one-time notices with the once-rule and its override, lists
 * and scopes (R6), If-Match, against a real wincased over HTTP. */
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

#define FOOD "000131104000" /* 食品经营许可: tolerant, 5 promised days */
#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\",\"phone\":\"13800138000\"}"
/* canteen: application_form, premises_proof, layout_flow are main. */
#define ALL_PROVIDED                                                           \
	"application_form=provided,business_licence=provided,"                 \
	"legal_rep_id=provided,premises_proof=provided,layout_flow=provided,"  \
	"safety_manager_proof=provided,safety_rules=provided"

static struct test_server srv;
static char *clerk1, *clerk2, *reviewer, *admin;

static const struct test_login logins[] = {{"clerk1", &clerk1},
					   {"clerk2", &clerk2},
					   {"reviewer1", &reviewer},
					   {"admin1", &admin},
					   {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

static void new_case(struct test_case *c)
{
	struct http_reply r;

	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "canteen", APPLICANT, c, &r), 201);
	http_reply_release(&r);
}

/* R2: a case starts with the scenario's checklist, every line pending. */
static void test_create(void **state)
{
	struct http_reply r;
	struct test_case c;
	const json_t *list;
	char location[64];

	(void)state;
	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "canteen", APPLICANT, &c, &r),
	    201);
	assert_true(strncmp(tj_str(r.json, "no"), "SL-20261102-", 12) == 0);
	assert_string_equal(tj_str(r.json, "status"), "checking");
	assert_string_equal(tj_str(r.json, "created_by"), "clerk1");
	assert_string_equal(tj_str(r.json, "window"), "1");
	assert_string_equal(r.etag, "\"1\"");
	snprintf(location, sizeof(location), "/v1/cases/%lld", c.id);
	assert_string_equal(r.location, location);
	list = json_object_get(r.json, "checklist");
	assert_int_equal(json_array_size(list), 7);
	assert_string_equal(tc_line_state(r.json, "application_form"),
			    "pending");
	assert_string_equal(tc_line_state(r.json, "safety_rules"), "pending");
	assert_string_equal(tj_str(json_array_get(list, 0), "role"), "main");
	assert_true(json_is_false(json_object_get(r.json, "deemed")));
	assert_true(json_is_null(json_object_get(r.json, "due_date")));
	assert_int_equal(json_array_size(json_object_get(r.json, "notices")),
			 0);
	http_reply_release(&r);

	/* Unknown item or scenario, an item that cannot be a major project. */
	assert_int_equal(
	    tc_create(srv.url, clerk1, "999", "canteen", APPLICANT, &c, &r),
	    422);
	assert_string_equal(http_error_field(&r), "item_code");
	http_reply_release(&r);
	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "nope", APPLICANT, &c, &r), 422);
	assert_string_equal(http_error_field(&r), "scenario_id");
	http_reply_release(&r);
	assert_int_equal(tc_call(srv.url, "POST", "/v1/cases", clerk1,
				 "{\"item_code\":\"" FOOD "\","
				 "\"scenario_id\":\"canteen\","
				 "\"major_project\":true,"
				 "\"applicant\":" APPLICANT "}",
				 NULL, &r),
			 422);
	assert_string_equal(http_error_field(&r), "major_project");
	http_reply_release(&r);
	/* Bad identifier, missing applicant, unknown inquiry. */
	assert_int_equal(tc_create(srv.url, clerk1, FOOD, "canteen",
				   "{\"name\":\"张三\",\"id_type\":"
				   "\"resident_id\",\"id_no\":"
				   "\"110105194912310021\"}",
				   &c, &r),
			 422);
	assert_string_equal(http_error_field(&r), "applicant.id_no");
	http_reply_release(&r);
	assert_int_equal(tc_call(srv.url, "POST", "/v1/cases", clerk1,
				 "{\"item_code\":\"" FOOD "\","
				 "\"scenario_id\":\"canteen\"}",
				 NULL, &r),
			 400);
	assert_string_equal(http_error_field(&r), "applicant");
	http_reply_release(&r);
	assert_int_equal(tc_call(srv.url, "POST", "/v1/cases", clerk1,
				 "{\"item_code\":\"" FOOD "\","
				 "\"scenario_id\":\"canteen\",\"inquiry_id\":"
				 "99999,\"applicant\":" APPLICANT "}",
				 NULL, &r),
			 422);
	assert_string_equal(http_error_field(&r), "inquiry_id");
	http_reply_release(&r);
	/* R6: reviewers and administrators do not open cases. */
	assert_int_equal(
	    tc_create(srv.url, reviewer, FOOD, "canteen", APPLICANT, &c, &r),
	    403);
	http_reply_release(&r);
}

/* R6: a clerk of another window may not read or change the case; a
 * reviewer of its department reads it. */
static void test_scope(void **state)
{
	struct test_case c, other;
	struct http_reply r;

	(void)state;
	new_case(&c);
	other = c;
	assert_int_equal(tc_get(srv.url, clerk2, &other, &r), 403);
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk2, &other,
				      "application_form=provided", &r),
			 403);
	http_reply_release(&r);
	assert_int_equal(tc_get(srv.url, reviewer, &other, &r), 200);
	http_reply_release(&r);
	assert_int_equal(tc_get(srv.url, admin, &other, &r), 200);
	http_reply_release(&r);
	other.id = 987654;
	assert_int_equal(tc_get(srv.url, clerk1, &other, &r), 404);
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, "/v1/cases/abc", clerk1, &r), 0);
	assert_int_equal(r.status, 404);
	http_reply_release(&r);
}

static void test_checklist(void **state)
{
	struct test_case c;
	struct http_reply r;
	char stale[64];

	(void)state;
	new_case(&c);
	/* R2: a defect is named. */
	assert_int_equal(
	    tc_checklist(srv.url, clerk1, &c, "application_form=defective", &r),
	    422);
	assert_string_equal(http_error_field(&r), "items[0].note");
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      "application_form=provided,"
				      "kitchen_waste_agreement=missing",
				      &r),
			 422);
	assert_string_equal(http_error_code(&r), "invalid_field");
	assert_string_equal(http_error_field(&r), "items[1].material_id");
	http_reply_release(&r);
	assert_int_equal(
	    tc_checklist(srv.url, clerk1, &c, "application_form=lost", &r),
	    400);
	http_reply_release(&r);
	/* Nothing of a refused update was kept. */
	assert_int_equal(tc_get(srv.url, clerk1, &c, &r), 200);
	assert_string_equal(tc_line_state(r.json, "application_form"),
			    "pending");
	assert_string_equal(r.etag, "\"1\"");
	http_reply_release(&r);

	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      "application_form=defective:缺少签章,"
				      "safety_rules=shared",
				      &r),
			 200);
	assert_string_equal(r.etag, "\"2\"");
	assert_string_equal(tc_line_state(r.json, "application_form"),
			    "defective");
	assert_string_equal(tc_line_state(r.json, "safety_rules"), "shared");
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(r.json, "checklist"), 0),
		   "note"),
	    "缺少签章");
	http_reply_release(&r);

	/* If-Match: missing 428, stale 412 with the current case. */
	snprintf(stale, sizeof(stale), "%s", c.etag);
	assert_int_equal(tc_call(srv.url, "PUT", "/v1/cases/0/checklist",
				 clerk1, "{\"items\":[]}", NULL, &r),
			 404);
	http_reply_release(&r);
	{
		char path[64];

		snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", c.id);
		assert_int_equal(tc_call(srv.url, "PUT", path, clerk1,
					 "{\"items\":[]}", NULL, &r),
				 428);
		assert_string_equal(http_error_code(&r),
				    "precondition_required");
		http_reply_release(&r);
		assert_int_equal(tc_call(srv.url, "PUT", path, clerk1,
					 "{\"items\":[]}", "\"1\"", &r),
				 412);
		assert_string_equal(http_error_code(&r), "version_conflict");
		assert_int_equal(
		    json_integer_value(json_object_get(
			json_array_get(
			    json_object_get(json_object_get(r.json, "error"),
					    "details"),
			    0),
			"version")),
		    2);
		http_reply_release(&r);
	}
	/* R6: both changes are in the audit trail, refused ones are not. */
	{
		char path[96];
		const json_t *e;
		size_t i, creates = 0, updates = 0;

		snprintf(path, sizeof(path), "/v1/audit?entity=case:%lld",
			 c.id);
		assert_int_equal(http_get(srv.url, path, reviewer, &r), 0);
		assert_int_equal(r.status, 200);
		json_array_foreach(json_object_get(r.json, "items"), i, e)
		{
			creates +=
			    strcmp(tj_str(e, "action"), "case.create") == 0;
			updates +=
			    strcmp(tj_str(e, "action"), "case.checklist") == 0;
		}
		assert_int_equal(creates, 1);
		assert_int_equal(updates, 1);
		http_reply_release(&r);
	}
}

/* R2: a notice lists every missing and defective material, never while a
 * material is unchecked; "one time": a later notice may not add a
 * material without an override, which is flagged and reviewed. */
static void test_notice_once_rule(void **state)
{
	struct test_case c;
	struct http_reply r;
	const json_t *notice;

	(void)state;
	new_case(&c);
	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      "application_form=provided,"
				      "business_licence=missing",
				      &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/notices", "{}", &r), 422);
	assert_string_equal(http_error_code(&r), "checklist_unchecked");
	assert_int_equal(tc_details_count(&r), 5);
	assert_true(tc_details_have(&r, "material_id", "safety_rules"));
	http_reply_release(&r);

	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      ALL_PROVIDED
				      ",business_licence=missing,"
				      "legal_rep_id=defective:复印件不清晰",
				      &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/notices", "{}", &r), 201);
	assert_true(strncmp(tj_str(r.json, "no"), "GZ-20261102-", 12) == 0);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 2);
	assert_true(json_is_false(json_object_get(r.json, "once_violation")));
	assert_true(strlen(tj_str(r.json, "text")) > 0);
	assert_true(strlen(tj_str(r.json, "signature")) > 0);
	assert_true(strlen(tj_str(r.json, "verify_code")) > 0);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(r.json, "items"), 1),
		   "reason"),
	    "复印件不清晰");
	http_reply_release(&r);
	assert_int_equal(tc_get(srv.url, clerk1, &c, &r), 200);
	assert_string_equal(tj_str(r.json, "status"), "notified");
	assert_int_equal(json_array_size(json_object_get(r.json, "notices")),
			 1);
	http_reply_release(&r);

	/* The applicant brings business_licence; the clerk now finds a
	 * fault in premises_proof, which no notice listed. */
	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      "business_licence=provided,"
				      "premises_proof=defective:地址不符",
				      &r),
			 200);
	assert_string_equal(tj_str(r.json, "status"), "checking");
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/notices", "{}", &r), 422);
	assert_string_equal(http_error_code(&r), "notice_once_violation");
	assert_int_equal(tc_details_count(&r), 1);
	assert_true(tc_details_have(&r, "material_id", "premises_proof"));
	http_reply_release(&r);
	/* A defect in a material handed in anew may go on a later notice. */
	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      "legal_rep_id=defective:仍不清晰", &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/notices",
				   "{\"override_reason\":\"申请人当场更换"
				   "场所证明\"}",
				   &r),
			 201);
	assert_true(json_is_true(json_object_get(r.json, "once_violation")));
	notice = r.json;
	assert_int_equal(json_array_size(json_object_get(notice, "items")), 2);
	http_reply_release(&r);

	/* Nothing missing: 409. */
	assert_int_equal(tc_checklist(srv.url, clerk1, &c, ALL_PROVIDED, &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/notices", "{}", &r), 409);
	assert_string_equal(http_error_code(&r), "nothing_missing");
	http_reply_release(&r);
}

/* The once-rule's exception: a defect in a material the clerk records as
 * resubmitted after the notice. */
static void test_notice_resubmitted(void **state)
{
	struct test_case c;
	struct http_reply r;

	(void)state;
	new_case(&c);
	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      ALL_PROVIDED ",safety_rules=missing", &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/notices", "{}", &r), 201);
	http_reply_release(&r);
	{
		char path[64];

		snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", c.id);
		assert_int_equal(
		    tc_call(srv.url, "PUT", path, clerk1,
			    "{\"items\":[{\"material_id\":\"layout_flow\","
			    "\"state\":\"defective\",\"note\":\"新图有误\","
			    "\"resubmitted\":true}]}",
			    c.etag, &r),
		    200);
		snprintf(c.etag, sizeof(c.etag), "%s", r.etag);
		http_reply_release(&r);
	}
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/notices", "{}", &r), 201);
	assert_true(json_is_false(json_object_get(r.json, "once_violation")));
	http_reply_release(&r);
}

static size_t list_count(const char *token, const char *query, long status)
{
	struct http_reply r;
	char path[256];
	size_t n;

	snprintf(path, sizeof(path), "/v1/cases%s", query);
	assert_int_equal(http_get(srv.url, path, token, &r), 0);
	assert_int_equal(r.status, status);
	n = json_array_size(json_object_get(r.json, "items"));
	http_reply_release(&r);
	return n;
}

static void test_list(void **state)
{
	struct test_case c;
	struct http_reply r;
	size_t mine, window;

	(void)state;
	mine = list_count(clerk1, "?scope=mine&limit=200", 200);
	window = list_count(clerk1, "?limit=200", 200);
	assert_true(window >= mine);
	assert_int_equal(tc_create(srv.url, clerk1, FOOD, "canteen",
				   "{\"name\":\"独一无二的名字\"}", &c, &r),
			 201);
	http_reply_release(&r);
	assert_int_equal(list_count(clerk1, "?scope=mine&limit=200", 200),
			 mine + 1);
	assert_int_equal(list_count(clerk2, "?limit=200", 200), 0);
	assert_int_equal(list_count(clerk1, "?q=%E7%8B%AC%E4%B8%80", 200), 1);
	assert_int_equal(list_count(reviewer, "?q=%E7%8B%AC%E4%B8%80", 200), 1);
	assert_int_equal(list_count(clerk1, "?status=accepted", 200), 0);
	assert_int_equal(list_count(clerk1, "?scope=all", 403), 0);
	assert_int_equal(list_count(clerk1, "?status=lost", 400), 0);
	assert_int_equal(list_count(clerk1, "?due_before=2026-13-01", 400), 0);
	assert_int_equal(list_count(clerk1, "?limit=0", 400), 0);
	/* Pagination: newest first, a cursor to the rest. */
	assert_int_equal(http_get(srv.url, "/v1/cases?limit=1", clerk1, &r), 0);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	assert_int_equal(
	    json_integer_value(json_object_get(
		json_array_get(json_object_get(r.json, "items"), 0), "id")),
	    c.id);
	assert_true(json_is_string(json_object_get(r.json, "next_cursor")));
	assert_null(json_object_get(
	    json_array_get(json_object_get(r.json, "items"), 0), "checklist"));
	http_reply_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_create),
	    cmocka_unit_test(test_scope),
	    cmocka_unit_test(test_checklist),
	    cmocka_unit_test(test_notice_once_rule),
	    cmocka_unit_test(test_notice_resubmitted),
	    cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
