/* test_api_client_time.c - issue 12's API extension: a write may carry
 * X-Client-Time (the clerk's recorded time of a change made offline); the
 * server keeps it as "client_time" in the audit entry's data, beside its
 * own time; a malformed one is 400 and changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <curl/curl.h>

#include "../support/http.h"
#include "../support/server.h"

static struct test_server srv;

static long post_with_time(const char *token, const char *client_time,
			   const char *key, char **answer)
{
	CURL *h = curl_easy_init();
	struct curl_slist *hd = NULL;
	char line[256], url[256];
	FILE *mem;
	size_t len = 0;
	long status = 0;

	*answer = NULL;
	mem = open_memstream(answer, &len);
	snprintf(url, sizeof(url), "%s/v1/inquiries", srv.url);
	snprintf(line, sizeof(line), "Authorization: Bearer %s", token);
	hd = curl_slist_append(hd, line);
	hd = curl_slist_append(hd, "Content-Type: application/json");
	snprintf(line, sizeof(line), "X-Client-Time: %s", client_time);
	hd = curl_slist_append(hd, line);
	snprintf(line, sizeof(line), "Idempotency-Key: %s", key);
	hd = curl_slist_append(hd, line);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hd);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS,
			 "{\"applicant\":{\"name\":\"时间甲\"},\"channel\":"
			 "\"counter\",\"topic\":\"离线时登记\"}");
	curl_easy_setopt(h, CURLOPT_WRITEDATA, mem);
	curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	fclose(mem);
	curl_slist_free_all(hd);
	curl_easy_cleanup(h);
	return status;
}

static void test_client_time(void **state)
{
	char *clerk = http_login(srv.url, "clerk1", "demo-password-1");
	char *reviewer = http_login(srv.url, "reviewer1", "demo-password-1");
	char *answer = NULL, path[128];
	struct http_reply r = {0};
	json_t *obj;
	long long id;

	(void)state;
	assert_non_null(clerk);
	assert_non_null(reviewer);
	/* malformed: 400 before anything changes */
	assert_int_equal(post_with_time(clerk, "yesterday", "ct-bad", &answer),
			 400);
	assert_non_null(strstr(answer, "X-Client-Time"));
	free(answer);
	assert_int_equal(
	    http_get(srv.url, "/v1/inquiries?scope=mine", clerk, &r), 0);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 0);
	http_reply_release(&r);
	/* kept in the audit entry beside the server's own time */
	assert_int_equal(post_with_time(clerk, "2026-11-02T08:15:30+08:00",
					"ct-good", &answer),
			 201);
	obj = json_loads(answer, 0, NULL);
	free(answer);
	id = json_integer_value(json_object_get(obj, "id"));
	assert_true(id > 0);
	assert_string_not_equal(
	    json_string_value(json_object_get(obj, "created_at")),
	    "2026-11-02T08:15:30+08:00");
	json_decref(obj);
	snprintf(path, sizeof(path), "/v1/audit?entity=inquiry:%lld", id);
	assert_int_equal(http_get(srv.url, path, reviewer, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "\"client_time\""));
	assert_non_null(strstr(r.body, "2026-11-02T08:15:30+08:00"));
	http_reply_release(&r);
	/* a replay with the same key is answered once */
	assert_int_equal(post_with_time(clerk, "2026-11-02T08:15:30+08:00",
					"ct-good", &answer),
			 201);
	free(answer);
	assert_int_equal(
	    http_get(srv.url, "/v1/inquiries?scope=mine", clerk, &r), 0);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	http_reply_release(&r);
	free(clerk);
	free(reviewer);
}

static int setup(void **state)
{
	(void)state;
	return test_server_start(&srv, true);
}

static int teardown(void **state)
{
	(void)state;
	return test_server_stop(&srv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_client_time),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
