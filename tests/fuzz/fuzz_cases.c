/* fuzz_cases.c - the bodies of POST /v1/cases and every case action
 * but the checklist (fuzz_checklists.c).
 * Input format: route_harness.h. */
#include "case.h"
#include "route_harness.h"

static const struct fuzz_route routes[] = {
    {"create", handle_case_create, 0, CALLER_CLERK1, 0},
    {"notice", handle_case_notice, 1, CALLER_CLERK1, 0},
    {"accept", handle_case_accept, 1, CALLER_CLERK1, 0},
    {"supplement", handle_case_supplement, 1, CALLER_CLERK1, 0},
    {"complete", handle_case_complete, 1, CALLER_CLERK1, 0},
    {"withdraw", handle_case_withdraw, 1, CALLER_CLERK1, 0},
    {"rating", handle_case_rating, 1, CALLER_CLERK1, 0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_route_input(routes, sizeof(routes) / sizeof(routes[0]), data,
			 size);
	return 0;
}
