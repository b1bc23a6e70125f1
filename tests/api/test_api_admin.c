/* test_api_admin.c - what administrators change (R6): users, catalog
 * items, calendar years, over HTTP and through the command-line verbs
 * (`wincased user-add`, `import-catalog`, `import-calendar`, `backup`),
 * against a real wincased. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "../support/command.h"
#include "../support/http.h"
#include "../support/logins.h"
#include "../support/server.h"

#define PASSWORD  "demo-password-1"
#define FOOD_ITEM "000131104000"

static struct test_server srv;
static char *admin, *clerk, *reviewer;

static const struct test_login logins[] = {{"admin1", &admin},
					   {"clerk1", &clerk},
					   {"reviewer1", &reviewer},
					   {NULL, NULL}};

TEST_LOGIN_FIXTURE(srv, logins)

/* Send and check status (and error code when not NULL). */
static void expect(const char *method, const char *path, const char *token,
		   const char *body, long status, const char *code)
{
	struct http_reply r;

	assert_int_equal(http_send_json(srv.url, method, path, token, body, &r),
			 0);
	if (r.status != status)
		print_message("# %s %s: %ld %s\n", method, path, r.status,
			      r.body);
	assert_int_equal(r.status, status);
	if (code)
		assert_string_equal(http_error_code(&r), code);
	http_reply_release(&r);
}

static int run_verb(const char *input, char *out, size_t size, const char *verb,
		    const char *a1, const char *a2, const char *a3,
		    const char *a4)
{
	char *argv[16] = {getenv("WINCASED_BIN"), (char *)verb};
	const char *rest[] = {a1, a2, a3, a4};
	size_t n = 2 + test_server_db_argv(&srv, argv + 2);

	for (size_t i = 0; i < 4 && rest[i]; i++)
		argv[n++] = (char *)rest[i];
	argv[n] = NULL;
	return test_run_command(argv, input, out, size);
}

static void test_user_create(void **state)
{
	struct http_reply r;
	char *token;

	(void)state;
	assert_int_equal(
	    http_send_json(
		srv.url, "POST", "/v1/users", admin,
		"{\"username\":\"clerk9\",\"display_name\":\"钱九\","
		"\"password\":\"long-enough-9\",\"role\":\"clerk\","
		"\"window\":\"9\",\"department\":\"市场监督管理局\"}",
		&r),
	    0);
	assert_int_equal(r.status, 201);
	assert_string_equal(tj_str(r.json, "username"), "clerk9");
	assert_string_equal(tj_str(r.json, "display_name"), "钱九");
	assert_string_equal(tj_str(r.json, "role"), "clerk");
	assert_string_equal(tj_str(r.json, "window"), "9");
	assert_null(strstr(r.body, "long-enough-9"));
	assert_null(json_object_get(r.json, "password"));
	http_reply_release(&r);
	token = http_login(srv.url, "clerk9", "long-enough-9");
	assert_non_null(token);
	assert_int_equal(http_get(srv.url, "/v1/me", token, &r), 0);
	assert_string_equal(tj_str(r.json, "window"), "9");
	http_reply_release(&r);
	free(token);
	/* Ten Chinese characters are ten characters. */
	expect("POST", "/v1/users", admin,
	       "{\"username\":\"rev9\",\"display_name\":\"孙审\","
	       "\"password\":\"一二三四五六七八九十\",\"role\":\"reviewer\","
	       "\"department\":\"住房和城乡建设局\"}",
	       201, NULL);
	token = http_login(srv.url, "rev9", "一二三四五六七八九十");
	assert_non_null(token);
	free(token);
}

