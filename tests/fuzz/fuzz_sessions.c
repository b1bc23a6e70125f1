/* fuzz_sessions.c - the body of POST /v1/sessions (the handler writes in
 * its own transactions; the fake clock moves a day per input so that the
 * throttle lets the next one through).
 * Input format: route_harness.h. */
#include "case.h"
#include "route_harness.h"

static const struct fuzz_route routes[] = {
    {"login", handle_session_create, 0, CALLER_ADMIN, 1},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_route_input(routes, sizeof(routes) / sizeof(routes[0]), data,
			 size);
	return 0;
}
