/* test_workhours.c - working hours (R1: a handoff not acknowledged within
 * one working hour is bounced) on the shipped 2026 calendar: lunch,
 * evenings, weekends, holidays and make-up workdays, a year not loaded,
 * and the configuration text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "wincase/workhours.h"

static wc_day day_of(const char *text)
{
	wc_day d = 0;

	if (!date_parse(text, &d))
		fail_msg("bad date %s", text);
	return d;
}

/* "YYYY-MM-DD HH:MM" */
static struct workhours_time time_of(const char *text)
{
	char date[DATE_TEXT_SIZE];
	struct workhours_time t;

	memcpy(date, text, 10);
	date[10] = '\0';
	t.day = day_of(date);
	t.minute = atoi(text + 11) * 60 + atoi(text + 14);
	return t;
}

static void time_text(struct workhours_time t, char out[32])
{
	char date[DATE_TEXT_SIZE];

	date_format(t.day, date);
	snprintf(out, 32, "%s %02d:%02d", date, t.minute / 60, t.minute % 60);
}

static int setup_2026(void **state)
{
	const char *dir = getenv("WINCASE_CONF");
	struct calendar *cal = calendar_new();
	struct wc_error err = {0};
	char path[512];
	json_error_t jerr;
	json_t *root;

	assert_non_null(cal);
	snprintf(path, sizeof(path), "%s/calendar/2026.json",
		 dir ? dir : "conf");
	root = json_load_file(path, 0, &jerr);
	if (!root)
		fail_msg("%s: %s", path, jerr.text);
	if (calendar_load_year(cal, root, &err) < 0)
		fail_msg("%s: %s", path, err.message);
	json_decref(root);
	*state = cal;
	return 0;
}

static int teardown_calendar(void **state)
{
	struct calendar *cal = *state;

	calendar_free(&cal);
	return 0;
}

/* Expected values worked out by hand from the 2026 State Council notice
 * (9/25-27 and 10/1-7 rest; 9/20 Sunday and 10/10 Saturday work). */
static void test_workhours_default_table(void **state)
{
	static const struct {
		const char *start;
		int minutes;
		const char *due;
	} cases[] = {
	    {"2026-09-18 11:30", 60, "2026-09-18 14:00"}, /* across lunch */
	    {"2026-09-18 17:00", 60, "2026-09-20 09:30"}, /* make-up Sunday */
	    {"2026-09-18 11:00", 60, "2026-09-18 12:00"}, /* ends at lunch */
	    {"2026-09-18 12:30", 60, "2026-09-18 14:30"}, /* from lunch */
	    {"2026-09-18 08:00", 60, "2026-09-18 10:00"}, /* before opening */
	    {"2026-09-17 18:00", 60, "2026-09-18 10:00"}, /* evening */
	    {"2026-09-18 17:30", 1, "2026-09-20 09:01"},  /* at closing */
	    {"2026-09-24 17:00", 60, "2026-09-28 09:30"}, /* Mid-Autumn */
	    {"2026-09-30 17:00", 60, "2026-10-08 09:30"}, /* National Day */
	    {"2026-09-30 16:00", 480, "2026-10-08 17:00"},
	    {"2026-10-09 17:00", 60, "2026-10-10 09:30"},  /* make-up Sat */
	    {"2026-10-03 10:00", 60, "2026-10-08 10:00"},  /* from a holiday */
	    {"2026-11-27 09:00", 420, "2026-11-27 17:30"}, /* a whole day */
	    {"2026-11-27 09:00", 421, "2026-11-30 09:01"},
	    {"2026-11-28 10:00", 60, "2026-11-30 10:00"}, /* from Saturday */
	    {"2026-11-27 17:10", 0, "2026-11-27 17:10"},  /* nothing */
	    {"2026-11-30 09:00", 420 * 5, "2026-12-04 17:30"}, /* a week */
	};
	const struct calendar *cal = *state;
	struct workhours wh;
	struct wc_error err = {0};
	struct workhours_time due;
	char text[32];

	workhours_default(&wh);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (workhours_add(&wh, cal, time_of(cases[i].start),
				  cases[i].minutes, &due, &err) < 0)
			fail_msg("%s + %d: %s", cases[i].start,
				 cases[i].minutes, err.message);
		time_text(due, text);
		if (strcmp(text, cases[i].due) != 0)
			fail_msg("%s + %d: got %s, want %s", cases[i].start,
				 cases[i].minutes, text, cases[i].due);
	}
}

/* The working minutes between two times: lunch, evenings, a weekend, a
 * holiday and a make-up workday do not count the same; before is 0. */
static void test_workhours_between_table(void **state)
{
	static const struct {
		const char *from, *to;
		long minutes;
	} cases[] = {
	    {"2026-11-27 09:00", "2026-11-27 10:00", 60},
	    {"2026-11-27 11:30", "2026-11-27 14:00", 60},      /* lunch */
	    {"2026-11-27 17:00", "2026-11-30 09:30", 60},      /* weekend */
	    {"2026-11-27 18:00", "2026-11-28 12:00", 0},       /* evening */
	    {"2026-11-30 09:00", "2026-12-04 17:30", 420 * 5}, /* a week */
	    {"2026-11-30 10:00", "2026-11-30 09:00", 0},       /* before */
	    {"2026-11-30 10:00", "2026-11-30 10:00", 0},
	    {"2026-09-30 17:00", "2026-10-08 09:30", 60},  /* national day */
	    {"2026-10-09 17:00", "2026-10-12 09:30", 480}, /* make-up Sat */
	};
	const struct calendar *cal = *state;
	struct workhours wh;
	struct wc_error err = {0};
	long n = -1;

	workhours_default(&wh);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (workhours_between(&wh, cal, time_of(cases[i].from),
				      time_of(cases[i].to), &n, &err) < 0)
			fail_msg("%s..%s: %s", cases[i].from, cases[i].to,
				 err.message);
		if (n != cases[i].minutes)
			fail_msg("%s..%s: got %ld, want %ld", cases[i].from,
				 cases[i].to, n, cases[i].minutes);
	}
	/* A day in a year that is not loaded. */
	assert_int_equal(
	    workhours_between(&wh, cal, time_of("2026-12-31 10:00"),
			      time_of("2027-01-04 10:00"), &n, &err),
	    -1);
	assert_string_equal(err.code, "calendar_missing");
}

