/* test_api_trust.c - trust rules against a real wincased:
 * the windows a user may sit at (and trainees only on a training server),
 * cases that keep their catalog item through a catalog edit, a calendar
 * change that needs both lists and says how many due dates it moved, and
 * linking a case only to an inquiry the clerk may read. Each test has a
 * server of its own. */
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

#define FOOD_ITEM "000131104000"

static struct test_server srv;
static char *admin, *clerk1, *clerk2;

static const struct test_login logins[] = {
    {"admin1", &admin}, {"clerk1", &clerk1}, {"clerk2", &clerk2}, {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

/* Send; check the status (and the error code when not NULL); the answer
 * (new reference, may be NULL). */
static json_t *call(const char *method, const char *path, const char *token,
		    const char *if_match, const char *body, long status,
		    const char *code)
{
	struct http_request req = {.method = method,
				   .path = path,
				   .token = token,
				   .body = body,
				   .if_match = if_match};
	struct http_reply r;
	json_t *j;

	assert_int_equal(http_do(srv.url, &req, &r), 0);
	if (r.status != status)
		print_message("# %s %s: %ld %s\n", method, path, r.status,
			      r.body);
	assert_int_equal(r.status, status);
	if (code)
		assert_string_equal(http_error_code(&r), code);
	j = json_incref(r.json);
	http_reply_release(&r);
	return j;
}

/* POST /v1/sessions; the status (and the reply in *out when not NULL). */
static long login_at(const char *user, const char *password, const char *window,
		     json_t **out)
{
	json_t *body =
	    json_pack("{s:s, s:s}", "username", user, "password", password);
	struct http_reply r;
	char *text;
	long status;

	if (window)
		json_object_set_new(body, "window", json_string(window));
	text = json_dumps(body, 0);
	assert_int_equal(
	    http_send_json(srv.url, "POST", "/v1/sessions", NULL, text, &r), 0);
	status = r.status;
	if (status >= 400)
		print_message("# login %s at %s: %ld %s\n", user,
			      window ? window : "-", status,
			      http_error_code(&r));
	if (out)
		*out = json_incref(r.json);
	free(text);
	json_decref(body);
	http_reply_release(&r);
	return status;
}

static int run_verb(const char *input, char *out, size_t size,
		    const char *const *args)
{
	char *argv[20] = {getenv("WINCASED_BIN")};
	size_t n = 1;

	argv[n++] = (char *)args[0];
	n += test_server_db_argv(&srv, argv + n);
	for (size_t i = 1; args[i] && n < 19; i++)
		argv[n++] = (char *)args[i];
	argv[n] = NULL;
	return test_run_command(argv, input, out, size);
}

/* Does a list of audit entries hold one of action? */
static bool audit_has(const json_t *list, const char *action)
{
	const json_t *items = json_object_get(list, "items");

	for (size_t i = 0; i < json_array_size(items); i++)
		if (strcmp(tj_str(json_array_get(items, i), "action"),
			   action) == 0)
			return true;
	return false;
}

/* 11.5: the demo clerks' windows, refusals, and an administrator's. */
static void test_login_windows(void **state)
{
	json_t *u;

	(void)state;
	assert_int_equal(login_at("clerk1", TEST_PASSWORD, "2", NULL), 403);
	json_decref(
	    call("POST", "/v1/sessions", NULL, NULL,
		 "{\"username\":\"clerk1\",\"password\":\"" TEST_PASSWORD
		 "\",\"window\":\"2\"}",
		 403, "window_not_allowed"));
	assert_int_equal(login_at("clerk1", TEST_PASSWORD, "1", NULL), 201);
	assert_int_equal(login_at("clerk1", TEST_PASSWORD, "3", NULL), 201);
	assert_int_equal(login_at("clerk2", TEST_PASSWORD, "1", NULL), 403);
	assert_int_equal(login_at("reviewer1", TEST_PASSWORD, "1", NULL), 403);
	assert_int_equal(login_at("reviewer1", TEST_PASSWORD, NULL, NULL), 201);

	u = call("POST", "/v1/users", admin, NULL,
		 "{\"username\":\"clerk9\",\"display_name\":\"周九\","
		 "\"password\":\"long-enough-9\",\"role\":\"clerk\","
		 "\"windows\":[\"4\",\"5\"],\"department\":\"市场监督管理局\"}",
		 201, NULL);
	assert_string_equal(tj_str(u, "window"), "4");
	assert_int_equal(json_array_size(json_object_get(u, "windows")), 2);
	json_decref(u);
	assert_int_equal(login_at("clerk9", "long-enough-9", NULL, &u), 201);
	assert_string_equal(tj_str(json_object_get(u, "user"), "window"), "4");
	json_decref(u);
	assert_int_equal(login_at("clerk9", "long-enough-9", "5", NULL), 201);
	assert_int_equal(login_at("clerk9", "long-enough-9", "6", NULL), 403);

	/* Changed by an administrator, and only by one. */
	json_decref(call("PUT", "/v1/users/clerk9/windows", clerk1, NULL,
			 "{\"windows\":[\"6\"]}", 403, "forbidden"));
	json_decref(call("PUT", "/v1/users/nobody/windows", admin, NULL,
			 "{\"windows\":[\"6\"]}", 404, "not_found"));
	json_decref(call("PUT", "/v1/users/clerk9/windows", admin, NULL,
			 "{\"windows\":[]}", 422, "invalid_field"));
	json_decref(call("PUT", "/v1/users/clerk9/windows", admin, NULL,
			 "{\"windows\":\"6\"}", 400, "bad_request"));
	json_decref(call("PUT", "/v1/users/clerk9/windows", admin, NULL,
			 "{\"windows\":[\"6\",\"6\"]}", 422, "invalid_field"));
	json_decref(call("POST", "/v1/users", admin, NULL,
			 "{\"username\":\"clerk10\",\"display_name\":\"周十\","
			 "\"password\":\"long-enough-9\",\"role\":\"clerk\","
			 "\"window\":\"3\",\"windows\":[\"4\"]}",
			 422, "invalid_field"));
	u = call("PUT", "/v1/users/clerk9/windows", admin, NULL,
		 "{\"windows\":[\"6\",\"7\"],\"window\":\"7\"}", 200, NULL);
	assert_string_equal(tj_str(u, "window"), "7");
	json_decref(u);
	assert_int_equal(login_at("clerk9", "long-enough-9", "6", NULL), 201);
	assert_int_equal(login_at("clerk9", "long-enough-9", "4", NULL), 403);
	u = call("GET", "/v1/audit?entity=user:clerk9", admin, NULL, NULL, 200,
		 NULL);
	assert_true(audit_has(u, "user.windows"));
	json_decref(u);
}

/* 11.5: `wincased user-add --windows` and `user-windows`. */
static void test_cli_windows(void **state)
{
	char out[1024];

	(void)state;
	assert_int_equal(
	    run_verb("cli-password-1\n", out, sizeof(out),
		     (const char *const[]){
			 "user-add", "--username=clerk8", "--display-name=周八",
			 "--role=clerk", "--windows=8,9", NULL}),
	    0);
	assert_int_equal(login_at("clerk8", "cli-password-1", "9", NULL), 201);
	assert_int_equal(login_at("clerk8", "cli-password-1", "1", NULL), 403);
	assert_int_equal(
	    run_verb(NULL, out, sizeof(out),
		     (const char *const[]){"user-windows", "--username=clerk8",
					   "--windows=1", NULL}),
	    0);
	assert_int_equal(login_at("clerk8", "cli-password-1", "1", NULL), 201);
	assert_int_equal(login_at("clerk8", "cli-password-1", "9", NULL), 403);
	assert_int_equal(
	    run_verb(NULL, out, sizeof(out),
		     (const char *const[]){"user-windows", "--username=nobody",
					   "--windows=1", NULL}),
	    1);
}

/* 11.5: a trainee signs in on a training server only. */
static void test_trainee_production(void **state)
{
	(void)state;
	json_decref(call("POST", "/v1/users", admin, NULL,
			 "{\"username\":\"trainee7\",\"display_name\":\"学员\","
			 "\"password\":\"trainee-password-7\","
			 "\"role\":\"trainee\",\"window\":\"9\"}",
			 201, NULL));
	json_decref(call("POST", "/v1/sessions", NULL, NULL,
			 "{\"username\":\"trainee7\",\"password\":"
			 "\"trainee-password-7\"}",
			 403, "training_only"));
}

/* A case of the food item with every line provided and accepted
 * normally; its answer after acceptance. */
static json_t *accepted_case(const char *token)
{
	json_t *c, *lines, *items = json_array(), *body;
	char path[96], *text;
	long long id;

	c = call("POST", "/v1/cases", token, NULL,
		 "{\"item_code\":\"" FOOD_ITEM "\",\"scenario_id\":"
		 "\"food_sales\",\"applicant\":{\"name\":\"张三\"}}",
		 201, NULL);
	id = tj_num(c, "id");
	lines = json_object_get(c, "checklist");
	for (size_t i = 0; i < json_array_size(lines); i++)
		json_array_append_new(
		    items,
		    json_pack("{s:s, s:s}", "material_id",
			      tj_str(json_array_get(lines, i), "material_id"),
			      "state", "provided"));
	body = json_pack("{s:o}", "items", items);
	text = json_dumps(body, 0);
	snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", id);
	json_decref(call("PUT", path, token, "\"1\"", text, 200, NULL));
	snprintf(path, sizeof(path), "/v1/cases/%lld/accept", id);
	free(text);
	json_decref(body);
	json_decref(c);
	return call("POST", path, token, "\"2\"", "{\"mode\":\"normal\"}", 200,
		    NULL);
}

static bool has_line(const json_t *kase, const char *material_id)
{
	const json_t *lines = json_object_get(kase, "checklist");

	for (size_t i = 0; i < json_array_size(lines); i++)
		if (strcmp(tj_str(json_array_get(lines, i), "material_id"),
			   material_id) == 0)
			return true;
	return false;
}

/* The food item without equipment_list (a material of every scenario),
 * with 10 promised working days instead of 5 and a new legal basis. */
static void edit_food_item(void)
{
	json_t *item =
	    call("GET", "/v1/items/" FOOD_ITEM, clerk1, NULL, NULL, 200, NULL);
	json_t *materials = json_object_get(item, "materials");
	json_t *scenarios = json_object_get(item, "scenarios"), *sc;
	size_t i, k;
	char *text;

	for (i = 0; i < json_array_size(materials); i++)
		if (strcmp(tj_str(json_array_get(materials, i), "id"),
			   "equipment_list") == 0)
			json_array_remove(materials, i--);
	json_array_foreach(scenarios, k, sc)
	{
		json_t *ids = json_object_get(sc, "materials");

		for (i = 0; i < json_array_size(ids); i++)
			if (strcmp(json_string_value(json_array_get(ids, i)),
				   "equipment_list") == 0)
				json_array_remove(ids, i--);
	}
	json_object_set_new(item, "promised_days", json_integer(10));
	json_object_set_new(item, "legal_basis", json_string("新的设定依据"));
	text = json_dumps(item, JSON_COMPACT);
	json_decref(
	    call("PUT", "/v1/items/" FOOD_ITEM, admin, NULL, text, 200, NULL));
	free(text);
	json_decref(item);
}

/* 11.6: an existing case keeps the item it was created with. */
static void test_catalog_edit_keeps_cases(void **state)
{
	json_t *c, *list, *fresh;
	char path[96];
	long long id;

	(void)state;
	c = call("POST", "/v1/cases", clerk1, NULL,
		 "{\"item_code\":\"" FOOD_ITEM "\",\"scenario_id\":"
		 "\"food_sales\",\"applicant\":{\"name\":\"李四\"}}",
		 201, NULL);
	id = tj_num(c, "id");
	json_decref(c);
	edit_food_item();

	/* Readable and workable, with its own materials and time limit. */
	snprintf(path, sizeof(path), "/v1/cases/%lld", id);
	c = call("GET", path, clerk1, NULL, NULL, 200, NULL);
	assert_true(has_line(c, "equipment_list"));
	json_decref(c);
	snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", id);
	json_decref(call("PUT", path, clerk1, "\"1\"",
			 "{\"items\":[{\"material_id\":\"equipment_list\","
			 "\"state\":\"provided\"}]}",
			 200, NULL));
	list = call("GET", "/v1/cases?scope=window", clerk1, NULL, NULL, 200,
		    NULL);
	assert_int_equal(json_array_size(json_object_get(list, "items")), 1);
	json_decref(list);

	/* A new case has the new version: no equipment_list, 10 days
	 * (Monday 2026-11-02 + 10 working days). */
	fresh = accepted_case(clerk1);
	assert_false(has_line(fresh, "equipment_list"));
	assert_string_equal(tj_str(fresh, "due_date"), "2026-11-16");
	json_decref(fresh);
}

/* 11.6: accepted under the old version, the old time limit holds. */
static void test_catalog_edit_old_limits(void **state)
{
	json_t *before = accepted_case(clerk1), *after;
	char path[96];

	(void)state;
	assert_string_equal(tj_str(before, "due_date"), "2026-11-09");
	edit_food_item();
	snprintf(path, sizeof(path), "/v1/cases/%lld", tj_num(before, "id"));
	after = call("GET", path, clerk1, NULL, NULL, 200, NULL);
	assert_string_equal(tj_str(after, "due_date"), "2026-11-09");
	assert_true(has_line(after, "equipment_list"));
	json_decref(after);
	json_decref(before);
}

/* 11.6: a notice of an old case lists its own materials and quotes the
 * item it was made under. */
static void test_catalog_edit_old_documents(void **state)
{
	json_t *c, *doc;
	char path[96];
	long long id;

	(void)state;
	c = call("POST", "/v1/cases", clerk1, NULL,
		 "{\"item_code\":\"" FOOD_ITEM "\",\"scenario_id\":"
		 "\"food_sales\",\"applicant\":{\"name\":\"李四\"}}",
		 201, NULL);
	id = tj_num(c, "id");
	json_decref(c);
	snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", id);
	json_decref(call(
	    "PUT", path, clerk1, "\"1\"",
	    "{\"items\":[{\"material_id\":\"application_form\",\"state\":"
	    "\"provided\"},{\"material_id\":\"business_licence\",\"state\":"
	    "\"provided\"},{\"material_id\":\"legal_rep_id\",\"state\":"
	    "\"provided\"},{\"material_id\":\"premises_proof\",\"state\":"
	    "\"provided\"},{\"material_id\":\"layout_flow\",\"state\":"
	    "\"provided\"},{\"material_id\":\"safety_manager_proof\","
	    "\"state\":\"provided\"},{\"material_id\":\"equipment_list\","
	    "\"state\":\"missing\"},{\"material_id\":\"safety_rules\","
	    "\"state\":\"provided\"}]}",
	    200, NULL));
	edit_food_item();
	snprintf(path, sizeof(path), "/v1/cases/%lld/notices", id);
	doc = call("POST", path, clerk1, "\"2\"", "{}", 201, NULL);
	assert_non_null(strstr(tj_str(doc, "text"), "主要设备设施清单"));
	assert_non_null(
	    strstr(tj_str(doc, "text"), "中华人民共和国食品安全法"));
	assert_null(strstr(tj_str(doc, "text"), "新的设定依据"));
	json_decref(doc);
}

/* 11.7: {} (or one list) does not wipe a year. */
static void test_calendar_needs_both_lists(void **state)
{
	json_t *year;

	(void)state;
	json_decref(call("PUT", "/v1/calendar/2026", admin, NULL, "{}", 400,
			 "bad_request"));
	json_decref(call("PUT", "/v1/calendar/2026", admin, NULL,
			 "{\"holidays\":[\"2026-01-01\"]}", 400,
			 "bad_request"));
	json_decref(call("PUT", "/v1/calendar/2026", admin, NULL,
			 "{\"workdays\":[]}", 400, "bad_request"));
	year = call("GET", "/v1/calendar/2026", clerk1, NULL, NULL, 200, NULL);
	assert_int_equal(json_array_size(json_object_get(year, "holidays")),
			 33);
	assert_int_equal(json_array_size(json_object_get(year, "workdays")), 6);
	json_decref(year);
}

/* 11.7: a change says how many open cases' due dates it moved, and each
 * move is audited on the case and counted in the calendar's entry. */
static void test_calendar_moves_due_dates(void **state)
{
	json_t *kase = accepted_case(clerk1), *year, *answer, *audit;
	char path[96], *text;

	(void)state;
	assert_string_equal(tj_str(kase, "due_date"), "2026-11-09");
	/* The same year again moves nothing. */
	year = call("GET", "/v1/calendar/2026", clerk1, NULL, NULL, 200, NULL);
	text = json_dumps(year, JSON_COMPACT);
	answer = call("PUT", "/v1/calendar/2026", admin, NULL, text, 200, NULL);
	assert_int_equal(tj_num(answer, "due_dates_moved"), 0);
	json_decref(answer);
	free(text);
	/* Wednesday 4 November a holiday: due one working day later. */
	json_array_append_new(json_object_get(year, "holidays"),
			      json_string("2026-11-04"));
	text = json_dumps(year, JSON_COMPACT);
	answer = call("PUT", "/v1/calendar/2026", admin, NULL, text, 200, NULL);
	assert_int_equal(tj_num(answer, "due_dates_moved"), 1);
	json_decref(answer);
	free(text);
	snprintf(path, sizeof(path), "/v1/cases/%lld", tj_num(kase, "id"));
	json_decref(kase);
	kase = call("GET", path, clerk1, NULL, NULL, 200, NULL);
	assert_string_equal(tj_str(kase, "due_date"), "2026-11-10");
	snprintf(path, sizeof(path), "/v1/audit?entity=case:%lld",
		 tj_num(kase, "id"));
	audit = call("GET", path, admin, NULL, NULL, 200, NULL);
	assert_true(audit_has(audit, "case.due_moved"));
	json_decref(audit);
	audit = call("GET", "/v1/audit?entity=calendar:2026", admin, NULL, NULL,
		     200, NULL);
	{
		const json_t *items = json_object_get(audit, "items");
		const json_t *last =
		    json_array_get(items, json_array_size(items) - 1);

		assert_int_equal(
		    tj_num(json_object_get(last, "data"), "due_dates_moved"),
		    1);
	}
	json_decref(audit);
	json_decref(kase);
	json_decref(year);
}

/* The id of a new inquiry by token. */
static long long new_inquiry(const char *token)
{
	json_t *o = call("POST", "/v1/inquiries", token, NULL,
			 "{\"applicant\":{\"name\":\"赵六\"},\"topic\":"
			 "\"咨询\"}",
			 201, NULL);
	long long id = tj_num(o, "id");

	json_decref(o);
	return id;
}

/* POST /v1/cases linked to inquiry id by token; the answer. */
static json_t *link_case(const char *token, long long id, long status)
{
	char body[256];

	snprintf(body, sizeof(body),
		 "{\"item_code\":\"" FOOD_ITEM "\",\"scenario_id\":"
		 "\"food_sales\",\"applicant\":{\"name\":\"赵六\"},"
		 "\"inquiry_id\":%lld}",
		 id);
	return call("POST", "/v1/cases", token, NULL, body, status, NULL);
}

/* 11.8: only an inquiry the clerk may read, and the answer for another
 * window's is the answer for one that does not exist. */
static void test_inquiry_link_visibility(void **state)
{
	long long theirs = new_inquiry(clerk2), mine = new_inquiry(clerk1);
	long long handed = new_inquiry(clerk2);
	json_t *a, *b;
	char path[96];

	(void)state;
	a = link_case(clerk1, theirs, 422);
	b = link_case(clerk1, 999999, 422);
	assert_string_equal(tj_str(json_object_get(a, "error"), "code"),
			    tj_str(json_object_get(b, "error"), "code"));
	assert_string_equal(tj_str(json_object_get(a, "error"), "field"),
			    tj_str(json_object_get(b, "error"), "field"));
	assert_string_equal(tj_str(json_object_get(a, "error"), "field"),
			    "inquiry_id");
	json_decref(a);
	json_decref(b);
	json_decref(link_case(clerk1, mine, 201));
	/* Handed to window 1: clerk1 reads it, so may link it. */
	snprintf(path, sizeof(path), "/v1/inquiries/%lld/handoffs", handed);
	json_decref(call("POST", path, clerk2, "\"1\"",
			 "{\"to_window\":\"1\",\"reason\":\"一号窗口办理\"}",
			 200, NULL));
	json_decref(link_case(clerk1, handed, 201));
	/* Reviewers and admins read every inquiry, but do not create cases
	 * (R6); clerk2 links its own. */
	json_decref(link_case(clerk2, theirs, 201));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_login_windows, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_cli_windows, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_trainee_production, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_catalog_edit_keeps_cases,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_catalog_edit_old_limits, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_catalog_edit_old_documents,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_calendar_needs_both_lists,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_calendar_moves_due_dates,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_inquiry_link_visibility, setup,
					    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
