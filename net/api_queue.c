/* api_queue.c - the calls behind the work queue, the inquiry view and the
 * case view: inquiries with handoffs, their actions, case lists, audit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net.h"

static int inquiry_full_parse(const json_t *obj, void *out, const void *user,
			      struct wc_error *err)
{
	(void)user;
	return net_inquiry_full_from_json(obj, out, err);
}

static bool inquiry_full_open(const void *elem, const void *user)
{
	const struct net_inquiry_full *q = elem;

	(void)user;
	return q->base.status != INQUIRY_CLOSED;
}

static void inquiry_full_elem_release(void *elem)
{
	net_inquiry_full_release(elem);
}

static const struct net_list_kind inquiry_full_kind = {
    .elem = sizeof(struct net_inquiry_full),
    .parse = inquiry_full_parse,
    .keep = inquiry_full_open,
    .release = inquiry_full_elem_release,
};

int net_inquiries_queue(struct net_client *client,
			struct net_inquiry_full_list *out, struct wc_error *err)
{
	void *items = NULL;
	size_t n = 0;

	if (net_list_collect(client, "/v1/inquiries?scope=mine",
			     &inquiry_full_kind, NULL, &items, &n, err))
		return -1;
	out->items = items;
	out->n = n;
	return 0;
}

int net_inquiry_get(struct net_client *client, const char *id,
		    struct net_inquiry_full *out, struct wc_error *err)
{
	char path[256];
	json_t *answer = NULL;
	int ret = -1;

	if (net_path_build(path, sizeof(path), "/v1/inquiries/", id, ""))
		return wc_error_set(err, "not_found", NULL, "bad id");
	if (net_request(client, "GET", path, NULL, NULL, &answer, err))
		goto done;
	ret = net_inquiry_full_from_json(answer, out, err);
done:
	json_decref(answer);
	return ret;
}

int net_inquiry_action(struct net_client *client, struct net_inquiry_full *q,
		       const char *action, const json_t *body,
		       const char *idempotency_key, struct wc_error *err)
{
	struct net_request_options opt = {
	    .idempotency_key = idempotency_key,
	    .if_match = q->base.version,
	};
	char path[256], suffix[96];
	json_t *answer = NULL;
	struct net_inquiry_full fresh;
	int ret = -1;

	snprintf(suffix, sizeof(suffix), "/%s", action);
	if (net_path_build(path, sizeof(path), "/v1/inquiries/", q->base.id,
			   suffix))
		return wc_error_set(err, "not_found", NULL, "bad id");
	if (net_write(client, "POST", path, body, &opt, &answer, err))
		goto done;
	/* The answer is the inquiry; should it be the handoff alone, the
	 * inquiry is read again. */
	if (json_object_get(answer, "handoffs") &&
	    json_object_get(answer, "status")) {
		if (net_inquiry_full_from_json(answer, &fresh, err))
			goto done;
	} else if (net_inquiry_get(client, q->base.id, &fresh, err)) {
		goto done;
	}
	net_inquiry_full_release(q);
	*q = fresh;
	ret = 0;
done:
	json_decref(answer);
	return ret;
}

/* Finished, or withdrawn: nothing left to do at the counter. */
static bool case_finished(enum case_status status)
{
	return case_is_finished(status) || status == CASE_WITHDRAWN;
}

static int case_parse(const json_t *obj, void *out, const void *user,
		      struct wc_error *err)
{
	(void)user;
	return net_case_from_json(obj, out, err);
}

/* user: a bool, open cases only */
static bool case_wanted(const void *elem, const void *user)
{
	const struct net_case *c = elem;
	const bool *open_only = user;

	return !*open_only || !case_finished(c->status);
}

static void case_elem_release(void *elem)
{
	net_case_release(elem);
}

static const struct net_list_kind case_kind = {
    .elem = sizeof(struct net_case),
    .parse = case_parse,
    .keep = case_wanted,
    .release = case_elem_release,
};

int net_cases_mine(struct net_client *client, bool open_only,
		   struct net_case_list *out, struct wc_error *err)
{
	void *items = NULL;
	size_t n = 0;

	if (net_list_collect(client, "/v1/cases?scope=mine", &case_kind,
			     &open_only, &items, &n, err))
		return -1;
	out->items = items;
	out->n = n;
	return 0;
}

static int audit_parse(const json_t *obj, void *out, const void *user,
		       struct wc_error *err)
{
	(void)user;
	return net_audit_entry_from_json(obj, out, err);
}

static void audit_elem_release(void *elem)
{
	net_audit_entry_release(elem);
}

static const struct net_list_kind audit_kind = {
    .elem = sizeof(struct net_audit_entry),
    .parse = audit_parse,
    .release = audit_elem_release,
};

int net_audit_list(struct net_client *client, const char *entity,
		   struct net_audit_list *out, struct wc_error *err)
{
	void *items = NULL;
	size_t n = 0;
	char path[256];

	if (net_path_build(path, sizeof(path), "/v1/audit?entity=", entity, ""))
		return wc_error_set(err, "not_found", NULL, "bad entity");
	if (net_list_collect(client, path, &audit_kind, NULL, &items, &n, err))
		return -1;
	out->items = items;
	out->n = n;
	return 0;
}
