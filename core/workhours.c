/* workhours.c - working hours on the working days of the calendar (R1: a
 * handoff not acknowledged within one working hour is bounced). */
#include "wincase/workhours.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define MINUTES_PER_DAY 1440

void workhours_default(struct workhours *wh)
{
	memset(wh, 0, sizeof(*wh));
	wh->n_periods = 2;
	wh->periods[0] = (struct workhours_period){9 * 60, 12 * 60};
	wh->periods[1] = (struct workhours_period){13 * 60 + 30, 17 * 60 + 30};
}

/* "HH:MM" at s (exactly 5 characters) into minutes; 24:00 is allowed. */
static bool workhours_parse_clock(const char *s, int *out)
{
	int h, m;

	for (int i = 0; i < 5; i++) {
		if (i == 2 ? s[i] != ':' : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return false;
	*out = h * 60 + m;
	return true;
}

int workhours_parse(const char *text, struct workhours *wh,
		    struct wc_error *err)
{
	struct workhours parsed = {0};
	const char *p = text;
	struct workhours_period *per;

	if (!text || !*text)
		return wc_error_set(err, "invalid_field", "working_hours",
				    "working hours must not be empty");
	for (;;) {
		if (parsed.n_periods == WORKHOURS_MAX_PERIODS)
			return wc_error_set(
			    err, "invalid_field", "working_hours",
			    "at most %d periods", WORKHOURS_MAX_PERIODS);
		per = &parsed.periods[parsed.n_periods];
		if (strlen(p) < 11 || !workhours_parse_clock(p, &per->start) ||
		    p[5] != '-' || !workhours_parse_clock(p + 6, &per->end))
			return wc_error_set(
			    err, "invalid_field", "working_hours",
			    "expected HH:MM-HH:MM at '%.16s'", p);
		if (per->start >= per->end || per->start >= MINUTES_PER_DAY)
			return wc_error_set(
			    err, "invalid_field", "working_hours",
			    "a period must end after it starts");
		if (parsed.n_periods > 0 &&
		    per->start < parsed.periods[parsed.n_periods - 1].end)
			return wc_error_set(err, "invalid_field",
					    "working_hours",
					    "periods must be ascending and "
					    "must not overlap");
		parsed.n_periods++;
		p += 11;
		if (*p == '\0')
			break;
		if (*p != ',')
			return wc_error_set(err, "invalid_field",
					    "working_hours",
					    "periods are separated by commas");
		p++;
	}
	*wh = parsed;
	return 0;
}

void workhours_format(const struct workhours *wh, char out[WORKHOURS_TEXT_SIZE])
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; i < wh->n_periods; i++) {
		const struct workhours_period *per = &wh->periods[i];

		used += (size_t)snprintf(out + used, WORKHOURS_TEXT_SIZE - used,
					 "%s%02d:%02d-%02d:%02d", i ? "," : "",
					 per->start / 60, per->start % 60,
					 per->end / 60, per->end % 60);
	}
}

/* Within one working day from minute *pos: consume up to *left minutes of
 * its periods. True when they are all consumed (*pos is then the end). */
static bool workhours_consume_day(const struct workhours *wh, int *pos,
				  int *left)
{
	for (int i = 0; i < wh->n_periods; i++) {
		const struct workhours_period *per = &wh->periods[i];

		if (*pos >= per->end)
			continue;
		if (*pos < per->start)
			*pos = per->start;
		if (*pos + *left <= per->end) {
			*pos += *left;
			*left = 0;
			return true;
		}
		*left -= per->end - *pos;
		*pos = per->end;
	}
	return false;
}

int workhours_add(const struct workhours *wh, const struct calendar *cal,
		  struct workhours_time start, int minutes,
		  struct workhours_time *out, struct wc_error *err)
{
	wc_day day = start.day;
	int pos = start.minute, left = minutes;
	bool work;

	if (minutes < 0)
		return wc_error_set(err, "invalid_field", "minutes",
				    "working minutes must not be negative");
	if (start.minute < 0 || start.minute >= MINUTES_PER_DAY)
		return wc_error_set(err, "invalid_field", "minute",
				    "a minute of the day is 0-1439");
	if (wh->n_periods < 1)
		return wc_error_set(err, "invalid_field", "working_hours",
				    "no working hours are configured");
	if (minutes == 0) {
		*out = start;
		return 0;
	}
	/* Ends: every day crossed is looked up, and a year that is not
	 * loaded stops the walk with calendar_missing. */
	for (;;) {
		if (calendar_is_workday(cal, day, &work, err) < 0)
			return -1;
		if (work && workhours_consume_day(wh, &pos, &left))
			break;
		day++;
		pos = 0;
	}
	if (pos == MINUTES_PER_DAY) {
		day++;
		pos = 0;
	}
	out->day = day;
	out->minute = pos;
	return 0;
}

/* The working minutes of one day's periods in [from, to). */
static long workhours_day_minutes(const struct workhours *wh, int from, int to)
{
	long n = 0;

	for (int i = 0; i < wh->n_periods; i++) {
		int a =
		    wh->periods[i].start > from ? wh->periods[i].start : from;
		int b = wh->periods[i].end < to ? wh->periods[i].end : to;

		if (b > a)
			n += b - a;
	}
	return n;
}

int workhours_between(const struct workhours *wh, const struct calendar *cal,
		      struct workhours_time from, struct workhours_time to,
		      long *minutes, struct wc_error *err)
{
	long n = 0;
	bool work;

	if (from.minute < 0 || from.minute >= MINUTES_PER_DAY ||
	    to.minute < 0 || to.minute >= MINUTES_PER_DAY)
		return wc_error_set(err, "invalid_field", "minute",
				    "a minute of the day is 0-1439");
	for (wc_day day = from.day; day <= to.day; day++) {
		if (calendar_is_workday(cal, day, &work, err) < 0)
			return -1;
		if (work)
			n += workhours_day_minutes(
			    wh, day == from.day ? from.minute : 0,
			    day == to.day ? to.minute : MINUTES_PER_DAY);
	}
	*minutes = n;
	return 0;
}
