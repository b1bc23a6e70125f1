/* route_harness.h - the request-body fuzz targets' common part: a real
 * wincased app (SQLite in a temporary folder, the demo catalog, calendar
 * and users, a few inquiries and cases made through the handlers) and one
 * call of a route handler per input, in a write transaction that is
 * rolled back so that every input meets the same state.
 *
 * Input: byte 0 picks the route (modulo the family's count); then one line
 * of space-separated words: the route's path parameters, then the If-Match
 * value (optional); the rest is the request body, parsed as http.c does
 * (json_loadb with JSON_REJECT_DUPLICATES). A body that is not JSON is
 * what http.c answers 400 for, so it never reaches a handler. */
#ifndef WINCASE_FUZZ_ROUTE_HARNESS_H
#define WINCASE_FUZZ_ROUTE_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "api.h"

/* Who calls: the demo users, with their session window. */
enum fuzz_caller {
	CALLER_CLERK1,
	CALLER_CLERK2,
	CALLER_REVIEWER,
	CALLER_ADMIN
};

struct fuzz_route {
	const char *name; /* for the seed files */
	api_handler handler;
	int n_params;
	enum fuzz_caller caller;
	/* The handler runs its own transactions (POST /v1/sessions). */
	int own_transaction;
};

/* Once per process: the app and its fixtures. Aborts when they cannot be
 * made (a fuzz run over a broken state would find nothing). */
void fuzz_harness_init(void);
/* Run one input against the family's routes. */
void fuzz_route_input(const struct fuzz_route *routes, size_t n,
		      const uint8_t *data, size_t size);

#endif
