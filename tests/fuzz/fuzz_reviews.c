/* fuzz_reviews.c - the body of POST /v1/review/{item_id}/decision (by
 * reviewer1).
 * Input format: route_harness.h. */
#include "case.h"
#include "route_harness.h"

static const struct fuzz_route routes[] = {
    {"decision", handle_review_decision, 1, CALLER_REVIEWER, 0},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_route_input(routes, sizeof(routes) / sizeof(routes[0]), data,
			 size);
	return 0;
}
