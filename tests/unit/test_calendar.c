/* test_calendar.c - the working-day calendar (R4): the shipped 2025 and 2026
 * State Council calendars, counting from the next working day, missing
 * years as errors, and refusal of malformed years. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "wincase/calendar.h"

static wc_day day_of(const char *text)
{
	wc_day d = 0;

	assert_true(date_parse(text, &d));
	return d;
}

static void calendar_load_file(struct calendar *cal, int year)
{
	const char *dir = getenv("WINCASE_CONF");
	char path[512];
	struct wc_error err = {0};
	json_error_t jerr;
	json_t *root;

	snprintf(path, sizeof(path), "%s/calendar/%d.json", dir ? dir : "conf",
		 year);
	root = json_load_file(path, 0, &jerr);
	if (!root)
		fail_msg("%s: %s", path, jerr.text);
	if (calendar_load_year(cal, root, &err) < 0)
		fail_msg("%s: %s %s", path, err.field, err.message);
	json_decref(root);
}

static int setup_shipped(void **state)
{
	struct calendar *cal = calendar_new();

	assert_non_null(cal);
	calendar_load_file(cal, 2025);
	calendar_load_file(cal, 2026);
	*state = cal;
	return 0;
}

static int teardown_calendar(void **state)
{
	struct calendar *cal = *state;

	calendar_free(&cal);
	assert_null(cal);
	return 0;
}

static bool is_workday(const struct calendar *cal, const char *text)
{
	struct wc_error err = {0};
	bool work = false;

	if (calendar_is_workday(cal, day_of(text), &work, &err) < 0)
		fail_msg("%s: %s", text, err.message);
	return work;
}

/* The rest days and make-up workdays of the 2025 and 2026 notices. */
static void test_calendar_shipped_days(void **state)
{
	static const char *const rest[] = {
	    "2025-01-01",
	    "2025-01-28",
	    "2025-02-04",
	    "2025-04-04",
	    "2025-05-05",
	    "2025-06-02",
	    "2025-10-01",
	    "2025-10-08",
	    "2026-01-01",
	    "2026-01-02",
	    "2026-01-03",
	    "2026-02-16",
	    "2026-02-23",
	    "2026-04-06",
	    "2026-05-05",
	    "2026-06-19",
	    "2026-09-25",
	    "2026-10-07",
	    /* ordinary weekends */
	    "2025-03-01",
	    "2026-11-28",
	    "2026-11-29",
	};
	static const char *const work[] = {
	    "2025-01-26",
	    "2025-02-08",
	    "2025-04-27",
	    "2025-09-28",
	    "2025-10-11",
	    "2026-01-04",
	    "2026-02-14",
	    "2026-02-28",
	    "2026-05-09",
	    "2026-09-20",
	    "2026-10-10",
	    /* ordinary weekdays */
	    "2025-10-09",
	    "2026-11-27",
	    "2026-11-30",
	};
	const struct calendar *cal = *state;

	for (size_t i = 0; i < sizeof(rest) / sizeof(rest[0]); i++) {
		if (is_workday(cal, rest[i]))
			fail_msg("%s should be a rest day", rest[i]);
	}
	for (size_t i = 0; i < sizeof(work) / sizeof(work[0]); i++) {
		if (!is_workday(cal, work[i]))
			fail_msg("%s should be a working day", work[i]);
	}
}

/* Expected values computed independently from the notices. */
static void test_calendar_add_working_days(void **state)
{
	static const struct {
		const char *from;
		int n;
		const char *due;
	} cases[] = {
	    {"2025-09-30", 1, "2025-10-09"}, /* National Day week */
	    {"2025-09-30", 3, "2025-10-11"}, /* make-up Saturday */
	    {"2025-01-24", 1, "2025-01-26"}, /* make-up Sunday */
	    {"2025-01-24", 2, "2025-01-27"},
	    {"2025-12-31", 1, "2026-01-04"}, /* across the year */
	    {"2025-12-31", 3, "2026-01-06"},
	    {"2026-02-13", 1, "2026-02-14"},
	    {"2026-02-13", 2, "2026-02-24"}, /* Spring Festival */
	    {"2026-02-13", 3, "2026-02-25"},
	    {"2026-09-30", 5, "2026-10-13"},
	    {"2026-11-27", 0, "2026-11-27"},
	    {"2026-11-28", 1, "2026-11-30"}, /* from a rest day */
	    {"2026-04-30", 20, "2026-06-01"},
	    {"2025-06-01", 1, "2025-06-03"},
	    {"2025-03-03", 60, "2025-05-29"},
	};
	const struct calendar *cal = *state;
	struct wc_error err = {0};
	char text[DATE_TEXT_SIZE];
	wc_day due;
	int back;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(
		    calendar_add_working_days(cal, day_of(cases[i].from),
					      cases[i].n, &due, &err),
		    0);
		date_format(due, text);
		if (strcmp(text, cases[i].due) != 0)
			fail_msg("%s + %d: got %s, want %s", cases[i].from,
				 cases[i].n, text, cases[i].due);
		assert_int_equal(
		    calendar_working_days_between(cal, day_of(cases[i].from),
						  due, &back, &err),
		    0);
		assert_int_equal(back, cases[i].n);
		assert_int_equal(
		    calendar_working_days_between(
			cal, due, day_of(cases[i].from), &back, &err),
		    0);
		assert_int_equal(back, -cases[i].n);
	}
}

