/* fuzz_admin.c - the administrator's bodies: POST /v1/users, PUT
 * /v1/users/{username}/windows, PUT /v1/items/{code}, PUT
 * /v1/calendar/{year}, PUT /v1/admin/clock.
 * Input format: route_harness.h. */
#include "case.h"
#include "route_harness.h"

static const struct fuzz_route routes[] = {
    {"user", handle_user_create, 0, CALLER_ADMIN, 0},
    {"windows", handle_user_windows_put, 1, CALLER_ADMIN, 0},
    {"item", handle_item_put, 1, CALLER_ADMIN, 0},
    {"calendar", handle_calendar_put, 1, CALLER_ADMIN, 0},
    {"clock", handle_clock_put, 0, CALLER_ADMIN, 0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_route_input(routes, sizeof(routes) / sizeof(routes[0]), data,
			 size);
	return 0;
}
