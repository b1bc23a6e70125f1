/* workhours.h - working hours on working days (R1 of DESIGN.md: a handoff
 * not acknowledged within one working hour is bounced).
 *
 * Working hours are a few periods of the day, e.g. 09:00-12:00 and
 * 13:30-17:30 (the default), applied on the working days of the core
 * calendar (weekends rest except make-up workdays, holidays rest). Times are
 * server-local: a date and a minute of that day (0-1439). Pure functions,
 * no clock, no I/O. */
#ifndef WINCASE_WORKHOURS_H
#define WINCASE_WORKHOURS_H

#include "wincase/calendar.h"
#include "wincase/date.h"
#include "wincase/error.h"

#define WORKHOURS_MAX_PERIODS 8
#define WORKHOURS_TEXT_SIZE   (WORKHOURS_MAX_PERIODS * 12 + 1)

struct workhours_period {
	int start; /* minute of the day, inclusive */
	int end;   /* minute of the day, exclusive; start < end <= 1440 */
};

struct workhours {
	int n_periods;						/* at least 1 */
	struct workhours_period periods[WORKHOURS_MAX_PERIODS]; /* ascending */
};

/* A local time: a date and a minute of that day. */
struct workhours_time {
	wc_day day;
	int minute; /* 0-1439 */
};

/* 09:00-12:00 and 13:30-17:30. */
void workhours_default(struct workhours *wh);

/* "09:00-12:00,13:30-17:30": 1 to WORKHOURS_MAX_PERIODS periods, HH:MM-HH:MM
 * with start before end (24:00 allowed as an end), ascending and not
 * overlapping. On error wh is unchanged and err is "invalid_field". */
int workhours_parse(const char *text, struct workhours *wh,
		    struct wc_error *err);
/* The text workhours_parse reads. */
void workhours_format(const struct workhours *wh,
		      char out[WORKHOURS_TEXT_SIZE]);

/* The local time at which `minutes` (>= 0) working minutes have elapsed
 * since start: time outside the periods, on rest days and holidays does not
 * count; make-up workdays do. A start outside working hours begins at the
 * next period. 0 minutes gives start. Error "calendar_missing" when a day
 * to cross is in a year that is not loaded, "invalid_field" for negative
 * minutes or a minute outside 0-1439. */
int workhours_add(const struct workhours *wh, const struct calendar *cal,
		  struct workhours_time start, int minutes,
		  struct workhours_time *out, struct wc_error *err);

/* The working minutes between from and to (0 when to is not after
 * from): the inverse of workhours_add, for how long something has waited
 * in working time. Error "calendar_missing" when a day crossed is in a year
 * that is not loaded, "invalid_field" for a minute outside 0-1439. */
int workhours_between(const struct workhours *wh, const struct calendar *cal,
		      struct workhours_time from, struct workhours_time to,
		      long *minutes, struct wc_error *err);

#endif
