/* fuzz_calendar.c - calendar import (core/calendar.c): a year from any
 * bytes, as import-calendar and PUT /v1/calendar/{year} load it; a year
 * that loads comes back the same through calendar_year_to_json, and
 * working-day arithmetic over it is its own inverse. */
#include <stdint.h>
#include <stdlib.h>

#include "wincase/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_year(struct calendar *cal, int year)
{
	json_t *j = calendar_year_to_json(cal, year);
	struct calendar *again = calendar_new();
	struct wc_error err;
	wc_day from, to;
	int back;

	if (!j || !again || calendar_load_year(again, j, &err) < 0)
		abort();
	from = date_from_ymd(year, 1, 1);
	for (int n = 0; n < 300; n += 37) {
		if (calendar_add_working_days(cal, from, n, &to, &err) < 0)
			break; /* ran out of the loaded year */
		if (calendar_working_days_between(cal, from, to, &back, &err) <
			0 ||
		    back != n)
			abort();
	}
	json_decref(j);
	calendar_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct calendar *cal = calendar_new();
	struct wc_error err;
	int years[4];
	size_t n;

	if (!cal)
		return 0;
	if (calendar_load_year_text(cal, (const char *)data, size, &err) == 0) {
		n = calendar_years(cal, years, 4);
		if (n != 1)
			abort();
		check_year(cal, years[0]);
	}
	calendar_free(&cal);
	return 0;
}
