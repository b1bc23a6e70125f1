/* clock.c - real or fake time, in the server's local offset. */
#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void clock_init(struct server_clock *clk, bool fake, int64_t fake_start,
		int offset_minutes)
{
	clk->fake = fake;
	clk->offset_minutes = offset_minutes;
	clk->fake_now = fake_start;
	pthread_mutex_init(&clk->lock, NULL);
}

void clock_destroy(struct server_clock *clk)
{
	pthread_mutex_destroy(&clk->lock);
}

int64_t clock_now(struct server_clock *clk)
{
	int64_t now;

	if (!clk->fake)
		return (int64_t)time(NULL);
	pthread_mutex_lock(&clk->lock);
	now = clk->fake_now;
	pthread_mutex_unlock(&clk->lock);
	return now;
}

int clock_set(struct server_clock *clk, int64_t now)
{
	if (!clk->fake)
		return -1;
	pthread_mutex_lock(&clk->lock);
	clk->fake_now = now;
	pthread_mutex_unlock(&clk->lock);
	return 0;
}

/* Floor division, so that times before 1970 land on the right day. */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

wc_day clock_local_day(const struct server_clock *clk, int64_t t)
{
	return (wc_day)floor_div(t + (int64_t)clk->offset_minutes * 60, 86400);
}

void clock_format(const struct server_clock *clk, int64_t t,
		  char out[CLOCK_TEXT_SIZE])
{
	int64_t local = t + (int64_t)clk->offset_minutes * 60;
	int64_t secs = local - floor_div(local, 86400) * 86400;
	int off = clk->offset_minutes < 0 ? -clk->offset_minutes
					  : clk->offset_minutes;
	int y, mo, d;

	date_to_ymd((wc_day)floor_div(local, 86400), &y, &mo, &d);
	snprintf(out, CLOCK_TEXT_SIZE,
		 "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d,
		 (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60),
		 clk->offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
}

/* n digits at s into *out; false if any is not a digit. */
static bool digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool clock_parse_rfc3339(const char *text, int64_t *out)
{
	int y, mo, d, h, mi, s, oh = 0, om = 0, sign = 1;
	const char *p = text;

	if (strlen(text) < 20 || !digits(p, 4, &y) || p[4] != '-' ||
	    !digits(p + 5, 2, &mo) || p[7] != '-' || !digits(p + 8, 2, &d) ||
	    (p[10] != 'T' && p[10] != 't') || !digits(p + 11, 2, &h) ||
	    p[13] != ':' || !digits(p + 14, 2, &mi) || p[16] != ':' ||
	    !digits(p + 17, 2, &s))
		return false;
	if (!date_is_valid_ymd(y, mo, d) || h > 23 || mi > 59 || s > 59)
		return false;
	p += 19;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if ((*p == 'Z' || *p == 'z') && p[1] == '\0') {
		sign = 0;
	} else if ((*p == '+' || *p == '-') && strlen(p) == 6 &&
		   digits(p + 1, 2, &oh) && p[3] == ':' &&
		   digits(p + 4, 2, &om) && oh <= 23 && om <= 59) {
		sign = *p == '-' ? -1 : 1;
	} else {
		return false;
	}
	*out = (int64_t)date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 +
	       s - sign * (oh * 3600 + om * 60);
	return true;
}
