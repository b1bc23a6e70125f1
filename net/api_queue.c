/* api_queue.c - the calls behind the work queue, the inquiry view and the
 * case view: inquiries with handoffs, their actions, case lists, audit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "wincase/net.h"

static int oom(struct wc_error *err)
{
	return wc_error_set(err, "internal", NULL, "out of memory");
}

/* path = prefix + escaped(part) + suffix; -1 when it does not fit. */
static int path_build(char *out, size_t size, const char *prefix,
		      const char *part, const char *suffix)
{
	char *escaped = curl_easy_escape(NULL, part ? part : "", 0);
	int n;

	if (!escaped)
		return -1;
	n = snprintf(out, size, "%s%s%s", prefix, escaped, suffix);
	curl_free(escaped);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Makes room for one more element of size elem in *items. */
static int grow(void **items, size_t n, size_t elem)
{
	void *p;

	if (n & (n - 1)) /* not a power of two: there is room */
		return 0;
	p = realloc(*items, (n ? n * 2 : 1) * elem);
	if (!p)
		return -1;
	*items = p;
	return 0;
}

static int inquiry_full_add(const json_t *obj, void *user, struct wc_error *err)
{
	struct net_inquiry_full_list *list = user;
	struct net_inquiry_full q;

	if (net_inquiry_full_from_json(obj, &q, err))
		return -1;
	if (q.base.status && strcmp(q.base.status, "closed") == 0) {
		net_inquiry_full_release(&q);
		return 0;
	}
	if (grow((void **)&list->items, list->n, sizeof(q))) {
		net_inquiry_full_release(&q);
		return oom(err);
	}
	list->items[list->n++] = q;
	return 0;
}

int net_inquiries_queue(struct net_client *client,
			struct net_inquiry_full_list *out, struct wc_error *err)
{
	struct net_inquiry_full_list list = {0};

	if (net_list_each(client, "/v1/inquiries?scope=mine", inquiry_full_add,
			  &list, err)) {
		net_inquiry_full_list_release(&list);
		return -1;
	}
	*out = list;
	return 0;
}

int net_inquiry_get(struct net_client *client, const char *id,
		    struct net_inquiry_full *out, struct wc_error *err)
{
	char path[256];
	json_t *answer = NULL;
	int ret = -1;

	if (path_build(path, sizeof(path), "/v1/inquiries/", id, ""))
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
	if (path_build(path, sizeof(path), "/v1/inquiries/", q->base.id,
		       suffix))
		return wc_error_set(err, "not_found", NULL, "bad id");
	if (net_request_ex(client, "POST", path, body, &opt, &answer, err))
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

struct case_filter {
	struct net_case_list *list;
	bool open_only;
};

static bool case_finished(const char *status)
{
	static const char *const done[] = {"completed", "denied", "withdrawn"};

	for (size_t i = 0; status && i < 3; i++)
		if (strcmp(status, done[i]) == 0)
			return true;
	return false;
}

static int case_add(const json_t *obj, void *user, struct wc_error *err)
{
	struct case_filter *f = user;
	struct net_case c;

	if (net_case_from_json(obj, &c, err))
		return -1;
	if (f->open_only && case_finished(c.status)) {
		net_case_release(&c);
		return 0;
	}
	if (grow((void **)&f->list->items, f->list->n, sizeof(c))) {
		net_case_release(&c);
		return oom(err);
	}
	f->list->items[f->list->n++] = c;
	return 0;
}

int net_cases_mine(struct net_client *client, bool open_only,
		   struct net_case_list *out, struct wc_error *err)
{
	struct net_case_list list = {0};
	struct case_filter f = {.list = &list, .open_only = open_only};

	if (net_list_each(client, "/v1/cases?scope=mine", case_add, &f, err)) {
		net_case_list_release(&list);
		return -1;
	}
	*out = list;
	return 0;
}

static int audit_add(const json_t *obj, void *user, struct wc_error *err)
{
	struct net_audit_list *list = user;
	struct net_audit_entry e;

	if (net_audit_entry_from_json(obj, &e, err))
		return -1;
	if (grow((void **)&list->items, list->n, sizeof(e))) {
		free(e.seq);
		free(e.at);
		free(e.actor);
		free(e.action);
		free(e.data);
		return oom(err);
	}
	list->items[list->n++] = e;
	return 0;
}

int net_audit_list(struct net_client *client, const char *entity,
		   struct net_audit_list *out, struct wc_error *err)
{
	struct net_audit_list list = {0};
	char path[256];

	if (path_build(path, sizeof(path), "/v1/audit?entity=", entity, ""))
		return wc_error_set(err, "not_found", NULL, "bad entity");
	if (net_list_each(client, path, audit_add, &list, err)) {
		net_audit_list_release(&list);
		return -1;
	}
	*out = list;
	return 0;
}
