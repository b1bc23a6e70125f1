/* test_api_case_accept.c - acceptance (R3, R4): normal, tolerant with every
 * refusal reason at once, the commitment and its supplements, a breach
 * through the scheduler blocking the applicant's next tolerant acceptance,
 * completion, withdrawal, the rating once (R5), due dates pending for a
 * year without calendar; against a real wincased over HTTP. Tests run in
 * order: the later ones move the fake clock forward. */
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

#define PASSWORD "demo-password-1"
#define FOOD	 "000131104000" /* tolerant; 5 promised days; commitment 3..5 */
#define SOLE	 "000131101000" /* 个体工商户设立登记: not tolerant */
#define ZHANG                                                                  \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\"}"
#define LI                                                                     \
	"{\"name\":\"李四\",\"id_type\":\"passport\","                       \
	"\"id_no\":\"E12345678\"}"
#define ALL_PROVIDED                                                           \
	"application_form=provided,business_licence=provided,"                 \
	"legal_rep_id=provided,premises_proof=provided,layout_flow=provided,"  \
	"safety_manager_proof=provided,safety_rules=provided"
#define TOLERANT(name)                                                         \
	"{\"mode\":\"tolerant\",\"commitment\":{\"applicant_confirmation\":"   \
	"\"" name "\"}}"

static struct test_server srv;
static char *clerk1, *clerk2, *reviewer;
static struct test_case breach_case; /* tolerant, left to breach */

static const struct test_login logins[] = {{"clerk1", &clerk1},
					   {"clerk2", &clerk2},
					   {"reviewer1", &reviewer},
					   {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

/* Move the fake clock (the scheduler runs at it); sessions last hours,
 * so everyone logs in again. */
static void set_clock(const char *now)
{
	assert_int_equal(http_set_clock(srv.url, now), 200);
	free(clerk1);
	free(clerk2);
	free(reviewer);
	clerk1 = http_login(srv.url, "clerk1", PASSWORD);
	clerk2 = http_login(srv.url, "clerk2", PASSWORD);
	reviewer = http_login(srv.url, "reviewer1", PASSWORD);
	assert_true(clerk1 && clerk2 && reviewer);
}

/* A food case of applicant with the checklist states set. */
static void prepared(struct test_case *c, const char *applicant,
		     const char *states)
{
	struct http_reply r;

	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "canteen", applicant, c, &r), 201);
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk1, c, states, &r), 200);
	http_reply_release(&r);
}

static long accept(struct test_case *c, const char *body, struct http_reply *r)
{
	return tc_change(srv.url, clerk1, c, "POST", "/accept", body, r);
}

static json_int_t integer(const json_t *obj, const char *key)
{
	return json_integer_value(json_object_get(obj, key));
}

/* R3 normal: every material provided or shared; R4 due date from the
 * calendar: 2026-11-02 (Mon) + 5 working days = 2026-11-09. */
static void test_accept_normal(void **state)
{
	struct test_case c;
	struct http_reply r;

	(void)state;
	prepared(&c, ZHANG,
		 ALL_PROVIDED ",legal_rep_id=missing,layout_flow=pending");
	assert_int_equal(accept(&c, "{\"mode\":\"normal\"}", &r), 422);
	assert_string_equal(http_error_code(&r), "checklist_incomplete");
	assert_int_equal(tc_details_count(&r), 2);
	assert_true(tc_details_have(&r, "material_id", "legal_rep_id"));
	assert_true(tc_details_have(&r, "material_id", "layout_flow"));
	http_reply_release(&r);
	assert_int_equal(accept(&c, "{\"mode\":\"quick\"}", &r), 400);
	http_reply_release(&r);
	assert_int_equal(
	    tc_checklist(srv.url, clerk1, &c,
			 "legal_rep_id=shared,layout_flow=provided", &r),
	    200);
	http_reply_release(&r);
	assert_int_equal(accept(&c, "{\"mode\":\"normal\"}", &r), 200);
	assert_string_equal(tj_str(r.json, "status"), "accepted");
	assert_string_equal(tj_str(r.json, "due_date"), "2026-11-09");
	assert_true(json_is_false(json_object_get(r.json, "due_pending")));
	assert_int_equal(integer(r.json, "working_days_left"), 5);
	assert_string_equal(tj_str(r.json, "accepted_at"),
			    "2026-11-02T09:00:00+08:00");
	assert_null(json_object_get(r.json, "commitment"));
	http_reply_release(&r);
	/* Accepted once: a second acceptance is a state conflict. */
	assert_int_equal(accept(&c, "{\"mode\":\"normal\"}", &r), 409);
	assert_string_equal(http_error_code(&r), "invalid_state");
	http_reply_release(&r);
	/* The checklist of an accepted case is closed. */
	assert_int_equal(
	    tc_checklist(srv.url, clerk1, &c, "legal_rep_id=provided", &r),
	    409);
	http_reply_release(&r);
}

