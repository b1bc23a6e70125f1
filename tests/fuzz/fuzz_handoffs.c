/* fuzz_handoffs.c - the bodies of POST /v1/inquiries/{id}/handoffs and
 * .../handoffs/{hid}/ack (by clerk2, the target window).
 * Input format: route_harness.h. */
#include "case.h"
#include "route_harness.h"

static const struct fuzz_route routes[] = {
    {"handoff", handle_inquiry_handoff, 1, CALLER_CLERK1, 0},
    {"ack", handle_inquiry_ack, 2, CALLER_CLERK2, 0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_route_input(routes, sizeof(routes) / sizeof(routes[0]), data,
			 size);
	return 0;
}