static void test_workhours_calendar_missing(void **state)
{
	const struct calendar *cal = *state;
	struct workhours wh;
	struct wc_error err = {0};
	struct workhours_time due = {0};

	workhours_default(&wh);
	/* The last working hour of 2026 fits; one minute more needs 2027. */
	assert_int_equal(workhours_add(&wh, cal, time_of("2026-12-31 16:30"),
				       60, &due, &err),
			 0);
	assert_int_equal(due.minute, 17 * 60 + 30);
	assert_int_equal(workhours_add(&wh, cal, time_of("2026-12-31 16:30"),
				       61, &due, &err),
			 -1);
	assert_string_equal(err.code, "calendar_missing");
	/* A start in a year that is not loaded at all. */
	assert_int_equal(
	    workhours_add(&wh, cal, time_of("2027-01-04 10:00"), 1, &due, &err),
	    -1);
	assert_string_equal(err.code, "calendar_missing");
}

static void test_workhours_bad_arguments(void **state)
{
	const struct calendar *cal = *state;
	struct workhours wh, none = {0};
	struct wc_error err = {0};
	struct workhours_time due, start = time_of("2026-11-27 10:00");

	workhours_default(&wh);
	assert_int_equal(workhours_add(&wh, cal, start, -1, &due, &err), -1);
	assert_string_equal(err.code, "invalid_field");
	start.minute = 1440;
	assert_int_equal(workhours_add(&wh, cal, start, 1, &due, &err), -1);
	assert_string_equal(err.code, "invalid_field");
	start.minute = 600;
	assert_int_equal(workhours_add(&none, cal, start, 1, &due, &err), -1);
	assert_string_equal(err.code, "invalid_field");
}

/* Configured hours, including one that runs to midnight. */
static void test_workhours_configured(void **state)
{
	const struct calendar *cal = *state;
	struct workhours wh;
	struct wc_error err = {0};
	struct workhours_time due;
	char text[32];

	assert_int_equal(workhours_parse("08:30-11:30,14:00-18:00", &wh, &err),
			 0);
	assert_int_equal(workhours_add(&wh, cal, time_of("2026-11-27 11:00"),
				       60, &due, &err),
			 0);
	time_text(due, text);
	assert_string_equal(text, "2026-11-27 14:30");
	assert_int_equal(workhours_parse("08:00-24:00", &wh, &err), 0);
	assert_int_equal(workhours_add(&wh, cal, time_of("2026-11-26 23:30"),
				       30, &due, &err),
			 0);
	time_text(due, text);
	assert_string_equal(text, "2026-11-27 00:00");
	assert_int_equal(workhours_add(&wh, cal, time_of("2026-11-27 23:30"),
				       31, &due, &err),
			 0);
	time_text(due, text);
	assert_string_equal(text, "2026-11-30 08:01");
}

static void test_workhours_parse(void **state)
{
	static const char *const good[] = {
	    "09:00-12:00,13:30-17:30",
	    "00:00-24:00",
	    "08:00-09:00,09:00-10:00",
	    "07:00-08:00,09:00-10:00,11:00-12:00,13:00-14:00,15:00-16:00,"
	    "17:00-18:00,19:00-20:00,21:00-22:00",
	};
	static const char *const bad[] = {
	    "",
	    "9:00-12:00",
	    "09:00-12:00,",
	    "09:00-12:00;13:30-17:30",
	    "12:00-09:00",
	    "09:00-09:00",
	    "13:30-17:30,09:00-12:00",
	    "09:00-12:00,11:00-13:00",
	    "09:60-12:00",
	    "24:00-24:00",
	    "25:00-26:00",
	    "09:00-24:01",
	    "09:00-12:00 ",
	    "07:00-08:00,09:00-10:00,11:00-12:00,13:00-14:00,15:00-16:00,"
	    "17:00-18:00,19:00-20:00,21:00-22:00,23:00-23:30",
	};
	struct workhours wh, before;
	struct wc_error err = {0};
	char text[WORKHOURS_TEXT_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (workhours_parse(good[i], &wh, &err) < 0)
			fail_msg("'%s': %s", good[i], err.message);
		workhours_format(&wh, text);
		assert_string_equal(text, good[i]);
	}
	workhours_default(&before);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		wh = before;
		if (workhours_parse(bad[i], &wh, &err) == 0)
			fail_msg("'%s' was accepted", bad[i]);
		assert_string_equal(err.code, "invalid_field");
		assert_memory_equal(&wh, &before, sizeof(wh));
	}
	workhours_format(&before, text);
	assert_string_equal(text, "09:00-12:00,13:30-17:30");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_workhours_default_table,
					    setup_2026, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_workhours_between_table,
					    setup_2026, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_workhours_calendar_missing,
					    setup_2026, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_workhours_bad_arguments,
					    setup_2026, teardown_calendar),
	    cmocka_unit_test_setup_teardown(test_workhours_configured,
					    setup_2026, teardown_calendar),
	    cmocka_unit_test(test_workhours_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