/* R3: every failed reason at once, never just the first. */
static void test_tolerant_refusals(void **state)
{
	struct test_case c;
	struct http_reply r;

	(void)state;
	prepared(&c, ZHANG,
		 ALL_PROVIDED ",application_form=missing,"
			      "business_licence=defective:已过期");
	assert_int_equal(accept(&c,
				"{\"mode\":\"tolerant\",\"commitment\":{"
				"\"deadline_days\":9,"
				"\"applicant_confirmation\":\"张四\"}}",
				&r),
			 422);
	assert_string_equal(http_error_code(&r), "not_tolerable");
	assert_true(tc_details_have(&r, "reason", "main_material_open"));
	assert_true(tc_details_have(&r, "reason", "material_not_tolerable"));
	assert_true(tc_details_have(&r, "reason", "deadline_too_long"));
	assert_true(tc_details_have(&r, "reason", "confirmation_mismatch"));
	assert_true(tc_details_have(&r, "material_id", "application_form"));
	assert_true(tc_details_have(&r, "material_id", "business_licence"));
	assert_false(tc_details_have(&r, "reason", "credit_blocked"));
	assert_int_equal(tc_details_count(&r), 4);
	http_reply_release(&r);
	/* Pending materials are refused before anything else. */
	assert_int_equal(
	    tc_checklist(srv.url, clerk1, &c, "safety_rules=pending", &r), 200);
	http_reply_release(&r);
	assert_int_equal(accept(&c, TOLERANT("张三"), &r), 422);
	assert_string_equal(http_error_code(&r), "checklist_unchecked");
	http_reply_release(&r);
	/* Nothing changed: still checking, no commitment. */
	assert_int_equal(tc_get(srv.url, clerk1, &c, &r), 200);
	assert_string_equal(tj_str(r.json, "status"), "checking");
	assert_null(json_object_get(r.json, "commitment"));
	http_reply_release(&r);
	/* deadline_days outside 1..1000: the message names the range. */
	{
		static const char *const days[] = {"0", "1001"};

		for (size_t i = 0; i < 2; i++) {
			char body[160];

			snprintf(body, sizeof(body),
				 "{\"mode\":\"tolerant\",\"commitment\":{"
				 "\"deadline_days\":%s,"
				 "\"applicant_confirmation\":\"张三\"}}",
				 days[i]);
			assert_int_equal(accept(&c, body, &r), 422);
			assert_string_equal(http_error_code(&r),
					    "invalid_field");
			assert_string_equal(http_error_field(&r),
					    "commitment.deadline_days");
			assert_non_null(strstr(
			    tj_str(json_object_get(r.json, "error"), "message"),
			    "1 to 1000"));
			http_reply_release(&r);
		}
	}

	/* An item not on the tolerant list. */
	assert_int_equal(
	    tc_create(srv.url, clerk1, SOLE, "in_person", ZHANG, &c, &r), 201);
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk1, &c,
				      "application_form=provided,"
				      "operator_id=provided,"
				      "premises_proof=missing",
				      &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(accept(&c, TOLERANT("张三"), &r), 422);
	assert_true(tc_details_have(&r, "reason", "item_not_tolerant"));
	assert_true(tc_details_have(&r, "reason", "main_material_open"));
	http_reply_release(&r);
	/* Missing confirmation is malformed. */
	assert_int_equal(accept(&c, "{\"mode\":\"tolerant\"}", &r), 400);
	assert_string_equal(http_error_field(&r), "commitment");
	http_reply_release(&r);
}

/* R3: a tolerant acceptance signs a commitment; supplements per material;
 * fulfilled when none is left. */