static void test_calendar_between(void **state)
{
	const struct calendar *cal = *state;
	struct wc_error err = {0};
	int n = -1;

	/* 248 working days in each year: 261 weekdays, 18 holidays on
	 * weekdays, 5 (2025) / 6 (2026) make-up days. */
	/* (from, to] never looks at from itself: 2024 is not needed. */
	assert_int_equal(
	    calendar_working_days_between(cal, day_of("2024-12-31"),
					  day_of("2025-12-31"), &n, &err),
	    0);
	assert_int_equal(n, 248);
	assert_int_equal(
	    calendar_working_days_between(cal, day_of("2024-12-30"),
					  day_of("2025-12-31"), &n, &err),
	    -1);
	assert_string_equal(err.code, "calendar_missing");
	assert_int_equal(
	    calendar_working_days_between(cal, day_of("2025-01-01"),
					  day_of("2025-12-31"), &n, &err),
	    0);
	assert_int_equal(n, 248 - 0); /* 2025-01-01 is a holiday */
	assert_int_equal(
	    calendar_working_days_between(cal, day_of("2025-12-31"),
					  day_of("2026-12-31"), &n, &err),
	    0);
	assert_int_equal(n, 248);
	assert_int_equal(
	    calendar_working_days_between(cal, day_of("2026-03-10"),
					  day_of("2026-03-10"), &n, &err),
	    0);
	assert_int_equal(n, 0);
}

/* Properties over every start day of 2025: the due date of n > 0 working
 * days is a working day, and between() inverts add(). */
static void test_calendar_add_between_property(void **state)
{
	const struct calendar *cal = *state;
	wc_day first = day_of("2025-01-01"), last = day_of("2025-12-31");
	struct wc_error err = {0};
	wc_day due, prev;
	bool work;
	int back;

	for (wc_day from = first; from <= last; from++) {
		prev = from;
		for (int n = 0; n <= 30; n++) {
			assert_int_equal(
			    calendar_add_working_days(cal, from, n, &due, &err),
			    0);
			assert_int_equal(calendar_working_days_between(
					     cal, from, due, &back, &err),
					 0);
			assert_int_equal(back, n);
			if (n == 0) {
				assert_int_equal(due, from);
				continue;
			}
			assert_int_equal(
			    calendar_is_workday(cal, due, &work, &err), 0);
			assert_true(work);
			assert_true(due > prev);
			prev = due;
		}
	}
}

/* A year that is not loaded is an error, never a guess. */
static void test_calendar_missing_year(void **state)
{
	const struct calendar *cal = *state;
	struct wc_error err = {0};
	wc_day due = -1;
	bool work;

	assert_int_equal(
	    calendar_is_workday(cal, day_of("2027-01-04"), &work, &err), -1);
	assert_string_equal(err.code, "calendar_missing");
	assert_non_null(strstr(err.message, "2027"));
	wc_error_clear(&err);
	assert_int_equal(
	    calendar_add_working_days(cal, day_of("2026-12-28"), 5, &due, &err),
	    -1);
	assert_string_equal(err.code, "calendar_missing");
	assert_int_equal(due, -1);
	assert_int_equal(calendar_add_working_days(cal, day_of("2026-12-28"),
						   -1, &due, &err),
			 -1);
	assert_string_equal(err.code, "invalid_field");
	assert_int_equal(
	    calendar_is_workday(cal, day_of("2024-12-31"), &work, &err), -1);
}

static void test_calendar_years_and_json(void **state)
{
	const struct calendar *cal = *state;
	struct calendar *copy = calendar_new();
	struct wc_error err = {0};
	int years[4] = {0};
	json_t *j25, *again;

	assert_int_equal(calendar_years(cal, years, 4), 2);
	assert_int_equal(years[0], 2025);
	assert_int_equal(years[1], 2026);
	assert_int_equal(calendar_years(cal, years, 1), 1);
	assert_true(calendar_has_year(cal, 2026));
	assert_false(calendar_has_year(cal, 2027));
	assert_int_equal(calendar_last_covered(cal), day_of("2026-12-31"));
	assert_int_equal(calendar_last_covered(copy), -1);
	assert_null(calendar_year_to_json(cal, 2024));

	j25 = calendar_year_to_json(cal, 2025);
	assert_non_null(j25);
	assert_int_equal(json_integer_value(json_object_get(j25, "year")),
			 2025);
	assert_int_equal(json_array_size(json_object_get(j25, "holidays")), 28);
	assert_int_equal(json_array_size(json_object_get(j25, "workdays")), 5);
	assert_string_equal(json_string_value(json_array_get(
				json_object_get(j25, "workdays"), 0)),
			    "2025-01-26");
	assert_int_equal(calendar_load_year(copy, j25, &err), 0);
	again = calendar_year_to_json(copy, 2025);
	assert_true(json_equal(j25, again));
	json_decref(again);
	json_decref(j25);
	calendar_free(&copy);
}

