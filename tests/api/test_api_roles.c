/* test_api_roles.c - the role matrix (R6): every endpoint of API.md called
 * as a clerk of the object's window, a clerk of another window (and
 * department), a reviewer of the department, an administrator, a trainee
 * and without a token, against the expected status. A change to an
 * inquiry or case is sent without If-Match by a caller who may make it, who
 * gets 428 and changes nothing; a caller who may not make it sends the
 * object's current version and still gets 403 (a refusal, not a missing
 * precondition). Every mismatch is listed before the test fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../support/http.h"
#include "../support/server.h"

#define PASSWORD "demo-password-1"
#define VALID_ID "11010519491231002X"

enum caller { CLERK, OTHER_CLERK, REVIEWER, ADMIN, TRAINEE, NONE, N_CALLERS };

static const char *const caller_names[N_CALLERS] = {
    "clerk", "other_clerk", "reviewer", "admin", "trainee", "none",
};

static const char *const usernames[N_CALLERS] = {
    "clerk1", "clerk2", "reviewer1", "admin1", "trainee1", NULL,
};

struct matrix_row {
	const char *method;
	/* {inq}: clerk1's inquiry; {handed}/{hid}: clerk1's inquiry handed
	 * to window 2 and its handoff; {case}: clerk1's case; {review}: a
	 * pending review item of 市场监督管理局. */
	const char *path;
	const char *body;
	/* The versioned inquiry or case the call changes, or NULL. */
	const char *object;
	long expect[N_CALLERS];
	bool fresh_token; /* the call ends the session: log in just for it */
};

/* clang-format off */
#define EXPECT(c, o, r, a, t, n) {c, o, r, a, t, n}
#define ALL(s)                   {s, s, s, s, s, s}
#define AUTHED(s)                {s, s, s, s, s, 401}
#define ADMIN_ONLY(s)            {403, 403, 403, s, 403, 401}
#define BACK_OFFICE(s)           {403, 403, s, s, 403, 401}
/* clang-format on */