static void test_user_refusals(void **state)
{
	static const struct {
		const char *body;
		long status;
		const char *code;
	} cases[] = {
	    /* The same username again. */
	    {"{\"username\":\"clerk1\",\"display_name\":\"x\",\"password\":"
	     "\"long-enough-1\",\"role\":\"clerk\",\"window\":\"1\"}",
	     409, "user_exists"},
	    /* Nine characters. */
	    {"{\"username\":\"u1\",\"display_name\":\"x\",\"password\":"
	     "\"123456789\",\"role\":\"admin\"}",
	     422, "invalid_field"},
	    {"{\"username\":\"u1\",\"display_name\":\"x\",\"password\":"
	     "\"long-enough-1\",\"role\":\"boss\"}",
	     400, "bad_request"},
	    {"{\"username\":\"u1\",\"display_name\":\"x\",\"password\":"
	     "\"long-enough-1\",\"role\":\"clerk\"}",
	     422, "invalid_field"},
	    {"{\"username\":\"u1\",\"display_name\":\"x\",\"password\":"
	     "\"long-enough-1\",\"role\":\"reviewer\"}",
	     422, "invalid_field"},
	    {"{\"username\":\"a b\",\"display_name\":\"x\",\"password\":"
	     "\"long-enough-1\",\"role\":\"admin\"}",
	     422, "invalid_field"},
	    {"{\"username\":\"u1\",\"display_name\":\"\",\"password\":"
	     "\"long-enough-1\",\"role\":\"admin\"}",
	     422, "invalid_field"},
	    {"{\"username\":\"u1\",\"display_name\":\"x\\u0007\",\"password\":"
	     "\"long-enough-1\",\"role\":\"admin\"}",
	     422, "invalid_field"},
	    {"{\"username\":\"u1\",\"password\":\"long-enough-1\","
	     "\"role\":\"admin\"}",
	     400, "bad_request"},
	    {"{\"username\":\"u1\",\"display_name\":\"x\",\"password\":"
	     "12345678901,\"role\":\"admin\"}",
	     400, "bad_request"},
	};
	static const char ok[] =
	    "{\"username\":\"u2\",\"display_name\":\"x\",\"password\":"
	    "\"long-enough-1\",\"role\":\"admin\"}";
	struct http_reply r;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect("POST", "/v1/users", admin, cases[i].body,
		       cases[i].status, cases[i].code);
	/* R6: only administrators create users. */
	expect("POST", "/v1/users", clerk, ok, 403, "forbidden");
	expect("POST", "/v1/users", reviewer, ok, 403, "forbidden");
	expect("POST", "/v1/users", NULL, ok, 401, "unauthenticated");
	assert_null(http_login(srv.url, "u1", "long-enough-1"));
	assert_null(http_login(srv.url, "u2", "long-enough-1"));
	/* The password field names the reason. */
	assert_int_equal(http_send_json(srv.url, "POST", "/v1/users", admin,
					cases[1].body, &r),
			 0);
	assert_string_equal(http_error_field(&r), "password");
	http_reply_release(&r);
}

static json_t *item_get(const char *code)
{
	struct http_reply r;
	char path[96];
	json_t *item;

	snprintf(path, sizeof(path), "/v1/items/%s", code);
	assert_int_equal(http_get(srv.url, path, clerk, &r), 0);
	assert_int_equal(r.status, 200);
	item = json_incref(r.json);
	http_reply_release(&r);
	return item;
}

static void put_item(const char *code, json_t *item, long status,
		     const char *code_expected)
{
	char path[96], *text = json_dumps(item, JSON_COMPACT);

	snprintf(path, sizeof(path), "/v1/items/%s", code);
	expect("PUT", path, admin, text, status, code_expected);
	free(text);
}

