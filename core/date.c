/* date.c - civil dates as day numbers (days since 1970-01-01).
 *
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days,
 * exact for the whole proleptic Gregorian calendar with no time zone and no
 * libc involvement, so a date never shifts with TZ or DST. */
#include "wincase/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int date_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};

	if (month == 2 && date_is_leap(year))
		return 29;
	return days[month - 1];
}

bool date_is_valid_ymd(int year, int month, int day)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
		return false;
	return day <= date_days_in_month(year, month);
}

wc_day date_from_ymd(int year, int month, int day)
{
	int y = month <= 2 ? year - 1 : year;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (wc_day)(era * 146097 + doe - 719468);
}

void date_to_ymd(wc_day d, int *year, int *month, int *day)
{
	int z = (int)d + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int m = mp < 10 ? mp + 3 : mp - 9;

	if (year)
		*year = yoe + era * 400 + (m <= 2);
	if (month)
		*month = m;
	if (day)
		*day = doy - (153 * mp + 2) / 5 + 1;
}

int date_year(wc_day d)
{
	int year;

	date_to_ymd(d, &year, NULL, NULL);
	return year;
}

int date_weekday(wc_day d)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (int)((d % 7 + 7) % 7); /* 0 = Thursday */

	return (w + 3) % 7 + 1;
}

static int date_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_parse(const char *text, wc_day *out)
{
	int y, m, d;

	if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	y = date_digits(text, 4);
	m = date_digits(text + 5, 2);
	d = date_digits(text + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_is_valid_ymd(y, m, d))
		return false;
	if (out)
		*out = date_from_ymd(y, m, d);
	return true;
}

/* Writes n decimal digits of v (0 <= v < 10^n). */
static void date_put_digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void date_format(wc_day d, char out[DATE_TEXT_SIZE])
{
	int y, m, day;

	date_to_ymd(d, &y, &m, &day);
	if (y < 0 || y > 9999)
		y = m = day = 0; /* out of range: "0000-00-00", never garbage */
	date_put_digits(out, y, 4);
	out[4] = '-';
	date_put_digits(out + 5, m, 2);
	out[7] = '-';
	date_put_digits(out + 8, day, 2);
	out[10] = '\0';
}

void date_time_short(const char *t, int this_year,
		     char out[DATE_TIME_SHORT_SIZE])
{
	char day[DATE_TEXT_SIZE];
	wc_day d;

	t = t ? t : "";
	snprintf(day, sizeof(day), "%.10s", t);
	if (strlen(t) < 16 || (t[10] != 'T' && t[10] != ' ') ||
	    !date_parse(day, &d) || !isdigit((unsigned char)t[11]) ||
	    !isdigit((unsigned char)t[12]) || t[13] != ':' ||
	    !isdigit((unsigned char)t[14]) || !isdigit((unsigned char)t[15])) {
		snprintf(out, DATE_TIME_SHORT_SIZE, "%s", t);
		return;
	}
	if (date_year(d) == this_year)
		snprintf(out, DATE_TIME_SHORT_SIZE, "%.5s %.5s", t + 5, t + 11);
	else
		snprintf(out, DATE_TIME_SHORT_SIZE, "%.10s %.5s", t, t + 11);
}
