/* test_api_reprint.c - POST /v1/cases/{id}/documents/{no}/reprint (补打,
 * issue 13.2) against a real wincased: the signed text of an issued notice
 * again, the case unchanged, every reprint audited, a repeat with the same
 * Idempotency-Key answered once; unknown numbers, other windows and other
 * roles refused. */
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
#define ONE_MISSING                                                            \
	"application_form=provided,business_licence=provided,"                 \
	"legal_rep_id=provided,premises_proof=provided,layout_flow=provided,"  \
	"safety_manager_proof=missing,safety_rules=provided"

static struct test_server srv;
static char *clerk1, *clerk2, *reviewer;

static const struct test_login logins[] = {{"clerk1", &clerk1},
					   {"clerk2", &clerk2},
					   {"reviewer1", &reviewer},
					   {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

/* A case of clerk1 with one notice; its number into no, its text into
 * text (new string). */
static void case_with_notice(struct test_case *c, char *no, size_t size,
			     char **text)
{
	struct http_reply r;

	assert_int_equal(
	    tc_create(srv.url, clerk1, FOOD, "canteen", APPLICANT, c, &r), 201);
	http_reply_release(&r);
	assert_int_equal(tc_checklist(srv.url, clerk1, c, ONE_MISSING, &r),
			 200);
	http_reply_release(&r);
	assert_int_equal(
	    tc_change(srv.url, clerk1, c, "POST", "/notices", "{}", &r), 201);
	snprintf(no, size, "%s", tj_str(r.json, "no"));
	*text = strdup(tj_str(r.json, "text"));
	http_reply_release(&r);
	assert_true(strncmp(no, "GZ-", 3) == 0);
}

static long reprint(const struct test_case *c, const char *no,
		    const char *token, const char *key, struct http_reply *r)
{
	char path[160];

	snprintf(path, sizeof(path), "/v1/cases/%lld/documents/%s/reprint",
		 c->id, no);
	assert_int_equal(http_do(srv.url,
				 &(struct http_request){.method = "POST",
							.path = path,
							.token = token,
							.idempotency_key = key},
				 r),
			 0);
	return r->status;
}

static size_t reprints_audited(const struct test_case *c)
{
	struct http_reply r;
	char path[96];
	size_t n = 0, i;
	json_t *e;

	snprintf(path, sizeof(path), "/v1/audit?entity=case:%lld&limit=200",
		 c->id);
	assert_int_equal(http_get(srv.url, path, clerk1, &r), 0);
	assert_int_equal(r.status, 200);
	json_array_foreach(json_object_get(r.json, "items"), i, e)
	{
		n += strcmp(tj_str(e, "action"), "document.reprint") == 0;
	}
	http_reply_release(&r);
	return n;
}

static void test_reprint_notice(void **state)
{
	struct test_case c;
	struct http_reply r;
	char no[40], etag[64], *text;

	(void)state;
	case_with_notice(&c, no, sizeof(no), &text);
	snprintf(etag, sizeof(etag), "%s", c.etag);
	assert_int_equal(reprint(&c, no, clerk1, "reprint-1", &r), 200);
	assert_string_equal(tj_str(r.json, "kind"), "notice");
	assert_string_equal(tj_str(r.json, "no"), no);
	assert_string_equal(tj_str(r.json, "text"), text);
	assert_true(strlen(tj_str(r.json, "verify_code")) > 0);
	assert_true(strlen(tj_str(r.json, "issued_at")) > 0);
	assert_true(strlen(tj_str(r.json, "reprinted_at")) > 0);
	http_reply_release(&r);
	assert_int_equal(reprints_audited(&c), 1);
	/* The same intent again is answered once. */
	assert_int_equal(reprint(&c, no, clerk1, "reprint-1", &r), 200);
	assert_true(r.replayed);
	http_reply_release(&r);
	assert_int_equal(reprints_audited(&c), 1);
	/* A second reprint is a second paper, a second entry. */
	assert_int_equal(reprint(&c, no, clerk1, "reprint-2", &r), 200);
	http_reply_release(&r);
	assert_int_equal(reprints_audited(&c), 2);
	/* The case itself did not change. */
	assert_int_equal(tc_get(srv.url, clerk1, &c, &r), 200);
	assert_string_equal(c.etag, etag);
	http_reply_release(&r);
	free(text);
}

static void test_reprint_refused(void **state)
{
	struct test_case c;
	struct http_reply r;
	char no[40], *text;

	(void)state;
	case_with_notice(&c, no, sizeof(no), &text);
	assert_int_equal(reprint(&c, "GZ-20991231-9999", clerk1, "r-a", &r),
			 404);
	assert_string_equal(http_error_code(&r), "not_found");
	http_reply_release(&r);
	/* clerk2 sits at another window (R6). */
	assert_int_equal(reprint(&c, no, clerk2, "r-b", &r), 403);
	http_reply_release(&r);
	assert_int_equal(reprint(&c, no, reviewer, "r-c", &r), 403);
	http_reply_release(&r);
	assert_int_equal(reprint(&c, no, NULL, "r-d", &r), 401);
	http_reply_release(&r);
	c.id = 999999;
	assert_int_equal(reprint(&c, no, clerk1, "r-e", &r), 404);
	http_reply_release(&r);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_reprint_notice),
	    cmocka_unit_test(test_reprint_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
