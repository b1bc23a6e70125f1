/* test_api_answers.c - every answer wincased produces is JSON: a message
 * quoting user text cut inside a UTF-8 character, a path that is not UTF-8; and
 * an empty checklist change that changes nothing (no new version, no audit
 * entry). */
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

#define FOOD "000131104000"
#define APPLICANT                                                              \
	"{\"name\":\"张三\",\"id_type\":\"resident_id\","                    \
	"\"id_no\":\"11010519491231002X\",\"phone\":\"13800138000\"}"

static struct test_server srv;
static char *clerk1, *admin;

static const struct test_login logins[] = {
    {"clerk1", &clerk1}, {"admin1", &admin}, {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

/* An error answer: JSON with error.code, a body as long as it says. */
static void assert_json_error(const struct http_reply *r, long status,
			      const char *code)
{
	assert_int_equal(r->status, status);
	assert_non_null(r->json);
	assert_true(r->content_length > 0);
	assert_int_equal(r->content_length, (long long)strlen(r->body));
	assert_non_null(strstr(r->content_type, "application/json"));
	assert_string_equal(http_error_code(r), code);
}

/* The scenario id is quoted cut at 64 bytes: 30 three-byte characters
 * are cut inside the 22nd. */
static void test_message_cut_inside_character(void **state)
{
	char body[1024], id[128] = "";
	struct http_reply r;

	(void)state;
	for (int i = 0; i < 30; i++)
		strcat(id, "中");
	snprintf(body, sizeof(body),
		 "{\"item_code\":\"%s\",\"scenario_id\":\"%s\","
		 "\"applicant\":%s}",
		 FOOD, id, APPLICANT);
	assert_int_equal(
	    http_send_json(srv.url, "POST", "/v1/cases", clerk1, body, &r), 0);
	assert_json_error(&r, 422, "invalid_field");
	assert_string_equal(http_error_field(&r), "scenario_id");
	http_reply_release(&r);
}

/* %ff decodes to a byte that is not UTF-8; the 404 still says so. */
static void test_path_not_utf8(void **state)
{
	static const char *const paths[] = {"/v1/items/%ff", "/v1/items/a%c3",
					    "/v1/items/%e4%b8", "/v1/nope/%ff",
					    "/v1/cases/%ff"};
	struct http_reply r;

	(void)state;
	/* Prism answers a path that is not UTF-8 itself, before wincased
	 * sees it: this is about wincased's own answer. */
	if (getenv("WINCASE_TEST_PRISM"))
		skip();
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(http_get(srv.url, paths[i], clerk1, &r), 0);
		assert_json_error(&r, 404, "not_found");
		http_reply_release(&r);
	}
}

static long long audit_count(const char *entity)
{
	char path[128];
	struct http_reply r;
	long long n;

	snprintf(path, sizeof(path), "/v1/audit?entity=%s&limit=200", entity);
	assert_int_equal(http_get(srv.url, path, admin, &r), 0);
	assert_int_equal(r.status, 200);
	n = (long long)json_array_size(json_object_get(r.json, "items"));
	http_reply_release(&r);
	return n;
}

static void test_empty_checklist_keeps_version(void **state)
{
	struct test_case c;
	struct http_reply r;
	char entity[48], etag[64];
	long long entries;

	(void)state;
	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "canteen", APPLICANT, &c, &r),
	    201);
	http_reply_release(&r);
	snprintf(entity, sizeof(entity), "case:%lld", c.id);
	snprintf(etag, sizeof(etag), "%s", c.etag);
	entries = audit_count(entity);
	assert_int_equal(tc_change(srv.url, clerk1, &c, "PUT", "/checklist",
				   "{\"items\":[]}", &r),
			 200);
	assert_int_equal(tj_num(r.json, "version"), 1);
	assert_string_equal(r.etag, etag);
	http_reply_release(&r);
	assert_int_equal(audit_count(entity), entries);
	/* The old If-Match still holds: nothing changed. */
	assert_int_equal(
	    tc_checklist(srv.url, clerk1, &c, "application_form=provided", &r),
	    200);
	assert_int_equal(tj_num(r.json, "version"), 2);
	http_reply_release(&r);
	assert_int_equal(audit_count(entity), entries + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_message_cut_inside_character,
					    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_path_not_utf8, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_empty_checklist_keeps_version,
					    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
