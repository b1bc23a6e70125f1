/* routes.h - every endpoint as one row of a table (STYLE.md 5). */
#ifndef WINCASED_ROUTES_H
#define WINCASED_ROUTES_H

#include <stddef.h>

#include "api.h"

enum route_flags {
	ROUTE_PUBLIC = 1 << 0,	   /* no token needed */
	ROUTE_WRITE = 1 << 1,	   /* runs in one write transaction */
	ROUTE_IDEMPOTENT = 1 << 2, /* honours Idempotency-Key (POST) */
	ROUTE_FAKE_CLOCK = 1 << 3, /* exists only with --fake-clock */
};

struct route {
	const char *method;
	const char *pattern; /* "/v1/items/{code}": {x} matches one segment */
	int roles;	     /* enum api_role bits allowed */
	unsigned flags;
	api_handler handler;
};

extern const struct route routes[];
extern const size_t routes_count;

#endif
