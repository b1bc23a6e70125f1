/* clock.h - the server's notion of now: the real time, or a frozen fake
 * clock that only PUT /v1/admin/clock moves (--fake-clock), and the
 * server-local time zone used for dates and document numbers. */
#ifndef WINCASED_CLOCK_H
#define WINCASED_CLOCK_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "wincase/date.h"

#define CLOCK_TEXT_SIZE                                                        \
	64 /* "2026-11-28T09:30:00+08:00" and NUL, with room                   \
	    */

struct server_clock {
	bool fake;
	int offset_minutes; /* server local time, east of UTC */
	pthread_mutex_t lock;
	int64_t fake_now; /* unix seconds, while fake */
};

/* fake_start is used only when fake is true. */
void clock_init(struct server_clock *clk, bool fake, int64_t fake_start,
		int offset_minutes);
void clock_destroy(struct server_clock *clk);

int64_t clock_now(struct server_clock *clk);
/* Only for a fake clock; returns -1 on a real one. */
int clock_set(struct server_clock *clk, int64_t now);

/* RFC 3339 in the clock's offset: "2026-11-02T09:00:00+08:00". */
void clock_format(const struct server_clock *clk, int64_t t,
		  char out[CLOCK_TEXT_SIZE]);
/* The server-local calendar date of t. */
wc_day clock_local_day(const struct server_clock *clk, int64_t t);

/* Strict RFC 3339 "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)" into unix
 * seconds (fractions dropped). */
bool clock_parse_rfc3339(const char *text, int64_t *out);

#endif
