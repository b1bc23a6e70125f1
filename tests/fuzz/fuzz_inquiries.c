/* fuzz_inquiries.c - the bodies of POST /v1/inquiries and POST
 * /v1/inquiries/{id}/close.
 * Input format: route_harness.h. */
#include "case.h"
#include "route_harness.h"

static const struct fuzz_route routes[] = {
    {"create", handle_inquiry_create, 0, CALLER_CLERK1, 0},
    {"close", handle_inquiry_close, 1, CALLER_CLERK1, 0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_route_input(routes, sizeof(routes) / sizeof(routes[0]), data,
			 size);
	return 0;
}