static void test_item_put(void **state)
{
	json_t *item = item_get(FOOD_ITEM), *copy, *again;
	char *text;

	(void)state;
	json_object_set_new(item, "name",
			    json_string("食品经营许可（新办，改）"));
	text = json_dumps(item, JSON_COMPACT);
	expect("PUT", "/v1/items/" FOOD_ITEM, clerk, text, 403, "forbidden");
	expect("PUT", "/v1/items/" FOOD_ITEM, reviewer, text, 403, "forbidden");
	free(text);
	put_item(FOOD_ITEM, item, 200, NULL);
	again = item_get(FOOD_ITEM);
	assert_string_equal(tj_str(again, "name"), "食品经营许可（新办，改）");
	json_decref(again);

	/* A new item under a new code. */
	copy = json_deep_copy(item);
	json_object_set_new(copy, "code", json_string("TEST-001"));
	put_item("TEST-001", copy, 201, NULL);
	again = item_get("TEST-001");
	assert_string_equal(tj_str(again, "department"), "市场监督管理局");
	json_decref(again);
	json_decref(copy);
	json_decref(item);
}

/* R3: a main material is never tolerable; scenarios name only materials
 * of the item; the path's code is the body's. Nothing changes. */
static void test_item_refusals(void **state)
{
	json_t *item = item_get(FOOD_ITEM), *bad;
	json_t *materials = json_object_get(item, "materials");
	size_t main_at = 0;

	(void)state;
	while (strcmp(tj_str(json_array_get(materials, main_at), "role"),
		      "main") != 0)
		main_at++;
	bad = json_deep_copy(item);
	json_object_set_new(
	    json_array_get(json_object_get(bad, "materials"), main_at),
	    "tolerable", json_true());
	json_object_set_new(bad, "name", json_string("不应保存"));
	put_item(FOOD_ITEM, bad, 422, "invalid_field");
	json_decref(bad);

	bad = json_deep_copy(item);
	json_array_append_new(
	    json_object_get(
		json_array_get(json_object_get(bad, "scenarios"), 0),
		"materials"),
	    json_string("no_such_material"));
	json_object_set_new(bad, "name", json_string("不应保存"));
	put_item(FOOD_ITEM, bad, 422, "invalid_field");
	json_decref(bad);

	put_item("OTHER-CODE", item, 422, "invalid_field");
	expect("PUT", "/v1/items/" FOOD_ITEM, admin, "[]", 400, "bad_request");
	expect("PUT", "/v1/items/" FOOD_ITEM, admin, "{\"code\":\"x\"}", 422,
	       "invalid_field");
	bad = item_get(FOOD_ITEM);
	assert_string_not_equal(tj_str(bad, "name"), "不应保存");
	json_decref(bad);
	expect("GET", "/v1/items/OTHER-CODE", clerk, NULL, 404, "not_found");
	json_decref(item);
}

static json_t *send_if(const char *method, const char *path, const char *token,
		       const char *if_match, const char *body, long status)
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
	j = json_incref(r.json);
	http_reply_release(&r);
	return j;
}

/* A case accepted normally with token; its id. */
static long long accept_case(const char *token)
{
	json_t *c, *lines, *items = json_array(), *body;
	char path[96], *text;
	long long id;
	size_t i;

	c = send_if("POST", "/v1/cases", token, NULL,
		    "{\"item_code\":\"" FOOD_ITEM "\",\"scenario_id\":"
		    "\"canteen\",\"applicant\":{\"name\":\"张三\"}}",
		    201);
	id = (long long)json_integer_value(json_object_get(c, "id"));
	lines = json_object_get(c, "checklist");
	for (i = 0; i < json_array_size(lines); i++)
		json_array_append_new(
		    items,
		    json_pack("{s:s, s:s}", "material_id",
			      tj_str(json_array_get(lines, i), "material_id"),
			      "state", "provided"));
	body = json_pack("{s:o}", "items", items);
	text = json_dumps(body, 0);
	snprintf(path, sizeof(path), "/v1/cases/%lld/checklist", id);
	json_decref(send_if("PUT", path, token, "\"1\"", text, 200));
	snprintf(path, sizeof(path), "/v1/cases/%lld/accept", id);
	json_decref(send_if("POST", path, token, "\"2\"",
			    "{\"mode\":\"normal\"}", 200));
	free(text);
	json_decref(body);
	json_decref(c);
	return id;
}