static const struct matrix_row rows[] = {
    {"GET", "/v1/health", NULL, NULL, ALL(200), false},
    {"POST", "/v1/sessions", "{}", NULL, ALL(400), false},
    {"GET", "/v1/me", NULL, NULL, AUTHED(200), false},
    {"GET", "/v1/items?q=食品", NULL, NULL, AUTHED(200), false},
    {"GET", "/v1/items/000131104000", NULL, NULL, AUTHED(200), false},
    {"PUT", "/v1/items/000131104000", "{\"code\":1}", NULL, ADMIN_ONLY(422),
     false},
    {"GET", "/v1/calendar/2026", NULL, NULL, AUTHED(200), false},
    {"PUT", "/v1/calendar/2027", "{\"year\":2027,\"holidays\":\"x\"}", NULL,
     ADMIN_ONLY(422), false},
    {"GET", "/v1/calendar/due?from=2026-11-02&days=3", NULL, NULL, AUTHED(200),
     false},
    {"POST", "/v1/inquiries",
     "{\"applicant\":{\"name\":\"王五\"},\"topic\":\"矩阵\"}", NULL,
     AUTHED(201), false},
    {"GET", "/v1/inquiries", NULL, NULL, AUTHED(200), false},
    {"GET", "/v1/inquiries?scope=window", NULL, NULL, AUTHED(200), false},
    {"GET", "/v1/inquiries?scope=all", NULL, NULL, BACK_OFFICE(200), false},
    {"GET", "/v1/inquiries/{inq}", NULL, NULL,
     EXPECT(200, 403, 200, 200, 403, 401), false},
    {"POST", "/v1/inquiries/{inq}/handoffs",
     "{\"to_window\":\"2\",\"reason\":\"矩阵\"}", "/v1/inquiries/{inq}",
     EXPECT(428, 403, 403, 403, 403, 401), false},
    {"POST", "/v1/inquiries/{handed}/handoffs/{hid}/ack", "{}",
     "/v1/inquiries/{handed}", EXPECT(403, 428, 403, 403, 403, 401), false},
    {"POST", "/v1/inquiries/{inq}/close",
     "{\"resolution\":\"answered\",\"note\":\"矩阵\"}", "/v1/inquiries/{inq}",
     EXPECT(428, 403, 403, 403, 403, 401), false},
    {"POST", "/v1/cases",
     "{\"item_code\":\"000131104000\",\"scenario_id\":\"food_sales\","
     "\"applicant\":{\"name\":\"张三\"}}",
     NULL, EXPECT(201, 201, 403, 403, 201, 401), false},
    {"GET", "/v1/cases", NULL, NULL, AUTHED(200), false},
    {"GET", "/v1/cases/{case}", NULL, NULL,
     EXPECT(200, 403, 200, 200, 403, 401), false},
    {"PUT", "/v1/cases/{case}/checklist",
     "{\"items\":[{\"material_id\":\"application_form\","
     "\"state\":\"provided\"}]}",
     "/v1/cases/{case}", EXPECT(428, 403, 403, 403, 403, 401), false},
    {"POST", "/v1/cases/{case}/notices", "{}", "/v1/cases/{case}",
     EXPECT(428, 403, 403, 403, 403, 401), false},
    {"POST", "/v1/cases/{case}/accept", "{\"mode\":\"normal\"}",
     "/v1/cases/{case}", EXPECT(428, 403, 403, 403, 403, 401), false},
    {"POST", "/v1/cases/{case}/supplements",
     "{\"material_id\":\"application_form\"}", "/v1/cases/{case}",
     EXPECT(428, 403, 403, 403, 403, 401), false},
    {"POST", "/v1/cases/{case}/complete",
     "{\"result\":\"approved\",\"note\":\"矩阵\"}", "/v1/cases/{case}",
     EXPECT(428, 403, 428, 403, 403, 401), false},
    {"POST", "/v1/cases/{case}/withdraw", "{\"note\":\"矩阵\"}",
     "/v1/cases/{case}", EXPECT(428, 403, 428, 403, 403, 401), false},
    {"POST", "/v1/cases/{case}/rating", "{\"level\":5}", "/v1/cases/{case}",
     EXPECT(428, 403, 403, 403, 403, 401), false},
    {"GET", "/v1/documents/verify?code=ABCD-EFGH-JK", NULL, NULL, ALL(200),
     false},
    {"GET", "/v1/applicants/credit?id_type=resident_id&id_no=" VALID_ID, NULL,
     NULL, AUTHED(200), false},
    {"GET", "/v1/review/queue", NULL, NULL, BACK_OFFICE(200), false},
    {"POST", "/v1/review/{review}/decision", "{\"decision\":\"maybe\"}", NULL,
     EXPECT(403, 403, 400, 403, 403, 401), false},
    {"GET", "/v1/audit?entity=inquiry:{inq}", NULL, NULL,
     EXPECT(403, 403, 200, 200, 403, 401), false},
    {"GET", "/v1/audit/verify", NULL, NULL, BACK_OFFICE(200), false},
    {"GET", "/v1/stats", NULL, NULL, BACK_OFFICE(200), false},
    {"POST", "/v1/users", "{\"username\":\"x\"}", NULL, ADMIN_ONLY(400), false},
    {"PUT", "/v1/admin/clock", "{\"now\":\"2026-11-02T10:30:00+08:00\"}", NULL,
     ADMIN_ONLY(200), false},
    {"DELETE", "/v1/sessions/current", NULL, NULL, AUTHED(204), true},
};

static struct test_server srv;
static char *tokens[N_CALLERS];
static char ids[5][24]; /* inq, handed, hid, case, review */
static const char *const placeholders[5] = {"{inq}", "{handed}", "{hid}",
					    "{case}", "{review}"};