static void test_tolerant_commitment(void **state)
{
	struct test_case c;
	struct http_reply r;
	const json_t *cm;

	(void)state;
	prepared(&c, LI, ALL_PROVIDED ",safety_rules=missing");
	assert_int_equal(accept(&c, TOLERANT(" 李四 "), &r), 200);
	assert_string_equal(tj_str(r.json, "status"), "accepted_tolerant");
	assert_string_equal(tj_str(r.json, "due_date"), "2026-11-09");
	cm = json_object_get(r.json, "commitment");
	assert_non_null(cm);
	assert_true(strncmp(tj_str(cm, "no"), "CN-20261102-", 12) == 0);
	assert_string_equal(tj_str(cm, "status"), "open");
	assert_string_equal(tj_str(cm, "due_date"), "2026-11-05");
	assert_int_equal(integer(cm, "deadline_days"), 3);
	assert_int_equal(json_array_size(json_object_get(cm, "materials")), 1);
	assert_true(strlen(tj_str(cm, "text")) > 0);
	assert_true(strlen(tj_str(cm, "signature")) > 0);
	assert_true(strlen(tj_str(cm, "verify_code")) > 0);
	http_reply_release(&r);

	/* Only a material of the commitment; If-Match still applies. */
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/supplements",
				   "{\"material_id\":\"layout_flow\"}", &r),
			 422);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/supplements",
				   "{\"material_id\":\"safety_rules\"}", &r),
			 200);
	assert_string_equal(tc_line_state(r.json, "safety_rules"), "provided");
	cm = json_object_get(r.json, "commitment");
	assert_string_equal(tj_str(cm, "status"), "fulfilled");
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/supplements",
				   "{\"material_id\":\"safety_rules\"}", &r),
			 409);
	assert_string_equal(http_error_code(&r), "no_open_commitment");
	http_reply_release(&r);
	/* The credit record counts it. */
	assert_int_equal(
	    http_get(srv.url,
		     "/v1/applicants/credit?id_type=passport&id_no=E12345678",
		     clerk1, &r),
	    0);
	assert_int_equal(r.status, 200);
	assert_int_equal(integer(r.json, "commitments"), 1);
	assert_int_equal(integer(r.json, "fulfilled"), 1);
	assert_int_equal(integer(r.json, "breached"), 0);
	assert_true(json_is_true(json_object_get(r.json, "eligible")));
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url,
				  "/v1/applicants/credit?id_type=x&id_no=1",
				  clerk1, &r),
			 0);
	assert_int_equal(r.status, 400);
	http_reply_release(&r);

	/* A commitment left open, to breach later. */
	prepared(&breach_case, ZHANG, ALL_PROVIDED ",safety_rules=missing");
	assert_int_equal(accept(&breach_case, TOLERANT("张三"), &r), 200);
	http_reply_release(&r);
}

/* R5: completion from an accepted state, the rating once, 1-2 with
 * reasons and a rectification review item. */
static void test_complete_and_rating(void **state)
{
	struct test_case c;
	struct http_reply r;

	(void)state;
	prepared(&c, ZHANG, ALL_PROVIDED);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/complete",
				   "{\"result\":\"approved\"}", &r),
			 409);
	assert_string_equal(http_error_code(&r), "invalid_state");
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/rating",
				   "{\"level\":5}", &r),
			 409);
	assert_string_equal(http_error_code(&r), "invalid_state");
	http_reply_release(&r);
	assert_int_equal(accept(&c, "{\"mode\":\"normal\"}", &r), 200);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/complete",
				   "{\"result\":\"maybe\"}", &r),
			 400);
	http_reply_release(&r);
	/* R6: a reviewer of the department may complete it. */
	assert_int_equal(
	    tc_change(srv.url, reviewer, &c, "POST", "/complete",
		      "{\"result\":\"approved\",\"note\":\"准予\"}", &r),
	    200);
	assert_string_equal(tj_str(r.json, "status"), "completed");
	assert_string_equal(tj_str(r.json, "result"), "approved");
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/rating",
				   "{\"level\":2}", &r),
			 422);
	assert_string_equal(http_error_field(&r), "reasons");
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/rating",
				   "{\"level\":6}", &r),
			 422);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/rating",
				   "{\"level\":2,\"reasons\":[\"等候时间长\"],"
				   "\"comment\":\"排队一小时\"}",
				   &r),
			 200);
	assert_int_equal(integer(json_object_get(r.json, "rating"), "level"),
			 2);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/rating",
				   "{\"level\":5}", &r),
			 409);
	assert_string_equal(http_error_code(&r), "already_rated");
	http_reply_release(&r);
	/* R5: the rectification waits in the reviewer queue. */
	assert_int_equal(http_get(srv.url,
				  "/v1/review/queue?kind=rectification",
				  reviewer, &r),
			 0);
	assert_int_equal(r.status, 200);
	{
		const json_t *item;
		size_t i;
		bool found = false;

		json_array_foreach(json_object_get(r.json, "items"), i, item)
		    found = found || integer(item, "case_id") == c.id;
		assert_true(found);
	}
	http_reply_release(&r);
}

