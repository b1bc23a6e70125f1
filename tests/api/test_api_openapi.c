/* test_api_openapi.c - GET /v1/openapi.yaml: served without login, the
 * exact bytes of docs/openapi.yaml, and its info.version is the program's
 * version (include/wincase/version.h, also answered by /v1/health). */
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
#include "wincase/version.h"

#define SPEC_MAX_BYTES (1024 * 1024)

static struct test_server srv;

static int setup(void **state)
{
	(void)state;
	return test_server_start(&srv, true);
}

static int teardown(void **state)
{
	(void)state;
	return test_server_stop(&srv) == 0 ? 0 : -1;
}

/* docs/openapi.yaml, read from the source tree ($WINCASE_TESTS/..). */
static char *read_spec(size_t *len)
{
	const char *tests = getenv("WINCASE_TESTS");
	char path[512];
	char *buf = malloc(SPEC_MAX_BYTES + 1);
	FILE *f;

	snprintf(path, sizeof(path), "%s/../docs/openapi.yaml",
		 tests ? tests : "tests");
	f = fopen(path, "rb");
	if (!f || !buf) {
		if (f)
			fclose(f);
		free(buf);
		return NULL;
	}
	*len = fread(buf, 1, SPEC_MAX_BYTES, f);
	fclose(f);
	buf[*len] = '\0';
	return buf;
}

/* The value of info.version: the line "  version: X" under "info:". */
static void info_version(const char *yaml, char *out, size_t size)
{
	const char *info = strstr(yaml, "\ninfo:\n");
	const char *v = info ? strstr(info, "\n  version: ") : NULL;

	out[0] = '\0';
	if (v)
		snprintf(out, size, "%.*s", (int)strcspn(v + 12, "\r\n"),
			 v + 12);
}

static void test_openapi_same_bytes(void **state)
{
	struct http_reply r;
	size_t len = 0;
	char *spec = read_spec(&len);

	(void)state;
	assert_non_null(spec);
	/* No token: the description is public. */
	assert_int_equal(http_get(srv.url, "/v1/openapi.yaml", NULL, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.content_type, "application/yaml"));
	assert_int_equal(strlen(r.body), len);
	assert_memory_equal(r.body, spec, len);
	http_reply_release(&r);
	free(spec);
}

static void test_openapi_version_is_program_version(void **state)
{
	struct http_reply r;
	char served[32];

	(void)state;
	assert_int_equal(http_get(srv.url, "/v1/openapi.yaml", NULL, &r), 0);
	info_version(r.body, served, sizeof(served));
	http_reply_release(&r);
	assert_string_equal(served, WINCASE_VERSION);
	assert_int_equal(http_get(srv.url, "/v1/health", NULL, &r), 0);
	assert_string_equal(tj_str(r.json, "version"), served);
	http_reply_release(&r);
}

static void test_openapi_only_get(void **state)
{
	struct http_reply r;

	(void)state;
	assert_int_equal(
	    http_send_json(srv.url, "POST", "/v1/openapi.yaml", NULL, "{}", &r),
	    0);
	assert_int_equal(r.status, 405);
	assert_string_equal(http_error_code(&r), "method_not_allowed");
	http_reply_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_openapi_same_bytes),
	    cmocka_unit_test(test_openapi_version_is_program_version),
	    cmocka_unit_test(test_openapi_only_get),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
