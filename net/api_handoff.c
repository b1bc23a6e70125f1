/* api_handoff.c - handoff targets and recall (net_handoff.h). */
#include <stdlib.h>
#include <string.h>

#include "wincase/net.h"
#include "wincase/net_handoff.h"

#include "private.h"

static int target_parse(const json_t *obj, void *out, const void *user,
			struct wc_error *err)
{
	struct net_handoff_target *t = out;
	const char *kind = json_string_value(json_object_get(obj, "kind"));
	char *name = NULL;

	(void)user;
	if (net_text_get(obj, "name", &name))
		return net_oom(err);
	if (!name || !*name || !kind ||
	    (strcmp(kind, "window") != 0 && strcmp(kind, "department") != 0)) {
		free(name);
		return wc_error_set(err, "bad_response", NULL,
				    "a handoff target without kind or name");
	}
	t->department = strcmp(kind, "department") == 0;
	t->name = name;
	return 0;
}

static void target_release(void *elem)
{
	struct net_handoff_target *t = elem;

	free(t->name);
	t->name = NULL;
}

static const struct net_list_kind target_kind = {
    .elem = sizeof(struct net_handoff_target),
    .parse = target_parse,
    .release = target_release,
};

int net_handoff_targets(struct net_client *client,
			struct net_handoff_targets *out, struct wc_error *err)
{
	void *items = NULL;
	size_t n = 0;

	if (net_list_collect(client, "/v1/handoff-targets", &target_kind, NULL,
			     &items, &n, err))
		return -1;
	out->items = items;
	out->n = n;
	return 0;
}

void net_handoff_targets_release(struct net_handoff_targets *t)
{
	for (size_t i = 0; i < t->n; i++)
		target_release(&t->items[i]);
	free(t->items);
	t->items = NULL;
	t->n = 0;
}

int net_inquiry_recall(struct net_client *client, struct net_inquiry_full *q,
		       const char *handoff_id, const char *idempotency_key,
		       struct wc_error *err)
{
	char action[96];

	if (!handoff_id || !*handoff_id ||
	    strspn(handoff_id, "0123456789") != strlen(handoff_id) ||
	    strlen(handoff_id) > 40)
		return wc_error_set(err, "not_found", NULL, "bad handoff id");
	snprintf(action, sizeof(action), "handoffs/%s/recall", handoff_id);
	return net_inquiry_action(client, q, action, NULL, idempotency_key,
				  err);
}
