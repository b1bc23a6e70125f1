/* net_handoff.h - R1 handoffs beyond the first contract (issue 13.5):
 * the targets an inquiry can go to, and the sender's recall of a waiting
 * handoff. */
#ifndef WINCASE_NET_HANDOFF_H
#define WINCASE_NET_HANDOFF_H

#include <stdbool.h>
#include <stddef.h>

#include "wincase/error.h"

struct net_client;
struct net_inquiry_full;

struct net_handoff_target {
	bool department; /* else a window */
	char *name;	 /* sanitised, owned */
};

struct net_handoff_targets {
	size_t n;
	struct net_handoff_target *items;
};

/* GET /v1/handoff-targets: windows first, then departments. */
int net_handoff_targets(struct net_client *client,
			struct net_handoff_targets *out, struct wc_error *err);
void net_handoff_targets_release(struct net_handoff_targets *t);

/* POST handoffs/{handoff_id}/recall; q is replaced by the inquiry as the
 * server now holds it. */
int net_inquiry_recall(struct net_client *client, struct net_inquiry_full *q,
		       const char *handoff_id, const char *idempotency_key,
		       struct wc_error *err);

#endif