/* R4: after loading 2027, due dates into 2027 work. */
static void test_calendar_put(void **state)
{
	static const char year2027[] =
	    "{\"year\":2027,\"holidays\":[\"2027-01-01\"],"
	    "\"workdays\":[\"2027-01-09\"]}";
	struct http_reply r;
	char *late_clerk, *late_admin, path[64];
	long long case_id;
	json_t *c;

	(void)state;
	expect("GET", "/v1/calendar/due?from=2026-12-31&days=1", clerk, NULL,
	       422, "calendar_missing");
	expect("PUT", "/v1/calendar/2027", clerk, year2027, 403, "forbidden");
	expect("PUT", "/v1/calendar/2028", admin, year2027, 422,
	       "invalid_field");
	expect("PUT", "/v1/calendar/2027", admin,
	       "{\"holidays\":[\"2026-10-01\"],\"workdays\":[]}", 422,
	       "invalid_field");
	/* 2027-01-04 is a Monday: not a make-up working day. */
	expect("PUT", "/v1/calendar/2027", admin,
	       "{\"holidays\":[],\"workdays\":[\"2027-01-04\"]}", 422,
	       "invalid_field");
	expect("PUT", "/v1/calendar/20x7", admin, year2027, 400, "bad_request");
	expect("GET", "/v1/calendar/2027", clerk, NULL, 404, "not_found");

	/* Accepted on Monday 2026-12-28 with 5 promised working days: due
	 * in 2027, pending while 2027 has no calendar. */
	assert_int_equal(http_set_clock(srv.url, "2026-12-28T10:00:00+08:00"),
			 200);
	late_clerk = http_login(srv.url, "clerk1", PASSWORD);
	late_admin = http_login(srv.url, "admin1", PASSWORD);
	case_id = accept_case(late_clerk);
	snprintf(path, sizeof(path), "/v1/cases/%lld", case_id);
	c = send_if("GET", path, late_clerk, NULL, NULL, 200);
	assert_true(json_is_true(json_object_get(c, "due_pending")));
	assert_true(json_is_null(json_object_get(c, "due_date")) ||
		    !json_object_get(c, "due_date"));
	json_decref(c);

	assert_int_equal(http_send_json(srv.url, "PUT", "/v1/calendar/2027",
					late_admin, year2027, &r),
			 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(r.json, "year")),
			 2027);
	http_reply_release(&r);
	/* 29, 30, 31 December, then 4 and 5 January (1 January a holiday). */
	c = send_if("GET", path, late_clerk, NULL, NULL, 200);
	assert_true(json_is_false(json_object_get(c, "due_pending")));
	assert_string_equal(tj_str(c, "due_date"), "2027-01-05");
	json_decref(c);
	free(late_clerk);
	free(late_admin);
	assert_int_equal(http_set_clock(srv.url, TEST_SERVER_START_TIME), 200);
	/* 2027-01-01 (Fri) is a holiday, then a weekend: Monday the 4th. */
	assert_int_equal(http_get(srv.url,
				  "/v1/calendar/due?from=2026-12-31&days=1",
				  clerk, &r),
			 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(tj_str(r.json, "due"), "2027-01-04");
	http_reply_release(&r);
	/* Saturday 9 January 2027 is a working day as loaded. */
	assert_int_equal(http_get(srv.url,
				  "/v1/calendar/due?from=2027-01-08&days=1",
				  clerk, &r),
			 0);
	assert_string_equal(tj_str(r.json, "due"), "2027-01-09");
	http_reply_release(&r);
	assert_int_equal(http_get(srv.url, "/v1/health", NULL, &r), 0);
	assert_string_equal(tj_str(r.json, "calendar_until"), "2027-12-31");
	http_reply_release(&r);
	/* Without "year" the path's is taken; replacing drops the make-up
	 * day. */
	expect("PUT", "/v1/calendar/2027", admin,
	       "{\"holidays\":[\"2027-01-01\"],\"workdays\":[]}", 200, NULL);
	assert_int_equal(http_get(srv.url,
				  "/v1/calendar/due?from=2027-01-08&days=1",
				  clerk, &r),
			 0);
	assert_string_equal(tj_str(r.json, "due"), "2027-01-11");
	http_reply_release(&r);
}

