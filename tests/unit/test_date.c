/* test_date.c - civil dates as day numbers: conversions, weekdays, the
 * strict YYYY-MM-DD parser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "wincase/date.h"

static void test_date_known_days(void **state)
{
	static const struct {
		int y, m, d;
		wc_day day;
		int weekday;
	} cases[] = {
	    {1970, 1, 1, 0, 4},	      {1969, 12, 31, -1, 3},
	    {2000, 2, 29, 11016, 2},  {2000, 3, 1, 11017, 3},
	    {2025, 1, 1, 20089, 3},   {2026, 11, 28, 20785, 6},
	    {1949, 12, 31, -7306, 6}, {2100, 3, 1, 47541, 1},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int y, m, d;

		assert_int_equal(
		    date_from_ymd(cases[i].y, cases[i].m, cases[i].d),
		    cases[i].day);
		date_to_ymd(cases[i].day, &y, &m, &d);
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(d, cases[i].d);
		assert_int_equal(date_weekday(cases[i].day), cases[i].weekday);
		assert_int_equal(date_year(cases[i].day), cases[i].y);
	}
}

/* Every day from 1900 to 2100 converts both ways, days are consecutive and
 * weekdays cycle. */
static void test_date_roundtrip_range(void **state)
{
	wc_day first = date_from_ymd(1900, 1, 1),
	       last = date_from_ymd(2100, 12, 31);
	int prev_weekday = date_weekday(first - 1);

	(void)state;
	for (wc_day day = first; day <= last; day++) {
		int y, m, d;

		date_to_ymd(day, &y, &m, &d);
		assert_true(date_is_valid_ymd(y, m, d));
		assert_int_equal(date_from_ymd(y, m, d), day);
		assert_int_equal(date_weekday(day), prev_weekday % 7 + 1);
		prev_weekday = date_weekday(day);
	}
}

static void test_date_valid_ymd(void **state)
{
	(void)state;
	assert_true(date_is_valid_ymd(2024, 2, 29));
	assert_true(date_is_valid_ymd(2000, 2, 29));
	assert_false(date_is_valid_ymd(1900, 2, 29));
	assert_false(date_is_valid_ymd(2025, 2, 29));
	assert_false(date_is_valid_ymd(2025, 4, 31));
	assert_false(date_is_valid_ymd(2025, 13, 1));
	assert_false(date_is_valid_ymd(2025, 0, 1));
	assert_false(date_is_valid_ymd(2025, 1, 0));
	assert_true(date_is_valid_ymd(2025, 12, 31));
}

static void test_date_parse(void **state)
{
	static const struct {
		const char *text;
		bool ok;
	} cases[] = {
	    {"2026-11-28", true},   {"2024-02-29", true},
	    {"2025-02-29", false},  {"2025-1-01", false},
	    {"2025-01-1", false},   {"2025/01/01", false},
	    {"2025-01-01x", false}, {"2025-01-01 ", false},
	    {" 2025-01-01", false}, {"", false},
	    {"abcd-ef-gh", false},  {"2025-00-10", false},
	    {"2025-12-32", false},  {"+025-01-01", false},
	    {"2025-0a-01", false},
	};
	wc_day d;
	char text[DATE_TEXT_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		d = -12345;
		assert_int_equal(date_parse(cases[i].text, &d), cases[i].ok);
		if (!cases[i].ok) {
			assert_int_equal(d, -12345);
			continue;
		}
		date_format(d, text);
		assert_string_equal(text, cases[i].text);
	}
	assert_false(date_parse(NULL, &d));
	/* Outside 0000-9999 the text is recognisably not a date. */
	date_format(date_from_ymd(10000, 1, 1), text);
	assert_string_equal(text, "0000-00-00");
	date_format(date_from_ymd(1, 1, 1), text);
	assert_string_equal(text, "0001-01-01");
}

/* Issue 13.7: times read 12-02 14:39, with the year when not this one. */
static void test_date_time_short(void **state)
{
	static const struct {
		const char *in;
		int year;
		const char *out;
	} cases[] = {
	    {"2026-12-02T14:39:21+08:00", 2026, "12-02 14:39"},
	    {"2026-01-05T08:00:00Z", 2026, "01-05 08:00"},
	    {"2025-12-31T23:59:59+08:00", 2026, "2025-12-31 23:59"},
	    {"2026-02-30T10:00:00+08:00", 2026, "2026-02-30T10:00"},
	    {"2026-12-02", 2026, "2026-12-02"},
	    {"2026-11-02 09:30", 2026, "11-02 09:30"}, /* a draft's time */
	    {"", 2026, ""},
	    {"无", 2026, "无"},
	};
	char out[DATE_TIME_SHORT_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		date_time_short(cases[i].in, cases[i].year, out);
		assert_string_equal(out, cases[i].out);
	}
	date_time_short(NULL, 2026, out);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_known_days),
	    cmocka_unit_test(test_date_roundtrip_range),
	    cmocka_unit_test(test_date_valid_ymd),
	    cmocka_unit_test(test_date_parse),
	    cmocka_unit_test(test_date_time_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