static void test_withdraw(void **state)
{
	struct test_case c;
	struct http_reply r;

	(void)state;
	prepared(&c, ZHANG, ALL_PROVIDED);
	assert_int_equal(
	    tc_change(srv.url, clerk1, &c, "POST", "/withdraw", "{}", &r), 400);
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/withdraw",
				   "{\"note\":\"申请人撤回\"}", &r),
			 200);
	assert_string_equal(tj_str(r.json, "status"), "withdrawn");
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/withdraw",
				   "{\"note\":\"再次\"}", &r),
			 409);
	http_reply_release(&r);
	/* R6: another window's clerk cannot. */
	prepared(&c, ZHANG, ALL_PROVIDED);
	assert_int_equal(tc_change(srv.url, clerk2, &c, "POST", "/withdraw",
				   "{\"note\":\"不是我的\"}", &r),
			 403);
	http_reply_release(&r);
}

/* R3: the deadline passes (2026-11-05) with safety_rules open: on
 * 2026-11-06 the scheduler breaches the commitment and writes a credit
 * entry, and the applicant's next tolerant acceptance is refused with
 * credit_blocked among every other reason. */
static void test_breach_blocks_credit(void **state)
{
	struct test_case c;
	struct http_reply r;

	(void)state;
	set_clock("2026-11-05T17:00:00+08:00");
	assert_int_equal(tc_get(srv.url, clerk1, &breach_case, &r), 200);
	assert_string_equal(
	    tj_str(json_object_get(r.json, "commitment"), "status"), "open");
	http_reply_release(&r);
	set_clock("2026-11-06T09:00:00+08:00");
	assert_int_equal(tc_get(srv.url, clerk1, &breach_case, &r), 200);
	assert_string_equal(
	    tj_str(json_object_get(r.json, "commitment"), "status"),
	    "breached");
	http_reply_release(&r);
	assert_int_equal(tc_change(srv.url, clerk1, &breach_case, "POST",
				   "/supplements",
				   "{\"material_id\":\"safety_rules\"}", &r),
			 409);
	http_reply_release(&r);
	assert_int_equal(
	    http_get(srv.url,
		     "/v1/applicants/credit?id_type=resident_id&id_no="
		     "11010519491231002X",
		     clerk1, &r),
	    0);
	assert_int_equal(integer(r.json, "breached"), 1);
	assert_true(json_is_false(json_object_get(r.json, "eligible")));
	assert_int_equal(json_array_size(json_object_get(r.json, "entries")),
			 1);
	http_reply_release(&r);

	prepared(&c, ZHANG,
		 ALL_PROVIDED ",application_form=missing,"
			      "business_licence=missing,safety_rules=missing");
	assert_int_equal(accept(&c, TOLERANT("张三"), &r), 422);
	assert_string_equal(http_error_code(&r), "not_tolerable");
	assert_true(tc_details_have(&r, "reason", "main_material_open"));
	assert_true(tc_details_have(&r, "reason", "material_not_tolerable"));
	assert_true(tc_details_have(&r, "reason", "credit_blocked"));
	assert_int_equal(tc_details_count(&r), 3);
	http_reply_release(&r);
	/* Another applicant with the same checklist is not blocked. */
	prepared(&c, LI, ALL_PROVIDED ",safety_rules=missing");
	assert_int_equal(accept(&c, TOLERANT("李四"), &r), 200);
	http_reply_release(&r);
	/* Withdrawn, the case's open commitment is no longer enforced. */
	assert_int_equal(tc_change(srv.url, clerk1, &c, "POST", "/withdraw",
				   "{\"note\":\"申请人撤回\"}", &r),
			 200);
	assert_string_equal(tj_str(r.json, "status"), "withdrawn");
	assert_string_equal(
	    tj_str(json_object_get(r.json, "commitment"), "status"), "waived");
	http_reply_release(&r);
}

/* R4: 2026-12-28 + 5 working days reaches into 2027, whose calendar is
 * not loaded: accepted all the same, due date pending. */
static void test_due_pending(void **state)
{
	struct test_case c;
	struct http_reply r;

	(void)state;
	set_clock("2026-12-28T10:00:00+08:00");
	prepared(&c, ZHANG, ALL_PROVIDED);
	assert_int_equal(accept(&c, "{\"mode\":\"normal\"}", &r), 200);
	assert_string_equal(tj_str(r.json, "status"), "accepted");
	assert_true(json_is_null(json_object_get(r.json, "due_date")));
	assert_true(json_is_true(json_object_get(r.json, "due_pending")));
	assert_null(json_object_get(r.json, "working_days_left"));
	http_reply_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_accept_normal),
	    cmocka_unit_test(test_tolerant_refusals),
	    cmocka_unit_test(test_tolerant_commitment),
	    cmocka_unit_test(test_complete_and_rating),
	    cmocka_unit_test(test_withdraw),
	    cmocka_unit_test(test_breach_blocks_credit),
	    cmocka_unit_test(test_due_pending),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
