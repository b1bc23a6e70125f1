/* date.h - civil dates as day numbers, without time zones or I/O. */
#ifndef WINCASE_DATE_H
#define WINCASE_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t wc_day;

#define DATE_TEXT_SIZE 11 /* "YYYY-MM-DD" and NUL */

bool date_is_valid_ymd(int year, int month, int day);
wc_day date_from_ymd(int year, int month, int day); /* caller checks validity */
void date_to_ymd(wc_day d, int *year, int *month, int *day);
int date_year(wc_day d);

/* ISO weekday: 1 Monday ... 7 Sunday. */
int date_weekday(wc_day d);

/* Strict "YYYY-MM-DD" with a real calendar date; false otherwise. */
bool date_parse(const char *text, wc_day *out);
void date_format(wc_day d, char out[DATE_TEXT_SIZE]);

/* A server time (RFC 3339, "2026-12-02T14:39:21+08:00", the server's
 * local time as written) as the clerk reads it: "12-02 14:39", or
 * "2025-12-02 14:39" when its year is not this_year ("2026-12-02 14:39",
 * a draft's local time, reads the same). Anything else is
 * copied as it is (cut to size). */
#define DATE_TIME_SHORT_SIZE 17
void date_time_short(const char *rfc3339, int this_year,
		     char out[DATE_TIME_SHORT_SIZE]);

#endif
