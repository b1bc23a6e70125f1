/* calendar.h - the working-day calendar (R4 of DESIGN.md).
 *
 * A year is loaded from JSON:
 * {"year":2026,"holidays":[dates],"workdays":[dates]} where holidays are
 * official rest days and workdays are weekend days that are official make-up
 * working days (调休上班). A date in a year that is not loaded is an error
 * ("calendar_missing"), never a guess. */
#ifndef WINCASE_CALENDAR_H
#define WINCASE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "wincase/date.h"
#include "wincase/error.h"

struct calendar;

/* Returns a new empty calendar (caller frees with calendar_free), or NULL on
 * allocation failure. */
struct calendar *calendar_new(void);
void calendar_free(struct calendar **cal);

/* Load or replace one year from a JSON object as above. Every date must be in
 * that year, holidays and workdays must not overlap, a "workday" must fall on
 * a weekend. On error nothing changes and err says why ("invalid_field"). */
int calendar_load_year(struct calendar *cal, const json_t *year_obj,
		       struct wc_error *err);
/* Same, from a buffer holding the JSON text. */
int calendar_load_year_text(struct calendar *cal, const char *text, size_t len,
			    struct wc_error *err);

bool calendar_has_year(const struct calendar *cal, int year);
/* The loaded years in ascending order; returns how many (at most max). */
size_t calendar_years(const struct calendar *cal, int *years, size_t max);
/* The last date of the last loaded year of the contiguous run that starts at
 * the first loaded year, or -1 if nothing is loaded. */
wc_day calendar_last_covered(const struct calendar *cal);

/* New reference: {"year","holidays":[...],"workdays":[...]}, or NULL if the
 * year is not loaded. */
json_t *calendar_year_to_json(const struct calendar *cal, int year);

/* 0 and *out set, or -1 with err "calendar_missing". */
int calendar_is_workday(const struct calendar *cal, wc_day d, bool *out,
			struct wc_error *err);

/* The date that is n (>= 0) working days after from, counted from the next
 * working day: n = 1 is the first working day after from. n = 0 is from. */
int calendar_add_working_days(const struct calendar *cal, wc_day from, int n,
			      wc_day *out, struct wc_error *err);

/* The number of working days in (from, to]; negative (minus the working days
 * in (to, from]) when to is before from. The inverse of add_working_days:
 * between(from, add(from, n)) == n. */
int calendar_working_days_between(const struct calendar *cal, wc_day from,
				  wc_day to, int *out, struct wc_error *err);

#endif