static void test_cli_user_add(void **state)
{
	char out[1024];
	char *token;

	(void)state;
	assert_int_equal(run_verb("cli-password-1\n", out, sizeof(out),
				  "user-add", "--username=clerk8",
				  "--display-name=周八", "--role=clerk",
				  "--window=8"),
			 0);
	assert_non_null(strstr(out, "clerk8"));
	token = http_login(srv.url, "clerk8", "cli-password-1");
	assert_non_null(token);
	free(token);
	/* Again: the user exists. Short password: refused. */
	assert_int_equal(run_verb("cli-password-1\n", out, sizeof(out),
				  "user-add", "--username=clerk8",
				  "--display-name=周八", "--role=clerk",
				  "--window=8"),
			 1);
	assert_non_null(strstr(out, "exists"));
	assert_int_equal(run_verb("short\n", out, sizeof(out), "user-add",
				  "--username=clerk7", "--display-name=x",
				  "--role=admin", NULL),
			 1);
	assert_non_null(strstr(out, "password"));
	assert_null(http_login(srv.url, "clerk7", "short"));
	assert_int_equal(run_verb(NULL, out, sizeof(out), "user-add",
				  "--username=clerk7", NULL, NULL, NULL),
			 2);
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

/* All or nothing: a file with one bad item stores none. */
static void test_cli_import_catalog(void **state)
{
	json_t *good = item_get(FOOD_ITEM), *bad, *root;
	char path[320], out[1024], *text;
	struct http_reply r;

	(void)state;
	json_object_set_new(good, "code", json_string("IMPORT-1"));
	bad = json_deep_copy(good);
	json_object_set_new(bad, "code", json_string("IMPORT-2"));
	json_object_set_new(bad, "promised_days", json_string("five"));
	root = json_pack("{s:[O,O]}", "items", good, bad);
	text = json_dumps(root, 0);
	snprintf(path, sizeof(path), "%s/catalog-bad.json", srv.dir);
	assert_int_equal(write_file(path, text), 0);
	free(text);
	assert_int_equal(run_verb(NULL, out, sizeof(out), "import-catalog",
				  path, NULL, NULL, NULL),
			 1);
	assert_non_null(strstr(out, "items[1]"));
	assert_int_equal(
	    http_get(srv.url, "/v1/audit?entity=item:IMPORT-1", admin, &r), 0);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 0);
	http_reply_release(&r);

	json_array_remove(json_object_get(root, "items"), 1);
	text = json_dumps(root, 0);
	snprintf(path, sizeof(path), "%s/catalog-good.json", srv.dir);
	assert_int_equal(write_file(path, text), 0);
	free(text);
	assert_int_equal(run_verb(NULL, out, sizeof(out), "import-catalog",
				  path, NULL, NULL, NULL),
			 0);
	assert_non_null(strstr(out, "1 items imported"));
	assert_int_equal(
	    http_get(srv.url, "/v1/audit?entity=item:IMPORT-1", admin, &r), 0);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	assert_string_equal(
	    tj_str(json_array_get(json_object_get(r.json, "items"), 0),
		   "action"),
	    "item.put");
	assert_int_equal(
	    strncmp(tj_str(json_array_get(json_object_get(r.json, "items"), 0),
			   "actor"),
		    "cli:", 4),
	    0);
	http_reply_release(&r);
	json_decref(root);
	json_decref(bad);
	json_decref(good);
}

/* import-calendar and the catalog import take effect when wincased
 * starts; backup makes a private copy that verifies. */