static json_t *send_ok(const char *token, const char *method, const char *path,
		       const char *body, const char *if_match, long want)
{
	struct http_request req = {.method = method,
				   .path = path,
				   .token = token,
				   .body = body,
				   .if_match = if_match};
	struct http_reply r;
	json_t *out;

	assert_int_equal(http_do(srv.url, &req, &r), 0);
	if (r.status != want)
		fail_msg("%s %s: %ld %s", method, path, r.status, r.body);
	out = json_incref(r.json);
	http_reply_release(&r);
	return out;
}

/* The objects the matrix calls on, and a trainee user. */
static void make_objects(void)
{
	char path[96];
	json_t *o, *q;

	json_decref(send_ok(tokens[ADMIN], "POST", "/v1/users",
			    "{\"username\":\"trainee1\",\"display_name\":"
			    "\"实习生\",\"password\":\"trainee-password-1\","
			    "\"role\":\"trainee\",\"window\":\"9\","
			    "\"department\":\"市场监督管理局\"}",
			    NULL, 201));
	/* A trainee signs in on a training server only, so on
	 * this (production) server the trainee column cannot be called: its
	 * login is refused (test_api_trust checks the answer). */
	tokens[TRAINEE] = http_login(srv.url, "trainee1", "trainee-password-1");
	assert_null(tokens[TRAINEE]);
	o = send_ok(tokens[CLERK], "POST", "/v1/inquiries",
		    "{\"applicant\":{\"name\":\"赵六\"},\"topic\":\"矩阵\"}",
		    NULL, 201);
	snprintf(ids[0], sizeof(ids[0]), "%lld", tj_num(o, "id"));
	json_decref(o);
	o = send_ok(tokens[CLERK], "POST", "/v1/inquiries",
		    "{\"applicant\":{\"name\":\"孙七\"},\"topic\":\"转办\"}",
		    NULL, 201);
	snprintf(ids[1], sizeof(ids[1]), "%lld", tj_num(o, "id"));
	json_decref(o);
	snprintf(path, sizeof(path), "/v1/inquiries/%s/handoffs", ids[1]);
	o = send_ok(tokens[CLERK], "POST", path,
		    "{\"to_window\":\"2\",\"reason\":\"二号窗口\"}", "\"1\"",
		    200);
	snprintf(
	    ids[2], sizeof(ids[2]), "%lld",
	    tj_num(json_array_get(json_object_get(o, "handoffs"), 0), "id"));
	json_decref(o);
	o = send_ok(tokens[CLERK], "POST", "/v1/cases",
		    "{\"item_code\":\"000131104000\",\"scenario_id\":"
		    "\"food_sales\",\"applicant\":{\"name\":\"张三\"}}",
		    NULL, 201);
	snprintf(ids[3], sizeof(ids[3]), "%lld", tj_num(o, "id"));
	json_decref(o);
	/* One working hour later the handoff is bounced: a review item. */
	json_decref(send_ok(tokens[ADMIN], "PUT", "/v1/admin/clock",
			    "{\"now\":\"2026-11-02T10:00:00+08:00\"}", NULL,
			    200));
	q = send_ok(tokens[REVIEWER], "GET", "/v1/review/queue?kind=bounced",
		    NULL, NULL, 200);
	assert_int_equal(json_array_size(json_object_get(q, "items")), 1);
	snprintf(ids[4], sizeof(ids[4]), "%lld",
		 tj_num(json_array_get(json_object_get(q, "items"), 0), "id"));
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(q, "items"), 0),
		   "department"),
	    "市场监督管理局");
	json_decref(q);
}

static int setup(void **state)
{
	(void)state;
	if (test_server_start(&srv, true) < 0)
		return -1;
	for (int c = 0; c < N_CALLERS; c++)
		if (usernames[c] && c != TRAINEE &&
		    !(tokens[c] = http_login(srv.url, usernames[c], PASSWORD)))
			return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (int c = 0; c < N_CALLERS; c++) {
		free(tokens[c]);
		tokens[c] = NULL;
	}
	return test_server_stop(&srv) == 0 ? 0 : -1;
}

