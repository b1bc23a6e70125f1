/* fuzz_checklists.c - the body of PUT /v1/cases/{id}/checklist.
 * Input format: route_harness.h. */
#include "case.h"
#include "route_harness.h"

static const struct fuzz_route routes[] = {
    {"checklist", handle_case_checklist, 1, CALLER_CLERK1, 0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_route_input(routes, sizeof(routes) / sizeof(routes[0]), data,
			 size);
	return 0;
}
