/* calendar.c - the working-day calendar (R4 of DESIGN.md): weekends are
 * rest days except official make-up workdays (调休上班), official holidays
 * are rest days, and a year that is not loaded is an error, never a guess. */
#include "wincase/calendar.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CALENDAR_MIN_YEAR  1970
#define CALENDAR_MAX_YEAR  9999
#define CALENDAR_MAX_DATES 366

struct calendar_year {
	int year;
	size_t n_holidays, n_workdays;
	wc_day holidays[CALENDAR_MAX_DATES]; /* ascending */
	wc_day workdays[CALENDAR_MAX_DATES]; /* ascending */
	uint8_t kind[CALENDAR_MAX_DATES];    /* per day of year, enum below */
};

enum { DAY_NORMAL, DAY_HOLIDAY, DAY_WORKDAY };

struct calendar {
	size_t n_years;
	struct calendar_year **years; /* ascending by year */
};

struct calendar *calendar_new(void)
{
	return calloc(1, sizeof(struct calendar));
}

void calendar_free(struct calendar **cal)
{
	if (!cal || !*cal)
		return;
	for (size_t i = 0; i < (*cal)->n_years; i++)
		free((*cal)->years[i]);
	free((*cal)->years);
	free(*cal);
	*cal = NULL;
}

static int calendar_day_cmp(const void *a, const void *b)
{
	wc_day x = *(const wc_day *)a, y = *(const wc_day *)b;

	return (x > y) - (x < y);
}

/* Reads one list of dates ("holidays" or "workdays") of year y into dates
 * and marks them in y->kind; a date already marked is an overlap. */
static int calendar_parse_dates(struct calendar_year *y, const json_t *obj,
				const char *key, uint8_t kind, wc_day *dates,
				size_t *n, struct wc_error *err)
{
	const json_t *list = json_object_get(obj, key), *v;
	wc_day first = date_from_ymd(y->year, 1, 1), d;
	char field[48];
	size_t i;

	if (!list)
		return 0; /* a year may have no make-up days */
	if (!json_is_array(list))
		return wc_error_set(err, "invalid_field", key,
				    "%s must be an array of dates", key);
	if (json_array_size(list) > CALENDAR_MAX_DATES)
		return wc_error_set(err, "invalid_field", key,
				    "%s has too many dates", key);
	json_array_foreach(list, i, v)
	{
		snprintf(field, sizeof(field), "%s[%zu]", key, i);
		if (!date_parse(json_string_value(v), &d))
			return wc_error_set(err, "invalid_field", field,
					    "not a YYYY-MM-DD date");
		if (date_year(d) != y->year)
			return wc_error_set(err, "invalid_field", field,
					    "%s is not in %d",
					    json_string_value(v), y->year);
		if (y->kind[d - first] != DAY_NORMAL)
			return wc_error_set(err, "invalid_field", field,
					    "%s is listed twice",
					    json_string_value(v));
		if (kind == DAY_WORKDAY && date_weekday(d) < 6)
			return wc_error_set(err, "invalid_field", field,
					    "make-up workday %s is not on a "
					    "weekend",
					    json_string_value(v));
		y->kind[d - first] = kind;
		dates[(*n)++] = d;
	}
	qsort(dates, *n, sizeof(*dates), calendar_day_cmp);
	return 0;
}

/* Puts y in place of a loaded year with the same number, or inserts it in
 * order. Takes ownership of y on success. */
static int calendar_store_year(struct calendar *cal, struct calendar_year *y,
			       struct wc_error *err)
{
	struct calendar_year **grown;
	size_t at = 0;

	while (at < cal->n_years && cal->years[at]->year < y->year)
		at++;
	if (at < cal->n_years && cal->years[at]->year == y->year) {
		free(cal->years[at]);
		cal->years[at] = y;
		return 0;
	}
	grown = realloc(cal->years, (cal->n_years + 1) * sizeof(*grown));
	if (!grown)
		return wc_error_set(err, "internal", NULL, "out of memory");
	cal->years = grown;
	memmove(&cal->years[at + 1], &cal->years[at],
		(cal->n_years - at) * sizeof(*grown));
	cal->years[at] = y;
	cal->n_years++;
	return 0;
}

int calendar_load_year(struct calendar *cal, const json_t *year_obj,
		       struct wc_error *err)
{
	struct calendar_year *y = NULL;
	const json_t *jy = json_object_get(year_obj, "year");
	int rc = -1;