/* The path with its placeholders replaced by the objects' ids. */
static void expand(const char *pattern, char *out, size_t size)
{
	size_t used = 0;

	while (*pattern && used + 1 < size) {
		bool done = false;

		for (int k = 0; k < 5 && !done; k++) {
			size_t len = strlen(placeholders[k]);

			if (strncmp(pattern, placeholders[k], len) == 0) {
				used += (size_t)snprintf(
				    out + used, size - used, "%s", ids[k]);
				pattern += len;
				done = true;
			}
		}
		if (!done)
			out[used++] = *pattern++;
	}
	out[used < size ? used : size - 1] = '\0';
}

/* The current version of object (read as admin) as an If-Match value. */
static void current_version(const char *object, char *out, size_t size)
{
	char path[128];
	json_t *o;

	expand(object, path, sizeof(path));
	o = send_ok(tokens[ADMIN], "GET", path, NULL, NULL, 200);
	snprintf(out, size, "\"%lld\"", tj_num(o, "version"));
	json_decref(o);
}

static long matrix_call(const struct matrix_row *row, enum caller c,
			char code[48])
{
	char path[256], if_match[32] = "", *token = tokens[c];
	struct http_request req = {.method = row->method, .body = row->body};
	struct http_reply r;
	long status;

	expand(row->path, path, sizeof(path));
	req.path = path;
	if (row->object && row->expect[c] == 403)
		current_version(row->object, if_match, sizeof(if_match));
	req.if_match = if_match[0] ? if_match : NULL;
	if (row->fresh_token && c != NONE)
		token =
		    http_login(srv.url, usernames[c],
			       c == TRAINEE ? "trainee-password-1" : PASSWORD);
	req.token = c == NONE ? NULL : token;
	assert_int_equal(http_do(srv.url, &req, &r), 0);
	status = r.status;
	snprintf(code, 48, "%s", http_error_code(&r));
	http_reply_release(&r);
	if (token != tokens[c])
		free(token);
	return status;
}

static void test_role_matrix(void **state)
{
	size_t n = sizeof(rows) / sizeof(rows[0]);
	int mismatches = 0, calls = 0;
	char code[48];

	(void)state;
	make_objects();
	for (size_t i = 0; i < n; i++) {
		for (int c = 0; c < N_CALLERS; c++) {
			long got;

			if (c == TRAINEE)
				continue; /* no session on production */
			got = matrix_call(&rows[i], (enum caller)c, code);

			calls++;
			if (got == rows[i].expect[c])
				continue;
			mismatches++;
			print_message("# %s %s as %s: got %ld (%s), want %ld\n",
				      rows[i].method, rows[i].path,
				      caller_names[c], got, code,
				      rows[i].expect[c]);
		}
	}
	print_message("# %zu endpoints x %d callers = %d calls\n", n, N_CALLERS,
		      calls);
	assert_int_equal(mismatches, 0);
}

/* An unknown or ended token is 401 on every authenticated endpoint. */
static void test_bad_tokens(void **state)
{
	size_t n = sizeof(rows) / sizeof(rows[0]);
	char path[256];

	(void)state;
	for (size_t i = 0; i < n; i++) {
		struct http_request req = {.method = rows[i].method,
					   .path = path,
					   .body = rows[i].body,
					   .token = "not-a-real-token"};
		struct http_reply r;

		if (rows[i].expect[NONE] != 401)
			continue;
		expand(rows[i].path, path, sizeof(path));
		assert_int_equal(http_do(srv.url, &req, &r), 0);
		if (r.status != 401)
			fail_msg("%s %s: %ld", rows[i].method, path, r.status);
		assert_string_equal(http_error_code(&r), "unauthenticated");
		http_reply_release(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_role_matrix),
	    cmocka_unit_test(test_bad_tokens),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
