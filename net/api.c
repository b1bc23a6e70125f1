/* api.c - the calls of API.md the client makes, on top of net_request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "wincase/net.h"

/* Lists are read page by page; this many pages at most (limit=200 each). */
#define NET_MAX_PAGES 50

static int oom(struct wc_error *err)
{
	return wc_error_set(err, "internal", NULL, "out of memory");
}

/* obj[key] = value when value is not empty. -1 when out of memory. */
static int body_put(json_t *obj, const char *key, const char *value)
{
	if (!value || !*value)
		return 0;
	return json_object_set_new(obj, key, json_string(value));
}

int net_login(struct net_client *client, const char *username,
	      const char *password, const char *window, struct net_user *user,
	      struct wc_error *err)
{
	json_t *body = json_object(), *answer = NULL;
	const char *token;
	int ret = -1;

	if (!body || body_put(body, "username", username) ||
	    json_object_set_new(body, "password",
				json_string(password ? password : "")) ||
	    body_put(body, "window", window)) {
		oom(err);
		goto done;
	}
	net_client_set_token(client, NULL);
	if (net_request(client, "POST", "/v1/sessions", body, NULL, &answer,
			err))
		goto done;
	token = json_string_value(json_object_get(answer, "token"));
	if (!token) {
		wc_error_set(err, "bad_response", "token", "no token");
		goto done;
	}
	if (net_user_from_json(json_object_get(answer, "user"), user, err))
		goto done;
	if (net_client_set_token(client, token)) {
		net_user_release(user);
		oom(err);
		goto done;
	}
	ret = 0;
done:
	json_decref(body);
	json_decref(answer);
	return ret;
}

int net_logout(struct net_client *client, struct wc_error *err)
{
	int ret = net_request(client, "DELETE", "/v1/sessions/current", NULL,
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

/* Calls each(obj, user) for every element of every page of a list.
 * base is the path with its query, without limit and cursor. */
static int list_each(struct net_client *client, const char *base,
		     int (*each)(const json_t *obj, void *user,
				 struct wc_error *err),
		     void *user, struct wc_error *err)
{
	char path[1024], *cursor = NULL, *escaped;
	const char *sep = strchr(base, '?') ? "&" : "?";
	json_t *answer = NULL, *items, *obj;
	const char *next;
	size_t i;
	int page, ret = -1;

	for (page = 0; page < NET_MAX_PAGES; page++) {
		if (cursor) {
			escaped = curl_easy_escape(NULL, cursor, 0);
			if (!escaped) {
				oom(err);
				goto done;
			}
			snprintf(path, sizeof(path), "%s%slimit=200&cursor=%s",
				 base, sep, escaped);
			curl_free(escaped);
		} else {
			snprintf(path, sizeof(path), "%s%slimit=200", base,
				 sep);
		}
		if (net_request(client, "GET", path, NULL, NULL, &answer, err))
			goto done;
		items = json_object_get(answer, "items");
		if (!json_is_array(items)) {
			wc_error_set(err, "bad_response", "items",
				     "list without items");
			goto done;
		}
		json_array_foreach(items, i, obj)
		{
			if (each(obj, user, err))
				goto done;
		}
		free(cursor);
		cursor = NULL;
		next =
		    json_string_value(json_object_get(answer, "next_cursor"));
		if (!next || !*next)
			break;
		cursor = strdup(next);
		json_decref(answer);
		answer = NULL;
		if (!cursor) {
			oom(err);
			goto done;
		}
	}
	ret = 0;
done:
	free(cursor);
	json_decref(answer);
	return ret;
}

int net_list_each(struct net_client *client, const char *base,
		  int (*each)(const json_t *obj, void *user,
			      struct wc_error *err),
		  void *user, struct wc_error *err)
{
	return list_each(client, base, each, user, err);
}

/* Grows a dynamic array of elements of size elem by one. */
static void *array_grow(void *items, size_t n, size_t elem)
{
	if (n & (n - 1)) /* not a power of two: there is room */
		return items;
	return realloc(items, (n ? n * 2 : 1) * elem);
}

static int inquiry_add(const json_t *obj, void *user, struct wc_error *err)
{
	struct net_inquiry_list *list = user;
	struct net_inquiry q;
	void *grown;

	if (net_inquiry_from_json(obj, &q, err))
		return -1;
	if (q.status && strcmp(q.status, "closed") == 0) {
		net_inquiry_release(&q);
		return 0;
	}
	grown = array_grow(list->items, list->n, sizeof(q));
	if (!grown) {
		net_inquiry_release(&q);
		return oom(err);
	}
	list->items = grown;
	list->items[list->n++] = q;
	return 0;
}

int net_inquiries_mine(struct net_client *client, struct net_inquiry_list *out,
		       struct wc_error *err)
{
	struct net_inquiry_list list = {0};

	if (list_each(client, "/v1/inquiries?scope=mine", inquiry_add, &list,
		      err)) {
		net_inquiry_list_release(&list);
		return -1;
	}
	*out = list;
	return 0;
}

static int item_add(const json_t *obj, void *user, struct wc_error *err)
{
	struct net_item_list *list = user;
	struct item it;
	void *grown;

	if (net_item_from_json(obj, &it, err))
		return -1;
	grown = array_grow(list->items, list->n, sizeof(it));
	if (!grown) {
		net_item_release(&it);
		return oom(err);
	}
	list->items = grown;
	list->items[list->n++] = it;
	return 0;
}

int net_items_list(struct net_client *client, struct net_item_list *out,
		   struct wc_error *err)
{
	struct net_item_list list = {0};

	if (list_each(client, "/v1/items", item_add, &list, err)) {
		net_item_list_release(&list);
		return -1;
	}
	*out = list;
	return 0;
}

static json_t *draft_to_json(const struct net_inquiry_draft *d)
{
	json_t *body = json_object(), *applicant = json_object();

	if (!body || !applicant)
		goto fail;
	if (body_put(applicant, "name", d->applicant_name) ||
	    body_put(applicant, "id_type",
		     d->id_no && *d->id_no ? d->id_type : NULL) ||
	    body_put(applicant, "id_no", d->id_no) ||
	    body_put(applicant, "phone", d->phone))
		goto fail;
	if (json_object_set_new(body, "applicant", applicant)) {
		applicant = NULL;
		goto fail;
	}
	applicant = NULL;
	if (body_put(body, "channel", d->channel) ||
	    body_put(body, "topic", d->topic) ||
	    body_put(body, "item_code", d->item_code))
		goto fail;
	return body;
fail:
	json_decref(applicant);
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
		oom(err);
		goto done;
	}
	if (net_request(client, "POST", "/v1/inquiries", body, idempotency_key,
			&answer, err))
		goto done;
	ret = net_inquiry_from_json(answer, out, err);
done:
	json_decref(body);
	json_decref(answer);
	return ret;
}