	if (!json_is_object(year_obj))
		return wc_error_set(err, "invalid_field", NULL,
				    "a calendar year must be a JSON object");
	if (!json_is_integer(jy) ||
	    json_integer_value(jy) < CALENDAR_MIN_YEAR ||
	    json_integer_value(jy) > CALENDAR_MAX_YEAR)
		return wc_error_set(err, "invalid_field", "year",
				    "year must be an integer %d-%d",
				    CALENDAR_MIN_YEAR, CALENDAR_MAX_YEAR);
	y = calloc(1, sizeof(*y));
	if (!y)
		return wc_error_set(err, "internal", NULL, "out of memory");
	y->year = (int)json_integer_value(jy);
	if (calendar_parse_dates(y, year_obj, "holidays", DAY_HOLIDAY,
				 y->holidays, &y->n_holidays, err) < 0 ||
	    calendar_parse_dates(y, year_obj, "workdays", DAY_WORKDAY,
				 y->workdays, &y->n_workdays, err) < 0)
		goto done;
	if (calendar_store_year(cal, y, err) < 0)
		goto done;
	y = NULL;
	rc = 0;
done:
	free(y);
	return rc;
}

int calendar_load_year_text(struct calendar *cal, const char *text, size_t len,
			    struct wc_error *err)
{
	json_error_t jerr;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	int rc;

	if (!root)
		return wc_error_set(err, "invalid_field", NULL,
				    "calendar JSON, line %d: %s", jerr.line,
				    jerr.text);
	rc = calendar_load_year(cal, root, err);
	json_decref(root);
	return rc;
}

static const struct calendar_year *calendar_find(const struct calendar *cal,
						 int year)
{
	for (size_t i = 0; cal && i < cal->n_years; i++) {
		if (cal->years[i]->year == year)
			return cal->years[i];
	}
	return NULL;
}

bool calendar_has_year(const struct calendar *cal, int year)
{
	return calendar_find(cal, year) != NULL;
}

size_t calendar_years(const struct calendar *cal, int *years, size_t max)
{
	size_t n = 0;

	for (; cal && n < cal->n_years && n < max; n++)
		years[n] = cal->years[n]->year;
	return n;
}

wc_day calendar_last_covered(const struct calendar *cal)
{
	size_t i;

	if (!cal || cal->n_years == 0)
		return -1;
	for (i = 1; i < cal->n_years; i++) {
		if (cal->years[i]->year != cal->years[i - 1]->year + 1)
			break;
	}
	return date_from_ymd(cal->years[i - 1]->year, 12, 31);
}

static json_t *calendar_dates_to_json(const wc_day *dates, size_t n)
{
	json_t *list = json_array();
	char text[DATE_TEXT_SIZE];

	for (size_t i = 0; list && i < n; i++) {
		date_format(dates[i], text);
		json_array_append_new(list, json_string(text));
	}
	return list;
}

json_t *calendar_year_to_json(const struct calendar *cal, int year)
{
	const struct calendar_year *y = calendar_find(cal, year);

	if (!y)
		return NULL;
	return json_pack("{s:i, s:o, s:o}", "year", y->year, "holidays",
			 calendar_dates_to_json(y->holidays, y->n_holidays),
			 "workdays",
			 calendar_dates_to_json(y->workdays, y->n_workdays));
}

int calendar_is_workday(const struct calendar *cal, wc_day d, bool *out,
			struct wc_error *err)
{
	const struct calendar_year *y = calendar_find(cal, date_year(d));
	char text[DATE_TEXT_SIZE];
	uint8_t kind;

	if (!y) {
		date_format(d, text);
		return wc_error_set(err, "calendar_missing", NULL,
				    "the calendar of %d (for %s) is not loaded",
				    date_year(d), text);
	}
	kind = y->kind[d - date_from_ymd(y->year, 1, 1)];
	if (kind == DAY_NORMAL)
		*out = date_weekday(d) < 6;
	else
		*out = kind == DAY_WORKDAY;
	return 0;
}

int calendar_add_working_days(const struct calendar *cal, wc_day from, int n,
			      wc_day *out, struct wc_error *err)
{
	wc_day d = from;
	bool work;

	if (n < 0)
		return wc_error_set(err, "invalid_field", "days",
				    "working days must not be negative");
	/* R4: counted from the next working day after from. */
	while (n > 0) {
		d++;
		if (calendar_is_workday(cal, d, &work, err) < 0)
			return -1;
		if (work)
			n--;
	}
	*out = d;
	return 0;
}

/* Working days in (from, to] for from <= to. */
static int calendar_count_forward(const struct calendar *cal, wc_day from,
				  wc_day to, int *out, struct wc_error *err)
{
	bool work;
	int n = 0;

	for (wc_day d = from + 1; d <= to; d++) {
		if (calendar_is_workday(cal, d, &work, err) < 0)
			return -1;
		n += work;
	}
	*out = n;
	return 0;
}

int calendar_working_days_between(const struct calendar *cal, wc_day from,
				  wc_day to, int *out, struct wc_error *err)
{
	int n;

	if (to >= from)
		return calendar_count_forward(cal, from, to, out, err);
	if (calendar_count_forward(cal, to, from, &n, err) < 0)
		return -1;
	*out = -n;
	return 0;
}