static void test_cli_calendar_restart_backup(void **state)
{
	char path[400], copy[320], out[1024];
	char *argv[] = {getenv("WINCASED_BIN"), "audit-verify", "--db", copy,
			NULL};
	struct http_reply r;
	struct stat st;

	(void)state;
	snprintf(path, sizeof(path), "%s/2029.json", srv.dir);
	assert_int_equal(write_file(path, "{\"year\":2029,\"holidays\":"
					  "[\"2029-01-01\"],\"workdays\":[]}"),
			 0);
	assert_int_equal(run_verb(NULL, out, sizeof(out), "import-calendar",
				  path, NULL, NULL, NULL),
			 0);
	assert_non_null(strstr(out, "calendar 2029 imported"));
	snprintf(path, sizeof(path), "%s/bad.json", srv.dir);
	assert_int_equal(write_file(path, "{\"year\":2030,\"holidays\":"
					  "[\"2031-01-01\"],\"workdays\":[]}"),
			 0);
	assert_int_equal(run_verb(NULL, out, sizeof(out), "import-calendar",
				  path, NULL, NULL, NULL),
			 1);
	snprintf(copy, sizeof(copy), "%s/backup.db", srv.dir);
	if (srv.pg_name[0]) {
		/* The database server's own tools copy a PostgreSQL store. */
		assert_int_equal(run_verb(NULL, out, sizeof(out), "backup",
					  "--to", copy, NULL, NULL),
				 1);
		assert_non_null(strstr(out, "pg_dump"));
	} else {
		assert_int_equal(run_verb(NULL, out, sizeof(out), "backup",
					  "--to", copy, NULL, NULL),
				 0);
		assert_int_equal(stat(copy, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0600);
		/* The signing key travels with the database. */
		assert_non_null(strstr(out, "signing key copied to"));
		snprintf(path, sizeof(path), "%s.key", copy);
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(st.st_mode & 0777, 0600);
		assert_int_equal(st.st_size, 32);
		assert_int_equal(run_verb(NULL, out, sizeof(out), "backup",
					  "--to", copy, NULL, NULL),
				 1);
		assert_int_equal(test_run_command(argv, NULL, out, sizeof(out)),
				 0);
		assert_int_equal(strncmp(out, "ok ", 3), 0);
	}

	assert_int_equal(test_server_stop_keep(&srv), 0);
	assert_int_equal(test_server_restart(&srv), 0);
	assert_int_equal(http_get(srv.url, "/v1/calendar/2029", clerk, &r), 0);
	assert_int_equal(r.status, 200);
	http_reply_release(&r);
	expect("GET", "/v1/calendar/2030", clerk, NULL, 404, "not_found");
	expect("GET", "/v1/items/IMPORT-1", clerk, NULL, 200, NULL);
	/* Items and years put over HTTP survived the restart too. */
	expect("GET", "/v1/items/TEST-001", clerk, NULL, 200, NULL);
	expect("GET", "/v1/calendar/2027", clerk, NULL, 200, NULL);
}

static void test_help_lists_verbs(void **state)
{
	char *argv[] = {getenv("WINCASED_BIN"), "--help", NULL};
	static const char *const verbs[] = {"user-add", "import-catalog",
					    "import-calendar", "audit-verify",
					    "backup"};
	char out[4096];

	(void)state;
	assert_int_equal(test_run_command(argv, NULL, out, sizeof(out)), 0);
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		assert_non_null(strstr(out, verbs[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_user_create),
	    cmocka_unit_test(test_user_refusals),
	    cmocka_unit_test(test_item_put),
	    cmocka_unit_test(test_item_refusals),
	    cmocka_unit_test(test_calendar_put),
	    cmocka_unit_test(test_cli_user_add),
	    cmocka_unit_test(test_cli_import_catalog),
	    cmocka_unit_test(test_cli_calendar_restart_backup),
	    cmocka_unit_test(test_help_lists_verbs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
