/* test_error.c - the error value (error.h): set returns -1 and fills every
 * part, NULL is tolerated, long text is cut safely, clear empties it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "wincase/error.h"

static void test_set_fills_and_returns_minus_one(void **state)
{
	struct wc_error err;

	(void)state;
	memset(&err, 'x', sizeof(err));
	assert_int_equal(wc_error_set(&err, "invalid_field", "applicant.id_no",
				      "bad check digit %c at %d", 'X', 18),
			 -1);
	assert_string_equal(err.code, "invalid_field");
	assert_string_equal(err.field, "applicant.id_no");
	assert_string_equal(err.message, "bad check digit X at 18");
}

static void test_null_field_and_null_err(void **state)
{
	struct wc_error err;

	(void)state;
	memset(&err, 'x', sizeof(err));
	assert_int_equal(wc_error_set(&err, "calendar_missing", NULL,
				      "no calendar for %d", 2027),
			 -1);
	assert_string_equal(err.field, "");
	assert_string_equal(err.message, "no calendar for 2027");
	/* Callers that do not want the detail pass NULL. */
	assert_int_equal(wc_error_set(NULL, "internal", NULL, "x"), -1);
}

static void test_long_text_is_cut(void **state)
{
	struct wc_error err;
	char long_text[1000];

	(void)state;
	memset(long_text, 'a', sizeof(long_text) - 1);
	long_text[sizeof(long_text) - 1] = '\0';
	wc_error_set(&err, long_text, long_text, "%s", long_text);
	assert_int_equal(strlen(err.code), sizeof(err.code) - 1);
	assert_int_equal(strlen(err.field), sizeof(err.field) - 1);
	assert_int_equal(strlen(err.message), sizeof(err.message) - 1);
}

static void test_clear(void **state)
{
	struct wc_error err;

	(void)state;
	wc_error_set(&err, "forbidden", "role", "no");
	wc_error_clear(&err);
	assert_string_equal(err.code, "");
	assert_string_equal(err.field, "");
	assert_string_equal(err.message, "");
	wc_error_clear(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_set_fills_and_returns_minus_one),
	    cmocka_unit_test(test_null_field_and_null_err),
	    cmocka_unit_test(test_long_text_is_cut),
	    cmocka_unit_test(test_clear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