/* A gap in the loaded years ends the covered run. */
static void test_calendar_last_covered_gap(void **state)
{
	struct calendar *cal = calendar_new();
	struct wc_error err = {0};
	static const char y25[] = "{\"year\":2025,\"holidays\":[]}";
	static const char y27[] = "{\"year\":2027,\"holidays\":[]}";
	static const char y26[] = "{\"year\":2026,\"holidays\":[]}";

	(void)state;
	assert_int_equal(calendar_load_year_text(cal, y27, strlen(y27), &err),
			 0);
	assert_int_equal(calendar_load_year_text(cal, y25, strlen(y25), &err),
			 0);
	assert_int_equal(calendar_last_covered(cal), day_of("2025-12-31"));
	assert_int_equal(calendar_load_year_text(cal, y26, strlen(y26), &err),
			 0);
	assert_int_equal(calendar_last_covered(cal), day_of("2027-12-31"));
	calendar_free(&cal);
}

static void test_calendar_refuses_bad_years(void **state)
{
	static const struct {
		const char *json;
		const char *field;
	} cases[] = {
	    {"[]", ""},
	    {"{\"holidays\":[]}", "year"},
	    {"{\"year\":\"2025\"}", "year"},
	    {"{\"year\":1800}", "year"},
	    {"{\"year\":2025,\"holidays\":\"2025-01-01\"}", "holidays"},
	    {"{\"year\":2025,\"holidays\":[\"2026-01-01\"]}", "holidays[0]"},
	    {"{\"year\":2025,\"holidays\":[\"2025-02-30\"]}", "holidays[0]"},
	    {"{\"year\":2025,\"holidays\":[20250101]}", "holidays[0]"},
	    {"{\"year\":2025,\"holidays\":[\"2025-01-01\",\"2025-01-01\"]}",
	     "holidays[1]"},
	    /* 2025-01-06 is a Monday: a make-up day must be a weekend */
	    {"{\"year\":2025,\"workdays\":[\"2025-01-06\"]}", "workdays[0]"},
	    /* the same day both a holiday and a workday */
	    {"{\"year\":2025,\"holidays\":[\"2025-01-26\"],"
	     "\"workdays\":[\"2025-01-26\"]}",
	     "workdays[0]"},
	    {"{\"year\":2025,\"holidays\":[],\"workdays\":{}}", "workdays"},
	};
	struct calendar *cal;
	struct wc_error err;
	bool work;

	cal = *state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		json_t *obj = json_loads(cases[i].json, 0, NULL);

		assert_non_null(obj);
		wc_error_clear(&err);
		if (calendar_load_year(cal, obj, &err) != -1)
			fail_msg("accepted %s", cases[i].json);
		assert_string_equal(err.code, "invalid_field");
		assert_string_equal(err.field, cases[i].field);
		json_decref(obj);
	}
	/* Nothing changed: 2025 is still the shipped year. */
	assert_int_equal(
	    calendar_is_workday(cal, day_of("2025-01-26"), &work, &err), 0);
	assert_true(work);
	assert_int_equal(calendar_load_year_text(cal, "{\"year\":", 8, &err),
			 -1);
	assert_string_equal(err.code, "invalid_field");
}

/* Loading a year again replaces it. */
static void test_calendar_replace_year(void **state)
{
	struct calendar *cal = calendar_new();
	struct wc_error err = {0};
	static const char first[] =
	    "{\"year\":2030,\"holidays\":[\"2030-01-01\"],\"workdays\":[]}";
	static const char second[] = "{\"year\":2030,\"holidays\":[]}";
	bool work = true;

	(void)state;
	assert_int_equal(
	    calendar_load_year_text(cal, first, strlen(first), &err), 0);
	assert_int_equal(
	    calendar_is_workday(cal, day_of("2030-01-01"), &work, &err), 0);
	assert_false(work);
	assert_int_equal(
	    calendar_load_year_text(cal, second, strlen(second), &err), 0);
	assert_int_equal(
	    calendar_is_workday(cal, day_of("2030-01-01"), &work, &err), 0);
	assert_true(work);
	assert_int_equal(calendar_years(cal, (int[4]){0}, 4), 1);
	calendar_free(&cal);
	calendar_free(&cal); /* NULL is fine */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_calendar_shipped_days,
					    setup_shipped, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_calendar_add_working_days,
					    setup_shipped, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_calendar_between,
					    setup_shipped, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_calendar_add_between_property,
					    setup_shipped, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_calendar_missing_year,
					    setup_shipped, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_calendar_years_and_json,
					    setup_shipped, teardown_calendar),
	    cmocka_unit_test(test_calendar_last_covered_gap),
	    cmocka_unit_test_setup_teardown(test_calendar_refuses_bad_years,
					    setup_shipped, teardown_calendar),
	    cmocka_unit_test(test_calendar_replace_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
