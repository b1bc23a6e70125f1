/* handoff_targets.h - R1 handoff targets (issue 13.5): the windows and
 * departments an inquiry can be handed off to. */
#ifndef WINCASED_HANDOFF_TARGETS_H
#define WINCASED_HANDOFF_TARGETS_H

#include <stdbool.h>

struct api_request;
struct api_reply;

/* True when window (or, when window is NULL, department) is a target;
 * else false after a 422 handoff_target_unknown (or 500) reply. */
bool handoff_target_check(struct api_request *req, struct api_reply *rep,
			  const char *window, const char *department);

#endif
