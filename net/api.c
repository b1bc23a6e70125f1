/* api.c - the calls of API.md the client makes, on top of net_request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "wincase/net.h"

int net_session_adopt(struct net_client *client, const json_t *answer,
		      const char *token, struct net_user *user,
		      struct wc_error *err)
{
	if (net_user_from_json(json_object_get(answer, "user"), user, err))
		return -1;
	if (net_client_set_token(client, token)) {
		net_user_release(user);
		return net_oom(err);
	}
	net_client_session_note(client, answer);
	return 0;
}

int net_login(struct net_client *client, const char *username,
	      const char *password, const char *window, struct net_user *user,
	      struct wc_error *err)
{
	json_t *body = json_object(), *answer = NULL;
	const char *token;
	int ret = -1;

	if (!body || net_body_put(body, "username", username) ||
	    json_object_set_new(body, "password",
				json_string(password ? password : "")) ||
	    net_body_put(body, "window", window)) {
		net_oom(err);
		goto done;
	}
	net_client_set_token(client, NULL);
	if (net_write(client, "POST", "/v1/sessions", body, NULL, &answer, err))
		goto done;
	token = json_string_value(json_object_get(answer, "token"));
	if (!token) {
		wc_error_set(err, "bad_response", "token", "no token");
		goto done;
	}
	if (net_session_adopt(client, answer, token, user, err))
		goto done;
	ret = 0;
done:
	json_decref(body);
	json_decref(answer);
	return ret;
}

int net_logout(struct net_client *client, struct wc_error *err)
{
	int ret = net_write(client, "DELETE", "/v1/sessions/current", NULL,
			    NULL, NULL, err);

	net_client_set_token(client, NULL);
	return ret;
}

int net_health(struct net_client *client, struct wc_error *err)
{
	json_t *answer = NULL;
	const char *status;
	int ret = -1;

	if (net_request(client, "GET", "/v1/health", NULL, NULL, &answer, err))
		goto done;
	status = json_string_value(json_object_get(answer, "status"));
	if (!status || strcmp(status, "ok") != 0) {
		wc_error_set(err, "bad_response", "status", "server not ok");
		goto done;
	}
	ret = 0;
done:
	json_decref(answer);
	return ret;
}

static int inquiry_parse(const json_t *obj, void *out, const void *user,
			 struct wc_error *err)
{
	(void)user;
	return net_inquiry_from_json(obj, out, err);
}

static bool inquiry_open(const void *elem, const void *user)
{
	const struct net_inquiry *q = elem;

	(void)user;
	return q->status != INQUIRY_CLOSED;
}

static void inquiry_elem_release(void *elem)
{
	net_inquiry_release(elem);
}

static const struct net_list_kind inquiry_kind = {
    .elem = sizeof(struct net_inquiry),
    .parse = inquiry_parse,
    .keep = inquiry_open,
    .release = inquiry_elem_release,
};

int net_inquiries_mine(struct net_client *client, struct net_inquiry_list *out,
		       struct wc_error *err)
{
	void *items = NULL;
	size_t n = 0;

	if (net_list_collect(client, "/v1/inquiries?scope=mine", &inquiry_kind,
			     NULL, &items, &n, err))
		return -1;
	out->items = items;
	out->n = n;
	return 0;
}

static int item_parse(const json_t *obj, void *out, const void *user,
		      struct wc_error *err)
{
	(void)user;
	return net_item_from_json(obj, out, err);
}

static void item_elem_release(void *elem)
{
	net_item_release(elem);
}

static const struct net_list_kind item_kind = {
    .elem = sizeof(struct item),
    .parse = item_parse,
    .release = item_elem_release,
};

int net_items_list(struct net_client *client, struct net_item_list *out,
		   struct wc_error *err)
{
	void *items = NULL;
	size_t n = 0;

	if (net_list_collect(client, "/v1/items", &item_kind, NULL, &items, &n,
			     err))
		return -1;
	out->items = items;
	out->n = n;
	return 0;
}

static json_t *draft_to_json(const struct net_inquiry_draft *d)
{
	json_t *body = json_object();

	if (!body ||
	    json_object_set_new(body, "applicant",
				net_applicant_body_new(d->applicant_name,
						       d->id_type, d->id_no,
						       d->phone)) ||
	    net_body_put(body, "channel", d->channel) ||
	    net_body_put(body, "topic", d->topic) ||
	    net_body_put(body, "item_code", d->item_code))
		goto fail;
	return body;
fail:
	json_decref(body);
	return NULL;
}

int net_inquiry_create(struct net_client *client,
		       const struct net_inquiry_draft *draft,
		       const char *idempotency_key, struct net_inquiry *out,
		       struct wc_error *err)
{
	json_t *body = draft_to_json(draft), *answer = NULL;
	int ret = -1;

	if (!body) {
		net_oom(err);
		goto done;
	}
	if (net_write(client, "POST", "/v1/inquiries", body,
		      &(struct net_request_options){.idempotency_key =
							idempotency_key},
		      &answer, err))
		goto done;
	ret = net_inquiry_from_json(answer, out, err);
done:
	json_decref(body);
	json_decref(answer);
	return ret;
}
